/**
 * "{n} points", in each shipped language: the budget's default unit, and the points of the ranking's
 * results. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A NATIVE SPEAKER.
 */
export const points = {
  en: { one: '{n} point', other: '{n} points' },
  // NEEDS NATIVE REVIEW
  // "pwynt" is masculine and stays singular after a number, mutated: pwynt, dau bwynt, tri phwynt,
  // chwe phwynt; "o" and the plural after the other numbers.
  cy: {
    zero: '{n} pwynt',
    one: '{n} pwynt',
    two: '{n} bwynt',
    few: '{n} phwynt',
    many: '{n} phwynt',
    other: '{n} o bwyntiau',
  },
  // NEEDS NATIVE REVIEW
  // Lenited singular after 1, 2, 11 and 12; plural from 3 to 10 and 13 to 19; singular from 20 (and for
  // 21–99, which CLDR's four Gaelic categories cannot tell from 20).
  gd: {
    one: '{n} phuing',
    two: '{n} phuing',
    few: '{n} puingean',
    other: '{n} puing',
  },
};
