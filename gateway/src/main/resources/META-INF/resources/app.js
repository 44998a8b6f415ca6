// OwnersVote web client: plain ES modules, no build step. Every screen talks to the public API through this
// gateway; nothing here decides a rule of the election (the services do), it only shows their answers.
import { I18N } from './i18n.js';

// ---------- language, session, API ----------

let lang = localStorage.getItem('ov.lang') || 'zh';
/** The language the services answer in: problem details (title, detail, errors[].message) come in it. */
export const acceptLanguage = () => lang === 'zh' ? 'zh-CN' : 'en';
export const t = (key, ...args) => {
  let text = (I18N[lang] && I18N[lang][key]) || I18N.zh[key] || key;
  args.forEach((a, i) => { text = text.replace('{' + i + '}', a); });
  return text;
};

export const session = {
  get access() { return sessionStorage.getItem('ov.access'); },
  get refresh() { return sessionStorage.getItem('ov.refresh'); },
  save(tokens) {
    sessionStorage.setItem('ov.access', tokens.accessToken);
    if (tokens.refreshToken) sessionStorage.setItem('ov.refresh', tokens.refreshToken);
    else sessionStorage.removeItem('ov.refresh');
  },
  clear() { sessionStorage.removeItem('ov.access'); sessionStorage.removeItem('ov.refresh'); sessionStorage.removeItem('ov.code'); },
  claims() {
    const token = this.access;
    if (!token) return null;
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(part), c => c.charCodeAt(0));
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      return claims.exp * 1000 > Date.now() - 3600_000 ? claims : null;
    } catch (e) { return null; }
  },
  has(role) { const c = this.claims(); return !!c && (c.groups || []).includes(role); },
};

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || String(status));
    this.status = status; this.problem = problem; this.retryAfter = retryAfter;
  }
}

