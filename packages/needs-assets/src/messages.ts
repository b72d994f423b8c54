import { common, withPacks, type Message } from '@delib/core';

/**
 * The needs-and-assets form's messages. Welsh (`cy`) and Scottish Gaelic (`gd`) NEED REVIEW BY A
 * NATIVE SPEAKER: see the note in `@delib/core`'s messages. Plural messages list the forms
 * `Intl.PluralRules` gives for the language (Welsh: zero, one, two, few, many, other; Gaelic: one,
 * two, few, other).
 *
 * Default category labels are `category.<value>`; hints for them `hint.<value>`.
 */
const en = {
  ...common.en,
  stepOf: 'Step {n} of {total}',
  /** The step heading while the step has problems; `{title}` is the heading. */
  errorTitle: { one: 'Error ({n} problem): {title}', other: 'Error ({n} problems): {title}' },
  back: 'Back',
  continue: 'Continue',
  needsTitle: 'What does your community need?',
  needsHint: 'Select all that apply.',
  assetsTitle: 'What can you offer?',
  assetsHint: 'Skills, time, a space, equipment, knowledge or people you know. Select all that apply.',
  /** The box revealed under a ticked category; `{category}` is its label, so each box has its own name. */
  tellMore: 'Tell us more about {category} (optional)',
  otherNeed: 'What else does your community need?',
  otherAsset: 'What else can you offer?',
  or: 'or',
  nothing: 'Nothing at the moment',
  areaTitle: 'Where is your community?',
  areaLabel: 'Neighbourhood, street or postcode (optional)',
  areaHint: 'For example, Riverside, Mill Street or SW1A 1AA. You do not have to give a postcode.',
  contactTitle: 'Can we contact you?',
  contactHint: 'Only if you want us to. We will use your details only to contact you about what you tell us here.',
  privacy: 'How we use your information (opens in new tab)',
  consent: 'Yes, you can contact me about this',
  name: 'Your name',
  email: 'Email address',
  phone: 'Phone number',
  contactHow: 'Give an email address, a phone number or both.',
  checkTitle: 'Check your answers before sending',
  rowNeeds: 'What your community needs',
  rowAssets: 'What you can offer',
  rowArea: 'Where',
  rowContact: 'Contact',
  change: 'Change',
  none: 'Nothing at the moment',
  notGiven: 'Not given',
  noContact: 'Do not contact me',
  inForm: 'Your answers will be sent with the rest of this form.',
  send: 'Send',
  submitted: 'Thank you. We have received your answers.',
  queued:
    'We could not send your answers just now. They are saved on this device and will be sent automatically, even if you close this page.',
  queuedUnsaved:
    'We could not send your answers just now, and they could not be saved on this device. We will keep trying while this page is open, so please keep it open until your answers have been sent.',
  refused: 'Your answers could not be accepted: {reason}',
  resultsPending: 'Results will be shown once your answers have been sent.',
  doneTitle: 'Thank you',
  doneBody: 'We have received what you told us.',
  queuedTitle: 'Your answers are saved',
  queuedUnsavedTitle: 'Your answers have not been sent yet',
  nextTitle: 'What happens next',
  next: 'We will bring together what people across the area need and can offer, and use it to plan with the community.',
  nextContact: 'You said we may contact you, so someone may get in touch about what you told us.',
  chooseNeeds: 'Select what your community needs, or select ‘Nothing at the moment’',
  chooseAssets: 'Select what you can offer, or select ‘Nothing at the moment’',
  nothingAtAll: 'Select something you can offer, or go back and say what your community needs',
  describeNeed: 'Tell us what else your community needs',
  describeAsset: 'Tell us what else you can offer',
  postcode: 'Enter a full postcode, like SW1A 1AA, or the name of your area',
  needName: 'Enter your name',
  needEmailOrPhone: 'Enter an email address or a phone number',
  badEmail: 'Enter an email address in the correct format, like name@example.com',
  badPhone: 'Enter a phone number, like 01632 960 001 or +44 808 157 0192',
  resultsCaption: {
    one: 'What we need, what we have: {n} person answered',
    other: 'What we need, what we have: {n} people answered',
  },
  categoryHeader: 'Category',
  needHeader: 'Need it',
  offerHeader: 'Can offer it',
  notAsked: 'Not asked',
  count: '{n} ({percent})',
  how: 'Each number is how many people named that category. People could name several, so the percentages, of everyone who answered, need not add up to 100.',
  somethingElse: 'Something else',
  'category.housing': 'Housing',
  'category.getting-around': 'Getting around',
  'category.health-and-care': 'Health and care',
  'category.food': 'Food',
  'category.children-and-young-people': 'Children and young people',
  'category.older-people': 'Older people',
  'category.jobs-and-skills': 'Jobs and skills',
  'category.safety': 'Safety',
  'category.green-spaces': 'Green spaces',
  'category.culture': 'Culture',
  'category.digital-access': 'Digital access',
  'category.skills': 'Skills',
  'category.time': 'Time',
  'category.space': 'Space',
  'category.equipment': 'Equipment',
  'category.knowledge': 'Knowledge',
  'category.connections': 'Connections',
  'hint.skills': 'Such as cooking, repairs, languages or first aid',
  'hint.time': 'To help now and then, or regularly',
  'hint.space': 'A room, hall, garden or yard that people could use',
  'hint.equipment': 'Such as tools, a vehicle, a laptop or kitchen things',
  'hint.knowledge': 'Something you know well and could share',
  'hint.connections': 'People or groups you could introduce us to',
};

export type NeedsAssetsMessages = { [Key in keyof typeof en]: Message };

// Welsh and Gaelic come as language packs: one module each, the common messages with the widget's own.
export const needsAssetsMessages = withPacks<NeedsAssetsMessages>(
  { en },
  {
    cy: () => import('./needs-assets.pack.cy.js').then((module) => module.default),
    gd: () => import('./needs-assets.pack.gd.js').then((module) => module.default),
  },
);
