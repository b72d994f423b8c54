/**
 * End-to-end tests of the durable outbox, through the built bundle (`dist/delib-poll.min.js`) in
 * each engine: a resident's response is never lost and never counted twice. Run `npm run build` first.
 *
 *   node --test test/e2e/outbox.test.mjs      (DELIB_ENGINE=firefox or webkit for the others)
 *
 * @engines chromium firefox webkit
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, unsupported } from './browser.mjs';
import { createEndpoint } from './endpoint-double.mjs';
import {
  events,
  go,
  open,
  outbox,
  outboxItems,
  outboxPrefix,
  page,
  pollElement,
  pollView,
  queuedEntry,
  requireBuild,
  seedStorage,
  site,
  sleep,
  statusText,
  uuidV4,
  vote,
  waitForEmptyOutbox,
  waitForEvent,
  watch,
} from './pages.mjs';

requireBuild();

/** Failed requests are the point of these tests: Chromium logs each one, which is not a page error. */
const ignore = [/Failed to load resource/, /net::ERR_/];
const budget = { timeout: 30_000 };
/** The same, but skipped, with the reason, in an engine that cannot do `feature` (see engines.mjs). */
const needs = (feature) => ({ ...budget, skip: unsupported(feature) });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A fresh site (its own origin, so its own localStorage, locks and channel) and browser context. */
async function setup(t, pages = { 'poll.html': page() }) {
  const s = await site(pages);
  const context = await browser.createBrowserContext();
  t.after(async () => {
    await context.close().catch(() => {});
    await s.close();
  });
  return { ...s, context };
}

/**
 * Delivered exactly once: stored, answered 201 once, and no two POSTs of that id were ever in
 * flight at the same moment (a later one may come only after the earlier was answered).
 */
function assertDeliveredOnce(api, id) {
  assert.ok(api.stored.has(id), `envelope ${id} was stored`);
  const posts = api.postsFor(id);
  assert.equal(posts.filter((post) => post.status === 201).length, 1, 'exactly one POST was the first to store it');
  assert.deepEqual(
    api.overlaps(id),
    [],
    `no two POSTs of ${id} overlapped in time: ${JSON.stringify(posts.map(({ n, start, end, mode, status }) => ({ n, start, end, mode, status })))}`,
  );
  assert.equal(
    api.posts.filter((post) => post.id !== id && post.body?.widgetId === api.stored.get(id).widgetId).length,
    0,
    'no other response for this poll was sent',
  );
}

/** Waits until the poll shows the thank-you state with the results table loaded. */
async function waitForThanks(p, timeout = 10_000) {
  await p.waitForFunction(
    () => {
      const shadow = document.querySelector('delib-poll')?.shadowRoot;
      return (
        /thank you/i.test(shadow?.querySelector('[part="status"]')?.textContent ?? '') &&
        !!shadow?.querySelector('[part="results"] caption')
      );
    },
    { timeout, polling: 50 },
  );
}

test('fail → reload → delivered once', budget, async (t) => {
  const { url, api, context } = await setup(t);
  api.set('down');
  const p = await open(context, `${url}/poll.html`, { ignore });
  await vote(p, 'play');

  const queued = await waitForEvent(p, 'delib-queued');
  const envelope = queued.detail.envelope;
  const id = envelope.id;
  assert.match(id, uuidV4);
  const status = await statusText(p);
  assert.equal(status.role, 'status');
  assert.match(status.text, /saved/i, 'the person is told the answer is saved');
  assert.match(status.text, /sent automatically/i, 'and that it will be sent');
  const stored = await outbox(p);
  assert.deepEqual(Object.keys(stored), [id], 'the entry is in localStorage');
  assert.deepEqual(stored[id].envelope, envelope);
  assert.ok(api.postsFor(id).length >= 1, 'it was tried');
  assert.equal(api.stored.size, 0);

  api.set('ok');
  await p.reload({ waitUntil: 'load', timeout: 10_000 });
  await api.waitForStored(id);
  await waitForEmptyOutbox(p);
  await waitForThanks(p);
  await sleep(1_000); // nothing more arrives
  assertDeliveredOnce(api, id);
  assert.deepEqual(api.stored.get(id), envelope, 'what arrived is what was queued');

  const view = await pollView(p);
  assert.match(view.answer, /You voted for: New play equipment/);
  assert.equal(view.caption, 'Results: 1 vote');
  assert.ok(
    view.rows.some((row) => /^New play equipment \(your choice\) 1 100\s?%$/.test(row)),
    `results rows: ${view.rows.join(' | ')}`,
  );
  assert.deepEqual(await outbox(p), {});
  assert.deepEqual(p.problems, []);
});

