/**
 * Closing the loop (issue 10): a poll on a page shows the council's published outcome ("you said, we
 * did") with its results, in English and in Welsh, as text with links and never as markup; and a
 * poll closed at the endpoint (410 code closed) says so, keeps the person's choice and sends nothing
 * more. Against the built script-tag bundle and the endpoint double. Run `npm run build` first.
 *
 *   node --import tsx --test test/e2e/outcome.test.mjs      (DELIB_ENGINE=firefox or webkit for the others)
 *
 * @engines chromium firefox webkit
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import {
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
  vote,
  waitForEvent,
} from './pages.mjs';

requireBuild();

const budget = { timeout: 30_000 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const outcome = {
  text: {
    en: 'You asked for better lighting.\n\nWe will light the riverside path by March: https://council.example/parks.\n\n<script>window.pwned = true</script> javascript:window.pwned=true',
    cy: 'Fe wnaethoch ofyn am well goleuadau.\n\nByddwn yn goleuo llwybr yr afon erbyn mis Mawrth: https://council.example/parciau.',
  },
  publishedAt: '2027-02-01T10:00:00.000Z',
};

/** What the poll's outcome section shows: heading, paragraphs, links, and whether any markup got in. */
const outcomeView = (p) =>
  p.evaluate(() => {
    const section = document.querySelector('delib-poll')?.shadowRoot?.querySelector('[part="outcome"]');
    if (!section) return undefined;
    return {
      heading: section.querySelector('h3')?.textContent,
      paragraphs: [...section.querySelectorAll('p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()),
      links: [...section.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      markup: section.querySelectorAll('script, img').length,
      pwned: window.pwned ?? false,
    };
  });

const waitForOutcome = (p) =>
  p.waitForFunction(() => !!document.querySelector('delib-poll')?.shadowRoot?.querySelector('[part="outcome"]'), {
    timeout: 10_000,
    polling: 50,
  });

async function setup(t, pages) {
  const s = await site(pages);
  const context = await browser.createBrowserContext();
  t.after(async () => {
    await context.close().catch(() => {});
    await s.close();
  });
  return { ...s, context };
}

test('a published outcome is shown with the results, in English and in Welsh, as text with links', budget, async (t) => {
  const english = page({ body: pollElement({ widgetId: 'parks-2026', attributes: 'results="always"' }) });
  const welsh = page({
    body: `<div lang="cy">${pollElement({ widgetId: 'parks-2026', question: 'Pa welliant sydd bwysicaf i chi?', attributes: 'results="always"' })}</div>`,
  });
  const { url, api, context } = await setup(t, { 'en.html': english, 'cy.html': welsh });
  api.outcome('parks-2026', outcome);

  const p = await open(context, `${url}/en.html`);
  await waitForOutcome(p);
  const en = await outcomeView(p);
  assert.equal(en.heading, 'What we did with your answers');
  assert.deepEqual(en.paragraphs.slice(0, 3), [
    'You asked for better lighting.',
    'We will light the riverside path by March: https://council.example/parks.',
    '<script>window.pwned = true</script> javascript:window.pwned=true',
  ]);
  assert.match(en.paragraphs[3], /^Published on 1 February 2027/);
  assert.deepEqual(en.links, ['https://council.example/parks'], 'only the http(s) address is a link');
  assert.equal(en.markup, 0, 'no element from the text');
  assert.equal(en.pwned, false, 'no script ran');
  assert.ok((await pollView(p)).caption, 'the results are shown too');
  assert.deepEqual(p.problems, []);

  await go(p, `${url}/cy.html`);
  await waitForOutcome(p);
  const cy = await outcomeView(p);
  assert.equal(cy.heading, "Beth wnaethom ni gyda'ch atebion");
  assert.equal(cy.paragraphs[0], 'Fe wnaethoch ofyn am well goleuadau.');
  assert.deepEqual(cy.links, ['https://council.example/parciau']);
  assert.match(cy.paragraphs[2], /^Cyhoeddwyd ar /);
  assert.deepEqual(p.problems, []);
});

test(
  'a poll closed at the endpoint (410 closed) says so, keeps the choice, sends nothing more, and shows the outcome',
  budget,
  async (t) => {
    const { url, api, context } = await setup(t, { 'poll.html': page({ body: pollElement({ widgetId: 'closed-2026' }) }) });
    api.set('410').outcome('closed-2026', outcome);
    // The browser logs the refused request itself; that is not a page error.
    const p = await open(context, `${url}/poll.html`, { ignore: [/Failed to load resource/, /410/] });
    await vote(p, 'lighting');

    const refused = await waitForEvent(p, 'delib-error');
    assert.equal(refused.detail.status, 410);
    assert.equal(refused.detail.error.code, 'closed');
    await p.waitForFunction(
      () =>
        /has closed/.test(document.querySelector('delib-poll')?.shadowRoot?.querySelector('[part="status"]')?.textContent ?? ''),
      { timeout: 5_000, polling: 50 },
    );
    const status = await statusText(p);
    assert.deepEqual(status, { role: 'status', text: 'This question has closed, so no more answers are being taken.' });
    const view = await pollView(p);
    assert.deepEqual(view.checked, ['lighting'], 'the choice stays on screen');
    assert.equal(view.hasForm, true);
    const disabled = await p.evaluate(
      () => document.querySelector('delib-poll').shadowRoot.querySelector('[part="submit"]').disabled,
    );
    assert.equal(disabled, true, 'and no more can be sent');
    await waitForOutcome(p);
    assert.ok((await pollView(p)).caption, 'results are shown once closed');
    assert.deepEqual(await outbox(p), {}, 'nothing is kept to retry');
    await sleep(500);
    assert.equal(api.posts.length, 1, 'sent once, never retried');
    assert.deepEqual(p.problems, []);
  },
);
