// The last step of `npm run build`: dist/integrity.json, the Subresource Integrity
// (sha384) of every script in dist/, for a site that serves the build from a CDN
// (the script tag's `integrity`, and the import map that pins the lazy chunks:
// bin/importmap.mjs). The callback page's script is not pinned in the page: both
// are served from the site's own origin, so whoever could change the one could
// change the other.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { VERSION } from './version.mjs';

const dist = new URL('../dist/', import.meta.url).pathname;

/** `sha384-…` of a file's bytes, as a script tag's or an import map's `integrity` names it. */
export const sriOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Every script under dist/ but the declarations (relative paths, `/` separated, sorted). */
function scripts(dir = dist) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'types' ? [] : scripts(path);
      return entry.name.endsWith('.js') ? [relative(dist, path).split(sep).join('/')] : [];
    })
    .sort();
}

const files = Object.fromEntries(scripts().map((path) => [path, sriOf(readFileSync(join(dist, path)))]));
writeFileSync(join(dist, 'integrity.json'), `${JSON.stringify({ name: 'customer-register', version: VERSION, files }, null, 2)}\n`);
