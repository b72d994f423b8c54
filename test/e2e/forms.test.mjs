/**
 * Every widget as a control of the page's own form (CONTRACT.md section 2, `name`), from the built
 * bundle, in each engine: what a person answers by keyboard is in the form's data as JSON and is what
 * the form submits, the widget posts nothing itself, a disabled fieldset takes the widgets out of the
 * tab order and the data, a reset clears them, and coming back to the page finds the answers as they
 * were, put back by the browser's saved form state. Run `npm run build` first.
 *
 *   node --import tsx --test test/e2e/forms.test.mjs      (DELIB_ENGINE=firefox or webkit for the others)
 *
 * @engines chromium firefox webkit
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { accessibleName, findByRole, unsupported } from './engines.mjs';
import { events, open, page, requireBuild, site, sleep } from './pages.mjs';
import { person } from './person.mjs';

requireBuild();

const budget = { timeout: 60_000 };
const tags = ['delib-poll', 'delib-ranking', 'delib-pairwise', 'delib-budget', 'delib-needs-assets'];

/** The consultation form: a postcode and the five widgets in one fieldset, with the page's own buttons. */
const form = (extra = '') => `<p><a href="#consultation">Questions about the park</a></p>
  <form id="consultation" action="/never" method="post">
    <fieldset id="questions">
      <legend>Our park</legend>
      <label>Your postcode <input name="postcode"></label>
      <delib-poll name="vote" widget-id="form-poll" question="Which park improvement matters most to you?">
        <option value="lighting">Better lighting</option>
        <option value="play">New play equipment</option>
      </delib-poll>
      <delib-ranking name="order" widget-id="form-ranking" question="Which parks should be improved first?">
        <option value="alpha">Alpha park</option>
        <option value="bravo">Bravo park</option>
        <option value="charlie">Charlie park</option>
      </delib-ranking>
      <delib-pairwise name="pairs" widget-id="form-pairwise" votes="1">
        <option value="benches">More benches</option>
        <option value="trees">More trees</option>
      </delib-pairwise>
      <delib-budget name="budget" widget-id="form-budget" total="10" step="5" question="How would you share 10 points?">
        <option value="play">Play areas</option>
        <option value="lighting">Lighting</option>
      </delib-budget>
      <delib-needs-assets name="needs" widget-id="form-needs">
        <optgroup label="needs"><option value="food">Food</option></optgroup>
      </delib-needs-assets>
    </fieldset>
    <button id="send">Send</button>
    <button type="reset">Start again</button>
  </form>
  <button type="button" id="lock">Lock the answers</button>
  <p><a href="/elsewhere.html">Read about the park</a></p>
  <script>
    window.submitted = [];
    const consultation = document.getElementById('consultation');
    consultation.addEventListener('submit', (event) => {
      event.preventDefault();
      window.submitted.push(Object.fromEntries(new FormData(consultation)));
    });
    document.getElementById('lock').addEventListener('click', () => {
      const questions = document.getElementById('questions');
      questions.disabled = !questions.disabled;
    });
    addEventListener('pageshow', (event) => (window.fromCache = event.persisted));
    ${extra}
  </script>`;

let browser;
let s;
before(async () => {
  browser = await launch();
  const bundles = [
    '/delib-poll.min.js',
    '/delib-ranking.min.js',
    '/delib-pairwise.min.js',
    '/delib-budget.min.js',
    '/delib-needs-assets.min.js',
  ];
  s = await site(
    {
      'form.html': page({ bundles, body: form() }),
      // An unload handler keeps the page out of the back-forward cache (Chromium, Firefox): coming
      // back, the browser builds it again and puts back the saved state of each form control.
      'form-uncached.html': page({ bundles, body: form("addEventListener('unload', () => {});") }),
      'elsewhere.html': page({ bundles: [], body: '<p>About the park.</p>' }),
    },
    // A page sent with no-store keeps no form state at all in Firefox.
    { cacheControl: 'no-cache' },
  );
});
after(async () => {
  await browser?.close();
  await s?.close();
});

