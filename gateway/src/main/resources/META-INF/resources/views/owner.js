// The owner's page, which the ballot's QR code opens: serial and code, the ballot's trail, the e-vote.
import { route, render, h, field, api, t, session, attempt, showOk, go } from '../app.js';
import { MARKS, label, whyText, when } from './common.js';
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
        h('h2', { text: t('trail') }),
        h('ol', {}, (status.trail || []).map(s => h('li', { text: when(s.at) + ' ' + t('act.' + s.action)
          + (s.recipientName ? ' · ' + s.recipientName : '') + (s.relation ? ' · ' + label('rel.', s.relation) : '')
          + (s.method ? ' · ' + label('how.', s.method) : '') + (s.channel ? ' · ' + label('ch.', s.channel) : '')
          + (s.reason ? ' · ' + (s.action === 'UNDELIVERABLE' ? whyText(s.reason) : s.reason) : '') }))),
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
  });

  function evoteForm(serial, status) {
    const choices = {};
    const row = (name, key, group) => h('fieldset', { class: 'card' }, h('legend', { text: name }),
      MARKS.map(mark => h('label', {}, h('input', { type: 'radio', name: group + key, value: mark, required: true,
        onchange: () => { choices[key] = mark; } }), t('mark.' + mark))));
    const motionChoices = {};
    const code = h('input', { name: 'code', autocomplete: 'off', required: true, autocapitalize: 'characters' });
    return h('form', { onsubmit: async e => {
      e.preventDefault();
      const marks = {}; const motions = {};
      for (const c of status.candidates) marks[c.candidateId] = choices['c' + c.candidateId];
      for (const m of status.motions) motions[m.motionId] = motionChoices['m' + m.motionId] || choices['m' + m.motionId];
      const done = await attempt(() => api('POST', `/api/ballots/${serial}/cast`, { verificationCode: code.value.trim(), marks, motions }));
      if (done) { showOk(t('castDone')); location.hash = '#/owner?done=' + Date.now(); }
    } }, h('h2', { text: t('evote') }), h('p', { text: t('evoteHelp', status.seats) }),
      status.candidates.map(c => row(c.name + '（' + c.building + ' ' + c.unit + '）', 'c' + c.candidateId, 'cand')),
      status.motions.map(m => row(m.title, 'm' + m.motionId, 'motion')),
      field(t('code'), code), h('p', {}, h('button', { type: 'submit' }, t('castVote'))));
  }
}