test('reload mid-send: the new page does not send the same id while the first request is still in flight', budget, async (t) => {
  const { url, api, context } = await setup(t);
  api.set('ok', { delayMs: 2_000 }); // a slow endpoint, or a slow mobile network
  const p = await open(context, `${url}/poll.html`, { ignore });
  await vote(p, 'play');
  await api.waitForPosts(1);
  const id = api.posts[0].id;
  assert.ok((await outbox(p))[id], 'in the outbox while in flight');
  await p.reload({ waitUntil: 'load', timeout: 10_000 }); // or the person follows a link to another page with delib
  await api.waitForStored(id, 5_000);
  await sleep(2_500);
  assert.deepEqual(
    api.overlaps(id),
    [],
    `no two POSTs of ${id} in flight at once: ${JSON.stringify(api.postsFor(id).map(({ n, start, end, status }) => ({ n, start, end, status })))}`,
  );
  assertDeliveredOnce(api, id);
  assert.deepEqual(p.problems, []);
});

test('closed tab: a new browser on the same profile delivers, on any page with the bundle', needs('profile'), async (t) => {
  const { url, api, write } = await setup(t);
  write('other.html', page({ body: '<p>A page about something else, with no poll on it.</p>', bundles: ['/delib.min.js'] }));
  const profile = mkdtempSync(join(tmpdir(), 'delib-e2e-profile-'));
  let second;
  t.after(async () => {
    await second?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  });

  api.set('down');
  const first = await launch({ userDataDir: profile });
  let id;
  try {
    const p = await open(first, `${url}/poll.html`, { ignore });
    await vote(p, 'toilets');
    id = (await waitForEvent(p, 'delib-queued')).detail.envelope.id;
    assert.ok((await outbox(p))[id], 'queued in localStorage');
    await p.close();
  } finally {
    await first.close();
  }
  const triedBefore = api.postsFor(id).length;
  assert.equal(api.stored.size, 0);

  api.set('ok');
  second = await launch({ userDataDir: profile });
  const p = await open(second, `${url}/other.html`, { tag: 'delib-provider', ignore });
  await api.waitForStored(id);
  await waitForEmptyOutbox(p);
  await sleep(1_000);
  assertDeliveredOnce(api, id);
  assert.deepEqual(api.stored.get(id).answer, { choices: ['toilets'] });
  assert.equal(api.postsFor(id).slice(triedBefore).length, 1, 'the new browser sent it once');
  assert.deepEqual(p.problems, []);
});

test('two tabs opened at once: never two overlapping POSTs of one id, stored once', budget, async (t) => {
  const { url, api, context } = await setup(t);
  api.set('down');
  const voter = await open(context, `${url}/poll.html`, { ignore });
  await vote(voter, 'lighting');
  const id = (await waitForEvent(voter, 'delib-queued')).detail.envelope.id;
  assert.ok((await outbox(voter))[id]);
  await voter.close(); // only the two new tabs are left to send it

  api.set('ok', { delayMs: 1_000 });
  const tabs = await Promise.all([context.newPage(), context.newPage()]);
  tabs.forEach((tab) => watch(tab, ignore));
  await Promise.all(tabs.map((tab) => go(tab, `${url}/poll.html`)));

  await api.waitForStored(id);
  await Promise.all(tabs.map((tab) => waitForEmptyOutbox(tab)));
  await sleep(1_500); // let a late second sender show itself
  assertDeliveredOnce(api, id);
  for (const tab of tabs) {
    await waitForThanks(tab, 5_000); // the tab that did not send hears of it through the channel
    assert.deepEqual(tab.problems, []);
  }
});

