import { html, nothing } from 'lit';
import type { PollAnswer, PollResults } from '@delib/protocol';
import { limits } from '@delib/protocol';
import { DelibElement, bar, baseStyles, cleanText, errorSummary, shownOrder, type Problem } from '@delib/core';
import { pollMessages, type PollMessages } from './messages.js';
import { pollStyles } from './poll.styles.js';

/** The value a chosen "Other" takes in `choices`; its text goes in `other`. */
export const otherValue = 'other';

/**
 * A poll: a question with options, answered with one choice (or several with `multiple`), with an
 * optional free-text "Other", and a results view that people can read.
 *
 * @summary A poll that posts each vote to your endpoint and shows results as text and bars.
 * @tag delib-poll
 *
 * @fires {DelibSubmitEvent} delib-submit - Just before sending; cancel it to take over (nothing is posted).
 * @fires {DelibSubmittedEvent} delib-submitted - The endpoint acknowledged the vote (`detail.response`).
 * @fires {DelibQueuedEvent} delib-queued - The vote could not be sent now; it is kept and retried.
 * @fires {DelibErrorEvent} delib-error - The endpoint refused the vote for good (`detail.status`, `detail.error`).
 *
 * @slot - Child `<option value="…">Label</option>` elements: the options, shown in this order (with `shuffle`, in each person's own). Their text is the label, `data-description` an optional description.
 *
 * @csspart form - The form around the question and the vote button.
 * @csspart fieldset - The group of options.
 * @csspart question - The question (the legend), also above the answer once voted.
 * @csspart option - Each option: its label and its radio or checkbox.
 * @csspart description - An option's description, under its label.
 * @csspart control - Each radio or checkbox (also `radio` or `checkbox`, as the poll asks for one or several).
 * @csspart radio - Each radio, where one answer is asked for.
 * @csspart checkbox - Each checkbox, where several are (`multiple`).
 * @csspart other-input - The text box for "Other".
 * @csspart submit - The vote button.
 * @csspart error-summary - The box listing problems when a vote cannot be sent.
 * @csspart status - The polite live region: sending, saved for later, thank you, refused.
 * @csspart answer - "You voted for …" once voted.
 * @csspart bar - Each result's bar.
 * @csspart note - The sentence saying how the results were counted.
 *
 * @cssproperty --delib-control-size - Radio and checkbox size (default 1.5rem).
 * @cssproperty --delib-poll-gap - Space between options (default 0.25rem).
 */
export class DelibPoll extends DelibElement<PollMessages> {
  static override styles = [baseStyles, pollStyles];

  static override properties = {
    ...DelibElement.properties,
    question: {},
    multiple: { type: Boolean },
    maxChoices: { type: Number, attribute: 'max-choices' },
    allowOther: { type: Boolean, attribute: 'allow-other' },
    shuffle: { type: Boolean },
  };

  /** The question, shown as the legend of the options. */
  declare question: string;
  /** Allow more than one choice (checkboxes). */
  declare multiple: boolean;
  /** With `multiple`: the most options a person may choose. */
  declare maxChoices: number | undefined;
  /** Add an "Other" option with a text box. */
  declare allowOther: boolean;
  /** Show the options in a random order of each person's own (kept per widget id), against order effects; "Other" stays last. */
  declare shuffle: boolean;

  readonly kind = 'poll';
  protected readonly catalogues = pollMessages;

  #chosen = new Set<string>();
  #otherText = '';

  constructor() {
    super();
    this.question = '';
    this.multiple = false;
    this.allowOther = false;
    this.shuffle = false;
  }

