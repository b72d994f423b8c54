/**
 * A poll that holds a plain form (CONTRACT.md section 10), against the real reference endpoint: with
 * JavaScript off, a resident answers through the form, comes back to the page at the widget, and the
 * answer is stored and counted; with JavaScript on, the widget reads its question, options and settings
 * from that form and posts as it always does; and when the script cannot be fetched, the form shows after
 * a moment and works. The page passes axe without JavaScript.
 *
 * @engines chromium firefox
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../packages/server/src/cli.ts';
import { launch } from './browser.mjs';
import { sleep } from '../processes.mjs';
import { snippet } from '../../packages/console/src/snippet.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The poll as the snippet builder writes it: a plain form, and nothing else inside the element. */
const poll = (widgetId, script = '/delib.js') => `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Library opening hours</title>
  <link rel="stylesheet" href="/themes/govuk.css">
  <script type="module" src="${script}"></script>
</head>
<body>
<main>
  <h1>Library opening hours</h1>
  <delib-poll>
    <p id="delib-thanks-${widgetId}" hidden>Thank you. Your answer has been received.</p>
    <form method="post" action="/api/responses">
      <input type="hidden" name="widget" value="poll">
      <input type="hidden" name="widgetId" value="${widgetId}">
      <input type="hidden" name="locale" value="en">
      <fieldset>
        <legend>Which day should the library stay open late?</legend>
        <div><input type="radio" name="choices" value="tuesday" id="${widgetId}-tuesday"> <label for="${widgetId}-tuesday">Tuesday</label></div>
        <div><input type="radio" name="choices" value="wednesday" id="${widgetId}-wednesday" aria-describedby="${widgetId}-wednesday-hint"> <label for="${widgetId}-wednesday">Wednesday</label>
          <p id="${widgetId}-wednesday-hint">Market day in the town centre</p></div>
        <div><input type="radio" name="choices" value="thursday" id="${widgetId}-thursday"> <label for="${widgetId}-thursday">Thursday</label></div>
      </fieldset>
      <button>Vote</button>
    </form>
  </delib-poll>
  <p id="after">The council will say what it decided in March.</p>
</main>
</body>
</html>
`;

/** A page around one widget's element. */
const pageAround = (title, element) => `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="stylesheet" href="/themes/govuk.css">
  <script type="module" src="/delib.js"></script>
</head>
<body><main><h1>${title}</h1>
${element}
</main></body>
</html>
`;

const hidden = (widget, widgetId) =>
  `<input type="hidden" name="widget" value="${widget}"><input type="hidden" name="widgetId" value="${widgetId}"><input type="hidden" name="locale" value="en">`;
const numberBox = (name, id, label) =>
  `<p><label for="${id}">${label}</label> <input type="number" name="${name}" id="${id}" min="0" inputmode="numeric"></p>`;

