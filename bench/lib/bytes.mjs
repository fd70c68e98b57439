// 1. bytes on the wire: gzip -9 and brotli q11 of the ESM entry and its static
// imports (what loads before the form is interactive), of each lazy chunk, and
// what those bytes are made of (from the source maps). Also used for the peers.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import path from 'node:path';
import { groupOf, sourceMapBreakdown } from '../source-map-breakdown.mjs';
import { BUDGET_GZIP, DIST, ENTRY } from './config.mjs';
import { fmtInt, rel, section, table } from './helpers.mjs';

function compressedSizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

export async function fileSizes(file) {
  return { file, ...compressedSizes(await readFile(file)) };
}

export function sumSizes(list) {
  return list.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

// Import statements of minified ES modules: `import{a as b}from"./x.js"`,
// `import"./x.js"`, `export*from"./x.js"`; and dynamic `import("./x.js")`.
// Only relative specifiers that resolve to an existing file inside `root` are
// kept, so the odd match inside a string literal is dropped.
const STATIC_IMPORT = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']([^"'\n]+)["']/g;
const DYNAMIC_IMPORT = /(?:^|[^.\w$])import\s*\(\s*["']([^"'\n]+)["']\s*\)/g;

function resolveImport(fromFile, specifier, root) {
  if (!/^\.{1,2}\//.test(specifier)) return null;
  const target = path.resolve(path.dirname(fromFile), specifier.split(/[?#]/)[0]);
  if (!target.startsWith(root + path.sep) || !existsSync(target) || !statSync(target).isFile()) return null;
  return target;
}

/** The entry and every file it imports statically, transitively (what loads before it runs). */
export async function staticGraph(entry, root) {
  const statics = [entry];
  for (let i = 0; i < statics.length; i++) {
    const code = await readFile(statics[i], 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const target = resolveImport(statics[i], match[1], root);
      if (target && !statics.includes(target)) statics.push(target);
    }
  }
  return statics;
}

export async function measureOurBytes() {
  section('1. Bytes on the wire: customer-register (gzip -9, brotli q11, each file on its own)');
  const statics = await staticGraph(ENTRY, DIST);
  const eager = await Promise.all(statics.map(fileSizes));
  const total = sumSizes(eager);
  console.log('  Before the form is interactive (ESM entry + its static imports):');
  const rows = [['file', 'raw', 'gzip', 'brotli']];
  for (const s of eager) rows.push([rel(s.file), fmtInt(s.raw), fmtInt(s.gzip), fmtInt(s.brotli)]);
  rows.push(['total', fmtInt(total.raw), fmtInt(total.gzip), fmtInt(total.brotli)]);
  table(rows, ['l', 'r', 'r', 'r']);

  const chunksDir = path.join(DIST, 'chunks');
  const chunkFiles = existsSync(chunksDir)
    ? (await readdir(chunksDir)).filter((f) => f.endsWith('.js')).sort().map((f) => path.join(chunksDir, f))
    : [];
  // Who loads each lazy chunk: an import() or a static import in any dist file.
  const referrers = new Map();
  for (const from of [ENTRY, ...chunkFiles]) {
    const code = await readFile(from, 'utf8');
    for (const [pattern, how] of [
      [DYNAMIC_IMPORT, 'import() in'],
      [STATIC_IMPORT, 'static import in'],
    ]) {
      for (const match of code.matchAll(pattern)) {
        const target = resolveImport(from, match[1], DIST);
        if (!target || target === from) continue;
        const list = referrers.get(target) ?? [];
        const text = `${how} ${path.basename(from)}`;
        if (!list.includes(text)) list.push(text);
        referrers.set(target, list);
      }
    }
  }
  console.log('\n  Lazy chunks (dist/chunks/*.js, fetched only when needed):');
  const lazyRows = [['file', 'raw', 'gzip', 'brotli', 'loaded by']];
  for (const file of chunkFiles) {
    if (statics.includes(file)) continue; // a static chunk is counted above
    const s = await fileSizes(file);
    const by = referrers.get(file)?.join(', ') ?? 'no dist file imports it';
    lazyRows.push([rel(file), fmtInt(s.raw), fmtInt(s.gzip), fmtInt(s.brotli), by]);
  }
  if (lazyRows.length === 1) console.log('  (none)');
  else table(lazyRows, ['l', 'r', 'r', 'r', 'l']);

  const pass = total.gzip <= BUDGET_GZIP;
  console.log(
    `\n  Budget: before interaction <= ${fmtInt(BUDGET_GZIP)} B gzip: ${pass ? 'PASS' : 'FAIL'} ` +
      `(${fmtInt(total.gzip)} B, ${((100 * total.gzip) / BUDGET_GZIP).toFixed(0)}% of the budget)`,
  );
  printBreakdown(statics);
  return { statics, total, pass };
}

/** What the files before interaction are made of, by source (from their source maps). */
function printBreakdown(files) {
  console.log('\n  What those bytes are (source maps: minified characters per source; gzip share in proportion):');
  const rows = [['source', 'chars', '~gzip B', 'share']];
  const groups = new Map();
  let chars = 0;
  let gzip = 0;
  const all = [];
  for (const file of files) {
    if (!existsSync(`${file}.map`)) continue;
    const breakdown = sourceMapBreakdown(file);
    chars += breakdown.rows.reduce((t, r) => t + r.chars, 0);
    gzip += breakdown.gzip;
    all.push(...breakdown.rows);
  }
  for (const r of all.sort((a, b) => b.chars - a.chars)) {
    if (!r.chars) continue;
    rows.push([`  ${r.source}`, fmtInt(r.chars), fmtInt(r.gzipShare), `${((100 * r.chars) / chars).toFixed(1)}%`]);
    const group = groupOf(r.source);
    groups.set(group, (groups.get(group) ?? 0) + r.chars);
  }
  table(rows, ['l', 'r', 'r', 'r']);
  console.log(
    `  By package or folder: ${[...groups]
      .sort((a, b) => b[1] - a[1])
      .map(([group, n]) => `${group} ${((100 * n) / chars).toFixed(0)}% (~${fmtInt((gzip * n) / chars)} B)`)
      .join(', ')}`,
  );
}
