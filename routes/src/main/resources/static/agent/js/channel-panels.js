// Where media and chat controls plug into a task. Nothing is registered yet: the desktop shows no call or chat
// controls until they can work for real. A call panel (mute, hold, DTMF, transfer over /sdk/liaison.js) registers
// here for its channels, and every task of such a channel gets the panel in its card.
//
//   registerChannelPanel(['voice', 'video'], (task, { api, agent, report }) => ({ element, dispose() {} }));

const factories = new Map();

/** Registers a panel factory for the given channels. */
export function registerChannelPanel(channels, factory) {
  for (const channel of channels) {
    factories.set(channel, factory);
  }
}

/** The panel for a task ({element, dispose}), or null when no panel serves its channel. */
export function channelPanelFor(task, services) {
  const factory = factories.get(task.channel);
  return factory ? factory(task, services) : null;
}
