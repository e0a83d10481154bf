// A WebRTC peer built on libdatachannel (npm node-datachannel), driven over stdin/stdout with JSON lines, for
// interoperability tests of Switchyard's transport. libdatachannel does ICE (libjuice), DTLS and SRTP itself;
// this script only hands it plain RTP packets and checks the plain RTP packets it gets back.
//
// Usage: node interop-peer.mjs <localSsrc> <remoteSsrc> <payloadLength>
//
// stdout: {"event":"offer","sdp":...} once ICE gathering is complete, then {"event":"open"} when the track can
//         carry media, {"event":"sent","count":n} after a send command, and one {"event":"rtp",...} line per RTP
//         packet received, carrying the running counts of intact and corrupt packets.
// stdin:  {"answer":"<sdp>"}, then {"send":n} to send n packets, then {"close":true} (or end of input) to exit.
import { createInterface } from 'node:readline';
import nodeDataChannel from 'node-datachannel';

const PAYLOAD_TYPE = 96;
const MID = '0';
const LIFETIME_MS = 60_000;

const [localSsrc, remoteSsrc, payloadLength] = process.argv.slice(2).map(Number);
if (![localSsrc, remoteSsrc, payloadLength].every(Number.isInteger)) {
  console.error('usage: node interop-peer.mjs <localSsrc> <remoteSsrc> <payloadLength>');
  process.exit(2);
}

const report = (event) => process.stdout.write(JSON.stringify(event) + '\n');

// Shared with the Java side (TestPackets): a payload byte derived from the sequence number and its index.
const patternByte = (sequenceNumber, index) => (sequenceNumber * 31 + index * 7) & 0xff;

// RFC 3550 §5.1 fixed header, then the pattern; the timestamp is derived from the sequence number too.
function rtpPacket(sequenceNumber) {
  const packet = Buffer.alloc(12 + payloadLength);
  packet[0] = 0x80;
  packet[1] = PAYLOAD_TYPE;
  packet.writeUInt16BE(sequenceNumber, 2);
  packet.writeUInt32BE((sequenceNumber * 3000) >>> 0, 4);
  packet.writeUInt32BE(localSsrc >>> 0, 8);
  for (let i = 0; i < payloadLength; i++) {
    packet[12 + i] = patternByte(sequenceNumber, i);
  }
  return packet;
}

function isIntactRtp(packet) {
  if (packet.length !== 12 + payloadLength || packet[0] !== 0x80 || (packet[1] & 0x7f) !== PAYLOAD_TYPE
      || packet.readUInt32BE(8) !== remoteSsrc >>> 0) {
    return false;
  }
  const sequenceNumber = packet.readUInt16BE(2);
  if (packet.readUInt32BE(4) !== (sequenceNumber * 3000) >>> 0) {
    return false;
  }
  for (let i = 0; i < payloadLength; i++) {
    if (packet[12 + i] !== patternByte(sequenceNumber, i)) {
      return false;
    }
  }
  return true;
}

// RFC 5761 §4: with rtcp-mux the track also hands over RTCP, whose packet types 192–223 fill the second byte.
const isRtcp = (packet) => packet.length >= 2 && packet[1] >= 192 && packet[1] <= 223;

nodeDataChannel.initLogger('Warning', (level, message) => console.error(`libdatachannel ${level}: ${message}`));

// Only 127.0.0.1, no STUN/TURN: the test must not depend on (or leak to) any other interface.
const peer = new nodeDataChannel.PeerConnection('interop-peer', { iceServers: [], bindAddress: '127.0.0.1' });
const video = new nodeDataChannel.Video(MID, 'SendRecv');
video.addVP8Codec(PAYLOAD_TYPE);
video.addSSRC(localSsrc, 'interop', 'interop-stream', 'interop-track');
const track = peer.addTrack(video);

let intact = 0;
let corrupt = 0;
track.onOpen(() => report({ event: 'open' }));
track.onMessage((packet) => {
  if (isRtcp(packet)) {
    return;
  }
  if (isIntactRtp(packet)) {
    intact++;
  } else {
    corrupt++;
  }
  report({ event: 'rtp', sequenceNumber: packet.readUInt16BE(2), intact, corrupt });
});
peer.onStateChange((state) => report({ event: 'state', state }));
peer.onGatheringStateChange((state) => {
  if (state === 'complete') {
    report({ event: 'offer', sdp: peer.localDescription().sdp });
  }
});
peer.setLocalDescription();

function exit(code) {
  track.close();
  peer.close();
  nodeDataChannel.cleanup();
  process.exit(code);
}

setTimeout(() => {
  console.error(`interop peer: still running after ${LIFETIME_MS} ms, giving up`);
  exit(1);
}, LIFETIME_MS);

const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  const command = JSON.parse(line);
  if (command.answer !== undefined) {
    peer.setRemoteDescription(command.answer, 'answer');
  } else if (command.send !== undefined) {
    for (let sequenceNumber = 0; sequenceNumber < command.send; sequenceNumber++) {
      if (!track.sendMessageBinary(rtpPacket(sequenceNumber))) {
        console.error(`interop peer: track refused packet ${sequenceNumber}`);
      }
    }
    report({ event: 'sent', count: command.send });
  } else if (command.close) {
    exit(0);
  }
});
commands.on('close', () => exit(0));
