/**
 * Walk-throughs of each widget as residents do them, against the built script-tag bundles (issue 4:
 * "each widget can be completed by mouse, by touch, by keyboard alone and with a screen reader, and
 * posts the contract's answer"). Run `npm run build` first.
 *
 *   node --import tsx --test test/e2e/walkthrough.test.mjs      (DELIB_ENGINE=firefox or webkit for the others)
 *
 * - Screen reader: every control is found by its accessible role and name, and only the keyboard
 *   acts. After each step the test reads, from the engine's own accessibility computation (see
 *   engines.mjs), what a screen reader would hear from the polite live region (role=status) and
 *   what has focus.
 * - Touch: a 375×667 touch screen; taps on the centres of controls found by role and name, and for
 *   the ranking a touch drag on an item's grip.
 * - Mouse: clicks, and for the ranking a mouse drag.
 *
 * Each ends by checking that the endpoint received exactly one envelope per response, whose `answer`
 * is the contract's (CONTRACT.md sections 2 and 4).
 *
 * @engines chromium firefox webkit
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { accessibleName, findByRole, unsupported } from './engines.mjs';
import { go, open, page, pollElement, requireBuild, site, sleep, uuidV4 } from './pages.mjs';
import { person } from './person.mjs';

requireBuild();

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const viewports = {
  keyboard: { width: 1024, height: 768 },
  mouse: { width: 1024, height: 768 },
  touch: { width: 375, height: 667, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

/**
 * Opens the widget's page in a fresh context with the endpoint double, lets `walk` complete it, and
 * checks that the endpoint got exactly the answers `walk` returns, one envelope each, and no errors.
 */
async function walkThrough(t, widget, mode, walk) {
  const file = `${widget.kind}.html`;
  const head = '<meta name="viewport" content="width=device-width, initial-scale=1">';
  const s = await site({ [file]: page({ head, body: widget.body, bundles: [widget.bundle] }) });
  const context = await browser.createBrowserContext();
  t.after(async () => {
    await context.close().catch(() => {});
    await s.close();
  });
  // A moment in flight, so that "Sending…" is a state a screen reader can hear.
  s.api.set('ok', { delayMs: mode === 'keyboard' ? 300 : 0 });
  const p = await open(context);
  await p.setViewport(viewports[mode]);
  await go(p, `${s.url}/${file}`, widget.tag);

  const expected = await walk(person(p, mode));

  await s.api.waitForPosts(expected.length);
  await sleep(300);
  assert.deepEqual(
    s.api.posts.map((post) => post.body?.answer),
    expected,
    'one POST per response, each with the contract answer',
  );
  for (const post of s.api.posts) {
    assert.equal(post.status, 201);
    assert.match(post.body.id, uuidV4);
    assert.equal(post.body.widget, widget.kind);
    assert.equal(post.body.widgetId, widget.widgetId);
    assert.equal(post.body.locale, 'en');
    assert.equal(post.body.page, `${s.url}/${file}`);
  }
  assert.equal(new Set(s.api.posts.map((post) => post.id)).size, expected.length, 'a new id per response');
  assert.deepEqual(p.problems, [], 'no page errors');
}

// ---- the widgets --------------------------------------------------------------------------------

const poll = {
  kind: 'poll',
  tag: 'delib-poll',
  bundle: '/delib-poll.min.js',
  widgetId: 'parks-2026',
  body: pollElement(),
};

const ranking = {
  kind: 'ranking',
  tag: 'delib-ranking',
  bundle: '/delib-ranking.min.js',
  widgetId: 'parks-ranking',
  body: `<delib-ranking widget-id="parks-ranking" endpoint="/api" question="Which parks should be improved first?">
    <option value="alpha">Alpha park</option>
    <option value="bravo">Bravo park</option>
    <option value="charlie">Charlie park</option>
    <option value="delta">Delta park</option>
  </delib-ranking>`,
};

