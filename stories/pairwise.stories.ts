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
import { expect, userEvent, waitFor } from 'storybook/test';
import '@delib/ranking/define-pairwise.js';
import { mockEndpoints, refusal } from '../.storybook/mock-endpoint.js';

type PairwiseArgs = WidgetArgs & {
  question: string;
  votes?: number;
  'allow-suggestions': boolean;
  shuffle: boolean;
  /** Rendered as the element's child `<option>` elements. */
  choices: Choice[];
};

type DelibPairwise = HTMLElementTagNameMap['delib-pairwise'];

// ---- rendering --------------------------------------------------------------------------------

const parks: Choice[] = [
  { value: 'lighting', label: 'Better lighting' },
  { value: 'play', label: 'Play areas', description: 'Swings, a climbing frame and a sandpit' },
  { value: 'toilets', label: 'Public toilets' },
  { value: 'benches', label: 'More benches' },
  { value: 'bins', label: 'More bins' },
];

const pairwise = (args: PairwiseArgs) =>
  html`<delib-pairwise
    ${widgetAttributes(args)}
    question=${args.question || nothing}
    votes=${args.votes ?? nothing}
    ?allow-suggestions=${args['allow-suggestions']}
    ?shuffle=${args.shuffle}
    >${optionElements(args.choices)}</delib-pairwise
  >`;

/** The wrapper carries the language and the token controls, as an ancestor on a real page would. */

// ---- helpers for play functions -------------------------------------------------------------

const status = (canvasElement: HTMLElement, text: RegExp) => statusShows(canvasElement, 'delib-pairwise', text);
const resultsShown = (canvasElement: HTMLElement) => resultsShownIn(canvasElement, 'delib-pairwise');
const pairwiseIn = (canvasElement: HTMLElement) => widgetIn<DelibPairwise>(canvasElement, 'delib-pairwise');

/** Presses the first of the two large buttons `times` times. */
async function chooseFirst(canvasElement: HTMLElement, times: number) {
  const { element, shadow } = await pairwiseIn(canvasElement);
  for (let vote = 0; vote < times; vote++) {
    const [first] = element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="choice"]');
    await userEvent.click(first);
    await element.updateComplete;
  }
  return { element, shadow };
}

/** The docs page's example: a think tank's question of its own. */
const loneliness = {
  'widget-id': 'loneliness-ideas-2027',
  question: 'Which would do more to help people in your town who feel lonely?',
  votes: 5,
  'allow-suggestions': true,
  choices: [
    { value: 'lunch-club', label: 'A weekly lunch club' },
    { value: 'phone-line', label: 'A befriending phone line' },
    { value: 'bus-passes', label: 'Free bus travel for carers' },
    { value: 'garden', label: 'A community garden' },
    { value: 'benches', label: 'More benches on walking routes' },
  ],
} satisfies Partial<PairwiseArgs>;

// ---- meta -----------------------------------------------------------------------------------

