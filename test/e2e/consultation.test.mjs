/**
 * A whole consultation, as a council runs one (issue 10): the real server started as a council starts it
 * (`delib-server`, SQLite in a folder of its own, the first administrator from `DELIB_ADMIN_EMAIL` and
 * `DELIB_ADMIN_PASSWORD`), the built bundles, the console driven in the browser by an officer, and
 * residents on a council's own pages served from another origin.
 *
 *   a. a snippet copied from the console's snippet builder, pasted into a plain page on another origin,
 *      renders and posts, and the answer shows in the console's widget list;
 *   b. an idea suggested in `<delib-pairwise allow-suggestions>` is shown nowhere before approval; approved
 *      in the moderation queue with an edited label, it appears in a pairwise widget on another page and
 *      in its results; a rejected idea never appears;
 *   c. closed in the console, the widget tells a resident it has closed (410); reopened, it takes answers
 *      again; the audit log shows both;
 *   d. "you said, we did" published in English and Welsh, with a link and a `<script>`, shows on the page in
 *      each language as text, the link as a link;
 *   e. erased from the console with the typed confirmation, the results are empty.
 *
 * The tests run in order and share the consultation. Needs `npm run build`. Runs in Chromium, Firefox
 * and WebKit (as the console's own end-to-end file does); WebKit's driver sees no requests, so there each
 * effect is checked through the API alone.
 *
 *   node --import tsx --test test/e2e/consultation.test.mjs      (DELIB_ENGINE=firefox or webkit for the others)
 *
 * @engines chromium firefox webkit
 */
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort, sleep } from '../processes.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine, launch } from './browser.mjs';
import { serve } from './static-server.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'delib-consultation-'));
const officer = { email: 'officer@council.example', password: 'a long and careful passphrase' };
/** For the test's own look at the moderation queue, as a council's script would (the officer uses the console). */
const adminToken = 'consultation-test-token';
const closedNow = 'This question has closed, so no more answers are being taken.';

let server;
let serverLog = '';
/** The server's origin, as officers reach it (localhost); the council's pages are on 127.0.0.1 on another port. */
let url;
let site;
let browser;
/** The council's pages, by path: the static server serves these. */
const pages = new Map();