  /** The values in the page's order, "Other" last: the order of answers and results. */
  get #values(): string[] {
    return [...this.items.map((item) => item.value), ...(this.allowOther ? [otherValue] : [])];
  }

  protected override get resultsValues(): string[] {
    return this.#values;
  }

  get answer(): PollAnswer | undefined {
    const choices = this.#values.filter((value) => this.#chosen.has(value));
    if (!choices.length) return undefined;
    const other = cleanText(this.#otherText, limits.textLength);
    return choices.includes(otherValue) && other && this.allowOther ? { choices, other } : { choices };
  }

  restoreAnswer(answer: PollAnswer): void {
    this.#chosen = new Set(answer.choices);
    this.#otherText = answer.other ?? '';
  }

  protected clear(): void {
    this.#chosen = new Set();
    this.#otherText = '';
    this.showProblems = false;
  }

  protected problem(): Problem | undefined {
    const t = this.i18n.t.bind(this.i18n);
    const count = this.#values.filter((value) => this.#chosen.has(value)).length;
    if (!count) return { message: t(this.multiple ? 'chooseSome' : 'chooseOne'), field: 'choice-0' };
    if (this.multiple && this.maxChoices && count > this.maxChoices) {
      return { message: t('tooMany', { n: this.maxChoices }), field: 'choice-0' };
    }
    if (this.allowOther && this.#chosen.has(otherValue) && !cleanText(this.#otherText, limits.textLength)) {
      return { message: t('otherMissing'), field: 'other-text' };
    }
    return undefined;
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (!this.multiple) this.#chosen.clear();
    if (input.checked) this.#chosen.add(input.value);
    else this.#chosen.delete(input.value);
    this.requestUpdate();
  }

  #onOtherInput(event: Event): void {
    this.#otherText = (event.target as HTMLInputElement).value;
    this.requestUpdate();
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    // Inside a page's form, Enter submits that form, as it would from a native control.
    if (this.formMode) return void this.form?.requestSubmit();
    if (this.isDisabled || this.isClosed || this.submission.state === 'sending') return;
    this.sendIfValid();
  }

  /**
   * In a page's form, Enter on an option submits that form, as it would from a native radio: our own
   * shadow form has no button there, so the browser would not do it.
   */
  #onKeydown(event: KeyboardEvent): void {
    const type = (event.target as HTMLInputElement).type;
    if (this.formMode && event.key === 'Enter' && (type === 'radio' || type === 'checkbox')) {
      event.preventDefault();
      this.form?.requestSubmit();
    }
  }

  protected override render() {
    const { submission } = this;
    const answered = submission.state === 'submitted' || submission.state === 'queued';
    const closed = this.isClosed;
    const closing = this.closingMessage;
    const status = this.submissionMessage;
    return html`
      ${answered || closed ? this.#renderAnswer(closing) : this.#renderForm(closing)}
      <div part="status" role="status" class=${submission.state}>${status}</div>
      ${this.#renderResults()}
    `;
  }

  protected override readFallback(form: HTMLFormElement): void {
    if (!this.hasAttribute('multiple') && form.querySelector('input[type=checkbox][name=choices]')) this.multiple = true;
    if (!this.hasAttribute('allow-other') && form.querySelector('[name=other]')) this.allowOther = true;
  }

  #renderForm(closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const problem = this.showProblems ? this.problem() : undefined;
    const type = this.multiple ? 'checkbox' : 'radio';
    const hint = this.multiple ? (this.maxChoices ? t('hintMultiple', { n: this.maxChoices }) : t('hintAny')) : '';
    const describedBy = [closing && 'closing', hint && 'hint', problem && 'problem'].filter(Boolean).join(' ');
    const otherChosen = this.#chosen.has(otherValue);
    // Shuffled or not, "Other" comes after the options it is an alternative to.
    const options = [...shownOrder(this, this.items), ...(this.allowOther ? [{ value: otherValue, label: t('other') }] : [])];
    return html`<form part="form" novalidate @submit=${this.#onSubmit} @keydown=${this.#onKeydown}>
      ${errorSummary(t('problem'), problem ? [problem] : [], this.renderRoot as ShadowRoot)}
      <fieldset
        part="fieldset"
        class=${problem ? 'invalid group' : ''}
        aria-describedby=${describedBy || nothing}
        ?disabled=${this.isDisabled}
      >
        <legend part="question">${this.question}</legend>
        ${closing ? html`<p class="hint" id="closing">${closing}</p>` : nothing}
        ${hint ? html`<p class="hint" id="hint">${hint}</p>` : nothing}
        ${problem ? html`<p class="error" id="problem"><span class="sr-only">${t('errorPrefix')}</span> ${problem.message}</p>` : nothing}
        <div class="choices">
          ${options.map(
            (item, index) =>
              html`<label class="choice" part="option">
                <input
                  id="choice-${index}"
                  part="control ${type}"
                  type=${type}
                  name="choice"
                  .value=${item.value}
                  .checked=${this.#chosen.has(item.value)}
                  @change=${this.#onChange}
                />
                <span
                  >${item.label}${'description' in item && item.description ? html`<small part="description">${item.description}</small>` : nothing}</span
                >
              </label>`,
          )}
        </div>
        ${
          this.allowOther && otherChosen
            ? html`<div class="other">
                <label for="other-text">${t('otherLabel')}</label>
                <input
                  id="other-text"
                  part="other-input"
                  type="text"
                  maxlength=${limits.textLength}
                  autocomplete="off"
                  .value=${this.#otherText}
                  @input=${this.#onOtherInput}
                  aria-invalid=${problem?.field === 'other-text' ? 'true' : nothing}
                />
              </div>`
            : nothing
        }
      </fieldset>
      ${this.formMode ? nothing : html`<button part="submit" ?disabled=${this.isDisabled || this.submission.state === 'sending'}>${t('submit')}</button>`}
    </form>`;
  }

  #renderAnswer(closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const answer = this.submission.envelope?.answer as PollAnswer | undefined;
    const labels = answer?.choices.map((value) =>
      value === otherValue && answer.other ? `${t('other')}: ${answer.other}` : this.#labelOf(value),
    );
    return html`<div
      part="answer"
      tabindex="-1"
      role="group"
      aria-labelledby=${labels?.length ? 'answer-question answer-text' : 'answer-question'}
      aria-describedby=${closing ? 'answer-closing' : nothing}
    >
      <p class="question" part="question" id="answer-question">${this.question}</p>
      ${closing ? html`<p class="hint" id="answer-closing">${closing}</p>` : nothing}
      ${labels?.length ? html`<p id="answer-text">${t('youChose', { choices: this.i18n.list(labels) })}</p>` : nothing}
    </div>`;
  }

  #labelOf(value: string): string {
    if (value === otherValue && this.allowOther) return this.i18n.t('other');
    return this.items.find((item) => item.value === value)?.label ?? value;
  }

  #renderResults() {
    const t = this.i18n.t.bind(this.i18n);
    return this.renderResults<PollResults>((results) => {
      const counts = results.counts ?? {};
      const mine = (this.submission.envelope?.answer as PollAnswer | undefined)?.choices ?? [];
      // Only the page's own options: the endpoint counts whatever values anyone posts, and a stranger's
      // made-up value must not become a row in a council's results.
      const values = this.#values;
      // Bars get their width through the `.style` property (CSSOM), which a strict CSP allows; a
      // `style` attribute would need 'unsafe-inline'.
      return html`<table part="results">
          <caption>
            ${t('resultsCaption', { n: results.total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('optionHeader')}</th>
              <th scope="col" class="number">${t('votesHeader')}</th>
              <th scope="col" class="share">${t('shareHeader')}</th>
            </tr>
          </thead>
          <tbody>
            ${values.map((value) => {
              const count = counts[value] ?? 0;
              const share = results.total ? count / results.total : 0;
              const isMine = mine.includes(value);
              return html`<tr>
                <th scope="row" class=${isMine ? 'mine' : ''}>
                  ${this.#labelOf(value)}${isMine ? html` <span>${t('yourChoice')}</span>` : nothing}
                </th>
                <td class="number">${this.i18n.number(count)}</td>
                <td>${this.i18n.percent(share)}${bar(share)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
        <p class="note" part="note">${t(this.multiple ? 'howMultiple' : 'howSingle')}</p>`;
    });
  }
}
