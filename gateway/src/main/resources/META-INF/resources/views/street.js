// The street office: a read-only overview of its street's elections.
import { route, render, h, field, api, t } from '../app.js';
import { deadline } from './common.js';

export function register() {
  // ----- street office: a read-only overview of the elections in its communities of one street -----
  route('/street', async params => {
    const street = h('input', { name: 'street', value: params.get('s') || localStorage.getItem('ov.street') || '' });
    const nodes = [h('h1', { text: t('streetOverview') }), h('form', { class: 'card', onsubmit: e => {
      e.preventDefault();
      localStorage.setItem('ov.street', street.value.trim());
      location.hash = '#/street?s=' + encodeURIComponent(street.value.trim());
    } }, field(t('street'), street), h('p', {}, h('button', { type: 'submit' }, t('show'))))];
    if (street.value) {
      const rows = await api('GET', '/api/elections?street=' + encodeURIComponent(street.value));
      nodes.push(h('section', { class: 'card' }, rows.length === 0 ? h('p', { text: t('noElections') }) :
        h('table', { id: 'street-elections' }, h('thead', {}, h('tr', {}, [t('community'), t('title'), t('phase'), t('deadline')]
          .map(x => h('th', { text: x })))), h('tbody', {}, rows.map(r => h('tr', {}, h('td', {}, h('a', { href: '#/c/' + r.communityShortCode }, r.communityName)),
          h('td', { text: r.title + (r.drill ? ' ' + t('drill') : '') }), h('td', { text: t('ph.' + r.phase) }), h('td', { text: deadline(r.votingDeadline) })))))));
    }
    render(...nodes);
  });
}
