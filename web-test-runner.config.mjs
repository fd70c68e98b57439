// Runs every test in one engine (TEST_ENGINE: chromium, the default, firefox
// or webkit; scripts/run-tests.mjs runs all three one after another), against
// a reference gateway that this config starts on 127.0.0.1 (a free port,
// another origin than the test pages) and stops when the run ends.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { createGateway } from './demo/gateway/server.mjs';
import { itiStylesDevServer } from './build/iti-styles.mjs';
import { CHROMIUM_ARGS } from './build/chromium.mjs';
import { FIREFOX_TEST_PREFS, findEngine, INSTALL_HINT } from './build/browsers.mjs';
import { VERSION_DEFINE } from './build/version.mjs';
import { passedFailedReporter } from './test/support/passed-failed-reporter.mjs';
import { keyboardPlugin } from './test/support/keyboard-plugin.mjs';
import { gatewayProbePlugin } from './test/support/gateway-probe-plugin.mjs';
import { partnerSitePlugin } from './test/support/partner-site-plugin.mjs';

const engine = process.env.TEST_ENGINE || 'chromium';
const binary = findEngine(engine);
if (!binary) {
  console.error(`No ${engine} found: ${INSTALL_HINT[engine]}. This project never downloads a browser.`);
  process.exit(1);
}

/** The one launcher of this run's engine. */
function engineLauncher() {
  if (engine === 'chromium') {
    return chromeLauncher({
      launchOptions: {
        executablePath: binary,
        headless: true,
        // DUMPIO=1 npm test shows the browser's own output, for when a page hangs or crashes.
        dumpio: !!process.env.DUMPIO,
        args: CHROMIUM_ARGS,
      },
    });
  }
  if (engine === 'firefox') {
    // puppeteer-core drives Firefox over WebDriver BiDi: no geckodriver, no download.
    return chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: binary,
        headless: true,
        dumpio: !!process.env.DUMPIO,
        extraPrefsFirefox: FIREFOX_TEST_PREFS,
      },
      createPage: async ({ browser }) => {
        const page = await browser.newPage();
        // The launcher sets an 800x600 viewport before each file. puppeteer sends the
        // viewport and a screen-orientation override together; Firefox ESR 140.12 does
        // not know the latter ("unknown command") and the whole call fails, though the
        // viewport itself is set. Only that refusal is let through.
        const setViewport = page.setViewport.bind(page);
        page.setViewport = async (viewport) => {
          try {
            await setViewport(viewport);
          } catch (error) {
            if (!/setScreenOrientationOverride/.test(String(error?.message))) throw error;
          }
        };
        return page;
      },
    });
  }
  // WebKit: scripts/run-tests.mjs has started Xvfb and WebKitWebDriver (WEBKIT_DRIVER_PORT).
  const port = Number(process.env.WEBKIT_DRIVER_PORT);
  if (!port) {
    console.error('TEST_ENGINE=webkit needs WEBKIT_DRIVER_PORT: run it through scripts/run-tests.mjs (npm test -- --engine webkit).');
    process.exit(1);
  }
  const launcher = webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    connectionRetryCount: 1,
    // No browserName: WebKitWebDriver matches only MiniBrowser's own, which it fills in.
    // Script may open windows, as the other engines allow under automation (the
    // sign-in popup tests; the blocked-popup path is tested by stubbing window.open).
    capabilities: { 'webkitgtk:browserOptions': { binary: binary.browser, args: ['--automation', '--javascript-can-open-windows-automatically=true'] } },
  });
  // The launcher names a browser after browserName; without one, say which engine runs.
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize(...args);
    launcher.name = 'WebKit';
  };
  return launcher;
}

/** Starts the reference gateway with the test server and tells the pages where it is (GET /__test-env). */
let gatewayUrl;

