import { launch } from '../test/e2e/browser.mjs';
import { serve } from '../test/e2e/static-server.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>R</title>
<script type="module" src="/delib-ranking.min.js"></script></head><body>
<delib-ranking widget-id="bench" endpoint="/never-contacted" results="never" question="Put these in order">
${Array.from({ length: 50 }, (_, i) => `<option value="v${i}">Item ${i}</option>`).join('\n')}
</delib-ranking>
<script type="module">
  const r = document.querySelector('delib-ranking');
  window.__t = []; window.__q = [];
  window.addEventListener('keydown', (e) => window.__q.push(performance.now() - e.timeStamp), true);
  window.addEventListener('keydown', async (e) => { await r.updateComplete; r.shadowRoot.querySelector('ol').getBoundingClientRect(); window.__q.push(-(performance.now() - e.timeStamp)); });
  await customElements.whenDefined('delib-ranking');
  const orig = r.performUpdate;
  r.performUpdate = function () { const s = performance.now(); orig.call(this); const m = performance.now(); this.shadowRoot.querySelector('ol')?.getBoundingClientRect(); window.__t.push([m - s, performance.now() - m]); };
</script></body></html>`;
mkdirSync('/tmp/rp', { recursive: true }); writeFileSync('/tmp/rp/r.html', page);
const site = await serve(['/tmp/rp', '/work/main/dist']);
const browser = await launch();
const tab = await browser.newPage();
await tab.setViewport({ width: 800, height: 900 });
const cdp = await tab.createCDPSession();
await tab.goto(`${site.url}/r.html`, { waitUntil: 'load' });
await tab.waitForFunction(() => document.querySelector('delib-ranking')?.shadowRoot?.querySelectorAll('li').length === 50);
// rank all first? The bench ranks by pick-up from the rest zone
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await tab.evaluate(() => document.querySelector('delib-ranking').shadowRoot.querySelector('li[tabindex="0"], li').focus());
await tab.keyboard.press('Space');
await tab.evaluate(() => { window.__t = []; window.__q = []; });
for (let i = 0; i < 30; i++) { await tab.keyboard.press('ArrowDown'); await new Promise(r => setTimeout(r, 50)); }
const t = await tab.evaluate(() => window.__t); const q = await tab.evaluate(() => window.__q); console.log('queue', q.filter(x=>x>=0).map(x=>x.toFixed(1)).join(' ')); console.log('total', q.filter(x=>x<0).map(x=>(-x).toFixed(1)).join(' '));
const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log('updates', t.length, 'render median', med(t.map(x => x[0])).toFixed(1), 'layout median', med(t.map(x => x[1])).toFixed(1), 'render p95', t.map(x=>x[0]).sort((a,b)=>a-b)[Math.floor(t.length*0.95)].toFixed(1));
console.log(await tab.evaluate(() => [document.querySelector('delib-ranking').shadowRoot.querySelectorAll('ol.ranked li').length, document.querySelector('delib-ranking').shadowRoot.querySelectorAll('ol.rest li').length]));
await browser.close(); await site.close();
