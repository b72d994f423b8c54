import { common, withPacks, type Message } from '@delib/core';

/**
 * The poll's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A NATIVE SPEAKER:
 * see the note in `@delib/core`'s messages. Plural messages list the forms `Intl.PluralRules`
 * gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one, two, few, other).
 */
const en = {
  ...common.en,
  submit: 'Vote',
  other: 'Other',
  otherLabel: 'Your other answer',
  chooseOne: 'Select an option',
  chooseSome: 'Select at least one option',
  tooMany: { one: 'Select no more than {n} option', other: 'Select no more than {n} options' },
  otherMissing: 'Enter your other answer',
  hintMultiple: { one: 'Select up to {n} option.', other: 'Select up to {n} options.' },
  hintAny: 'Select all that apply.',
  submitted: 'Thank you. Your vote has been counted.',
  youChose: 'You voted for: {choices}.',
  resultsCaption: { one: 'Results: {n} vote', other: 'Results: {n} votes' },
  optionHeader: 'Option',
  votesHeader: 'Votes',
  shareHeader: 'Share',
  yourChoice: '(your choice)',
  howSingle:
    'Each person chose one option. Percentages are of all votes, rounded to whole numbers, so they may not add up to 100%.',
  howMultiple:
    'Each person could choose more than one option, so percentages (of the people who voted) can add up to more than 100%.',
};

export type PollMessages = { [Key in keyof typeof en]: Message };

// Welsh and Gaelic come as language packs: one module each, the common messages with the widget's own.
export const pollMessages = withPacks<PollMessages>(
  { en },
  {
    cy: () => import('./poll.pack.cy.js').then((module) => module.default),
    gd: () => import('./poll.pack.gd.js').then((module) => module.default),
  },
);