/** The other widgets' plain forms, with what a resident fills in and what the endpoint then counts. */
const others = {
  ranking: {
    page: pageAround(
      'Town centre priorities',
      `<delib-ranking><form method="post" action="/api/responses">${hidden('ranking', 'town-ranking')}
      <fieldset><legend>Which matter most to you?</legend><p>Number them: 1 for the most important.</p>
      ${numberBox('rank.parks', 'r-parks', 'Parks')}${numberBox('rank.roads', 'r-roads', 'Roads')}${numberBox('rank.libraries', 'r-libraries', 'Libraries')}
      </fieldset><button>Submit ranking</button></form></delib-ranking>`,
    ),
    // By keyboard from the top of the page: Parks 2, Roads blank, Libraries 1, then the button.
    keys: ['Tab', '2', 'Tab', 'Tab', '1', 'Tab', 'Enter'],
    items: ['Parks', 'Roads', 'Libraries'],
    counted: (results) => results.items.map((item) => item.id).slice(0, 2),
    expected: ['libraries', 'parks'],
  },
  budget: {
    page: pageAround(
      'Ward fund',
      `<delib-budget total="100"><form method="post" action="/api/responses">${hidden('budget', 'ward-budget')}
      <fieldset><legend>How would you share 100 points?</legend>
      ${numberBox('allocation.trees', 'b-trees', 'Street trees')}${numberBox('allocation.crossing', 'b-crossing', 'A zebra crossing')}
      </fieldset><button>Submit</button></form></delib-budget>`,
    ),
    keys: ['Tab', '60', 'Tab', '40', 'Tab', 'Enter'],
    items: ['Street trees', 'A zebra crossing'],
    counted: (results) => Object.fromEntries(results.items.map((item) => [item.id, item.total])),
    expected: { trees: 60, crossing: 40 },
  },
  'needs-assets': {
    page: pageAround(
      'Our neighbourhood',
      `<delib-needs-assets><form method="post" action="/api/responses">${hidden('needs-assets', 'penrhos-needs')}
      <fieldset><legend>What does your community need?</legend>
        <p><input type="checkbox" name="needs" value="food" id="n-food"> <label for="n-food">Affordable food</label></p>
        <p><label for="n-food-detail">Tell us more (optional)</label> <input type="text" name="detail.food" id="n-food-detail"></p>
        <p><input type="checkbox" name="needs" value="company" id="n-company"> <label for="n-company">Company and friendship</label></p>
      </fieldset>
      <fieldset><legend>What could you offer?</legend>
        <p><input type="checkbox" name="assets" value="time" id="a-time"> <label for="a-time">Time to volunteer</label></p>
      </fieldset>
      <button>Send</button></form></delib-needs-assets>`,
    ),
    keys: ['Tab', 'Space', 'Tab', 'A lunch club', 'Tab', 'Tab', 'Space', 'Tab', 'Enter'],
    items: ['Affordable food', 'Company and friendship'],
    counted: (results) => ({ needs: results.needs, assets: results.assets }),
    expected: { needs: { food: 1 }, assets: { time: 1 } },
  },
  // Pairwise needs the script; its page offers a poll instead, under an id of its own (a widget id is
  // one kind of widget), and the pairwise widget reads its ideas from that poll's choices.
  pairwise: {
    page: pageAround(
      'Ideas for Penrhos',
      `<delib-pairwise widget-id="penrhos-ideas" votes="1"><form method="post" action="/api/responses">${hidden('poll', 'penrhos-ideas-without-script')}
      <fieldset><legend>Which idea matters most to you?</legend>
        <p><input type="radio" name="choices" value="crossing" id="p-crossing"> <label for="p-crossing">A zebra crossing</label></p>
        <p><input type="radio" name="choices" value="trees" id="p-trees"> <label for="p-trees">Street trees</label></p>
      </fieldset><button>Vote</button></form></delib-pairwise>`,
    ),
    keys: ['Tab', 'Space', 'Tab', 'Enter'],
    resultsKind: 'poll',
    items: ['A zebra crossing', 'Street trees'],
    counted: (results) => results.counts,
    expected: { crossing: 1 },
    enhancedTotal: 1,
  },
};

/** A widget as the snippet builder writes it (its script and theme left to the page around it). */
const built = (settings) =>
  snippet({ language: 'en', theme: 'govuk', closes: '', results: 'after-submit', suggestions: false, ...settings }, '')
    .split('\n')
    .slice(2)
    .join('\n');
const builtNeeds = built({ kind: 'needs-assets', widgetId: 'penrhos-built', question: '', options: [] });
const builtPoll = built({
  kind: 'poll',
  widgetId: 'library-built',
  question: 'Which day should the library stay open late?',
  options: ['Tuesday', 'Thursday'],
});

let server;
let browser;
const folder = mkdtempSync(join(tmpdir(), 'delib-no-script-'));

