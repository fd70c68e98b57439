// Peers: which published sign-up widgets are compared, which files a
// script-tag page loads for each, installing them into .bench/peers (never into
// the project) and measuring their bytes.
import { readFile, readdir, mkdir, copyFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { PEERS_DIR, PEERS_MANIFEST, PEERS_NM, PEERS_RUNTIME } from './config.mjs';
import { cleanups, fmtInt, rel, withTimeout } from './helpers.mjs';
import { fileSizes, staticGraph, sumSizes } from './bytes.mjs';

// Each peer names the files a script-tag page loads before the widget can run,
// in page order. `as`: 'script' (classic <script src>), 'module' (<script
// type="module">; its static imports are followed and counted), 'style'
// (<link rel="stylesheet">). `candidates` are tried in order; a peer with no
// existing candidate has no browser bundle in its npm package and is skipped.
// `runtime` lists code or assets it fetches from its own servers at run time,
// each with the string in its shipped source that shows it (checked, so a note
// is printed only when the installed version really does it). Where that code
// is itself published on npm (`code`), the bench fetches the version pinned in
// bench/peers/package.json ("runtimeCode") with `npm pack` (files only, no
// dependencies) and counts it in a second figure, "with run-time code".
export const PEERS = [
  {
    id: 'hanko',
    name: '@teamhanko/hanko-elements',
    // package.json "browser": {".": "./dist/elements.js"} (also exports.import):
    // one self-contained ES module (no static imports of other files, no
    // import()) defining <hanko-auth>; a page loads it with <script type="module">.
    candidates: [[{ path: '@teamhanko/hanko-elements/dist/elements.js', as: 'module' }]],
    runtime: [
      {
        file: '@teamhanko/hanko-elements/dist/elements.js',
        evidence: '"/sessions/validate"',
        note: 'no run-time code loading seen; its login/sign-up flow comes as JSON from the Hanko API',
      },
    ],
  },
  {
    id: 'auth0-lock',
    name: 'auth0-lock',
    // package.json has no unpkg/jsdelivr/browser field; "main" is lib/index.js,
    // Babel's CommonJS output requiring react, react-dom, auth0-js... (needs a
    // bundler). The script-tag build (lock.min.js) is published on Auth0's CDN,
    // not in the npm package: these candidates are where it would be.
    candidates: [
      [{ path: 'auth0-lock/build/lock.min.js', as: 'script' }],
      [{ path: 'auth0-lock/build/lock.js', as: 'script' }],
      [{ path: 'auth0-lock/dist/lock.min.js', as: 'script' }],
    ],
    skipReason:
      'no browser bundle in the npm package (only Babel CommonJS in lib/ that needs a bundler; ' +
      "the script-tag lock.min.js is published only on Auth0's CDN)",
    runtime: [
      {
        file: 'auth0-lock/lib/core/client/settings.js',
        evidence: '.js?t',
        note: "also loads the tenant's client settings at run time as JSONP from https://{domain}/client/{clientID}.js",
      },
    ],
  },
  {
    id: 'descope',
    name: '@descope/web-component',
    // No unpkg/jsdelivr/browser field. dist/index.js is the self-executing
    // (IIFE) build that its README loads with
    // <script src="https://unpkg.com/@descope/web-component@x/dist/index.js">;
    // dist/esm and dist/cjs keep bare imports for bundlers.
    candidates: [[{ path: '@descope/web-component/dist/index.js', as: 'script' }]],
    runtime: [
      {
        file: '@descope/web-component/dist/index.js',
        evidence: 'injectNpmLib("@descope/web-components-ui"',
        note:
          'loads its UI component library @descope/web-components-ui (dist/umd/index.js) at run time from ' +
          "descopecdn.com / jsdelivr (the version named by the project's config), then one webpack chunk per " +
          "component a flow uses, and each flow's screens from static.descope.com",
        // Counted in "with run-time code": the library's entry file only (its component chunks
        // and the flow's screens depend on the flow, so they are left out).
        code: { package: '@descope/web-components-ui', files: ['dist/umd/index.js'] },
      },
    ],
  },
  {
    id: 'clerk',
    name: '@clerk/clerk-js',
    // package.json "jsdelivr": "dist/clerk.browser.js": the UMD browser build
    // that <script data-clerk-publishable-key src=".../dist/clerk.browser.js">
    // loads (clerk.js / clerk.mjs are the bundler builds). Its rspack chunks
    // (*_clerk.browser_*.js in dist/) are fetched on demand from the same path.
    // The page gives it a made-up publishable key, as a real embed does
    // (without one its constructor throws before evaluation ends).
    candidates: [
      [
        {
          path: '@clerk/clerk-js/dist/clerk.browser.js',
          as: 'script',
          attrs: { 'data-clerk-publishable-key': `pk_test_${Buffer.from('bench.clerk.accounts.dev$').toString('base64')}` },
        },
      ],
    ],
    lazyChunks: (files) => files.filter((f) => /_clerk\.browser_[0-9a-f]+_[\d.]+\.js$/.test(f)),
    runtime: [
      {
        file: '@clerk/clerk-js/dist/clerk.browser.js',
        evidence: '__internal_ClerkUICtor',
        note:
          'has no sign-up UI of its own: the UI (ClerkUI) is another script, which @clerk/shared loads at run ' +
          'time from https://{frontend-api}/npm/@clerk/ui@{v}/dist/ui.browser.js (and clerk.browser.js itself ' +
          "normally comes from Clerk's frontend-api host); ui.browser.js then fetches its sign-up chunk",
        // Counted in "with run-time code": ui.browser.js only (not its lazy sign-up chunk).
        code: { package: '@clerk/ui', files: ['dist/ui.browser.js'] },
      },
    ],
  },
  {
    id: 'firebaseui',
    name: 'firebaseui',
    // No unpkg/jsdelivr/browser field. dist/firebaseui.js is the CDN build
    // (gstatic's firebase-ui-auth.js) that uses the global `firebase` compat
    // namespace, so a script-tag page first loads firebase's app and auth compat
    // scripts (firebase/firebase-app-compat.js, firebase/firebase-auth-compat.js,
    // from firebase, firebaseui's peer dependency) and its stylesheet
    // dist/firebaseui.css; all four are counted.
    candidates: [
      [
        { path: 'firebaseui/dist/firebaseui.css', as: 'style' },
        { path: 'firebase/firebase-app-compat.js', as: 'script' },
        { path: 'firebase/firebase-auth-compat.js', as: 'script' },
        { path: 'firebaseui/dist/firebaseui.js', as: 'script' },
      ],
    ],
    extraVersions: ['firebase'],
    runtime: [
      {
        file: 'firebase/firebase-auth-compat.js',
        evidence: 'apis.google.com/js/api.js',
        note:
          "firebase auth loads Google's gapi (apis.google.com/js/api.js) and an iframe from " +
          '{authDomain}/__/auth/iframe at run time for popup/redirect sign-in: not counted here',
      },
    ],
  },
];

function peerVersion(name) {
  try {
    return JSON.parse(readFileSync(path.join(PEERS_NM, name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function peersInstalled(manifest) {
  return Object.entries(manifest.dependencies).every(([name, version]) => peerVersion(name) === version);
}

/** Runs a command to its end (killed at cleanup); rejects with its output unless it exits 0. */
async function run(command, args, { cwd, what, ms = 180_000 }) {
  const output = [];
  const code = await withTimeout(
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      cleanups.push(() => {
        if (child.exitCode === null) child.kill('SIGTERM');
      });
      child.stdout.on('data', (d) => output.push(d));
      child.stderr.on('data', (d) => output.push(d));
      child.on('error', reject);
      child.on('exit', resolve);
    }),
    ms,
    what,
  );
  if (code !== 0) throw new Error(`${what} exited with ${code}:\n${Buffer.concat(output).toString().trim()}`);
  return Buffer.concat(output).toString();
}

export async function installPeers() {
  const manifest = JSON.parse(await readFile(PEERS_MANIFEST, 'utf8'));
  if (peersInstalled(manifest)) {
    console.log(`  Peers already installed in ${rel(PEERS_DIR)} (pinned in ${rel(PEERS_MANIFEST)}).`);
  } else {
    console.log(`  Installing the peers pinned in ${rel(PEERS_MANIFEST)} into ${rel(PEERS_DIR)} ...`);
    await mkdir(PEERS_DIR, { recursive: true });
    await copyFile(PEERS_MANIFEST, path.join(PEERS_DIR, 'package.json'));
    const started = performance.now();
    await run('npm', ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: PEERS_DIR,
      what: 'npm install of the peers',
    });
    console.log(`  Installed in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  }
  await fetchRuntimeCode(manifest.runtimeCode ?? {});
}

/** Where a peer's run-time code package is unpacked. */
const runtimeDir = (name) => path.join(PEERS_RUNTIME, name.replace('/', '__'));

function runtimeVersion(name) {
  try {
    return JSON.parse(readFileSync(path.join(runtimeDir(name), 'package', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * The code peers fetch at run time, as published on npm: `npm pack` (the
 * package's files, none of its dependencies: only its bytes are counted,
 * nothing runs) unpacked into .bench/peers/runtime/<name>/package.
 */
async function fetchRuntimeCode(pinned) {
  for (const [name, version] of Object.entries(pinned)) {
    if (runtimeVersion(name) === version) continue;
    console.log(`  Fetching ${name}@${version} (code a peer loads at run time) with npm pack ...`);
    const dir = runtimeDir(name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const out = await run('npm', ['pack', `${name}@${version}`, '--json', '--loglevel=error'], { cwd: dir, what: `npm pack ${name}@${version}` });
    const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
    await run('tar', ['-xzf', filename, '-C', dir], { cwd: dir, what: `unpacking ${filename}` });
    await rm(path.join(dir, filename), { force: true });
  }
}

/** Resolves a peer to the files it loads and its byte sizes; or a reason to skip it. */
export async function preparePeer(peer) {
  const version = peerVersion(peer.name);
  if (!version) return { ...peer, skip: `not installed in ${rel(PEERS_NM)}` };
  const files = peer.candidates.find((list) => list.every((f) => existsSync(path.join(PEERS_NM, f.path))));
  const notes = [];
  const runtimeLoaded = []; // run-time code, counted only in "with run-time code"
  for (const r of peer.runtime ?? []) {
    const file = path.join(PEERS_NM, r.file);
    const found = existsSync(file) && (await readFile(file, 'utf8')).includes(r.evidence);
    notes.push(found ? r.note : `(expected sign not found in ${r.file}: "${r.evidence}")`);
    if (!found || !r.code) continue;
    const codeVersion = runtimeVersion(r.code.package);
    const codeFiles = r.code.files.map((f) => path.join(runtimeDir(r.code.package), 'package', f));
    if (!codeVersion || !codeFiles.every((f) => existsSync(f))) {
      notes.push(`(its run-time code ${r.code.package} could not be fetched: not counted)`);
      continue;
    }
    for (const f of codeFiles) runtimeLoaded.push({ ...(await fileSizes(f)), label: `${r.code.package}@${codeVersion}/${path.relative(path.join(runtimeDir(r.code.package), 'package'), f)}` });
  }
  const label = [version, ...(peer.extraVersions ?? []).map((n) => `${n} ${peerVersion(n)}`)].join(' + ');
  if (!files) return { ...peer, version: label, notes, skip: peer.skipReason ?? 'no browser bundle found in the package' };

  const loaded = []; // every file fetched before the widget runs, with sizes
  for (const f of files) {
    const abs = path.join(PEERS_NM, f.path);
    const list = f.as === 'module' ? await staticGraph(abs, PEERS_NM) : [abs];
    for (const file of list) loaded.push(await fileSizes(file));
  }
  if (peer.lazyChunks) {
    const dir = path.dirname(path.join(PEERS_NM, files[files.length - 1].path));
    const chunks = peer.lazyChunks(await readdir(dir));
    if (chunks.length) {
      const s = sumSizes(await Promise.all(chunks.map((c) => fileSizes(path.join(dir, c)))));
      notes.push(
        `its dist/ also holds ${chunks.length} lazy chunks for this build, ${fmtInt(s.gzip)} B gzip together, ` +
          'fetched on demand: not counted here',
      );
    }
  }
  const withRuntime = runtimeLoaded.length ? sumSizes([...loaded, ...runtimeLoaded]) : undefined;
  return { ...peer, version: label, files, loaded, bytes: sumSizes(loaded), runtimeLoaded, withRuntime, notes };
}
