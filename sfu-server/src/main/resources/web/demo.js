// Switchyard demo conference page. Speaks to the server only through the SDK.
//
// Test hooks: window.switchyard is the joined Session; every remote media element carries
// data-track-id, data-participant-id and data-source; window.switchyardMetrics records when the page
// loaded and when the first remote video frame was rendered.
import { Session } from './sdk/switchyard.js';

window.switchyardMetrics = { pageLoadedAt: performance.now(), firstRemoteFrameAt: null };

const ICON_PATHS = {
  mic: '<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3"/>',
  camera: '<rect x="3" y="6" width="13" height="12" rx="2"/><path d="M16 10.5 21 7v10l-5-3.5z"/>',
  screen: '<rect x="3" y="4" width="18" height="13" rx="2"/><path d="M8 21h8M12 17v4M12 13.5V8m-2.5 2.5L12 8l2.5 2.5"/>',
  leave: '<path d="M3.5 14.5c4.7-4.4 12.3-4.4 17 0l-2.3 2.6-3.2-1.4v-2.6a11 11 0 0 0-6 0v2.6l-3.2 1.4z"/>',
  chat: '<path d="M20 15a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2z"/>',
  close: '<path d="M6 6l12 12M18 6 6 18"/>',
};
const SLASH = '<path d="M4 4l16 16"/>';

function icon(name, slashed = false) {
  return `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
    stroke-linejoin="round" aria-hidden="true">${ICON_PATHS[name]}${slashed ? SLASH : ''}</svg>`;
}

const $ = (id) => document.getElementById(id);
const ui = {
  joinView: $('join-view'),
  joinForm: $('join-form'),
  joinStatus: $('join-status'),
  roomView: $('room-view'),
  roomName: $('room-name'),
  count: $('participant-count'),
  stage: $('stage'),
  screens: $('screens'),
  people: $('people'),
  mic: $('mic-button'),
  camera: $('camera-button'),
  screen: $('screen-button'),
  chat: $('chat-button'),
  chatUnread: $('chat-unread'),
  leave: $('leave-button'),
  copyLink: $('copy-link'),
  leftView: $('left-view'),
  leftTitle: $('left-title'),
  leftReason: $('left-reason'),
  rejoin: $('rejoin-button'),
  home: $('home-button'),
  sound: $('sound-button'),
  toasts: $('toasts'),
  developmentMode: $('development-mode'),
  connection: $('connection-status'),
  chatPanel: $('chat-panel'),
  chatClose: $('chat-close'),
  chatMessages: $('chat-messages'),
  chatForm: $('chat-form'),
  chatInput: $('chat-input'),
  chatSend: $('chat-send'),
  chatHint: $('chat-hint'),
};

const NAME_KEY = 'switchyard.name';

/** The current session and what it was joined with (for Rejoin). */
let session = null;
let lastJoin = null;
let speakingTimer = 0;
/** Chat of the current session: messages not yet seen, and the names of everyone met (see senderName). */
const chat = { unread: 0, names: new Map() };

// ---- views ------------------------------------------------------------------------------------

function showView(view) {
  for (const v of [ui.joinView, ui.roomView, ui.leftView]) v.hidden = v !== view;
}

function showJoinForm({ room, name, error } = {}) {
  const form = ui.joinForm.elements;
  form.room.value = room || form.room.value || `room-${Math.random().toString(36).slice(2, 7)}`;
  form.name.value = name || form.name.value || localStorage.getItem(NAME_KEY) || '';
  ui.joinStatus.textContent = error ?? '';
  ui.joinStatus.classList.toggle('error', Boolean(error));
  setFormBusy(false);
  showView(ui.joinView);
  (form.name.value ? form.room : form.name).focus();
}

function setFormBusy(busy) {
  for (const element of ui.joinForm.elements) element.disabled = busy;
}

function toast(message, { error = false } = {}) {
  const item = document.createElement('div');
  item.className = `toast${error ? ' error' : ''}`;
  item.textContent = message;
  ui.toasts.append(item);
  setTimeout(() => item.remove(), error ? 6000 : 3500);
}

// ---- joining ----------------------------------------------------------------------------------

