import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { Answer, Results, WidgetKind } from '@delib/protocol';
import { limits } from '@delib/protocol';
import { delibConfigContext, type DelibConfig } from './context.js';
import { fallbackForm, readFormSettings, readOptions, returnedRefusal, type Item } from './items.js';
import {
  catalogueLanguages,
  languageReady,
  nearestLang,
  supportedLanguage,
  Translator,
  type Catalogue,
  type Catalogues,
} from './localize.js';
import { SubmissionController, type SubmissionState } from './submission.js';
import { LiveController } from './live.js';
import { readJson } from './fetch.js';
import { storage } from './outbox.js';
import type * as Outcomes from './outcome.js';

export type ResultsMode = 'after-submit' | 'always' | 'after-close' | 'never';

const resultsModes: readonly string[] = ['after-submit', 'always', 'after-close', 'never'];
export type RememberMode = 'device' | 'session' | 'none';
const rememberModes: readonly RememberMode[] = ['device', 'session', 'none'];

/**
 * How the council's outcome is read and shown: a module of its own, fetched with the first results
 * (in parallel with them), since a page pays for it only where results are shown.
 */
let outcomes: Promise<typeof Outcomes | undefined> | undefined;
let outcomesLoaded: typeof Outcomes | undefined;
/**
 * The outcome module, or undefined (said on the console) when it cannot be fetched: the results are
 * then shown without the outcome, and the next load of results tries again.
 */
const loadOutcomes = () =>
  (outcomes ??= import('./outcome.js').then(
    (module) => (outcomesLoaded = module),
    (error) => {
      outcomes = undefined;
      console.error('delib: the view of what the council did with the answers could not be loaded', error);
      return undefined;
    },
  ));

/** Elements already checked for their set-up: each is warned about once, however often it moves. */
const checked = new WeakSet<Element>();

/** How widgets wait for their language. */
export const languageSettings = {
  /**
   * How long a widget's first render (or the first after its language changed) waits for the language's
   * pack, in milliseconds. A pack still on its way after this is shown when it arrives; meanwhile the
   * widget speaks English, rather than leave a blank space.
   */
  packWaitMs: 8000,
};

type ResultsState = { state: 'idle' | 'loading' | 'failed' } | { state: 'loaded'; data: Results };

/**
 * What every widget shares: the common attributes, the endpoint resolution order, the language,
 * the items, closing, results loading and form association through `ElementInternals`.
 * Submission and the outbox live in `SubmissionController`.
 *
 * The parts and design tokens below are every widget's: a widget lists one again only to say what it
 * is there, and lists its own besides.
 *
 * @csspart retry - The button that tries loading the results again.
 * @csspart results - The results table.
 * @csspart outcome - What the council did with the answers ("you said, we did"), with the results once published.
 * @cssproperty --delib-color-accent - Buttons, links, selected controls and result bars (default #1d70b8).
 * @cssproperty --delib-color-accent-text - Text on buttons (default #fff).
 * @cssproperty --delib-color-text - Text (default: inherited from the page).
 * @cssproperty --delib-color-background - Background (default transparent).
 * @cssproperty --delib-color-border - Borders of text boxes and other controls (default #505a5f).
 * @cssproperty --delib-color-input - Background of text boxes and other controls (default #fff).
 * @cssproperty --delib-button-background - Button background (default: the accent).
 * @cssproperty --delib-button-text - Button text (default: the accent text colour).
 * @cssproperty --delib-button-shadow - Button shadow, e.g. GOV.UK's `0 2px 0 #002d18` (default none).
 * @cssproperty --delib-color-muted - Hints and notes (default #505a5f).
 * @cssproperty --delib-color-error - Errors (default #c3250f).
 * @cssproperty --delib-color-success - The border of the status message, and the confirmation panel (default #00703c).
 * @cssproperty --delib-color-bar - Result bars (default: the accent).
 * @cssproperty --delib-color-track - Behind result bars and between rows (default #dfe2e4).
 * @cssproperty --delib-font-family - Font (default: inherited from the page).
 * @cssproperty --delib-font-size - Font size (default: inherited).
 * @cssproperty --delib-line-height - Line height (default 1.5).
 * @cssproperty --delib-question-size - Size of the question or heading (default 1.25em).
 * @cssproperty --delib-question-weight - Weight of the question or heading (default 700).
 * @cssproperty --delib-space-s - Small spacing (default 0.5rem).
 * @cssproperty --delib-space-m - Medium spacing (default 1rem).
 * @cssproperty --delib-radius - Corner radius (default 0.25rem).
 * @cssproperty --delib-focus-color - Focus ring colour (default #0b0c0c).
 * @cssproperty --delib-focus-width - Focus ring width (default 3px).
 * @cssproperty --delib-focus-offset - Gap between a control and its focus ring (default 2px).
 * @cssproperty --delib-max-width - Widest the widget grows (default 40rem).
 * @cssproperty --delib-padding - Space inside the widget's edge, e.g. with a background (default 0).
 */
