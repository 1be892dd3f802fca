// Workflows: ordered filters, each with a match expression and targets (queue, agent expression, priority, timeout,
// skip when no agent), every expression checked as it is typed.
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import { expressionField } from '../expression-field.js';
import { attempt, outcomeRegion } from '../notice.js';

function queueSelect(queues, selected, label) {
  return h('select', { name: 'queue', required: true, 'aria-label': label },
    h('option', { value: '' }, 'choose a queue'),
    queues.map(q => h('option', { value: q.name, selected: q.name === selected }, q.name)));
}

function optionalNumber(input) {
  return input.value === '' ? null : Number(input.value);
}

export async function workflowsPage(container) {
  const list = h('section', { 'aria-label': 'Workflows' });
  const editorSlot = h('div');
  replace(container, list, h('p', {}, h('button', { type: 'button', onclick: () => edit(null) }, 'New workflow')),
    editorSlot);
  let queues = [];

  async function load() {
    const [workflows, known] = await Promise.all([api('GET', '/workflows'), api('GET', '/queues')]);
    queues = known;
    replace(list, table('Workflows', ['Name', 'Filters', 'Default queue', ''],
      workflows.map(w => [w.name, w.definition.filters.map(f => f.name).join(', '), w.definition.defaultQueue,
        h('button', { type: 'button', 'aria-label': `Edit workflow ${w.name}`, onclick: () => edit(w) }, 'Edit')]),
      i => ({ 'data-workflow': workflows[i].name })));
  }

  function targetEditor(targets, target, filterName) {
    const queue = queueSelect(queues, target?.queue, 'Target queue');
    const expression = expressionField('Extra agent expression (optional)', { optional: true,
      value: target?.expression || '', hint: 'On top of the queue\'s own, e.g. proficiency.support >= 8' });
    const priority = h('input', { type: 'number', min: 0, max: 1000, value: target?.priority ?? '' });
    const timeout = h('input', { type: 'number', min: 1, max: 86400, value: target?.timeoutSeconds ?? '' });
    const skip = h('input', { type: 'checkbox', checked: !!target?.skipIfNoAgents, id: `skip-${Math.random().toString(36).slice(2)}` });
    const box = h('fieldset', { class: 'target' }, h('legend', {}, `Target of ${filterName()}`));
    const remove = h('button', { type: 'button', onclick: () => { box.remove(); targets.splice(targets.indexOf(entry), 1); } },
      'Remove target');
    box.append(field('Queue', queue), expression.element,
      h('div', { class: 'inline' }, field('Priority (0–1000, optional)', priority),
        field('Escalate after (seconds, optional)', timeout)),
      h('p', {}, h('label', { for: skip.id }, skip, ' Skip when no agent is available')), remove);
    const entry = {
      box,
      expression,
      value: () => ({ queue: queue.value, expression: expression.value || null, priority: optionalNumber(priority),
        timeoutSeconds: optionalNumber(timeout), skipIfNoAgents: skip.checked }),
    };
    targets.push(entry);
    return entry;
  }

  function filterEditor(filters, filter) {
    const name = h('input', { type: 'text', required: true, maxLength: 64, value: filter?.name || '' });
    const match = expressionField('Match (over the task)', { value: filter?.match || 'true',
      hint: 'Which tasks this filter takes, e.g. task.vip == true; true takes all' });
    const targets = [];
    const targetBox = h('div');
    const label = () => name.value || 'this filter';
    const addTarget = h('button', { type: 'button', onclick: () => {
      const t = targetEditor(targets, null, label);
      targetBox.append(t.box);
      t.box.querySelector('select').focus();
    } }, 'Add target');
    const box = h('fieldset', { class: 'filter' }, h('legend', {}, 'Filter'));
    const remove = h('button', { type: 'button', onclick: () => { box.remove(); filters.splice(filters.indexOf(entry), 1); } },
      'Remove filter');
    for (const target of filter?.targets || [null]) {
      targetBox.append(targetEditor(targets, target, label).box);
    }
    box.append(field('Filter name', name), match.element, targetBox, addTarget, ' ', remove);
    const entry = {
      box,
      expressions: () => [match, ...targets.map(t => t.expression)],
      value: () => ({ name: name.value.trim(), match: match.value, targets: targets.map(t => t.value()) }),
    };
    filters.push(entry);
    return entry;
  }

  function edit(workflow) {
    const name = h('input', { type: 'text', required: true, autocomplete: 'off', value: workflow?.name || '',
      readOnly: !!workflow });
    const description = h('input', { type: 'text', maxLength: 500, value: workflow?.description || '' });
    const defaultQueue = queueSelect(queues, workflow?.definition.defaultQueue, 'Default queue');
    const filters = [];
    const filterBox = h('div');
    for (const filter of workflow?.definition.filters || [null]) {
      filterBox.append(filterEditor(filters, filter).box);
    }
    const addFilter = h('button', { type: 'button', onclick: () => {
      const f = filterEditor(filters, null);
      filterBox.append(f.box);
      f.box.querySelector('input').focus();
    } }, 'Add filter');
    const outcome = outcomeRegion();
    const title = workflow ? `Edit workflow ${workflow.name}` : 'New workflow';
    const form = h('form', { class: 'editor', 'aria-label': title },
      h('h2', {}, title),
      field('Workflow name', name, 'lower-case letters, digits, _ . -'),
      field('Description', description),
      field('Default queue', defaultQueue, 'for tasks no filter matches'),
      h('h3', {}, 'Filters (the first that matches decides)'), filterBox, addFilter,
      h('p', {}, h('button', { type: 'submit', class: 'primary' }, workflow ? 'Save workflow' : 'Create workflow')),
      outcome);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const fields = filters.flatMap(f => f.expressions());
      const results = await Promise.all(fields.map(f => f.valid()));
      const firstBad = results.indexOf(false);
      if (firstBad >= 0) {
        fields[firstBad].input.focus();
        return;
      }
      const spec = { name: name.value.trim(), description: description.value.trim() || null,
        definition: { defaultQueue: defaultQueue.value, filters: filters.map(f => f.value()) } };
      const saved = await attempt(outcome,
        () => workflow ? api('PUT', `/workflows/${encodeURIComponent(workflow.name)}`, spec)
          : api('POST', '/workflows', spec),
        w => `Workflow ${w.name} saved.`);
      if (saved) {
        await load();
      }
    });
    replace(editorSlot, form);
    (workflow ? description : name).focus();
  }

  await load();
}
