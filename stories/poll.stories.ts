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
import '@delib/poll/define.js';
import type { DelibPoll } from '@delib/poll';
import { mockEndpoints, refusal } from '../.storybook/mock-endpoint.js';

type PollArgs = WidgetArgs & {
  question: string;
  multiple: boolean;
  'max-choices'?: number;
  'allow-other': boolean;
  shuffle: boolean;
  /** Rendered as the element's child `<option>` elements. */
  choices: Choice[];
};

const parks: Choice[] = [
  { value: 'lighting', label: 'Better lighting' },
  { value: 'play', label: 'New play equipment', description: 'Swings, a climbing frame and a sandpit' },
  { value: 'toilets', label: 'Public toilets' },
];

/** The docs page's example: a question of its own, as a council would ask it. */
const lateEvening = {
  'widget-id': 'library-late-2027',
  question: 'Which evening should Penrhos library stay open until 8pm?',
  choices: [
    { value: 'monday', label: 'Monday' },
    { value: 'tuesday', label: 'Tuesday' },
    { value: 'wednesday', label: 'Wednesday' },
    { value: 'thursday', label: 'Thursday' },
  ],
} satisfies Partial<PollArgs>;

const poll = (args: PollArgs) =>
  html`<delib-poll
    ${widgetAttributes(args)}
    question=${args.question || nothing}
    ?multiple=${args.multiple}
    max-choices=${args['max-choices'] ?? nothing}
    ?allow-other=${args['allow-other']}
    ?shuffle=${args.shuffle}
    >${optionElements(args.choices)}</delib-poll
  >`;

/**
 * The wrapper carries the language and the token controls, as an ancestor on a real page would.
 * Every `--delib-*` arg is applied: these and the other tokens the manifest lists.
 */

// ---- helpers for play functions -------------------------------------------------------------

const status = (canvasElement: HTMLElement, text: RegExp) => statusShows(canvasElement, 'delib-poll', text);
const resultsShown = (canvasElement: HTMLElement) => resultsShownIn(canvasElement, 'delib-poll');
const pollIn = (canvasElement: HTMLElement) => widgetIn<DelibPoll>(canvasElement, 'delib-poll');

async function choose(canvasElement: HTMLElement, ...labels: RegExp[]) {
  const { element, shadow } = await pollIn(canvasElement);
  for (const label of labels) await userEvent.click(shadow.getByRole(element.multiple ? 'checkbox' : 'radio', { name: label }));
  return { element, shadow };
}

async function press(canvasElement: HTMLElement, name: RegExp) {
  const { shadow } = await pollIn(canvasElement);
  await userEvent.click(shadow.getByRole('button', { name }));
}

// ---- meta -----------------------------------------------------------------------------------

/**
 * Properties from the manifest that stay in the API table without a control: camelCase twins of
 * attributes that have controls, read-only getters, and `options` (the stories use child elements).
 */

