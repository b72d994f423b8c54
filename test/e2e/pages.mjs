/**
 * Shared pieces of the end-to-end tests of the built bundles: test pages written into a temp dir and
 * served with `dist/`, and small puppeteer helpers that reach into the widgets' shadow roots.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './static-server.mjs';
import { createEndpoint, closeServer } from './endpoint-double.mjs';
import { engine, probeScript } from './engines.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built bundles; `DELIB_DIST` points the tests at another build (e.g. a deliberately broken one). */
export const dist = process.env.DELIB_DIST ? resolve(process.env.DELIB_DIST) : join(root, 'dist');

/** Fails early, and clearly, when the bundles have not been built. */
export function requireBuild() {
  for (const file of ['delib.min.js', 'delib-poll.min.js']) {
    if (!existsSync(join(dist, file))) throw new Error(`${join(dist, file)} is missing: run \`npm run build\` first.`);
  }
}

export const outboxPrefix = 'delib:outbox:v1:';
export const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Records the four delib events on `document` (they bubble and are composed) into `window.delibEvents`,
 * before any bundle runs. With `cancel`, the page takes over `delib-submit`.
 */
const recorder = (cancel) => `<script>
  window.delibEvents = [];
  for (const type of ['delib-submit', 'delib-submitted', 'delib-queued', 'delib-error']) {
    document.addEventListener(type, (event) => {
      ${cancel ? "if (type === 'delib-submit') event.preventDefault();" : ''}
      window.delibEvents.push({ type, time: Date.now(), detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
    });
  }
</script>`;

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export const options = [
  ['lighting', 'Better lighting'],
  ['play', 'New play equipment'],
  ['toilets', 'Public toilets'],
];

/** A `<delib-poll>` with the three park options; `endpoint: null` leaves the attribute out. `attributes` are added as they are (e.g. `name="vote"`). */
export function pollElement({
  widgetId = 'parks-2026',
  endpoint = '/api',
  question = 'Which park improvement matters most to you?',
  attributes = '',
} = {}) {
  const endpointAttribute = endpoint == null ? '' : ` endpoint="${escape(endpoint)}"`;
  return `<delib-poll widget-id="${escape(widgetId)}"${endpointAttribute} question="${escape(question)}" ${attributes}>
${options.map(([value, label]) => `    <option value="${value}">${label}</option>`).join('\n')}
  </delib-poll>`;
}

/**
 * A whole page: the event recorder, `head` extras, the bundles as module scripts, and `body`. In
 * WebKit, whose driver reports no errors of its own, the error probe comes first.
 */
export function page({
  body = pollElement(),
  head = '',
  bundles = ['/delib-poll.min.js'],
  cancel = false,
  title = 'delib test page',
} = {}) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escape(title)}</title>
  <link rel="icon" href="data:,">
  ${engine === 'webkit' ? `<script>${probeScript}</script>` : ''}
  ${head}
  ${recorder(cancel)}
  ${bundles.map((src) => `<script type="module" src="${escape(src)}"></script>`).join('\n  ')}
</head>
<body>
  ${body}
