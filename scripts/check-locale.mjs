// A translator's quick check from the shell, the same rules as the browser
// test: `node scripts/check-locale.mjs de-DE fr-FR` (no argument: every locale,
// en-US included). Checks the widget's strings and the reference gateway's
// messages (demo/gateway/messages/<tag>.mjs). Prints each problem; exits 1 when
// there is any.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tags = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['en-US', ...readdirSync(join(root, 'src/core/i18n/locales')).map((file) => file.replace(/\.ts$/, ''))];
const out = mkdtempSync(join(tmpdir(), 'check-locale-'));
let failed = false;
try {
  for (const tag of tags) {
    // The source is en-US's strings: checked for the words this form must not use, and its gateway messages.
    const file = tag === 'en-US' ? join(root, 'src/core/i18n/en-US.ts') : join(root, 'src/core/i18n/locales', `${tag}.ts`);
    if (!existsSync(file)) {
      console.log(`${tag}: no file src/core/i18n/locales/${tag}.ts`);
      failed = true;
      continue;
    }
    const entry = join(out, `${tag}-entry.ts`);
    const outfile = join(out, `${tag}.mjs`);
    await build({
      stdin: {
        contents: `export { default as strings } from ${JSON.stringify(file)};
export { default as source } from ${JSON.stringify(join(root, 'src/core/i18n/en-US.ts'))};
export { checkTranslation, checkReservedForAfterKyc, checkGatewayMessages, EN_RESERVED_FOR_AFTER_KYC } from ${JSON.stringify(join(root, 'test/support/locale-checks.ts'))};`,
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
    const { strings, source, checkTranslation, checkReservedForAfterKyc, checkGatewayMessages, EN_RESERVED_FOR_AFTER_KYC } = await import(outfile);
    const glossaryFile = join(root, 'src/core/i18n/glossary', `${tag}.json`);
    const glossary = existsSync(glossaryFile) ? JSON.parse(readFileSync(glossaryFile, 'utf8')) : undefined;
    const problems = checkTranslation(tag, strings, source, glossary);
    if (tag === 'en-US') problems.push(...checkReservedForAfterKyc(strings, EN_RESERVED_FOR_AFTER_KYC));
    else if (!glossary) problems.push(`no glossary src/core/i18n/glossary/${tag}.json`);
    const gatewayFile = join(root, 'demo/gateway/messages', `${tag}.mjs`);
    if (existsSync(gatewayFile)) problems.push(...checkGatewayMessages((await import(gatewayFile)).default, glossary));
    else problems.push(`no gateway messages demo/gateway/messages/${tag}.mjs`);
    if (problems.length) failed = true;
    console.log(`${tag}: ${problems.length ? `${problems.length} problem(s)` : 'ok'}`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
