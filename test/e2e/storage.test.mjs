/**
 * What the widgets keep on a resident's device, against the table a council copies into its cookie
 * notice (`packages/core/README.md`, "What is kept on the resident's device"): a page that uses every
 * kind of storage (a poll answered, one whose endpoint is down, a shuffled pairwise comparison under
 * way, a needs-and-assets form being filled in, a poll remembered for the tab) leaves only keys the
 * table lists, in the storage it names, and every row turns up; `remember="none"` for the page leaves
 * nothing but undelivered responses and the tab's work in progress. Run `npm run build` first.
 *
 * @engines chromium firefox
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { open, requireBuild, root, site, sleep, vote } from './pages.mjs';

requireBuild();

const budget = { timeout: 45_000 };

/** The table's rows: `{ key: RegExp, areas: ['localStorage' | 'sessionStorage'], pattern }`. */
function documentedKeys() {
  const readme = readFileSync(join(root, 'packages', 'core', 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith("What is kept on the resident's device"));
  assert.ok(section, 'the core README has the section');
  return section
    .split('\n')
    .filter((line) => /^\| `delib:/.test(line))
    .map((line) => {
      const [pattern, storage] = line
        .split('|')
        .slice(1, 3)
        .map((cell) => cell.trim());
      const literal = pattern.replace(/`/g, '');
      const key = new RegExp(`^${literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '.+')}$`);
      // "as the answer" refers to the row above; the first storage named is where it goes by default.
      return { pattern: literal, key, storage };
    })
    .map((row, index, rows) => {
      const named = /^as the answer/.test(row.storage)
        ? rows.find((other) => other.pattern.startsWith('delib:answer:')).storage
        : row.storage;
      return { ...row, areas: named.match(/localStorage|sessionStorage/g) ?? [] };
    });
}

const widgets = (head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storage</title>
<link rel="icon" href="data:,">${head}
<script type="module" src="/delib.min.js"></script></head><body>
<delib-poll id="answered" widget-id="answered" endpoint="/api" question="Which park?" shuffle>
  <option value="lighting">Better lighting</option><option value="play">New play equipment</option>
</delib-poll>
<delib-poll id="waiting" widget-id="waiting" endpoint="/down" question="Which road?">
  <option value="lighting">Better lighting</option><option value="play">New play equipment</option>
</delib-poll>
<delib-poll id="tab" widget-id="tab" endpoint="/api" question="Which library?" remember="session" shuffle>
  <option value="lighting">Better lighting</option><option value="play">New play equipment</option>
</delib-poll>
<delib-pairwise id="pairs" widget-id="pairs" endpoint="/api" question="Which matters more?" shuffle>
  <option value="roads">Roads</option><option value="parks">Parks</option><option value="libraries">Libraries</option>
</delib-pairwise>
<delib-needs-assets id="street" widget-id="street" endpoint="/api"></delib-needs-assets>
</body></html>`;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Uses every widget on `page` as a resident would, then returns every key in each storage. */
async function useEverything(t, page) {
  const s = await site(
    { 'storage.html': page },
    {
      before: (request, response) => {
        if (!new URL(request.url, 'http://x').pathname.startsWith('/down/')) return false;
        response.writeHead(503, { 'Content-Type': 'text/plain' }).end('down');
        return true;
      },
    },
  );
  s.api.set('ok');
  const context = await browser.createBrowserContext();
  t.after(async () => {
    await context.close().catch(() => {});
    await s.close();
  });
  const p = await open(context, `${s.url}/storage.html`, { ignore: [/503/, /Failed to load resource/] });
  await vote(p, 'play', { host: '#answered' });
  await vote(p, 'play', { host: '#waiting' });
  await vote(p, 'play', { host: '#tab' });
  const choice = await p.waitForSelector('#pairs >>> button[part~="choice"]', { timeout: 5_000 });
  await choice.click();
  const box = await p.waitForSelector('#street >>> input[type="checkbox"]', { timeout: 5_000 });
  await box.click();
  await p.waitForFunction(() => document.querySelector('#waiting').shadowRoot.textContent.includes('saved'), { timeout: 10_000 });
  await sleep(500);
  const keys = await p.evaluate(() => ({
    localStorage: Object.keys(localStorage).sort(),
    sessionStorage: Object.keys(sessionStorage).sort(),
  }));
  return { keys, p };
}

test(
  'every key the widgets keep is in the cookie-notice table, in the storage it names, and every row turns up',
  budget,
  async (t) => {
    const rows = documentedKeys();
    assert.equal(rows.length, 5, rows.map((row) => row.pattern).join(', '));
    const { keys, p } = await useEverything(t, widgets());
    const seen = new Set();
    for (const [area, list] of Object.entries(keys)) {
      for (const key of list) {
        const row = rows.find((candidate) => candidate.key.test(key));
        assert.ok(row, `${area} ${key} is in the table`);
        assert.ok(row.areas.includes(area), `${key} is kept in ${area}, which its row names (${row.storage})`);
        seen.add(row.pattern);
      }
    }
    assert.deepEqual(
      rows.map((row) => row.pattern).filter((pattern) => !seen.has(pattern)),
      [],
      'every row of the table was seen',
    );
    assert.ok(keys.sessionStorage.includes('delib:answer:v1:delib-poll:tab'), 'remember="session" keeps the answer in the tab');
    assert.deepEqual(p.problems, []);
  },
);

test(
  '<meta name="delib-remember" content="none">: only undelivered responses and the tab’s work in progress are kept',
  budget,
  async (t) => {
    const { keys } = await useEverything(t, widgets('<meta name="delib-remember" content="none">'));
    // The poll with its own remember="session" still keeps its answer for the tab: its own attribute wins.
    assert.deepEqual(
      keys.localStorage.filter((key) => !key.startsWith('delib:outbox:v1:')),
      [],
      'nothing but the outbox in localStorage',
    );
    assert.equal(keys.localStorage.length, 1, 'the response the endpoint has not taken yet');
    assert.deepEqual(
      keys.sessionStorage.filter((key) => !/^delib:(pairwise|draft):v1:/.test(key)),
      ['delib:answer:v1:delib-poll:tab', 'delib:order:v1:delib-poll:tab'],
    );
  },
);
