/**
 * The demo pages and the reference endpoint (`@delib/server`) as `npm start` runs them, driven as a person would: load
 * each page in Chromium, vote, see the result, restart the server, and check the wire protocol's
 * promises (idempotency, refusals with the error body, the outage switch). Needs `npm run build`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../packages/server/src/cli.ts';
import { launch } from './browser.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const axeSource = readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const pages = {
  'index.html': { polls: 0 },
  'council-consultation.html': { polls: 3, voteButton: 'Vote' },
  'council-consultation-cy.html': { polls: 3, voteButton: 'Pleidleisio' },
  'think-tank-post.html': { polls: 1, voteButton: 'Vote' },
  'participatory-budget.html': { polls: 0, voteButton: 'Submit ranking' },
  'our-neighbourhood.html': { polls: 0, voteButton: 'Continue' },
  'privacy.html': { polls: 0 },
};

let server;
let browser;
const folder = mkdtempSync(join(tmpdir(), 'delib-demo-'));
const databaseUrl = `file:${join(folder, 'demo.sqlite')}`;
const adminToken = 'demo-test-token';
const start = () => startServer({ port: 0, host: '127.0.0.1', databaseUrl, adminToken, demo: true, logger: false });

before(async () => {
  server = await start();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Opens a demo page and collects everything that went wrong on it. `expect(url)` marks failed loads that the test causes. */
async function open(path, { expect = () => false } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 900 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location()?.url ?? '';
    if (message.text().startsWith('Failed to load resource') && url && expect(url)) return;
    problems.push(`console error: ${message.text()} ${url}`);
  });
  page.on('requestfailed', (failed) => {
    // Chromium's DevTools now and then reports a read whose whole 200 response arrived, and was shown, as
    // net::ERR_ABORTED a moment later (seen on /api/results and /api/items, about one page load in ten on a
    // loaded machine): a race in what it reports, not a failure the person sees. A request that got no
    // response, or an error status, is still a problem.
    if (failed.failure()?.errorText === 'net::ERR_ABORTED' && failed.response()?.ok()) return;
    problems.push(`request failed: ${failed.url()} ${failed.failure()?.errorText}`);
  });
  const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle0' });
  assert.ok([200, 304].includes(response.status()), `${path}: ${response.status()}`);
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/, 'pages are served under a strict CSP');
  // Rendered, and results fetched wherever they show without a vote.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('delib-poll')].every((poll) => {
      const root = poll.shadowRoot;
      if (!root?.querySelector('form, [part=answer]')) return false;
      const showsResults = poll.results === 'always' || poll.isClosed;
      return !showsResults || root.querySelector('[part=results]');
    }),
  );
  return { page, problems };
}

/** What a person sees in each poll: its inputs, and the results table as rows of cell text. */
const readPolls = (page) =>
  page.$$eval('delib-poll', (polls) =>
    polls.map((poll) => {
      const root = poll.shadowRoot;
      return {
        widgetId: poll.widgetId,
        closed: poll.isClosed,
        options: poll.querySelectorAll(':scope > option').length + (poll.allowOther ? 1 : 0),
        inputs: root.querySelectorAll('input[type=radio], input[type=checkbox]').length,
        results: [...(root.querySelector('[part=results]')?.tBodies[0]?.rows ?? [])].map((row) =>
          [...row.cells].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()),
        ),
        caption: root.querySelector('[part=results] caption')?.textContent.trim(),
      };
    }),
  );

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const { violations } = await window.axe.run(document, { runOnly: { type: 'tag', values } });
    return violations.map(
      ({ id, help, nodes }) => `${id}: ${help} at ${nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  }, wcag);
}

/**
 * Starts listening for the next `type` event anywhere on the page, before the action that causes it;
 * the returned function waits for it and gives its detail.
 */
async function nextEvent(page, type) {
  await page.evaluate((type) => {
    window.delibTestEvents ??= {};
    window.delibTestEvents[type] = new Promise((resolve) =>
      document.addEventListener(type, (event) => resolve(JSON.parse(JSON.stringify(event.detail))), { once: true }),
    );
  }, type);
  return () => page.evaluate((type) => window.delibTestEvents[type], type);
}

const api = async (path, init) => {
  const response = await fetch(new URL(`/api${path}`, server.url), init);
  return { status: response.status, headers: response.headers, body: await response.json() };
};

const envelope = (overrides = {}) => ({
  id: crypto.randomUUID(),
  widget: 'poll',
  widgetId: 'parks-2027-priority',
  submittedAt: new Date().toISOString(),
  locale: 'en',
  page: 'http://127.0.0.1/council-consultation.html',
  answer: { choices: ['trees'] },
  ...overrides,
});

const post = (body, type = 'application/json') =>
  api('/responses', {
    method: 'POST',
    headers: { 'Content-Type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** What the server stored for a widget, read back through the admin export. */
const stored = async (widgetId) => {
  const response = await fetch(new URL(`/api/export/${encodeURIComponent(widgetId)}?format=json`, server.url), {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  return response.status === 404 ? [] : response.json();
};

describe('demo pages', () => {
  for (const [path, expected] of Object.entries(pages)) {
    test(`${path} loads cleanly, renders its polls and passes axe`, async () => {
      const { page, problems } = await open(path);
      try {
        const polls = await readPolls(page);
        assert.equal(polls.length, expected.polls);
        for (const poll of polls) {
          if (poll.closed) {
            assert.equal(poll.inputs, 0, `${poll.widgetId} is closed: no inputs`);
            assert.ok(poll.results.length, `${poll.widgetId} is closed and shows its results`);
          } else {
            assert.equal(poll.inputs, poll.options, `${poll.widgetId} shows a radio or checkbox per option`);
          }
        }
        if (expected.voteButton) {
          const button = await page.$(`::-p-aria([name="${expected.voteButton}"][role="button"])`);
          assert.ok(button, `a "${expected.voteButton}" button in the page's language`);
        }
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
});

