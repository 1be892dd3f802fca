// Agents: the list with state, skills and capacity, and a form for an agent's skills (with proficiency) and capacity.
import { api } from '../api.js';
import { field, h, replace, table, uid } from '../dom.js';
import { attempt, outcomeRegion } from '../notice.js';

const CHANNELS = ['voice', 'video', 'chat', 'callback'];

function describeSkills(skills) {
  return Object.entries(skills || {}).map(([s, level]) => `${s} ${level}`).join(', ') || 'none';
}

function describeCapacity(capacity) {
  return CHANNELS.map(c => `${c} ${capacity?.[c] ?? '–'}`).join(', ');
}

export async function agentsPage(container) {
  const list = h('section', { 'aria-label': 'Agents' });
  const editorSlot = h('div');
  replace(container, list, h('p', {}, h('button', { type: 'button', onclick: () => edit(null) }, 'New agent')), editorSlot);
  let skills = [];

  async function load() {
    const [agents, known] = await Promise.all([api('GET', '/agents'), api('GET', '/skills')]);
    skills = known.map(s => s.name);
    replace(list, table('Agents', ['Login', 'Name', 'State', 'Skills (proficiency)', 'Capacity', ''],
      agents.map(a => [a.login, a.displayName, a.state, describeSkills(a.skills), describeCapacity(a.capacity),
        h('button', { type: 'button', 'aria-label': `Edit agent ${a.login}`, onclick: () => edit(a) }, 'Edit')]),
      i => ({ 'data-agent': agents[i].login })));
  }

  function skillRow(rows, skill = '', level = 5) {
    const select = h('select', { name: 'skill' }, h('option', { value: '' }, 'choose a skill'),
      skills.map(s => h('option', { value: s, selected: s === skill }, s)));
    const proficiency = h('input', { type: 'number', name: 'proficiency', min: 1, max: 10, value: level, required: true });
    const row = h('div', { class: 'inline', role: 'group', 'aria-label': 'Skill' });
    const remove = h('button', { type: 'button', onclick: () => { row.remove(); } }, 'Remove skill');
    row.append(field('Skill', select), field('Proficiency (1–10)', proficiency), remove);
    rows.append(row);
    return select;
  }

  function edit(agent) {
    const login = h('input', { type: 'text', name: 'login', required: true, autocomplete: 'off',
      value: agent?.login || '' });
    const displayName = h('input', { type: 'text', name: 'displayName', required: true, value: agent?.displayName || '' });
    const rows = h('div', { id: uid('skills') });
    for (const [skill, level] of Object.entries(agent?.skills || {})) {
      skillRow(rows, skill, level);
    }
    const addSkill = h('button', { type: 'button', onclick: () => skillRow(rows).focus() }, 'Add skill');
    const capacity = Object.fromEntries(CHANNELS.map(c => [c, h('input', { type: 'number', name: `capacity-${c}`,
      min: 0, max: 50, value: agent?.capacity?.[c] ?? '' })]));
    const attributes = h('textarea', { name: 'attributes', rows: 3, cols: 50,
      value: JSON.stringify(agent?.attributes || {}) });
    const outcome = outcomeRegion();
    const title = agent ? `Edit agent ${agent.login}` : 'New agent';
    const form = h('form', { class: 'editor', 'aria-label': title },
      h('h2', {}, title),
      field('Login', login, 'letters, digits, _ . @ -'),
      field('Display name', displayName),
      h('fieldset', {}, h('legend', {}, 'Skills'), rows, addSkill),
      h('fieldset', {}, h('legend', {}, 'Capacity (tasks at once; empty: the default)'),
        h('div', { class: 'inline' }, CHANNELS.map(c => field(c, capacity[c])))),
      field('Attributes (JSON object)', attributes, 'facts target expressions can read, e.g. {"team": "north"}'),
      h('button', { type: 'submit', class: 'primary' }, agent ? 'Save agent' : 'Create agent'),
      outcome);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      let parsed;
      try {
        parsed = attributes.value.trim() ? JSON.parse(attributes.value) : {};
      } catch (e) {
        attributes.setAttribute('aria-invalid', 'true');
        replace(outcome, h('div', { class: 'problem', role: 'alert' }, `Attributes are not JSON: ${e.message}`));
        attributes.focus();
        return;
      }
      attributes.removeAttribute('aria-invalid');
      const skillMap = {};
      for (const row of rows.children) {
        const skill = row.querySelector('select').value;
        if (skill) {
          skillMap[skill] = Number(row.querySelector('input').value);
        }
      }
      const capacityMap = {};
      for (const c of CHANNELS) {
        if (capacity[c].value !== '') {
          capacityMap[c] = Number(capacity[c].value);
        }
      }
      const spec = { login: login.value.trim(), displayName: displayName.value.trim(), skills: skillMap,
        capacity: capacityMap, attributes: parsed };
      const saved = await attempt(outcome,
        () => agent ? api('PUT', `/agents/${agent.id}`, spec) : api('POST', '/agents', spec),
        a => `Agent ${a.login} saved.`);
      if (saved) {
        await load();
      }
    });
    replace(editorSlot, form);
    (agent ? displayName : login).focus();
  }

  await load();
}
