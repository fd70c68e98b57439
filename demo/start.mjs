// `npm start`: the reference gateway on 127.0.0.1:8787 and the demo pages on
// 127.0.0.1:8000, two origins as a partner site and the broker's gateway are.
// Run `npm run build` first (npm start does).
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGateway } from './gateway/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PAGE_PORT = Number(process.env.DEMO_PORT ?? 8000);
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 8787);
const pageOrigin = `http://127.0.0.1:${PAGE_PORT}`;
const gatewayOrigin = `http://127.0.0.1:${GATEWAY_PORT}`;
/** The gateway the demo pages name in their markup (and in demo.js). */
const DEFAULT_GATEWAY_ORIGIN = 'http://127.0.0.1:8787';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.png': 'image/png',
};

/** MetaMask's relay as its SDK reaches it (README, "Put it on your site"). */
const METAMASK_RELAY = 'https://metamask-sdk.api.cx.metamask.io wss://metamask-sdk.api.cx.metamask.io';

/**
 * The demo pages run under a strict policy: what works here works on a strict
 * partner site. The gateway's origin in script-src and frame-src is README's
 * entries for a challenge provider (Turnstile's challenges.cloudflare.com, ...):
 * here the gateway plays them. `connect-src` allows MetaMask's relay, as a site
 * offering MetaMask does, and the gateway's stand-in for it (ws:// on the
 * gateway's host: the demo points the element there with providerEndpoints.metamask).
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${gatewayOrigin}`,
  "style-src 'self'",
  `frame-src ${gatewayOrigin}`,
  `connect-src 'self' ${gatewayOrigin} ws://127.0.0.1:${GATEWAY_PORT} ${METAMASK_RELAY}`,
  "img-src 'self' data:",
  "require-trusted-types-for 'script'",
].join('; ');

if (!existsSync(join(root, 'dist', 'customer-register.js'))) {
  console.error('dist/ is missing: run `npm run build` (or `npm start`, which builds first).');
  process.exit(1);
}

// The demo page's dev inbox reads the codes from the dev endpoints. Besides the
// demo, any page on this machine may call it (a partner trying the element on
// their own local site), and GATEWAY_ORIGINS names others ("https://partner.test ...").
const extraOrigins = (process.env.GATEWAY_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
const gateway = createGateway({ allowedOrigins: ['loopback', ...extraOrigins], dev: true });
await gateway.listen(GATEWAY_PORT).catch((error) => {
  console.error(`Cannot listen on ${gatewayOrigin}: ${error.message}. Set GATEWAY_PORT to a free port.`);
  process.exit(1);
});

/** Serves demo/ at / and dist/ at /dist/, nothing else. */
async function serveFile(req, res) {
  const { pathname } = new URL(req.url ?? '/', pageOrigin);
  const relative = pathname === '/' ? 'demo/index.html' : pathname.startsWith('/dist/') ? pathname.slice(1) : `demo${pathname}`;
  let decoded;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    res.writeHead(400).end('bad request'); // a malformed escape (/%E0%A4%A) is refused, never a crash
    return;
  }
  const file = normalize(join(root, decoded));
  const allowed = [join(root, 'demo') + sep, join(root, 'dist') + sep].some((dir) => file.startsWith(dir));
  if (!allowed || file.includes(`${sep}gateway${sep}`)) {
    res.writeHead(404).end('not found');
    return;
  }
  try {
    let body = await readFile(file);
    // The pages name the default gateway; with GATEWAY_PORT set they name the one running.
    if (gatewayOrigin !== DEFAULT_GATEWAY_ORIGIN && /\.(html|js)$/.test(file) && file.startsWith(join(root, 'demo') + sep)) {
      body = Buffer.from(body.toString('utf8').replaceAll(DEFAULT_GATEWAY_ORIGIN, gatewayOrigin));
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'cache-control': 'no-cache',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}

const pages = createServer((req, res) =>
  serveFile(req, res).catch((error) => {
    console.error(`[demo] ${error?.stack ?? error}`);
    if (!res.headersSent) res.writeHead(500).end('internal error');
  }),
);
pages.on('error', (error) => {
  console.error(`Cannot listen on ${pageOrigin}: ${error.message}. Set DEMO_PORT to a free port.`);
  process.exit(1);
});
pages.listen(PAGE_PORT, '127.0.0.1', () => {
  console.log(`reference gateway: ${gatewayOrigin}   (answers pages on loopback origins${extraOrigins.length ? ` and ${extraOrigins.join(', ')}` : ''}; codes at ${gatewayOrigin}/__dev/inbox)`);
  console.log(`demo:              ${pageOrigin}/   (verification codes appear in its dev inbox and below)`);
});
