// Browser runs: cold loads in headless Chromium with the CPU throttled over the
// DevTools protocol, a check that the throttling applies, and the interleaved
// rounds of measured loads.
import { CPU_THROTTLE, RUNS } from './config.mjs';
import { fmtMs, withTimeout } from './helpers.mjs';

/**
 * One cold load in a fresh browser context (its own empty cache; cache also
 * disabled), CPU throttled over CDP before navigating. Resolves the page's
 * numbers named in `keys` (ms since navigation start). `seen`, when given,
 * collects page errors and requests to hosts other than ours.
 */
async function coldLoad(browser, url, keys, { rate = CPU_THROTTLE, seen } = {}) {
  const context = await withTimeout(browser.createBrowserContext(), 10_000, 'creating a browser context');
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (seen) {
      page.on('pageerror', (error) => seen.errors.add(String(error?.message ?? error).split('\n')[0].slice(0, 160)));
      page.on('request', (request) => {
        const u = new URL(request.url());
        if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '127.0.0.1') {
          seen.external.add(`${u.origin}${u.pathname}`);
        }
      });
    }
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    await page
      .waitForFunction((names) => names.every((k) => typeof window[k] === 'number'), { timeout: 30_000, polling: 50 }, keys)
      .catch(async (error) => {
        const missing = await page
          .evaluate((names) => names.filter((k) => typeof window[k] !== 'number'), keys)
          .catch(() => keys);
        throw new Error(`${missing.join(', ')} not recorded (${error.message})`);
      });
    return await page.evaluate((names) => Object.fromEntries(names.map((k) => [k, window[k]])), keys);
  } finally {
    await withTimeout(context.close(), 10_000, 'closing a browser context').catch(() => {});
  }
}

/** Checks that CDP CPU throttling is in effect after a navigation: the same busy loop, 1x and 4x. */
export async function checkThrottle(browser, origin) {
  const time = async (rate) => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(`${origin}/pages/bench-mark.js`, { timeout: 30_000 });
      return await page.evaluate(() => {
        const start = performance.now();
        let x = 0;
        for (let i = 0; i < 3e7; i++) x = (x + i * 7) % 1000003;
        return performance.now() - start + (x < 0 ? 1 : 0);
      });
    } finally {
      await context.close().catch(() => {});
    }
  };
  const base = Math.min(await time(1), await time(1));
  const throttled = Math.min(await time(CPU_THROTTLE), await time(CPU_THROTTLE));
  const ratio = throttled / base;
  console.log(
    `  CPU throttle check (busy loop): ${fmtMs(base)} ms at 1x, ${fmtMs(throttled)} ms at ${CPU_THROTTLE}x ` +
      `-> ${ratio.toFixed(1)}x` +
      (ratio < 1.5
        ? '  WARNING: throttling does not seem to apply'
        : ratio < CPU_THROTTLE * 0.75
          ? ' (applied; other load on this machine narrows the apparent ratio)'
          : ''),
  );
}

export async function measureLoads(browser, origin, subjects) {
  // One warm-up load each (discarded; it also records page errors and
  // attempts to reach other hosts), then RUNS rounds, the order rotated each
  // round so that drift on this shared machine spreads evenly.
  for (const s of subjects) {
    s.seen = { errors: new Set(), external: new Set() };
    s.samples = Object.fromEntries(s.keys.map((k) => [k, []]));
    try {
      await coldLoad(browser, origin + s.path, s.keys, { seen: s.seen });
    } catch (error) {
      s.error = error.message;
    }
  }
  const live = subjects.filter((s) => !s.error);
  for (let round = 0; round < RUNS; round++) {
    for (let i = 0; i < live.length; i++) {
      const s = live[(i + round) % live.length];
      if (s.error) continue;
      try {
        const values = await coldLoad(browser, origin + s.path, s.keys);
        for (const k of s.keys) s.samples[k].push(values[k]);
      } catch (error) {
        // A failed load is reported and not counted; three failures drop the page.
        s.failures = [...(s.failures ?? []), `round ${round + 1}: ${error.message}`];
        console.log(`  ${s.name}: load failed in round ${round + 1}: ${error.message}`);
        if (s.failures.length >= 3) s.error = `gave up after 3 failed loads (${s.failures.join('; ')})`;
      }
    }
    if (process.stdout.isTTY) process.stdout.write(`\r  ${round + 1}/${RUNS} rounds of ${live.length} cold loads done`);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
}
