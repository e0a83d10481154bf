// Evaluated by the data channel end-to-end tests inside a page (Browser.asyncScript), through the page's SDK
// session (window.switchyard). arguments[0] names the command, the following arguments are its parameters and
// the last one is WebDriver's completion callback. Messages are JSON text {n, t}: the sender's running number
// on that channel and its Date.now() at sending, so a receiver can tell order, gaps and delivery latency.
const done = arguments[arguments.length - 1];
const [command, ...params] = Array.prototype.slice.call(arguments, 0, -1);

// The large message's content: a pattern the receiver checks byte by byte.
const patternByte = (index) => (index * 7 + 3) & 0xff;

const commands = {
  // Starts recording what arrives, forgetting what was recorded before; resolves once this page's own data
  // channels are open.
  async record() {
    const session = window.switchyard;
    window.e2eData = { byKey: {}, large: [] };
    if (window.e2eDataRecording) return session.dataReady.then(() => true);
    window.e2eDataRecording = true;
    session.addEventListener('datareceived', ({ detail }) => {
      const now = Date.now();
      if (typeof detail.data !== 'string') {
        const bytes = new Uint8Array(detail.data);
        let intact = true;
        for (let i = 0; i < bytes.length && intact; i++) intact = bytes[i] === patternByte(i);
        window.e2eData.large.push({ from: detail.from, bytes: bytes.length, intact });
        return;
      }
      let message;
      try {
        message = JSON.parse(detail.data);
      } catch {
        return; // Not one of the test's messages (the demo's chat, for instance).
      }
      if (typeof message.n !== 'number') return;
      const key = `${detail.from}|${detail.channel}`;
      const entry = window.e2eData.byKey[key] ??= {
        count: 0, outOfOrder: 0, last: -1, latencies: [], longestGapMs: 0, lastAt: 0,
      };
      if (message.n <= entry.last) entry.outOfOrder++;
      if (entry.lastAt > 0) entry.longestGapMs = Math.max(entry.longestGapMs, now - entry.lastAt);
      entry.lastAt = now;
      entry.last = Math.max(entry.last, message.n);
      entry.count++;
      entry.latencies.push(now - message.t);
    });
    await session.dataReady;
    return true;
  },

  // Sends `count` messages on the reliable or unreliable channel: all at once in slices of 500 (letting the
  // page breathe between slices) when intervalMs is 0, otherwise one per interval in the background.
  async send(count, reliable, intervalMs) {
    const session = window.switchyard;
    const sendOne = (n) => session.sendData(JSON.stringify({ n, t: Date.now() }), { reliable });
    if (intervalMs > 0) {
      let n = 0;
      const timer = setInterval(() => {
        sendOne(n++);
        if (n >= count) clearInterval(timer);
      }, intervalMs);
      return true;
    }
    for (let n = 0; n < count; n++) {
      sendOne(n);
      if (n % 500 === 499) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return true;
  },

  // Sends one binary message of `bytes` patterned bytes; returns the SDK's error code if it refused it.
  async sendLarge(bytes) {
    const data = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) data[i] = patternByte(i);
    try {
      window.switchyard.sendData(data.buffer);
      return 'sent';
    } catch (error) {
      return error.code ?? String(error);
    }
  },

  // What arrived: per `<sender>|<channel>` the count, reorderings, longest silence and latency percentiles.
  async stats() {
    const result = {};
    for (const [key, entry] of Object.entries(window.e2eData.byKey)) {
      const sorted = [...entry.latencies].sort((a, b) => a - b);
      const percentile = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : -1);
      result[key] = {
        count: entry.count, outOfOrder: entry.outOfOrder, longestGapMs: entry.longestGapMs,
        p50: percentile(0.5), p99: percentile(0.99),
      };
    }
    return { byKey: result, large: window.e2eData.large };
  },
};

commands[command](...params).then(done, (error) => done({ probeError: String(error) }));
