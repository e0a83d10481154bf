/**
 * Switchyard browser SDK: joins an SFU room over the signaling protocol of docs/PROTOCOL.md.
 *
 * A participant uses two RTCPeerConnections: the publisher (sends only; this client makes every offer
 * with a `publish` message) and the subscriber (receives only; the server makes every offer with
 * `subscriber_offer`). Each connection has exactly one offerer, so offers never collide.
 *
 * Plain ES module, no dependencies:
 *
 *   import { connect } from '/sdk/switchyard.js';
 *   const session = await connect({ room: 'standup', name: 'Ada' });
 *   session.addEventListener('tracksubscribed', (e) => attach(e.detail.stream, e.detail.info));
 *   session.addEventListener('datareceived', (e) => show(e.detail.from, e.detail.data));
 *   session.sendData(JSON.stringify({ chat: 'hello' }));
 *
 * Data goes over the publisher connection's SCTP association: the server forwards each message to the room
 * or to the participants named, on a channel per sender whose protocol is the sender's participant id.
 */

/** Sources a published track may have (PROTOCOL.md, `publish`). */
export const TRACK_SOURCES = Object.freeze(['camera', 'microphone', 'screen', 'screen_audio']);

const SOURCE_KIND = Object.freeze({
  camera: 'video',
  microphone: 'audio',
  screen: 'video',
  screen_audio: 'audio',
});

const DEFAULT_TIMEOUT_MS = 15000;
/**
 * Resuming after a lost socket: the first attempt at once, then waits doubling from 250 ms to 5 s; the session
 * ends after a minute without the server (its grace period for a lost client is shorter by default anyway).
 */
const RESUME_FIRST_DELAY_MS = 250;
const RESUME_MAX_DELAY_MS = 5000;
const RESUME_GIVE_UP_MS = 60000;
/** Longer than the server's presence batching, so that the departure behind a refused subscribe has arrived. */
const RESUBSCRIBE_DELAY_MS = 200;

const CAMERA_CONSTRAINTS = Object.freeze({ width: { ideal: 1280 }, height: { ideal: 720 } });

/** Data channel labels, one per reliability; receivers see them as `channel` of `datareceived`. */
const RELIABLE_CHANNEL = 'reliable';
const UNRELIABLE_CHANNEL = 'unreliable';
/** docs/PROTOCOL.md: a channel whose protocol is `to:<ids>` reaches only those participants. */
const NAMED_AUDIENCE_PREFIX = 'to:';

/** A failure reported by the server (`error` message) or by the SDK itself. */
export class SwitchyardError extends Error {
  constructor(code, message, requestType) {
    super(message);
    this.name = 'SwitchyardError';
    this.code = code;
    this.requestType = requestType;
  }
}

/**
 * Opens the signaling socket, joins `room` as `name` and, unless `publish` is false, starts publishing
 * the requested local media. Resolves with the {@link Session} once joined and the initial publish
 * has completed (a camera or microphone that cannot be opened is reported as an `error` event, not a
 * rejection). Rejects when the socket cannot be opened or the server refuses the join.
 *
 * Options: `url` (default `ws(s)://<page host>/ws`; relative and http(s) URLs are accepted), `room`,
 * `name`, `token`, `publish` ({audio, video}: booleans or MediaTrackConstraints, both default true;
 * `false` publishes nothing), `data` (default true: open data channels, see {@link Session#sendData}),
 * `autoSubscribe` (default true: receive every track of every other participant), `timeoutMs`.
 */
export async function connect({ autoSubscribe, timeoutMs, ...joinOptions } = {}) {
  const session = new Session({ autoSubscribe, timeoutMs });
  await session.join(joinOptions);
  return session;
}

function resolveSignalingUrl(url) {
  const base = globalThis.location?.href;
  const resolved = new URL(url ?? '/ws', base);
  if (resolved.protocol === 'http:') resolved.protocol = 'ws:';
  if (resolved.protocol === 'https:') resolved.protocol = 'wss:';
  return resolved.href;
}

/** Delivers the messages of a `candidate` target once it may be used. */
class CandidateGate {
  #open = false;
  #queue = [];
  #deliver;

  constructor(deliver) {
    this.#deliver = deliver;
  }

  push(candidate) {
    if (this.#open) this.#deliver(candidate);
    else this.#queue.push(candidate);
  }

  open() {
    this.#open = true;
    const queued = this.#queue.splice(0);
    for (const candidate of queued) this.#deliver(candidate);
  }

  close() {
    this.#open = false;
  }
}

/**
 * One participant's membership in a room. Events (CustomEvent, payload in `detail`):
 * participantjoined {participant}, participantleft {participantId}, trackpublished {track},
 * trackunpublished {track}, tracksubscribed {track, info, stream}, trackunsubscribed {info},
 * trackmuted {info, muted}, localtrackpublished {track, mediaStreamTrack},
 * localtrackunpublished {track, mediaStreamTrack}, datareceived {from, data, channel},
 * datachannelclosed {from, channel, reason}, closed {reason}, error {code, message, requestType}.
 */
export class Session extends EventTarget {
  /** This participant's id, assigned by the server in `joined`. */
  participantId = null;
  /** The room id. */
  room = null;
  /** Everyone else in the room: participantId → {participantId, name, tracks: [track object…]}. */
  participants = new Map();
  /** The sending connection, created by the first publish. */
  publisher = null;
  /** The receiving connection, created when joined. */
  subscriber = null;
  /** Local camera and microphone tracks that are published. */
  localStream = null;
  /** The local screen share, while one is published. */
  screenStream = null;
  /** Tracks being received: trackId → {info, track, stream}. */
  remoteTracks = new Map();
  /** ICE servers given by the server in `joined`. */
  iceServers = [];
  /** The access token's identity, or null when the server runs without tokens. */
  identity = null;
  /**
   * What this participant may do, from `joined`: {publish: [sources], subscribe, data}; null before
   * joining (or from a server that does not say).
   */
  grants = null;
  /** True when the server runs without access tokens: anyone can join any room. */
  developmentMode = false;
  /** True once the session has ended (left, or the socket closed). */
  closed = false;
  /**
   * Resolves once this participant's data channels are open (messages sent before wait for it); rejects if
   * they never open. Null for a session that joined with `data: false`.
   */
  dataReady = null;

