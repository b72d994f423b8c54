import type { PollMessages } from './messages.js';

/**
 * The poll's messages in Scottish Gaelic (`gd`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
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
} satisfies Partial<PollMessages>;