test('Retry-After is honoured, then the vote is delivered', budget, async (t) => {
  const { url, api, context } = await setup(t);
  api.set('ok').next({ mode: '429', retryAfter: 2 });
  const p = await open(context, `${url}/poll.html`, { ignore });
  await vote(p, 'play');

  const id = (await waitForEvent(p, 'delib-queued')).detail.envelope.id;
  const status = await statusText(p);
  assert.equal(api.postsFor(id).length, 1, 'still waiting for the second attempt');
  assert.match(status.text, /saved/i, 'the queued message is shown meanwhile');
  assert.equal((await outbox(p))[id]?.held, true, 'the entry is held for Retry-After');

  await waitForEvent(p, 'delib-submitted', 10_000);
  const posts = api.postsFor(id);
  assert.equal(posts.length, 2);
  assert.equal(posts[0].status, 429);
  const gap = posts[1].start - posts[0].start;
  assert.ok(gap >= 2_000, `second attempt came ${gap} ms after the first; Retry-After asked for 2000`);
  assertDeliveredOnce(api, id);
  await waitForEmptyOutbox(p);
  await waitForThanks(p);
  assert.deepEqual(p.problems, []);
});

test('back online: the online event delivers without a reload', needs('offline'), async (t) => {
  const { url, api, context } = await setup(t);
  api.set('ok');
  const p = await open(context, `${url}/poll.html`, { ignore });
  await p.setOfflineMode(true);
  await vote(p, 'play');
  const id = (await waitForEvent(p, 'delib-queued')).detail.envelope.id;
  assert.match((await statusText(p)).text, /saved/i);

  // Go back online when the backoff timer is well ahead, so that only the `online` event can explain
  // a prompt delivery.
  let entry;
  const until = Date.now() + 15_000;
  for (;;) {
    entry = (await outbox(p))[id];
    assert.ok(entry, 'still queued while offline');
    if (entry.due - Date.now() > 1_000) break;
    assert.ok(Date.now() < until, 'backoff never left a second of room');
    await sleep(100);
  }
  await p.setOfflineMode(false);
  await api.waitForStored(id, 5_000);
  const post = api.postsFor(id)[0];
  assert.ok(post.start < entry.due - 200, `delivered ${entry.due - post.start} ms before the backoff was due`);
  await waitForEvent(p, 'delib-submitted', 5_000);
  await waitForEmptyOutbox(p);
  await waitForThanks(p);
  assertDeliveredOnce(api, id);
  assert.equal(api.postsFor(id).length, 1, 'nothing reached the endpoint while offline');
  assert.deepEqual(p.problems, []);
});

test('4xx refused: the error is shown, the input kept, nothing queued or retried', budget, async (t) => {
  const { url, api, context } = await setup(t);
  const error = { code: 'invalid_choice', message: 'That option is no longer part of this poll.', field: 'answer.choices' };
  api.set('422', { error });
  const p = await open(context, `${url}/poll.html`, { ignore });
  await vote(p, 'play');

  const refused = await waitForEvent(p, 'delib-error');
  assert.equal(refused.detail.status, 422);
  assert.deepEqual(refused.detail.error, error);
  assert.match(refused.detail.envelope.id, uuidV4);
  const status = await statusText(p);
  assert.ok(status.text.includes(error.message), `status region says: ${status.text}`);
  const view = await pollView(p);
  assert.ok(view.hasForm, 'the form is still there');
  assert.deepEqual(view.checked, ['play'], "the person's choice is still selected");
  assert.deepEqual(await outbox(p), {}, 'nothing left in the outbox');

  await sleep(3_000);
  assert.equal(api.posts.length, 1, 'no retry');
  assert.deepEqual(
    (await events(p)).map((event) => event.type),
    ['delib-submit', 'delib-error'],
  );
  assert.deepEqual(p.problems, []);
});

test('5xx retried: 503 then ok, delivered once', budget, async (t) => {
  const { url, api, context } = await setup(t);
  api.set('ok').next('503');
  const p = await open(context, `${url}/poll.html`, { ignore });
  await vote(p, 'lighting');

  const id = (await waitForEvent(p, 'delib-queued')).detail.envelope.id;
  await waitForEvent(p, 'delib-submitted', 10_000);
  await waitForEmptyOutbox(p);
  await sleep(500);
  const posts = api.postsFor(id);
  assert.deepEqual(
    posts.map((post) => post.status),
    [503, 201],
  );
  assertDeliveredOnce(api, id);
  await waitForThanks(p);
  assert.deepEqual(
    (await events(p)).map((event) => event.type),
    ['delib-submit', 'delib-queued', 'delib-submitted'],
  );
  assert.deepEqual(p.problems, []);
});

