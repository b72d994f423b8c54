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
  optionElements,
  type Choice,
} from './shared.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@delib/ranking/define-budget.js';
import type { DelibBudget } from '../packages/ranking/src/budget.js';
import { mockEndpoints, refusal } from '../.storybook/mock-endpoint.js';

type BudgetArgs = WidgetArgs & {
  question: string;
  total: number;
  unit: string;
  step?: number;
  mode: 'inputs' | 'dots';
  'require-all': boolean;
  shuffle: boolean;
  /** Rendered as the element's child `<option>` elements. */
  choices: Choice[];
};

const parks: Choice[] = [
  { value: 'play', label: 'Play areas', description: 'Swings, a climbing frame and a sandpit' },
  { value: 'lighting', label: 'Lighting' },
  { value: 'toilets', label: 'Public toilets' },
  { value: 'trees', label: 'Trees and planting' },
];

// ---- rendering -------------------------------------------------------------------------------

const budget = (args: BudgetArgs) =>
  html`<delib-budget
    ${widgetAttributes(args)}
    question=${args.question || nothing}
    total=${args.total ?? nothing}
    unit=${args.unit || nothing}
    step=${args.step ?? nothing}
    mode=${args.mode || nothing}
    ?require-all=${args['require-all']}
    ?shuffle=${args.shuffle}
    >${optionElements(args.choices)}</delib-budget
  >`;

// ---- helpers for play functions -------------------------------------------------------------

const status = (canvasElement: HTMLElement, text: RegExp) => statusShows(canvasElement, 'delib-budget', text);
const resultsShown = (canvasElement: HTMLElement) => resultsShownIn(canvasElement, 'delib-budget');
const budgetIn = (canvasElement: HTMLElement) => widgetIn<DelibBudget>(canvasElement, 'delib-budget');

/** Types amounts into the (empty) boxes named by the item labels. */
async function give(canvasElement: HTMLElement, amounts: Record<string, string>) {
  const { element, shadow } = await budgetIn(canvasElement);
  for (const [label, amount] of Object.entries(amounts)) {
    await userEvent.type(shadow.getByRole('textbox', { name: label }), amount);
  }
  return { element, shadow };
}

async function press(canvasElement: HTMLElement, name: RegExp) {
  const { shadow } = await budgetIn(canvasElement);
  await userEvent.click(shadow.getByRole('button', { name }));
}

const problemShown = async (canvasElement: HTMLElement, text: string) => {
  const { element, shadow } = await budgetIn(canvasElement);
  const summary = shadow.getByRole('group', { name: 'There is a problem' });
  await expect(summary).toHaveTextContent(text);
  await waitFor(() => expect(element.shadowRoot!.activeElement).toBe(summary));
};

/** The docs page's example: a question of its own, as a council would ask it. */
const wardFund = {
  'widget-id': 'ward-fund-2027',
  question: 'How would you share £20,000 from the Penrhos ward fund?',
  total: 20000,
  unit: 'GBP',
  step: 500,
  choices: [
    { value: 'youth-club', label: 'Youth club on Saturdays' },
    { value: 'hall-roof', label: 'Repairs to the community hall roof' },
    { value: 'trees', label: 'Street trees on Heol Fawr' },
    { value: 'swimming', label: 'Free swimming for under-16s', description: 'In the school holidays' },
  ],
} satisfies Partial<BudgetArgs>;

// ---- meta -----------------------------------------------------------------------------------

