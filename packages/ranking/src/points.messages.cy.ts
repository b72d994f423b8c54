import type { Plural } from '@delib/core';

/**
 * "{n} points" in Welsh (`cy`): a language pack part, under `points` in the ranking's and the budget's packs.
 */
// NEEDS NATIVE REVIEW
// "pwynt" is masculine and stays singular after a number, mutated: pwynt, dau bwynt, tri phwynt,
// chwe phwynt; "o" and the plural after the other numbers.
export default {
  zero: '{n} pwynt',
  one: '{n} pwynt',
  two: '{n} bwynt',
  few: '{n} phwynt',
  many: '{n} phwynt',
  other: '{n} o bwyntiau',
} satisfies Plural;
