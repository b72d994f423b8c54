import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Chromium flags that work here as root, offline, headless (see ../shared/TOOLCHAIN.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches Debian's Chromium (or `CHROME_PATH`) with a fresh profile. `userDataDir` may be passed to
 * keep a profile (localStorage) across launches, to test what survives closing the browser.
 */
export async function launch({ userDataDir } = {}) {
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'delib-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    userDataDir: profile,
    headless: true,
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    if (!userDataDir) rmSync(profile, { recursive: true, force: true });
  };
  return browser;
}
