// Paths, budgets and settings shared by the bench modules (bench/bench.mjs
// describes the figures and the environment variables read here).
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../build/chromium.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const ENTRY = path.join(DIST, 'customer-register.js');
export const PAGES = path.join(ROOT, 'bench', 'pages');
export const PEERS_MANIFEST = path.join(ROOT, 'bench', 'peers', 'package.json');
export const PEERS_DIR = path.join(ROOT, '.bench', 'peers');
export const PEERS_NM = path.join(PEERS_DIR, 'node_modules');
export const PEERS_RUNTIME = path.join(PEERS_DIR, 'runtime');
// The modules whose chunks (and their static imports) the e-mail form's Send
// needs on top of the entry: found in dist/ by the source modules they hold.
export const SEND_MODULES = ['src/registration/registration.ts', 'src/core/i18n/en-US-later.ts'];
export const CHROME = findChromium() ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 21);
export const CPU_THROTTLE = 4;
export const BUDGET_GZIP = 12 * 1024; // 12,288 B (issue #18)
export const BUDGET_FOCUSABLE_MS = 100;
export const PEER_BYTES_GOAL = 5; // every peer at least 5x our bytes on the wire
export const DEADLINE_MS = 5.5 * 60_000;

export const CHROME_ARGS = [
  ...CHROMIUM_ARGS,
  // There is no network: make every host but loopback fail at once (no DNS
  // wait), so a widget that reaches for its servers cannot stall a run. The
  // attempts are still seen as failed requests and reported.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
