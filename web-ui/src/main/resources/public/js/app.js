// Starts the page: finds the session, routes #/ (devices), #/rules[/id], #/broker, #/history and #/settings,
// keeps the live feed open. History and settings are loaded when first opened, so the dashboard's first load
// stays small.
import { api, ApiError, explain, setCsrfToken } from './api.js';
import { showBroker } from './broker.js';
import { Dashboard } from './dashboard.js';
import { el, replace } from './dom.js';
import { showLogin, showPasswordChange } from './login.js';
import { showRuleEditor, showRuleList } from './rules.js';

const view = document.getElementById('view');
const bar = document.getElementById('bar');
const liveBadge = document.getElementById('live');
let dashboard = null;
let live = null;

async function start() {
  try {
    const session = await api('GET', '/api/session');
    setCsrfToken(session.csrfToken);
    if (session.mustChangePassword) showPasswordChange(view, '', enter);
    else enter();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) loggedOut();
    else replace(view, el('p', { class: 'error' }, explain(e)));
  }
}

function loggedOut() {
  bar.hidden = true;
  closeLive();
  showLogin(view, enter);
}

function enter() {
  bar.hidden = false;
  route();
}

async function route() {
  if (bar.hidden) return;
  const path = location.hash.replace(/^#/, '') || '/';
  document.getElementById('nav-devices').classList.toggle('current', path === '/');
  document.getElementById('nav-rules').classList.toggle('current', path.startsWith('/rules'));
  document.getElementById('nav-broker').classList.toggle('current', path === '/broker');
  document.getElementById('nav-history').classList.toggle('current', path === '/history');
  document.getElementById('nav-settings').classList.toggle('current', path === '/settings');
  try {
    if (path === '/history') {
      dashboard = null;
      const { showHistory } = await import('./history.js');
      await showHistory(view);
    } else if (path === '/settings') {
      dashboard = null;
      const { showSettings } = await import('./settings.js');
      await showSettings(view);
    } else if (path.startsWith('/rules/')) {
      dashboard = null;
      await showRuleEditor(view, decodeURIComponent(path.slice('/rules/'.length)));
    } else if (path === '/rules') {
      dashboard = null;
      await showRuleList(view);
    } else if (path === '/broker') {
      dashboard = null;
      await showBroker(view);
    } else {
      dashboard = new Dashboard(view);
      await dashboard.show();
      openLive();
    }
  } catch (e) {
    failed(e);
  }
}

function failed(e) {
  if (e instanceof ApiError && e.status === 401) loggedOut();
  else replace(view, el('p', { class: 'error', role: 'alert' }, explain(e)));
}

// EventSource reconnects by itself; every (re)connect reloads the devices to catch up.
function openLive() {
  if (live) return;
  live = new EventSource('/api/live');
  live.addEventListener('open', () => {
    liveBadge.textContent = 'live';
    liveBadge.classList.add('on');
    if (dashboard) dashboard.reload().catch(failed);
  });
  live.addEventListener('error', () => {
    liveBadge.textContent = 'reconnecting';
    liveBadge.classList.remove('on');
    // A refused stream (the session ended) is not retried by the browser: start over, which shows the login.
    if (live.readyState === EventSource.CLOSED) {
      closeLive();
      start();
    }
  });
  live.addEventListener('message', (event) => {
    if (dashboard) dashboard.onMessage(JSON.parse(event.data));
  });
}

function closeLive() {
  if (live) live.close();
  live = null;
  liveBadge.textContent = 'offline';
  liveBadge.classList.remove('on');
}

document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api('POST', '/api/logout');
  } finally {
    setCsrfToken(null);
    loggedOut();
  }
});
window.addEventListener('hashchange', route);
start();
