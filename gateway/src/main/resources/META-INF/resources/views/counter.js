// The counter at the keyboard: serial, Enter, 1/2/3 per candidate, Enter.
import { route, render, h, field, api, t, session, go, problemText } from '../app.js';
import { SIGNATURES } from './common.js';

export function register() {
  // ----- counter: keyboard entry -----
  route('/count', async () => {
    const eid = session.claims().election_id;
    const [election, list] = await Promise.all([api('GET', `/api/elections/${eid}`), api('GET', `/api/elections/${eid}/candidates`)]);
    const candidates = list.candidates.filter(c => c.status === 'APPROVED');
    const items = [...candidates.map(c => ({ key: c.id, name: c.name, kind: 'c' })), ...election.motions.map(m => ({ key: m.id, name: m.title, kind: 'm' }))];
    let marks = {}; let current = 0; let saving = false;
    const serial = h('input', { id: 'serial', name: 'serial', autocomplete: 'off', autocapitalize: 'characters',
      spellcheck: 'false', 'aria-describedby': 'count-help entry-result' });
    const signature = h('select', { id: 'signature' }, SIGNATURES.map(s => h('option', { value: s }, t('sig.' + s))));
    const body = h('tbody');
    // the answer to the last entry, next to the form: a success replaces the one before, a refusal stays until the
    // next entry is answered (it names the serial, so it is not taken for the ballot being typed now)
    const result = h('p', { id: 'entry-result', role: 'status', 'aria-live': 'polite' });
    // running totals: this sign-in's entries (kept for the browser tab's session) and, for the whole election, the
    // ballots waiting for a scrutineer or a second entry (from the tally's counting progress)
    const claims = session.claims();
    const mineKey = `ov.count.${eid}.${claims.sid || claims.upn || ''}`;
    const mine = JSON.parse(sessionStorage.getItem(mineKey) || '{"entries":0,"conflicts":0}');
    const mineLine = h('span', { id: 'my-entries' });
    const allLine = h('span', { id: 'pending-totals' });
    const totals = h('p', { id: 'count-totals', class: 'totals' }, mineLine, allLine);
    const drawMine = () => { mineLine.textContent = t('myEntries', mine.entries, mine.conflicts); };
    const loadAll = () => api('GET', `/api/elections/${eid}/tally`).then(v => {
      const c = v.counting;
      allLine.textContent = t('pendingTotals', c.conflicts, c.awaitingSecondEntry, c.notYetEntered);
    }).catch(() => { allLine.textContent = ''; });
    const draw = () => body.replaceChildren(...items.map((it, i) => h('tr', { class: i === current ? 'current-row' : '' },
      h('td', { text: String(i + 1) }), h('td', { text: it.name }), h('td', { class: 'mark', text: marks[it.key] ? t('mark.' + marks[it.key]) : '—' }))));
    const save = async () => {
      if (saving) return;
      // serials are printed in capitals; one typed in lower case is the same serial
      const typed = serial.value.trim().toUpperCase();
      const entry = { serial: typed, signature: signature.value, marks: {}, motions: {} };
      for (const it of items) if (marks[it.key]) (it.kind === 'c' ? entry.marks : entry.motions)[it.key] = marks[it.key];
      saving = true;
      keys.setAttribute('aria-busy', 'true');
      try {
        const saved = await api('POST', `/api/elections/${eid}/counting/entries`, entry);
        result.className = 'entry-ok';
        result.textContent = t('entrySaved', saved.serial, saved.entryNumber, t('state.' + saved.state));
        mine.entries += 1;
        if (saved.state === 'CONFLICT') mine.conflicts += 1;
        sessionStorage.setItem(mineKey, JSON.stringify(mine));
        drawMine();
        loadAll();
      } catch (e) {
        if (e.status === 401) { saving = false; session.clear(); go('#/login'); return; } // the session ran out
        const why = problemText(e); // the server's detail, then only what it does not say already
        result.className = 'alert entry-refused';
        result.textContent = t('entryRefused', typed || '—', why);
      } finally {
        saving = false;
        keys.removeAttribute('aria-busy');
      }
      // accepted or refused, the next ballot starts from an empty form with the serial field focused: the digits
      // of the next serial must never land in the marks grid as marks
      marks = {}; current = 0; serial.value = ''; draw(); serial.focus();
    };
    const keys = h('div', { tabindex: 0, role: 'group', class: 'card', id: 'marks', 'aria-label': t('marksArea'), onkeydown: ev => {
      const chosen = { '1': 'APPROVE', '2': 'OPPOSE', '3': 'ABSTAIN' }[ev.key];
      if (chosen && items[current]) { marks[items[current].key] = chosen; current = Math.min(current + 1, items.length - 1); draw(); ev.preventDefault(); }
      else if (ev.key === 'ArrowDown') { current = Math.min(current + 1, items.length - 1); draw(); ev.preventDefault(); }
      else if (ev.key === 'ArrowUp') { current = Math.max(current - 1, 0); draw(); ev.preventDefault(); }
      else if ((ev.key === 'Backspace' || ev.key === 'Delete') && items[current]) { delete marks[items[current].key]; draw(); ev.preventDefault(); }
      else if (ev.key === 'Enter') { ev.preventDefault(); save(); }
    } }, h('table', { class: 'marks' }, h('thead', {}, h('tr', {}, ['#', t('name'), t('mark')].map(x => h('th', { text: x })))), body));
    serial.addEventListener('keydown', ev => {
      if (ev.key === 'Enter') { ev.preventDefault(); if (serial.value.trim()) keys.focus(); }
    });
    render(h('h1', { text: t('countEntry') }), h('p', { id: 'count-help', class: 'muted', text: t('countHelp') }),
      totals, h('div', { class: 'row' }, field(t('serial'), serial), field(t('signature'), signature)), result, keys,
      h('p', {}, h('button', { type: 'button', onclick: save }, t('saveEntry'))));
    // the counter starts typing (or scanning) at once: the first keys go into the serial field
    draw(); drawMine(); loadAll(); serial.focus();
  });
}
