import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BudgetAnswer, BudgetResults } from '@delib/protocol';
import { DelibElement, bar, baseStyles, errorSummary, shownOrder, type Item, type Problem } from '@delib/core';
import { budgetMessages, type BudgetMessages } from './budget.messages.js';
import { budgetStyles } from './budget.styles.js';

/**
 * How long the remaining budget waits after the last change before it is announced: long enough
 * that typing "250" or pressing + five times is announced once, not at every key.
 */
export const announceDelay = 700;

/** The most dots drawn for the budget; beyond it each dot stands for more than one step. */
const maxDots = 200;

/** The item colours of `mode="dots"`, cycled when there are more items. */
const dotColours = 6;

/** What a person typed into one amount, read the way they most likely meant it. */
type Entry = { kind: 'empty' } | { kind: 'whole'; value: number } | { kind: 'negative' } | { kind: 'notWhole' };

function readEntry(text: string): Entry {
  // Spaces and thousands separators are how people write "1,000"; they change nothing.
  const compact = text.replace(/[\s,]/g, '');
  if (!compact) return { kind: 'empty' };
  if (/^\d+$/.test(compact)) return { kind: 'whole', value: Number(compact) };
  if (/^[-−]\d/.test(compact)) return { kind: 'negative' };
  return { kind: 'notWhole' };
}

const valueOf = (entry: Entry) => (entry.kind === 'whole' ? entry.value : 0);

let currencies: Set<string> | undefined;
function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf?.('currency') ?? ['GBP', 'EUR', 'USD']);
  return currencies.has(code);
}

