import { common, withPacks, type Message } from '@delib/core';

/**
 * The pairwise widget's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A NATIVE
 * SPEAKER: see the note in `@delib/core`'s messages. Plural messages list the forms
 * `Intl.PluralRules` gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one,
 * two, few, other).
 */
const en = {
  ...common.en,
  question: 'Which matters more to you?',
  or: 'or',
  cantDecide: "I can't decide",
  stop: 'Stop and see results',
  pairOf: 'Pair {n} of {total}',
  progressLabel: 'Pairs answered',
  keysHint: 'You can also press 1 or the left arrow key for the first, 2 or the right arrow key for the second.',
  chose: 'You chose {winner} over {loser}.',
  undecided: 'You could not decide between {first} and {second}.',
  nextPair: 'Pair {n} of {total}: {first} or {second}?',
  finished: 'That was the last pair. Thank you.',
  stopped: 'Thank you for your answers.',
  answered: { one: 'You compared {n} pair.', other: 'You compared {n} pairs.' },
  tooFewItems: 'There is nothing to compare yet.',
  queuedVotes: 'We could not send your answers just now. They are saved on this device and will be sent automatically.',
  queuedVotesUnsaved:
    'We could not send your answers just now, and they could not be saved on this device. We will keep trying while this page is open, so please keep it open until they have been sent.',
  suggestionLabel: 'Add your own idea',
  suggestionHint: 'Others may be asked about it later.',
  suggest: 'Add idea',
  suggestionMissing: 'Enter your idea',
  suggestionSent: 'Thank you. Your idea was sent: {text}',
  resultsCaption: {
    one: 'Results from {n} comparison',
    other: 'Results from {n} comparisons',
  },
  itemHeader: 'Idea',
  scoreHeader: 'Score',
  winsHeader: 'Chosen',
  lossesHeader: 'Not chosen',
  how: 'Each score is the chance that people choose an idea over another one: the times it was chosen plus one, divided by the times it was compared (not counting "can\'t decide") plus two, so ideas that were rarely shown start near 50%.',
};

export type PairwiseMessages = { [Key in keyof typeof en]: Message };

// Welsh and Gaelic come as language packs: one module each, the common messages with the widget's own.
export const pairwiseMessages = withPacks<PairwiseMessages>(
  { en },
  {
    cy: () => import('./pairwise.pack.cy.js').then((module) => module.default),
    gd: () => import('./pairwise.pack.gd.js').then((module) => module.default),
  },
);
