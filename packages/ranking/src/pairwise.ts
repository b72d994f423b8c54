import { html, nothing, type PropertyValues } from 'lit';
import type { PairwiseAnswer, PairwiseResults } from '@delib/protocol';
import { limits } from '@delib/protocol';
import { DelibElement, bar, baseStyles, cleanText, isRecord, readJson, seedOf, tabMemory, type Item } from '@delib/core';
import { pairwiseMessages, type PairwiseMessages } from './pairwise.messages.js';
import { pairwiseStyles } from './pairwise.styles.js';
import { PairScheduler, isScheduleShape, pairCount, type Pair } from './scheduler.js';

/** What is kept per widget id for this tab, so a reload carries on rather than starting again. */
interface Progress {
  schedule: unknown;
  answered: number;
  stopped: boolean;
}

const progressPrefix = 'delib:pairwise:v1:';

/** The most bytes of an `/items` body read: `limits.items` items with the longest value and label fit well within. */
export const itemsBytes = 256 * 1024;

// eslint-disable-next-line no-control-regex -- an item id with control characters is not one the protocol allows
const badValue = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The approved items of an `/items` body (`{ "items": [{ "value", "label" }] }`, CONTRACT.md §4):
 * well-formed entries only, at most `limits.items`, values of at most `limits.valueLength`
 * characters without control characters, labels cleaned to at most `limits.textLength`, each value
 * once. Anything else in the body is ignored.
 */
export function approvedItems(body: unknown): Item[] {
  const entries = isRecord(body) && Array.isArray(body.items) ? body.items : [];
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const entry of entries) {
    if (items.length >= limits.items) break;
    if (!isRecord(entry)) continue;
    const { value, label } = entry;
    if (typeof value !== 'string' || !value.trim() || value.length > limits.valueLength || badValue.test(value)) continue;
    const text = typeof label === 'string' ? cleanText(label, limits.textLength) : '';
    if (!text || seen.has(value)) continue;
    seen.add(value);
    items.push({ value, label: text });
  }
  return items;
}

/**
 * Pairwise comparison: "which matters more to you?" for two items at a time, one pair after
 * another, each vote sent at once as its own response. Pairs are chosen so that every item is
 * shown about equally often and no pair comes back until all have been seen. Results are shown
 * after `votes` votes, or when the person stops.
 *
 * @summary Compare ideas two at a time; each choice is posted to your endpoint, with results as text.
 * @tag delib-pairwise
 *
 * @fires {DelibSubmitEvent} delib-submit - Just before each vote or idea is sent; cancel it to take over (nothing is posted).
 * @fires {DelibSubmittedEvent} delib-submitted - The endpoint acknowledged a vote or idea (`detail.response`).
 * @fires {DelibQueuedEvent} delib-queued - A vote or idea could not be sent now; it is kept and retried.
 * @fires {DelibErrorEvent} delib-error - The endpoint refused a vote or idea for good (`detail.status`, `detail.error`).
 *
 * @slot - Child `<option value="…">Label</option>` elements: the items. Their text is the label, `data-description` an optional description.
 *
 * @csspart pair - The group holding the question, the two choices and "I can't decide".
 * @csspart question - The question (the legend), also above the thank-you once finished.
 * @csspart progress - The progress bar.
 * @csspart choice - Each of the two large buttons.
 * @csspart cant-decide - The "I can't decide" button.
 * @csspart stop - The "Stop and see results" button.
 * @csspart suggestion - The form for adding an idea (with `allow-suggestions`).
 * @csspart suggestion-input - The text box for an idea.
 * @csspart suggest - The button that sends an idea.
 * @csspart status - The polite live region: what was chosen, the next pair, saved for later, refused.
 * @csspart answer - The thank-you once finished or stopped.
 * @csspart bar - Each result's bar.
 * @csspart note - The sentence saying how the scores were worked out.
 *
 * @cssproperty --delib-color-accent - Buttons, progress and bars (default #1d70b8).
 * @cssproperty --delib-pairwise-choice-min-height - Least height of the two choice buttons (default 5rem).
 */
export class DelibPairwise extends DelibElement<PairwiseMessages> {
  static override styles = [baseStyles, pairwiseStyles];

  static override properties = {
    ...DelibElement.properties,
    question: {},
    votes: { type: Number },
    allowSuggestions: { type: Boolean, attribute: 'allow-suggestions' },
    shuffle: { type: Boolean },
  };

