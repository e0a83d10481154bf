// A participant's data channels on libdatachannel (npm node-datachannel, usrsctp underneath), driven over
// stdin/stdout with JSON lines, for tests of Switchyard's SCTP and data channel routing against a stack nobody
// here wrote.
//
// Usage: node data-peer.mjs <name>
//
// It opens the reliable ordered channel "messages" before its offer, so the offer carries a data channel m-line.
// stdout: {"event":"offer","sdp":...} once ICE gathering is complete; {"event":"open","label":...} when a channel
//         it opened is open; for every message received, {"event":"received-<from>-<label>","count":n,
//         "outOfOrder":k} where <from> is the channel's protocol (the sender, as the server names it) and messages
//         are the sender's running numbers; {"event":"large","from":...,"bytes":n,"intact":bool} for a binary
//         message; {"event":"sent","label":...,"count":n}.
// stdin:  {"answer":"<sdp>"}; {"open":"<label>","protocol":"...","maxRetransmits":n} (optional members);
//         {"send":"<label>","count":n} sends n text messages "0", "1", …; {"large":"<label>","bytes":n} sends one
//         binary message of n patterned bytes; {"close":true} (or end of input) exits.
import { createInterface } from 'node:readline';
import nodeDataChannel from 'node-datachannel';

const LIFETIME_MS = 90_000;
const name = process.argv[2] ?? 'peer';

const report = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const patternByte = (index) => (index * 7 + 3) & 0xff;

nodeDataChannel.initLogger('Warning', (level, message) => console.error(`libdatachannel ${level}: ${message}`));

// Only 127.0.0.1, no STUN/TURN: the test must not depend on (or leak to) any other interface.
const peer = new nodeDataChannel.PeerConnection(name, { iceServers: [], bindAddress: '127.0.0.1' });
const channels = new Map();
const receivedBy = new Map();

function watch(channel) {
  channel.onMessage((message) => {
    const from = channel.getProtocol();
    if (typeof message === 'string') {
      const key = `${from}-${channel.getLabel()}`;
      const state = receivedBy.get(key) ?? { count: 0, outOfOrder: 0 };
      if (Number(message) !== state.count) state.outOfOrder++;
      state.count++;
      receivedBy.set(key, state);
      report({ event: `received-${key}`, count: state.count, outOfOrder: state.outOfOrder });
    } else {
      const bytes = Buffer.from(message);
      let intact = true;
      for (let i = 0; i < bytes.length && intact; i++) intact = bytes[i] === patternByte(i);
      report({ event: 'large', from, bytes: bytes.length, intact });
    }
  });
}

function open(label, options = {}) {
  const channel = peer.createDataChannel(label, options);
  channels.set(label, channel);
  channel.onOpen(() => report({ event: 'open', label }));
  watch(channel);
  return channel;
}

peer.onDataChannel((channel) => watch(channel));
peer.onStateChange((state) => report({ event: 'state', state }));
peer.onGatheringStateChange((state) => {
  if (state === 'complete') {
    report({ event: 'offer', sdp: peer.localDescription().sdp });
  }
});
// The first channel makes libdatachannel create its offer, data channel m-line included.
open('messages');

function exit(code) {
  channels.forEach((channel) => channel.close());
  peer.close();
  nodeDataChannel.cleanup();
  process.exit(code);
}

setTimeout(() => {
  console.error(`data peer ${name}: still running after ${LIFETIME_MS} ms, giving up`);
  exit(1);
}, LIFETIME_MS);

const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  const command = JSON.parse(line);
  if (command.answer !== undefined) {
    peer.setRemoteDescription(command.answer, 'answer');
  } else if (command.open !== undefined) {
    const options = { protocol: command.protocol ?? '' };
    if (command.maxRetransmits !== undefined) options.maxRetransmits = command.maxRetransmits;
    open(command.open, options);
  } else if (command.send !== undefined) {
    const channel = channels.get(command.send);
    for (let i = 0; i < command.count; i++) {
      channel.sendMessage(String(i)); // false only means "buffered", not refused
    }
    report({ event: 'sent', label: command.send, count: command.count });
  } else if (command.large !== undefined) {
    const bytes = Buffer.alloc(command.bytes);
    for (let i = 0; i < bytes.length; i++) bytes[i] = patternByte(i);
    channels.get(command.large).sendMessageBinary(bytes);
    report({ event: 'sent', label: command.large, count: 1 });
  } else if (command.close) {
    exit(0);
  }
});
commands.on('close', () => exit(0));
