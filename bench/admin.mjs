/**
 * The console's widget list and a widget's page with 1,000 widgets and 1 M stored responses, on SQLite
 * and on PostgreSQL (I10-API.md: under 100 ms at the 95th percentile).
 *
 * The data is written straight into a database the server has migrated (one transaction of plain SQL,
 * then the per-widget and per-day tallies summed from it, as the migration's backfill would), not
 * through HTTP: a million posts would take longer than the measurement is worth. 1,000 poll widgets of
 * 1,000 responses each, spread over the last 60 days, one in ten with an "Other" text. Then a server in a
 * process of its own answers, one request at a time over a kept-alive connection, after a warm-up:
 * `GET /api/admin/widgets`, and the requests of a widget's page in the console (`GET /api/admin/widgets/{id}`,
 * its `/text`, and its results).
 *
 * `BENCH_STORES=sqlite` or `postgres` measures one. `BENCH_ADMIN_RESPONSES` (1,000,000; 100,000 with BENCH_QUICK=1), `BENCH_ADMIN_WIDGETS` (1,000), `BENCH_ADMIN_REQUESTS` (200 per route).
 * PostgreSQL at DELIB_TEST_DATABASE_URL (a schema of its own, dropped at the end); unreachable: skipped, said so.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMain, printTable } from './lib.mjs';
import { spawnServer } from '../packages/server/test/fixtures/spawn-server.mjs';
import { postgresUrlForTests, testDatabaseUrl } from '../packages/server/test/fixtures/databases.mjs';

const responses = Math.max(
  1000,
  Number(process.env.BENCH_ADMIN_RESPONSES) || (process.env.BENCH_QUICK === '1' ? 100_000 : 1_000_000),
);
const widgets = Math.max(1, Number(process.env.BENCH_ADMIN_WIDGETS) || 1000);
const requests = Math.max(20, Number(process.env.BENCH_ADMIN_REQUESTS) || 200);
const days = 60;
/** `BENCH_STORES=sqlite` (or `postgres`) measures one store only. */
const stores = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',').map((store) => store.trim());
const token = 'bench-admin-token';
const options = ['lighting', 'play', 'toilets', 'benches', 'trees'];
const widgetName = (n) => `bench-admin-${String(n).padStart(4, '0')}`;

/** The n-th response: its widget, when it arrived (spread over the last `days` days), its answer. */
function nth(n, now) {
  const at = new Date(now - (n % days) * 86_400_000 - (n % 86_399) * 1000).toISOString();
  const answer =
    n % 10 === 0 ? { choices: ['other'], other: `An idea, number ${n}` } : { choices: [options[n % options.length]] };
  return { widgetId: widgetName(n % widgets), at, answer };
}

const summarySql = (dayOf) => [
  `INSERT INTO widgets (widget_id, widget, total, first_at, last_at)
   SELECT widget_id, 'poll', count(*), min(received_at), max(received_at) FROM responses GROUP BY widget_id`,
  `INSERT INTO daily (widget_id, day, n) SELECT widget_id, ${dayOf}, count(*) FROM responses GROUP BY 1, 2`,
];

async function fillSqlite(file) {
  const started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    `INSERT INTO responses (id, widget, widget_id, submitted_at, received_at, locale, page, answer)
     VALUES (?, 'poll', ?, ?, ?, 'en', 'https://council.example/consultation', ?)`,
  );
  const now = Date.now();
  db.transaction(() => {
    for (let n = 0; n < responses; n++) {
      const { widgetId, at, answer } = nth(n, now);
      insert.run(randomUUID(), widgetId, at, at, JSON.stringify(answer));
    }
    for (const sql of summarySql('substr(received_at, 1, 10)')) db.exec(sql);
    db.exec(`INSERT INTO tallies (widget_id, bucket, key, n)
             SELECT widget_id, 'choice', json_extract(answer, '$.choices[0]'), count(*) FROM responses GROUP BY 1, 3`);
  })();
  db.exec('ANALYZE');
  db.close();
  return (performance.now() - started) / 1000;
}

