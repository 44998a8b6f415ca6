// Scrutineers and the chief scrutineer: conflicts, the tally, the three exports and the verifier, sign-offs and
// finalizing. A scrutineer need not be an engineer: the exports are downloads, the verifier's command is shown as it
// is typed, and the sign-off takes the verifier's whole output (pasted or as its file) and finds the code in it.
import { route, render, h, field, api, t, session, attemptAt, showOk, feedback, noteOk, fillNote, clearNote, confirmStep,
  refresh } from '../app.js';
import { MARKS, SIGNATURES, download } from './common.js';
import { tallySection } from './tally.js';

/** The verifier's jar, as `mvn package` names it in verifier/target (README, "The verifier"). */
export const VERIFIER_JAR = 'verifier-0.1.0-SNAPSHOT.jar';
const EXPORTS = [
  { path: 'ledger/electorate', file: 'electorate.json', type: 'application/json', label: 'exportElectorate' },
  { path: 'ledger', file: 'ledger.jsonl', type: 'application/x-ndjson', label: 'exportLedger' },
  { path: 'tally', file: 'tally.json', type: 'application/json', label: 'exportTally' },
];

/**
 * The attestation code in the verifier's output: the 64 hex digits on its ATTESTATION (签核码) line; failing that, the
 * only 64-hex-digit word in the text. Null when there is none, or more than one and no ATTESTATION line says which.
 */
export function extractAttestation(output) {
  const text = String(output || '');
  for (const line of text.split(/\r?\n/)) {
    if (/ATTESTATION|签核码/.test(line)) {
      const found = line.match(/(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])/);
      if (found) return found[0].toLowerCase();
    }
  }
  const all = [...new Set((text.match(/(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])/g) || []).map(x => x.toLowerCase()))];
  return all.length === 1 ? all[0] : null;
}