async function openForm(t, file) {
  const context = await browser.createBrowserContext();
  t.after(() => context.close().catch(() => {}));
  const p = await open(context, `${s.url}/${file}`, { tag: null });
  await p.setViewport({ width: 1024, height: 900 });
  for (const tag of tags) await p.waitForFunction((tag) => customElements.get(tag), { timeout: 5_000 }, tag);
  await p.evaluate(async (tags) => {
    await Promise.all(tags.map((tag) => document.querySelector(tag).updateComplete));
  }, tags);
  return p;
}

const formData = (p) => p.evaluate(() => Object.fromEntries(new FormData(document.getElementById('consultation'))));

/** Answers every question by keyboard; gives the form data that should follow. */
async function answerAll(you) {
  await you.tabTo('textbox', 'Your postcode');
  await you.type('CF10 1AA');
  await you.tabTo('radio', 'Better lighting');
  await you.press('ArrowDown');
  await you.focusIs('radio', 'New play equipment', { checked: true });
  // <delib-ranking> starts with nothing ranked: its Add buttons make the order, focus staying on the next one.
  await you.tabTo('button', 'Add Bravo park to your ranking');
  await you.press('Enter');
  await you.focusIs('button', 'Add Charlie park to your ranking');
  await you.tabBackTo('button', 'Add Alpha park to your ranking');
  await you.press('Enter');
  await you.focusIs('button', 'Add Charlie park to your ranking');
  await you.press('Enter');
  const pair = await findByRole(you.page, 'group', 'Which matters more to you?');
  const [first, second] = await pair.$$('button');
  const names = [await accessibleName(you.page, first, 'button'), await accessibleName(you.page, second, 'button')];
  await you.tabTo('button', names[0]);
  await you.press('Enter');
  await you.tabTo('textbox', 'Play areas');
  await you.type('5');
  await you.tabTo('checkbox', 'Food');
  await you.press('Space');
  await you.focusIs('checkbox', 'Food', { checked: true });
  await you.tabTo('button', 'Continue');
  await you.press('Enter');
  await you.focusIs('heading', 'Step 2 of 4 What can you offer?');
  await you.tabTo('checkbox', 'Nothing at the moment');
  await you.press('Space');
  const value = { 'More benches': 'benches', 'More trees': 'trees' };
  return {
    postcode: 'CF10 1AA',
    vote: JSON.stringify({ choices: ['play'] }),
    order: JSON.stringify({ order: ['bravo', 'alpha', 'charlie'] }),
    pairs: JSON.stringify([{ pair: names.map((name) => value[name]), winner: value[names[0]] }]),
    budget: JSON.stringify({ allocation: { play: 5, lighting: 0 } }),
    needs: JSON.stringify({ needs: [{ category: 'food' }], assets: [] }),
  };
}

/** What each widget shows of its answer: the poll's choice, the budget's box, the needs box. */
const shown = (p) =>
  p.evaluate(() => {
    const root = (tag) => document.querySelector(tag).shadowRoot;
    return {
      poll: [...root('delib-poll').querySelectorAll('input:checked')].map((input) => input.value),
      budget: root('delib-budget').querySelector('input[type=text], input[inputmode]')?.value,
      needs: [...root('delib-needs-assets').querySelectorAll('input[type=checkbox]:checked')].map((input) => input.id),
    };
  });

/**
 * Presses Shift+Tab until the link named `name` has focus, and says which elements (by their host in
 * the page) had focus on the way.
 */
async function shiftTabPath(p, name) {
  const passed = [];
  for (let presses = 0; presses < 40; presses++) {
    await p.keyboard.down('Shift');
    await p.keyboard.press('Tab');
    await p.keyboard.up('Shift');
    const where = await p.evaluate(() => ({
      host: document.activeElement?.localName,
      text: document.activeElement?.textContent.trim(),
    }));
    passed.push(where.host);
    if (where.host === 'a' && where.text === name) return passed;
  }
  assert.fail(`Shift+Tab never reached "${name}": ${passed.join(', ')}`);
}

