import { pack, withPacks } from './localize.js';

/**
 * Messages every widget uses: English here, Welsh and Gaelic in their language packs (`messages.cy.ts`,
 * `messages.gd.ts`), loaded when a widget first shows the language.
 *
 * The Welsh (`cy`) and Scottish Gaelic (`gd`) texts were written by the developers from published
 * public-sector usage and NEED REVIEW BY A NATIVE SPEAKER before a council relies on them; every
 * string can be overridden through the `messages` property meanwhile. Welsh follows GOV.UK Forms' wording
 * where it has one (alphagov/forms-runner config/locales/cy.yml).
 *
 * Gaelic counts can only be as right as CLDR's four plural categories allow: 21–99 get the form of 20
 * (the singular, "23 bhòt"), where counting aloud follows the last word ("fichead 's a trì" like 3). Each
 * plural message is checked for n = 0…100 in test/browser/plurals.test.ts.
 */
const en = {
  problem: 'There is a problem',
  errorPrefix: 'Error:',
  sending: 'Sending…',
  queued:
    'We could not send your answer just now. It is saved on this device and will be sent automatically, even if you close this page.',
  queuedUnsaved:
    'We could not send your answer just now, and it could not be saved on this device. We will keep trying while this page is open, so please keep it open until your answer has been sent.',
  submitted: 'Thank you. We have received your answer.',
  refused: 'Your answer could not be accepted: {reason}',
  notSetUp: 'This cannot send answers yet because it is not fully set up. Please tell the website team.',
  closed: 'This closed on {date}.',
  closes: 'Open until {date}.',
  closedNow: 'This question has closed, so no more answers are being taken.',
  outcomeHeading: 'What we did with your answers',
  outcomePublished: 'Published on {date}.',
  resultsLoading: 'Loading results…',
  resultsFailed: 'The results could not be loaded.',
  resultsPending: 'Results will be shown once your answer has been sent.',
  retry: 'Try again',
};

export type CommonMessages = typeof en;

/**
 * A language pack of the common messages: any of them, and what a language without its own data in
 * browsers needs for dates and lists (see `Translator.date` and `Translator.list`).
 */
export type CommonPack = Partial<CommonMessages> & { months?: string; dateTime?: string; and?: string; andBeforeVowel?: string };

export const common = withPacks<CommonMessages>(
  { en },
  {
    cy: () => pack(import('./messages.cy.js')),
    gd: () => pack(import('./messages.gd.js')),
  },
);
