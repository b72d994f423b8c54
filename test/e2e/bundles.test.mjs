/**
 * End-to-end tests of the built script-tag bundles (`dist/delib.min.js`, `dist/delib-poll.min.js`) as
 * a page embeds them: loaded together or twice, endpoint resolution, and form association.
 * Run `npm run build` first.
 *
 *   node --test test/e2e/bundles.test.mjs
 *
 * @engines chromium firefox webkit
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { events, open, outbox, page, pollElement, pollView, requireBuild, site, sleep, vote, waitForEvent } from './pages.mjs';

requireBuild();

const budget = { timeout: 30_000 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function setup(t, pages) {
  const s = await site(pages);
  const context = await browser.createBrowserContext();
  t.after(async () => {
    await context.close().catch(() => {});
    await s.close();
  });
  s.api.set('ok');
  return { ...s, context };
}

const defined = (p) =>
  p.evaluate(() => ({
    poll: typeof customElements.get('delib-poll'),
    provider: typeof customElements.get('delib-provider'),
  }));

/** Votes, waits for `delib-submitted`, and checks one POST, stored once, results shown. */
async function voteAndCheck(p, api, { value = 'play', base = '/api' } = {}) {
  await vote(p, value);
  const submitted = await waitForEvent(p, 'delib-submitted');
  const id = submitted.detail.envelope.id;
  assert.deepEqual(submitted.detail.response, { id, accepted: true });
  await p.waitForFunction(() => !!document.querySelector('delib-poll').shadowRoot.querySelector('[part="results"] caption'), {
    timeout: 5_000,
  });
  await sleep(300);
  assert.equal(api.posts.length, 1, 'one POST, however many copies of delib are on the page');
  assert.equal(api.posts[0].id, id);
  assert.equal(api.posts[0].base, base);
  assert.ok(api.stored.has(id));
  const view = await pollView(p);
  assert.equal(view.caption, 'Results: 1 vote');
  assert.deepEqual(await outbox(p), {});
  return submitted;
}

test('both bundles on one page: no errors, elements defined, the poll works', budget, async (t) => {
  const { url, api, context } = await setup(t, {
    'both.html': page({ bundles: ['/delib-poll.min.js', '/delib.min.js'] }),
    'both-reversed.html': page({ bundles: ['/delib.min.js', '/delib-poll.min.js'] }),
  });
  const p = await open(context, `${url}/both.html`);
  assert.deepEqual(await defined(p), { poll: 'function', provider: 'function' });
  await voteAndCheck(p, api);
  assert.deepEqual(p.problems, []);

  const q = await open(context, `${url}/both-reversed.html`);
  assert.deepEqual(await defined(q), { poll: 'function', provider: 'function' });
  assert.deepEqual(q.problems, []);
});

test(
  'every bundle on one page, all-in-one first and last: no errors, every element defined, the poll works',
  budget,
  async (t) => {
    const each = [
      '/delib-poll.min.js',
      '/delib-ranking.min.js',
      '/delib-pairwise.min.js',
      '/delib-budget.min.js',
      '/delib-needs-assets.min.js',
    ];
    const { url, api, context } = await setup(t, {
      'all-first.html': page({ bundles: ['/delib.min.js', ...each] }),
      'all-last.html': page({ bundles: [...each, '/delib.min.js'] }),
    });
    for (const name of ['all-first.html', 'all-last.html']) {
      const p = await open(context, `${url}/${name}`);
      const tags = await p.evaluate(() =>
        ['delib-poll', 'delib-ranking', 'delib-pairwise', 'delib-budget', 'delib-needs-assets', 'delib-provider'].map(
          (tag) => typeof customElements.get(tag),
        ),
      );
      assert.deepEqual(tags, ['function', 'function', 'function', 'function', 'function', 'function']);
      if (name === 'all-first.html') await voteAndCheck(p, api);
      assert.deepEqual(p.problems, []);
    }
  },
);

test('the same bundle evaluated twice: no errors, the poll works, one POST', budget, async (t) => {
  const { url, api, context } = await setup(t, {
    'twice.html': page({ bundles: ['/delib-poll.min.js?copy=1', '/delib-poll.min.js?copy=2'] }),
  });
  const p = await open(context, `${url}/twice.html`);
  assert.equal(await p.evaluate(() => document.querySelectorAll('script[type=module]').length), 2);
  assert.deepEqual(await defined(p), { poll: 'function', provider: 'function' });
  await voteAndCheck(p, api);
  assert.deepEqual(p.problems, []);
});

test('the all-in-one bundle alone defines both elements and the poll works', budget, async (t) => {
  const { url, api, context } = await setup(t, { 'all.html': page({ bundles: ['/delib.min.js'] }) });
  const p = await open(context, `${url}/all.html`);
  assert.deepEqual(await defined(p), { poll: 'function', provider: 'function' });
  await voteAndCheck(p, api, { value: 'lighting' });
  assert.deepEqual(p.problems, []);
});