async function join({ room, name, token, publish }) {
  lastJoin = { room, name, token, publish };
  clearStage();
  resetChat();
  ui.roomName.textContent = room;
  ui.count.textContent = 'Connecting…';
  showView(ui.roomView);

  const joining = new Session();
  session = joining;
  listen(joining);
  updateControls();
  try {
    await joining.join({ room, name, token, publish });
  } catch (error) {
    if (session !== joining) return;
    session = null;
    clearStage();
    showJoinForm({ room, name, error: `Could not join: ${error.message || error.code}` });
    return;
  }
  if (session !== joining) return;
  window.switchyard = joining;
  ui.developmentMode.hidden = !joining.developmentMode;
  renderLocalTiles();
  for (const participant of joining.participants.values()) {
    ensurePersonTile(participant.participantId);
    rememberName(participant);
  }
  updateCount();
  updateControls();
  startSpeakingIndicator();
}

function listen(s) {
  const on = (type, handler) => s.addEventListener(type, (event) => {
    if (session === s) handler(event.detail);
  });
  on('participantjoined', ({ participant }) => {
    ensurePersonTile(participant.participantId);
    rememberName(participant);
    updateCount();
    toast(`${participant.name || 'Someone'} joined`);
  });
  on('participantleft', ({ participantId }) => {
    const name = tileName(participantId);
    removeParticipantTiles(participantId);
    updateCount();
    toast(`${name || 'Someone'} left`);
  });
  on('tracksubscribed', attachRemoteTrack);
  on('trackunsubscribed', ({ info }) => detachRemoteTrack(info));
  on('trackpublished', ({ track }) => refreshPersonTile(track.participantId));
  on('trackunpublished', ({ track }) => refreshPersonTile(track.participantId));
  on('trackmuted', ({ info }) => {
    if (info.participantId === s.participantId) renderLocalTiles();
    else refreshPersonTile(info.participantId);
  });
  on('localtrackpublished', () => { renderLocalTiles(); updateControls(); });
  on('localtrackunpublished', () => { renderLocalTiles(); updateControls(); });
  on('datareceived', ({ from, data, channel }) => {
    const text = channel === 'reliable' ? chatText(data) : null;
    if (text) receiveChat(from, text);
  });
  on('error', ({ code, message, requestType }) => {
    // A track that left just as it was subscribed to: the SDK subscribes to the others again by itself.
    const recovered = code === 'unknown_track' && requestType === 'subscribe';
    if (code === 'ice' || recovered) console.warn('switchyard:', message);
    else toast(message || code, { error: true });
  });
  on('servershutdown', ({ reason }) => toast(`${reason || 'The server is going away'}: reconnecting by itself…`));
  on('reconnecting', () => { ui.connection.hidden = false; });
  on('reconnected', () => { ui.connection.hidden = true; });
  on('rejoining', () => { ui.connection.hidden = false; });
  on('rejoined', () => {
    ui.connection.hidden = true;
    renderLocalTiles();
    updateCount();
    toast('Back in the room (the server had restarted)');
  });
  on('closed', ({ reason }) => {
    stopSpeakingIndicator();
    clearStage();
    resetChat();
    ui.connection.hidden = true;
    const left = reason === 'left';
    ui.leftTitle.textContent = left ? 'You left the room' : 'Disconnected';
    ui.leftReason.textContent = left ? '' : reason;
    showView(ui.leftView);
  });
}

function updateCount() {
  if (!session?.participantId) return;
  const n = session.participants.size + 1;
  ui.count.textContent = n === 1 ? 'Only you' : `${n} in call`;
}

// ---- tiles ------------------------------------------------------------------------------------

function initials(name) {
  const words = (name || '?').trim().split(/\s+/).filter(Boolean);
  return words.slice(0, 2).map((w) => [...w][0].toUpperCase()).join('') || '?';
}

function avatarColor(key) {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return `hsl(${hash % 360} 45% 42%)`;
}

/** A tile: avatar underneath, video on top once frames arrive, name plate with a muted-mic mark. */
function createTile({ key, name, screen = false, local = false }) {
  const tile = document.createElement('article');
  tile.className = 'tile video-off';
  tile.classList.toggle('screen', screen);
  tile.classList.toggle('local', local);
  tile.dataset.tile = key;

  const avatar = document.createElement('div');
  avatar.className = 'avatar';
  const letters = document.createElement('span');
  letters.style.setProperty('--avatar', avatarColor(key));
  avatar.append(letters);

  const plate = document.createElement('footer');
  plate.className = 'nameplate';
  const micState = document.createElement('span');
  micState.className = 'mic-state';
  micState.title = 'Microphone off';
  micState.innerHTML = icon('mic', true);
  const label = document.createElement('span');
  label.className = 'name';
  plate.append(micState, label);

  tile.append(avatar, plate);
  if (screen) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = 'Screen';
    tile.append(badge);
  }
  setTileName(tile, name, screen);
  return tile;
}

