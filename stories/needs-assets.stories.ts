import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  attributes,
  resultsShownIn,
  statusShows,
  token,
  widgetIn,
  wrap,
  inAFortnight,
  longAgo,
  documentedOnly,
  embedSnippet,
  exampleDocs,
  exampleEndpoint,
  optionLines,
  widgetAttributes,
  type WidgetArgs,
} from './shared.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@delib/needs-assets/define.js';
import type { DelibNeedsAssets } from '@delib/needs-assets';
import { mockEndpoints, refusal } from '../.storybook/mock-endpoint.js';

interface Category {
  value: string;
  label: string;
  description?: string;
}

type NeedsAssetsArgs = WidgetArgs & {
  'privacy-url': string;
  /** Rendered as `<optgroup label="needs">` of `<option>`s; empty: the default categories. */
  needs: Category[];
  /** Rendered as `<optgroup label="assets">` of `<option>`s; empty: the default categories. */
  assets: Category[];
};

/** A page's own categories, matching the mock endpoint's seed for `parks-needs-assets-2026`. */
const pageNeeds: Category[] = [
  { value: 'transport', label: 'Getting to the shops and appointments' },
  { value: 'company', label: 'Company and friendship', description: 'For people who are lonely or cut off' },
  { value: 'childcare', label: 'Childcare' },
  { value: 'food', label: 'Affordable food' },
];
const pageAssets: Category[] = [
  { value: 'time', label: 'Time to volunteer' },
  { value: 'skills', label: 'A skill to share', description: 'Such as gardening, bike repairs or English lessons' },
  { value: 'knowledge', label: 'Local knowledge' },
  { value: 'space', label: 'A space people can use' },
  { value: 'equipment', label: 'Tools or equipment' },
];

// ---- rendering -------------------------------------------------------------------------------

const group = (label: 'needs' | 'assets', categories: Category[] | undefined) =>
  categories?.length
    ? html`<optgroup label=${label}>
        ${categories.map(
          (category) =>
            html`<option value=${category.value} data-description=${category.description || nothing}>${category.label}</option>`,
        )}
      </optgroup>`
    : nothing;

const needsAssets = (args: NeedsAssetsArgs) =>
  html`<delib-needs-assets ${widgetAttributes(args)} privacy-url=${args['privacy-url'] || nothing}
    >${group('needs', args.needs)}${group('assets', args.assets)}</delib-needs-assets
  >`;

// ---- reaching a step ------------------------------------------------------------------------
//
// The first step, and what a person does on a step (ticking, typing, pressing Continue), are
// play functions, so they check what a person would see. Later steps start from a draft seeded in
// sessionStorage before the story renders, exactly as the widget finds its draft after a reload of
// the tab: that is deterministic, needs no chain of clicks that a change to an earlier step would
// break, and shows each step as it first appears (no error summary, no announcement). The meta's
// `beforeEach` removes every draft first, so each story starts afresh even when Storybook reuses the
// tab (the preview's own `beforeEach` clears only localStorage).

/** The draft the widget keeps in sessionStorage: `Draft` in packages/needs-assets/src/needs-assets.ts. */
interface Draft {
  step: 'needs' | 'assets' | 'area' | 'contact' | 'check';
  needs: Record<string, string>;
  assets: Record<string, string>;
  none: { needs?: boolean; assets?: boolean };
  area: string;
  consent: boolean;
  name: string;
  email: string;
  phone: string;
}

const draftPrefix = 'delib:draft:v1:delib-needs-assets:';

function forgetDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(draftPrefix)) sessionStorage.removeItem(key);
}

/** A story's `beforeEach` that seeds this tab's draft for the story's widget id. */
const resume =
  (draft: Partial<Draft>) =>
  ({ args }: { args: NeedsAssetsArgs }) => {
    const empty: Draft = {
      step: 'needs',
      needs: {},
      assets: {},
      none: {},
      area: '',
      consent: false,
      name: '',
      email: '',
      phone: '',
    };
    sessionStorage.setItem(`${draftPrefix}${args['widget-id']}`, JSON.stringify({ ...empty, ...draft }));
  };

