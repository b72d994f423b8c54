/**
 * WebKit for the end-to-end tests: a small W3C WebDriver (classic) client, written with `fetch`, for
 * WebKitGTK's `WebKitWebDriver` driving its `MiniBrowser` on an Xvfb display, dressed in the part of
 * puppeteer's Browser, BrowserContext, Page and ElementHandle API that the tests use, so that one test
 * file runs unchanged in Chromium, Firefox and WebKit. See `engines.mjs` for what it cannot do.
 *
 * - One `WebKitWebDriver` process per browser, on a free port of its own (a driver holds one session).
 * - One Xvfb display per test process, started with the first browser and stopped with the last.
 * - Every command goes through one queue per session, so pages can be used "at once" from the test
 *   (`Promise.all`) although WebDriver talks to one window at a time: each command first switches to
 *   its page's window.
 * - WebDriver classic reports no console messages or page errors: a probe in the page records them
 *   (from the first script when the page includes `probeScript`, else from the end of loading), and
 *   each command that runs script brings them back as puppeteer's `console` and `pageerror` events.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const executables = {
  driver: process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver',
  browser: process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};
export const webkitExecutables = executables;

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Key names as puppeteer spells them, as WebDriver's code points. */
const keys = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};
const keyValue = (key) => {
  if (keys[key]) return keys[key];
  // As puppeteer types them: a line break is the Enter key (WebKitWebDriver drops "\n" as a character).
  if (key === '\n' || key === '\r') return keys.Enter;
  if ([...key].length === 1) return key;
  throw new Error(`WebKit driver: no WebDriver code for the key "${key}"`);
};

/**
 * Records what the page reports as broken, for WebDriver, which does not: uncaught errors, unhandled
 * rejections and `console.error`/`console.warn`. Put it first in a test page's head to catch errors
 * while the page loads; the driver installs it after loading where it is missing.
 */
export const probeScript = `(() => {
  if (window.__delibProbe) return;
  const events = (window.__delibProbe = []);
  const text = (value) => (value instanceof Error ? value.message : String(value));
  addEventListener('error', (event) => events.push({ type: 'pageerror', text: event.message || text(event.error) }));
  addEventListener('unhandledrejection', (event) => events.push({ type: 'pageerror', text: text(event.reason) }));
  // What the page fetches, for waitForNetworkIdle: requests in flight and when the last one began or ended.
  const network = (window.__delibNetwork = { inFlight: 0, last: Date.now() });
  const begin = () => {
    network.inFlight++;
    network.last = Date.now();
  };
  const end = () => {
    network.inFlight--;
    network.last = Date.now();
  };
  const originalFetch = window.fetch;
  window.fetch = function (...args) {
    begin();
    const answer = originalFetch.apply(window, args);
    answer.then(end, end);
    return answer;
  };
  const originalSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    begin();
    this.addEventListener('loadend', end, { once: true });
    return originalSend.apply(this, args);
  };
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...args) {
      events.push({ type: 'console', level: level === 'warn' ? 'warning' : level, text: args.map(text).join(' ') });
      return original.apply(this, args);
    };
  }
})();`;

// ---- processes ------------------------------------------------------------------------------------

let display;
let displayUsers = 0;