function setTileName(tile, name, screen) {
  tile.dataset.name = name;
  tile.querySelector('.avatar span').textContent = initials(name);
  tile.querySelector('.name').textContent = screen ? `${name} · screen` : name;
}

function findTile(key) {
  return ui.stage.querySelector(`[data-tile="${CSS.escape(key)}"]`);
}

function tileName(participantId) {
  return findTile(`person:${participantId}`)?.dataset.name ?? '';
}

function participantName(participantId) {
  return session?.participants.get(participantId)?.name || 'Guest';
}

function ensurePersonTile(participantId) {
  const key = `person:${participantId}`;
  let tile = findTile(key);
  if (!tile) {
    tile = createTile({ key, name: participantName(participantId) });
    tile.dataset.participantId = participantId;
    ui.people.append(tile);
    layout();
  }
  refreshPersonTile(participantId);
  return tile;
}

function ensureScreenTile(participantId) {
  const key = `screen:${participantId}`;
  let tile = findTile(key);
  if (!tile) {
    tile = createTile({ key, name: participantName(participantId), screen: true });
    tile.dataset.participantId = participantId;
    ui.screens.append(tile);
    layout();
  }
  return tile;
}

/** Mic and camera marks of a remote participant's tile, from the published tracks' mute state. */
function refreshPersonTile(participantId) {
  const tile = findTile(`person:${participantId}`);
  const participant = session?.participants.get(participantId);
  if (!tile || !participant) return;
  if (participant.name && participant.name !== tile.dataset.name) setTileName(tile, participant.name, false);
  const mic = participant.tracks.find((t) => t.source === 'microphone');
  const camera = participant.tracks.find((t) => t.source === 'camera');
  const video = tile.querySelector('video[data-source="camera"]');
  tile.classList.toggle('mic-off', !mic || mic.muted);
  tile.classList.toggle('video-off', !camera || camera.muted || !video?.dataset.live);
}

function removeParticipantTiles(participantId) {
  for (const key of [`person:${participantId}`, `screen:${participantId}`]) removeTile(findTile(key));
}

function removeTile(tile) {
  if (!tile) return;
  for (const media of tile.querySelectorAll('video, audio')) media.srcObject = null;
  tile.remove();
  layout();
}

function clearStage() {
  for (const tile of ui.stage.querySelectorAll('.tile')) removeTile(tile);
  ui.sound.hidden = true;
}

// ---- remote media -----------------------------------------------------------------------------

function attachRemoteTrack({ info, stream }) {
  const video = info.kind === 'video';
  const tile = info.source === 'screen' ? ensureScreenTile(info.participantId) : ensurePersonTile(info.participantId);
  const element = document.createElement(video ? 'video' : 'audio');
  element.dataset.trackId = info.trackId;
  element.dataset.participantId = info.participantId;
  element.dataset.source = info.source;
  element.autoplay = true;
  element.setAttribute('playsinline', '');
  if (video) {
    // Video elements carry no sound; muting them only keeps autoplay policies out of the way.
    element.muted = true;
    element.classList.add(info.source);
    onFirstFrame(element, () => {
      element.dataset.live = 'true';
      window.switchyardMetrics.firstRemoteFrameAt ??= performance.now();
      if (tile.classList.contains('screen')) tile.classList.remove('video-off');
      else refreshPersonTile(info.participantId);
    });
    tile.prepend(element);
  } else {
    tile.append(element);
  }
  element.srcObject = stream;
  element.play().catch(() => {
    if (!video) ui.sound.hidden = false;
  });
}

function onFirstFrame(video, callback) {
  if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(() => callback());
  else video.addEventListener('loadeddata', callback, { once: true });
}

function detachRemoteTrack(info) {
  for (const element of ui.stage.querySelectorAll(`[data-track-id="${CSS.escape(info.trackId)}"]`)) {
    element.srcObject = null;
    element.remove();
  }
  const screenTile = findTile(`screen:${info.participantId}`);
  if (screenTile && !screenTile.querySelector('video')) removeTile(screenTile);
  refreshPersonTile(info.participantId);
}

ui.sound.addEventListener('click', () => {
  ui.sound.hidden = true;
  for (const audio of ui.stage.querySelectorAll('audio')) audio.play().catch(() => {});
});

// ---- local media ------------------------------------------------------------------------------

