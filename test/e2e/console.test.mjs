/**
 * The council's console (`packages/console`, issue 10 item 6) driven in Chromium against the real server
 * on SQLite: served at /admin/ under its strict CSP, signed into, walked by keyboard alone from sign-in to
 * a CSV download, each role shown only what it may do, a lost session sent to sign-in and back, every
 * page and state checked with axe (WCAG 2.2 A and AA) and at 375 px, and the snippet builder attacked
 * with markup in every field. Needs `npm run build` (the console and the widget bundles).
 *
 * @engines chromium firefox webkit
 *
 * Everything is the real server: accounts (the first admin from `firstAdmin`, others added with the
 * admin token), sessions, widgets seeded through the wire protocol on past days (the server's clock is
 * injected), closing, erasure, moderation, outcomes, the audit log and export.
 */
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../packages/server/src/app.ts';
import { openStore } from '../../packages/server/src/config.ts';
import { engine, launch } from './browser.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const consoleRoot = join(repo, 'packages/console/dist/admin');
const axeSource = readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const policy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const folder = mkdtempSync(join(tmpdir(), 'delib-console-'));
const downloads = join(folder, 'downloads');
const adminToken = 'console-test-token';
const people = {
  admin: { email: 'admin@council.example', password: 'correct horse battery', role: 'admin' },
  moderator: { email: 'moderator@council.example', password: 'moderate carefully 1', role: 'moderator' },
  viewer: { email: 'viewer@council.example', password: 'look but do not touch', role: 'viewer' },
  locked: { email: 'forgetful@council.example', password: 'will be locked out', role: 'viewer' },
};
const attack = `"><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'`;

