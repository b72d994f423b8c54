/**
 * What a page pays for delib: for each kind of page, the sum of every script Chromium actually fetched
 * (its requests, as the page made them), each file counted at brotli quality 11 as `bench/size.mjs`
 * measures it. Then the cost of the loader's extra round trip: the time until one poll has rendered,
 * with 150 ms added to every request, the poll's own file against the loader (median of BENCH_RUNS, 7).
 */
import { launch } from '../test/e2e/browser.mjs';
import { serve } from '../test/e2e/static-server.mjs';
import { measure } from './size.mjs';
import { ensureDist, isMain, kb, printTable, root, scratch } from './lib.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const widgets = {
  poll: { tag: 'delib-poll', attributes: 'question="Which matters most?"' },
  pairwise: { tag: 'delib-pairwise', attributes: 'question="Which matters more?"' },
  budget: { tag: 'delib-budget', attributes: 'question="Share 100 points" total="100"' },
  ranking: { tag: 'delib-ranking', attributes: 'question="Put these in order"' },
  'needs-assets': { tag: 'delib-needs-assets', attributes: 'question="What do you need, and what can you offer?"' },
};

const element = (name) => {
  const { tag, attributes } = widgets[name];
  const options =
    name === 'needs-assets'
      ? ''
      : ['Parks', 'Roads', 'Libraries', 'Buses']
          .map((label) => `<option value="${label.toLowerCase()}">${label}</option>`)
          .join('');
  return `<${tag} widget-id="bench-${name}" endpoint="/api" ${attributes}>${options}</${tag}>`;
};

const html = ({ lang = 'en', scripts, body }) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
</head><body>${body}</body></html>`;

/** The pages measured: a name, the page, and the widgets that must have rendered. */
function pages() {
  const list = [];
  for (const name of Object.keys(widgets)) {
    list.push({
      name: `one English ${name} (delib-${name}.min.js)`,
      key: `${name}-en`,
      tags: [widgets[name].tag],
      page: html({ scripts: [`/delib-${name}.min.js`], body: element(name) }),
    });
    list.push({
      name: `the same page in Welsh`,
      key: `${name}-cy`,
      tags: [widgets[name].tag],
      page: html({ lang: 'cy', scripts: [`/delib-${name}.min.js`], body: element(name) }),
    });
  }
  list.push({
    name: 'poll + ranking through the loader (delib.js)',
    key: 'poll-ranking-loader',
    tags: ['delib-poll', 'delib-ranking'],
    page: html({ scripts: ['/delib.js'], body: element('poll') + element('ranking') }),
  });
  list.push({
    name: 'poll + ranking, their two files',
    key: 'poll-ranking-files',
    tags: ['delib-poll', 'delib-ranking'],
    page: html({ scripts: ['/delib-poll.min.js', '/delib-ranking.min.js'], body: element('poll') + element('ranking') }),
  });
  list.push({
    name: 'every widget, English (delib.min.js)',
    key: 'all-en',
    tags: Object.values(widgets).map((w) => w.tag),
    page: html({ scripts: ['/delib.min.js'], body: Object.keys(widgets).map(element).join('') }),
  });
  list.push({
    name: 'every widget, English, through the loader',
    key: 'all-loader',
    tags: Object.values(widgets).map((w) => w.tag),
    page: html({ scripts: ['/delib.js'], body: Object.keys(widgets).map(element).join('') }),
  });
  list.push({
    name: 'every widget and language in one file (delib.all.min.js)',
    key: 'all-one-file',
    tags: Object.values(widgets).map((w) => w.tag),
    page: html({ scripts: ['/delib.all.min.js'], body: Object.keys(widgets).map(element).join('') }),
  });
  list.push({
    name: 'a page with no widget, loader included',
    key: 'none-loader',
    tags: [],
    page: html({ scripts: ['/delib.js'], body: '<p>News</p>' }),
  });
  return list;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Measures each page; returns `{ pages: { key: { bytes, files } }, latency: { direct, loader } }`. */
export async function run() {
  await ensureDist();
  const folder = join(scratch, 'delivery');
  mkdirSync(folder, { recursive: true });
  const list = pages();
  for (const { key, page } of list) writeFileSync(join(folder, `${key}.html`), page);
  let delay = 0;
  const server = await serve([folder, join(root, 'dist')], async (request, response) => {
    if (delay) await new Promise((done) => setTimeout(done, delay));
    if (!request.url.startsWith('/api/')) return false;
    response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{"code":"not_found","message":"none"}}');
    return true;
  });
  const browser = await launch();
  const sizes = new Map();
  const sizeOf = (path) => {
    if (!sizes.has(path)) sizes.set(path, measure(join(root, 'dist', path)).brotli);
    return sizes.get(path);
  };
  const results = {};
  try {
    for (const { key, name, tags } of list) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const fetched = [];
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.endsWith('.js')) fetched.push(path.slice(1));
      });
      await page.goto(`${server.url}/${key}.html`, { waitUntil: 'networkidle0' });
      await page.evaluate(
        (tags) =>
          Promise.all(
            tags.map(async (tag) => {
              await customElements.whenDefined(tag);
              await Promise.all([...document.querySelectorAll(tag)].map((e) => e.updateComplete));
            }),
          ),
        tags,
      );
      await context.close();
      results[key] = { name, files: fetched, bytes: fetched.reduce((sum, path) => sum + sizeOf(path), 0) };
    }

    // The loader's round trip: one poll, 150 ms added to every request, its own file against the loader.
    delay = 150;
    const runs = Math.max(3, Number(process.env.BENCH_RUNS) || 7);
    const latency = {};
    for (const [key, scripts] of [
      ['direct', ['/delib-poll.min.js']],
      ['loader', ['/delib.js']],
    ]) {
      writeFileSync(join(folder, `latency-${key}.html`), html({ scripts, body: element('poll') }));
      const times = [];
      for (let index = 0; index < runs; index++) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.goto(`${server.url}/latency-${key}.html`, { waitUntil: 'domcontentloaded' });
        await page.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('button[part=submit]'), {
          polling: 10,
          timeout: 20_000,
        });
        times.push(await page.evaluate(() => performance.now()));
        await context.close();
      }
      latency[key] = median(times);
    }
    delay = 0;

    console.log('\n## What each page fetches (brotli quality 11, 1 KB = 1024 B, the files Chromium requested)\n');
    printTable(
      ['page', 'brotli', 'files'],
      Object.values(results).map((row) => [row.name, kb(row.bytes), row.files.join(' ')]),
    );
    console.log(
      `\nOne poll rendered, 150 ms added to every request (median of ${runs}): its own file ${latency.direct.toFixed(0)} ms, through the loader ${latency.loader.toFixed(0)} ms (+${(latency.loader - latency.direct).toFixed(0)} ms).`,
    );
    return { pages: results, latency };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (isMain(import.meta.url)) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
