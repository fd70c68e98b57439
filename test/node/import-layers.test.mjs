// The floors of src/, checked: every import (type imports too) points down or
// stays in its own folder, no two files import each other round a circle, and
// the entry chunk holds only what the layout says belongs in it. README
// ("Layout") draws the same floors; this file is where they are enforced.
//
// A lazy chunk is loaded with `import()`, which may point up a floor: that is
// the one way a lower floor reaches a higher one, and it loads code rather than
// naming it. `import('…').Name` in a type position names it, so it counts as an
// import like any other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The floors, lowest first. A file belongs to the longest folder that holds it;
 * files straight under src/ are the doors (package entries), on top. Folders
 * on one floor are neighbours that may not import each other.
 */
export const FLOORS = [
  ['src/core'], //               load-once, page-storage: used by everything
  ['src/core/i18n'], //          strings, locales, the localize controller
  ['src/core/gateway'], //       the contract's mappings, transport, one module per call
  ['src/core/providers'], //     provider names and sign-in errors
  ['src/core/flow'], //          steps, the flow's gateway I/O, drafts and resume: no DOM
  ['src/core/embedding'], //     what the page gives (attributes, utm, agent) and hears (events)
  ['src/element'], //            the entry: the element, its first-step view, the seam's types
  ['src/registration'], //       lazy: the registration chunk (controllers and views of every step)
  ['src/phone', 'src/third-party', 'src/challenge'], // lazy: chunks the registration chunk loads
  ['src'], //                    doors: customer-register.ts, react.ts, oauth-callback.ts, loader.ts
];

/** Whether a file may be in the entry chunk (dist/customer-register.js): a door, or under src/core or src/element. */
export const mayBeInEntry = (file) => folderOf(file) === 'src' || /^src\/(core|element)\//.test(file);

const folders = FLOORS.flat();
/** The folder a file belongs to: the longest listed folder that holds it. */
export function folderOf(file) {
  return folders.filter((folder) => file.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length)[0];
}
export function floorOf(folder) {
  return FLOORS.findIndex((floor) => floor.includes(folder));
}

function sourceFiles(dir = 'src') {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** Every relative import of a file: static (`import`/`export … from`, types included) or a lazy `import()`. */
export function importsOf(file, text = readFileSync(join(root, file), 'utf8')) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found = [];
  const add = (specifier, lazy) => {
    if (!specifier.startsWith('.')) return;
    const target = normalize(join(dirname(file), specifier)).replace(/\.js$/, '.ts');
    found.push({ target, lazy });
  };
  for (const [, specifier] of code.matchAll(/(?:^|;|\})\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm)) add(specifier, false);
  for (const [, specifier] of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) add(specifier, false);
  for (const [, specifier, after] of code.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)(?:\s*\.\s*([A-Za-z_$][\w$]*))?/g)) {
    // `import('x')` and `import('x').then(…)` load a chunk; `import('x').Name` names a type.
    add(specifier, !after || after === 'then');
  }
  return found;
}

/** What breaks the floors, as lines a person can read. */
export function layerProblems(files = sourceFiles(), read = (file) => readFileSync(join(root, file), 'utf8')) {
  const problems = [];
  const graph = new Map();
  for (const file of files) {
    const from = folderOf(file);
    const edges = [];
    for (const { target, lazy } of importsOf(file, read(file))) {
      const to = folderOf(target);
      if (!to) continue;
      edges.push(target);
      if (from === to) continue;
      const up = floorOf(to) > floorOf(from);
      const beside = floorOf(to) === floorOf(from);
      if (lazy && up) continue;
      if (up) problems.push(`${file} imports ${target}: up from ${from} to ${to}`);
      else if (beside) problems.push(`${file} imports ${target}: across from ${from} to its neighbour ${to}`);
    }
    graph.set(file, edges);
  }
  // A circle of imports (types and lazy loads too), file by file.
  const state = new Map();
  const visit = (file, path) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      problems.push(`import circle: ${[...path.slice(path.indexOf(file)), file].join(' -> ')}`);
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return problems;
}

test('every import in src/ points down a floor or stays in its folder, and none runs round a circle', () => {
  assert.deepEqual(layerProblems(), []);
});

test('the check sees an upward import, a type import up, a neighbour import and a circle', () => {
  const planted = {
    'src/core/gateway/a.ts': "import { x } from '../flow/b.js';",
    'src/core/flow/b.ts': "import type { Y } from '../../registration/c.js';",
    'src/registration/c.ts': "const p = import('../phone/d.js').then((m) => m);\nlet q: import('../third-party/e.js').E;",
    'src/phone/d.ts': "import { f } from '../third-party/e.js';",
    'src/third-party/e.ts': "export { g } from './f.js';",
    'src/third-party/f.ts': "import { e } from './e.js';",
  };
  const problems = layerProblems(Object.keys(planted), (file) => planted[file]);
  const about = (text) => problems.some((problem) => problem.includes(text));
  assert.ok(about('src/core/gateway/a.ts imports src/core/flow/b.ts: up'), problems.join('\n'));
  assert.ok(about('src/core/flow/b.ts imports src/registration/c.ts: up'), problems.join('\n'));
  assert.ok(about('src/registration/c.ts imports src/third-party/e.ts: up'), problems.join('\n'));
  assert.ok(!about('src/registration/c.ts imports src/phone/d.ts'), 'a lazy import() may load a chunk above');
  assert.ok(about('src/phone/d.ts imports src/third-party/e.ts: across'), problems.join('\n'));
  assert.ok(about('import circle: src/third-party/e.ts -> src/third-party/f.ts -> src/third-party/e.ts'), problems.join('\n'));
});

test('the entry chunk holds only the doors, src/core and src/element', (t) => {
  const map = join(root, 'dist/customer-register.js.map');
  if (!existsSync(map)) return t.skip('no dist/customer-register.js.map (run npm run build)');
  const sources = JSON.parse(readFileSync(map, 'utf8')).sources.map((source) => relative(root, join(root, 'dist', source)));
  const ours = sources.filter((source) => source.startsWith('src/'));
  assert.ok(ours.includes('src/element/customer-register.component.ts'), `the entry's sources: ${ours.join(', ')}`);
  const misplaced = ours.filter((source) => !mayBeInEntry(source));
  assert.deepEqual(misplaced, [], 'modules in the entry chunk from folders the layout keeps lazy');
});
