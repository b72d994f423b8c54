/**
 * End-to-end tests of the loader, `dist/delib.js`, as a site includes it on every page, and of the
 * language packs the files fetch from beside them: what each page fetches (from the requests the
 * browser made), that it is asked for in one wave, elements added later or inside shadow roots, the
 * outbox on a page with no widget, Welsh without English first, a missing pack, and a strict CSP.
 * Run `npm run build` first.
 *
 * @engines chromium firefox webkit
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import {
  open,
  outboxItems,
  page,
  pollElement,
  queuedEntry,
  requireBuild,
  seedStorage,
  site,
  sleep,
  vote,
  waitForEvent,
} from './pages.mjs';

requireBuild();

const budget = { timeout: 45_000 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const rankingElement = `<delib-ranking widget-id="priorities-2026" endpoint="/api" question="Put these in order">
    <option value="roads">Roads</option><option value="parks">Parks</option><option value="libraries">Libraries</option>
  </delib-ranking>`;

/**
 * A site whose server logs every script the browser asks for, in order. With `hold`, scripts other
 * than the loader are answered only once no new script has been asked for in a while: a file asked for
 * after that (`late`) was found only by reading another, a waterfall. `refuse(path)` answers 404.
 */
async function setup(t, pages, { hold = false, refuse = () => false } = {}) {
  const scripts = [];
  const late = [];
  let released = false;
  let releasing;
  const held = [];
  const release = () => {
    released = true;
    for (const go of held.splice(0)) go();
  };
  const s = await site(pages, {
    before: async (request, response) => {
      const path = new URL(request.url, 'http://x').pathname;
      if (!path.endsWith('.js') || path.startsWith('/api/') || path === '/watch-shadows.js') return false;
      scripts.push(path);
      if (refuse(path)) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return true;
      }
      if (!hold || path === '/delib.js') return false;
      if (released) {
        late.push(path);
        return false;
      }
      clearTimeout(releasing);
      releasing = setTimeout(release, 1_500);
      await new Promise((go) => held.push(go));
      return false;
    },
  });
  const context = await browser.createBrowserContext();
  t.after(async () => {
    clearTimeout(releasing);
    release();
    await context.close().catch(() => {});
    await s.close();
  });
  s.api.set('ok');
  return { ...s, context, scripts, late };
}

/** The tags defined on the page, of those named. */
const definedTags = (p, tags) => p.evaluate((tags) => tags.filter((tag) => customElements.get(tag)), tags);

/**
 * A classic script, run before any module: it watches every shadow root made on the page and keeps
 * each text its widget showed, in order (`window.shownTexts`), so a test can see what showed first.
 */
const watchShadows = `(() => {
  window.shownTexts = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const note = () => {
      const text = root.textContent.replace(/\\s+/g, ' ').trim();
      if (text && text !== window.shownTexts.at(-1)) window.shownTexts.push(text);
    };
    new MutationObserver(note).observe(root, { childList: true, subtree: true, characterData: true });
    return root;
  };
})();`;

test('poll and ranking through the loader: both defined, every file asked for in one wave, the poll works', budget, async (t) => {
  const { url, api, context, scripts, late } = await setup(
    t,
    { 'two.html': page({ bundles: ['/delib.js'], body: `${pollElement()}\n${rankingElement}` }) },
    { hold: true },
  );
  const p = await open(context, `${url}/two.html`);
  assert.deepEqual(await definedTags(p, ['delib-poll', 'delib-ranking']), ['delib-poll', 'delib-ranking']);
  assert.deepEqual(late, [], `asked for only after other files had arrived (a waterfall); all: ${scripts.join(' ')}`);
  assert.equal(new Set(scripts).size, scripts.length, `each file once: ${scripts.join(' ')}`);
  assert.ok(scripts.includes('/delib-poll.min.js') && scripts.includes('/delib-ranking.min.js'));
  assert.ok(!scripts.includes('/delib-budget.min.js'), 'nothing for widgets the page does not have');
  await vote(p, 'play');
  const submitted = await waitForEvent(p, 'delib-submitted');
  assert.ok(api.stored.has(submitted.detail.envelope.id));
  assert.deepEqual(p.problems, []);
});

