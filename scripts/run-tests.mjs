// `npm test`: runs @web/test-runner and ends with the line
// "N passed, N failed" on its own, after everything the runner printed.
// The exit code is the runner's; a run that produced no count fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'wtr-result-'));
const resultFile = join(dir, 'result.txt');
const runner = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, WTR_RESULT_FILE: resultFile },
});
runner.on('exit', (code, signal) => {
  let line = '';
  try {
    line = readFileSync(resultFile, 'utf8').trim();
  } catch {
    console.error('The test runner reported no results.');
  }
  rmSync(dir, { recursive: true, force: true });
  if (line) console.log(`\n${line}`);
  if (!line || signal) process.exit(1);
  process.exit(code ?? 1);
});