const meta = {
  title: 'Widgets/delib-poll',
  tags: ['autodocs'],
  component: 'delib-poll',
  render: (args) => wrap(args, poll(args)),
  parameters: {
    docs: {
      description: {
        component: `A poll asks residents one question with a few answers: which evening should the library stay open late?
People choose one answer, or several with \`multiple\`, and can write their own with \`allow-other\`. Each vote goes to
your endpoint, and people then see the results as text and bars.

Use a poll for a quick show of hands on a clear choice. To ask people to weigh several things against each other, use a
[ranking](?path=/docs/widgets-delib-ranking--docs), a [pairwise comparison](?path=/docs/widgets-delib-pairwise--docs) or a
[budget](?path=/docs/widgets-delib-budget--docs).

The example below is live: choose an evening and vote. Under it is the HTML a page needs. Then come the attributes,
events, parts and design tokens, and a story for each state a resident can meet.`,
      },
    },
  },
  args: {
    'widget-id': 'parks-2026',
    endpoint: mockEndpoints.ok,
    question: 'Which park improvement matters most to you?',
    multiple: false,
    'allow-other': false,
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
    multiple: { control: 'boolean', ...attributes },
    'max-choices': { control: { type: 'number', min: 1 }, ...attributes },
    'allow-other': { control: 'boolean', ...attributes },
    shuffle: {
      control: 'boolean',
      description: 'The options in a random order of each person\'s own, kept per widget id; "Other" stays last.',
      ...attributes,
    },
    closes: { control: 'text', description: 'ISO date-time, e.g. 2024-03-31T16:00:00Z (past: closed).', ...attributes },
    results: { control: 'inline-radio', options: ['after-submit', 'always', 'after-close', 'never'], ...attributes },
    name: { control: 'text', description: 'Inside a `<form>`: the field name (see the "In a form" story).', ...attributes },
    required: { control: 'boolean', ...attributes },
    disabled: { control: 'boolean', ...attributes },
    messages: {
      control: 'object',
      description: 'Overrides of visible strings by message key, e.g. `{ "submit": "Send my vote" }`.',
      ...attributes,
    },
    choices: {
      control: 'object',
      description: 'Rendered as child `<option value data-description>` elements: the options.',
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
    '--delib-color-error': token('color', '#c3250f'),
    '--delib-color-input': {
      ...token('color', '#fff'),
      description:
        'Design token, set on a wrapper around the widget: the background of text boxes (built-in default #fff). The widget uses it, but its documentation does not list it yet.',
    },
    '--delib-color-bar': token('color', 'the accent'),
    '--delib-focus-color': token('color', '#0b0c0c'),
    '--delib-font-family': token('text', 'inherited'),
    '--delib-radius': token('text', '0.25rem'),
    '--delib-space-s': token('text', '0.5rem'),
    '--delib-space-m': token('text', '1rem'),
    onDelibSubmit: { action: 'delib-submit', table: { disable: true } },
    onDelibSubmitted: { action: 'delib-submitted', table: { disable: true } },
    onDelibQueued: { action: 'delib-queued', table: { disable: true } },
    onDelibError: { action: 'delib-error', table: { disable: true } },
    ...documentedOnly('maxChoices', 'allowOther'),
  },
} satisfies Meta<PollArgs>;

export default meta;
type Story = StoryObj<PollArgs>;

// ---- the docs page's example ----------------------------------------------------------------

/** A question of the docs page's own, with the HTML a page needs to ask it. */
export const Example: Story = {
  args: lateEvening,
  parameters: exampleDocs(
    embedSnippet(
      'delib-poll',
      { 'widget-id': lateEvening['widget-id'], endpoint: exampleEndpoint, question: lateEvening.question },
      optionLines(lateEvening.choices),
    ),
  ),
};

// ---- the form ------------------------------------------------------------------------------

/** One question, one answer, nothing chosen yet. */
export const Default: Story = {};

export const OpenUntil: Story = {
  name: 'Open until a date',
  args: { closes: inAFortnight },
};

export const Multiple: Story = {
  name: 'Multiple, at most two',
  args: {
    'widget-id': 'parks-2026-multiple',
    question: 'Which two park improvements matter most to you?',
    multiple: true,
    'max-choices': 2,
    choices: [...parks, { value: 'benches', label: 'More benches' }],
  },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /Better lighting/, /Public toilets/);
  },
};

export const AllowOther: Story = {
  name: 'Other, chosen and typed',
  args: { 'allow-other': true },
  play: async ({ canvasElement }) => {
    const { shadow } = await choose(canvasElement, /^Other$/);
    await userEvent.type(shadow.getByRole('textbox', { name: 'Your other answer' }), 'A dog-free area');
    await expect(shadow.getByRole('textbox', { name: 'Your other answer' })).toHaveValue('A dog-free area');
  },
};

/** Each person's own order of the options, the same on every visit; "Other" stays last. */
export const Shuffled: Story = {
  args: {
    shuffle: true,
    'allow-other': true,
    'widget-id': 'parks-2026-shuffled',
    choices: [...parks, { value: 'benches', label: 'More benches' }, { value: 'paths', label: 'Better paths' }],
  },
  play: async ({ canvasElement }) => {
    const { shadow } = await pollIn(canvasElement);
    const radios = shadow.getAllByRole('radio');
    await expect(radios).toHaveLength(6);
    await expect(radios.at(-1)).toHaveAccessibleName('Other');
  },
};

export const Disabled: Story = {
  args: { disabled: true },
};

// ---- validation -----------------------------------------------------------------------------

export const ValidationError: Story = {
  name: 'Error: nothing chosen',
  play: async ({ canvasElement }) => {
    await press(canvasElement, /^Vote$/);
    const { element, shadow } = await pollIn(canvasElement);
    const summary = shadow.getByRole('group', { name: 'There is a problem' });
    await expect(summary).toHaveTextContent('Select an option');
    // The summary takes focus, so that screen reader and keyboard users land on it.
    await waitFor(() => expect(element.shadowRoot!.activeElement).toBe(summary));
  },
};

export const ValidationTooMany: Story = {
  name: 'Error: too many chosen',
  args: { ...Multiple.args },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /Better lighting/, /New play equipment/, /Public toilets/);
    await press(canvasElement, /^Vote$/);
    const { shadow } = await pollIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'There is a problem' })).toHaveTextContent('Select no more than 2 options');
  },
};