/** Starts Xvfb on a display number it picks itself (`-displayfd`), once per process. */
function startDisplay() {
  displayUsers++;
  display ??= new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    xvfb.stderr.on('data', (chunk) => (errors += chunk));
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display: ${errors.trim()}`)));
    let number = '';
    xvfb.stdio[3].on('data', (chunk) => {
      number += chunk;
      if (number.includes('\n')) resolve({ process: xvfb, name: `:${number.trim()}` });
    });
    process.once('exit', () => xvfb.kill());
  });
  return display;
}

async function stopDisplay() {
  if (--displayUsers > 0 || !display) return;
  const { process: xvfb } = await display.catch(() => ({}));
  display = undefined;
  if (xvfb && xvfb.exitCode === null) {
    const exited = new Promise((done) => xvfb.once('exit', done));
    xvfb.kill();
    await exited;
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts a WebKitWebDriver on a free port and waits until it answers `/status`. */
async function startDriver(displayName) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const driver = spawn(executables.driver, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: displayName },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    driver.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-2000)));
    const exited = new Promise((done) => driver.once('exit', (code) => done(code ?? 'signal')));
    driver.once('error', () => {});
    const url = `http://127.0.0.1:${port}`;
    const until = Date.now() + 10_000;
    let code;
    while (Date.now() < until) {
      code = await Promise.race([exited, sleep(50)]);
      if (code !== undefined) break;
      const ready = await fetch(`${url}/status`)
        .then((response) => response.ok)
        .catch(() => false);
      if (ready) {
        const stop = () => driver.kill();
        process.once('exit', stop);
        return {
          url,
          stop: async () => {
            process.off('exit', stop);
            if (driver.exitCode === null) {
              driver.kill();
              await exited;
            }
          },
        };
      }
    }
    driver.kill();
    if (attempt >= 3) throw new Error(`WebKitWebDriver did not start (${code ?? 'timed out'}): ${errors.trim()}`);
  }
}

// ---- the WebDriver session ------------------------------------------------------------------------

class Session {
  #queue = Promise.resolve();
  current;

  constructor(url, id) {
    this.url = url;
    this.id = id;
  }

  static async create(url) {
    const body = {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: executables.browser, args: ['--automation'] },
        },
      },
    };
    const { sessionId, capabilities } = await request(url, 'POST', '/session', body);
    const session = new Session(url, sessionId);
    session.capabilities = capabilities;
    await session.command('POST', '/timeouts', { script: 30_000, pageLoad: 30_000, implicit: 0 });
    session.current = await session.command('GET', '/window');
    return session;
  }

  command(method, path, body) {
    return request(this.url, method, `/session/${this.id}${path}`, body);
  }

  /** Runs `task` alone on the session, in the window `handle` (when given). */
  run(handle, task) {
    const step = async () => {
      if (handle && handle !== this.current) {
        await this.command('POST', '/window', { handle });
        this.current = handle;
      }
      return task();
    };
    const result = this.#queue.then(step, step);
    this.#queue = result.catch(() => {});
    return result;
  }
}

