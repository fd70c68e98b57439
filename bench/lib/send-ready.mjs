// 1b. bytes until the e-mail form's Send works: the entry and its static
// imports, plus the lazy chunks the element loads after its first render for
// Send (SEND_MODULES in config.mjs: the registration feature and the English
// "later" strings), each with its own static imports, every file counted once.
//
// The chunks are found in the built dist/ by the source modules they hold (the
// `sources` of each file's .map), never by name or hash. A module that no map
// lists, or that more than one does, is an error, reported as such.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tidy } from '../source-map-breakdown.mjs';
import { DIST, SEND_MODULES } from './config.mjs';
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

/** The dist file holding `module`, and how it was found; throws with a clear message when it cannot be. */
function chunkFor(module, sources) {
  const holders = [...sources].filter(([, set]) => set.has(module)).map(([file]) => file);
  if (holders.length === 1) return { file: holders[0], how: `its source map lists ${module}` };
  if (holders.length > 1) throw new Error(`${module} is in ${holders.length} dist files (${holders.map(rel).join(', ')}): expected one`);
  throw new Error(`no dist/*.map lists ${module} (is dist/ older than src/? run npm run build)`);
}

/**
 * Prints and returns the files and bytes until Send works; `statics` is the
 * entry and its static imports. Throws (clear message) when a chunk is missing.
 */
export async function measureSendReady(statics) {
  const sources = await sourcesByFile();
  const why = new Map(statics.map((f, i) => [f, i === 0 ? 'entry' : 'static import of the entry']));
  for (const module of SEND_MODULES) {
    const { file, how } = chunkFor(module, sources);
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
