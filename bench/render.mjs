/**
 * First render in Chromium with 4× CPU throttling: a page of 20 <delib-poll> (dist/delib-poll.min.js)
 * against a page of 20 minimal LitElements showing the same content (bench/fixtures/lit-radios.js,
 * bundled by the same rollup pipeline into .bench/). Pages alternate A B A B …; after a warm-up,
 * each gives BENCH_SAMPLES samples (default 20, at least 15).
 */
import { launch } from '../test/e2e/browser.mjs';
import { serve } from '../test/e2e/static-server.mjs';
import { buildFixture, ensureDist, isMain, printTable, root, scratch } from './lib.mjs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const count = 20;
const throttling = 4;
const samples = Math.max(15, Number(process.env.BENCH_SAMPLES) || 20);
const warmup = Math.max(1, Number(process.env.BENCH_WARMUP) || 3);
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday'];

/**
 * The page: in the head, a classic script marking the start, the bundle, then a module script
 * (modules run in document order once the document is parsed, so after the bundle has defined the
 * element) that waits for every element's first update and two animation frames and leaves the
 * result in `__bench`; in the body, the elements. The mark comes first so that fetching and
 * compiling the bundle always fall inside the measured time, whatever the preload scanner did.
 */
function page({ title, tag, script, attributes }) {
  const elements = Array.from(
    { length: count },
    (_, i) =>
      `<${tag} ${attributes(i + 1)} question="Which day suits you for meeting ${i + 1}?">\n${days
        .map((day) => `  <option value="${day.toLowerCase()}">${day}</option>`)
        .join('\n')}\n</${tag}>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<script>performance.mark('bench-start');</script>
<script type="module" src="${script}"></script>
<script type="module">
  const start = performance.getEntriesByName('bench-start')[0].startTime;
  const elements = [...document.querySelectorAll('${tag}')];
  await Promise.all(elements.map((element) => element.updateComplete));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const end = performance.now();
  const rendered = elements.filter((element) =>
    element.shadowRoot?.querySelector('legend')?.textContent.trim() &&
    element.shadowRoot.querySelectorAll('input[type=radio]').length === ${days.length}).length;
  window.__bench = { ms: end - start, sinceNavigation: end, elements: elements.length, rendered };
</script>
</head>
<body>
${elements}
</body>
</html>`;
}

const median = (values) => quantile(values, 0.5);
/** Linear interpolation between closest ranks. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Prints the render table and returns `{ poll, lit, ratio }` (medians and p90 in ms). */
export async function run() {
  await ensureDist();
  await buildFixture('lit-radios');

  let endpointHits = 0;
  const pages = {};
  const server = await serve([join(root, 'dist'), scratch], (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path.startsWith('/never-contacted')) {
      endpointHits += 1;
      response.writeHead(503).end();
      return true;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return true;
    }
    if (pages[path]) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(pages[path]);
      return true;
    }
    return false;
  });
  pages['/poll.html'] = page({
    title: '20 delib-poll',
    tag: 'delib-poll',
    script: '/delib-poll.min.js',
    attributes: (n) => `widget-id="bench-poll-${n}" endpoint="${server.url}/never-contacted" results="never"`,
  });
  pages['/lit.html'] = page({
    title: '20 minimal Lit elements',
    tag: 'bench-radios',
    script: '/lit-radios.min.js',
    attributes: (n) => `widget-id="bench-lit-${n}"`,
  });
  const variants = [
    {
      key: 'poll',
      label: `${count} × <delib-poll> (dist/delib-poll.min.js)`,
      url: `${server.url}/poll.html`,
      times: [],
      sinceNavigation: [],
    },
    {
      key: 'lit',
      label: `${count} × minimal LitElement (.bench/lit-radios.min.js)`,
      url: `${server.url}/lit.html`,
      times: [],
      sinceNavigation: [],
    },
  ];

  const browser = await launch();
  try {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    tab.on(
      'response',
      (response) =>
        response.status() >= 400 &&
        !response.url().includes('/never-contacted') &&
        problems.push(`HTTP ${response.status()}: ${response.url()}`),
    );
    tab.on(
      'requestfailed',
      (request) => !request.url().includes('/never-contacted') && problems.push(`request failed: ${request.url()}`),
    );
    const cdp = await tab.createCDPSession();

    const sample = async (variant) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling });
      await cdp.send('HeapProfiler.collectGarbage');
      await tab.goto(variant.url, { waitUntil: 'load', timeout: 60_000 });
      await tab.waitForFunction(() => window.__bench, { timeout: 60_000, polling: 50 });
      const result = await tab.evaluate(() => {
        const result = window.__bench;
        localStorage.clear();
        sessionStorage.clear();
        return result;
      });
      if (problems.length) throw new Error(`${variant.label}: ${problems.join('; ')}`);
      if (result.elements !== count || result.rendered !== count) {
        throw new Error(`${variant.label}: ${result.rendered} of ${result.elements} elements rendered, expected ${count}`);
      }
      return result;
    };

    process.stdout.write(
      `\n## First render, Chromium, CPU throttled ${throttling}×: ${warmup} warm-up and ${samples} measured runs per page, interleaved\n\n`,
    );
    const [load] = loadavg();
    const cpus = availableParallelism();
    if (load > cpus / 2)
      console.log(
        `Load average ${load.toFixed(1)} on ${cpus} CPUs: other work competes with the browser, expect noisy samples.\n`,
      );
    for (let i = 0; i < warmup + samples; i++) {
      for (const variant of i % 2 ? [...variants].reverse() : variants) {
        const result = await sample(variant);
        if (i >= warmup) {
          variant.times.push(result.ms);
          variant.sinceNavigation.push(result.sinceNavigation);
        }
      }
      process.stdout.write(i < warmup ? 'w' : '.');
    }
    process.stdout.write('\n\n');
    if (endpointHits)
      throw new Error(`the endpoint was contacted ${endpointHits} time(s); nobody voted, so it should not have been`);
  } finally {
    await browser.close();
    await server.close();
  }

  const [poll, lit] = variants.map((variant) => ({
    label: variant.label,
    samples: variant.times.length,
    median: median(variant.times),
    p90: quantile(variant.times, 0.9),
    min: Math.min(...variant.times),
    navigationMedian: median(variant.sinceNavigation),
  }));
  const ms = (value) => `${value.toFixed(1)} ms`;
  if (process.env.BENCH_VERBOSE) {
    for (const variant of variants)
      console.log(`${variant.key} samples (ms): ${variant.times.map((t) => t.toFixed(1)).join(' ')}`);
    console.log();
  }
  printTable(
    ['page', 'median', 'p90', 'min', 'median since navigation start'],
    [poll, lit].map((r) => [r.label, ms(r.median), ms(r.p90), ms(r.min), ms(r.navigationMedian)]),
  );
  const ratio = poll.median / lit.median;
  // Each round ran both pages back to back, so a burst of load elsewhere tends to hit both: the
  // median of the per-round ratios is a second, load-tolerant view of the same comparison.
  const pairedRatio = median(variants[0].times.map((time, i) => time / variants[1].times[i]));
  console.log(
    `\nratio of medians (delib-poll ÷ minimal Lit): ${ratio.toFixed(2)}×   (median of per-round ratios: ${pairedRatio.toFixed(2)}×)`,
  );
  return { poll, lit, ratio, pairedRatio };
}

if (isMain(import.meta.url)) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
