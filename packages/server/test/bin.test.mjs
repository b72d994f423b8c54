import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * `delib-server` builds the repository only when it is the repository's own bin run with `--demo`
 * (`npm start`). Started without `--demo` from a checkout (a deployment) it runs what was built, and
 * a copy installed under a project's node_modules runs what it shipped, whatever the folders around
 * it hold: a rollup.config.js, a `build` script, sources newer than anything built.
 */

const serverPackage = join(import.meta.dirname, '..');

/** Runs the bin until it says where it listens, then stops it; resolves with everything it printed. */
function runUntilListening(bin, cwd, args) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'file:./data/delib.sqlite', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 30 s:\n${output}`));
    }, 30_000);
    const read = (chunk) => {
      output += chunk;
      if (/delib: http:\/\//.test(output)) {
        clearTimeout(timer);
        child.kill('SIGTERM');
        child.once('exit', () => resolve(output));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/delib: http:\/\//.test(output)) reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
}

/** A folder laid out as `layout` says, with a `build` script that leaves the file `built` behind. */
function project(files) {
  const folder = mkdtempSync(join(tmpdir(), 'delib-bin-'));
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'delib', private: true, scripts: { build: "node -e \"require('fs').writeFileSync('built', '')\"" } }),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  return folder;
}

/** The server's bin copied to `at` inside `folder`, with the real built server beside it. */
function placeBin(folder, at) {
  mkdirSync(join(folder, at, 'bin'), { recursive: true });
  copyFileSync(join(serverPackage, 'bin/delib-server.mjs'), join(folder, at, 'bin/delib-server.mjs'));
  symlinkSync(join(serverPackage, 'dist'), join(folder, at, 'dist'), 'dir');
  return join(folder, at, 'bin/delib-server.mjs');
}

// A checkout of the repository with sources newer than any build (there is no dist/ at all).
const checkout = { 'rollup.config.js': 'export default [];\n', 'packages/server/src/index.ts': 'export {};\n' };

test("the repository's own bin builds first with --demo (npm start), and never without it (a deployment from a checkout)", async () => {
  const folder = project(checkout);
  try {
    const bin = placeBin(folder, 'packages/server');
    const plain = await runUntilListening(bin, folder, []);
    assert.doesNotMatch(plain, /Building delib/);
    assert.equal(existsSync(join(folder, 'built')), false, 'delib-server without --demo built the repository');
    const demo = await runUntilListening(bin, folder, ['--demo']);
    assert.match(demo, /Building delib/);
    assert.equal(existsSync(join(folder, 'built')), true, 'npm start did not build a stale checkout');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('an installed copy never builds, with --demo, whatever the folders above it hold', async () => {
  // Installed under node_modules/@delib/server of a project, or unscoped by some other installer; the
  // folders three levels up then hold a rollup.config.js and newer sources of their own.
  for (const at of ['node_modules/@delib/server', 'node_modules/delib-server']) {
    const folder = project({ ...checkout, 'node_modules/rollup.config.js': 'export default [];\n' });
    try {
      const output = await runUntilListening(placeBin(folder, at), folder, ['--demo']);
      assert.doesNotMatch(output, /Building delib/);
      assert.equal(existsSync(join(folder, 'built')), false, `an installed delib-server (${at}) built the project`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
});
