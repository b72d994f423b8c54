import { common, type Catalogues, type Message } from '@delib/core';
import { points } from './points.messages.js';

/**
 * The budget's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A NATIVE SPEAKER:
 * see the note in `@delib/core`'s messages. Plural messages list the forms `Intl.PluralRules`
 * gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one, two, few, other).
 *
 * `{amount}`, `{total}`, `{left}` and `{over}` are amounts already written out with their unit
 * ("60 points", "£60"), so only `points` and `units` need plural forms.
 */
const en = {
  ...common.en,
  submit: 'Submit',
  /** The default unit, `unit="points"`. */
  points: points.en,
  /** Any other unit word, as the page wrote it. Override `points` or this for better grammar. */
  units: '{n} {unit}',
  hint: 'You have {total} to share out. Use whole numbers.',
  hintAll: 'You have {total} to share out. Use whole numbers, and share out all of it.',
  add: 'Add {amount} to {item}',
  take: 'Take {amount} from {item}',
  left: '{left} left to share out, of {total}.',
  allGiven: 'You have shared out all {total}.',
  over: 'You have given {over} more than the {total} you have.',
  notWhole: 'Enter a whole number for {item}, like 0 or 25',
  negative: 'Enter 0 or more for {item}',
  overspent: 'You have given {over} too many. Take {over} away so that you give no more than {total}',
  spendAll: 'Share out all {total}: you still have {left} left',
  nothingGiven: 'Give some of your {total} to at least one item',
  submitted: 'Thank you. Your budget has been received.',
  youGave: 'You gave: {choices}.',
  gaveItem: '{item}: {amount}',
  resultsCaption: { one: 'Results: {n} person shared out a budget', other: 'Results: {n} people shared out a budget' },
  itemHeader: 'Item',
  totalHeader: 'Total',
  meanHeader: 'Mean per person',
  shareHeader: 'Share of everything given',
  yourGift: '(you gave {amount})',
  how: 'Totals add up what everyone gave each item; the mean is the average given per person.',
};

export type BudgetMessages = { [Key in keyof typeof en]: Message };

export const budgetMessages: Catalogues<BudgetMessages> = {
  en,
  // NEEDS NATIVE REVIEW
  cy: {
    ...common.cy,
    submit: 'Cyflwyno',
    points: points.cy,
    units: '{n} {unit}',
    hint: "Mae gennych {total} i'w rhannu. Defnyddiwch rifau cyfan.",
    hintAll: "Mae gennych {total} i'w rhannu. Defnyddiwch rifau cyfan, a rhannwch y cyfan.",
    add: 'Ychwanegu {amount} at {item}',
    take: 'Tynnu {amount} o {item}',
    left: "{left} ar ôl i'w rhannu, o {total}.",
    allGiven: "Rydych wedi rhannu'r cyfan o {total}.",
    over: "Rydych wedi rhoi {over} yn fwy na'r {total} sydd gennych.",
    notWhole: 'Rhowch rif cyfan ar gyfer {item}, fel 0 neu 25',
    negative: 'Rhowch 0 neu fwy ar gyfer {item}',
    overspent: 'Rydych wedi rhoi {over} yn ormod. Tynnwch {over} fel nad ydych yn rhoi mwy na {total}',
    spendAll: 'Rhannwch y cyfan o {total}: mae gennych {left} ar ôl o hyd',
    nothingGiven: "Rhowch rywfaint o'ch {total} i o leiaf un eitem",
    submitted: 'Diolch. Mae eich cyllideb wedi dod i law.',
    youGave: 'Fe wnaethoch chi roi: {choices}.',
    gaveItem: '{item}: {amount}',
    resultsCaption: {
      zero: 'Canlyniadau: {n} person wedi rhannu cyllideb',
      one: 'Canlyniadau: {n} person wedi rhannu cyllideb',
      two: 'Canlyniadau: {n} berson wedi rhannu cyllideb',
      few: 'Canlyniadau: {n} pherson wedi rhannu cyllideb',
      many: 'Canlyniadau: {n} pherson wedi rhannu cyllideb',
      other: 'Canlyniadau: {n} o bobl wedi rhannu cyllideb',
    },
    itemHeader: 'Eitem',
    totalHeader: 'Cyfanswm',
    meanHeader: 'Cymedr y person',
    shareHeader: "Cyfran o'r cyfan a roddwyd",
    yourGift: '(fe wnaethoch chi roi {amount})',
    how: "Mae'r cyfansymiau'n adio'r hyn a roddodd pawb i bob eitem; y cymedr yw'r swm cyfartalog a roddwyd gan bob person.",
  },
  // NEEDS NATIVE REVIEW
  gd: {
    ...common.gd,
    submit: 'Cuir a-null',
    points: points.gd,
    units: '{n} {unit}',
    hint: 'Tha {total} agad ri roinn. Cleachd àireamhan slàna.',
    hintAll: 'Tha {total} agad ri roinn. Cleachd àireamhan slàna, agus roinn e uile.',
    add: 'Cuir {amount} ri {item}',
    take: 'Thoir {amount} bho {item}',
    left: '{left} air fhàgail ri roinn, a-mach à {total}.',
    allGiven: 'Roinn thu na {total} uile.',
    over: 'Thug thu {over} a bharrachd air na {total} a tha agad.',
    notWhole: 'Cuir a-steach àireamh shlàn airson {item}, mar 0 no 25',
    negative: 'Cuir a-steach 0 no barrachd airson {item}',
    overspent: 'Thug thu {over} cus. Thoir air falbh {over} gus nach toir thu barrachd air {total}',
    spendAll: 'Roinn na {total} uile: tha {left} agad fhathast',
    nothingGiven: "Thoir cuid de na {total} agad do dh'aon nì co-dhiù",
    submitted: 'Tapadh leat. Fhuair sinn do bhuidseat.',
    youGave: 'Thug thu: {choices}.',
    gaveItem: '{item}: {amount}',
    resultsCaption: {
      one: 'Toraidhean: roinn {n} neach buidseat',
      two: 'Toraidhean: roinn {n} neach buidseat',
      few: 'Toraidhean: roinn {n} daoine buidseat',
      other: 'Toraidhean: roinn {n} neach buidseat',
    },
    itemHeader: 'Nì',
    totalHeader: 'Iomlan',
    meanHeader: 'Cuibheas gach neach',
    shareHeader: 'Cuibhreann de na chaidh a thoirt seachad',
    yourGift: '(thug thu {amount})',
    how: "Tha na h-iomlanan a' cur ri chèile na thug a h-uile duine do gach nì; 's e an cuibheas na thug gach neach, gu cuibheasach.",
  },
};