function referenceGatewayPlugin() {
  let gateway;
  let testOrigin;
  return {
    name: 'reference-gateway',
    async serverStart({ config }) {
      testOrigin = `http://${config.hostname}:${config.port}`;
      gateway = createGateway({
        allowedOrigins: [`http://${config.hostname}:${config.port}`],
        dev: true,
        log: () => {},
      });
      gatewayUrl = await gateway.listen(0);
    },
    async serverStop() {
      await gateway?.close();
    },
    serve(context) {
      if (context.path === '/__test-env') return { body: JSON.stringify({ gatewayUrl }), type: 'json' };
      if (context.path === '/__cors/probe.html') {
        return { body: '<!doctype html><script src="/test/support/cors-probe.js"></script>', type: 'html' };
      }
      if (context.path === '/__csp/page.html') {
        const page = { companyId: context.query.companyId ?? 'csp', gatewayUrl, providers: context.query.providers ?? '', recordViolations: true };
        return { body: embedPage(page), type: 'html' };
      }
      if (context.path === '/__oauth/foreign-answer.html') {
        // A page of another origin in the sign-in popup, posting what looks like the callback's answer.
        const message = `{type:'customer-register:sign-in-callback',params:{state:new URLSearchParams(location.search).get('state')||'x',code:'c'}}`;
        return { body: `<!doctype html><script>opener.postMessage(${message},'*')</script>`, type: 'html' };
      }
      // The built element at /__held/<token>/dist/, so its lazy registration chunk can be held back (heldChunkMiddleware).
      if (/^\/__held\/[\w-]+\/page\.html$/.test(context.path)) {
        const page = { companyId: context.query.companyId ?? 'held', gatewayUrl, providers: '', country: 'CN', entry: 'dist/customer-register.js' };
        return { body: embedPage(page), type: 'html' };
      }
      if (context.path === '/__frame/outer.html') {
        // A page of another origin (opened by IP address) that frames a page of the test origin, as a
        // site framing a partner page does (the inner page is reached through window.frames).
        const inner = new URL(`/${String(context.query.inner ?? '').replace(/^\/+/, '')}`, testOrigin);
        const src = inner.href.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
        return { body: `<!doctype html><iframe src="${src}" style="width:480px;height:640px"></iframe>`, type: 'html' };
      }
      if (context.path === '/__oauth/embed.html') {
        const page = {
          companyId: context.query.companyId ?? 'oauth',
          gatewayUrl,
          providers: context.query.providers ?? 'google',
          country: 'CN',
          blockStorage: !!context.query['blocked-storage'],
          phone: !!context.query.phone,
          lang: context.query.lang,
          terms: !!context.query.terms,
        };
        return { body: embedPage(page), type: 'html' };
      }
    },
  };
}

/**
 * The demo's strict policy, as a partner page with a strict CSP would send it;
 * `challengeOrigin`: plus README's entries for a challenge provider (script-src,
 * frame-src, connect-src), here the origin of the reference gateway's stand-ins.
 */
function strictPolicy(gatewayUrl, challengeOrigin = '') {
  return [
    "default-src 'self'",
    `script-src 'self'${challengeOrigin ? ` ${challengeOrigin}` : ''}`,
    "style-src 'self'",
    ...(challengeOrigin ? [`frame-src ${challengeOrigin}`] : []),
    `connect-src 'self' ${gatewayUrl}${challengeOrigin ? ` ${challengeOrigin}` : ''}`,
    "img-src 'self' data:",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/**
 * A page that embeds the built element, pointed at the local identity
 * providers: test/csp.test.ts opens it (with the violation recorder) under the
 * strict policy, test/third-party.test.ts as a page of its own or in a frame.
 */
function embedPage({ companyId, gatewayUrl, providers, country = '', recordViolations = false, entry = '/dist/customer-register.js', blockStorage = false, phone = false, lang = 'en-US', terms = false }) {
  const attr = (value) => String(value).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en-US">
  <head>
    <meta charset="utf-8" />
    ${recordViolations ? '<script src="/test/support/csp-violations.js"></script>' : ''}
    ${blockStorage ? '<script src="/test/support/block-storage.js"></script>' : ''}
    ${phone ? '<script src="/test/support/phone-user-agent.js"></script>' : ''}
    <script type="module" src="${attr(entry)}"></script>
    <script type="module" src="/test/support/local-identity-providers.js"></script>
  </head>
  <body>
    <customer-register id="signup" company-id="${attr(companyId)}" host="${attr(gatewayUrl)}" lang="${attr(lang)}" country="${attr(country)}" providers="${attr(providers)}">${terms ? '<span slot="terms">I accept the terms of business</span>' : ''}</customer-register>
  </body>
</html>`;
}

/** Sends the strict policy with the strict page, and seals the embed page's connections when asked. */
function strictPolicyMiddleware(getGatewayUrl) {
  return async (context, next) => {
    await next();
    if (context.path === '/__csp/page.html') context.set('Content-Security-Policy', strictPolicy(getGatewayUrl(), context.query.challenge ? getGatewayUrl() : ''));
    // `?offline-relays=1`: nothing but this server and the gateway's calls can be reached
    // (the MetaMask SDK tests: the relay, MetaMask's or the gateway's stand-in at ws://, is blocked).
    // `?relay=<url>`: the element's MetaMask relay (test/support/local-identity-providers.js),
    // allowed too, as a site following README allows MetaMask's.
    if (context.path === '/__oauth/embed.html' && context.query['offline-relays']) {
      const relay = context.query.relay ? new URL(String(context.query.relay)) : undefined;
      const allowed = relay ? ` ${relay.origin} ws://${relay.host}` : '';
      context.set('Content-Security-Policy', `connect-src 'self' ${getGatewayUrl()}${allowed}`);
    }
  };
}

