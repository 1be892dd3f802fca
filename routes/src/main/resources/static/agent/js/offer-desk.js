// The offer in front of the agent: the screen pop, ringing, the countdown to expiry, accept and reject.
import { customerName, loadScreenPop, renderScreenPop } from './screen-pop.js';
import { typing } from './dom.js';

export class OfferDesk {
  constructor({ api, agent, ringer, report, announce, onAccepted, onDecided }) {
    this.api = api;
    this.agent = agent;
    this.ringer = ringer;
    this.report = report;
    this.announce = announce;
    this.onAccepted = onAccepted;
    this.onDecided = onDecided;
    this.current = null; // {reservation, pop, deadline}
    this.loading = null; // reservation id whose screen pop is being read
    this.deciding = false;
    this.countdownTimer = null;
    this.section = document.getElementById('offer');
    this.heading = document.getElementById('offer-heading');
    this.countdown = document.getElementById('offer-countdown');
    this.popArea = document.getElementById('offer-pop');
    this.acceptButton = document.getElementById('accept');
    this.rejectButton = document.getElementById('reject');
    this.acceptButton.addEventListener('click', () => this.accept());
    this.rejectButton.addEventListener('click', () => this.reject());
  }

  /** The listener an offer source calls. */
  listener() {
    return {
      offer: (reservation) => this.offered(reservation),
      none: () => this.gone(),
      error: (e) => this.report('look for offers', e),
    };
  }

  async offered(reservation) {
    if ((this.current && this.current.reservation.id === reservation.id) || this.loading === reservation.id) {
      return;
    }
    if (this.current) {
      this.gone();
    }
    this.loading = reservation.id;
    let pop;
    try {
      pop = await loadScreenPop(this.api, reservation.taskId);
    } catch (e) {
      this.report('read the screen pop of the offer', e);
      this.loading = null;
      return;
    }
    if (this.loading !== reservation.id) {
      return; // withdrawn while the screen pop was read
    }
    this.loading = null;
    this.current = { reservation, pop, deadline: this.localDeadline(reservation) };
    this.show();
  }

  /** Where the offer's expiry falls on this browser's clock (it may differ from the server's). */
  localDeadline(reservation) {
    const created = Date.parse(reservation.createdAt);
    const expires = Date.parse(reservation.expiresAt);
    if (Math.abs(Date.now() - created) < 5000) {
      return expires;
    }
    return Date.now() + (expires - created);
  }

  show() {
    const { reservation, pop } = this.current;
    const customer = customerName(pop.context);
    const queue = reservation.explanation && reservation.explanation.queue;
    this.heading.textContent = `Incoming ${pop.task.channel} from ${customer}${queue ? ` (queue ${queue})` : ''}`;
    this.popArea.replaceChildren(...renderScreenPop(pop, reservation.explanation).flat());
    this.section.hidden = false;
    this.section.dataset.ringing = 'true';
    this.section.dataset.reservationId = reservation.id;
    this.acceptButton.disabled = false;
    this.rejectButton.disabled = false;
    this.ringer.start();
    this.tick();
    this.countdownTimer = setInterval(() => this.tick(), 250);
    const seconds = Math.max(0, Math.round((this.current.deadline - Date.now()) / 1000));
    this.announce(`Incoming ${pop.task.channel} from ${customer}. ${seconds} seconds to answer. `
      + 'Alt+Shift+A accepts, Alt+Shift+R rejects.');
    if (!typing()) {
      this.acceptButton.focus();
    }
  }

  tick() {
    if (!this.current) {
      return;
    }
    const left = Math.max(0, Math.ceil((this.current.deadline - Date.now()) / 1000));
    this.countdown.textContent = `${left} s`;
  }

  /** The server no longer offers it: expired, withdrawn, or decided. */
  gone() {
    this.loading = null;
    if (!this.current || this.deciding) {
      return;
    }
    const expired = Date.now() >= this.current.deadline - 500;
    this.clear();
    this.announce(expired ? 'The offer expired.' : 'The offer was withdrawn.');
    this.onDecided();
  }

  clear() {
    this.ringer.stop();
    clearInterval(this.countdownTimer);
    const hadFocus = this.section.contains(document.activeElement);
    this.current = null;
    this.section.hidden = true;
    this.section.dataset.ringing = 'false';
    delete this.section.dataset.reservationId;
    this.popArea.replaceChildren();
    if (hadFocus) {
      document.getElementById('tasks-heading').focus();
    }
  }

  async accept() {
    await this.decide('accept', async (current) => {
      const task = await this.api.post(`/api/v1/agents/${this.agent.id}/reservations/${current.reservation.id}/accept`);
      this.clear();
      this.announce(`Accepted. ${task.channel} with ${customerName(current.pop.context)} is in your tasks.`);
      this.onAccepted(task, current.pop, current.reservation.explanation);
    });
  }

  async reject() {
    await this.decide('reject', async (current) => {
      await this.api.post(`/api/v1/agents/${this.agent.id}/reservations/${current.reservation.id}/reject`, {});
      this.clear();
      this.announce('Rejected. The contact goes to another agent.');
    });
  }

  async decide(what, action) {
    if (!this.current || this.deciding) {
      return;
    }
    const current = this.current;
    this.deciding = true;
    this.acceptButton.disabled = true;
    this.rejectButton.disabled = true;
    try {
      await action(current);
    } catch (e) {
      this.report(`${what} the offer`, e);
      if (e.code === 'reservation.expired' || e.code === 'reservation.decided' || e.status === 404) {
        this.clear();
      } else if (this.current) {
        this.acceptButton.disabled = false;
        this.rejectButton.disabled = false;
      }
    } finally {
      this.deciding = false;
      this.onDecided();
    }
  }

  /** Keyboard shortcuts: Alt+Shift+A accepts, Alt+Shift+R rejects, wherever the focus is. */
  handleKey(event) {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || !this.current) {
      return;
    }
    if (event.code === 'KeyA') {
      event.preventDefault();
      this.accept();
    } else if (event.code === 'KeyR') {
      event.preventDefault();
      this.reject();
    }
  }
}