test('cancel: preventDefault on delib-submit posts nothing and queues nothing', budget, async (t) => {
  const { url, api, context } = await setup(t, { 'poll.html': page({ cancel: true }) });
  api.set('ok');
  const p = await open(context, `${url}/poll.html`, { ignore });
  await vote(p, 'play');

  const submit = await waitForEvent(p, 'delib-submit');
  assert.deepEqual(submit.detail.envelope.answer, { choices: ['play'] });
  await sleep(1_500);
  assert.equal(api.posts.length, 0, 'no POST');
  assert.deepEqual(await outbox(p), {}, 'nothing in the outbox');
  assert.deepEqual(
    (await events(p)).map((event) => event.type),
    ['delib-submit'],
  );
  assert.deepEqual(p.problems, []);
});

test('envelope: exactly the contract, page without query or fragment, one id on every retry', budget, async (t) => {
  const { url, api, context } = await setup(t);
  api.set('ok').next('503', { mode: '429', retryAfter: 1 });
  const p = await open(context, `${url}/poll.html?x=1#y`, { ignore });
  await vote(p, 'toilets');

  const submitted = await waitForEvent(p, 'delib-submitted', 10_000);
  const envelope = submitted.detail.envelope;
  assert.deepEqual(
    api.posts.map((post) => post.status),
    [503, 429, 201],
  );
  for (const post of api.posts) {
    assert.equal(post.base, '/api');
    assert.match(post.headers['content-type'], /^application\/json\b/);
    assert.deepEqual(post.body, envelope, 'every attempt sends the same envelope, same id');
  }
  const body = api.posts[0].body;
  assert.deepEqual(Object.keys(body).sort(), ['answer', 'id', 'locale', 'page', 'submittedAt', 'widget', 'widgetId']);
  assert.match(body.id, uuidV4);
  assert.equal(body.widget, 'poll');
  assert.equal(body.widgetId, 'parks-2026');
  assert.equal(new Date(body.submittedAt).toISOString(), body.submittedAt, 'submittedAt is ISO 8601 (UTC, ms)');
  assert.ok(Math.abs(Date.parse(body.submittedAt) - api.posts[0].start) < 5_000);
  assert.equal(body.locale, 'en');
  assert.equal(body.page, `${url}/poll.html`, 'origin and path only');
  assert.deepEqual(body.answer, { choices: ['toilets'] });
  assert.deepEqual(submitted.detail.response, { id: body.id, accepted: true });
  assertDeliveredOnce(api, body.id);
  assert.deepEqual(p.problems, []);
});

test('cross-origin endpoint: CORS preflight, Retry-After, delivered once', budget, async (t) => {
  const { url, api: pagesApi, write, context } = await setup(t);
  const api = createEndpoint();
  const remote = await api.listen();
  t.after(() => remote.close());
  const endpoint = `http://localhost:${remote.port}/api`;
  write('remote.html', page({ body: pollElement({ endpoint }) }));
  // The double sends Access-Control-Expose-Headers: Retry-After, as a cross-origin endpoint must for
  // the widget to read it.
  api.set('ok').next({ mode: '429', retryAfter: 2 });
  const p = await open(context, `${url}/remote.html`, { ignore });
  await vote(p, 'play');

  const submitted = await waitForEvent(p, 'delib-submitted', 10_000);
  const id = submitted.detail.envelope.id;
  assert.ok(api.preflights.length >= 1, 'the browser asked first (JSON is not a simple request)');
  const posts = api.postsFor(id);
  assert.deepEqual(
    posts.map((post) => post.status),
    [429, 201],
  );
  assert.ok(posts[1].start - posts[0].start >= 2_000, 'Retry-After was readable across origins and honoured');
  assertDeliveredOnce(api, id);
  assert.equal(pagesApi.posts.length, 0);
  await waitForThanks(p);
  assert.deepEqual(p.problems, []);
});

/** How many POSTs each of `ids` had; ids never posted count 0. */
const postsPerId = (api, ids) => ids.map((id) => api.postsFor(id).length);

/** The outbox keys in the page's localStorage, whatever their values. */
const outboxKeys = (p) => p.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)), outboxPrefix);