  /** The question over each pair; "Which matters more to you?" (in the page's language) when empty. */
  declare question: string;
  /** How many pairs a person is asked before the results (at most the number of different pairs). */
  declare votes: number;
  /**
   * Let people add an idea of their own, sent as its own response `{ suggestion }`; and add the ideas a
   * moderator approved, read from `GET {endpoint}/items/{widgetId}`, to the pairs and the results.
   */
  declare allowSuggestions: boolean;
  /**
   * Pairs are always drawn at random (so that, across people, every pair is compared). With
   * `shuffle`, each person's draw (which pairs, in which order, on which side) is fixed per widget
   * id: the same in a new tab or on a return visit.
   */
  declare shuffle: boolean;

  readonly kind = 'pairwise';
  protected readonly catalogues = pairwiseMessages;

  #scheduler?: PairScheduler;
  #progressFor?: string;
  #answered = 0;
  #stopped = false;
  /** Every vote and idea given here since the page loaded (or the form was reset), oldest first. */
  #given: PairwiseAnswer[] = [];
  #suggestion = '';
  #suggestionProblem = false;
  /** Items people added and a moderator approved, from `GET {endpoint}/items/{widgetId}`. */
  #approved: Item[] = [];
  #approvedFor?: string;
  #merged?: { own: Item[]; approved: Item[]; items: Item[] };
  /** The widget id and `shuffle` the scheduler is for: a change of items alone carries the progress over. */
  #scheduleFor?: string;

  constructor() {
    super();
    this.question = '';
    this.votes = 10;
    this.allowSuggestions = false;
    this.shuffle = false;
    // Each vote is its own response; there is no single answer to show a returning person.
    this.submission.remember = false;
    // A refused idea goes back in the box, so the person does not lose what they typed.
    this.addEventListener('delib-error', (event) => {
      const answer = event.detail.envelope.answer as PairwiseAnswer;
      if ('suggestion' in answer && !this.#suggestion) {
        this.#suggestion = answer.suggestion;
        this.requestUpdate();
      }
    });
  }

  /** The last vote or idea. */
  get answer(): PairwiseAnswer | undefined {
    return this.#given.at(-1);
  }

  /**
   * Inside a `<form>`: every vote and idea given, as a JSON array of answers, oldest first, so that
   * the form carries all of them rather than only the last.
   */
  override get value(): string {
    return this.#given.length ? JSON.stringify(this.#given) : '';
  }

  restoreAnswer(answer: PairwiseAnswer | PairwiseAnswer[]): void {
    this.#given = (Array.isArray(answer) ? answer : [answer]).filter((given) => given && typeof given === 'object');
  }

  protected clear(): void {
    this.#given = [];
    this.#suggestion = '';
    this.#suggestionProblem = false;
  }

  protected problem() {
    return undefined;
  }

  /** How many pairs this person is asked: `votes`, but never more than there are different pairs. */
  get #total(): number {
    const wanted = Number.isFinite(this.votes) && this.votes > 0 ? Math.floor(this.votes) : 10;
    return Math.min(wanted, pairCount(this.#scheduler?.items.length ?? this.items.length));
  }

  get #finished(): boolean {
    return this.#stopped || (this.#total > 0 && this.#answered >= this.#total);
  }

  /**
   * The page's items, then (with `allow-suggestions`) the approved ones the endpoint lists, each value
   * once and at most `limits.items` in all. A suggestion just sent is not among them until approved.
   */
  override get items(): Item[] {
    const own = super.items;
    const approved = this.allowSuggestions ? this.#approved : [];
    if (this.#merged?.own !== own || this.#merged.approved !== approved) {
      const values = new Set(own.map((item) => item.value));
      const added = approved.filter((item) => !values.has(item.value)).slice(0, Math.max(0, limits.items - own.length));
      this.#merged = { own, approved, items: added.length ? [...own, ...added] : own };
    }
    return this.#merged.items;
  }

