import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { openStore } from '../src/config.ts';
import { postgresUrlForTests } from './fixtures/databases.mjs';

/**
 * The console's accounts and sessions (CONTRACT.md §8, I10-API.md) against real SQLite and real
 * PostgreSQL: sign-in, failures and their limits, expiry on an injected clock, sign-out, each role's
 * 401 and 403, same-origin checks, the bearer token, the audit log, and no secret in the logs.
 */

const token = 'the admin token of the auth tests';
const admin = { email: 'Chief.Officer@Council.Example', password: 'first admin passphrase 1' };
const origin = 'http://localhost';
const limits = { account: 3, address: 8, windowMinutes: 15 };
const hour = 3_600_000;

let addresses = 0;
/** A fresh client address, so that tests do not share the per-address limit unless they mean to. */
const address = () => `203.0.113.${++addresses}`;

const cookieOf = (response) => /(?:^|,\s*)delib_session=([^;]*)/.exec([response.headers['set-cookie']].flat().join(', '))?.[1];
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
  describe(`accounts and sessions on ${kind}`, () => {
    let app;
    let url;
    let folder;
    let clock = Date.parse('2026-12-02T09:00:00.000Z');
    const lines = [];
    const now = () => new Date(clock);
    const build = async (options = {}) =>
      buildApp({
        store: await openStore(url),
        adminToken: token,
        firstAdmin: admin,
        signInLimits: limits,
        now,
        logger: { level: 'debug', stream: { write: (line) => lines.push(line) } },
        ...options,
      });

    /** Rows of the database as stored, read behind the store's back. */
    async function rows(sql) {
      if (kind === 'sqlite') {
        const db = new Database(url.slice('file:'.length), { readonly: true });
        try {
          return db.prepare(sql).all();
        } finally {
          db.close();
        }
      }
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    }

    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'delib-auth-'));
      url = kind === 'sqlite' ? `file:${join(folder, 'delib.sqlite')}` : await postgresUrlForTests();
      app = await build();
    });
    after(async () => {
      await app?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    const signIn = (email, password, { ip = address(), headers = {}, on = app } = {}) =>
      on.inject({
        method: 'POST',
        url: '/api/admin/session',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json', origin, ...headers },
        payload: { email, password },
      });
    /** A request with a session cookie, from the console's own origin unless `headers` say otherwise. */
    const withCookie = (cookie, { method = 'GET', url: path, payload, headers = {}, on = app }) =>
      on.inject({
        method,
        url: path,
        payload,
        // A header given as undefined is left out.
        headers: Object.fromEntries(
          Object.entries({
            cookie: `delib_session=${cookie}`,
            ...(method === 'GET' ? {} : { origin }),
            ...(payload ? { 'content-type': 'application/json' } : {}),
            ...headers,
          }).filter(([, value]) => value !== undefined),
        ),
      });
    const withToken = (options) =>
      app.inject({
        ...options,
        headers: { authorization: `Bearer ${token}`, ...(options.payload ? { 'content-type': 'application/json' } : {}) },
      });
    const session = async (cookie) => withCookie(cookie, { url: '/api/admin/session' });
    const adminCookie = async () => {
      const response = await signIn(admin.email, admin.password);
      assert.equal(response.statusCode, 200, response.body);
      return cookieOf(response);
    };
    const addAccount = async (role) => {
      const account = { email: `${role}-${randomUUID().slice(0, 8)}@council.example`, password: `${role} passphrase long`, role };
      const response = await withToken({ method: 'POST', url: '/api/admin/accounts', payload: account });
      assert.equal(response.statusCode, 201, response.body);
      return account;
    };
    const auditLog = async () => (await withToken({ url: '/api/admin/audit' })).json().entries;

    test('the first admin comes from the configuration, once, with its email in lower case', async () => {
      const accounts = (await withToken({ url: '/api/admin/accounts' })).json().accounts;
      assert.deepEqual(accounts, [{ email: 'chief.officer@council.example', role: 'admin', createdAt: now().toISOString() }]);
      // Another process starting with other settings adds nobody: there is an account already.
      const second = await build({ firstAdmin: { email: 'someone.else@council.example', password: 'another passphrase' } });
      await second.close();
      assert.equal((await withToken({ url: '/api/admin/accounts' })).json().accounts.length, 1);
      assert.match(lines.join(''), /DELIB_ADMIN_EMAIL and DELIB_ADMIN_PASSWORD are not used/);
      assert.ok(!lines.join('').includes('someone.else'), 'the unused settings are not quoted');
      const [added] = (await auditLog()).filter((entry) => entry.action === 'account-added');
      assert.deepEqual(added, {
        at: now().toISOString(),
        who: 'configuration',
        action: 'account-added',
        subject: 'chief.officer@council.example',
      });
    });

    test('signing in gives an HttpOnly, SameSite=Strict cookie whose token the database holds only as a hash', async () => {
      const response = await signIn('  CHIEF.officer@council.example ', admin.password);
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), { email: 'chief.officer@council.example', role: 'admin' });
      const cookie = response.headers['set-cookie'];
      assert.match(cookie, /^delib_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=86400; HttpOnly; SameSite=Strict$/);
      assert.ok(!/Secure/.test(cookie), 'not Secure over plain HTTP');
      assert.equal(response.headers['access-control-allow-origin'], undefined);
      const value = cookieOf(response);
      const stored = await rows('SELECT token_hash FROM sessions');
      assert.ok(stored.some((row) => row.token_hash === sha256(value)));
      assert.ok(!JSON.stringify(stored).includes(value), 'the token itself is stored');
      const [account] = await rows("SELECT password_hash FROM accounts WHERE email = 'chief.officer@council.example'");
      assert.match(account.password_hash, /^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
      assert.deepEqual((await session(value)).json(), { email: 'chief.officer@council.example', role: 'admin' });
      // Signing in again in the same browser replaces the session: the old token no longer works.
      const again = await signIn(admin.email, admin.password, { headers: { cookie: `delib_session=${value}` } });
      assert.equal(again.statusCode, 200);
      assert.notEqual(cookieOf(again), value);
      assert.equal((await session(value)).statusCode, 401);
      assert.equal((await session(cookieOf(again))).statusCode, 200);
    });

    test('the cookie is Secure when the request came over HTTPS through the trusted proxy', async () => {
      const behindProxy = await build({ trustProxy: 1 });
      try {
        const response = await signIn(admin.email, admin.password, {
          on: behindProxy,
          ip: '127.0.0.1',
          headers: { host: 'localhost', 'x-forwarded-proto': 'https', origin: 'https://localhost' },
        });
        assert.equal(response.statusCode, 200, response.body);
        assert.match(response.headers['set-cookie'], /; Secure$/);
        // The same origin behind the proxy is https://…; http:// is another origin.
        const plain = await signIn(admin.email, admin.password, {
          on: behindProxy,
          ip: '127.0.0.1',
          headers: { host: 'localhost', 'x-forwarded-proto': 'https', origin: 'http://localhost' },
        });
        assert.equal(plain.statusCode, 403);
      } finally {
        await behindProxy.close();
      }
    });

    test('a wrong password and an unknown email get the same 401 and take about as long', async () => {
      const time = async (email, password) => {
        const started = process.hrtime.bigint();
        const response = await signIn(email, password);
        return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      };
      const known = await addAccount('viewer');
      const wrong = [];
      const unknown = [];
      for (let round = 0; round < 3; round++) {
        wrong.push(await time(known.email, 'not the right passphrase'));
        unknown.push(await time(`nobody-${round}@council.example`, 'not the right passphrase'));
      }
      for (const { response } of [...wrong, ...unknown]) {
        assert.equal(response.statusCode, 401);
        assert.deepEqual(response.json(), {
          error: { code: 'invalid_credentials', message: 'The email address or password is not right.' },
        });
        assert.equal(response.headers['set-cookie'], undefined);
      }
      const median = (list) => list.map((entry) => entry.ms).sort((a, b) => a - b)[1];
      assert.ok(median(unknown) > 0.5 * median(wrong), `unknown ${median(unknown)} ms, wrong password ${median(wrong)} ms`);
      // An unknown email is checked against a decoy hash, not answered at once.
      assert.ok(median(unknown) > 10, `unknown email answered in ${median(unknown)} ms`);
    });

    test('sign-in input is checked: 400 or 415 with the error body, and no session', async () => {
      const post = (payload, headers = {}) =>
        app.inject({
          method: 'POST',
          url: '/api/admin/session',
          remoteAddress: address(),
          headers: { 'content-type': 'application/json', origin, ...headers },
          payload,
        });
      const cases = [
        [post('[]'), 400, undefined],
        [post('{"email":"a@b.example"}'), 400, 'password'],
        [post({ email: 42, password: 'x' }), 400, 'email'],
        [post({ email: 'a@b.example', password: 'x'.repeat(257) }), 400, 'password'],
        [post({ email: `${'a'.repeat(250)}@b.example`, password: 'x' }), 400, 'email'],
        [post('email=a%40b.example&password=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, undefined],
        [post('{"email":', {}), 400, undefined],
      ];
      for (const [pending, status, field] of cases) {
        const response = await pending;
        assert.equal(response.statusCode, status, response.body);
        assert.equal(typeof response.json().error.message, 'string');
        assert.equal(response.json().error.field, field);
        assert.equal(response.headers['set-cookie'], undefined);
      }
    });

    test('after 3 failures an account is locked: 429 with Retry-After, even with the right password, until the window passes', async () => {
      const account = await addAccount('viewer');
      for (let attempt = 0; attempt < 3; attempt++) {
        assert.equal((await signIn(account.email, 'wrong passphrase here')).statusCode, 401);
        clock += 1000;
      }
      const locked = await signIn(account.email, account.password);
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().error.code, 'too_many_attempts');
      // The first failure leaves the 15-minute window 3 s after it began: 900 - 3 s from now.
      assert.equal(locked.headers['retry-after'], '897');
      assert.equal(locked.headers['set-cookie'], undefined);
      clock += 896_000;
      assert.equal((await signIn(account.email, account.password)).statusCode, 429);
      clock += 1000;
      assert.equal((await signIn(account.email, account.password)).statusCode, 200);
    });

    test('an unknown email is locked the same way, so the limit says nothing about which accounts exist', async () => {
      const email = `nobody-${randomUUID()}@council.example`;
      for (let attempt = 0; attempt < 3; attempt++) assert.equal((await signIn(email, 'some passphrase')).statusCode, 401);
      const locked = await signIn(email, 'some passphrase');
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.headers['retry-after'], '900');
    });

    test('a success clears the account’s failures; failures at once cannot slip past the limit', async () => {
      const account = await addAccount('moderator');
      for (let attempt = 0; attempt < 2; attempt++)
        assert.equal((await signIn(account.email, 'wrong passphrase x')).statusCode, 401);
      assert.equal((await signIn(account.email, account.password)).statusCode, 200);
      for (let attempt = 0; attempt < 2; attempt++)
        assert.equal((await signIn(account.email, 'wrong passphrase y')).statusCode, 401);
      assert.equal((await signIn(account.email, account.password)).statusCode, 200);
      const other = await addAccount('viewer');
      const together = await Promise.all(Array.from({ length: 8 }, () => signIn(other.email, 'wrong passphrase z')));
      const statuses = together.map((response) => response.statusCode).sort();
      assert.deepEqual(statuses, [401, 401, 401, 429, 429, 429, 429, 429]);
    });

    test('password checks are bounded: a flood of sign-ins gets 503 with Retry-After beyond a short queue', async () => {
      const flood = await Promise.all(
        Array.from({ length: 80 }, (_, index) => signIn(`flood-${index}@council.example`, 'a flood passphrase')),
      );
      const statuses = flood.map((response) => response.statusCode);
      assert.equal(statuses.filter((status) => status !== 401 && status !== 503).length, 0, statuses.join());
      const busy = flood.filter((response) => response.statusCode === 503);
      assert.ok(busy.length > 0 && busy.length <= 80 - 34, `${busy.length} turned away`);
      assert.equal(busy[0].headers['retry-after'], '5');
      assert.equal(busy[0].json().error.code, 'unavailable');
    });

    test('one address is limited across accounts, and the limit is shared by every process on the database', async () => {
      const ip = address();
      const other = await build();
      try {
        for (let attempt = 0; attempt < 8; attempt++) {
          const response = await signIn(`person-${attempt}@council.example`, 'a wrong passphrase', {
            ip,
            on: attempt % 2 ? other : app,
          });
          assert.equal(response.statusCode, 401);
        }
        const locked = await signIn(admin.email, admin.password, { ip, on: other });
        assert.equal(locked.statusCode, 429);
        assert.ok(Number(locked.headers['retry-after']) > 0);
        assert.equal((await signIn(admin.email, admin.password, { ip: address(), on: other })).statusCode, 200);
      } finally {
        await other.close();
      }
    });

    test('a session started by one process works in another (sessions live in the database)', async () => {
      const cookie = await adminCookie();
      const other = await build();
      try {
        const response = await withCookie(cookie, { url: '/api/admin/session', on: other });
        assert.equal(response.statusCode, 200);
      } finally {
        await other.close();
      }
    });

    test('a session ends after 8 hours unused, and 24 hours after sign-in however much it is used', async () => {
      const forgotten = await adminCookie();
      const idle = await adminCookie();
      clock += 8 * hour - 1000;
      assert.equal((await session(idle)).statusCode, 200);
      clock += 8 * hour - 1000;
      assert.equal((await session(idle)).statusCode, 200, 'use keeps it alive');
      clock += 8 * hour;
      const ended = await session(idle);
      assert.equal(ended.statusCode, 401);
      assert.equal(ended.json().error.code, 'unauthenticated');
      assert.equal((await withCookie(idle, { url: '/api/admin/accounts' })).statusCode, 401);

      const busy = await adminCookie();
      for (let hours = 0; hours < 23; hours++) {
        clock += hour;
        assert.equal((await session(busy)).statusCode, 200, `${hours + 1} h`);
      }
      clock += hour;
      assert.equal((await session(busy)).statusCode, 401, 'at 24 h');
      const [gone] = await rows(`SELECT count(*) AS n FROM sessions WHERE token_hash = '${sha256(busy)}'`);
      assert.equal(Number(gone.n), 0, 'an expired session is deleted');
      // One never used again is deleted by the next sign-in.
      await adminCookie();
      const [pruned] = await rows(`SELECT count(*) AS n FROM sessions WHERE token_hash = '${sha256(forgotten)}'`);
      assert.equal(Number(pruned.n), 0, 'an abandoned session is pruned');
    });

    test('DELIB_SESSION_HOURS shortens the idle expiry', async () => {
      const short = await build({ sessionHours: 1 });
      try {
        const cookie = cookieOf(await signIn(admin.email, admin.password, { on: short }));
        clock += hour - 1000;
        assert.equal((await withCookie(cookie, { url: '/api/admin/session', on: short })).statusCode, 200);
        clock += hour;
        assert.equal((await withCookie(cookie, { url: '/api/admin/session', on: short })).statusCode, 401);
      } finally {
        await short.close();
      }
    });

    test('signing out deletes the session and clears the cookie', async () => {
      const cookie = await adminCookie();
      const out = await withCookie(cookie, { method: 'DELETE', url: '/api/admin/session' });
      assert.equal(out.statusCode, 204);
      assert.match(out.headers['set-cookie'], /^delib_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/);
      assert.equal((await session(cookie)).statusCode, 401);
      assert.equal((await withCookie(cookie, { url: '/api/admin/accounts' })).statusCode, 401);
      const [left] = await rows(`SELECT count(*) AS n FROM sessions WHERE token_hash = '${sha256(cookie)}'`);
      assert.equal(Number(left.n), 0);
      // Signing out again, or without a session, is harmless.
      assert.equal((await withCookie(cookie, { method: 'DELETE', url: '/api/admin/session' })).statusCode, 204);
    });

    test('each role gets 401 without a session and 403 where it may not act', async () => {
      const moderator = await addAccount('moderator');
      const viewer = await addAccount('viewer');
      const cookies = {
        admin: await adminCookie(),
        moderator: cookieOf(await signIn(moderator.email, moderator.password)),
        viewer: cookieOf(await signIn(viewer.email, viewer.password)),
      };
      const newAccount = () => ({
        email: `new-${randomUUID().slice(0, 8)}@council.example`,
        password: 'a long new passphrase',
        role: 'viewer',
      });
      const routes = [
        { method: 'GET', url: '/api/admin/accounts', allowed: ['admin'] },
        { method: 'POST', url: '/api/admin/accounts', payload: newAccount, allowed: ['admin'], created: 201 },
        { method: 'DELETE', url: `/api/admin/accounts/${encodeURIComponent(viewer.email)}`, allowed: [] },
        { method: 'GET', url: '/api/admin/audit', allowed: ['admin'] },
      ];
      for (const route of routes) {
        const options = () => ({ method: route.method, url: route.url, payload: route.payload?.() });
        const sent = options();
        const anonymous = await app.inject({
          ...sent,
          headers: { origin, ...(sent.payload ? { 'content-type': 'application/json' } : {}) },
        });
        assert.equal(anonymous.statusCode, 401, `${route.method} ${route.url}`);
        assert.equal(anonymous.json().error.code, 'unauthenticated');
        for (const role of ['moderator', 'viewer']) {
          if (route.allowed.includes(role)) continue;
          const refused = await withCookie(cookies[role], options());
          assert.equal(refused.statusCode, 403, `${role} ${route.method} ${route.url}`);
          assert.equal(refused.json().error.code, 'forbidden');
        }
        if (route.allowed.includes('admin')) {
          assert.equal(
            (await withCookie(cookies.admin, options())).statusCode,
            route.created ?? 200,
            `admin ${route.method} ${route.url}`,
          );
        }
      }
      // The viewer the admin could have removed is still there: nobody else may remove it.
      assert.ok(
        (await withToken({ url: '/api/admin/accounts' })).json().accounts.some((account) => account.email === viewer.email),
      );
      // Export: every role may read it; nobody else.
      const widgetId = `auth-export-${randomUUID()}`;
      await app.inject({
        method: 'POST',
        url: '/api/responses',
        headers: { 'content-type': 'application/json' },
        payload: {
          id: randomUUID(),
          widget: 'poll',
          widgetId,
          submittedAt: now().toISOString(),
          locale: 'en',
          page: 'https://council.example/',
          answer: { choices: ['a'] },
        },
      });
      for (const role of ['admin', 'moderator', 'viewer']) {
        const exported = await withCookie(cookies[role], { url: `/api/export/${widgetId}?format=json` });
        assert.equal(exported.statusCode, 200, role);
        assert.equal(exported.json().length, 1);
      }
      const refused = await app.inject({
        url: `/api/export/${widgetId}`,
        headers: { cookie: 'delib_session=' + 'x'.repeat(43) },
      });
      assert.equal(refused.statusCode, 401);
    });

    test('a state-changing request by cookie from another origin is refused with 403 cross_origin and changes nothing', async () => {
      const cookie = await adminCookie();
      const before = (await withToken({ url: '/api/admin/accounts' })).json().accounts;
      const account = { email: 'csrf@council.example', password: 'a forged passphrase', role: 'admin' };
      for (const headers of [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: 'http://localhost:8080' },
        { origin: undefined, 'sec-fetch-site': 'cross-site' },
        { origin: undefined, 'sec-fetch-site': 'same-site' },
        { origin: undefined },
      ]) {
        const forged = await withCookie(cookie, { method: 'POST', url: '/api/admin/accounts', payload: account, headers });
        assert.equal(forged.statusCode, 403, JSON.stringify(headers));
        assert.equal(forged.json().error.code, 'cross_origin');
        assert.equal(forged.headers['access-control-allow-origin'], undefined);
      }
      assert.deepEqual((await withToken({ url: '/api/admin/accounts' })).json().accounts, before);
      // Sign-out and sign-in are state changes too.
      const out = await withCookie(cookie, {
        method: 'DELETE',
        url: '/api/admin/session',
        headers: { origin: 'https://evil.example' },
      });
      assert.equal(out.statusCode, 403);
      assert.equal((await session(cookie)).statusCode, 200, 'still signed in');
      const forgedSignIn = await signIn(admin.email, admin.password, { headers: { origin: 'https://evil.example' } });
      assert.equal(forgedSignIn.statusCode, 403);
      assert.equal(forgedSignIn.headers['set-cookie'], undefined);
      // Without Origin, a browser's Sec-Fetch-Site: same-origin will do.
      const same = await withCookie(cookie, {
        method: 'POST',
        url: '/api/admin/accounts',
        payload: { ...account, email: `same-${randomUUID().slice(0, 8)}@council.example` },
        headers: { origin: undefined, 'sec-fetch-site': 'same-origin' },
      });
      assert.equal(same.statusCode, 201, same.body);
    });

    test('a read by cookie that another site’s page started (an image on a sibling subdomain) is refused, and no export is run or audited', async () => {
      const cookie = await adminCookie();
      const widgetId = `sibling-${randomUUID().slice(0, 8)}`;
      const posted = await app.inject({
        method: 'POST',
        url: '/api/responses',
        headers: { 'content-type': 'application/json' },
        payload: {
          id: randomUUID(),
          widget: 'poll',
          widgetId,
          submittedAt: now().toISOString(),
          locale: 'en',
          page: 'https://council.example/',
          answer: { choices: ['a'] },
        },
      });
      assert.equal(posted.statusCode, 201, posted.body);
      const exports = async () => (await auditLog()).filter((entry) => entry.action === 'export' && entry.widgetId === widgetId);
      for (const site of ['same-site', 'cross-site']) {
        for (const url of [`/api/export/${widgetId}?format=csv`, '/api/admin/accounts']) {
          const read = await withCookie(cookie, { url, headers: { 'sec-fetch-site': site } });
          assert.equal(read.statusCode, 403, `${site} ${url}`);
          assert.equal(read.json().error.code, 'cross_origin');
        }
      }
      assert.equal((await exports()).length, 0);
      // The console's own download, and an address typed into the browser, work.
      for (const site of ['same-origin', 'none']) {
        const read = await withCookie(cookie, { url: `/api/export/${widgetId}?format=csv`, headers: { 'sec-fetch-site': site } });
        assert.equal(read.statusCode, 200, site);
      }
      assert.equal((await exports()).length, 2);
    });

    test('the bearer token still works, as an admin; a wrong one is not rescued by a cookie', async () => {
      const account = {
        email: `scripted-${randomUUID().slice(0, 8)}@council.example`,
        password: 'a scripted passphrase',
        role: 'viewer',
      };
      const added = await withToken({ method: 'POST', url: '/api/admin/accounts', payload: account });
      assert.equal(added.statusCode, 201);
      assert.deepEqual(added.json(), { email: account.email, role: 'viewer', createdAt: now().toISOString() });
      const cookie = await adminCookie();
      const wrong = await app.inject({
        url: '/api/admin/accounts',
        headers: { authorization: 'Bearer not the token', cookie: `delib_session=${cookie}` },
      });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.headers['www-authenticate'], 'Bearer');
      const [latest] = await auditLog();
      assert.equal(latest.action, 'sign-in');
      const [addedEntry] = (await auditLog()).filter((entry) => entry.subject === account.email);
      assert.equal(addedEntry.who, 'token');
    });

    test('accounts are validated like the public API: 4xx with the error body, and nothing changes', async () => {
      const before = (await withToken({ url: '/api/admin/accounts' })).json().accounts;
      const good = { email: 'valid@council.example', password: 'a valid passphrase', role: 'viewer' };
      const cases = [
        [{ ...good, email: 'not an email' }, 400, 'email'],
        [{ ...good, email: 'two@at@council.example' }, 400, 'email'],
        [{ ...good, email: `${'a'.repeat(250)}@council.example` }, 400, 'email'],
        [{ ...good, password: 'short' }, 400, 'password'],
        [{ ...good, password: 'x'.repeat(257) }, 400, 'password'],
        [{ ...good, password: 12345678901234 }, 400, 'password'],
        [{ ...good, role: 'owner' }, 400, 'role'],
        [{ ...good, role: undefined }, 400, 'role'],
        [{ ...good, extra: true }, 400, 'extra'],
        [{ ...good, email: admin.email.toUpperCase() }, 409, 'email'],
      ];
      for (const [payload, status, field] of cases) {
        const response = await withToken({ method: 'POST', url: '/api/admin/accounts', payload });
        assert.equal(response.statusCode, status, JSON.stringify(payload));
        assert.equal(response.json().error.field, field);
      }
      const text = await app.inject({
        method: 'POST',
        url: '/api/admin/accounts',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        payload: JSON.stringify(good),
      });
      assert.equal(text.statusCode, 415);
      assert.deepEqual((await withToken({ url: '/api/admin/accounts' })).json().accounts, before);
    });

    test('removing: not yourself, not the last admin (409 saying why), and the removed account’s sessions end', async () => {
      const cookie = await adminCookie();
      const self = await withCookie(cookie, { method: 'DELETE', url: `/api/admin/accounts/${encodeURIComponent(admin.email)}` });
      assert.equal(self.statusCode, 409);
      assert.equal(self.json().error.code, 'own_account');
      // Admins added by earlier tests go first (by the token), so that the configured one is the last.
      for (const account of (await withToken({ url: '/api/admin/accounts' })).json().accounts) {
        if (account.role !== 'admin' || account.email === admin.email.toLowerCase()) continue;
        assert.equal(
          (await withToken({ method: 'DELETE', url: `/api/admin/accounts/${encodeURIComponent(account.email)}` })).statusCode,
          204,
        );
      }
      const last = await withToken({ method: 'DELETE', url: `/api/admin/accounts/${encodeURIComponent(admin.email)}` });
      assert.equal(last.statusCode, 409);
      assert.equal(last.json().error.code, 'last_admin');
      assert.match(last.json().error.message, /last admin/);
      const missing = await withToken({ method: 'DELETE', url: '/api/admin/accounts/nobody%40council.example' });
      assert.equal(missing.statusCode, 404);
      const bad = await withToken({ method: 'DELETE', url: '/api/admin/accounts/not-an-email' });
      assert.equal(bad.statusCode, 400);

      const viewer = await addAccount('viewer');
      const viewerCookie = cookieOf(await signIn(viewer.email, viewer.password));
      assert.equal((await session(viewerCookie)).statusCode, 200);
      const removed = await withCookie(cookie, {
        method: 'DELETE',
        url: `/api/admin/accounts/${encodeURIComponent(viewer.email.toUpperCase())}`,
      });
      assert.equal(removed.statusCode, 204);
      assert.equal((await session(viewerCookie)).statusCode, 401, 'its session ended with it');
      assert.equal((await signIn(viewer.email, viewer.password)).statusCode, 401);

      // With a second admin, the first may go (by the other), but then the second is the last.
      const second = await addAccount('admin');
      const secondCookie = cookieOf(await signIn(second.email, second.password));
      const [both] = await Promise.all([
        withCookie(secondCookie, { method: 'DELETE', url: `/api/admin/accounts/${encodeURIComponent(admin.email)}` }),
        withToken({ method: 'DELETE', url: `/api/admin/accounts/${encodeURIComponent(second.email)}` }),
      ]).then((answers) => [answers.map((answer) => answer.statusCode).sort()]);
      // Whichever came first removed its admin; the other found the last admin left (or its own session gone).
      assert.ok(
        [
          [204, 409],
          [204, 401],
        ].some((expected) => JSON.stringify(expected) === JSON.stringify(both)),
        JSON.stringify(both),
      );
      const admins = (await withToken({ url: '/api/admin/accounts' }))
        .json()
        .accounts.filter((account) => account.role === 'admin');
      assert.equal(admins.length, 1);
      // Put the configured admin back for the tests that follow, if it went.
      if (!admins.some((account) => account.email === admin.email.toLowerCase())) {
        const restored = await withToken({ method: 'POST', url: '/api/admin/accounts', payload: { ...admin, role: 'admin' } });
        assert.equal(restored.statusCode, 201);
      }
    });

    test('an account removed while its sign-in is checking the password gets no session, and adding it again gives that sign-in nothing', async () => {
      for (let round = 0; round < 6; round++) {
        const viewer = await addAccount('viewer');
        const path = `/api/admin/accounts/${encodeURIComponent(viewer.email)}`;
        // The sign-in spends a while in scrypt; the removal lands in the middle of it.
        const signingIn = signIn(viewer.email, viewer.password);
        await new Promise((resolve) => setTimeout(resolve, 5 + round * 8));
        assert.equal((await withToken({ method: 'DELETE', url: path })).statusCode, 204);
        const response = await signingIn;
        const cookie = cookieOf(response);
        assert.ok(response.statusCode === 401 || (response.statusCode === 200 && cookie), response.body);
        // The same email comes back, as an admin with a new password: the racing sign-in must not become it.
        const again = { email: viewer.email, password: 'a new passphrase for the new account', role: 'admin' };
        assert.equal((await withToken({ method: 'POST', url: '/api/admin/accounts', payload: again })).statusCode, 201);
        if (cookie) {
          assert.equal((await session(cookie)).statusCode, 401, `round ${round}: the old sign-in's session lives on`);
          assert.equal((await withCookie(cookie, { url: '/api/admin/accounts' })).statusCode, 401);
        }
        assert.equal((await withToken({ method: 'DELETE', url: path })).statusCode, 204);
      }
    });

    test('every action is in the audit log: sign-in, sign-in-failed, sign-out, account-added, account-removed, export', async () => {
      clock += hour;
      const at = now().toISOString();
      const ip = address();
      assert.equal((await signIn(admin.email, 'a wrong passphrase', { ip })).statusCode, 401);
      assert.equal((await signIn('nobody@council.example', 'a wrong passphrase', { ip })).statusCode, 401);
      const cookie = await adminCookie();
      const account = { email: 'audited@council.example', password: 'an audited passphrase', role: 'viewer' };
      assert.equal((await withCookie(cookie, { method: 'POST', url: '/api/admin/accounts', payload: account })).statusCode, 201);
      const widgetId = `audited-${randomUUID()}`;
      await app.inject({
        method: 'POST',
        url: '/api/responses',
        headers: { 'content-type': 'application/json' },
        payload: {
          id: randomUUID(),
          widget: 'poll',
          widgetId,
          submittedAt: at,
          locale: 'en',
          page: 'https://council.example/',
          answer: { choices: ['a'] },
        },
      });
      assert.equal((await withCookie(cookie, { url: `/api/export/${widgetId}` })).statusCode, 200);
      assert.equal((await withCookie(cookie, { method: 'DELETE', url: `/api/admin/accounts/${account.email}` })).statusCode, 204);
      assert.equal((await withCookie(cookie, { method: 'DELETE', url: '/api/admin/session' })).statusCode, 204);
      const entries = (await auditLog()).filter((entry) => entry.at === at).reverse();
      const who = 'chief.officer@council.example';
      assert.deepEqual(entries, [
        { at, who, action: 'sign-in-failed' },
        { at, who: 'unknown account', action: 'sign-in-failed' },
        { at, who, action: 'sign-in' },
        { at, who, action: 'account-added', subject: 'audited@council.example' },
        { at, who, action: 'export', widgetId },
        { at, who, action: 'account-removed', subject: 'audited@council.example' },
        { at, who, action: 'sign-out' },
      ]);
    });

    test('no password, token, cookie or hash ever reaches the log', async () => {
      const log = lines.join('');
      assert.match(log, /admin\/session/, 'the sign-ins were logged');
      const cookies = (await rows('SELECT token_hash FROM sessions')).map((row) => row.token_hash);
      const hashes = (await rows('SELECT password_hash FROM accounts')).map((row) => row.password_hash.split('$').at(-1));
      for (const secret of [admin.password, 'passphrase', token, 'delib_session', ...cookies, ...hashes]) {
        assert.ok(!log.includes(secret), `the log holds ${secret}`);
      }
    });
  });
}