/** Steps 1 and 2 answered. */
const chosen: Partial<Draft> = {
  needs: { food: 'A community fridge at the church hall', 'older-people': '' },
  assets: { time: 'Saturday mornings', skills: '' },
};
const contact: Partial<Draft> = { consent: true, name: 'Ann Jones', email: 'ann.jones@example.com', phone: '' };
/** Every step answered, ready to send. */
const complete: Partial<Draft> = { ...chosen, area: 'cf10 1ep', ...contact, step: 'check' };

// ---- helpers for play functions -------------------------------------------------------------

const tag = 'delib-needs-assets';
const status = (canvasElement: HTMLElement, text: RegExp) => statusShows(canvasElement, tag, text);
const resultsShown = (canvasElement: HTMLElement) => resultsShownIn(canvasElement, tag);
const needsAssetsIn = (canvasElement: HTMLElement) => widgetIn<DelibNeedsAssets>(canvasElement, tag);

/** Ticks the checkboxes with these names. */
async function tick(canvasElement: HTMLElement, ...names: (string | RegExp)[]) {
  const { element, shadow } = await needsAssetsIn(canvasElement);
  for (const name of names) await userEvent.click(shadow.getByRole('checkbox', { name }));
  return { element, shadow };
}

async function type(canvasElement: HTMLElement, name: string | RegExp, text: string) {
  const { shadow } = await needsAssetsIn(canvasElement);
  await userEvent.type(shadow.getByRole('textbox', { name }), text);
}

async function press(canvasElement: HTMLElement, name: RegExp) {
  const { shadow } = await needsAssetsIn(canvasElement);
  await userEvent.click(shadow.getByRole('button', { name }));
}

/** Waits until the step's heading reads `text`. */
async function headingShows(canvasElement: HTMLElement, text: string | RegExp) {
  const { shadow } = await needsAssetsIn(canvasElement);
  await waitFor(() => expect(shadow.getByRole('heading', { level: 2 })).toHaveTextContent(text));
}

/** The error summary lists `text` and has the focus, as GOV.UK's does. */
async function problemShown(canvasElement: HTMLElement, text: string, summaryName = 'There is a problem') {
  const { element, shadow } = await needsAssetsIn(canvasElement);
  const summary = await waitFor(() => shadow.getByRole('group', { name: summaryName }));
  await expect(summary).toHaveTextContent(text);
  await waitFor(() => expect(element.shadowRoot!.activeElement).toBe(summary));
}

/** Presses Continue and expects the error summary to list `text`. */
async function continueWithProblem(canvasElement: HTMLElement, text: string) {
  await press(canvasElement, /^Continue$/);
  await problemShown(canvasElement, text);
}

/** The docs page's example: a neighbourhood's own categories, as a council would ask. */
const penrhos = {
  'widget-id': 'penrhos-neighbourhood-2027',
  'privacy-url': 'https://www.glanmorfa.gov.uk/privacy/our-neighbourhood',
  needs: [
    { value: 'getting-about', label: 'Getting about: buses, paths and lifts' },
    { value: 'company', label: 'Company and friendship', description: 'For people who are lonely or cut off' },
    { value: 'food', label: 'Affordable food' },
    { value: 'warm-spaces', label: 'Warm spaces' },
  ],
  assets: [
    { value: 'time', label: 'Time to volunteer', description: 'An hour a week, or now and then' },
    { value: 'skills', label: 'A skill to share', description: 'Such as cooking, gardening, repairs or a language' },
    { value: 'space', label: 'A space people can use' },
    { value: 'equipment', label: 'Tools or equipment to lend' },
  ],
} satisfies Partial<NeedsAssetsArgs>;

// ---- meta -----------------------------------------------------------------------------------

/**
 * Properties from the manifest that stay in the API table without a control: camelCase twins of
 * attributes that have controls, read-only getters, and `options` (the categories come from optgroups).
 */

