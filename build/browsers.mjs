// The three engines the tests drive, each from Debian's packages (never a
// downloaded build): Chromium (`chromium`, or CHROME_PATH), Firefox ESR
// (`firefox-esr`, or FIREFOX_PATH, driven over WebDriver BiDi by puppeteer) and
// WebKitGTK (`webkit2gtk-driver`: WebKitWebDriver driving WebKitGTK's
// MiniBrowser, which has no headless mode and so runs under Xvfb).
import { existsSync, readdirSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The first Firefox binary found, or undefined. */
export function findFirefox() {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));
}

/**
 * WebKitGTK's MiniBrowser and its WebDriver, or undefined. The browser lives in
 * the webkit2gtk library's own folder (`dpkg -L libwebkit2gtk-4.1-0`), whose
 * name carries the API version and the architecture.
 */
export function findWebKit() {
  const driver = [process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'].find((path) => path && existsSync(path));
  const candidates = [process.env.WEBKIT_BROWSER_PATH];
  for (const lib of ['/usr/lib', ...safeList('/usr/lib').filter((name) => name.endsWith('-linux-gnu')).map((name) => `/usr/lib/${name}`)]) {
    for (const dir of safeList(lib).filter((name) => name.startsWith('webkit2gtk-'))) candidates.push(`${lib}/${dir}/MiniBrowser`);
  }
  const browser = candidates.find((path) => path && existsSync(path));
  const xvfb = ['/usr/bin/Xvfb'].find((path) => existsSync(path));
  return driver && browser && xvfb ? { driver, browser, xvfb } : undefined;
}

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The binary (or binaries) for an engine, or undefined when it is not installed. */
export function findEngine(engine) {
  if (engine === 'chromium') return findChromium();
  if (engine === 'firefox') return findFirefox();
  if (engine === 'webkit') return findWebKit();
  throw new Error(`Unknown engine "${engine}" (one of ${ENGINES.join(', ')})`);
}

export const INSTALL_HINT = {
  chromium: "apt-get install -y chromium (or CHROME_PATH)",
  firefox: "apt-get install -y firefox-esr (or FIREFOX_PATH)",
  webkit: "apt-get install -y webkit2gtk-driver xvfb",
};

/**
 * Firefox preferences for tests: keep background windows at full speed (the
 * sign-in popup and its opener run side by side) and never reach the network.
 */
export const FIREFOX_TEST_PREFS = {
  'dom.min_background_timeout_value': 4,
  'dom.timeout.enable_budget_timer_throttling': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  // Trusted Types (the CSP test's require-trusted-types-for): on by default from
  // Firefox 145; Firefox ESR 140 has them behind this pref.
  'dom.security.trusted_types.enabled': true,
};
