import { common, type Catalogues, type Message } from '@delib/core';
import { points } from './points.messages.js';

/**
 * The ranking's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A NATIVE SPEAKER:
 * see the note in `@delib/core`'s messages. Plural messages list the forms `Intl.PluralRules`
 * gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one, two, few, other).
 *
 * `{item}` is an item's label, `{position}` and `{count}` its place among the ranked items.
 * `how` has `{n}` items, the first of which scores `{points}` (`points` of `{max}`), so that the noun after
 * `{max}` agrees with `{max}`, not with `{n}`.
 */
const en = {
  ...common.en,
  submit: 'Submit ranking',
  hint: 'Put the items in order, most important first.',
  hintTop: {
    one: 'Put the most important item first. Items below it are not ranked.',
    other: 'Put the {n} most important items first, in order. Items below them are not ranked.',
  },
  howToMove:
    'Drag an item, use its Up and Down buttons, or select it and press Space to pick it up, the arrow keys to move it and Space again to drop it.',
  ranked: 'Ranked',
  notRanked: 'Not ranked',
  notRankedBadge: '–',
  up: 'Up',
  down: 'Down',
  moveUp: 'Move {item} up',
  moveDown: 'Move {item} down',
  itemAt: '{item}, position {position} of {count}',
  itemNotRanked: '{item}, not ranked',
  pickedUp:
    '{item} picked up, position {position} of {count}. Use the up and down arrow keys to move it, Space or Enter to drop it, Escape to cancel.',
  pickedUpNotRanked:
    '{item} picked up, not ranked. Use the up and down arrow keys to move it, Space or Enter to drop it, Escape to cancel.',
  dropped: '{item} dropped at position {position} of {count}.',
  droppedNotRanked: '{item} dropped, not ranked.',
  cancelled: 'Move cancelled. {item} is back at position {position} of {count}.',
  cancelledNotRanked: 'Move cancelled. {item} is back among the items not ranked.',
  nothingToRank: 'There is nothing to rank yet',
  submitted: 'Thank you. Your ranking has been counted.',
  yourRanking: 'Your ranking:',
  resultsCaption: { one: 'Results: {n} response', other: 'Results: {n} responses' },
  rankHeader: 'Rank',
  itemHeader: 'Item',
  pointsHeader: 'Points',
  points: points.en,
  meanHeader: 'Average position',
  noPosition: '–',
  how: {
    one: 'In each response an item scores one point for every item ranked below it. Items are listed by their total points; the average position is where people put them, 1 being most important.',
    other:
      'In each response an item scores one point for every item ranked below it, so the first of {n} items scores {points} and the last scores none. Items are listed by their total points; the average position is where people put them, 1 being most important.',
  },
  // Building the ranking from nothing ranked.
  howToAdd:
    'Press Add beside the most important item, then beside the next most important, and so on. Remove takes an item out again.',
  add: 'Add',
  addItem: 'Add {item} to your ranking',
  remove: 'Remove',
  removeItem: 'Remove {item} from your ranking',
  added: '{item} added at position {position} of {count}.',
  removed: '{item} removed from your ranking.',
  movedBumping: '{item}, position {position} of {count}. {bumped} is no longer ranked.',
  droppedBumping: '{item} dropped at position {position} of {count}. {bumped} is no longer ranked.',
  rankingFull: {
    one: 'You can rank only {n} item. Remove it first to make room for {item}.',
    other: 'You can rank only {n} items. Remove one first to make room for {item}.',
  },
  noneRanked: 'Nothing ranked yet.',
  allRanked: 'Every item is ranked.',
  rankAll: {
    one: 'Add the item to your ranking',
    other: 'Put all {n} items in your ranking, most important first',
  },
  rankTop: {
    one: 'Choose the most important item',
    other: 'Choose the {n} most important items, most important first',
  },
  rankMore: {
    one: 'Add {n} more item to your ranking: you have ranked {ranked} of {count}',
    other: 'Add {n} more items to your ranking: you have ranked {ranked} of {count}',
  },
};

export type RankingMessages = { [Key in keyof typeof en]: Message };