</body>
</html>`;
}

/** A page of the site without delib on it: see `seedStorage`. */
const blankPage =
  '<!doctype html><html lang="en"><title>No delib here</title><link rel="icon" href="data:,"><p>Nothing to see.</p></html>';

/**
 * A temp dir of pages served with `dist/` (and `blank.html`, a page without delib), and an endpoint double
 * at `/api` on the same origin. `pages` maps file names to HTML; `options` go to `serve` (`cacheControl`),
 * and `options.before(request, response)` runs before the endpoint double (it may answer: return true).
 * Returns `{ url, api, dir, write, close }`.
 */
export async function site(pages = {}, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'delib-e2e-pages-'));
  const write = (name, html) => writeFileSync(join(dir, name), html);
  for (const [name, html] of Object.entries({ 'blank.html': blankPage, ...pages })) write(name, html);
  const api = createEndpoint();
  // `options.before(request, response)` sees every request first, and may answer it (return true).
  const handler = options.before
    ? async (request, response) => (await options.before(request, response)) || api.handler(request, response)
    : api.handler;
  const { url, server } = await serve([dir, dist], handler, options);
  return {
    url,
    api,
    dir,
    write,
    close: async () => {
      await closeServer(server, api);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that collects page errors and console errors into `page.problems`, opened at `url`,
 * once `delib-poll` (or `tag`) is defined.
 */
export async function open(target, url, { tag = 'delib-poll', ignore = [] } = {}) {
  const page = await target.newPage();
  watch(page, ignore);
  if (url) await go(page, url, tag);
  return page;
}

/** Collects page errors and console errors into `page.problems`; `ignore` lists patterns to leave out. */
export function watch(page, ignore = []) {
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!ignore.some((pattern) => pattern.test(text))) page.problems.push(`console.error: ${text}`);
  });
}

export async function go(page, url, tag = 'delib-poll') {
  await page.goto(url, { waitUntil: 'load', timeout: 10_000 });
  if (tag) await ready(page, tag);
}

/** Waits for the element to be defined and every instance to have rendered. */
export async function ready(page, tag = 'delib-poll') {
  await page.waitForFunction((tag) => !!customElements.get(tag), { timeout: 5_000 }, tag);
  await page.evaluate(async (tag) => {
    await Promise.all([...document.querySelectorAll(tag)].map((element) => element.updateComplete));
  }, tag);
}

/** Picks an option inside the poll's shadow root, then presses Vote: as a person would, by mouse. */
export async function vote(page, value = 'play', { host = 'delib-poll', press = true } = {}) {
  const radio = await page.waitForSelector(`${host} >>> input[value="${value}"]`, { timeout: 5_000 });
  await radio.click();
  if (!press) return;
  const button = await page.waitForSelector(`${host} >>> button[part="submit"]`, { timeout: 5_000 });
  await button.click();
}

export const events = (page, type) =>
  page.evaluate((type) => window.delibEvents.filter((event) => !type || event.type === type), type);

/** Resolves to the first recorded event of `type` (waiting for it). */
export async function waitForEvent(page, type, timeout = 10_000) {
  await page.waitForFunction((type) => window.delibEvents.some((event) => event.type === type), { timeout, polling: 20 }, type);
  return (await events(page, type))[0];
}

/** The text of the poll's status region (`[part=status]`, role=status), white space folded. */
export const statusText = (page, host = 'delib-poll') =>
  page.evaluate((host) => {
    const status = document.querySelector(host)?.shadowRoot?.querySelector('[part="status"]');
    return status ? { role: status.getAttribute('role'), text: status.textContent.replace(/\s+/g, ' ').trim() } : undefined;
  }, host);

/** The outbox entries in this origin's localStorage, by envelope id. */
export const outbox = (page) =>
  page.evaluate((prefix) => {
    const entries = {};
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index);
      if (key.startsWith(prefix)) entries[key.slice(prefix.length)] = JSON.parse(localStorage.getItem(key));
    }
    return entries;
  }, outboxPrefix);

/** Waits until the outbox holds no entries. */
export const waitForEmptyOutbox = (page, timeout = 10_000) =>
  page.waitForFunction(
    (prefix) => !Object.keys(localStorage).some((key) => key.startsWith(prefix)),
    { timeout, polling: 50 },
    outboxPrefix,
  );

/** What the poll shows: its answer, results caption and rows, and which inputs are checked. */
export const pollView = (page, host = 'delib-poll') =>
  page.evaluate((host) => {
    const shadow = document.querySelector(host)?.shadowRoot;
    const text = (element) => element?.textContent.replace(/\s+/g, ' ').trim();
    return {
      answer: text(shadow?.querySelector('[part="answer"]')),
      hasForm: !!shadow?.querySelector('form[part="form"]'),
      checked: [...(shadow?.querySelectorAll('input:checked') ?? [])].map((input) => input.value),
      caption: text(shadow?.querySelector('[part="results"] caption')),
      rows: [...(shadow?.querySelectorAll('[part="results"] tbody tr') ?? [])].map(text),
      button: !!shadow?.querySelector('button[part="submit"]'),
    };
  }, host);

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * An outbox entry as an earlier page would have left it in localStorage (`delib:outbox:v1:<id>`), due
 * now; `size` pads the answer's free text to make the envelope about that many bytes bigger.
 */
export function queuedEntry({
  id = randomUUID(),
  queuedAt = Date.now(),
  widgetId = 'bulk-2026',
  size = 0,
  endpoint = '/api',
} = {}) {
  const envelope = {
    id,
    widget: 'poll',
    widgetId,
    submittedAt: new Date(queuedAt).toISOString(),
    locale: 'en',
    page: 'http://127.0.0.1/poll.html',
    answer: size ? { choices: ['play'], other: 'x'.repeat(size) } : { choices: ['play'] },
  };
  return { endpoint, envelope, queuedAt, attempts: 1, due: 0 };
}

/** Writes `items` (key → text) into the site's localStorage from its page without delib, as if left there earlier. */
export async function seedStorage(context, url, items) {
  const seeder = await context.newPage();
  await seeder.goto(`${url}/blank.html`, { waitUntil: 'load' });
  await seeder.evaluate((items) => {
    for (const [key, text] of Object.entries(items)) localStorage.setItem(key, text);
  }, items);
  await seeder.close();
}

/** `entries` (from `queuedEntry`) as `seedStorage` items. */
export const outboxItems = (entries) =>
  Object.fromEntries(entries.map((entry) => [`${outboxPrefix}${entry.envelope.id}`, JSON.stringify(entry)]));
