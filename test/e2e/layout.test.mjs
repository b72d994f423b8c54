import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { serve } from './static-server.mjs';
import { snippet } from '../../packages/console/src/snippet.ts';

/**
 * No layout jump when a widget upgrades: with a theme file in the page, the markup a council pastes
 * takes the same space before the script has run as the finished widget does after. Measured as
 * where a paragraph below each widget sits before and after the script defines the elements.
 */

/** A widget as the snippet builder writes it, its plain form inside (the script and theme are the page's). */
const built = (kind, widgetId, question, options) =>
  snippet(
    {
      kind,
      widgetId,
      question,
      options,
      language: 'en',
      theme: 'default',
      closes: '',
      results: 'after-submit',
      suggestions: false,
    },
    '',
  )
    .split('\n')
    .slice(2)
    .join('\n');

const polls = {
  single: `<delib-poll widget-id="a" question="Which park improvement matters most to you?">
    <option value="lighting">Better lighting</option><option value="play">New play equipment</option>
    <option value="toilets">Public toilets</option></delib-poll>`,
  multiple: `<delib-poll widget-id="b" multiple question="Which two matter most?">
    <option value="a">Bins</option><option value="b">Benches</option><option value="c">Trees</option><option value="d">Paths</option></delib-poll>`,
  other: `<delib-poll widget-id="c" allow-other question="What should we fix first?">
    <option value="a">Potholes</option><option value="b">Street lights</option></delib-poll>`,
  long: `<delib-poll widget-id="d" question="A long question that wraps onto a second line on a phone, as consultation questions often do in practice?">
    <option value="a">An option whose label is long enough to wrap onto a second line on a narrow screen like a phone</option>
    <option value="b">Short</option></delib-poll>`,
  'plain form': built('poll', 'h', 'Which day should the library stay open late?', ['Tuesday', 'Wednesday', 'Thursday']),
};

/** Rankings open with nothing ranked: the hints, an empty "Ranked" box, then every item "Not ranked". */
const rankings = {
  top: `<delib-ranking widget-id="e" top="3" question="Which matter most to you? Put the three most important first.">
    <option value="youth">Things to do for young people</option><option value="streets">Safer streets and crossings</option>
    <option value="green">Greener streets and planting</option><option value="older">Support for older residents</option>
    <option value="events">Community events</option></delib-ranking>`,
  full: `<delib-ranking widget-id="f" question="Which parks should be improved first?">
    <option value="a">Alpha park</option><option value="b">Bravo park</option><option value="c">Charlie park</option>
    <option value="d">Delta park</option></delib-ranking>`,
  described: `<delib-ranking widget-id="g" question="Put these in order" closes="2099-01-01T00:00:00Z">
    <option value="a" data-description="Swings, a climbing frame and a sandpit">New play equipment</option>
    <option value="b">An item whose label is long enough to wrap onto a second line on a narrow screen like a phone</option></delib-ranking>`,
  'plain form': built('ranking', 'i', 'Which matter most to you?', ['Parks', 'Roads', 'Libraries']),
};

const widgets = {
  poll: { tag: 'delib-poll', bundle: '/delib-poll.min.js', markup: polls },
  ranking: { tag: 'delib-ranking', bundle: '/delib-ranking.min.js', markup: rankings },
  // A budget's <option>s keep no room yet (its widget is about 200 px taller): only its plain form does.
  budget: {
    tag: 'delib-budget',
    bundle: '/delib-budget.min.js',
    markup: { 'plain form': built('budget', 'j', 'How would you share 100 points?', ['Parks', 'Roads', 'Libraries']) },
  },
  'needs-assets': {
    tag: 'delib-needs-assets',
    bundle: '/delib-needs-assets.min.js',
    markup: { 'plain form': built('needs-assets', 'k', '', []) },
  },
};
const themes = ['default', 'govuk', 'dark', 'high-contrast'];

let site;
let browser;
before(async () => {
  const pages = mkdtempSync(join(tmpdir(), 'delib-layout-'));
  for (const theme of themes) {
    for (const [kind, { markup }] of Object.entries(widgets)) {
      writeFileSync(
        join(pages, `${theme}-${kind}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Layout</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="stylesheet" href="/themes/${theme}.css"></head>
        <body>${Object.entries(markup)
          .map(([name, html]) => `<section>${html}<p id="after-${name}">Below</p></section>`)
          .join('')}</body></html>`,
      );
    }
  }
  site = await serve([pages, 'dist']);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

for (const [kind, { tag, bundle, markup }] of Object.entries(widgets)) {
  for (const theme of themes) {
    for (const width of [375, 1024]) {
      test(`${theme} theme, ${width}px wide: nothing below a ${kind} moves when it upgrades`, async () => {
        const page = await browser.newPage();
        await page.setViewport({ width, height: 900 });
        await page.goto(`${site.url}/${theme}-${kind}.html`, { waitUntil: 'load' });
        const names = Object.keys(markup);
        const positions = () =>
          page.evaluate(
            (names) =>
              Object.fromEntries(
                names.map((name) => [name, document.getElementById(`after-${name}`).getBoundingClientRect().top]),
              ),
            names,
          );
        const before = await positions();
        await page.addScriptTag({ url: bundle, type: 'module' });
        await page.waitForFunction(
          (tag) => [...document.querySelectorAll(tag)].every((widget) => widget.shadowRoot?.querySelector('button')),
          {},
          tag,
        );
        await page.evaluate(() => document.fonts.ready);
        const afterUpgrade = await positions();
        // The first widget's shift accumulates into the next, so compare each widget's own change in height.
        const shifts = names.map((name, index) => {
          const own = afterUpgrade[name] - before[name] - (index ? afterUpgrade[names[index - 1]] - before[names[index - 1]] : 0);
          return [name, Math.round(own)];
        });
        if (process.env.DEBUG_LAYOUT) console.log(kind, theme, width, JSON.stringify(shifts));
        for (const [name, shift] of shifts)
          assert.ok(Math.abs(shift) <= 8, `${name}: moved ${shift}px (${JSON.stringify(shifts)})`);
        await page.close();
      });
    }
  }
}