test('a page with no widget fetches nothing but the loader', budget, async (t) => {
  const { url, context, scripts } = await setup(t, { 'none.html': page({ bundles: ['/delib.js'], body: '<p>News</p>' }) });
  const p = await open(context, `${url}/none.html`, { tag: null });
  await sleep(1_500);
  assert.deepEqual(scripts, ['/delib.js']);
  assert.deepEqual(p.problems, []);
});

test(
  'a page with no widget, and a response waiting in the outbox: only the outbox is loaded, and it delivers',
  budget,
  async (t) => {
    const { url, api, context, scripts } = await setup(t, { 'none.html': page({ bundles: ['/delib.js'], body: '<p>News</p>' }) });
    const entry = queuedEntry({ queuedAt: Date.now() - 60_000 });
    await seedStorage(context, url, outboxItems([entry]));
    const p = await open(context, `${url}/none.html`, { tag: null });
    await api.waitFor(() => api.stored.has(entry.envelope.id), 'the waiting response to be delivered', 15_000);
    assert.equal(scripts.length, 2, `the loader and the outbox alone, no Lit, no element: ${scripts.join(' ')}`);
    assert.equal(scripts[0], '/delib.js');
    assert.match(scripts[1], /^\/chunks\/deliver-[\w-]+\.js$/);
    assert.deepEqual(p.problems, []);
  },
);

test('a widget added after the page loaded is defined', budget, async (t) => {
  const { url, context, scripts } = await setup(t, { 'later.html': page({ bundles: ['/delib.js'], body: '<main></main>' }) });
  const p = await open(context, `${url}/later.html`, { tag: null });
  await sleep(500);
  assert.deepEqual(scripts, ['/delib.js']);
  await p.evaluate(
    (html) => document.querySelector('main').insertAdjacentHTML('beforeend', `<section>${html}</section>`),
    pollElement(),
  );
  await p.waitForFunction(() => !!customElements.get('delib-poll'), { timeout: 10_000 });
  await vote(p, 'lighting');
  await waitForEvent(p, 'delib-submitted');
  assert.deepEqual(p.problems, []);
});

test('a widget inside a shadow root is found through discover(root)', budget, async (t) => {
  const { url, context } = await setup(t, { 'shadow.html': page({ bundles: ['/delib.js'], body: '<div id="host"></div>' }) });
  const p = await open(context, `${url}/shadow.html`, { tag: null });
  await p.evaluate((html) => {
    document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = html;
  }, pollElement());
  await sleep(1_000);
  assert.deepEqual(await definedTags(p, ['delib-poll']), [], 'the loader cannot see into a shadow root by itself');
  await p.evaluate(async () => (await import('/delib.js')).discover(document.getElementById('host').shadowRoot));
  await p.waitForFunction(() => !!customElements.get('delib-poll'), { timeout: 10_000 });
  const button = await p.evaluate(() =>
    document
      .getElementById('host')
      .shadowRoot.querySelector('delib-poll')
      .shadowRoot.querySelector('button[part=submit]')
      ?.textContent.trim(),
  );
  assert.equal(button, 'Vote');
  assert.deepEqual(p.problems, []);
});