before(async () => {
  for (const file of ['dist/delib.min.js', 'packages/console/dist/admin/console.min.js', 'packages/server/dist/cli.js']) {
    if (!existsSync(join(repo, file))) throw new Error(`Build first (npm run build): ${file} is missing`);
  }
  // The council's site first: the server is told to take answers from it (DELIB_CORS_ORIGINS).
  site = await serve([], (request, response) => {
    const html = pages.get(new URL(request.url, 'http://x').pathname);
    if (html === undefined) return false;
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(html);
    return true;
  });
  const port = await freePort();
  // What `delib-server` runs once built (bin/delib-server.mjs would first rebuild a stale checkout,
  // which is the test runner's job and too slow inside a test's start-up).
  const cli = new URL('../../packages/server/dist/cli.js', import.meta.url).href;
  server = spawn(
    process.execPath,
    ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(cli)}); await main();`],
    {
      cwd: folder,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(folder, 'delib.sqlite')}`,
        DELIB_ADMIN_EMAIL: officer.email,
        DELIB_ADMIN_PASSWORD: officer.password,
        DELIB_ADMIN_TOKEN: adminToken,
        DELIB_CORS_ORIGINS: site.url,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout.on('data', (chunk) => (serverLog += chunk));
  server.stderr.on('data', (chunk) => (serverLog += chunk));
  url = `http://localhost:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server stopped: ${serverLog}`);
    try {
      if ((await fetch(`${url}/admin/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error(`the server did not start: ${serverLog}`);
    await sleep(100);
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (server && server.exitCode === null) {
    const stopped = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await stopped;
  }
  rmSync(folder, { recursive: true, force: true });
});

/** A council page around `body`, the way a web team writes one: no delib markup but what they paste. */
const councilPage = (title, body, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** A pairwise widget with ideas, as the ranking README shows one, on this server. */
const pairwise = (extra = '') => `<script type="module" src="${url}/delib.min.js"></script>
<delib-pairwise widget-id="ideas-2027" endpoint="${url}/api" question="Which matters more to you?" allow-suggestions ${extra}>
  <option value="youth-club">Open the youth club on Saturdays</option>
  <option value="crossing">A zebra crossing on Heol Fawr</option>
  <option value="trees">Twenty new street trees</option>
</delib-pairwise>`;

/**
 * The contexts a test opened and did not close (it failed first), closed after it: in WebKit, whose
 * contexts share cookies until one closes, the next test would otherwise start signed in.
 */
const openContexts = new Set();
afterEach(async () => {
  for (const context of openContexts) await context.close().catch(() => {});
  openContexts.clear();
});

/** A fresh browser context (no cookies, no storage) with a page, collecting every error. */
async function open({ width = 1024 } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs these as errors: 401 is the console asking whether it is signed in yet, 410 a closed widget.
    if (message.type() === 'error' && !/status of (401|410)/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  // What failed to load, by address (the browser's console names only the status). WebKit's driver
  // reports no requests: there the console's message is all.
  if (seesNetwork) {
    page.on('response', (response) => {
      if (response.status() === 404) problems.push(`404: ${response.url()}`);
    });
  }
  page.problems = problems;
  openContexts.add(context);
  page.closeAll = async () => {
    openContexts.delete(context);
    await context.close();
  };
  return page;
}

/** Waits for the console page whose heading is `heading`, with focus on it. */
async function arrived(page, heading) {
  await page.waitForFunction(
    (heading) => {
      const h1 = document.querySelector('main h1');
      return h1 && h1.textContent.replace(/\s+/g, ' ').trim().startsWith(heading) && document.activeElement === h1;
    },
    { timeout: 10_000 },
    heading,
  );
}

const text = (page, selector) => page.$eval(selector, (element) => element.innerText.replace(/\s+/g, ' ').trim());

/** The officer signs in to the console, which then shows `hash`. */
async function signIn(hash = '') {
  const page = await open();
  await page.goto(`${url}/admin/${hash}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#email');
  await page.type('#email', officer.email);
  await page.type('#password', officer.password);
  await page.click('button[type=submit]');
  return page;
}

/** The public results of a widget, as any page reads them. */
const results = async (widgetId) => {
  const response = await fetch(`${url}/api/results/${widgetId}`);
  assert.equal(response.status, 200);
  return response.json();
};

/** The approved ideas of a widget (GET /api/items), as the pairwise widget reads them. */
const items = async (widgetId) => {
  const response = await fetch(`${url}/api/items/${widgetId}`);
  return response.status === 404 ? [] : (await response.json()).items;
};

/** Suggestions with this status, from the admin API with the token. */
const moderation = async (status) => {
  const response = await fetch(`${url}/api/admin/moderation?status=${status}`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  assert.equal(response.status, 200);
  return (await response.json()).items;
};

/** The rows of the console's audit log: [who, what, widget]. */
async function auditRows(page) {
  await page.evaluate(() => (location.hash = '#/audit'));
  await arrived(page, 'Audit log');
  await page.waitForSelector('tbody tr');
  return page.$$eval('tbody tr', (rows) =>
    rows.map((row) => [...row.cells].slice(1).map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())),
  );
}

/** Whether the engine reports a page's requests (WebDriver classic, WebKit's driver, does not). */
const seesNetwork = engine !== 'webkit';

/**
 * Does `action` in the page and resolves to the status of the response posted to the endpoint, or
 * undefined where the engine cannot see it (the tests then check the effect through the API).
 */
async function posting(page, action) {
  const posted = seesNetwork
    ? page.waitForResponse((response) => response.url() === `${url}/api/responses` && response.request().method() === 'POST')
    : undefined;
  await action();
  return (await posted)?.status();
}

/** Waits until `read()` resolves to something truthy, and gives it. */
async function eventually(read, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > end) assert.fail(`never: ${what}`);
    await sleep(100);
  }
}

/** A resident on a council page: the poll there, answered with its first option. */
async function answerPoll(page) {
  await page.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('input'));
  return posting(page, () =>
    page.evaluate(() => {
      const root = document.querySelector('delib-poll').shadowRoot;
      root.querySelector('input').click();
      root.querySelector('[part=submit]').click();
    }),
  );
}

