/**
 * Helpers for the browser tests: a fake endpoint behind `fetch`, axe at WCAG 2.2 A/AA, and small
 * ways to reach into a widget's shadow root the way a person would (by role and label).
 */
import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

declare const axe: typeof import('axe-core');

/** A DOM node as text: `<button part="submit">`, for failure messages. */
const nodeText = (node: Node) =>
  node instanceof Element
    ? `<${node.localName}${[...node.attributes].map((a) => ` ${a.name}="${a.value}"`).join('')}>`
    : node.nodeName;

/** `value` with DOM nodes (also inside arrays and node lists) replaced by their text. */
const withoutNodes = (value: unknown): unknown =>
  value instanceof Node
    ? nodeText(value)
    : Array.isArray(value) || value instanceof NodeList || value instanceof HTMLCollection
      ? Array.from(value as ArrayLike<unknown>, withoutNodes)
      : value;

// A failed assertion about a DOM node would hang the runner until its timeout: the node cannot be
// cloned to send the failure to the terminal (modernweb-dev/web#2967). Give the failure text instead.
afterEach(function () {
  const error = this.currentTest?.err as { actual?: unknown; expected?: unknown } | undefined;
  if (!error) return;
  error.actual = withoutNodes(error.actual);
  error.expected = withoutNodes(error.expected);
});

/** Fails with a readable list when axe finds a WCAG 2.2 A/AA problem in `element` (shadow roots included). */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  const problems = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.html).join('\n  ')}`,
  );
  expect(problems, problems.join('\n')).to.deep.equal([]);
}

export interface Call {
  url: string;
  method: string;
  body?: unknown;
  headers: Headers;
  credentials?: RequestCredentials;
  keepalive?: boolean;
}

type Reply = Response | Promise<Response> | 'network-error' | 'hang';
type Route = (call: Call) => Reply | undefined;

/**
 * Replaces `fetch` with a fake endpoint. Routes answer in order; the first that returns something
 * wins. Every call is recorded. `restore()` puts the real fetch back.
 */
export function fakeEndpoint(...routes: Route[]) {
  const calls: Call[] = [];
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      url: String(input),
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
      credentials: init.credentials,
      keepalive: init.keepalive,
    };
    calls.push(call);
    for (const route of routes) {
      const reply = route(call);
      if (reply === 'network-error') throw new TypeError('Failed to fetch');
      if (reply === 'hang') return new Promise<Response>(() => {});
      if (reply) return reply;
    }
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  };
  return {
    calls,
    posts: () => calls.filter((call) => call.method === 'POST'),
    restore: () => (window.fetch = original),
  };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** Acknowledges every POST and answers results with `counts`. */
export const acceptAll =
  (counts: Record<string, number> = {}, total = Object.values(counts).reduce((a, b) => a + b, 0)): Route =>
  (call) => {
    if (call.method === 'POST') return json(201, { id: (call.body as { id: string }).id, accepted: true });
    const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
    if (widgetId) return json(200, { widget: 'poll', widgetId, total, counts });
    return undefined;
  };

/** Clears what delib keeps in this browser, so tests do not see each other's votes. */
export function clearDelibStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('delib:')) localStorage.removeItem(key);
  sessionStorage.clear();
}

export const shadow = <T extends Element = HTMLElement>(host: Element, selector: string): T | null =>
  host.shadowRoot!.querySelector<T>(selector);

export const shadowAll = <T extends Element = HTMLElement>(host: Element, selector: string): T[] => [
  ...host.shadowRoot!.querySelectorAll<T>(selector),
];

/** The control whose accessible label text (its `<label>`) is `text`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(host: Element, text: string): T {
  const label = shadowAll<HTMLLabelElement>(host, 'label').find(
    (candidate) => candidate.textContent!.replace(/\s+/g, ' ').trim() === text,
  );
  if (!label) throw new Error(`no control labelled "${text}"`);
  return (label.control ?? label.querySelector('input, textarea, select')) as T;
}

export function button(host: Element, name: string): HTMLButtonElement {
  const found = shadowAll<HTMLButtonElement>(host, 'button').find((candidate) => candidate.textContent!.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export const statusText = (host: Element) => shadow(host, '[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();

/** Waits until `condition` holds (or fails after `timeout` ms). */
export async function until(condition: () => unknown, timeout = 3000, message = 'condition'): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// The outbox has the browser ask before leaving a page that holds responses it could not store
// (storage full). The runner's own navigation from one test file to the next must not be asked;
// tests dispatch their own, untrusted, beforeunload events to see the question.
addEventListener('beforeunload', (event) => event.isTrusted && event.stopImmediatePropagation(), { capture: true });

/** What `fillStorage` and `captureConsole` undo after each test, whether it passed or not. */
const undoAfterTest: (() => void)[] = [];
afterEach(() => undoAfterTest.splice(0).forEach((undo) => undo()));

/**
 * Fills this origin's localStorage to the last character, as a council site's own data might, until
 * the test ends. Returns what empties it sooner.
 */
export function fillStorage(): () => void {
  let chunk = 'x'.repeat(1 << 20);
  let count = 0;
  while (chunk.length) {
    try {
      localStorage.setItem(`filler:${count}`, chunk);
      count++;
    } catch {
      chunk = chunk.slice(0, chunk.length >> 1);
    }
  }
  const empty = () => {
    for (let index = 0; index < count; index++) localStorage.removeItem(`filler:${index}`);
  };
  undoAfterTest.push(empty);
  return empty;
}

/** The text of what is written to the console at `level` until the test ends, instead of printing it. */
export function captureConsole(level: 'warn' | 'error'): string[] {
  const original = console[level];
  const messages: string[] = [];
  console[level] = (...args: unknown[]) => messages.push(args.filter((arg) => typeof arg === 'string').join(' '));
  undoAfterTest.push(() => (console[level] = original));
  return messages;
}

export const outboxKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('delib:outbox:v1:'));

export interface AccessibleNode {
  role: string;
  name: string;
  checked?: boolean | 'mixed';
  disabled?: boolean;
  focused?: boolean;
  children?: AccessibleNode[];
}

/** The accessibility tree Chromium computes under `element` (which gets an id if it has none). */
export async function accessibilityTree(element: Element): Promise<AccessibleNode> {
  element.id ||= `a11y-${Math.random().toString(36).slice(2)}`;
  return executeServerCommand('a11y-tree', { selector: `#${element.id}` });
}

/** Every node of the tree, flattened, for finding by role and name. */
export function accessibleNodes(tree: AccessibleNode): AccessibleNode[] {
  return [tree, ...(tree.children ?? []).flatMap(accessibleNodes)];
}

/**
 * Runs `task` as a browser that blocks storage does (cookie settings, sandboxed frames): reading
 * `localStorage` or `sessionStorage` throws. Puts them back afterwards.
 */
export async function withStorageBlocked<T>(task: () => Promise<T> | T): Promise<T> {
  const kept = (['localStorage', 'sessionStorage'] as const).map(
    (name) => [name, Object.getOwnPropertyDescriptor(window, name)!] as const,
  );
  for (const [name] of kept) {
    Object.defineProperty(window, name, {
      configurable: true,
      get: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  }
  try {
    return await task();
  } finally {
    for (const [name, descriptor] of kept) Object.defineProperty(window, name, descriptor);
  }
}