for (const [name, bundles] of [
  ['the loader', ['/delib.js']],
  ['the poll file', ['/delib-poll.min.js']],
  ['the all-in-one file', ['/delib.min.js']],
  ['the one file with every language', ['/delib.all.min.js']],
]) {
  test(`a Welsh page through ${name}: Welsh from the first render, never English first`, budget, async (t) => {
    const { url, context, scripts } = await setup(t, {
      'watch-shadows.js': watchShadows,
      'cy.html': page({
        bundles,
        head: '<script src="/watch-shadows.js"></script>',
        body: `<div lang="cy">${pollElement()}</div>`,
      }),
    });
    const p = await open(context, `${url}/cy.html`);
    await p.waitForFunction(() => window.shownTexts.some((text) => text.includes('Pleidleisio')), { timeout: 10_000 });
    const shown = await p.evaluate(() => window.shownTexts);
    assert.deepEqual(
      shown.filter((text) => /\bVote\b|Select an option/.test(text)),
      [],
      `English shown: ${JSON.stringify(shown)}`,
    );
    if (bundles[0] === '/delib.all.min.js')
      assert.deepEqual(scripts, ['/delib.all.min.js'], 'every language inside: no pack fetched');
    else {
      assert.deepEqual(
        scripts.filter((path) => /\.cy-[\w-]+\.js$/.test(path)).map((path) => path.replace(/-[\w-]+\.js$/, '')),
        ['/chunks/poll.pack.cy'],
        `the poll's Welsh pack, one file: ${scripts.join(' ')}`,
      );
    }
    assert.ok(!scripts.some((path) => /\.gd-[\w-]+\.js$/.test(path)), 'no Gaelic pack on a Welsh page');
    assert.deepEqual(p.problems, []);
  });
}

test('a Welsh pack that cannot be fetched: the widget shows English, and works', budget, async (t) => {
  const { url, api, context } = await setup(
    t,
    { 'cy.html': page({ bundles: ['/delib.js'], body: `<div lang="cy">${pollElement()}</div>` }) },
    { refuse: (path) => /\.cy-[\w-]+\.js$/.test(path) },
  );
  // The browser's own report of the failed module script is expected; the widget must carry on.
  const p = await open(context, `${url}/cy.html`, {
    ignore: [
      /Failed to load|failed to load|Importing a module script failed|error loading dynamically imported module|could not load|404/i,
    ],
  });
  await p.waitForFunction(
    () => document.querySelector('delib-poll')?.shadowRoot?.querySelector('button[part=submit]')?.textContent.trim() === 'Vote',
    { timeout: 15_000 },
  );
  await vote(p, 'toilets');
  const submitted = await waitForEvent(p, 'delib-submitted');
  assert.ok(api.stored.has(submitted.detail.envelope.id));
  // Firefox reports the refused pack as a page error of its own; that, and only that, is expected.
  assert.deepEqual(
    p.problems.filter((problem) => !/\/chunks\/[\w.]+\.cy-[\w-]+\.js/.test(problem)),
    [],
  );
});

test(
  'under a strict Content-Security-Policy (script-src self, no inline script): the loader and the packs load',
  budget,
  async (t) => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
    const html = `<!doctype html><html lang="cy"><head><meta charset="utf-8"><title>CSP</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<script type="module" src="/delib.js"></script></head>
<body>${pollElement()}</body></html>`;
    const { url, context, scripts } = await setup(t, { 'csp.html': html });
    const p = await open(context, `${url}/csp.html`);
    const button = await p.evaluate(() =>
      document.querySelector('delib-poll').shadowRoot.querySelector('button[part=submit]')?.textContent.trim(),
    );
    assert.equal(button, 'Pleidleisio');
    assert.ok(scripts.some((path) => /\.cy-[\w-]+\.js$/.test(path)));
    assert.deepEqual(p.problems, []);
  },
);

test('the loader beside every other file, and twice: no errors, every element defined', budget, async (t) => {
  const all = [
    '/delib.js',
    '/delib.min.js',
    '/delib-poll.min.js',
    '/delib-ranking.min.js',
    '/delib-pairwise.min.js',
    '/delib-budget.min.js',
    '/delib-needs-assets.min.js',
    '/delib.all.min.js',
    '/delib.js?again',
  ];
  const { url, api, context } = await setup(t, {
    'every.html': page({ bundles: all, body: `${pollElement()}\n${rankingElement}` }),
  });
  const p = await open(context, `${url}/every.html`);
  const tags = ['delib-poll', 'delib-ranking', 'delib-pairwise', 'delib-budget', 'delib-needs-assets', 'delib-provider'];
  assert.deepEqual(await definedTags(p, tags), tags);
  await vote(p, 'play');
  const submitted = await waitForEvent(p, 'delib-submitted');
  await sleep(300);
  assert.equal(api.postsFor(submitted.detail.envelope.id).length, 1, 'one POST, however many copies');
  assert.deepEqual(p.problems, []);
});

