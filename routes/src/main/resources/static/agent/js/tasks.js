// The tasks the agent holds: one card each with the screen pop, context editing, end, wrap-up with a disposition,
// callback attempt outcomes, and the slot where a channel's panel (calls, chat) plugs in.
import { channelPanelFor } from './channel-panels.js';
import { customerName, loadExplanation, loadScreenPop, renderScreenPop } from './screen-pop.js';
import { h, time, uniqueId } from './dom.js';

/** Dispositions offered at wrap-up; the server takes any text of up to 100 characters. */
export const DISPOSITIONS = [
  ['resolved', 'Resolved'],
  ['follow-up', 'Follow-up needed'],
  ['escalated', 'Escalated'],
  ['not-resolved', 'Not resolved'],
  ['wrong-queue', 'Wrong queue'],
];

const CONTEXT_CATEGORIES = ['custom', 'identity', 'device', 'location', 'ivr', 'routing'];
const CALLBACK_OUTCOMES = [
  ['answered', 'Customer answered'],
  ['no-answer', 'No answer'],
  ['busy', 'Busy'],
  ['failed', 'Call failed'],
];

export class TaskDesk {
  constructor({ api, agent, report, announce, onWorkChanged }) {
    this.api = api;
    this.agent = agent;
    this.report = report;
    this.announce = announce;
    this.onWorkChanged = onWorkChanged;
    this.cards = new Map();
    this.list = document.getElementById('task-list');
    this.empty = document.getElementById('no-tasks');
  }

  /** Adds the task the agent just accepted, with the screen pop already read for the offer. */
  adopt(task, pop, explanation) {
    if (!this.cards.has(task.id)) {
      this.add(new TaskCard(this, { ...pop, task }, explanation));
    }
    const card = this.cards.get(task.id);
    card.update(task);
    card.focus();
  }

  /** Reads the held tasks from the server and shows exactly those. */
  async refresh() {
    let held;
    try {
      held = await this.api.get(`/api/v1/agents/${this.agent.id}/tasks`);
    } catch (e) {
      this.report('read your tasks', e);
      return;
    }
    const ids = new Set(held.map((t) => t.id));
    for (const [id, card] of this.cards) {
      if (!ids.has(id)) {
        this.remove(card, 'finished');
      }
    }
    for (const task of held) {
      const card = this.cards.get(task.id);
      if (card) {
        card.update(task);
      } else {
        await this.load(task);
      }
    }
  }

  async load(task) {
    try {
      const [pop, explanation] = await Promise.all([loadScreenPop(this.api, task.id), loadExplanation(this.api, task.id)]);
      if (!this.cards.has(task.id)) {
        this.add(new TaskCard(this, pop, explanation));
      }
    } catch (e) {
      this.report('show a task you hold', e);
    }
  }

  add(card) {
    this.cards.set(card.task.id, card);
    this.list.append(card.element);
    this.empty.hidden = true;
  }

  remove(card, why) {
    card.dispose();
    this.cards.delete(card.task.id);
    this.empty.hidden = this.cards.size > 0;
    this.announce(`The ${card.task.channel} task with ${card.customer} is ${why}.`);
    if (this.cards.size === 0) {
      document.getElementById('state-heading').focus();
    }
  }

  /** A card's task changed on the server (ended, wrapped up, an outcome reported). */
  changed(card, task) {
    if (task.status === 'COMPLETED' || task.status === 'CANCELED') {
      this.remove(card, task.status === 'COMPLETED' ? `completed (${task.endReason || 'done'})` : 'canceled');
    } else {
      card.update(task);
    }
    this.onWorkChanged();
  }
}

class TaskCard {
  constructor(desk, pop, explanation) {
    this.desk = desk;
    this.api = desk.api;
    this.pop = pop;
    this.task = pop.task;
    this.explanation = explanation;
    this.customer = customerName(pop.context);
    const headingId = uniqueId('task-heading');
    this.heading = h('h3', { id: headingId, tabindex: '-1' }, `${this.task.channel} with ${this.customer}`);
    this.status = h('span', { class: 'task-status' });
    this.actions = h('div', { class: 'task-actions' });
    this.popArea = h('div', { class: 'pop' });
    this.callbackArea = h('div', { class: 'callback' });
    this.channelArea = h('div', { class: 'channel-panel' });
    this.element = h('article', { class: 'task', 'aria-labelledby': headingId, dataset: { taskId: this.task.id } },
      h('div', { class: 'task-head' }, this.heading, this.status),
      this.channelArea, this.actions, this.callbackArea, this.contextForm(), this.popArea);
    this.panel = channelPanelFor(this.task, { api: this.api, agent: desk.agent, report: desk.report });
    if (this.panel) {
      this.channelArea.append(this.panel.element);
    }
    this.renderPop();
    this.update(this.task);
  }

  isCallback() {
    return this.task.channel === 'callback' && !!this.task.attributes && !!this.task.attributes.callbackId;
  }

  focus() {
    this.heading.focus();
  }

  dispose() {
    if (this.panel && this.panel.dispose) {
      this.panel.dispose();
    }
    this.element.remove();
  }

  renderPop() {
    this.popArea.replaceChildren(...renderScreenPop(this.pop, this.explanation).flat());
  }

