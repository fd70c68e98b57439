// The Chromium that tests and the bench drive: Debian's package (or CHROME_PATH),
// never a downloaded one, with the flags this machine needs (root, no GPU,
// no network beyond loopback).
import { existsSync } from 'node:fs';

/** The first Chromium binary found, or undefined. */
export function findChromium() {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (path) => path && existsSync(path),
  );
}

export const CHROMIUM_INSTALL_HINT =
  "Install Debian's package (apt-get update && apt-get install -y chromium) or point CHROME_PATH at a Chrome/Chromium binary. " +
  'This project never downloads a browser.';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Several pages run side by side in one browser: keep background tabs at full
  // speed (timers, animation frames).
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
