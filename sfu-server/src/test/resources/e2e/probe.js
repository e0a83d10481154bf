// Evaluated by the end-to-end tests inside a page (ChromiumBrowser.asyncScript). It reports what the
// browser itself measured (RTCPeerConnection.getStats, <video>.videoWidth), never what the application
// believes it received. arguments[0] names the probe, the following arguments are its parameters and the
// last one is WebDriver's completion callback.
const done = arguments[arguments.length - 1];
const [probeName, ...params] = Array.prototype.slice.call(arguments, 0, -1);

// inbound-rtp counters of one connection keyed by the receiving MediaStreamTrack's id.
async function inboundByTrackId(pc) {
  const byTrack = new Map();
  if (!pc) return byTrack;
  (await pc.getStats()).forEach((s) => {
    if (s.type === 'inbound-rtp' && s.trackIdentifier) {
      byTrack.set(s.trackIdentifier, {
        framesDecoded: s.framesDecoded || 0,
        frameWidth: s.frameWidth || 0,
        packetsReceived: s.packetsReceived || 0,
        totalSamplesReceived: s.totalSamplesReceived || 0,
      });
    }
  });
  return byTrack;
}

// The media element showing a track; other elements (tiles) may carry the same data attributes.
function elementFor(attributes) {
  const el = document.querySelector(`video${attributes}, audio${attributes}`);
  return {
    element: el ? el.tagName.toLowerCase() : null,
    elementSource: el && el.dataset.source ? el.dataset.source : null,
    videoWidth: el && el.tagName === 'VIDEO' ? el.videoWidth : 0,
  };
}

function describeTrack(id, participantId, kind, source, track, stats, attributes) {
  const counters = stats.get(track.id)
    || { framesDecoded: 0, frameWidth: 0, packetsReceived: 0, totalSamplesReceived: 0 };
  return Object.assign({ trackId: id, participantId, kind, source, readyState: track.readyState },
    counters, elementFor(attributes));
}

function participantIds(session) {
  const participants = session.participants;
  if (!participants) return [];
  if (participants instanceof Map) return Array.from(participants.keys());
  if (Array.isArray(participants)) return participants.map((p) => p.participantId);
  return Object.keys(participants);
}

// What of a participant is still visible: its session entry, remote tracks and media elements.
function tracesOf(participantId) {
  const session = window.switchyard;
  const remaining = [];
  if (participantIds(session).includes(participantId)) remaining.push('participants entry');
  for (const [trackId, remote] of session.remoteTracks) {
    if (remote.info.participantId === participantId) remaining.push('remoteTracks ' + trackId);
  }
  const attributes = `[data-participant-id="${CSS.escape(participantId)}"]`;
  document.querySelectorAll(`video${attributes}, audio${attributes}`)
    .forEach((el) => remaining.push(`<${el.tagName.toLowerCase()} data-track-id=${el.dataset.trackId}>`));
  return remaining;
}

