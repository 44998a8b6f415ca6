// The owner's page, which the ballot's QR code opens: serial and code, the ballot's trail, the e-vote.
import { route, render, h, field, api, t, session, attempt, go } from '../app.js';
import { MARKS, trailText } from './common.js';
import { noticeArticles } from './notices.js';
import { tallySection } from './tally.js';

export function register() {
  // ----- owner: serial and code, trail, e-vote -----
  route('/owner', async params => {
    const claims = session.claims();
    if (!claims || !(claims.groups || []).includes('owner')) {
      const serial = h('input', { name: 'serial', value: params.get('serial') || '', autocomplete: 'off', required: true });
      const code = h('input', { name: 'code', autocomplete: 'off', required: true, autocapitalize: 'characters' });
      render(h('h1', { text: t('ownerPage') }), h('form', { class: 'card', onsubmit: async e => {
        e.preventDefault();
        const tokens = await attempt(() => api('POST', '/api/auth/owner-login',
          { ballotSerial: serial.value.trim().toUpperCase(), verificationCode: code.value.trim().toUpperCase() }));
        // the code is not kept anywhere: the owner types it again to vote. Signed in from the header's link the
        // address is #/owner already, and setting it again would show nothing new: go() shows the ballot either way
        if (tokens) { session.save(tokens); code.value = ''; go('#/owner'); }
      } }, h('p', { text: t('ownerHelp') }), field(t('serial'), serial), field(t('code'), code),
        h('p', {}, h('button', { type: 'submit' }, t('checkBallot')))));
      (serial.value ? code : serial).focus();
      return;
    }
    const serial = claims.ballot_serial;
    const status = await api('GET', `/api/ballots/${serial}/status`);
    const nodes = [h('h1', { text: t('yourBallot') + ' ' + serial }),
      h('section', { class: 'card' }, h('p', { text: status.electionTitle }),
        h('p', {}, t('unit') + ': ' + status.building + ' ' + status.unit),
        h('p', {}, t('status') + ': ', h('strong', { id: 'ballot-status', text: t('st.' + status.status) })),
        params.get('done') && status.status === 'CAST_ONLINE' ? h('p', { class: 'feedback ok', role: 'status', id: 'cast-done', text: t('castDone') }) : null,
        h('h2', { text: t('trail') }),
        h('ol', { id: 'trail' }, (status.trail || []).map(s => h('li', { text: trailText(s) }))),
        status.recordHash ? h('p', {}, t('counted') + ' #' + status.ledgerPosition + ' ', h('span', { class: 'mono', text: status.recordHash })) : null)];
    if (status.votingOpen && (status.status === 'ISSUED' || status.status === 'HANDED_OUT' || status.status === 'UNDELIVERABLE')
        && status.candidates) {
      nodes.push(evoteForm(serial, status));
    }
    // once the tally is final anyone may see it: the owner sees the result on the same page; before, nothing
    const tally = claims.election_id ? await api('GET', `/api/elections/${claims.election_id}/tally`).catch(() => null) : null;
    if (tally && !tally.provisional && tally.tally) {
      const names = {};
      (status.candidates || []).forEach(c => { names[c.candidateId] = c.name; });
      (status.motions || []).forEach(m => { names[m.motionId] = m.title; });
      nodes.push(h('section', { class: 'card', id: 'owner-result' }, tallySection(tally, names, { staff: false })));
    }
    if (claims.community_id) {
      const board = await noticeArticles(claims.community_id, 20).catch(() => null);
      if (board) nodes.push(h('section', { id: 'owner-notices' }, h('h2', { text: t('noticeBoard') }), board));
    }
    render(...nodes);
    if (params.get('done')) window.scrollTo(0, 0); // just voted: the confirmation and the new status, at the top
  });

  /**
   * The e-vote in two steps: the choices, with a running count of approvals against the seats, then a review that
   * lists every choice, where the owner types the code again and sends. Nothing is sent before the review.
   */
  function evoteForm(serial, status) {
    const choices = {};
    const items = [...status.candidates.map(c => ({ key: 'c' + c.candidateId, id: c.candidateId, kind: 'c',
      name: c.name + '（' + c.building + ' ' + c.unit + '）' })), ...status.motions.map(m => ({ key: 'm' + m.motionId, id: m.motionId, kind: 'm', name: m.title }))];
    const count = h('p', { id: 'approve-count', class: 'count', role: 'status', 'aria-live': 'polite' });
    const approvals = () => status.candidates.filter(c => choices['c' + c.candidateId] === 'APPROVE').length;
    const showCount = () => {
      const n = approvals();
      count.className = n > status.seats ? 'count over' : 'count';
      count.textContent = t('approvedOf', n, status.seats) + (n > status.seats ? ' ' + t('tooMany') : '');
    };
    const row = item => h('fieldset', { class: 'card choice-row', 'data-key': item.key }, h('legend', { text: item.name }),
      MARKS.map(mark => h('label', {}, h('input', { type: 'radio', name: 'v' + item.key, value: mark,
        checked: choices[item.key] === mark, onchange: () => { choices[item.key] = mark; showCount(); } }), t('mark.' + mark))));
    const slot = h('div', { class: 'feedback', hidden: true });
    const box = h('div', { id: 'evote' });
    const problem = text => { slot.className = 'feedback problem'; slot.setAttribute('role', 'alert'); slot.textContent = text; slot.hidden = false; };

    const choose = () => {
      slot.hidden = true;
      showCount();
      box.replaceChildren(...[h('h2', { text: t('evote') }), h('p', { text: t('evoteHelp', status.seats) }), count,
        status.candidates.length ? h('h3', { text: t('candidates') }) : null, items.filter(i => i.kind === 'c').map(row),
        status.motions.length ? h('h3', { text: t('motions') }) : null, items.filter(i => i.kind === 'm').map(row),
        slot, h('p', {}, h('button', { type: 'button', id: 'review', onclick: () => {
          const missing = items.filter(i => !choices[i.key]);
          if (missing.length) {
            problem(t('notAllChosen', missing.length));
            box.querySelector(`fieldset[data-key="${missing[0].key}"] input`).focus();
            return;
          }
          if (approvals() > status.seats) { problem(t('tooManyApprovals', approvals(), status.seats)); count.scrollIntoView({ block: 'center' }); return; }
          review();
        } }, t('reviewChoices')))].flat().filter(Boolean));
    };

    const review = () => {
      const code = h('input', { name: 'code', autocomplete: 'off', required: true, autocapitalize: 'characters' });
      const form = h('form', { onsubmit: async e => {
        e.preventDefault();
        const marks = {}; const motions = {};
        items.forEach(i => { (i.kind === 'c' ? marks : motions)[i.id] = choices[i.key]; });
        const done = await attempt(() => api('POST', `/api/ballots/${serial}/cast`, { verificationCode: code.value.trim(), marks, motions }));
        if (done) location.hash = '#/owner?done=' + Date.now(); // the page says it next to the new status
      } }, field(t('codeAgain'), code), h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', id: 'change', onclick: choose }, t('changeChoices')),
        h('button', { type: 'submit' }, t('castVote'))));
      box.replaceChildren(h('h2', { id: 'review-title', tabindex: -1, text: t('reviewTitle') }), h('p', { text: t('reviewHelp') }),
        h('p', { class: 'count', text: t('approvedOf', approvals(), status.seats) }),
        h('table', { class: 'review', id: 'review-list' }, h('tbody', {}, items.map(i => h('tr', { class: 'mark-' + choices[i.key].toLowerCase() },
          h('th', { scope: 'row', text: i.name }), h('td', { text: t('mark.' + choices[i.key]) }))))), form);
      box.querySelector('#review-title').focus();
    };
    choose();
    return box;
  }
}
