// The screens, one function per route. Helpers come from app.js through registerViews.
import { I18N } from './i18n.js';

const PHASES = ['DRAFT', 'NOMINATION', 'CANDIDATE_PUBLICITY', 'VOTING', 'COUNTING', 'RESULT_PUBLICITY', 'CLOSED'];
const NEXT = { DRAFT: ['NOMINATION'], NOMINATION: ['CANDIDATE_PUBLICITY'], CANDIDATE_PUBLICITY: ['VOTING'],
  VOTING: ['COUNTING'], COUNTING: ['RESULT_PUBLICITY', 'FAILED'], RESULT_PUBLICITY: ['CLOSED'] };
const MARKS = ['APPROVE', 'OPPOSE', 'ABSTAIN'];
const SIGNATURES = ['OWNER', 'PROXY_WITH_AUTHORIZATION', 'PROXY_WITHOUT_AUTHORIZATION', 'NONE'];
// what the ballot-service takes for a handout and an undeliverable ballot (BallotSteps)
const RELATIONS = ['OWNER', 'FAMILY', 'PROXY', 'OTHER'];
const METHODS = ['IN_PERSON', 'MAILBOX', 'LEFT_AT_DOOR'];
const REASONS = ['VACANT', 'REFUSED', 'NO_CONTACT', 'OTHER'];