/** What a pairwise widget shows now: the labels of the pair on screen, and the rows of its results. */
const pairwiseView = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('delib-pairwise')?.shadowRoot;
    return {
      pair: [...(root?.querySelectorAll('[part=choice]') ?? [])].map((button) => button.textContent.trim()),
      results: [...(root?.querySelectorAll('[part=results] tbody th') ?? [])].map((cell) => cell.textContent.trim()),
      text: root?.textContent ?? '',
    };
  });

/** Votes through a pairwise widget (the first of each pair, or `prefer` when on screen), collecting every label shown. */
async function voteThrough(page, prefer) {
  await page.waitForFunction(() => document.querySelector('delib-pairwise')?.shadowRoot?.querySelector('[part=choice]'));
  const seen = new Set();
  for (let round = 0; round < 20; round++) {
    const { pair } = await pairwiseView(page);
    if (!pair.length) break;
    pair.forEach((label) => seen.add(label));
    const index = Math.max(0, pair.indexOf(prefer));
    const status = await posting(page, () =>
      page.evaluate((index) => {
        document.querySelector('delib-pairwise').shadowRoot.querySelectorAll('[part=choice]')[index].click();
      }, index),
    );
    if (seesNetwork) assert.equal(status, 201);
    await page.waitForFunction(
      (before) => {
        const root = document.querySelector('delib-pairwise').shadowRoot;
        const now = [...root.querySelectorAll('[part=choice]')].map((button) => button.textContent.trim()).join('|');
        return now !== before || root.querySelector('[part=results] tbody');
      },
      {},
      pair.join('|'),
    );
  }
  await page.waitForFunction(() => document.querySelector('delib-pairwise').shadowRoot.querySelector('[part=results] tbody th'));
  return [...seen];
}

let snippet;

test('a. a snippet from the builder, pasted into a plain page on another origin, renders and posts; the console lists the answer', async () => {
  const console = await signIn('#/snippet');
  await arrived(console, 'Snippet builder');
  await console.type('#widget-id', 'high-street-2027');
  await console.type('#question', 'What would bring you to the high street more often?');
  await console.type('#options', 'More places to sit\nLonger opening hours\nMarkets at the weekend');
  await console.click('form button[type=submit]');
  await console.waitForSelector('#snippet-html');
  snippet = await console.$eval('#snippet-html', (area) => area.value);
  assert.match(snippet, new RegExp(`^<script type="module" src="${url}/delib.js"></script>`));

  pages.set('/high-street', councilPage('The high street', snippet));
  const resident = await open({ width: 375 });
  await resident.goto(`${site.url}/high-street`, { waitUntil: 'networkidle0' });
  assert.notEqual(new URL(site.url).origin, new URL(url).origin, 'the council page is on another origin');
  const status = await answerPoll(resident);
  if (seesNetwork) assert.equal(status, 201);
  await resident.waitForFunction(() => document.querySelector('delib-poll').shadowRoot.querySelector('[part=results]'));
  assert.deepEqual(resident.problems, []);
  await resident.closeAll();
  assert.equal((await results('high-street-2027')).total, 1);

  await console.evaluate(() => (location.hash = '#/'));
  await arrived(console, 'Widgets');
  await console.waitForSelector('tbody tr');
  const rows = await console.$$eval('tbody tr', (rows) =>
    rows.map((row) => [...row.cells].slice(0, 3).map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())),
  );
  assert.deepEqual(rows, [['high-street-2027', 'Poll', '1']]);
  assert.deepEqual(console.problems, []);
  await console.closeAll();
});

