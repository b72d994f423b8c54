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
import '@delib/ranking/define-ranking.js';
import { mockEndpoints } from '../.storybook/mock-endpoint.js';

type RankingArgs = WidgetArgs & {
  question: string;
  top?: number;
  shuffle: boolean;
  /** Rendered as the element's child `<option>` elements. */
  choices: Choice[];
};

type DelibRanking = HTMLElementTagNameMap['delib-ranking'];

// ---- rendering --------------------------------------------------------------------------------

const parks: Choice[] = [
  { value: 'lighting', label: 'Better lighting' },
  { value: 'play', label: 'New play equipment', description: 'Swings, a climbing frame and a sandpit' },
  { value: 'toilets', label: 'Public toilets' },
  { value: 'benches', label: 'More benches' },
];

const ranking = (args: RankingArgs) =>
  html`<delib-ranking
    ${widgetAttributes(args)}
    question=${args.question || nothing}
    top=${args.top ?? nothing}
    ?shuffle=${args.shuffle}
    >${optionElements(args.choices)}</delib-ranking
  >`;

/** The wrapper carries the language and the token controls, as an ancestor on a real page would. */

// ---- helpers for play functions -------------------------------------------------------------

const status = (canvasElement: HTMLElement, text: RegExp) => statusShows(canvasElement, 'delib-ranking', text);
const resultsShown = (canvasElement: HTMLElement) => resultsShownIn(canvasElement, 'delib-ranking');
const rankingIn = (canvasElement: HTMLElement) => widgetIn<DelibRanking>(canvasElement, 'delib-ranking');

async function press(canvasElement: HTMLElement, name: RegExp | string) {
  const { shadow } = await rankingIn(canvasElement);
  await userEvent.click(shadow.getByRole('button', { name }));
}

/** Adds these items to the ranking with their Add buttons, in this order (all of them when none are named). */
async function rank(canvasElement: HTMLElement, ...labels: string[]) {
  const { element, shadow } = await rankingIn(canvasElement);
  const names = labels.length
    ? labels.map((label) => `Add ${label} to your ranking`)
    : shadow.getAllByRole('button', { name: /^Add .* to your ranking$/ }).map((button) => button.getAttribute('aria-label')!);
  for (const name of names) {
    await userEvent.click(shadow.getByRole('button', { name }));
    await element.updateComplete;
  }
}

/** Picks up the item labelled `label` with the keyboard. */
async function pickUp(canvasElement: HTMLElement, label: string) {
  const { element } = await rankingIn(canvasElement);
  const item = [...element.shadowRoot!.querySelectorAll<HTMLElement>('li[data-value]')].find((candidate) =>
    candidate.getAttribute('aria-label')?.startsWith(`${label},`),
  )!;
  item.focus();
  await userEvent.keyboard(' ');
  return item;
}

/** The docs page's example: a question of its own, as a council would ask it. */
const townCentre = {
  'widget-id': 'town-centre-2027',
  question: 'What should we do first for Llanfair town centre? Put them in order, most important first.',
  choices: [
    { value: 'empty-shops', label: 'Bring empty shops back into use' },
    { value: 'crossings', label: 'Safer crossings on the high street' },
    { value: 'seating', label: 'More seating and shelter' },
    { value: 'parking', label: 'Short-stay parking near the shops', description: 'Free for the first hour' },
  ],
} satisfies Partial<RankingArgs>;

// ---- meta -----------------------------------------------------------------------------------

