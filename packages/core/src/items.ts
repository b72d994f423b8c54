import { refusalParams, refusedId, withoutRefusal } from '@delib/protocol';

/** An item a person chooses, ranks or funds: from a child `<option>` or the `options` property. */
export interface Item {
  value: string;
  label: string;
  description?: string;
}

/**
 * Reads the host's child `<option value>` elements. Labels are their text, never their markup;
 * a `data-description` gives an optional longer description.
 */
export function readOptions(host: Element): Item[] {
  const options = [...host.querySelectorAll(':scope > option')].map((option) => {
    const element = option as HTMLOptionElement;
    const label = text(element);
    return { value: element.value || label, label, description: element.dataset.description };
  });
  const form = options.length ? null : fallbackForm(host);
  if (!form) return options;
  // A poll's "Other" (the choice `other` with its text box `other`) is the widget's own (`allow-other`).
  const ownOther = form.querySelector('[name=other]');
  for (const field of itemFields) {
    const items = readFormItems(form, field).filter((item) => !(ownOther && field === 'choices' && item.value === 'other'));
    if (items.length) return items;
  }
  return [];
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The plain form a widget may hold for browsers that never run its script (CONTRACT.md section 10):
 * `<form method="post" action="{endpoint}/responses">` with native controls, read when there are no
 * `<option>`s, and never shown once the widget renders (its shadow root shows none of its children).
 */
export const fallbackForm = (host: Element) => host.querySelector<HTMLFormElement>(':scope > form');

/** The names that give a plain form's items: a poll's, a ranking's, a budget's (needs-and-assets: `needs`, `assets`). */
const itemFields = ['choices', 'rank.', 'allocation.'] as const;

/**
 * The items of a plain form: each control named `field` (a poll's `choices`: its value) or starting with
 * it (`rank.<value>`, `allocation.<value>`), labelled by its `<label>`, described by what its
 * `aria-describedby` names. Text only, never markup.
 */
export function readFormItems(form: HTMLFormElement, field: string): Item[] {
  const prefix = field.endsWith('.');
  return [...form.querySelectorAll<HTMLInputElement>('input[name]')]
    .filter((input) => (prefix ? input.name.startsWith(field) && input.name.length > field.length : input.name === field))
    .map((input) => {
      const description = (input.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => text(id ? form.querySelector(`[id="${CSS.escape(id)}"]`) : null))
        .filter(Boolean)
        .join(' ');
      const label = text(input.labels?.[0]);
      const value = prefix ? input.name.slice(field.length) : input.value;
      return { value, label: label || value, ...(description ? { description } : {}) };
    });
}

/** What else a plain form says: the widget's id, the endpoint (its action less `/responses`), the question (its legend). */
export function readFormSettings(form: HTMLFormElement): {
  widget?: string;
  widgetId?: string;
  endpoint?: string;
  question?: string;
} {
  const hidden = (name: string) =>
    form.querySelector<HTMLInputElement>(`input[type=hidden][name="${name}"]`)?.value.trim() || undefined;
  const action = form.getAttribute('action');
  let endpoint: string | undefined;
  try {
    const url = action ? new URL(action, document.baseURI) : undefined;
    if (url && /\/responses\/?$/.test(url.pathname)) endpoint = `${url.origin}${url.pathname.replace(/\/responses\/?$/, '')}`;
  } catch {
    // An action that is no address gives no endpoint; the set-up check then says the widget has none.
  }
  return {
    widget: hidden('widget'),
    widgetId: hidden('widgetId'),
    endpoint,
    question: text(form.querySelector('legend')) || undefined,
  };
}

/**
 * What a person typed, made safe to store and show: control characters out, white space folded,
 * at most `max` characters.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const controlOrSpace = /[\u0000-\u001f\u007f-\u009f\s]+/g;

export const cleanText = (text: string, max: number) => text.replace(controlOrSpace, ' ').trim().slice(0, max);

/**
 * The reason the endpoint refused this widget's plain form, when it sent the person back to the page
 * with it (`?delib-refused=<widgetId>&delib-reason=<code>`, from a form with `errors` = `page`), or
 * undefined. Once read, the address loses them (and the "not sent" fragment), so that a reload or the
 * next answer starts afresh; the rest of the page's query is kept as written, and its history entry.
 */
export function returnedRefusal(widgetId: string): string | undefined {
  if (!widgetId || !location.search.includes(refusalParams.widget)) return undefined;
  const params = new URLSearchParams(location.search);
  if (params.get(refusalParams.widget) !== widgetId) return undefined;
  const hash = location.hash === `#${refusedId(widgetId)}` ? '' : location.hash;
  try {
    history.replaceState(history.state, '', `${location.pathname}${withoutRefusal(location.search)}${hash}`);
  } catch {
    // A document that may not change its address (an opaque origin): it keeps them.
  }
  return params.get(refusalParams.reason) || 'invalid';
}