async function request(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let value;
  try {
    value = JSON.parse(text).value;
  } catch {
    throw new Error(`WebDriver ${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  }
  if (!response.ok || value?.error) {
    const error = new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    error.webdriver = value?.error;
    throw error;
  }
  return value;
}

// ---- script ---------------------------------------------------------------------------------------

/**
 * The body of an `execute/async` call that runs `source` (a function's text) with the given
 * arguments and answers `{ value }` or `{ thrown }`, with what the probe recorded meanwhile. The
 * function's text goes into the script itself, not through eval, so pages with a strict CSP work.
 */
const asyncScript = (source) => `
const done = arguments[arguments.length - 1];
const args = Array.prototype.slice.call(arguments, 0, -1);
const probe = () => (window.__delibProbe ? window.__delibProbe.splice(0) : []);
// As puppeteer returns values: undefined stays undefined, keys whose value is undefined or a function
// are left out, a cycle is cut, and nodes stay nodes (WebDriver makes them element references).
const plain = (value, seen = new Set()) => {
  if (typeof value === 'function') return undefined;
  if (value === null || typeof value !== 'object' || value instanceof Node) return value;
  if (seen.has(value)) return undefined;
  seen.add(value);
  let copy;
  if (Array.isArray(value)) copy = value.map((each) => plain(each, seen) ?? null);
  else {
    copy = {};
    for (const [key, each] of Object.entries(value)) {
      const kept = plain(each, seen);
      if (kept !== undefined) copy[key] = kept;
    }
  }
  seen.delete(value);
  return copy;
};
new Promise((resolve) => resolve((${source}).apply(null, args))).then(
  (value) =>
    done(
      value === undefined
        ? { undefined: true, problems: probe(), href: location.href }
        : { value: plain(value) ?? null, problems: probe(), href: location.href },
    ),
  (error) => done({ thrown: String(error) + (error && error.stack ? '\\n' + error.stack : ''), problems: probe(), href: location.href }),
);`;

/** A function, a function's text as `{ source }`, or statements (whose value is not returned). */
const functionSource = (fn) => (typeof fn === 'function' ? fn.toString() : (fn.source ?? `() => { ${fn}\n}`));

/** Deep queries: puppeteer's `>>>` (into shadow roots at any depth) and `::-p-aria(…)`. */
function deepQuery(scope, selector) {
  const within = (root, css) => {
    const found = [...root.querySelectorAll(css)];
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...within(element.shadowRoot, css));
    return found;
  };
  let contexts = [scope ?? document];
  for (const part of selector.split('>>>').map((each) => each.trim())) {
    const next = [];
    for (const context of contexts) {
      next.push(...within(context, part));
      if (context.shadowRoot) next.push(...within(context.shadowRoot, part));
    }
    contexts = [...new Set(next)];
  }
  return contexts;
}

/** Elements that may have the role looked for: anything with a role, focusable or semantic. */
function semanticElements(scope) {
  const css =
    '[role], [tabindex], a[href], button, input, select, textarea, summary, details, fieldset, legend, form, ' +
    'h1, h2, h3, h4, h5, h6, ul, ol, li, dl, table, caption, tr, th, td, img, output, progress, meter, dialog, ' +
    'nav, main, header, footer, aside, section, article, label, p';
  const found = [];
  const visit = (root) => {
    found.push(...root.querySelectorAll(css));
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(scope ?? document);
  if (scope?.shadowRoot) visit(scope.shadowRoot);
  return found;
}

const ariaSelector = /^::-p-aria\((.*)\)$/;
function parseAria(selector) {
  const inner = ariaSelector.exec(selector.trim())?.[1];
  if (inner === undefined) return undefined;
  const query = {};
  for (const [, key, value] of inner.matchAll(/\[(name|role)="((?:[^"\\]|\\.)*)"\]/g)) query[key] = value.replace(/\\(.)/g, '$1');
  if (!/^\s*(\[(name|role)="((?:[^"\\]|\\.)*)"\]\s*)+$/.test(inner)) query.name = inner.trim();
  return query;
}

// ---- puppeteer-shaped objects ---------------------------------------------------------------------

class ElementHandle {
  constructor(page, reference) {
    this.page = page;
    this.reference = reference;
  }
  get id() {
    return this.reference[ELEMENT];
  }
  asElement() {
    return this;
  }
  async dispose() {}
  evaluate(fn, ...args) {
    return this.page.evaluate(fn, this, ...args);
  }
  evaluateHandle(fn, ...args) {
    return this.page.evaluateHandle(fn, this, ...args);
  }
  $(selector) {
    return this.page.$(selector, this);
  }
  $$(selector) {
    return this.page.$$(selector, this);
  }
  waitForSelector(selector, options) {
    return this.page.waitForSelector(selector, options, this);
  }
  async scrollIntoView() {
    await this.evaluate((element) => element.scrollIntoView({ block: 'center', inline: 'center' }));
  }
  async boundingBox() {
    const box = await this.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    });
    return box.width || box.height ? box : null;
  }
  async focus() {
    await this.evaluate((element) => element.focus());
  }
  /** Scrolls it into view when it is not, and clicks its centre with the mouse. */
  async click() {
    const visible = await this.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth;
    });
    if (!visible) await this.scrollIntoView();
    const box = await this.boundingBox();
    if (!box) throw new Error('WebKit driver: the element to click has no box (not displayed)');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
  async type(text) {
    await this.focus();
    await this.page.keyboard.type(text);
  }
  /** The engine's computed ARIA role (WebDriver "Get Computed Role"). */
  computedRole() {
    return this.page.run(() => this.page.session.command('GET', `/element/${this.id}/computedrole`));
  }
  /** The engine's computed accessible name (WebDriver "Get Computed Label"). */
  computedLabel() {
    return this.page.run(() => this.page.session.command('GET', `/element/${this.id}/computedlabel`));
  }
}

class Page {
  #listeners = new Map();
  #href = 'about:blank';
  closed = false;
  /** The origins it was taken to, whose cookies and storage its context clears when it closes. */
  origins = new Set();

  constructor(browser, context, handle) {
    this.browser = browser;
    this.session = browser.session;
    this.context = context;
    this.handle = handle;
    this.keyboard = new Keyboard(this);
    this.mouse = new Mouse(this);
    this.touchscreen = new Unsupported('touchscreen', this.browser.limits.touch);
    this.accessibility = new Unsupported('accessibility', this.browser.limits.accessibilityTree);
  }

  run(task) {
    if (this.closed) return Promise.reject(new Error('WebKit driver: the page is closed'));
    return this.session.run(this.handle, task);
  }

  on(type, listener) {
    if (!['console', 'pageerror'].includes(type))
      throw new Error(`WebKit driver: no "${type}" events (${this.browser.limits.requests})`);
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type).add(listener);
    return this;
  }
  off(type, listener) {
    this.#listeners.get(type)?.delete(listener);
    return this;
  }

  #report(problems = []) {
    for (const { type, level, text } of problems) {
      const payload =
        type === 'pageerror' ? new Error(text) : { type: () => level, text: () => text, location: () => ({}), args: () => [] };
      for (const listener of this.#listeners.get(type) ?? []) listener(payload);
    }
  }

  /** Runs a script in the page (queued), reports what the probe saw, returns its value with handles. */
  async #execute(fn, args) {
    const serialised = args.map((arg) => (arg instanceof ElementHandle ? arg.reference : arg));
    const source = functionSource(fn);
    const result = await this.run(() =>
      this.session.command('POST', '/execute/async', { script: asyncScript(source), args: serialised }),
    ).catch((error) => {
      error.message += `, running ${source.slice(0, 300)}`;
      throw error;
    });
    this.#report(result?.problems);
    if (typeof result?.href === 'string') this.#href = result.href;
    if (result?.thrown !== undefined) throw new Error(`Evaluation failed: ${result.thrown}`);
    // undefined stays undefined, as in puppeteer (JSON would make it null).
    if (result?.undefined) return undefined;
    return this.#revive(result?.value);
  }

  #revive(value) {
    if (Array.isArray(value)) return value.map((each) => this.#revive(each));
    if (value && typeof value === 'object') {
      if (typeof value[ELEMENT] === 'string') return new ElementHandle(this, value);
      return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, this.#revive(each)]));
    }
    return value;
  }

  evaluate(fn, ...args) {
    return this.#execute(fn, args);
  }

  /** As `evaluate`; an element comes back as an ElementHandle (as it does from `evaluate` here). */
  evaluateHandle(fn, ...args) {
    return this.#execute(fn, args);
  }

  /**
   * Waits until the document that replaced the one marked before navigating has loaded completely
   * (WebKitWebDriver was seen to answer a navigation of a new window while its first, blank document
   * was still there), then puts the probe in.
   */
  async #afterLoad(timeout = 30_000) {
    const until = Date.now() + timeout;
    const loaded = () => !window.__delibBefore && document.readyState === 'complete';
    while (!(await this.#execute(loaded, []))) {
      if (Date.now() > until) throw new Error(`WebKit driver: the page did not finish loading within ${timeout} ms`);
      await sleep(20);
    }
    await this.#execute(probeScript, []);
  }

  /** Marks the document about to be replaced, so that `#afterLoad` can tell the next one from it. */
  async #beforeLoad() {
    await this.#execute(() => {
      window.__delibBefore = true;
    }, []);
  }

  async #drain() {
    await this.#execute(() => null, []).catch(() => {});
  }

  /** Navigates and waits for the load event. `networkidle0` is taken as `load`: WebDriver cannot see requests. */
  async goto(url) {
    const { origin } = new URL(url);
    if (origin !== 'null') this.origins.add(origin);
    // To the same address with a fragment, a browser only moves within the document: no load to wait for.
    const here = await this.#execute(() => location.href, []).catch(() => 'about:blank');
    const withoutFragment = (address) => address.split('#')[0];
    if (url.includes('#') && withoutFragment(new URL(url, here).href) === withoutFragment(here)) {
      await this.run(() => this.session.command('POST', '/url', { url }));
      await this.#drain();
      return null;
    }
    await this.#beforeLoad();
    await this.run(() => this.session.command('POST', '/url', { url }));
    await this.#afterLoad();
    return null;
  }

  async reload() {
    await this.#beforeLoad();
    await this.run(() => this.session.command('POST', '/refresh', {}));
    await this.#afterLoad();
    return null;
  }

  /**
   * The address of its document, as puppeteer gives it (at once, not a promise): as the page last said
   * when a script ran in it (each wait, query and evaluation runs one).
   */
  url() {
    return this.#href;
  }

  /** Its cookies (WebDriver's Get All Cookies: the current document's), HttpOnly ones included, as puppeteer names them. */
  async cookies() {
    const cookies = await this.run(() => this.session.command('GET', '/cookie'));
    return cookies.map(({ name, value, domain, path, expiry, secure, httpOnly, sameSite }) => ({
      name,
      value,
      domain,
      path,
      expires: expiry ?? -1,
      secure,
      httpOnly,
      sameSite,
    }));
  }

  /**
   * Chooses options of a `<select>` by value and tells the page as a person's choice would (`input`
   * and `change`), as puppeteer does; gives the values chosen.
   */
  async select(selector, ...values) {
    const element = await this.waitForSelector(selector, { timeout: 5_000 });
    return element.evaluate(
      (select, ...values) => {
        if (select.localName !== 'select') throw new Error('Element is not a <select> element.');
        // Which to choose first, then choose them: a single select reselects its first option the moment
        // its chosen one is unset, so the options' selectedness cannot be read back while setting it.
        const options = [...select.options].filter((option) => values.includes(option.value));
        const chosen = select.multiple ? options : options.slice(0, 1);
        for (const option of select.options) option.selected = chosen.includes(option);
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return chosen.map((option) => option.value);
      },
      ...values,
    );
  }

  /**
   * Waits until the page has had no request in flight for `idleTime` ms. WebDriver cannot see requests:
   * the probe counts what the page's scripts fetch (`fetch` and `XMLHttpRequest`) from when it was put
   * in, not images, styles or scripts the document loads.
   */
  async waitForNetworkIdle({ idleTime = 500, timeout = 30_000 } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const quiet = await this.#execute(
        (idleTime) => {
          const network = window.__delibNetwork;
          return !network || (network.inFlight === 0 && Date.now() - network.last >= idleTime);
        },
        [idleTime],
      );
      if (quiet) return;
      if (Date.now() > until) {
        const error = new Error(`Timed out after waiting ${timeout}ms`);
        error.name = 'TimeoutError';
        throw error;
      }
      await sleep(50);
    }
  }

  title() {
    return this.run(() => this.session.command('GET', '/title'));
  }

  /** Polls `fn` from outside until it returns something truthy, as puppeteer does inside the page. */
  async waitForFunction(fn, { timeout = 30_000, polling = 50 } = {}, ...args) {
    const interval = typeof polling === 'number' ? polling : 50;
    const until = Date.now() + timeout;
    // Only whether it holds comes back: the value itself may be something WebDriver cannot carry.
    const holds = { source: `(...args) => Promise.resolve((${functionSource(fn)})(...args)).then((value) => !!value)` };
    for (;;) {
      if (await this.#execute(holds, args)) return { jsonValue: async () => true, dispose: async () => {} };
      if (Date.now() > until) {
        const error = new Error(`Waiting failed: ${timeout}ms exceeded`);
        error.name = 'TimeoutError';
        throw error;
      }
      await sleep(interval);
    }
  }

  async $$(selector, scope) {
    const aria = parseAria(selector);
    if (aria) return this.#aria(scope, aria);
    return this.#execute({ source: `(scope, selector) => (${deepQuery})(scope, selector)` }, [scope ?? null, selector]);
  }

  async $(selector, scope) {
    return (await this.$$(selector, scope))[0] ?? null;
  }

  /** Runs `fn` on the first element `selector` finds (puppeteer's `$eval`); fails when there is none. */
  async $eval(selector, fn, ...args) {
    const element = await this.$(selector);
    if (!element) throw new Error(`Error: failed to find element matching selector "${selector}"`);
    return element.evaluate(fn, ...args);
  }

  /** Runs `fn` on the array of every element `selector` finds (puppeteer's `$$eval`). */
  async $$eval(selector, fn, ...args) {
    const elements = await this.$$(selector);
    const count = elements.length;
    const source = `(...all) => (${functionSource(fn)})(all.slice(0, ${count}), ...all.slice(${count}))`;
    return this.#execute({ source }, [...elements, ...args]);
  }

  async waitForSelector(selector, { timeout = 30_000 } = {}, scope) {
    const until = Date.now() + timeout;
    for (;;) {
      const found = await this.$(selector, scope);
      if (found) return found;
      if (Date.now() > until) {
        const error = new Error(`Waiting for selector \`${selector}\` failed: ${timeout}ms exceeded`);
        error.name = 'TimeoutError';
        throw error;
      }
      await sleep(50);
    }
  }

  /** Elements whose computed role and label (as WebKit says) match, among those that may have one. */
  async #aria(scope, { role, name }) {
    const candidates = await this.#execute({ source: `(scope) => (${semanticElements})(scope)` }, [scope ?? null]);
    const found = [];
    for (const candidate of candidates) {
      if (role !== undefined && (await candidate.computedRole()) !== role) continue;
      if (name !== undefined && (await candidate.computedLabel()) !== name) continue;
      found.push(candidate);
    }
    return found;
  }

  /** Adds a script (`url` or `content`, `type` e.g. `module`) and waits for it to have run or failed. */
  async addScriptTag({ url, content, type = '' }) {
    await this.#execute(
      (url, content, type) =>
        new Promise((resolve, reject) => {
          const script = document.createElement('script');
          if (type) script.type = type;
          if (url) {
            script.src = url;
            script.onload = resolve;
            script.onerror = () => reject(new Error(`could not load ${url}`));
          } else script.textContent = content;
          document.head.append(script);
          if (!url) resolve();
        }),
      [url ?? null, content ?? null, type],
    );
  }

  async click(selector) {
    const element = await this.waitForSelector(selector, { timeout: 5_000 });
    await element.click();
  }

  async focus(selector) {
    const element = await this.waitForSelector(selector, { timeout: 5_000 });
    await element.focus();
  }

  async type(selector, text) {
    const element = await this.waitForSelector(selector, { timeout: 5_000 });
    await element.type(text);
  }

  /** Sizes the window so that the viewport (not the window) is `width` × `height`. */
  async setViewport({ width, height }) {
    await this.run(async () => {
      await this.session.command('POST', '/window/rect', { width, height });
      const inner = await this.session.command('POST', '/execute/sync', { script: 'return [innerWidth, innerHeight]', args: [] });
      if (inner[0] !== width || inner[1] !== height) {
        await this.session.command('POST', '/window/rect', { width: 2 * width - inner[0], height: 2 * height - inner[1] });
      }
    });
  }

  /** Deletes the current document's cookies (WebDriver's Delete All Cookies: its site's) and clears its origin's storage. */
  async forget() {
    await this.run(() => this.session.command('DELETE', '/cookie')).catch(() => {});
    await this.#execute(() => {
      localStorage.clear();
      sessionStorage.clear();
    }, []).catch(() => {});
  }

  async setOfflineMode() {
    throw new Error(`WebKit driver: ${this.browser.limits.offline}`);
  }

  async bringToFront() {
    await this.run(() => null);
  }

  async close() {
    if (this.closed) return;
    await this.#drain();
    await this.run(async () => {
      await this.session.command('DELETE', '/window');
      this.closed = true;
      this.session.current = this.browser.anchor;
      await this.session.command('POST', '/window', { handle: this.browser.anchor });
    });
    this.context.pages.delete(this);
  }

  isClosed() {
    return this.closed;
  }
}

