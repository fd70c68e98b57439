// A partner's site, as README's "Put it on your site" tells one to build it:
//  - a CDN on an origin of its own (127.0.0.1, another port) serving the built
//    dist/ at a versioned path, with CORS, and under /tampered/ the same files
//    but the registration chunk altered by one comment (what a compromised CDN
//    would serve);
//  - the page at /__partner/site.html: README's page and Content-Security-Policy,
//    read from README.md itself with the example origins, integrity values and
//    company id replaced by this run's, so README cannot drift from what works;
//  - a reference gateway that allows no origin at all (a gateway that refuses
//    the page, as when a site forgot to have its origin added).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGateway } from '../../demo/gateway/server.mjs';
import { importMapFor, cspHashOf } from '../../bin/importmap.mjs';
import { VERSION } from '../../build/version.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist') + sep;
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.webp': 'image/webp', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };

/** README's examples, which the page is built from. */
const EXAMPLE = {
  cdnOrigin: 'https://cdn.example',
  base: `https://cdn.example/customer-register@${VERSION}/dist/`,
  gateway: 'https://gateway.example.com',
  companyId: 'YOUR_COMPANY_ID',
};

/** The "Put it on your site" section's page (the html block with a doctype) and its policy (the text block). */
function readmeRecipe() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Put it on your site'));
  if (!section) throw new Error('README.md has no "Put it on your site" section');
  const page = /```html\n(<!doctype html>[\s\S]*?)```/.exec(section)?.[1];
  const policy = /```text\nContent-Security-Policy: (.*)\n```/.exec(section)?.[1];
  if (!page || !policy) throw new Error('README.md\'s "Put it on your site" lacks its page (```html <!doctype html>) or its policy (```text Content-Security-Policy:)');
  if (!page.includes(EXAMPLE.base)) throw new Error(`README.md's page does not load the build from ${EXAMPLE.base} (the package's version is ${VERSION})`);
  return { page, policy };
}

/** Replaces every `from` in `text`, failing loudly when README no longer has it. */
function replaceAll(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`README.md's "Put it on your site" no longer has ${what} (${from})`);
  return text.split(from).join(to);
}

export function partnerSitePlugin() {
  let cdn;
  let cdnOrigin;
  let refusingGateway;
  let refusingGatewayUrl;

  async function serveCdn(req, res) {
    const { pathname } = new URL(req.url ?? '/', 'http://cdn');
    const match = /^\/(tampered\/)?customer-register@([^/]+)\/dist\/(.+)$/.exec(pathname);
    const file = match && match[2] === VERSION ? normalize(join(dist, decodeURIComponent(match[3]))) : '';
    if (!file.startsWith(dist)) {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end('not found');
      return;
    }
    let body = await readFile(file).catch(() => undefined);
    if (!body) {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end('not found');
      return;
    }
    // The tampered copy: the same chunk with one more comment, so only its hash tells.
    if (match[1] && /^chunks\/registration-/.test(match[3])) body = Buffer.concat([body, Buffer.from('\n/* tampered */\n')]);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    res.end(body);
  }

  /** README's page for this run: the CDN (or its tampered copy), the gateway, the company. */
  function partnerPage({ gatewayUrl, companyId, tampered }) {
    const { page, policy } = readmeRecipe();
    const { files } = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8'));
    const base = `${cdnOrigin}/${tampered ? 'tampered/' : ''}customer-register@${VERSION}/dist/`;
    const map = importMapFor(base, files);
    let html = replaceAll(page, EXAMPLE.base, base, 'the CDN path');
    html = html.replace(/<script type="importmap">.*<\/script>/, () => `<script type="importmap">${map}</script>`);
    html = replaceAll(html, 'integrity="sha384-…"', `integrity="${files['customer-register.js']}"`, "the entry's integrity");
    html = replaceAll(html, EXAMPLE.gateway, gatewayUrl, 'the gateway');
    html = replaceAll(html, EXAMPLE.companyId, companyId, 'the company id');
    // The test's own instrument, first: it records every policy violation.
    html = html.replace('<head>', '<head>\n    <script src="/test/support/csp-violations.js"></script>');
    let csp = replaceAll(policy, "'sha256-…'", cspHashOf(map), "the import map's hash");
    csp = replaceAll(csp, EXAMPLE.cdnOrigin, cdnOrigin, 'the CDN origin');
    csp = replaceAll(csp, EXAMPLE.gateway, gatewayUrl, 'the gateway');
    return { html, csp };
  }

  return {
    name: 'partner-site',
    async serverStart() {
      cdn = createServer((req, res) => serveCdn(req, res).catch(() => res.writeHead(500).end()));
      await new Promise((resolve) => cdn.listen(0, '127.0.0.1', resolve));
      cdnOrigin = `http://127.0.0.1:${cdn.address().port}`;
      refusingGateway = createGateway({ allowedOrigins: [], dev: false, log: () => {} });
      refusingGatewayUrl = await refusingGateway.listen(0);
    },
    async serverStop() {
      await new Promise((resolve) => (cdn ? cdn.close(resolve) : resolve()));
      await refusingGateway?.close();
    },
    serve(context) {
      if (context.path === '/__partner/env') return { body: JSON.stringify({ cdnOrigin, refusingGatewayUrl, version: VERSION }), type: 'json' };
      return undefined;
    },
    /** Koa middleware: the page and its policy header (serve() cannot set headers). */
    middleware(getGatewayUrl) {
      return async (context, next) => {
        if (context.path !== '/__partner/site.html') return next();
        try {
          const { html, csp } = partnerPage({
            gatewayUrl: getGatewayUrl(),
            companyId: String(context.query.companyId ?? 'partner'),
            tampered: context.query.tampered === '1',
          });
          context.set('Content-Security-Policy', csp);
          context.type = 'html';
          context.body = html;
        } catch (error) {
          // README and the build disagree: the page says why, and the test fails on it.
          context.status = 500;
          context.type = 'text';
          context.body = String(error?.message ?? error);
        }
      };
    },
  };
}
