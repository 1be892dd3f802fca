// The admin console: who is signed in, the sections, and which page is shown (the URL's hash).
import { api, csrfToken } from './api.js';
import { h, replace } from './dom.js';
import { dashboardPage } from './pages/dashboard.js';
import { queuesPage } from './pages/queues.js';
import { skillsPage } from './pages/skills.js';
import { agentsPage } from './pages/agents.js';
import { usersPage } from './pages/users.js';
import { workflowsPage } from './pages/workflows.js';
import { sitesPage } from './pages/sites.js';

const PAGES = {
  dashboard: { title: 'Dashboard', render: dashboardPage },
  queues: { title: 'Queues', render: queuesPage },
  skills: { title: 'Skills', render: skillsPage },
  agents: { title: 'Agents', render: agentsPage },
  users: { title: 'Users', render: usersPage },
  workflows: { title: 'Workflows', render: workflowsPage },
  sites: { title: 'Sites and destinations', render: sitesPage },
};

const main = document.getElementById('page');
let leave = null;

async function show() {
  const name = (location.hash || '#dashboard').slice(1);
  const page = PAGES[name] || PAGES.dashboard;
  if (leave) {
    leave();
    leave = null;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#${name}`) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.title = `${page.title} · Liaison admin`;
  const heading = h('h1', {}, page.title);
  const body = h('div');
  replace(main, heading, body);
  leave = await page.render(body) || null;
  main.dataset.page = name;
}

async function start() {
  let me;
  try {
    me = await api('GET', '/users/me');
  } catch (error) {
    replace(main, h('div', { class: 'problem', role: 'alert' }, `Cannot reach Liaison: ${error.message} (${error.code})`));
    return;
  }
  document.getElementById('who').textContent = `Signed in as ${me.username}`;
  const signout = document.getElementById('signout');
  signout.addEventListener('submit', () => { document.getElementById('signout-csrf').value = csrfToken() || ''; });
  signout.hidden = false;
  if (!me.roles.includes('ADMIN')) {
    replace(main, h('h1', {}, 'Not an administrator'),
      h('p', { class: 'problem', role: 'alert', 'data-code': 'auth.forbidden' },
        `The admin console needs the ADMIN role; ${me.username} has ${me.roles.join(', ') || 'no role'}. `
        + 'Sign out and sign in as an administrator.'));
    main.dataset.page = 'forbidden';
    return;
  }
  document.getElementById('nav').hidden = false;
  window.addEventListener('hashchange', () => { show().then(() => main.focus()); });
  window.addEventListener('pagehide', () => { if (leave) { leave(); leave = null; } });
  await show();
}

start();
