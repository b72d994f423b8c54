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
  return [...host.querySelectorAll(':scope > option')].map((option) => {
    const element = option as HTMLOptionElement;
    const label = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { value: element.value || label, label, description: element.dataset.description };
  });
}

/**
 * What a person typed, made safe to store and show: control characters out, white space folded,
 * at most `max` characters.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const controlOrSpace = /[\u0000-\u001f\u007f-\u009f\s]+/g;

export const cleanText = (text: string, max: number) => text.replace(controlOrSpace, ' ').trim().slice(0, max);
