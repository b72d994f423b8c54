import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/app.ts';
import { configFromEnv, openStore } from '../src/config.ts';
import { testDatabaseUrl } from './fixtures/databases.mjs';

/**
 * Configuration from the environment (CONTRACT.md section 7): what each setting means, and that a
 * mistake is refused with one sentence saying what to change.
 */

const envelope = () => ({
  id: randomUUID(),
  widget: 'poll',
  widgetId: `proxy-${randomUUID()}`,
  submittedAt: '2026-11-29T17:00:00.000Z',
  locale: 'en',
  page: 'https://council.example/parks',
  answer: { choices: ['lighting'] },
});

describe('the console settings', () => {
  test('DELIB_ADMIN_EMAIL and DELIB_ADMIN_PASSWORD give the first admin; DELIB_SESSION_HOURS the idle expiry', () => {
    assert.equal(configFromEnv({}).firstAdmin, undefined);
    assert.equal(configFromEnv({}).sessionHours, undefined);
    const config = configFromEnv({
      DELIB_ADMIN_EMAIL: ' Chief@Council.Example ',
      DELIB_ADMIN_PASSWORD: ' twelve chars',
      DELIB_SESSION_HOURS: '2.5',
    });
    assert.deepEqual(config.firstAdmin, { email: 'Chief@Council.Example', password: ' twelve chars' });
    assert.equal(config.sessionHours, 2.5);
    assert.throws(() => configFromEnv({ DELIB_SESSION_HOURS: '0' }), /DELIB_SESSION_HOURS must be a number of hours/);
  });
});