const meta = {
  title: 'Widgets/delib-pairwise',
  tags: ['autodocs'],
  component: 'delib-pairwise',
  render: (args) => wrap(args, pairwise(args)),
  parameters: {
    docs: {
      description: {
        component: `A pairwise comparison asks residents "which matters more to you?" about two ideas at a time. It suits a list
too long to rank in one go: each person answers a few pairs, and together their answers put every idea in order. With
\`allow-suggestions\`, people can add ideas of their own; once a moderator approves them, they join the pairs. Each vote
is sent as soon as it is made, so people can stop when they like.

The results give each idea a score out of 100: its chance of beating another idea picked at random. For a short list,
a [ranking](?path=/docs/widgets-delib-ranking--docs) is quicker to answer.

The example below is live: choose between the ideas, or add one of your own. Under it is the HTML a page needs. Then
come the attributes, events, parts and design tokens, and a story for each state a resident can meet.`,
      },
    },
  },
  args: {
    'widget-id': 'parks-pairwise-2026',
    endpoint: mockEndpoints.ok,
    question: '',
    'allow-suggestions': false,
    shuffle: false,
    closes: '',
    results: 'after-submit',
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
    question: { control: 'text', description: 'Empty: "Which matters more to you?" in the page\'s language.', ...attributes },
    votes: { control: { type: 'number', min: 1 }, description: 'Pairs asked before the results (default 10).', ...attributes },
    'allow-suggestions': { control: 'boolean', ...attributes },
    shuffle: {
      control: 'boolean',
      description: "Fix each person's random draw of pairs, their order and sides, per widget id.",
      ...attributes,
    },
    closes: { control: 'text', description: 'ISO date-time, e.g. 2024-03-31T16:00:00Z (past: closed).', ...attributes },
    results: { control: 'inline-radio', options: ['after-submit', 'always', 'after-close', 'never'], ...attributes },
    disabled: { control: 'boolean', ...attributes },
    messages: {
      control: 'object',
      description: 'Overrides of visible strings by message key, e.g. `{ "cantDecide": "Skip this pair" }`.',
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
    '--delib-color-accent-text': token('color', '#fff'),
    '--delib-color-text': token('color', 'inherited'),
    '--delib-color-background': token('color', 'transparent'),
    '--delib-color-bar': token('color', 'the accent'),
    '--delib-focus-color': token('color', '#0b0c0c'),
    '--delib-font-family': token('text', 'inherited'),
    '--delib-radius': token('text', '0.25rem'),
    '--delib-pairwise-choice-min-height': token('text', '5rem'),
    onDelibSubmit: { action: 'delib-submit', table: { disable: true } },
    onDelibSubmitted: { action: 'delib-submitted', table: { disable: true } },
    onDelibQueued: { action: 'delib-queued', table: { disable: true } },
    onDelibError: { action: 'delib-error', table: { disable: true } },
    ...documentedOnly('allowSuggestions', 'name', 'required'),
  },
} satisfies Meta<PairwiseArgs>;

export default meta;
type Story = StoryObj<PairwiseArgs>;

// ---- the docs page's example ----------------------------------------------------------------

/** A question of the docs page's own, with the HTML a page needs to ask it. */
export const Example: Story = {
  args: loneliness,
  parameters: exampleDocs(
    embedSnippet(
      'delib-pairwise',
      {
        'widget-id': loneliness['widget-id'],
        endpoint: exampleEndpoint,
        question: loneliness.question,
        votes: loneliness.votes,
        'allow-suggestions': loneliness['allow-suggestions'],
      },
      optionLines(loneliness.choices),
    ),
  ),
};

// ---- comparing ------------------------------------------------------------------------------

/** The first pair, nothing chosen yet. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await pairwiseIn(canvasElement);
  },
};

export const AfterVotes: Story = {
  name: 'After two votes',
  play: async ({ canvasElement }) => {
    await chooseFirst(canvasElement, 2);
    await status(canvasElement, /Pair 3 of 10: .+ or .+\?$/);
  },
};

export const CantDecide: Story = {
  name: "I can't decide",
  play: async ({ canvasElement }) => {
    const { shadow } = await pairwiseIn(canvasElement);
    await userEvent.click(shadow.getByRole('button', { name: "I can't decide" }));
    await status(canvasElement, /could not decide/);
  },
};

export const Keyboard: Story = {
  name: 'Keyboard: arrow keys and 1 / 2',
  play: async ({ canvasElement }) => {
    const { element } = await pairwiseIn(canvasElement);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="choice"]')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.keyboard('1');
    await status(canvasElement, /Pair 3 of 10: .+ or .+\?$/);
  },
};

export const Suggestions: Story = {
  name: 'Suggestions: an idea sent',
  args: { 'allow-suggestions': true },
  play: async ({ canvasElement }) => {
    const { shadow } = await pairwiseIn(canvasElement);
    await userEvent.type(shadow.getByRole('textbox', { name: 'Add your own idea' }), 'A dog-free area');
    await userEvent.click(shadow.getByRole('button', { name: 'Add idea' }));
    await status(canvasElement, /Your idea was sent: A dog-free area/);
  },
};

export const ApprovedIdeas: Story = {
  name: 'Suggestions: approved ideas among the items',
  args: { 'allow-suggestions': true, 'widget-id': 'parks-pairwise-ideas-2026', results: 'always' },
  play: async ({ canvasElement }) => {
    const { shadow } = await pairwiseIn(canvasElement);
    // Read from GET /items/{widgetId}: in the results (and the pairs) by their labels.
    await waitFor(() => expect(shadow.getByRole('rowheader', { name: 'A fenced dog park' })).toBeTruthy(), { timeout: 5000 });
  },
};

export const SuggestionEmpty: Story = {
  name: 'Suggestions: error, nothing typed',
  args: { 'allow-suggestions': true },
  play: async ({ canvasElement }) => {
    const { shadow } = await pairwiseIn(canvasElement);
    await userEvent.click(shadow.getByRole('button', { name: 'Add idea' }));
    await expect(shadow.getByRole('textbox', { name: 'Add your own idea' })).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Each person's own draw of pairs, order and sides, the same in a new tab or on a return visit. */
export const Shuffled: Story = {
  args: { shuffle: true, 'widget-id': 'parks-pairwise-shuffled' },
  play: async ({ canvasElement }) => {
    await chooseFirst(canvasElement, 1);
    await status(canvasElement, /Pair 2 of 10: .+ or .+\?$/);
  },
};

export const Disabled: Story = {
  args: { disabled: true },
};

export const OpenUntil: Story = {
  name: 'Open until a date',
  args: { closes: inAFortnight },
};

// ---- results --------------------------------------------------------------------------------

export const Finished: Story = {
  name: 'Results after `votes` votes',
  args: { votes: 3 },
  play: async ({ canvasElement }) => {
    await chooseFirst(canvasElement, 3);
    await status(canvasElement, /last pair/);
    await resultsShown(canvasElement);
  },
};

export const Stopped: Story = {
  name: 'Stop and see results',
  play: async ({ canvasElement }) => {
    const { shadow } = await chooseFirst(canvasElement, 1);
    await userEvent.click(shadow.getByRole('button', { name: 'Stop and see results' }));
    await resultsShown(canvasElement);
  },
};

export const ResultsAlways: Story = {
  name: 'Results: always',
  args: { results: 'always' },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

export const ResultsFailed: Story = {
  name: 'Results: failed to load',
  args: { results: 'always', endpoint: mockEndpoints.broken },
  play: async ({ canvasElement }) => {
    const { shadow } = await pairwiseIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('button', { name: 'Try again' })).toBeTruthy(), { timeout: 5000 });
  },
};