let app;
let url;
let browser;
let other;
/** The server's clock: set while seeding, so responses arrive on past days; otherwise the real time. */
let clock;
const day = 86_400_000;
/** `hour` o'clock UTC, `n` days ago. */
const daysAgo = (n, hour = 10) => {
  const date = new Date(Date.now() - n * day);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
};
const longDate = (date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(date);

/** Posts a response through the real wire protocol, arriving at `at`. */
async function respond(widget, widgetId, answer, at) {
  clock = at;
  const response = await fetch(`${url}/api/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(),
      widget,
      widgetId,
      submittedAt: at.toISOString(),
      locale: 'en',
      page: 'https://council.example/parks',
      answer,
    }),
  });
  clock = undefined;
  assert.equal(response.status, 201, await response.text());
}

/** The real admin API, with the admin token (as a script would use it). */
async function adminApi(path, method = 'GET', body) {
  const response = await fetch(`${url}/api/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body && JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

before(async () => {
  if (!existsSync(join(consoleRoot, 'console.min.js'))) throw new Error('Build the console first: npm run build');
  const store = await openStore(`file:${join(folder, 'console.sqlite')}`);
  // An audit log longer than one page (100 entries), from a month ago.
  for (let index = 0; index < 120; index++) {
    await store.recordAudit({
      at: new Date(daysAgo(40).getTime() + index * 60_000),
      who: 'token',
      action: 'close',
      widgetId: `old-${index}`,
    });
  }
  app = await buildApp({
    store,
    adminToken,
    logger: false,
    staticRoots: [join(repo, 'dist')],
    consoleRoot,
    now: () => clock ?? new Date(),
    firstAdmin: { email: people.admin.email, password: people.admin.password },
    // Five failures lock an account out (ten by default), to keep the test short.
    signInLimits: { account: 5, address: 1000, windowMinutes: 15 },
  });
  url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost');
  for (const who of [people.moderator, people.viewer, people.locked]) await adminApi('/accounts', 'POST', who);
  // parks-2026: 60 answers, 20 three days ago and 40 yesterday, two in three for lighting, each with an idea of its own.
  for (let index = 0; index < 60; index++) {
    const answer = {
      choices: [index % 3 === 1 ? 'play' : 'lighting'],
      other: index === 59 ? attack : `Idea number ${index + 1}`,
    };
    await respond('poll', 'parks-2026', answer, index < 20 ? daysAgo(3, 9) : daysAgo(1, 9));
  }
  await respond('ranking', 'library-hours', { order: ['evenings', 'weekends'] }, daysAgo(30));
  await adminApi('/widgets/library-hours/close', 'POST');
  for (const [index, suggestion] of ['more benchs', attack, 'a skate park'].entries()) {
    await respond('pairwise', 'ideas-2026', { suggestion }, daysAgo(2, 10 + index));
  }
  // long-2026: more free text than one page holds (the server pages by 500 responses scanned).
  clock = daysAgo(5);
  for (let batch = 0; batch < 520; batch += 20) {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        fetch(`${url}/api/responses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            id: randomUUID(),
            widget: 'poll',
            widgetId: 'long-2026',
            submittedAt: clock.toISOString(),
            locale: 'en',
            page: 'https://council.example/long',
            answer: { choices: ['yes'], other: `Comment ${batch + index + 1}` },
          }),
        }).then((response) => assert.equal(response.status, 201)),
      ),
    );
  }
  clock = undefined;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => (other ? other.close(resolve) : resolve()));
  rmSync(folder, { recursive: true, force: true });
});

/**
 * The contexts a test opened and did not close (it failed first), closed after it: in WebKit, whose
 * contexts share cookies until one closes, the next test would otherwise start signed in.
 */
const openContexts = new Set();
afterEach(async () => {
  for (const context of openContexts) await context.close().catch(() => {});
  openContexts.clear();
});

/** A fresh browser context (no cookies) with a page at `width`, collecting every error. */
async function open({ width = 1024 } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (401|403|429)/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.problems = problems;
  openContexts.add(context);
  page.closeAll = async () => {
    openContexts.delete(context);
    await context.close();
  };
  return page;
}

async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const { violations } = await window.axe.run(document, { runOnly: { type: 'tag', values } });
    return violations.map(
      ({ id, help, nodes }) => `${id}: ${help} at ${nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  }, wcag);
}

/** Checks axe and that nothing is wider than a 375 px screen (reflow, WCAG 1.4.10). */
async function accessible(page, label) {
  assert.deepEqual(await axe(page), [], `${label}: axe`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${label}: the page is ${overflow}px wider than the window`);
}

/** Waits for the page whose heading is `heading`, with focus on it and the title to match. */
async function arrived(page, heading, title = heading) {
  await page.waitForFunction(
    (heading) => {
      const h1 = document.querySelector('main h1');
      return h1 && h1.textContent.replace(/\s+/g, ' ').trim().startsWith(heading) && document.activeElement === h1;
    },
    { timeout: 10_000 },
    heading,
  );
  assert.equal(await page.title(), `${title} – delib console`);
}

const text = (page, selector) => page.$eval(selector, (element) => element.innerText.replace(/\s+/g, ' ').trim());

/** Signs in through the form (mouse-free but not keyboard-strict). */
async function signIn(page, who, hash = '') {
  await page.goto(`${url}/admin/${hash}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#email');
  await page.type('#email', who.email);
  await page.type('#password', who.password);
  await page.click('button[type=submit]');
}

/** Presses Tab until the focused element matches `test` (run in the page), at most `limit` times. */
async function tabTo(page, description, check, limit = 60) {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(check)) return;
  }
  assert.fail(`Tab never reached ${description}`);
}

test('the console is served at /admin/ under its strict CSP; /admin redirects there', async () => {
  const redirect = await fetch(`${url}/admin`, { redirect: 'manual' });
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.get('location'), '/admin/');
  const index = await fetch(`${url}/admin/`);
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('content-security-policy'), policy);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  assert.match(await index.text(), /<script type="module" src="console.min.js"><\/script>/);
  const script = await fetch(`${url}/admin/console.min.js`, { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(script.status, 200);
  assert.equal(script.headers.get('content-encoding'), 'br');
  assert.match(script.headers.get('content-type'), /javascript/);
  assert.equal((await fetch(`${url}/admin/.env`)).status, 404);
});

test('signing in: GOV.UK errors with focus on the summary, a wrong password, and a lockout that says when to try again', async () => {
  const page = await open();
  await page.goto(`${url}/admin/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#email');
  assert.match(page.url(), /#\/sign-in$/);
  assert.equal(await page.title(), 'Sign in – delib console');
  await accessible(page, 'sign-in');

  await page.click('button[type=submit]');
  await page.waitForSelector('.error-summary');
  assert.equal(await page.title(), 'Error: Sign in – delib console');
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('error-summary')), 'the summary takes focus');
  assert.equal(await text(page, '.error-summary__list'), 'Enter your email address Enter your password');
  assert.equal(await page.$eval('#email', (input) => input.getAttribute('aria-describedby')), 'email-error');
  await accessible(page, 'sign-in with errors');
  // The summary's link moves focus to its field, and the router leaves it alone.
  await page.click('.error-summary__list a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'email');
  assert.match(page.url(), /#\/sign-in$/);

  await page.type('#email', people.locked.email);
  await page.type('#password', 'wrong password');
  await page.click('button[type=submit]');
  await page.waitForFunction(() =>
    document.querySelector('.error-summary')?.textContent.includes('Enter a correct email address and password'),
  );

  for (let attempt = 0; attempt < 5; attempt++) {
    await page.click('button[type=submit]');
    await page.waitForNetworkIdle();
  }
  await page.waitForFunction(() => document.querySelector('.error-summary')?.textContent.includes('Too many failed attempts'));
  assert.match(await text(page, '.error-summary'), /Try again in 15 minutes \(at \d{1,2}:\d{2}(am|pm)\)\./);
  await accessible(page, 'sign-in locked');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('by keyboard alone: sign in, open a widget, download its responses as CSV', async () => {
  const page = await open();
  mkdirSync(downloads, { recursive: true });
  // Where the file lands can be set only over the DevTools Protocol; elsewhere the answer is checked.
  if (engine === 'chromium') {
    const session = await page.createCDPSession();
    await session.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: downloads,
      browserContextId: page.browserContext().id,
    });
  }
  await page.goto(`${url}/admin/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#email');

  await page.keyboard.press('Tab');
  assert.equal(
    await page.evaluate(() => document.activeElement.textContent),
    'Skip to main content',
    'the skip link comes first',
  );
  await tabTo(page, 'the email field', () => document.activeElement.id === 'email');
  await page.keyboard.type(people.admin.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(people.admin.password);
  await page.keyboard.press('Enter');
  await arrived(page, 'Widgets');
  await accessible(page, 'widget list');

  await tabTo(page, 'the parks-2026 link', () => document.activeElement.textContent === 'parks-2026');
  await page.keyboard.press('Enter');
  await arrived(page, 'parks-2026', 'Widget parks-2026');
  await tabTo(page, 'the CSV download', () => document.activeElement.textContent.startsWith('Download responses as CSV'));
  // Chromium reports no answer for a download it saves; Firefox reports the answer. WebKit's driver
  // sees neither: there the server's audit entry shows the browser asked with the officer's session,
  // and the link, asked again with that session, answers with the file.
  const answer =
    engine === 'firefox'
      ? page.waitForResponse((response) => response.url().includes('/api/export/parks-2026?format=csv'))
      : undefined;
  const exports = async () => (await adminApi('/audit')).entries.filter((entry) => entry.action === 'export').length;
  const exportsBefore = await exports();
  await page.keyboard.press('Enter');
  if (answer) {
    const exported = await answer;
    assert.equal(exported.status(), 200);
    assert.equal(exported.headers()['content-disposition'], 'attachment; filename="parks-2026.csv"');
  } else if (engine === 'webkit') {
    for (let wait = 0; wait < 100 && (await exports()) === exportsBefore; wait++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await exports(), exportsBefore + 1, 'the browser asked for the CSV');
    const href = await page.evaluate(() => document.activeElement.href);
    const session = (await page.cookies()).find((cookie) => cookie.name === 'delib_session');
    const exported = await fetch(href, { headers: { Cookie: `delib_session=${session.value}` } });
    assert.equal(exported.status, 200);
    assert.equal(exported.headers.get('content-disposition'), 'attachment; filename="parks-2026.csv"');
    assert.equal((await exported.text()).trim().split(/\r?\n/).length, 61, 'a header and the 60 responses');
  } else {
    const file = join(downloads, 'parks-2026.csv');
    for (let wait = 0; wait < 100 && !existsSync(file); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(existsSync(file), `downloaded: ${readdirSync(downloads).join(', ')}`);
    const rows = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    assert.equal(rows.length, 61, 'a header and the 60 responses');
  }
  const { entries } = await adminApi('/audit');
  assert.ok(
    entries.some((entry) => entry.action === 'export' && entry.widgetId === 'parks-2026' && entry.who === people.admin.email),
  );
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('the widget list: kinds, counts, dates, open and closed tags, and a chart with its figures in words', async () => {
  const page = await open({ width: 375 });
  await signIn(page, people.admin);
  await arrived(page, 'Widgets');
  const rows = await page.$$eval('tbody tr', (rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())),
  );
  assert.deepEqual(
    rows.filter((row) => row[0] !== 'long-2026').map((row) => row.slice(0, 6)),
    [
      ['parks-2026', 'Poll', '60', longDate(daysAgo(3)), longDate(daysAgo(1)), 'Open'],
      ['ideas-2026', 'Pairwise', '3', longDate(daysAgo(2)), longDate(daysAgo(2)), 'Open'],
      ['library-hours', 'Ranking', '1', longDate(daysAgo(30)), longDate(daysAgo(30)), 'Closed'],
    ],
  );
  const label = await page.$eval('tbody tr svg[role=img]', (chart) => chart.getAttribute('aria-label'));
  assert.match(label, /^Responses per day from \d+ \w+ to \d+ \w+: (\d+ \w+ \d+, ){13}\d+ \w+ \d+\. 60 responses in 14 days\.$/);
  assert.equal(
    await page.$$eval('tbody tr:first-child rect', (bars) => bars.filter((bar) => Number(bar.getAttribute('height')) > 0).length),
    2,
  );
  await accessible(page, 'widget list at 375 px');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a widget page: the real widget shows results, responses over time, free text as text in pages, close and reopen', async () => {
  const page = await open();
  await signIn(page, people.admin, '#/widgets/parks-2026');
  await arrived(page, 'parks-2026', 'Widget parks-2026');
  // The real <delib-poll>, from /delib.min.js, in results="always" mode, with this server's counts.
  await page.waitForFunction(() =>
    document.querySelector('#results-widget delib-poll')?.shadowRoot?.querySelector('[part=results]'),
  );
  const results = await page.$eval('#results-widget delib-poll', (poll) =>
    poll.shadowRoot.querySelector('[part=results]').textContent.replace(/\s+/g, ' '),
  );
  assert.match(results, /lighting.*67%/);
  assert.match(results, /play.*33%/);
  assert.equal(await page.$eval('#results-widget delib-poll', (poll) => poll.getAttribute('results')), 'always');
  await accessible(page, 'widget page');

  // Free text: newest first, markup shown as typed.
  await page.waitForSelector('table:has(#free-text-caption) tbody tr');
  const texts = await page.$$eval('table:has(#free-text-caption) tbody tr td:last-child', (cells) =>
    cells.map((cell) => cell.textContent),
  );
  assert.equal(texts.length, 60);
  assert.equal(texts[0], attack, 'the markup shows as text, newest first');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$('table:has(#free-text-caption) img'), null);
  assert.equal(await text(page, 'nav[aria-label="Free text pages"]'), '', 'one page only');

  // Responses over time: a table beside the chart.
  await page.click('details summary');
  assert.deepEqual(await page.$$eval('details tbody tr td', (cells) => cells.map((cell) => cell.textContent)), ['40', '20']);

  await page.click('#close');
  await page.waitForSelector('#reopen');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reopen');
  assert.equal(await text(page, '.summary-list'), (await text(page, '.summary-list')).replace('Open', 'Closed'));
  assert.match(await text(page, 'p[role=status]'), /Widget closed/);
  assert.equal((await adminApi('/widgets/parks-2026')).closed, true);
  await accessible(page, 'widget page, closed');
  await page.click('#reopen');
  await page.waitForSelector('#close');
  assert.equal((await adminApi('/widgets/parks-2026')).closed, false);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('free text comes in pages, older and newer, with focus kept on the section', async () => {
  const page = await open();
  await signIn(page, people.viewer, '#/widgets/long-2026');
  await arrived(page, 'long-2026', 'Widget long-2026');
  const rowCount = () => page.$$eval('table:has(#free-text-caption) tbody tr', (rows) => rows.length);
  await page.waitForSelector('table:has(#free-text-caption) tbody tr');
  const first = await rowCount();
  assert.ok(first > 0 && first < 520, `a first page (${first})`);
  await page.click('nav[aria-label="Free text pages"] button');
  await page.waitForFunction(
    (first) => document.querySelectorAll('table:has(#free-text-caption) tbody tr').length === 520 - first,
    {},
    first,
  );
  assert.equal(await page.evaluate(() => document.activeElement.id), 'free-text-heading');
  assert.equal(await text(page, 'nav[aria-label="Free text pages"]'), 'Newer entries');
  assert.equal(await text(page, 'table:has(#free-text-caption) tbody tr:last-child td:last-child'), 'Comment 1');
  await accessible(page, 'free text, page 2');
  await page.click('nav[aria-label="Free text pages"] button');
  await page.waitForFunction(
    (first) => document.querySelectorAll('table:has(#free-text-caption) tbody tr').length === first,
    {},
    first,
  );
  assert.equal(await text(page, 'nav[aria-label="Free text pages"]'), 'Older entries');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('publishing and withdrawing "you said, we did" in English and Welsh', async () => {
  const page = await open();
  await signIn(page, people.moderator, '#/widgets/parks-2026');
  await arrived(page, 'parks-2026', 'Widget parks-2026');
  // The heading comes first; the outcome form with the widget's details, which load after it.
  await page.waitForSelector('#outcome-en');
  await page.click('form button[type=submit]');
  await page.waitForSelector('.error-summary');
  assert.equal(await text(page, '.error-summary__list'), 'Enter what you did, in English');
  await accessible(page, 'outcome error');
  await page.type('#outcome-en', 'You said lighting.\n\nWe are adding lights.');
  await page.type('#outcome-cy', 'Dywedoch chi oleuadau.');
  await page.click('form button[type=submit]');
  await page.waitForFunction(() => document.body.textContent.includes('Outcome published'));
  assert.deepEqual((await adminApi('/widgets/parks-2026')).outcome.text, {
    en: 'You said lighting.\n\nWe are adding lights.',
    cy: 'Dywedoch chi oleuadau.',
  });
  assert.match(await text(page, 'main'), /Published \d+ December 2026 at/);
  await accessible(page, 'outcome published');
  await page.click('form .button--warning');
  await page.waitForFunction(() => document.body.textContent.includes('Outcome withdrawn'));
  assert.equal((await adminApi('/widgets/parks-2026')).outcome, undefined);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('erasing needs the widget ID typed, then says how many responses went', async () => {
  const page = await open();
  await signIn(page, people.admin, '#/widgets/library-hours');
  await arrived(page, 'library-hours', 'Widget library-hours');
  await page.waitForSelector('a.button--warning');
  await page.click('a.button--warning');
  await arrived(page, 'Erase all responses to library-hours', 'Erase responses to library-hours');
  await accessible(page, 'erase');
  await page.type('#confirm', 'parks-2026');
  await page.click('button[type=submit]');
  await page.waitForSelector('.error-summary');
  assert.equal(await text(page, '.error-summary__list'), 'The widget ID you entered does not match');
  assert.equal(await page.title(), 'Error: Erase responses to library-hours – delib console');
  await accessible(page, 'erase with error');
  await page.$eval('#confirm', (input) => (input.value = ''));
  await page.type('#confirm', 'library-hours');
  await page.click('button[type=submit]');
  await arrived(page, 'library-hours', 'Widget library-hours');
  assert.equal(await text(page, '.notification-banner'), '1 response erased.');
  assert.equal((await adminApi('/widgets/library-hours')).total, 0);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('moderation: approve with an edited label, reject, and see each tab', async () => {
  const page = await open({ width: 375 });
  await signIn(page, people.moderator, '#/moderation');
  await arrived(page, 'Moderation', 'Moderation: waiting');
  await page.waitForSelector('.suggestion');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$$eval('.suggestion img, .suggestion script', (found) => found.length), 0);
  await accessible(page, 'moderation queue');
  await page.$eval('#label-0', (input) => (input.value = ''));
  await page.type('#label-0', 'More benches');
  await page.click('.suggestion:first-child .button:not(.button--warning)');
  await page.waitForFunction(() => document.querySelectorAll('.suggestion').length === 2);
  const approved = (await adminApi('/moderation?status=approved')).items;
  assert.deepEqual(
    approved.map((item) => [item.text, item.label]),
    [['more benchs', 'More benches']],
  );
  assert.equal(await page.evaluate(() => document.activeElement.id), 'label-0', 'focus moves to the next suggestion');
  await page.click('.suggestion:first-child .button--warning');
  await page.waitForFunction(() => document.querySelectorAll('.suggestion').length === 1);
  assert.deepEqual(
    (await adminApi('/moderation?status=rejected')).items.map((item) => item.text),
    [attack],
  );
  await page.click('a[href="#/moderation?status=approved"]');
  await arrived(page, 'Moderation', 'Moderation: approved');
  await page.waitForSelector('.suggestion');
  assert.match(await text(page, '.suggestion'), /^More benches Suggested as: more benchs/);
  await accessible(page, 'moderation approved');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a viewer sees no close, erase, outcome or moderation controls, and no admin pages', async () => {
  const page = await open();
  await signIn(page, people.viewer);
  await arrived(page, 'Widgets');
  assert.deepEqual(await page.$$eval('.service-navigation a', (links) => links.map((link) => link.textContent.trim())), [
    'Widgets',
    'Snippet builder',
  ]);
  await page.goto(`${url}/admin/#/widgets/parks-2026`);
  await page.waitForSelector('.summary-list');
  assert.equal(await page.$('#close, #reopen, a.button--warning, #outcome-en'), null);
  assert.ok(await page.$('a[href$="format=csv"]'), 'but can download');
  await accessible(page, 'widget page as viewer');
  await page.goto(`${url}/admin/#/accounts`);
  await arrived(page, 'You do not have permission', 'You do not have permission');
  await accessible(page, 'no permission');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a lost session goes to sign-in and back to where the officer was going; sign out', async () => {
  const page = await open();
  await signIn(page, people.admin);
  await arrived(page, 'Widgets');
  // Nine hours on, the session has been idle past its eight: the next request is refused.
  clock = new Date(Date.now() + 9 * 3_600_000);
  await page.click('a[href="#/audit"]');
  await page.waitForSelector('#email');
  assert.match(page.url(), /#\/sign-in\?next=%23%2Faudit$/);
  assert.equal(await text(page, '.notification-banner'), 'You have been signed out. Sign in again to carry on.');
  await accessible(page, 'signed out by the server');
  await page.type('#email', people.admin.email);
  await page.type('#password', people.admin.password);
  await page.click('button[type=submit]');
  await arrived(page, 'Audit log');
  await page.waitForSelector('tbody tr');
  assert.match(await text(page, 'tbody tr:first-child'), /admin@council\.example Signed in/);
  await accessible(page, 'audit log');
  await page.click('.header__sign-out');
  await arrived(page, 'Sign in');
  assert.equal(await text(page, '.notification-banner'), 'You have signed out.');
  assert.equal(
    (await page.cookies()).find((cookie) => cookie.name === 'delib_session'),
    undefined,
    'the cookie is cleared',
  );
  // A sign-in link from elsewhere may only lead inside the console.
  await page.goto(`${url}/admin/#/sign-in?next=${encodeURIComponent('https://evil.example/')}`);
  await page.reload({ waitUntil: 'networkidle0' });
  await page.type('#email', people.admin.email);
  await page.type('#password', people.admin.password);
  await page.click('button[type=submit]');
  await arrived(page, 'Widgets');
  assert.equal(new URL(page.url()).origin, new URL(url).origin);
  clock = undefined;
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('the audit log comes in pages of 100, older and newer', async () => {
  const page = await open();
  await signIn(page, people.admin, '#/audit');
  await arrived(page, 'Audit log');
  await page.waitForSelector('tbody tr');
  assert.equal(await page.$$eval('tbody tr', (rows) => rows.length), 100);
  await page.click('nav[aria-label="Audit log pages"] button');
  // The caption says page 2 at once; the page's entries, and then focus on its heading, follow the answer.
  await page.waitForFunction(
    () => document.querySelector('caption')?.textContent.includes('page 2') && document.activeElement.localName === 'h1',
    { timeout: 5_000 },
  );
  assert.match(await text(page, 'tbody tr:last-child'), /token Closed a widget old-0$/);
  assert.equal(await text(page, 'nav[aria-label="Audit log pages"]'), 'Newer entries');
  await accessible(page, 'audit log, page 2');
  await page.click('nav[aria-label="Audit log pages"] button');
  // As for page 2: the caption first, the entries with the answer (the last of page 1 is no longer old-0).
  await page.waitForFunction(
    () =>
      document.querySelector('caption')?.textContent.includes('page 1') &&
      document.querySelectorAll('tbody tr').length === 100 &&
      document.activeElement.localName === 'h1',
    { timeout: 5_000 },
  );
  assert.doesNotMatch(await text(page, 'tbody tr:last-child'), /old-0$/);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('accounts: add with a role, errors per GOV.UK, remove', async () => {
  const page = await open();
  await signIn(page, people.admin, '#/accounts');
  await arrived(page, 'Accounts');
  await page.waitForSelector('tbody tr');
  await accessible(page, 'accounts');
  await page.click('form button[type=submit]');
  await page.waitForSelector('.error-summary');
  assert.equal(
    await text(page, '.error-summary__list'),
    'Enter an email address Password must be 12 characters or more Select a role',
  );
  // Each field in error has the GOV.UK red border, as on the sign-in page.
  assert.deepEqual(
    await page.$$eval('#new-email, #new-password', (inputs) => inputs.map((input) => input.classList.contains('input--error'))),
    [true, true],
  );
  await accessible(page, 'accounts with errors');
  await page.type('#new-email', 'new.officer@council.example');
  await page.type('#new-password', 'a long enough password');
  await page.click('#role-viewer');
  await page.click('form button[type=submit]');
  await page.waitForFunction(() => document.body.textContent.includes('Account added for new.officer@council.example'));
  const accounts = async () => (await adminApi('/accounts')).accounts.map((account) => [account.email, account.role]);
  assert.ok((await accounts()).some(([email, role]) => email === 'new.officer@council.example' && role === 'viewer'));
  assert.equal(await page.$('.error-summary'), null);
  const removeButtons = await page.$$eval('tbody button', (buttons) =>
    buttons.map((button) => button.textContent.replace(/\s+/g, ' ').trim()),
  );
  assert.ok(!removeButtons.some((label) => label.includes(people.admin.email)), 'nobody removes their own account');
  await page.$$eval('tbody button', (buttons) => buttons.find((button) => button.textContent.includes('new.officer@')).click());
  await page.waitForFunction(() => document.body.textContent.includes('Account for new.officer@council.example removed'));
  assert.ok(!(await accounts()).some(([email]) => email === 'new.officer@council.example'));
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('the snippet builder escapes everything an officer types, in the HTML and in the live preview, which sends nothing', async () => {
  const page = await open();
  await browser.defaultBrowserContext();
  await signIn(page, people.admin, '#/snippet');
  await arrived(page, 'Snippet builder');
  await accessible(page, 'snippet builder');
  await page.click('form button[type=submit]');
  await page.waitForSelector('.error-summary');
  assert.equal(await text(page, '.error-summary__list'), 'Enter a widget ID Enter at least 2 options, one on each line');
  await accessible(page, 'snippet builder with errors');

  await page.type('#widget-id', 'parks-"2027');
  await page.type('#question', attack);
  await page.type('#options', `Better lighting\n</option><script>window.pwned=3</script>\n${attack}`);
  await page.select('#language', 'cy');
  await page.select('#theme', 'dark');
  // A date field's typing order depends on the browser's locale: the value is set as a picker would.
  await page.$eval('#closes', (input) => {
    input.value = '2026-12-31';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.click('#results-always');
  await page.click('form button[type=submit]');
  await page.waitForSelector('#preview delib-poll');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'preview-heading');

  const html = await page.$eval('#snippet-html', (area) => area.value);
  assert.ok(
    html.startsWith(
      `<script type="module" src="${url}/delib.js"></script>\n<link rel="stylesheet" href="${url}/themes/dark.css">\n`,
    ),
  );
  // Parsed as a browser would parse it in the council's page: one element, attributes and labels exactly as typed.
  const parsed = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const poll = doc.querySelector('delib-poll');
    return {
      elements: [...doc.body.querySelectorAll('*')].map((element) => element.localName),
      scripts: [...doc.querySelectorAll('script')].map((script) => script.getAttribute('src')),
      attributes: Object.fromEntries([...poll.attributes].map((attribute) => [attribute.name, attribute.value])),
      // The options are the plain form's radios (for browsers without the script), each with its label.
      options: [...poll.querySelectorAll('input[name=choices]')].map((input) => [input.value, input.labels[0].textContent]),
      legend: poll.querySelector('legend').textContent,
    };
  }, html);
  assert.deepEqual(
    parsed.elements.filter((name) => ['script', 'img', 'delib-poll', 'form', 'option'].includes(name)),
    ['script', 'delib-poll', 'form'],
  );
  assert.equal(parsed.legend, attack);
  assert.deepEqual(parsed.scripts, [`${url}/delib.js`]);
  assert.deepEqual(parsed.attributes, {
    'widget-id': 'parks-"2027',
    endpoint: `${url}/api`,
    lang: 'cy',
    question: attack,
    closes: '2026-12-31T23:59:59Z',
    results: 'always',
  });
  assert.deepEqual(parsed.options, [
    ['better-lighting', 'Better lighting'],
    ['option-script-window-pwned-3-script', '</option><script>window.pwned=3</script>'],
    ['script-window-pwned-1-script-img-src-x-o', attack],
  ]);

  // The preview is the real widget, built from the same settings as elements and text.
  await page.waitForFunction(() => document.querySelector('#preview delib-poll')?.shadowRoot?.querySelector('fieldset, form'));
  const preview = await page.$eval('#preview delib-poll', (poll) => ({
    question: poll.getAttribute('question'),
    lang: poll.closest('[lang]').getAttribute('lang'),
    labels: [...poll.querySelectorAll('option')].map((option) => option.textContent),
    markup: [...poll.querySelectorAll('*'), ...poll.shadowRoot.querySelectorAll('*')].filter((element) =>
      ['img', 'script'].includes(element.localName),
    ).length,
    theme: document.getElementById('preview-theme').getAttribute('href'),
  }));
  assert.deepEqual(preview, {
    question: attack,
    lang: 'cy',
    labels: ['Better lighting', '</option><script>window.pwned=3</script>', attack],
    markup: 0,
    theme: '/themes/dark.css',
  });
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await accessible(page, 'snippet builder with preview');

  // Voting in the preview posts nothing (WebKit's driver sees no requests: there the server is asked).
  const posted = [];
  if (engine !== 'webkit') page.on('request', (request) => request.method() === 'POST' && posted.push(request.url()));
  await page.evaluate(() => {
    const poll = document.querySelector('#preview delib-poll');
    poll.shadowRoot.querySelector('input').click();
    poll.shadowRoot.querySelector('[part=submit]').click();
  });
  await page.waitForFunction(() => document.querySelector('#preview-status').textContent.includes('nothing was sent'));
  assert.deepEqual(posted, []);
  const { widgets } = await adminApi('/widgets');
  assert.ok(!widgets.some((widget) => widget.widgetId === 'parks-"2027'), 'the endpoint has no answer from the preview');

  // Copy: the clipboard holds exactly the snippet, and a polite status says so.
  // Reading the clipboard back needs a permission only Chromium's driver grants; writing it on a click works everywhere.
  if (engine === 'chromium') {
    await page.browserContext().overridePermissions(url, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  }
  await page.click('#copy');
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent === 'Copied');
  assert.equal(await page.$eval('.copy-status', (status) => status.getAttribute('role')), 'status');
  if (engine === 'chromium') assert.equal(await page.evaluate(() => navigator.clipboard.readText()), html);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('every page reads at 375 px and passes axe there', async () => {
  const page = await open({ width: 375 });
  await signIn(page, people.admin);
  await arrived(page, 'Widgets');
  const pages = [
    ['#/widgets/parks-2026', 'parks-2026', 'Widget parks-2026', '#results-widget delib-poll'],
    ['#/widgets/library-hours', 'library-hours', 'Widget library-hours', '#results-widget delib-ranking'],
    ['#/widgets/ideas-2026', 'ideas-2026', 'Widget ideas-2026', '#results-widget delib-pairwise'],
    ['#/widgets/parks-2026/erase', 'Erase all responses to parks-2026', 'Erase responses to parks-2026', '#confirm'],
    ['#/moderation', 'Moderation', 'Moderation: waiting', '.suggestion'],
    ['#/snippet', 'Snippet builder', 'Snippet builder', '#widget-id'],
    ['#/accounts', 'Accounts', 'Accounts', 'tbody tr'],
    ['#/audit', 'Audit log', 'Audit log', 'tbody tr'],
    ['#/nowhere', 'Page not found', 'Page not found', 'main p'],
  ];
  for (const [hash, heading, title, ready] of pages) {
    await page.evaluate((hash) => (location.hash = hash), hash);
    await arrived(page, heading, title);
    await page.waitForSelector(ready);
    await page.waitForNetworkIdle();
    await accessible(page, `${hash} at 375 px`);
  }
  // The snippet builder with its preview and HTML.
  await page.evaluate(() => (location.hash = '#/snippet'));
  await arrived(page, 'Snippet builder');
  await page.type('#widget-id', 'a-rather-long-widget-identifier-for-a-small-screen-2026');
  await page.type('#options', 'One\nTwo');
  await page.click('form button[type=submit]');
  await page.waitForSelector('#preview delib-poll');
  await page.waitForNetworkIdle();
  await accessible(page, 'snippet preview at 375 px');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a snippet from the builder, pasted into a plain page on another origin, renders and posts', async () => {
  const page = await open();
  await signIn(page, people.admin, '#/snippet');
  await arrived(page, 'Snippet builder');
  await page.type('#widget-id', 'pasted-2026');
  await page.type('#question', 'Which day suits you?');
  await page.type('#options', 'Monday\nTuesday');
  await page.click('form button[type=submit]');
  await page.waitForSelector('#snippet-html');
  const snippet = await page.$eval('#snippet-html', (area) => area.value);
  await page.closeAll();

  // Another origin: a plain server on another port (127.0.0.1 rather than localhost) serving one page.
  other = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council page</title></head><body><main><h1>Have your say</h1>${snippet}</main></body></html>`,
    );
  });
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  const pageUrl = `http://127.0.0.1:${other.address().port}/consultation`;
  const council = await open();
  await council.goto(pageUrl, { waitUntil: 'networkidle0' });
  await council.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('input'));
  await council.evaluate(() => {
    const root = document.querySelector('delib-poll').shadowRoot;
    root.querySelector('input').click();
    root.querySelector('[part=submit]').click();
  });
  await council.waitForFunction(() => document.querySelector('delib-poll').shadowRoot.querySelector('[part=results]'));
  const results = await (await fetch(`${url}/api/results/pasted-2026`)).json();
  assert.equal(results.total, 1);
  assert.deepEqual(results.counts, { monday: 1 });
  assert.deepEqual(council.problems, []);
  await council.closeAll();
});
