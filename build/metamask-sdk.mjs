// Rollup plugins for the lazy @metamask/sdk chunk (src/third-party/metamask-sdk.ts).
//
// - browserFileMap(): applies the package.json `browser` *object* maps that
//   @rollup/plugin-node-resolve skips for packages with `exports` (16.x:
//   `browser: true` only swaps the entry file). Without it, socket.io-client
//   pulls in engine.io-client's `*.node.js` files (ws, xmlhttprequest-ssl,
//   hence fs/http/https/url/child_process) and engine.io-parser's Node
//   encoder/decoder (which use the global `Buffer`).
// - noNodeBuiltins(): fails the build when an output chunk still imports a
//   Node built-in, or `require()`s one.
// - metamaskSdkPlugins(): browserFileMap() plus commonjs limited to
//   node_modules. Several of the SDK's dependencies are CommonJS
//   (eventemitter2, @metamask/sdk-analytics, cross-fetch, debug). No JSON
//   is imported (the SDK's browser build inlines its package.json), so
//   @rollup/plugin-json is not needed: the output is byte-identical with it.
//
// No Node polyfills are needed: the SDK's browser build (dist/browser/es)
// already contains its own Buffer/process/stream shims, and the rest only
// reads `process`/`global` behind `typeof` checks.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import commonjs from '@rollup/plugin-commonjs';

const EMPTY = '\0browser-file-map:empty';

/** Nearest directory at or above `file` whose package.json has a name, with that package.json. */
function packageOf(file, cache) {
  let dir = path.dirname(file);
  const seen = [];
  for (;;) {
    if (cache.has(dir)) break;
    seen.push(dir);
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch {
      pkg = undefined;
    }
    if (pkg?.name) {
      cache.set(dir, { dir, pkg });
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      cache.set(dir, null);
      break;
    }
    dir = parent;
  }
  const found = cache.get(dir);
  for (const d of seen) cache.set(d, found);
  return found;
}

/** The browser-map entry for `key` ('./dir/file.js'), written with or without './' and '.js'. */
function lookup(map, key) {
  for (const candidate of [key, key.replace(/\.js$/, ''), `${key}.js`]) {
    if (Object.hasOwn(map, candidate)) return map[candidate];
    const bare = candidate.replace(/^\.\//, '');
    if (Object.hasOwn(map, bare)) return map[bare];
  }
  return undefined;
}

/**
 * Redirects files of packages in node_modules according to their package.json
 * `browser` field when it is an object (`{ "./a.node.js": "./a.js", "ws": false }`).
 * `false` becomes an empty module.
 */
export function browserFileMap() {
  const cache = new Map();
  return {
    name: 'browser-file-map',
    // 'pre': run before node-resolve and commonjs wherever this plugin sits.
    resolveId: { order: 'pre', handler: resolveId },
    load: (id) => (id === EMPTY ? 'export default {};' : null),
  };

  async function resolveId(source, importer, options) {
    if (!importer || source.startsWith('\0')) return null;
    const importerFile = importer.replace(/^\0/, '').split('?')[0];
    if (!importerFile.includes(`${path.sep}node_modules${path.sep}`)) return null;
    const redirect = (owner, target) =>
      target === false
        ? EMPTY
        : this.resolve(path.resolve(owner.dir, target), importer, { ...options, skipSelf: true });

    // A bare specifier replaced in the importer's own package (`"ws": false`).
    if (!source.startsWith('.') && !path.isAbsolute(source)) {
      const owner = packageOf(importerFile, cache);
      const map = owner?.pkg.browser;
      if (map && typeof map === 'object' && Object.hasOwn(map, source)) return redirect(owner, map[source]);
      return null;
    }

    // A file of the package the import lands in (usually the importer's own).
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved || resolved.external) return resolved;
    // commonjs wraps ids as '\0/abs/file.js?commonjs-...': look at the file.
    const file = resolved.id.replace(/^\0/, '').split('?')[0];
    if (!path.isAbsolute(file)) return resolved;
    const owner = packageOf(file, cache);
    const map = owner?.pkg.browser;
    if (!map || typeof map !== 'object') return resolved;
    const target = lookup(map, `./${path.relative(owner.dir, file).split(path.sep).join('/')}`);
    return target === undefined ? resolved : redirect(owner, target);
  }
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]]).filter((n) => !n.startsWith('_')));

function isBuiltin(specifier) {
  if (specifier.startsWith('node:')) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

const REQUIRE = /\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g;

/**
 * Fails the build when an output chunk imports a Node built-in (`fs`,
 * `node:crypto`, `stream/web`, ...) statically or dynamically, or calls
 * `require()` with one. Uses Node's own list of built-ins.
 */
export function noNodeBuiltins() {
  return {
    name: 'no-node-builtins',
    generateBundle(_options, bundle) {
      const problems = [];
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const specifier of [...chunk.imports, ...chunk.dynamicImports]) {
          if (isBuiltin(specifier)) problems.push(`${chunk.fileName} imports "${specifier}"`);
        }
        for (const [, , specifier] of chunk.code.matchAll(REQUIRE)) {
          if (isBuiltin(specifier)) problems.push(`${chunk.fileName} calls require("${specifier}")`);
        }
      }
      if (problems.length) {
        this.error(
          `Node built-ins in the browser build:\n  ${problems.join('\n  ')}\n` +
            'A dependency resolved to its Node files: check its package.json "browser" map.',
        );
      }
    },
  };
}

/**
 * Everything the build needs for the @metamask/sdk chunk; put them right after
 * nodeResolve(). browserFileMap()'s resolveId is ordered 'pre', so it asks
 * node-resolve first and rewrites the answer wherever it sits. commonjs only
 * touches node_modules, never our TypeScript.
 */
export function metamaskSdkPlugins() {
  return [browserFileMap(), commonjs({ include: /node_modules/ })];
}
