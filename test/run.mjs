#!/usr/bin/env node
/**
 * `npm test`: every test, in order — build (the end-to-end tests drive the built bundles), unit and
 * browser tests in Chromium (@web/test-runner), then the node and end-to-end tests (node:test with
 * puppeteer-core). Prints one summary line `N passed, N failed` and exits non-zero on any failure.
 *
 * `node test/run.mjs browser` or `… node` runs one part.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

if (!only || only === 'node') {
  const files = ['test/node', 'test/e2e', ...readdirSync('packages').map((name) => `packages/${name}/test`)]
    .filter(existsSync)
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((file) => file.endsWith('.test.mjs'))
        .map((file) => join(dir, file)),
    );
  await step('node and end-to-end tests (node:test, puppeteer-core)', async () => {
    if (!files.length) return;
    const { code, output } = await run(
      'node',
      ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=tap', ...files],
      { capture: true },
    );
    const count = (name) => Number(output.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
    passed += count('pass');
    const nodeFailed = count('fail') + count('cancelled');
    failed += nodeFailed || (code !== 0 ? 1 : 0);
  });
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
