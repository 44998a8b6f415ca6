// A community's public page by its short code (/c/CODE on the notice-board poster, opened as #/c/CODE): no sign-in.
// Its elections with their phase and voting period, once final their result, and the notice board; and the poster
// the working group prints and puts up, with the short address in large type and its QR code.
import { route, render, h, api, t, session, ApiError, shortAddress, rememberShortCode } from '../app.js';
import { when, deadline } from './common.js';
import { noticeArticles } from './notices.js';
import { tallySection } from './tally.js';

const CODE = '([A-Za-z0-9]{4,12})';

/** The community by its code, or null (after saying so on the page) when there is no such community. */
async function communityByCode(code) {
  try {
    return await api('GET', `/api/communities/by-code/${encodeURIComponent(code)}`);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    render(h('h1', { text: t('communityNotFound') }), h('section', { class: 'card' },
      h('p', { text: e.problem.detail || t('communityNotFoundHelp') }), h('p', { class: 'muted', text: t('communityNotFoundHelp') })));
    return null;
  }
}

/** The voting period in words, Beijing time: opened, until the deadline, or closed (early or on time). */
function votingPeriod(e) {
  if (!e.votingOpenedAt) return t('votingNotYet');
  const from = t('votingFrom', when(e.votingOpenedAt), deadline(e.votingDeadline));
  return e.votingClosedAt ? from + ' ' + t('votingClosedAt', when(e.votingClosedAt)) : from;
}

/**
 * An election's final result, when there is one: the tally as owners see it. Candidates' names come from the
 * candidate list where the reader may see it (staff of the community); anyone else is shown the participation and
 * the verdict, and the result notice on the board below names everyone.
 */
async function resultOf(e) {
  if (!['COUNTING', 'RESULT_PUBLICITY', 'CLOSED', 'FAILED'].includes(e.phase)) return null;
  const view = await api('GET', `/api/elections/${e.id}/tally`).catch(() => null);
  if (!view || view.provisional || !view.tally) return null;
  const list = session.claims() ? await api('GET', `/api/elections/${e.id}/candidates`).catch(() => null) : null;
  const names = list ? Object.fromEntries(list.candidates.map(c => [c.id, c.name])) : null;
  return h('div', { class: 'public-result', 'data-result': e.id }, names
    ? tallySection(view, names, { staff: false, id: 'tally-' + e.id })
    : [...tallySection(view, {}, { staff: false, summaryOnly: true }), h('p', { class: 'muted', text: t('resultInNotice') })]);
}

export function register() {
  route('/c/' + CODE, async (params, typed) => {
    const code = typed.toUpperCase();
    const c = await communityByCode(code);
    if (!c) return;
    rememberShortCode(c.id, c.shortCode);
    const claims = session.claims();
    const ownGroup = claims && (claims.groups || []).includes('working-group') && claims.community_id === c.id;
    const elections = await Promise.all(c.elections.map(async e => h('article', { class: 'card election', 'data-election': e.id },
      h('h3', {}, e.title, e.drill ? [' ', h('span', { class: 'status drill', text: t('drillMark') })] : null),
      h('p', {}, t('phase') + '：', h('strong', { class: 'phase', text: t('ph.' + e.phase) })),
      h('p', { class: 'voting-period', text: votingPeriod(e) }),
      await resultOf(e))));
    render(h('h1', { text: c.name }),
      h('p', { class: 'muted', text: [c.district, c.street].filter(Boolean).join(' · ') }),
      ownGroup ? h('p', { class: 'no-print' }, h('a', { class: 'button secondary', href: '#/c/' + c.shortCode + '/poster' }, t('printPoster'))) : null,
      h('section', { id: 'community-elections' }, h('h2', { text: t('elections') }),
        elections.length ? elections : h('p', { class: 'muted', text: t('noElections') })),
      h('section', { id: 'community-notices' }, h('h2', { text: t('noticeBoard') }), await noticeArticles(c.id, 20)));
  });

  // ----- the poster: printed and put up on the paper notice board, by the lifts, at the gate -----
  route('/c/' + CODE + '/poster', async (params, typed) => {
    const code = typed.toUpperCase();
    const c = await communityByCode(code);
    if (!c) return;
    const address = shortAddress(c.shortCode);
    render(h('div', { class: 'row no-print' }, h('a', { class: 'button secondary', href: '#/c/' + c.shortCode }, t('back')),
      h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('printPosterNow'))),
    h('p', { class: 'muted no-print', text: t('posterHelp') }),
    h('article', { class: 'poster', id: 'poster' },
      h('h1', { text: c.name }),
      h('p', { class: 'poster-title', text: t('posterTitle') }),
      h('p', { class: 'poster-lead', text: t('posterLead') }),
      h('img', { src: `/c/${encodeURIComponent(c.shortCode)}/qr.png`, alt: t('posterQrAlt', address), width: 320, height: 320, class: 'poster-qr' }),
      h('p', { class: 'poster-address', id: 'poster-address', text: address }),
      h('p', { class: 'poster-foot', text: t('posterFoot') })));
  });
}
