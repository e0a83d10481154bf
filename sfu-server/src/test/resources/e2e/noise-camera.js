// Evaluated by the end-to-end tests inside a page (asyncScript): replaces the camera the page publishes with
// 1280x720 noise at 15 frames per second drawn on a canvas. No encoder can compress noise, so the bitrate the
// publisher then sends shows the estimate its congestion controller holds; a fake camera's plain pictures use
// a fraction of it, and Firefox's getStats reports no target bitrate. The last argument is the callback.
const done = arguments[arguments.length - 1];
(async () => {
  const pc = window.switchyard && window.switchyard.publisher;
  const sender = pc && pc.getSenders().find((s) => s.track && s.track.kind === 'video');
  if (!sender) throw new Error('the page publishes no video yet');
  const canvas = document.createElement('canvas');
  canvas.width = 1280;
  canvas.height = 720;
  const context = canvas.getContext('2d');
  const image = context.createImageData(canvas.width, canvas.height);
  const pixels = new Uint32Array(image.data.buffer);
  let state = 0x9e3779b9;
  const draw = () => {
    for (let i = 0; i < pixels.length; i++) {
      // xorshift32: fast enough for a frame in a few milliseconds; alpha stays opaque.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      pixels[i] = state | 0xff000000;
    }
    context.putImageData(image, 0, 0);
  };
  draw();
  const track = canvas.captureStream(15).getVideoTracks()[0];
  setInterval(draw, 1000 / 15);
  await sender.replaceTrack(track);
  return null;
})().then(done, (error) => done({ probeError: String(error && error.stack ? error.stack : error) }));