async function fillPostgres(url) {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO responses (id, widget, widget_id, submitted_at, received_at, locale, page, answer)
       SELECT gen_random_uuid()::text, 'poll', 'bench-admin-' || lpad((g % $2)::text, 4, '0'),
              to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), t, 'en', 'https://council.example/consultation',
              CASE WHEN g % 10 = 0 THEN jsonb_build_object('choices', jsonb_build_array('other'), 'other', 'An idea, number ' || g)
                   ELSE jsonb_build_object('choices', jsonb_build_array(($3::text[])[g % 5 + 1])) END
       FROM generate_series(0, $1 - 1) AS g,
            LATERAL (SELECT now() - (g % ${days}) * interval '1 day' - (g % 86399) * interval '1 second' AS t) AS at`,
      [responses, widgets, options],
    );
    // PostgreSQL keeps a widget's total, first and last in shard rows (migration 7): one each here.
    await client.query(`INSERT INTO widgets (widget_id, widget) SELECT DISTINCT widget_id, 'poll' FROM responses`);
    await client.query(`INSERT INTO widget_shards (widget_id, shard, total, first_at, last_at)
                        SELECT widget_id, 0, count(*), min(received_at), max(received_at) FROM responses GROUP BY widget_id`);
    await client.query(summarySql("(received_at AT TIME ZONE 'UTC')::date")[1]);
    await client.query(`INSERT INTO tallies (widget_id, bucket, key, n)
                        SELECT widget_id, 'choice', answer->'choices'->>0, count(*) FROM responses GROUP BY 1, 3`);
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

/** Latencies (ms, sorted) of `count` GETs one after another on one kept-alive connection, after 20 unmeasured. */
async function latencies(url, path, count) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise((resolve, reject) => {
      http
        .get(`${url}${path}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`GET ${path} answered ${res.statusCode}`))));
        })
        .on('error', reject);
    });
  for (let n = 0; n < 20; n++) await get();
  const times = [];
  for (let n = 0; n < count; n++) {
    const started = performance.now();
    await get();
    times.push(performance.now() - started);
  }
  agent.destroy();
  return times.sort((x, y) => x - y);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(kind, databaseUrl, fill) {
  // The server migrates the empty database; the data goes in while it is stopped, then it starts again.
  let server = await spawnServer('delib', { DATABASE_URL: databaseUrl, DELIB_ADMIN_TOKEN: token });
  await server.stop();
  const fillSeconds = await fill();
  server = await spawnServer('delib', { DATABASE_URL: databaseUrl, DELIB_ADMIN_TOKEN: token });
  try {
    const widget = widgetName(Math.floor(widgets / 2));
    const routes = {
      list: '/api/admin/widgets',
      page: `/api/admin/widgets/${widget}`,
      text: `/api/admin/widgets/${widget}/text`,
      results: `/api/results/${widget}?widget=poll`,
    };
    const measured = {};
    for (const [name, path] of Object.entries(routes)) {
      const times = await latencies(server.url, path, requests);
      measured[name] = { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) };
    }
    return { kind, fillSeconds, measured };
  } finally {
    await server.stop();
  }
}

export async function run() {
  console.log(
    `\n## The console with ${widgets.toLocaleString('en')} widgets and ${responses.toLocaleString('en')} responses\n\n` +
      `${availableParallelism()} cores, load ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}; ${requests} requests per route, one at a time, after 20 unmeasured\n`,
  );
  const found = {};
  if (stores.includes('sqlite')) {
    const folder = mkdtempSync(join(tmpdir(), 'delib-bench-admin-'));
    try {
      const file = join(folder, 'delib.sqlite');
      found.sqlite = await measure('sqlite', `file:${file}`, () => fillSqlite(file));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  let schemaUrl;
  if (stores.includes('postgres')) {
    try {
      schemaUrl = await postgresUrlForTests();
    } catch (error) {
      console.log(`PostgreSQL skipped: ${error.message}`);
    }
  }
  if (schemaUrl) {
    try {
      found.postgres = await measure('postgres', schemaUrl, () => fillPostgres(schemaUrl));
    } finally {
      const schema = /search_path=(\w+)/.exec(decodeURIComponent(new URL(schemaUrl).searchParams.get('options') ?? ''))[1];
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
  printTable(
    ['store', 'filled in', 'GET', 'p50 ms', 'p95 ms', 'max ms'],
    Object.values(found).flatMap(({ kind, fillSeconds, measured }) =>
      Object.entries(measured).map(([name, row]) => [
        kind,
        `${fillSeconds.toFixed(0)} s`,
        name,
        row.p50.toFixed(1),
        row.p95.toFixed(1),
        row.max.toFixed(1),
      ]),
    ),
  );
  return { responses, widgets, ...found };
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