test('b. an idea is shown nowhere before approval; approved with an edited label, it appears on another page and in its results; a rejected one never', async () => {
  pages.set('/ideas', councilPage('Ideas for the town', pairwise()));
  pages.set('/ideas-too', councilPage('More ideas', pairwise('votes="10"')));
  const idea = 'a skate park by the river';
  const label = 'A skate park by the river';
  const rejected = '<b>Knock down the library</b>';

  // Two residents suggest ideas on the first page.
  for (const suggestion of [idea, rejected]) {
    const resident = await open();
    await resident.goto(`${site.url}/ideas`, { waitUntil: 'networkidle0' });
    await resident.waitForFunction(() =>
      document.querySelector('delib-pairwise')?.shadowRoot?.querySelector('[part=suggestion-input]'),
    );
    const input = await resident.evaluateHandle(() =>
      document.querySelector('delib-pairwise').shadowRoot.querySelector('[part=suggestion-input]'),
    );
    await input.type(suggestion);
    const status = await posting(resident, () =>
      resident.evaluate(() => document.querySelector('delib-pairwise').shadowRoot.querySelector('[part=suggest]').click()),
    );
    if (seesNetwork) assert.equal(status, 201);
    await eventually(async () => (await moderation('pending')).some((item) => item.text === suggestion), 'the idea is queued');
    const view = await pairwiseView(resident);
    assert.ok(!view.pair.includes(suggestion), 'not even the person who suggested it sees it as an item');
    assert.deepEqual(resident.problems, []);
    await resident.closeAll();
  }

  // Before approval: not in /items, not in the results, not on the other page, nor in its results.
  const hidden = async (what) => {
    assert.deepEqual(await items('ideas-2027'), [], `${what}: /items`);
    const body = JSON.stringify(await results('ideas-2027'));
    for (const secret of [idea, 'skate', 'Knock down']) assert.ok(!body.includes(secret), `${what}: results hold "${secret}"`);
  };
  await hidden('before moderation');
  const before = await open();
  await before.goto(`${site.url}/ideas-too`, { waitUntil: 'networkidle0' });
  const seenBefore = await voteThrough(before);
  assert.deepEqual(seenBefore.sort(), [
    'A zebra crossing on Heol Fawr',
    'Open the youth club on Saturdays',
    'Twenty new street trees',
  ]);
  const viewBefore = await pairwiseView(before);
  assert.equal(viewBefore.results.length, 3);
  assert.ok(!/skate|Knock down/i.test(viewBefore.text), 'the other page shows neither idea');
  await before.closeAll();

  // The officer approves one idea with a corrected label and rejects the other.
  const console = await signIn('#/moderation');
  await arrived(console, 'Moderation');
  await console.waitForSelector('.suggestion');
  const texts = await console.$$eval('.suggestion .suggestion__text', (found) => found.map((element) => element.textContent));
  assert.deepEqual([...texts].sort(), [rejected, idea].sort(), 'the queue shows both, as text');
  assert.equal(await console.$$eval('.suggestion b', (found) => found.length), 0);
  const index = texts.indexOf(idea);
  await console.$eval(`#label-${index}`, (input) => (input.value = ''));
  await console.type(`#label-${index}`, label);
  await console.click(`.suggestion:nth-child(${index + 1}) .button:not(.button--warning)`);
  await console.waitForFunction(() => document.querySelectorAll('.suggestion').length === 1);
  assert.equal(await text(console, '.suggestion .suggestion__text'), rejected);
  await console.click('.suggestion .button--warning');
  await console.waitForFunction(() => document.querySelectorAll('.suggestion').length === 0);
  assert.deepEqual(console.problems, []);

  // Approved: served by /items with its label, in the pairs on the other page, and in its results.
  const approved = await items('ideas-2027');
  assert.deepEqual(
    approved.map((item) => item.label),
    [label],
  );
  const value = approved[0].value;
  const after = await open();
  await after.goto(`${site.url}/ideas-too`, { waitUntil: 'networkidle0' });
  await after.waitForFunction(() => document.querySelector('delib-pairwise')?.shadowRoot?.querySelector('[part=choice]'));
  const seenAfter = await voteThrough(after, label);
  assert.ok(seenAfter.includes(label), `the approved idea is among the pairs: ${seenAfter.join(', ')}`);
  assert.ok(!seenAfter.some((shown) => /Knock down/.test(shown)), 'the rejected idea is never in a pair');
  // The results come with the last vote's answer, a moment after the pair goes: wait for them (up to 10 s).
  let viewAfter = await pairwiseView(after);
  for (
    const deadline = Date.now() + 10_000;
    !viewAfter.results.length && Date.now() < deadline;
    viewAfter = await pairwiseView(after)
  ) {
    await sleep(100);
  }
  assert.ok(viewAfter.results.includes(label), `in the widget's results: ${viewAfter.results.join(', ')}`);
  assert.ok(!/Knock down/.test(viewAfter.text));
  assert.deepEqual(after.problems, []);
  await after.closeAll();
  const counted = await eventually(
    async () => (await results('ideas-2027')).items.find((item) => item.id === value && item.wins >= 1),
    'the endpoint counts votes for it',
  );
  assert.equal(counted.label, label);
  assert.ok(!JSON.stringify(await results('ideas-2027')).includes('Knock down'));
  assert.ok(!JSON.stringify(await items('ideas-2027')).includes('Knock down'));

  // The moderation tabs: approved shows the label and what was suggested; rejected the other.
  await console.click('a[href="#/moderation?status=approved"]');
  await arrived(console, 'Moderation');
  await console.waitForSelector('.suggestion');
  assert.equal(await text(console, '.suggestion .suggestion__text'), label);
  await console.closeAll();
});