const meta = {
  title: 'Widgets/delib-budget',
  tags: ['autodocs'],
  component: 'delib-budget',
  render: (args) => wrap(args, budget(args)),
  parameters: {
    docs: {
      description: {
        component: `A budget asks residents how they would share out a fixed sum: how would you share £20,000 from the ward fund?
People give each item an amount, in pounds or in points, and see what is left as they go. They cannot give more than
there is. It shows the trade-off a council faces: more for one thing means less for another. With \`mode="dots"\`,
the budget is also drawn as a row of dots. The results show the total and the average each item was given.

The example below is live: share out the fund and submit. Under it is the HTML a page needs. Then come the
attributes, events, parts and design tokens, and a story for each state a resident can meet.`,
      },
    },
  },
  args: {
    'widget-id': 'parks-budget-2026',
    endpoint: mockEndpoints.ok,
    question: 'How would you share 100 points across the park?',
    total: 100,
    unit: 'points',
    mode: 'inputs',
    'require-all': false,
    shuffle: false,
    closes: '',
    results: 'after-submit',
    name: '',
    required: false,
    disabled: false,
    choices: parks,
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
    question: { control: 'text', ...attributes },
    total: { control: { type: 'number', min: 1 }, ...attributes },
    unit: { control: 'text', description: '`points`, a currency code such as `GBP`, or any unit word.', ...attributes },
    step: { control: { type: 'number', min: 1 }, ...attributes },
    mode: { control: 'inline-radio', options: ['inputs', 'dots'], ...attributes },
    'require-all': { control: 'boolean', ...attributes },
    shuffle: {
      control: 'boolean',
      description: "The items in a random order of each person's own, kept per widget id.",
      ...attributes,
    },
    closes: { control: 'text', description: 'ISO date-time, e.g. 2024-03-31T16:00:00Z (past: closed).', ...attributes },
    results: { control: 'inline-radio', options: ['after-submit', 'always', 'after-close', 'never'], ...attributes },
    name: { control: 'text', description: 'Inside a `<form>`: the field name (see the "In a form" story).', ...attributes },
    required: { control: 'boolean', ...attributes },
    disabled: { control: 'boolean', ...attributes },
    messages: {
      control: 'object',
      description: 'Overrides of visible strings by message key, e.g. `{ "submit": "Send my budget" }`.',
      ...attributes,
    },
    choices: {
      control: 'object',
      description: 'Rendered as child `<option value data-description>` elements: the items.',
      table: { category: 'story' },
    },
    lang: {
      control: 'inline-radio',
      options: ['', 'en', 'cy', 'gd'],
      description: '`lang` of an ancestor.',
      table: { category: 'story' },
    },
    '--delib-color-accent': token('color', '#1d70b8'),
    '--delib-color-error': token('color', '#c3250f'),
    '--delib-budget-color-1': token('color', 'the accent'),
    '--delib-budget-color-2': token('color', '#f47738'),
    '--delib-budget-color-3': token('color', '#00703c'),
    '--delib-budget-color-4': token('color', '#912b88'),
    '--delib-budget-dot-size': token('text', '0.875rem'),
    '--delib-focus-color': token('color', '#0b0c0c'),
    '--delib-font-family': token('text', 'inherited'),
    onDelibSubmit: { action: 'delib-submit', table: { disable: true } },
    onDelibSubmitted: { action: 'delib-submitted', table: { disable: true } },
    onDelibQueued: { action: 'delib-queued', table: { disable: true } },
    onDelibError: { action: 'delib-error', table: { disable: true } },
    ...documentedOnly('requireAll'),
  },
} satisfies Meta<BudgetArgs>;

export default meta;
type Story = StoryObj<BudgetArgs>;

// ---- the docs page's example ----------------------------------------------------------------

/** A question of the docs page's own, with the HTML a page needs to ask it. */
export const Example: Story = {
  args: wardFund,
  parameters: exampleDocs(
    embedSnippet(
      'delib-budget',
      {
        'widget-id': wardFund['widget-id'],
        endpoint: exampleEndpoint,
        question: wardFund.question,
        total: wardFund.total,
        unit: wardFund.unit,
        step: wardFund.step,
      },
      optionLines(wardFund.choices),
    ),
  ),
};

// ---- the form ------------------------------------------------------------------------------

/** Nothing given yet. */
export const Default: Story = {};

export const PartlySpent: Story = {
  name: 'Partly spent',
  play: async ({ canvasElement }) => {
    await give(canvasElement, { 'Play areas': '40', Lighting: '25' });
    await status(canvasElement, /35 points left to share out, of 100 points/);
  },
};

export const Steppers: Story = {
  name: 'Steppers, 5 at a time',
  args: { step: 5 },
  play: async ({ canvasElement }) => {
    const { shadow } = await budgetIn(canvasElement);
    for (let press = 0; press < 3; press++)
      await userEvent.click(shadow.getByRole('button', { name: 'Add 5 points to Lighting' }));
    await expect(shadow.getByRole('textbox', { name: 'Lighting' })).toHaveValue('15');
  },
};

export const Money: Story = {
  name: 'Money (GBP)',
  args: { question: 'How would you spend £5,000 on the park?', total: 5000, unit: 'GBP', step: 100 },
  play: async ({ canvasElement }) => {
    await give(canvasElement, { 'Play areas': '2000' });
    await status(canvasElement, /£3,000 left/);
  },
};

export const Dots: Story = {
  name: 'Dots',
  args: { mode: 'dots', total: 20, question: 'Place 20 dots on what matters most to you' },
};

