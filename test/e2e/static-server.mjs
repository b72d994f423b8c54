import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * A small static file server on 127.0.0.1 for tests: `roots` are searched in order for each path
 * (so `[pagesDir, 'dist']` serves both at `/`). `handler(request, response)` runs first and may
 * answer (return true), e.g. to play an endpoint. Files are sent with `Cache-Control: no-store`
 * unless `cacheControl` says otherwise (browsers keep no form state for a no-store page). Resolves
 * to `{ url, server, close }`.
 */
export async function serve(roots, handler, { cacheControl = 'no-store' } = {}) {
  const server = createServer(async (request, response) => {
    try {
      if (handler && (await handler(request, response))) return;
      const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      for (const root of roots) {
        const base = resolve(root);
        let file = normalize(join(base, path));
        if (!file.startsWith(base)) break;
        try {
          if (statSync(file).isDirectory()) file = join(file, 'index.html');
          statSync(file);
        } catch {
          continue;
        }
        response.writeHead(200, {
          'Content-Type': types[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': cacheControl,
        });
        createReadStream(file).pipe(response);
        return;
      }
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    } catch (error) {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, server, close: () => new Promise((done) => server.close(done)) };
}
