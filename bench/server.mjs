/**
 * The reference endpoint under load (@delib/server), against a bare route on the same framework,
 * measured in the same run:
 *
 * - throughput and p99 latency of `POST /bare` (a minimal Fastify app that parses the JSON body and
 *   answers `{ ok: true }`) and of `POST /api/responses` (a distinct valid envelope per request) on
 *   SQLite and PostgreSQL, with autocannon: same connections, same duration, after the same warm-up;
 * - the latency of `GET /api/results/{widgetId}` once a widget holds 10 k, 100 k and 1 M responses,
 *   filled through the store's own insert path.
 *
 * Every server runs in its own process (packages/server/test/fixtures/server-process.mjs, started with
 * tsx from the sources) and autocannon in this one: see README.md for why.
 *
 * Environment: BENCH_QUICK=1 stops the results series at 100 k; BENCH_SERVER_DURATION (10 s),
 * BENCH_SERVER_WARMUP (3 s), BENCH_CONNECTIONS (50); BENCH_FILL_SECONDS (480) caps each store's fill;
 * BENCH_STORES=sqlite,postgres; DELIB_TEST_DATABASE_URL as for the tests; BENCH_SERVER_PROCESS as in
 * results.mjs (another build of the server, for before-and-after figures).
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isMain, printTable } from './lib.mjs';
import { postgresUrlForTests, testDatabaseUrl } from '../packages/server/test/fixtures/databases.mjs';
import { spawnServer } from '../packages/server/test/fixtures/spawn-server.mjs';

const quick = process.env.BENCH_QUICK === '1';
const duration = Math.max(1, Number(process.env.BENCH_SERVER_DURATION) || 10);
const warmup = Math.max(1, Number(process.env.BENCH_SERVER_WARMUP) || 3);
const connections = Math.max(1, Number(process.env.BENCH_CONNECTIONS) || 50);
const fillSeconds = Math.max(10, Number(process.env.BENCH_FILL_SECONDS) || 480);
const storesAsked = process.env.BENCH_STORES;
let stores = (storesAsked ?? 'sqlite,postgres').split(',').map((name) => name.trim());
const steps = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const latencySamples = 200;
const latencyWarmup = 20;
const fillBatch = 2000;
const choices = ['lighting', 'play', 'toilets', 'benches', 'trees'];

/** A distinct valid poll envelope per call. */
function envelopes(widgetId) {
  let n = 0;
  return () =>
    JSON.stringify({
      id: randomUUID(),
      widget: 'poll',
      widgetId,
      submittedAt: new Date().toISOString(),
      locale: 'en',
      page: 'https://council.example/parks',
      answer: { choices: [choices[n++ % choices.length]] },
    });
}

/**
 * CPU time (ms) of the server process and of this one (autocannon), and the server's event loop
 * utilisation (busy, including time blocked in a synchronous call such as SQLite's commit), since
 * `before`.
 */
async function cpuSince(server, before) {
  const { cpu, elu } = await server.ask({ cpu: true });
  const own = process.cpuUsage();
  const ms = (usage) => (usage.user + usage.system) / 1000;
  const now = { server: ms(cpu), autocannon: ms(own), elu };
  if (!before) return now;
  const busy = elu.active - before.elu.active;
  return {
    server: now.server - before.server,
    autocannon: now.autocannon - before.autocannon,
    busy: busy / (busy + elu.idle - before.elu.idle),
  };
}

/**
 * autocannon on one POST route of `server`, every request with its own envelope; a warm-up run first.
 * Also the CPU each side used, as a share of one core: 100% for the server means it was the limit.
 */
