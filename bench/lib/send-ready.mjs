// 1b. bytes until the e-mail form's Send works: the entry and its static
// imports, plus the lazy chunks the element loads after its first render for
// Send (SEND_MODULES in config.mjs: the registration feature and the English
// "later" strings), each with its own static imports, every file counted once.
//
// The chunks are found in the built dist/ by the source modules they hold (the
// `sources` of each file's .map), never by name or hash. A module that holds no
// code of its own (src/registration-feature.ts only re-exports, so no source
// map lists it) is found as the chunk whose static imports, together, hold every
// module it re-exports from; of several, the one that loads the least. A module
// that cannot be found this way is an error, reported as such.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tidy } from '../source-map-breakdown.mjs';
import { DIST, ROOT, SEND_MODULES } from './config.mjs';
import { fileSizes, staticGraph, sumSizes } from './bytes.mjs';
import { fmtInt, rel, table } from './helpers.mjs';

/** Every .js file of dist/ (top level and chunks/) -> the tidied `sources` of its source map. */
async function sourcesByFile() {
  const files = [];
  for (const dir of [DIST, path.join(DIST, 'chunks')]) {
    if (!existsSync(dir)) continue;
    for (const f of (await readdir(dir)).sort()) if (f.endsWith('.js')) files.push(path.join(dir, f));
  }
  const map = new Map();
  for (const file of files) {
    if (!existsSync(`${file}.map`)) continue;
    const { sources = [] } = JSON.parse(await readFile(`${file}.map`, 'utf8'));
    map.set(file, new Set(sources.map(tidy)));
  }
  return map;
}

/** The modules a re-export-only module re-exports from (`export ... from './x.js'` -> src/x.ts). */
async function reExportTargets(module) {
  const code = await readFile(path.join(ROOT, module), 'utf8');
  const targets = [];
  for (const match of code.matchAll(/export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(module), match[1])).replace(/\.js$/, '.ts');
    if (!targets.includes(target)) targets.push(target);
  }
  return targets;
}

/** The dist file holding `module`, and how it was found; throws with a clear message when it cannot be. */
async function chunkFor(module, sources) {
  const holders = [...sources].filter(([, set]) => set.has(module)).map(([file]) => file);
  if (holders.length === 1) return { file: holders[0], how: `its source map lists ${module}` };
  if (holders.length > 1) throw new Error(`${module} is in ${holders.length} dist files (${holders.map(rel).join(', ')}): expected one`);
  if (!existsSync(path.join(ROOT, module))) throw new Error(`${module} does not exist and no dist/*.map lists it`);
  const targets = (await reExportTargets(module)).filter((t) => existsSync(path.join(ROOT, t)));
  if (!targets.length) {
    throw new Error(`no dist/*.map lists ${module}, and it re-exports nothing to find its chunk by (is dist/ older than src/? run npm run build)`);
  }
  let best;
  for (const file of sources.keys()) {
    const graph = await staticGraph(file, DIST);
    const held = new Set(graph.flatMap((f) => [...(sources.get(f) ?? [])]));
    if (!targets.every((t) => held.has(t))) continue;
    const gzip = sumSizes(await Promise.all(graph.map(fileSizes))).gzip;
    if (!best || gzip < best.gzip) best = { file, gzip };
  }
  if (!best) throw new Error(`no dist file, with its static imports, holds all ${targets.length} modules ${module} re-exports from (${targets.join(', ')})`);
  return { file: best.file, how: `${module} only re-exports: the chunk whose static imports hold all ${targets.length} modules it re-exports from` };
}

/**
 * Prints and returns the files and bytes until Send works; `statics` is the
 * entry and its static imports. Throws (clear message) when a chunk is missing.
 */
export async function measureSendReady(statics) {
  const sources = await sourcesByFile();
  const why = new Map(statics.map((f, i) => [f, i === 0 ? 'entry' : 'static import of the entry']));
  for (const module of SEND_MODULES) {
    const { file, how } = await chunkFor(module, sources);
    console.log(`  ${module} -> ${rel(file)} (${how})`);
    for (const f of await staticGraph(file, DIST)) {
      if (!why.has(f)) why.set(f, f === file ? `holds ${module}` : `static import, for ${module}`);
    }
  }
  const files = [...why.keys()];
  const sizes = await Promise.all(files.map(fileSizes));
  const total = sumSizes(sizes);
  const rows = [['file', 'raw', 'gzip', 'brotli', 'why']];
  for (const s of sizes) rows.push([rel(s.file), fmtInt(s.raw), fmtInt(s.gzip), fmtInt(s.brotli), why.get(s.file)]);
  rows.push(['total', fmtInt(total.raw), fmtInt(total.gzip), fmtInt(total.brotli), `${files.length} files`]);
  table(rows, ['l', 'r', 'r', 'r', 'l']);
  return { files, total };
}
