/*
 * Liaison consumer SDK (docs/sdk.md). Plain modern JavaScript, no dependencies, no build step.
 *
 *   <script src="https://liaison.example.com/sdk/liaison.js" data-site="acme"></script>
 *   <script>Liaison.startSupport({destination: 'support'});</script>
 *
 * It asks Liaison for an anonymous customer token for the site (POST /api/v1/sites/{site}/customer-tokens), opens the
 * client protocol (/ws/client, docs/protocol.md), authenticates, starts a session or resumes the one of this browser
 * tab (the correlation ID, the resume token and the anonymous subject are kept in sessionStorage, so moving between
 * pages of the site keeps the same correlation ID), sends context (pages visited, device, locale, the page's
 * attributes) and calls the destination with WebRTC. startSupport adds a small widget; Liaison.connect gives the same
 * client without one.
 */
(function (global) {
  'use strict';

  if (global.Liaison) {
    return;
  }

  const PROTOCOL_VERSION = 1;
  /** SDK media option to the protocol's call media; chat has no call. */
  const MEDIA = {chat: null, audio: 'audio', video: 'video', 'one-way-video': 'video-one-way'};
  const CONTEXT_KEY = /^[A-Za-z0-9._-]{1,64}$/;
  const MAX_CONTEXT_VALUE = 1024;
  const MAX_ATTRIBUTES = 32;
  const MAX_PAGES = 20;
  const MAX_CHAT = 4096;
  const MAX_TRANSCRIPT = 50;
  const GATHERING_TIMEOUT_MS = 5000;
  const REPLY_TIMEOUT_MS = 15000;
  const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000];
  const QUALITY_INTERVAL_MS = 5000;

  const script = document.currentScript;
  const scriptOrigin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  const scriptSite = script && script.dataset ? script.dataset.site : undefined;

  /** An error the SDK reports: a stable code (see docs/sdk.md) and a message for people. */
  class LiaisonError extends Error {
    constructor(code, message, details) {
      super(message);
      this.name = 'LiaisonError';
      this.code = code;
      this.details = details;
    }
  }

  /** sessionStorage under "liaison.<site>.": per browser tab, cleared when the tab closes. */
  function tabStorage(site) {
    const prefix = 'liaison.' + site + '.';
    const get = key => {
      try {
        return global.sessionStorage.getItem(prefix + key);
      } catch (e) {
        return null;
      }
    };
    const set = (key, value) => {
      try {
        if (value === null || value === undefined) {
          global.sessionStorage.removeItem(prefix + key);
        } else {
          global.sessionStorage.setItem(prefix + key, value);
        }
      } catch (e) {
        // Storage full or disabled: the SDK still works, without resuming across pages.
      }
    };
    const getJson = (key, fallback) => {
      try {
        const value = JSON.parse(get(key));
        return value === null ? fallback : value;
      } catch (e) {
        return fallback;
      }
    };
    return {get, set, getJson, setJson: (key, value) => set(key, JSON.stringify(value))};
  }

  function clip(value) {
    const text = String(value);
    return text.length > MAX_CONTEXT_VALUE ? text.slice(0, MAX_CONTEXT_VALUE) : text;
  }

  /** Page attributes as context entries "attr.<key>": keys outside the protocol's pattern are left out. */
  function attributeEntries(attributes) {
    const entries = {};
    let count = 0;
    Object.keys(attributes || {}).forEach(key => {
      const name = 'attr.' + key;
      const value = attributes[key];
      if (count < MAX_ATTRIBUTES && CONTEXT_KEY.test(name) && value !== undefined && value !== null) {
        entries[name] = clip(typeof value === 'object' ? JSON.stringify(value) : value);
        count++;
      }
    });
    return entries;
  }

  /** What the browser tells about the device, browser and locale. */
  function deviceEntries() {
    const nav = global.navigator || {};
    const brands = nav.userAgentData && nav.userAgentData.brands;
    const entries = {
      'device.userAgent': clip(nav.userAgent || ''),
      'device.platform': clip((nav.userAgentData && nav.userAgentData.platform) || nav.platform || ''),
      'device.mobile': String(Boolean((nav.userAgentData && nav.userAgentData.mobile)
        || (global.matchMedia && global.matchMedia('(pointer: coarse)').matches))),
      'device.screen': global.screen ? global.screen.width + 'x' + global.screen.height : '',
      'device.viewport': global.innerWidth + 'x' + global.innerHeight,
      'browser.language': clip(nav.language || ''),
      'locale': clip(Intl.DateTimeFormat().resolvedOptions().locale || ''),
      'timezone': clip(Intl.DateTimeFormat().resolvedOptions().timeZone || '')
    };
    if (brands && brands.length) {
      entries['browser.brands'] = clip(brands.map(b => b.brand + ' ' + b.version).join(', '));
    }
    return entries;
  }

  /** A summary of a peer connection's getStats: audio and video in and out, the transport and its ICE pair. */
  async function summarizeStats(pc) {
    const summary = {connectionState: pc.connectionState, iceConnectionState: pc.iceConnectionState};
    const report = await pc.getStats();
    const byId = new Map();
    report.forEach(stat => byId.set(stat.id, stat));
    const codec = stat => (byId.get(stat.codecId) || {}).mimeType;
    report.forEach(stat => {
      if (stat.type === 'inbound-rtp') {
        summary[stat.kind === 'video' ? 'videoIn' : 'audioIn'] = {
          packetsReceived: stat.packetsReceived, packetsLost: stat.packetsLost, bytesReceived: stat.bytesReceived,
          jitter: stat.jitter, audioLevel: stat.audioLevel, totalAudioEnergy: stat.totalAudioEnergy,
          framesDecoded: stat.framesDecoded, codec: codec(stat)
        };
      } else if (stat.type === 'outbound-rtp') {
        summary[stat.kind === 'video' ? 'videoOut' : 'audioOut'] = {
          packetsSent: stat.packetsSent, bytesSent: stat.bytesSent, codec: codec(stat)
        };
      } else if (stat.type === 'transport') {
        summary.dtlsState = stat.dtlsState;
        const pair = byId.get(stat.selectedCandidatePairId);
        if (pair) {
          const remote = byId.get(pair.remoteCandidateId) || {};
          summary.selectedPair = {
            state: pair.state, rttMs: pair.currentRoundTripTime === undefined ? undefined
              : pair.currentRoundTripTime * 1000, remoteAddress: remote.address, remotePort: remote.port
          };
        }
      }
    });
    return summary;
  }

  /**
   * One customer's connection to Liaison: token, WebSocket, session, at most one call. Events (on/off): state,
   * session, chat, call-state, incoming-call, remote-track, event, error. See docs/sdk.md.
   */
  class Client {
    constructor(options) {
      const o = Object.assign({}, options);
      if (typeof o.destination !== 'string' || o.destination.length === 0) {
        throw new LiaisonError('invalid-option', 'destination is required');
      }
      o.site = o.site || scriptSite;
      if (typeof o.site !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(o.site)) {
        throw new LiaisonError('invalid-option',
          'site is required (the script tag\'s data-site or the site option): lower-case letters, digits and -');
      }
      o.media = o.media || 'chat';
      if (!Object.prototype.hasOwnProperty.call(MEDIA, o.media)) {
        throw new LiaisonError('invalid-option', 'media must be one of ' + Object.keys(MEDIA).join(', '));
      }
      o.server = (o.server || scriptOrigin).replace(/\/+$/, '');
      o.location = o.location || 'never';
      if (o.location !== 'never' && o.location !== 'ask') {
        throw new LiaisonError('invalid-option', 'location must be never or ask');
      }
      this.options = o;
      this.storage = tabStorage(o.site);
      this.attributes = Object.assign({}, o.attributes);
      this.handlers = new Map();
      this.pending = new Map();
      this.sequence = 0;
      this.state = 'idle';
      this.callState = 'none';
      this.callId = null;
      this.pc = null;
      this.localStream = null;
      this.audioMuted = false;
      this.incoming = null;
      this.correlationId = this.storage.get('correlationId');
      this.subject = this.storage.get('subject');
      this.lastError = null;
      this.closedOnPurpose = false;
      this.remoteAudio = document.createElement('audio');
      this.remoteAudio.autoplay = true;
      this.remoteVideo = o.remoteVideo || null;
      // The page is going away (or into the back-forward cache): close the socket now, so that the server detaches
      // the session at once and the next page (or this one, restored) reattaches with the resume token.
      global.addEventListener('pagehide', () => {
        this.closedOnPurpose = true;
        if (this.ws) {
          this.closeSocket();
          this.setState('disconnected');
        }
      });
      // Back to a page kept in the back-forward cache: its socket was closed when it was left; reattach.
      global.addEventListener('pageshow', event => {
        if (event.persisted && this.state !== 'idle' && this.state !== 'connected') {
          this.connect().catch(() => {});
        }
      });
    }

    /** Subscribes fn to an event; returns a function that unsubscribes it. */
    on(event, fn) {
      if (typeof fn !== 'function') {
        throw new LiaisonError('invalid-option', 'on(event, fn) needs a function');
      }
      if (!this.handlers.has(event)) {
        this.handlers.set(event, new Set());
      }
      this.handlers.get(event).add(fn);
      return () => this.off(event, fn);
    }

    off(event, fn) {
      const set = this.handlers.get(event);
      if (set) {
        set.delete(fn);
      }
    }

    emit(event, data) {
      (this.handlers.get(event) || []).forEach(fn => {
        try {
          fn(data);
        } catch (e) {
          setTimeout(() => {
            throw e;
          });
        }
      });
    }

    setState(state) {
      if (this.state !== state) {
        this.state = state;
        this.emit('state', {state});
      }
    }

    setCallState(state, extra) {
      this.callState = state;
      if (state === 'answered' && !this.qualityTimer) {
        this.qualityTimer = setInterval(() => this.reportQuality().catch(() => {}), QUALITY_INTERVAL_MS);
      }
      this.emit('call-state', Object.assign({state, callId: this.callId}, extra));
    }

    fail(error) {
      const e = error instanceof LiaisonError ? error : new LiaisonError('internal', String(error && error.message
        || error));
      this.lastError = {code: e.code, message: e.message};
      this.emit('error', this.lastError);
      return e;
    }

    /** The chat messages of this tab's session so far (kept across pages), oldest first. */
    transcript() {
      return this.storage.getJson('transcript', []);
    }

    /**
     * Gets a token, opens the WebSocket, authenticates and starts (or resumes) the session, then sends the context.
     * Resolves with {correlationId, resumed}. Rejects with a LiaisonError (token-refused, connection-failed, ...).
     */
    async connect() {
      if (this.state === 'connected') {
        return {correlationId: this.correlationId, resumed: false};
      }
      if (this.connecting) {
        return this.connecting;
      }
      this.closedOnPurpose = false;
      this.connecting = this.openSession().finally(() => {
        this.connecting = null;
      });
      return this.connecting;
    }

    async openSession() {
      this.setState('connecting');
      try {
        const token = await this.fetchToken();
        await this.openSocket();
        await this.request('authenticate', {token}, 'authenticated');
        const session = await this.startSession();
        this.correlationId = session.correlationId;
        this.storage.set('correlationId', session.correlationId);
        this.storage.set('resumeToken', session.resumeToken);
        this.reconnectAttempt = 0;
        this.setState('connected');
        this.emit('session', {correlationId: session.correlationId, sessionId: session.sessionId,
          resumed: session.resumed});
        // A call that was live when the page was left lost its media with the page: end it.
        (session.calls || []).forEach(call => {
          if (call.callId !== this.callId) {
            this.send('hangup', {callId: call.callId});
          }
        });
        this.recordPage();
        this.sendContext(Object.assign(this.pageEntries(), deviceEntries(), attributeEntries(this.attributes)));
        return {correlationId: session.correlationId, resumed: session.resumed};
      } catch (e) {
        this.setState('failed');
        this.closeSocket();
        throw this.fail(e);
      }
    }

    async fetchToken() {
      const ask = subject => fetch(this.options.server + '/api/v1/sites/' + encodeURIComponent(this.options.site)
        + '/customer-tokens', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(subject ? {subject} : {}),
        credentials: 'omit',
        cache: 'no-store'
      });
      let response;
      try {
        response = await ask(this.subject);
        if (response.status === 400 && this.subject) {
          // Not a subject the server issued: start as a new visitor.
          this.subject = null;
          response = await ask(null);
        }
      } catch (e) {
        throw new LiaisonError('token-refused', 'Support is not available on this page (' + e.message + ')');
      }
      if (!response.ok) {
        let problem = {};
        try {
          problem = await response.json();
        } catch (ignored) {
          // not a problem response
        }
        throw new LiaisonError(response.status === 429 ? 'rate-limited' : 'token-refused',
          problem.detail || 'The token request failed with HTTP ' + response.status, {status: response.status,
            code: problem.code});
      }
      const issued = await response.json();
      this.subject = issued.subject;
      this.storage.set('subject', issued.subject);
      return issued.token;
    }

    openSocket() {
      return new Promise((resolve, reject) => {
        const url = this.options.server.replace(/^http/, 'ws') + '/ws/client';
        let ws;
        try {
          ws = new WebSocket(url);
        } catch (e) {
          reject(new LiaisonError('connection-failed', 'Cannot open ' + url + ': ' + e.message));
          return;
        }
        this.ws = ws;
        let opened = false;
        ws.onopen = () => {
          opened = true;
          resolve();
        };
        ws.onmessage = event => this.onFrame(event.data);
        ws.onclose = event => {
          if (!opened) {
            reject(new LiaisonError('connection-failed', 'The connection to ' + url + ' failed'));
          }
          this.onSocketClosed(ws, event);
        };
      });
    }

    async startSession() {
      const resumeToken = this.storage.get('resumeToken');
      if (resumeToken) {
        try {
          return await this.request('start-session', {resumeToken}, 'session');
        } catch (e) {
          if (!(e instanceof LiaisonError) || e.code !== 'no-such-session') {
            throw e;
          }
          this.storage.set('resumeToken', null);
        }
      }
      const fields = this.correlationId ? {correlationId: this.correlationId} : {};
      return this.request('start-session', fields, 'session');
    }

    send(type, fields) {
      const id = type + '-' + (++this.sequence);
      const message = Object.assign({v: PROTOCOL_VERSION, type, id}, fields);
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        throw new LiaisonError('not-connected', 'Not connected to support');
      }
      this.ws.send(JSON.stringify(message));
      return id;
    }

    /** Sends a message and resolves with the reply of replyType (same id), rejects with its error. */
    request(type, fields, replyType) {
      return new Promise((resolve, reject) => {
        let id;
        try {
          id = this.send(type, fields);
        } catch (e) {
          reject(e);
          return;
        }
        const timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new LiaisonError('timeout', 'No answer to ' + type));
        }, REPLY_TIMEOUT_MS);
        this.pending.set(id, {replyType, resolve, reject, timer});
      });
    }

    onFrame(data) {
      let message;
      try {
        message = JSON.parse(data);
      } catch (e) {
        this.fail(new LiaisonError('internal', 'Unreadable message from the server'));
        return;
      }
      const waiting = message.id && this.pending.get(message.id);
      if (waiting && (message.type === waiting.replyType || message.type === 'error')) {
        this.pending.delete(message.id);
        clearTimeout(waiting.timer);
        if (message.type === 'error') {
          // The request's caller reports it.
          waiting.reject(new LiaisonError(message.code, message.message));
          return;
        }
        waiting.resolve(message);
      }
      this.onMessage(message).catch(e => this.fail(e));
    }

    async onMessage(message) {
      switch (message.type) {
        case 'chat':
          this.remember({from: message.from, text: message.text, own: false});
          this.emit('chat', {from: message.from, text: message.text, own: false});
          break;
        case 'ringing':
          if (message.callId === this.callId) {
            this.setCallState('ringing');
          }
          break;
        case 'answered':
          if (message.callId === this.callId && this.pc) {
            await this.pc.setRemoteDescription({type: 'answer', sdp: message.sdp});
            this.setCallState('answered');
          }
          break;
        case 'media-offer':
          if (message.callId === this.callId && this.pc) {
            await this.pc.setRemoteDescription({type: 'offer', sdp: message.sdp});
            await this.pc.setLocalDescription(await this.pc.createAnswer());
            this.send('media-answer', {callId: this.callId, sdp: this.pc.localDescription.sdp});
          }
          break;
        case 'incoming-call':
          if (this.callId || this.incoming) {
            this.send('reject', {callId: message.callId, reason: 'busy'});
          } else {
            this.incoming = message;
            this.emit('incoming-call', {callId: message.callId, from: message.from, media: message.media});
          }
          break;
        case 'ended':
          if (message.callId === this.callId) {
            this.endCall(message.reason);
          } else if (this.incoming && message.callId === this.incoming.callId) {
            this.incoming = null;
            this.emit('call-state', {state: 'ended', callId: message.callId, reason: message.reason});
          }
          break;
        case 'event':
          this.emit('event', {name: message.name, data: message.data});
          break;
        case 'session-ended':
          this.closedOnPurpose = true;
          this.storage.set('resumeToken', null);
          this.storage.set('correlationId', null);
          this.emit('session-ended', {reason: message.reason});
          break;
        case 'error':
          this.fail(new LiaisonError(message.code, message.message));
          break;
        default:
          break;
      }
    }

    onSocketClosed(ws, event) {
      if (ws !== this.ws) {
        return;
      }
      this.ws = null;
      this.pending.forEach(waiting => {
        clearTimeout(waiting.timer);
        waiting.reject(new LiaisonError('connection-failed', 'The connection closed'));
      });
      this.pending.clear();
      if (this.state !== 'connected') {
        return;
      }
      this.setState('disconnected');
      if (this.closedOnPurpose || event.code === 1008 || event.code === 1009) {
        return;
      }
      // A drop: the server keeps the session for its detach timeout; reattach with the resume token.
      this.scheduleReconnect();
    }

    /** The next of at most five reattach attempts after a drop, each further apart; a success resets the count. */
    scheduleReconnect() {
      const attempt = this.reconnectAttempt || 0;
      if (attempt >= RECONNECT_DELAYS_MS.length || this.closedOnPurpose) {
        return;
      }
      this.reconnectAttempt = attempt + 1;
      setTimeout(() => this.connect().catch(() => this.scheduleReconnect()), RECONNECT_DELAYS_MS[attempt]);
    }

    closeSocket() {
      if (this.ws) {
        const ws = this.ws;
        this.ws = null;
        ws.close(1000);
      }
    }

    pageEntries() {
      const pages = this.storage.getJson('pages', []);
      let list = pages.slice();
      while (list.length > 1 && JSON.stringify(list).length > MAX_CONTEXT_VALUE) {
        list = list.slice(1);
      }
      return {
        'page.url': clip(location.origin + location.pathname),
        'page.title': clip(document.title || ''),
        'page.referrer': clip(document.referrer || ''),
        'pages': clip(JSON.stringify(list)),
        'pages.count': String(pages.length)
      };
    }

    recordPage() {
      const pages = this.storage.getJson('pages', []);
      const here = location.pathname + location.search;
      if (pages[pages.length - 1] !== here) {
        pages.push(here);
      }
      this.storage.setJson('pages', pages.slice(-MAX_PAGES));
    }

    sendContext(entries) {
      const keys = Object.keys(entries).filter(key => CONTEXT_KEY.test(key));
      for (let i = 0; i < keys.length; i += 64) {
        const batch = {};
        keys.slice(i, i + 64).forEach(key => {
          batch[key] = clip(entries[key]);
        });
        this.send('context', {entries: batch});
      }
    }

    /** Adds or replaces custom attributes ("attr.<key>" context entries) and sends them when connected. */
    setContext(attributes) {
      Object.assign(this.attributes, attributes);
      const entries = attributeEntries(attributes);
      if (this.state === 'connected' && Object.keys(entries).length > 0) {
        this.sendContext(entries);
      }
      return entries;
    }

    remember(entry) {
      const transcript = this.transcript();
      transcript.push(Object.assign({at: new Date().toISOString()}, entry));
      this.storage.setJson('transcript', transcript.slice(-MAX_TRANSCRIPT));
    }

    /**
     * Shares the customer's location, only when they asked for it (a click on the widget's button, or your own UI's
     * consent): the browser's own permission prompt follows, then the position goes to the contact center as context
     * (geo.latitude, geo.longitude rounded to 4 decimals, about 10 m; geo.accuracy in metres). Never called by the SDK
     * on its own.
     */
    async shareLocation() {
      if (!navigator.geolocation) {
        throw this.fail(new LiaisonError('location-unavailable', 'This browser cannot tell its location'));
      }
      await this.connect();
      const position = await new Promise((resolve, reject) => navigator.geolocation.getCurrentPosition(resolve,
        error => reject(new LiaisonError('location-unavailable', error.message || 'Location refused')),
        {enableHighAccuracy: false, timeout: 15000, maximumAge: 60000})).catch(e => {
        throw this.fail(e);
      });
      const round = value => String(Math.round(value * 10000) / 10000);
      const entries = {
        'geo.latitude': round(position.coords.latitude),
        'geo.longitude': round(position.coords.longitude),
        'geo.accuracy': String(Math.round(position.coords.accuracy))
      };
      this.sendContext(entries);
      this.emit('location', entries);
      return entries;
    }

    /** Sends a chat message (1 to 4096 characters) to the contact center. */
    async sendChat(text) {
      const value = String(text === undefined || text === null ? '' : text).trim();
      if (value.length === 0 || value.length > MAX_CHAT) {
        throw this.fail(new LiaisonError('invalid-option', 'A chat message is 1 to ' + MAX_CHAT + ' characters'));
      }
      await this.connect();
      const fields = this.callId ? {text: value, callId: this.callId} : {text: value};
      this.send('chat', fields);
      this.remember({from: 'me', text: value, own: true});
      this.emit('chat', {from: 'me', text: value, own: true});
    }

    newPeerConnection() {
      const pc = new RTCPeerConnection({iceServers: this.options.iceServers || []});
      pc.ontrack = event => {
        const element = event.track.kind === 'video' ? this.remoteVideo : this.remoteAudio;
        if (element) {
          element.srcObject = new MediaStream([event.track]);
          const playing = element.play();
          if (playing && playing.catch) {
            playing.catch(e => this.fail(new LiaisonError('media-failed', 'Cannot play the call: ' + e.message)));
          }
        }
        this.emit('remote-track', {kind: event.track.kind, track: event.track});
      };
      this.pc = pc;
      return pc;
    }

    gatheringComplete() {
      const pc = this.pc;
      return new Promise(resolve => {
        if (pc.iceGatheringState === 'complete') {
          resolve();
          return;
        }
        const timer = setTimeout(resolve, GATHERING_TIMEOUT_MS);
        pc.addEventListener('icegatheringstatechange', () => {
          if (pc.iceGatheringState === 'complete') {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    }

    /**
     * Calls the destination with the media of the options (audio, video or one-way-video): microphone (and camera
     * for video) through getUserMedia, a WebRTC offer, the answer from Liaison. Resolves with the callId once the call
     * is placed; call-state events tell ringing, answered and ended.
     */
    async call() {
      const media = MEDIA[this.options.media];
      if (!media) {
        throw this.fail(new LiaisonError('invalid-option', 'This support is chat only (media: chat)'));
      }
      if (this.callId || this.callState === 'starting') {
        throw this.fail(new LiaisonError('invalid-state', 'A call is already going on'));
      }
      await this.connect();
      this.setCallState('starting');
      try {
        const sendVideo = media === 'video';
        this.localStream = await navigator.mediaDevices.getUserMedia({audio: true, video: sendVideo});
        const pc = this.newPeerConnection();
        const stream = this.localStream;
        pc.addTransceiver(stream.getAudioTracks()[0], {direction: 'sendrecv', streams: [stream]});
        if (sendVideo) {
          pc.addTransceiver(stream.getVideoTracks()[0], {direction: 'sendrecv', streams: [stream]});
        } else if (media === 'video-one-way') {
          pc.addTransceiver('video', {direction: 'recvonly'});
        }
        await pc.setLocalDescription(await pc.createOffer());
        await this.gatheringComplete();
        const calling = await this.request('call', {destination: this.options.destination, media,
          sdp: pc.localDescription.sdp}, 'calling');
        this.callId = calling.callId;
        this.setCallState('calling');
        return calling.callId;
      } catch (e) {
        this.releaseMedia();
        this.callId = null;
        this.setCallState('ended', {reason: 'failed'});
        throw this.fail(e instanceof LiaisonError ? e : new LiaisonError('media-failed', e.message || String(e)));
      }
    }

    /** Answers the incoming call (a callback ringing this page) with the microphone, and the camera for video. */
    async answer() {
      const incoming = this.incoming;
      if (!incoming) {
        throw this.fail(new LiaisonError('invalid-state', 'No incoming call'));
      }
      this.incoming = null;
      this.callId = incoming.callId;
      try {
        const withVideo = /^m=video [1-9]/m.test(incoming.sdp || '');
        this.localStream = await navigator.mediaDevices.getUserMedia({audio: true, video: withVideo});
        const pc = this.newPeerConnection();
        await pc.setRemoteDescription({type: 'offer', sdp: incoming.sdp});
        this.localStream.getTracks().forEach(track => pc.addTrack(track, this.localStream));
        await pc.setLocalDescription(await pc.createAnswer());
        await this.gatheringComplete();
        this.send('answer', {callId: incoming.callId, sdp: pc.localDescription.sdp});
        this.setCallState('answered');
      } catch (e) {
        this.send('hangup', {callId: incoming.callId});
        throw this.fail(new LiaisonError('media-failed', e.message || String(e)));
      }
    }

    /** Declines the incoming call. */
    reject() {
      if (this.incoming) {
        this.send('reject', {callId: this.incoming.callId, reason: 'declined'});
        this.incoming = null;
      }
    }

    /** Ends the call (the server confirms with ended, then call-state ended). */
    hangUp() {
      if (this.callId && this.ws) {
        this.send('hangup', {callId: this.callId});
      } else if (this.callId) {
        this.endCall('normal');
      }
    }

    /** Mutes or unmutes the microphone of the call and tells the contact center. */
    mute(muted) {
      this.audioMuted = Boolean(muted);
      if (this.localStream) {
        this.localStream.getAudioTracks().forEach(track => {
          track.enabled = !this.audioMuted;
        });
      }
      if (this.callId && this.callState === 'answered') {
        this.send('mute', {callId: this.callId, audioMuted: this.audioMuted, videoMuted: false});
      }
      this.emit('mute', {audioMuted: this.audioMuted});
    }

    releaseMedia() {
      if (this.pc) {
        this.pc.close();
        this.pc = null;
      }
      if (this.localStream) {
        this.localStream.getTracks().forEach(track => track.stop());
        this.localStream = null;
      }
      this.remoteAudio.srcObject = null;
      if (this.remoteVideo) {
        this.remoteVideo.srcObject = null;
      }
    }

    /**
     * Tells the contact center how the call's network is (the protocol's quality message, every 5 s while answered):
     * round-trip time of the ICE pair, inbound audio jitter and loss, the send bitrate since the last report.
     */
    async reportQuality() {
      const summary = await this.stats();
      if (!summary || !this.callId || !this.ws) {
        return;
      }
      const clamp = (value, max) => Math.min(max, Math.max(0, Number.isFinite(value) ? value : 0));
      const audioIn = summary.audioIn || {};
      const received = audioIn.packetsReceived || 0;
      const lost = Math.max(0, audioIn.packetsLost || 0);
      const sent = (summary.audioOut || {}).bytesSent || 0;
      const now = Date.now();
      const report = {
        callId: this.callId,
        rttMs: clamp((summary.selectedPair || {}).rttMs, 60000),
        jitterMs: clamp((audioIn.jitter || 0) * 1000, 60000),
        lossPercent: clamp(received + lost === 0 ? 0 : lost * 100 / (received + lost), 100)
      };
      if (this.lastQuality) {
        const seconds = (now - this.lastQuality.at) / 1000;
        if (seconds > 0) {
          report.bitrateKbps = clamp((sent - this.lastQuality.sent) * 8 / 1000 / seconds, 1000000);
        }
      }
      this.lastQuality = {at: now, sent};
      this.send('quality', report);
    }

    endCall(reason) {
      clearInterval(this.qualityTimer);
      this.qualityTimer = null;
      this.lastQuality = null;
      this.releaseMedia();
      this.audioMuted = false;
      this.setCallState('ended', {reason});
      this.callId = null;
    }

    /** A getStats summary of the call (audioIn, audioOut, videoIn, videoOut, dtlsState, selectedPair), or null. */
    async stats() {
      return this.pc ? summarizeStats(this.pc) : null;
    }

    /** Ends the session on purpose: the call ends, the tab forgets the correlation ID. */
    async end() {
      this.closedOnPurpose = true;
      if (this.ws) {
        this.send('end-session', {});
      }
      this.storage.set('resumeToken', null);
      this.storage.set('correlationId', null);
      this.storage.set('pages', null);
      this.storage.set('transcript', null);
    }
  }

  /** The widget of startSupport: a launcher button and a panel with chat and call controls, in a shadow root. */
  class Widget {
    constructor(client) {
      this.client = client;
      this.host = document.createElement('div');
      this.host.id = 'liaison-support';
      const root = this.host.attachShadow({mode: 'open'});
      this.root = root;
      const media = client.options.media;
      root.innerHTML = `
<style>
  :host { all: initial; font: 15px/1.4 system-ui, sans-serif; color: #1b1f24; }
  .launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; border: 0; border-radius: 24px;
    padding: 12px 18px; background: #0b5cad; color: #fff; font: inherit; cursor: pointer;
    box-shadow: 0 2px 8px rgba(0,0,0,.3); }
  .launcher:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
  .panel { position: fixed; right: 16px; bottom: 72px; z-index: 2147483000; width: 340px; max-width: calc(100vw - 32px);
    max-height: calc(100vh - 96px); display: flex; flex-direction: column; background: #fff; border-radius: 12px;
    box-shadow: 0 4px 24px rgba(0,0,0,.3); overflow: hidden; }
  .panel[hidden] { display: none; }
  header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px;
    background: #0b5cad; color: #fff; }
  header h2 { font-size: 16px; margin: 0; }
  header button { background: transparent; color: #fff; border: 0; font-size: 20px; cursor: pointer; min-width: 44px;
    min-height: 44px; }
  .status { padding: 6px 14px; font-size: 13px; color: #44505c; background: #eef3f8; }
  .log { flex: 1; overflow-y: auto; padding: 10px 14px; min-height: 120px; list-style: none; margin: 0; }
  .log li { margin: 4px 0; padding: 6px 10px; border-radius: 10px; background: #eef3f8; max-width: 85%;
    word-wrap: break-word; }
  .log li.own { margin-left: auto; background: #d7e8fa; }
  video { width: 100%; max-height: 200px; background: #000; }
  video[hidden] { display: none; }
  .controls, form, .incoming { display: flex; gap: 8px; padding: 8px 14px; flex-wrap: wrap; }
  .incoming[hidden], .controls[hidden] { display: none; }
  button.action { flex: 1; min-height: 44px; border-radius: 8px; border: 1px solid #0b5cad; background: #fff;
    color: #0b5cad; font: inherit; cursor: pointer; }
  button.action.primary { background: #0b5cad; color: #fff; }
  button.action.danger { border-color: #b3261e; background: #b3261e; color: #fff; }
  button[disabled] { opacity: .5; cursor: default; }
  input { flex: 1; min-width: 0; min-height: 44px; padding: 0 10px; border: 1px solid #8a96a3; border-radius: 8px;
    font: inherit; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  @media (max-width: 480px) {
    .panel { right: 0; left: 0; bottom: 0; width: 100vw; max-width: 100vw; max-height: 100vh; height: 100vh;
      border-radius: 0; }
  }
</style>
<button class="launcher" type="button" aria-expanded="false" aria-controls="panel" data-liaison="launcher">
  Help</button>
<section class="panel" id="panel" role="dialog" aria-labelledby="title" hidden>
  <header><h2 id="title">Support</h2>
    <button type="button" aria-label="Close support" data-liaison="close">\u00d7</button></header>
  <p class="status" role="status" aria-live="polite" data-liaison="status">Connecting\u2026</p>
  <video data-liaison="video" autoplay playsinline muted hidden aria-label="Video from support"></video>
  <div class="incoming" data-liaison="incoming" hidden>
    <button type="button" class="action primary" data-liaison="answer">Answer</button>
    <button type="button" class="action" data-liaison="decline">Decline</button>
  </div>
  <ul class="log" role="log" aria-live="polite" aria-label="Chat messages" data-liaison="log"></ul>
  <div class="controls" data-liaison="controls" ${media === 'chat' ? 'hidden' : ''}>
    <button type="button" class="action primary" data-liaison="call">${media === 'audio' ? 'Call' : 'Video call'}</button>
    <button type="button" class="action" data-liaison="mute" aria-pressed="false" disabled>Mute</button>
    <button type="button" class="action danger" data-liaison="hangup" disabled>Hang up</button>
  </div>
  <div class="controls" data-liaison="location-controls" ${client.options.location === 'ask' ? '' : 'hidden'}>
    <button type="button" class="action" data-liaison="location">Share my location</button>
  </div>
  <form data-liaison="form">
    <label class="visually-hidden" for="message">Message</label>
    <input id="message" data-liaison="input" type="text" maxlength="${MAX_CHAT}" autocomplete="off"
      placeholder="Type a message">
    <button type="submit" class="action primary" data-liaison="send">Send</button>
  </form>
</section>`;
      const $ = name => root.querySelector('[data-liaison="' + name + '"]');
      this.el = {
        launcher: $('launcher'), panel: root.getElementById('panel'), close: $('close'), status: $('status'),
        log: $('log'), call: $('call'), mute: $('mute'), hangup: $('hangup'), form: $('form'), input: $('input'),
        video: $('video'), incoming: $('incoming'), answer: $('answer'), decline: $('decline'),
        location: $('location')
      };
      client.remoteVideo = this.el.video;
      this.wire();
      client.transcript().forEach(entry => this.addMessage(entry));
      if (client.storage.get('open') === '1') {
        this.open();
      }
      const attach = () => document.body.appendChild(this.host);
      if (document.body) {
        attach();
      } else {
        document.addEventListener('DOMContentLoaded', attach);
      }
    }

    wire() {
      const {client, el} = this;
      el.launcher.addEventListener('click', () => (el.panel.hidden ? this.open() : this.close()));
      el.close.addEventListener('click', () => this.close());
      el.panel.addEventListener('keydown', event => {
        if (event.key === 'Escape') {
          this.close();
        }
      });
      el.form.addEventListener('submit', event => {
        event.preventDefault();
        const text = el.input.value;
        if (text.trim().length === 0) {
          return;
        }
        client.sendChat(text).then(() => {
          el.input.value = '';
        }, () => {});
      });
      el.call.addEventListener('click', () => client.call().catch(() => {}));
      el.hangup.addEventListener('click', () => client.hangUp());
      el.location.addEventListener('click', () => client.shareLocation().then(() => {
        el.location.disabled = true;
        this.status('Location shared with support');
      }, () => {}));
      el.mute.addEventListener('click', () => client.mute(!client.audioMuted));
      el.answer.addEventListener('click', () => {
        el.incoming.hidden = true;
        client.answer().catch(() => {});
      });
      el.decline.addEventListener('click', () => {
        el.incoming.hidden = true;
        client.reject();
      });
      client.on('state', ({state}) => this.status({
        connecting: 'Connecting\u2026', connected: 'Connected: write a message'
          + (client.options.media === 'chat' ? '' : ' or start a call'),
        disconnected: 'Connection lost, reconnecting\u2026', failed: 'Support is not available right now'
      }[state] || state));
      client.on('error', error => this.status(error.code === 'token-refused' || error.code === 'rate-limited'
        ? 'Support is not available on this page' : 'Something went wrong: ' + error.message));
      client.on('chat', entry => this.addMessage(entry));
      client.on('mute', ({audioMuted}) => {
        el.mute.setAttribute('aria-pressed', String(audioMuted));
        el.mute.textContent = audioMuted ? 'Unmute' : 'Mute';
      });
      client.on('incoming-call', ({from}) => {
        this.open();
        el.incoming.hidden = false;
        this.status('Incoming call from ' + from);
      });
      client.on('call-state', ({state, reason}) => {
        const live = state !== 'ended' && state !== 'none';
        el.call.disabled = live;
        el.hangup.disabled = !live;
        el.mute.disabled = state !== 'answered';
        el.video.hidden = !(live && client.options.media !== 'audio' && client.options.media !== 'chat');
        if (state === 'ended') {
          el.incoming.hidden = true;
          el.mute.setAttribute('aria-pressed', 'false');
          el.mute.textContent = 'Mute';
        }
        this.status({starting: 'Starting the call\u2026', calling: 'Calling\u2026', ringing: 'Ringing\u2026',
          answered: 'In a call', ended: 'Call ended' + (reason && reason !== 'normal' ? ' (' + reason + ')' : '')
        }[state] || state);
      });
    }

    status(text) {
      this.el.status.textContent = text;
    }

    addMessage(entry) {
      const item = document.createElement('li');
      item.className = entry.own ? 'own' : '';
      item.textContent = (entry.own ? 'You' : entry.from) + ': ' + entry.text;
      this.el.log.appendChild(item);
      this.el.log.scrollTop = this.el.log.scrollHeight;
    }

    open() {
      this.el.panel.hidden = false;
      this.el.launcher.setAttribute('aria-expanded', 'true');
      this.client.storage.set('open', '1');
      this.el.input.focus();
    }

    close() {
      this.el.panel.hidden = true;
      this.el.launcher.setAttribute('aria-expanded', 'false');
      this.client.storage.set('open', null);
      this.el.launcher.focus();
    }
  }

  let current = null;
  const requireCurrent = () => {
    if (!current) {
      throw new LiaisonError('not-started', 'Call Liaison.connect or Liaison.startSupport first');
    }
    return current;
  };

  global.Liaison = Object.freeze({
    version: '1.0.0',
    LiaisonError,
    /** The client of the last connect or startSupport, or null. */
    get current() {
      return current;
    },
    /** The widget and a client, connected at once (the session resumes across the site's pages). */
    startSupport(options) {
      if (current && current.widget) {
        // Called twice on one page: one widget, one session.
        return current;
      }
      current = new Client(options);
      current.widget = new Widget(current);
      current.connect().catch(() => {});
      return current;
    },
    /** A client without a widget; resolves with it once connected. */
    async connect(options) {
      current = new Client(options);
      await current.connect();
      return current;
    },
    call: () => requireCurrent().call(),
    hangUp: () => requireCurrent().hangUp(),
    sendChat: text => requireCurrent().sendChat(text),
    setContext: attributes => requireCurrent().setContext(attributes),
    mute: muted => requireCurrent().mute(muted),
    on: (event, fn) => requireCurrent().on(event, fn)
  });
})(window);
