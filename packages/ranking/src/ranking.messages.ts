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
  },
};
