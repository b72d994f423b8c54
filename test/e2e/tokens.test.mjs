/**
 * Every documented token is obeyed by every theme. The tokens are read from the build's
 * custom-elements.json (each widget's `@cssproperty`) and the core README's table, so a token added to
 * either is tested. Each theme's page shows every widget, in every state a token can show in (a form, an
 * error, a vote sent, results, keyboard focus on a radio and on a button); for each token the test sets a
 * value of its own on the widgets and looks for it in what the browser then computes inside them. A theme
 * that draws something itself, ignoring the token, fails here.
 *
 * @engines chromium firefox
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../packages/server/src/cli.ts';
import { launch } from './browser.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const themes = readdirSync(join(repo, 'dist', 'themes')).filter((name) => name.endsWith('.css'));

/** Every token the packages document: their manifests' CSS properties and the core README's table. */
function documentedTokens() {
  const tokens = new Set();
  for (const name of readdirSync(join(repo, 'packages'))) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(repo, 'packages', name, 'custom-elements.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const module of manifest.modules)
      for (const declaration of module.declarations ?? [])
        for (const property of declaration.cssProperties ?? []) tokens.add(property.name);
  }
  const readme = readFileSync(join(repo, 'packages', 'core', 'README.md'), 'utf8');
  const table = readme.slice(
    readme.indexOf('## Themes and tokens'),
    readme.indexOf('\n## ', readme.indexOf('## Themes and tokens') + 1),
  );
  for (const [token] of table.matchAll(/--delib-[\w-]+/g)) tokens.add(token);
  return [...tokens].sort();
}

/**
 * The value the test gives each token, and what must then appear among the values that changed inside
 * the widgets (`true`: anything changing will do, for a number the browser turns into something else).
 */
const colour = (n) => `rgb(${n}, ${(n * 7) % 256}, ${(n * 13) % 256})`;
const trials = {
  '--delib-color-text': colour(11),
  '--delib-color-background': colour(12),
  '--delib-color-input': colour(13),
  '--delib-color-accent': colour(14),
  '--delib-color-accent-text': colour(15),
  '--delib-color-border': colour(16),
  '--delib-color-muted': colour(17),
  '--delib-color-error': colour(18),
  '--delib-color-success': colour(19),
  '--delib-color-track': colour(20),
  '--delib-color-bar': colour(21),
  '--delib-button-background': colour(22),
  '--delib-button-text': colour(23),
  '--delib-button-shadow': [`3px 4px 0px 0px ${colour(24)}`, colour(24)],
  '--delib-focus-color': colour(25),
  '--delib-focus-width': '7px',
  '--delib-focus-offset': '5px',
  '--delib-font-family': ['Delibtest, monospace', 'Delibtest'],
  '--delib-font-size': '23px',
  '--delib-line-height': ['2.7', true],
  '--delib-question-size': ['2.3em', true],
  '--delib-question-weight': '100',
  '--delib-space-s': '13px',
  '--delib-space-m': '29px',
  '--delib-radius': '9px',
  '--delib-padding': '11px',
  '--delib-control-size': '31px',
  '--delib-max-width': '555px',
  '--delib-poll-gap': '17px',
  '--delib-ranking-gap': '19px',
  '--delib-ranking-item-background': colour(26),
  '--delib-pairwise-choice-min-height': '123px',
  '--delib-budget-dot-size': '21px',
  '--delib-budget-gap': '27px',
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`--delib-budget-color-${n}`, colour(30 + n)])),
};