/** The self-view tile (always present once joined) and, while sharing, the local screen tile. */
function renderLocalTiles() {
  if (!session?.participantId) return;
  const self = findTile('local') ?? createLocalTile();
  const cameraTrack = session.localStream?.getVideoTracks()[0];
  setLocalVideo(self, cameraTrack, 'camera');
  self.classList.toggle('mic-off', !session.microphoneEnabled);
  self.classList.toggle('video-off', !cameraTrack || !session.cameraEnabled);

  const screenTrack = session.screenStream?.getVideoTracks()[0];
  let screenTile = findTile('local-screen');
  if (screenTrack && session.screenSharing) {
    if (!screenTile) {
      screenTile = createTile({ key: 'local-screen', name: 'You', screen: true, local: true });
      ui.screens.prepend(screenTile);
      layout();
    }
    setLocalVideo(screenTile, screenTrack, 'screen');
    screenTile.classList.remove('video-off', 'mic-off');
  } else {
    removeTile(screenTile);
  }
}

function createLocalTile() {
  const tile = createTile({ key: 'local', name: `${lastJoin?.name || 'You'} (you)`, local: true });
  ui.people.prepend(tile);
  layout();
  return tile;
}

function setLocalVideo(tile, track, source) {
  let video = tile.querySelector('video');
  if (!track) {
    if (video) {
      video.srcObject = null;
      video.remove();
    }
    return;
  }
  if (video?.srcObject?.getVideoTracks()[0] === track) return;
  if (!video) {
    video = document.createElement('video');
    video.dataset.local = source;
    video.className = source;
    video.autoplay = true;
    video.muted = true;
    video.setAttribute('playsinline', '');
    tile.prepend(video);
  }
  video.srcObject = new MediaStream([track]);
  video.play().catch(() => {});
}

// ---- controls ---------------------------------------------------------------------------------

function setControl(button, { active, iconName, label, onClass }) {
  button.innerHTML = icon(iconName, !active && onClass === 'off');
  button.classList.toggle('off', onClass === 'off' && !active);
  button.classList.toggle('on-air', onClass === 'on-air' && active);
  button.setAttribute('aria-pressed', String(active));
  button.title = label;
  button.setAttribute('aria-label', label);
}

function updateControls() {
  const mic = Boolean(session?.microphoneEnabled);
  const camera = Boolean(session?.cameraEnabled);
  const sharing = Boolean(session?.screenSharing);
  setControl(ui.mic, { active: mic, iconName: 'mic', label: mic ? 'Mute microphone' : 'Unmute microphone', onClass: 'off' });
  setControl(ui.camera, { active: camera, iconName: 'camera', label: camera ? 'Turn camera off' : 'Turn camera on', onClass: 'off' });
  setControl(ui.screen, { active: sharing, iconName: 'screen', label: sharing ? 'Stop sharing' : 'Share screen', onClass: 'on-air' });
  ui.leave.innerHTML = icon('leave');
  ui.leave.setAttribute('aria-label', 'Leave');
  const ready = Boolean(session?.participantId);
  for (const button of [ui.mic, ui.camera, ui.screen, ui.leave]) button.disabled = !ready;
  ui.screen.hidden = !navigator.mediaDevices?.getDisplayMedia;
  updateChatForm();
}

/** Runs a control action with its button disabled, reporting failures as toasts. */
async function runControl(button, action) {
  if (!session || button.disabled) return;
  button.disabled = true;
  try {
    await action(session);
  } catch (error) {
    if (error?.name !== 'NotAllowedError' && error?.name !== 'AbortError') toast(error.message || String(error), { error: true });
  } finally {
    updateControls();
    renderLocalTiles();
  }
}

ui.mic.addEventListener('click', () => runControl(ui.mic, (s) => s.setMicrophoneEnabled(!s.microphoneEnabled)));
ui.camera.addEventListener('click', () => runControl(ui.camera, (s) => s.setCameraEnabled(!s.cameraEnabled)));
ui.screen.addEventListener('click', () => runControl(ui.screen,
  (s) => (s.screenSharing ? s.stopScreenShare() : s.startScreenShare())));
ui.leave.addEventListener('click', () => session?.leave());

ui.copyLink.addEventListener('click', async () => {
  const link = new URL(location.pathname, location.origin);
  link.searchParams.set('room', lastJoin.room);
  try {
    await navigator.clipboard.writeText(link.href);
    toast('Invite link copied');
  } catch {
    toast(link.href);
  }
});

