/**
 * `dist/delib.js`, the loader: include it on every page of a site. It finds the `delib-*` elements of
 * the page, and those added later, and loads what they need in one parallel wave: each element's files
 * and every chunk they import (from the table the build writes), and the language pack of the element's
 * language. A page with no widget loads nothing more, unless this browser's outbox holds a response an
 * earlier page could not send: then only what delivers it. Elements inside shadow roots are found
 * through `discover(root)`.
 */
import { deliver, files, tags } from './loader-table.js';
import { outboxPrefix } from './outbox-key.js';

const selector = Object.keys(tags).join();
const requested = new Set<number>();

function load(list: number[] = []): void {
  for (const index of list) {
    if (requested.has(index)) continue;
    requested.add(index);
    // Loud for the developer (a `dist/` copied without its chunks), quiet for the resident.
    import(new URL(files[index], import.meta.url).href).catch((error) =>
      console.error(`delib: could not load ${files[index]}`, error),
    );
  }
}

/** The language of the nearest `lang` attribute, through shadow roots: `cy-GB` → `cy`. */
function language(element: Element): string {
  for (let node: Element | null = element; node;) {
    const found = node.closest('[lang]');
    if (found) return found.getAttribute('lang')!.split('-')[0].toLowerCase();
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** Loads what the `delib-*` elements in `root` (a document, a shadow root or an element) need. */
export function discover(root: ParentNode = document): void {
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.push(root);
  for (const element of found) {
    // Defined by another delib file on the page, which brings its own language packs.
    if (customElements.get(element.localName)) continue;
    const row = tags[element.localName];
    const lang = language(element);
    load(row['']);
    // Own keys only: `lang="constructor"` must not reach Object's prototype.
    if (Object.hasOwn(row, lang)) load(row[lang]);
  }
}

discover();
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
}).observe(document, { childList: true, subtree: true });

if (!requested.size) {
  try {
    for (let index = 0; index < localStorage.length; index++) {
      if (localStorage.key(index)?.startsWith(outboxPrefix)) {
        load(deliver);
        break;
      }
    }
  } catch {
    // No storage here (blocked by the browser), so nothing can be waiting in it.
  }
}