const formats = new Map<string, Intl.NumberFormat>();
function currencyFormat(locale: string, currency: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${decimals}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * A budget to share out: a person gives each item a whole number of points (or pounds, or any
 * unit) from a fixed total, by typing or with − and + buttons, sees and hears what is left, and
 * afterwards sees what everyone gave, as text and bars.
 *
 * @summary A participatory budget: share out a total across items, with totals and means as results.
 * @tag delib-budget
 *
 * @fires {DelibSubmitEvent} delib-submit - Just before sending; cancel it to take over (nothing is posted).
 * @fires {DelibSubmittedEvent} delib-submitted - The endpoint acknowledged the budget (`detail.response`).
 * @fires {DelibQueuedEvent} delib-queued - The budget could not be sent now; it is kept and retried.
 * @fires {DelibErrorEvent} delib-error - The endpoint refused the budget for good (`detail.status`, `detail.error`).
 *
 * @slot - Child `<option value="…">Label</option>` elements: the items, shown in this order (with `shuffle`, in each person's own). Their text is the label, `data-description` an optional description.
 *
 * @csspart form - The form around the items and the submit button.
 * @csspart fieldset - The group of items.
 * @csspart question - The question (the legend), also above the answer once submitted.
 * @csspart item - Each item: its label, description, amount and steppers.
 * @csspart label - Each item's label.
 * @csspart input - Each item's amount box.
 * @csspart stepper - The − and + buttons beside each amount.
 * @csspart remaining - What is left of the budget (or how far over it is); while an error about the whole budget is shown, that error says it instead.
 * @csspart dots - With `mode="dots"`: the budget drawn as a row of dots.
 * @csspart dot - Each dot.
 * @csspart submit - The submit button.
 * @csspart error-summary - The box listing problems when a budget cannot be sent.
 * @csspart status - The polite live region: what is left (for screen readers only: it is on screen already), sending, saved for later, thank you, refused.
 * @csspart answer - "You gave …" once submitted.
 * @csspart bar - Each result's bar.
 * @csspart note - The sentence saying how the results were worked out.
 *
 * @cssproperty --delib-color-accent - Buttons, the first item's dots and bars (default #1d70b8).
 * @cssproperty --delib-color-border - Amount box borders and empty dots (default #505a5f).
 * @cssproperty --delib-color-input - Amount box background (default #fff).
 * @cssproperty --delib-color-error - Errors and overspent dots (default #c3250f).
 * @cssproperty --delib-budget-gap - Space between items (default 0.75rem).
 * @cssproperty --delib-budget-dot-size - Diameter of a dot (default 0.875rem).
 * @cssproperty --delib-budget-color-1 - Dots given to the 1st, 7th, … item shown (default: the accent).
 * @cssproperty --delib-budget-color-2 - Dots given to the 2nd, 8th, … item shown (default #f47738).
 * @cssproperty --delib-budget-color-3 - Dots given to the 3rd, 9th, … item shown (default #00703c).
 * @cssproperty --delib-budget-color-4 - Dots given to the 4th, 10th, … item shown (default #912b88).
 * @cssproperty --delib-budget-color-5 - Dots given to the 5th, 11th, … item shown (default #85994b).
 * @cssproperty --delib-budget-color-6 - Dots given to the 6th, 12th, … item shown (default #d53880).
 */
export class DelibBudget extends DelibElement<BudgetMessages> {
  static override styles = [baseStyles, budgetStyles];

  static override properties = {
    ...DelibElement.properties,
    question: {},
    total: { type: Number },
    unit: {},
    step: { type: Number },
    mode: {},
    requireAll: { type: Boolean, attribute: 'require-all' },
    shuffle: { type: Boolean },
  };

  /** The question, shown as the legend of the items. */
  declare question: string;
  /** The budget to share out, a whole number. */
  declare total: number;
  /** `points` (default), a currency code such as `GBP` (shown as money), or any other unit word. */
  declare unit: string;
  /** How much the − and + buttons (and the arrow keys in an amount) take or add. */
  declare step: number;
  /** `dots` also draws the budget as a row of dots coloured by the item they were given to. */
  declare mode: 'inputs' | 'dots';
  /** Insist that the whole budget is shared out. */
  declare requireAll: boolean;
  /** Show the items in a random order of each person's own (kept per widget id), against order effects. */
  declare shuffle: boolean;

  readonly kind = 'budget';
  protected readonly catalogues = budgetMessages;

  /** What the person typed in each amount, by item value: kept as typed, so a slip can be shown back. */
  #entered = new Map<string, string>();

  constructor() {
    super();
    this.question = '';
    this.total = 100;
    this.unit = 'points';
    this.step = 1;
    this.mode = 'inputs';
    this.requireAll = false;
    this.shuffle = false;
  }

  /** The budget as a whole number; nonsense in the attribute gives no budget rather than a broken one. */
  get #budget(): number {
    const total = Math.floor(Number(this.total));
    return Number.isFinite(total) && total > 0 ? total : 0;
  }

  get #step(): number {
    const step = Math.floor(Number(this.step));
    return Number.isFinite(step) && step > 0 ? step : 1;
  }

  get #currency(): string | undefined {
    const code = (this.unit ?? '').trim().toUpperCase();
    return /^[A-Z]{3}$/.test(code) && isCurrency(code) ? code : undefined;
  }

  /** The items in the order shown, each with its place in the page's list, which names its box (`amount-<index>`). */
  get #shown(): { item: Item; index: number }[] {
    const places = new Map(this.items.map((item, index) => [item, index]));
    return shownOrder(this, this.items).map((item) => ({ item, index: places.get(item)! }));
  }

  #entry(value: string): Entry {
    return readEntry(this.#entered.get(value) ?? '');
  }

  /** The sum of the valid amounts: what a slip in one box would leave is still shown for the rest. */
  get #given(): number {
    return this.items.reduce((sum, item) => sum + valueOf(this.#entry(item.value)), 0);
  }

  /** An amount with its unit, in the widget's language: "60 points", "£60". */
  #amount(n: number): string {
    const currency = this.#currency;
    if (currency) return currencyFormat(this.i18n.locale, currency, Number.isInteger(n) ? 0 : 2).format(n);
    const unit = (this.unit ?? '').trim();
    if (!unit || unit === 'points') return this.i18n.t('points', { n });
    return this.i18n.t('units', { n, unit });
  }

  /** The unit shown beside each box, e.g. "£" before it or "points" after it; decorative. */
  #affix(value: number): { before: string; after: string } {
    const currency = this.#currency;
    if (currency) {
      const parts = currencyFormat(this.i18n.locale, currency, 0).formatToParts(value);
      const symbol = parts.find((part) => part.type === 'currency')?.value ?? currency;
      const symbolFirst =
        parts.findIndex((part) => part.type === 'currency') < parts.findIndex((part) => part.type === 'integer');
      return symbolFirst ? { before: symbol, after: '' } : { before: '', after: symbol };
    }
    return { before: '', after: this.#amount(value).replace(this.i18n.number(value), '').trim() };
  }

  get answer(): BudgetAnswer | undefined {
    const items = this.items;
    if (!items.some((item) => this.#entry(item.value).kind !== 'empty')) return undefined;
    return { allocation: Object.fromEntries(items.map((item) => [item.value, valueOf(this.#entry(item.value))])) };
  }

  restoreAnswer(answer: BudgetAnswer): void {
    this.#entered = new Map(Object.entries(answer.allocation ?? {}).map(([value, amount]) => [value, String(amount)]));
  }

  protected clear(): void {
    this.#entered = new Map();
    this.showProblems = false;
    this.live.hush();
  }

  protected problem(): Problem | undefined {
    const { slips, whole } = this.#problems();
    return slips[0] ?? whole;
  }

  /**
   * Slips in single boxes (not a whole number, below zero), then what is wrong with the budget as a
   * whole (over it, not all spent, nothing given); the summary lists them all.
   */
  #problems(): { slips: Problem[]; whole?: Problem } {
    const t = this.i18n.t.bind(this.i18n);
    const shown = this.#shown;
    const slips: Problem[] = [];
    for (const { item, index } of shown) {
      const kind = this.#entry(item.value).kind;
      if (kind === 'negative' || kind === 'notWhole')
        slips.push({ message: t(kind, { item: item.label }), field: `amount-${index}` });
    }
    if (!shown.length) return { slips };
    const budget = this.#budget;
    const given = this.#given;
    const total = this.#amount(budget);
    // The links lead to the first box shown, or when overspent the first that holds something to take away.
    const first = `amount-${shown[0].index}`;
    if (given > budget) {
      const holding = shown.find(({ item }) => valueOf(this.#entry(item.value)) > 0);
      return {
        slips,
        whole: {
          message: t('overspent', { over: this.#amount(given - budget), total }),
          field: holding ? `amount-${holding.index}` : first,
        },
      };
    }
    if (this.requireAll && given < budget) {
      return { slips, whole: { message: t('spendAll', { total, left: this.#amount(budget - given) }), field: first } };
    }
    if (given === 0 && !slips.length) return { slips, whole: { message: t('nothingGiven', { total }), field: first } };
    return { slips };
  }

  /** What is left, or how far over: shown beside the items and, once settled, announced. */
  #remainingText(): string {
    const t = this.i18n.t.bind(this.i18n);
    const budget = this.#budget;
    const given = this.#given;
    const total = this.#amount(budget);
    if (given > budget) return t('over', { over: this.#amount(given - budget), total });
    if (given === budget) return t('allGiven', { total });
    return t('left', { left: this.#amount(budget - given), total });
  }

  #set(value: string, text: string): void {
    this.#entered.set(value, text);
    this.requestUpdate();
    // Announced once the person pauses, so a screen reader is not talking over every key press; a
    // change back (or a + pressed with nothing left) is heard again.
    this.live.announce(() => this.#remainingText(), announceDelay);
  }

  #onInput(event: Event, value: string): void {
    this.#set(value, (event.target as HTMLInputElement).value);
  }

  /** + never spends more than is left, so the buttons alone cannot overspend; typing can, and is explained. */
  #stepBy(value: string, direction: 1 | -1): void {
    const current = valueOf(this.#entry(value));
    const step = this.#step;
    const room = this.#budget - this.#given;
    const next = direction > 0 ? current + Math.max(0, Math.min(step, room)) : Math.max(0, current - step);
    this.#set(value, String(next));
  }

  #onAmountKeydown(event: KeyboardEvent, value: string): void {
    // Up and down do nothing useful in a one-line box; here they step, as in a native number field.
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      this.#stepBy(value, event.key === 'ArrowUp' ? 1 : -1);
    } else if (event.key === 'Enter' && this.formMode) {
      // Several text boxes stop the browser's implicit submission; a single field would submit the page form.
      event.preventDefault();
      this.form?.requestSubmit();
    }
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    if (this.formMode) return void this.form?.requestSubmit();
    if (this.isDisabled || this.isClosed || this.submission.state === 'sending') return;
    // The summary taking focus is what is heard now; an older "left to share out" would only talk over it.
    this.live.hush();
    this.sendIfValid();
  }

  protected override render() {
    const { submission } = this;
    const answered = submission.state === 'submitted' || submission.state === 'queued';
    const closed = this.isClosed;
    const closing = this.closingMessage;
    const status = submission.state === 'idle' ? (closed ? '' : this.live.message) : this.submissionMessage;
    return html`
      ${answered || closed ? this.#renderAnswer(closing) : this.#renderForm(closing)}
      <div part="status" role="status" class="${submission.state} ${submission.state === 'idle' ? 'sr-only' : ''}">${status}</div>
      ${this.#renderResults()}
    `;
  }

  #renderForm(closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const { slips, whole: wholeProblem } = this.showProblems ? this.#problems() : { slips: [] };
    const problems = wholeProblem ? [...slips, wholeProblem] : slips;
    const slipsByField = new Map(slips.map((problem) => [problem.field, problem]));
    const budget = this.#budget;
    const given = this.#given;
    const hint = t(this.requireAll ? 'hintAll' : 'hint', { total: this.#amount(budget) });
    const describedBy = [closing && 'closing', 'hint', wholeProblem && 'problem'].filter(Boolean).join(' ');
    const step = this.#amount(this.#step);
    const disabled = this.isDisabled;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${errorSummary(t('problem'), problems, this.renderRoot as ShadowRoot)}
      <fieldset
        part="fieldset"
        class=${wholeProblem ? 'invalid group' : ''}
        aria-describedby=${describedBy}
        ?disabled=${disabled}
      >
        ${this.question ? html`<legend part="question">${this.question}</legend>` : nothing}
        ${closing ? html`<p class="hint" id="closing">${closing}</p>` : nothing}
        <p class="hint" id="hint">${hint}</p>
        ${
          wholeProblem
            ? html`<p class="error" id="problem"><span class="sr-only">${t('errorPrefix')}</span> ${wholeProblem.message}</p>`
            : nothing
        }
        ${this.mode === 'dots' ? this.#renderDots() : nothing}
        ${
          // An error about the whole budget says what is left in its own words: once is enough.
          wholeProblem
            ? nothing
            : html`<p class="remaining ${given > budget ? 'over' : ''}" part="remaining">${this.#remainingText()}</p>`
        }
        <div class="items">
          ${this.#shown.map(({ item, index }, position) => {
            const id = `amount-${index}`;
            const fieldError = slipsByField.get(id);
            const text = this.#entered.get(item.value) ?? '';
            const affix = this.#affix(valueOf(this.#entry(item.value)));
            const describedBy = [item.description && `description-${index}`, fieldError && `error-${index}`]
              .filter(Boolean)
              .join(' ');
            return html`<div class="item ${fieldError ? 'invalid' : ''}" part="item">
              <label for=${id} part="label"
                >${this.mode === 'dots' ? html`<span class="swatch c${position % dotColours}" aria-hidden="true"></span>` : nothing}${item.label}</label
              >
              ${item.description ? html`<p class="hint" id="description-${index}">${item.description}</p>` : nothing}
              ${
                fieldError
                  ? html`<p class="error" id="error-${index}">
                      <span class="sr-only">${t('errorPrefix')}</span> ${fieldError.message}
                    </p>`
                  : nothing
              }
              <div class="amount">
                <button type="button" class="step take" part="stepper" @click=${() => this.#stepBy(item.value, -1)}>
                  <span class="sr-only">${t('take', { amount: step, item: item.label })}</span>
                </button>
                ${affix.before ? html`<span class="unit" aria-hidden="true">${affix.before}</span>` : nothing}
                <input
                  id=${id}
                  part="input"
                  type="text"
                  inputmode="numeric"
                  autocomplete="off"
                  spellcheck="false"
                  .value=${live(text)}
                  placeholder="0"
                  aria-describedby=${describedBy || nothing}
                  aria-invalid=${fieldError ? 'true' : nothing}
                  @input=${(event: Event) => this.#onInput(event, item.value)}
                  @keydown=${(event: KeyboardEvent) => this.#onAmountKeydown(event, item.value)}
                />
                ${affix.after ? html`<span class="unit" aria-hidden="true">${affix.after}</span>` : nothing}
                <button type="button" class="step add" part="stepper" @click=${() => this.#stepBy(item.value, 1)}>
                  <span class="sr-only">${t('add', { amount: step, item: item.label })}</span>
                </button>
              </div>
            </div>`;
          })}
        </div>
      </fieldset>
      ${
        this.formMode
          ? nothing
          : html`<button part="submit" class="submit" ?disabled=${disabled || this.submission.state === 'sending'}>
              ${t('submit')}
            </button>`
      }
    </form>`;
  }

  /**
   * The budget as dots, each coloured by the item it was given to, overspent ones after the row.
   * Decorative (`aria-hidden`): the same numbers are in the boxes and in the remaining-budget text.
   */
  #renderDots() {
    const budget = this.#budget;
    let perDot = this.#step;
    if (budget / perDot > maxDots) perDot = Math.ceil(budget / maxDots);
    const count = Math.ceil(budget / perDot);
    // Where each item's share ends, counted in units from the start of the row.
    const ends: number[] = [];
    let running = 0;
    for (const { item } of this.#shown) ends.push((running += valueOf(this.#entry(item.value))));
    const owner = (start: number) => ends.findIndex((end) => start < end);
    const dots = Array.from({ length: count }, (_, index) => owner(index * perDot));
    const overDots = Math.min(maxDots, Math.ceil(Math.max(0, running - budget) / perDot));
    return html`<div class="dots" part="dots" aria-hidden="true">
      ${dots.map((item) => html`<span part="dot" class="dot ${item < 0 ? 'free' : `c${item % dotColours}`}"></span>`)}
      ${Array.from({ length: overDots }, () => html`<span part="dot" class="dot overspent"></span>`)}
    </div>`;
  }

  #renderAnswer(closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const answer = this.submission.envelope?.answer as BudgetAnswer | undefined;
    const given = Object.entries(answer?.allocation ?? {})
      .filter(([, amount]) => amount > 0)
      .map(([value, amount]) => t('gaveItem', { item: this.#labelOf(value), amount: this.#amount(amount) }));
    return html`<div
      part="answer"
      tabindex="-1"
      role="group"
      aria-labelledby=${[this.question && 'answer-question', given.length && 'answer-text'].filter(Boolean).join(' ') || nothing}
      aria-describedby=${closing ? 'answer-closing' : nothing}
    >
      ${this.question ? html`<p class="question" part="question" id="answer-question">${this.question}</p>` : nothing}
      ${closing ? html`<p class="hint" id="answer-closing">${closing}</p>` : nothing}
      ${given.length ? html`<p id="answer-text">${t('youGave', { choices: this.i18n.list(given) })}</p>` : nothing}
    </div>`;
  }

  #labelOf(value: string): string {
    return this.items.find((item) => item.value === value)?.label ?? value;
  }

  #renderResults() {
    const t = this.i18n.t.bind(this.i18n);
    return this.renderResults<BudgetResults>((results) => {
      const byId = new Map((Array.isArray(results.items) ? results.items : []).map((entry) => [entry.id, entry]));
      const mine = (this.submission.envelope?.answer as BudgetAnswer | undefined)?.allocation ?? {};
      // Only the page's own items: the endpoint counts whatever ids anyone posts, and a stranger's
      // made-up id must not become a row in a council's results.
      const rows = this.items
        .map((item) => {
          const entry = byId.get(item.value);
          const total = Number(entry?.total) || 0;
          const mean = Number(entry?.mean) || 0;
          return { item, total, mean };
        })
        .sort((a, b) => b.total - a.total);
      const everything = rows.reduce((sum, row) => sum + row.total, 0);
      return html`<table part="results">
          <caption>
            ${t('resultsCaption', { n: Number(results.total) || 0 })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('itemHeader')}</th>
              <th scope="col" class="number">${t('totalHeader')}</th>
              <th scope="col" class="number">${t('meanHeader')}</th>
              <th scope="col" class="share">${t('shareHeader')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(({ item, total, mean }) => {
              const share = everything ? total / everything : 0;
              const gift = mine[item.value] ?? 0;
              // A mean is rarely whole; one decimal (or pence) says enough.
              const roundedMean = this.#currency ? Math.round(mean * 100) / 100 : Math.round(mean * 10) / 10;
              return html`<tr>
                <th scope="row" class=${gift > 0 ? 'mine' : ''}>
                  ${item.label}${gift > 0 ? html` <span>${t('yourGift', { amount: this.#amount(gift) })}</span>` : nothing}
                </th>
                <td class="number">${this.#amount(total)}</td>
                <td class="number">${this.#amount(roundedMean)}</td>
                <td>${this.i18n.percent(share)}${bar(share)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
        <p class="note" part="note">${t('how')}</p>`;
    });
  }
}
