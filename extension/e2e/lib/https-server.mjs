// HTTPS server for the fixture pages, routed by Host header (x.com → dist/x/, www.linkedin.com → dist/linkedin/, …).
// Chromium reaches it through --host-resolver-rules, so the page origins are the real https://x.com etc.
import { createServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { HOST_TO_SITE } from './sites.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/**
 * @param {{key: string, cert: string, root: string, port?: number, host?: string}} opts
 * @returns {Promise<{port: number, close: () => Promise<void>}>}
 */
export async function startFixtureServer({ key, cert, root, port = 0, host = '127.0.0.1' }) {
  const server = createServer({ key, cert }, async (req, res) => {
    const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const site = HOST_TO_SITE[hostname];
    if (!site) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end(`no fixture for ${hostname}`);
      return;
    }
    const url = new URL(req.url ?? '/', `https://${hostname}`);
    // Shared assets (bundles, images) live in dist/assets; everything else is the site's single-page app.
    let file;
    if (url.pathname.startsWith('/assets/')) {
      const rel = normalize(url.pathname.slice('/assets/'.length));
      if (rel.startsWith('..')) {
        res.writeHead(400).end();
        return;
      }
      file = join(root, 'assets', rel);
    } else if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    } else {
      file = join(root, 'pages', `${site}.html`);
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