test('c. closed in the console, a resident is told it has closed (410); reopened, answers are taken again; audited', async () => {
  const console = await signIn('#/widgets/high-street-2027');
  await arrived(console, 'high-street-2027');
  await console.waitForSelector('#close');
  await console.click('#close');
  await console.waitForSelector('#reopen');

  const resident = await open();
  await resident.goto(`${site.url}/high-street`, { waitUntil: 'networkidle0' });
  const status = await answerPoll(resident);
  if (seesNetwork) assert.equal(status, 410);
  await resident.waitForFunction(
    (message) => document.querySelector('delib-poll').shadowRoot.textContent.includes(message),
    { timeout: 10_000 },
    closedNow,
  );
  assert.equal((await results('high-street-2027')).total, 1, 'nothing stored');
  assert.deepEqual(resident.problems, []);
  await resident.closeAll();

  await console.click('#reopen');
  await console.waitForSelector('#close');
  const again = await open();
  await again.goto(`${site.url}/high-street`, { waitUntil: 'networkidle0' });
  const accepted = await answerPoll(again);
  if (seesNetwork) assert.equal(accepted, 201);
  await again.waitForFunction(() => document.querySelector('delib-poll').shadowRoot.querySelector('[part=results]'));
  assert.equal((await results('high-street-2027')).total, 2);
  await again.closeAll();

  const rows = await auditRows(console);
  assert.deepEqual(rows.slice(0, 2), [
    [officer.email, 'Reopened a widget', 'high-street-2027'],
    [officer.email, 'Closed a widget', 'high-street-2027'],
  ]);
  assert.ok(rows.some(([, what]) => what === 'Approved a suggestion'));
  assert.ok(rows.some(([, what]) => what === 'Rejected a suggestion'));
  assert.deepEqual(console.problems, []);
  await console.closeAll();
});