const pairwise = {
  kind: 'pairwise',
  tag: 'delib-pairwise',
  bundle: '/delib-pairwise.min.js',
  widgetId: 'parks-pairwise',
  body: `<delib-pairwise widget-id="parks-pairwise" endpoint="/api" votes="3">
    <option value="lighting">Better lighting</option>
    <option value="play">Play areas</option>
    <option value="toilets">Public toilets</option>
    <option value="benches">More benches</option>
  </delib-pairwise>`,
};

const budget = {
  kind: 'budget',
  tag: 'delib-budget',
  bundle: '/delib-budget.min.js',
  widgetId: 'parks-budget',
  body: `<delib-budget widget-id="parks-budget" endpoint="/api" total="100" step="5" question="How would you share 100 points across the park?">
    <option value="play">Play areas</option>
    <option value="lighting">Lighting</option>
    <option value="toilets">Public toilets</option>
    <option value="trees">Trees and planting</option>
  </delib-budget>`,
};

const needsAssets = {
  kind: 'needs-assets',
  tag: 'delib-needs-assets',
  bundle: '/delib-needs-assets.min.js',
  widgetId: 'our-neighbourhood',
  body: `<delib-needs-assets widget-id="our-neighbourhood" endpoint="/api" privacy-url="/privacy.html">
    <optgroup label="needs">
      <option value="food">Food</option>
      <option value="safety">Feeling safe</option>
    </optgroup>
  </delib-needs-assets>`,
};

/**
 * After a vote: waits until the live region says `said` and then names the pair now on screen
 * ("Pair 2 of 3: A or B?"), and gives that pair.
 */
async function nextPairHeard(you, said) {
  await you.page.waitForFunction(
    (said) =>
      document.querySelector('delib-pairwise').shadowRoot.querySelector('[role=status]').textContent.trim().startsWith(said),
    {},
    said,
  );
  const pair = await currentPair(you.page);
  await you.hears(`${said}${pair[0]} or ${pair[1]}?`);
  return pair;
}

/** The pair on screen, by the names the engine gives the first two buttons of the pair's group. */
async function currentPair(p) {
  const group = await findByRole(p, 'group', 'Which matters more to you?');
  const [first, second] = await group.$$('button');
  assert.ok(first && second, 'the pair is on screen');
  return [await accessibleName(p, first, 'button'), await accessibleName(p, second, 'button')];
}

const pairwiseValues = {
  'Better lighting': 'lighting',
  'Play areas': 'play',
  'Public toilets': 'toilets',
  'More benches': 'benches',
};
const values = (labels) => labels.map((label) => pairwiseValues[label]);