ui.rejoin.addEventListener('click', () => join(lastJoin));
ui.home.addEventListener('click', () => {
  ui.joinForm.elements.room.value = '';
  showJoinForm({ name: lastJoin?.name });
});

ui.joinForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = ui.joinForm.elements;
  const room = form.room.value.trim();
  const name = form.name.value.trim();
  localStorage.setItem(NAME_KEY, name);
  const url = new URL(location.href);
  url.search = '';
  url.searchParams.set('room', room);
  history.replaceState(null, '', url);
  setFormBusy(true);
  join({ room, name, publish: { audio: form.audio.checked, video: form.video.checked } });
});

// ---- chat -------------------------------------------------------------------------------------

const CHAT_MAX_TEXT = 2000;
const CHAT_MAX_MESSAGES = 200;
/** The longest JSON a chat message can take, every character escaped as \uXXXX. */
const CHAT_MAX_WIRE_LENGTH = CHAT_MAX_TEXT * 6 + 64;
const CHAT_TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const CHAT_SEND_ERRORS = {
  unauthorized: 'Your access token does not allow sending messages',
  message_too_large: 'That message is too large to send',
  closed: 'Not connected: the message was not sent',
};

/**
 * The text of a chat message (JSON {"type":"chat","text"}), or null for anything else. Other traffic shares
 * the channel, some of it thousands of messages a second: most of it is turned away before parsing.
 */
function chatText(data) {
  if (typeof data !== 'string' || data.length > CHAT_MAX_WIRE_LENGTH || !data.includes('"chat"')) return null;
  let message;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (message?.type !== 'chat' || typeof message.text !== 'string') return null;
  return message.text.trim().slice(0, CHAT_MAX_TEXT) || null;
}

function rememberName({ participantId, name }) {
  if (name) chat.names.set(participantId, name);
}

/** A remembered name still names a sender whose message arrives after they left. */
function senderName(participantId) {
  return session?.participants.get(participantId)?.name || chat.names.get(participantId) || participantId;
}

function receiveChat(from, text) {
  addChatMessage({ name: senderName(from), text, own: false });
  if (ui.chatPanel.hidden) {
    chat.unread++;
    renderChatButton();
  }
}

function sendChat() {
  const text = ui.chatInput.value.trim().slice(0, CHAT_MAX_TEXT);
  if (!text || !session) return;
  try {
    session.sendData(JSON.stringify({ type: 'chat', text }));
  } catch (error) {
    toast(CHAT_SEND_ERRORS[error.code] ?? `Message not sent: ${error.message || error}`, { error: true });
    return;
  }
  ui.chatInput.value = '';
  addChatMessage({ name: 'You', text, own: true });
}

function addChatMessage({ name, text, own }) {
  const list = ui.chatMessages;
  const wasAtEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.append(createChatMessage({ name, text, own, at: new Date() }));
  while (list.childElementCount > CHAT_MAX_MESSAGES) list.firstElementChild.remove();
  if (own || wasAtEnd) scrollChatToEnd();
}

/** Everything from the network goes in as text: names and messages are untrusted. */
function createChatMessage({ name, text, own, at }) {
  const item = document.createElement('div');
  item.className = own ? 'chat-message own' : 'chat-message';
  const sender = document.createElement('span');
  sender.className = 'chat-sender';
  sender.textContent = name;
  const time = document.createElement('time');
  time.dateTime = at.toISOString();
  time.textContent = CHAT_TIME.format(at);
  const meta = document.createElement('div');
  meta.className = 'chat-meta';
  meta.append(sender, time);
  const body = document.createElement('p');
  body.className = 'chat-text';
  body.textContent = text;
  item.append(meta, body);
  return item;
}

function scrollChatToEnd() {
  ui.chatMessages.scrollTop = ui.chatMessages.scrollHeight;
}

function setChatOpen(open) {
  ui.chatPanel.hidden = !open;
  ui.roomView.classList.toggle('chat-open', open);
  if (open) {
    chat.unread = 0;
    scrollChatToEnd();
    if (!ui.chatInput.disabled) ui.chatInput.focus();
  }
  renderChatButton();
}

function renderChatButton() {
  const open = !ui.chatPanel.hidden;
  let label = open ? 'Close chat' : 'Open chat';
  if (chat.unread > 0) label += ` (${chat.unread} unread)`;
  ui.chat.classList.toggle('on-air', open);
  ui.chat.setAttribute('aria-pressed', String(open));
  ui.chat.title = label;
  ui.chat.setAttribute('aria-label', label);
  ui.chatUnread.textContent = chat.unread > 99 ? '99+' : String(chat.unread);
  ui.chatUnread.hidden = chat.unread === 0;
}

