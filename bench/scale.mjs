/**
 * Several server processes on one PostgreSQL (issue 14): 1, 2 and 3 processes of the reference endpoint
 * share one database, each answering its share of the same connections, first with every response for
 * one hot widget (a national poll on a busy page), then spread over 1,000 widgets. Beside them, in the same
 * run, a bare Fastify route in one process. Throughput is the sum over the processes; p99 is the worst of
 * their p99s; "waiting for a lock" is the share of the servers' busy database sessions that were waiting
 * for a lock (sampled every 50 ms). After each run the database is checked: every acknowledged response
 * stored once, and the widgets' totals and tallies equal to the rows.
 *
 * Environment: BENCH_SCALE_DURATION (8 s), BENCH_SCALE_WARMUP (2 s), BENCH_CONNECTIONS (50),
 * BENCH_SCALE_PROCESSES (1,2,3); DELIB_TEST_DATABASE_URL as for the tests; BENCH_SERVER_PROCESS as in
 * results.mjs (another build of the server, for before-and-after figures).
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { isMain, printTable } from './lib.mjs';
import { postgresUrlForTests, testDatabaseUrl } from '../packages/server/test/fixtures/databases.mjs';
import { spawnServer } from '../packages/server/test/fixtures/spawn-server.mjs';

const duration = Math.max(1, Number(process.env.BENCH_SCALE_DURATION) || 8);
const warmup = Math.max(1, Number(process.env.BENCH_SCALE_WARMUP) || 2);
const connections = Math.max(3, Number(process.env.BENCH_CONNECTIONS) || 50);
const processCounts = (process.env.BENCH_SCALE_PROCESSES ?? '1,2,3').split(',').map(Number);
const choices = ['lighting', 'play', 'toilets', 'benches', 'trees'];

const percent = (share) => `${(share * 100).toFixed(0)}%`;

/** A distinct valid poll envelope per call, for one widget or spread over `widgets` of them. */
function envelopes(prefix, widgets) {
  let n = 0;
  return () => {
    n++;
    return JSON.stringify({
      id: randomUUID(),
      widget: 'poll',
      widgetId: widgets === 1 ? prefix : `${prefix}-${n % widgets}`,
      submittedAt: new Date().toISOString(),
      locale: 'en',
      page: 'https://council.example/parks',
      answer: { choices: [choices[n % choices.length]] },
    });
  };
}

/** The machine's CPU time so far (busy and all, in clock ticks), from /proc/stat. */
function machineCpu() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = fields[3] + fields[4];
  const all = fields.reduce((sum, value) => sum + value, 0);
  return { busy: all - idle, all };
}

/** CPU time (ms) the server processes and this one (autocannon) have used so far. */
async function processCpu(servers) {
  const ms = ({ user, system }) => (user + system) / 1000;
  const answers = await Promise.all(servers.map((server) => server.ask({ cpu: true })));
  return { servers: answers.reduce((sum, { cpu }) => sum + ms(cpu), 0), autocannon: ms(process.cpuUsage()) };
}

/**
 * Samples, every 50 ms until `stop()`, what the servers' database sessions are doing: how many are in a
 * statement and how many of those wait for a lock (a row, a transaction, an advisory lock). Resolves to
 * the share of busy sessions that were waiting for a lock: what a hot row costs, apart from the CPU.
 */
function lockWaits(url) {
  const client = new pg.Client({ connectionString: url });
  let stopped = false;
  const sampled = (async () => {
    await client.connect();
    let [active, waiting] = [0, 0];
    try {
      while (!stopped) {
        const { rows } = await client.query(
          `SELECT count(*) FILTER (WHERE state = 'active') AS active,
                  count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock') AS waiting
           FROM pg_stat_activity WHERE application_name = 'delib' AND datname = current_database()`,
        );
        active += Number(rows[0].active);
        waiting += Number(rows[0].waiting);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await client.end();
    }
    return active ? waiting / active : 0;
  })();
  return {
    stop: () => {
      stopped = true;
      return sampled;
    },
  };
}

/** autocannon on every server at once, the connections shared out; the sum of their 2xx per second. */
async function load(servers, path, next, seconds) {
  const each = Math.max(1, Math.floor(connections / servers.length));
  const runs = await Promise.all(
    servers.map((server) =>
      autocannon({
        url: server.url,
        connections: each,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json' },
            setupRequest: (r) => ({ ...r, body: next() }),
          },
        ],
      }),
    ),
  );
  return {
    rps: runs.reduce((sum, run) => sum + run['2xx'] / run.duration, 0),
    p99: Math.max(...runs.map((run) => run.latency.p99)),
    ok: runs.reduce((sum, run) => sum + run['2xx'], 0),
    bad: runs.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, 0),
  };
}

/**
 * Every acknowledged response stored once; each widget's total and tallies equal to its rows. Also the
 * most shard rows one widget's counts went to (as many as transactions wrote it at once).
 */