  #autoSubscribe;
  #timeoutMs;
  #socket = null;
  #url = null;
  /** The secret from `joined` that lets this client take its participant over from a new socket. */
  #resumeToken = null;
  /** While the socket is lost: {since, attempt, timer, queue} (messages wait in `queue`); else null. */
  #away = null;
  /** The latest `server_shutdown`, which says when to come back. */
  #shutdownNotice = null;
  #joinStarted = false;
  #joinAttempt = null;
  /** Local publications in publishing order: {transceiver, track, source, info, muted, owned}. */
  #published = [];
  #publisherChain = Promise.resolve();
  #publisherQueued = null;
  #publisherIceRestart = false;
  #pendingPublish = null;
  #subscriberChain = Promise.resolve();
  /** mid → track description from the latest `subscriber_offer`. */
  #subscriberMids = new Map();
  /** Track ids this client has asked to receive. */
  #wanted = new Set();
  /** Track ids known to be unpublished: a late offer still naming them must not resurrect them. */
  #gone = new Set();
  #outgoingCandidates = this.#newOutgoingGates();
  #incomingCandidates = this.#newIncomingGates();
  /** What `join` was called with, for joining again after the server forgot this session. */
  #joinOptions = null;
  /** Whether this session opens data channels. */
  #data = true;
  /** This client's sending data channels: `reliable|unreliable` + audience → {channel, waiting: [messages]}. */
  #dataChannels = new Map();
  /** `sender|label` → the server's reason for closing that channel, or null once it closed without one yet. */
  #dataClosingReasons = new Map();

  /**
   * Creates a session that has not joined yet (see {@link Session#join}). `autoSubscribe` (default
   * true) receives every track of every other participant; `timeoutMs` bounds each request.
   */
  constructor({ autoSubscribe = true, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    super();
    this.#autoSubscribe = autoSubscribe;
    this.#timeoutMs = timeoutMs;
  }

  // ---- joining -------------------------------------------------------------------------------

  /**
   * Joins a room with this session; {@link connect} is `new Session(options)` followed by this.
   * Constructing the session first lets a page add its event listeners before anything arrives.
   * Takes the options of {@link connect} other than `autoSubscribe` and `timeoutMs`. Resolves with
   * this session. A session joins once.
   */
  async join({ url, room, name, token, publish = {}, data = true } = {}) {
    if (this.#joinStarted) throw new SwitchyardError('already_joined', 'a session joins once');
    this.#joinStarted = true;
    this.#joinOptions = { room, name, token };
    this.#data = data !== false;
    await this.#join(resolveSignalingUrl(url), this.#joinOptions);
    // A token may let its holder only watch, or publish only some sources.
    const audio = publish === false ? false : (publish.audio ?? true) && this.#mayPublish('microphone');
    const video = publish === false ? false : (publish.video ?? true) && this.#mayPublish('camera');
    // The data channels go into the first publisher offer, with the media if there is any.
    if (this.#data) this.#openDataChannels();
    if (audio || video) await this.#publishDefaultMedia({ audio, video });
    else if (this.#data) await this.#negotiatePublisher();
    return this;
  }

  /** Opens the socket, sends `join` and resolves on `joined`. */
  #join(url, { room, name, token }) {
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#joinAttempt = null;
        this.#teardown(error.message);
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new SwitchyardError('timeout', 'no answer to join')), this.#timeoutMs);
      this.#joinAttempt = {
        resolve: () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(this);
        },
        reject: fail,
      };

      let socket;
      try {
        socket = new WebSocket(url);
      } catch (error) {
        fail(new SwitchyardError('connection', `cannot open ${url}: ${error.message}`));
        return;
      }
      this.#socket = socket;
      this.#url = url;
      socket.addEventListener('open', () => {
        const join = { type: 'join', room, name };
        if (token != null) join.token = token;
        this.#send(join);
      });
      socket.addEventListener('message', (event) => this.#onMessage(event.data));
      socket.addEventListener('close', (event) => {
        const reason = event.reason || `signaling socket closed (code ${event.code})`;
        if (this.participantId == null) fail(new SwitchyardError('connection', reason));
        else this.#connectionLost(socket, reason);
      });
    });
  }