describe('voting on the council page', () => {
  const widgetId = 'parks-2027-priority';

  test('a vote is acknowledged and shows in the results table', async () => {
    const { page, problems } = await open('council-consultation.html');
    try {
      const poll = await page.$(`delib-poll[widget-id="${widgetId}"]`);
      const submitted = await nextEvent(page, 'delib-submitted');
      await (await poll.$('::-p-aria([name="New and accessible play equipment"][role="radio"])')).click();
      await (await poll.$('::-p-aria([name="Vote"][role="button"])')).click();

      const detail = await submitted();
      assert.equal(detail.envelope.widgetId, widgetId);
      assert.deepEqual(detail.envelope.answer, { choices: ['play'] });
      assert.deepEqual(detail.response, { id: detail.envelope.id, accepted: true });

      await page.waitForFunction(
        (id) => document.querySelector(`delib-poll[widget-id="${id}"]`).shadowRoot.querySelector('[part=results]'),
        {},
        widgetId,
      );
      const { results, caption } = (await readPolls(page)).find((poll) => poll.widgetId === widgetId);
      assert.equal(caption, 'Results: 1 vote');
      assert.deepEqual(
        results.find(([label]) => label.startsWith('New and accessible play equipment')),
        ['New and accessible play equipment (your choice)', '1', '100%'],
      );
      assert.match(await page.$eval('[data-demo-log]', (log) => log.textContent), /delib-submitted \(parks-2027-priority\)/);
      assert.deepEqual(await axeViolations(page), [], 'the results view is accessible too');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('the vote is still counted after the server restarts', async () => {
    await server.close();
    server = await start();
    const { status, body } = await api(`/results/${widgetId}`);
    assert.equal(status, 200);
    assert.deepEqual(body, { widget: 'poll', widgetId, total: 1, counts: { play: 1 } });
  });
});

describe('the endpoint', () => {
  test('the same envelope id twice is stored once', async () => {
    const sent = envelope({ widgetId: 'idempotency-check' });
    const first = await post(sent);
    const again = await post({ ...sent, answer: { choices: ['lighting'] } });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.deepEqual(first.body, { id: sent.id, accepted: true });
    assert.deepEqual(again.body, first.body);
    assert.equal((await stored('idempotency-check')).filter((row) => row.id === sent.id).length, 1);
    const { body } = await api('/results/idempotency-check');
    assert.deepEqual(body, { widget: 'poll', widgetId: 'idempotency-check', total: 1, counts: { trees: 1 } });
  });

  test('concurrent posts of one envelope are stored once', async () => {
    const sent = envelope({ widgetId: 'idempotency-race' });
    const answers = await Promise.all([post(sent), post(sent), post(sent)]);
    assert.deepEqual(answers.map(({ status }) => status).sort(), [200, 200, 201]);
    assert.equal((await stored('idempotency-race')).filter((row) => row.id === sent.id).length, 1);
  });

  test('bad input gets a 4xx with the error body and stores nothing', async () => {
    const before = (await stored('parks-2027-priority')).length;
    const cases = [
      [await post('{"id": '), 400, undefined],
      [await post(JSON.stringify(envelope()), 'text/plain'), 415, undefined],
      [await post('[1, 2]'), 400, undefined],
      [await post(envelope({ id: 'not-a-uuid' })), 400, 'id'],
      [await post(envelope({ widget: 'survey' })), 400, 'widget'],
      [await post(envelope({ widgetId: '' })), 400, 'widgetId'],
      [await post(envelope({ widgetId: 'x'.repeat(201) })), 400, 'widgetId'],
      [await post(envelope({ widgetId: 'line\nbreak' })), 400, 'widgetId'],
      [await post(envelope({ answer: ['trees'] })), 400, 'answer'],
      [await post(envelope({ answer: { choices: [] } })), 400, 'answer.choices'],
      [await post({ ...envelope(), extra: true }), 400, 'extra'],
      [await post(envelope({ answer: { choices: ['x'.repeat(70_000)] } })), 413, undefined],
    ];
    const withoutLocale = envelope();
    delete withoutLocale.locale;
    cases.push([await post(withoutLocale), 400, 'locale']);
    for (const [{ status, body }, expected, field] of cases) {
      assert.equal(status, expected, JSON.stringify(body));
      assert.equal(typeof body.error.code, 'string');
      assert.ok(body.error.message.length > 0);
      assert.equal(body.error.field, field);
    }
    assert.equal((await stored('parks-2027-priority')).length, before);
  });

  test('serves the pages and the bundle, never files outside them', async () => {
    const page = await fetch(new URL('/', server.url));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.match(await page.text(), /<title>delib demo pages<\/title>/);
    const bundle = await fetch(new URL('/delib.min.js', server.url));
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type'), /javascript/);
    // fetch() would tidy the dots away, so this goes over a raw request.
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd']) {
      const status = await new Promise((resolve, reject) =>
        request(new URL(server.url), { path }, (response) => resolve(response.resume().statusCode))
          .on('error', reject)
          .end(),
      );
      assert.ok([400, 403, 404].includes(status), `${path}: ${status}`);
    }
  });

  test('answers CORS preflights and reports health', async () => {
    const response = await fetch(new URL('/api/responses', server.url), {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://council.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-csrf-token',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-headers'), /x-csrf-token/);
    assert.match(response.headers.get('access-control-allow-methods'), /POST/);
    assert.deepEqual((await api('/health')).body, { ok: true });
  });
});

describe('the demo outage switch', () => {
  test('a vote made during an outage is queued, then sent once it ends', async () => {
    const widgetId = 'transport-assemblies-2026';
    const { page, problems } = await open('think-tank-post.html', {
      expect: (url) => new URL(url).pathname === '/api/responses',
    });
    try {
      const outage = await page.waitForSelector('::-p-aria([name="Simulate an endpoint outage"][role="button"])');
      await page.waitForFunction((button) => !button.disabled, {}, outage);
      await outage.click();
      await page.waitForFunction(() => document.querySelector('[data-demo-outage]').getAttribute('aria-pressed') === 'true');
      assert.deepEqual((await api('/_outage')).body, { down: true });
      const refused = await post(envelope());
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '5');

      const poll = await page.$(`delib-poll[widget-id="${widgetId}"]`);
      const queued = await nextEvent(page, 'delib-queued');
      await (await poll.$('::-p-aria([name="Yes, to advise the council, which still decides"][role="radio"])')).click();
      await (await poll.$('::-p-aria([name="Vote"][role="button"])')).click();
      assert.equal((await queued()).envelope.widgetId, widgetId);
      assert.match(
        await poll.evaluate((element) => element.shadowRoot.querySelector('[role=status]').textContent),
        /saved on this device/,
      );

      const submitted = await nextEvent(page, 'delib-submitted');
      await (await page.$('::-p-aria([name="End the simulated outage"][role="button"])')).click();
      // The endpoint asked for a 5 second wait (Retry-After); the outbox honours it, then sends.
      const detail = await Promise.race([
        submitted(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('not sent within 15 s of the outage ending')), 15_000)),
      ]);
      assert.deepEqual(detail.envelope.answer, { choices: ['advisory'] });
      const { body } = await api(`/results/${widgetId}`);
      assert.deepEqual(body, { widget: 'poll', widgetId, total: 1, counts: { advisory: 1 } });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
