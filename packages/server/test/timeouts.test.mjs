import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../src/config.ts';
import { startServer } from '../src/cli.ts';
import { spawnServer } from './fixtures/spawn-server.mjs';

/**
 * Time and connections are bounded whatever clients do (CONTRACT.md section 7): on real sockets, to a
 * real server process, requests whose headers or body never finish arriving are answered 408 and
 * closed once DELIB_REQUEST_TIMEOUT has passed (checked every second at most), idle kept-alive
 * connections are closed after DELIB_KEEP_ALIVE_TIMEOUT, and past DELIB_MAX_CONNECTIONS new
 * connections are closed at once. The timeouts are set short here; their defaults are checked as values.
 */

const folder = mkdtempSync(join(tmpdir(), 'delib-timeouts-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('the defaults: 30 s for a request, 10 s for its headers, 5 s of keep-alive, 60 s idle, 1,000 connections', async () => {
  const config = configFromEnv({});
  assert.equal(config.requestTimeout, 30_000);
  assert.equal(config.keepAliveTimeout, 5_000);
  assert.equal(config.maxConnections, 1000);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `file:${join(folder, 'defaults.sqlite')}`,
    logger: false,
  });
  try {
    const http = server.app.server;
    assert.equal(http.requestTimeout, 30_000);
    assert.equal(http.headersTimeout, 10_000);
    assert.equal(http.keepAliveTimeout, 5_000);
    assert.equal(http.timeout, 60_000);
    assert.equal(http.maxConnections, 1000);
  } finally {
    await server.close();
  }
});

test('timeouts and the connection cap come from the environment, in seconds, and refuse nonsense', () => {
  const config = configFromEnv({ DELIB_REQUEST_TIMEOUT: '2.5', DELIB_KEEP_ALIVE_TIMEOUT: '65', DELIB_MAX_CONNECTIONS: '200' });
  assert.equal(config.requestTimeout, 2500);
  assert.equal(config.keepAliveTimeout, 65_000);
  assert.equal(config.maxConnections, 200);
  for (const [name, value] of [
    ['DELIB_REQUEST_TIMEOUT', '0'],
    ['DELIB_REQUEST_TIMEOUT', 'soon'],
    ['DELIB_KEEP_ALIVE_TIMEOUT', '-1'],
    ['DELIB_MAX_CONNECTIONS', '10.5'],
    ['DELIB_MAX_CONNECTIONS', '0'],
  ]) {
    assert.throws(
      () => configFromEnv({ [name]: value }),
      (error) => error.name === 'ConfigError' && error.message.includes(name),
      `${name}=${value}`,
    );
  }
});

/** Opens a socket, writes `bytes`, and resolves once connected to `{ closed }`: when and how it ended. */
function hang(port, bytes) {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let answer = '';
    const closed = new Promise((done) => socket.on('close', () => done({ at: performance.now(), answer })));
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', () => {});
    socket.once('connect', () => {
      socket.write(bytes);
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

describe('on a real server process', () => {
  let server;
  let port;
  before(async () => {
    server = await spawnServer('delib', {
      DATABASE_URL: `file:${join(folder, 'slow.sqlite')}`,
      DELIB_REQUEST_TIMEOUT: '1',
      DELIB_KEEP_ALIVE_TIMEOUT: '1',
      DELIB_MAX_CONNECTIONS: '700',
    });
    port = Number(new URL(server.url).port);
  });
  after(() => server?.stop());

  test(
    '500 half-sent bodies and 100 unfinished headers are answered 408 and closed within the timeout',
    { timeout: 60_000 },
    async () => {
      const halfBody = `POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"id": "${'x'.repeat(900)}`;
      const halfHeaders = 'POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: appl';
      const started = performance.now();
      const sockets = [];
      for (let i = 0; i < 500; i++) sockets.push(await hang(port, halfBody));
      for (let i = 0; i < 100; i++) sockets.push(await hang(port, halfHeaders));
      // The server still answers others meanwhile.
      const health = await fetch(`${server.url}/api/health`);
      assert.equal(health.status, 200);
      // 1 s allowed, checked every 0.5 s; then a little slack for a busy machine.
      const deadline = started + 1000 + 500 + 4000;
      const outcomes = await Promise.all(
        sockets.map(({ socket, closed }) =>
          Promise.race([closed, new Promise((resolve) => setTimeout(resolve, deadline - performance.now(), 'open'))]).finally(
            () => socket.destroy(),
          ),
        ),
      );
      const open = outcomes.filter((outcome) => outcome === 'open').length;
      assert.equal(
        open,
        0,
        `${open} of ${sockets.length} connections still open after ${((deadline - started) / 1000).toFixed(1)} s`,
      );
      for (const { answer } of outcomes) {
        assert.match(answer, /^HTTP\/1\.1 408 /);
        assert.match(answer, /"code":"timeout"/);
      }
    },
  );

  test('an idle kept-alive connection is closed after the keep-alive timeout', { timeout: 30_000 }, async () => {
    const { socket, closed } = await hang(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    const opened = performance.now();
    const outcome = await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 6000, 'open'))]);
    socket.destroy();
    assert.notEqual(outcome, 'open', 'still open after 6 s');
    assert.match(outcome.answer, /^HTTP\/1\.1 200 /);
    assert.ok(outcome.at - opened >= 900, `closed after ${(outcome.at - opened).toFixed(0)} ms`);
  });

  test(
    'past the connection cap, new connections are closed at once; the others are still served',
    { timeout: 30_000 },
    async () => {
      const idle = [];
      for (let i = 0; i < 750; i++) idle.push(await hang(port, ''));
      const outcomes = await Promise.all(
        idle.map(({ closed }) => Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 300, 'open'))])),
      );
      const dropped = outcomes.filter((outcome) => outcome !== 'open').length;
      assert.ok(dropped >= 50, `only ${dropped} of 750 connections were closed at once`);
      for (const { socket } of idle) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal((await fetch(`${server.url}/api/health`)).status, 200);
    },
  );
});
