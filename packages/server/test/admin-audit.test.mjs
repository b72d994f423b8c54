import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { openStore } from '../src/config.ts';
import { postgresUrlForTests } from './fixtures/databases.mjs';

/** The audit log (I10-API.md): stored through each store, read newest first a page at a time. */

const token = 'audit token for the tests';

for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
  describe(`the audit log on ${kind}`, () => {
    let app;
    let store;
    let folder;
    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'delib-audit-'));
      store = await openStore(kind === 'sqlite' ? `file:${join(folder, 'delib.sqlite')}` : await postgresUrlForTests());
      app = await buildApp({ store, adminToken: token, logger: false });
    });
    after(async () => {
      await app?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    const audit = (query = '', headers = { authorization: `Bearer ${token}` }) =>
      app.inject({ url: `/api/admin/audit${query}`, headers });

    test('pages of 100, newest first, with a cursor to the older ones, and nothing more after the last', async () => {
      const start = Date.parse('2026-12-01T00:00:00Z');
      for (let index = 0; index < 150; index++) {
        await store.recordAudit({
          at: new Date(start + index * 1000),
          who: `officer${index}@council.example`,
          action: 'close',
          widgetId: index % 2 ? `widget-${index}` : undefined,
        });
      }
      const first = await audit();
      assert.equal(first.statusCode, 200);
      const page = first.json();
      assert.equal(page.entries.length, 100);
      assert.deepEqual(page.entries[0], {
        at: new Date(start + 149_000).toISOString(),
        who: 'officer149@council.example',
        action: 'close',
        widgetId: 'widget-149',
      });
      assert.deepEqual(page.entries[1], {
        at: new Date(start + 148_000).toISOString(),
        who: 'officer148@council.example',
        action: 'close',
      });
      assert.equal(typeof page.next, 'string');
      const second = (await audit(`?before=${page.next}`)).json();
      assert.equal(second.entries.length, 50);
      assert.equal(second.entries[0].who, 'officer49@council.example');
      assert.equal(second.entries.at(-1).who, 'officer0@council.example');
      assert.equal(second.next, undefined);
    });

    test('writes other than responses share the store with inserts: all land, and one that fails fails alone', async () => {
      const widgetId = `shared-writer-${Date.now()}`;
      const envelope = () => ({
        id: crypto.randomUUID(),
        widget: 'poll',
        widgetId,
        submittedAt: '2026-12-01T10:00:00.000Z',
        locale: 'en',
        page: 'https://council.example/parks',
        answer: { choices: ['lighting'] },
      });
      await store.addAccount({
        email: 'writer@council.example',
        role: 'viewer',
        createdAt: new Date().toISOString(),
        passwordHash: 'x',
      });
      await store.createSession('a'.repeat(64), { email: 'writer@council.example', at: new Date() });
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 40 }, () => store.insert(envelope(), new Date())),
        ...Array.from({ length: 40 }, (_, index) =>
          store.recordAudit({ at: new Date(), who: 'writer@council.example', action: 'close', widgetId: `${widgetId}-${index}` }),
        ),
        // The same token hash again: the database refuses it.
        store.createSession('a'.repeat(64), { email: 'writer@council.example', at: new Date() }),
      ]);
      assert.deepEqual(
        outcomes.slice(0, 80).map((outcome) => outcome.status),
        Array(80).fill('fulfilled'),
      );
      assert.equal(outcomes[80].status, 'rejected');
      assert.equal(await store.count(widgetId), 40);
      const entries = (await store.auditEntries({ limit: 100 })).entries.filter((entry) =>
        entry.widgetId?.startsWith(`${widgetId}-`),
      );
      assert.equal(entries.length, 40);
      assert.equal((await store.session('a'.repeat(64))).email, 'writer@council.example');
    });

    test('a cursor that is not one is refused with 400 and the error body', async () => {
      for (const before of ['abc', '-1', '0', '1e5', '99999999999999999999', '']) {
        const response = await audit(`?before=${encodeURIComponent(before)}`);
        assert.equal(response.statusCode, 400, before);
        assert.equal(response.json().error.field, 'before');
      }
      const twice = await audit('?before=5&before=6');
      assert.equal(twice.statusCode, 400);
    });

    test('needs the admin token: 401 unauthenticated without it, and no CORS headers ever', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${token}` }]) {
        const response = await audit('', { ...headers, origin: 'https://council.example' });
        assert.equal(response.statusCode, 401);
        assert.equal(response.json().error.code, 'unauthenticated');
        assert.equal(response.headers['access-control-allow-origin'], undefined);
      }
      const allowed = await audit('', { authorization: `Bearer ${token}`, origin: 'https://council.example' });
      assert.equal(allowed.statusCode, 200);
      assert.equal(allowed.headers['access-control-allow-origin'], undefined);
      // However the path is spelt: the router reads several spellings as the same route.
      for (const url of [
        '/api/admin/audit',
        '/api/%61dmin/widgets',
        '/API/admin/widgets',
        '/api//admin/accounts',
        '/api/./admin/accounts',
        '/api/admin%2Fwidgets',
        '/api/admin/widgets?x=1',
      ]) {
        const preflight = await app.inject({
          method: 'OPTIONS',
          url,
          headers: { origin: 'https://council.example', 'access-control-request-method': 'POST' },
        });
        assert.equal(preflight.statusCode, 404, url);
        assert.equal(preflight.headers['access-control-allow-origin'], undefined, url);
        assert.equal(preflight.headers['access-control-allow-methods'], undefined, url);
      }
    });

    test('an export is audited, as the token', async () => {
      const widgetId = `audited-export-${Date.now()}`;
      const posted = await app.inject({
        method: 'POST',
        url: '/api/responses',
        headers: { 'content-type': 'application/json' },
        payload: {
          id: crypto.randomUUID(),
          widget: 'poll',
          widgetId,
          submittedAt: '2026-12-01T10:00:00.000Z',
          locale: 'en',
          page: 'https://council.example/parks',
          answer: { choices: ['lighting'] },
        },
      });
      assert.equal(posted.statusCode, 201);
      const exported = await app.inject({
        url: `/api/export/${widgetId}?format=json`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(exported.statusCode, 200);
      const [latest] = (await audit()).json().entries;
      assert.equal(latest.who, 'token');
      assert.equal(latest.action, 'export');
      assert.equal(latest.widgetId, widgetId);
    });
  });
}