const meta = {
  title: 'Widgets/delib-ranking',
  tags: ['autodocs'],
  component: 'delib-ranking',
  render: (args) => wrap(args, ranking(args)),
  parameters: {
    docs: {
      description: {
        component: `A ranking asks residents to put a few things in order of priority: what should the council do first for the
town centre? People add items to their ranking, most important first, with buttons, the keyboard or by dragging. With
\`top\`, they rank only their few most important. Nothing starts ranked, so no order is counted that the person did not
make. The results combine everyone's order into one list, with a sentence saying how.

A ranking suits a short list. For a longer one, ask in pairs with a
[pairwise comparison](?path=/docs/widgets-delib-pairwise--docs); to show what each choice costs, use a
[budget](?path=/docs/widgets-delib-budget--docs).

The example below is live: rank the items and submit. Under it is the HTML a page needs. Then come the attributes,
events, parts and design tokens, and a story for each state a resident can meet.`,
      },
    },
  },
  args: {
    'widget-id': 'parks-ranking-2026',
    endpoint: mockEndpoints.ok,
    question: 'Which park improvements matter most to you? Put them in order.',
    shuffle: false,
    closes: '',
    results: 'after-submit',
    name: '',
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
    top: { control: { type: 'number', min: 1 }, description: 'Rank only this many of the most important items.', ...attributes },
    shuffle: {
      control: 'boolean',
      description: "List the items in a random order of each person's own, kept per widget id (see the Shuffled story).",
      ...attributes,
    },
    closes: { control: 'text', description: 'ISO date-time, e.g. 2024-03-31T16:00:00Z (past: closed).', ...attributes },
    results: { control: 'inline-radio', options: ['after-submit', 'always', 'after-close', 'never'], ...attributes },
    name: { control: 'text', description: 'Inside a `<form>`: the field name (see the "In a form" story).', ...attributes },
    disabled: { control: 'boolean', ...attributes },
    messages: {
      control: 'object',
      description: 'Overrides of visible strings by message key, e.g. `{ "submit": "Send my order" }`.',
      ...attributes,
    },
    choices: {
      control: 'object',
      description: 'Rendered as child `<option value data-description>` elements: the items, in their starting order.',
      table: { category: 'story' },
    },
    lang: {
      control: 'inline-radio',
      options: ['', 'en', 'cy', 'gd'],
      description: '`lang` of an ancestor.',
      table: { category: 'story' },
    },
    '--delib-color-accent': token('color', '#1d70b8'),
    '--delib-color-text': token('color', 'inherited'),
    '--delib-color-background': token('color', 'transparent'),
    '--delib-color-border': token('color', '#505a5f'),
    '--delib-ranking-item-background': token('color', 'the input background, #fff'),
    '--delib-ranking-gap': token('text', '0.5rem'),
    '--delib-focus-color': token('color', '#0b0c0c'),
    '--delib-font-family': token('text', 'inherited'),
    '--delib-radius': token('text', '0.25rem'),
    onDelibSubmit: { action: 'delib-submit', table: { disable: true } },
    onDelibSubmitted: { action: 'delib-submitted', table: { disable: true } },
    onDelibQueued: { action: 'delib-queued', table: { disable: true } },
    onDelibError: { action: 'delib-error', table: { disable: true } },
    ...documentedOnly('required'),
  },
} satisfies Meta<RankingArgs>;

export default meta;
type Story = StoryObj<RankingArgs>;

// ---- the docs page's example ----------------------------------------------------------------

/** A question of the docs page's own, with the HTML a page needs to ask it. */
export const Example: Story = {
  args: townCentre,
  parameters: exampleDocs(
    embedSnippet(
      'delib-ranking',
      { 'widget-id': townCentre['widget-id'], endpoint: exampleEndpoint, question: townCentre.question },
      optionLines(townCentre.choices),
    ),
  ),
};

// ---- the form ------------------------------------------------------------------------------

/** Nothing ranked yet: every item waits, with its Add button, for the person to rank it. */
export const Default: Story = {};

/** The items not ranked in a random order of this person's own, the same on every visit. */
export const Shuffled: Story = {
  args: { shuffle: true, 'widget-id': 'parks-ranking-shuffled' },
  play: async ({ canvasElement }) => {
    const { shadow } = await rankingIn(canvasElement);
    await expect(shadow.getAllByRole('button', { name: /^Add .* to your ranking$/ })).toHaveLength(4);
  },
};

export const OpenUntil: Story = {
  name: 'Open until a date',
  args: { closes: inAFortnight },
};

export const Top: Story = {
  name: 'Top 2 only',
  args: { top: 2, question: 'Which two park improvements matter most to you?' },
};

export const PickedUp: Story = {
  name: 'Keyboard: picked up',
  play: async ({ canvasElement }) => {
    await pickUp(canvasElement, 'Public toilets');
    await status(canvasElement, /Public toilets picked up, not ranked/);
  },
};

export const KeyboardMoved: Story = {
  name: 'Keyboard: moved and dropped',
  play: async ({ canvasElement }) => {
    await rank(canvasElement, 'Better lighting');
    await pickUp(canvasElement, 'Public toilets');
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await status(canvasElement, /Public toilets, position 1 of 4/);
    await userEvent.keyboard(' ');
    await status(canvasElement, /Public toilets dropped at position 1 of 4/);
  },
};

export const ButtonAdded: Story = {
  name: 'Buttons: added',
  play: async ({ canvasElement }) => {
    await rank(canvasElement, 'Public toilets');
    await status(canvasElement, /Public toilets added at position 1 of 4/);
  },
};

