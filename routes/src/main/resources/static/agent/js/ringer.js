// The ring of an offer: a two-tone burst repeated while the offer waits, made with WebAudio (no sound file).
// Browsers let a page make sound only after the person interacted with it (autoplay rules): the AudioContext is
// resumed on the first click or key press, and the desktop says whether the ring is audible.

const PATTERN_MS = 3000;
const TONES_HZ = [440, 480];

export class Ringer {
  constructor(onAudibility) {
    this.context = null;
    this.timer = null;
    this.onAudibility = onAudibility;
  }

  /** Call from a user gesture: creates or resumes the AudioContext. */
  async unlock() {
    const AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!AudioContextClass) {
      this.onAudibility('unsupported');
      return;
    }
    if (!this.context) {
      this.context = new AudioContextClass();
      this.context.addEventListener('statechange', () => this.onAudibility(this.audibility()));
    }
    try {
      await this.context.resume();
    } catch {
      // the browser still refuses: audibility() says so
    }
    this.onAudibility(this.audibility());
  }

  /** 'on', 'blocked' (the browser waits for a gesture) or 'unsupported'. */
  audibility() {
    if (!(window.AudioContext || window.webkitAudioContext)) {
      return 'unsupported';
    }
    return this.context && this.context.state === 'running' ? 'on' : 'blocked';
  }

  get ringing() {
    return this.timer !== null;
  }

  start() {
    if (this.timer !== null) {
      return;
    }
    this.burst();
    this.timer = setInterval(() => this.burst(), PATTERN_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  burst() {
    const context = this.context;
    if (!context || context.state !== 'running') {
      return;
    }
    const gain = context.createGain();
    gain.connect(context.destination);
    const start = context.currentTime;
    // two short rings, as a phone does, at a moderate level
    for (const offset of [0, 0.6]) {
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
      gain.gain.setValueAtTime(0.15, start + offset + 0.4);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.45);
    }
    for (const frequency of TONES_HZ) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start);
      oscillator.stop(start + 1.1);
    }
  }
}
