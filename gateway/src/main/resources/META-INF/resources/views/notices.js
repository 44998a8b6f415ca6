// The community's public notice board: anyone may read it. Owners see the same board on their page.
import { route, render, h, api, t, hasText } from '../app.js';
import { when, deadline } from './common.js';

/** One community's notices, newest first, each with its kind in words and its print page. */
export async function noticeArticles(cid, size = 50) {
  const board = await api('GET', `/api/communities/${cid}/notices?size=${size}&lang=${t('lang')}`);
  if (board.items.length === 0) return [h('p', { text: t('noNotices') })];
  return board.items.map(n => h('article', { class: 'card notice', 'data-kind': n.kind },
    h('p', { class: 'status kind', text: hasText('nk.' + n.kind) ? t('nk.' + n.kind) : t('nk.OTHER') }),
    h('h2', { text: n.title }),
    h('p', { class: 'muted', text: t('published') + ' ' + when(n.publishedAt) + (n.publicityEndsAt ? ' · ' + t('until') + ' ' + deadline(n.publicityEndsAt) : '') }),
    n.body.split('\n').map(line => h('p', { text: line })),
    h('a', { href: `/api/communities/${cid}/notices/${n.id}/print?lang=${t('lang')}`, target: '_blank', rel: 'noopener' }, t('printNotice'))));
}

export function register() {
  route('/notices/([0-9a-f-]{36})', async (params, cid) => {
    render(h('h1', { text: t('noticeBoard') }), await noticeArticles(cid));
  });
}
