import { html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { limits, type NeedsAssetsAnswer, type NeedsAssetsEntry, type NeedsAssetsResults } from '@delib/protocol';
import { DelibElement, bar, baseStyles, cleanText, errorSummary, tabMemory, type Problem } from '@delib/core';
import { defaultCategories, other, pageCategories, type Category, type Side } from './categories.js';
import { needsAssetsMessages, type NeedsAssetsMessages } from './messages.js';
import { needsAssetsStyles } from './needs-assets.styles.js';

/** The steps in order; `check` is "check your answers", after which the answers are sent. */
export type Step = 'needs' | 'assets' | 'area' | 'contact' | 'check';
const steps: Step[] = ['needs', 'assets', 'area', 'contact', 'check'];
/** The steps that ask something, counted in "Step 2 of 4". */
const asking = 4;

/** Everything the person has entered, as typed: kept in sessionStorage so a reload loses nothing. */
interface Draft {
  step: Step;
  /** Ticked categories with what the person wrote about each, by side. */
  needs: Record<string, string>;
  assets: Record<string, string>;
  /** "Nothing at the moment" ticked, by side. */
  none: Partial<Record<Side, boolean>>;
  area: string;
  consent: boolean;
  name: string;
  email: string;
  phone: string;
}

const emptyDraft = (): Draft => ({
  step: 'needs',
  needs: {},
  assets: {},
  none: {},
  area: '',
  consent: false,
  name: '',
  email: '',
  phone: '',
});

const draftPrefix = 'delib:draft:v1:';

/** A whole UK postcode, as Royal Mail formats them (BS 7666), spaces optional. */
const postcode = /^(GIR ?0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d[\dABEHMNPRV-Y]?|\d[A-HJKPS-UW]) ?\d[ABD-HJLNP-UW-Z]{2})$/i;
/** What someone typing a postcode types: an outward code, then something starting with a digit. */
const postcodeAttempt = /^[a-z]{1,2}\d[a-z\d]?\s*\d[a-z\d]{0,3}$/i;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phone = /^\+?[\d ()-]+$/;

/**
 * The area as it will be sent: a postcode in its usual form ("sw1a1aa" → "SW1A 1AA"), anything
 * else cleaned. `bad` when it looks like a postcode but is not a real one.
 */
function readArea(text: string): { area: string; bad: boolean } {
  const area = cleanText(text, limits.textLength);
  if (!postcodeAttempt.test(area)) return { area, bad: false };
  if (!postcode.test(area)) return { area, bad: true };
  const compact = area.replace(/\s/g, '').toUpperCase();
  return { area: `${compact.slice(0, -3)} ${compact.slice(-3)}`, bad: false };
}

/**
 * Asks what a community needs and what people can offer it (skills, time, a space, equipment,
 * knowledge, connections), where, and — only with explicit consent — how to contact them: one thing
 * per step, the GOV.UK way, with "check your answers" before sending. What is typed survives a reload
 * (in sessionStorage, cleared once sent); afterwards it shows what everyone needs and offers, side by side.
 *
 * @summary A needs-and-assets form in steps, with an asset map as results.
 * @tag delib-needs-assets
 *
 * @fires {DelibSubmitEvent} delib-submit - Just before sending; cancel it to take over (nothing is posted).
 * @fires {DelibSubmittedEvent} delib-submitted - The endpoint acknowledged the answers (`detail.response`).
 * @fires {DelibQueuedEvent} delib-queued - The answers could not be sent now; they are kept and retried.
 * @fires {DelibErrorEvent} delib-error - The endpoint refused the answers for good (`detail.status`, `detail.error`).
 *
 * @slot - Optional `<optgroup label="needs">` and `<optgroup label="assets">` holding `<option value="…">Label</option>`s: the categories. Their text is the label, `data-description` a hint.
 *
 * @csspart form - Each step's form.
 * @csspart back - The back link.
 * @csspart heading - Each step's heading (focused when the step changes).
 * @csspart caption - "Step 2 of 4" in the heading.
 * @csspart fieldset - The group of checkboxes of the first two steps.
 * @csspart option - Each checkbox with its label, hint and revealed text box.
 * @csspart checkbox - Each checkbox (also `control`, as in the poll).
 * @csspart control - Each checkbox, named as the poll's radios and checkboxes are.
 * @csspart input - Each text box.
 * @csspart reveal - What a ticked checkbox reveals: "tell us more", or the contact details.
 * @csspart continue - The continue button.
 * @csspart summary-list - The answers on "check your answers".
 * @csspart change - Each change link.
 * @csspart submit - The send button.
 * @csspart error-summary - The box listing a step's problems.
 * @csspart status - The polite live region: the step, sending, saved for later, thank you, refused.
 * @csspart answer - The confirmation once sent, saying what happens next.
 * @csspart bar - Each result's bar.
 * @csspart note - The sentence saying how the results were worked out.
 *
 * @cssproperty --delib-color-accent - Buttons, links and bars (default #1d70b8).
 * @cssproperty --delib-color-border - Box and checkbox borders (default #505a5f).
 * @cssproperty --delib-color-success - The confirmation panel (default #00703c).
 * @cssproperty --delib-question-size - Size of each step's heading (default 1.25em).
 * @cssproperty --delib-question-weight - Weight of each step's heading (default 700).
 */
