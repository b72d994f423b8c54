import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countingReporter } from './test/counting-reporter.js';
import { chromiumArgs } from './test/e2e/browser.mjs';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';

/**
 * `executeServerCommand('a11y-tree', { selector })`: the full accessibility tree under an element as
 * Chromium computes it (roles, names, states), groups included — a11ySnapshot drops those.
 */
const a11yTreePlugin = () => ({
  name: 'delib-a11y-tree',
  async executeCommand({ command, payload, session }) {
    if (command !== 'a11y-tree') return undefined;
    const page = session.browser.getPage(session.id);
    const root = payload?.selector ? await page.$(payload.selector) : undefined;
    return page.accessibility.snapshot({ root: root ?? undefined, interestingOnly: false });
  },
});

/** Browser tests: every package's `test/*.test.ts` and the cross-package ones in `test/browser/`, in Debian's Chromium. */
export default {
  files: ['packages/*/test/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    a11ySnapshotPlugin(),
    a11yTreePlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: chromiumArgs,
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), countingReporter()],
};
