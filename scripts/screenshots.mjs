#!/usr/bin/env node
// Screenshots of the element's moments, to look at as a designer would: each
// state × language × width × page theme, on a partner page of its own origin
// under a strict Content-Security-Policy (Trusted Types included), against the
// reference gateway. Contact sheets (one per state and width) are made too when
// ImageMagick's `montage` is installed.
//
//   npm run build && node scripts/screenshots.mjs [--state a,b] [--lang en-US,ar] [--width 360,1280]
//                                                 [--theme white,page-dark,dark] [--out shots]
//
// Themes: `white` is the element unset on a white page, `page-dark` unset on a
// dark page (it should follow the page), `dark` is theme="dark" on a dark page.
// At 360 px the page is a phone (mobile viewport, touch, a phone's user agent).
// Uses Debian's Chromium (build/chromium.mjs); never downloads a browser.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, extname, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { createGateway } from '../demo/gateway/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../build/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Each state: what the page carries (attributes, a terms slot), and how to
 * reach the moment from a fresh page (`reach` gets helpers and the state's own
 * company, so that e-mail addresses never collide between shots).
 */
const STATES = {
  first: { reach: async () => {} },
  phone: { reach: async ({ click }) => click('#tab-phone') },
  terms: { terms: true, reach: async () => {} },
  'terms-refused': { terms: true, reach: async ({ type, press }) => (await type('#email', 'ann@example.com'), press('Enter')) },
  code: { terms: true, reach: async (h) => toCodeStep(h) },
  'exists-login': { attributes: 'login-url="/sign-in"', existing: true, reach: async (h) => sendExisting(h) },
  'exists-nologin': { existing: true, reach: async (h) => sendExisting(h) },
  success: { reach: async (h) => register(h, 'ann@example.com') },
  continue: { attributes: 'continue-url="/welcome" register-another', reach: async (h) => register(h, 'ann@example.com') },
  review: { reach: async (h) => register(h, 'ann+review@example.com') },
  typo: { reach: async ({ type, press }) => (await type('#email', 'ann@gmial.com'), press('Tab')) },
  'metamask-qr': { attributes: 'providers="metamask"', relay: true, reach: async (h) => metamask(h, '.wallet-qr svg') },
  'metamask-failure': { attributes: 'providers="metamask"', relay: false, reach: async (h) => metamask(h, '.wallet-failure') },
};

async function tickTermsIfShown({ shadow, click }) {
  if (await shadow('#terms', 1_000).catch(() => undefined)) await click('#terms');
}
async function toCodeStep(h, email = 'ann@example.com') {
  await tickTermsIfShown(h);
  await h.type('#email', email);
  await h.press('Enter');
  await h.shadow('#code');
}
async function register(h, email) {
  await toCodeStep(h, email);
  await h.type('#code', await h.codeSentTo(email));
  await tickTermsIfShown(h);
  await h.shadow('#outcome');
}
async function sendExisting(h) {
  await h.type('#email', 'ann@example.com');
  await h.press('Enter');
  await h.shadow('#send-error');
}
async function metamask(h, shown) {
  await h.click('button[data-provider="metamask"]');
  await h.shadow(shown);
}

const { values: options } = parseArgs({
  options: {
    state: { type: 'string', default: Object.keys(STATES).join(',') },
    lang: { type: 'string', default: 'en-US,ar,zh-CN,ru-RU' },
    width: { type: 'string', default: '360,1280' },
    theme: { type: 'string', default: 'white,page-dark,dark' },
    out: { type: 'string', default: 'shots' },
  },
});
const list = (value) => value.split(',').map((item) => item.trim()).filter(Boolean);
const states = list(options.state);
for (const state of states) if (!STATES[state]) throw new Error(`unknown state ${state}; known: ${Object.keys(STATES).join(', ')}`);
const out = resolve(options.out);
await mkdir(out, { recursive: true });

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);

const gateway = createGateway({ allowedOrigins: ['loopback'], dev: true, log: () => {} });
const gatewayUrl = await gateway.listen(0);
const gatewayHost = new URL(gatewayUrl).host;

const PAGE_STYLE = `body{margin:0;font:16px system-ui,sans-serif;background:#fff;color:#111}
body.dark{background:#121417;color:#e5e7eb;color-scheme:dark} main{max-width:520px;margin:0 auto;padding:24px 16px}
h1{font-size:20px;margin:0 0 16px} a{color:inherit}`;