export abstract class DelibElement<M extends Catalogue = Catalogue> extends LitElement {
  static formAssociated = true;

  static override properties = {
    widgetId: { attribute: 'widget-id' },
    endpoint: {},
    closes: {},
    results: {},
    remember: {},
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    messages: { type: Object },
    options: { type: Array, attribute: false },
    // `attribute: false` is implied by `state`, but the manifest analyzer needs telling.
    config: { state: true, attribute: false },
    resultsState: { state: true, attribute: false },
    formDisabled: { state: true, attribute: false },
  };

  /** Which question or consultation this is. Required to submit. */
  declare widgetId: string;
  /** Base URL of the endpoint; else the nearest `<delib-provider>`'s, else `<meta name="delib-endpoint">`. */
  declare endpoint: string | undefined;
  /** ISO date-time after which the widget is closed. */
  declare closes: string | undefined;
  /** When results are shown. */
  declare results: ResultsMode;
  /**
   * Where the person's answer (and, with `shuffle`, their order) is remembered: `device` (default, this
   * browser), `session` (this tab, until it closes) or `none`; else the nearest `<delib-provider>`'s, else
   * `<meta name="delib-remember">`. A response not yet delivered is kept in the outbox whatever this says.
   */
  declare remember: RememberMode | undefined;
  /** Inside a `<form>`: the form field name. The widget then does not post by itself. */
  declare name: string | undefined;
  /** In a form: an answer is needed before the form can be submitted. */
  declare required: boolean;
  declare disabled: boolean;
  /** Overrides of any visible string, by message key. */
  declare messages: Partial<M> | undefined;
  /** Items as data, instead of child `<option>` elements. Labels are text, never HTML. */
  declare options: Item[] | undefined;

  /** @internal What the nearest `<delib-provider>` shares. */
  declare config: DelibConfig | undefined;
  declare protected resultsState: ResultsState;
  /** Disabled by an ancestor `<fieldset disabled>` (or our own attribute), as the form tells us. */
  declare protected formDisabled: boolean;

  /** The widget kind, as named in the envelope. */
  abstract readonly kind: WidgetKind;
  protected abstract readonly catalogues: Catalogues<M>;

  protected readonly internals: ElementInternals;
  protected readonly submission: SubmissionController;
  /** @internal The messages in the widget's language. */
  i18n!: Translator<M>;