export function register() {
  route('/scrutiny', async () => {
    const claims = session.claims();
    const eid = claims.election_id;
    const [conflicts, tally, list, election] = await Promise.all([api('GET', `/api/elections/${eid}/counting/conflicts`),
      api('GET', `/api/elections/${eid}/tally`), api('GET', `/api/elections/${eid}/candidates`), api('GET', `/api/elections/${eid}`)]);
    const names = Object.fromEntries(list.candidates.map(c => [c.id, c.name]));
    election.motions.forEach(m => { names[m.id] = m.title; });
    const sections = [h('h1', { text: t('scrutiny') }), h('h2', { text: t('conflicts') + ' (' + conflicts.length + ')' })];
    if (conflicts.length === 0) sections.push(h('p', { class: 'muted', text: t('noConflicts') }));
    for (const c of conflicts) sections.push(conflictCard(eid, c, names, list.candidates.filter(x => x.status === 'APPROVED'), election.motions));
    sections.push(h('section', { class: 'card' }, tallySection(tally, names)));
    sections.push(checkCard(eid, tally, claims));
    render(...sections);
  });

  /**
   * Two counters' entries side by side. A row where they differ is marked (colour and the word 不一致) and its
   * resolution starts empty: the scrutineer looks at the paper ballot and chooses. Where both agree, their mark is
   * filled in.
   */
  function conflictCard(eid, conflict, names, candidates, motions) {
    const keys = [...candidates.map(c => ['c', c.id]), ...motions.map(m => ['m', m.id])];
    const entries = conflict.entries;
    const markOf = (e, kind, id) => ((kind === 'c' ? e.marks : e.motions) || {})[id] || 'ABSTAIN'; // blank = abstain
    const selects = [];
    const choose = (values, prefix, agreed, name) => {
      const s = h('select', { 'aria-label': name, 'data-differs': agreed ? null : '' },
        h('option', { value: '' }, t('chooseOne')), values.map(v => h('option', { value: v }, t(prefix + v))));
      if (agreed) s.value = agreed;
      return s;
    };
    const sigAgreed = entries.every(e => e.signature === entries[0].signature) ? entries[0].signature : null;
    const signature = choose(SIGNATURES, 'sig.', sigAgreed, t('signature'));
    const differsCell = agreed => h('td', { class: 'differs-flag', text: agreed ? '' : t('differs') });
    const rows = [h('tr', { class: sigAgreed ? null : 'differs' }, h('th', { scope: 'row', text: t('signature') }),
      entries.map(e => h('td', { text: t('sig.' + e.signature) })), differsCell(sigAgreed), h('td', {}, signature))];
    for (const [kind, id] of keys) {
      const marks = entries.map(e => markOf(e, kind, id));
      const agreed = marks.every(m => m === marks[0]) ? marks[0] : null;
      const s = choose(MARKS, 'mark.', agreed, names[id] || id);
      selects.push([kind, id, s]);
      rows.push(h('tr', { class: agreed ? null : 'differs' }, h('th', { scope: 'row', text: names[id] || id }),
        marks.map(m => h('td', { text: t('mark.' + m) })), differsCell(agreed), h('td', {}, s)));
    }
    const note = h('input', { required: true, maxlength: 1000 });
    const slot = feedback('conflict-' + conflict.serial);
    const differing = rows.filter(r => r.classList.contains('differs')).length;
    return h('section', { class: 'card', 'data-serial': conflict.serial },
      h('h2', { text: conflict.serial + ' · ' + conflict.building + ' ' + conflict.unit }),
      h('p', { class: 'muted', text: t('conflictHelp', differing) }),
      h('div', { class: 'scroll' }, h('table', { class: 'conflict' },
        h('thead', {}, h('tr', {}, h('td', {}), entries.map(e => h('th', { scope: 'col', text: t('entryBy', e.counter) })),
          h('th', { scope: 'col', text: t('comparison') }), h('th', { scope: 'col', text: t('resolution') }))),
        h('tbody', {}, rows))),
      field(t('note'), note),
      h('p', {}, h('button', { type: 'button', onclick: async () => {
        clearNote(slot);
        const open = [signature, ...selects.map(x => x[2])].find(s => !s.value);
        if (open) { fillNote(slot, { ok: false, error: { message: t('chooseEveryDifference') } }); open.focus(); return; }
        if (!note.value.trim()) { fillNote(slot, { ok: false, error: { message: t('noteRequired') } }); note.focus(); return; }
        const marks = {}; const motionMarks = {};
        selects.forEach(([kind, id, s]) => { (kind === 'c' ? marks : motionMarks)[id] = s.value; });
        const done = await attemptAt(slot, () => api('POST', `/api/elections/${eid}/counting/conflicts/${encodeURIComponent(conflict.serial)}/resolve`,
          { signature: signature.value, marks, motions: motionMarks, note: note.value.trim() }));
        if (done) { showOk(t('resolved', conflict.serial)); refresh(); }
      } }, t('resolve'))), slot);
  }

  /** The exports, the verifier's command, the sign-off (or a deliberate disagreement), and finalizing. */
  function checkCard(eid, view, claims) {
    const nodes = [h('h2', { text: t('checkTitle') })];
    const groups = claims.groups || [];
    nodes.push(h('p', { id: 'signoff-count', text: t('signoffs', view.signoffs.filter(s => s.agrees).length, view.requiredSignoffs) }));
    if (view.signoffs.length) {
      nodes.push(h('ul', { class: 'signoffs' }, view.signoffs.map(s => h('li', { text: s.scrutineer + ' · '
        + (s.agrees ? t('signoffAgreed') : t('signoffDisagreed') + (s.note ? '：' + s.note : '')) }))));
    }
    if (groups.includes('scrutineer') && view.provisional) nodes.push(...signoffParts(eid, claims.upn));
    if (groups.includes('chief-scrutineer')) {
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
    return h('section', { class: 'card', id: 'check' }, nodes);
  }

  function signoffParts(eid, username) {
    // 1. the three exports, saved exactly as the API sent them (the verifier recomputes from these bytes)
    const fetched = feedback('exports');
    const downloads = EXPORTS.map(x => h('button', { type: 'button', class: 'secondary', 'data-export': x.file, onclick: async () => {
      const text = await attemptAt(fetched, () => api('GET', `/api/elections/${eid}/${x.path}`, undefined,
        { raw: true, accept: x.file.endsWith('.jsonl') ? 'application/x-ndjson, application/json, text/plain' : 'application/json' }));
      if (text !== undefined) { download(x.file, text, x.type); noteOk(fetched, t('downloaded', x.file)); }
    } }, t(x.label)));
    const command = 'java -jar ' + VERIFIER_JAR + ' electorate.json ledger.jsonl tally.json';
    // or in one step: the verifier signs in itself and fetches the three exports (keeping them with their SHA-256)
    const oneStep = 'java -jar ' + VERIFIER_JAR + ' --gateway ' + location.origin + ' --election ' + eid
      + ' --username ' + (username || 'NAME');

    // 2. the verifier's output: pasted, or its file chosen; the code is found in it and shown before sending
    const output = h('textarea', { name: 'verifier-output', rows: 6, class: 'mono', spellcheck: 'false', autocomplete: 'off',
      'aria-describedby': 'found-code' });
    const file = h('input', { type: 'file', name: 'verifier-file', accept: '.txt,.log,text/plain' });
    const found = h('p', { id: 'found-code', class: 'muted', 'aria-live': 'polite' });
    const show = () => {
      const code = extractAttestation(output.value);
      found.replaceChildren(...(code ? [t('foundCode') + ' ', h('span', { class: 'mono', text: code })]
        : [output.value.trim() ? t('noCodeFound') : t('pasteFirst')]));
    };
    output.addEventListener('input', show);
    file.addEventListener('change', async () => { if (file.files[0]) { output.value = await file.files[0].text(); show(); } });
    show();

    const slot = feedback('signoff');
    const send = async body => {
      clearNote(slot);
      try {
        return await api('POST', `/api/elections/${eid}/tally/signoffs`, body);
      } catch (e) {
        // a well-formed code that is not the tally's as it stands: said in the client's own words (nothing recorded)
        const mismatch = e.status === 422 && (e.problem?.errors || []).some(x => x.field === 'attestation');
        fillNote(slot, { ok: false, error: mismatch ? { message: t('attestationMismatch') } : e });
        slot.scrollIntoView({ block: 'center' });
        return undefined;
      }
    };
    const agree = h('button', { type: 'submit', id: 'sign-off' }, t('signOff'));
    const form = h('form', { id: 'signoff', onsubmit: async e => {
      e.preventDefault();
      const code = extractAttestation(output.value);
      if (!code) { clearNote(slot); fillNote(slot, { ok: false, error: { message: t('attestationMalformed') } }); output.focus(); return; }
      const r = await send({ attestation: code, disagree: false });
      if (r) { showOk(r.agrees ? t('signoffAgrees') : t('signoffDiffers')); refresh(); }
    } }, field(t('verifierOutput'), output), field(t('verifierFile'), file), found, h('p', {}, agree), slot);

    // 3. a deliberate disagreement: its own, clearly labelled step, with a note saying what differs
    const note = h('textarea', { name: 'disagree-note', rows: 3, maxlength: 1000 });
    const disagreeSlot = feedback('disagree');
    const disagree = h('details', { class: 'disagree' }, h('summary', { text: t('disagreeTitle') }),
      h('p', { class: 'muted', text: t('disagreeHelp') }), field(t('disagreeNote'), note),
      h('p', {}, h('button', { type: 'button', class: 'danger', id: 'disagree', onclick: async () => {
        clearNote(disagreeSlot);
        if (!note.value.trim()) { fillNote(disagreeSlot, { ok: false, error: { message: t('noteRequired') } }); note.focus(); return; }
        if (!await confirmStep({ consequence: t('cf.disagree'), confirmLabel: t('recordDisagreement'), danger: true })) return;
        // a verifier that found differences prints no code: then none is sent, and the note is what is recorded
        const code = extractAttestation(output.value);
        const body = { disagree: true, note: note.value.trim() };
        if (code) body.attestation = code;
        const r = await attemptAt(disagreeSlot, () => api('POST', `/api/elections/${eid}/tally/signoffs`, body));
        if (r) { showOk(r.agrees ? t('signoffAgrees') : t('signoffDiffers')); refresh(); }
      } }, t('recordDisagreement'))), disagreeSlot);

    return [h('h3', { text: t('step1Exports') }), h('p', { class: 'muted', text: t('exportsHelp') }),
      h('div', { class: 'row' }, downloads), fetched,
      h('h3', { text: t('step2Verifier') }), h('p', { class: 'muted', text: t('verifierHelp') }),
      h('pre', { class: 'mono command', id: 'verifier-command', text: command }),
      h('p', { class: 'muted', text: t('verifierOneStep') }),
      h('pre', { class: 'mono command', id: 'verifier-gateway-command', text: oneStep }),
      h('h3', { text: t('step3Signoff') }), h('p', { class: 'muted', text: t('signoffHelp') }), form, disagree];
  }
}
