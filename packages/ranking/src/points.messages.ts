/**
 * "{n} points": the budget's default unit, and the points of the ranking's results. English here; Welsh
 * (`cy`) and Scottish Gaelic (`gd`), which NEED REVIEW BY A NATIVE SPEAKER, in `points.messages.cy.ts` and
 * `points.messages.gd.ts`, parts of the ranking's and the budget's language packs.
 */
export const points = {
  en: { one: '{n} point', other: '{n} points' },
};
