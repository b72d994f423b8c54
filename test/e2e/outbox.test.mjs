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
  page,
  pollElement,
  pollView,
  requireBuild,
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
