// Scrutineers and the chief scrutineer: conflicts, the tally, sign-offs and finalizing.
import { route, render, h, field, api, t, session, attempt, attemptAt, showOk, feedback, noteOk, confirmStep, refresh } from '../app.js';
import { MARKS, SIGNATURES } from './common.js';

export function register() {
  // ----- scrutineer: conflicts, tally, sign-off -----
  route('/scrutiny', async () => {
    const claims = session.claims();
    const eid = claims.election_id;
    const [conflicts, tally, list, election] = await Promise.all([api('GET', `/api/elections/${eid}/counting/conflicts`),
      api('GET', `/api/elections/${eid}/tally`), api('GET', `/api/elections/${eid}/candidates`), api('GET', `/api/elections/${eid}`)]);
    const names = Object.fromEntries(list.candidates.map(c => [c.id, c.name]));
    election.motions.forEach(m => { names[m.id] = m.title; });
    const sections = [h('h1', { text: t('scrutiny') }), h('h2', { text: t('conflicts') + ' (' + conflicts.length + ')' })];
    for (const c of conflicts) sections.push(conflictCard(eid, c, names, list.candidates.filter(x => x.status === 'APPROVED'), election.motions));
    sections.push(tallyCard(eid, tally, names, claims));
    render(...sections);
  });

  function conflictCard(eid, conflict, names, candidates, motions) {
    const keys = [...candidates.map(c => ['c', c.id]), ...motions.map(m => ['m', m.id])];
    const selects = {};
    const signature = h('select', {}, SIGNATURES.map(s => h('option', { value: s }, t('sig.' + s))));
    const note = h('input', { required: true });
    const entries = conflict.entries;
    return h('section', { class: 'card', 'data-serial': conflict.serial }, h('h2', { text: conflict.serial + ' · ' + conflict.building + ' ' + conflict.unit }),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', { text: '' }), entries.map(e => h('th', { text: t('entryBy', e.counter) })), h('th', { text: t('resolution') }))),
        h('tbody', {}, h('tr', {}, h('td', { text: t('signature') }), entries.map(e => h('td', { text: t('sig.' + e.signature) })), h('td', {}, signature)),
          keys.map(([kind, id]) => {
            const s = h('select', { 'aria-label': names[id] }, h('option', { value: '' }, '—'), MARKS.map(m => h('option', { value: m }, t('mark.' + m))));
            const first = (kind === 'c' ? entries[0].marks : entries[0].motions || {})[id];
            if (first) s.value = first;
            selects[kind + id] = [kind, id, s];
            return h('tr', {}, h('td', { text: names[id] || id }), entries.map(e => h('td', { text: ((kind === 'c' ? e.marks : e.motions || {})[id]) ? t('mark.' + (kind === 'c' ? e.marks : e.motions)[id]) : '—' })), h('td', {}, s));
          }))),
      field(t('note'), note),
      h('p', {}, h('button', { type: 'button', onclick: async () => {
        const marks = {}; const motionMarks = {};
        Object.values(selects).forEach(([kind, id, s]) => { if (s.value) (kind === 'c' ? marks : motionMarks)[id] = s.value; });
        const done = await attempt(() => api('POST', `/api/elections/${eid}/counting/conflicts/${conflict.serial}/resolve`,
          { signature: signature.value, marks, motions: motionMarks, note: note.value }));
        if (done) { showOk(t('resolved', conflict.serial)); refresh(); }
      } }, t('resolve'))));
  }

  function tallyCard(eid, view, names, claims) {
    const tally = view.tally;
    const hash = h('input', { class: 'mono', autocomplete: 'off' }); // typed from the verifier's output, not copied from here
    const nodes = [h('h2', { text: t('tally') + (view.provisional ? ' (' + t('provisional') + ')' : '') }),
      h('p', {}, t('ledgerHash') + ': ', h('span', { class: 'mono', id: 'ledger-hash', text: view.ledgerHash || '—' })),
      h('p', { text: t('countingProgress', view.counting.countedPaper, view.counting.returnedPaper, view.counting.conflicts, view.counting.online) })];
    if (tally) {
      nodes.push(h('p', { text: t('participation', tally.participation.headcount, tally.electorate.headcount, tally.participationHeadsPercent,
        tally.participation.area, tally.electorate.area, tally.participationAreaPercent) }),
      h('table', {}, h('thead', {}, h('tr', {}, [t('name'), t('heads'), '%', t('area'), '%', t('outcome')].map(x => h('th', { text: x })))),
        h('tbody', {}, tally.candidates.map(c => h('tr', {}, [names[c.candidateId] || c.candidateId, c.approvingHeads, c.headsPercent, c.approvingArea, c.areaPercent, t('out.' + c.outcome)]
          .map(x => h('td', { text: String(x) })))))));
    }
    nodes.push(h('p', { text: t('signoffs', view.signoffs.filter(s => s.agrees).length, view.requiredSignoffs) }));
    // only scrutineers sign off: the chief scrutineer decides, and the sign-offs are the check on that decision
    if ((claims.groups || []).includes('scrutineer') && view.provisional) {
      const disagree = h('input', { type: 'checkbox', name: 'disagree' });
      const note = h('textarea', { name: 'note', rows: 2, maxlength: 1000 });
      nodes.push(h('form', { onsubmit: async e => {
        e.preventDefault();
        const r = await attempt(() => api('POST', `/api/elections/${eid}/tally/signoffs`,
          { attestation: hash.value.trim(), disagree: disagree.checked, note: note.value.trim() || null }));
        if (r) { showOk(r.agrees ? t('signoffAgrees') : t('signoffDiffers')); refresh(); }
      } }, h('p', { class: 'muted', text: t('signoffHelp') }),
        h('pre', { class: 'mono', text: 'java -jar verifier.jar electorate.json ledger.jsonl tally.json' }),
        field(t('recomputedHash'), hash),
        h('label', {}, disagree, ' ' + t('signoffDisagree')), field(t('signoffNote'), note),
        h('p', {}, h('button', { type: 'submit' }, t('signOff')))));
    }
    if ((claims.groups || []).includes('chief-scrutineer')) {
      const finalized = feedback('finalize'); // stays after the button goes: the confirmation is shown here
      if (view.provisional) {
        const button = h('button', { type: 'button', id: 'finalize', onclick: async () => {
          if (!await confirmStep({ consequence: t('cf.finalize'), confirmLabel: t('finalize'), danger: true })) return;
          button.disabled = true;
          const done = await attemptAt(finalized, () => api('POST', `/api/elections/${eid}/tally/finalize`));
          button.disabled = false;
          if (done !== undefined) { noteOk(finalized, t('finalized')); refresh(); }
        } }, t('finalize'));
        nodes.push(h('p', {}, button));
      }
      nodes.push(finalized);
    }
    return h('section', { class: 'card' }, nodes);
  }
}