export const ValidationOtherEmpty: Story = {
  name: 'Error: Other chosen, left empty',
  args: { 'allow-other': true },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /^Other$/);
    await press(canvasElement, /^Vote$/);
    const { shadow } = await pollIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'There is a problem' })).toHaveTextContent('Enter your other answer');
    await expect(shadow.getByRole('textbox', { name: 'Your other answer' })).toHaveAttribute('aria-invalid', 'true');
  },
};

// ---- sending --------------------------------------------------------------------------------

export const Sending: Story = {
  name: 'Sending',
  args: { endpoint: mockEndpoints.slow },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /New play equipment/);
    await press(canvasElement, /^Vote$/);
    await status(canvasElement, /Sending/);
    const { shadow } = await pollIn(canvasElement);
    await expect(shadow.getByRole('button', { name: 'Vote' })).toBeDisabled();
  },
};

export const Submitted: Story = {
  name: 'Results: after-submit, voted',
  args: { results: 'after-submit' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /New play equipment/);
    await press(canvasElement, /^Vote$/);
    await status(canvasElement, /Thank you/);
    await resultsShown(canvasElement);
  },
};

export const Queued: Story = {
  name: 'Queued (offline)',
  args: { endpoint: mockEndpoints.offline },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /Better lighting/);
    await press(canvasElement, /^Vote$/);
    await status(canvasElement, /saved on this device/);
  },
};

export const Refused: Story = {
  name: 'Refused (422)',
  args: { endpoint: mockEndpoints.refuse },
  play: async ({ canvasElement }) => {
    const { shadow } = await choose(canvasElement, /Public toilets/);
    await press(canvasElement, /^Vote$/);
    await status(canvasElement, new RegExp(refusal.error.message));
    // The person's choice is kept, so they can try again when the problem is solved.
    await expect(shadow.getByRole('radio', { name: /Public toilets/ })).toBeChecked();
  },
};

export const NoEndpoint: Story = {
  name: 'Refused: no endpoint configured',
  args: { endpoint: '' },
  play: async ({ canvasElement }) => {
    const { element, shadow } = await choose(canvasElement, /Better lighting/);
    const refused = new Promise<CustomEvent>((done) =>
      element.addEventListener('delib-error', (event) => done(event as CustomEvent), { once: true }),
    );
    await press(canvasElement, /^Vote$/);
    // Nothing was sent: status 0. The wording of the message belongs to the widget.
    await expect((await refused).detail.status).toBe(0);
    await waitFor(() => expect(shadow.getByRole('status')).not.toBeEmptyDOMElement());
  },
};

export const ClosedAtEndpoint: Story = {
  name: 'Closed at the endpoint (410)',
  args: { endpoint: mockEndpoints.closed },
  play: async ({ canvasElement }) => {
    const { shadow } = await choose(canvasElement, /Better lighting/);
    await press(canvasElement, /^Vote$/);
    await status(canvasElement, /has closed, so no more answers are being taken/);
    // The choice stays on screen, but nothing more can be sent; the results are shown.
    await expect(shadow.getByRole('radio', { name: /Better lighting/ })).toBeChecked();
    await expect(shadow.getByRole('button', { name: 'Vote' })).toBeDisabled();
    await resultsShown(canvasElement);
  },
};

// ---- results --------------------------------------------------------------------------------

export const Outcome: Story = {
  name: 'Results with the outcome ("you said, we did")',
  args: { 'widget-id': 'parks-2026-outcome', results: 'always' },
  play: async ({ canvasElement }) => {
    const { shadow } = await pollIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('heading', { name: 'What we did with your answers' })).toBeVisible(), {
      timeout: 5000,
    });
    await expect(shadow.getByRole('link', { name: 'https://council.example/parks/lighting' })).toBeVisible();
  },
};

export const OutcomeWelsh: Story = {
  name: 'Results with the outcome, in Welsh',
  args: {
    'widget-id': 'parks-2026-outcome',
    results: 'always',
    lang: 'cy',
    question: 'Pa welliant i’r parc sydd bwysicaf i chi?',
  },
  play: async ({ canvasElement }) => {
    const { shadow } = await pollIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('heading', { name: "Beth wnaethom ni gyda'ch atebion" })).toBeVisible(), {
      timeout: 5000,
    });
  },
};

export const ResultsAlways: Story = {
  name: 'Results: always',
  args: { results: 'always' },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

export const ResultsAfterCloseOpen: Story = {
  name: 'Results: after-close, voted while open',
  args: { results: 'after-close', closes: inAFortnight },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /Better lighting/);
    await press(canvasElement, /^Vote$/);
    await status(canvasElement, /Thank you/);
    const { shadow } = await pollIn(canvasElement);
    await expect(shadow.queryByRole('table')).toBeNull();
  },
};