test('damaged outbox entries never keep the others from being delivered, nor break a page load', budget, async (t) => {
  const { url, api, context } = await setup(t);
  api.set('ok');
  const good = [0, 1, 2].map((index) => queuedEntry({ queuedAt: Date.now() - 60_000 + index, widgetId: 'parks-2026' }));
  const valid = queuedEntry();
  await seedStorage(context, url, {
    ...outboxItems(good),
    [`${outboxPrefix}x`]: 'null',
    [`${outboxPrefix}00000000-0000-4000-8000-000000000001`]: '42',
    [`${outboxPrefix}00000000-0000-4000-8000-000000000002`]: '[1,2]',
    [`${outboxPrefix}00000000-0000-4000-8000-000000000003`]: '{"attempts":1}',
    [`${outboxPrefix}00000000-0000-4000-8000-000000000004`]: '{"envelope":{"id":"00000000-0000-4000-8000-000000000004"}}',
    [`${outboxPrefix}00000000-0000-4000-8000-000000000005`]: JSON.stringify({ ...valid, endpoint: 42 }),
    [`${outboxPrefix}00000000-0000-4000-8000-000000000006`]: '{"truncated":',
  });
  const p = await open(context, `${url}/poll.html`, { ignore });
  for (const entry of good) await api.waitForStored(entry.envelope.id);
  await waitForEmptyOutbox(p);
  assert.deepEqual(await outboxKeys(p), [], 'the damaged entries are gone too');
  await p.reload({ waitUntil: 'load', timeout: 10_000 });
  await sleep(1_000);
  assert.deepEqual(
    postsPerId(
      api,
      good.map((entry) => entry.envelope.id),
    ),
    [1, 1, 1],
  );
  assert.deepEqual(p.problems, [], 'no page load threw');
});

test(
  'storage full: the resident is asked to keep the page open, never told it is saved, and it is sent while open',
  budget,
  async (t) => {
    const { url, api, context } = await setup(t);
    api.set('down');
    const p = await open(context, `${url}/poll.html`, { ignore });
    // The council's own site has filled this origin's storage.
    await p.evaluate(() => {
      let chunk = 'x'.repeat(1 << 20);
      for (let count = 0; chunk.length;) {
        try {
          localStorage.setItem(`council:${count++}`, chunk);
        } catch {
          chunk = chunk.slice(0, chunk.length >> 1);
        }
      }
    });
    await vote(p, 'play');
    const queued = await waitForEvent(p, 'delib-queued');
    assert.equal(queued.detail.durable, false, 'delib-queued tells the page it is not durable');
    const id = queued.detail.envelope.id;
    const status = await statusText(p);
    assert.match(status.text, /could not be saved on this device/);
    assert.match(status.text, /please keep it open until your answer has been sent/);
    assert.doesNotMatch(status.text, /It is saved on this device/);
    assert.deepEqual(await outbox(p), {}, 'nothing was written');

    // Closing the tab would lose it: the browser asks first. The person stays.
    if (unsupported('beforeunloadPrompt')) {
      const asks = await p.evaluate(() => {
        const leaving = new Event('beforeunload', { cancelable: true });
        dispatchEvent(leaving);
        return leaving.defaultPrevented;
      });
      assert.equal(asks, true, 'the page asks before it is left');
    } else {
      const asked = new Promise((done) => p.once('dialog', (dialog) => dialog.dismiss().then(() => done(dialog.type()))));
      await p.close({ runBeforeUnload: true });
      assert.equal(await asked, 'beforeunload');
      assert.equal(p.isClosed(), false);
    }

    api.set('ok');
    await waitForEvent(p, 'delib-submitted', 15_000);
    await waitForThanks(p);
    assertDeliveredOnce(api, id);
    assert.deepEqual(p.problems, []);
  },
);

test('130 queued responses: every one delivered once, oldest first, none dropped', { timeout: 60_000 }, async (t) => {
  const { url, api, context } = await setup(t);
  api.set('ok');
  const now = Date.now();
  const entries = Array.from({ length: 130 }, (_, index) => queuedEntry({ queuedAt: now - 600_000 + index * 1000, size: 800 }));
  await seedStorage(context, url, outboxItems(entries));
  const ids = entries.map((entry) => entry.envelope.id);
  const p = await open(context, `${url}/poll.html`, { ignore });
  await api.waitFor(() => ids.every((id) => api.stored.has(id)), 'all 130 to be stored', 45_000);
  await waitForEmptyOutbox(p);
  await sleep(1_000);
  assert.deepEqual(
    postsPerId(api, ids),
    ids.map(() => 1),
    'each POSTed once',
  );
  // Sent strictly oldest first, a few at a time: they arrive in that order, give or take those in flight together.
  const arrival = api.posts.map((post) => ids.indexOf(post.id));
  const outOfOrder = arrival.filter((age, rank) => Math.abs(age - rank) >= 6);
  assert.deepEqual(outOfOrder, [], `arrival order by age: ${arrival.join(' ')}`);
  assert.deepEqual(p.problems, []);
});

