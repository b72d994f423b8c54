/**
 * Moving items in a 50-item `<delib-ranking>` (dist/delib-ranking.min.js), every item ranked, in Chromium
 * with the CPU throttled 4×: the time from each key press (ArrowDown while an item is picked up, so it
 * changes places) and from each
 * pointer move of a drag to the updated, laid-out list, against the 16.7 ms of one frame at 60 Hz.
 */
import { launch } from '../test/e2e/browser.mjs';
import { serve } from '../test/e2e/static-server.mjs';
import { ensureDist, isMain, printTable, root, scratch } from './lib.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const frame = 1000 / 60;
const moves = 30;

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ranking moves</title>
<script type="module" src="/delib-ranking.min.js"></script></head><body>
<delib-ranking widget-id="bench" endpoint="/never-contacted" results="never" question="Put these in order">
${Array.from({ length: 50 }, (_, index) => `<option value="v${index}">Item ${index}</option>`).join('\n')}
</delib-ranking>
<script type="module">
  const ranking = document.querySelector('delib-ranking');
  window.__timings = [];
  // From the event (its timeStamp) to the list updated and laid out: what must fit in one frame.
  // Listening as the event bubbles out, after the widget has handled it and asked for its update.
  const time = async (event) => {
    await ranking.updateComplete;
    ranking.shadowRoot.querySelector('ol').getBoundingClientRect();
    window.__timings.push(performance.now() - event.timeStamp);
  };
  window.addEventListener('keydown', time);
  window.__timePointer = () => window.addEventListener('pointermove', time);
</script></body></html>`;

const percentile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

export async function run() {
  await ensureDist();
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, 'ranking.html'), page);
  const site = await serve([scratch, join(root, 'dist')]);
  const browser = await launch();
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 800, height: 900 });
    const cdp = await tab.createCDPSession();
    await tab.goto(`${site.url}/ranking.html`, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.querySelector('delib-ranking')?.shadowRoot?.querySelectorAll('li').length === 50);
    // Every item ranked, as a person who has put all fifty in order would have them: each move then
    // changes places in the ranking (an item not ranked stays where it is on ArrowDown).
    await tab.evaluate(async () => {
      const ranking = document.querySelector('delib-ranking');
      ranking.restoreAnswer({ order: Array.from({ length: 50 }, (_, index) => `v${index}`) });
      ranking.requestUpdate();
      await ranking.updateComplete;
    });
    await tab.waitForFunction(
      () => document.querySelector('delib-ranking').shadowRoot.querySelectorAll('ol.ranked > li').length === 50,
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    // Keyboard: focus the first ranked item, pick it up, move it down one place at a time.
    await tab.evaluate(() => document.querySelector('delib-ranking').shadowRoot.querySelector('li[tabindex="0"], li').focus());
    await tab.keyboard.press('Space');
    await tab.evaluate(() => (window.__timings = []));
    for (let step = 0; step < moves; step++) {
      await tab.keyboard.press('ArrowDown');
      await tab.waitForFunction((count) => window.__timings.length >= count, {}, step + 1);
    }
    const keyboard = await tab.evaluate(() => window.__timings);
    await tab.keyboard.press('Escape');

    // Drag: press on an item, move the pointer down the list in small steps.
    await tab.evaluate(() => {
      window.__timings = [];
      window.__timePointer();
    });
    const box = await tab.evaluate(() => {
      const rect = document.querySelector('delib-ranking').shadowRoot.querySelectorAll('li')[2].getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await tab.mouse.move(box.x, box.y);
    await tab.mouse.down();
    for (let step = 1; step <= moves; step++) await tab.mouse.move(box.x, box.y + step * 8);
    await tab.mouse.up();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const drag = await tab.evaluate(() => window.__timings);
    if (keyboard.length < moves || drag.length < moves / 2)
      throw new Error(`too few timings: ${keyboard.length} keyboard, ${drag.length} drag`);

    const rows = [
      ['keyboard move (ArrowDown)', keyboard],
      ['drag frame (pointermove)', drag],
    ].map(([name, values]) => [
      name,
      String(values.length),
      percentile(values, 0.5).toFixed(1),
      percentile(values, 0.95).toFixed(1),
      (percentile(values, 0.5) / frame).toFixed(2),
    ]);
    console.log('\n## Ranking moves: 50 items, Chromium, CPU throttled 4×\n');
    printTable(['what', 'samples', 'median ms', 'p95 ms', 'median ÷ 16.7 ms frame'], rows);
    return {
      keyboard: percentile(keyboard, 0.5),
      keyboardP95: percentile(keyboard, 0.95),
      drag: percentile(drag, 0.5),
      dragP95: percentile(drag, 0.95),
      frame,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

if (isMain(import.meta.url)) await run();