test('answered by keyboard, a disabled fieldset, submitted by the page, then reset', budget, async (t) => {
  const p = await openForm(t, 'form.html');
  const you = person(p);
  const expected = await answerAll(you);
  assert.deepEqual(await formData(p), expected, 'the form data holds every answer as JSON');

  // The page disables the fieldset: the widgets leave the tab order and the form data, and keep their answers.
  await you.tabTo('button', 'Lock the answers');
  await you.press('Enter');
  const passed = await shiftTabPath(p, 'Questions about the park');
  assert.deepEqual(passed, ['button', 'button', 'a'], 'Shift+Tab goes from Start again and Send to the link above the form');
  assert.deepEqual(await formData(p), {}, 'a disabled fieldset leaves every widget out of the form data');
  const enabled = await p.evaluate(
    (tags) =>
      tags.flatMap((tag) =>
        [...document.querySelector(tag).shadowRoot.querySelectorAll('input, button, textarea, select')]
          .filter((control) => !control.matches(':disabled'))
          .map((control) => `${tag} ${control.outerHTML.slice(0, 80)}`),
      ),
    tags,
  );
  assert.deepEqual(enabled, [], 'every control inside the widgets is disabled');
  await you.tabTo('button', 'Lock the answers');
  await you.press('Enter');
  assert.deepEqual(await formData(p), expected, 'enabled again, with the answers kept');

  await you.tabBackTo('button', 'Send');
  await you.press('Enter');
  await p.waitForFunction(() => window.submitted.length > 0, { timeout: 5_000 });
  assert.deepEqual(await p.evaluate(() => window.submitted), [expected], 'the page submitted every answer once');
  await sleep(500);
  assert.equal(s.api.posts.length, 0, 'no widget posted anything itself');
  assert.deepEqual(await events(p), [], 'no delib-submit: the form, not the widgets, submits');

  await you.tabTo('button', 'Start again');
  await you.press('Enter');
  await p.evaluate(async (tags) => {
    await Promise.all(tags.map((tag) => document.querySelector(tag).updateComplete));
  }, tags);
  const reset = await formData(p);
  assert.notEqual(reset.order, expected.order, 'the ranking is no longer the order the person made');
  delete reset.order;
  assert.deepEqual(reset, { postcode: '' }, 'a reset clears every answer');
  assert.deepEqual(await shown(p), { poll: [], budget: '', needs: [] }, 'and what the widgets show');
  assert.deepEqual(p.problems, []);
});

test(
  'back after another page: the browser puts back every answer from its saved form state',
  { ...budget, skip: unsupported('formRestore') },
  async (t) => {
    const p = await openForm(t, 'form-uncached.html');
    const you = person(p);
    const expected = await answerAll(you);
    assert.deepEqual(await formData(p), expected);
    const before = await shown(p);

    await you.tabTo('link', 'Read about the park');
    await you.press('Enter');
    await p.waitForFunction(() => location.pathname === '/elsewhere.html', { timeout: 5_000 });
    await p.goBack();
    for (const tag of tags) await p.waitForFunction((tag) => customElements.get(tag), { timeout: 5_000 }, tag);
    assert.equal(await p.evaluate(() => window.fromCache), false, 'the page was built again, not kept in a cache');
    await p.waitForFunction(() => document.querySelector('input[name=postcode]').value === 'CF10 1AA', { timeout: 5_000 });
    // Restoring is asynchronous in some engines: wait for the widgets, then compare.
    const until = Date.now() + 5_000;
    let restored = await formData(p);
    while (JSON.stringify(restored) !== JSON.stringify(expected) && Date.now() < until) {
      await sleep(100);
      restored = await formData(p);
    }
    assert.deepEqual(restored, expected, 'every answer is back in the form data');
    assert.deepEqual(await shown(p), before, 'and on screen');
    assert.deepEqual(p.problems, []);
  },
);