class Keyboard {
  constructor(page) {
    this.page = page;
  }
  #perform(actions) {
    return this.page.run(() =>
      this.page.session.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] }),
    );
  }
  down(key) {
    return this.#perform([{ type: 'keyDown', value: keyValue(key) }]);
  }
  up(key) {
    return this.#perform([{ type: 'keyUp', value: keyValue(key) }]);
  }
  press(key) {
    const value = keyValue(key);
    return this.#perform([
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
  }
  type(text) {
    return this.#perform(
      [...text].flatMap((character) => {
        const value = keyValue(character);
        return [
          { type: 'keyDown', value },
          { type: 'keyUp', value },
        ];
      }),
    );
  }
  sendCharacter(text) {
    return this.type(text);
  }
}

class Mouse {
  constructor(page) {
    this.page = page;
  }
  #perform(actions) {
    return this.page.run(() =>
      this.page.session.command('POST', '/actions', {
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
      }),
    );
  }
  move(x, y) {
    return this.#perform([{ type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 }]);
  }
  down({ button = 'left' } = {}) {
    return this.#perform([{ type: 'pointerDown', button: button === 'right' ? 2 : 0 }]);
  }
  up({ button = 'left' } = {}) {
    return this.#perform([{ type: 'pointerUp', button: button === 'right' ? 2 : 0 }]);
  }
  click(x, y) {
    return this.#perform([
      { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }
}

