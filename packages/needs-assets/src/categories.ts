import { fallbackForm, readFormItems, readOptions, type Item } from '@delib/core';

export type Side = 'needs' | 'assets';

/** A category a person can tick: its value as sent, its label, and an optional hint. */
export type Category = Item;

/**
 * The categories asked about when the page gives none: the value is what is sent and counted, the
 * label comes from the messages (`category.<value>`), so it is translated and can be overridden.
 */
export const defaultCategories: Record<Side, readonly string[]> = {
  needs: [
    'housing',
    'getting-around',
    'health-and-care',
    'food',
    'children-and-young-people',
    'older-people',
    'jobs-and-skills',
    'safety',
    'green-spaces',
    'culture',
    'digital-access',
  ],
  assets: ['skills', 'time', 'space', 'equipment', 'knowledge', 'connections'],
};

/** The value of "Something else", whose text is sent as its `detail`. */
export const other = 'other';

/**
 * The page's own categories for one side, from `<optgroup label="needs">` (or `"assets"`) children
 * holding `<option value>`s; undefined when the page gives none for that side.
 */
export function pageCategories(host: Element, side: Side): Category[] | undefined {
  const group = [...host.querySelectorAll(':scope > optgroup')].find(
    (element) => (element as HTMLOptGroupElement).label.trim().toLowerCase() === side,
  );
  const form = group ? null : fallbackForm(host);
  const categories = (group ? readOptions(group) : form ? readFormItems(form, side) : undefined)?.filter(
    (category) => category.value !== other,
  );
  return categories?.length ? categories : undefined;
}