test('an ancestor with lang="constructor" (not a language): the loader still loads the widget, in English', budget, async (t) => {
  const { url, context } = await setup(t, {
    'odd.html': page({ bundles: ['/delib.js'], body: `<div lang="constructor">${pollElement()}</div>` }),
  });
  // The widget itself says, once, that it does not speak that language.
  const p = await open(context, `${url}/odd.html`);
  const button = await p.evaluate(() =>
    document.querySelector('delib-poll').shadowRoot.querySelector('button[part=submit]')?.textContent.trim(),
  );
  assert.equal(button, 'Vote');
  assert.deepEqual(p.problems, []);
});

test('the outcome view cannot be fetched: the results still show, and the console says why', budget, async (t) => {
  const { url, context } = await setup(
    t,
    { 'results.html': page({ bundles: ['/delib-poll.min.js'], body: pollElement({ attributes: 'results="always"' }) }) },
    { refuse: (path) => /\/chunks\/outcome-[\w-]+\.js$/.test(path) },
  );
  const p = await open(context, `${url}/results.html`, { ignore: [/Failed to load|404|could not be loaded/i] });
  await p.waitForFunction(() => document.querySelector('delib-poll').shadowRoot.querySelector('[part=results] caption'), {
    timeout: 10_000,
  });
  // Firefox reports the refused module as a page error of its own; that, and only that, is expected.
  assert.deepEqual(
    p.problems.filter((problem) => !/\/chunks\/outcome-[\w-]+\.js/.test(problem)),
    [],
  );
});

/** One of each widget, each with what it needs to render. */
const everyWidget = `${pollElement()}
${rankingElement}
<delib-pairwise widget-id="pairs-2026" endpoint="/api" question="Which matters more?">
  <option value="roads">Roads</option><option value="parks">Parks</option><option value="libraries">Libraries</option>
</delib-pairwise>
<delib-budget widget-id="budget-2026" endpoint="/api" question="Share 10 points" total="10">
  <option value="roads">Roads</option><option value="parks">Parks</option>
</delib-budget>
<delib-needs-assets widget-id="street-2026" endpoint="/api"></delib-needs-assets>`;

for (const [file, tags] of [
  ['/delib.js', ['delib-poll', 'delib-ranking', 'delib-pairwise', 'delib-budget', 'delib-needs-assets']],
  ['/delib.min.js', ['delib-poll', 'delib-ranking', 'delib-pairwise', 'delib-budget', 'delib-needs-assets']],
  ['/delib.all.min.js', ['delib-poll', 'delib-ranking', 'delib-pairwise', 'delib-budget', 'delib-needs-assets']],
  ...['poll', 'ranking', 'pairwise', 'budget', 'needs-assets'].map((name) => [`/delib-${name}.min.js`, [`delib-${name}`]]),
]) {
  test(`${file} alone, on a page with every widget: its own elements render, no errors`, budget, async (t) => {
    const { url, context } = await setup(t, { 'alone.html': page({ bundles: [file], body: everyWidget }) });
    const p = await open(context, `${url}/alone.html`, { tag: null });
    await p.waitForFunction(
      (tags) => tags.every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('button')),
      { timeout: 15_000 },
      tags,
    );
    const all = ['delib-poll', 'delib-ranking', 'delib-pairwise', 'delib-budget', 'delib-needs-assets'];
    assert.deepEqual(await definedTags(p, all), tags, 'its own elements, and no other');
    assert.deepEqual(p.problems, []);
  });
}
