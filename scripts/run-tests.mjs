// `npm test`: runs the @web/test-runner suite in Chromium, Firefox and WebKit,
// one engine after another (two cores cannot run three browsers side by side
// without timing flakes), and ends with each engine's count and then the line
// "N passed, N failed" on its own, summed over the engines.
//
//   npm test                          all three engines
//   npm test -- --engine firefox      one engine (repeat --engine for more)
//   npm test -- --files test/phone.test.ts   any other argument goes to the runner
//
// First, in Node, the tests that need no browser (test/node/: the packed tarball
// installed and compiled against, the public API read one way, the import layers); left out when
// --files names browser tests only.
//
// An engine whose browser is missing, or whose run reports no count, fails the
// run: nothing passes by not running.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, findEngine, INSTALL_HINT } from '../build/browsers.mjs';
import { startWebKitDriver } from '../build/webkit-driver.mjs';

const args = process.argv.slice(2);
const engines = [];
const runnerArgs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--engine') engines.push(args[++i]);
  else if (args[i].startsWith('--engine=')) engines.push(args[i].slice('--engine='.length));
  else runnerArgs.push(args[i]);
}
if (engines.length === 0) engines.push(...(process.env.TEST_ENGINES?.split(/[\s,]+/).filter(Boolean) ?? ENGINES));
for (const engine of engines) {
  if (!ENGINES.includes(engine)) {
    console.error(`Unknown engine "${engine}": one of ${ENGINES.join(', ')}.`);
    process.exit(2);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'wtr-result-'));

/** Runs the suite in one engine: its "N passed, N failed" line, or undefined. */
async function runEngine(engine) {
  const binary = findEngine(engine);
  if (!binary) {
    console.error(`No ${engine} found: ${INSTALL_HINT[engine]}. This project never downloads a browser.`);
    return undefined;
  }
  const resultFile = join(dir, `${engine}.txt`);
  const env = { ...process.env, TEST_ENGINE: engine, WTR_RESULT_FILE: resultFile };
  let webkit;
  if (engine === 'webkit') {
    try {
      webkit = await startWebKitDriver(binary);
    } catch (error) {
      console.error(`WebKit could not start: ${error.message}`);
      return undefined;
    }
    env.WEBKIT_DRIVER_PORT = String(webkit.port);
  }
  console.log(`\n=== ${engine} ===`);
  const code = await new Promise((resolve) => {
    const runner = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...runnerArgs], { stdio: 'inherit', env });
    runner.on('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode ?? 1));
  });
  webkit?.stop();
  try {
    return { line: readFileSync(resultFile, 'utf8').trim(), code };
  } catch {
    console.error(`The ${engine} run reported no results.`);
    return undefined;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
let ok = true;

/** node --test test/node/: its pass and fail counts, read from its TAP summary. */
async function runPackageTests() {
  console.log('\n=== Node (package, public API, import layers) ===');
  let output = '';
  const code = await new Promise((resolve) => {
    const runner = spawn(process.execPath, ['--test', '--test-reporter=tap', 'test/node/'], { stdio: ['ignore', 'pipe', 'inherit'] });
    runner.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    runner.on('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode ?? 1));
  });
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  return { passed: count('pass'), failed: count('fail'), code };
}

if (!runnerArgs.includes('--files')) {
  const started = Date.now();
  const result = await runPackageTests();
  const seconds = Math.round((Date.now() - started) / 1000);
  if (Number.isNaN(result.passed) || Number.isNaN(result.failed)) {
    ok = false;
    totals.failed += 1;
    summary.push('Node: no result (counted as 1 failed)');
  } else {
    totals.passed += result.passed;
    totals.failed += result.failed;
    if (result.code !== 0 || result.failed > 0) ok = false;
    summary.push(`Node: ${result.passed} passed, ${result.failed} failed in ${seconds} s`);
  }
}

for (const engine of engines) {
  const started = Date.now();
  const result = await runEngine(engine);
  const seconds = Math.round((Date.now() - started) / 1000);
  const counts = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(result?.line ?? '');
  if (!result || !counts) {
    ok = false;
    totals.failed += 1;
    summary.push(`engine ${engine}: no result (counted as 1 failed)`);
    continue;
  }
  totals.passed += Number(counts[1]);
  totals.failed += Number(counts[2]);
  totals.skipped += Number(counts[3] ?? 0);
  if (result.code !== 0 || Number(counts[2]) > 0) ok = false;
  summary.push(`engine ${engine}: ${result.line} in ${seconds} s`);
}
rmSync(dir, { recursive: true, force: true });

console.log(`\n${summary.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