/** Tokens whose documented default is another token: a theme that sets one cuts it off from the other. */
const fallbacks = {
  '--delib-color-bar': '--delib-color-accent',
  '--delib-button-background': '--delib-color-accent',
  '--delib-button-text': '--delib-color-accent-text',
  '--delib-budget-color-1': '--delib-color-accent',
  '--delib-ranking-item-background': '--delib-color-input',
};
const isColour = (token) => /^rgb\(/.test(Array.isArray(trials[token]) ? trials[token][1] : trials[token]);
const isFocus = (token) => token.startsWith('--delib-focus-');

// (The pairwise widget gets them without descriptions: which pair it shows first is chance.)
const options =
  '<option value="parks">Parks</option><option value="roads" data-description="Potholes and crossings">Roads</option><option value="libraries">Libraries</option>';
const budgetOptions = ['a', 'b', 'c', 'd', 'e', 'f'].map((value) => `<option value="${value}">Idea ${value}</option>`).join('');

/** Each page's widgets have ids of their own, so nothing one page did (a vote, a pair) shows on another. */
const page = (theme, name = theme.replace('.css', '') || 'none') => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${theme}</title><meta name="delib-endpoint" content="/api">
${theme ? `<link rel="stylesheet" href="/themes/${theme}">` : ''}
<script type="module" src="/delib.min.js"></script></head>
<body><main>
<a href="#focus" id="start">Start</a>
<delib-poll id="focus" widget-id="tokens-${name}-focus" remember="none" question="What matters most?">${options}</delib-poll>
<delib-poll id="error" widget-id="tokens-${name}-error" remember="none" question="What matters most?">${options}</delib-poll>
<delib-poll id="sent" widget-id="tokens-${name}-sent" remember="none" question="What matters most?" allow-other>${options}</delib-poll>
<delib-poll id="results" widget-id="tokens-results" remember="none" results="always" question="What matters most?">${options}</delib-poll>
<delib-ranking widget-id="tokens-${name}-ranking" remember="none" question="Put these in order">${options}</delib-ranking>
<delib-pairwise widget-id="tokens-${name}-pairwise" remember="none" votes="3">${options.replace(/ data-description="[^"]*"/g, '')}</delib-pairwise>
<delib-budget id="budget" widget-id="tokens-${name}-budget" remember="none" mode="dots" total="600" step="100" question="Share out 600">${budgetOptions}</delib-budget>
<delib-needs-assets widget-id="tokens-${name}-needs" remember="none">
<optgroup label="needs"><option value="food" data-description="Lunch clubs">Food</option><option value="company">Company</option></optgroup>
<optgroup label="assets"><option value="time">Time</option><option value="skills">Skills</option></optgroup>
</delib-needs-assets>
</main></body></html>`;

let server;
let browser;
const folder = mkdtempSync(join(tmpdir(), 'delib-tokens-'));

before(async () => {
  for (const theme of themes) writeFileSync(join(folder, theme.replace('.css', '.html')), page(theme));
  writeFileSync(join(folder, 'none.html'), page(''));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `file:${join(folder, 'tokens.sqlite')}`,
    staticRoots: [folder, join(repo, 'dist')],
    logger: false,
  });
  // Votes for the poll that shows its results (bars, track, note) before anyone on the page votes.
  for (const choice of ['parks', 'roads', 'parks']) {
    const response = await fetch(new URL('/api/responses', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        widget: 'poll',
        widgetId: 'tokens-results',
        submittedAt: new Date().toISOString(),
        locale: 'en',
        page: 'https://www.council.example/tokens',
        answer: { choices: [choice] },
      }),
    });
    assert.equal(response.status, 201, await response.text());
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Puts the page's widgets in their states: an error shown, a vote sent, every budget item given some. */
async function arrange(tab) {
  await tab.waitForFunction(() => {
    const ready = (selector, inner) => document.querySelector(selector)?.shadowRoot?.querySelector(inner);
    return (
      ready('#focus', 'input') &&
      ready('#results', '[part~=bar]') &&
      ready('#budget', '[part~=stepper]') &&
      ready('delib-pairwise', 'button') &&
      ready('delib-needs-assets', 'input')
    );
  });
  await tab.evaluate(async () => {
    const root = (selector) => document.querySelector(selector).shadowRoot;
    root('#error').querySelector('[part~=submit]').click();
    root('#sent').querySelector('input[value=other]').click();
    await document.querySelector('#sent').updateComplete;
    root('#sent').querySelector('input[value=parks]').click();
    root('#sent').querySelector('[part~=submit]').click();
    for (const add of root('#budget').querySelectorAll('.step.add')) add.click();
  });
  await tab.waitForFunction(
    () =>
      document.querySelector('#sent').shadowRoot.querySelector('[part~=status].submitted') &&
      document.querySelector('#sent').shadowRoot.querySelector('[part~=results]'),
  );
}

/**
 * In the page: for each token, sets the trial value on every widget, and returns the computed values
 * (host, shadow elements, their ::before and ::after) that differ from before, for those that changed.
 */
function tryTokens(trials) {
  const properties = [
    'color',
    'background-color',
    'background-image',
    'border-top-color',
    'border-left-color',
    'border-bottom-color',
    'border-top-width',
    'border-left-width',
    'border-top-left-radius',
    'box-shadow',
    'outline-color',
    'outline-width',
    'outline-offset',
    'font-family',
    'font-size',
    'font-weight',
    'line-height',
    'margin-top',
    'margin-bottom',
    'padding-top',
    'padding-left',
    'row-gap',
    'column-gap',
    'width',
    'height',
    'min-height',
    'max-width',
    'accent-color',
    'text-decoration-color',
  ];
  const widgets = [...document.querySelectorAll('main > *')].filter((element) => element.localName.startsWith('delib-'));
  const snapshot = () => {
    const values = new Map();
    widgets.forEach((widget, index) => {
      for (const element of [widget, ...widget.shadowRoot.querySelectorAll('*')]) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
          for (const property of properties)
            values.set(
              `${index} ${element.localName}.${element.className} ${pseudo ?? ''}\n${property}`,
              style.getPropertyValue(property),
            );
        }
      }
    });
    return values;
  };
  const before = snapshot();
  const found = {};
  for (const [token, value] of Object.entries(trials)) {
    for (const widget of widgets) widget.style.setProperty(token, value);
    const changed = [];
    for (const [key, now] of snapshot()) if (before.get(key) !== now) changed.push([key.split('\n')[0], now]);
    for (const widget of widgets) widget.style.removeProperty(token);
    found[token] = changed;
  }
  return found;
}

describe('every theme obeys every documented token', () => {
  const tokens = documentedTokens();

  test('the test has a trial value for every documented token', () => {
    assert.ok(tokens.length >= 30, `only ${tokens.length} tokens found`);
    assert.deepEqual(
      tokens.filter((token) => !(token in trials)),
      [],
      'documented tokens without a trial here',
    );
  });

  /**
   * Opens a theme's page (`''`: no theme), and returns for each token the elements inside the widgets
   * where its trial value showed (`[element, value]` pairs), unfocused and with keyboard focus.
   */
  async function reach(theme) {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1024, height: 3000 });
    const problems = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    try {
      await tab.goto(new URL(theme ? theme.replace('.css', '.html') : 'none.html', server.url).href, { waitUntil: 'load' });
      await arrange(tab);
      const values = Object.fromEntries(
        Object.entries(trials).map(([token, trial]) => [token, Array.isArray(trial) ? trial[0] : trial]),
      );
      const seen = Object.fromEntries(tokens.map((token) => [token, []]));
      // Unfocused, then with the keyboard on the first radio, then on the Vote button after it.
      for (const step of ['none', 'radio', 'button']) {
        if (step === 'radio') {
          await tab.focus('#start');
          await tab.keyboard.press('Tab');
        }
        if (step === 'button') await tab.keyboard.press('Tab');
        const found = await tab.evaluate(tryTokens, values);
        for (const token of tokens) seen[token].push(...found[token].map(([element, value]) => [`${step} ${element}`, value]));
      }
      assert.deepEqual(problems, []);
      return Object.fromEntries(
        tokens.map((token) => {
          const trial = trials[token];
          const expected = Array.isArray(trial) ? trial[1] : trial;
          const showing = seen[token].filter(([, value]) => expected === true || value.includes(expected));
          return [token, showing.map(([element]) => element)];
        }),
      );
    } finally {
      await tab.close();
    }
  }

  // Where each token shows with no theme at all: a theme must leave every one of those places to it.
  let unthemed;
  test('with no theme, each token shows somewhere', async () => {
    unthemed = await reach('');
    assert.deepEqual(
      tokens.filter((token) => !unthemed[token].length),
      [],
      'tokens that change nothing',
    );
  });

  for (const theme of themes) {
    test(theme, async () => {
      assert.ok(unthemed, 'the page without a theme was measured');
      const themed = await reach(theme);
      const set = new Set(
        readFileSync(join(repo, 'dist', 'themes', theme), 'utf8')
          .match(/:root\s*\{[^}]*\}/)[0]
          .match(/--delib-[\w-]+(?=\s*:)/g),
      );
      const ignored = [];
      for (const token of tokens) {
        const shows = themed[token].filter((element) => !isFocus(token) || !element.startsWith('none '));
        if (!shows.length) {
          ignored.push(`${token}: shows nowhere`);
          continue;
        }
        // A colour must reach, unfocused, every element it reaches with no theme, except those a token the
        // theme sets in its place reaches. (Other values show in sizes that differ from theme to theme, and
        // a focus state may rightly replace the colours it focuses.)
        if (!isColour(token) || isFocus(token)) continue;
        const replaced = new Set(
          Object.entries(fallbacks)
            .filter(([dependent, source]) => source === token && set.has(dependent))
            .flatMap(([dependent]) => unthemed[dependent]),
        );
        const have = new Set(themed[token]);
        const lost = [...new Set(unthemed[token])].filter(
          (element) => element.startsWith('none ') && !replaced.has(element) && !have.has(element),
        );
        if (lost.length)
          ignored.push(`${token}: not on ${lost.slice(0, 3).join('; ')}${lost.length > 3 ? ` and ${lost.length - 3} more` : ''}`);
      }
      assert.deepEqual(ignored, [], `${theme} ignores`);
    });
  }
});
