// Skills: the list and a form to add one (the API creates skills; it has no edit).
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import { attempt, outcomeRegion } from '../notice.js';

export async function skillsPage(container) {
  const list = h('section', { 'aria-label': 'Skills' });
  const name = h('input', { type: 'text', name: 'name', required: true, pattern: '[a-z0-9][a-z0-9_.\\-]{0,63}',
    autocomplete: 'off' });
  const description = h('input', { type: 'text', name: 'description', maxLength: 500 });
  const outcome = outcomeRegion();
  const form = h('form', { class: 'editor', 'aria-label': 'New skill' },
    h('h2', {}, 'New skill'),
    field('Skill name', name, 'lower-case letters, digits, _ . -, e.g. billing'),
    field('Description', description),
    h('button', { type: 'submit', class: 'primary' }, 'Create skill'),
    outcome);

  async function load() {
    const skills = await api('GET', '/skills');
    replace(list, table('Skills', ['Name', 'Description'], skills.map(s => [s.name, s.description || '']),
      i => ({ 'data-skill': skills[i].name })));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const created = await attempt(outcome,
      () => api('POST', '/skills', { name: name.value.trim(), description: description.value.trim() || null }),
      s => `Skill ${s.name} created.`);
    if (created) {
      form.reset();
      await load();
      name.focus();
    }
  });
  replace(container, list, form);
  await load();
}