async function load(server, path, widgetId) {
  const body = envelopes(widgetId);
  const options = (seconds) => ({
    url: server.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
  await autocannon(options(warmup));
  const before = await cpuSince(server);
  const started = performance.now();
  const result = await autocannon(options(duration));
  const elapsed = performance.now() - started;
  const cpu = await cpuSince(server, before);
  const ok = result['2xx'];
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    bad: result.non2xx + result.errors + result.timeouts,
    serverCpu: cpu.server / elapsed,
    serverBusy: cpu.busy,
    autocannonCpu: cpu.autocannon / elapsed,
  };
}

/** One GET at a time over a kept-alive connection; resolves to sorted latencies in ms. */
async function timeGets(url, count) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.get(url, { agent, timeout: 10_000 }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (res.statusCode !== 200) reject(new Error(`GET ${url}: ${res.statusCode}`));
          else resolve({ ms, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
      req.on('error', reject);
    });
  try {
    let last;
    for (let i = 0; i < latencyWarmup; i++) last = await get();
    const times = [];
    for (let i = 0; i < count; i++) times.push((last = await get()).ms);
    return { times: times.sort((a, b) => a - b), last: JSON.parse(last.body) };
  } finally {
    agent.destroy();
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const percent = (share) => `${(share * 100).toFixed(0)}%`;
const fmt = (value, digits = 1) => (value === undefined ? '–' : value.toFixed(digits));
const count = (n) => (n >= 1_000_000 ? `${n / 1_000_000} M` : n >= 1000 ? `${n / 1000} k` : String(n));

/** A fresh database per store; `drop()` removes it (a 1 M-row schema should not linger). */
async function database(kind) {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'delib-bench-'));
    return { url: `file:${join(folder, 'delib.sqlite')}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const url = await postgresUrlForTests();
  const schema = /search_path=(\w+)/.exec(new URL(url).searchParams.get('options') ?? '')[1];
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** Fills one widget step by step through `store.insert`, timing the results GET after each step. */
async function resultsSeries(server, kind) {
  const widgetId = `bench-results-${randomUUID()}`;
  const rows = [];
  const deadline = Date.now() + fillSeconds * 1000;
  let stored = 0;
  let fillMs = 0;
  for (const target of steps) {
    const seconds = Math.max(1, Math.round((deadline - Date.now()) / 1000));
    const { filled, ms } = await server.ask(
      { fill: { widgetId, count: target - stored, batch: fillBatch, seconds } },
      ({ progress, ms: sofar }) =>
        console.log(`  ${kind}: filling, ${count(stored + progress)} stored (${(sofar / 1000).toFixed(0)} s into this step)`),
    );
    stored += filled;
    fillMs += ms;
    const { times, last } = await timeGets(`${server.url}/api/results/${widgetId}`, latencySamples);
    if (last.total !== stored) throw new Error(`${kind}: results total ${last.total}, ${stored} responses stored`);
    const row = {
      target,
      stored,
      complete: stored === target,
      fillSeconds: fillMs / 1000,
      perSecond: (filled / ms) * 1000,
      median: percentile(times, 50),
      p99: percentile(times, 99),
    };
    rows.push(row);
    console.log(
      `  ${kind}: ${count(stored)} stored${row.complete ? '' : ` (of ${count(target)}: fill stopped after ${fillSeconds} s)`}, ` +
        `fill ${fmt(row.fillSeconds, 0)} s so far (${fmt(row.perSecond, 0)}/s in this step); ` +
        `results median ${fmt(row.median, 2)} ms, p99 ${fmt(row.p99, 2)} ms`,
    );
    if (!row.complete) break;
  }
  return rows;
}

export async function run() {
  console.log(
    `\n## Server: @delib/server under load\n\n${availableParallelism()} cores, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; autocannon here, each server in its own process; ${connections} connections, ` +
      `${warmup} s warm-up then ${duration} s per route\n`,
  );

  const result = { connections, duration, bare: [], ingest: {}, ratio: {}, results: {}, quick };

  // Without PostgreSQL the SQLite figures still come out, unless PostgreSQL was asked for by name.
  if (stores.includes('postgres') && !storesAsked) {
    const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
    } catch (error) {
      console.log(`  PostgreSQL not reachable at ${testDatabaseUrl} (${error.message}): measuring SQLite only\n`);
      stores = stores.filter((kind) => kind !== 'postgres');
    } finally {
      await client.end().catch(() => {});
    }
  }

  const bareRun = async () => {
    const bare = await spawnServer('bare');
    try {
      const measured = await load(bare, '/bare', 'bench-bare');
      result.bare.push(measured);
      console.log(`  bare: ${fmt(measured.rps, 0)} req/s, p99 ${measured.p99} ms`);
    } finally {
      await bare.stop();
    }
  };

  await bareRun();
  const databases = {};
  try {
    for (const kind of stores) {
      databases[kind] = await database(kind);
      const server = await spawnServer(
        'delib',
        { DATABASE_URL: databases[kind].url },
        { script: process.env.BENCH_SERVER_PROCESS },
      );
      try {
        // SQLite's figure is the median of three runs (its commit time on this disk varies run to run).
        const runs = [];
        for (let run = 0; run < (kind === 'sqlite' ? 3 : 1); run++) {
          const measured = await load(server, '/api/responses', `bench-ingest-${randomUUID()}`);
          console.log(`  ingest ${kind}: ${fmt(measured.rps, 0)} req/s, p99 ${measured.p99} ms`);
          if (measured.bad) throw new Error(`ingest on ${kind}: ${measured.bad} requests failed or were not 2xx`);
          runs.push(measured);
        }
        runs.sort((a, b) => a.rps - b.rps);
        result.ingest[kind] = { ...runs[Math.floor(runs.length / 2)], runs: runs.length };
      } finally {
        await server.stop();
      }
    }
    // Bare again: the two bare runs bracket the ingest runs, so drift on a shared machine shows.
    await bareRun();
    const bareRps = (result.bare[0].rps + result.bare[1].rps) / 2;
    for (const kind of Object.keys(result.ingest)) result.ratio[kind] = result.ingest[kind].rps / bareRps;

    console.log('');
    printTable(
      ['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', '÷ bare', 'server loop busy', 'server CPU', 'autocannon CPU'],
      [
        ...result.bare.map((bare, i) => [
          `POST /bare (${i ? 'after' : 'before'})`,
          fmt(bare.rps, 0),
          bare.p50,
          bare.p99,
          bare.ok,
          '–',
          percent(bare.serverBusy),
          percent(bare.serverCpu),
          percent(bare.autocannonCpu),
        ]),
        ...Object.entries(result.ingest).map(([kind, ingest]) => [
          `POST /api/responses, ${kind}`,
          fmt(ingest.rps, 0),
          ingest.p50,
          ingest.p99,
          ingest.ok,
          percent(result.ratio[kind]),
          percent(ingest.serverBusy),
          percent(ingest.serverCpu),
          percent(ingest.autocannonCpu),
        ]),
      ],
    );

    console.log(
      `\nResults latency (${latencySamples} GETs one at a time after ${latencyWarmup} unmeasured)${quick ? ', BENCH_QUICK=1: up to 100 k' : ''}:`,
    );
    for (const kind of stores) {
      // A fresh database, so the ingest rows above do not weigh on the fill.
      await databases[kind].drop();
      databases[kind] = await database(kind);
      const server = await spawnServer(
        'delib',
        { DATABASE_URL: databases[kind].url },
        { script: process.env.BENCH_SERVER_PROCESS },
      );
      try {
        result.results[kind] = await resultsSeries(server, kind);
      } finally {
        await server.stop();
      }
    }
    console.log('');
    printTable(
      ['store', 'responses', 'fill s', 'fill/s', 'median ms', 'p99 ms'],
      Object.entries(result.results).flatMap(([kind, rows]) =>
        rows.map((row) => [
          kind,
          count(row.stored),
          fmt(row.fillSeconds, 0),
          fmt(row.perSecond, 0),
          fmt(row.median, 2),
          fmt(row.p99, 2),
        ]),
      ),
    );
  } finally {
    for (const db of Object.values(databases)) await db.drop().catch(() => {});
  }
  return result;
}

if (isMain(import.meta.url)) {
  run().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