function pageHtml({ lang, theme, company, state }) {
  const { attributes = '', terms } = STATES[state];
  const darkPage = theme !== 'white';
  const termsSlot = terms ? '<span slot="terms">I accept the <a href="/terms">terms of business</a>.</span>' : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Partner</title><link rel="stylesheet" href="/page.css"><script type="module" src="/dist/customer-register.js"></script>
<script type="module" src="/page.js"></script></head>
<body class="${darkPage ? 'dark' : ''}"><main><h1>Partner · ${state} · ${lang}</h1>
<customer-register company-id="${company}" host="${gatewayUrl}" lang="${lang}" ${theme === 'dark' ? 'theme="dark"' : ''} ${attributes}>${termsSlot}</customer-register>
</main></body></html>`;
}
// The stand-in relay for MetaMask Mobile lives on the reference gateway.
const PAGE_SCRIPT = `const element = document.querySelector('customer-register'); element.providerEndpoints = { metamask: ${JSON.stringify(gatewayUrl)} };`;

const pages = new Map();
const server = createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  const shot = pages.get(url.searchParams.get('shot') ?? request.headers.referer?.match(/shot=([^&]+)/)?.[1]);
  const relay = shot && STATES[shot.state].relay ? ` ws://${gatewayHost}` : '';
  const headers = {
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${gatewayUrl}${relay}; require-trusted-types-for 'script'`,
  };
  const send = (type, body) => response.writeHead(200, { ...headers, 'content-type': type }).end(body);
  if (url.pathname === '/page.html' && shot) return send('text/html; charset=utf-8', pageHtml(shot));
  if (url.pathname === '/page.css') return send('text/css', PAGE_STYLE);
  if (url.pathname === '/page.js') return send('text/javascript', PAGE_SCRIPT);
  if (url.pathname.startsWith('/dist/')) {
    try {
      return send(extname(url.pathname) === '.js' ? 'text/javascript' : 'application/octet-stream', await readFile(join(root, url.pathname)));
    } catch {}
  }
  response.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const browser = await puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
const taken = [];
const failed = [];
let serial = 0;
try {
  for (const state of states)
    for (const lang of list(options.lang))
      for (const width of list(options.width).map(Number))
        for (const theme of list(options.theme)) {
          const name = `${state}-${lang}-${width}-${theme}`;
          const company = `shots-${++serial}-${Date.now()}`;
          const id = String(serial);
          pages.set(id, { lang, theme, company, state });
          if (STATES[state].existing) gateway.state.customers.set(`${company}|1|ann@example.com`, { companyId: company, customer: { customerNo: 'X' }, body: {}, underReview: false });
          const tab = await browser.newPage();
          tab.on('pageerror', (error) => console.log(`  ${name}: page error: ${error.message}`));
          if (width < 600) {
            // The element asks User-Agent Client Hints too (navigator.userAgentData.mobile).
            await tab.setUserAgent({ userAgent: PHONE_UA, userAgentMetadata: { mobile: true, platform: 'Android', platformVersion: '14', architecture: '', model: 'Pixel 8', brands: [] } });
            await tab.setViewport({ width, height: 780, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
          } else await tab.setViewport({ width, height: 900 });
          // Polled: a selector wait does not see changes inside the shadow root in every case.
          const shadow = (selector, timeout = 60_000) =>
            tab.waitForFunction((s) => document.querySelector('customer-register')?.shadowRoot?.querySelector(s), { timeout, polling: 100 }, selector);
          const helpers = {
            shadow,
            click: async (selector) => (await shadow(selector)).asElement().click(),
            type: async (selector, text) => (await shadow(selector)).asElement().type(text, { delay: 10 }),
            press: (key) => tab.keyboard.press(key),
            codeSentTo: async (email) => {
              for (let tries = 0; tries < 100; tries++) {
                const inbox = await (await fetch(`${gatewayUrl}/__dev/inbox?companyId=${encodeURIComponent(company)}`)).json();
                const sent = inbox.find((message) => message.to === email);
                if (sent) return sent.code;
                await new Promise((resolve) => setTimeout(resolve, 100));
              }
              throw new Error(`no code was sent to ${email}`);
            },
          };
          try {
            await tab.goto(`${origin}/page.html?shot=${id}`);
            // The country list is what the first step waits for; a state reaches its moment from there.
            await shadow('#country:not([disabled])');
            await STATES[state].reach(helpers);
            // Let transitions and the focus ring settle.
            await new Promise((resolve) => setTimeout(resolve, 400));
            const path = join(out, `${name}.png`);
            // The partner's column, whole: at 1280 px the rest of the page is empty.
            await (await tab.$('main')).screenshot({ path });
            taken.push({ state, width, path });
            console.log(name);
          } catch (error) {
            failed.push(name);
            console.log(`FAILED ${name}: ${error.message}`);
            await tab.screenshot({ path: join(out, `FAILED-${name}.png`), fullPage: true }).catch(() => {});
          }
          await tab.close();
        }
} finally {
  await browser.close();
  server.close();
  await gateway.close();
}

// One contact sheet per state and width: languages down, themes across.
let montage = true;
try {
  execFileSync('montage', ['-version'], { stdio: 'ignore' });
} catch {
  montage = false;
}
if (montage) {
  const groups = new Map();
  for (const shot of taken) groups.set(`${shot.state}-${shot.width}`, [...(groups.get(`${shot.state}-${shot.width}`) ?? []), shot]);
  for (const [group, shots] of groups) {
    const sheet = join(out, `sheet-${group}.png`);
    const tile = `${list(options.theme).length}x`;
    const size = shots[0].width < 600 ? '360x' : '520x';
    execFileSync('montage', [...shots.map((s) => s.path), '-tile', tile, '-geometry', `${size}+6+6`, '-background', '#888', sheet]);
    console.log(`sheet ${sheet}`);
  }
}
console.log(`${taken.length} screenshots in ${out}${failed.length ? `; ${failed.length} failed: ${failed.join(', ')}` : ''}`);
process.exitCode = failed.length ? 1 : 0;
