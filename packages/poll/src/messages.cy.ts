import type { PollMessages } from './messages.js';

/**
 * The poll's messages in Welsh (`cy`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
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
} satisfies Partial<PollMessages>;