export const Closed: Story = {
  name: 'Closed',
  args: { closes: longAgo },
  play: async ({ canvasElement }) => {
    const { shadow } = await pairwiseIn(canvasElement);
    await expect(shadow.getByText(/This closed on/)).toBeTruthy();
    await resultsShown(canvasElement);
  },
};

// ---- sending --------------------------------------------------------------------------------

export const Queued: Story = {
  name: 'Queued (offline)',
  args: { endpoint: mockEndpoints.offline },
  play: async ({ canvasElement }) => {
    await chooseFirst(canvasElement, 1);
    await status(canvasElement, /saved on this device/);
  },
};

export const Refused: Story = {
  name: 'Refused (422)',
  args: { endpoint: mockEndpoints.refuse },
  play: async ({ canvasElement }) => {
    await chooseFirst(canvasElement, 1);
    await status(canvasElement, new RegExp(refusal.error.message));
  },
};

export const ClosedAtEndpoint: Story = {
  name: 'Closed at the endpoint (410)',
  args: { endpoint: mockEndpoints.closed, 'allow-suggestions': true },
  play: async ({ canvasElement }) => {
    await chooseFirst(canvasElement, 1);
    await status(canvasElement, /has closed, so no more answers are being taken/);
    await resultsShown(canvasElement);
  },
};

// ---- languages ------------------------------------------------------------------------------

export const Welsh: Story = {
  name: 'Welsh (cy)',
  args: {
    lang: 'cy',
    'allow-suggestions': true,
    choices: [
      { value: 'lighting', label: 'Gwell goleuadau' },
      { value: 'play', label: 'Mannau chwarae' },
      { value: 'toilets', label: 'Toiledau cyhoeddus' },
      { value: 'benches', label: 'Mwy o feinciau' },
    ],
  },
  play: async ({ canvasElement }) => {
    await chooseFirst(canvasElement, 1);
    await status(canvasElement, /Pâr 2 o 6: .+ neu .+\?$/);
  },
};

export const Gaelic: Story = {
  name: 'Scottish Gaelic (gd)',
  args: {
    lang: 'gd',
    'allow-suggestions': true,
    choices: [
      { value: 'lighting', label: 'Solas nas fheàrr' },
      { value: 'play', label: 'Àiteachan-cluiche' },
      { value: 'toilets', label: 'Taighean-beaga poblach' },
      { value: 'benches', label: 'Barrachd bheingean' },
    ],
  },
  play: async ({ canvasElement }) => {
    await chooseFirst(canvasElement, 1);
    await status(canvasElement, /Paidhir 2 à 6: .+ no .+\?$/);
  },
};

// ---- themes ---------------------------------------------------------------------------------

const themed = (theme: string): Story => ({
  globals: { theme },
  args: { 'allow-suggestions': true, results: 'always', closes: inAFortnight },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
});

// Names and tags written out: Storybook reads them from the source without running it. Not on the docs
// page: a theme is one stylesheet for the whole page, so there it would restyle every widget shown.
export const ThemeDefault: Story = { ...themed('default'), name: 'Theme: default.css', tags: ['!autodocs'] };
export const ThemeGovuk: Story = { ...themed('govuk'), name: 'Theme: govuk.css', tags: ['!autodocs'] };
export const ThemeDark: Story = { ...themed('dark'), name: 'Theme: dark.css', tags: ['!autodocs'] };
export const ThemeHighContrast: Story = { ...themed('high-contrast'), name: 'Theme: high-contrast.css', tags: ['!autodocs'] };
