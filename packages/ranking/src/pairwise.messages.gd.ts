import type { PairwiseMessages } from './pairwise.messages.js';

/**
 * The pairwise widget's messages in Scottish Gaelic (`gd`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
  question: 'Dè as cudromaiche dhut?',
  or: 'no',
  cantDecide: 'Chan urrainn dhomh co-dhùnadh',
  stop: 'Sguir is seall na toraidhean',
  pairOf: 'Paidhir {n} à {total}',
  progressLabel: 'Paidhrichean air am freagairt',
  keysHint:
    "'S urrainn dhut cuideachd 1 no an t-saighead chlì a bhrùthadh airson a' chiad fhear, 2 no an t-saighead dheas airson an dàrna fear.",
  chose: 'Thagh thu {winner} seach {loser}.',
  undecided: "Cha b' urrainn dhut co-dhùnadh eadar {first} agus {second}.",
  nextPair: 'Paidhir {n} à {total}: {first} no {second}?',
  finished: "B' e sin a' phaidhir mu dheireadh. Tapadh leat.",
  stopped: 'Tapadh leat airson do fhreagairtean.',
  answered: {
    one: 'Rinn thu coimeas air {n} phaidhir.',
    two: 'Rinn thu coimeas air {n} phaidhir.',
    few: 'Rinn thu coimeas air {n} paidhrichean.',
    other: 'Rinn thu coimeas air {n} paidhir.',
  },
  tooFewItems: 'Chan eil dad ri choimeas fhathast.',
  queuedVotes:
    "Cha b' urrainn dhuinn do fhreagairtean a chur an-dràsta. Tha iad air an sàbhaladh air an uidheam seo agus thèid an cur leotha fhèin.",
  // NEEDS NATIVE REVIEW
  queuedVotesUnsaved:
    "Cha b' urrainn dhuinn do fhreagairtean a chur an-dràsta, agus cha b' urrainn dhuinn an sàbhaladh air an uidheam seo. Cumaidh sinn oirnn a' feuchainn fhad 's a bhios an duilleag seo fosgailte, mar sin cùm fosgailte i gus am bi iad air an cur.",
  suggestionLabel: 'Cuir do bheachd fhèin ris',
  suggestionHint: "Dh'fhaodadh gun tèid faighneachd do dhaoine eile mu dheidhinn an ceann greis.",
  suggest: 'Cuir am beachd ris',
  suggestionMissing: 'Cuir a-steach do bheachd',
  suggestionSent: 'Tapadh leat. Chaidh do bheachd a chur: {text}',
  resultsCaption: {
    one: 'Toraidhean bho {n} choimeas',
    two: 'Toraidhean bho {n} choimeas',
    few: 'Toraidhean bho {n} coimeasan',
    other: 'Toraidhean bho {n} coimeas',
  },
  itemHeader: 'Beachd',
  scoreHeader: 'Sgòr',
  winsHeader: 'Air a thaghadh',
  lossesHeader: 'Gun a thaghadh',
  how: 'Tha gach sgòr a\' sealltainn cho coltach \'s a tha e gun tagh daoine beachd seach fear eile: an àireamh de thursan a chaidh a thaghadh agus aon, air a roinn leis an àireamh de thursan a chaidh a choimeas (gun "chan urrainn dhomh co-dhùnadh" a chunntadh) agus dhà, mar sin tòisichidh beachdan nach deach a shealltainn ach ainneamh faisg air 50%.',
} satisfies Partial<PairwiseMessages>;
