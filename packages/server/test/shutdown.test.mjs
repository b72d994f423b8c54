import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * SIGTERM, as a process manager or a container platform sends it: the server stops taking new
 * connections, answers the requests under way, closes the database and exits 0. Nothing it
 * acknowledged is missing when it starts again.
 */

const token = 'shutdown-test-token';

function start(databaseUrl) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/main.mjs')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, DELIB_ADMIN_TOKEN: token, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let output = '';
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /delib: (http:\/\/[^/ ]+)\//.exec(output);
      if (found) resolve(found[1]);
    });
    exited.then(() => reject(new Error(`the server exited before listening:\n${output}`)));
  });
  return { child, exited, url, log: () => output };
}

const envelope = (widgetId) => ({
  id: randomUUID(),
  widget: 'poll',
  widgetId,
  submittedAt: new Date().toISOString(),
  locale: 'en',
  page: 'https://council.example/parks',
  answer: { choices: ['lighting'] },
});

test('SIGTERM answers the requests under way, then exits 0; everything acknowledged is kept', { timeout: 60_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'delib-shutdown-'));
  const databaseUrl = `file:${join(folder, 'delib.sqlite')}`;
  const widgetId = `shutdown-${randomUUID()}`;
  try {
    const first = start(databaseUrl);
    const url = await first.url;
    const acknowledged = [];
    let refused = 0;
    let signalled = false;
    const post = async (sent) => {
      try {
        const response = await fetch(`${url}/api/responses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(sent),
        });
        assert.ok([200, 201].includes(response.status), `answered ${response.status} while stopping`);
        acknowledged.push(sent.id);
        if (acknowledged.length === 50 && !signalled) {
          signalled = true;
          first.child.kill('SIGTERM');
        }
      } catch (error) {
        // After the signal new connections are refused: the widget's outbox keeps those for later.
        assert.ok(signalled, `failed before the signal: ${error.cause?.code ?? error.message}`);
        refused += 1;
      }
    };
    const burst = [];
    for (let index = 0; index < 400; index++) {
      burst.push(post(envelope(widgetId)));
      if (index % 25 === 24) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(burst);
    const { code, signal } = await first.exited;
    assert.equal(signal, null);
    assert.equal(code, 0, first.log());
    assert.match(first.log(), /SIGTERM: finishing requests under way/);
    assert.ok(signalled && acknowledged.length >= 50, `acknowledged ${acknowledged.length}, refused ${refused}`);
    if (process.env.DEBUG_SHUTDOWN) console.log({ acknowledged: acknowledged.length, refused });

    const second = start(databaseUrl);
    try {
      const again = await second.url;
      const stored = await (
        await fetch(`${again}/api/export/${widgetId}?format=json`, { headers: { Authorization: `Bearer ${token}` } })
      ).json();
      const ids = new Set(stored.map((row) => row.id));
      assert.deepEqual(
        acknowledged.filter((id) => !ids.has(id)),
        [],
        'every acknowledged response is stored',
      );
      assert.equal(ids.size, stored.length, 'none twice');
    } finally {
      second.child.kill('SIGTERM');
      assert.equal((await second.exited).code, 0);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
