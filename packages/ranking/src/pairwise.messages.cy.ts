import type { PairwiseMessages } from './pairwise.messages.js';

/**
 * The pairwise widget's messages in Welsh (`cy`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
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
} satisfies Partial<PairwiseMessages>;