export const ResultsAfterCloseClosed: Story = {
  name: 'Results: after-close, closed',
  args: { results: 'after-close', closes: longAgo },
  play: async ({ canvasElement }) => resultsShown(canvasElement),
};

export const ResultsNever: Story = {
  name: 'Results: never, voted',
  args: { results: 'never' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /Better lighting/);
    await press(canvasElement, /^Vote$/);
    await status(canvasElement, /Thank you/);
    const { shadow } = await pollIn(canvasElement);
    await expect(shadow.queryByRole('table')).toBeNull();
  },
};

export const ResultsFailed: Story = {
  name: 'Results: failed to load',
  args: { results: 'always', endpoint: mockEndpoints.broken },
  play: async ({ canvasElement }) => {
    const { shadow } = await pollIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('button', { name: 'Try again' })).toBeTruthy(), { timeout: 5000 });
  },
};

export const Closed: Story = {
  name: 'Closed',
  args: { closes: longAgo },
  play: async ({ canvasElement }) => {
    const { shadow } = await pollIn(canvasElement);
    await expect(shadow.getByText(/This closed on/)).toBeTruthy();
    await resultsShown(canvasElement);
  },
};

export const ReturningVoter: Story = {
  name: 'Returning voter',
  beforeEach: () => {
    const envelope = {
      id: '6f1c9a52-3d4e-4b7a-9c21-8e5f0a7d3b64',
      widget: 'poll',
      widgetId: 'parks-2026',
      submittedAt: '2026-11-20T09:30:00.000Z',
      locale: 'en',
      page: location.origin + location.pathname,
      answer: { choices: ['play'] },
    };
    localStorage.setItem('delib:answer:v1:delib-poll:parks-2026', JSON.stringify(envelope));
  },
  play: async ({ canvasElement }) => {
    const { shadow } = await pollIn(canvasElement);
    await expect(shadow.getByText(/You voted for: New play equipment/)).toBeTruthy();
    await resultsShown(canvasElement);
  },
};

// ---- in a form ------------------------------------------------------------------------------

export const InAForm: Story = {
  name: 'In a form (name)',
  args: { name: 'park', required: true },
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
        <div>
          <label for="story-postcode">Your postcode</label><br />
          <input id="story-postcode" name="postcode" autocomplete="postal-code" value="CF10 1AA" />
        </div>
        ${poll(args)}
        <div><button>Send the form</button></div>
        <p>The form would send:</p>
        <output name="sent" style="white-space:pre;font-family:monospace"></output>
      </form>`,
    );
  },
  play: async ({ canvasElement }) => {
    const { shadow } = await choose(canvasElement, /New play equipment/);
    await expect(shadow.queryByRole('button', { name: 'Vote' })).toBeNull();
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send the form' }));
    await expect(canvasElement.querySelector('output')).toHaveTextContent('park = {"choices":["play"]}');
  },
};

// ---- languages ------------------------------------------------------------------------------

export const Welsh: Story = {
  name: 'Welsh (cy)',
  args: {
    lang: 'cy',
    'widget-id': 'parks-2026-multiple',
    question: "Pa ddau welliant i'r parc sydd bwysicaf i chi?",
    multiple: true,
    'max-choices': 2,
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
    'widget-id': 'parks-2026-multiple',
    question: 'Dè an dà leasachadh pàirce as cudromaiche dhut?',
    multiple: true,
    'max-choices': 2,
    results: 'always',
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

/**
 * Each theme with as many of its colours on screen as one view allows: a closing date and a
 * description (muted text), the "Other" box left empty and an error summary, and the results.
 */
const themed = (theme: string): Story => ({
  globals: { theme },
  args: { 'allow-other': true, results: 'always', closes: inAFortnight },
  play: async ({ canvasElement }) => {
    await resultsShown(canvasElement);
    await choose(canvasElement, /^Other$/);
    await press(canvasElement, /^Vote$/);
    const { shadow } = await pollIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'There is a problem' })).toBeTruthy();
  },
});

// Names and tags written out: Storybook reads them from the source without running it. Not on the docs
// page: a theme is one stylesheet for the whole page, so there it would restyle every widget shown.
export const ThemeDefault: Story = { ...themed('default'), name: 'Theme: default.css', tags: ['!autodocs'] };
export const ThemeGovuk: Story = { ...themed('govuk'), name: 'Theme: govuk.css', tags: ['!autodocs'] };
export const ThemeDark: Story = { ...themed('dark'), name: 'Theme: dark.css', tags: ['!autodocs'] };
export const ThemeHighContrast: Story = { ...themed('high-contrast'), name: 'Theme: high-contrast.css', tags: ['!autodocs'] };
