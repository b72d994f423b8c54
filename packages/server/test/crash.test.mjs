import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { scratchDatabases } from './fixtures/databases.mjs';
import { spawnServer } from './fixtures/spawn-server.mjs';

/**
 * No acknowledged response is lost to SIGKILL (CONTRACT.md section 7: "acknowledged only after it is
 * durably stored"). The server runs as a real child process on a real database; a burst of concurrent
 * POSTs is cut short by SIGKILL; a new process on the same database must hold every response that
 * got a 200 or 201, each once, with tallies that agree with the rows. Then the widgets' retry of
 * every envelope (the outbox) must leave each stored exactly once.
 *
 * This covers the process dying, not the machine losing power: committed data the kernel still
 * holds in its page cache survives the former. Power loss is what `synchronous = FULL` (SQLite) and
 * `fsync` plus `synchronous_commit` (PostgreSQL) are for, and is not simulated here.
 */

const token = 'crash-test-admin-token';
const total = 2000;
const inFlight = 50;
const killAfter = 500;
const choices = ['lighting', 'play', 'toilets', 'benches'];

const startServer = (databaseUrl) => spawnServer('delib', { DATABASE_URL: databaseUrl, DELIB_ADMIN_TOKEN: token });

/** One request; resolves to `{ status, body }`, rejects on any network failure or after 10 s. */
function request(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers, timeout: 10_000 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

const post = (agent, base, envelope) =>
  request(agent, `${base}/api/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(envelope),
  });

function envelopes(widgetId) {
  return Array.from({ length: total }, (_, index) => ({
    id: randomUUID(),
    widget: 'poll',
    widgetId,
    submittedAt: new Date(Date.UTC(2026, 10, 29, 17, 0, 0, index)).toISOString(),
    locale: 'en',
    page: 'https://council.example/parks',
    answer: { choices: [choices[index % choices.length]] },
  }));
}

/**
 * Sends every envelope, `inFlight` at a time, and calls `onAck` after each acknowledgement. Once
 * `stopped()` is true no new request starts. Resolves to the acknowledged ids, the failures
 * (network errors) and any other answers.
 */
async function burst(base, list, { onAck = () => {}, stopped = () => false } = {}) {
  const bases = [base].flat();
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const acked = [];
  const failures = [];
  const others = [];
  let next = 0;
  /** Lane n posts to `bases[n % bases.length]`: several servers share the load evenly. */
  async function lane(_, n) {
    while (next < list.length && !stopped()) {
      const envelope = list[next++];
      try {
        const { status, body } = await post(agent, bases[n % bases.length], envelope);
        if ((status === 200 || status === 201) && JSON.parse(body).accepted === true && JSON.parse(body).id === envelope.id) {
          acked.push({ id: envelope.id, status });
          onAck(acked.length);
        } else others.push({ id: envelope.id, status, body });
      } catch (error) {
        failures.push({ id: envelope.id, error: error.code ?? error.message });
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, (_, n) => lane(_, n)));
  agent.destroy();
  return { acked, failures, others, started: next };
}

/** What a fresh process reads back: the exported rows and the results. */
async function readBack(base, widgetId) {
  const agent = new http.Agent({ keepAlive: true });
  try {
    const exported = await request(agent, `${base}/api/export/${encodeURIComponent(widgetId)}?format=json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(exported.status, 200, `export answered ${exported.status}: ${exported.body}`);
    const results = await request(agent, `${base}/api/results/${encodeURIComponent(widgetId)}`);
    assert.equal(results.status, 200, `results answered ${results.status}: ${results.body}`);
    return { rows: JSON.parse(exported.body), results: JSON.parse(results.body) };
  } finally {
    agent.destroy();
  }
}

/** No id twice, nothing that was not sent, and tallies that agree with the rows. */
function checkConsistent({ rows, results }, sent) {
  const ids = rows.map((row) => row.id);
  const unique = new Set(ids);
  assert.equal(unique.size, ids.length, `${ids.length - unique.size} ids are stored more than once`);
  const sentById = new Map(sent.map((envelope) => [envelope.id, envelope]));
  for (const row of rows) {
    const original = sentById.get(row.id);
    assert.ok(original, `stored an id that was never sent: ${row.id}`);
    assert.deepEqual(row.answer, original.answer, `the stored answer of ${row.id} differs from the one sent`);
  }
  assert.equal(results.widget, 'poll');
  assert.equal(results.total, rows.length, `results total ${results.total} but ${rows.length} rows stored`);
  const counts = {};
  for (const row of rows) for (const choice of row.answer.choices) counts[choice] = (counts[choice] ?? 0) + 1;
  assert.deepEqual(results.counts, counts, 'the tallies disagree with the stored rows');
  return unique;
}

const databases = scratchDatabases('delib-crash');
after(() => databases.dispose());

