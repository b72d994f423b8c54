import { html, nothing, type PropertyValues } from 'lit';
import { languages, type Language } from './api.js';
import { languageNames } from './widget.js';
import { kindNames } from './widgets.js';
import {
  attributes,
  kinds,
  optionLines,
  optionValues,
  problems as settingsProblems,
  resultsModes,
  snippet,
  snippetLimits,
  takesOptions,
  themes,
  type ResultsMode,
  type SnippetSettings,
  type Theme,
} from './snippet.js';
import { ConsolePage, errorSummary, fieldError, focusAfterRender, hasError, setTitle, type Problem } from './ui.js';
import type { WidgetKind } from '@delib/protocol';
import { limits } from '@delib/protocol';

const themeNames: Record<Theme, string> = {
  default: 'Default',
  govuk: 'GOV.UK-like',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};
const resultsNames: Record<ResultsMode, string> = {
  'after-submit': 'After the resident answers',
  always: 'Always, before and after answering',
  'after-close': 'Only once the widget has closed',
  never: 'Never',
};

/** The ids of the builder's fields, by setting. */
const fieldIds: Record<keyof SnippetSettings, string> = {
  kind: 'kind-poll',
  widgetId: 'widget-id',
  question: 'question',
  options: 'options',
  language: 'language',
  theme: 'theme',
  closes: 'closes',
  results: 'results-after-submit',
  suggestions: 'suggestions',
};

/**
 * The snippet builder: settings → a live preview of the real widget and the exact HTML to paste, with
 * the script and theme from this server. The preview is built from elements and text, never markup,
 * and sends nothing.
 */