const meta = {
  title: 'Widgets/delib-needs-assets',
  tags: ['autodocs'],
  component: 'delib-needs-assets',
  render: (args) => wrap(args, needsAssets(args)),
  beforeEach: forgetDrafts,
  parameters: {
    docs: {
      description: {
        component: `A needs-and-assets form asks residents what their neighbourhood needs, and what they could offer it: time, a
skill, a space, some equipment. A council or community group uses the answers to plan with what is already there, not
only with what is missing.

It asks one thing per page, the GOV.UK way, and shows "check your answers" before sending. Contact details are asked
for only if the person agrees to be contacted. Afterwards people see what everyone needs and offers, side by side.
Give the categories that fit your area in two \`<optgroup>\`s, or leave them out for a sensible default list.

The example below is live: go through the steps and send. Under it is the HTML a page needs. Then come the
attributes, events, parts and design tokens, and a story for each step, error and state a resident can meet.`,
      },
    },
  },
  args: {
    'widget-id': 'neighbourhood-needs-2026',
    endpoint: mockEndpoints.ok,
    'privacy-url': 'https://council.example/privacy/neighbourhood',
    closes: '',
    results: 'after-submit',
    name: '',
    required: false,
    disabled: false,
    needs: [],
    assets: [],
    lang: '',
  },
  argTypes: {
    'widget-id': { control: 'text', ...attributes },
    endpoint: {
      control: 'select',
      options: Object.values(mockEndpoints),
      description:
        'Base URL of the endpoint. Here, the mock endpoint of `.storybook/mock-endpoint.ts`: `api` accepts, `api-offline` fails like a network, `api-refuse` answers 422, `api-slow` never answers, `api-broken` cannot give results.',
      ...attributes,
    },
    'privacy-url': { control: 'text', description: 'The privacy notice, linked next to the consent question.', ...attributes },
    closes: { control: 'text', description: 'ISO date-time, e.g. 2024-03-31T16:00:00Z (past: closed).', ...attributes },
    results: { control: 'inline-radio', options: ['after-submit', 'always', 'after-close', 'never'], ...attributes },
    name: { control: 'text', description: 'Inside a `<form>`: the field name (see the "In a form" story).', ...attributes },
    required: { control: 'boolean', ...attributes },
    disabled: { control: 'boolean', ...attributes },
    messages: {
      control: 'object',
      description:
        'Overrides of visible strings by message key, e.g. `{ "next": "We will share what we learn at the March residents\' meeting." }` or `{ "category.food": "Affordable food" }`.',
      ...attributes,
    },
    needs: {
      control: 'object',
      description:
        'Rendered as `<optgroup label="needs">` holding `<option value data-description>` elements. Empty: the default categories.',
      table: { category: 'story' },
    },
    assets: {
      control: 'object',
      description:
        'Rendered as `<optgroup label="assets">` holding `<option value data-description>` elements. Empty: the default categories.',
      table: { category: 'story' },
    },
    lang: {
      control: 'inline-radio',
      options: ['', 'en', 'cy', 'gd'],
      description: '`lang` of an ancestor.',
      table: { category: 'story' },
    },
    '--delib-color-accent': token('color', '#1d70b8'),
    '--delib-color-accent-text': token('color', '#fff'),
    '--delib-color-text': token('color', 'inherited'),
    '--delib-color-background': token('color', 'transparent'),
    '--delib-color-border': token('color', '#505a5f'),
    '--delib-color-input': token('color', '#fff'),
    '--delib-color-muted': token('color', '#505a5f'),
    '--delib-color-error': token('color', '#c3250f'),
    '--delib-color-success': token('color', '#00703c'),
    '--delib-color-bar': token('color', 'the accent'),
    '--delib-focus-color': token('color', '#0b0c0c'),
    '--delib-font-family': token('text', 'inherited'),
    '--delib-question-size': token('text', '1.25em'),
    '--delib-radius': token('text', '0.25rem'),
    '--delib-space-s': token('text', '0.5rem'),
    '--delib-space-m': token('text', '1rem'),
    '--delib-max-width': token('text', '40rem'),
    onDelibSubmit: { action: 'delib-submit', table: { disable: true } },
    onDelibSubmitted: { action: 'delib-submitted', table: { disable: true } },
    onDelibQueued: { action: 'delib-queued', table: { disable: true } },
    onDelibError: { action: 'delib-error', table: { disable: true } },
    ...documentedOnly('privacyUrl', 'step', 'remember'),
  },
} satisfies Meta<NeedsAssetsArgs>;

export default meta;
type Story = StoryObj<NeedsAssetsArgs>;

// ---- the docs page's example ----------------------------------------------------------------

/** A survey of the docs page's own, with the HTML a page needs to run it. */
export const Example: Story = {
  args: penrhos,
  parameters: exampleDocs(
    embedSnippet(
      'delib-needs-assets',
      { 'widget-id': penrhos['widget-id'], endpoint: exampleEndpoint, 'privacy-url': penrhos['privacy-url'] },
      [
        '<optgroup label="needs">',
        ...optionLines(penrhos.needs).map((line) => `  ${line}`),
        '</optgroup>',
        '<optgroup label="assets">',
        ...optionLines(penrhos.assets).map((line) => `  ${line}`),
        '</optgroup>',
      ],
    ),
  ),
};

