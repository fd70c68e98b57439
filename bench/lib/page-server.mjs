// The page server: a tiny static server on 127.0.0.1 for dist/, bench/pages/,
// the installed peers and one generated page per peer.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DIST, PAGES, PEERS_NM } from './config.mjs';
import { listenOnLoopback } from './helpers.mjs';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

const urlOf = (file) => `/peers/${file.path}`;

function peerPage(peer) {
  const head = [];
  for (const f of peer.files) {
    if (f.as === 'style') head.push(`<link rel="stylesheet" href="${urlOf(f)}" />`);
    else if (f.as === 'script') {
      const attrs = Object.entries(f.attrs ?? {}).map(([k, v]) => ` ${k}="${v}"`).join('');
      head.push(`<script${attrs} src="${urlOf(f)}"></script>`);
    }
    else head.push(`<script type="module" src="${urlOf(f)}"></script>`);
  }
  // Classic scripts run in order, so bench-mark.js runs after they are all
  // evaluated. A module widget gets a module marker that imports it.
  head.push(
    peer.files.some((f) => f.as === 'module')
      ? `<script type="module" src="/peer/${peer.id}/mark.mjs"></script>`
      : '<script src="/pages/bench-mark.js"></script>',
  );
  return `<!doctype html>
<html lang="en-US">
  <head>
    <meta charset="utf-8" />
    <title>bench: ${peer.name}</title>
    <link rel="icon" href="data:," />
    ${head.join('\n    ')}
  </head>
  <body></body>
</html>
`;
}

/** A tiny static server on 127.0.0.1: /dist/, /pages/ (bench/pages), /peers/ (.bench/peers/node_modules), /peer/<id>.html. */
export async function startPageServer(context) {
  const roots = { '/dist/': DIST, '/pages/': PAGES, '/peers/': PEERS_NM };
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      const url = new URL(req.url ?? '/', 'http://bench.local');
      const pathname = decodeURIComponent(url.pathname);
      let match;
      if ((match = /^\/peer\/([\w-]+)\.html$/.exec(pathname))) {
        const peer = context.peers.find((p) => p.id === match[1] && p.files);
        return peer ? send(200, peerPage(peer), TYPES['.html']) : send(404, 'no such peer');
      }
      if ((match = /^\/peer\/([\w-]+)\/mark\.mjs$/.exec(pathname))) {
        const peer = context.peers.find((p) => p.id === match[1] && p.files);
        const entry = peer?.files.find((f) => f.as === 'module');
        if (!entry) return send(404, 'no such peer module');
        const template = await readFile(path.join(PAGES, 'module-mark.mjs'), 'utf8');
        return send(200, template.replaceAll("{{ENTRY}}", urlOf(entry)), TYPES[".mjs"]);
      }
      const prefix = Object.keys(roots).find((p) => pathname.startsWith(p));
      if (!prefix) return send(404, 'not found');
      const root = roots[prefix];
      const file = path.resolve(root, `.${pathname.slice(prefix.length - 1)}`);
      if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
        return send(404, 'not found');
      }
      let body = await readFile(file);
      if (file.endsWith('.html')) body = body.toString('utf8').replaceAll('{{GATEWAY}}', context.gatewayOrigin);
      return send(200, body, TYPES[path.extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      return send(500, String(error?.stack ?? error));
    }
  });
  return listenOnLoopback(server);
}
