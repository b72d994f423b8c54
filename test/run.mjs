#!/usr/bin/env node
/**
 * `npm test`: every test — build (the end-to-end tests drive the built bundles), unit and browser tests
 * in Chromium (@web/test-runner), then the node and end-to-end tests (node:test with puppeteer-core):
 * every file in Chromium, and the end-to-end files marked `@engines …` again in each other engine they
 * name, Firefox (puppeteer over WebDriver BiDi) and WebKit (WebKitWebDriver; see test/e2e/engines.mjs).
 * Those files run as many at a time as there are cores, at most four (`DELIB_TEST_LANES`), each in its own
 * process; a file in which a few tests failed is run once more and, if it then passes, is listed as
 * flaky. Prints the tests each engine skipped, with the reason, and one summary line
 * `N passed, N failed`; exits non-zero on any failure.
 *
 * `node test/run.mjs browser`, `… node`, `… firefox` or `… webkit` runs one part (after the build).
 * `DELIB_ENGINES=firefox` (a comma list) runs only those other engines; `DELIB_ENGINES=` none.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineLabels, missing } from './e2e/engines.mjs';

const only = process.argv[2];
let passed = 0;
let failed = 0;

function run(command, args, { env = {}, capture = false, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function step(name, task) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  await task();
  console.log(`── ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s ──`);
}

await step('build', async () => {
  const { code } = await run('npm', ['run', 'build', '--silent']);
  if (code !== 0) {
    failed++;
    console.error('build failed');
  }
});

if (!only || only === 'browser') {
  await step('browser tests (web-test-runner, Chromium)', async () => {
    const counts = join(mkdtempSync(join(tmpdir(), 'delib-wtr-')), 'counts.json');
    const { code } = await run('npx', ['web-test-runner', '--static-logging'], { env: { DELIB_TEST_COUNTS: counts } });
    const result = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : { passed: 0, failed: 1 };
    if (code !== 0 && result.failed === 0) result.failed = 1;
    passed += result.passed;
    failed += result.failed;
  });
}

const nodeFiles = ['test/node', 'test/e2e', ...readdirSync('packages').map((name) => `packages/${name}/test`)]
  .filter(existsSync)
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.test.mjs'))
      .map((file) => join(dir, file)),
  );

/** The engines a file asks to run in, from its `@engines chromium firefox webkit` line. */
const enginesOf = (file) =>
  readFileSync(file, 'utf8')
    .match(/^\s*\*?\s*@engines\s+(.+)$/m)?.[1]
    .trim()
    .split(/\s+/) ?? [];

/** Tests skipped, by engine: `name: reason`. */
const skipped = {};
/** Files that failed once and passed when run again: `file in engine: the tests that failed`. */
const flaky = [];

/** Runs node:test over one file in one engine, quietly: its TAP output, counts and skips. */
async function nodeFile(file, engine) {
  const args = ['--import', 'tsx', '--test', '--test-reporter=tap', file];
  const started = Date.now();
  const { code, output } = await run('node', args, { capture: true, quiet: true, env: { DELIB_ENGINE: engine } });
  const count = (name) => Number(output.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  const failures = count('fail') + count('cancelled');
  return {
    output,
    seconds: (Date.now() - started) / 1000,
    passed: count('pass'),
    // A file that ends badly without a failing test (a crash, a hook that threw) is one failure.
    failed: failures || (code !== 0 ? 1 : 0),
    failing: [...output.matchAll(/^\s*not ok \d+ - (.*?)(?: # .*)?$/gm)].map((match) => match[1]),
    skips: output
      .split('\n')
      .map((line) => /^\s*ok \d+ - (.*) # SKIP (.*)$/.exec(line))
      .filter((skip) => skip && skip[2] !== 'test name does not match pattern')
      .map((skip) => `${skip[1]}: ${skip[2]}`),
  };
}

/**
 * Runs every [file, engine] job, `lanes` at a time (each file is its own process, with its own
 * browser, server and databases, so files never share state). A file in which at most three tests failed
 * is run once more, in its lane: the end-to-end tests drive real browsers on a loaded
 * machine, and a failure that does not come back is reported as flaky, by name, rather than hidden or
 * left to turn CI red. A failure that does come back counts.
 */
async function nodeJobs(jobs, lanes) {
  const queue = [...jobs];
  const report = (file, engine, result, note = '') => {
    console.log(
      `\n── ${file} in ${engineLabels[engine]}${note}: ${result.passed} passed, ${result.failed} failed, ${result.seconds.toFixed(1)} s ──`,
    );
    process.stdout.write(result.output);
  };
  const lane = async () => {
    for (let job; (job = queue.shift());) {
      const [file, engine] = job;
      let result = await nodeFile(file, engine);
      report(file, engine, result);
      // A few failures may be the machine's; many at once are the code's, and a second run would only cost time.
      if (result.failed && result.failed <= 3) {
        const first = result;
        result = await nodeFile(file, engine);
        report(file, engine, result, ', run again after a failure');
        if (!result.failed) flaky.push(`${file} in ${engineLabels[engine]}: ${first.failing.join('; ') || 'ended badly'}`);
      }
      passed += result.passed;
      failed += result.failed;
      (skipped[engine] ??= []).push(...result.skips);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, jobs.length)) }, lane));
}

// Every node and end-to-end file in Chromium, and the files marked `@engines` again in each other engine they name.
const otherEngines = (process.env.DELIB_ENGINES ?? 'firefox,webkit')
  .split(',')
  .map((name) => name.trim().toLowerCase())
  .filter((name) => name && name !== 'chromium');
const jobs = [];
if (!only || only === 'node') jobs.push(...nodeFiles.map((file) => [file, 'chromium']));
for (const engine of ['firefox', 'webkit']) {
  if (only ? only !== engine : !otherEngines.includes(engine)) continue;
  const absent = missing(engine);
  if (absent) {
    failed++;
    console.error(`${engineLabels[engine]}: ${absent}; or leave it out with DELIB_ENGINES`);
    continue;
  }
  jobs.push(...nodeFiles.filter((file) => enginesOf(file).includes(engine)).map((file) => [file, engine]));
}
// Longest first, so that two lanes finish together: browser files before the rest, the larger first.
const weight = ([file, engine]) => statSync(file).size * (file.startsWith('test/e2e') ? 4 : 1) * (engine === 'firefox' ? 2 : 1);
jobs.sort((a, b) => weight(b) - weight(a));
// Two lanes suit the two cores CI has; `DELIB_TEST_LANES` sets another number (1: one file at a time).
const lanes = Number(process.env.DELIB_TEST_LANES) || Math.min(4, availableParallelism());
if (jobs.length) {
  await step(`node and end-to-end tests (node:test, puppeteer-core; ${jobs.length} files by engine, ${lanes} at a time)`, () =>
    nodeJobs(jobs, lanes),
  );
}

for (const [engine, list] of Object.entries(skipped)) {
  if (!list.length) continue;
  console.log(`\nSkipped in ${engineLabels[engine]}, and why:`);
  for (const line of list) console.log(`  ${line}`);
}
if (flaky.length) {
  console.log('\nFlaky: failed once, then passed when run again (worth a look):');
  for (const line of flaky) console.log(`  ${line}`);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