/**
 * A page's registration chunk held back until the test lets it go, as on a
 * slow network: under /__held/<token>/ the built files are served as from
 * /dist/, but the chunk whose name starts with `registration-` (the registration chunk) waits for
 * GET /__held/<token>/release (or 20 s), or fails with a 503 from
 * GET /__held/<token>/fail until released. Each token is its own URL space, so
 * no other page (nor the browser's cache) shares the held chunk.
 */
function heldChunkMiddleware() {
  const holds = new Map();
  const holdOf = (token) => {
    if (!holds.has(token)) {
      const hold = { failing: false };
      hold.promise = new Promise((resolve) => (hold.let = resolve));
      const timer = setTimeout(hold.let, 20_000);
      hold.promise.then(() => clearTimeout(timer));
      holds.set(token, hold);
    }
    return holds.get(token);
  };
  return async (context, next) => {
    const match = /^\/__held\/([\w-]+)\/(release|fail|dist\/.*)$/.exec(context.path);
    if (!match) return next();
    const [, token, rest] = match;
    const hold = holdOf(token);
    if (rest === 'release' || rest === 'fail') {
      // `fail`: the chunk is answered 503 (as by a proxy that gave up) until `release`.
      hold.failing = rest === 'fail';
      hold.let();
      context.body = rest;
      return;
    }
    if (/^dist\/chunks\/registration-/.test(rest)) {
      await hold.promise;
      if (hold.failing) {
        context.status = 503;
        context.body = 'held chunk failed';
        return;
      }
    }
    context.path = `/${rest}`;
    await next();
  };
}

/**
 * The callback page in src/ names its script as it is built (`oauth-callback.js`);
 * in the test server that script is still TypeScript.
 */
function callbackScriptMiddleware() {
  return async (context, next) => {
    if (context.path === '/src/oauth-callback.js') context.path = '/src/oauth-callback.ts';
    await next();
  };
}

/** README's partner page, its CDN on another origin, and a gateway that refuses every page. */
const partnerSite = partnerSitePlugin();

export default {
  // The element's tests, and the reference gateway's own beside it.
  files: ['test/**/*.test.ts', 'demo/gateway/test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  hostname: 'localhost',
  // One WebDriver session runs one page at a time (the webdriver launcher would
  // otherwise run test files in iframes, where popups and focus differ).
  concurrency: engine === 'webkit' ? 1 : 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browsers: [engineLauncher()],
  plugins: [
    itiStylesDevServer(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json', define: VERSION_DEFINE }),
    referenceGatewayPlugin(),
    keyboardPlugin(),
    gatewayProbePlugin(),
    partnerSite,
  ],
  middleware: [
    callbackScriptMiddleware(),
    heldChunkMiddleware(),
    strictPolicyMiddleware(() => gatewayUrl),
    partnerSite.middleware(() => gatewayUrl),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), passedFailedReporter()],
};
