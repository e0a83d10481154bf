// Installed before the page's own scripts (FirstFrameMeasurement): records, in milliseconds since the page
// started loading, each step a joining page takes towards its first remote video frame. Everything is read
// from the browser itself: signaling messages as the WebSocket delivered them, connection states, and the
// receiver's own inbound-rtp counters.
(() => {
  const timeline = { messages: {}, connections: [] };
  window.switchyardJoinTimeline = timeline;
  const once = (target, key) => {
    if (target[key] === undefined) target[key] = performance.now();
  };

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      once(timeline, 'socketCreated');
      this.addEventListener('open', () => once(timeline, 'socketOpen'));
      this.addEventListener('message', (event) => {
        try {
          once(timeline.messages, JSON.parse(event.data).type);
        } catch (e) {
          // Not JSON: nothing this timeline records.
        }
      });
    }
  };

  // Polls one receiver until it decoded a frame: the first packet, the first complete frame (the server
  // forwards a new subscription from a keyframe on, so that frame is the keyframe) and the first decoded one.
  async function watchReceiver(connection, receiver) {
    while (connection.framesDecoded === undefined) {
      const stats = await receiver.getStats();
      stats.forEach((s) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.packetsReceived > 0) once(connection, 'firstPacket');
        if (s.framesReceived > 0) once(connection, 'firstFrameComplete');
        if (s.framesDecoded > 0) once(connection, 'framesDecoded');
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      const connection = { created: performance.now() };
      timeline.connections.push(connection);
      this.addEventListener('icecandidate', () => once(connection, 'firstCandidate'));
      this.addEventListener('iceconnectionstatechange', () => {
        if (this.iceConnectionState === 'checking') once(connection, 'iceChecking');
        if (this.iceConnectionState === 'connected' || this.iceConnectionState === 'completed') {
          once(connection, 'iceConnected');
        }
      });
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected') once(connection, 'dtlsConnected');
      });
      const setLocalDescription = this.setLocalDescription.bind(this);
      this.setLocalDescription = async (...description) => {
        const result = await setLocalDescription(...description);
        once(connection, 'localDescriptionSet');
        return result;
      };
      this.addEventListener('track', (event) => {
        if (event.track.kind !== 'video' || connection.videoTrack !== undefined) return;
        once(connection, 'videoTrack');
        watchReceiver(connection, event.receiver);
      });
    }
  };
})();