export class DelibNeedsAssets extends DelibElement<NeedsAssetsMessages> {
  static override styles = [baseStyles, needsAssetsStyles];

  static override properties = {
    ...DelibElement.properties,
    privacyUrl: { attribute: 'privacy-url' },
  };

  /** The privacy notice, linked next to the consent question: an http(s) address or one relative to the page. */
  declare privacyUrl: string | undefined;

  readonly kind = 'needs-assets';
  protected readonly catalogues = needsAssetsMessages;

  #draft: Draft = emptyDraft();
  #draftFor?: string;
  /** Problems are shown for a step once the person has tried to leave it. */
  /** Came to a step from "check your answers": Continue goes back there. */
  #returning = false;
  #categories: Record<Side, Category[]> = { needs: [], assets: [] };

  constructor() {
    super();
    // The answer may hold contact details: nothing of it is kept after sending, in any storage.
    this.submission.remember = false;
    const sent = () => this.#forgetDraft();
    this.addEventListener('delib-submitted', sent);
    this.addEventListener('delib-queued', sent);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.form?.addEventListener('submit', this.#onPageFormSubmit);
  }

  /**
   * `privacy-url` when it is a link: http(s), or relative to the page. A `javascript:` or `data:`
   * address (or any other scheme) is never made a link: the attribute may come from a CMS editor.
   */
  get #privacyLink(): string | undefined {
    // What the URL parser ignores, it ignores here too: "java\tscript:" is still javascript:.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    const url = (this.privacyUrl ?? '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
    const scheme = /^([a-z][a-z\d+\-.]*):/i.exec(url)?.[1].toLowerCase();
    return url && (!scheme || scheme === 'http' || scheme === 'https') ? url : undefined;
  }

  protected override setUpProblems(): string[] {
    const problems = super.setUpProblems();
    if (this.privacyUrl?.trim() && !this.#privacyLink) {
      problems.push(
        `privacy-url="${this.privacyUrl}" is not an http(s) address or one relative to this page, so the privacy ` +
          'notice is not linked: give its https:// address or a path on this site.',
      );
    }
    return problems;
  }

  /** Without child categories it offers a default list. */
  protected override get requiresItems(): boolean {
    return false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.form?.removeEventListener('submit', this.#onPageFormSubmit);
  }

  /** In a page's form: once that form is really sent, the draft has done its job. */
  #onPageFormSubmit = (event: Event) => {
    setTimeout(() => event.defaultPrevented || this.#forgetDraft());
  };

  /** The step on screen. */
  get step(): Step {
    return this.#draft.step;
  }

  get #draftKey(): string {
    return `${draftPrefix}${this.localName}:${this.widgetId}`;
  }

  /** Picks up this tab's draft for the widget id, once per widget id. */
  #syncDraft(): void {
    if (this.#draftFor === this.widgetId) return;
    this.#draftFor = this.widgetId;
    const stored = tabMemory.read<Draft>(this.#draftKey);
    const draft = emptyDraft();
    const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
    const ticks = (value: unknown) =>
      Object.fromEntries(
        Object.entries(value && typeof value === 'object' ? value : {}).map(([key, detail]) => [
          key,
          text(detail, limits.textLength),
        ]),
      );
    this.#draft = {
      step: steps.includes(stored.step!) ? stored.step! : draft.step,
      needs: ticks(stored.needs),
      assets: ticks(stored.assets),
      none: { needs: stored.none?.needs === true, assets: stored.none?.assets === true },
      area: text(stored.area, limits.textLength),
      consent: stored.consent === true,
      name: text(stored.name, limits.nameLength),
      email: text(stored.email, limits.emailLength),
      phone: text(stored.phone, limits.phoneLength),
    };
  }

