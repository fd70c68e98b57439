// The package as a partner gets it: `npm pack`, the tarball installed into an
// empty project (from the npm cache that `npm ci` filled: --prefer-offline), and
// a strict TypeScript consumer (test/consumer/) compiled against what was
// installed. Needs the build and its declarations (npm test makes both first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ownPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const locked = (name) => lock.packages[`node_modules/${name}`].version;
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let work;
let tarball;
let packed;

/** Bytes and count of the packages under a node_modules folder. */
function installed(project) {
  const modules = join(project, 'node_modules');
  const names = readdirSync(modules).filter((name) => !name.startsWith('.')).flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]));
  const size = (path) => (statSync(path).isDirectory() ? readdirSync(path).reduce((sum, entry) => sum + size(join(path, entry)), 0) : statSync(path).size);
  return { names: names.sort(), bytes: size(modules) };
}

before(() => {
  assert.ok(existsSync(join(root, 'dist/types/customer-register.d.ts')), 'dist/types is missing: run `npm run build && npm run build:types` (npm test does)');
  work = mkdtempSync(join(tmpdir(), 'customer-register-pack-'));
  // The build is fresh (npm test just made it): pack it as it is rather than build it again (prepack).
  [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root));
  tarball = join(work, packed.filename);
});

after(() => work && rmSync(work, { recursive: true, force: true }));

test('the tarball holds what a partner needs and nothing else', () => {
  const files = packed.files.map((entry) => entry.path);
  for (const needed of [
    'package.json', 'README.md', 'CHANGELOG.md', 'bin/importmap.mjs',
    'dist/customer-register.js', 'dist/customer-register.iife.js', 'dist/react.js',
    'dist/oauth-callback.html', 'dist/oauth-callback.js', 'dist/custom-elements.json', 'dist/integrity.json',
    'dist/types/customer-register.d.ts', 'dist/types/react.d.ts',
  ]) assert.ok(files.includes(needed), `${needed} ships`);
  assert.ok(files.some((file) => /^dist\/chunks\/registration-[\w-]+\.js$/.test(file)), 'the lazy chunks ship');
  assert.deepEqual(files.filter((file) => file.endsWith('.map')), [], 'no source maps (they would carry vendored sources)');
  assert.deepEqual(files.filter((file) => !/^(dist\/|bin\/|package\.json$|README\.md$|CHANGELOG\.md$)/.test(file)), [], 'nothing but dist/, bin/ and the docs');
  console.log(`# tarball: ${packed.filename}, ${files.length} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked`);
});

test('no runtime dependency: every import in a shipped script is one of its own files, or React (the wrapper\'s optional peer)', () => {
  assert.equal(ownPackage.dependencies, undefined, 'package.json has no dependencies');
  assert.deepEqual(Object.keys(ownPackage.peerDependencies ?? {}), ['react']);
  const scripts = packed.files.map((entry) => entry.path).filter((file) => file.endsWith('.js') && file.startsWith('dist/'));
  const bare = new Set();
  for (const file of scripts) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
      if (!/^(\.{1,2}\/|https?:)/.test(specifier)) bare.add(`${specifier} (${file})`);
    }
  }
  assert.deepEqual([...bare].filter((entry) => !entry.startsWith('react (dist/react.js)')), []);
});

test('installed into an empty project, a strict TypeScript consumer compiles against it, and integrity.json matches its entry', () => {
  const project = join(work, 'site');
  cpSync(join(root, 'test/consumer'), project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'partner-site', version: '1.0.0', private: true, type: 'module' }));
  const quiet = ['--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'];
  // A script-tag or bundler partner: the package alone.
  npm(['install', tarball, ...quiet], project);
  const alone = installed(project);
  assert.deepEqual(alone.names, ['customer-register'], 'installing it brings no other package');
  // The React wrapper's partner adds React and its types (the versions this repo tests with).
  npm(['install', `react@${locked('react')}`, `@types/react@${locked('@types/react')}`, ...quiet], project);
  const withReact = installed(project);
  console.log(`# install: the package alone ${alone.names.length} package, ${alone.bytes} B; with React ${withReact.names.length} packages, ${withReact.bytes} B`);

  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    assert.fail(`the strict consumer does not compile against the installed package:\n${error.stdout}${error.stderr}`);
  }

  const shipped = join(project, 'node_modules/customer-register/dist');
  const { version, files } = JSON.parse(readFileSync(join(shipped, 'integrity.json'), 'utf8'));
  assert.equal(version, ownPackage.version);
  const entry = readFileSync(join(shipped, 'customer-register.js'));
  assert.equal(files['customer-register.js'], `sha384-${createHash('sha384').update(entry).digest('base64')}`);
  assert.ok(entry.includes(JSON.stringify(ownPackage.version)), 'the entry carries the version');
  const manifest = JSON.parse(readFileSync(join(shipped, 'custom-elements.json'), 'utf8'));
  const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'customer-register');
  for (const name of ['login-url', 'redirect-uri', 'provider-layout', 'company-id']) assert.ok(element.attributes.some((a) => a.name === name), `manifest: ${name}`);
  for (const name of ['registered', 'account-exists', 'step-change', 'register-error']) assert.ok(element.events.some((e) => e.name === name), `manifest: ${name}`);
});
