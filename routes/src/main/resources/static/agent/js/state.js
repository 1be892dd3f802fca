// The agent's state: the buttons the agent may press (Available, Not ready with a reason, Offline), the state the
// server reports (RESERVED, BUSY and WRAP_UP follow the work), and the heartbeat that keeps the agent signed in.
import { h } from './dom.js';

/** Reasons an agent may give for not being ready; the server takes any [A-Za-z0-9 _.-]{1,100}. */
export const NOT_READY_REASONS = [
  ['break', 'Break'],
  ['lunch', 'Lunch'],
  ['meeting', 'Meeting'],
  ['training', 'Training'],
  ['after-call-work', 'After-call work'],
  ['technical-problem', 'Technical problem'],
];

const STATE_NAMES = {
  OFFLINE: 'Offline',
  AVAILABLE: 'Available',
  RESERVED: 'Reserved (an offer is ringing)',
  BUSY: 'Busy',
  WRAP_UP: 'Wrap-up',
  NOT_READY: 'Not ready',
};

const REASON_NAMES = { 'missed-offer': 'missed an offer', ...Object.fromEntries(NOT_READY_REASONS) };

/** Heartbeats every 15 s: the server signs out a desktop silent for liaison.acd.presence-timeout (60 s by default). */
const HEARTBEAT_MS = 15000;
const STATE_POLL_MS = 2000;

export class StateControl {
  constructor({ api, agentId, report, onChange }) {
    this.api = api;
    this.agentId = agentId;
    this.report = report;
    this.onChange = onChange;
    this.agent = null;
    this.timers = [];
    this.busy = false;
    this.elements = {
      state: document.getElementById('agent-state'),
      detail: document.getElementById('agent-state-detail'),
      badge: document.getElementById('state-badge'),
      available: document.getElementById('go-available'),
      notReady: document.getElementById('go-not-ready'),
      offline: document.getElementById('go-offline'),
      reason: document.getElementById('not-ready-reason'),
    };
    this.elements.reason.replaceChildren(...NOT_READY_REASONS.map(([value, label]) => h('option', { value }, label)));
    this.elements.available.addEventListener('click', () => this.set({ state: 'AVAILABLE' }, 'go available'));
    this.elements.notReady.addEventListener('click', () =>
      this.set({ state: 'NOT_READY', reason: this.elements.reason.value }, 'go not ready'));
    this.elements.offline.addEventListener('click', () => this.set({ state: 'OFFLINE' }, 'go offline'));
    this.elements.reason.addEventListener('change', () => this.agent && this.show(this.agent));
  }

  start(agent) {
    this.show(agent);
    this.timers.push(setInterval(() => this.refresh(), STATE_POLL_MS));
    this.timers.push(setInterval(() => this.heartbeat(), HEARTBEAT_MS));
    this.heartbeat();
  }

  stop() {
    this.timers.forEach(clearInterval);
    this.timers = [];
  }

  async heartbeat() {
    if (!this.agent || this.agent.state === 'OFFLINE') {
      return;
    }
    try {
      await this.api.post(`/api/v1/agents/${this.agentId}/heartbeat`);
    } catch (e) {
      this.report('send the heartbeat', e);
    }
  }

  async refresh() {
    try {
      this.show(await this.api.get(`/api/v1/agents/${this.agentId}`));
    } catch (e) {
      this.report('read your state', e);
    }
  }

  /** Sets the state; resolves to whether the server took it. */
  async set(change, what) {
    if (this.busy) {
      return false;
    }
    this.busy = true;
    try {
      this.show(await this.api.put(`/api/v1/agents/${this.agentId}/state`, change));
      if (change.state !== 'OFFLINE') {
        this.heartbeat();
      }
      return true;
    } catch (e) {
      this.report(what, e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  show(agent) {
    const previous = this.agent;
    this.agent = agent;
    const name = STATE_NAMES[agent.state] || agent.state;
    const reason = agent.stateReason ? ` (${REASON_NAMES[agent.stateReason] || agent.stateReason})` : '';
    this.elements.state.textContent = name + reason;
    this.elements.state.dataset.state = agent.state;
    this.elements.badge.textContent = name + reason;
    this.elements.badge.dataset.state = agent.state;
    this.elements.detail.textContent = agent.stateSince
      ? `since ${new Date(agent.stateSince).toLocaleTimeString()}` : '';
    const focused = document.activeElement;
    this.elements.available.disabled = agent.state === 'AVAILABLE';
    this.elements.notReady.disabled = agent.state === 'NOT_READY' && agent.stateReason === this.elements.reason.value;
    this.elements.offline.disabled = agent.state === 'OFFLINE';
    if (focused && focused.disabled) {
      // a disabled button loses the focus: keep it in the state panel rather than at the top of the page
      document.getElementById('state-heading').focus();
    }
    if (!previous || previous.state !== agent.state || previous.stateSince !== agent.stateSince) {
      this.onChange(agent, previous);
    }
  }
}