// DELIB_TEST_STORES=sqlite narrows a local run; CI runs both.
for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
  describe(`SIGKILL during a burst of responses, on ${kind}`, () => {
    test('every acknowledged response survives, once, with consistent tallies', { timeout: 60_000 }, async (t) => {
      const databaseUrl = await databases.url(kind);
      const widgetId = `crash-${randomUUID()}`;
      const sent = envelopes(widgetId);

      // 1. A burst, killed after `killAfter` acknowledgements while ~`inFlight` requests are under way.
      const first = await startServer(databaseUrl);
      let killed = false;
      const started = Date.now();
      const outcome = await burst(first.url, sent, {
        onAck: (count) => {
          if (count >= killAfter && !killed) {
            killed = first.child.kill('SIGKILL');
          }
        },
        stopped: () => killed,
      });
      const { signal } = await first.exited;
      assert.equal(signal, 'SIGKILL', 'the server should have died of SIGKILL');
      assert.deepEqual(outcome.others, [], 'every answer before the kill should be an acknowledgement');
      assert.ok(outcome.acked.length >= killAfter, `only ${outcome.acked.length} acknowledgements before the kill`);
      assert.ok(outcome.acked.length < total, 'the kill should land in the middle of the burst');
      assert.ok(outcome.failures.length > 0, 'some requests should have been cut off by the kill');

      // 2. A new process on the same database holds every acknowledged response, once.
      const second = await startServer(databaseUrl);
      try {
        const back = await readBack(second.url, widgetId);
        const stored = checkConsistent(back, sent);
        const missing = outcome.acked.filter(({ id }) => !stored.has(id));
        assert.deepEqual(missing, [], `${missing.length} acknowledged responses were lost`);
        t.diagnostic(
          `${kind}: ${outcome.acked.length} acknowledged, ${outcome.failures.length} cut off by SIGKILL after ` +
            `${Date.now() - started} ms; ${stored.size} stored after restart ` +
            `(${stored.size - outcome.acked.length} committed without their acknowledgement reaching the client)`,
        );

        // 3. The widgets' outbox retries everything: acknowledged ids answer 200, all end up stored once.
        const retry = await burst(second.url, sent);
        assert.deepEqual(retry.failures, []);
        assert.deepEqual(retry.others, []);
        assert.equal(retry.acked.length, total);
        const repeated = retry.acked.filter(({ id, status }) => stored.has(id) && status !== 200);
        assert.deepEqual(repeated, [], 'a response stored before the kill must be answered 200 (exists), not stored again');
        const final = await readBack(second.url, widgetId);
        assert.equal(checkConsistent(final, sent).size, total);
      } finally {
        await second.stop();
      }
    });
  });
}

/**
 * Issue 14: two processes write one hot widget at once, each transaction counting into a shard row of
 * its own; one process dies mid-burst. What it committed is counted, once; what it had not is not.
 */
describe('SIGKILL of one of two processes writing one widget, on postgres', () => {
  const skip = !(process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',').includes('postgres');
  test('totals and tallies summed over the shards equal the rows', { skip, timeout: 90_000 }, async (t) => {
    const databaseUrl = await databases.url('postgres');
    const widgetId = `crash-shards-${randomUUID()}`;
    const sent = envelopes(widgetId);
    const victim = await startServer(databaseUrl);
    const survivor = await startServer(databaseUrl);
    try {
      let killed = false;
      const outcome = await burst([victim.url, survivor.url], sent, {
        onAck: (count) => {
          if (count >= killAfter && !killed) killed = victim.child.kill('SIGKILL');
        },
        stopped: () => killed,
      });
      assert.equal((await victim.exited).signal, 'SIGKILL');
      assert.deepEqual(outcome.others, []);
      assert.ok(outcome.failures.length > 0, 'some requests should have been cut off by the kill');

      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      let shards;
      try {
        ({ rows: shards } = await client.query('SELECT shard, total FROM widget_shards WHERE widget_id = $1', [widgetId]));
      } finally {
        await client.end();
      }
      assert.ok(shards.length >= 2, `the two processes should have written the widget at once (${shards.length} shard)`);

      const back = await readBack(survivor.url, widgetId);
      const stored = checkConsistent(back, sent);
      const missing = outcome.acked.filter(({ id }) => !stored.has(id));
      assert.deepEqual(missing, [], `${missing.length} acknowledged responses were lost`);
      t.diagnostic(`${outcome.acked.length} acknowledged before the kill, ${stored.size} stored, over ${shards.length} shards`);

      // Every envelope again (the outbox), to the survivor: each stored once, the counts still exact.
      const retry = await burst(survivor.url, sent);
      assert.deepEqual(retry.failures, []);
      assert.equal(retry.acked.filter(({ id, status }) => stored.has(id) && status !== 200).length, 0);
      assert.equal(checkConsistent(await readBack(survivor.url, widgetId), sent).size, total);
    } finally {
      await Promise.all([victim.stop(), survivor.stop()]);
    }
  });
});
