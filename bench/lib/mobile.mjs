// 5. What a mobile visitor gets: this build and a reference build side by side,
// interleaved, on the Lighthouse mobile profile (Chromium over CDP: CPU 4x,
// 150 ms latency on every request, 1.6 Mbps down / 750 kbps up, the Moto G Power
// user agent and viewport). Chromium's network emulation does not delay CORS
// preflights, and every gateway call needs one (the contract's custom headers),
// so each build's gateway sits behind a local proxy that holds every OPTIONS
// 150 ms like any other round trip.
//
// Each build gets its own origin on 127.0.0.1: a static server with dist/ (gzip
// -9, as a CDN would send it) and three host pages (one module script in <head>,
// <customer-register company-id host> in <body>, <html lang> en-US, de-DE or ar),
// and its own checkout's reference gateway behind the proxy. Every load is in a
// fresh browser context (empty cache, no connections, no preflight cache).
//
// Per round, four kinds of load, each for both builds back to back, the order
// alternating (ABBA...): "send" (en-US: a person who types at once and presses
// Send), "de-DE" and "ar" (labels in the page's language), "phone" (the phone tab
// clicked once the country list is in). Marks: bench/pages/mobile-probe.js.
// Requests, their times and bodies come from CDP Network events on the page's
// clock (mapped through the document request's requestStart).
//
// The reference is built from a temporary `git worktree` of the given commit
// with a hard-linked copy of node_modules, and removed at the end.
import { execFile as execFileCb, spawn } from 'node:child_process';
import { createServer, request as httpRequest, Agent } from 'node:http';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { PAGES, ROOT } from './config.mjs';
import { cleanups, fmtInt, listenOnLoopback, section, sleep, table, withTimeout } from './helpers.mjs';

const execFile = promisify(execFileCb);

export const MOBILE_ROUNDS = Math.max(2, Number(process.env.BENCH_MOBILE_ROUNDS) || 8);

/** Lighthouse's mobile profile (its "slow 4G" numbers, as Lighthouse counts them). */
const PROFILE = {
  cpu: 4,
  latencyMs: 150,
  downloadBytesPerSecond: (1638.4 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36',
  viewport: { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true },
};
const PREFLIGHT_HOLD_MS = PROFILE.latencyMs;
const KINDS = [
  { id: 'send', page: 'en-US' },
  { id: 'de-DE', page: 'de-DE', locale: 'de-DE' },
  { id: 'ar', page: 'ar', locale: 'ar' },
  { id: 'phone', page: 'en-US' },
];
const LOAD_TIMEOUT_MS = 40_000;

// ---- the reference build ----------------------------------------------------------

async function git(...args) {
  const { stdout } = await execFile('git', args, { cwd: ROOT });
  return stdout.trim();
}

/** Checks out `ref` into a temporary worktree, hard-links node_modules and builds it; removed at cleanup. */
export async function buildReference(ref) {
  const sha = await git('rev-parse', '--verify', `${ref}^{commit}`).catch(() => {
    throw new Error(`--reference ${ref}: not a commit of this repository`);
  });
  const dir = path.join(ROOT, '.bench', `reference-${sha.slice(0, 10)}-${process.pid}`);
  const remove = async () => {
    await git('worktree', 'remove', '--force', dir).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    await git('worktree', 'prune').catch(() => {});
  };
  // Deleting a node_modules of hard links takes a while on a busy machine.
  cleanups.push(Object.assign(remove, { timeoutMs: 180_000 }));
  await git('worktree', 'add', '--detach', dir, sha);
  // Hard links: no copy of the bytes; the build writes only its own dist/.
  await execFile('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')]);
  console.log(`  reference ${ref} = ${sha.slice(0, 10)}: building in ${path.relative(ROOT, dir)} (npm run build) ...`);
  const started = Date.now();
  await new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), 10 * 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      code === 0 ? resolve() : reject(new Error(`building the reference failed (exit ${code}): ${stderr.slice(-800)}`));
    });
  });
  console.log(`  reference built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { name: `reference ${ref}`, short: ref, sha, root: dir };
}

// ---- servers -----------------------------------------------------------------------

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp', '.css': 'text/css' };

function hostPage(lang, gatewayOrigin) {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>bench: mobile</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/cr/customer-register.js"></script>
  </head>
  <body>
    <customer-register company-id="bench" host="${gatewayOrigin}"></customer-register>
  </body>
</html>
`;
}


