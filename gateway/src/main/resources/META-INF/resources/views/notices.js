// The community's public notice board: anyone may read it.
import { route, render, h, api, t } from '../app.js';
import { when, deadline } from './common.js';

export function register() {
  // ----- public notice board -----
  route('/notices/([0-9a-f-]{36})', async (params, cid) => {
    const board = await api('GET', `/api/communities/${cid}/notices?size=50&lang=${t('lang')}`);
    render(h('h1', { text: t('noticeBoard') }), board.items.length === 0 ? h('p', { text: t('noNotices') }) : null,
      board.items.map(n => h('article', { class: 'card' }, h('h2', { text: n.title }),
        h('p', { class: 'muted', text: t('published') + ' ' + when(n.publishedAt) + (n.publicityEndsAt ? ' · ' + t('until') + ' ' + deadline(n.publicityEndsAt) : '') }),
        n.body.split('\n').map(line => h('p', { text: line })),
        h('a', { href: `/api/communities/${cid}/notices/${n.id}/print?lang=${t('lang')}`, target: '_blank', rel: 'noopener' }, t('print')))));
  });
}
