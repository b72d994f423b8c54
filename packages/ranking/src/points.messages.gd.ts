import type { Plural } from '@delib/core';

/**
 * "{n} points" in Scottish Gaelic (`gd`): a language pack part, under `points` in the ranking's and the budget's packs.
 */
// NEEDS NATIVE REVIEW
// Lenited singular after 1, 2, 11 and 12; plural from 3 to 10 and 13 to 19; singular from 20 (and for
// 21–99, which CLDR's four Gaelic categories cannot tell from 20).
export default {
  one: '{n} phuing',
  two: '{n} phuing',
  few: '{n} puingean',
  other: '{n} puing',
} satisfies Plural;
