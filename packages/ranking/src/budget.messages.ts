import { common, withPacks, type Message } from '@delib/core';
import { points } from './points.messages.js';

/**
 * The budget's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A NATIVE SPEAKER:
 * see the note in `@delib/core`'s messages. Plural messages list the forms `Intl.PluralRules`
 * gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one, two, few, other).
 *
 * `{amount}`, `{total}`, `{left}` and `{over}` are amounts already written out with their unit
 * ("60 points", "£60"), so only `points` and `units` need plural forms.
 */
const en = {
  ...common.en,
  submit: 'Submit',
  /** The default unit, `unit="points"`. */
  points: points.en,
  /** Any other unit word, as the page wrote it. Override `points` or this for better grammar. */
  units: '{n} {unit}',
  hint: 'You have {total} to share out. Use whole numbers.',
  hintAll: 'You have {total} to share out. Use whole numbers, and share out all of it.',
  add: 'Add {amount} to {item}',
  take: 'Take {amount} from {item}',
  left: '{left} left to share out, of {total}.',
  allGiven: 'You have shared out all {total}.',
  over: 'You have given {over} more than the {total} you have.',
  notWhole: 'Enter a whole number for {item}, like 0 or 25',
  negative: 'Enter 0 or more for {item}',
  overspent: 'You have given {over} too many. Take {over} away so that you give no more than {total}',
  spendAll: 'Share out all {total}: you still have {left} left',
  nothingGiven: 'Give some of your {total} to at least one item',
  submitted: 'Thank you. Your budget has been received.',
  youGave: 'You gave: {choices}.',
  gaveItem: '{item}: {amount}',
  resultsCaption: { one: 'Results: {n} person shared out a budget', other: 'Results: {n} people shared out a budget' },
  itemHeader: 'Item',
  totalHeader: 'Total',
  meanHeader: 'Mean per person',
  shareHeader: 'Share of everything given',
  yourGift: '(you gave {amount})',
  how: 'Totals add up what everyone gave each item; the mean is the average given per person.',
};

export type BudgetMessages = { [Key in keyof typeof en]: Message };

// Welsh and Gaelic come as language packs: one module each, the common messages with the widget's own.
export const budgetMessages = withPacks<BudgetMessages>(
  { en },
  {
    cy: () => import('./budget.pack.cy.js').then((module) => module.default),
    gd: () => import('./budget.pack.gd.js').then((module) => module.default),
  },
);
