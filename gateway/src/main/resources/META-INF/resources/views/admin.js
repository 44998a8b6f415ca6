// The platform administrator: communities and working-group accounts.
import { route, render, h, field, api, t, attempt, showOk } from '../app.js';

export function register() {
  // ----- admin: communities and working-group accounts -----
  route('/admin', async () => {
    const name = h('input'); const district = h('input'); const street = h('input');
    const wgUser = h('input', { autocomplete: 'off' }); const wgPass = h('input', { type: 'password', autocomplete: 'new-password' });
    const wgCommunity = h('input', { class: 'mono', placeholder: 'community id' });
    render(h('h1', { text: t('admin') }),
      h('form', { class: 'card', onsubmit: async e => {
        e.preventDefault();
        const c = await attempt(() => api('POST', '/api/communities', { name: name.value, district: district.value, street: street.value }));
        if (c) { showOk(t('communityCreated', c.name, c.id)); wgCommunity.value = c.id; }
      } }, h('h2', { text: t('newCommunity') }), field(t('name'), name), field(t('district'), district), field(t('street'), street),
        h('p', {}, h('button', { type: 'submit' }, t('create')))),
      h('form', { class: 'card', onsubmit: async e => {
        e.preventDefault();
        const a = await attempt(() => api('POST', '/api/admin/users', { username: wgUser.value.trim(), password: wgPass.value,
          displayName: t('role.working-group'), roles: ['working-group'], communityId: wgCommunity.value.trim() }));
        if (a) showOk(t('accountCreated', a.username));
      } }, h('h2', { text: t('newWorkingGroup') }), field(t('username'), wgUser), field(t('password'), wgPass),
        field(t('communityId'), wgCommunity), h('p', {}, h('button', { type: 'submit' }, t('create')))));
  });
}