const probes = {
  // What the subscriber connection's video receivers went through: frozen time, NACKs sent, losses, repairs.
  async subscriberVideoReceiveState() {
    const pc = window.switchyard && window.switchyard.subscriber;
    const state = { framesDecoded: 0, totalFreezesDuration: 0, freezeCount: 0, nackCount: 0, packetsLost: 0,
      packetsReceived: 0, retransmittedPacketsReceived: 0 };
    if (!pc) return state;
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') {
        for (const key of Object.keys(state)) state[key] += s[key] || 0;
      }
    });
    return state;
  },

  // What the publisher connection's own congestion control decided: the video sender's target bitrate, why
  // (or whether) its quality is limited, the resolution it sends, and the estimate of the path.
  async publisherSendState() {
    const pc = window.switchyard && window.switchyard.publisher;
    const state = { targetBitrate: 0, qualityLimitationReason: null, frameWidth: 0, frameHeight: 0,
      bytesSent: 0, availableOutgoingBitrate: 0 };
    if (!pc) return state;
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'outbound-rtp' && s.kind === 'video') {
        state.targetBitrate = Math.max(state.targetBitrate, s.targetBitrate || 0);
        state.qualityLimitationReason = s.qualityLimitationReason || state.qualityLimitationReason;
        state.frameWidth = Math.max(state.frameWidth, s.frameWidth || 0);
        state.frameHeight = Math.max(state.frameHeight, s.frameHeight || 0);
        state.bytesSent += s.bytesSent || 0;
      } else if (s.type === 'candidate-pair' && s.nominated && s.availableOutgoingBitrate) {
        state.availableOutgoingBitrate = s.availableOutgoingBitrate;
      }
    });
    return state;
  },

  // When the subscriber connection will play out its newest audio and video samples (estimatedPlayoutTimestamp,
  // NTP milliseconds of the sender's clock, known once sender reports arrived): a map kind -> timestamp.
  async subscriberPlayoutTimestamps() {
    const pc = window.switchyard && window.switchyard.subscriber;
    const playout = {};
    if (!pc) return playout;
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'inbound-rtp' && s.estimatedPlayoutTimestamp) playout[s.kind] = s.estimatedPlayoutTimestamp;
    });
    return playout;
  },

  // The local UDP port of the publisher connection's selected candidate pair: the page's media uplink.
  async publisherLocalPort() {
    const pc = window.switchyard && window.switchyard.publisher;
    if (!pc) return null;
    const stats = await pc.getStats();
    let pairId = null;
    stats.forEach((s) => { if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId; });
    const pair = pairId && stats.get(pairId);
    const local = pair && stats.get(pair.localCandidateId);
    return local ? local.port : null;
  },

  // The SDK session's remote tracks with their decoding counters and media elements.
  async sfuTracks() {
    const session = window.switchyard;
    if (!session || !session.remoteTracks) return [];
    const stats = await inboundByTrackId(session.subscriber);
    const tracks = [];
    for (const [trackId, remote] of session.remoteTracks) {
      tracks.push(describeTrack(trackId, remote.info.participantId, remote.info.kind, remote.info.source,
        remote.track, stats, `[data-track-id="${CSS.escape(trackId)}"]`));
    }
    return tracks;
  },

  // Records the session's events from now on, for the log kept when the page closes.
  async sfuStartJournal() {
    const session = window.switchyard;
    window.e2eJournal = [];
    const types = ['participantjoined', 'participantleft', 'trackpublished', 'trackunpublished',
      'tracksubscribed', 'trackunsubscribed', 'trackmuted', 'localtrackpublished', 'localtrackunpublished',
      'error', 'closed', 'servershutdown', 'reconnecting', 'reconnected', 'rejoining', 'rejoined'];
    for (const type of types) {
      session.addEventListener(type, (event) => {
        const detail = JSON.stringify(event.detail, (key, value) =>
          (value instanceof MediaStreamTrack || value instanceof MediaStream ? `[${key}]` : value));
        // Wall-clock time: comparable between the browsers of one machine.
        window.e2eJournal.push(`${new Date().toISOString()} ${type} ${detail}`);
      });
    }
    return true;
  },

  // Where each connection of the session stands, for a failing test to print.
  async sfuConnectionStates() {
    const session = window.switchyard;
    const describe = (pc) => (pc ? {
      signaling: pc.signalingState, ice: pc.iceConnectionState, connection: pc.connectionState,
      mids: pc.getTransceivers().map((t) => `${t.mid}:${t.currentDirection}`).join(' '),
    } : null);
    return JSON.stringify({ publisher: describe(session?.publisher), subscriber: describe(session?.subscriber) });
  },

  async sfuJournal() {
    return (window.e2eJournal || []).join('\n');
  },

  async sfuSession() {
    const session = window.switchyard;
    const metrics = window.switchyardMetrics || {};
    return {
      participantId: session ? session.participantId || null : null,
      identity: session ? session.identity : null,
      developmentMode: session ? session.developmentMode : null,
      sendingTracks: session && session.publisher
        ? session.publisher.getSenders().filter((sender) => sender.track).length : 0,
      joinStatus: document.getElementById('join-status')?.textContent || '',
      leftReason: document.getElementById('left-reason')?.textContent || '',
      participants: session ? participantIds(session) : [],
      pageLoadedAt: metrics.pageLoadedAt == null ? null : metrics.pageLoadedAt,
      firstRemoteFrameAt: metrics.firstRemoteFrameAt == null ? null : metrics.firstRemoteFrameAt,
    };
  },

  async sfuTracesOf(participantId) {
    return tracesOf(participantId);
  },

  // Watches in the page, every 10 ms, for a participant to vanish: the time it did is then free of
  // WebDriver's round trips. sfuDepartureSeenAt reads it.
  async sfuWatchDeparture(participantId) {
    window.e2eDeparture = new Promise((resolve) => {
      const check = () => (tracesOf(participantId).length === 0 ? resolve(Date.now()) : setTimeout(check, 10));
      check();
    });
    return true;
  },

  async sfuDepartureSeenAt(timeoutMillis) {
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), timeoutMillis));
    return Promise.race([window.e2eDeparture, timeout]);
  },

  // Keeps the receiving tracks of a participant so that they can still be inspected after it left.
  async sfuHoldTracksOf(participantId) {
    window.e2eHeld = [];
    for (const [trackId, remote] of window.switchyard.remoteTracks) {
      if (remote.info.participantId === participantId) {
        window.e2eHeld.push({ trackId, info: remote.info, track: remote.track });
      }
    }
    return window.e2eHeld.length;
  },

  async sfuHeldTracks() {
    const stats = await inboundByTrackId(window.switchyard.subscriber);
    return window.e2eHeld.map((held) => describeTrack(held.trackId, held.info.participantId, held.info.kind,
      held.info.source, held.track, stats, `[data-track-id="${CSS.escape(held.trackId)}"]`));
  },

  // Stops the screen share published by sfuPublishScreen.
  async sfuStopScreen() {
    clearInterval(window.e2eScreen.timer);
    await window.switchyard.stopScreenShare();
    return true;
  },

  // How many transceivers (m-lines) the subscriber connection has.
  async subscriberTransceiverCount() {
    const pc = window.switchyard && window.switchyard.subscriber;
    return pc ? pc.getTransceivers().length : 0;
  },

  // Publishes an animated canvas as a screen share, the way an application shares generated content.
  async sfuPublishScreen() {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const ctx = canvas.getContext('2d');
    let frame = 0;
    const timer = setInterval(() => {
      frame += 1;
      ctx.fillStyle = `hsl(${(frame * 7) % 360}, 70%, 50%)`;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = '#fff';
      ctx.fillRect((frame * 4) % canvas.width, 100, 40, 40);
    }, 50);
    const track = canvas.captureStream(20).getVideoTracks()[0];
    window.e2eScreen = { canvas, timer, track };
    await window.switchyard.publishTrack(track, 'screen');
    return track.id;
  },

  // Returns the wall-clock time at which leaving began.
  async sfuLeave() {
    const leftAt = Date.now();
    window.switchyard.leave();
    return leftAt;
  },

  async meshState() {
    return { joined: window.mesh.joined, peers: Array.from(window.mesh.peers.keys()), errors: window.mesh.errors,
      greetedBy: window.mesh.messages.map((message) => message.hello) };
  },

  // The mesh test page's remote tracks, one connection per peer.
  async meshTracks() {
    const tracks = [];
    for (const [peerId, peer] of window.mesh.peers) {
      const stats = await inboundByTrackId(peer.pc);
      for (const track of peer.stream.getTracks()) {
        const source = track.kind === 'audio' ? 'microphone' : 'camera';
        tracks.push(describeTrack(track.id, peerId, track.kind, source, track, stats,
          `[data-peer-id="${CSS.escape(peerId)}"][data-kind="${track.kind}"]`));
      }
    }
    return tracks;
  },
};

Promise.resolve()
  .then(() => probes[probeName](...params))
  .then(done, (e) => done({ probeError: String(e && e.stack ? e.stack : e) }));
