import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/app.ts';
import { configFromEnv, openStore } from '../src/config.ts';

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