// A 503 with one of these problem types means "try again shortly": nothing was changed because something is not ready
// yet (a service still receiving the electorate, an election not yet recorded, ballots still being issued,
// ballot-service briefly away), or the service's database was away and the request may not have been recorded —
// sent again with the same Idempotency-Key (every POST/PUT here carries one) it is recorded once. The same request is
// sent again by itself after Retry-After seconds, a few times. No other failed request is repeated (a service that
// did not answer was already tried a second time by the gateway).
const NOT_READY = /(^|[:/#.])(electorate-incomplete|election-not-recorded|ballots-being-issued|ballot-service-unavailable|database-unavailable)$/;
const NOT_READY_REPEATS = 5;

/** Seconds to wait before repeating the request that failed with this error, or null when it must not be repeated. */
function notReadyWait(error) {
  if (!(error instanceof ApiError) || error.status !== 503 || !NOT_READY.test(String(error.problem.type || ''))) return null;
  const header = (error.retryAfter || '').trim();
  if (!header) return null;
  let seconds = /^\d+$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(Math.max(Math.ceil(seconds), 1), 300);
}

// One Idempotency-Key per user action on POST/PUT, kept when the same action is sent again by itself (the 503 repeats
// below, the 401 refresh): the server then applies it once (docs/architecture/idempotency.md).
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

export async function api(method, path, body, options = {}) {
  if ((method === 'POST' || method === 'PUT') && !options.idempotencyKey) options = { ...options, idempotencyKey: newKey() };
  for (let repeated = 0; ; repeated++) {
    try {
      const result = await send(method, path, body, options);
      if (repeated > 0) clearNotice();
      return result;
    } catch (e) {
      const seconds = notReadyWait(e);
      if (seconds === null || repeated >= NOT_READY_REPEATS) {
        if (repeated > 0) clearNotice();
        throw e;
      }
      showNotice(e.problem.detail || e.problem.title || '', seconds);
      await new Promise(resolve => setTimeout(resolve, seconds * 1000));
    }
  }
}

async function send(method, path, body, options) {
  const headers = { Accept: options.accept || 'application/json, text/html;q=0.9', 'Accept-Language': acceptLanguage() };
  if (session.access) headers.Authorization = 'Bearer ' + session.access;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let payload;
  if (body instanceof Blob) { payload = body; headers['Content-Type'] = options.contentType || body.type || 'application/octet-stream'; }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const response = await fetch(path, { method, headers, body: payload });
  if (response.status === 401 && session.refresh && !options.retried) {
    const renewed = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': acceptLanguage() },
      body: JSON.stringify({ refreshToken: session.refresh }) });
    if (renewed.ok) { session.save(await renewed.json()); return send(method, path, body, { ...options, retried: true }); }
    session.clear();
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ApiError(response.status, problem || {}, response.headers.get('Retry-After'));
  }
  if (response.status === 204) return null;
  if (options.raw) return response.text(); // an export kept exactly as sent (the verifier hashes it)
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

// ---------- small DOM helpers (text is always set as text: nothing from the API becomes markup) ----------

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function field(labelText, input) {
  const id = input.id || ('f' + Math.random().toString(36).slice(2));
  input.id = id;
  return h('div', {}, h('label', { for: id, text: labelText }), input);
}

const main = () => document.getElementById('main');
export function render(...nodes) {
  main().replaceChildren(...nodes.flat(Infinity).filter(n => n !== null && n !== undefined && n !== false));
}

// Phase names inside a server's refusal are shown by their labels, never as raw enum values.
const PHASE_WORDS = /\b(DRAFT|NOMINATION|CANDIDATE_PUBLICITY|VOTING|COUNTING|RESULT_PUBLICITY|CLOSED|FAILED)\b/g;
const phaseWords = text => String(text || '').replace(PHASE_WORDS, p => t('ph.' + p));

/** Whether the client has a text of its own under this key. */
export const hasText = key => t(key) !== key;

/**
 * A refusal in words, each said once: the server's detail (it answers in the page's language, see acceptLanguage),
 * then only the field errors the detail does not already say — never a field's internal name. The client adds a
 * heading of its own only for the few problems it names itself (a phase that cannot be entered yet), and not when
 * the detail says it already.
 */
export function problemParts(error) {
  const problem = error.problem || {};
  const kind = String(problem.type || '').replace('urn:ownersvote:problem:', '');
  const detail = phaseWords(problem.detail || error.message || problem.title || t('error'));
  const own = kind && hasText('problem.' + kind) ? t('problem.' + kind) : null;
  const heading = own && !detail.includes(own.replace(/[:：]\s*$/, '')) ? own : null;
  const errors = (problem.errors || []).filter(e => e.message && !detail.includes(phaseWords(e.message))).slice(0, 200)
    .map(e => (e.row ? t('row', e.row) + ' ' : '') + phaseWords(e.message));
  return { heading, detail, errors };
}

/** The same refusal as one line of text (for a status line that holds text only). */
export function problemText(error) {
  const { heading, detail, errors } = problemParts(error);
  return [heading, detail, ...errors.slice(0, 20)].filter(Boolean).join(' ');
}

export function problemNodes(error) {
  const { heading, detail, errors } = problemParts(error);
  const nodes = [];
  if (heading) nodes.push(h('strong', { text: heading }), ' ');
  nodes.push(h('span', { class: 'problem-detail', text: detail }));
  if (errors.length) nodes.push(h('ul', {}, errors.map(text => h('li', { text }))));
  return nodes;
}

export function showError(error) {
  const box = document.getElementById('alert');
  box.className = 'alert';
  delete box.dataset.notice;
  box.replaceChildren(...problemNodes(error));
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

// ---------- feedback next to the control that caused it ----------
// A view puts feedback(key) right after its control; attemptAt shows a refusal there, noteOk a success. A success
// is carried through the one re-render that usually follows it, and the page is scrolled to it, not to the top.

let keptNotes = new Map();
let carriedNotes = new Map();

export function fillNote(slot, note) {
  slot.className = note.ok ? 'feedback ok' : 'feedback problem';
  slot.setAttribute('role', note.ok ? 'status' : 'alert');
  slot.replaceChildren(...(note.ok ? [h('span', { text: note.text })] : problemNodes(note.error)));
  slot.hidden = false;
}

export function feedback(key) {
  const slot = h('div', { class: 'feedback', 'data-feedback': key, hidden: true });
  const carried = carriedNotes.get(key);
  if (carried) { carriedNotes.delete(key); fillNote(slot, carried); slot.dataset.kept = ''; }
  return slot;
}

export function noteOk(slot, text) {
  const note = { ok: true, text };
  fillNote(slot, note);
  keptNotes.set(slot.dataset.feedback, note);
  bringIntoView(slot);
}

// after the layout settles (a dialog just closed, focus just returned): the whole note in view, not the top of the page
function bringIntoView(slot) {
  requestAnimationFrame(() => { if (slot.isConnected) slot.scrollIntoView({ block: 'center' }); });
}

export function clearNote(slot) { slot.hidden = true; slot.replaceChildren(); }

/** Runs an action; its refusal (the server's problem detail) is shown in slot, next to the control. */
export async function attemptAt(slot, action) {
  clearNote(slot);
  try { return await action(); } catch (e) {
    fillNote(slot, { ok: false, error: e });
    bringIntoView(slot);
    return undefined;
  }
}

// ---------- confirmation of an irreversible step: a modal dialog naming its consequence ----------

export function confirmStep({ consequence, detail, confirmLabel, danger }) {
  return new Promise(resolve => {
    const opener = document.activeElement;
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-consequence' });
    const close = answer => {
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(answer);
    };
    const cancel = h('button', { type: 'button', class: 'secondary', 'data-cancel': '', onclick: () => close(false) }, t('cancel'));
    const ok = h('button', { type: 'button', class: danger ? 'danger' : null, 'data-confirm': '', onclick: () => close(true) }, confirmLabel);
    dialog.addEventListener('cancel', e => { e.preventDefault(); close(false); });
    dialog.append(h('h2', { id: 'confirm-title', text: t('confirmTitle') }),
      h('p', { id: 'confirm-consequence', class: 'consequence', text: consequence }),
      detail ? h('p', { class: 'muted', text: detail }) : null,
      h('div', { class: 'row' }, cancel, ok));
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus(); // an irreversible step is never one Enter away
  });
}

// a confirmation stays up through the re-render that usually follows it
// older versions kept the owner's verification code here; it is not kept anywhere any more
sessionStorage.removeItem('ov.code');
let keepConfirmation = false;

export function showOk(text) {
  keepConfirmation = true;
  const box = document.getElementById('alert');
  box.className = 'alert ok';
  delete box.dataset.notice;
  box.textContent = text;
  box.hidden = false;
}

export function clearAlert() { const box = document.getElementById('alert'); delete box.dataset.notice; box.hidden = true; }

/** "Not ready yet, trying again by itself": the problem's detail in the alert box, until the answer comes. */
function showNotice(detail, seconds) {
  const box = document.getElementById('alert');
  box.className = 'alert notice';
  box.dataset.notice = 'retrying';
  box.replaceChildren(h('strong', { text: t('retrying') }), ' ', detail, ' ', h('span', { class: 'muted', text: t('retryIn', seconds) }));
  box.hidden = false;
}

function clearNotice() {
  const box = document.getElementById('alert');
  if (box.dataset.notice) { delete box.dataset.notice; box.hidden = true; }
}

/** Runs an action, showing its refusal (problem detail) if it fails. */
export async function attempt(action) {
  clearAlert();
  try { return await action(); } catch (e) { showError(e); return undefined; }
}

// ---------- undo window: a recorded step is sent only after a few seconds, unless undone ----------
// Every pending step has its own line in the toast, with its own undo and countdown; several may be pending at once.
// While the toast is up, the page gets room below its content, so the toast never has to cover a button.

function fitToast() {
  const toast = document.getElementById('toast');
  toast.hidden = toast.childElementCount === 0;
  // on a phone the toast is part of the page below everything (app.css): it covers nothing and needs no room
  const floating = !toast.hidden && getComputedStyle(toast).position === 'fixed';
  document.body.style.paddingBottom = floating ? (toast.offsetHeight + 24) + 'px' : '';
}

/**
 * Holds a step for a few seconds before send() runs it. onTick(secondsLeft) follows the countdown; onUndo runs when
 * the step is undone. Returns { undo } so the view can offer the same undo next to the step itself.
 */
export function withUndo({ message, send, onTick, onUndo, seconds = 5 }) {
  const toast = document.getElementById('toast');
  let left = seconds;
  let settled = false;
  const count = h('span', { text: String(left) });
  const item = h('div', { class: 'toast-item' }, h('span', { text: message }));
  const undo = () => {
    if (settled) return;
    settled = true;
    clearInterval(timer);
    item.classList.add('undone');
    item.replaceChildren(h('span', { text: t('undone', message) }));
    setTimeout(() => { item.remove(); fitToast(); }, 2500);
    if (onUndo) onUndo();
  };
  item.append(h('button', { type: 'button', 'aria-label': t('undo') + ' ' + message, onclick: undo }, t('undo'), ' (', count, ')'));
  toast.append(item);
  fitToast();
  const timer = setInterval(async () => {
    if (settled) return;
    left -= 1;
    count.textContent = String(left);
    if (onTick) onTick(left);
    if (left <= 0) {
      settled = true;
      clearInterval(timer);
      item.remove();
      fitToast();
      await send();
    }
  }, 1000);
  return { undo };
}

// ---------- navigation ----------

const HOME_BY_ROLE = [['working-group', '#/wg'], ['building-leader', '#/leader'], ['counter', '#/count'],
  ['chief-scrutineer', '#/scrutiny'], ['scrutineer', '#/scrutiny'], ['owner', '#/owner'], ['admin', '#/admin'],
  ['street-office', '#/street']];

export function home() {
  const claims = session.claims();
  if (!claims) return '#/login';
  const found = HOME_BY_ROLE.find(([role]) => (claims.groups || []).includes(role));
  return found ? found[1] : '#/login';
}

// ---------- the community's short address (/c/CODE, printed on the notice-board poster) ----------

/** The address owners type or scan: this site's origin and the community's short code. */
export const shortAddress = code => location.origin + '/c/' + code;

/** A community's short code, once a page has learnt it, so that links to its notice board can use it. */
export function rememberShortCode(cid, code) { sessionStorage.setItem('ov.short.' + cid, code); }
const knownShortCode = cid => sessionStorage.getItem('ov.short.' + cid);

/**
 * The header's link to the community's notice board: its public page by short code where the code is known (staff
 * of the community may ask for it once), else the board by the community's id.
 */
function boardLink(claims) {
  const cid = claims.community_id;
  const link = h('a', { id: 'board-link', href: knownShortCode(cid) ? '#/c/' + knownShortCode(cid) : '#/notices/' + cid }, t('noticeBoard'));
  if (!knownShortCode(cid) && !(claims.groups || []).includes('owner')) {
    send('GET', `/api/communities/${cid}`, undefined, {}).then(c => {
      if (c && c.shortCode) { rememberShortCode(cid, c.shortCode); link.href = '#/c/' + c.shortCode; }
    }).catch(() => null);
  }
  return link;
}

function nav() {
  const n = document.getElementById('nav');
  const claims = session.claims();
  const links = [];
  if (claims) {
    // an owner is named by the ballot they signed in with, in words (the token's upn is owner:SERIAL)
    const owner = (claims.groups || []).includes('owner');
    links.push(h('span', { id: 'who', text: owner ? t('ownerHeader', claims.ballot_serial || '') : (claims.name || claims.upn || '') }));
    if (claims.community_id) links.push(boardLink(claims));
    links.push(h('button', { type: 'button', class: 'link', onclick: logout }, t('logout')));
  } else {
    links.push(h('a', { href: '#/login' }, t('staffLogin')), h('a', { href: '#/owner' }, t('ownerPage')));
  }
  n.replaceChildren(...links);
  const langButton = document.getElementById('lang');
  langButton.textContent = lang === 'zh' ? 'English' : '中文';
  langButton.setAttribute('aria-label', lang === 'zh' ? 'Switch to English' : '切换到中文');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

async function logout() {
  if (session.refresh) await fetch('/api/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': acceptLanguage() },
    body: JSON.stringify({ refreshToken: session.refresh }) }).catch(() => null);
  session.clear();
  go('#/login');
}

/**
 * Shows the page at this address. Setting location.hash to the address already shown fires no hashchange (the
 * owner who signs in on #/owner stays on #/owner), so the page is then shown again directly.
 */
export function go(hash) {
  if (location.hash === hash) dispatch(); else location.hash = hash;
}

const routes = [];
export function route(pattern, view) { routes.push([new RegExp('^' + pattern + '$'), view]); }

// One page is shown at a time: a navigation waits until the page before it has finished showing, and only the last
// of several asked for meanwhile is shown. Otherwise a slower page asked for first would replace the one asked for
// last (a refresh after a step, then a link followed at once).
let showing = Promise.resolve();
let asked = 0;
function dispatch() {
  const mine = ++asked;
  showing = showing.then(() => (mine === asked ? show() : undefined), () => (mine === asked ? show() : undefined));
  return showing;
}

async function show() {
  if (keepConfirmation) keepConfirmation = false; else clearAlert();
  nav();
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  if (path === '/') { location.hash = home(); return; }
  for (const [pattern, view] of routes) {
    const m = path.match(pattern);
    if (m) {
      carriedNotes = keptNotes; // a success shown next to its control stays up through this one re-render
      keptNotes = new Map();
      try {
        await view(params, ...m.slice(1));
      } catch (e) {
        // a session that ran out: back to the sign-in page that fits the page asked for
        if (e.status === 401) { session.clear(); go(path.startsWith('/owner') ? '#/owner' : '#/login'); return; }
        showError(e);
      }
      carriedNotes = new Map();
      const kept = main().querySelector('.feedback[data-kept]');
      // a view that put the focus where typing starts (a sign-in field, the counter's serial) keeps it
      const focused = document.activeElement;
      if (!focused || focused === main() || !main().contains(focused)) main().focus({ preventScroll: !!kept });
      if (kept) kept.scrollIntoView({ block: 'center' }); // the confirmation, where the step was taken
      return;
    }
  }
  render(h('h1', { text: t('notFound') }));
}

export const refresh = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

// ---------- views: one module per role's screens (views/*.js), loaded after this module, from the same origin ----------

const VIEWS = ['login', 'notices', 'community', 'owner', 'working-group', 'leader', 'counter', 'scrutiny', 'street', 'admin'];

Promise.all(VIEWS.map(name => import(`./views/${name}.js`))).then(modules => {
  modules.forEach(m => m.register());
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('ov.lang', lang);
    dispatch();
  });
  window.addEventListener('hashchange', dispatch);
  dispatch();
});
