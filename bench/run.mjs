/**
 * `npm run bench`: bundle sizes, then first-render time, then the targets.
 * Exits 0 when a target is missed (this is a report), non-zero when a benchmark could not run.
 */
import { ensureDist, kbBytes } from './lib.mjs';

const targets = { pollBrotli: 10 * 1024, renderRatio: 1.5 };
const benchmarks = [
  ['size', () => import('./size.mjs')],
  ['render', () => import('./render.mjs')],
];

const results = {};
const failures = [];

try {
  await ensureDist();
} catch (error) {
  console.error(`\n✗ could not build dist/: ${error.stack ?? error}`);
  process.exit(1);
}

for (const [name, load] of benchmarks) {
  try {
    results[name] = await (await load()).run();
  } catch (error) {
    failures.push(name);
    console.error(`\n✗ the ${name} benchmark could not run: ${error.stack ?? error}`);
  }
}

console.log('\n## Targets\n');
const line = (ok, text) => console.log(`${ok === undefined ? '?' : ok ? '✓' : '✗'} ${text}`);

const poll = results.size?.bundles['delib-poll.min.js'];
if (results.size && !poll) failures.push('size (no dist/delib-poll.min.js)');
line(
  poll && poll.brotli <= targets.pollBrotli,
  `dist/delib-poll.min.js ≤ ${kbBytes(targets.pollBrotli)} brotli: ${
    poll ? `${kbBytes(poll.brotli)}, ${(poll.brotli / results.size.lit.brotli).toFixed(2)}× Lit alone` : 'not measured'
  }`,
);

const render = results.render;
line(
  render && render.ratio <= targets.renderRatio,
  `20 polls first render ≤ ${targets.renderRatio}× 20 minimal Lit elements: ${
    render
      ? `${render.ratio.toFixed(2)}× (medians ${render.poll.median.toFixed(1)} ms vs ${render.lit.median.toFixed(1)} ms)`
      : 'not measured'
  }`,
);

if (failures.length) {
  console.error(`\nCould not run: ${failures.join(', ')}.`);
  process.exit(1);
}
