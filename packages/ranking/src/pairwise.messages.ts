import { common, type Catalogues, type Message } from '@delib/core';

/**
 * The pairwise widget's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A NATIVE
 * SPEAKER: see the note in `@delib/core`'s messages. Plural messages list the forms
 * `Intl.PluralRules` gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one,
 * two, few, other).
 */
const en = {
  ...common.en,
  question: 'Which matters more to you?',
  or: 'or',
  cantDecide: "I can't decide",
  stop: 'Stop and see results',
  pairOf: 'Pair {n} of {total}',
  progressLabel: 'Pairs answered',
  keysHint: 'You can also press 1 or the left arrow key for the first, 2 or the right arrow key for the second.',
  chose: 'You chose {winner} over {loser}.',
  undecided: 'You could not decide between {first} and {second}.',
  nextPair: 'Pair {n} of {total}: {first} or {second}?',
  finished: 'That was the last pair. Thank you.',
  stopped: 'Thank you for your answers.',
  answered: { one: 'You compared {n} pair.', other: 'You compared {n} pairs.' },
  tooFewItems: 'There is nothing to compare yet.',
  queuedVotes: 'We could not send your answers just now. They are saved on this device and will be sent automatically.',
  queuedVotesUnsaved:
    'We could not send your answers just now, and they could not be saved on this device. We will keep trying while this page is open, so please keep it open until they have been sent.',
  suggestionLabel: 'Add your own idea',
  suggestionHint: 'Others may be asked about it later.',
  suggest: 'Add idea',
  suggestionMissing: 'Enter your idea',
  suggestionSent: 'Thank you. Your idea was sent: {text}',
  resultsCaption: {
    one: 'Results from {n} comparison',
    other: 'Results from {n} comparisons',
  },
  itemHeader: 'Idea',
  scoreHeader: 'Score',
  winsHeader: 'Chosen',
  lossesHeader: 'Not chosen',
  how: 'Each score is the chance that people choose an idea over another one: the times it was chosen plus one, divided by the times it was compared (not counting "can\'t decide") plus two, so ideas that were rarely shown start near 50%.',
};

export type PairwiseMessages = { [Key in keyof typeof en]: Message };

export const pairwiseMessages: Catalogues<PairwiseMessages> = {
  en,
  // NEEDS NATIVE REVIEW
  cy: {
    ...common.cy,
    question: "Pa un sy'n bwysicach i chi?",
    or: 'neu',
    cantDecide: 'Alla i ddim penderfynu',
    stop: 'Gorffen a gweld y canlyniadau',
    pairOf: 'Pâr {n} o {total}',
    progressLabel: "Parau wedi'u hateb",
    keysHint: "Gallwch hefyd bwyso 1 neu'r fysell saeth chwith ar gyfer y cyntaf, 2 neu'r fysell saeth dde ar gyfer yr ail.",
    chose: 'Fe wnaethoch chi ddewis {winner} dros {loser}.',
    undecided: 'Doeddech chi ddim yn gallu penderfynu rhwng {first} a {second}.',
    nextPair: 'Pâr {n} o {total}: {first} neu {second}?',
    finished: "Dyna'r pâr olaf. Diolch.",
    stopped: 'Diolch am eich atebion.',
    answered: {
      zero: 'Fe wnaethoch chi gymharu {n} pâr.',
      one: 'Fe wnaethoch chi gymharu {n} pâr.',
      two: 'Fe wnaethoch chi gymharu {n} bâr.',
      few: 'Fe wnaethoch chi gymharu {n} phâr.',
      many: 'Fe wnaethoch chi gymharu {n} phâr.',
      other: 'Fe wnaethoch chi gymharu {n} o barau.',
    },
    tooFewItems: "Nid oes dim byd i'w gymharu eto.",
    queuedVotes:
      "Nid oedd modd anfon eich atebion ar hyn o bryd. Maen nhw wedi'u cadw ar y ddyfais hon a byddant yn cael eu hanfon yn awtomatig.",
    // NEEDS NATIVE REVIEW
    queuedVotesUnsaved:
      "Nid oedd modd anfon eich atebion ar hyn o bryd, ac nid oedd modd eu cadw ar y ddyfais hon. Byddwn yn dal i geisio tra bo'r dudalen hon ar agor, felly cadwch hi ar agor nes eu bod wedi'u hanfon.",
    suggestionLabel: 'Ychwanegu eich syniad eich hun',
    suggestionHint: 'Efallai y bydd eraill yn cael eu holi amdano yn nes ymlaen.',
    suggest: 'Ychwanegu syniad',
    suggestionMissing: 'Rhowch eich syniad',
    suggestionSent: 'Diolch. Anfonwyd eich syniad: {text}',
    // "cymhariaeth" is feminine: un gymhariaeth, dwy gymhariaeth, tair cymhariaeth, chwe chymhariaeth.
    resultsCaption: {
      zero: 'Canlyniadau o {n} cymhariaeth',
      one: 'Canlyniadau o {n} gymhariaeth',
      two: 'Canlyniadau o {n} gymhariaeth',
      few: 'Canlyniadau o {n} cymhariaeth',
      many: 'Canlyniadau o {n} chymhariaeth',
      other: 'Canlyniadau o {n} o gymariaethau',
    },
    itemHeader: 'Syniad',
    scoreHeader: 'Sgôr',
    winsHeader: 'Dewiswyd',
    lossesHeader: 'Heb ei ddewis',
    how: "Mae pob sgôr yn dangos y siawns y bydd pobl yn dewis syniad dros un arall: y nifer o weithiau y cafodd ei ddewis ynghyd ag un, wedi'i rannu â'r nifer o weithiau y cafodd ei gymharu (heb gyfrif ‘Alla i ddim penderfynu’) ynghyd â dau, felly mae syniadau a ddangoswyd yn anaml yn dechrau'n agos at 50%.",
  },
  // NEEDS NATIVE REVIEW
  gd: {
    ...common.gd,
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
  },
};