export const DotsPartlySpent: Story = {
  name: 'Dots, partly placed',
  args: { ...Dots.args },
  play: async ({ canvasElement }) => {
    await give(canvasElement, { 'Play areas': '8', Lighting: '5', 'Public toilets': '3' });
    await status(canvasElement, /4 points left/);
  },
};

export const RequireAll: Story = {
  name: 'Require all',
  args: { 'require-all': true },
};

/** Each person's own order of the items, the same on every visit; the dots follow it. */
export const Shuffled: Story = {
  args: { shuffle: true, mode: 'dots', 'widget-id': 'parks-budget-shuffled' },
  play: async ({ canvasElement }) => {
    await give(canvasElement, { 'Play areas': '40', Lighting: '25' });
  },
};

export const Disabled: Story = {
  args: { disabled: true },
};

export const OpenUntil: Story = {
  name: 'Open until a date',
  args: { closes: inAFortnight },
};

// ---- validation -----------------------------------------------------------------------------

export const Overspent: Story = {
  name: 'Error: overspent',
  play: async ({ canvasElement }) => {
    await give(canvasElement, { 'Play areas': '70', Lighting: '50' });
    await press(canvasElement, /^Submit$/);
    await problemShown(canvasElement, 'You have given 20 points too many');
  },
};

export const DotsOverspent: Story = {
  name: 'Error: overspent, dots',
  args: { ...Dots.args },
  play: async ({ canvasElement }) => {
    await give(canvasElement, { 'Play areas': '15', Lighting: '9' });
    await press(canvasElement, /^Submit$/);
    await problemShown(canvasElement, 'You have given 4 points too many');
  },
};

export const NotAllSpent: Story = {
  name: 'Error: require-all, not all spent',
  args: { 'require-all': true },
  play: async ({ canvasElement }) => {
    await give(canvasElement, { 'Play areas': '60' });
    await press(canvasElement, /^Submit$/);
    await problemShown(canvasElement, 'Share out all 100 points: you still have 40 points left');
  },
};

export const NotWhole: Story = {
  name: 'Error: not whole numbers',
  play: async ({ canvasElement }) => {
    await give(canvasElement, { 'Play areas': '12.5', Lighting: '-3', 'Public toilets': 'lots' });
    await press(canvasElement, /^Submit$/);
    await problemShown(canvasElement, 'Enter a whole number for Play areas, like 0 or 25');
    const { shadow } = await budgetIn(canvasElement);
    await expect(shadow.getByRole('textbox', { name: 'Lighting' })).toHaveAttribute('aria-invalid', 'true');
  },
};

export const NothingGiven: Story = {
  name: 'Error: nothing given',
  play: async ({ canvasElement }) => {
    await press(canvasElement, /^Submit$/);
    await problemShown(canvasElement, 'Give some of your 100 points to at least one item');
  },
};

// ---- sending --------------------------------------------------------------------------------

const fill = { 'Play areas': '40', Lighting: '30', 'Public toilets': '20', 'Trees and planting': '10' };

export const Sending: Story = {
  args: { endpoint: mockEndpoints.slow },
  play: async ({ canvasElement }) => {
    await give(canvasElement, fill);
    await press(canvasElement, /^Submit$/);
    await status(canvasElement, /Sending/);
  },
};

export const Submitted: Story = {
  name: 'Results: after-submit, submitted',
  play: async ({ canvasElement }) => {
    await give(canvasElement, fill);
    await press(canvasElement, /^Submit$/);
    await status(canvasElement, /Thank you/);
    await resultsShown(canvasElement);
  },
};

export const Queued: Story = {
  name: 'Queued (offline)',
  args: { endpoint: mockEndpoints.offline },
  play: async ({ canvasElement }) => {
    await give(canvasElement, fill);
    await press(canvasElement, /^Submit$/);
    await status(canvasElement, /saved on this device/);
  },
};

export const Refused: Story = {
  name: 'Refused (422)',
  args: { endpoint: mockEndpoints.refuse },
  play: async ({ canvasElement }) => {
    const { shadow } = await give(canvasElement, fill);
    await press(canvasElement, /^Submit$/);
    await status(canvasElement, new RegExp(refusal.error.message));
    await expect(shadow.getByRole('textbox', { name: 'Play areas' })).toHaveValue('40');
  },
};

// ---- results --------------------------------------------------------------------------------

