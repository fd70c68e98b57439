// What a built file's bytes are made of, by original source: every generated
// character is charged to the source its source-map segment points at (the
// way source-map-explorer does it, with no dependency). Characters no segment
// covers (the module wrapper, a line's leading separators) are "(unmapped)".
//
// Used by bench.mjs; also runnable on its own:
//   node bench/source-map-breakdown.mjs dist/customer-register.js
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** The values of one source-map segment (base64 VLQ, sign in the lowest bit). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`not base64 VLQ: ${JSON.stringify(text)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Generated characters per original source of `file` (which must sit next to
 * `file.map`), largest first, with each one's share of the file's gzip size
 * estimated in proportion to its characters.
 */
export function sourceMapBreakdown(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  if (map.sections) throw new Error(`${file}.map is an indexed source map; not supported`);
  const lines = code.split('\n');
  const chars = new Map();
  const charge = (source, n) => chars.set(source, (chars.get(source) ?? 0) + n);
  let sourceIndex = 0;
  map.mappings.split(';').forEach((lineMappings, lineNo) => {
    const line = lines[lineNo] ?? '';
    let column = 0;
    let previous; // [column, source or undefined]
    for (const segment of lineMappings ? lineMappings.split(',') : []) {
      const values = decodeSegment(segment);
      column += values[0];
      if (values.length >= 4) sourceIndex += values[1];
      if (previous) charge(previous[1], column - previous[0]);
      else charge('(unmapped)', column);
      previous = [column, values.length >= 4 ? map.sources[sourceIndex] : '(unmapped)'];
    }
    if (previous) charge(previous[1], line.length - previous[0]);
    else charge('(unmapped)', line.length);
  });
  const mappedTotal = [...chars.values()].reduce((a, b) => a + b, 0);
  const gzip = gzipSync(code, { level: 9 }).length;
  const rows = [...chars]
    .map(([source, n]) => ({ source: tidy(source), chars: n, gzipShare: (gzip * n) / mappedTotal }))
    .sort((a, b) => b.chars - a.chars);
  return { file, chars: code.length, gzip, rows };
}

/** `../node_modules/lit-html/lit-html.js` -> `lit-html/lit-html.js`; `../src/x.ts` -> `src/x.ts`. */
export function tidy(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) return source.slice(nm + 'node_modules/'.length);
  return source.replace(/^(\.\.\/)+/, '');
}

/** The package (for node_modules) or the source folder a row belongs to. */
export function groupOf(source) {
  if (source.startsWith('src/')) return path.dirname(source) === 'src' ? 'src/ (element)' : `${path.dirname(source)}/`;
  if (source === '(unmapped)') return source;
  const parts = source.split('/');
  return source.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'dist/customer-register.js';
  const { rows, chars, gzip } = sourceMapBreakdown(file);
  console.log(`${file}: ${chars} chars, ${gzip} B gzip -9`);
  for (const r of rows) console.log(`${String(r.chars).padStart(8)}  ~${String(Math.round(r.gzipShare)).padStart(6)} B gzip  ${r.source}`);
}