async function check(url, acknowledged) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Requests cut off when the load stopped may still commit: let them, then read one snapshot.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const {
      rows: [counted],
    } = await client.query(
      `SELECT (SELECT count(*) FROM responses) AS rows,
              (SELECT coalesce(sum(total), 0) FROM widget_shards) AS totals,
              -- a poll response counts once under bucket 'choice' per option chosen (one each here)
              (SELECT coalesce(sum(n), 0) FROM tallies WHERE bucket = 'choice') AS tallied,
              (SELECT count(*) FROM widgets w
                WHERE (SELECT coalesce(sum(total), 0) FROM widget_shards s WHERE s.widget_id = w.widget_id)
                   <> (SELECT count(*) FROM responses r WHERE r.widget_id = w.widget_id)) AS wrong,
              (SELECT max(n) FROM (SELECT count(*) AS n FROM widget_shards GROUP BY widget_id) AS per) AS shards`,
    );
    const [rows, totals, tallied, wrong] = ['rows', 'totals', 'tallied', 'wrong'].map((name) => Number(counted[name]));
    if (rows < acknowledged || rows !== totals || rows !== tallied || wrong)
      throw new Error(
        `inexact: ${acknowledged} acknowledged, ${rows} rows, totals ${totals}, tallied ${tallied}, ${wrong} widgets off`,
      );
    return { stored: rows, shards: Number(counted.shards) };
  } finally {
    await client.end();
  }
}

async function scenario(processes, widgets) {
  const url = await postgresUrlForTests();
  const servers = [];
  try {
    // One at a time: the first migrates, the others find the schema made.
    for (let i = 0; i < processes; i++)
      servers.push(await spawnServer('delib', { DATABASE_URL: url }, { script: process.env.BENCH_SERVER_PROCESS }));
    const next = envelopes(`scale-${randomUUID()}`, widgets);
    await load(servers, '/api/responses', next, warmup);
    const [machineBefore, processesBefore, started] = [machineCpu(), await processCpu(servers), performance.now()];
    const waits = lockWaits(url);
    const measured = await load(servers, '/api/responses', next, duration);
    measured.lockWaits = await waits.stop();
    const [machineAfter, processesAfter, elapsed] = [machineCpu(), await processCpu(servers), performance.now() - started];
    const cores = availableParallelism();
    // Shares of the whole machine (all cores): the servers, autocannon, and the rest (PostgreSQL, mostly).
    measured.machine = (machineAfter.busy - machineBefore.busy) / (machineAfter.all - machineBefore.all);
    measured.serverCpu = (processesAfter.servers - processesBefore.servers) / elapsed / cores;
    measured.autocannonCpu = (processesAfter.autocannon - processesBefore.autocannon) / elapsed / cores;
    if (measured.bad) throw new Error(`${processes} processes, ${widgets} widgets: ${measured.bad} requests failed`);
    return { processes, widgets, ...measured, ...(await check(url, measured.ok)) };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    const schema = /search_path=(\w+)/.exec(new URL(url).searchParams.get('options') ?? '')?.[1];
    if (schema) {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

export async function run() {
  console.log(
    `\n## Several processes on one PostgreSQL (${availableParallelism()} cores, ${connections} connections shared out, ` +
      `${warmup} s warm-up then ${duration} s per row)\n`,
  );
  const bareServer = await spawnServer('bare');
  let bare;
  try {
    await load([bareServer], '/bare', envelopes('bare', 1), warmup);
    bare = await load([bareServer], '/bare', envelopes('bare', 1), duration);
  } finally {
    await bareServer.stop();
  }
  console.log(`  bare, one process: ${bare.rps.toFixed(0)} req/s, p99 ${bare.p99} ms`);
  const rows = [];
  for (const widgets of [1, 1000]) {
    for (const processes of processCounts) {
      const row = await scenario(processes, widgets);
      rows.push(row);
      console.log(
        `  ${processes} process${processes > 1 ? 'es' : ''}, ${widgets === 1 ? 'one hot widget' : `${widgets} widgets`}: ` +
          `${row.rps.toFixed(0)} req/s, p99 ${row.p99} ms (${row.stored} stored, totals and tallies exact; ` +
          `a widget's counts over ${row.shards} shard${row.shards > 1 ? 's' : ''} at most)`,
      );
    }
  }
  const one = (widgets) => rows.find((row) => row.widgets === widgets && row.processes === 1);
  printTable(
    [
      'processes',
      'widgets',
      'req/s',
      '÷ bare',
      '÷ one process',
      'p99 ms',
      'machine busy',
      'servers',
      'autocannon',
      'rest (PostgreSQL)',
      'waiting for a lock',
    ],
    rows.map((row) => [
      row.processes,
      row.widgets === 1 ? 'one hot' : row.widgets,
      row.rps.toFixed(0),
      `${((row.rps / bare.rps) * 100).toFixed(0)}%`,
      one(row.widgets) ? `${(row.rps / one(row.widgets).rps).toFixed(2)}×` : '–',
      row.p99,
      percent(row.machine),
      percent(row.serverCpu),
      percent(row.autocannonCpu),
      percent(row.machine - row.serverCpu - row.autocannonCpu),
      percent(row.lockWaits),
    ]),
  );
  return { bare, rows, cores: availableParallelism() };
}

if (isMain(import.meta.url)) await run();
