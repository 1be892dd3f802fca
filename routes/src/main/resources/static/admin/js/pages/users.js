// Users: roles, the agent an AGENT user acts as, sign-in allowed or not, and passwords (docs/security.md).
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import { attempt, outcomeRegion } from '../notice.js';

const ROLES = ['ADMIN', 'AGENT', 'DESIGNER', 'METRICS'];

function roleBoxes(selected) {
  const boxes = ROLES.map(role => h('input', { type: 'checkbox', name: 'roles', value: role,
    checked: selected.includes(role), id: `role-${role}-${Math.random().toString(36).slice(2, 8)}` }));
  const group = h('fieldset', {}, h('legend', {}, 'Roles'),
    boxes.map(box => h('label', { for: box.id, class: 'inline' }, box, ` ${box.value} `)));
  return { group, selected: () => boxes.filter(b => b.checked).map(b => b.value) };
}

function agentSelect(agents, users, current) {
  const linked = new Set(users.filter(u => u.agentId && u.agentId !== current).map(u => u.agentId));
  return h('select', { name: 'agentId' }, h('option', { value: '' }, 'no agent'),
    agents.filter(a => !linked.has(a.id)).map(a =>
      h('option', { value: a.id, selected: a.id === current }, `${a.login} (${a.displayName})`)));
}

export async function usersPage(container) {
  const list = h('section', { 'aria-label': 'Users' });
  const editorSlot = h('div');
  const listOutcome = outcomeRegion();
  replace(container, list, listOutcome,
    h('p', {}, h('button', { type: 'button', onclick: () => edit(null) }, 'New user')), editorSlot);
  let agents = [];
  let users = [];

  async function load() {
    [users, agents] = await Promise.all([api('GET', '/users'), api('GET', '/agents')]);
    const loginOf = id => agents.find(a => a.id === id)?.login || '';
    replace(list, table('Users', ['User name', 'Roles', 'Agent', 'Sign-in', ''],
      users.map(u => [u.username, u.roles.join(', '), loginOf(u.agentId), u.enabled ? 'allowed' : 'disabled',
        h('span', { class: 'inline' },
          h('button', { type: 'button', 'aria-label': `Edit user ${u.username}`, onclick: () => edit(u) }, 'Edit'),
          h('button', { type: 'button', 'aria-label': `${u.enabled ? 'Disable' : 'Enable'} user ${u.username}`,
            onclick: () => toggle(u) }, u.enabled ? 'Disable' : 'Enable'))]),
      i => ({ 'data-user': users[i].username })));
  }

  async function toggle(user) {
    const action = user.enabled ? 'disable' : 'enable';
    if (await attempt(listOutcome, () => api('POST', `/users/${encodeURIComponent(user.username)}/${action}`),
      `User ${user.username}: ${action}d.`)) {
      await load();
    }
  }

  function edit(user) {
    const username = h('input', { type: 'text', name: 'username', required: !user, readOnly: !!user,
      autocomplete: 'off', value: user?.username || '' });
    const password = h('input', { type: 'password', name: 'password', required: !user, autocomplete: 'new-password' });
    const roles = roleBoxes(user?.roles || ['AGENT']);
    const agent = agentSelect(agents, users, user?.agentId || null);
    const outcome = outcomeRegion();
    const title = user ? `Edit user ${user.username}` : 'New user';
    const form = h('form', { class: 'editor', 'aria-label': title },
      h('h2', {}, title),
      field('User name', username),
      field(user ? 'New password (leave empty to keep)' : 'Password', password, 'at least 12 characters, not a default'),
      roles.group,
      field('Agent (AGENT users only)', agent, 'the ACD agent this user signs in as'),
      h('button', { type: 'submit', class: 'primary' }, user ? 'Save user' : 'Create user'),
      outcome);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const agentId = agent.value || null;
      let saved;
      if (!user) {
        saved = await attempt(outcome, () => api('POST', '/users', { username: username.value.trim(),
          password: password.value, roles: roles.selected(), agentId }), u => `User ${u.username} created.`);
      } else {
        const name = encodeURIComponent(user.username);
        saved = await attempt(outcome, async () => {
          const result = await api('PUT', `/users/${name}/roles`, { roles: roles.selected(), agentId });
          if (password.value) {
            await api('PUT', `/users/${name}/password`, { password: password.value });
          }
          return result;
        }, u => `User ${u.username} saved.`);
      }
      if (saved) {
        password.value = '';
        await load();
      }
    });
    replace(editorSlot, form);
    (user ? password : username).focus();
  }

  await load();
}
