// Queues: the list, and one form to create a queue or edit the one picked from the list.
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import { expressionField } from '../expression-field.js';
import { attempt, outcomeRegion } from '../notice.js';

function numberInput(name, min, max, placeholder) {
  return h('input', { type: 'number', name, min, max, placeholder, inputMode: 'numeric' });
}

function numberOrNull(input) {
  return input.value === '' ? null : Number(input.value);
}

export async function queuesPage(container) {
  const list = h('section', { 'aria-label': 'Queues' });
  const editorSlot = h('div');
  replace(container, list, h('p', {}, h('button', { type: 'button', onclick: () => edit(null) }, 'New queue')), editorSlot);

  async function load() {
    const queues = await api('GET', '/queues');
    replace(list, table('Queues', ['Name', 'Target expression', 'Offer timeout', 'Wrap-up', 'Service level', ''],
      queues.map(q => [q.name, h('code', {}, q.targetExpression), `${q.reservationTimeoutSeconds} s`,
        `${q.wrapUpSeconds} s`, `${q.serviceLevelSeconds} s`,
        h('button', { type: 'button', 'aria-label': `Edit queue ${q.name}`, onclick: () => edit(q) }, 'Edit')]),
      i => ({ 'data-queue': queues[i].name })));
  }

  function edit(queue) {
    const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off',
      value: queue ? queue.name : '', readOnly: !!queue });
    const description = h('input', { type: 'text', name: 'description', maxLength: 500,
      value: queue?.description || '' });
    const expression = expressionField('Target expression', { value: queue?.targetExpression || '',
      name: 'targetExpression', hint: 'Which agents serve this queue, e.g. skills HAS \'billing\'' });
    const offer = numberInput('reservationTimeoutSeconds', 5, 600, '20');
    const wrapUp = numberInput('wrapUpSeconds', 0, 3600, '0');
    const level = numberInput('serviceLevelSeconds', 1, 3600, '20');
    if (queue) {
      offer.value = queue.reservationTimeoutSeconds;
      wrapUp.value = queue.wrapUpSeconds;
      level.value = queue.serviceLevelSeconds;
    }
    const outcome = outcomeRegion();
    const title = queue ? `Edit queue ${queue.name}` : 'New queue';
    const form = h('form', { class: 'editor', 'aria-label': title },
      h('h2', {}, title),
      field('Queue name', name, 'lower-case letters, digits, _ . -'),
      field('Description', description),
      expression.element,
      h('div', { class: 'inline' },
        field('Offer timeout (seconds)', offer, '5 to 600, default 20'),
        field('Wrap-up (seconds)', wrapUp, '0 to 3600, default 0'),
        field('Service-level threshold (seconds)', level, '1 to 3600, default 20')),
      h('button', { type: 'submit', class: 'primary' }, queue ? 'Save queue' : 'Create queue'),
      outcome);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!(await expression.valid())) {
        expression.input.focus();
        return;
      }
      const spec = {
        name: name.value.trim(),
        description: description.value.trim() || null,
        targetExpression: expression.value,
        reservationTimeoutSeconds: numberOrNull(offer),
        wrapUpSeconds: numberOrNull(wrapUp),
        serviceLevelSeconds: numberOrNull(level),
      };
      const saved = await attempt(outcome,
        () => queue ? api('PUT', `/queues/${encodeURIComponent(queue.name)}`, spec) : api('POST', '/queues', spec),
        q => `Queue ${q.name} saved.`);
      if (saved) {
        await load();
      }
    });
    replace(editorSlot, form);
    (queue ? description : name).focus();
  }

  await load();
}
