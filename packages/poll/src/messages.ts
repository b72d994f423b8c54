import { common, type Catalogues, type Message } from '@delib/core';

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

export const pollMessages: Catalogues<PollMessages> = {
  en,
  // NEEDS NATIVE REVIEW
  cy: {
    ...common.cy,
    submit: 'Pleidleisio',
    other: 'Arall',
    otherLabel: 'Eich ateb arall',
    chooseOne: 'Dewiswch opsiwn',
    chooseSome: 'Dewiswch o leiaf un opsiwn',
    // Like every other Welsh count here: the singular after 0, 1, 2, 3 and 6, "o" and the plural after the rest.
    tooMany: {
      zero: 'Peidiwch â dewis mwy na {n} opsiwn',
      one: 'Peidiwch â dewis mwy na {n} opsiwn',
      two: 'Peidiwch â dewis mwy na {n} opsiwn',
      few: 'Peidiwch â dewis mwy na {n} opsiwn',
      many: 'Peidiwch â dewis mwy na {n} opsiwn',
      other: 'Peidiwch â dewis mwy na {n} o opsiynau',
    },
    otherMissing: 'Rhowch eich ateb arall',
    hintMultiple: {
      zero: 'Dewiswch hyd at {n} opsiwn.',
      one: 'Dewiswch hyd at {n} opsiwn.',
      two: 'Dewiswch hyd at {n} opsiwn.',
      few: 'Dewiswch hyd at {n} opsiwn.',
      many: 'Dewiswch hyd at {n} opsiwn.',
      other: 'Dewiswch hyd at {n} o opsiynau.',
    },
    hintAny: "Dewiswch bob un sy'n berthnasol.",
    submitted: "Diolch. Mae eich pleidlais wedi'i chyfrif.",
    youChose: 'Fe wnaethoch chi bleidleisio dros: {choices}.',
    // "pleidlais" is feminine: un bleidlais, dwy bleidlais, tair pleidlais (no mutation), chwe phleidlais.
    resultsCaption: {
      zero: 'Canlyniadau: {n} pleidlais',
      one: 'Canlyniadau: {n} bleidlais',
      two: 'Canlyniadau: {n} bleidlais',
      few: 'Canlyniadau: {n} pleidlais',
      many: 'Canlyniadau: {n} phleidlais',
      other: 'Canlyniadau: {n} o bleidleisiau',
    },
    optionHeader: 'Opsiwn',
    votesHeader: 'Pleidleisiau',
    shareHeader: 'Cyfran',
    yourChoice: '(eich dewis)',
    howSingle:
      "Dewisodd pob person un opsiwn. Mae'r canrannau o'r holl bleidleisiau, wedi'u talgrynnu i rifau cyfan, felly efallai na fyddant yn adio i 100%.",
    howMultiple:
      "Gallai pob person ddewis mwy nag un opsiwn, felly gall y canrannau (o'r bobl a bleidleisiodd) adio i fwy na 100%.",
  },
  // NEEDS NATIVE REVIEW
  gd: {
    ...common.gd,
    submit: 'Bhòt',
    other: 'Eile',
    otherLabel: 'Do fhreagairt eile',
    chooseOne: 'Tagh roghainn',
    chooseSome: 'Tagh co-dhiù aon roghainn',
    tooMany: { few: 'Na tagh barrachd air {n} roghainnean', other: 'Na tagh barrachd air {n} roghainn' },
    otherMissing: 'Cuir a-steach do fhreagairt eile',
    hintMultiple: { few: 'Tagh suas ri {n} roghainnean.', other: 'Tagh suas ri {n} roghainn.' },
    hintAny: 'Tagh a h-uile gin a tha iomchaidh.',
    submitted: 'Tapadh leat. Chaidh do bhòt a chunntadh.',
    youChose: 'Bhòt thu airson: {choices}.',
    resultsCaption: {
      one: 'Toraidhean: {n} bhòt',
      two: 'Toraidhean: {n} bhòt',
      few: 'Toraidhean: {n} bhòtaichean',
      other: 'Toraidhean: {n} bhòt',
    },
    optionHeader: 'Roghainn',
    votesHeader: 'Bhòtaichean',
    shareHeader: 'Cuibhreann',
    yourChoice: '(do roghainn)',
    howSingle:
      "Thagh gach neach aon roghainn. Tha na ceudadan a-mach à na bhòtaichean uile, air an cruinneachadh gu àireamhan slàna, mar sin dh'fhaodadh nach tig iad gu 100%.",
    howMultiple:
      "B' urrainn do gach neach barrachd air aon roghainn a thaghadh, mar sin faodaidh na ceudadan (de na daoine a bhòt) a dhol thairis air 100%.",
  },
};