// ---- step 1: needs --------------------------------------------------------------------------

/** Step 1 with the default categories: nothing ticked yet. */
export const Default: Story = {
  name: 'Needs (default categories)',
  play: async ({ canvasElement }) => {
    await headingShows(canvasElement, 'Step 1 of 4 What does your community need?');
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('checkbox', { name: 'Digital access' })).toBeTruthy();
  },
};

export const PageCategories: Story = {
  name: 'Needs from the page’s optgroups',
  args: { 'widget-id': 'parks-needs-assets-2026', needs: pageNeeds, assets: pageAssets },
  play: async ({ canvasElement }) => {
    const { shadow } = await needsAssetsIn(canvasElement);
    const boxes = shadow.getAllByRole('checkbox').map((box) => box.closest('label')?.textContent?.trim());
    await expect(boxes).toEqual([...pageNeeds.map((need) => need.label), 'Something else', 'Nothing at the moment']);
  },
};

export const NeedTicked: Story = {
  name: 'Needs, one ticked and told more',
  play: async ({ canvasElement }) => {
    await tick(canvasElement, 'Food');
    await type(canvasElement, 'Tell us more about Food (optional)', 'A community fridge at the church hall');
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('textbox', { name: 'Tell us more about Food (optional)' })).toHaveValue(
      'A community fridge at the church hall',
    );
  },
};

export const Disabled: Story = {
  args: { disabled: true },
};

export const OpenUntil: Story = {
  name: 'Open until a date',
  args: { closes: inAFortnight },
  play: async ({ canvasElement }) => {
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByText(/Open until/)).toBeTruthy();
  },
};

export const NeedsNothingTicked: Story = {
  name: 'Error: needs, nothing ticked',
  play: async ({ canvasElement }) => {
    await continueWithProblem(canvasElement, 'Select what your community needs, or select ‘Nothing at the moment’');
    await headingShows(canvasElement, 'Step 1 of 4 Error (1 problem): What does your community need?');
  },
};

