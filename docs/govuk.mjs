/**
 * The pictures in `govuk.md`: delib's GOV.UK theme beside real GOV.UK Frontend, on the comparison page
 * that `test/e2e/govuk.test.mjs` checks (`test/e2e/govuk-page.mjs`), at 375 and 1024 px wide, into
 * `docs/images/`.
 *
 *   npm run build && node docs/govuk.mjs
 *
 * `CHROME_PATH` moves the browser (default /usr/bin/chromium).
 */
import puppeteer from 'puppeteer-core';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../test/e2e/browser.mjs';
import { matchStates, serveComparison } from '../test/e2e/govuk-page.mjs';

const images = fileURLToPath(new URL('images/', import.meta.url));
const site = await serveComparison();
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
try {
  for (const width of [375, 1024]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 800 });
    await page.goto(site.url, { waitUntil: 'load' });
    await matchStates(page);
    const path = `${images}govuk-${width}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`${path}: ${Math.round(statSync(path).size / 1024)} KB`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