export const ButtonMoved: Story = {
  name: 'Buttons: added and moved',
  play: async ({ canvasElement }) => {
    await rank(canvasElement, 'Better lighting', 'Public toilets', 'More benches');
    await press(canvasElement, 'Move More benches up');
    await status(canvasElement, /More benches, position 2 of 4/);
  },
};

export const Removed: Story = {
  name: 'Buttons: removed',
  play: async ({ canvasElement }) => {
    await rank(canvasElement, 'Better lighting', 'Public toilets');
    await press(canvasElement, 'Remove Better lighting from your ranking');
    await status(canvasElement, /Better lighting removed from your ranking/);
  },
};

export const TopFull: Story = {
  name: 'Top 2: full',
  args: { ...Top.args },
  play: async ({ canvasElement }) => {
    await rank(canvasElement, 'Public toilets', 'Better lighting', 'More benches');
    await status(canvasElement, /You can rank only 2 items. Remove one first to make room for More benches./);
  },
};

export const TopMoved: Story = {
  name: 'Top 2: an item moved into a full ranking',
  args: { ...Top.args },
  play: async ({ canvasElement }) => {
    await rank(canvasElement, 'Better lighting', 'New play equipment');
    await pickUp(canvasElement, 'Public toilets');
    await userEvent.keyboard('{ArrowUp}');
    await status(canvasElement, /Public toilets, position 2 of 2. New play equipment is no longer ranked./);
  },
};

export const TooEarly: Story = {
  name: 'Error: submitted before ranking',
  args: { ...Top.args },
  play: async ({ canvasElement }) => {
    await press(canvasElement, /^Submit ranking$/);
    const { shadow } = await rankingIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'There is a problem' })).toHaveTextContent(
      'Choose the 2 most important items, most important first',
    );
  },
};

export const Unfinished: Story = {
  name: 'Error: ranking unfinished',
  play: async ({ canvasElement }) => {
    await rank(canvasElement, 'New play equipment');
    await press(canvasElement, /^Submit ranking$/);
    const { shadow } = await rankingIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'There is a problem' })).toHaveTextContent(
      'Add 3 more items to your ranking: you have ranked 1 of 4',
    );
  },
};

export const LongList: Story = {
  name: 'A long list (30 items)',
  args: {
    'widget-id': 'long-list',
    question: 'Put these in order of priority.',
    choices: Array.from({ length: 30 }, (_, index) => ({ value: `item-${index + 1}`, label: `Priority ${index + 1}` })),
  },
};

export const Disabled: Story = {
  args: { disabled: true },
};

export const NothingToRank: Story = {
  name: 'Error: nothing to rank',
  args: { choices: [] },
  play: async ({ canvasElement }) => {
    await press(canvasElement, /^Submit ranking$/);
    const { shadow } = await rankingIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'There is a problem' })).toHaveTextContent('There is nothing to rank yet');
  },
};

// ---- sending --------------------------------------------------------------------------------

export const Sending: Story = {
  args: { endpoint: mockEndpoints.slow },
  play: async ({ canvasElement }) => {
    await rank(canvasElement);
    await press(canvasElement, /^Submit ranking$/);
    await status(canvasElement, /Sending/);
  },
};

export const Submitted: Story = {
  name: 'Results: after-submit, submitted',
  play: async ({ canvasElement }) => {
    await rank(canvasElement);
    await press(canvasElement, 'Move New play equipment up');
    await press(canvasElement, /^Submit ranking$/);
    await status(canvasElement, /Thank you/);
    await resultsShown(canvasElement);
  },
};

export const Queued: Story = {
  name: 'Queued (offline)',
  args: { endpoint: mockEndpoints.offline },
  play: async ({ canvasElement }) => {
    await rank(canvasElement);
    await press(canvasElement, /^Submit ranking$/);
    await status(canvasElement, /saved on this device/);
  },
};

export const Refused: Story = {
  name: 'Refused (422)',
  args: { endpoint: mockEndpoints.refuse },
  play: async ({ canvasElement }) => {
    await rank(canvasElement);
    await press(canvasElement, /^Submit ranking$/);
    await status(canvasElement, /could not be accepted/);
  },
};

export const NotSetUp: Story = {
  name: 'Not set up (no endpoint)',
  args: { endpoint: '' },
  play: async ({ canvasElement }) => {
    await rank(canvasElement);
    await press(canvasElement, /^Submit ranking$/);
    await status(canvasElement, /not fully set up/);
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
    const { shadow } = await rankingIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('button', { name: 'Try again' })).toBeTruthy(), { timeout: 5000 });
  },
};