test('d. "you said, we did", published in English and Welsh, shows on the page in each language as text, links as links', async () => {
  const console = await signIn('#/widgets/high-street-2027');
  await arrived(console, 'high-street-2027');
  await console.waitForSelector('#outcome-en');
  await console.type(
    '#outcome-en',
    'You asked for more places to sit.\n\nWe will put twelve benches on the high street: https://council.example/benches\n\n<script>window.pwned = true</script>',
  );
  await console.type(
    '#outcome-cy',
    'Fe wnaethoch ofyn am fwy o lefydd i eistedd.\n\nByddwn yn gosod deuddeg mainc: https://council.example/meinciau',
  );
  await console.click('form button[type=submit]');
  await console.waitForFunction(() => document.body.textContent.includes('Outcome published'));
  assert.deepEqual(console.problems, []);

  // The web team pastes the same snippet on a results page, with results shown to everyone.
  const withResults = snippet.replace(/ lang="en"/, '').replace('<delib-poll', '<delib-poll results="always"');
  assert.notEqual(withResults, snippet);
  pages.set('/high-street/results', councilPage('The high street: what you said', withResults));
  pages.set(
    '/stryd-fawr/canlyniadau',
    councilPage('Y stryd fawr', withResults.replace('<delib-poll', '<delib-poll lang="cy"'), 'cy'),
  );
  const outcome = (page) =>
    page.evaluate(() => {
      const section = document.querySelector('delib-poll')?.shadowRoot?.querySelector('[part="outcome"]');
      return (
        section && {
          heading: section.querySelector('h3')?.textContent.trim(),
          paragraphs: [...section.querySelectorAll('p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()),
          links: [...section.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]),
          markup: section.querySelectorAll('script, b, img').length,
          pwned: window.pwned ?? false,
        }
      );
    });
  const resident = await open();
  await resident.goto(`${site.url}/high-street/results`, { waitUntil: 'networkidle0' });
  await resident.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('[part="outcome"]'), {
    timeout: 10_000,
  });
  const english = await outcome(resident);
  assert.deepEqual(english.paragraphs.slice(0, -1), [
    'You asked for more places to sit.',
    'We will put twelve benches on the high street: https://council.example/benches',
    '<script>window.pwned = true</script>',
  ]);
  assert.match(english.paragraphs.at(-1), /^Published on \d+ December 20\d\d at \d\d:\d\d\.$/);
  assert.deepEqual(english.links, [['https://council.example/benches', 'https://council.example/benches']]);
  assert.equal(english.markup, 0);
  assert.equal(english.pwned, false);
  assert.deepEqual(resident.problems, []);
  await resident.closeAll();

  const welsh = await open();
  await welsh.goto(`${site.url}/stryd-fawr/canlyniadau`, { waitUntil: 'networkidle0' });
  await welsh.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('[part="outcome"]'), {
    timeout: 10_000,
  });
  const cymraeg = await outcome(welsh);
  assert.deepEqual(cymraeg.paragraphs.slice(0, -1), [
    'Fe wnaethoch ofyn am fwy o lefydd i eistedd.',
    'Byddwn yn gosod deuddeg mainc: https://council.example/meinciau',
  ]);
  assert.doesNotMatch(cymraeg.paragraphs.at(-1), /Published/, 'the date line is in Welsh');
  assert.deepEqual(cymraeg.links, [['https://council.example/meinciau', 'https://council.example/meinciau']]);
  assert.notEqual(cymraeg.heading, english.heading, 'the heading is in Welsh too');
  assert.deepEqual(welsh.problems, []);
  await welsh.closeAll();
  await console.closeAll();
});

test('e. erased from the console with the widget ID typed to confirm: the results are empty', async () => {
  const console = await signIn('#/widgets/high-street-2027/erase');
  await arrived(console, 'Erase all responses to high-street-2027');
  await console.type('#confirm', 'high-street-2027');
  await console.click('button[type=submit]');
  await arrived(console, 'high-street-2027');
  assert.equal(await text(console, '.notification-banner'), '2 responses erased.');
  const after = await results('high-street-2027');
  assert.equal(after.total, 0);
  assert.deepEqual(after.counts ?? {}, {});
  const rows = await auditRows(console);
  assert.deepEqual(rows[0], [officer.email, 'Erased responses', 'high-street-2027']);
  assert.ok(rows.some(([, what]) => what === 'Published an outcome'));
  assert.deepEqual(console.problems, []);
  await console.closeAll();

  // A resident opening the results page sees no answers counted.
  const resident = await open();
  await resident.goto(`${site.url}/high-street/results`, { waitUntil: 'networkidle0' });
  await resident.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('[part=results]'));
  const shown = await resident.$eval('delib-poll', (poll) => poll.shadowRoot.querySelector('[part=results]').textContent);
  assert.doesNotMatch(shown, /[1-9]\d*%/, 'no answer is counted');
  await resident.closeAll();
});