  /** Child `<option>`s, read once per change of the light DOM rather than on every use. */
  #childOptions?: Item[];
  #observer = new MutationObserver(() => {
    this.#childOptions = undefined;
    this.#readFallback();
    this.requestUpdate();
  });
  /** The endpoint a plain form inside posts to (its action, less `/responses`). */
  #formEndpoint?: string;
  #closeTimer?: ReturnType<typeof setTimeout>;
  #resultsFor?: string;
  #lastState?: SubmissionState;
  /** The widget's own words in its status region, and what to focus once the coming update has rendered. */
  protected readonly live = new LiveController(this);
  /** Whether the widget shows what is wrong with the input (after a try to send it), in the GOV.UK pattern. */
  protected showProblems = false;

  constructor() {
    super();
    this.widgetId = '';
    this.results = 'after-submit';
    this.required = false;
    this.disabled = false;
    this.formDisabled = false;
    this.resultsState = { state: 'idle' };
    this.internals = this.attachInternals();
    this.submission = new SubmissionController(this);
    new ContextConsumer(this, {
      context: delibConfigContext,
      subscribe: true,
      callback: (config) => (this.config = config),
    });
  }

  /** The answer as the person has given it so far, or undefined when there is none yet. */
  abstract get answer(): Answer | undefined;
  /** @internal Sets the inputs from an answer (form restore, returning voter): what `value` gave, parsed. */
  abstract restoreAnswer(answer: unknown): void;
  /** Clears the inputs (form reset). */
  protected abstract clear(): void;
  /** Why the current input cannot be submitted, or undefined. */
  protected abstract problem(): { message: string; field: string } | undefined;

  /** Shows what is wrong in the error summary (GOV.UK's pattern), and moves focus to it. */
  protected revealProblems(): void {
    this.showProblems = true;
    this.live.focusNext = '.summary';
    this.requestUpdate();
  }

  /** Sends the answer, or, while something is wrong with it, says what (`revealProblems`). */
  protected sendIfValid(): void {
    if (this.problem()) return this.revealProblems();
    this.showProblems = false;
    this.submission.submit(this.answer!);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#childOptions = undefined;
    this.#readFallback();
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    this.#watchClosing();
    if (!checked.has(this)) this.#checkSetUpSoon();
    this.#carryOver();
    this.#showReturnedRefusal();
  }

  /**
   * Checks the set-up once the page has had its say: after the document is parsed (a widget upgraded
   * mid-parse has no children yet), after the first update (a provider's context has arrived) and
   * after the task that connected it (a script may add its options just after).
   */
  async #checkSetUpSoon(): Promise<void> {
    checked.add(this);
    if (document.readyState === 'loading') {
      await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
    }
    await this.updateComplete;
    await new Promise((done) => setTimeout(done));
    // Gone before it was checked: check it when it comes back.
    if (!this.isConnected) return void checked.delete(this);
    const problems = this.setUpProblems();
    if (!problems.length) return;
    const name = `<${this.localName}${this.widgetId ? ` widget-id="${this.widgetId}"` : ''}>`;
    console.warn(
      `delib: ${name} is not set up right:\n${problems.map((problem) => `- ${problem}`).join('\n')}\n` +
        'The person using the page sees none of this.',
      this,
    );
  }

  /**
   * What is wrong with the widget's attributes, for the page's developer, in English. Widgets add
   * their own; `requiresItems` says whether having no options is a problem.
   */
  protected setUpProblems(): string[] {
    const problems: string[] = [];
    if (!this.widgetId) {
      problems.push('it has no widget-id, so it cannot send answers: add widget-id="…" naming the question, e.g. "parks-2026".');
    }
    if (!this.formMode && !this.resolveEndpoint()) {
      problems.push(
        'it has no endpoint, so it cannot send answers: set its endpoint attribute, put it inside ' +
          '<delib-provider endpoint="…">, or add <meta name="delib-endpoint" content="…"> to the page ' +
          '(or, inside a <form>, give it a name so that the form sends the answer).',
      );
    }
    const results = this.getAttribute('results');
    if (results !== null && !resultsModes.includes(results)) {
      problems.push(`results="${results}" is not one of ${resultsModes.join(', ')}: it works as after-submit.`);
    }
    const remember = this.remember || this.config?.remember;
    if (remember && !rememberModes.includes(remember as RememberMode)) {
      problems.push(`remember="${remember}" is not one of ${rememberModes.join(', ')}: it works as device.`);
    }
    if (this.closes && Number.isNaN(Date.parse(this.closes))) {
      problems.push(
        `closes="${this.closes}" is not a date and time (write it as ISO 8601, e.g. 2027-01-31T23:59:00Z): it never closes.`,
      );
    }
    const lang = nearestLang(this);
    const shipped = catalogueLanguages(this.catalogues);
    if (lang && !shipped.includes(lang.toLowerCase().split('-')[0])) {
      problems.push(
        `lang="${lang}" is not a language it speaks (${shipped.join(', ')}): it is shown in ${supportedLanguage(lang, shipped)}. ` +
          'Any text can be given through the messages property.',
      );
    }
    if (this.requiresItems && !this.items.length) {
      problems.push('it has no options: add child <option value="…">Label</option> elements or set the options property.');
    }
    return problems;
  }

  /** Whether a widget with no options is a mistake (a needs-and-assets form has default categories). */
  protected get requiresItems(): boolean {
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
    clearTimeout(this.#closeTimer);
  }

  /**
   * What the page left out, from the plain form it holds for browsers without the script (CONTRACT.md
   * section 10): the widget's id, the endpoint, the question; a widget reads more in `readFallback`.
   */
  #readFallback(): void {
    const form = fallbackForm(this);
    if (!form) return;
    const { widget, widgetId, endpoint, question } = readFormSettings(form);
    // The form's id only if it is this kind's: a pairwise question's page may hold a poll's form.
    if (!this.widgetId && widgetId && widget === this.kind) this.widgetId = widgetId;
    this.#formEndpoint = endpoint;
    const self = this as unknown as { question?: string };
    if ('question' in this && !self.question && question) self.question = question;
    this.readFallback(form);
  }

  /**
   * What the person had already put into the plain form when the script arrived late (it shows after 4
   * seconds without it): the widget starts from it rather than empty, and a keyboard user inside the form
   * finds focus inside the widget. A form that does not read as an answer is left for them to redo.
   */
  #carryOver(): void {
    const form = fallbackForm(this);
    if (!form || this.formMode) return;
    const touched = [...form.elements].some((control) =>
      control instanceof HTMLInputElement
        ? control.type === 'radio' || control.type === 'checkbox'
          ? control.checked
          : !['hidden', 'submit', 'button', 'reset', 'image'].includes(control.type) && !!control.value
        : (control instanceof HTMLTextAreaElement && !!control.value) ||
          (control instanceof HTMLSelectElement && control.selectedIndex > 0),
    );
    if (!touched) return;
    const focused = form.contains(document.activeElement);
    import('./carry-over.js').then(
      async ({ formAnswer }) => {
        const answer = formAnswer(form, this.kind);
        if (!answer || this.answer) return;
        // Focus follows a person who was in the form and has not moved on (the form's controls, gone from
        // the screen, leave focus on the page's body).
        const active = document.activeElement;
        const stillThere = focused && (!active || active === document.body || form.contains(active));
        this.restoreAnswer(answer);
        this.requestUpdate();
        await this.updateComplete;
        if (stillThere) {
          const root = this.renderRoot;
          (
            root.querySelector<HTMLElement>('input:checked') ?? root.querySelector<HTMLElement>('input, textarea, button')
          )?.focus();
        }
      },
      (error) => console.error('delib: what was typed into the plain form could not be carried into the widget', error),
    );
  }

  /**
   * The endpoint refused this widget's plain form as invalid and sent the person back here
   * (`returnedRefusal`): the widget shows what is wrong, in the error summary, focused, as if the person
   * had pressed send (their input did not come back with them). Only that: the address is anyone's to
   * write, so it never closes or disables the widget; any other refusal the endpoint will give again,
   * with its reason, when the person sends from the widget.
   */
  #showReturnedRefusal(): void {
    if (returnedRefusal(this.widgetId) === 'invalid') this.revealProblems();
  }

  /** A widget's own settings from its plain form (the poll: checkboxes mean `multiple`). */
  protected readFallback(_form: HTMLFormElement): void {}

  /** The items, from the `options` property, else child `<option>` elements, else the plain form's controls. */
  get items(): Item[] {
    return this.options ?? (this.#childOptions ??= readOptions(this));
  }

  /** Closed by its `closes` date. */
  get isClosed(): boolean {
    const closes = Date.parse(this.closes ?? '');
    return closes <= Date.now();
  }

  /**
   * The endpoint refused an answer with `410` code `closed` (CONTRACT.md §4): the question was closed
   * there. The person's input stays on screen, unchangeable, and nothing more is sent.
   */
  get closedAtEndpoint(): boolean {
    const refusal = this.submission.refusal;
    return refusal?.status === 410 && refusal.error.code === 'closed';
  }

  /** In a form with a name: the form submits the answer, the widget posts nothing. */
  get formMode(): boolean {
    return !!this.name && !!this.internals.form;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  /** The answer as JSON, as a form submits it; empty without an answer. */
  get value(): string {
    const answer = this.answer;
    return answer ? JSON.stringify(answer) : '';
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** The `remember` in force: own attribute, provider, `<meta name="delib-remember">`, else `device`. */
  get rememberMode(): RememberMode {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="delib-remember"]')?.content;
    const mode = this.remember || this.config?.remember || meta;
    return rememberModes.includes(mode as RememberMode) ? (mode as RememberMode) : 'device';
  }

  /** @internal Where this widget keeps what it remembers (`remember`): localStorage, sessionStorage or nowhere. */
  get memory(): Storage | undefined {
    const mode = this.rememberMode;
    return mode === 'none' ? undefined : storage(mode === 'session' ? 'sessionStorage' : 'localStorage');
  }

  /** The endpoint base URL, in the contract's order, without a trailing slash. */
  resolveEndpoint(): string | undefined {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="delib-endpoint"]')?.content;
    return (this.endpoint || this.#formEndpoint || this.config?.endpoint || meta)?.replace(/\/+$/, '') || undefined;
  }

  /** "Open until …" or "This closed on …", in the widget's language; empty without `closes`. */
  get closingMessage(): string {
    const closes = Date.parse(this.closes ?? '');
    if (!closes) return '';
    const t = this.i18n.t.bind(this.i18n) as (key: string, values?: Record<string, string>) => string;
    return t(this.isClosed ? 'closed' : 'closes', { date: this.i18n.date(new Date(closes)) });
  }

  /**
   * What the live region says of the latest submission: sending, saved for later (or, where it could
   * not be saved, "keep this page open"), thanks, refused.
   */
  get submissionMessage(): string {
    const { state, refusal, durable } = this.submission;
    const t = this.i18n.t.bind(this.i18n) as (key: string, values?: Record<string, string>) => string;
    if (state === 'refused') {
      if (this.closedAtEndpoint) return t('closedNow');
      return refusal?.error.code === 'not_set_up' ? t('notSetUp') : t('refused', { reason: refusal?.error.message ?? '' });
    }
    if (state === 'queued' && !durable) return t('queuedUnsaved');
    return state === 'idle' ? '' : t(state);
  }

  /** The `results` mode in force: an unknown value works as the default, `after-submit`. */
  get resultsMode(): ResultsMode {
    return resultsModes.includes(this.results) ? this.results : 'after-submit';
  }

  /** Whether the results view belongs on screen now, by the `results` mode. */
  get resultsVisible(): boolean {
    const mode = this.resultsMode;
    if (mode === 'never' || this.formMode) return false;
    if (mode === 'always' || this.isClosed || this.closedAtEndpoint) return true;
    return mode !== 'after-close' && this.submission.state === 'submitted';
  }

  /**
   * Whether the council's outcome ("you said, we did") belongs on screen: with the results, and also,
   * once the question has closed, where `results="never"` keeps the counts to the council.
   */
  get outcomeVisible(): boolean {
    return this.resultsVisible || (!this.formMode && (this.isClosed || this.closedAtEndpoint));
  }

  /**
   * Waits for the language pack before an update that needs it, so the widget is never shown in English
   * first: for at most `languageSettings.packWaitMs`, after which it renders in English and updates again
   * when the pack arrives. Without a pack to wait for (English, or a pack loaded or failed) it updates
   * exactly as Lit would.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = languageReady(this.catalogues, nearestLang(this));
    if (!ready || ready === this.#packLate) return super.scheduleUpdate();
    return this.#updateWhenReady(ready);
  }

  /** A pack this widget stopped waiting for: later updates do not wait for it again. */
  #packLate?: Promise<void>;

  async #updateWhenReady(ready: Promise<void>): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = await Promise.race([
      ready.then(() => false),
      new Promise<boolean>((done) => (timer = setTimeout(() => done(true), languageSettings.packWaitMs))),
    ]);
    clearTimeout(timer);
    if (late) {
      this.#packLate = ready;
      void ready.then(() => this.requestUpdate());
    }
    // The widget's language may have changed while it waited (cy → gd): wait for that pack too.
    const now = languageReady(this.catalogues, nearestLang(this));
    if (now && now !== ready && now !== this.#packLate) return this.#updateWhenReady(now);
    return super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const lang = nearestLang(this);
    // `i18n.lang` is the shipped language shown: a tag such as `cy-GB`, or a language whose pack had not
    // arrived when the translator was made (it then speaks English), asks again each update.
    if (!this.i18n || changed.has('messages') || this.i18n.lang !== lang) {
      this.i18n = Translator.for(this.catalogues, lang, this.messages);
    }
    if (changed.has('closes')) this.#watchClosing();
    this.submission.sync();
    this.#keepFocusThroughSending();
    // Started here rather than after the update, so that its "loading" state costs no second render.
    if (this.outcomeVisible) this.loadResults();
  }

  /**
   * Where the keyboard goes once sending ends, decided before the update renders it: what is focused
   * is still the form that was sending.
   */
  #keepFocusThroughSending(): void {
    const state = this.submission.state;
    if (this.#lastState === 'sending') {
      // The form gives way to the answer: keep the keyboard user's place by focusing what replaced it.
      if (state === 'submitted' || state === 'queued') this.live.focusNext ??= '[part="answer"]';
      // The submit button, disabled while sending, lost focus; a refusal gives it back, unless the person
      // moved on. (Some engines keep focus on a control as it is disabled; that is lost to the keyboard
      // user too.) The status message is focused only when the question closed under the person's hand.
      const active = this.shadowRoot?.activeElement;
      const lost = active ? active.matches(':disabled') : !document.activeElement || document.activeElement === document.body;
      if (state === 'refused' && lost) this.live.focusNext ??= this.closedAtEndpoint ? '[part="status"]' : '[part="submit"]';
    }
    this.#lastState = state;
  }

  protected override updated(_changed: PropertyValues): void {
    const answer = this.answer;
    const problem = this.problem();
    this.internals.setFormValue(this.value || null);
    // Validity is for a page's form; outside one it would only mark the widget invalid to assistive technology.
    if (problem && (answer || this.required) && this.internals.form) {
      const anchor = this.renderRoot.querySelector<HTMLElement>('input, textarea, button') ?? undefined;
      this.internals.setValidity(answer ? { customError: true } : { valueMissing: true }, problem.message, anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  /**
   * The results view: nothing when results are not due, "shown once your answer has been sent" while
   * it waits in the outbox (with `pending`), "loading", "could not be loaded" with a retry button, and
   * once loaded whatever `view` makes of them.
   */
  protected renderResults<R extends Results>(view: (results: R) => unknown, pending = true) {
    const t = this.i18n.t.bind(this.i18n) as (key: string) => string;
    if (pending && this.resultsMode === 'after-submit' && this.submission.state === 'queued' && !this.formMode) {
      return html`<p class="note">${t('resultsPending')}</p>`;
    }
    const counts = this.resultsVisible;
    if (!counts && !this.outcomeVisible) return nothing;
    const loaded = this.resultsState;
    // Without the counts (results="never"), only an outcome is shown: no loading or failure message.
    if (!counts) return loaded.state === 'loaded' ? this.#renderOutcome(loaded.data) : nothing;
    if (loaded.state === 'failed') {
      return html`<p>${t('resultsFailed')}</p>
        <button class="secondary" part="retry" @click=${() => this.loadResults(true)}>${t('retry')}</button>`;
    }
    if (loaded.state !== 'loaded') return html`<p class="note">${t('resultsLoading')}</p>`;
    return [view(loaded.data as R), this.#renderOutcome(loaded.data)];
  }

  /** The results body's outcome, if any, in the widget's language or else English, as text and links. */
  #renderOutcome(results: Results) {
    // Loaded with the results (see loadResults): a body is 'loaded' only once this module is too.
    if (!outcomesLoaded) return nothing;
    const t = this.i18n.t.bind(this.i18n) as (key: string, values?: Record<string, string>) => string;
    const outcome = outcomesLoaded.pickOutcome(results, this.i18n.lang);
    const at = outcome?.publishedAt;
    return outcomesLoaded.renderOutcome(outcome, t('outcomeHeading'), at && t('outcomePublished', { date: this.i18n.date(at) }));
  }

  /** The values whose counts the results view shows: by default the items' values. */
  protected get resultsValues(): string[] {
    return this.items.map((item) => item.value);
  }

  /** Loads results from the endpoint once per widget id, values and submission; `force` loads again. */
  async loadResults(force = false): Promise<void> {
    const endpoint = this.resolveEndpoint();
    // `widget` lets the endpoint answer a question nobody has answered yet in the right shape.
    const base = `${endpoint}/results/${encodeURIComponent(this.widgetId)}?widget=${this.kind}`;
    // The widget's own values: an endpoint that caps its answer (the reference one keeps the 100 most
    // answered) then holds exactly these, however many others strangers have posted. Left out where
    // they would not fit in an address every server takes.
    const values = [...new Set(this.resultsValues)];
    const named = new URLSearchParams(values.map((value) => ['value', value])).toString();
    const url = named && values.length <= limits.items && base.length + named.length < 8000 ? `${base}&${named}` : base;
    const key = `${url}|${this.submission.state}`;
    if (!endpoint || !this.widgetId || (!force && this.#resultsFor === key)) return;
    // The same results asked for again, now that the answer has arrived or been queued: those on screen
    // stay until the new ones come (or if they cannot), rather than flicker through "Loading…".
    const refreshing = this.resultsState.state === 'loaded' && this.#resultsFor?.startsWith(`${url}|`);
    this.#resultsFor = key;
    if (!refreshing) this.resultsState = { state: 'loading' };
    try {
      // A 404 is nothing counted yet, for endpoints that say so with a 404.
      const [body] = await Promise.all([readJson(url, this.config?.credentials), loadOutcomes()]);
      const data = body ?? { widget: this.kind, widgetId: this.widgetId, total: 0 };
      if (typeof data !== 'object' || data === null) throw new Error('not a results body');
      // Only the latest request shows: one for an earlier widget id, values or state that answers
      // late must not cover the results asked for since.
      if (this.#resultsFor === key) this.resultsState = { state: 'loaded', data: data as Results };
    } catch {
      if (this.#resultsFor === key && !refreshing) this.resultsState = { state: 'failed' };
    }
  }

  formResetCallback(): void {
    this.clear();
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | null): void {
    try {
      if (state) this.restoreAnswer(JSON.parse(state));
    } catch {
      // A state we did not write; leave the inputs as they are.
    }
    this.requestUpdate();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Disabled by its own attribute, by a disabled fieldset around it, or by closing at the endpoint. */
  get isDisabled(): boolean {
    return this.disabled || this.formDisabled || this.closedAtEndpoint;
  }

  /** Re-renders when the closing time passes while the page is open. */
  #watchClosing(): void {
    clearTimeout(this.#closeTimer);
    const wait = Date.parse(this.closes ?? '') - Date.now();
    if (wait > 0 && wait < 2 ** 31) this.#closeTimer = setTimeout(() => this.requestUpdate(), wait + 50);
  }
}