export function registerViews(ui) {
  const { route, render, h, field, api, t, session, attempt, showOk, withUndo, home, go, feedback, attemptAt, noteOk, clearNote,
    confirmStep } = ui;
  // an enum value by its label; a value with no label (free text, say) as it is
  const label = (prefix, value) => prefix && t(prefix + value) !== prefix + value ? t(prefix + value) : value;
  // ballot-service keeps an undeliverable ballot's reason as "REFUSED" or "REFUSED: the note"
  const whyText = reason => { const at = reason.indexOf(': '); return at < 0 ? label('why.', reason) : label('why.', reason.slice(0, at)) + '：' + reason.slice(at + 2); };
  const when = iso => iso ? new Date(iso).toLocaleString(t('locale'), { timeZone: 'Asia/Shanghai' }) : '—';
  // A deadline or the end of a period as the law states it (docs/rules/periods.md): 24:00 of its last day, Beijing
  // time — 2026年12月16日24时 / 24:00 on 16 December 2026, Beijing time — never 00:00 of the next day.
  const deadline = iso => {
    if (!iso) return '—';
    const parts = {};
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso))
      .forEach(p => { parts[p.type] = Number(p.value); });
    let { year, month, day, hour, minute } = parts;
    if (hour === 0 && minute === 0) {
      const last = new Date(Date.UTC(year, month - 1, day - 1));
      [year, month, day, hour] = [last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate(), 24];
    }
    const mm = String(minute).padStart(2, '0');
    if (t('lang') === 'zh') return `${year}年${month}月${day}日${hour}时${minute ? minute + '分' : ''}`;
    const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    return `${String(hour).padStart(2, '0')}:${mm} on ${day} ${monthName} ${year}, Beijing time`;
  };

  // ----- sign-in -----
  route('/login', async () => {
    if (session.claims()) { location.hash = home(); return; }
    const user = h('input', { name: 'username', autocomplete: 'username', required: true });
    const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const form = h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      const tokens = await attempt(() => api('POST', '/api/auth/login', { username: user.value.trim(), password: pass.value }));
      if (tokens) { session.save(tokens); location.hash = home(); }
    } }, field(t('username'), user), field(t('password'), pass), h('p', {}, h('button', { type: 'submit' }, t('signIn'))));
    render(h('h1', { text: t('staffLogin') }), h('section', { class: 'card' }, form),
      h('p', {}, h('a', { href: '#/owner' }, t('ownerPage'))));
    user.focus();
  });

  // ----- public notice board -----
  route('/notices/([0-9a-f-]{36})', async (params, cid) => {
    const board = await api('GET', `/api/communities/${cid}/notices?size=50&lang=${t('lang')}`);
    render(h('h1', { text: t('noticeBoard') }), board.items.length === 0 ? h('p', { text: t('noNotices') }) : null,
      board.items.map(n => h('article', { class: 'card' }, h('h2', { text: n.title }),
        h('p', { class: 'muted', text: t('published') + ' ' + when(n.publishedAt) + (n.publicityEndsAt ? ' · ' + t('until') + ' ' + deadline(n.publicityEndsAt) : '') }),
        n.body.split('\n').map(line => h('p', { text: line })),
        h('a', { href: `/api/communities/${cid}/notices/${n.id}/print?lang=${t('lang')}`, target: '_blank', rel: 'noopener' }, t('print')))));
  });

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

  // ----- working group -----
  route('/wg', async () => {
    const cid = session.claims().community_id;
    const [community, elections] = await Promise.all([api('GET', `/api/communities/${cid}`), api('GET', `/api/communities/${cid}/elections`)]);
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
        h('a', { href: '#/notices/' + cid }, t('noticeBoard'))),
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
    const index = PHASES.indexOf(e.phase);
    const timeline = h('ol', { class: 'timeline', 'aria-label': t('phases') }, PHASES.map((p, i) =>
      h('li', { class: i < index ? 'done' : i === index ? 'current' : '', 'aria-current': i === index ? 'step' : null }, t('ph.' + p))));
    const reasonInput = h('input', { name: 'reason', placeholder: t('reasonHint') });
    const moved = feedback('phase');
    // every move is one-way: each is confirmed in a dialog that says, in plain words, what cannot be undone
    const moves = (NEXT[e.phase] || []).map(to => {
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
        if (done) { noteOk(moved, t('movedTo', t('ph.' + done.phase))); route_refresh(); }
      } }, t('moveTo', t('ph.' + to)));
      return button;
    });
    const el = e.electorate || {};
    const sections = [h('h1', { text: e.title + (e.drill ? ' ' + t('drill') : '') }),
      h('section', { class: 'card' }, timeline, h('p', {}, t('phase') + ': ', h('strong', { id: 'phase', text: t('ph.' + e.phase) })),
        h('p', { class: 'muted', text: t('deadline') + ' ' + deadline(e.votingDeadline) }),
        moves.length ? field(t('reason'), reasonInput) : null, h('div', { class: 'row moves' }, moves), moved),
      h('section', { class: 'card' }, h('h2', { text: t('electorate') }),
        h('p', { text: t('electorateFigures', el.countedUnits ?? '—', el.area ?? '—', el.headcount ?? '—') }))];
    if (['DRAFT', 'NOMINATION', 'CANDIDATE_PUBLICITY'].includes(e.phase)) sections.push(await candidatesCard(eid, e.phase));
    if (['VOTING', 'COUNTING', 'RESULT_PUBLICITY', 'CLOSED'].includes(e.phase)) sections.push(await turnoutCard(eid), printCard(eid));
    sections.push(staffCard(eid), await messagesCard(eid));
    render(...sections);
  });
  const route_refresh = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

  async function candidatesCard(eid, phase) {
    const list = await api('GET', `/api/elections/${eid}/candidates`);
    const building = h('input', { placeholder: '1号楼' }); const unit = h('input', { placeholder: '101' });
    const name = h('input'); const byBuilding = h('input', { placeholder: '1号楼' }); const byUnit = h('input', { placeholder: '102' });
    const commitment = h('input', { type: 'checkbox' });
    const review = (c, decision) => h('button', { type: 'button', class: decision === 'APPROVED' ? '' : 'secondary', onclick: async () => {
      const body = decision === 'APPROVED' ? { decision } : { decision, reasonCategory: 'OTHER', reason: prompt(t('rejectReason')) || '' };
      if (await attempt(() => api('POST', `/api/elections/${eid}/candidates/${c.id}/review`, body))) route_refresh();
    } }, t('dec.' + decision));
    return h('section', { class: 'card' }, h('h2', { text: t('candidates') }),
      h('table', {}, h('thead', {}, h('tr', {}, [t('name'), t('unit'), t('nominators'), t('status'), ''].map(x => h('th', { text: x })))),
        h('tbody', {}, list.candidates.map(c => h('tr', {}, h('td', { text: c.name }), h('td', { text: c.building + ' ' + c.unit }),
          h('td', { text: String(c.nominators) }), h('td', { text: t('cs.' + c.status) }),
          h('td', {}, phase === 'NOMINATION' && c.status === 'NOMINATED' ? [review(c, 'APPROVED'), ' ', review(c, 'REJECTED')] : null))))),
      phase === 'NOMINATION' ? h('form', { onsubmit: async ev => {
        ev.preventDefault();
        const done = await attempt(() => api('POST', `/api/elections/${eid}/nominations`, { unit: { building: building.value, unit: unit.value },
          name: name.value, statement: '', nominators: [{ building: byBuilding.value, unit: byUnit.value }], commitmentReceived: commitment.checked }));
        if (done) route_refresh();
      } }, h('h2', { text: t('nominate') }), h('div', { class: 'row' }, field(t('building'), building), field(t('unit'), unit), field(t('name'), name)),
        h('div', { class: 'row' }, field(t('nominatorBuilding'), byBuilding), field(t('nominatorUnit'), byUnit)),
        h('label', {}, commitment, t('commitment')), h('p', {}, h('button', { type: 'submit' }, t('nominate')))) : null,
      phase === 'CANDIDATE_PUBLICITY' ? objectionsPart(eid, list) : null);
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
            if (await attempt(() => api('POST', `/api/elections/${eid}/objections/${o.id}/answer`, { answer: answer.value }))) route_refresh();
          } }, field(t('answer'), answer), h('button', { type: 'submit' }, t('sendAnswer'))));
      })),
      h('form', { onsubmit: async ev => {
        ev.preventDefault();
        const body = { objectingUnit: { building: building.value, unit: unit.value }, text: text.value };
        if (candidate.value) body.candidateId = candidate.value;
        if (await attempt(() => api('POST', `/api/elections/${eid}/objections`, body))) route_refresh();
      } }, h('h2', { text: t('lodgeObjection') }), h('div', { class: 'row' }, field(t('building'), building), field(t('unit'), unit),
        field(t('candidate'), candidate)), field(t('objectionText'), text), h('p', {}, h('button', { type: 'submit' }, t('lodge')))));
  }

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
    return h('section', { class: 'card' }, h('h2', { text: t('turnout') }), svg,
      h('table', {}, h('thead', {}, h('tr', {}, [t('building'), t('units'), t('st.HANDED_OUT'), t('st.UNDELIVERABLE'), t('st.RETURNED'), t('st.CAST_ONLINE')]
        .map(x => h('th', { text: x })))), h('tbody', {}, rows.map(r => h('tr', {}, [r.building, r.units, r.handedOut, r.undeliverable, r.returned, r.castOnline]
        .map(x => h('td', { text: String(x) })))))));
  }

  function printCard(eid) {
    const building = h('input', { placeholder: '1号楼' });
    return h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      const page = await attempt(() => api('POST', `/api/elections/${eid}/ballots/print?building=${encodeURIComponent(building.value)}`));
      if (page) window.open(URL.createObjectURL(new Blob([page], { type: 'text/html' })), '_blank', 'noopener');
    } }, h('h2', { text: t('printBallots') }), h('p', { class: 'muted', text: t('printHelp') }), field(t('building'), building),
      h('p', {}, h('button', { type: 'submit' }, t('print'))));
  }

  function staffCard(eid) {
    const username = h('input', { autocomplete: 'off' }); const password = h('input', { type: 'password', autocomplete: 'new-password' });
    const display = h('input'); const role = h('select', {}, ['building-leader', 'counter', 'scrutineer', 'chief-scrutineer']
      .map(r => h('option', { value: r }, t('role.' + r))));
    const buildings = h('input', { placeholder: '1号楼,2号楼' });
    const list = h('ul');
    api('GET', `/api/elections/${eid}/staff`).then(accounts => list.replaceChildren(...accounts.map(a =>
      h('li', { text: `${a.displayName} · ${t('loginName')}: ${a.username} · ${a.roles.map(r => t('role.' + r)).join(', ')}${a.buildings.length ? ' · ' + a.buildings.join(', ') : ''}${a.enabled ? '' : ' · ' + t('disabled')}` })))).catch(() => null);
    return h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      const created = await attempt(() => api('POST', `/api/elections/${eid}/staff`, { username: username.value.trim(), password: password.value,
        displayName: display.value, roles: [role.value], buildings: buildings.value ? buildings.value.split(/[,，]/).map(s => s.trim()).filter(Boolean) : [] }));
      if (created) { showOk(t('accountCreated', created.username)); route_refresh(); }
    } }, h('h2', { text: t('accounts') }), list, h('div', { class: 'row' }, field(t('shortName'), username), field(t('password'), password)),
      h('p', { class: 'muted', text: t('loginNameHelp') }),
      h('div', { class: 'row' }, field(t('displayName'), display), field(t('role'), role), field(t('buildings'), buildings)),
      h('p', { class: 'muted', text: t('passwordHelp') }), h('p', {}, h('button', { type: 'submit' }, t('create'))));
  }

  async function messagesCard(eid) {
    const page = await api('GET', `/api/elections/${eid}/messages?size=50`).catch(() => null);
    if (!page) return h('section', { class: 'card' }, h('h2', { text: t('messages') }), h('p', { class: 'muted', text: t('messagesUnavailable') }));
    return h('section', { class: 'card' }, h('h2', { text: t('messages') }),
      h('p', { text: Object.entries(page.byStatus).map(([s, n]) => t('ms.' + s) + ' ' + n).join(' · ') }),
      h('table', {}, h('tbody', {}, page.items.map(m => h('tr', {}, h('td', { text: t('mp.' + m.purpose) }), h('td', { text: label('mc.', m.channel) }),
        h('td', { text: m.recipient + ' ' + m.address }), h('td', { text: t('ms.' + m.status) + (m.lastError ? ' — ' + m.lastError : '') }),
        h('td', {}, m.status === 'FAILED' || m.status === 'UNCONFIRMED' ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
          if (await attempt(() => api('POST', `/api/elections/${eid}/messages/${m.id}/resend`))) route_refresh(); } }, t('resend')) : null))))));
  }

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
    const list = h('ul', { class: 'units', id: 'units' });
    const rows = new Map(); // serial → { ballot, pending, open, choice, note }
    ballots.forEach(b => rows.set(b.serial, { ballot: b, pending: null, open: null, note: null,
      choice: { relation: 'OWNER', method: 'IN_PERSON', name: '' } }));
    const draw = serial => {
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
      const room = toast.hidden ? window.innerHeight : toast.getBoundingClientRect().top;
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
      if (row.note) {
        slot.className = row.note.ok ? 'feedback ok' : 'feedback problem';
        slot.setAttribute('role', row.note.ok ? 'status' : 'alert');
        slot.replaceChildren(...(row.note.ok ? [h('span', { text: row.note.text })]
          : [h('strong', { text: (row.note.error.problem && row.note.error.problem.title) || t('error') }), ' ',
            (row.note.error.problem && row.note.error.problem.detail) || row.note.error.message || '']));
        slot.hidden = false;
      }
      li.append(slot);
      return li;
    }

    ballots.forEach(b => list.append(unitRow(b.serial)));
    render(h('h1', { text: t('myBuildings') }),
      h('nav', { class: 'row', 'aria-label': t('myBuildings') }, buildings.map(x => h('a', { href: '#/leader?b=' + encodeURIComponent(x),
        'aria-current': x === building ? 'page' : null, class: 'status' }, x))),
      list);
  });

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
      } catch (e) {
        if (e.status === 401) { saving = false; session.clear(); go('#/login'); return; } // the session ran out
        const problem = e.problem || {};
        const detail = problem.detail || e.message || problem.title || t('error');
        // the field errors, where they say more than the detail (a single one usually repeats it)
        const why = [detail, ...(problem.errors || []).filter(x => x.message && !detail.includes(x.message)).slice(0, 20)
          .map(x => (x.field ? x.field + ': ' : '') + x.message)].join(' ');
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
    const keys = h('div', { tabindex: 0, class: 'card', id: 'marks', 'aria-label': t('marksArea'), onkeydown: ev => {
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
      h('div', { class: 'row' }, field(t('serial'), serial), field(t('signature'), signature)), result, keys,
      h('p', {}, h('button', { type: 'button', onclick: save }, t('saveEntry'))));
    // the counter starts typing (or scanning) at once: the first keys go into the serial field
    draw(); serial.focus();
  });

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
        if (done) { showOk(t('resolved', conflict.serial)); route_refresh(); }
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
        if (r) { showOk(r.agrees ? t('signoffAgrees') : t('signoffDiffers')); route_refresh(); }
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
          if (done !== undefined) { noteOk(finalized, t('finalized')); route_refresh(); }
        } }, t('finalize'));
        nodes.push(h('p', {}, button));
      }
      nodes.push(finalized);
    }
    return h('section', { class: 'card' }, nodes);
  }

  // ----- street office: a read-only overview of the elections in its communities of one street -----
  route('/street', async params => {
    const street = h('input', { name: 'street', value: params.get('s') || localStorage.getItem('ov.street') || '' });
    const nodes = [h('h1', { text: t('streetOverview') }), h('form', { class: 'card', onsubmit: e => {
      e.preventDefault();
      localStorage.setItem('ov.street', street.value.trim());
      location.hash = '#/street?s=' + encodeURIComponent(street.value.trim());
    } }, field(t('street'), street), h('p', {}, h('button', { type: 'submit' }, t('show'))))];
    if (street.value) {
      const rows = await api('GET', '/api/elections?street=' + encodeURIComponent(street.value));
      nodes.push(h('section', { class: 'card' }, rows.length === 0 ? h('p', { text: t('noElections') }) :
        h('table', { id: 'street-elections' }, h('thead', {}, h('tr', {}, [t('community'), t('title'), t('phase'), t('deadline')]
          .map(x => h('th', { text: x })))), h('tbody', {}, rows.map(r => h('tr', {}, h('td', {}, h('a', { href: '#/notices/' + r.communityId }, r.communityName)),
          h('td', { text: r.title + (r.drill ? ' ' + t('drill') : '') }), h('td', { text: t('ph.' + r.phase) }), h('td', { text: deadline(r.votingDeadline) })))))));
    }
    render(...nodes);
  });

  // ----- admin: communities and working-group accounts -----
  route('/admin', async () => {
    const name = h('input'); const district = h('input'); const street = h('input');
    const wgUser = h('input', { autocomplete: 'off' }); const wgPass = h('input', { type: 'password', autocomplete: 'new-password' });
    const wgCommunity = h('input', { class: 'mono', placeholder: 'community id' });
    render(h('h1', { text: t('admin') }),
      h('form', { class: 'card', onsubmit: async e => {
        e.preventDefault();
        const c = await attempt(() => api('POST', '/api/communities', { name: name.value, district: district.value, street: street.value }));
        if (c) { showOk(t('communityCreated', c.name, c.id)); wgCommunity.value = c.id; }
      } }, h('h2', { text: t('newCommunity') }), field(t('name'), name), field(t('district'), district), field(t('street'), street),
        h('p', {}, h('button', { type: 'submit' }, t('create')))),
      h('form', { class: 'card', onsubmit: async e => {
        e.preventDefault();
        const a = await attempt(() => api('POST', '/api/admin/users', { username: wgUser.value.trim(), password: wgPass.value,
          displayName: t('role.working-group'), roles: ['working-group'], communityId: wgCommunity.value.trim() }));
        if (a) showOk(t('accountCreated', a.username));
      } }, h('h2', { text: t('newWorkingGroup') }), field(t('username'), wgUser), field(t('password'), wgPass),
        field(t('communityId'), wgCommunity), h('p', {}, h('button', { type: 'submit' }, t('create')))));
  });
}