test(
  '100 queued 1 KB responses and a slow endpoint: each POSTed once, in each of three runs',
  { timeout: 240_000 },
  async (t) => {
    // Three sites at once, each its own origin and host:port, so each run has the browser's six
    // connections to itself. The endpoint takes 2.5 s per answer: long enough that a hundred requests
    // started together would wait behind those six past the 20 s timeout, after the endpoint had
    // received them, and be sent again.
    const run = async () => {
      const { url, api, context } = await setup(t, {
        'poll.html': page({
          // The page load, the retry timer and the browser coming back online, all at once.
          head: '<script>addEventListener("load", () => [0, 50, 400].forEach((ms) => setTimeout(() => dispatchEvent(new Event("online")), ms)));</script>',
        }),
      });
      api.set('ok', { delayMs: 2_500 });
      const now = Date.now();
      const entries = Array.from({ length: 100 }, (_, index) =>
        queuedEntry({ queuedAt: now - 600_000 + index * 1000, size: 800 }),
      );
      await seedStorage(context, url, outboxItems(entries));
      const ids = entries.map((entry) => entry.envelope.id);
      const p = await open(context, `${url}/poll.html`, { ignore });
      await api.waitFor(() => ids.every((id) => api.stored.has(id)), 'all 100 to be stored', 150_000);
      await sleep(3_000); // a late second POST would show itself
      const twice = ids.filter((id) => api.postsFor(id).length !== 1);
      assert.deepEqual(
        twice.map((id) => `${id}: ${api.postsFor(id).length} POSTs`),
        [],
        `${api.posts.length} POSTs for ${ids.length} responses`,
      );
      for (const id of ids) assert.deepEqual(api.overlaps(id), []);
      await waitForEmptyOutbox(p);
      assert.deepEqual(p.problems, []);
    };
    await Promise.all([run(), run(), run()]);
  },
);

for (const [mode, status] of [
  ['404', 404],
  ['405', 405],
  ['403-html', 403],
]) {
  test(
    `a ${status} from a misconfigured endpoint (${mode}): kept and retried, told to the console, never to the resident`,
    budget,
    async (t) => {
      const { url, api, context } = await setup(t);
      api.set(mode);
      const p = await open(context, `${url}/poll.html`, { ignore });
      await vote(p, 'play');
      const id = (await waitForEvent(p, 'delib-queued')).detail.envelope.id;
      const shown = (await statusText(p)).text;
      assert.match(shown, /saved on this device and will be sent automatically/);
      assert.doesNotMatch(shown, /Nothing at|Access denied|405|404|403/);
      assert.ok((await outbox(p))[id], 'still in the outbox');
      await sleep(500);
      const told = p.problems.filter((problem) => problem.includes('delib: POST'));
      assert.equal(told.length, 1, `one console error: ${p.problems.join('\n')}`);
      assert.ok(told[0].includes(`POST ${url}/api/responses`), told[0]);
      assert.ok(told[0].includes(`answered ${status}`), told[0]);
      assert.ok(told[0].includes('<delib-poll widget-id="parks-2026">'), told[0]);
      assert.match(told[0], /Check the endpoint/);

      api.set('ok'); // the developer fixes the server
      await waitForEvent(p, 'delib-submitted', 15_000);
      await waitForThanks(p);
      // Retried with backoff until the server was fixed: how often depends on how long that took.
      const statuses = api.postsFor(id).map((post) => post.status);
      assert.ok(statuses.length >= 2, `retried: ${statuses}`);
      assert.deepEqual(statuses, [...statuses.slice(0, -1).map(() => status), 201]);
      assert.deepEqual(
        (await events(p)).map((event) => event.type),
        ['delib-submit', 'delib-queued', 'delib-submitted'],
      );
      assert.deepEqual(
        p.problems.filter((problem) => !told.includes(problem)),
        [],
      );
    },
  );
}
