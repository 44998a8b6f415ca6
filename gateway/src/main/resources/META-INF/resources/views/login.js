// Staff sign-in.
import { route, render, h, field, api, t, session, attempt, home } from '../app.js';

export function register() {
  // ----- sign-in -----
  route('/login', async () => {
    if (session.claims()) { location.hash = home(); return; }
    const user = h('input', { name: 'username', autocomplete: 'username', required: true });
    const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const form = h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      const tokens = await attempt(() => api('POST', '/api/auth/login', { username: user.value.trim(), password: pass.value }));
      if (tokens) { session.save(tokens); location.hash = home(); }
    } }, field(t('username'), user), field(t('password'), pass), h('p', {}, h('button', { type: 'submit' }, t('signIn'))));
    render(h('h1', { text: t('staffLogin') }), h('section', { class: 'card' }, form),
      h('p', {}, h('a', { href: '#/owner' }, t('ownerPage'))));
    user.focus();
  });
}
