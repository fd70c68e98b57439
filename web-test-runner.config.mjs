// Runs every test in Debian's headless Chromium, against a reference gateway
// that this config starts on 127.0.0.1 (a free port, another origin than the
// test pages) and stops when the run ends.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { createGateway } from './demo/gateway/server.mjs';
import { itiStylesDevServer } from './build/iti-styles.mjs';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './build/chromium.mjs';
import { passedFailedReporter } from './test/support/passed-failed-reporter.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(`No Chromium found. ${CHROMIUM_INSTALL_HINT}`);
  process.exit(1);
}

/** Starts the reference gateway with the test server and tells the pages where it is (GET /__test-env). */
let gatewayUrl;

function referenceGatewayPlugin() {
  let gateway;
  return {
    name: 'reference-gateway',
    async serverStart({ config }) {
      gateway = createGateway({
        allowedOrigins: [`http://${config.hostname}:${config.port}`],
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
      if (context.path === '/__oauth/embed.html') {
        const page = { companyId: context.query.companyId ?? 'oauth', gatewayUrl, providers: context.query.providers ?? 'google', country: 'CN' };
        return { body: embedPage(page), type: 'html' };
      }
    },
  };
}

/** The demo's strict policy, as a partner page with a strict CSP would send it. */
function strictPolicy(gatewayUrl) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${gatewayUrl}`,
    "img-src 'self' data:",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/**
 * A page that embeds the built element, pointed at the local identity
 * providers: test/csp.test.ts opens it (with the violation recorder) under the
 * strict policy, test/third-party.test.ts as a page of its own or in a frame.
 */
function embedPage({ companyId, gatewayUrl, providers, country = '', recordViolations = false }) {
  const attr = (value) => String(value).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en-US">
  <head>
    <meta charset="utf-8" />
    ${recordViolations ? '<script src="/test/support/csp-violations.js"></script>' : ''}
    <script type="module" src="/dist/customer-register.js"></script>
    <script type="module" src="/test/support/local-identity-providers.js"></script>
  </head>
  <body>
    <customer-register id="signup" company-id="${attr(companyId)}" host="${attr(gatewayUrl)}" lang="en-US" country="${attr(country)}" providers="${attr(providers)}"></customer-register>
  </body>
</html>`;
}

/** Sends the strict policy with the strict page, and seals the embed page's connections when asked. */
function strictPolicyMiddleware(getGatewayUrl) {
  return async (context, next) => {
    await next();
    if (context.path === '/__csp/page.html') context.set('Content-Security-Policy', strictPolicy(getGatewayUrl()));
    // `?offline-relays=1`: nothing but this server and the gateway can be reached
    // (the MetaMask SDK test: its relay must stay unreachable even where CI has a network).
    if (context.path === '/__oauth/embed.html' && context.query['offline-relays']) {
      context.set('Content-Security-Policy', `connect-src 'self' ${getGatewayUrl()}`);
    }
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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  hostname: 'localhost',
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        // DUMPIO=1 npm test shows Chromium's own output, for when a page hangs or crashes.
        dumpio: !!process.env.DUMPIO,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  plugins: [
    itiStylesDevServer(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    referenceGatewayPlugin(),
  ],
  middleware: [callbackScriptMiddleware(), strictPolicyMiddleware(() => gatewayUrl)],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), passedFailedReporter()],
};