/** Stands for a puppeteer API that WebKit's driver cannot offer: any use says why. */
class Unsupported {
  constructor(what, reason) {
    return new Proxy(
      {},
      {
        get: (_target, property) => {
          if (property === 'then') return undefined;
          return () => Promise.reject(new Error(`WebKit driver: no ${what}.${String(property)}: ${reason}`));
        },
      },
    );
  }
}

class Context {
  pages = new Set();
  constructor(browser) {
    this.browser = browser;
  }
  async newPage() {
    const { session } = this.browser;
    const handle = await session.run(null, async () => {
      const { handle } = await session.command('POST', '/window/new', { type: 'window' });
      return handle;
    });
    const page = new Page(this.browser, this, handle);
    this.pages.add(page);
    return page;
  }
  /**
   * Forgets what its pages left in the browser, then closes them: the cookies and the local and session
   * storage of every origin they were taken to. MiniBrowser has one cookie jar and one store for the
   * whole session, and WebDriver's Delete All Cookies clears only the current document's site, so each
   * origin is visited again to clear it. The next context then starts as a new one would (a console
   * signed in before is signed out, a widget answered before asks again). Contexts open at the same
   * time still share cookies and storage: closing one signs the other out of the same host.
   */
  async close() {
    for (const page of [...this.pages]) {
      if (page.closed) continue;
      await page.evaluate(() => null).catch(() => {});
      const current = URL.canParse(page.url()) ? new URL(page.url()).origin : 'null';
      if (page.origins.has(current)) await page.forget();
      for (const origin of page.origins) {
        if (origin === current) continue;
        await page.goto(`${origin}/`).catch(() => {});
        await page.forget();
      }
    }
    for (const page of [...this.pages]) await page.close().catch(() => {});
  }
}

