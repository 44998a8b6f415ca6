// The working group: the community (roster, elections), and an election from preparation to the end.
import { route, render, h, field, api, t, session, rememberShortCode, shortAddress, attempt, attemptAt, feedback, noteOk, fillNote, clearNote, confirmStep, refresh } from '../app.js';
import { label, deadline, download, phaseTimeline, trailText } from './common.js';
import { tallySection, resultsCsv, turnoutCsv } from './tally.js';
import { rosterBuildings, buildingChooser, unitPicker, ownersOf } from './roster-pickers.js';

export function register() {
  // ----- working group -----
  route('/wg', async () => {
    const cid = session.claims().community_id;
    const [community, elections] = await Promise.all([api('GET', `/api/communities/${cid}`), api('GET', `/api/communities/${cid}/elections`)]);
    if (community.shortCode) rememberShortCode(cid, community.shortCode);
    const title = h('input', { value: t('defaultTitle') });
    const rulePack = h('select', {}, h('option', { value: 'SH-2020' }, t('rp.SH-2020')), h('option', { value: 'CN-2021' }, t('rp.CN-2021')));
    const seats = h('input', { type: 'number', min: 3, max: 15, value: 5 });
    const alternates = h('input', { type: 'number', min: 0, max: 5, value: 0 });
    const days = h('input', { type: 'number', min: 1, max: 60, value: 14 });
    const drill = h('input', { type: 'checkbox' });
    render(h('h1', { text: community.name }),
      rosterCard(cid),
      h('section', { class: 'card' }, h('h2', { text: t('elections') }),
        elections.length === 0 ? h('p', { text: t('noElections') }) : h('ul', {}, elections.map(e => h('li', {},
          h('a', { href: '#/wg/' + e.id }, e.title), ' ', h('span', { class: 'status', text: t('ph.' + e.phase) }), e.drill ? ' ' + t('drill') : ''))),
        community.shortCode ? h('p', {}, t('shortAddressIs') + ' ', h('strong', { class: 'mono', text: shortAddress(community.shortCode) })) : null,
        h('div', { class: 'row' }, h('a', { class: 'button secondary', href: community.shortCode ? '#/c/' + community.shortCode : '#/notices/' + cid }, t('communityPageLink')),
          community.shortCode ? h('a', { class: 'button secondary', href: '#/c/' + community.shortCode + '/poster' }, t('printPoster')) : null)),
      h('form', { class: 'card', onsubmit: async e => {
        e.preventDefault();
        const created = await attempt(() => api('POST', '/api/elections', { communityId: cid, title: title.value, rulePack: rulePack.value,
          seats: Number(seats.value), alternates: Number(alternates.value), votingDays: Number(days.value), drill: drill.checked, motions: [] }));
        if (created) location.hash = '#/wg/' + created.id;
      } }, h('h2', { text: t('newElection') }), field(t('title'), title), field(t('rulePack'), rulePack),
        h('div', { class: 'row' }, field(t('seats'), seats), field(t('alternates'), alternates), field(t('votingDays'), days)),
        h('label', {}, drill, t('drillBox')), h('p', {}, h('button', { type: 'submit' }, t('create')))));
  });

  function rosterCard(cid) {
    const file = h('input', { type: 'file', accept: '.csv,.xlsx,text/csv', name: 'roster' });
    const result = h('div');
    return h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      const f = file.files[0];
      if (!f) return;
      const type = f.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      const imported = await attempt(() => api('PUT', `/api/communities/${cid}/roster`, f, { contentType: type }));
      if (imported) {
        result.replaceChildren(h('p', { id: 'roster-result', text: t('rosterImported', imported.units ?? '',
          imported.electorate ? imported.electorate.countedUnits : '') }));
      }
    } }, h('h2', { text: t('roster') }), h('p', { class: 'muted', text: t('rosterHelp') }), field(t('rosterFile'), file),
      h('p', {}, h('button', { type: 'submit' }, t('import'))), result);
  }

  route('/wg/([0-9a-f-]{36})', async (params, eid) => {
    const e = await api('GET', `/api/elections/${eid}`);
    const timeline = phaseTimeline(e.phases, e.phase);
    const reasonInput = h('input', { name: 'reason', placeholder: t('reasonHint') });
    const moved = feedback('phase');
    // every move is one-way: each is confirmed in a dialog that says, in plain words, what cannot be undone
    const moves = e.nextPhases.map(to => {
      const ending = to === 'FAILED';
      const button = h('button', { type: 'button', 'data-to': to, class: ending ? 'danger' : null, onclick: async () => {
        const reason = reasonInput.value.trim();
        const early = to === 'COUNTING' && e.votingDeadline && Date.now() < Date.parse(e.votingDeadline);
        const sure = await confirmStep({ consequence: t(early ? 'cf.COUNTING_EARLY' : 'cf.' + to),
          detail: reason ? t('reasonGiven', reason) : null, confirmLabel: t(early ? 'closeEarly' : 'moveTo', t('ph.' + to)),
          danger: ending || early });
        if (!sure) return;
        button.disabled = true;
        const done = await attemptAt(moved, () => api('POST', `/api/elections/${eid}/transitions`, reason ? { to, reason } : { to }));
        button.disabled = false;
        if (done) { noteOk(moved, t('movedTo', t('ph.' + done.phase))); refresh(); }
      } }, t('moveTo', t('ph.' + to)));
      return button;
    });
    const el = e.electorate || {};
    const sections = [h('h1', { text: e.title + (e.drill ? ' ' + t('drill') : '') }),
      h('section', { class: 'card' }, timeline, h('p', {}, t('phase') + ': ', h('strong', { id: 'phase', text: t('ph.' + e.phase) })),
        h('div', { class: 'phase-help', id: 'phase-help' }, h('p', {}, h('strong', { text: t('nowDo') }), t('help.' + e.phase)),
          e.nextPhases.length ? h('p', {}, h('strong', { text: t('comesNext') }), t('next.' + e.phase)) : null),
        h('p', { class: 'muted', text: t('deadline') + ' ' + deadline(e.votingDeadline) }),
        moves.length ? field(t('reason'), reasonInput) : null, h('div', { class: 'row moves' }, moves), moved),
      h('section', { class: 'card' }, h('h2', { text: t('electorate') }),
        h('p', { text: t('electorateFigures', el.countedUnits ?? '—', el.area ?? '—', el.headcount ?? '—') }))];
    sections.push(await shortAddressCard(e.communityId));
    if (['DRAFT', 'NOMINATION', 'CANDIDATE_PUBLICITY'].includes(e.phase)) sections.push(await candidatesCard(eid, e.phase, e.communityId));
    if (['COUNTING', 'RESULT_PUBLICITY', 'CLOSED', 'FAILED'].includes(e.phase)) sections.push(await resultsCard(eid, e));
    if (['VOTING', 'COUNTING', 'RESULT_PUBLICITY', 'CLOSED', 'FAILED'].includes(e.phase)) sections.push(await turnoutCard(eid));
    if (e.phase === 'VOTING') sections.push(printCard(eid, await rosterBuildings(e.communityId)));
    if (['VOTING', 'COUNTING', 'RESULT_PUBLICITY', 'CLOSED', 'FAILED'].includes(e.phase)) sections.push(ballotLookupCard(eid, e.phase));
    sections.push(await staffCard(eid, e.communityId), await messagesCard(eid));
    render(...sections);
  });

  async function candidatesCard(eid, phase, cid) {
    const list = await api('GET', `/api/elections/${eid}/candidates`);
    const review = (c, decision) => h('button', { type: 'button', class: decision === 'APPROVED' ? '' : 'secondary', onclick: async () => {
      const body = decision === 'APPROVED' ? { decision } : { decision, reasonCategory: 'OTHER', reason: prompt(t('rejectReason')) || '' };
      if (await attempt(() => api('POST', `/api/elections/${eid}/candidates/${c.id}/review`, body))) refresh();
    } }, t('dec.' + decision));
    return h('section', { class: 'card' }, h('h2', { text: t('candidates') }),
      h('table', {}, h('thead', {}, h('tr', {}, [t('name'), t('unit'), t('nominators'), t('status'), ''].map(x => h('th', { text: x })))),
        h('tbody', {}, list.candidates.map(c => h('tr', {}, h('td', { text: c.name }), h('td', { text: c.building + ' ' + c.unit }),
          h('td', { text: String(c.nominators) }), h('td', { text: t('cs.' + c.status) }),
          h('td', {}, phase === 'NOMINATION' && c.status === 'NOMINATED' ? [review(c, 'APPROVED'), ' ', review(c, 'REJECTED')] : null))))),
      phase === 'NOMINATION' ? nominationForm(eid, cid, await rosterBuildings(cid)) : null,
      phase === 'CANDIDATE_PUBLICITY' ? objectionsPart(eid, list) : null);
  }

  /**
   * A nomination from its paper form: the nominee's unit is found in the roster (by a search or building then unit),
   * then one of its owners is chosen; each nominating unit is found the same way. Nothing about a person is typed.
   */
  function nominationForm(eid, cid, buildings) {
    let nominee = null; // { building, unit, owners }
    let owner = '';
    const nominators = []; // [{ building, unit }]
    const picked = h('div', { id: 'nominee', class: 'picked', 'aria-live': 'polite' });
    const byList = h('ul', { id: 'nominators', class: 'picked-list', 'aria-live': 'polite' });
    const commitment = h('input', { type: 'checkbox', name: 'commitment' });
    const slot = feedback('nominate');
    const showNominee = () => {
      if (!nominee) { picked.replaceChildren(h('p', { class: 'muted', text: t('noNomineeYet') })); return; }
      const owners = ownersOf(nominee);
      if (!owners.includes(owner)) owner = owners.length === 1 ? owners[0] : '';
      picked.replaceChildren(h('p', {}, t('nomineeUnit') + '：', h('strong', { text: nominee.building + ' ' + nominee.unit })),
        owners.length === 0 ? h('p', { class: 'muted', text: t('unitHasNoOwner') })
          : h('fieldset', { class: 'choices', 'data-choice': 'owner' }, h('legend', { text: t('whichOwner') }),
            owners.map(o => h('label', {}, h('input', { type: 'radio', name: 'nominee-owner', value: o, checked: o === owner,
              onchange: () => { owner = o; } }), o))));
    };
    const showNominators = () => {
      byList.replaceChildren(...(nominators.length === 0 ? [h('li', { class: 'muted', text: t('noNominatorYet') })]
        : nominators.map((n, i) => h('li', {}, h('span', { text: n.building + ' ' + n.unit }), ' ',
          h('button', { type: 'button', class: 'link', 'aria-label': t('remove') + ' ' + n.building + ' ' + n.unit,
            onclick: () => { nominators.splice(i, 1); showNominators(); } }, t('remove'))))));
    };
    const nomineePicker = unitPicker(cid, buildings, { name: 'nominee', legend: t('nomineeLegend'),
      onPick: u => { nominee = u; showNominee(); clearNote(slot); } });
    const nominatorPicker = unitPicker(cid, buildings, { name: 'nominator', legend: t('nominatorLegend'),
      onPick: u => {
        if (!nominators.some(n => n.building === u.building && n.unit === u.unit)) nominators.push({ building: u.building, unit: u.unit });
        showNominators(); clearNote(slot);
      } });
    showNominee(); showNominators();
    return h('form', { id: 'nominate', onsubmit: async ev => {
      ev.preventDefault();
      const missing = !nominee ? 'needNominee' : !owner ? 'needOwner' : nominators.length === 0 ? 'needNominator' : null;
      if (missing) { fillNote(slot, { ok: false, error: { message: t(missing) } }); return; }
      const done = await attemptAt(slot, () => api('POST', `/api/elections/${eid}/nominations`, { unit: { building: nominee.building, unit: nominee.unit },
        name: owner, statement: '', nominators, commitmentReceived: commitment.checked }));
      if (done) { noteOk(slot, t('nominated', owner)); refresh(); }
    } }, h('h2', { text: t('nominate') }), h('p', { class: 'muted', text: t('nominateHelp') }),
      nomineePicker.el, picked, nominatorPicker.el, h('p', {}, t('nominatorsChosen') + '：'), byList,
      h('label', {}, commitment, t('commitment')), h('p', {}, h('button', { type: 'submit' }, t('nominate'))), slot);
  }

  /** During publicity: the objections owners lodged, each with its answer or a form to answer it, and a new one. */
  function objectionsPart(eid, list) {
    const names = Object.fromEntries(list.candidates.map(c => [c.id, c.name]));
    const building = h('input', { placeholder: '1号楼' }); const unit = h('input', { placeholder: '101' });
    const candidate = h('select', {}, h('option', { value: '' }, t('aboutTheList')),
      list.candidates.filter(c => c.status === 'APPROVED').map(c => h('option', { value: c.id }, c.name)));
    const text = h('textarea', { rows: 3 });
    return h('div', {}, h('h2', { text: t('objections') }),
      list.objections.length === 0 ? h('p', { class: 'muted', text: t('noObjections') }) : h('ul', {}, list.objections.map(o => {
        const answer = h('textarea', { rows: 2 });
        return h('li', {}, h('p', { text: `${o.building} ${o.unit} → ${o.candidateId ? names[o.candidateId] : t('aboutTheList')}: ${o.text}` }),
          o.answer ? h('p', { class: 'muted', text: t('answer') + ': ' + o.answer }) : h('form', { onsubmit: async ev => {
            ev.preventDefault();
            if (await attempt(() => api('POST', `/api/elections/${eid}/objections/${o.id}/answer`, { answer: answer.value }))) refresh();
          } }, field(t('answer'), answer), h('button', { type: 'submit' }, t('sendAnswer'))));
      })),
      h('form', { onsubmit: async ev => {
        ev.preventDefault();
        const body = { objectingUnit: { building: building.value, unit: unit.value }, text: text.value };
        if (candidate.value) body.candidateId = candidate.value;
        if (await attempt(() => api('POST', `/api/elections/${eid}/objections`, body))) refresh();
      } }, h('h2', { text: t('lodgeObjection') }), h('div', { class: 'row' }, field(t('building'), building), field(t('unit'), unit),
        field(t('candidate'), candidate)), field(t('objectionText'), text), h('p', {}, h('button', { type: 'submit' }, t('lodge')))));
  }

  /** Candidate and motion ids to their names, for the tally (which names only ids). */
  async function namesOf(eid, e) {
    const list = await api('GET', `/api/elections/${eid}/candidates`);
    const names = Object.fromEntries(list.candidates.map(c => [c.id, c.name]));
    (e.motions || []).forEach(m => { names[m.id] = m.title; });
    return { names, candidates: list.candidates };
  }

  /** The tally on the election page: figures, bars, who is elected; CSV downloads and the print page. */
  async function resultsCard(eid, e) {
    const [view, { names }] = await Promise.all([api('GET', `/api/elections/${eid}/tally`).catch(() => null), namesOf(eid, e)]);
    if (!view) return h('section', { class: 'card', id: 'results' }, h('h2', { text: t('tally') }), h('p', { class: 'muted', text: t('tallyUnavailable') }));
    const saved = feedback('results-csv');
    const actions = h('div', { class: 'row no-print' },
      view.tally ? h('button', { type: 'button', class: 'secondary', 'data-csv': 'results', onclick: () => {
        download(t('resultsFile') + '.csv', resultsCsv(view, names), 'text/csv;charset=utf-8'); noteOk(saved, t('downloaded', t('resultsFile') + '.csv'));
      } }, t('downloadResults')) : null,
      h('a', { class: 'button secondary', href: `#/wg/${eid}/print`, 'data-print-page': '' }, t('printPage')));
    const ties = view.provisional && view.tally ? (view.tally.ties || []).filter(x => !x.drawn) : [];
    return h('section', { class: 'card', id: 'results' }, tallySection(view, names), actions, saved,
      ties.map((tie, i) => lotsForm(eid, tie, names, i)));
  }

  /**
   * The drawing of lots, only for a tie the tally names: the working group draws in front of witnesses and records
   * the order drawn, first place first. Every place must be a different candidate.
   */
  function lotsForm(eid, tie, names, index) {
    const places = tie.candidateIds.map((id, i) => h('select', { name: 'lot-' + i, 'data-lot': i },
      h('option', { value: '' }, t('chooseOne')), tie.candidateIds.map(c => h('option', { value: c }, names[c] || c))));
    const witnesses = h('input', { name: 'witnesses', autocomplete: 'off', placeholder: t('witnessesHint') });
    const slot = feedback('lots-' + index);
    return h('form', { class: 'lots', id: 'lots-' + index, onsubmit: async ev => {
      ev.preventDefault();
      const order = places.map(p => p.value);
      const people = witnesses.value.split(/[,，、\s]+/).map(x => x.trim()).filter(Boolean);
      if (order.some(x => !x) || new Set(order).size !== order.length) { fillNote(slot, { ok: false, error: { message: t('lotsOrderNeeded') } }); return; }
      if (!people.length) { fillNote(slot, { ok: false, error: { message: t('witnessesNeeded') } }); witnesses.focus(); return; }
      if (!await confirmStep({ consequence: t('cf.lots', order.map(c => names[c] || c).join('、')), confirmLabel: t('recordLots'), danger: true })) return;
      const done = await attemptAt(slot, () => api('POST', `/api/elections/${eid}/tally/lots`, { candidateIdsInDrawnOrder: order, witnesses: people }));
      if (done !== undefined) { noteOk(slot, t('lotsRecorded')); refresh(); }
    } }, h('h3', { text: t('lotsTitle', tie.candidateIds.map(c => names[c] || c).join('、')) }),
      h('p', { class: 'muted', text: t('lotsHelp', t(tie.decides === 'ALTERNATE' ? 'lotsForAlternate' : 'lotsForSeat')) }),
      places.map((p, i) => field(t('lotPlace', i + 1), p)), field(t('witnesses'), witnesses),
      h('p', {}, h('button', { type: 'submit' }, t('recordLots'))), slot);
  }

  /** A ballot found by its serial: where it is, its trail, and voiding it with a replacement while voting runs. */
  function ballotLookupCard(eid, phase) {
    const serial = h('input', { name: 'lookup-serial', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', placeholder: 'K7Q2MX-001271' });
    const found = h('div', { id: 'lookup-result' });
    const slot = feedback('lookup');
    const showBallot = async typed => {
      const status = await attemptAt(slot, () => api('GET', `/api/ballots/${encodeURIComponent(typed)}/status`));
      if (!status) { found.replaceChildren(); return; }
      const nodes = [h('p', {}, h('strong', { text: status.serial }), ' · ' + status.building + ' ' + status.unit + ' · ',
        h('span', { class: 'status', id: 'lookup-status', text: label('st.', status.status) })),
        status.replacesSerial ? h('p', { class: 'muted', text: t('replaces', status.replacesSerial) }) : null,
        h('ol', {}, (status.trail || []).map(s => h('li', { text: trailText(s) })))];
      if (phase === 'VOTING' && status.status !== 'VOIDED' && status.status !== 'CAST_ONLINE' && status.status !== 'RETURNED') {
        const reason = h('input', { name: 'void-reason', maxlength: 500, autocomplete: 'off', placeholder: t('voidReasonHint') });
        const voided = feedback('void');
        nodes.push(h('div', { class: 'void' }, h('h3', { text: t('voidTitle') }), h('p', { class: 'muted', text: t('voidHelp') }),
          field(t('voidReason'), reason), h('p', {}, h('button', { type: 'button', class: 'danger', id: 'void', onclick: async () => {
            clearNote(voided);
            if (!reason.value.trim()) { fillNote(voided, { ok: false, error: { message: t('voidReasonNeeded') } }); reason.focus(); return; }
            if (!await confirmStep({ consequence: t('cf.void', status.serial), detail: t('reasonGiven', reason.value.trim()), confirmLabel: t('voidAndReissue'), danger: true })) return;
            const r = await attemptAt(voided, () => api('POST', `/api/ballots/${encodeURIComponent(status.serial)}/void`, { reason: reason.value.trim() }));
            if (!r) return;
            noteOk(voided, t('voidedReissued', r.voidedSerial, r.replacementSerial));
            voided.append(' ', h('button', { type: 'button', class: 'secondary', id: 'print-replacement', onclick: async () => {
              const page = await attemptAt(voided, () => api('POST', `/api/elections/${eid}/ballots/print?building=${encodeURIComponent(status.building)}&serial=${encodeURIComponent(r.replacementSerial)}`));
              if (page) window.open(URL.createObjectURL(new Blob([page], { type: 'text/html' })), '_blank', 'noopener');
            } }, t('printReplacement')));
          } }, t('voidAndReissue'))), voided));
      }
      found.replaceChildren(...nodes.filter(Boolean));
    };
    return h('form', { class: 'card', id: 'lookup', onsubmit: ev => { ev.preventDefault(); if (serial.value.trim()) showBallot(serial.value.trim().toUpperCase()); } },
      h('h2', { text: t('lookupTitle') }), field(t('serial'), serial), h('p', {}, h('button', { type: 'submit' }, t('lookup'))), slot, found);
  }

  // ----- the result as a page to print (A4), for the paper notice board and the files -----
  route('/wg/([0-9a-f-]{36})/print', async (params, eid) => {
    const e = await api('GET', `/api/elections/${eid}`);
    const [view, { names }, progress] = await Promise.all([api('GET', `/api/elections/${eid}/tally`), namesOf(eid, e),
      api('GET', `/api/elections/${eid}/ballots/progress`)]);
    const rows = progress.buildings;
    render(h('div', { class: 'row no-print' }, h('a', { class: 'button secondary', href: '#/wg/' + eid }, t('back')),
      h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('print'))),
      h('article', { class: 'print-page', id: 'print-page' },
        h('h1', { text: e.title + (e.drill ? ' ' + t('drill') : '') }),
        h('p', { text: t('phase') + '：' + t('ph.' + e.phase) + ' · ' + t('printedAt', new Date().toLocaleString(t('locale'), { timeZone: 'Asia/Shanghai' })) }),
        tallySection(view, names),
        h('h2', { text: t('turnout') }),
        h('table', { class: 'turnout-table' }, h('thead', {}, h('tr', {}, [t('building'), t('units'), t('st.RETURNED'), t('st.CAST_ONLINE'), t('turnoutShare')]
          .map(x => h('th', { scope: 'col', text: x })))), h('tbody', {}, rows.map(r => h('tr', {}, [r.building, r.units, r.returned, r.castOnline,
          (r.units ? ((r.returned + r.castOnline) * 100 / r.units).toFixed(1) : '0.0') + '%'].map(x => h('td', { text: String(x) })))))),
        h('div', { class: 'signatures' }, [t('sigWorkingGroup'), t('sigScrutineers'), t('sigDate')].map(x => h('p', { text: x + '：＿＿＿＿＿＿＿＿' })))));
  });

  async function turnoutCard(eid) {
    const progress = await api('GET', `/api/elections/${eid}/ballots/progress`);
    const rows = progress.buildings;
    const width = 600; const bar = 28; const height = rows.length * (bar + 8) + 8;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`); svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('turnoutChart')); svg.style.width = '100%';
    rows.forEach((r, i) => {
      const voted = r.returned + r.castOnline; const share = r.units ? voted / r.units : 0;
      const y = 8 + i * (bar + 8);
      const add = (tag, attrs, text) => { const n = document.createElementNS(svg.namespaceURI, tag);
        Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v)); if (text) n.textContent = text; svg.append(n); };
      add('rect', { x: 110, y, width: 380, height: bar, fill: '#eee' });
      add('rect', { x: 110, y, width: Math.round(380 * share), height: bar, fill: '#b3261e' });
      add('text', { x: 0, y: y + 20, 'font-size': 16 }, r.building);
      add('text', { x: 500, y: y + 20, 'font-size': 16 }, `${voted}/${r.units} ${(share * 100).toFixed(0)}%`);
    });
    const saved = feedback('turnout-csv');
    return h('section', { class: 'card', id: 'turnout' }, h('h2', { text: t('turnout') }), svg,
      h('p', { class: 'no-print' }, h('button', { type: 'button', class: 'secondary', 'data-csv': 'turnout', onclick: () => {
        download(t('turnoutFile') + '.csv', turnoutCsv(progress), 'text/csv;charset=utf-8'); noteOk(saved, t('downloaded', t('turnoutFile') + '.csv'));
      } }, t('downloadTurnout'))), saved,
      h('table', {}, h('thead', {}, h('tr', {}, [t('building'), t('units'), t('st.HANDED_OUT'), t('st.UNDELIVERABLE'), t('st.RETURNED'), t('st.CAST_ONLINE')]
        .map(x => h('th', { text: x })))), h('tbody', {}, rows.map(r => h('tr', {}, [r.building, r.units, r.handedOut, r.undeliverable, r.returned, r.castOnline]
        .map(x => h('td', { text: String(x) })))))));
  }

  function printCard(eid, buildings) {
    const building = buildings.length ? h('select', { name: 'print-building' }, buildings.map(b => h('option', { value: b.building }, t('buildingUnits', b.building, b.units))))
      : h('input', { name: 'print-building', placeholder: '1号楼' });
    return h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      const page = await attempt(() => api('POST', `/api/elections/${eid}/ballots/print?building=${encodeURIComponent(building.value)}`));
      if (page) window.open(URL.createObjectURL(new Blob([page], { type: 'text/html' })), '_blank', 'noopener');
    } }, h('h2', { text: t('printBallots') }), h('p', { class: 'muted', text: t('printHelp') }), field(t('building'), building),
      h('p', {}, h('button', { type: 'submit' }, t('print'))));
  }

  /** The community's short address for owners (printed on the poster), with links to its page and the poster. */
  async function shortAddressCard(cid) {
    const community = await api('GET', `/api/communities/${cid}`).catch(() => null);
    if (!community || !community.shortCode) return null;
    rememberShortCode(cid, community.shortCode);
    return h('section', { class: 'card', id: 'short-address' }, h('h2', { text: t('communityPage') }),
      h('p', { class: 'muted', text: t('shortAddressHelp') }),
      h('p', { class: 'short-address', id: 'short-address-text', text: shortAddress(community.shortCode) }),
      h('div', { class: 'row' }, h('a', { class: 'button secondary', href: '#/c/' + community.shortCode, 'data-community-page': '' }, t('openCommunityPage')),
        h('a', { class: 'button secondary', href: '#/c/' + community.shortCode + '/poster', 'data-poster': '' }, t('printPoster'))));
  }

  /**
   * The election's accounts: each one's role in words, buildings, whether it still works, with 修改 (name and
   * buildings) and 停用; and a new account, whose buildings (a building leader's) are chosen from the roster.
   */
  async function staffCard(eid, cid) {
    const [buildings, accounts] = await Promise.all([rosterBuildings(cid), api('GET', `/api/elections/${eid}/staff`).catch(() => null)]);
    const username = h('input', { name: 'staff-username', autocomplete: 'off' });
    const password = h('input', { name: 'staff-password', type: 'password', autocomplete: 'new-password' });
    const display = h('input', { name: 'staff-name', autocomplete: 'off' });
    const role = h('select', { name: 'staff-role' }, ['building-leader', 'counter', 'scrutineer', 'chief-scrutineer']
      .map(r => h('option', { value: r }, t('role.' + r))));
    const chooser = buildingChooser(buildings, [], 'new-buildings');
    const leaderOnly = h('div', { class: 'leader-buildings' }, chooser.el);
    role.addEventListener('change', () => { leaderOnly.hidden = role.value !== 'building-leader'; });
    const created = feedback('staff-create');
    const list = accounts === null ? h('p', { class: 'muted', text: t('accountsUnavailable') })
      : accounts.length === 0 ? h('p', { class: 'muted', text: t('noAccounts') })
        : h('ul', { class: 'accounts', id: 'accounts' }, accounts.map(a => accountRow(a, buildings)));
    return h('section', { class: 'card', id: 'staff' }, h('h2', { text: t('accounts') }), list,
      h('form', { class: 'new-account', onsubmit: async e => {
        e.preventDefault();
        const leader = role.value === 'building-leader';
        const chosen = leader ? chooser.values() : [];
        if (leader && chosen.length === 0) { fillNote(created, { ok: false, error: { message: t('chooseABuilding') } }); return; }
        const body = { username: username.value.trim(), password: password.value, displayName: display.value.trim(), roles: [role.value] };
        if (leader) body.buildings = chosen;
        const done = await attemptAt(created, () => api('POST', `/api/elections/${eid}/staff`, body));
        if (done) { noteOk(created, t('accountCreated', done.username)); refresh(); }
      } }, h('h3', { text: t('newAccount') }),
        h('div', { class: 'row' }, field(t('displayName'), display), field(t('role'), role)), leaderOnly,
        h('div', { class: 'row' }, field(t('shortName'), username), field(t('password'), password)),
        h('p', { class: 'muted', text: t('loginNameHelp') }), h('p', { class: 'muted', text: t('passwordHelp') }),
        h('p', {}, h('button', { type: 'submit' }, t('createAccount'))), created));
  }

  /** One account: who, role, buildings, whether it works; 修改 opens name and buildings in place, 停用 asks first. */
  function accountRow(a, buildings) {
    const slot = feedback('staff-' + a.id);
    const li = h('li', { 'data-account': a.username, class: a.enabled ? null : 'disabled' });
    const leader = a.roles.includes('building-leader');
    const onRoster = new Set(buildings.map(b => b.building));
    const show = () => {
      li.replaceChildren(...[h('div', { class: 'account-head' }, h('strong', { text: a.displayName }), ' ',
        h('span', { class: 'status', text: a.roles.map(r => t('role.' + r)).join('、') }), ' ',
        h('span', { class: a.enabled ? 'status on' : 'status off', 'data-state': '', text: a.enabled ? t('enabled') : t('disabled') })),
      h('p', { class: 'muted', text: t('loginName') + '：' + a.username }),
      leader ? h('p', { 'data-buildings': '', text: t('buildingsOf') + '：' + (a.buildings.length ? a.buildings
        .map(b => onRoster.has(b) ? b : t('buildingNotOnRosterShort', b)).join('、') : t('none')) }) : null,
      a.enabled ? h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', 'data-edit': '', 'aria-label': t('edit') + ' ' + a.displayName, onclick: edit }, t('edit')),
        h('button', { type: 'button', class: 'danger', 'data-disable': '', 'aria-label': t('disable') + ' ' + a.displayName, onclick: disable }, t('disable'))) : null,
      slot].filter(Boolean));
    };
    const edit = () => {
      const name = h('input', { name: 'edit-name', value: a.displayName, autocomplete: 'off' });
      const chooser = buildingChooser(buildings, a.buildings, 'edit-buildings');
      clearNote(slot);
      li.replaceChildren(h('form', { class: 'edit-account', onsubmit: async ev => {
        ev.preventDefault();
        const chosen = chooser.values();
        if (leader && chosen.length === 0) { fillNote(slot, { ok: false, error: { message: t('chooseABuilding') } }); return; }
        const saved = await attemptAt(slot, () => api('PUT', `/api/staff/${a.id}`, { displayName: name.value.trim(), buildings: leader ? chosen : a.buildings }));
        if (saved) { Object.assign(a, saved); show(); noteOk(slot, t('accountSaved', a.displayName)); }
      } }, h('h3', { text: t('editAccount', a.username) }), field(t('displayName'), name), leader ? chooser.el : null,
        h('div', { class: 'row' }, h('button', { type: 'submit' }, t('save')),
          h('button', { type: 'button', class: 'secondary', onclick: () => { clearNote(slot); show(); } }, t('cancel'))), slot));
      name.focus();
    };
    const disable = async () => {
      if (!await confirmStep({ consequence: t('cf.disable', a.displayName), detail: t('disableDetail'), confirmLabel: t('disable'), danger: true })) return;
      const done = await attemptAt(slot, () => api('POST', `/api/staff/${a.id}/disable`));
      if (done) { Object.assign(a, done); show(); noteOk(slot, t('accountDisabled', a.displayName)); }
    };
    show();
    return li;
  }

  async function messagesCard(eid) {
    const page = await api('GET', `/api/elections/${eid}/messages?size=50`).catch(() => null);
    if (!page) return h('section', { class: 'card' }, h('h2', { text: t('messages') }), h('p', { class: 'muted', text: t('messagesUnavailable') }));
    return h('section', { class: 'card' }, h('h2', { text: t('messages') }),
      h('p', { text: Object.entries(page.byStatus).map(([s, n]) => t('ms.' + s) + ' ' + n).join(' · ') }),
      h('table', {}, h('tbody', {}, page.items.map(m => h('tr', {}, h('td', { text: t('mp.' + m.purpose) }), h('td', { text: label('mc.', m.channel) }),
        h('td', { text: m.recipient + ' ' + m.address }), h('td', { text: t('ms.' + m.status) + (m.lastError ? ' — ' + m.lastError : '') }),
        h('td', {}, m.status === 'FAILED' || m.status === 'UNCONFIRMED' ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
          if (await attempt(() => api('POST', `/api/elections/${eid}/messages/${m.id}/resend`))) refresh(); } }, t('resend')) : null))))));
  }
}
