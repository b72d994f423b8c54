import type { BudgetMessages } from './budget.messages.js';

/**
 * The budget's messages in Welsh (`cy`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
  submit: 'Cyflwyno',
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
} satisfies Partial<BudgetMessages>;
