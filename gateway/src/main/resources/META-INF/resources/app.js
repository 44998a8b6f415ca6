// OwnersVote web client: plain ES modules, no build step. Every screen talks to the public API through this
// gateway; nothing here decides a rule of the election (the services do), it only shows their answers.
import { I18N } from './i18n.js';

// ---------- language, session, API ----------

let lang = localStorage.getItem('ov.lang') || 'zh';
export const t = (key, ...args) => {
  let text = (I18N[lang] && I18N[lang][key]) || I18N.zh[key] || key;
  args.forEach((a, i) => { text = text.replace('{' + i + '}', a); });
  return text;
};

const session = {
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

class ApiError extends Error {
  constructor(status, problem) { super(problem.detail || problem.title || String(status)); this.status = status; this.problem = problem; }
}

export async function api(method, path, body, options = {}) {
  const headers = { Accept: 'application/json, text/html;q=0.9' };
  if (session.access) headers.Authorization = 'Bearer ' + session.access;
  let payload;
  if (body instanceof Blob) { payload = body; headers['Content-Type'] = options.contentType || body.type || 'application/octet-stream'; }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const response = await fetch(path, { method, headers, body: payload });
  if (response.status === 401 && session.refresh && !options.retried) {
    const renewed = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: session.refresh }) });
    if (renewed.ok) { session.save(await renewed.json()); return api(method, path, body, { ...options, retried: true }); }
    session.clear();
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
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

function field(labelText, input) {
  const id = input.id || ('f' + Math.random().toString(36).slice(2));
  input.id = id;
  return h('div', {}, h('label', { for: id, text: labelText }), input);
}

const main = () => document.getElementById('main');
function render(...nodes) {
  main().replaceChildren(...nodes.flat(Infinity).filter(n => n !== null && n !== undefined && n !== false));
}

export function showError(error) {
  const box = document.getElementById('alert');
  box.className = 'alert';
  const problem = error.problem || {};
  box.replaceChildren(h('strong', { text: problem.title || t('error') }), ' ', problem.detail || error.message || '');
  if (problem.errors && problem.errors.length) {
    box.append(h('ul', {}, problem.errors.slice(0, 200).map(e =>
      h('li', { text: (e.row ? t('row', e.row) + ' ' : '') + (e.field ? e.field + ': ' : '') + e.message }))));
  }
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

// a confirmation stays up through the re-render that usually follows it
// older versions kept the owner's verification code here; it is not kept anywhere any more
sessionStorage.removeItem('ov.code');
let keepConfirmation = false;

function showOk(text) {
  keepConfirmation = true;
  const box = document.getElementById('alert');
  box.className = 'alert ok';
  box.textContent = text;
  box.hidden = false;
}

function clearAlert() { document.getElementById('alert').hidden = true; }

/** Runs an action, showing its refusal (problem detail) if it fails. */
async function attempt(action) {
  clearAlert();
  try { return await action(); } catch (e) { showError(e); return undefined; }
}

// ---------- undo window: a recorded step is sent only after a few seconds, unless undone ----------

function withUndo(message, send, seconds = 5) {
  const toast = document.getElementById('toast');
  let left = seconds;
  let undone = false;
  const count = h('span', { text: String(left) });
  const undo = h('button', { type: 'button', onclick: () => { undone = true; toast.hidden = true; clearInterval(timer); } }, t('undo'), ' (', count, ')');
  toast.replaceChildren(h('span', { text: message }), undo);
  toast.hidden = false;
  undo.focus();
  const timer = setInterval(async () => {
    left -= 1;
    count.textContent = String(left);
    if (left <= 0) {
      clearInterval(timer);
      toast.hidden = true;
      if (!undone) await attempt(send);
    }
  }, 1000);
}

// ---------- navigation ----------

const HOME_BY_ROLE = [['working-group', '#/wg'], ['building-leader', '#/leader'], ['counter', '#/count'],
  ['chief-scrutineer', '#/scrutiny'], ['scrutineer', '#/scrutiny'], ['owner', '#/owner'], ['admin', '#/admin'],
  ['street-office', '#/street']];

function home() {
  const claims = session.claims();
  if (!claims) return '#/login';
  const found = HOME_BY_ROLE.find(([role]) => (claims.groups || []).includes(role));
  return found ? found[1] : '#/login';
}

function nav() {
  const n = document.getElementById('nav');
  const claims = session.claims();
  const links = [];
  if (claims) {
    links.push(h('span', { text: claims.name || claims.upn || '' }));
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
  if (session.refresh) await fetch('/api/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refresh }) }).catch(() => null);
  session.clear();
  location.hash = '#/login';
}

const routes = [];
function route(pattern, view) { routes.push([new RegExp('^' + pattern + '$'), view]); }

async function dispatch() {
  if (keepConfirmation) keepConfirmation = false; else clearAlert();
  nav();
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  if (path === '/') { location.hash = home(); return; }
  for (const [pattern, view] of routes) {
    const m = path.match(pattern);
    if (m) {
      try {
        await view(params, ...m.slice(1));
      } catch (e) {
        // a session that ran out: back to the sign-in page that fits the page asked for
        if (e.status === 401) { session.clear(); location.hash = path.startsWith('/owner') ? '#/owner' : '#/login'; return; }
        showError(e);
      }
      main().focus();
      return;
    }
  }
  render(h('h1', { text: t('notFound') }));
}

// ---------- views ----------

import('./views.js').then(({ registerViews }) => {
  registerViews({ route, render, h, field, api, t, session, attempt, showOk, showError, withUndo, home });
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('ov.lang', lang);
    dispatch();
  });
  window.addEventListener('hashchange', dispatch);
  dispatch();
});