const walks = {
  poll: {
    async keyboard(you) {
      await you.press('Tab');
      await you.focusIs('radio', 'Better lighting', { checked: false });
      await you.tabTo('button', 'Vote');
      // Nothing chosen: the error summary takes focus and links to the options.
      await you.press('Enter');
      await you.focusIs('group', 'There is a problem');
      await you.press('Tab');
      await you.focusIs('link', 'Select an option');
      await you.press('Enter');
      await you.focusIs('radio', 'Better lighting', { checked: false });
      await you.press('ArrowDown');
      await you.focusIs('radio', 'New play equipment', { checked: true });
      await you.tabTo('button', 'Vote');
      await you.press('Space');
      await you.hears('Sending…');
      await you.hears('Thank you. Your vote has been counted.');
      await you.focusIs('group', 'Which park improvement matters most to you? You voted for: New play equipment.');
      return [{ choices: ['play'] }];
    },
    async pointer(you) {
      await you.hit('radio', 'Better lighting');
      await you.hit('radio', 'Public toilets');
      await you.hit('button', 'Vote');
      await you.hears('Thank you. Your vote has been counted.');
      return [{ choices: ['toilets'] }];
    },
  },

  ranking: {
    // Nothing is ranked at first: the person makes the whole order, and Submit before that only says what is left.
    async keyboard(you) {
      await you.press('Tab');
      await you.focusIs('listitem', 'Alpha park, not ranked');
      await you.press('ArrowDown');
      await you.focusIs('listitem', 'Bravo park, not ranked');
      await you.press('Space');
      await you.hears(
        'Bravo park picked up, not ranked. Use the up and down arrow keys to move it, Space or Enter to drop it, Escape to cancel.',
      );
      await you.press('ArrowUp');
      await you.hears('Bravo park, position 1 of 4');
      await you.focusIs('listitem', 'Bravo park, position 1 of 4');
      await you.press('Space');
      await you.hears('Bravo park dropped at position 1 of 4.');

      // The Add buttons: focus stays among the items not ranked, on the next Add button.
      await you.tabTo('button', 'Add Delta park to your ranking');
      await you.press('Enter');
      await you.hears('Delta park added at position 2 of 4.');
      await you.focusIs('button', 'Add Charlie park to your ranking');
      await you.press('Enter');
      await you.hears('Charlie park added at position 3 of 4.');
      await you.focusIs('button', 'Add Alpha park to your ranking');

      // Submit too early: the error summary says what is left and leads to it.
      await you.tabTo('button', 'Submit ranking');
      await you.press('Enter');
      await you.focusIs('group', 'There is a problem');
      await you.press('Tab');
      await you.focusIs('link', 'Add 1 more item to your ranking: you have ranked 3 of 4');
      await you.press('Enter');
      await you.focusIs('listitem', 'Alpha park, not ranked');
      await you.press('Tab');
      await you.focusIs('button', 'Add Alpha park to your ranking');
      await you.press('Enter');
      await you.hears('Alpha park added at position 4 of 4.');
      await you.focusIs('listitem', 'Alpha park, position 4 of 4');

      // Picked up, moved, and put back with Escape.
      await you.press('Enter');
      await you.hears(
        'Alpha park picked up, position 4 of 4. Use the up and down arrow keys to move it, Space or Enter to drop it, Escape to cancel.',
      );
      await you.press('Home');
      await you.hears('Alpha park, position 1 of 4');
      await you.focusIs('listitem', 'Alpha park, position 1 of 4');
      await you.press('Escape');
      await you.hears('Move cancelled. Alpha park is back at position 4 of 4.');
      await you.focusIs('listitem', 'Alpha park, position 4 of 4');

      await you.press('Enter');
      await you.press('ArrowUp', 2);
      await you.hears('Alpha park, position 2 of 4');
      await you.press('Enter');
      await you.hears('Alpha park dropped at position 2 of 4.');

      // The item's own buttons: Up to the top, where Up is disabled and focus moves to Down.
      await you.press('Tab');
      await you.focusIs('button', 'Move Alpha park up');
      await you.press('Enter');
      await you.hears('Alpha park, position 1 of 4');
      await you.focusIs('button', 'Move Alpha park down');
      await you.press('Enter');
      await you.hears('Alpha park, position 2 of 4');
      await you.focusIs('button', 'Move Alpha park down');

      await you.tabTo('button', 'Submit ranking');
      await you.press('Enter');
      await you.hears('Sending…');
      await you.hears('Thank you. Your ranking has been counted.');
      // The answer takes focus, named by what it says (a group: a generic element has no name in Firefox or WebKit).
      await you.focusIs(
        'group',
        'Which parks should be improved first? Your ranking: Bravo park, Alpha park, Delta park and Charlie park',
      );
      return [{ order: ['bravo', 'alpha', 'delta', 'charlie'] }];
    },
    async pointer(you, pointer) {
      await you.hit('button', 'Add Charlie park to your ranking');
      await you.hears('Charlie park added at position 1 of 4.');
      await you.hit('button', 'Add Alpha park to your ranking');
      await you.hears('Alpha park added at position 2 of 4.');
      await you.hit('button', 'Submit ranking');
      await you.find('group', 'There is a problem');
      // Delta, not ranked, dragged above the first ranked item: by its grip with a finger, anywhere with the mouse.
      const first = await you.find('listitem', 'Charlie park, position 1 of 4');
      await first.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      const item = await you.find('listitem', 'Delta park, not ranked');
      const handle = pointer === 'touch' ? await item.$('[part="grip"]') : item;
      const box = await handle.boundingBox();
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await you.drag(from, { x: from.x, y: (await first.boundingBox()).y + 4 });
      await you.hears('Delta park dropped at position 1 of 4.');
      await you.hit('button', 'Add Bravo park to your ranking');
      await you.hears('Bravo park added at position 4 of 4.');
      await you.hit('button', 'Move Alpha park up');
      await you.hears('Alpha park, position 2 of 4');
      await you.hit('button', 'Submit ranking');
      await you.hears('Thank you. Your ranking has been counted.');
      return [{ order: ['delta', 'alpha', 'charlie', 'bravo'] }];
    },
  },

  pairwise: {
    async keyboard(you) {
      const first = await currentPair(you.page);
      await you.press('Tab');
      await you.focusIs('button', first[0]);
      await you.press('Enter');
      const second = await nextPairHeard(you, `You chose ${first[0]} over ${first[1]}. Pair 2 of 3: `);
      // The same button now offers the next pair's first item; 2 chooses the second.
      await you.focusIs('button', second[0]);
      await you.press('2');
      const third = await nextPairHeard(you, `You chose ${second[1]} over ${second[0]}. Pair 3 of 3: `);
      await you.tabTo('button', "I can't decide");
      await you.press('Space');
      await you.hears(`You could not decide between ${third[0]} and ${third[1]}. That was the last pair. Thank you.`);
      await you.focusIs('group', 'Which matters more to you? You compared 3 pairs.');
      return [
        { pair: values(first), winner: values(first)[0] },
        { pair: values(second), winner: values(second)[1] },
        { pair: values(third), winner: null },
      ];
    },
    async pointer(you) {
      const first = await currentPair(you.page);
      await you.hit('button', first[0]);
      const second = await nextPairHeard(you, `You chose ${first[0]} over ${first[1]}. Pair 2 of 3: `);
      await you.hit('button', second[1]);
      const third = await nextPairHeard(you, `You chose ${second[1]} over ${second[0]}. Pair 3 of 3: `);
      await you.hit('button', "I can't decide");
      await you.hears(`You could not decide between ${third[0]} and ${third[1]}. That was the last pair. Thank you.`);
      return [
        { pair: values(first), winner: values(first)[0] },
        { pair: values(second), winner: values(second)[1] },
        { pair: values(third), winner: null },
      ];
    },
  },

  budget: {
    async keyboard(you) {
      await you.tabTo('textbox', 'Play areas');
      await you.type('70');
      await you.hears('30 points left to share out, of 100 points.');
      await you.tabTo('textbox', 'Lighting');
      await you.type('50');
      await you.hears('You have given 20 points more than the 100 points you have.');
      await you.tabTo('button', 'Submit');
      await you.press('Enter');
      const overspent = 'You have given 20 points too many. Take 20 points away so that you give no more than 100 points';
      await you.focusIs('group', 'There is a problem');
      await you.press('Tab');
      await you.focusIs('link', overspent);
      await you.press('Enter');
      await you.focusIs('textbox', 'Play areas');
      await you.press('Backspace', 2);
      await you.type('40');
      await you.hears('10 points left to share out, of 100 points.');
      // Up and Down in a box step by `step`.
      await you.press('ArrowUp', 2);
      await you.hears('You have shared out all 100 points.');
      await you.tabTo('button', 'Take 5 points from Lighting');
      await you.press('Space');
      await you.hears('5 points left to share out, of 100 points.');
      await you.focusIs('button', 'Take 5 points from Lighting');
      await you.tabTo('button', 'Add 5 points to Trees and planting');
      await you.press('Space');
      await you.hears('You have shared out all 100 points.');
      await you.tabTo('button', 'Submit');
      await you.press('Enter');
      await you.hears('Sending…');
      await you.hears('Thank you. Your budget has been received.');
      await you.focusIs(
        'group',
        'How would you share 100 points across the park? You gave: Play areas: 50 points, Lighting: 45 points and Trees and planting: 5 points.',
      );
      return [{ allocation: { play: 50, lighting: 45, toilets: 0, trees: 5 } }];
    },
    async pointer(you) {
      for (let tap = 0; tap < 8; tap++) await you.hit('button', 'Add 5 points to Play areas');
      for (let tap = 0; tap < 7; tap++) await you.hit('button', 'Add 5 points to Lighting');
      await you.hears('25 points left to share out, of 100 points.');
      // A box takes a tap (or click), then what is typed.
      await you.hit('textbox', 'Public toilets');
      await you.type('25');
      await you.hears('You have shared out all 100 points.');
      // + never overspends: nothing is left to add.
      await you.hit('button', 'Add 5 points to Trees and planting');
      await you.hit('button', 'Submit');
      await you.hears('Thank you. Your budget has been received.');
      return [{ allocation: { play: 40, lighting: 35, toilets: 25, trees: 0 } }];
    },
  },

  'needs-assets': {
    async keyboard(you) {
      await you.tabTo('checkbox', 'Food');
      await you.press('Space');
      await you.focusIs('checkbox', 'Food', { checked: true });
      await you.tabTo('textbox', 'Tell us more about Food (optional)');
      await you.type('A community fridge');
      await you.tabTo('button', 'Continue');
      await you.press('Enter');
      // Each step's heading takes focus and the live region repeats it.
      await you.focusIs('heading', 'Step 2 of 4 What can you offer?');
      await you.hears('Step 2 of 4: What can you offer?');
      await you.tabTo('button', 'Continue');
      await you.press('Enter');
      // Nothing offered and nothing said: the summary takes focus and links to the problem.
      await you.focusIs('group', 'There is a problem');
      await you.press('Tab');
      await you.press('Enter');
      await you.focusIs('checkbox', 'Skills', { checked: false });
      await you.tabTo('checkbox', 'Time');
      await you.press('Space');
      await you.tabTo('button', 'Continue');
      await you.press('Enter');
      await you.focusIs('heading', 'Step 3 of 4 Where is your community?');
      await you.tabTo('textbox', 'Neighbourhood, street or postcode (optional)');
      await you.type('Mill Street');
      await you.press('Enter');
      await you.focusIs('heading', 'Step 4 of 4 Can we contact you?');
      await you.tabTo('checkbox', 'Yes, you can contact me about this');
      await you.tabTo('button', 'Continue');
      await you.press('Enter');
      await you.focusIs('heading', 'Check your answers before sending');
      await you.tabTo('button', 'Send');
      await you.press('Enter');
      await you.hears('Sending…');
      await you.hears('Thank you. We have received your answers.');
      await you.focusIs('group', 'Thank you');
      return [
        { needs: [{ category: 'food', detail: 'A community fridge' }], assets: [{ category: 'time' }], area: 'Mill Street' },
      ];
    },
    async pointer(you) {
      await you.hit('checkbox', 'Feeling safe');
      await you.hit('button', 'Continue');
      await you.hears('Step 2 of 4: What can you offer?');
      await you.hit('checkbox', 'Space');
      await you.hit('checkbox', 'Equipment');
      await you.hit('button', 'Continue');
      await you.hears('Step 3 of 4: Where is your community?');
      await you.hit('button', 'Continue');
      await you.hears('Step 4 of 4: Can we contact you?');
      await you.hit('checkbox', 'Yes, you can contact me about this');
      await you.hit('textbox', 'Your name');
      await you.type('Ann Other');
      await you.hit('textbox', 'Email address');
      await you.type('ann@example.org');
      await you.hit('button', 'Continue');
      await you.hears('Check your answers before sending');
      await you.hit('button', 'Send');
      await you.hears('Thank you. We have received your answers.');
      return [
        {
          needs: [{ category: 'safety' }],
          assets: [{ category: 'space' }, { category: 'equipment' }],
          contact: { name: 'Ann Other', email: 'ann@example.org' },
        },
      ];
    },
  },
};

const timeLimit = { timeout: 30_000 };

for (const widget of [poll, ranking, pairwise, budget, needsAssets]) {
  test(`<delib-${widget.kind}> with a screen reader and the keyboard alone`, timeLimit, (t) =>
    walkThrough(t, widget, 'keyboard', walks[widget.kind].keyboard),
  );
  for (const pointer of ['touch', 'mouse']) {
    test(`<delib-${widget.kind}> by ${pointer}`, { ...timeLimit, skip: unsupported(pointer) }, (t) =>
      walkThrough(t, widget, pointer, (you) => walks[widget.kind].pointer(you, pointer)),
    );
  }
}