export class ConsoleSnippetBuilder extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    settings: { state: true },
    problems: { state: true },
    shown: { state: true },
    copyStatus: { state: true },
  };
  declare settings: SnippetSettings;
  declare problems: Problem[];
  /** Whether the officer has asked for the preview and snippet (they then follow every change). */
  declare shown: boolean;
  declare copyStatus: string;
  #preview?: HTMLElement;

  constructor() {
    super();
    this.settings = {
      kind: 'poll',
      widgetId: '',
      question: '',
      options: [],
      language: 'en',
      theme: 'govuk',
      closes: '',
      results: 'after-submit',
      suggestions: false,
    };
    this.problems = [];
    this.shown = false;
    this.copyStatus = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTitle('Snippet builder');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.getElementById('preview-theme')?.remove();
  }

  #read(form: HTMLFormElement): SnippetSettings {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    return {
      kind: (text('kind') || 'poll') as WidgetKind,
      widgetId: text('widgetId').trim(),
      question: text('question'),
      options: optionLines(text('options')),
      language: (text('language') || 'en') as Language,
      theme: (text('theme') || 'govuk') as Theme,
      closes: text('closes'),
      results: (text('results') || 'after-submit') as ResultsMode,
      suggestions: text('suggestions') === 'yes',
    };
  }

  #changed(event: Event) {
    const form = (event.target as HTMLElement).closest('form')!;
    this.settings = this.#read(form);
    if (this.shown) this.problems = this.#problems();
  }

  #problems(): Problem[] {
    return settingsProblems(this.settings).map((problem) => ({ field: fieldIds[problem.field], message: problem.message }));
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    this.settings = this.#read(event.target as HTMLFormElement);
    this.problems = this.#problems();
    this.shown = true;
    setTitle('Snippet builder', { error: this.problems.length > 0 });
    if (this.problems.length) await focusAfterRender(this, '.error-summary');
    else await focusAfterRender(this, '#preview-heading');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('settings') || changed.has('shown') || changed.has('problems')) this.#renderPreview();
  }

  /** Builds the real widget from the settings, as elements: the same attributes as the snippet, text as text. */
  #renderPreview() {
    const holder = this.querySelector('#preview');
    if (!holder) return;
    const { settings } = this;
    let theme = document.getElementById('preview-theme') as HTMLLinkElement | null;
    if (!theme) {
      theme = document.createElement('link');
      theme.id = 'preview-theme';
      theme.rel = 'stylesheet';
      document.head.append(theme);
    }
    const href = `/themes/${settings.theme}.css`;
    if (theme.getAttribute('href') !== href) theme.setAttribute('href', href);
    const element = document.createElement(`delib-${settings.kind}`);
    for (const [name, value] of attributes(settings, `${location.origin}/api`)) element.setAttribute(name, value);
    if (takesOptions(settings.kind)) {
      for (const { value, label } of optionValues(settings.options)) {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = label;
        element.append(option);
      }
    }
    element.addEventListener('delib-submit', (event) => {
      event.preventDefault();
      this.copyStatus = '';
      const note = this.querySelector('#preview-status');
      if (note) note.textContent = 'This is a preview: nothing was sent.';
    });
    this.#preview?.remove();
    this.#preview = element;
    holder.replaceChildren(element);
  }

  async #copy() {
    const text = snippet(this.settings, location.origin);
    this.copyStatus = '';
    await this.updateComplete;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = 'Copied';
    } catch {
      // Without clipboard permission: select the text so the officer can copy it, and try the old way.
      const field = this.querySelector<HTMLTextAreaElement>('#snippet-html');
      field?.select();
      this.copyStatus = document.execCommand('copy')
        ? 'Copied'
        : 'Could not copy. The HTML is selected: copy it with Ctrl+C or Cmd+C.';
    }
  }

  protected override render() {
    const { settings, problems } = this;
    const ready = this.shown && !problems.length;
    const describedBy = (field: string, hint = true) =>
      [hint ? `${field}-hint` : '', hasError(problems, field) ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
    const groupClass = (field: string) => `form-group ${hasError(problems, field) ? 'form-group--error' : ''}`;
    return html`${errorSummary(problems)}
      <h1 class="heading-l" tabindex="-1">Snippet builder</h1>
      <p>Choose the question and its settings. You get a preview of the widget and the HTML to paste into your web page.</p>
      <form novalidate @submit=${this.#submit} @input=${this.#changed} @change=${this.#changed}>
        <div class="form-group">
          <fieldset class="fieldset">
            <legend class="fieldset__legend">Kind of widget</legend>
            <div class="radios radios--small">
              ${kinds.map(
                (kind) =>
                  html`<div class="radios__item">
                    <input
                      class="radios__input"
                      id="kind-${kind}"
                      name="kind"
                      type="radio"
                      value=${kind}
                      .checked=${settings.kind === kind}
                    />
                    <label class="label radios__label" for="kind-${kind}">${kindNames[kind]}</label>
                  </div>`,
              )}
            </div>
          </fieldset>
        </div>
        <div class=${groupClass('widget-id')}>
          <label class="label" for="widget-id">Widget ID</label>
          <div class="hint" id="widget-id-hint">
            A name for this question that no other question uses, like parks-2026. Residents do not see it.
          </div>
          ${fieldError(problems, 'widget-id')}
          <input
            class="input input--20"
            id="widget-id"
            name="widgetId"
            spellcheck="false"
            autocomplete="off"
            maxlength=${limits.widgetIdLength}
            aria-describedby=${describedBy('widget-id')}
          />
        </div>
        <div ?hidden=${!takesOptions(settings.kind)}>
          <div class=${groupClass('question')}>
            <label class="label" for="question">Question</label>
            <div class="hint" id="question-hint">For example, Which park improvement matters most to you?</div>
            ${fieldError(problems, 'question')}
            <input
              class="input"
              id="question"
              name="question"
              maxlength=${snippetLimits.question}
              aria-describedby=${describedBy('question')}
            />
          </div>
          <div class=${groupClass('options')}>
            <label class="label" for="options">Options</label>
            <div class="hint" id="options-hint">Put each option on its own line.</div>
            ${fieldError(problems, 'options')}
            <textarea
              class="textarea"
              id="options"
              name="options"
              rows="5"
              maxlength="12000"
              aria-describedby=${describedBy('options')}
            ></textarea>
          </div>
        </div>
        ${takesOptions(settings.kind) ? nothing : html`<p class="hint">Needs and assets widgets come with their own list of categories.</p>`}
        <div class="form-group" ?hidden=${settings.kind !== 'pairwise'}>
          <div class="checkboxes checkboxes--small">
            <div class="checkboxes__item">
              <input
                class="checkboxes__input"
                id="suggestions"
                name="suggestions"
                type="checkbox"
                value="yes"
                .checked=${settings.suggestions}
                aria-describedby="suggestions-hint"
              />
              <label class="label checkboxes__label" for="suggestions">Let residents suggest ideas of their own</label>
              <div class="hint checkboxes__hint" id="suggestions-hint">
                Their ideas go to the moderation queue first. Nobody sees an idea until you approve it, and then it is paired with
                the others.
              </div>
            </div>
          </div>
        </div>
        <div class="form-group">
          <label class="label" for="language">Language</label>
          <select class="select" id="language" name="language">
            ${languages.map((language) => html`<option value=${language} ?selected=${settings.language === language}>${languageNames[language]}</option>`)}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="theme">Theme</label>
          <select class="select" id="theme" name="theme">
            ${themes.map((theme) => html`<option value=${theme} ?selected=${settings.theme === theme}>${themeNames[theme]}</option>`)}
          </select>
        </div>
        <div class=${groupClass('closes')}>
          <label class="label" for="closes">Closing date (optional)</label>
          <div class="hint" id="closes-hint">The widget stops taking answers at the end of this day (UTC).</div>
          ${fieldError(problems, 'closes')}
          <input class="input input--10" id="closes" name="closes" type="date" aria-describedby=${describedBy('closes')} />
        </div>
        <div class="form-group">
          <fieldset class="fieldset">
            <legend class="fieldset__legend">When to show results</legend>
            <div class="radios radios--small">
              ${resultsModes.map(
                (mode) =>
                  html`<div class="radios__item">
                    <input
                      class="radios__input"
                      id="results-${mode}"
                      name="results"
                      type="radio"
                      value=${mode}
                      .checked=${settings.results === mode}
                    />
                    <label class="label radios__label" for="results-${mode}">${resultsNames[mode]}</label>
                  </div>`,
              )}
            </div>
          </fieldset>
        </div>
        <button class="button" type="submit">Show preview and HTML</button>
      </form>
      ${
        ready
          ? html`<h2 class="heading-m" id="preview-heading" tabindex="-1">Preview</h2>
              <p class="hint">The real widget, with this server’s results. Answers given here are not sent.</p>
              <p class="visually-hidden" role="status" id="preview-status"></p>
              <div class="preview" id="preview" lang=${settings.language}></div>
              <h2 class="heading-m">HTML to paste</h2>
              <div class="form-group">
                <label class="label" for="snippet-html"
                  >Paste this where the question should appear. The first two lines can go once in the page’s head.</label
                >
                <textarea
                  class="textarea code"
                  id="snippet-html"
                  rows="8"
                  readonly
                  spellcheck="false"
                  .value=${snippet(settings, location.origin)}
                ></textarea>
              </div>
              <div class="button-group">
                <button class="button button--secondary" type="button" id="copy" @click=${this.#copy}>Copy HTML</button>
                <span class="copy-status" role="status">${this.copyStatus}</span>
              </div>`
          : nothing
      }`;
  }
}
