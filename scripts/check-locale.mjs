// A translator's quick check from the shell, the same rules as the browser
// test: `node scripts/check-locale.mjs de-DE fr-FR` (no argument: every locale).
// Prints each problem; exits 1 when there is any.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tags = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(root, 'src/i18n/locales')).map((file) => file.replace(/\.ts$/, ''));
const out = mkdtempSync(join(tmpdir(), 'check-locale-'));
let failed = false;
try {
  for (const tag of tags) {
    const file = join(root, 'src/i18n/locales', `${tag}.ts`);
    if (!existsSync(file)) {
      console.log(`${tag}: no file src/i18n/locales/${tag}.ts`);
      failed = true;
      continue;
    }
    const entry = join(out, `${tag}-entry.ts`);
    const outfile = join(out, `${tag}.mjs`);
    await build({
      stdin: {
        contents: `export { default as strings } from ${JSON.stringify(file)};
export { default as source } from ${JSON.stringify(join(root, 'src/i18n/en-US.ts'))};
export { checkTranslation } from ${JSON.stringify(join(root, 'test/support/locale-checks.ts'))};`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'error',
    });
    void entry;
    const { strings, source, checkTranslation } = await import(outfile);
    const glossaryFile = join(root, 'src/i18n/glossary', `${tag}.json`);
    const glossary = existsSync(glossaryFile) ? JSON.parse(readFileSync(glossaryFile, 'utf8')) : undefined;
    const problems = checkTranslation(tag, strings, source, glossary);
    if (!glossary) problems.push(`no glossary src/i18n/glossary/${tag}.json`);
    if (problems.length) failed = true;
    console.log(`${tag}: ${problems.length ? `${problems.length} problem(s)` : 'ok'}`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