  /** Whether the token lets this participant publish `source`; servers that do not say allow it. */
  #mayPublish(source) {
    return !Array.isArray(this.grants?.publish) || this.grants.publish.includes(source);
  }

  #onJoined(message) {
    if (this.participantId != null) return;
    this.participantId = message.participantId;
    this.room = message.room;
    this.iceServers = Array.isArray(message.iceServers) ? message.iceServers : [];
    this.identity = message.identity ?? null;
    this.#resumeToken = message.resumeToken ?? null;
    this.grants = message.grants ?? null;
    this.developmentMode = message.developmentMode === true;
    this.subscriber = this.#createSubscriber();
    for (const participant of message.participants ?? []) this.#addParticipant(participant);
    const attempt = this.#joinAttempt;
    this.#joinAttempt = null;
    attempt?.resolve();
    if (this.#autoSubscribe) {
      const trackIds = [...this.participants.values()].flatMap((p) => p.tracks.map((t) => t.trackId));
      this.subscribe(trackIds);
    }
  }

  // ---- signaling -----------------------------------------------------------------------------

  #send(message) {
    if (this.#away) {
      this.#away.queue.push(message);
      return true;
    }
    if (this.#socket?.readyState !== 1) return false;
    this.#socket.send(JSON.stringify(message));
    return true;
  }

  #onMessage(data) {
    if (typeof data !== 'string') return;
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return;
    try {
      this.#dispatchMessage(message);
    } catch (error) {
      this.#emitError('client', `handling ${message.type}: ${error.message}`, message.type);
    }
  }

  #dispatchMessage(message) {
    switch (message.type) {
      case 'joined': return this.#onJoined(message);
      case 'participant_joined': return this.#onParticipantJoined(message.participant);
      case 'participant_left': return this.#onParticipantLeft(message.participantId);
      case 'presence': return (message.events ?? []).forEach((event) => this.#dispatchMessage(event));
      case 'track_published': return this.#onTrackPublished(message.track);
      case 'track_unpublished': return this.#onTrackUnpublished(message.trackId, message.participantId);
      case 'track_muted': return this.#onTrackMuted(message);
      case 'publish_answer': return this.#onPublishAnswer(message);
      case 'subscriber_offer': return this.#onSubscriberOffer(message);
      case 'candidate': return this.#onRemoteCandidate(message);
      case 'error': return this.#onServerError(message);
      case 'resumed': return this.#onResumed();
      case 'server_shutdown': return this.#onServerShutdown(message);
      case 'data_channel_closed': return this.#onDataChannelClosed(message);
      default: return undefined; // Newer servers may send types this client does not know.
    }
  }

  #onServerError({ code, message, requestType }) {
    const error = new SwitchyardError(code ?? 'unknown', message ?? '', requestType);
    if (this.#joinAttempt && (requestType === 'join' || requestType == null)) {
      this.#joinAttempt.reject(error);
      return;
    }
    if (code === 'session_gone') {
      this.#rejoin(error.message);
      return;
    }
    if (code === 'removed') {
      // The server ends the session and says why; the socket's own close reason says nothing.
      this.#emitError(error.code, error.message, requestType);
      this.#teardown(error.message);
      return;
    }
    if (requestType === 'publish' && this.#pendingPublish) this.#pendingPublish.reject(error);
    if (requestType === 'subscribe' && code === 'unknown_track') this.#resubscribeLater();
    this.#emitError(error.code, error.message, requestType);
  }

  #emitError(code, message, requestType) {
    this.#emit('error', { code, message, requestType });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  // ---- participants and their tracks ----------------------------------------------------------

  #addParticipant(participant) {
    if (!participant?.participantId || participant.participantId === this.participantId) return null;
    const entry = {
      participantId: participant.participantId,
      identity: participant.identity ?? null,
      name: participant.name ?? '',
      tracks: (participant.tracks ?? []).map((t) => ({ muted: false, ...t })),
    };
    this.participants.set(entry.participantId, entry);
    return entry;
  }

  #onParticipantJoined(participant) {
    const entry = this.#addParticipant(participant);
    if (!entry) return;
    this.#emit('participantjoined', { participant: entry });
    for (const track of entry.tracks) this.#emit('trackpublished', { track });
    if (this.#autoSubscribe) this.subscribe(entry.tracks.map((t) => t.trackId));
  }

  #onParticipantLeft(participantId) {
    const participant = this.participants.get(participantId);
    if (!participant) return;
    for (const track of [...participant.tracks]) this.#onTrackUnpublished(track.trackId, participantId);
    this.participants.delete(participantId);
    this.#emit('participantleft', { participantId });
  }

  #onTrackPublished(track) {
    if (!track?.trackId || track.participantId === this.participantId) return;
    this.#gone.delete(track.trackId);
    const participant = this.participants.get(track.participantId)
      ?? this.#addParticipant({ participantId: track.participantId, name: '', tracks: [] });
    const known = { muted: false, ...track };
    const index = participant.tracks.findIndex((t) => t.trackId === track.trackId);
    if (index >= 0) participant.tracks[index] = known;
    else participant.tracks.push(known);
    this.#emit('trackpublished', { track: known });
    if (this.#autoSubscribe) this.subscribe([track.trackId]);
  }

  #onTrackUnpublished(trackId, participantId) {
    if (participantId === this.participantId) return;
    this.#gone.add(trackId);
    this.#wanted.delete(trackId);
    this.#dropRemoteTrack(trackId);
    const participant = this.participants.get(participantId);
    const index = participant?.tracks.findIndex((t) => t.trackId === trackId) ?? -1;
    if (index < 0) return;
    const [track] = participant.tracks.splice(index, 1);
    this.#emit('trackunpublished', { track });
  }

  #onTrackMuted({ trackId, participantId, muted }) {
    if (participantId === this.participantId) {
      const own = this.#published.find((p) => p.info?.trackId === trackId);
      if (own) own.info.muted = Boolean(muted);
      return;
    }
    const track = this.participants.get(participantId)?.tracks.find((t) => t.trackId === trackId);
    if (track) track.muted = Boolean(muted);
    const remote = this.remoteTracks.get(trackId);
    if (remote) remote.info.muted = Boolean(muted);
    const info = remote?.info ?? track;
    if (info) this.#emit('trackmuted', { info, muted: Boolean(muted) });
  }

  #knownTrack(trackId) {
    for (const participant of this.participants.values()) {
      const track = participant.tracks.find((t) => t.trackId === trackId);
      if (track) return track;
    }
    return null;
  }

  // ---- subscribing ----------------------------------------------------------------------------

  /** Asks to receive these tracks (a `subscriber_offer` follows). Already requested ids are skipped. */
  subscribe(trackIds) {
    const fresh = [...new Set(trackIds)].filter((id) => id && !this.#wanted.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.#wanted.add(id);
    this.#send({ type: 'subscribe', trackIds: fresh });
  }

  /**
   * A `subscribe` is all or nothing, and in a busy room a track may leave between its announcement and the
   * request: the other tracks of that request, still wanted and still published, are asked for again once the
   * departure has arrived. The server ignores tracks already subscribed.
   */
  #resubscribeLater() {
    setTimeout(() => {
      if (this.closed) return;
      const published = new Set([...this.participants.values()].flatMap((p) => p.tracks.map((t) => t.trackId)));
      const retry = [...this.#wanted].filter((id) => published.has(id) && !this.remoteTracks.has(id));
      if (retry.length > 0) this.#send({ type: 'subscribe', trackIds: retry });
    }, RESUBSCRIBE_DELAY_MS);
  }

  /** Stops receiving these tracks; `trackunsubscribed` fires once the server has renegotiated. */
  unsubscribe(trackIds) {
    const held = [...new Set(trackIds)].filter((id) => this.#wanted.has(id));
    if (held.length === 0) return;
    for (const id of held) this.#wanted.delete(id);
    this.#send({ type: 'unsubscribe', trackIds: held });
  }

  #createSubscriber() {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    pc.addEventListener('icecandidate', (event) => {
      this.#outgoingCandidates.subscriber.push(event.candidate ? event.candidate.toJSON() : null);
    });
    // No ontrack handler: after every offer each transceiver's receiver track is bound to its track
    // description by mid (#syncSubscribedTracks). ontrack would miss an m-line that the server reuses
    // for another track without a change of direction.
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed' && !this.closed) {
        this.#send({ type: 'restart_ice', target: 'subscriber' });
      }
    });
    return pc;
  }

  #onSubscriberOffer(message) {
    // Offers are answered strictly in arrival order; a failed one does not block the next.
    this.#subscriberChain = this.#subscriberChain
      .then(() => this.#answerSubscriber(message))
      .catch((error) => this.#emitError('negotiation', `subscriber: ${error.message}`, 'subscriber_offer'));
  }

  async #answerSubscriber({ sdp, tracks }) {
    const pc = this.subscriber;
    if (this.closed || !pc) return;
    this.#subscriberMids = new Map((tracks ?? []).map((t) => [String(t.mid), t]));
    await pc.setRemoteDescription({ type: 'offer', sdp });
    this.#incomingCandidates.subscriber.open();
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    this.#send({ type: 'subscriber_answer', sdp: pc.localDescription.sdp });
    this.#outgoingCandidates.subscriber.open();
    this.#syncSubscribedTracks();
  }

  /** Makes {@link remoteTracks} match the m-lines of the current subscriber offer. */
  #syncSubscribedTracks() {
    const live = new Map();
    for (const transceiver of this.subscriber.getTransceivers()) {
      const description = this.#describeTransceiver(transceiver);
      if (description) live.set(description.trackId, transceiver);
    }
    for (const [trackId, remote] of [...this.remoteTracks]) {
      const transceiver = live.get(trackId);
      if (!transceiver || transceiver.receiver.track !== remote.track) this.#dropRemoteTrack(trackId);
    }
    for (const transceiver of live.values()) this.#bindTransceiver(transceiver);
  }

  #describeTransceiver(transceiver) {
    if (transceiver.mid == null || transceiver.currentDirection === 'stopped') return null;
    const description = this.#subscriberMids.get(transceiver.mid);
    if (!description?.trackId || this.#gone.has(description.trackId)) return null;
    return description;
  }

  #bindTransceiver(transceiver) {
    const description = this.#describeTransceiver(transceiver);
    if (!description) return;
    const track = transceiver.receiver.track;
    const existing = this.remoteTracks.get(description.trackId);
    if (existing?.track === track) return;
    if (existing) this.#dropRemoteTrack(description.trackId);
    const info = { muted: false, ...this.#knownTrack(description.trackId), ...description };
    const remote = { info, track, stream: new MediaStream([track]) };
    this.remoteTracks.set(description.trackId, remote);
    this.#emit('tracksubscribed', remote);
  }

  #dropRemoteTrack(trackId) {
    const remote = this.remoteTracks.get(trackId);
    if (!remote) return;
    this.remoteTracks.delete(trackId);
    this.#emit('trackunsubscribed', { info: remote.info });
  }

  // ---- publishing -----------------------------------------------------------------------------

  /**
   * Sends `mediaStreamTrack` as `source` on a new sendonly transceiver and renegotiates the publisher
   * connection. Resolves with the server's track object.
   */
  async publishTrack(mediaStreamTrack, source) {
    return this.#publish(mediaStreamTrack, source, false);
  }

  async #publish(mediaStreamTrack, source, owned) {
    if (this.closed) throw new SwitchyardError('closed', 'session is closed');
    if (!TRACK_SOURCES.includes(source)) throw new SwitchyardError('bad_request', `unknown source ${source}`);
    if (mediaStreamTrack?.kind !== SOURCE_KIND[source]) {
      throw new SwitchyardError('bad_request', `a ${source} track must be ${SOURCE_KIND[source]}`);
    }
    const pc = this.#ensurePublisher();
    const transceiver = pc.addTransceiver(mediaStreamTrack, { direction: 'sendonly' });
    const publication = {
      transceiver, track: mediaStreamTrack, source, info: null, muted: !mediaStreamTrack.enabled, owned,
    };
    this.#published.push(publication);
    // The device went away, or the user ended a screen share from the browser's own controls.
    mediaStreamTrack.addEventListener('ended', () => {
      if (!this.#published.includes(publication)) return;
      const stopping = source === 'screen' ? this.stopScreenShare() : this.unpublishTrack(mediaStreamTrack);
      stopping.catch(() => {});
    });
    try {
      await this.#negotiatePublisher();
    } catch (error) {
      this.#forget(publication);
      throw error;
    }
    if (!publication.info) {
      this.#forget(publication);
      throw new SwitchyardError('bad_sdp', `the server did not accept the ${source} track`, 'publish');
    }
    this.#emit('localtrackpublished', { track: publication.info, mediaStreamTrack });
    return publication.info;
  }

  /** Stops sending a published track, given as its MediaStreamTrack, track object or trackId. */
  async unpublishTrack(trackOrId, { stop = false } = {}) {
    const publication = this.#findPublication(trackOrId);
    if (!publication) return;
    this.#forget(publication);
    if (stop) publication.track.stop();
    if (this.closed) return;
    await this.#negotiatePublisher();
    this.#emit('localtrackunpublished', { track: publication.info, mediaStreamTrack: publication.track });
  }

  #findPublication(trackOrId) {
    const trackId = typeof trackOrId === 'string' ? trackOrId : trackOrId?.trackId;
    return this.#published.find((p) => p.track === trackOrId || (trackId && p.info?.trackId === trackId));
  }

  /** Removes a publication; its m-line becomes inactive at the next negotiation. */
  #forget(publication) {
    this.#published = this.#published.filter((p) => p !== publication);
    this.localStream?.removeTrack(publication.track);
    this.screenStream?.removeTrack(publication.track);
    if (this.publisher && this.publisher.signalingState !== 'closed') {
      try {
        this.publisher.removeTrack(publication.transceiver.sender);
      } catch {
        // The transceiver was never negotiated or is stopped; nothing to remove.
      }
    }
  }

  #ensurePublisher() {
    if (this.publisher) return this.publisher;
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    pc.addEventListener('icecandidate', (event) => {
      this.#outgoingCandidates.publisher.push(event.candidate ? event.candidate.toJSON() : null);
    });
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed' && !this.closed) {
        this.#negotiatePublisher({ iceRestart: true }).catch(() => {});
      }
    });
    this.publisher = pc;
    return pc;
  }

  /**
   * Queues an offer/answer round on the publisher connection. Rounds run one at a time; calls made
   * while a round is waiting to start share it, so several publishes become one offer.
   */
  #negotiatePublisher({ iceRestart = false } = {}) {
    if (iceRestart) this.#publisherIceRestart = true;
    if (this.#publisherQueued) return this.#publisherQueued;
    const round = this.#publisherChain.then(() => {
      this.#publisherQueued = null;
      return this.#runPublishRound();
    });
    this.#publisherQueued = round;
    this.#publisherChain = round.catch(() => {});
    return round;
  }

  async #runPublishRound() {
    if (this.closed) throw new SwitchyardError('closed', 'session is closed');
    const pc = this.#ensurePublisher();
    const iceRestart = this.#publisherIceRestart;
    this.#publisherIceRestart = false;
    const offer = await pc.createOffer({ iceRestart });
    await pc.setLocalDescription(offer);
    const sending = sendingMids(pc.localDescription.sdp);
    const tracks = [];
    const offered = [];
    for (const publication of this.#published) {
      const mid = publication.transceiver.mid;
      if (mid != null && sending.has(mid)) {
        tracks.push({ mid, source: publication.source });
        offered.push(publication);
      }
    }
    let answer;
    try {
      answer = await this.#exchangePublish({ type: 'publish', sdp: pc.localDescription.sdp, tracks });
      await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    } catch (error) {
      if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
      throw error;
    }
    this.#incomingCandidates.publisher.open();
    this.#adoptPublishedTracks(offered, answer.tracks ?? []);
  }

  /** Sends `publish` and resolves with its `publish_answer` (only one is ever in flight). */
  #exchangePublish(message) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => settle(reject, new SwitchyardError('timeout', 'no publish_answer')),
        this.#timeoutMs);
      const settle = (fn, value) => {
        clearTimeout(timer);
        this.#pendingPublish = null;
        fn(value);
      };
      this.#pendingPublish = { resolve: (v) => settle(resolve, v), reject: (e) => settle(reject, e) };
      if (!this.#send(message)) {
        this.#pendingPublish.reject(new SwitchyardError('closed', 'signaling socket is not open'));
        return;
      }
      this.#outgoingCandidates.publisher.open();
    });
  }

  #onPublishAnswer(message) {
    this.#pendingPublish?.resolve(message);
  }

  /**
   * Gives each newly offered publication its server track object: by `mid` when the server names it,
   * otherwise by kind and source in m-line order (the answer's track objects need not carry a mid).
   */
  #adoptPublishedTracks(offered, tracks) {
    const unassigned = tracks.filter((t) => !this.#published.some((p) => p.info?.trackId === t.trackId));
    for (const track of unassigned) {
      const publication = offered.find((p) => !p.info && (track.mid != null
        ? p.transceiver.mid === String(track.mid)
        : p.source === track.source && p.track.kind === track.kind));
      if (!publication) continue;
      publication.info = { ...track, muted: publication.muted };
      if (publication.muted) this.#send({ type: 'mute', trackId: track.trackId, muted: true });
    }
  }

  // ---- data channels --------------------------------------------------------------------------

  /**
   * Sends `data` (a string, ArrayBuffer, typed array or Blob) to everyone else in the room, or to the
   * participants `to` names (participant ids). `reliable` (default true): delivered whole and in order;
   * false: unordered and never retransmitted, for state that the next message replaces. Each receiver gets
   * a `datareceived` event {from, data, channel}. Messages sent before the channels are open wait for them.
   * Throws a SwitchyardError: `unauthorized` if the token does not grant data, `message_too_large` above the
   * connection's largest message, `closed` once the session or its data channels ended.
   */
  sendData(data, { reliable = true, to } = {}) {
    if (this.closed || !this.#data || !this.publisher) {
      throw new SwitchyardError('closed', 'this session has no data channels', 'data');
    }
    if (this.grants && this.grants.data === false) {
      throw new SwitchyardError('unauthorized', 'the access token does not grant sending data', 'data');
    }
    const limit = this.publisher.sctp?.maxMessageSize;
    const size = limit ? byteLength(data, limit) : 0;
    if (limit && size > limit) {
      throw new SwitchyardError('message_too_large',
        `a message of ${size} bytes exceeds the largest this connection carries, ${limit} bytes`, 'data');
    }
    if (Array.isArray(to) && to.length === 0) return; // Nobody to send to.
    const entry = this.#dataChannel(reliable, Array.isArray(to) ? [...new Set(to)].sort() : null);
    if (entry.channel.readyState === 'open') entry.channel.send(data);
    else if (entry.channel.readyState === 'connecting') entry.waiting.push(data);
    else throw new SwitchyardError('closed', `the ${entry.channel.label} data channel is closed`, 'data');
  }

  /** The default channels go into the next publisher offer; channels opened later need no renegotiation. */
  #openDataChannels() {
    const pc = this.#ensurePublisher();
    pc.addEventListener('datachannel', (event) => this.#receiveOn(event.channel));
    const reliable = this.#dataChannel(true, null).channel;
    const unreliable = this.#dataChannel(false, null).channel;
    const opened = (channel) => new Promise((resolve, reject) => {
      channel.addEventListener('open', resolve, { once: true });
      channel.addEventListener('close', () => reject(new SwitchyardError('closed', 'data channel closed')),
        { once: true });
    });
    this.dataReady = Promise.all([opened(reliable), opened(unreliable)]).then(() => undefined);
    this.dataReady.catch(() => {}); // A session that never sends need not handle it.
  }

  /** The sending channel for one reliability and audience (null: the room), opened on first use. */
  #dataChannel(reliable, audience) {
    const key = `${reliable ? RELIABLE_CHANNEL : UNRELIABLE_CHANNEL}|${audience?.join(',') ?? ''}`;
    let entry = this.#dataChannels.get(key);
    if (entry && entry.channel.readyState !== 'closed') return entry;
    const options = reliable ? { ordered: true } : { ordered: false, maxRetransmits: 0 };
    if (audience) options.protocol = NAMED_AUDIENCE_PREFIX + audience.join(',');
    const channel = this.publisher.createDataChannel(reliable ? RELIABLE_CHANNEL : UNRELIABLE_CHANNEL, options);
    channel.binaryType = 'arraybuffer';
    entry = { channel, waiting: [] };
    channel.addEventListener('open', () => {
      for (const message of entry.waiting.splice(0)) channel.send(message);
    });
    this.#dataChannels.set(key, entry);
    return entry;
  }

  /**
   * A channel the server opened carries one sender's messages; its protocol is the sender's id. Its closing is
   * reported with the reason the server gave by signaling (`data_channel_closed`) if that came first, else with
   * `closed` (the sender left or closed it) and, should the server's reason follow, again with that reason.
   */
  #receiveOn(channel) {
    channel.binaryType = 'arraybuffer';
    const from = channel.protocol;
    const key = `${from}|${channel.label}`;
    channel.addEventListener('message', (event) => {
      this.#emit('datareceived', { from, data: event.data, channel: channel.label });
    });
    channel.addEventListener('close', () => {
      const reason = this.#dataClosingReasons.get(key);
      this.#dataClosingReasons.set(key, null);
      if (!this.closed) this.#emit('datachannelclosed', { from, channel: channel.label, reason: reason ?? 'closed' });
    });
  }

  #onDataChannelClosed({ from, channel, reason }) {
    const key = `${from}|${channel}`;
    if (this.#dataClosingReasons.get(key) === null) {
      // The channel closed before this message came: tell the reason now.
      this.#dataClosingReasons.delete(key);
      this.#emit('datachannelclosed', { from, channel, reason });
    } else {
      this.#dataClosingReasons.set(key, reason);
    }
  }

  /** Opens the camera and/or microphone and publishes them in one negotiation. */
  async #publishDefaultMedia({ audio, video }) {
    const stream = await this.#openUserMedia({ audio, video });
    if (!stream) return;
    const pending = [];
    for (const track of stream.getTracks()) {
      pending.push(this.#publishLocal(track, track.kind === 'audio' ? 'microphone' : 'camera'));
    }
    await Promise.allSettled(pending);
  }

  async #openUserMedia({ audio, video }) {
    const constraints = { audio: audio || false, video: video === true ? CAMERA_CONSTRAINTS : (video || false) };
    try {
      return await navigator.mediaDevices.getUserMedia(constraints);
    } catch (error) {
      if (!(constraints.audio && constraints.video)) {
        this.#emitError('media', `cannot open ${constraints.audio ? 'microphone' : 'camera'}: ${error.message}`);
        return null;
      }
    }
    // One device may be missing or refused: publish what can be opened.
    const audioStream = await this.#openUserMedia({ audio, video: false });
    const videoStream = await this.#openUserMedia({ audio: false, video });
    const tracks = [...(audioStream?.getTracks() ?? []), ...(videoStream?.getTracks() ?? [])];
    return tracks.length > 0 ? new MediaStream(tracks) : null;
  }

  async #publishLocal(track, source) {
    this.localStream ??= new MediaStream();
    this.localStream.addTrack(track);
    try {
      return await this.#publish(track, source, true);
    } catch (error) {
      track.stop();
      this.#emitError(error.code ?? 'negotiation', `cannot publish ${source}: ${error.message}`, 'publish');
      return null;
    }
  }

  // ---- local controls -------------------------------------------------------------------------

  /** Enables or mutes the microphone, opening and publishing one if none is published yet. */
  setMicrophoneEnabled(enabled) {
    return this.#setSourceEnabled('microphone', enabled);
  }

  /** Enables or mutes the camera, opening and publishing one if none is published yet. */
  setCameraEnabled(enabled) {
    return this.#setSourceEnabled('camera', enabled);
  }

  /** Whether the microphone is published and not muted. */
  get microphoneEnabled() {
    return this.#isSourceEnabled('microphone');
  }

  /** Whether the camera is published and not muted. */
  get cameraEnabled() {
    return this.#isSourceEnabled('camera');
  }

  /** Whether a screen share is published. */
  get screenSharing() {
    return this.#published.some((p) => p.source === 'screen');
  }

  #isSourceEnabled(source) {
    const publication = this.#published.find((p) => p.source === source);
    return Boolean(publication && !publication.muted);
  }

  async #setSourceEnabled(source, enabled) {
    const publication = this.#published.find((p) => p.source === source);
    if (!publication) {
      if (!enabled) return;
      const kind = SOURCE_KIND[source];
      const stream = await this.#openUserMedia({ audio: kind === 'audio', video: kind === 'video' });
      const track = stream?.getTracks()[0];
      if (track) await this.#publishLocal(track, source);
      return;
    }
    this.#setMuted(publication, !enabled);
  }

  #setMuted(publication, muted) {
    publication.track.enabled = !muted;
    if (publication.muted === muted) return;
    publication.muted = muted;
    if (!publication.info) return; // The answer to the pending publish sends the state.
    publication.info.muted = muted;
    this.#send({ type: 'mute', trackId: publication.info.trackId, muted });
    this.#emit('trackmuted', { info: publication.info, muted });
  }

  /** Asks the user for a screen (getDisplayMedia) and publishes it as `screen` (and its audio). */
  async startScreenShare({ audio = false } = {}) {
    if (this.screenSharing) return this.#published.find((p) => p.source === 'screen').info;
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio });
    this.screenStream = stream;
    const [video] = stream.getVideoTracks();
    const [sound] = stream.getAudioTracks();
    const published = await Promise.all([
      this.#publish(video, 'screen', true),
      sound ? this.#publish(sound, 'screen_audio', true) : null,
    ].filter(Boolean)).catch((error) => {
      for (const track of stream.getTracks()) track.stop();
      this.stopScreenShare().catch(() => {});
      throw error;
    });
    return published[0];
  }

  /** Stops the screen share and its audio. */
  async stopScreenShare() {
    const shares = this.#published.filter((p) => p.source === 'screen' || p.source === 'screen_audio');
    await Promise.all(shares.map((p) => this.unpublishTrack(p.track, { stop: true })));
    this.screenStream = null;
  }

  /** Forces ICE restarts on both connections (normally done automatically when ICE fails). */
  restartIce() {
    this.#send({ type: 'restart_ice', target: 'subscriber' });
    if (this.publisher) return this.#negotiatePublisher({ iceRestart: true });
    return Promise.resolve();
  }

  /** Leaves the room and releases the connections and the local devices this SDK opened. */
  leave() {
    if (this.closed) return;
    this.#send({ type: 'leave' });
    this.#teardown('left');
  }

  // ---- losing and resuming the signaling socket ------------------------------------------------

  /**
   * The socket closed without this client leaving. The media connections stay up; the session reconnects with
   * backoff and resumes its participant (`resume`), sending what was asked meanwhile once `resumed` arrives.
   * After a `server_shutdown` it waits the time the server asked for. It gives up after RESUME_GIVE_UP_MS.
   */
  #connectionLost(socket, reason) {
    if (this.closed || socket !== this.#socket) return;
    this.#socket = null;
    if (this.#resumeToken == null) {
      this.#teardown(reason);
      return;
    }
    if (!this.#away) {
      this.#away = { since: Date.now(), attempt: 0, timer: 0, queue: [] };
      this.#emit('reconnecting', { reason });
    }
    // A server that announced its shutdown is gone for the time it said; otherwise try at once, then back off.
    const notice = this.#shutdownNotice;
    this.#shutdownNotice = null;
    const announced = notice ? Math.max(0, notice.at + notice.retryAfterMs - Date.now()) : 0;
    const backoff = this.#away.attempt === 0
      ? 0 : Math.min(RESUME_FIRST_DELAY_MS * 2 ** this.#away.attempt, RESUME_MAX_DELAY_MS);
    this.#away.timer = setTimeout(() => this.#tryResume(reason), Math.max(announced, backoff));
  }

  #tryResume(reason) {
    if (this.closed || !this.#away) return;
    if (Date.now() - this.#away.since > RESUME_GIVE_UP_MS) {
      this.#teardown(`${reason}; no connection to the server for ${RESUME_GIVE_UP_MS / 1000} s`);
      return;
    }
    this.#away.attempt += 1;
    let socket;
    try {
      socket = new WebSocket(this.#url);
    } catch (error) {
      this.#teardown(`cannot reconnect: ${error.message}`);
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ type: 'resume', participantId: this.participantId,
        resumeToken: this.#resumeToken }));
    });
    socket.addEventListener('message', (event) => this.#onMessage(event.data));
    socket.addEventListener('close', (event) => {
      this.#connectionLost(socket, event.reason || `signaling socket closed (code ${event.code})`);
    });
  }

  #onResumed() {
    const away = this.#away;
    if (!away) return;
    this.#away = null;
    clearTimeout(away.timer);
    for (const message of away.queue) this.#send(message);
    this.#emit('reconnected', {});
  }

  /**
   * The server no longer knows this participant (it restarted, or the grace period passed), and the media
   * connections went with it: joins again with the same room, name and token, as a new participant, and
   * publishes the same local tracks anew. The others see the old participant leave and the new one join; this
   * session reports its remote participants leaving and coming back ('rejoining', then 'rejoined').
   */
  async #rejoin(reason) {
    const republish = this.#published.map(({ track, source, owned }) => ({ track, source, owned }));
    this.#emit('rejoining', { reason });
    for (const participantId of [...this.participants.keys()]) this.#onParticipantLeft(participantId);
    for (const trackId of [...this.remoteTracks.keys()]) this.#dropRemoteTrack(trackId);
    this.#published = [];
    this.publisher?.close();
    this.subscriber?.close();
    this.publisher = null;
    this.subscriber = null;
    for (const gate of [...Object.values(this.#outgoingCandidates), ...Object.values(this.#incomingCandidates)]) {
      gate.close();
    }
    this.#outgoingCandidates = this.#newOutgoingGates();
    this.#incomingCandidates = this.#newIncomingGates();
    this.#subscriberMids.clear();
    this.#wanted.clear();
    this.#gone.clear();
    this.#pendingPublish = null;
    this.#publisherQueued = null;
    this.#publisherIceRestart = false;
    this.#publisherChain = Promise.resolve();
    this.#subscriberChain = Promise.resolve();
    if (this.#away) clearTimeout(this.#away.timer);
    this.#away = null;
    this.#resumeToken = null;
    this.participantId = null;
    try {
      await this.#join(this.#url, this.#joinOptions);
    } catch {
      return; // The failed join closed the session and said why.
    }
    for (const participant of this.participants.values()) {
      this.#emit('participantjoined', { participant });
      for (const track of participant.tracks) this.#emit('trackpublished', { track });
    }
    this.#dataChannels.clear();
    this.#dataClosingReasons.clear();
    if (this.#data) this.#openDataChannels();
    if (republish.length > 0) {
      await Promise.allSettled(republish.map(({ track, source, owned }) => this.#publish(track, source, owned)));
    } else if (this.#data) {
      await this.#negotiatePublisher().catch(() => {});
    }
    this.#emit('rejoined', { participantId: this.participantId });
  }

  #newOutgoingGates() {
    return {
      publisher: new CandidateGate((c) => this.#send({ type: 'candidate', target: 'publisher', candidate: c })),
      subscriber: new CandidateGate((c) => this.#send({ type: 'candidate', target: 'subscriber', candidate: c })),
    };
  }

  #newIncomingGates() {
    return {
      publisher: new CandidateGate((c) => this.#addRemoteCandidate(this.publisher, c)),
      subscriber: new CandidateGate((c) => this.#addRemoteCandidate(this.subscriber, c)),
    };
  }

  #onServerShutdown(message) {
    const retryAfterMs = Number(message.retryAfterMs) || 0;
    this.#shutdownNotice = { at: Date.now(), retryAfterMs };
    this.#emit('servershutdown', { reason: message.reason ?? '', retryAfterMs });
  }

  // ---- ICE candidates -------------------------------------------------------------------------

  #onRemoteCandidate({ target, candidate }) {
    const gate = this.#incomingCandidates[target];
    if (gate) gate.push(candidate ?? null);
  }

  async #addRemoteCandidate(pc, candidate) {
    if (!pc || pc.signalingState === 'closed') return;
    try {
      // A null candidate is end-of-candidates; addIceCandidate() without one signals it.
      await (candidate ? pc.addIceCandidate(candidate) : pc.addIceCandidate());
    } catch (error) {
      this.#emitError('ice', `remote candidate rejected: ${error.message}`, 'candidate');
    }
  }

  // ---- teardown -------------------------------------------------------------------------------

  #teardown(reason) {
    if (this.closed) return;
    this.closed = true;
    if (this.#away) clearTimeout(this.#away.timer);
    this.#away = null;
    const socket = this.#socket;
    this.#socket = null;
    if (socket && socket.readyState < 2) socket.close(1000);
    this.#pendingPublish?.reject(new SwitchyardError('closed', reason));
    for (const gate of [...Object.values(this.#outgoingCandidates), ...Object.values(this.#incomingCandidates)]) {
      gate.close();
    }
    for (const publication of this.#published) {
      if (publication.owned) publication.track.stop();
    }
    this.#published = [];
    this.publisher?.close();
    this.subscriber?.close();
    this.remoteTracks.clear();
    this.#wanted.clear();
    if (this.participantId != null) this.#emit('closed', { reason });
  }
}

/** The mids of the m-sections that send media in `sdp` (port not 0, direction sendonly or sendrecv). */
export function sendingMids(sdp) {
  const mids = new Set();
  for (const section of sdp.split(/\r?\n(?=m=)/).filter((s) => s.startsWith('m='))) {
    const lines = section.split(/\r?\n/);
    const port = lines[0].split(' ')[1];
    const mid = lines.find((l) => l.startsWith('a=mid:'))?.slice('a=mid:'.length).trim();
    const direction = lines.find((l) => /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/.test(l))?.slice(2).trim()
      ?? 'sendrecv';
    if (mid != null && port !== '0' && (direction === 'sendonly' || direction === 'sendrecv')) mids.add(mid);
  }
  return mids;
}

/**
 * The bytes a data channel message takes: UTF-8 for strings, encoded only when it could exceed `limit` (a UTF-16
 * code unit takes at most 3 UTF-8 bytes), so that small messages cost no copy.
 */
function byteLength(data, limit) {
  if (typeof data === 'string') {
    return data.length * 3 <= limit ? data.length : new TextEncoder().encode(data).byteLength;
  }
  if (data instanceof Blob) return data.size;
  return data.byteLength ?? 0;
}
