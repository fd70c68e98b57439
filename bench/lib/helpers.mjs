// Small helpers shared by the bench modules: cleanup at the end (and a watchdog
// that forces it), time limits, number formatting, printed tables, statistics.
import path from 'node:path';
import { ROOT } from './config.mjs';

export const cleanups = [];
let cleanedUp = false;

export async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const fn of cleanups.reverse()) {
    // A cleanup may say it needs longer (removing the reference build's worktree).
    await withTimeout(Promise.resolve().then(fn), fn.timeoutMs ?? 10_000, 'cleanup').catch((error) =>
      console.error(`bench: cleanup: ${error.message}`),
    );
  }
}

/** Gives up after `ms` (something hung): cleans up and exits 1. Returns the timer, to clear at the end. */
export function startWatchdog(ms) {
  const watchdog = setTimeout(async () => {
    console.error(`\nbench: ERROR: gave up after ${ms / 1000} s (something hung); closing down.`);
    await cleanup();
    process.exit(1);
  }, ms);
  watchdog.unref();
  return watchdog;
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts `server` on a free loopback port, closed at cleanup; its origin. */
export async function listenOnLoopback(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  cleanups.push(() => {
    server.closeAllConnections?.();
    return new Promise((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${server.address().port}`;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
export const rel = (file) => path.relative(ROOT, file);

export function section(title) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(3, 76 - title.length))}`);
}

export function table(rows, align) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  for (const row of rows) {
    console.log(
      '  ' +
        row
          .map((cell, i) => (align[i] === 'r' ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i])))
          .join('  ')
          .trimEnd(),
    );
  }
}

/** Linear-interpolated percentile of sorted numbers, p in [0, 1]. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    p10: percentile(sorted, 0.1),
    p90: percentile(sorted, 0.9),
  };
}