class Browser {
  #contexts = new Set();
  #default;
  constructor(session, driver, limits) {
    this.session = session;
    this.driver = driver;
    this.limits = limits;
    /** The window the session opened with, kept blank and open: closing a session's last window ends it. */
    this.anchor = session.current;
    this.#default = new Context(this);
  }
  async version() {
    return `MiniBrowser/${this.session.capabilities.browserVersion}`;
  }
  defaultBrowserContext() {
    return this.#default;
  }
  async createBrowserContext() {
    const context = new Context(this);
    this.#contexts.add(context);
    return context;
  }
  newPage() {
    return this.#default.newPage();
  }
  async close() {
    try {
      await this.session.run(null, () => this.session.command('DELETE', ''));
    } finally {
      await this.driver.stop();
      await stopDisplay();
    }
  }
}

/**
 * Starts a WebKitWebDriver (and Xvfb, the first time) and a MiniBrowser session in it. `limits` are
 * the reasons given when a test reaches for something the engine cannot do.
 */
export async function launchWebKit({ limits }) {
  const { name } = await startDisplay();
  let driver;
  try {
    driver = await startDriver(name);
    const session = await Session.create(driver.url);
    return new Browser(session, driver, limits);
  } catch (error) {
    await driver?.stop();
    await stopDisplay();
    throw error;
  }
}
