import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { buildApp, consolePolicy } from '../src/app.ts';
import { openStore } from '../src/config.ts';

/**
 * The console's files at /admin/ (issue 10 item 6): its own strict policy, revalidated on every use,
 * never for other sites, /admin sent to /admin/, nothing outside the folder. The browser tests of the
 * console itself are test/e2e/console.test.mjs.
 */
describe('the console at /admin/', () => {
  let folder;
  let app;
  let bare;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'delib-console-static-'));
    const root = join(folder, 'admin');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(root, 'console.min.js'), 'export {};');
    writeFileSync(join(root, 'console.min.js.br'), brotliCompressSync('export {};'));
    writeFileSync(join(root, '.env'), 'SECRET=1');
    writeFileSync(join(folder, 'outside.txt'), 'not for the console');
    app = await buildApp({ store: await openStore(`file:${join(folder, 'a.sqlite')}`), logger: false, consoleRoot: root });
    bare = await buildApp({
      store: await openStore(`file:${join(folder, 'b.sqlite')}`),
      logger: false,
      consoleRoot: join(folder, 'not-built'),
    });
  });
  after(async () => {
    await app?.close();
    await bare?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('/admin redirects to /admin/, which is the console page under its policy', async () => {
    const redirect = await app.inject({ url: '/admin' });
    assert.equal(redirect.statusCode, 301);
    assert.equal(redirect.headers.location, '/admin/');
    const page = await app.inject({ url: '/admin/', headers: { origin: 'https://elsewhere.example' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.equal(page.headers['content-security-policy'], consolePolicy);
    assert.equal(
      consolePolicy,
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(page.headers['access-control-allow-origin'], undefined, 'no other site may read the console');
  });

  test('its script comes precompressed, and revalidates', async () => {
    const script = await app.inject({ url: '/admin/console.min.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(script.statusCode, 200);
    assert.equal(script.headers['content-encoding'], 'br');
    assert.equal(script.headers['cache-control'], 'no-cache');
    assert.ok(script.headers.etag || script.headers['last-modified'], 'a validator to revalidate with');
  });

  test('nothing else is served from there: dot files, the folder above, unknown names', async () => {
    for (const url of ['/admin/.env', '/admin/../outside.txt', '/admin/%2e%2e/outside.txt', '/admin/missing.js']) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 404, url);
      assert.doesNotMatch(response.body, /SECRET|not for the console/, url);
    }
  });

  test('without a built console, /admin and /admin/ are 404 with the error body', async () => {
    for (const url of ['/admin', '/admin/']) {
      const response = await bare.inject({ url });
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().error.code, 'not_found');
    }
  });
});
