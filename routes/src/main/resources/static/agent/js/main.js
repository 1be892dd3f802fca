// The agent desktop: who is signed in, their state, their offers and their tasks. See docs/agent-desktop.md.
import { createApi } from './api.js';
import { h } from './dom.js';
import { OfferDesk } from './offer-desk.js';
import { PollingOfferSource } from './offers.js';
import { Ringer } from './ringer.js';
import { StateControl } from './state.js';
import { TaskDesk } from './tasks.js';

const MAX_ERRORS = 5;
const stoppers = [];

const api = createApi({ onSessionExpired: sessionEnded });

function announce(text) {
  const region = document.getElementById('announcer');
  // cleared first so the same words are announced again
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

/** Shows a failed call: what the desktop tried, the server's message and the problem's code. Never silent. */
function report(what, error) {
  if (error && error.status === 401) {
    return; // sessionEnded() says it
  }
  const list = document.getElementById('error-list');
  const code = error && error.code ? error.code : 'client.error';
  const message = error && error.describe ? error.describe() : String(error && error.message ? error.message : error);
  const last = list.lastElementChild;
  if (last && last.dataset.what === what && last.dataset.code === code) {
    last.dataset.count = String(Number(last.dataset.count) + 1);
    last.querySelector('.count').textContent = ` (×${last.dataset.count})`;
    return;
  }
  const item = h('li', { dataset: { what, code, count: '1' } },
    h('span', {}, `Could not ${what}: ${message} `), h('code', {}, code), h('span', { class: 'count' }),
    h('button', { type: 'button', onclick: () => { item.remove(); document.getElementById('errors').hidden = list.children.length === 0; } },
      'Dismiss'));
  list.append(item);
  while (list.children.length > MAX_ERRORS) {
    list.firstElementChild.remove();
  }
  document.getElementById('errors').hidden = false;
}

function sessionEnded() {
  stoppers.forEach((stop) => stop());
  document.getElementById('desk').hidden = true;
  document.getElementById('session-ended').hidden = false;
  document.getElementById('sign-in-again').focus();
}

async function signOut(state) {
  if (state && state.agent && state.agent.state !== 'OFFLINE') {
    const signedOut = await state.set({ state: 'OFFLINE' }, 'sign out (set Offline first)');
    if (!signedOut) {
      return;
    }
  }
  try {
    stoppers.forEach((stop) => stop());
    await api.signOut();
    window.location.assign('/login?logout');
  } catch (e) {
    report('sign out', e);
  }
}

function soundStatus(ringer) {
  const text = document.getElementById('sound-text');
  const button = document.getElementById('enable-sound');
  return (audibility) => {
    text.textContent = {
      on: 'Sound: offers ring audibly.',
      blocked: 'Sound: blocked by the browser until you press a button or key on this page.',
      unsupported: 'Sound: this browser cannot play the ring; watch for the flashing offer.',
    }[audibility];
    button.hidden = audibility !== 'blocked';
    document.getElementById('sound-status').dataset.audibility = audibility;
  };
}

async function start() {
  let me;
  try {
    me = await api.get('/api/v1/users/me');
  } catch (e) {
    report('find out who you are', e);
    return;
  }
  let stateControl = null;
  document.getElementById('sign-out').addEventListener('click', () => signOut(stateControl));
  if (!me.agentId) {
    document.getElementById('who').textContent = `Signed in as ${me.username} (no agent)`;
    document.getElementById('no-agent-text').textContent = `Your user ${me.username} is not linked to an ACD agent, `
      + 'so it cannot take contacts. Ask an administrator to link it (PUT /api/v1/users/{username}/roles with '
      + 'the AGENT role and an agentId), then sign in again.';
    document.getElementById('no-agent').hidden = false;
    document.getElementById('state-badge').textContent = 'no agent';
    return;
  }
  let agent;
  try {
    agent = await api.get(`/api/v1/agents/${me.agentId}`);
  } catch (e) {
    report('read your agent', e);
    return;
  }
  document.getElementById('who').textContent = `Signed in as ${me.username}, agent ${agent.displayName} (${agent.login})`;
  document.getElementById('desk').hidden = false;

  let updateSound = () => {};
  const ringer = new Ringer((audibility) => updateSound(audibility));
  updateSound = soundStatus(ringer);
  updateSound(ringer.audibility());
  const unlock = () => ringer.unlock();
  document.addEventListener('pointerdown', unlock, { capture: true });
  document.addEventListener('keydown', unlock, { capture: true });
  document.getElementById('enable-sound').addEventListener('click', unlock);
  ringer.unlock(); // allowed at once where the browser's autoplay policy permits it

  const tasks = new TaskDesk({ api, agent, report, announce, onWorkChanged: () => stateControl.refresh() });
  const offers = new OfferDesk({
    api, agent, ringer, report, announce,
    onAccepted: (task, pop, explanation) => tasks.adopt(task, pop, explanation),
    onDecided: () => { stateControl.refresh(); },
  });
  stateControl = new StateControl({
    api, agentId: agent.id, report,
    onChange: () => tasks.refresh(),
  });
  document.addEventListener('keydown', (event) => offers.handleKey(event));

  const source = new PollingOfferSource(api, agent.id);
  stoppers.push(() => source.stop(), () => stateControl.stop(), () => ringer.stop());
  stateControl.start(agent);
  source.start(offers.listener());
}

start();
