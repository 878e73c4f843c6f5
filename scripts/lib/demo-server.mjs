// Serves the built-in demo: the fixture articles as a small news site on 127.0.0.1, for the demo and the e2e tests.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const SLUG = /^[a-z0-9-]+$/;
// Hostile pages (tests/fixtures/hostile/): `__ORIGIN__` in them becomes this server's origin, so the tricks aim at
// /marker/ paths here; every request to /marker/ is recorded, so a test can tell whether anything ran.
const HOSTILE = /^[a-z0-9-]+\.html$/;
const PAGE = /^[a-z0-9-]+\.html$/;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The two seed articles come first on the front page; the rest of the corpus follows. */
export const SEED_SLUGS = ['czech-china-apt31-foreign-ministry', 'china-taiwan-dpp-hackers'];

async function indexPage() {
  const slugs = (await readdir(join(FIXTURES, 'articles'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  const ordered = [...SEED_SLUGS.filter((s) => slugs.includes(s)), ...slugs.filter((s) => !SEED_SLUGS.includes(s)).sort()];
  const items = [];
  for (const slug of ordered) {
    let title = slug;
    try {
      title = JSON.parse(await readFile(join(FIXTURES, 'articles', slug, 'expected.json'), 'utf8')).title ?? slug;
    } catch {
      // A fixture without a readable expected.json is listed by its slug.
    }
    items.push(`<li><a href="/articles/${slug}/">${escape(title)}</a></li>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Counterclaim demo news</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem}li{margin:.3rem 0}</style></head>
<body><h1>Counterclaim demo</h1><p>Open an article, then click the Counterclaim icon in the toolbar. Start with the first two: save the Czech story, then open the Chinese one.</p>
<ol>${items.join('')}</ol><p><a href="/pages/front-page.html">A page that is not an article</a></p></body></html>`;
}

/** Starts the demo site; resolves to { url, close }. Port 0 picks a free port. */
export function startDemoServer(port = 0) {
  /** Paths under /marker/ requested so far, in order, with the Origin and Referer they came with. */
  const markerHits = [];
  let origin = '';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status, body, type = 'text/html; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (path === '/' || path === '/index.html') return send(200, await indexPage());
      let m = /^\/articles\/([^/]+)\/?$/.exec(path);
      if (m && SLUG.test(m[1]) && existsSync(join(FIXTURES, 'articles', m[1], 'source.html')))
        return send(200, await readFile(join(FIXTURES, 'articles', m[1], 'source.html')));
      m = /^\/pages\/([^/]+)$/.exec(path);
      if (m && PAGE.test(m[1]) && existsSync(join(FIXTURES, 'pages', m[1]))) return send(200, await readFile(join(FIXTURES, 'pages', m[1])));
      if (path.startsWith('/marker/')) {
        markerHits.push({ path, origin: req.headers.origin ?? null, referer: req.headers.referer ?? null });
        return send(204, '');
      }
      m = /^\/hostile\/([^/]+)$/.exec(path);
      if (m && HOSTILE.test(m[1]) && existsSync(join(FIXTURES, 'hostile', m[1])))
        return send(200, (await readFile(join(FIXTURES, 'hostile', m[1]), 'utf8')).replaceAll('__ORIGIN__', origin));
      m = /^\/strange\/([a-z0-9-]+)\.html$/.exec(path);
      if (m) {
        const { strangePage } = await import('../../tests/fixtures/hostile/strange.mjs');
        const html = strangePage(m[1]);
        if (html) return send(200, html);
      }
      if (path === '/favicon.ico') return send(204, '');
      send(404, '<!doctype html><title>Not found</title><h1>Not found</h1>');
    } catch {
      send(500, 'error', 'text/plain');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      origin = `http://127.0.0.1:${p}`;
      resolve({ url: origin, markerHits, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
