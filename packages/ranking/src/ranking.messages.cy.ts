import type { RankingMessages } from './ranking.messages.js';

/**
 * The ranking's messages in Welsh (`cy`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
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
} satisfies Partial<RankingMessages>;
