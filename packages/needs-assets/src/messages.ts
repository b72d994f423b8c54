import { common, withPacks, type Message } from '@delib/core';
import own from './messages.en.js';

/**
 * The needs-and-assets form's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A
 * NATIVE SPEAKER: see the note in `@delib/core`'s messages. Plural messages list the forms
 * `Intl.PluralRules` gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one,
 * two, few, other).
 * The English words are in `messages.en.ts`.
 */
const en = { ...common.en, ...own };

export type NeedsAssetsMessages = { [Key in keyof typeof en]: Message };

// Welsh and Gaelic come as language packs: one module each, the common messages with the widget's own.
export const needsAssetsMessages = withPacks<NeedsAssetsMessages>(
  { en },
  {
    cy: () => import('./needs-assets.pack.cy.js').then((module) => module.default),
    gd: () => import('./needs-assets.pack.gd.js').then((module) => module.default),
  },
);
