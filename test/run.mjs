#!/usr/bin/env node
/**
 * `npm test`: every test, in order — build (the end-to-end tests drive the built bundles), unit and
 * browser tests in Chromium (@web/test-runner), the node and end-to-end tests (node:test with
 * puppeteer-core) in Chromium, then the end-to-end files marked `@engines …` again in each other engine
 * they name: Firefox (puppeteer over WebDriver BiDi) and WebKit (WebKitWebDriver; see
 * test/e2e/engines.mjs). Prints the tests each engine skipped, with the reason, and one summary line
 * `N passed, N failed`; exits non-zero on any failure.
 *
 * `node test/run.mjs browser`, `… node`, `… firefox` or `… webkit` runs one part (after the build).
 * `DELIB_ENGINES=firefox` (a comma list) runs only those other engines; `DELIB_ENGINES=` none.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineLabels, missing } from './e2e/engines.mjs';

const only = process.argv[2];
let passed = 0;
let failed = 0;

function run(command, args, { env = {}, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
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

/** Runs node:test over `files` with `env`, adds its counts, and notes what it skipped and why. */
async function nodeTests(files, env, engine) {
  if (!files.length) return;
  const args = ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=tap', ...files];
  const { code, output } = await run('node', args, { capture: true, env });
  const count = (name) => Number(output.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  passed += count('pass');
  const nodeFailed = count('fail') + count('cancelled');
  failed += nodeFailed || (code !== 0 ? 1 : 0);
  for (const line of output.split('\n')) {
    const skip = /^\s*ok \d+ - (.*) # SKIP (.*)$/.exec(line);
    if (skip && skip[2] !== 'test name does not match pattern') (skipped[engine] ??= []).push(`${skip[1]}: ${skip[2]}`);
  }
}

if (!only || only === 'node') {
  await step('node and end-to-end tests (node:test, puppeteer-core, Chromium)', () =>
    nodeTests(nodeFiles, { DELIB_ENGINE: 'chromium' }, 'chromium'),
  );
}

const otherEngines = (process.env.DELIB_ENGINES ?? 'firefox,webkit')
  .split(',')
  .map((name) => name.trim().toLowerCase())
  .filter((name) => name && name !== 'chromium');
for (const engine of ['firefox', 'webkit']) {
  if (only ? only !== engine : !otherEngines.includes(engine)) continue;
  const files = nodeFiles.filter((file) => enginesOf(file).includes(engine));
  await step(`end-to-end tests in ${engineLabels[engine]} (${files.length} files marked @engines)`, async () => {
    const absent = missing(engine);
    if (absent) {
      failed++;
      console.error(`${engineLabels[engine]}: ${absent}; or leave it out with DELIB_ENGINES`);
      return;
    }
    await nodeTests(files, { DELIB_ENGINE: engine }, engine);
  });
}

for (const [engine, list] of Object.entries(skipped)) {
  console.log(`\nSkipped in ${engineLabels[engine]}, and why:`);
  for (const line of list) console.log(`  ${line}`);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