export const ResultsAlways: Story = {
  name: 'Results: always',
  args: { results: 'always' },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

export const ResultsFailed: Story = {
  name: 'Results: failed to load',
  args: { results: 'always', endpoint: mockEndpoints.broken },
  play: async ({ canvasElement }) => {
    const { shadow } = await budgetIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('button', { name: 'Try again' })).toBeTruthy(), { timeout: 5000 });
  },
};

export const Closed: Story = {
  args: { closes: longAgo },
  play: async ({ canvasElement }) => {
    const { shadow } = await budgetIn(canvasElement);
    await expect(shadow.getByText(/This closed on/)).toBeTruthy();
    await resultsShown(canvasElement);
  },
};

export const ReturningVoter: Story = {
  name: 'Returning participant',
  beforeEach: () => {
    const envelope = {
      id: '0b6f3d1e-7c2a-4e59-9a18-2f4d6c8e1a37',
      widget: 'budget',
      widgetId: 'parks-budget-2026',
      submittedAt: '2026-11-20T09:30:00.000Z',
      locale: 'en',
      page: location.origin + location.pathname,
      answer: { allocation: { play: 50, lighting: 30, toilets: 20, trees: 0 } },
    };
    localStorage.setItem('delib:answer:v1:delib-budget:parks-budget-2026', JSON.stringify(envelope));
  },
  play: async ({ canvasElement }) => {
    const { shadow } = await budgetIn(canvasElement);
    await expect(shadow.getByText(/You gave: Play areas: 50 points/)).toBeTruthy();
    await resultsShown(canvasElement);
  },
};

// ---- in a form ------------------------------------------------------------------------------

export const InAForm: Story = {
  name: 'In a form (name)',
  args: { name: 'budget', required: true },
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
        ${budget(args)}
        <div><button>Send the form</button></div>
        <p>The form would send:</p>
        <output name="sent" style="white-space:pre;font-family:monospace"></output>
      </form>`,
    );
  },
  play: async ({ canvasElement }) => {
    const { shadow } = await give(canvasElement, { 'Play areas': '60', Lighting: '40' });
    await expect(shadow.queryByRole('button', { name: 'Submit' })).toBeNull();
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send the form' }));
    await expect(canvasElement.querySelector('output')).toHaveTextContent(
      'budget = {"allocation":{"play":60,"lighting":40,"toilets":0,"trees":0}}',
    );
  },
};

// ---- languages ------------------------------------------------------------------------------

export const Welsh: Story = {
  name: 'Welsh (cy)',
  args: {
    lang: 'cy',
    question: "Sut fyddech chi'n rhannu 100 pwynt ar draws y parc?",
    results: 'always',
    choices: [
      { value: 'play', label: 'Ardaloedd chwarae' },
      { value: 'lighting', label: 'Goleuadau' },
      { value: 'toilets', label: 'Toiledau cyhoeddus' },
      { value: 'trees', label: 'Coed a phlannu' },
    ],
  },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

export const Gaelic: Story = {
  name: 'Scottish Gaelic (gd)',
  args: {
    lang: 'gd',
    question: 'Ciamar a roinneadh tu 100 puing air feadh na pàirce?',
    results: 'always',
    choices: [
      { value: 'play', label: 'Raointean-cluiche' },
      { value: 'lighting', label: 'Solas' },
      { value: 'toilets', label: 'Taighean-beaga poblach' },
      { value: 'trees', label: 'Craobhan is planntachadh' },
    ],
  },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

// ---- themes ---------------------------------------------------------------------------------

/** Each theme with dots, an error summary and the results on screen at once. */
const themed = (theme: string): Story => ({
  globals: { theme },
  args: { mode: 'dots', total: 20, results: 'always', closes: inAFortnight },
  play: async ({ canvasElement }) => {
    await resultsShown(canvasElement);
    await give(canvasElement, { 'Play areas': '15', Lighting: '9' });
    await press(canvasElement, /^Submit$/);
    const { shadow } = await budgetIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'There is a problem' })).toBeTruthy();
  },
});

// Names and tags written out: Storybook reads them from the source without running it. Not on the docs
// page: a theme is one stylesheet for the whole page, so there it would restyle every widget shown.
export const ThemeDefault: Story = { ...themed('default'), name: 'Theme: default.css', tags: ['!autodocs'] };
export const ThemeGovuk: Story = { ...themed('govuk'), name: 'Theme: govuk.css', tags: ['!autodocs'] };
export const ThemeDark: Story = { ...themed('dark'), name: 'Theme: dark.css', tags: ['!autodocs'] };
export const ThemeHighContrast: Story = { ...themed('high-contrast'), name: 'Theme: high-contrast.css', tags: ['!autodocs'] };