test('<delib-provider endpoint> provides the endpoint to a poll inside it', budget, async (t) => {
  const { url, api, context } = await setup(t, {
    'provider.html': page({
      body: `<delib-provider endpoint="/api/provided/"><div><section>${pollElement({ endpoint: null })}</section></div></delib-provider>`,
    }),
  });
  const p = await open(context, `${url}/provider.html`);
  await voteAndCheck(p, api, { base: '/api/provided' });
  assert.equal(api.resultReads.at(-1)?.base, '/api/provided', 'results come from the same endpoint');
  assert.deepEqual(p.problems, []);
});

test('<meta name="delib-endpoint"> is used when nothing nearer says', budget, async (t) => {
  const { url, api, context } = await setup(t, {
    'meta.html': page({ head: '<meta name="delib-endpoint" content="/api/meta">', body: pollElement({ endpoint: null }) }),
  });
  const p = await open(context, `${url}/meta.html`);
  await voteAndCheck(p, api, { base: '/api/meta' });
  assert.deepEqual(p.problems, []);
});

test('endpoint order: own attribute, then provider, then meta', budget, async (t) => {
  const head = '<meta name="delib-endpoint" content="/api/meta">';
  const { url, api, context } = await setup(t, {
    'own.html': page({
      head,
      body: `<delib-provider endpoint="/api/provided">${pollElement({ endpoint: '/api/own' })}</delib-provider>`,
    }),
    'provided.html': page({
      head,
      body: `<delib-provider endpoint="/api/provided">${pollElement({ endpoint: null })}</delib-provider>`,
    }),
  });
  const own = await open(context, `${url}/own.html`);
  await voteAndCheck(own, api, { base: '/api/own' });
  assert.deepEqual(own.problems, []);

  api.posts.length = 0;
  const provided = await open(context, `${url}/provided.html`);
  // The first vote is remembered in this origin: answer again on a poll with another id.
  await provided.evaluate(() => document.querySelector('delib-poll').setAttribute('widget-id', 'parks-2027'));
  await provided.evaluate(() => document.querySelector('delib-poll').updateComplete);
  await voteAndCheck(provided, api, { base: '/api/provided' });
  assert.deepEqual(provided.problems, []);
});

test('inside a <form> with a name: posts nothing, the form data holds the answer as JSON', budget, async (t) => {
  const { url, api, context } = await setup(t, {
    'form.html': page({
      body: `<form id="consultation" action="/never" method="post">
    <label>Your postcode <input name="postcode" value="CF10 1AA"></label>
    ${pollElement({ attributes: 'name="vote"' })}
    <button id="send">Send</button>
  </form>
  <script>
    window.submittedData = [];
    document.getElementById('consultation').addEventListener('submit', (event) => {
      event.preventDefault();
      window.submittedData.push(Object.fromEntries(new FormData(event.target)));
    });
  </script>`,
    }),
  });
  const p = await open(context, `${url}/form.html`);
  let view = await pollView(p);
  assert.equal(view.button, false, 'no Vote button of its own in a form');

  await vote(p, 'toilets', { press: false });
  const answer = JSON.stringify({ choices: ['toilets'] });
  assert.equal(await p.evaluate(() => new FormData(document.getElementById('consultation')).get('vote')), answer);
  assert.equal(await p.evaluate(() => document.querySelector('delib-poll').value), answer);

  // Enter on the chosen radio, then the page's own submit button.
  await p.keyboard.press('Enter');
  await p.click('#send');
  await p.waitForFunction(() => window.submittedData.length > 0, { timeout: 5_000 });
  assert.deepEqual(await p.evaluate(() => window.submittedData.at(-1)), { postcode: 'CF10 1AA', vote: answer });

  await sleep(1_000);
  assert.equal(api.posts.length, 0, 'the widget posted nothing');
  assert.deepEqual(await events(p), [], 'no delib-submit: the form, not the widget, submits');
  assert.deepEqual(await outbox(p), {});
  view = await pollView(p);
  assert.deepEqual(view.checked, ['toilets']);
  assert.equal(view.caption, undefined, 'no results in a form');
  assert.deepEqual(p.problems, []);
});

test('inside a <form> with a name: Enter in the "Other" text box posts nothing either', budget, async (t) => {
  const { url, api, context } = await setup(t, {
    'form-other.html': page({
      body: `<form id="consultation" action="/never" method="post">
    ${pollElement({ attributes: 'name="vote" allow-other' })}
    <button id="send">Send</button>
  </form>
  <script>
    window.submittedData = [];
    document.getElementById('consultation').addEventListener('submit', (event) => {
      event.preventDefault();
      window.submittedData.push(Object.fromEntries(new FormData(event.target)));
    });
  </script>`,
    }),
  });
  const p = await open(context, `${url}/form-other.html`);
  await vote(p, 'other', { press: false });
  const other = await p.waitForSelector('delib-poll >>> input#other-text', { timeout: 5_000 });
  await other.type('A dog park');
  const answer = JSON.stringify({ choices: ['other'], other: 'A dog park' });
  assert.equal(await p.evaluate(() => new FormData(document.getElementById('consultation')).get('vote')), answer);

  await p.keyboard.press('Enter');
  await sleep(1_500);
  assert.deepEqual(await events(p), [], 'no delib-submit');
  assert.equal(api.posts.length, 0, 'the widget posted nothing');
  assert.deepEqual(await outbox(p), {});
  assert.deepEqual(p.problems, []);
});