export const NeedsSomethingElseEmpty: Story = {
  name: 'Error: needs, something else without text',
  play: async ({ canvasElement }) => {
    await tick(canvasElement, 'Something else');
    await continueWithProblem(canvasElement, 'Tell us what else your community needs');
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('textbox', { name: 'What else does your community need?' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  },
};

// ---- step 2: assets -------------------------------------------------------------------------

export const Assets: Story = {
  name: 'Assets',
  play: async ({ canvasElement }) => {
    await tick(canvasElement, 'Food', 'Older people');
    await press(canvasElement, /^Continue$/);
    await headingShows(canvasElement, 'Step 2 of 4 What can you offer?');
    // The new step is announced and its heading takes the focus.
    await status(canvasElement, /Step 2 of 4: What can you offer\?/);
    const { element } = await needsAssetsIn(canvasElement);
    await waitFor(() => expect(element.shadowRoot!.activeElement?.id).toBe('heading'));
  },
};

export const AssetsNothingTicked: Story = {
  name: 'Error: assets, nothing ticked',
  beforeEach: resume({ ...chosen, assets: {}, step: 'assets' }),
  play: async ({ canvasElement }) =>
    continueWithProblem(canvasElement, 'Select what you can offer, or select ‘Nothing at the moment’'),
};

export const AssetsSomethingElseEmpty: Story = {
  name: 'Error: assets, something else without text',
  beforeEach: resume({ ...chosen, assets: {}, step: 'assets' }),
  play: async ({ canvasElement }) => {
    await tick(canvasElement, 'Something else');
    await continueWithProblem(canvasElement, 'Tell us what else you can offer');
  },
};

export const NothingAtAll: Story = {
  name: 'Error: nothing needed and nothing offered',
  beforeEach: resume({ none: { needs: true }, step: 'assets' }),
  play: async ({ canvasElement }) => {
    await tick(canvasElement, 'Nothing at the moment');
    await continueWithProblem(canvasElement, 'Select something you can offer, or go back and say what your community needs');
  },
};

// ---- step 3: area ---------------------------------------------------------------------------

export const Area: Story = {
  name: 'Area',
  beforeEach: resume({ ...chosen, step: 'area' }),
  play: async ({ canvasElement }) => headingShows(canvasElement, 'Step 3 of 4 Where is your community?'),
};

export const AreaBadPostcode: Story = {
  name: 'Error: area, not a real postcode',
  beforeEach: resume({ ...chosen, step: 'area' }),
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Neighbourhood, street or postcode (optional)', 'CF10 1CK');
    await continueWithProblem(canvasElement, 'Enter a full postcode, like SW1A 1AA, or the name of your area');
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('textbox', { name: /Neighbourhood, street or postcode/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  },
};

// ---- step 4: contact ------------------------------------------------------------------------

export const ContactNoConsent: Story = {
  name: 'Contact, consent not given',
  beforeEach: resume({ ...chosen, area: 'Riverside', step: 'contact' }),
  play: async ({ canvasElement }) => {
    await headingShows(canvasElement, 'Step 4 of 4 Can we contact you?');
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('checkbox', { name: 'Yes, you can contact me about this' })).not.toBeChecked();
    await expect(shadow.queryByRole('textbox', { name: 'Your name' })).toBeNull();
  },
};

export const ContactConsent: Story = {
  name: 'Contact, consent given: details revealed',
  beforeEach: resume({ ...chosen, area: 'Riverside', step: 'contact' }),
  play: async ({ canvasElement }) => {
    const { shadow } = await tick(canvasElement, 'Yes, you can contact me about this');
    await expect(shadow.getByRole('textbox', { name: 'Your name' })).toBeTruthy();
    await expect(shadow.getByRole('textbox', { name: 'Email address' })).toBeTruthy();
    await expect(shadow.getByRole('textbox', { name: 'Phone number' })).toBeTruthy();
  },
};

const contactStep = (details: Partial<Draft>) =>
  resume({ ...chosen, area: 'Riverside', ...contact, ...details, step: 'contact' });

export const ContactNoName: Story = {
  name: 'Error: contact, no name',
  beforeEach: contactStep({ name: '' }),
  play: async ({ canvasElement }) => continueWithProblem(canvasElement, 'Enter your name'),
};

export const ContactNoWay: Story = {
  name: 'Error: contact, no email address or phone number',
  beforeEach: contactStep({ email: '', phone: '' }),
  play: async ({ canvasElement }) => continueWithProblem(canvasElement, 'Enter an email address or a phone number'),
};

export const ContactBadEmail: Story = {
  name: 'Error: contact, email address in the wrong format',
  beforeEach: contactStep({ email: 'ann.jones.example.com' }),
  play: async ({ canvasElement }) => {
    await continueWithProblem(canvasElement, 'Enter an email address in the correct format, like name@example.com');
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('textbox', { name: 'Email address' })).toHaveAttribute('aria-invalid', 'true');
  },
};

export const ContactBadPhone: Story = {
  name: 'Error: contact, phone number in the wrong format',
  beforeEach: contactStep({ email: '', phone: '01632 96' }),
  play: async ({ canvasElement }) =>
    continueWithProblem(canvasElement, 'Enter a phone number, like 01632 960 001 or +44 808 157 0192'),
};

// ---- check your answers and sending ---------------------------------------------------------

export const Check: Story = {
  name: 'Check your answers',
  beforeEach: resume(complete),
  play: async ({ canvasElement }) => {
    await headingShows(canvasElement, 'Check your answers before sending');
    const { shadow } = await needsAssetsIn(canvasElement);
    // The postcode as it will be sent.
    await expect(shadow.getByText('CF10 1EP')).toBeTruthy();
    await expect(shadow.getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};

export const CheckChange: Story = {
  name: 'Check your answers, changing one',
  beforeEach: resume(complete),
  play: async ({ canvasElement }) => {
    const { shadow } = await needsAssetsIn(canvasElement);
    await userEvent.click(shadow.getByRole('link', { name: 'Change Where' }));
    await headingShows(canvasElement, 'Step 3 of 4 Where is your community?');
    const area = shadow.getByRole<HTMLInputElement>('textbox', { name: /Neighbourhood, street or postcode/ });
    // Typed over what was there (userEvent.clear cannot see focus inside a shadow root).
    await userEvent.type(area, 'Riverside', { initialSelectionStart: 0, initialSelectionEnd: area.value.length });
    // Continue goes straight back to "check your answers".
    await press(canvasElement, /^Continue$/);
    await headingShows(canvasElement, 'Check your answers before sending');
    await expect(shadow.getByText('Riverside')).toBeTruthy();
  },
};

export const Sending: Story = {
  args: { endpoint: mockEndpoints.slow },
  beforeEach: resume(complete),
  play: async ({ canvasElement }) => {
    await press(canvasElement, /^Send$/);
    await status(canvasElement, /Sending/);
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

export const Sent: Story = {
  name: 'Sent: what happens next, and the results',
  beforeEach: resume(complete),
  play: async ({ canvasElement }) => {
    const { element, shadow } = await needsAssetsIn(canvasElement);
    const submitting = new Promise<CustomEvent>((done) =>
      element.addEventListener('delib-submit', (event) => done(event as CustomEvent), { once: true }),
    );
    await press(canvasElement, /^Send$/);
    await expect((await submitting).detail.envelope.answer).toEqual({
      needs: [{ category: 'food', detail: 'A community fridge at the church hall' }, { category: 'older-people' }],
      assets: [{ category: 'skills' }, { category: 'time', detail: 'Saturday mornings' }],
      area: 'CF10 1EP',
      contact: { name: 'Ann Jones', email: 'ann.jones@example.com' },
    });
    await status(canvasElement, /Thank you/);
    await expect(shadow.getByRole('heading', { name: 'What happens next' })).toBeTruthy();
    await expect(shadow.getByText(/You said we may contact you/)).toBeTruthy();
    // Nothing of the answers is kept in this tab once sent.
    await expect(sessionStorage.getItem(`${draftPrefix}neighbourhood-needs-2026`)).toBeNull();
    await resultsShown(canvasElement);
  },
};

export const SentWithoutConsent: Story = {
  name: 'Sent without consent: no contact at all',
  beforeEach: resume({ ...complete, consent: false }),
  play: async ({ canvasElement }) => {
    const { element, shadow } = await needsAssetsIn(canvasElement);
    const submitting = new Promise<CustomEvent>((done) =>
      element.addEventListener('delib-submit', (event) => done(event as CustomEvent), { once: true }),
    );
    await expect(shadow.getByText('Do not contact me')).toBeTruthy();
    await press(canvasElement, /^Send$/);
    await expect((await submitting).detail.envelope.answer).not.toHaveProperty('contact');
    await status(canvasElement, /Thank you/);
    await expect(shadow.queryByText(/You said we may contact you/)).toBeNull();
    await resultsShown(canvasElement);
  },
};

export const Queued: Story = {
  name: 'Queued (offline): saved for later',
  args: { endpoint: mockEndpoints.offline },
  beforeEach: resume(complete),
  play: async ({ canvasElement }) => {
    await press(canvasElement, /^Send$/);
    await status(canvasElement, /saved on this device/);
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('heading', { name: 'Your answers are saved' })).toBeTruthy();
    await expect(shadow.getByText('Results will be shown once your answers have been sent.')).toBeTruthy();
  },
};

export const Refused: Story = {
  name: 'Refused (422)',
  args: { endpoint: mockEndpoints.refuse },
  beforeEach: resume(complete),
  play: async ({ canvasElement }) => {
    await press(canvasElement, /^Send$/);
    await status(canvasElement, new RegExp(refusal.error.message));
    // The answers stay on screen, so the person can try again when the problem is solved.
    await headingShows(canvasElement, 'Check your answers before sending');
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};

export const NoEndpoint: Story = {
  name: 'Refused: no endpoint configured',
  args: { endpoint: '' },
  beforeEach: resume(complete),
  play: async ({ canvasElement }) => {
    const { element, shadow } = await needsAssetsIn(canvasElement);
    const refused = new Promise<CustomEvent>((done) =>
      element.addEventListener('delib-error', (event) => done(event as CustomEvent), { once: true }),
    );
    await press(canvasElement, /^Send$/);
    await expect((await refused).detail.status).toBe(0);
    await waitFor(() => expect(shadow.getByRole('status')).not.toBeEmptyDOMElement());
  },
};

// ---- results and closing --------------------------------------------------------------------

export const ResultsAlways: Story = {
  name: 'Results: always',
  args: { results: 'always' },
  play: async ({ canvasElement }) => {
    await resultsShown(canvasElement);
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByRole('table')).toHaveAccessibleName('What we need, what we have: 92 people answered');
  },
};

export const ResultsPageCategories: Story = {
  name: 'Results: always, the page’s categories',
  args: { ...PageCategories.args, results: 'always' },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

export const ResultsFailed: Story = {
  name: 'Results: failed to load',
  args: { results: 'always', endpoint: mockEndpoints.broken },
  play: async ({ canvasElement }) => {
    const { shadow } = await needsAssetsIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('button', { name: 'Try again' })).toBeTruthy(), { timeout: 5000 });
  },
};

export const Closed: Story = {
  args: { closes: longAgo },
  play: async ({ canvasElement }) => {
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByText(/This closed on/)).toBeTruthy();
    await expect(shadow.queryByRole('checkbox')).toBeNull();
    await resultsShown(canvasElement);
  },
};

// ---- in a form ------------------------------------------------------------------------------

export const InAForm: Story = {
  name: 'In a form (name)',
  args: { name: 'neighbourhood', required: true },
  beforeEach: resume(complete),
  render: (args) => {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const sent = [...new FormData(form)].map(([key, value]) => `${key} = ${value}`).join('\n');
      form.querySelector('output')!.value = sent;
    };
    return wrap(
      args,
      html`<form @submit=${submit} style="display:grid;gap:1rem;max-width:40rem">
        ${needsAssets(args)}
        <div><button>Send the form</button></div>
        <p>The form would send:</p>
        <output name="sent" style="white-space:pre;font-family:monospace"></output>
      </form>`,
    );
  },
  play: async ({ canvasElement }) => {
    const { shadow } = await needsAssetsIn(canvasElement);
    await expect(shadow.getByText('Your answers will be sent with the rest of this form.')).toBeTruthy();
    await expect(shadow.queryByRole('button', { name: 'Send' })).toBeNull();
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send the form' }));
    await expect(canvasElement.querySelector('output')).toHaveTextContent(/^neighbourhood = \{"needs":\[\{"category":"food"/);
  },
};

// ---- languages ------------------------------------------------------------------------------

export const Welsh: Story = {
  name: 'Welsh (cy)',
  args: { lang: 'cy', results: 'always' },
  play: async ({ canvasElement }) => {
    await resultsShown(canvasElement);
    await headingShows(canvasElement, 'Cam 1 o 4 Beth sydd ei angen ar eich cymuned?');
    await press(canvasElement, /^Parhau$/);
    await problemShown(canvasElement, 'Dewiswch beth sydd ei angen ar eich cymuned', 'Mae problem');
  },
};

export const Gaelic: Story = {
  name: 'Scottish Gaelic (gd)',
  args: { lang: 'gd', results: 'always' },
  play: async ({ canvasElement }) => {
    await resultsShown(canvasElement);
    await headingShows(canvasElement, 'Ceum 1 de 4 Dè a tha a dhìth air do choimhearsnachd?');
    await press(canvasElement, /^Lean air adhart$/);
    await problemShown(canvasElement, 'Tagh na tha a dhìth air do choimhearsnachd', 'Tha duilgheadas ann');
  },
};

// ---- themes ---------------------------------------------------------------------------------

/** Each theme with a revealed text box, an error summary and the results on screen at once. */
const themed = (theme: string): Story => ({
  globals: { theme },
  args: { results: 'always', closes: inAFortnight },
  play: async ({ canvasElement }) => {
    await resultsShown(canvasElement);
    await tick(canvasElement, 'Something else');
    await continueWithProblem(canvasElement, 'Tell us what else your community needs');
  },
});

// Names and tags written out: Storybook reads them from the source without running it. Not on the docs
// page: a theme is one stylesheet for the whole page, so there it would restyle every widget shown.
export const ThemeDefault: Story = { ...themed('default'), name: 'Theme: default.css', tags: ['!autodocs'] };
export const ThemeGovuk: Story = { ...themed('govuk'), name: 'Theme: govuk.css', tags: ['!autodocs'] };
export const ThemeDark: Story = { ...themed('dark'), name: 'Theme: dark.css', tags: ['!autodocs'] };
export const ThemeHighContrast: Story = { ...themed('high-contrast'), name: 'Theme: high-contrast.css', tags: ['!autodocs'] };