export const rankingMessages: Catalogues<RankingMessages> = {
  en,
  // NEEDS NATIVE REVIEW
  cy: {
    ...common.cy,
    submit: 'Cyflwyno eich trefn',
    hint: "Rhowch yr eitemau mewn trefn, gyda'r pwysicaf yn gyntaf.",
    // "Rhoi mewn trefn" (put in order), as the widget says elsewhere: "rhestru" is to list, and the items are
    // listed either way. "Eich" (your) and not "y"/"yr", which would have to follow how the number is read
    // (yr 8, yr 11, y 10).
    hintTop: {
      zero: "Rhowch eich {n} eitem bwysicaf yn gyntaf, mewn trefn. Nid yw'r eitemau oddi tanynt wedi'u rhoi mewn trefn.",
      one: "Rhowch yr eitem bwysicaf yn gyntaf. Nid yw'r eitemau oddi tani wedi'u rhoi mewn trefn.",
      two: "Rhowch eich {n} eitem bwysicaf yn gyntaf, mewn trefn. Nid yw'r eitemau oddi tanynt wedi'u rhoi mewn trefn.",
      few: "Rhowch eich {n} eitem bwysicaf yn gyntaf, mewn trefn. Nid yw'r eitemau oddi tanynt wedi'u rhoi mewn trefn.",
      many: "Rhowch eich {n} eitem bwysicaf yn gyntaf, mewn trefn. Nid yw'r eitemau oddi tanynt wedi'u rhoi mewn trefn.",
      other: "Rhowch eich {n} o eitemau pwysicaf yn gyntaf, mewn trefn. Nid yw'r eitemau oddi tanynt wedi'u rhoi mewn trefn.",
    },
    // Keys by the names on them: "Enter" and "Escape" as Mozilla's Welsh and Gaelic key names keep them
    // (firefox-l10n cy, gd toolkit/chrome/global/keys.properties); the space bar is "Bylchwr".
    howToMove:
      "Llusgwch eitem, defnyddiwch ei botymau I fyny ac I lawr, neu dewiswch hi a phwyso'r Bylchwr i'w chodi, y saethau i'w symud a'r Bylchwr eto i'w gollwng.",
    ranked: 'Yn eu trefn',
    notRanked: 'Heb eu rhoi mewn trefn',
    up: 'I fyny',
    down: 'I lawr',
    moveUp: 'Symud {item} i fyny',
    moveDown: 'Symud {item} i lawr',
    itemAt: '{item}, safle {position} o {count}',
    itemNotRanked: '{item}, heb ei rhoi mewn trefn',
    pickedUp:
      "Wedi codi {item}, safle {position} o {count}. Defnyddiwch y saethau i fyny ac i lawr i'w symud, y Bylchwr neu Enter i'w gollwng, Escape i ganslo.",
    pickedUpNotRanked:
      "Wedi codi {item}, heb ei rhoi mewn trefn. Defnyddiwch y saethau i fyny ac i lawr i'w symud, y Bylchwr neu Enter i'w gollwng, Escape i ganslo.",
    dropped: 'Wedi gollwng {item} yn safle {position} o {count}.',
    droppedNotRanked: 'Wedi gollwng {item}, heb ei rhoi mewn trefn.',
    cancelled: "Wedi canslo'r symud. Mae {item} yn ôl yn safle {position} o {count}.",
    cancelledNotRanked: "Wedi canslo'r symud. Mae {item} yn ôl ymhlith yr eitemau heb eu rhoi mewn trefn.",
    nothingToRank: "Nid oes dim i'w roi mewn trefn eto",
    submitted: "Diolch. Mae eich trefn wedi'i chyfrif.",
    yourRanking: 'Eich trefn:',
    resultsCaption: {
      zero: 'Canlyniadau: {n} ymateb',
      one: 'Canlyniadau: {n} ymateb',
      two: 'Canlyniadau: {n} ymateb',
      few: 'Canlyniadau: {n} ymateb',
      many: 'Canlyniadau: {n} ymateb',
      other: 'Canlyniadau: {n} o ymatebion',
    },
    rankHeader: 'Safle',
    itemHeader: 'Eitem',
    pointsHeader: 'Pwyntiau',
    points: points.cy,
    meanHeader: 'Safle cyfartalog',
    how: {
      zero: "Ym mhob ymateb mae eitem yn cael un pwynt am bob eitem sydd islaw iddi. Mae'r eitemau wedi'u rhestru yn ôl cyfanswm eu pwyntiau; y safle cyfartalog yw lle rhoddodd pobl nhw, gydag 1 yn bwysicaf.",
      one: "Ym mhob ymateb mae eitem yn cael un pwynt am bob eitem sydd islaw iddi. Mae'r eitemau wedi'u rhestru yn ôl cyfanswm eu pwyntiau; y safle cyfartalog yw lle rhoddodd pobl nhw, gydag 1 yn bwysicaf.",
      two: "Ym mhob ymateb mae eitem yn cael un pwynt am bob eitem sydd islaw iddi, felly mae'r gyntaf o {n} eitem yn cael {points} a'r olaf yn cael dim. Mae'r eitemau wedi'u rhestru yn ôl cyfanswm eu pwyntiau; y safle cyfartalog yw lle rhoddodd pobl nhw, gydag 1 yn bwysicaf.",
      few: "Ym mhob ymateb mae eitem yn cael un pwynt am bob eitem sydd islaw iddi, felly mae'r gyntaf o {n} eitem yn cael {points} a'r olaf yn cael dim. Mae'r eitemau wedi'u rhestru yn ôl cyfanswm eu pwyntiau; y safle cyfartalog yw lle rhoddodd pobl nhw, gydag 1 yn bwysicaf.",
      many: "Ym mhob ymateb mae eitem yn cael un pwynt am bob eitem sydd islaw iddi, felly mae'r gyntaf o {n} eitem yn cael {points} a'r olaf yn cael dim. Mae'r eitemau wedi'u rhestru yn ôl cyfanswm eu pwyntiau; y safle cyfartalog yw lle rhoddodd pobl nhw, gydag 1 yn bwysicaf.",
      other:
        "Ym mhob ymateb mae eitem yn cael un pwynt am bob eitem sydd islaw iddi, felly mae'r gyntaf o {n} o eitemau yn cael {points} a'r olaf yn cael dim. Mae'r eitemau wedi'u rhestru yn ôl cyfanswm eu pwyntiau; y safle cyfartalog yw lle rhoddodd pobl nhw, gydag 1 yn bwysicaf.",
    },
    // Building the ranking from nothing ranked.
    howToAdd:
      'Pwyswch Ychwanegu wrth yr eitem bwysicaf, yna wrth yr un nesaf o ran pwysigrwydd, ac ati. Mae Tynnu yn mynd ag eitem allan eto.',
    add: 'Ychwanegu',
    addItem: 'Ychwanegu {item} at eich trefn',
    remove: 'Tynnu',
    removeItem: "Tynnu {item} o'ch trefn",
    added: 'Wedi ychwanegu {item} yn safle {position} o {count}.',
    removed: "Wedi tynnu {item} o'ch trefn.",
    movedBumping: '{item}, safle {position} o {count}. Nid yw {bumped} yn eich trefn mwyach.',
    droppedBumping: 'Wedi gollwng {item} yn safle {position} o {count}. Nid yw {bumped} yn eich trefn mwyach.',
    rankingFull: {
      zero: 'Dim ond {n} eitem y gallwch eu rhoi mewn trefn. Tynnwch un yn gyntaf i wneud lle i {item}.',
      one: 'Dim ond {n} eitem y gallwch ei rhoi mewn trefn. Tynnwch hi yn gyntaf i wneud lle i {item}.',
      two: 'Dim ond {n} eitem y gallwch eu rhoi mewn trefn. Tynnwch un yn gyntaf i wneud lle i {item}.',
      few: 'Dim ond {n} eitem y gallwch eu rhoi mewn trefn. Tynnwch un yn gyntaf i wneud lle i {item}.',
      many: 'Dim ond {n} eitem y gallwch eu rhoi mewn trefn. Tynnwch un yn gyntaf i wneud lle i {item}.',
      other: 'Dim ond {n} o eitemau y gallwch eu rhoi mewn trefn. Tynnwch un yn gyntaf i wneud lle i {item}.',
    },
    noneRanked: 'Nid oes dim yn eich trefn eto.',
    allRanked: 'Mae pob eitem yn eich trefn.',
    // Without the count: "y"/"yr" before it would have to follow how the number is read (yr 8, yr 11).
    rankAll: {
      one: 'Ychwanegwch yr eitem at eich trefn',
      other: "Rhowch bob eitem yn eich trefn, gyda'r bwysicaf yn gyntaf",
    },
    rankTop: {
      zero: "Dewiswch eich {n} eitem bwysicaf, gyda'r bwysicaf yn gyntaf",
      one: 'Dewiswch yr eitem bwysicaf',
      two: "Dewiswch eich {n} eitem bwysicaf, gyda'r bwysicaf yn gyntaf",
      few: "Dewiswch eich {n} eitem bwysicaf, gyda'r bwysicaf yn gyntaf",
      many: "Dewiswch eich {n} eitem bwysicaf, gyda'r bwysicaf yn gyntaf",
      other: "Dewiswch eich {n} o eitemau pwysicaf, gyda'r bwysicaf yn gyntaf",
    },
    rankMore: {
      zero: 'Ychwanegwch {n} eitem arall at eich trefn: rydych wedi rhoi {ranked} o {count} mewn trefn',
      one: 'Ychwanegwch {n} eitem arall at eich trefn: rydych wedi rhoi {ranked} o {count} mewn trefn',
      two: 'Ychwanegwch {n} eitem arall at eich trefn: rydych wedi rhoi {ranked} o {count} mewn trefn',
      few: 'Ychwanegwch {n} eitem arall at eich trefn: rydych wedi rhoi {ranked} o {count} mewn trefn',
      many: 'Ychwanegwch {n} eitem arall at eich trefn: rydych wedi rhoi {ranked} o {count} mewn trefn',
      other: 'Ychwanegwch {n} o eitemau eraill at eich trefn: rydych wedi rhoi {ranked} o {count} mewn trefn',
    },
  },
  // NEEDS NATIVE REVIEW
  gd: {
    ...common.gd,
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
    points: points.gd,
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
  },
};