  /** Fetches the approved items once per endpoint and widget id; none when there are none or it fails. */
  async #loadApproved(): Promise<void> {
    const endpoint = this.resolveEndpoint();
    const key = `${endpoint}|${this.widgetId}`;
    if (!this.allowSuggestions || !endpoint || !this.widgetId || key === this.#approvedFor) return;
    this.#approvedFor = key;
    let approved: Item[] = [];
    try {
      approved = approvedItems(
        await readJson(`${endpoint}/items/${encodeURIComponent(this.widgetId)}`, this.config?.credentials, itemsBytes),
      );
    } catch {
      // No items endpoint, or a broken answer: the page's own items are enough to go on with.
    }
    if (this.#approvedFor !== key) return;
    this.#approved = approved;
    this.requestUpdate();
  }

  /** With suggestions, its items may all come from the endpoint's approved ideas. */
  protected override get requiresItems(): boolean {
    return !this.allowSuggestions;
  }

  /** Results once the person has finished (or stopped), rather than after a single response. */
  override get resultsVisible(): boolean {
    const mode = this.results;
    if (mode === 'never' || this.formMode) return false;
    if (mode === 'always' || this.isClosed || this.closedAtEndpoint) return true;
    return mode !== 'after-close' && this.#finished;
  }

  get #progressKey(): string {
    return `${progressPrefix}${this.localName}:${this.widgetId}`;
  }

  /** Picks up this tab's progress for the widget id and items, or starts afresh. */
  #syncProgress(): void {
    // Two options with one value would be one item to the endpoint, so they are one here too.
    const values = [...new Set(this.items.map((item) => item.value))];
    const scheduleFor = `${this.widgetId}\u0000${this.shuffle}`;
    const signature = `${scheduleFor}\u0000${values.join('\u0000')}`;
    if (signature === this.#progressFor) return;
    this.#progressFor = signature;
    if (this.#scheduler && scheduleFor === this.#scheduleFor) {
      // Items arrived (approved ideas) or went: the same person carries on, and new items catch up.
      this.#scheduler = this.#scheduler.withItems(values);
      this.#saveProgress();
      return;
    }
    this.#scheduleFor = scheduleFor;
    const stored = tabMemory.read<Progress>(this.#progressKey);
    const resumed = isScheduleShape(stored.schedule);
    this.#scheduler = new PairScheduler(values, { state: stored.schedule, seed: this.shuffle ? seedOf(this) : undefined });
    this.#answered = resumed && Number.isInteger(stored.answered) ? Math.max(0, stored.answered!) : 0;
    this.#stopped = resumed && stored.stopped === true;
  }

  #saveProgress(): void {
    const progress: Progress = { schedule: this.#scheduler?.toJSON(), answered: this.#answered, stopped: this.#stopped };
    // Where it cannot be kept, a reload starts with fresh pairs, which costs nothing but a repeat.
    tabMemory.keep(this.#progressKey, progress);
  }

  #labelOf(value: string): string {
    return this.items.find((item) => item.value === value)?.label ?? value;
  }

  /** Whether the last `submit` found the widget not set up, so that nothing can count. */
  get #notSetUp(): boolean {
    return this.submission.state === 'refused' && this.submission.refusal?.error.code === 'not_set_up';
  }

