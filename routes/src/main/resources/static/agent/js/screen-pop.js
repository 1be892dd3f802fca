// The screen pop: who the customer is, what they did, what happened before, and why the contact came to this agent.
import { definitions, display, h, time } from './dom.js';

const TIMELINE_LIMIT = 1000;

/** Reads what a screen pop shows for a task: the task, the merged context and the timeline of its interaction. */
export async function loadScreenPop(api, taskId) {
  const task = await api.get(`/api/v1/tasks/${taskId}`);
  const [context, timeline] = await Promise.all([
    api.get(`/api/v1/interactions/${task.correlationId}/context`),
    api.get(`/api/v1/interactions/${task.correlationId}/timeline?limit=${TIMELINE_LIMIT}`),
  ]);
  return { task, context: context.context || {}, timeline: timeline.events || [] };
}

/** The explanation of the accepted offer of a task (for a desktop reloaded while holding it). */
export async function loadExplanation(api, taskId) {
  const reservations = await api.get(`/api/v1/tasks/${taskId}/reservations`);
  const accepted = reservations.filter((r) => r.status === 'ACCEPTED').pop();
  return accepted ? accepted.explanation : null;
}

/** One line naming the customer, for headings and the announcement of an offer. */
export function customerName(context) {
  const identity = context.identity || {};
  return identity.name || identity.displayName || identity.customerId || identity.email || 'an unidentified customer';
}

function section(title, ...content) {
  return h('section', {}, h('h3', {}, title), ...content);
}

function pageLine(page) {
  if (page && typeof page === 'object') {
    const url = page.url || page.path || display(page);
    const title = page.title ? ` — ${page.title}` : '';
    return h('li', {}, url, title, page.at || page.viewedAt ? [' ', time(page.at || page.viewedAt)] : null);
  }
  return h('li', {}, display(page));
}

/** The explanation's keys (Router.explanation) as the agent reads them; unknown keys are shown as they are. */
const EXPLANATION_LABELS = {
  queue: 'Queue',
  filter: 'Workflow filter',
  target: 'Target no.',
  expression: 'Agents admitted',
  agent: 'Offered to',
  agentIdleSeconds: 'You were idle (s)',
  waitedSeconds: 'Customer waited (s)',
  priority: 'Priority',
  rule: 'Rule',
};

function explanationView(explanation) {
  if (!explanation) {
    return h('p', { class: 'empty' }, 'No explanation recorded.');
  }
  const { skipped, ...rest } = explanation;
  const facts = Object.fromEntries(Object.entries(rest).map(([key, value]) => [EXPLANATION_LABELS[key] || key, value]));
  const passedOver = Array.isArray(skipped) && skipped.length > 0
    ? [h('p', {}, 'Passed over:'), h('ul', {}, skipped.map((s) => h('li', {}, `${s.agent || s.login || '?'}: ${s.reason || display(s)}`)))]
    : null;
  return [definitions(facts, 'No explanation recorded.'), passedOver];
}

function earlierContacts(timeline, taskId) {
  const byTask = new Map();
  for (const event of timeline) {
    const id = event.details && event.details.taskId;
    if (!id || id === taskId || !event.type.startsWith('contact.')) {
      continue;
    }
    const contact = byTask.get(id) || { id, events: [] };
    contact.events.push(event);
    byTask.set(id, contact);
  }
  if (byTask.size === 0) {
    return h('p', { class: 'empty' }, 'None: this is the first contact of this interaction.');
  }
  return h('ul', {}, [...byTask.values()].map((c) => {
    const first = c.events[0];
    const last = c.events[c.events.length - 1];
    return h('li', {}, time(first.occurredAt), ' ', first.summary, c.events.length > 1 ? ` … ${last.summary}` : '');
  }));
}

function timelineView(timeline) {
  if (timeline.length === 0) {
    return h('p', { class: 'empty' }, 'Nothing recorded yet.');
  }
  return h('ol', { class: 'timeline-events' },
    timeline.map((e) => h('li', { dataset: { type: e.type } }, time(e.occurredAt), h('span', {}, e.summary))));
}

/**
 * The screen pop as DOM: customer, device and location, pages, IVR answers, custom attributes, routing facts, the
 * task's attributes, why this agent, earlier contacts and the whole timeline under the correlation ID.
 */
export function renderScreenPop({ task, context, timeline }, explanation) {
  const pages = Array.isArray(context.pages) ? context.pages : [];
  const device = { ...(context.device || {}) };
  const location = context.location || {};
  return [
    section('Customer', definitions(context.identity, 'Not identified.'),
      h('p', { class: 'empty' }, `Correlation ID ${task.correlationId}`)),
    section('Device and browser', definitions(device, 'Nothing known.')),
    section('Location and locale', definitions(location, 'Nothing known.')),
    section(`Pages visited (${pages.length})`,
      pages.length === 0 ? h('p', { class: 'empty' }, 'None recorded.') : h('ol', { class: 'pages' }, pages.map(pageLine))),
    section('IVR answers', definitions(context.ivr, 'None.')),
    section('Custom attributes', h('div', { class: 'custom' }, definitions(context.custom, 'None.'))),
    section('Routing facts', definitions({ channel: task.channel, priority: task.priority, ...(context.routing || {}), ...(task.attributes || {}) }, 'None.')),
    section('Why you', explanationView(explanation)),
    section('Earlier contacts', h('div', { class: 'earlier' }, earlierContacts(timeline, task.id))),
    h('section', { class: 'timeline' },
      h('h3', {}, `Timeline (${timeline.length} events)`), timelineView(timeline)),
  ];
}