  update(task) {
    const statusChanged = !this.shownStatus || this.shownStatus !== task.status;
    this.task = { ...this.task, ...task };
    if (!statusChanged) {
      return;
    }
    this.shownStatus = task.status;
    if (this.isCallback()) {
      this.loadCallback(); // an outcome reported by the routes (the call's end) changes both
    }
    if (task.status === 'ASSIGNED') {
      this.status.replaceChildren('In progress since ', time(task.assignedAt));
      this.actions.replaceChildren(h('button', { type: 'button', class: 'end', onclick: () => this.end() }, 'End the conversation'));
    } else if (task.status === 'WRAPPING') {
      this.status.replaceChildren('Wrap-up until ', time(task.wrapUpUntil));
      this.actions.replaceChildren(this.wrapUpForm());
    } else {
      this.status.textContent = task.status;
      this.actions.replaceChildren();
    }
  }

  async run(what, action) {
    try {
      return await action();
    } catch (e) {
      this.desk.report(what, e);
      return null;
    }
  }

  async end() {
    const task = await this.run('end the conversation', () => this.api.post(`/api/v1/tasks/${this.task.id}/end`));
    if (task) {
      this.desk.changed(this, task);
      const form = this.actions.querySelector('select');
      if (form) {
        form.focus();
      }
    }
  }

  wrapUpForm() {
    const id = uniqueId('disposition');
    const select = h('select', { id, name: 'disposition', required: true },
      DISPOSITIONS.map(([value, label]) => h('option', { value }, label)));
    return h('form', { class: 'wrap-up', 'aria-label': 'Wrap-up', onsubmit: async (event) => {
      event.preventDefault();
      const task = await this.run('finish the wrap-up', () =>
        this.api.post(`/api/v1/tasks/${this.task.id}/wrap-up`, { disposition: select.value }));
      if (task) {
        this.desk.changed(this, task);
      }
    } },
    h('span', { class: 'field' }, h('label', { for: id }, 'Disposition'), select),
    h('button', { type: 'submit', class: 'primary' }, 'Finish wrap-up'));
  }

  contextForm() {
    const category = h('select', { id: uniqueId('ctx-category') },
      CONTEXT_CATEGORIES.map((c) => h('option', { value: c }, c)));
    const key = h('input', { id: uniqueId('ctx-key'), required: true, maxlength: '128', pattern: '[A-Za-z][A-Za-z0-9_.-]*', autocomplete: 'off' });
    const value = h('input', { id: uniqueId('ctx-value'), maxlength: '2000', autocomplete: 'off' });
    const write = async (newValue) => {
      if (!key.reportValidity()) {
        return;
      }
      const body = {
        // The server records an agent's write as agent:<user name>; it is not ours to claim.
        source: 'agent',
        entries: [{ category: category.value, key: key.value, value: newValue }],
      };
      const result = await this.run('save the context', () =>
        this.api.patch(`/api/v1/interactions/${this.task.correlationId}/context`, body));
      if (result) {
        this.pop.context = result.context || {};
        await this.run('read the timeline', async () => {
          const timeline = await this.api.get(`/api/v1/interactions/${this.task.correlationId}/timeline?limit=1000`);
          this.pop.timeline = timeline.events || [];
        });
        this.renderPop();
        this.desk.announce(newValue === null ? `Removed ${category.value}.${key.value}.` : `Saved ${category.value}.${key.value}.`);
      }
    };
    return h('form', { class: 'context-edit', onsubmit: (event) => {
      event.preventDefault();
      write(value.value);
    } },
    h('fieldset', {},
      h('legend', {}, 'Edit the contact\'s context'),
      h('span', { class: 'field' }, h('label', { for: category.id }, 'Category'), category),
      h('span', { class: 'field' }, h('label', { for: key.id }, 'Key'), key),
      h('span', { class: 'field' }, h('label', { for: value.id }, 'Value'), value),
      h('button', { type: 'submit' }, 'Save'),
      h('button', { type: 'button', onclick: () => write(null) }, 'Remove key')));
  }

  async loadCallback() {
    const callbackId = this.task.attributes.callbackId;
    this.callbackReads = (this.callbackReads || 0) + 1;
    const read = this.callbackReads;
    const callback = await this.run('read the callback', () => this.api.get(`/api/v1/callbacks/${callbackId}`));
    if (!callback || read !== this.callbackReads) {
      return; // failed (reported), or a later read shows a newer state
    }
    const target = callback.target === 'phone' ? `phone ${callback.phoneNumber}` : `in the app${callback.phoneNumber ? ` (else ${callback.phoneNumber})` : ''}`;
    const report = async (outcome) => {
      const result = await this.run(`report the callback attempt (${outcome})`, () =>
        this.api.post(`/api/v1/callbacks/${callbackId}/attempts`, { outcome, agent: this.desk.agent.login }));
      if (result) {
        this.desk.announce(`Callback attempt reported: ${outcome}. The callback is now ${result.state}.`);
        this.loadCallback();
        this.desk.refresh();
      }
    };
    const canReport = callback.state === 'IN_PROGRESS';
    this.callbackArea.replaceChildren(h('fieldset', { dataset: { callbackState: callback.state } },
      h('legend', {}, `Callback: attempt ${callback.attempts} of ${callback.maxAttempts}, ${callback.state}`),
      h('p', {}, `Ring the customer ${target}.`, callback.lastOutcome ? ` Last outcome: ${callback.lastOutcome}.` : ''),
      canReport
        ? h('div', { class: 'controls', role: 'group', 'aria-label': 'How the attempt went' },
          CALLBACK_OUTCOMES.map(([outcome, label]) => h('button', { type: 'button', onclick: () => report(outcome) }, label)))
        : h('p', { class: 'empty' }, 'No outcome to report in this state.')));
  }
}
