/**
 * What every widget's stories share: the wrapper that carries the token controls and the language,
 * argTypes helpers, and the waits that play functions use to see what a person would see.
 */
import { html, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor, within } from 'storybook/test';

/** The story's `--delib-*` controls as custom properties on a wrapper, and its `lang`. */
export const wrap = (args: { lang?: string }, content: unknown) => {
  const style = Object.fromEntries(
    Object.entries(args).filter(
      (entry): entry is [string, string] => entry[0].startsWith('--delib-') && typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
  return html`<div class="delib-story" lang=${args.lang || nothing} style=${styleMap(style)}>${content}</div>`;
};

export const attributes = { table: { category: 'attributes' } };

/** The args every widget's stories have: its shared attributes, the four events, the wrapper's language and tokens. */
export interface WidgetArgs {
  'widget-id': string;
  endpoint: string;
  closes: string;
  results: 'after-submit' | 'always' | 'after-close' | 'never';
  name?: string;
  required?: boolean;
  disabled: boolean;
  messages?: Record<string, string>;
  /** `lang` of the wrapper around the widget. */
  lang: string;
  onDelibSubmit?: (event: Event) => void;
  onDelibSubmitted?: (event: Event) => void;
  onDelibQueued?: (event: Event) => void;
  onDelibError?: (event: Event) => void;
  /** Design tokens, set as custom properties on the wrapper. */
  [token: `--delib-${string}`]: string | undefined;
}

/** A widget's item, as the stories' `choices` control holds it. */
export interface Choice {
  value: string;
  label: string;
  description?: string;
}

/** The child `<option>`s of a widget for its `choices`. */
export const optionElements = (choices: Choice[] | undefined) =>
  (choices ?? []).map(
    (choice) => html`<option value=${choice.value} data-description=${choice.description || nothing}>${choice.label}</option>`,
  );

const events = {
  'delib-submit': 'onDelibSubmit',
  'delib-submitted': 'onDelibSubmitted',
  'delib-queued': 'onDelibQueued',
  'delib-error': 'onDelibError',
} as const;

/**
 * `<delib-poll ${widgetAttributes(args)} question=…>`: the attributes every widget shares, from the
 * story's args (an empty or false one is left out), and the story's handlers for the four events. A
 * directive on the element, because a template cannot spread attributes; the widget's own attributes stay
 * written out in its story.
 */
class WidgetAttributes extends Directive {
  #listeners: [string, (event: Event) => void][] = [];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('widgetAttributes() goes on the element: <delib-poll ${…}>');
  }

  render(_args: WidgetArgs) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [WidgetArgs]) {
    const element = part.element;
    const values: Record<string, string | boolean | undefined> = {
      'widget-id': args['widget-id'],
      endpoint: args.endpoint,
      closes: args.closes,
      results: args.results,
      name: args.name,
      required: args.required,
      disabled: args.disabled,
      messages: args.messages && Object.keys(args.messages).length ? JSON.stringify(args.messages) : undefined,
    };
    for (const [name, value] of Object.entries(values)) {
      if (value === true) element.setAttribute(name, '');
      else if (value) element.setAttribute(name, value);
      else element.removeAttribute(name);
    }
    for (const [type, listener] of this.#listeners) element.removeEventListener(type, listener);
    this.#listeners = Object.entries(events).flatMap(([type, arg]) => (args[arg] ? [[type, args[arg]] as const] : []));
    for (const [type, listener] of this.#listeners) element.addEventListener(type, listener);
    return nothing;
  }
}
export const widgetAttributes = directive(WidgetAttributes);

/** A token control; the main tokens have controls even without custom-elements.json, which adds the others. */
export const token = (control: 'color' | 'text', summary: string) => ({
  control,
  description: `Design token, set on a wrapper around the widget. Built-in default: ${summary}.`,
  table: { category: 'css custom properties' },
});

/** The widget of a story once defined and rendered, and queries into its shadow root. */
export async function widgetIn<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  canvasElement: HTMLElement,
  tag: string,
) {
  await customElements.whenDefined(tag);
  const element = canvasElement.querySelector<T>(tag)!;
  await element.updateComplete;
  return { element, shadow: within(element.shadowRoot as unknown as HTMLElement) };
}

/** Waits until the widget's live region says `text`. */
export async function statusShows(canvasElement: HTMLElement, tag: string, text: RegExp) {
  const { shadow } = await widgetIn(canvasElement, tag);
  await waitFor(() => expect(shadow.getByRole('status')).toHaveTextContent(text), { timeout: 5000 });
}

/** Waits until the widget shows its results table. */
export async function resultsShownIn(canvasElement: HTMLElement, tag: string) {
  const { shadow } = await widgetIn(canvasElement, tag);
  await waitFor(() => expect(shadow.getByRole('table')).toBeTruthy(), { timeout: 5000 });
}

/** A closing date a fortnight ahead, at 17:00 UTC: "open until …" stories. */
export const inAFortnight = (() => {
  const date = new Date(Date.now() + 14 * 24 * 3600_000);
  date.setUTCHours(17, 0, 0, 0);
  return date.toISOString();
})();
/** A closing date long past: "closed" stories. */
export const longAgo = '2024-03-31T16:00:00.000Z';

/**
 * The argTypes of properties that are documented but not for a control: every widget's shared ones
 * (from `DelibElement`) and `own`, the widget's. `config` is internal state, which the manifest
 * analyser lists as an attribute all the same, so it is hidden.
 */
export const documentedOnly = (...own: string[]) => ({
  ...Object.fromEntries(
    [
      'widgetId',
      'options',
      'answer',
      'value',
      'items',
      'kind',
      'form',
      'formMode',
      'isClosed',
      'isDisabled',
      'resultsVisible',
      'validity',
      'validationMessage',
      ...own,
    ].map((name) => [name, { control: false }]),
  ),
  config: { table: { disable: true } },
});

// ---- the docs pages' examples ---------------------------------------------------------------

/** Where the docs pages' snippets load delib from and send answers to: a council's own copy, as in the README. */
export const exampleHost = 'https://consult.example.gov.uk';
export const exampleEndpoint = `${exampleHost}/api`;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A widget's items as a page writes them: child `<option>`s, with `data-description` where there is one. */
export const optionLines = (items: { value: string; label: string; description?: string }[]) =>
  items.map(
    (item) =>
      `<option value="${escapeHtml(item.value)}"${item.description ? ` data-description="${escapeHtml(item.description)}"` : ''}>${escapeHtml(item.label)}</option>`,
  );

/**
 * What a page holds for a docs page's example, shown open under it: the loader, then the element with
 * its attributes (one a line, as in the READMEs) and its children. `true` writes a bare attribute;
 * `false`, `undefined` and `''` leave it out.
 */
export function embedSnippet(
  tag: string,
  attributes: Record<string, string | number | boolean | undefined>,
  children: string[],
): string {
  const attributeLines = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== false && value !== '')
    .map(([name, value]) => (value === true ? `  ${name}` : `  ${name}="${escapeHtml(String(value))}"`));
  return [
    `<script type="module" src="${exampleHost}/delib/delib.js"></script>`,
    '',
    `<${tag}`,
    ...attributeLines,
    '>',
    ...children.map((line) => `  ${line}`),
    `</${tag}>`,
  ].join('\n');
}

/**
 * The parameters of a docs page's example story: its snippet shown open under it, instead of the
 * story's own markup (a wrapper for the controls, and the mock endpoint).
 */
export const exampleDocs = (code: string) => ({
  docs: {
    canvas: { sourceState: 'shown' as const },
    source: { code, language: 'html' as const },
  },
});
