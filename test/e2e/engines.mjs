/**
 * The browser engines the end-to-end tests run in, behind one interface: puppeteer's own API (a
 * Browser with contexts and pages). Chromium and Firefox are puppeteer itself (Chromium over the
 * DevTools Protocol, Firefox over WebDriver BiDi); WebKit is `webkit.mjs`, a small W3C WebDriver
 * client that offers the same API for what the tests use.
 *
 * A test process runs in one engine, chosen by `DELIB_ENGINE` (`chromium`, the default, `firefox` or
 * `webkit`); `test/run.mjs` runs each end-to-end file marked `@engines` once per engine it names.
 * Where an engine cannot do something a test needs, `unsupported(feature)` says why, for
 * `test(name, { skip: unsupported('offline') }, …)`: a skipped test always gives its reason.
 *
 * Accessibility is read from each engine itself, as far as it will tell:
 * - Chromium: the whole accessibility tree (DevTools Protocol): role, name and states of any node.
 * - WebKit: WebDriver's computed role and computed label of any element.
 * - Firefox: only "which elements have this role and this name?" (WebDriver BiDi `locateNodes` with an
 *   accessibility locator, searched from the document and from each shadow root, which it does not
 *   enter by itself). A role and name are checked by asking Firefox for the elements that have them.
 * States (checked) come from the tree in Chromium and from the DOM elsewhere; the live region's text
 * from the tree in Chromium and from the text of `role=status`, less hidden parts, elsewhere.
 */
import puppeteer from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWebKit, webkitExecutables } from './webkit.mjs';

export { probeScript } from './webkit.mjs';

export const engineNames = ['chromium', 'firefox', 'webkit'];

export const engine = (process.env.DELIB_ENGINE || 'chromium').toLowerCase();
if (!engineNames.includes(engine)) throw new Error(`DELIB_ENGINE=${engine}: expected one of ${engineNames.join(', ')}`);

export const engineLabels = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

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