before(async () => {
  writeFileSync(join(folder, 'plain.html'), poll('library-plain'));
  writeFileSync(join(folder, 'enhanced.html'), poll('library-enhanced'));
  writeFileSync(join(folder, 'blocked.html'), poll('library-blocked', '/missing/delib.js'));
  for (const [kind, { page }] of Object.entries(others)) writeFileSync(join(folder, `${kind}.html`), page);
  writeFileSync(join(folder, 'built-needs.html'), pageAround('What Penrhos needs', builtNeeds));
  writeFileSync(join(folder, 'built-poll.html'), pageAround('Library opening hours', builtPoll));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `file:${join(folder, 'delib.sqlite')}`,
    staticRoots: [folder, join(repo, 'dist')],
    logger: false,
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * axe's findings on a page as a browser without the script shows it: axe is itself a script, so it runs on
 * a copy of the page with scripting on and the widget's script left out.
 */
async function axeWithoutScript(html) {
  const check = await browser.newPage();
  try {
    await check.setContent(html.replace(/<script[^>]*><\/script>/, ''));
    await check.evaluate(axeSource);
    return await check.evaluate(async () => {
      const { violations } = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
  } finally {
    await check.close();
  }
}

const counted = async (widgetId) =>
  (await (await fetch(new URL(`/api/results/${widgetId}?widget=poll`, server.url))).json()).counts;

describe('a poll that holds a plain form', () => {
  test('with JavaScript off: at 320 px, answered by keyboard through the form, back at the page, stored and counted; axe-clean', async () => {
    const plain = await launch({ javascript: false });
    const page = await plain.newPage();
    try {
      await page.setViewport({ width: 320, height: 640 });
      await page.goto(new URL('/plain.html', server.url).href);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'fits 320 px');
      assert.equal(await page.$eval('delib-poll', (poll) => !!poll.shadowRoot), false, 'no script ran');
      assert.equal(await page.$eval('delib-poll form', (form) => getComputedStyle(form).visibility), 'visible');
      await page.focus('#library-plain-wednesday');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(new URL(page.url()).pathname, '/plain.html');
      assert.equal(new URL(page.url()).hash, '#delib-thanks-library-plain');
      assert.ok(
        await page.$eval('#delib-thanks-library-plain', (line) => line.checkVisibility()),
        'the theme shows the thank-you line',
      );
      assert.deepEqual(await counted('library-plain'), { wednesday: 1 });

      assert.deepEqual(await axeWithoutScript(readFileSync(join(folder, 'plain.html'), 'utf8')), []);
    } finally {
      await plain.close();
    }
  });

  test('with JavaScript on: the widget reads question, options, hint, id and endpoint from the form, and posts', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(new URL('/enhanced.html', server.url).href);
      await page.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('input'));
      const shown = await page.evaluate(() => {
        const root = document.querySelector('delib-poll').shadowRoot;
        return {
          question: root.querySelector('legend').textContent.trim(),
          options: [...root.querySelectorAll('label.choice')].map((label) => label.innerText.replace(/\s+/g, ' ').trim()),
          formShown: document.querySelector('delib-poll form').checkVisibility(),
        };
      });
      assert.deepEqual(shown, {
        question: 'Which day should the library stay open late?',
        options: ['Tuesday', 'Wednesday Market day in the town centre', 'Thursday'],
        formShown: false,
      });
      await page.evaluate(() => {
        const root = document.querySelector('delib-poll').shadowRoot;
        root.querySelector('input[value=thursday]').click();
        root.querySelector('[part~=submit]').click();
      });
      await page.waitForFunction(() => document.querySelector('delib-poll').shadowRoot.querySelector('[part~=status].submitted'));
      assert.equal(new URL(page.url()).pathname, '/enhanced.html', 'no page load: the widget posted itself');
      assert.deepEqual(await counted('library-enhanced'), { thursday: 1 });
    } finally {
      await page.close();
    }
  });

  test('when the script cannot be fetched, the form is hidden at first (no flash), then shows and works', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(new URL('/blocked.html', server.url).href);
      const early = await page.$eval('delib-poll form', (form) => getComputedStyle(form).visibility);
      assert.equal(early, 'hidden', 'hidden while the script may still come');
      await page.waitForFunction(() => getComputedStyle(document.querySelector('delib-poll form')).visibility === 'visible', {
        timeout: 10_000,
      });
      // Shown at its own height: the room kept for the widget is given back, nothing is cut off or overlaps.
      const fits = await page.$eval('delib-poll form', (form) => form.getBoundingClientRect().height >= form.scrollHeight - 1);
      assert.ok(fits, 'the form takes its own height once shown');
      await page.click('#library-blocked-tuesday');
      await Promise.all([page.waitForNavigation(), page.click('delib-poll button')]);
      assert.equal(new URL(page.url()).hash, '#delib-thanks-library-blocked');
      assert.deepEqual(await counted('library-blocked'), { tuesday: 1 });
    } finally {
      await page.close();
    }
  });

  for (const [kind, widget] of Object.entries(others)) {
    test(`${kind}: with JavaScript off, at 320 px, answered by keyboard through its form and counted; with it on, the widget shows the form's items`, async () => {
      const plain = await launch({ javascript: false });
      try {
        const page = await plain.newPage();
        // A phone held upright, 320 px wide: nothing is cut off or needs scrolling sideways.
        await page.setViewport({ width: 320, height: 640 });
        await page.goto(new URL(`/${kind}.html`, server.url).href);
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'fits 320 px');
        // Keys only: with scripting off, nothing the test does may need a script in the page.
        const keys = [...widget.keys];
        const last = keys.pop();
        for (const key of keys) await (['Tab', 'Space'].includes(key) ? page.keyboard.press(key) : page.keyboard.type(key));
        await Promise.all([page.waitForNavigation(), page.keyboard.press(last)]);
        const widgetId = new URL(page.url()).hash.replace('#delib-thanks-', '');
        assert.ok(widgetId, `back at the widget: ${page.url()}`);
        const results = await (
          await fetch(new URL(`/api/results/${widgetId}?widget=${widget.resultsKind ?? kind}`, server.url))
        ).json();
        assert.equal(results.total, 1);
        assert.deepEqual(widget.counted(results), widget.expected);
        assert.deepEqual(await axeWithoutScript(widget.page), []);
      } finally {
        await plain.close();
      }
      const page = await browser.newPage();
      try {
        await page.goto(new URL(`/${kind}.html`, server.url).href);
        await page.waitForFunction(
          (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('button'),
          {},
          `delib-${kind}`,
        );
        const text = await page.$eval(`delib-${kind}`, (element) => element.shadowRoot.querySelector('form, fieldset').innerText);
        for (const label of widget.items) assert.ok(text.includes(label), `${label} in ${text}`);
        assert.equal(await page.$eval(`delib-${kind} > form`, (form) => form.checkVisibility()), false);
        // And it posts as it always has: through each step, ticking the first box of a step that has
        // boxes, giving a budget's amounts, ranking every item, then sending.
        await page.evaluate(async (tag) => {
          const element = document.querySelector(tag);
          const root = element.shadowRoot;
          for (let step = 0; step < 8; step++) {
            await element.updateComplete;
            const amounts = [...root.querySelectorAll('input[inputmode=numeric]')];
            amounts.forEach((input, index) => {
              input.value = index ? '40' : '60';
              input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            });
            // A ranking: Add each item, in the order shown.
            for (let add; (add = root.querySelector('li.not-ranked button.add')); await element.updateComplete) add.click();
            const boxes = [...root.querySelectorAll('[part~=checkbox]:not([id$=-none]):not(#consent)')];
            if (boxes.length && !boxes.some((box) => box.checked)) boxes[0].click();
            await element.updateComplete;
            const choice = root.querySelector('button.choice'); // a pairwise vote is sent as it is made
            if (choice) return choice.click();
            const send = root.querySelector('[part~=submit]');
            if (send) return send.click();
            root.querySelector('[part~=continue]').click();
          }
        }, `delib-${kind}`);
        // Delivered: the endpoint counts it (the widgets say so each in their own way).
        const widgetId = await page.$eval(`delib-${kind}`, (element) => element.widgetId);
        const expected = widget.enhancedTotal ?? 2;
        let results;
        for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(200)) {
          results = await (await fetch(new URL(`/api/results/${widgetId}?widget=${kind}`, server.url))).json();
          if (results.total >= expected) break;
        }
        assert.equal(results.total, widget.enhancedTotal ?? 2, "the plain form's answer and the widget's");
      } finally {
        await page.close();
      }
    });
  }

  test('needs-and-assets from the snippet builder: with JavaScript off, answered by keyboard at 320 px and counted; with it on, the widget asks the same categories', async () => {
    const plain = await launch({ javascript: false });
    try {
      const page = await plain.newPage();
      await page.setViewport({ width: 320, height: 640 });
      await page.goto(new URL('/built-needs.html', server.url).href);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'fits 320 px');
      await page.focus('#delib-penrhos-built-needs-food');
      await page.keyboard.press('Space');
      await page.focus('#delib-penrhos-built-assets-other');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.type('A van on Saturdays');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Penrhos');
      // Enter in a text box sends the form, as it does on any page.
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(new URL(page.url()).hash, '#delib-thanks-penrhos-built');
      assert.ok(await page.$eval('#delib-thanks-penrhos-built', (line) => line.checkVisibility()));
      const results = await (await fetch(new URL('/api/results/penrhos-built?widget=needs-assets', server.url))).json();
      assert.equal(results.total, 1);
      assert.deepEqual({ needs: results.needs, assets: results.assets }, { needs: { food: 1 }, assets: { other: 1 } });
      assert.deepEqual(await axeWithoutScript(pageAround('What Penrhos needs', builtNeeds)), []);
    } finally {
      await plain.close();
    }
    const page = await browser.newPage();
    try {
      await page.goto(new URL('/built-needs.html', server.url).href);
      await page.waitForFunction(() =>
        document.querySelector('delib-needs-assets')?.shadowRoot?.querySelector('[part~=checkbox]'),
      );
      const labels = await page.$eval('delib-needs-assets', (element) =>
        [...element.shadowRoot.querySelectorAll('label')].map((label) => label.innerText.trim()),
      );
      for (const label of ['Housing', 'Food', 'Digital access', 'Something else'])
        assert.ok(labels.includes(label), `${label} in ${labels}`);
      assert.equal(await page.$eval('delib-needs-assets > form', (form) => form.checkVisibility()), false);
    } finally {
      await page.close();
    }
  });

  test('a refused form comes back to its page: without JavaScript the page says it was not sent; with it the widget shows the error summary', async () => {
    const plain = await launch({ javascript: false });
    let refusedAt;
    try {
      const page = await plain.newPage();
      await page.goto(new URL('/built-poll.html?from=news', server.url).href);
      // Nothing chosen: the endpoint refuses, and sends the person back.
      await page.focus('delib-poll button');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      refusedAt = new URL(page.url());
      assert.equal(refusedAt.pathname, '/built-poll.html');
      assert.equal(refusedAt.searchParams.get('from'), 'news');
      assert.equal(refusedAt.searchParams.get('delib-refused'), 'library-built');
      assert.equal(refusedAt.hash, '#delib-refused-library-built');
      assert.ok(await page.$eval('#delib-refused-library-built', (line) => line.checkVisibility()), 'the not-sent line shows');
      assert.equal(await page.$eval('#delib-thanks-library-built', (line) => line.checkVisibility()), false);
      assert.ok(await page.$eval('delib-poll form', (form) => form.checkVisibility()), 'the form is there to answer again');
      const stored = await fetch(new URL('/api/results/library-built?widget=poll', server.url));
      assert.ok(stored.status === 404 || (await stored.json()).total === 0, 'nothing stored');
    } finally {
      await plain.close();
    }
    const page = await browser.newPage();
    try {
      await page.goto(refusedAt.href);
      await page.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('.summary'));
      const shown = await page.evaluate(() => {
        const root = document.querySelector('delib-poll').shadowRoot;
        return {
          summary: root.querySelector('.summary').textContent,
          focused: root.activeElement?.classList.contains('summary'),
        };
      });
      assert.match(shown.summary, /There is a problem[\s\S]*Select an option/);
      assert.equal(shown.focused, true, 'focus is on the summary, as GOV.UK does on a page with errors');
      assert.equal(new URL(page.url()).search, '?from=news', 'the address loses what was read');
    } finally {
      await page.close();
    }
  });
});