function updateChatForm() {
  const denied = session?.grants?.data === false;
  ui.chatInput.disabled = denied || !session?.participantId;
  ui.chatSend.disabled = ui.chatInput.disabled;
  ui.chatInput.placeholder = denied ? 'Read only' : 'Message everyone';
  ui.chatHint.hidden = !denied;
}

/** Each join is a new session: its chat starts empty. */
function resetChat() {
  ui.chatMessages.replaceChildren();
  ui.chatInput.value = '';
  chat.unread = 0;
  chat.names.clear();
  setChatOpen(false);
}

function setUpChat() {
  ui.chat.insertAdjacentHTML('afterbegin', icon('chat'));
  ui.chatClose.innerHTML = icon('close');
  ui.chatInput.maxLength = CHAT_MAX_TEXT;
  renderChatButton();
}

ui.chat.addEventListener('click', () => setChatOpen(ui.chatPanel.hidden));
ui.chatClose.addEventListener('click', () => {
  setChatOpen(false);
  ui.chat.focus();
});
ui.chatForm.addEventListener('submit', (event) => {
  event.preventDefault();
  sendChat();
});

// ---- layout -----------------------------------------------------------------------------------

const TILE_ASPECT = 16 / 9;

/** Sizes a grid's tiles so that all of them fit its box at the largest size (16:9 tiles). */
function fitGrid(grid) {
  const count = grid.children.length;
  const { width, height } = grid.getBoundingClientRect();
  if (count === 0 || width === 0 || height === 0) return;
  const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
  let best = 0;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const byWidth = (width - gap * (columns - 1)) / columns;
    const byHeight = ((height - gap * (rows - 1)) / rows) * TILE_ASPECT;
    best = Math.max(best, Math.min(byWidth, byHeight));
  }
  grid.style.setProperty('--tile-width', `${Math.floor(best)}px`);
}

function layout() {
  ui.stage.classList.toggle('presenting', ui.screens.children.length > 0);
  fitGrid(ui.screens);
  fitGrid(ui.people);
}

new ResizeObserver(layout).observe(ui.stage);

// ---- speaking indicator -----------------------------------------------------------------------

const SPEAKING_LEVEL = 0.04;

/** Outlines the tiles of people whose audio level is above a threshold, sampled a few times a second. */
function startSpeakingIndicator() {
  stopSpeakingIndicator();
  speakingTimer = setInterval(markSpeakers, 300);
}

function stopSpeakingIndicator() {
  clearInterval(speakingTimer);
}

async function markSpeakers() {
  if (!session?.subscriber) return;
  const speaking = new Set();
  const remoteByTrack = new Map([...session.remoteTracks.values()].map((r) => [r.track, r.info]));
  for (const receiver of session.subscriber.getReceivers()) {
    const info = remoteByTrack.get(receiver.track);
    if (info?.kind !== 'audio') continue;
    const level = Math.max(0, ...receiver.getSynchronizationSources().map((s) => s.audioLevel ?? 0));
    if (level > SPEAKING_LEVEL) speaking.add(`person:${info.participantId}`);
  }
  if (session.microphoneEnabled && await localAudioLevel() > SPEAKING_LEVEL) speaking.add('local');
  for (const tile of ui.people.children) tile.classList.toggle('speaking', speaking.has(tile.dataset.tile));
}

async function localAudioLevel() {
  if (!session.publisher) return 0;
  try {
    const stats = await session.publisher.getStats();
    for (const report of stats.values()) {
      if (report.type === 'media-source' && report.kind === 'audio') return report.audioLevel ?? 0;
    }
  } catch {
    // The publisher closed while the stats were being collected.
  }
  return 0;
}

// ---- start ------------------------------------------------------------------------------------

function start() {
  const params = new URLSearchParams(location.search);
  const room = params.get('room');
  const name = params.get('name');
  // An access token in the link (?token=…) is for this page only: the invite link never carries it.
  const token = params.get('token') ?? undefined;
  setUpChat();
  updateControls();
  if (room && (name || token)) {
    join({ room, name: name ?? '', token,
      publish: { audio: params.get('audio') !== '0', video: params.get('video') !== '0' } });
  } else {
    showJoinForm({ room, name });
  }
}

start();
