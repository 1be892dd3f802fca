// The live dashboard: the statistics stream (GET /api/v1/statistics/stream, Server-Sent Events) redrawn on each event.
import { h, replace, table } from '../dom.js';

const STATES = ['AVAILABLE', 'RESERVED', 'BUSY', 'WRAP_UP', 'NOT_READY', 'OFFLINE'];
const RETRY_MS = 5000;

function seconds(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  const s = Math.round(value);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

function percent(value) {
  return value === null || value === undefined ? '–' : `${Math.round(value * 100)} %`;
}

function tile(label, value, key) {
  return h('li', { 'data-tile': key }, h('span', { class: 'value' }, value), h('span', { class: 'label' }, label));
}

/** Service level over every queue: answered within threshold over answered and abandoned, weighted by contacts. */
function overallServiceLevel(queues) {
  let weighted = 0;
  let contacts = 0;
  for (const q of queues) {
    const n = q.answered + q.abandoned;
    if (q.serviceLevel !== null && n > 0) {
      weighted += q.serviceLevel * n;
      contacts += n;
    }
  }
  return contacts === 0 ? null : weighted / contacts;
}

function render(view, snapshot) {
  const queues = snapshot.queues;
  const waiting = queues.reduce((sum, q) => sum + q.waiting, 0);
  const longest = queues.reduce((max, q) => Math.max(max, q.waiting ? q.longestWaitSeconds : 0), 0);
  replace(view.tiles,
    tile('waiting', String(waiting), 'waiting'),
    tile('longest wait', seconds(longest), 'longest-wait'),
    tile('service level (24 h)', percent(overallServiceLevel(queues)), 'service-level'),
    STATES.map(state => tile(`agents ${state.toLowerCase().replace('_', ' ')}`,
      String(snapshot.agentsByState[state] ?? 0), `agents-${state}`)));
  replace(view.queues, table('Queues: what waits and who can serve it', [
    'Queue', { text: 'Waiting', num: true }, { text: 'Longest wait', num: true }, { text: 'Service level', num: true },
    { text: 'Answered', num: true }, { text: 'Abandoned', num: true }, 'Agents by state'],
  queues.map(q => [q.queue, { num: String(q.waiting) }, { num: q.waiting ? seconds(q.longestWaitSeconds) : '–' },
    { num: percent(q.serviceLevel) }, { num: String(q.answered) }, { num: String(q.abandoned) },
    STATES.filter(s => q.agentsByState[s]).map(s => `${s} ${q.agentsByState[s]}`).join(', ') || 'none']),
  i => ({ 'data-queue': queues[i].queue })));
  const agents = snapshot.agents;
  replace(view.agents, table('Agents: state and today\'s work', [
    'Agent', 'State', { text: 'In state', num: true }, { text: 'Offers today', num: true },
    { text: 'Completed today', num: true }],
  agents.map(a => [a.login, a.state + (a.stateReason ? ` (${a.stateReason})` : ''), { num: seconds(a.secondsInState) },
    { num: String(a.offersToday) }, { num: String(a.completedToday) }]),
  i => ({ 'data-agent': agents[i].login, 'data-state': agents[i].state })));
  view.updated.textContent = `Updated ${new Date(snapshot.at).toLocaleTimeString()}`;
  view.root.dataset.sequence = String(snapshot.sequence);
}

export function dashboardPage(container) {
  const view = {
    root: container,
    live: h('p', { class: 'live', role: 'status', 'aria-live': 'polite' }, 'Connecting…'),
    updated: h('p', { class: 'hint' }),
    tiles: h('ul', { class: 'tiles', 'aria-label': 'Totals' }),
    queues: h('section', { 'aria-label': 'Queues' }),
    agents: h('section', { 'aria-label': 'Agents' }),
  };
  replace(container, view.live, view.tiles, view.queues, view.agents, view.updated);
  let source = null;
  let retry = null;
  let stopped = false;
  let latest = 0;

  function connect() {
    source = new EventSource('/api/v1/statistics/stream');
    source.addEventListener('open', () => {
      view.live.className = 'live connected';
      view.live.textContent = 'Live';
    });
    source.addEventListener('statistics', event => {
      const snapshot = JSON.parse(event.data);
      // A snapshot made before the one on screen can arrive after it: keep the newer one.
      if (snapshot.sequence > latest) {
        latest = snapshot.sequence;
        render(view, snapshot);
      }
    });
    source.addEventListener('error', () => {
      view.live.className = 'live disconnected';
      if (source.readyState === EventSource.CLOSED) {
        // Refused (too many streams, signed out) rather than dropped: try again later ourselves.
        view.live.textContent = 'Not connected (the server refused the live feed); trying again in 5 s';
        source.close();
        if (!stopped) {
          retry = setTimeout(connect, RETRY_MS);
        }
      } else {
        view.live.textContent = 'Connection lost; reconnecting…';
      }
    });
  }

  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    if (source) {
      source.close();
    }
  };
}
