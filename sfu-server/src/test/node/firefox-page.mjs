// One headless Firefox ESR page with a fake camera and microphone, driven over WebDriver BiDi by
// puppeteer-core, for the end-to-end tests (FirefoxBrowser.java). It answers one JSON line on stdout for
// each JSON line it reads on stdin, in order:
//
//   started                                {"ready":true,"version":"firefox/153..."}
//   {"open":"<url>"}                       {"result":null}     once the page has loaded
//   {"script":"<body>","args":[...]}       {"result":<value>}  the body runs like WebDriver's
//                                          executeAsyncScript: `arguments` are args followed by a callback
//                                          whose argument is the result
//   any request that fails                 {"error":"<message>"}
//
// End of input closes the browser and exits. The page's console goes to stderr.
//
// Usage: node firefox-page.mjs <firefox executable> <origin allowed to use camera and microphone>
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [firefox, mediaOrigin] = process.argv.slice(2);
if (!firefox || !mediaOrigin) {
  console.error('usage: node firefox-page.mjs <firefox executable> <origin allowed to use camera and microphone>');
  process.exit(2);
}

const reply = (message) => process.stdout.write(JSON.stringify(message) + '\n');

// Firefox gathers loopback candidates only for an origin that holds a stored camera or microphone
// permission; a prompt-free getUserMedia (media.navigator.permission.disabled) does not count. A defaults
// file is how a fresh profile gets one before the page loads.
const permissionsDirectory = await mkdtemp(join(tmpdir(), 'firefox-permissions-'));
const permissionsFile = join(permissionsDirectory, 'permissions.txt');
await writeFile(permissionsFile,
  ['camera', 'microphone'].map((type) => `origin\t${type}\t1\t${mediaOrigin}\n`).join(''));

const PREFERENCES = {
  // Fake devices, no permission prompt.
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // The server and the other participants are on 127.0.0.1: offer it as a plain host candidate.
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.peerconnection.ice.default_address_only': false,
  // Remote audio plays without a user gesture.
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // No lookups outside the machine. Puppeteer's profile already turns off updates, data reporting,
  // safe-browsing lists and add-on metadata; these are what it leaves on.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'services.settings.server': 'data:,',
  'browser.safebrowsing.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
};

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: firefox,
  protocol: 'webDriverBiDi',
  headless: true,
  extraPrefsFirefox: { ...PREFERENCES, 'permissions.manager.defaultsUrl': pathToFileURL(permissionsFile).href },
  // A release build ignores services.settings.server (above) unless this is set.
  env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
});
const [page] = await browser.pages();
page.on('console', (message) => console.error(`console ${message.type()}: ${message.text()}`));
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));

async function answer(request) {
  if (request.open != null) {
    await page.goto(request.open, { waitUntil: 'load' });
    return null;
  }
  if (request.script != null) {
    return page.evaluate((body, args) => new Promise((resolve, reject) => {
      try {
        new Function(body)(...args, resolve);
      } catch (error) {
        reject(error);
      }
    }), request.script, request.args ?? []);
  }
  throw new Error(`unknown request ${JSON.stringify(request)}`);
}

reply({ ready: true, version: await browser.version() });
for await (const line of createInterface({ input: process.stdin })) {
  try {
    const result = await answer(JSON.parse(line));
    reply({ result: result === undefined ? null : result });
  } catch (error) {
    reply({ error: String(error && error.stack ? error.stack : error) });
  }
}
await browser.close();
await rm(permissionsDirectory, { recursive: true });
