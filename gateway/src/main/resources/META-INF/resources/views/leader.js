// The building leader on a phone: units of one building, one tap per step, a few seconds to undo.
import { route, render, h, field, api, t, session, withUndo, clearNote, fillNote } from '../app.js';
import { I18N } from '../i18n.js';
import { RELATIONS, METHODS, REASONS } from './common.js';

export function register() {
  // ----- building leader: one tap per step, with a few seconds to undo -----
  // A handout records who received the ballot and how: 业主本人 / 当面 are chosen in advance, so the common case is
  // one tap, and the leader changes them in the row before tapping when it was someone else or the mailbox. An
  // undeliverable ballot needs its reason chosen: there is no default, so no reason is recorded that was not given.
  route('/leader', async params => {
    const claims = session.claims();
    const eid = claims.election_id;
    const buildings = claims.buildings || [];
    const building = params.get('b') || buildings[0];
    const ballots = building ? await api('GET', `/api/elections/${eid}/ballots?building=${encodeURIComponent(building)}&size=500`) : [];
    // no buildings, or a building with no ballots: said in words, with what to do, never an empty page
    if (ballots.length === 0) {
      const e = await api('GET', `/api/elections/${eid}`).catch(() => null);
      const before = e && ['DRAFT', 'NOMINATION', 'CANDIDATE_PUBLICITY'].includes(e.phase);
      const why = buildings.length === 0 ? t('leaderNoBuildings') : before ? t('leaderBeforeVoting', building) : t('leaderBuildingEmpty', building);
      render(h('h1', { text: t('myBuildings') }),
        buildings.length > 1 ? h('nav', { class: 'row', 'aria-label': t('myBuildings') }, buildings.map(x => h('a', { href: '#/leader?b=' + encodeURIComponent(x),
          'aria-current': x === building ? 'page' : null, class: 'status' }, x))) : null,
        h('section', { class: 'card', id: 'leader-empty' }, h('p', { class: 'verdict no', text: why }),
          before && buildings.length ? null : h('p', { text: t('leaderAskWorkingGroup') })));
      return;
    }
    const list = h('ul', { class: 'units', id: 'units' });
    const rows = new Map(); // serial → { ballot, pending, open, choice, note }
    const touched = new Set(); // rows stepped on since the filter or search last changed: they stay in sight
    ballots.forEach(b => rows.set(b.serial, { ballot: b, pending: null, open: null, note: null,
      choice: { relation: 'OWNER', method: 'IN_PERSON', name: '' } }));
    let draw = serial => {
      const li = unitRow(serial);
      const old = list.querySelector(`li[data-serial="${CSS.escape(serial)}"]`);
      if (old) old.replaceWith(li); else list.append(li);
      return li;
    };

    const hold = (serial, action, label, body) => {
      const row = rows.get(serial);
      const b = row.ballot;
      const what = b.unit + ' ' + label;
      row.open = null; row.note = null;
      touched.add(serial);
      row.pending = { label, left: 5 };
      row.pending.control = withUndo({ message: t('recording', label, b.unit),
        onTick: left => { if (row.pending) { row.pending.left = left; const c = list.querySelector(`li[data-serial="${CSS.escape(serial)}"] .countdown`); if (c) c.textContent = t('pendingLeft', left); } },
        onUndo: () => { row.pending = null; row.note = { ok: true, text: t('undone', what) }; draw(serial); },
        send: async () => {
          try {
            const view = await api('POST', `/api/ballots/${b.serial}/${action}`, body);
            row.ballot = { ...b, status: view && view.status ? view.status : b.status };
            row.note = { ok: true, text: t('recorded', label, b.building + ' ' + b.unit) };
          } catch (e) {
            row.note = { ok: false, error: e };
          }
          row.pending = null;
          draw(serial);
        } });
      const li = draw(serial);
      // the tapped row stays in sight above the toast, its undo at hand
      const toast = document.getElementById('toast');
      const room = toast.hidden ? window.innerHeight : Math.min(window.innerHeight, toast.getBoundingClientRect().top);
      const box = li.getBoundingClientRect();
      if (box.bottom > room - 8) window.scrollBy(0, box.bottom - room + 16);
      else if (box.top < 0) li.scrollIntoView({ block: 'start' });
    };

    const handoutBody = choice => {
      const name = choice.name.trim();
      return { recipientName: name || I18N.zh.ownerSelf, relation: choice.relation, method: choice.method };
    };

    const radios = (group, values, prefix, chosen, onpick) => {
      const name = group + '-' + Math.random().toString(36).slice(2, 9); // one group per row
      return h('fieldset', { class: 'choices', 'data-choice': group }, h('legend', { text: t(group) }),
        values.map(v => h('label', {}, h('input', { type: 'radio', name, value: v, checked: v === chosen,
          onchange: () => onpick(v) }), t(prefix + v))));
    };

    function unitRow(serial) {
      const row = rows.get(serial);
      const b = row.ballot;
      const slot = h('div', { class: 'feedback', 'data-feedback': 'unit', hidden: true });
      const li = h('li', { 'data-serial': b.serial, class: row.pending ? 'pending' : null });
      const head = h('span', { class: 'unit-head' }, h('strong', { text: b.unit }), ' ',
        h('span', { class: row.pending ? 'status pending' : 'status', text: row.pending ? t('pendingStatus') : t('st.' + b.status) }));
      if (row.pending) {
        head.append(' ', h('span', { class: 'pending-step', text: t('pendingStep', row.pending.label) }), ' ',
          h('span', { class: 'countdown', text: t('pendingLeft', row.pending.left) }));
        li.append(head, h('span', { class: 'row' }, h('button', { type: 'button', class: 'secondary', 'data-undo': '',
          'aria-label': t('undo') + ' ' + b.unit + ' ' + row.pending.label, onclick: () => row.pending.control.undo() }, t('undo'))));
        return li;
      }
      const buttons = [];
      const canHandOut = b.status === 'ISSUED' || b.status === 'UNDELIVERABLE';
      if (canHandOut) {
        const c = row.choice;
        buttons.push(h('button', { type: 'button', 'aria-label': t('handout') + ' ' + b.building + ' ' + b.unit, onclick: () => {
          if (c.relation !== 'OWNER' && !c.name.trim()) {
            row.open = 'handout'; row.note = { ok: false, error: { message: t('nameNeeded') } };
            draw(serial).querySelector('input[name=recipient]').focus();
            return;
          }
          hold(serial, 'handout', t('handout'), handoutBody(c));
        } }, t('handout')));
        buttons.push(h('button', { type: 'button', class: 'link choice', 'aria-expanded': row.open === 'handout' ? 'true' : 'false',
          onclick: () => { row.open = row.open === 'handout' ? null : 'handout'; draw(serial); } },
          t('handoutAs', t('rel.' + c.relation), t('how.' + c.method))));
      }
      if (b.status === 'ISSUED') {
        buttons.push(h('button', { type: 'button', class: 'secondary', 'aria-expanded': row.open === 'undeliverable' ? 'true' : 'false',
          onclick: () => { row.open = row.open === 'undeliverable' ? null : 'undeliverable'; row.note = null; draw(serial); } }, t('undeliverable')));
      }
      if (b.status === 'HANDED_OUT') {
        buttons.push(h('button', { type: 'button', class: 'secondary', 'aria-label': t('collect') + ' ' + b.building + ' ' + b.unit,
          onclick: () => hold(serial, 'return', t('collect'), { channel: 'DOOR_TO_DOOR' }) }, t('collect')));
      }
      li.append(head, h('span', { class: 'row' }, buttons));
      if (row.open === 'handout') {
        const c = row.choice;
        const name = h('input', { name: 'recipient', value: c.name, maxlength: 50, autocomplete: 'off',
          oninput: () => { c.name = name.value; } });
        li.append(h('div', { class: 'step-panel' },
          radios('relation', RELATIONS, 'rel.', c.relation, v => { c.relation = v; draw(serial); }),
          radios('method', METHODS, 'how.', c.method, v => { c.method = v; draw(serial); }),
          field(c.relation === 'OWNER' ? t('recipientOptional') : t('recipient'), name)));
      }
      if (row.open === 'undeliverable') {
        let reason = null;
        const note = h('input', { name: 'undeliverable-note', maxlength: 500, autocomplete: 'off' });
        const confirm = h('button', { type: 'button', onclick: () => {
          if (!reason) { slot.replaceChildren(h('span', { text: t('reasonNeeded') })); slot.className = 'feedback problem'; slot.setAttribute('role', 'alert'); slot.hidden = false; return; }
          if (reason === 'OTHER' && !note.value.trim()) { slot.replaceChildren(h('span', { text: t('noteNeeded') })); slot.className = 'feedback problem'; slot.setAttribute('role', 'alert'); slot.hidden = false; note.focus(); return; }
          const text = note.value.trim();
          hold(serial, 'undeliverable', t('undeliverable'), text ? { reason, note: text } : { reason });
        } }, t('confirmUndeliverable'));
        li.append(h('div', { class: 'step-panel' },
          radios('whyUndeliverable', REASONS, 'why.', null, v => { reason = v; clearNote(slot); }),
          field(t('undeliverableNote'), note),
          h('span', { class: 'row' }, confirm, h('button', { type: 'button', class: 'secondary', onclick: () => { row.open = null; draw(serial); } }, t('cancel')))));
      }
      if (row.note) fillNote(slot, row.note); // a refusal: the server's detail, said once
      li.append(slot);
      return li;
    }

    // what is still to do: a filter (to hand out / to collect / all), its counts, and a search by unit or serial. A
    // row whose step was just recorded stays in sight until the filter or the search changes: nothing moves under
    // the finger.
    const filters = { visit: b => b.status === 'ISSUED' || b.status === 'UNDELIVERABLE', collect: b => b.status === 'HANDED_OUT', all: () => true };
    let filter = filters[params.get('f')] ? params.get('f') : 'visit';
    const search = h('input', { type: 'search', name: 'unit-search', autocomplete: 'off', inputmode: 'search',
      placeholder: t('searchHint'), oninput: () => { touched.clear(); show(); } });
    const filterBar = h('div', { class: 'filters', role: 'group', 'aria-label': t('stillToDo') });
    const shown = h('p', { id: 'shown-count', class: 'muted', 'aria-live': 'polite' });
    const counts = () => {
      const all = [...rows.values()].map(r => r.ballot);
      return { visit: all.filter(filters.visit).length, collect: all.filter(filters.collect).length, all: all.length };
    };
    const drawFilters = () => {
      const n = counts();
      filterBar.replaceChildren(...['visit', 'collect', 'all'].map(f => h('button', { type: 'button', 'data-filter': f,
        class: f === filter ? 'filter on' : 'filter', 'aria-pressed': f === filter ? 'true' : 'false',
        onclick: () => { filter = f; touched.clear(); show(); } }, t('filter.' + f), ' ', h('span', { class: 'n', text: String(n[f]) }))));
    };
    const show = () => {
      const words = search.value.trim().toUpperCase();
      let visible = 0;
      for (const li of list.children) {
        const row = rows.get(li.dataset.serial);
        const b = row.ballot;
        const matches = (!words || b.unit.toUpperCase().includes(words) || b.serial.includes(words))
          && (filters[filter](b) || touched.has(b.serial) || row.open || row.pending); // just tapped: stays until the view changes
        li.hidden = !matches;
        if (matches) visible++;
      }
      shown.textContent = t('shownOf', visible, rows.size);
      drawFilters();
    };
    const baseDraw = draw;
    draw = serial => { const li = baseDraw(serial); drawFilters(); return li; };

    ballots.forEach(b => list.append(unitRow(b.serial)));
    render(h('h1', { text: t('myBuildings') }),
      h('nav', { class: 'row', 'aria-label': t('myBuildings') }, buildings.map(x => h('a', { href: '#/leader?b=' + encodeURIComponent(x),
        'aria-current': x === building ? 'page' : null, class: 'status' }, x))),
      h('section', { class: 'worklist-tools' }, field(t('searchUnit'), search), filterBar, shown),
      list);
    show();
  });
}