  /** Keeps the draft for this tab. Contact details are kept only while consent is given. */
  #saveDraft(): void {
    const draft = this.#draft;
    const kept = draft.consent ? draft : { ...draft, name: '', email: '', phone: '' };
    tabMemory.keep(this.#draftKey, kept);
  }

  #forgetDraft(): void {
    tabMemory.forget(this.#draftKey);
  }

  #change(update: Partial<Draft>): void {
    Object.assign(this.#draft, update);
    this.#saveDraft();
    this.requestUpdate();
  }

  /** The categories of one side: the page's own, else the defaults; "Something else" always last. */
  #readCategories(side: Side): Category[] {
    const t = this.i18n.t.bind(this.i18n) as (key: string) => string;
    const categories =
      pageCategories(this, side) ??
      defaultCategories[side].map((value) => {
        const hint = t(`hint.${value}`);
        return { value, label: t(`category.${value}`), description: hint === `hint.${value}` ? undefined : hint };
      });
    return [...categories, { value: other, label: t('somethingElse') }];
  }

  #entries(side: Side): NeedsAssetsEntry[] {
    const ticked = this.#draft[side];
    return this.#categories[side]
      .filter((category) => category.value in ticked)
      .map((category) => {
        const detail = cleanText(ticked[category.value], limits.textLength);
        return detail ? { category: category.value, detail } : { category: category.value };
      });
  }

  get #contact(): NeedsAssetsAnswer['contact'] {
    const { consent, name, email, phone } = this.#draft;
    if (!consent) return undefined;
    const contact: NonNullable<NeedsAssetsAnswer['contact']> = { name: cleanText(name, limits.nameLength) };
    const address = cleanText(email, limits.emailLength).replace(/\s/g, '');
    const number = cleanText(phone, limits.phoneLength);
    if (address) contact.email = address;
    if (number) contact.phone = number;
    return contact;
  }

  /** The answer as it stands. Without consent it has no `contact` at all. */
  get answer(): NeedsAssetsAnswer | undefined {
    const needs = this.#entries('needs');
    const assets = this.#entries('assets');
    const { area } = readArea(this.#draft.area);
    const contact = this.#contact;
    if (!needs.length && !assets.length && !area && !contact) return undefined;
    const answer: NeedsAssetsAnswer = { needs, assets };
    if (area) answer.area = area;
    if (contact) answer.contact = contact;
    return answer;
  }

  restoreAnswer(answer: Partial<NeedsAssetsAnswer>): void {
    const ticks = (entries: unknown) =>
      Object.fromEntries(
        (Array.isArray(entries) ? entries : []).map((entry: NeedsAssetsEntry) => [entry.category, entry.detail ?? '']),
      );
    const contact = answer.contact;
    this.#draft = {
      ...emptyDraft(),
      needs: ticks(answer.needs),
      assets: ticks(answer.assets),
      area: answer.area ?? '',
      consent: !!contact,
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
    };
  }

  protected clear(): void {
    this.#draft = emptyDraft();
    this.showProblems = this.#returning = false;
    this.#forgetDraft();
  }

  /** The first problem of any step, for the page's form. */
  protected problem(): Problem | undefined {
    for (const step of steps) {
      const found = this.#problems(step)[0];
      if (found) return found;
    }
    return undefined;
  }

  /** What stops the person leaving `step`, each with the field it concerns. */
  #problems(step: Step): Problem[] {
    const t = this.i18n.t.bind(this.i18n);
    const draft = this.#draft;
    const problems: Problem[] = [];
    if (step === 'needs' || step === 'assets') {
      const ticked = draft[step];
      // Only what is on screen counts: a draft may tick a category the page no longer lists.
      const count = this.#entries(step).length;
      if (!count && !draft.none[step]) {
        problems.push({ message: t(step === 'needs' ? 'chooseNeeds' : 'chooseAssets'), field: `${step}-0` });
      } else if (
        step === 'assets' &&
        draft.none.assets &&
        !this.#entries('needs').length &&
        (draft.none.needs || !this.#categories.needs.length)
      ) {
        problems.push({ message: t('nothingAtAll'), field: 'assets-0' });
      }
      if (other in ticked && !cleanText(ticked[other], limits.textLength)) {
        problems.push({
          message: t(step === 'needs' ? 'describeNeed' : 'describeAsset'),
          field: `${step}-${this.#categories[step].length - 1}-detail`,
        });
      }
    } else if (step === 'area') {
      if (readArea(draft.area).bad) problems.push({ message: t('postcode'), field: 'area' });
    } else if (step === 'contact' && draft.consent) {
      const contact = this.#contact!;
      if (!contact.name) problems.push({ message: t('needName'), field: 'name' });
      if (!contact.email && !contact.phone) problems.push({ message: t('needEmailOrPhone'), field: 'email' });
      if (contact.email && !(email.test(contact.email) && contact.email.length >= 3))
        problems.push({ message: t('badEmail'), field: 'email' });
      const digits = contact.phone?.replace(/\D/g, '').length ?? 0;
      if (contact.phone && !(phone.test(contact.phone) && digits >= 9 && digits <= 15))
        problems.push({ message: t('badPhone'), field: 'phone' });
    }
    return problems;
  }

  /** Goes to `step`, announcing it and moving focus to its heading. */
  #go(step: Step, returning = false): void {
    this.showProblems = false;
    this.#returning = returning;
    this.#change({ step });
    this.live.announce(this.#title(step, true));
    this.live.focusNext = '#heading';
  }

  #title(step: Step, withStep = false): string {
    const t = this.i18n.t.bind(this.i18n);
    const title = t(`${step}Title`);
    const index = steps.indexOf(step);
    return withStep && index < asking ? `${t('stepOf', { n: index + 1, total: asking })}: ${title}` : title;
  }

  #continue(event: Event): void {
    event.preventDefault();
    const step = this.#draft.step;
    if (this.isDisabled || this.isClosed) return;
    if (step === 'check') return this.#send();
    if (this.#problems(step).length) {
      this.live.hush();
      return this.revealProblems();
    }
    this.#go(this.#returning ? 'check' : steps[steps.indexOf(step) + 1]);
  }

  #send(): void {
    if (this.formMode) return void this.form?.requestSubmit();
    if (this.submission.state === 'sending') return;
    // A step changed since (another tab, a restored draft): take the person to what needs fixing.
    const wrong = steps.find((step) => this.#problems(step).length);
    if (wrong) {
      this.#go(wrong);
      return this.revealProblems();
    }
    this.live.hush();
    this.submission.submit(this.answer ?? { needs: [], assets: [] });
  }

  #back(): void {
    const index = steps.indexOf(this.#draft.step);
    if (index > 0) this.#go(steps[index - 1]);
  }

  #tick(side: Side, value: string, ticked: boolean): void {
    const chosen = { ...this.#draft[side] };
    if (ticked) chosen[value] ??= '';
    else delete chosen[value];
    this.#change({ [side]: chosen, none: { ...this.#draft.none, [side]: false } });
  }

  /** "Nothing at the moment" and the categories exclude each other, as GOV.UK's "none" option does. */
  #tickNone(side: Side, ticked: boolean): void {
    this.#change({ none: { ...this.#draft.none, [side]: ticked }, ...(ticked ? { [side]: {} } : {}) });
  }

  #detail(side: Side, value: string, text: string): void {
    this.#change({ [side]: { ...this.#draft[side], [value]: text } });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#syncDraft();
    this.#categories = { needs: this.#readCategories('needs'), assets: this.#readCategories('assets') };
  }

  protected override render() {
    const { submission } = this;
    const sent = submission.state === 'submitted' || submission.state === 'queued';
    const closed = this.isClosed;
    const closing = this.closingMessage;
    let body;
    if (sent) body = this.#renderDone();
    else if (closed) body = html`<p class="hint">${closing}</p>`;
    else body = this.#renderStep(closing);
    const status = submission.state === 'idle' ? this.live.message : this.submissionMessage;
    // Step changes repeat the heading, and the confirmation panel says the rest: those are for
    // screen readers only. "Sending…" and a refusal are news for everyone.
    const shown = submission.state === 'sending' || submission.state === 'refused';
    return html`${body}
      <div part="status" role="status" class="${submission.state} ${shown ? '' : 'sr-only'}">${status}</div>
      ${this.#renderResults()}`;
  }

  #renderStep(closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const step = this.#draft.step;
    const problems = this.showProblems ? this.#problems(step) : [];
    const index = steps.indexOf(step);
    const title = this.#title(step);
    const heading = html`<h2 id="heading" part="heading" tabindex="-1">
      ${index < asking ? html`<span class="caption" part="caption">${t('stepOf', { n: index + 1, total: asking })}</span>` : nothing}
      ${problems.length ? t('errorTitle', { n: problems.length, title }) : title}
    </h2>`;
    const byField = new Map(problems.map((problem) => [problem.field, problem.message]));
    let content;
    if (step === 'needs' || step === 'assets') content = this.#renderChoices(step, heading, byField);
    else if (step === 'area') content = this.#renderArea(heading, byField);
    else if (step === 'contact') content = this.#renderContact(heading, byField);
    else content = this.#renderCheck(heading);
    const sending = this.submission.state === 'sending';
    return html`<form part="form" novalidate aria-labelledby="heading" @submit=${this.#continue}>
      ${
        index > 0
          ? html`<button type="button" class="back" part="back" ?disabled=${this.isDisabled} @click=${this.#back}>
              ${t('back')}
            </button>`
          : nothing
      }
      ${closing ? html`<p class="hint">${closing}</p>` : nothing}
      ${errorSummary(t('problem'), problems, this.renderRoot as ShadowRoot)} ${content}
      ${
        step !== 'check'
          ? html`<button part="continue" ?disabled=${this.isDisabled}>${t('continue')}</button>`
          : this.formMode
            ? html`<p>${t('inForm')}</p>`
            : html`<button part="submit" ?disabled=${this.isDisabled || sending}>${t('send')}</button>`
      }
    </form>`;
  }

  /** The message beside a field, with the hidden "Error:" GOV.UK puts before it. */
  #fieldError(id: string, message: string | undefined) {
    return message
      ? html`<p class="error" id="${id}-error"><span class="sr-only">${this.i18n.t('errorPrefix')}</span> ${message}</p>`
      : nothing;
  }

  #renderChoices(side: Side, heading: unknown, byField: Map<string, string>) {
    const t = this.i18n.t.bind(this.i18n);
    const draft = this.#draft;
    const ticked = draft[side];
    const groupError = byField.get(`${side}-0`);
    const disabled = this.isDisabled;
    return html`<fieldset
      part="fieldset"
      class=${groupError ? 'invalid group' : ''}
      aria-describedby="hint${groupError ? ` ${side}-0-error` : ''}"
      ?disabled=${disabled}
    >
      <legend>${heading}</legend>
      <p class="hint" id="hint">${t(`${side}Hint`)}</p>
      ${this.#fieldError(`${side}-0`, groupError)}
      ${this.#categories[side].map((category, index) => {
        const id = `${side}-${index}`;
        const isTicked = category.value in ticked;
        const isOther = category.value === other;
        const detailError = byField.get(`${id}-detail`);
        return html`<div class="option" part="option">
          <label class="choice"
            ><input
              type="checkbox"
              id=${id}
              part="control checkbox"
              .checked=${live(isTicked)}
              aria-describedby=${category.description ? `${id}-hint` : nothing}
              @change=${(event: Event) => this.#tick(side, category.value, (event.target as HTMLInputElement).checked)}
            /><span>${category.label}</span></label
          >
          ${category.description ? html`<p class="hint indent" id="${id}-hint">${category.description}</p>` : nothing}
          ${
            isTicked
              ? html`<div class="reveal ${detailError ? 'invalid' : ''}" part="reveal">
                  <label for="${id}-detail"
                    >${isOther ? t(side === 'needs' ? 'otherNeed' : 'otherAsset') : t('tellMore', { category: category.label })}</label
                  >
                  ${this.#fieldError(`${id}-detail`, detailError)}
                  <textarea
                    id="${id}-detail"
                    part="input"
                    rows="2"
                    maxlength=${limits.textLength}
                    .value=${live(ticked[category.value] ?? '')}
                    aria-describedby=${detailError ? `${id}-detail-error` : nothing}
                    aria-invalid=${detailError ? 'true' : nothing}
                    @input=${(event: Event) => this.#detail(side, category.value, (event.target as HTMLTextAreaElement).value)}
                  ></textarea>
                </div>`
              : nothing
          }
        </div>`;
      })}
      <p class="or">${t('or')}</p>
      <div class="option" part="option">
        <label class="choice"
          ><input
            type="checkbox"
            id="${side}-none"
            part="control checkbox"
            .checked=${live(!!draft.none[side])}
            @change=${(event: Event) => this.#tickNone(side, (event.target as HTMLInputElement).checked)}
          /><span>${t('nothing')}</span></label
        >
      </div>
    </fieldset>`;
  }

  /** A labelled text box with its hint and error, GOV.UK style. */
  #textField(
    id: 'area' | 'name' | 'email' | 'phone',
    label: string,
    byField: Map<string, string>,
    attributes: { type?: string; autocomplete: string; max: number; hint?: string; describedBy?: string },
  ) {
    const error = byField.get(id);
    const describedBy = [attributes.hint && `${id}-hint`, attributes.describedBy, error && `${id}-error`]
      .filter(Boolean)
      .join(' ');
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${id}>${label}</label>
      ${attributes.hint ? html`<p class="hint" id="${id}-hint">${attributes.hint}</p>` : nothing} ${this.#fieldError(id, error)}
      <input
        id=${id}
        part="input"
        type=${attributes.type ?? 'text'}
        autocomplete=${attributes.autocomplete}
        spellcheck="false"
        maxlength=${attributes.max}
        .value=${live(this.#draft[id])}
        aria-describedby=${describedBy || nothing}
        aria-invalid=${error ? 'true' : nothing}
        ?disabled=${this.isDisabled}
        @input=${(event: Event) => this.#change({ [id]: (event.target as HTMLInputElement).value })}
      />
    </div>`;
  }

  #renderArea(heading: unknown, byField: Map<string, string>) {
    const t = this.i18n.t.bind(this.i18n);
    return html`${heading}
    ${this.#textField('area', t('areaLabel'), byField, { autocomplete: 'off', max: limits.textLength, hint: t('areaHint') })}`;
  }

  #renderContact(heading: unknown, byField: Map<string, string>) {
    const t = this.i18n.t.bind(this.i18n);
    const consent = this.#draft.consent;
    const privacy = this.#privacyLink;
    return html`${heading}
      <p class="hint" id="contact-hint">
        ${t('contactHint')}
        ${privacy ? html`<a href=${privacy} target="_blank" rel="noopener noreferrer">${t('privacy')}</a>` : nothing}
      </p>
      <div class="option" part="option">
        <label class="choice"
          ><input
            type="checkbox"
            id="consent"
            part="control checkbox"
            aria-describedby="contact-hint"
            .checked=${live(consent)}
            ?disabled=${this.isDisabled}
            @change=${(event: Event) => this.#change({ consent: (event.target as HTMLInputElement).checked })}
          /><span>${t('consent')}</span></label
        >
        ${
          consent
            ? html`<div class="reveal" part="reveal">
                ${this.#textField('name', t('name'), byField, { autocomplete: 'name', max: limits.nameLength })}
                <p class="hint" id="how">${t('contactHow')}</p>
                ${this.#textField('email', t('email'), byField, {
                  type: 'email',
                  autocomplete: 'email',
                  max: limits.emailLength,
                  describedBy: 'how',
                })}
                ${this.#textField('phone', t('phone'), byField, {
                  type: 'tel',
                  autocomplete: 'tel',
                  max: limits.phoneLength,
                  describedBy: 'how',
                })}
              </div>`
            : nothing
        }
      </div>`;
  }

  #labelOf(side: Side, value: string): string {
    return this.#categories[side].find((category) => category.value === value)?.label ?? value;
  }

  #renderCheck(heading: unknown) {
    const t = this.i18n.t.bind(this.i18n);
    const answer = this.answer ?? { needs: [], assets: [] };
    const list = (side: Side) => {
      const entries = answer[side];
      if (!entries.length) return t('none');
      return html`<ul>
        ${entries.map(
          (entry) =>
            html`<li>
              ${entry.category === other ? entry.detail : this.#labelOf(side, entry.category)}
              ${entry.detail && entry.category !== other ? html`<span class="detail">${entry.detail}</span>` : nothing}
            </li>`,
        )}
      </ul>`;
    };
    const contact = answer.contact;
    const rows: [Step, string, unknown][] = [
      ['needs', t('rowNeeds'), list('needs')],
      ['assets', t('rowAssets'), list('assets')],
      ['area', t('rowArea'), answer.area ?? t('notGiven')],
      [
        'contact',
        t('rowContact'),
        contact
          ? html`${contact.name}<br />${contact.email}${contact.email && contact.phone ? html`<br />` : nothing}${contact.phone}`
          : t('noContact'),
      ],
    ];
    return html`${heading}
      <dl class="summary-list" part="summary-list">
        ${rows.map(
          ([step, label, value]) =>
            html`<div>
              <dt>${label}</dt>
              <dd>${value}</dd>
              <dd>
                <a
                  href="#${step}"
                  part="change"
                  aria-disabled=${this.isDisabled ? 'true' : nothing}
                  @click=${(event: Event) => (event.preventDefault(), this.isDisabled || this.#go(step, true))}
                  >${t('change')}<span class="sr-only"> ${label}</span></a
                >
              </dd>
            </div>`,
        )}
      </dl>`;
  }

  #renderDone() {
    const t = this.i18n.t.bind(this.i18n);
    const queued = this.submission.state === 'queued';
    // Never "saved" when storage could not keep them: then the person must keep the page open.
    const unsaved = queued && !this.submission.durable;
    const contact = !!(this.submission.envelope?.answer as NeedsAssetsAnswer | undefined)?.contact;
    return html`<div
      part="answer"
      class="panel"
      tabindex="-1"
      role="group"
      aria-labelledby="answer-title"
      aria-describedby="answer-text"
    >
      <h2 id="answer-title">${t(unsaved ? 'queuedUnsavedTitle' : queued ? 'queuedTitle' : 'doneTitle')}</h2>
      <p id="answer-text">${unsaved ? t('queuedUnsaved') : queued ? t('queued') : t('doneBody')}</p>
      <h3>${t('nextTitle')}</h3>
      <p>${t('next')}</p>
      ${contact ? html`<p>${t('nextContact')}</p>` : nothing}
    </div>`;
  }

  // Read afresh: the base asks for it before this update has read the categories.
  protected override get resultsValues(): string[] {
    return [...this.#readCategories('needs'), ...this.#readCategories('assets')].map((category) => category.value);
  }

  #renderResults() {
    const t = this.i18n.t.bind(this.i18n);
    return this.renderResults<NeedsAssetsResults>((results) => {
      const total = Number(results.total) || 0;
      // Only the page's own categories: the endpoint counts whatever anyone posts, and a stranger's
      // made-up category must not become a row in a council's asset map.
      const rows = new Map<string, { label: string; needs?: number; assets?: number }>();
      for (const side of ['needs', 'assets'] as const) {
        const counts = results[side] && typeof results[side] === 'object' ? results[side] : {};
        for (const category of this.#categories[side]) {
          const row = rows.get(category.value) ?? { label: category.label };
          row[side] = Number(counts[category.value]) || 0;
          rows.set(category.value, row);
        }
      }
      const cell = (count: number | undefined) => {
        if (count === undefined) return html`<td class="number"><span class="hint">${t('notAsked')}</span></td>`;
        const share = total ? count / total : 0;
        return html`<td class="number">${t('count', { n: count, percent: this.i18n.percent(share) })}${bar(share)}</td>`;
      };
      return html`<table part="results">
          <caption>
            ${t('resultsCaption', { n: total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('categoryHeader')}</th>
              <th scope="col" class="number">${t('needHeader')}</th>
              <th scope="col" class="number">${t('offerHeader')}</th>
            </tr>
          </thead>
          <tbody>
            ${[...rows.values()].map(
              (row) =>
                html`<tr>
                  <th scope="row">${row.label}</th>
                  ${cell(row.needs)} ${cell(row.assets)}
                </tr>`,
            )}
          </tbody>
        </table>
        <p class="note" part="note">${t('how')}</p>`;
    });
  }
}