export const Closed: Story = {
  args: { closes: longAgo },
  play: async ({ canvasElement }) => {
    const { shadow } = await rankingIn(canvasElement);
    await expect(shadow.getByText(/This closed on/)).toBeTruthy();
    await resultsShown(canvasElement);
  },
};

export const ReturningVoter: Story = {
  name: 'Returning voter',
  beforeEach: () => {
    const envelope = {
      id: '0e7c4f3a-5b2d-4c8e-9a61-2d3f4b5c6d7e',
      widget: 'ranking',
      widgetId: 'parks-ranking-2026',
      submittedAt: '2026-11-20T09:30:00.000Z',
      locale: 'en',
      page: location.origin + location.pathname,
      answer: { order: ['toilets', 'lighting', 'play', 'benches'] },
    };
    localStorage.setItem('delib:answer:v1:delib-ranking:parks-ranking-2026', JSON.stringify(envelope));
  },
  play: async ({ canvasElement }) => {
    const { shadow } = await rankingIn(canvasElement);
    await expect(shadow.getByText(/Your ranking:/)).toBeTruthy();
    await resultsShown(canvasElement);
  },
};

// ---- in a form ------------------------------------------------------------------------------

export const InAForm: Story = {
  name: 'In a form (name)',
  args: { name: 'priorities' },
  render: (args) => {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      form.querySelector('output')!.value = [...new FormData(form)].map(([key, value]) => `${key} = ${value}`).join('\n');
    };
    return wrap(
      args,
      html`<form @submit=${submit} style="display:grid;gap:1rem;max-width:40rem">
        ${ranking(args)}
        <div><button>Send the form</button></div>
        <p>The form would send:</p>
        <output name="sent" style="white-space:pre;font-family:monospace"></output>
      </form>`,
    );
  },
  play: async ({ canvasElement }) => {
    await rank(canvasElement);
    await press(canvasElement, 'Move Public toilets up');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send the form' }));
    await expect(canvasElement.querySelector('output')).toHaveTextContent(
      'priorities = {"order":["lighting","toilets","play","benches"]}',
    );
  },
};

// ---- languages ------------------------------------------------------------------------------

export const Welsh: Story = {
  name: 'Welsh (cy)',
  args: {
    lang: 'cy',
    question: "Pa welliannau i'r parc sydd bwysicaf i chi? Rhowch nhw mewn trefn.",
    results: 'always',
    choices: [
      { value: 'lighting', label: 'Gwell goleuadau' },
      { value: 'play', label: 'Offer chwarae newydd' },
      { value: 'toilets', label: 'Toiledau cyhoeddus' },
      { value: 'benches', label: 'Mwy o feinciau' },
    ],
  },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

export const Gaelic: Story = {
  name: 'Scottish Gaelic (gd)',
  args: {
    lang: 'gd',
    question: 'Dè na leasachaidhean pàirce as cudromaiche dhut? Cuir iad ann an òrdugh.',
    results: 'always',
    top: 3,
    choices: [
      { value: 'lighting', label: 'Solas nas fheàrr' },
      { value: 'play', label: 'Uidheam-cluiche ùr' },
      { value: 'toilets', label: 'Taighean-beaga poblach' },
      { value: 'benches', label: 'Barrachd bheingean' },
    ],
  },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

// ---- themes ---------------------------------------------------------------------------------

const themed = (theme: string): Story => ({
  globals: { theme },
  args: { results: 'always', closes: inAFortnight, top: 3 },
  play: async ({ canvasElement }) => {
    await resultsShown(canvasElement);
    await rank(canvasElement, 'Public toilets', 'Better lighting');
    await pickUp(canvasElement, 'More benches');
  },
});

// Names and tags written out: Storybook reads them from the source without running it. Not on the docs
// page: a theme is one stylesheet for the whole page, so there it would restyle every widget shown.
export const ThemeDefault: Story = { ...themed('default'), name: 'Theme: default.css', tags: ['!autodocs'] };
export const ThemeGovuk: Story = { ...themed('govuk'), name: 'Theme: govuk.css', tags: ['!autodocs'] };
export const ThemeDark: Story = { ...themed('dark'), name: 'Theme: dark.css', tags: ['!autodocs'] };
export const ThemeHighContrast: Story = { ...themed('high-contrast'), name: 'Theme: high-contrast.css', tags: ['!autodocs'] };
