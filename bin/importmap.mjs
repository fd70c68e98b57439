#!/usr/bin/env node
// customer-register-importmap <base-url>
//
// Prints the import map that pins every lazy chunk of this build to its
// Subresource Integrity, for a site that serves dist/ from <base-url> (the URL of
// the folder holding customer-register.js, e.g.
// https://cdn.example/customer-register@0.2.0/dist/), and the CSP source that
// lets the map run under `script-src` without 'unsafe-inline'. A script tag's
// `integrity` covers only the file it names; the entry fetches its chunks with
// import(), which only an import map's `integrity` can pin.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The import map (as JSON text) for dist/ served at `base`, from dist/integrity.json's `files`. */
export function importMapFor(base, files) {
  const folder = new URL(base.endsWith('/') ? base : `${base}/`);
  if (!/^https?:$/.test(folder.protocol)) throw new Error(`${base} is not an http(s) URL`);
  const integrity = Object.fromEntries(Object.entries(files).map(([path, sri]) => [new URL(path, folder).href, sri]));
  return JSON.stringify({ imports: {}, integrity });
}

/** The `script-src` source that allows exactly this inline import map. */
export const cspHashOf = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('customer-register-importmap')) {
  const base = process.argv[2];
  if (!base) {
    console.error('usage: customer-register-importmap <base-url of the folder holding customer-register.js>');
    process.exit(2);
  }
  const { files } = JSON.parse(readFileSync(new URL('../dist/integrity.json', import.meta.url), 'utf8'));
  const map = importMapFor(base, files);
  console.log(`<script type="importmap">${map}</script>`);
  console.error(`Add to your Content-Security-Policy's script-src: ${cspHashOf(map)}`);
}
