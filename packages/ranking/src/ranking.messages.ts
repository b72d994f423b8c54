import { common, withPacks, type Message } from '@delib/core';
import { points } from './points.messages.js';

/**
 * The ranking's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A NATIVE SPEAKER:
 * see the note in `@delib/core`'s messages. Plural messages list the forms `Intl.PluralRules`
 * gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one, two, few, other).
 *
 * `{item}` is an item's label, `{position}` and `{count}` its place among the ranked items.
 * `how` has `{n}` items, the first of which scores `{points}` (`points` of `{max}`), so that the noun after
 * `{max}` agrees with `{max}`, not with `{n}`.
 */
const en = {
  ...common.en,
  submit: 'Submit ranking',
  hint: 'Put the items in order, most important first.',
  hintTop: {
    one: 'Put the most important item first. Items below it are not ranked.',
    other: 'Put the {n} most important items first, in order. Items below them are not ranked.',
  },
  howToMove:
    'Drag an item, use its Up and Down buttons, or select it and press Space to pick it up, the arrow keys to move it and Space again to drop it.',
  ranked: 'Ranked',
  notRanked: 'Not ranked',
  notRankedBadge: '–',
  up: 'Up',
  down: 'Down',
  moveUp: 'Move {item} up',
  moveDown: 'Move {item} down',
  itemAt: '{item}, position {position} of {count}',
  itemNotRanked: '{item}, not ranked',
  pickedUp:
    '{item} picked up, position {position} of {count}. Use the up and down arrow keys to move it, Space or Enter to drop it, Escape to cancel.',
  pickedUpNotRanked:
    '{item} picked up, not ranked. Use the up and down arrow keys to move it, Space or Enter to drop it, Escape to cancel.',
  dropped: '{item} dropped at position {position} of {count}.',
  droppedNotRanked: '{item} dropped, not ranked.',
  cancelled: 'Move cancelled. {item} is back at position {position} of {count}.',
  cancelledNotRanked: 'Move cancelled. {item} is back among the items not ranked.',
  nothingToRank: 'There is nothing to rank yet',
  submitted: 'Thank you. Your ranking has been counted.',
  yourRanking: 'Your ranking:',
  resultsCaption: { one: 'Results: {n} response', other: 'Results: {n} responses' },
  rankHeader: 'Rank',
  itemHeader: 'Item',
  pointsHeader: 'Points',
  points: points.en,
  meanHeader: 'Average position',
  noPosition: '–',
  how: {
    one: 'In each response an item scores one point for every item ranked below it. Items are listed by their total points; the average position is where people put them, 1 being most important.',
    other:
      'In each response an item scores one point for every item ranked below it, so the first of {n} items scores {points} and the last scores none. Items are listed by their total points; the average position is where people put them, 1 being most important.',
  },
  // Building the ranking from nothing ranked.
  howToAdd:
    'Press Add beside the most important item, then beside the next most important, and so on. Remove takes an item out again.',
  add: 'Add',
  addItem: 'Add {item} to your ranking',
  remove: 'Remove',
  removeItem: 'Remove {item} from your ranking',
  added: '{item} added at position {position} of {count}.',
  removed: '{item} removed from your ranking.',
  movedBumping: '{item}, position {position} of {count}. {bumped} is no longer ranked.',
  droppedBumping: '{item} dropped at position {position} of {count}. {bumped} is no longer ranked.',
  rankingFull: {
    one: 'You can rank only {n} item. Remove it first to make room for {item}.',
    other: 'You can rank only {n} items. Remove one first to make room for {item}.',
  },
  noneRanked: 'Nothing ranked yet.',
  allRanked: 'Every item is ranked.',
  rankAll: {
    one: 'Add the item to your ranking',
    other: 'Put all {n} items in your ranking, most important first',
  },
  rankTop: {
    one: 'Choose the most important item',
    other: 'Choose the {n} most important items, most important first',
  },
  rankMore: {
    one: 'Add {n} more item to your ranking: you have ranked {ranked} of {count}',
    other: 'Add {n} more items to your ranking: you have ranked {ranked} of {count}',
  },
};

export type RankingMessages = { [Key in keyof typeof en]: Message };

// Welsh and Gaelic come as language packs: one module each, the common messages with the widget's own.
export const rankingMessages = withPacks<RankingMessages>(
  { en },
  {
    cy: () => import('./ranking.pack.cy.js').then((module) => module.default),
    gd: () => import('./ranking.pack.gd.js').then((module) => module.default),
  },
);