/** dist/ under /cr/ (gzip -9 when asked for) and the host pages /<lang>.html. */
async function startStaticServer(build, context) {
  const dist = path.join(build.root, 'dist');
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.local');
    const pathname = decodeURIComponent(url.pathname);
    let body;
    let type;
    const page = /^\/([\w-]+)\.html$/.exec(pathname);
    if (page) {
      body = Buffer.from(hostPage(page[1], context.gatewayOrigin));
      type = TYPES['.html'];
    } else if (pathname.startsWith('/cr/')) {
      const file = path.resolve(dist, `.${pathname.slice(3)}`);
      if (!file.startsWith(dist + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      body = await readFile(file);
      type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    } else {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !/image\/(png|webp)/.test(type)) {
      if (!cache.has(pathname)) cache.set(pathname, gzipSync(body, { level: 9 }));
      body = cache.get(pathname);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return listenOnLoopback(server);
}

/** A pass-through proxy to the gateway that holds every CORS preflight like any other round trip. */
async function startPreflightProxy(target, holdMs) {
  const { hostname, port } = new URL(target);
  const agent = new Agent({ keepAlive: true });
  cleanups.push(() => agent.destroy());
  const server = createServer((req, res) => {
    const forward = () => {
      const upstream = httpRequest(
        { hostname, port, path: req.url, method: req.method, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (req.method === 'OPTIONS') setTimeout(forward, holdMs);
    else forward();
  });
  return listenOnLoopback(server);
}

/** One build's origin: static server and its own checkout's gateway behind the preflight proxy. */
async function startBuild(build) {
  const context = { gatewayOrigin: '' };
  build.origin = await startStaticServer(build, context);
  const { createGateway } = await import(pathToFileURL(path.join(build.root, 'demo', 'gateway', 'server.mjs')).href);
  const gateway = createGateway({ allowedOrigins: [build.origin], dev: true, log: () => {} });
  const gatewayOrigin = await withTimeout(gateway.listen(0), 10_000, 'starting a gateway');
  cleanups.push(() => gateway.close());
  context.gatewayOrigin = await startPreflightProxy(gatewayOrigin, PREFLIGHT_HOLD_MS);
  build.gatewayOrigin = context.gatewayOrigin;
}

// ---- one load ------------------------------------------------------------------------

/** A request's short name: the page, a chunk without its hash, or the gateway call. */
function requestName(r, build) {
  const url = new URL(r.url);
  const method = r.method === 'OPTIONS' ? 'OPTIONS ' : '';
  if (url.origin === build.gatewayOrigin) {
    const call = url.pathname.split('.').pop();
    return `${method}${{ getCountryListByParentCode: 'countryList' }[call] ?? call}`;
  }
  if (url.pathname.endsWith('.html')) return 'page';
  const file = url.pathname.split('/').pop();
  // Rollup's chunk names end in -<8-character hash>.
  return url.pathname.includes('/chunks/') ? file.replace(/-[A-Za-z0-9_-]{8}(\.\w+)$/, '$1') : file;
}

/**
 * The requests in series that end just before `at` (page ms): the request that
 * finished last before it, then the one that finished last before that one
 * started, and so on back to the page. A heuristic critical path.
 */
function chainBefore(requests, at) {
  const chain = [];
  let cursor = at;
  for (;;) {
    const before = requests.filter((r) => r.end <= cursor + 0.5 && !chain.includes(r));
    if (!before.length) break;
    const last = before.reduce((a, b) => (b.end > a.end ? b : a));
    chain.unshift(last);
    cursor = last.start;
  }
  return chain;
}

async function loadOnce(browser, build, kind, probeSource, round) {
  const context = await withTimeout(browser.createBrowserContext(), 10_000, 'creating a browser context');
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    const requests = new Map();
    let documentTiming;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!/^https?:/.test(e.request.url)) return;
      requests.set(e.requestId, { id: e.requestId, url: e.request.url, method: e.request.method, startTs: e.timestamp, endTs: NaN, headerBytes: 0, bytes: 0 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.headerBytes = e.response.encodedDataLength ?? 0;
      if (e.type === 'Document' && !documentTiming) documentTiming = e.response.timing;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) {
        r.endTs = e.timestamp;
        r.bytes = Math.max(0, (e.encodedDataLength ?? 0) - r.headerBytes);
      }
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.endTs = e.timestamp;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.latencyMs,
      downloadThroughput: PROFILE.downloadBytesPerSecond,
      uploadThroughput: PROFILE.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
    await cdp.send('Emulation.setDeviceMetricsOverride', PROFILE.viewport);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    await cdp.send('Emulation.setUserAgentOverride', { userAgent: PROFILE.userAgent, platform: 'Linux armv8l' });
    const config = { kind: kind.id, locale: kind.locale ?? '', email: `bench-${round}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com` };
    await page.evaluateOnNewDocument(probeSource.replace('BENCH_PROBE_CONFIG;', `${JSON.stringify(config)};`));
    const response = await page.goto(`${build.origin}/${kind.page}.html`, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
    if (!response?.ok()) throw new Error(`the page answered ${response?.status()}`);
    const marks = await withTimeout(
      page.evaluate(() => window.__bench.done),
      LOAD_TIMEOUT_MS,
      `${kind.id} on ${build.short}: the probe's marks`,
    ).catch(async (error) => {
      const partial = await page.evaluate(() => window.__bench?.marks).catch(() => ({}));
      throw new Error(`${error.message} (marks so far: ${JSON.stringify(partial)})`);
    });
    const requestStart = await page.evaluate(() => performance.getEntriesByType('navigation')[0].requestStart);
    // Wait for requests under way at the last mark to finish (their ends count for nothing after it).
    await sleep(50);
    const offset = documentTiming.requestTime * 1000 + documentTiming.sendStart - requestStart;
    const list = [...requests.values()].map((r) => ({
      ...r,
      start: r.startTs * 1000 - offset,
      end: Number.isFinite(r.endTs) ? r.endTs * 1000 - offset : Infinity,
    }));
    for (const r of list) r.name = requestName(r, build);
    return { marks, requests: list };
  } finally {
    await withTimeout(context.close(), 10_000, 'closing a browser context').catch(() => {});
  }
}

// ---- statistics -----------------------------------------------------------------

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
const median = (values) => percentile([...values].sort((a, b) => a - b), 0.5);

/** Seeded, so the same samples give the same interval. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** median(b) - median(a) over pairs, with a percentile bootstrap 95% CI resampling whole pairs. */
function pairedDifference(pairs, resamples = 4000) {
  const diff = median(pairs.map((p) => p[1])) - median(pairs.map((p) => p[0]));
  const rand = random(0x5eed);
  const estimates = [];
  for (let i = 0; i < resamples; i++) {
    const sample = Array.from({ length: pairs.length }, () => pairs[Math.floor(rand() * pairs.length)]);
    estimates.push(median(sample.map((p) => p[1])) - median(sample.map((p) => p[0])));
  }
  estimates.sort((a, b) => a - b);
  return { diff, low: percentile(estimates, 0.025), high: percentile(estimates, 0.975) };
}

const ms = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const signed = (n) => (Number.isFinite(n) ? `${n >= 0 ? '+' : '−'}${ms(Math.abs(n))}` : 'n/a');
function summary(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? `${ms(percentile(sorted, 0.5))} (${ms(percentile(sorted, 0.1))}-${ms(percentile(sorted, 0.9))})` : 'n/a';
}

// ---- the run -----------------------------------------------------------------------

/** What each kind of load yields, per run: name -> value (ms, count or bytes). */
function metricsOf(kind, { marks, requests }) {
  const out = {};
  const bytesBy = (at) => requests.filter((r) => r.method !== 'OPTIONS' && r.end <= at).reduce((sum, r) => sum + r.bytes, 0);
  const countSeries = (chain) => chain.filter((r) => r.method !== 'OPTIONS').length;
  out.focusable = marks.focusable;
  out.bytesFocusable = bytesBy(marks.focusable);
  if (kind.id === 'send') {
    out.listIssued = marks.listIssued;
    out.statusIssued = marks.statusIssued;
    out.sendIssued = marks.sendIssued;
    out.code = marks.code;
    const chain = chainBefore(requests, marks.sendIssued);
    out.seriesSend = countSeries(chain);
    out.chainSend = chain.map((r) => r.name).join(' → ');
    out.bytesSend = bytesBy(marks.sendIssued);
    out.bytesCode = bytesBy(marks.code);
  } else if (kind.locale) {
    out.labels = marks.labels;
    out.english = marks.english === undefined ? 0 : Math.max(0, marks.labels - marks.english);
    const chain = chainBefore(requests, marks.labels);
    out.seriesLabels = countSeries(chain);
    out.chainLabels = chain.map((r) => r.name).join(' → ');
    out.bytesLabels = bytesBy(marks.labels);
  } else {
    out.phone = marks.phoneUsable - marks.phoneClick;
    out.bytesPhone = bytesBy(marks.phoneUsable) - bytesBy(marks.phoneClick);
  }
  return out;
}

const ROWS = [
  ['send', 'focusable', 'send page: e-mail input focusable', 'ms'],
  ['send', 'listIssued', 'send page: countryList fetch() called', 'ms'],
  ['send', 'statusIssued', 'send page: checkStatus fetch() called', 'ms'],
  ['send', 'sendIssued', 'send page: verifyCodeSend leaves (fetch() called)', 'ms'],
  ['send', 'code', 'send page: code step shown', 'ms'],
  ['send', 'seriesSend', 'requests in series before verifyCodeSend (page counted, preflights not)', 'n'],
  ['send', 'bytesFocusable', 'bytes before focusable (bodies, gzip where sent so)', 'B'],
  ['send', 'bytesSend', 'bytes before verifyCodeSend', 'B'],
  ['send', 'bytesCode', 'bytes before the code step', 'B'],
  ['de-DE', 'focusable', 'de-DE page: input focusable', 'ms'],
  ['de-DE', 'labels', 'de-DE page: labels in German', 'ms'],
  ['de-DE', 'english', 'de-DE page: English on screen first', 'ms'],
  ['de-DE', 'seriesLabels', 'de-DE page: requests in series before the labels', 'n'],
  ['de-DE', 'bytesLabels', 'de-DE page: bytes before the labels', 'B'],
  ['ar', 'focusable', 'ar page: input focusable', 'ms'],
  ['ar', 'labels', 'ar page: labels in Arabic, dir=rtl', 'ms'],
  ['ar', 'english', 'ar page: English on screen first', 'ms'],
  ['ar', 'seriesLabels', 'ar page: requests in series before the labels', 'n'],
  ['ar', 'bytesLabels', 'ar page: bytes before the labels', 'B'],
  ['phone', 'phone', 'phone tab click -> number input with its flag usable', 'ms'],
  ['phone', 'bytesPhone', 'phone tab: bytes after the click until usable', 'B'],
];

/** The most frequent value of a string metric, with how often it came. */
function modal(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [value, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['n/a', 0];
  return `${value} (${count} of ${values.length} runs)`;
}

/**
 * Runs the comparison and prints it. `builds` is [reference, ours] (or [ours]
 * alone); `ours.root` is this checkout.
 */
export async function measureMobile(puppeteer, launch, builds) {
  section(`5. A mobile visitor (Lighthouse mobile profile), ${builds.map((b) => b.name).join(' vs ')}`);
  for (const build of builds) await startBuild(build);
  const probeSource = readFileSync(path.join(PAGES, 'mobile-probe.js'), 'utf8');
  const browser = await withTimeout(puppeteer.launch(launch), 30_000, 'launching Chromium');
  cleanups.push(() => browser.close());
  console.log(
    `  CPU ${PROFILE.cpu}x, ${PROFILE.latencyMs} ms latency, ${fmtInt((PROFILE.downloadBytesPerSecond * 8) / 1024)} kbit/s down, ` +
      `${fmtInt((PROFILE.uploadBytesPerSecond * 8) / 1024)} kbit/s up (CDP); CORS preflights held ${PREFLIGHT_HOLD_MS} ms by a proxy;\n` +
      `  ${PROFILE.viewport.width}x${PROFILE.viewport.height} at DPR ${PROFILE.viewport.deviceScaleFactor}, Moto G Power user agent; ` +
      `fresh context per load; dist/ sent gzip -9. ${MOBILE_ROUNDS} rounds (BENCH_MOBILE_ROUNDS) of ${KINDS.length} kinds x ${builds.length} builds.`,
  );
  // One warm-up load per build (not counted): the first run of a fresh browser is slower.
  for (const build of builds) await loadOnce(browser, build, KINDS[0], probeSource, -1).catch(() => {});
  const results = builds.map(() => Object.fromEntries(KINDS.map((k) => [k.id, []])));
  const failures = [];
  for (let round = 0; round < MOBILE_ROUNDS; round++) {
    for (const [k, kind] of KINDS.entries()) {
      const order = (round + k) % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => i).reverse();
      const pair = [];
      for (const i of order) {
        try {
          pair[i] = metricsOf(kind, await loadOnce(browser, builds[i], kind, probeSource, round));
        } catch (error) {
          failures.push(`round ${round + 1}, ${kind.id}, ${builds[i].short}: ${error.message.split('\n')[0].slice(0, 300)}`);
        }
      }
      // A pair counts only whole: both builds measured in this round.
      if (builds.every((_, i) => pair[i])) builds.forEach((_, i) => results[i][kind.id].push(pair[i]));
    }
    if (process.stdout.isTTY) process.stdout.write(`\r  ${round + 1}/${MOBILE_ROUNDS} rounds done`);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  await browser.close().catch(() => {});
  for (const failure of failures) console.log(`  load failed (not counted): ${failure}`);

  const paired = builds.length === 2;
  const head = paired
    ? ['median (p10-p90)', 'n', builds[0].short, builds[1].short, `${builds[1].short} − ${builds[0].short} [95% CI]`]
    : ['median (p10-p90)', 'n', builds[0].short];
  const rows = [head];
  const figures = {};
  for (const [kindId, key, label, unit] of ROWS) {
    const samples = builds.map((_, i) => results[i][kindId].map((m) => m[key]));
    const n = samples[0].length;
    const cells = [`${label} (${unit})`, String(n), ...samples.map(summary)];
    if (paired) {
      const pairs = samples[0].map((a, j) => [a, samples[1][j]]).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
      const d = pairs.length ? pairedDifference(pairs) : { diff: NaN, low: NaN, high: NaN };
      cells.push(`${signed(d.diff)} [${signed(d.low)}, ${signed(d.high)}]`);
      figures[`${kindId}.${key}`] = d;
    }
    figures[`${kindId}.${key}.ours`] = median(samples[samples.length - 1].filter(Number.isFinite));
    rows.push(cells);
  }
  table(rows, ['l', 'r', 'r', 'r', 'r']);
  console.log('  (ms since navigation start, except the phone rows, which count from the click; p10-p90 by linear interpolation;');
  console.log('   the difference is median minus median, its CI a bootstrap of whole rounds, 4,000 resamples; bytes are response');
  console.log('   bodies finished before the mark, gateway answers included; "English on screen" is labels − the first moment');
  console.log('   the Send button was shown in English, 0 when it never was)');

  console.log('\n  Requests in series (the request that finished last before the mark, then before that one started, ...):');
  for (const [i, build] of builds.entries()) {
    console.log(`  ${build.short}:`);
    console.log(`    before verifyCodeSend: ${modal(results[i].send.map((m) => m.chainSend))}`);
    console.log(`    before German labels:  ${modal(results[i]['de-DE'].map((m) => m.chainLabels))}`);
    console.log(`    before Arabic labels:  ${modal(results[i].ar.map((m) => m.chainLabels))}`);
  }

  const ours = (key) => figures[`${key}.ours`];
  const goals = [
    ['verifyCodeSend leaves <= 1,250 ms', ours('send.sendIssued') <= 1250, ms(ours('send.sendIssued'))],
    ['code step shown <= 1,650 ms', ours('send.code') <= 1650, ms(ours('send.code'))],
    ['<= 4 requests in series before verifyCodeSend', ours('send.seriesSend') <= 4, String(ours('send.seriesSend'))],
    ['de-DE: no English first, labels <= 900 ms', ours('de-DE.english') === 0 && ours('de-DE.labels') <= 900, `${ms(ours('de-DE.english'))} / ${ms(ours('de-DE.labels'))}`],
    ['ar: no English first, labels <= 900 ms', ours('ar.english') === 0 && ours('ar.labels') <= 900, `${ms(ours('ar.english'))} / ${ms(ours('ar.labels'))}`],
  ];
  if (paired) {
    const f = figures['send.focusable'];
    goals.push([`focusable no later than ${builds[0].short}`, f.high <= 0 || f.diff <= 0, `${signed(f.diff)} [${signed(f.low)}, ${signed(f.high)}]`]);
  }
  console.log(`\n  Goals (${builds[builds.length - 1].short}, medians; absolute times on a shared machine move from run to run):`);
  table(goals.map(([what, met, value]) => [what, value.includes('n/a') || value === 'NaN' ? 'NOT MEASURED' : met ? 'MET' : 'MISSED', value]), ['l', 'l', 'r']);
}