/** What each engine needs on this machine; each can be moved with an environment variable. */
export const executables = {
  chromium: { browser: process.env.CHROME_PATH ?? '/usr/bin/chromium', debian: 'chromium' },
  firefox: { browser: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', debian: 'firefox-esr' },
  webkit: {
    browser: webkitExecutables.browser,
    driver: webkitExecutables.driver,
    display: 'Xvfb',
    debian: 'webkit2gtk-driver xvfb xauth',
  },
};

/** Why `name` cannot run here (a missing program, with what installs it), or undefined. */
export function missing(name) {
  const needs = executables[name];
  const absent = [needs.browser, needs.driver].filter((path) => path && !existsSync(path));
  if (name === 'webkit' && !['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].some(existsSync)) absent.push('Xvfb');
  return absent.length ? `${absent.join(', ')} not found (apt-get install ${needs.debian})` : undefined;
}

/**
 * What an engine cannot do here, and why. Each was tried on this machine (Firefox ESR 153,
 * WebKitGTK 2.50); the reason is what a skipped test prints.
 */
const limits = {
  chromium: {},
  firefox: {
    accessibilityTree:
      'Firefox has no accessibility tree for puppeteer (that is a DevTools Protocol call); it answers only which elements have a given role and name',
  },
  webkit: {
    offline:
      'WebKitWebDriver speaks WebDriver classic, which has no network emulation: the browser cannot be taken off line and back',
    touch:
      'WebKitGTK\u2019s WebDriver delivers touch pointer actions as mouse events (pointerType "mouse", no touchstart), so a touch cannot be made',
    profile:
      'MiniBrowser under WebKitWebDriver keeps website data only for the session (a new session starts with empty localStorage), so a browser cannot be closed and reopened on the same data',
    requests: 'WebDriver classic does not report the requests a page makes',
    beforeunloadPrompt:
      "WebDriver classic's Close Window does not prompt to unload, so the browser's own 'Leave page?' question cannot be seen (the page's beforeunload listener is checked with a dispatched event instead)",
    formRestore:
      'WebKit keeps a page in its back-forward cache whatever the page does (an unload handler, Cache-Control: no-store, a request in flight: each tried), and MiniBrowser under WebKitWebDriver has no switch to turn that cache off, so a page is never built again from its saved form state',
    accessibilityTree: 'WebDriver gives the computed role and label of one element at a time, not the whole tree',
  },
};

/** The reason this engine (or `name`) cannot do `feature`, or false when it can. */
export const unsupported = (feature, name = engine) => limits[name]?.[feature] ?? false;

/**
 * Launches the engine of this process (`DELIB_ENGINE`) with a fresh profile. `userDataDir` keeps a
 * profile (localStorage) across launches, to test what survives closing the browser; `javascript: false`
 * turns scripting off, as a resident's browser may (Firefox cannot switch it per page over BiDi).
 */
export async function launch({ userDataDir, javascript = true } = {}) {
  if (engine === 'webkit') {
    if (userDataDir) throw new Error(`WebKit: ${limits.webkit.profile}`);
    if (!javascript) throw new Error('WebKit: the WebDriver session cannot turn scripting off');
    return launchWebKit({ limits: limits.webkit });
  }
  if (engine === 'firefox') {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: executables.firefox.browser,
      headless: true,
      userDataDir,
      extraPrefsFirefox: {
        // No first-run pages, no updates or telemetry: nothing but the test talks to the network.
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'app.update.enabled': false,
        ...(javascript ? {} : { 'javascript.enabled': false }),
      },
    });
    const [first] = await browser.pages();
    spaceKey(Object.getPrototypeOf(first.keyboard));
    return browser;
  }
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'delib-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: executables.chromium.browser,
    args: javascript ? chromiumArgs : [...chromiumArgs, '--blink-settings=scriptEnabled=false'],
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

/**
 * puppeteer 24 knows the key 'Space' over the DevTools Protocol but not over WebDriver BiDi ("Unknown
 * key"); there it takes the character. Taught once, on the class of Firefox's keyboards.
 */
function spaceKey(keyboard) {
  if (keyboard.delibSpace) return;
  keyboard.delibSpace = true;
  for (const method of ['press', 'down', 'up']) {
    const original = keyboard[method];
    keyboard[method] = function (key, ...rest) {
      return original.call(this, key === 'Space' ? ' ' : key, ...rest);
    };
  }
}

// ---- accessibility, as each engine tells it ---------------------------------------------------------

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const quote = (text) => String(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
/** puppeteer's ARIA selector: the engine's own role and name computation. */
export const aria = (role, name) => `::-p-aria([name="${quote(name)}"][role="${quote(role)}"])`;

function* descendants(node) {
  yield node;
  for (const child of node.children ?? []) yield* descendants(child);
}

/** The text a screen reader reads out of a Chromium tree node: its static text, white space folded. */
const textOf = (node) =>
  [...descendants(node)]
    .filter((each) => each.role === 'StaticText')
    .map((each) => each.name)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

const chromiumTree = (page) => page.accessibility.snapshot({ interestingOnly: false });

/** The focused element, through any shadow roots, as a handle; null on the body. */
const deepFocus = (page) =>
  page.evaluateHandle(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === document.body ? null : active;
  });

/** Firefox: the document and every open shadow root, where its accessibility locator must start. */
async function firefoxRoots(page) {
  const list = await page.evaluateHandle(() => {
    const roots = [document];
    for (let index = 0; index < roots.length; index++) {
      for (const element of roots[index].querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    // The widgets live in shadow roots: look there first, the page itself last.
    return [...roots.slice(1).reverse(), document];
  });
  const properties = await list.getProperties();
  await list.dispose();
  return [...properties.values()].filter((handle) => handle.asElement());
}

/** Firefox: does Firefox give `handle` this role and name? (Its locator counts the element it starts from.) */
async function firefoxHas(page, handle, role, name) {
  const matches = await handle.$$(aria(role, name));
  return page.evaluate((element, ...found) => found.includes(element), handle, ...matches);
}

/** The DOM's `checked` of a checkbox or radio, or its `aria-checked`. */
const domStates = (handle) =>
  handle.evaluate((element) => {
    if (element.matches('input[type=checkbox], input[type=radio]')) return { checked: element.checked };
    const checked = element.getAttribute('aria-checked');
    return checked === null ? {} : { checked: checked === 'mixed' ? 'mixed' : checked === 'true' };
  });

/** One element with this role and accessible name, through shadow roots; waits up to `timeout` ms. */
export async function findByRole(page, role, name, { timeout = 5_000 } = {}) {
  if (engine !== 'firefox') return page.waitForSelector(aria(role, name), { timeout });
  const until = Date.now() + timeout;
  for (;;) {
    for (const root of await firefoxRoots(page)) {
      const [found] = await root.$$(aria(role, name));
      if (found) return found;
    }
    if (Date.now() > until) throw new Error(`Firefox found no ${role} named "${name}" within ${timeout} ms`);
    await sleep(50);
  }
}

/**
 * What has focus, as `{ role, name, ...states }` for the `states` asked (e.g. `['checked']`), to be
 * compared with what is `expected` (`{ role, name }`). Chromium and WebKit say what it is. Firefox can
 * only confirm: it gives `expected` back when the focused element has that role and name, and
 * otherwise says which element has focus.
 */
export async function focused(page, expected, states = []) {
  const pick = (node) => Object.fromEntries(states.map((key) => [key, node[key]]));
  if (engine === 'chromium') {
    const node = [...descendants(await chromiumTree(page))].filter((each) => each.focused && each.role !== 'RootWebArea').at(-1);
    return node && { role: node.role, name: node.name ?? '', ...pick(node) };
  }
  const handle = await deepFocus(page);
  if (!handle?.asElement()) return undefined;
  const known = states.length ? pick(await domStates(handle)) : {};
  if (engine === 'webkit') return { role: await handle.computedRole(), name: await handle.computedLabel(), ...known };
  if (await firefoxHas(page, handle, expected.role, expected.name)) return { ...expected, ...known };
  return {
    role: `not ${expected.role} "${expected.name}" by Firefox`,
    element: await handle.evaluate((element) => element.outerHTML.slice(0, 160)),
    ...known,
  };
}

/** The accessible name the engine gives `handle`, which has `role`. */
export async function accessibleName(page, handle, role) {
  if (engine === 'chromium') return (await page.accessibility.snapshot({ root: handle, interestingOnly: false }))?.name ?? '';
  if (engine === 'webkit') return handle.computedLabel();
  // Firefox names nothing on request: the DOM suggests a name and Firefox confirms it.
  const candidate = await handle.evaluate((element) =>
    (element.getAttribute('aria-label') ?? element.textContent).replace(/\s+/g, ' ').trim(),
  );
  if (await firefoxHas(page, handle, role, candidate)) return candidate;
  return `(Firefox does not call this ${role} "${candidate}")`;
}

/** What the polite live region (the first `role=status`) says now. */
export async function liveRegion(page) {
  if (engine === 'chromium') {
    const region = [...descendants(await chromiumTree(page))].find((node) => node.role === 'status');
    return region ? textOf(region) : undefined;
  }
  return page.evaluate(() => {
    const find = (root) => {
      const found = root.querySelector('[role="status"]');
      if (found) return found;
      for (const element of root.querySelectorAll('*')) {
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return undefined;
    };
    // Its text, less what is hidden from everyone. Not innerText: WebKit gives none for a region
    // that is visually hidden (the usual screen-reader-only clip), which VoiceOver still reads.
    const text = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent;
      if (node.nodeType !== Node.ELEMENT_NODE || node.matches('[hidden], [aria-hidden="true"], style, script')) return '';
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return '';
      return [...node.childNodes].map(text).join('');
    };
    const region = find(document);
    return region ? text(region).replace(/\s+/g, ' ').trim() : undefined;
  });
}
