/**
 * Every Storybook story, checked with axe-core against WCAG 2.0–2.2 A and AA, in Chromium.
 *
 * Builds Storybook first when `storybook-static/` is missing or older than the stories, the Storybook
 * config, the widgets' sources or the themes. Each story is opened on its own, its play function is
 * left to finish (so states reached by interaction are checked too), then axe runs on the story's
 * root; axe looks inside open shadow roots by itself. One test per story, named after it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { serve } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const output = join(root, 'storybook-static');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The newest modification time of any file under these paths (missing paths count as never). */
function newest(paths) {
  let time = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && name !== 'dist') visit(join(path, name));
    } else {
      time = Math.max(time, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return time;
}

function buildIfStale() {
  const index = join(output, 'index.json');
  const packages = readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'src'));
  const inputs = [
    join(root, 'stories'),
    join(root, '.storybook'),
    join(root, 'packages/core/themes'),
    join(root, 'custom-elements.json'),
    ...packages,
  ];
  if (existsSync(index) && statSync(index).mtimeMs >= newest(inputs)) return;
  const build = spawnSync('npx', ['--no', 'storybook', 'build', '-o', 'storybook-static', '--quiet'], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0)
    throw new Error(`storybook build failed (${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`);
}

buildIfStale();
const stories = Object.values(JSON.parse(readFileSync(join(output, 'index.json'), 'utf8')).entries).filter(
  (entry) => entry.type === 'story',
);

let server;
let browser;
before(async () => {
  server = await serve([output]);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Listens to Storybook's preview channel from the moment it exists, to learn how the story ended. */
function watchStory() {
  const seen = { finished: null, errors: [] };
  window.__delibStory = seen;
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      const describe = (error) => (error && (error.stack || error.message)) || String(error);
      value.on('storyFinished', (payload) => (seen.finished = payload));
      value.on('playFunctionThrewException', (error) => seen.errors.push(`play function: ${describe(error)}`));
      value.on('storyThrewException', (error) => seen.errors.push(`render: ${describe(error)}`));
      value.on('storyErrored', (error) => seen.errors.push(`story: ${error?.title ?? ''} ${error?.description ?? ''}`));
      value.on('unhandledErrorsWhilePlaying', (errors) =>
        errors.forEach((error) => seen.errors.push(`unhandled: ${describe(error)}`)),
      );
      value.on('storyMissing', (id) => seen.errors.push(`story missing: ${id}`));
    },
  });
}

/** One line per failing node: where it is (through shadow roots) and what axe says about it. */
function describeViolations(violations) {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n` +
        violation.nodes
          .map((node) => `  - ${JSON.stringify(node.target)}\n    ${node.failureSummary.replace(/\n/g, '\n    ')}`)
          .join('\n'),
    )
    .join('\n');
}

for (const story of stories) {
  test(`${story.title} › ${story.name}`, async () => {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.evaluateOnNewDocument(watchStory);
      await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
      await page
        .waitForFunction(() => window.__delibStory?.finished, { timeout: 20_000, polling: 50 })
        .catch(async (error) => {
          const phase = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase);
          throw new Error(`the story did not finish rendering (phase: ${phase}): ${error.message}`);
        });
      const { finished, errors } = await page.evaluate(() => window.__delibStory);
      assert.deepEqual([...errors, ...pageErrors], [], 'the story rendered and its play function passed');
      assert.equal(finished.status, 'success', 'Storybook reports the story as a success');

      await page.evaluate(axeSource);
      const results = await page.evaluate(
        (runOnly) =>
          window.axe.run('#storybook-root', { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] }),
        tags,
      );
      assert.ok(results.passes.length + results.incomplete.length + results.violations.length > 0, 'axe checked something');
      assert.equal(results.violations.length, 0, `axe found violations:\n${describeViolations(results.violations)}`);
    } finally {
      await page.close();
    }
  });
}
