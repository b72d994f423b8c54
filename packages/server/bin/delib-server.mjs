#!/usr/bin/env node
/**
 * `delib-server` (and `npm start`, with `--demo`): the reference endpoint. Configured by the
 * environment: PORT, DATABASE_URL, DELIB_ADMIN_TOKEN, DELIB_CORS_ORIGINS, DELIB_RATE_LIMIT, DELIB_REQUEST_TIMEOUT,
 * DELIB_KEEP_ALIVE_TIMEOUT, DELIB_MAX_CONNECTIONS,
 * DELIB_TRUST_PROXY (a number of proxies or their addresses), LOG_LEVEL (see the package README).
 *
 * With `--demo`, run from the delib repository's own checkout (`npm start`), it first builds the bundles
 * and the server when any source is newer than the build, so that a newcomer's `npm ci && npm start`
 * just works. An installed copy (under node_modules) never builds anything: it runs what it shipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..', '..');

function newest(path) {
  const stat = statSync(path);
  return stat.isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : stat.mtimeMs;
}

/**
 * Whether this file is the delib repository's own `packages/server/bin`, not a copy installed under some
 * project's node_modules (whose folder three levels up is that project, which may have a build of its own).
 */
function inRepository() {
  const ours = join(repository, 'packages', 'server');
  return (
    existsSync(join(repository, 'rollup.config.js')) && existsSync(ours) && realpathSync(ours) === realpathSync(join(here, '..'))
  );
}

if (process.argv.includes('--demo') && inRepository()) {
  const outputs = [join(repository, 'dist/delib.min.js'), join(here, '../dist/cli.js')];
  const sources = [
    ...readdirSync(join(repository, 'packages')).map((name) => join(repository, 'packages', name, 'src')),
    join(repository, 'packages/core/themes'),
  ].filter(existsSync);
  const built =
    outputs.every(existsSync) && Math.min(...outputs.map((file) => statSync(file).mtimeMs)) >= Math.max(...sources.map(newest));
  if (!built) {
    console.log('Building delib first (npm run build)…');
    const { status } = spawnSync('npm', ['run', 'build'], { cwd: repository, stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }
}

const { main } = await import('../dist/cli.js');
await main();
