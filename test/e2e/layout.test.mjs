import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { serve } from './static-server.mjs';

/**
 * No layout jump when a widget upgrades: with a theme file in the page, the markup a council pastes
 * takes the same space before the script has run as the finished widget does after. Measured as
 * where a paragraph below each poll sits before and after the script defines the elements.
 */

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
};

let site;
let browser;
before(async () => {
  const pages = mkdtempSync(join(tmpdir(), 'delib-layout-'));
  for (const theme of ['default', 'govuk', 'dark', 'high-contrast']) {
    writeFileSync(
      join(pages, `${theme}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Layout</title>
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <link rel="stylesheet" href="/themes/${theme}.css"></head>
      <body>${Object.entries(polls)
        .map(([name, markup]) => `<section>${markup}<p id="after-${name}">Below</p></section>`)
        .join('')}</body></html>`,
    );
  }
  site = await serve([pages, 'dist']);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

for (const theme of ['default', 'govuk', 'dark', 'high-contrast']) {
  for (const width of [375, 1024]) {
    test(`${theme} theme, ${width}px wide: nothing below a poll moves when it upgrades`, async () => {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(`${site.url}/${theme}.html`, { waitUntil: 'load' });
      const positions = () =>
        page.evaluate(
          (names) =>
            Object.fromEntries(names.map((name) => [name, document.getElementById(`after-${name}`).getBoundingClientRect().top])),
          Object.keys(polls),
        );
      const before = await positions();
      await page.addScriptTag({ url: '/delib-poll.min.js', type: 'module' });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('delib-poll')].every((poll) => poll.shadowRoot?.querySelector('button')),
      );
      await page.evaluate(() => document.fonts.ready);
      const afterUpgrade = await positions();
      // The first poll's shift accumulates into the next, so compare each poll's own change in height.
      const names = Object.keys(polls);
      const shifts = names.map((name, index) => {
        const own = afterUpgrade[name] - before[name] - (index ? afterUpgrade[names[index - 1]] - before[names[index - 1]] : 0);
        return [name, Math.round(own)];
      });
      if (process.env.DEBUG_LAYOUT) console.log(theme, width, JSON.stringify(shifts));
      for (const [name, shift] of shifts)
        assert.ok(Math.abs(shift) <= 8, `${name}: moved ${shift}px (${JSON.stringify(shifts)})`);
      await page.close();
    });
  }
}
