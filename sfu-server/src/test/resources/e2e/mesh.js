// A plain peer-to-peer client of the classic mesh protocol (docs/PROTOCOL.md, "Mesh protocol"). The
// server only relays signaling; every pair of peers has its own RTCPeerConnection and the newcomer offers
// to each peer already in the room, with the media and an ordered data channel labelled "messages" on which
// each side says hello (JSON). Query parameters: signal (the /mesh WebSocket URL), room, peer.
'use strict';

const params = new URLSearchParams(location.search);
const mesh = { selfId: params.get('peer'), peers: new Map(), errors: [], joined: false, messages: [] };
window.mesh = mesh;

let socket;
let localStream;
// Messages are handled one at a time: a candidate must not overtake the offer it belongs to.
let handling = Promise.resolve();

function send(message) {
  socket.send(JSON.stringify(message));
}

function show(peerId, track) {
  const element = document.createElement(track.kind);
  element.dataset.peerId = peerId;
  element.dataset.kind = track.kind;
  element.dataset.source = track.kind === 'audio' ? 'microphone' : 'camera';
  element.autoplay = true;
  element.playsInline = true;
  element.muted = true;
  element.srcObject = new MediaStream([track]);
  document.getElementById('remotes').appendChild(element);
}

function connectionTo(peerId) {
  const existing = mesh.peers.get(peerId);
  if (existing) return existing;
  const pc = new RTCPeerConnection({ iceServers: [] });
  const peer = { pc, stream: new MediaStream() };
  mesh.peers.set(peerId, peer);
  localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
  pc.onicecandidate = (event) => {
    if (event.candidate) send({ type: 'ice_candidate', target: peerId, candidate: event.candidate.toJSON() });
  };
  pc.ontrack = (event) => {
    peer.stream.addTrack(event.track);
    show(peerId, event.track);
  };
  pc.ondatachannel = (event) => greetOn(event.channel);
  return peer;
}

function greetOn(channel) {
  channel.onopen = () => channel.send(JSON.stringify({ hello: mesh.selfId }));
  channel.onmessage = (event) => mesh.messages.push(JSON.parse(event.data));
}

function forget(peerId) {
  const peer = mesh.peers.get(peerId);
  if (!peer) return;
  peer.pc.close();
  mesh.peers.delete(peerId);
  document.querySelectorAll(`[data-peer-id="${CSS.escape(peerId)}"]`).forEach((el) => el.remove());
}

async function offerTo(peerId) {
  const { pc } = connectionTo(peerId);
  greetOn(pc.createDataChannel('messages'));
  await pc.setLocalDescription(await pc.createOffer());
  send({ type: 'offer', target: peerId, offer: { type: 'offer', sdp: pc.localDescription.sdp } });
}

async function answer(peerId, offer) {
  const { pc } = connectionTo(peerId);
  await pc.setRemoteDescription(offer);
  await pc.setLocalDescription(await pc.createAnswer());
  send({ type: 'answer', target: peerId, answer: { type: 'answer', sdp: pc.localDescription.sdp } });
}

async function handle(message) {
  switch (message.type) {
    case 'room_peers':
      mesh.joined = true;
      for (const peerId of message.peers) await offerTo(peerId);
      break;
    case 'offer':
      await answer(message.from, message.offer);
      break;
    case 'answer':
      await connectionTo(message.from).pc.setRemoteDescription(message.answer);
      break;
    case 'ice_candidate':
      await connectionTo(message.from).pc.addIceCandidate(message.candidate);
      break;
    case 'peer_left':
      forget(message.peer_id);
      break;
    case 'error':
      mesh.errors.push(message);
      break;
    default:
      break;
  }
}

async function start() {
  localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  socket = new WebSocket(params.get('signal'));
  socket.onopen = () => send({ type: 'join', peer_id: mesh.selfId, room_id: params.get('room') });
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    handling = handling.then(() => handle(message)).catch((e) => mesh.errors.push(String(e)));
  };
  socket.onclose = (event) => mesh.errors.push(`signaling closed: ${event.code} ${event.reason}`);
}

start().catch((e) => mesh.errors.push(String(e)));
