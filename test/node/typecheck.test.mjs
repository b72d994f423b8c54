import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The tests written in TypeScript type-check, against the packages' sources (tsconfig.tests.json),
 * as the packages themselves do in the build: a test that calls an API wrongly fails here, not only at
 * run time in a browser. `npm run lint` runs the same check.
 */
test('the TypeScript tests type-check (tsc -p tsconfig.tests.json)', { timeout: 300_000 }, () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.tests.json', '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(tsc.status, 0, `tsc found errors in the tests:\n${tsc.stdout}${tsc.stderr}`);
});