describe('DELIB_TRUST_PROXY', () => {
  test('takes a number of proxies or their addresses, and refuses true, which would trust any client', () => {
    assert.equal(configFromEnv({}).trustProxy, undefined);
    assert.equal(configFromEnv({ DELIB_TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(configFromEnv({ DELIB_TRUST_PROXY: ' 2 ' }).trustProxy, 2);
    assert.deepEqual(configFromEnv({ DELIB_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).trustProxy, [
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
    ]);
    assert.deepEqual(configFromEnv({ DELIB_TRUST_PROXY: 'loopback' }).trustProxy, ['loopback']);
    for (const value of ['true', 'TRUE', 'yes', '-1', '1.5', 'proxy.example', '10.0.0.300']) {
      assert.throws(
        () => configFromEnv({ DELIB_TRUST_PROXY: value }),
        (error) => error.name === 'ConfigError' && /DELIB_TRUST_PROXY/.test(error.message) && !error.message.includes('\n'),
        value,
      );
    }
  });

  for (const [setting, proxy] of [
    ['1', '10.0.0.1'],
    ['10.0.0.1', '10.0.0.1'],
    ['10.0.0.0/8', '10.9.8.7'],
  ]) {
    test(`DELIB_TRUST_PROXY=${setting}: a client cannot escape the rate limit by writing X-Forwarded-For`, async () => {
      const folder = mkdtempSync(join(tmpdir(), 'delib-proxy-'));
      const config = configFromEnv({ DELIB_TRUST_PROXY: setting, DELIB_RATE_LIMIT: '3' });
      const app = await buildApp({ ...config, store: await openStore(`file:${join(folder, 'x.sqlite')}`), logger: false });
      // The proxy appends the address it saw; everything before that is what the client wrote.
      const post = (client, spoofed, remoteAddress = proxy) =>
        app.inject({
          method: 'POST',
          url: '/api/responses',
          remoteAddress,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `${spoofed}, ${client}` },
          payload: JSON.stringify(envelope()),
        });
      try {
        const statuses = [];
        for (let index = 0; index < 6; index++) statuses.push((await post('203.0.113.9', `198.51.100.${index}`)).statusCode);
        assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429]);
        // Another resident behind the same proxy is counted on their own.
        assert.equal((await post('203.0.113.10', '198.51.100.1')).statusCode, 201);
        // A client that reaches the server directly is known by its socket, whatever it writes.
        const direct = [];
        for (let index = 0; index < 4; index++)
          direct.push((await post(`192.0.2.${index}`, '192.0.2.99', '198.51.100.50')).statusCode);
        assert.deepEqual(direct, [201, 201, 201, 429]);
      } finally {
        await app.close();
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});

/** Runs `delib-server` (from the sources) with `env`; resolves to its exit code and output lines. */
function runServer(env, { until } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/main.mjs')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (until && until.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, lines: output.split('\n').filter((line) => line.trim()) });
    });
  });
}

/** What a log line says: pino's JSON, or the line itself. */
function said(line) {
  try {
    return JSON.parse(line).msg ?? line;
  } catch {
    return line;
  }
}

describe('a configuration mistake stops the server with one line saying what to change', () => {
  const secret = 's3cret-Pa55word';
  let folder;
  before(() => (folder = mkdtempSync(join(tmpdir(), 'delib-misconfigured-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));

  const cases = {
    'a mistyped DATABASE_URL scheme': [() => ({ DATABASE_URL: `postgress://delib:${secret}@127.0.0.1/delib` }), /DATABASE_URL/],
    'a DATABASE_URL that is no URL': [
      () => ({ DATABASE_URL: `postgres://delib:${secret}@127.0.0.1:port/delib` }),
      /DATABASE_URL/,
    ],
    'PostgreSQL not running': [
      () => ({ DATABASE_URL: `postgres://delib:${secret}@127.0.0.1:1/delib` }),
      /PostgreSQL.*127\.0\.0\.1:1.*DATABASE_URL/,
    ],
    'a wrong PostgreSQL password': [
      () => ({ DATABASE_URL: `postgres://delib:${secret}@127.0.0.1:5432/delib_test` }),
      /password.*DATABASE_URL/,
    ],
    'a PostgreSQL database that does not exist': [
      () => ({ DATABASE_URL: testDatabaseUrl.replace(/\/[^/?]+(\?|$)/, '/no_such_database$1') }),
      /no_such_database.*DATABASE_URL/,
    ],
    'a SQLite path through a file': [
      () => {
        writeFileSync(join(folder, 'a-file'), '');
        return { DATABASE_URL: `file:${join(folder, 'a-file', 'delib.sqlite')}` };
      },
      /SQLite.*a-file.*DATABASE_URL/,
    ],
    'a SQLite database on a read-only file system': [
      () => ({ DATABASE_URL: 'file:/proc/delib.sqlite' }),
      /SQLite.*\/proc\/delib\.sqlite.*DATABASE_URL/,
    ],
    'a SQLite database that is a folder': [
      () => {
        mkdirSync(join(folder, 'a-folder.sqlite'), { recursive: true });
        return { DATABASE_URL: `file:${join(folder, 'a-folder.sqlite')}` };
      },
      /SQLite.*a-folder\.sqlite.*DATABASE_URL/,
    ],
    'a PORT that is not a number': [() => ({ PORT: 'eighty' }), /PORT/],
    'an unknown LOG_LEVEL': [() => ({ LOG_LEVEL: 'verbose' }), /LOG_LEVEL/],
    'a DELIB_RATE_LIMIT that is not a number': [() => ({ DELIB_RATE_LIMIT: 'ten' }), /DELIB_RATE_LIMIT/],
    'DELIB_TRUST_PROXY=true': [() => ({ DELIB_TRUST_PROXY: 'true' }), /DELIB_TRUST_PROXY/],
    'a DELIB_ADMIN_PASSWORD too short (never quoted)': [
      () => ({ DELIB_ADMIN_EMAIL: 'chief@council.example', DELIB_ADMIN_PASSWORD: 'hunter2x' }),
      /DELIB_ADMIN_PASSWORD must be 12–256 characters/,
      'hunter2x',
    ],
    'DELIB_ADMIN_PASSWORD without DELIB_ADMIN_EMAIL': [
      () => ({ DELIB_ADMIN_PASSWORD: 'a long enough passphrase' }),
      /DELIB_ADMIN_EMAIL is not/,
      'a long enough passphrase',
    ],
    'DELIB_ADMIN_EMAIL that is not an email address': [
      () => ({ DELIB_ADMIN_EMAIL: 'chief', DELIB_ADMIN_PASSWORD: 'a long enough passphrase' }),
      /DELIB_ADMIN_EMAIL must be an email address/,
      'a long enough passphrase',
    ],
    'a DELIB_SESSION_HOURS past 24': [() => ({ DELIB_SESSION_HOURS: '48' }), /DELIB_SESSION_HOURS/],
    'DELIB_CORS_ORIGINS with nothing that can match': [
      () => ({ DELIB_CORS_ORIGINS: 'council.example, www.council.example' }),
      /DELIB_CORS_ORIGINS/,
    ],
  };
  for (const [name, [env, expected, password]] of Object.entries(cases)) {
    test(name, { timeout: 60_000 }, async () => {
      const { code, lines } = await runServer({
        DATABASE_URL: `file:${join(folder, 'ok.sqlite')}`,
        DELIB_ADMIN_TOKEN: secret,
        ...env(),
      });
      assert.equal(code, 1, lines.join('\n'));
      assert.equal(lines.length, 1, `one line, not:\n${lines.join('\n')}`);
      const message = said(lines[0]);
      assert.match(message, expected);
      assert.ok(!lines[0].includes(secret), `the password or token is in: ${lines[0]}`);
      if (password) assert.ok(!lines[0].includes(password), `the admin password is in: ${lines[0]}`);
      assert.ok(!/ at .*\.(js|ts|mjs):\d+/.test(lines[0]) && !lines[0].includes('pg-pool'), `a stack trace: ${lines[0]}`);
    });
  }

  test('a port in use names PORT', { timeout: 60_000 }, async () => {
    const taken = createServer();
    await new Promise((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { code, lines } = await runServer({
        DATABASE_URL: `file:${join(folder, 'port.sqlite')}`,
        PORT: String(taken.address().port),
      });
      assert.equal(code, 1, lines.join('\n'));
      assert.equal(lines.length, 1, lines.join('\n'));
      assert.match(said(lines[0]), new RegExp(`${taken.address().port}.*PORT`));
    } finally {
      taken.close();
    }
  });
});

describe('DELIB_CORS_ORIGINS', () => {
  test('entries with a trailing slash or a path are read as origins; those that can never match are named at start-up', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-cors-'));
    const lines = [];
    const config = configFromEnv({
      DELIB_CORS_ORIGINS:
        'https://council.example/, https://Consult.Example.gov.uk:443/parks/2026, council.example, ftp://files.example, https://ok.example',
    });
    const app = await buildApp({
      ...config,
      store: await openStore(`file:${join(folder, 'x.sqlite')}`),
      logger: { stream: { write: (line) => lines.push(JSON.parse(line)) } },
    });
    const preflight = (origin) =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/responses',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    try {
      await app.ready();
      const warnings = lines.filter((line) => line.level === 40).map((line) => line.msg);
      assert.ok(
        warnings.some((msg) => msg.includes('"council.example"') && /never match/.test(msg)),
        warnings.join('\n'),
      );
      assert.ok(
        warnings.some((msg) => msg.includes('"ftp://files.example"') && /never match/.test(msg)),
        warnings.join('\n'),
      );
      assert.ok(
        warnings.some((msg) => msg.includes('/parks/2026') && msg.includes('https://consult.example.gov.uk')),
        warnings.join('\n'),
      );
      for (const origin of ['https://council.example', 'https://consult.example.gov.uk', 'https://ok.example']) {
        assert.equal((await preflight(origin)).headers['access-control-allow-origin'], origin, origin);
      }
      lines.length = 0;
      const refused = await preflight('https://elsewhere.example');
      assert.equal(refused.headers['access-control-allow-origin'], undefined);
      const warned = lines.filter((line) => line.level === 40);
      assert.equal(warned.length, 1, JSON.stringify(lines));
      assert.equal(warned[0].origin, 'https://elsewhere.example');
      assert.match(warned[0].msg, /DELIB_CORS_ORIGINS/);
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
