/**
 * What one widget full of strangers' values costs the endpoint, beside what an ordinary widget costs,
 * measured in the same run against the same server process (SQLite):
 *
 * - `GET /api/results/{id}` of a poll with 5 options (the ordinary case);
 * - the same of a needs-and-assets widget holding 1,000 needs and 1,000 assets of 200 characters each
 *   (the most the value limit lets anyone post), as widgets ask today and with `?value=…` naming six
 *   categories of the page, as they may ask;
 * - `GET /api/health`, alone and while the stuffed widget's results are read as fast as they can be.
 *
 * autocannon, the same connections and duration for each route, after a warm-up, in two rounds of
 * opposite order (averaged); the ratios are to the ordinary poll's results. `BENCH_RESULTS_DURATION` (5 s), `BENCH_CONNECTIONS` (10).
 * `BENCH_SERVER_PROCESS` measures another build of the server: the path of its
 * `packages/server/test/fixtures/server-process.mjs` (an older commit checked out elsewhere, say).
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMain, printTable } from './lib.mjs';
import { spawnServer } from '../packages/server/test/fixtures/spawn-server.mjs';

const duration = Math.max(1, Number(process.env.BENCH_RESULTS_DURATION) || 5);
const connections = Math.max(1, Number(process.env.BENCH_CONNECTIONS) || 10);
const long = (kind, n) => `${kind}-${n}-`.padEnd(200, 'x');
const pageCategories = ['food', 'housing', 'transport', 'skills', 'space', 'time'];

function post(url, envelope) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/responses`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`POST answered ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(envelope));
  });
}

const envelope = (widget, widgetId, answer) => ({
  id: randomUUID(),
  widget,
  widgetId,
  submittedAt: new Date().toISOString(),
  locale: 'en',
  page: 'https://council.example/consultation',
  answer,
});

/** A 5-option poll with 100 votes, and a needs-and-assets widget stuffed to the value limit. */
async function fill(url) {
  const poll = `bench-poll-${randomUUID()}`;
  const stuffed = `bench-stuffed-${randomUUID()}`;
  const options = ['lighting', 'play', 'toilets', 'benches', 'trees'];
  for (let n = 0; n < 100; n++) await post(url, envelope('poll', poll, { choices: [options[n % options.length]] }));
  await post(
    url,
    envelope('needs-assets', stuffed, {
      needs: pageCategories.slice(0, 3).map((category) => ({ category })),
      assets: pageCategories.slice(3).map((category) => ({ category })),
    }),
  );
  for (let from = 0; from < 990; from += 100) {
    const entries = (kind) => Array.from({ length: Math.min(100, 990 - from) }, (_, i) => ({ category: long(kind, from + i) }));
    await post(url, envelope('needs-assets', stuffed, { needs: entries('need'), assets: entries('asset') }));
  }
  return { poll, stuffed };
}

async function load(url, path) {
  const options = (seconds) => ({ url: `${url}${path}`, connections, duration: seconds });
  await autocannon(options(1));
  const result = await autocannon(options(duration));
  if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, bytes: result.throughput.total / result.requests.total };
}

/** Health latencies (ms, sorted) measured one at a time while `during` runs. */
async function healthDuring(url, during) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  let running = true;
  const probing = (async () => {
    while (running) {
      const started = performance.now();
      await new Promise((resolve, reject) =>
        http.get(`${url}/api/health`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject),
      );
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const measured = await during();
  running = false;
  await probing;
  agent.destroy();
  return { measured, times: times.sort((x, y) => x - y) };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function run() {
  console.log(
    `\n## Results of a widget full of strangers' values\n\n${availableParallelism()} cores, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; ${connections} connections, ${duration} s per route and round after 1 s of warm-up\n`,
  );
  const folder = mkdtempSync(join(tmpdir(), 'delib-bench-results-'));
  const server = await spawnServer(
    'delib',
    { DATABASE_URL: `file:${join(folder, 'delib.sqlite')}` },
    { script: process.env.BENCH_SERVER_PROCESS },
  );
  try {
    const { poll, stuffed } = await fill(server.url);
    const named = pageCategories.map((category) => `value=${category}`).join('&');
    const routes = {
      health: '/api/health',
      poll: `/api/results/${poll}?widget=poll`,
      stuffed: `/api/results/${stuffed}?widget=needs-assets`,
      named: `/api/results/${stuffed}?widget=needs-assets&${named}`,
    };
    // Two rounds in opposite orders, averaged, so that drift on a shared machine weighs on every route alike.
    const rounds = [];
    for (const order of [Object.keys(routes), Object.keys(routes).reverse()]) {
      const round = {};
      for (const name of order) round[name] = await load(server.url, routes[name]);
      rounds.push(round);
    }
    const measured = Object.fromEntries(
      Object.keys(routes).map((name) => {
        const [first, second] = rounds.map((round) => round[name]);
        return [name, { rps: (first.rps + second.rps) / 2, p99: Math.max(first.p99, second.p99), bytes: first.bytes }];
      }),
    );
    const busy = await healthDuring(server.url, () => load(server.url, routes.stuffed));
    const quiet = await healthDuring(server.url, () => new Promise((resolve) => setTimeout(resolve, duration * 1000)));
    const ratio = (name) => measured[name].rps / measured.poll.rps;
    printTable(
      ['GET', 'req/s', 'p99 ms', 'bytes', '÷ poll results'],
      [
        ['/api/health', measured.health, 'health'],
        ['results, 5-option poll', measured.poll, 'poll'],
        ['results, 2,000 long values', measured.stuffed, 'stuffed'],
        ['results, 2,000 long values, 6 named', measured.named, 'named'],
      ].map(([label, row, name]) => [
        label,
        row.rps.toFixed(0),
        row.p99,
        row.bytes.toFixed(0),
        `${(ratio(name) * 100).toFixed(0)}%`,
      ]),
    );
    const health = {
      quiet: { p50: percentile(quiet.times, 50), p99: percentile(quiet.times, 99) },
      busy: { p50: percentile(busy.times, 50), p99: percentile(busy.times, 99) },
    };
    console.log(
      `\n/api/health one at a time: ${health.quiet.p50.toFixed(1)} ms median, ${health.quiet.p99.toFixed(1)} ms p99 alone; ` +
        `${health.busy.p50.toFixed(1)} ms median, ${health.busy.p99.toFixed(1)} ms p99 while the stuffed widget's results are read ` +
        `(${(health.busy.p50 / health.quiet.p50).toFixed(1)}× the median)`,
    );
    return { measured, ratio: { stuffed: ratio('stuffed'), named: ratio('named') }, health };
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
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
