// Where offers come from. Today the desktop polls GET /api/v1/agents/{id}/offer; a push transport (the client
// WebSocket, once it carries agent events) replaces PollingOfferSource by implementing the same start/stop and
// calling the same listener, and nothing else in the desktop changes.

/**
 * Polls the agent's offer every intervalMs (500 ms: an offer shows within a second of being made). Calls
 * listener.offer(reservation) with the pending reservation on every poll that has one, listener.none() when there is
 * none, listener.error(e) when a poll fails (it goes on polling, except after the session ended).
 */
export class PollingOfferSource {
  constructor(api, agentId, { intervalMs = 500 } = {}) {
    this.api = api;
    this.agentId = agentId;
    this.intervalMs = intervalMs;
    this.timer = null;
    this.running = false;
  }

  start(listener) {
    this.running = true;
    const tick = async () => {
      if (!this.running) {
        return;
      }
      try {
        const offers = await this.api.get(`/api/v1/agents/${this.agentId}/offer`);
        if (!this.running) {
          return;
        }
        if (offers.length > 0) {
          listener.offer(offers[0]);
        } else {
          listener.none();
        }
      } catch (e) {
        if (e.status === 401) {
          this.stop();
          return;
        }
        listener.error(e);
      }
      if (this.running) {
        this.timer = setTimeout(tick, this.intervalMs);
      }
    };
    tick();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
  }
}
