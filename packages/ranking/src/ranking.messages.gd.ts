import type { RankingMessages } from './ranking.messages.js';

/**
 * The ranking's messages in Scottish Gaelic (`gd`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
  // "Òrdugh" is also an order placed or given: the ranking is "rangachadh", as the widget says elsewhere.
  submit: 'Cuir a-null an rangachadh agad',
  hint: 'Cuir na nithean ann an òrdugh, leis an fhear as cudromaiche an toiseach.',
  // "one" is 1 and 11: only "=1" may leave the number out.
  hintTop: {
    '=1': 'Cuir an nì as cudromaiche an toiseach. Chan eil na nithean fodha air an rangachadh.',
    one: 'Cuir an {n} nì as cudromaiche an toiseach, ann an òrdugh. Chan eil na nithean fodhpa air an rangachadh.',
    two: 'Cuir an {n} nì as cudromaiche an toiseach, ann an òrdugh. Chan eil na nithean fodhpa air an rangachadh.',
    few: 'Cuir na {n} nithean as cudromaiche an toiseach, ann an òrdugh. Chan eil na nithean fodhpa air an rangachadh.',
    other: 'Cuir na {n} nì as cudromaiche an toiseach, ann an òrdugh. Chan eil na nithean fodhpa air an rangachadh.',
  },
  // "Enter" and "Escape" as on the keys (and in Mozilla's Gaelic); no published Gaelic name for the space
  // bar was found, so "Space" stays until a speaker gives one.
  howToMove:
    'Slaod nì, cleachd na putanan Suas is Sìos aige, no tagh e is brùth Space gus a thogail, na saighdean gus a ghluasad agus Space a-rithist gus a leigeil às.',
  ranked: 'Air an rangachadh',
  notRanked: 'Gun rangachadh',
  up: 'Suas',
  down: 'Sìos',
  moveUp: 'Gluais {item} suas',
  moveDown: 'Gluais {item} sìos',
  itemAt: '{item}, ionad {position} à {count}',
  itemNotRanked: '{item}, gun rangachadh',
  pickedUp:
    'Chaidh {item} a thogail, ionad {position} à {count}. Cleachd na saighdean suas is sìos gus a ghluasad, Space no Enter gus a leigeil às, Escape gus sguir dheth.',
  pickedUpNotRanked:
    'Chaidh {item} a thogail, gun rangachadh. Cleachd na saighdean suas is sìos gus a ghluasad, Space no Enter gus a leigeil às, Escape gus sguir dheth.',
  dropped: 'Chaidh {item} a leigeil às aig ionad {position} à {count}.',
  droppedNotRanked: 'Chaidh {item} a leigeil às, gun rangachadh.',
  cancelled: 'Sguir thu dhen ghluasad. Tha {item} air ais aig ionad {position} à {count}.',
  cancelledNotRanked: 'Sguir thu dhen ghluasad. Tha {item} air ais am measg nan nithean gun rangachadh.',
  nothingToRank: 'Chan eil dad ri rangachadh fhathast',
  submitted: 'Tapadh leat. Chaidh an rangachadh agad a chunntadh.',
  yourRanking: 'An rangachadh agad:',
  resultsCaption: {
    one: 'Toraidhean: {n} fhreagairt',
    two: 'Toraidhean: {n} fhreagairt',
    few: 'Toraidhean: {n} freagairtean',
    other: 'Toraidhean: {n} freagairt',
  },
  rankHeader: 'Ionad',
  itemHeader: 'Nì',
  pointsHeader: 'Puingean',
  meanHeader: 'Ionad cuibheasach',
  // With a positive verb "gin" is "any": the last one gets none only with "chan fhaigh".
  how: {
    '=1': "Anns gach freagairt, gheibh nì puing airson gach nì a tha fodha. Tha na nithean air an liostadh a rèir nam puingean aca uile gu lèir; 's e an t-ionad cuibheasach far an do chuir daoine iad, le 1 as cudromaiche.",
    one: "Anns gach freagairt, gheibh nì puing airson gach nì a tha fodha, mar sin gheibh a' chiad fhear de {n} nì {points} agus chan fhaigh am fear mu dheireadh gin. Tha na nithean air an liostadh a rèir nam puingean aca uile gu lèir; 's e an t-ionad cuibheasach far an do chuir daoine iad, le 1 as cudromaiche.",
    two: "Anns gach freagairt, gheibh nì puing airson gach nì a tha fodha, mar sin gheibh a' chiad fhear de {n} nì {points} agus chan fhaigh am fear mu dheireadh gin. Tha na nithean air an liostadh a rèir nam puingean aca uile gu lèir; 's e an t-ionad cuibheasach far an do chuir daoine iad, le 1 as cudromaiche.",
    few: "Anns gach freagairt, gheibh nì puing airson gach nì a tha fodha, mar sin gheibh a' chiad fhear de {n} nithean {points} agus chan fhaigh am fear mu dheireadh gin. Tha na nithean air an liostadh a rèir nam puingean aca uile gu lèir; 's e an t-ionad cuibheasach far an do chuir daoine iad, le 1 as cudromaiche.",
    other:
      "Anns gach freagairt, gheibh nì puing airson gach nì a tha fodha, mar sin gheibh a' chiad fhear de {n} nì {points} agus chan fhaigh am fear mu dheireadh gin. Tha na nithean air an liostadh a rèir nam puingean aca uile gu lèir; 's e an t-ionad cuibheasach far an do chuir daoine iad, le 1 as cudromaiche.",
  },
  // Building the ranking from nothing ranked. Gaelic `one` is 1 and 11: every form keeps {n}.
  howToAdd:
    'Brùth Cuir ris ri taobh an nì as cudromaiche, an uair sin ri taobh an ath fhir as cudromaiche, is mar sin air adhart, no slaod nithean dhan rangachadh agad. Bheir Thoir air falbh nì a-mach a-rithist.',
  add: 'Cuir ris',
  // The button's visible words come first in its name, so that speech control finds it by them.
  addItem: 'Cuir ris an rangachadh agad: {item}',
  remove: 'Thoir air falbh',
  removeItem: 'Thoir air falbh {item} bhon rangachadh agad',
  added: 'Chaidh {item} a chur ris aig ionad {position} à {count}.',
  removed: 'Chaidh {item} a thoirt às an rangachadh agad.',
  movedBumping: '{item}, ionad {position} à {count}. Chan eil {bumped} air a rangachadh tuilleadh.',
  droppedBumping: 'Chaidh {item} a leigeil às aig ionad {position} à {count}. Chan eil {bumped} air a rangachadh tuilleadh.',
  // "one" is 1 and 11: only "=1" may leave the number out, or say "it".
  rankingFull: {
    '=1': 'Chan urrainn dhut ach 1 nì a rangachadh. Thoir air falbh e an toiseach gus àite a dhèanamh do {item}.',
    one: 'Chan urrainn dhut ach {n} nì a rangachadh. Thoir fear air falbh an toiseach gus àite a dhèanamh do {item}.',
    two: 'Chan urrainn dhut ach {n} nì a rangachadh. Thoir fear air falbh an toiseach gus àite a dhèanamh do {item}.',
    few: 'Chan urrainn dhut ach {n} nithean a rangachadh. Thoir fear air falbh an toiseach gus àite a dhèanamh do {item}.',
    other: 'Chan urrainn dhut ach {n} nì a rangachadh. Thoir fear air falbh an toiseach gus àite a dhèanamh do {item}.',
  },
  noneRanked: 'Chan eil dad air a rangachadh fhathast.',
  allRanked: 'Tha a h-uile nì air a rangachadh.',
  rankAll: {
    '=1': 'Cuir an nì san rangachadh agad',
    one: 'Cuir an {n} nì uile san rangachadh agad, leis an fhear as cudromaiche an toiseach',
    two: 'Cuir an {n} nì uile san rangachadh agad, leis an fhear as cudromaiche an toiseach',
    few: 'Cuir na {n} nithean uile san rangachadh agad, leis an fhear as cudromaiche an toiseach',
    other: 'Cuir na {n} nì uile san rangachadh agad, leis an fhear as cudromaiche an toiseach',
  },
  rankTop: {
    '=1': 'Tagh an nì as cudromaiche',
    one: 'Tagh an {n} nì as cudromaiche, leis an fhear as cudromaiche an toiseach',
    two: 'Tagh an {n} nì as cudromaiche, leis an fhear as cudromaiche an toiseach',
    few: 'Tagh na {n} nithean as cudromaiche, leis an fhear as cudromaiche an toiseach',
    other: 'Tagh na {n} nì as cudromaiche, leis an fhear as cudromaiche an toiseach',
  },
  rankMore: {
    one: 'Cuir {n} nì eile ris an rangachadh agad: tha thu air {ranked} à {count} a rangachadh',
    two: 'Cuir {n} nì eile ris an rangachadh agad: tha thu air {ranked} à {count} a rangachadh',
    few: 'Cuir {n} nithean eile ris an rangachadh agad: tha thu air {ranked} à {count} a rangachadh',
    other: 'Cuir {n} nì eile ris an rangachadh agad: tha thu air {ranked} à {count} a rangachadh',
  },
} satisfies Partial<RankingMessages>;
