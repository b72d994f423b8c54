import type { BudgetMessages } from './budget.messages.js';

/**
 * The budget's messages in Scottish Gaelic (`gd`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
  submit: 'Cuir a-null',
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
} satisfies Partial<BudgetMessages>;