  /** `choice` 0 or 1 picks that side of the pair; null is "I can't decide". */
  #vote(choice: 0 | 1 | null): void {
    const pair = this.#scheduler?.current;
    if (!pair || this.isDisabled || this.isClosed || this.#finished) return;
    const answer: PairwiseAnswer = { pair, winner: choice === null ? null : pair[choice] };
    if (!this.submission.submit(answer) && this.#notSetUp) return;
    this.#given.push(answer);
    this.#answered++;
    this.#scheduler!.advance();
    this.#saveProgress();
    const t = this.i18n.t.bind(this.i18n);
    const [first, second] = pair.map((value) => this.#labelOf(value));
    const what =
      choice === null
        ? t('undecided', { first, second })
        : t('chose', { winner: choice === 0 ? first : second, loser: choice === 0 ? second : first });
    // The buttons' names change under the person's focus without a word: the new pair is said aloud.
    const [nextFirst, nextSecond] = (this.#scheduler!.current ?? []).map((value) => this.#labelOf(value));
    const next = this.#finished
      ? t('finished')
      : t('nextPair', { n: this.#answered + 1, total: this.#total, first: nextFirst ?? '', second: nextSecond ?? '' });
    if (this.#finished) this.live.focusNext = '[part="answer"]';
    this.live.announce(`${what} ${next}`);
  }

  #stop(): void {
    this.#stopped = true;
    this.#saveProgress();
    this.live.focusNext = '[part="answer"]';
    this.live.announce(this.i18n.t('stopped'));
  }

  /** 1 or Left for the first item, 2 or Right for the second, from anywhere in the pair's group. */
  #onKeydown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const choice =
      event.key === 'ArrowLeft' || event.key === '1' ? 0 : event.key === 'ArrowRight' || event.key === '2' ? 1 : undefined;
    if (choice === undefined) return;
    event.preventDefault();
    this.#vote(choice);
  }

  #onSuggestionInput(event: Event): void {
    this.#suggestion = (event.target as HTMLInputElement).value;
    if (this.#suggestionProblem && cleanText(this.#suggestion, limits.textLength)) this.#suggestionProblem = false;
    this.requestUpdate();
  }

  #onSuggest(event: Event): void {
    event.preventDefault();
    if (this.isDisabled || this.isClosed) return;
    const text = cleanText(this.#suggestion, limits.textLength);
    if (!text) {
      this.#suggestionProblem = true;
      this.live.focusNext = '#suggestion';
      this.requestUpdate();
      return;
    }
    const answer: PairwiseAnswer = { suggestion: text };
    if (!this.submission.submit(answer) && this.#notSetUp) return;
    this.#given.push(answer);
    this.#suggestion = '';
    this.#suggestionProblem = false;
    this.live.announce(this.i18n.t('suggestionSent', { text }));
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.#loadApproved();
    // Before the base class decides whether results are due, which depends on the progress.
    this.#syncProgress();
    super.willUpdate(changed);
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const closed = this.isClosed;
    const closing = this.closingMessage;
    const question = this.question || t('question');
    const pair = this.#scheduler?.current;
    let body;
    if (closed || this.#finished || this.closedAtEndpoint) body = this.#renderDone(question, closing);
    else if (!pair)
      body = html`<p class="question" part="question">${question}</p>
        <p>${t('tooFewItems')}</p>`;
    else body = this.#renderPair(question, closing, pair);
    return html`
      ${body} ${this.allowSuggestions && !closed && !this.formMode ? this.#renderSuggestion() : nothing}
      <div part="status" role="status" class=${this.#statusClass()}>${this.#status()}</div>
      ${this.#renderResults()}
    `;
  }

  #status(): string {
    const t = this.i18n.t.bind(this.i18n);
    const { state, refusal } = this.submission;
    const parts = [this.live.message];
    if (state === 'queued') parts.push(t(this.submission.durable ? 'queuedVotes' : 'queuedVotesUnsaved'));
    if (this.closedAtEndpoint) parts.push(t('closedNow'));
    else if (refusal)
      parts.push(refusal.error.code === 'not_set_up' ? t('notSetUp') : t('refused', { reason: refusal.error.message }));
    return parts.filter(Boolean).join(' ');
  }

  #statusClass(): string {
    const { state, refusal } = this.submission;
    return refusal ? 'refused' : state === 'queued' ? 'queued' : '';
  }

  #renderPair(question: string, closing: string, pair: Pair) {
    const t = this.i18n.t.bind(this.i18n);
    const total = this.#total;
    const shortcuts = ['1 ArrowLeft', '2 ArrowRight'];
    const describedBy = ['keys', closing && 'closing'].filter(Boolean).join(' ');
    return html`<fieldset
      part="pair"
      class="pair"
      aria-describedby=${describedBy}
      ?disabled=${this.isDisabled}
      @keydown=${this.#onKeydown}
    >
      <legend part="question">${question}</legend>
      ${closing ? html`<p class="hint" id="closing">${closing}</p>` : nothing}
      <div class="progress">
        <label for="progress">${t('pairOf', { n: this.#answered + 1, total })}</label>
        <progress id="progress" part="progress" max=${total} .value=${this.#answered}></progress>
      </div>
      <div class="choices">
        ${pair.map((value, index) => {
          const item = this.items.find((candidate) => candidate.value === value);
          return html`<div class="side">
              <button
                type="button"
                class="choice"
                part="choice"
                aria-keyshortcuts=${shortcuts[index]}
                aria-describedby=${item?.description ? `description-${index}` : nothing}
                @click=${() => this.#vote(index as 0 | 1)}
              >
                ${item?.label ?? value}
              </button>
              ${item?.description ? html`<p class="hint" id="description-${index}">${item.description}</p>` : nothing}
            </div>
            ${index === 0 ? html`<span class="or" aria-hidden="true">${t('or')}</span>` : nothing}`;
        })}
      </div>
      <p class="hint keys" id="keys">${t('keysHint')}</p>
      <div class="actions">
        <button type="button" class="secondary" part="cant-decide" @click=${() => this.#vote(null)}>${t('cantDecide')}</button>
        <button type="button" class="secondary" part="stop" @click=${this.#stop}>${t('stop')}</button>
      </div>
    </fieldset>`;
  }

  #renderDone(question: string, closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const said = this.#answered || this.#stopped;
    return html`<div
      part="answer"
      tabindex="-1"
      role="group"
      aria-labelledby=${said ? 'answer-question answer-text' : 'answer-question'}
      aria-describedby=${closing ? 'answer-closing' : nothing}
    >
      <p class="question" part="question" id="answer-question">${question}</p>
      ${closing ? html`<p class="hint" id="answer-closing">${closing}</p>` : nothing}
      ${said ? html`<p id="answer-text">${t('answered', { n: this.#answered })}</p>` : nothing}
    </div>`;
  }

  #renderSuggestion() {
    const t = this.i18n.t.bind(this.i18n);
    const problem = this.#suggestionProblem;
    return html`<form part="suggestion" class="suggestion ${problem ? 'invalid' : ''}" novalidate @submit=${this.#onSuggest}>
      <label for="suggestion">${t('suggestionLabel')}</label>
      <p class="hint" id="suggestion-hint">${t('suggestionHint')}</p>
      ${
        problem
          ? html`<p class="error" id="suggestion-error">
              <span class="sr-only">${t('errorPrefix')}</span> ${t('suggestionMissing')}
            </p>`
          : nothing
      }
      <div class="suggest-row">
        <input
          id="suggestion"
          part="suggestion-input"
          type="text"
          maxlength=${limits.textLength}
          autocomplete="off"
          .value=${this.#suggestion}
          @input=${this.#onSuggestionInput}
          aria-describedby=${problem ? 'suggestion-hint suggestion-error' : 'suggestion-hint'}
          aria-invalid=${problem ? 'true' : nothing}
          ?disabled=${this.isDisabled}
        />
        <button part="suggest" class="secondary" ?disabled=${this.isDisabled}>${t('suggest')}</button>
      </div>
    </form>`;
  }

  #renderResults() {
    const t = this.i18n.t.bind(this.i18n);
    return this.renderResults<PairwiseResults>((results) => {
      const entries = Array.isArray(results.items) ? results.items.filter(isRecord) : [];
      const byId = new Map(entries.map((entry) => [entry.id, entry]));
      // Only the page's own items and approved ones: a stranger's made-up id must not become a row in a
      // council's results. The endpoint labels the approved ones it counts, in case /items was not read.
      const known = new Set(this.items.map((item) => item.value));
      const labelled = this.allowSuggestions
        ? approvedItems({ items: entries.map((entry) => ({ value: entry.id, label: entry.label })) }).filter(
            (item) => !known.has(item.value),
          )
        : [];
      const rows = [...this.items, ...labelled.slice(0, Math.max(0, limits.items - known.size))]
        .map((item) => {
          const found = byId.get(item.value);
          const wins = Number(found?.wins) || 0;
          const losses = Number(found?.losses) || 0;
          const given = found?.score;
          const score = typeof given === 'number' && Number.isFinite(given) ? given : (100 * (wins + 1)) / (wins + losses + 2);
          return { label: item.label, wins, losses, score };
        })
        .sort((a, b) => b.score - a.score);
      return html`<table part="results">
          <caption>
            ${t('resultsCaption', { n: Number(results.total) || 0 })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('itemHeader')}</th>
              <th scope="col" class="share">${t('scoreHeader')}</th>
              <th scope="col" class="number">${t('winsHeader')}</th>
              <th scope="col" class="number">${t('lossesHeader')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  <th scope="row">${row.label}</th>
                  <td>${this.i18n.percent(row.score / 100)}${bar(row.score / 100)}</td>
                  <td class="number">${this.i18n.number(row.wins)}</td>
                  <td class="number">${this.i18n.number(row.losses)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        <p class="note" part="note">${t('how')}</p>`;
    }, false);
  }
}
