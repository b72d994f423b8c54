import { html, nothing, type PropertyValues } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RankingAnswer, RankingResults } from '@delib/protocol';
import { limits } from '@delib/protocol';
import { DelibElement, baseStyles, errorSummary, type Item, type Problem } from '@delib/core';
import { rankingMessages, type RankingMessages } from './ranking.messages.js';
import { rankingStyles } from './ranking.styles.js';

/** How far (px) a pointer must travel before a press becomes a drag, so a click stays a click. */
const dragThreshold = 4;
/** Within this distance (px) of the viewport's top or bottom edge, a drag scrolls the page. */
const scrollZone = 48;
/** The fastest a drag scrolls the page, in px per frame. */
const scrollSpeed = 16;

interface Drag {
  value: string;
  pointerId: number;
  item: HTMLElement;
  startY: number;
  startScroll: number;
  lastY: number;
  started: boolean;
  /** Where the item would land, as an index into the order without it. */
  target: number;
  indicator?: Element;
  frame?: number;
}

/**
 * A ranking: people put items in order of priority (or only their `top` few) by dragging, with the
 * keyboard, or with each item's Up and Down buttons, and see the combined ranking (Borda count) as a
 * table with a sentence saying how it was worked out.
 *
 * @summary Put items in order of priority by drag, keyboard or buttons; posts `{ order }` to your endpoint.
 * @tag delib-ranking
 *
 * @fires {DelibSubmitEvent} delib-submit - Just before sending; cancel it to take over (nothing is posted).
 * @fires {DelibSubmittedEvent} delib-submitted - The endpoint acknowledged the ranking (`detail.response`).
 * @fires {DelibQueuedEvent} delib-queued - The ranking could not be sent now; it is kept and retried.
 * @fires {DelibErrorEvent} delib-error - The endpoint refused the ranking for good (`detail.status`, `detail.error`).
 *
 * @slot - Child `<option value="…">Label</option>` elements: the items, in their starting order. Their text is the label, `data-description` an optional description.
 *
 * @csspart form - The form around the question, the list and the submit button.
 * @csspart fieldset - The group holding the question and the lists.
 * @csspart question - The question (the legend), also above the answer once submitted.
 * @csspart hint - The sentences saying what to do and how to move items.
 * @csspart list - The ordered list of ranked items (with `top`, also the list of items not ranked).
 * @csspart heading - With `top`: "Ranked" and "Not ranked" above the two lists.
 * @csspart item - Each item; the whole item can be dragged, and it takes focus for keyboard moves.
 * @csspart grip - The drag handle at the start of each item (the only place a touch starts a drag).
 * @csspart position - The item's position number.
 * @csspart label - The item's label (and description).
 * @csspart move-button - Each item's Up and Down buttons.
 * @csspart submit - The submit button.
 * @csspart retry - The button that tries loading the results again.
 * @csspart error-summary - The box listing problems when a ranking cannot be sent.
 * @csspart status - The polite live region: moves, sending, saved for later, thank you, refused.
 * @csspart answer - "Your ranking: …" once submitted.
 * @csspart results - The results table.
 * @csspart note - The sentence saying how the results were worked out.
 *
 * @cssproperty --delib-color-accent - Buttons, the drop indicator and a picked-up item's outline (default #1d70b8).
 * @cssproperty --delib-color-accent-text - Text on buttons (default #fff).
 * @cssproperty --delib-color-text - Text (default: inherited from the page).
 * @cssproperty --delib-color-background - Background (default transparent).
 * @cssproperty --delib-color-border - Item borders (default #505a5f).
 * @cssproperty --delib-color-input - Item background (default #fff).
 * @cssproperty --delib-button-background - Submit button background (default: the accent).
 * @cssproperty --delib-button-text - Submit button text (default: the accent text colour).
 * @cssproperty --delib-button-shadow - Submit button shadow (default none).
 * @cssproperty --delib-color-muted - Hints, notes and items not ranked (default #505a5f).
 * @cssproperty --delib-color-error - Errors (default #c3250f).
 * @cssproperty --delib-color-success - The border of the status message (default #00703c).
 * @cssproperty --delib-color-track - Between result rows (default #dfe2e4).
 * @cssproperty --delib-font-family - Font (default: inherited from the page).
 * @cssproperty --delib-font-size - Font size (default: inherited).
 * @cssproperty --delib-line-height - Line height (default 1.5).
 * @cssproperty --delib-question-size - Size of the question (default 1.25em).
 * @cssproperty --delib-question-weight - Weight of the question (default 700).
 * @cssproperty --delib-space-s - Small spacing (default 0.5rem).
 * @cssproperty --delib-space-m - Medium spacing (default 1rem).
 * @cssproperty --delib-radius - Corner radius (default 0.25rem).
 * @cssproperty --delib-focus-color - Focus ring colour (default #0b0c0c).
 * @cssproperty --delib-focus-width - Focus ring width (default 3px).
 * @cssproperty --delib-focus-offset - Gap between a control and its focus ring (default 2px).
 * @cssproperty --delib-max-width - Widest the widget grows (default 40rem).
 * @cssproperty --delib-padding - Space inside the widget's edge (default 0).
 * @cssproperty --delib-ranking-gap - Space between items (default 0.5rem).
 * @cssproperty --delib-ranking-item-background - Item background (default: `--delib-color-input`).
 */
export class DelibRanking extends DelibElement<RankingMessages> {
  static override styles = [baseStyles, rankingStyles];

  static override properties = {
    ...DelibElement.properties,
    question: {},
    top: { type: Number },
  };

  /** The question, shown as the legend of the list. */
  declare question: string;
  /** Rank only this many of the most important items; the answer then holds just those. */
  declare top: number | undefined;

  readonly kind = 'ranking';
  protected readonly catalogues = rankingMessages;

  /** Item values in the person's order; reconciled with the items in `#sequence`. */
  #order: string[] = [];
  /** The item that takes Tab (roving tabindex). */
  #focusValue?: string;
  /** The item picked up with the keyboard, and the order to go back to on Escape. */
  #grabbed?: { value: string; before: string[] };
  #drag?: Drag;
  #announcement = '';
  /** What to focus once the next update has moved the item's element. */
  #focusAfter?: { value: string; control: 'item' | 'up' | 'down' };
  #showProblems = false;

  constructor() {
    super();
    this.question = '';
  }

  /** The values of every item in the person's order: theirs first, then any item they have not seen placed. */
  #sequence(): string[] {
    const known = new Set(this.items.map((item) => item.value));
    const placed = new Set<string>();
    const order: string[] = [];
    for (const value of [...this.#order, ...this.items.map((item) => item.value)]) {
      if (known.has(value) && !placed.has(value)) {
        order.push(value);
        placed.add(value);
      }
    }
    this.#order = order;
    return order;
  }

  /** How many items are ranked: all of them, or `top` of them. */
  get #rankedCount(): number {
    const count = this.items.length;
    const top = Math.floor(Number(this.top));
    return top > 0 && top < count ? top : count;
  }

  get answer(): RankingAnswer | undefined {
    if (!this.items.length) return undefined;
    return { order: this.#sequence().slice(0, Math.min(this.#rankedCount, limits.items)) };
  }

  restoreAnswer(answer: RankingAnswer): void {
    this.#order = Array.isArray(answer?.order) ? answer.order.map(String) : [];
    this.#grabbed = undefined;
  }

  protected clear(): void {
    this.#order = [];
    this.#grabbed = undefined;
    this.#announcement = '';
    this.#showProblems = false;
  }

  protected problem(): Problem | undefined {
    return this.items.length ? undefined : { message: this.i18n.t('nothingToRank'), field: 'ranking' };
  }

  #labelOf(value: string): string {
    return this.items.find((item) => item.value === value)?.label ?? value;
  }

  /** "Bravo park, position 2 of 4" or "Bravo park, not ranked", from one of the given message pairs. */
  #describe(value: string, at: 'itemAt' | 'pickedUp' | 'dropped' | 'cancelled'): string {
    const t = this.i18n.t.bind(this.i18n);
    const index = this.#sequence().indexOf(value);
    const count = this.#rankedCount;
    const item = this.#labelOf(value);
    if (index < count) return t(at, { item, position: index + 1, count });
    const notRanked = {
      itemAt: 'itemNotRanked',
      pickedUp: 'pickedUpNotRanked',
      dropped: 'droppedNotRanked',
      cancelled: 'cancelledNotRanked',
    } as const;
    return t(notRanked[at], { item });
  }

  #announce(text: string): void {
    this.#announcement = text;
    this.requestUpdate();
  }

  /** Puts `value` at `index` of the order; the one cheap step behind every way of moving. */
  #moveTo(value: string, index: number): boolean {
    const order = this.#sequence();
    const from = order.indexOf(value);
    const to = Math.max(0, Math.min(order.length - 1, index));
    if (from < 0 || from === to) return false;
    order.splice(from, 1);
    order.splice(to, 0, value);
    this.#order = order;
    this.requestUpdate();
    return true;
  }

  get #interactive(): boolean {
    return !this.isDisabled && this.submission.state !== 'sending';
  }

  // ---- keyboard ---------------------------------------------------------------------------

  #onItemKeydown(event: KeyboardEvent): void {
    const item = event.currentTarget as HTMLElement;
    // Keys pressed on the item's own buttons are theirs.
    if (event.target !== item || !this.#interactive) return;
    if (this.#drag) {
      // Escape puts a dragged item back; other keys wait until the pointer lets go.
      if (event.key === 'Escape') this.#endDrag();
      event.preventDefault();
      return;
    }
    const value = item.dataset.value!;
    const order = this.#sequence();
    const index = order.indexOf(value);
    const grabbed = this.#grabbed?.value === value;
    const key = event.key;
    if (key === ' ' || key === 'Enter') {
      event.preventDefault();
      if (grabbed) {
        this.#grabbed = undefined;
        this.#announce(this.#describe(value, 'dropped'));
      } else {
        this.#grabbed = { value, before: [...order] };
        this.#announce(this.#describe(value, 'pickedUp'));
      }
      return;
    }
    if (key === 'Escape' && this.#grabbed) {
      event.preventDefault();
      this.#order = this.#grabbed.before;
      this.#grabbed = undefined;
      this.#focusAfter = { value, control: 'item' };
      this.#announce(this.#describe(value, 'cancelled'));
      return;
    }
    const targets: Record<string, number> = {
      ArrowUp: index - 1,
      ArrowDown: index + 1,
      Home: 0,
      End: order.length - 1,
    };
    if (!(key in targets)) return;
    event.preventDefault();
    const target = Math.max(0, Math.min(order.length - 1, targets[key]));
    if (grabbed) {
      if (this.#moveTo(value, target)) this.#focusAfter = { value, control: 'item' };
      this.#announce(this.#describe(value, 'itemAt'));
    } else {
      this.#focusValue = order[target];
      this.#focusAfter = { value: order[target], control: 'item' };
      this.requestUpdate();
    }
  }

  /** Focus going elsewhere puts a picked-up item down where it is, so no item is left "in the air". */
  #onItemFocusOut(event: FocusEvent): void {
    const item = event.currentTarget as HTMLElement;
    const grabbed = this.#grabbed;
    // A null `relatedTarget` is also what moving the focused element in the DOM gives: not a departure.
    if (!grabbed || item.dataset.value !== grabbed.value || !event.relatedTarget || event.relatedTarget === item) return;
    this.#grabbed = undefined;
    this.#announce(this.#describe(grabbed.value, 'dropped'));
  }

  #onItemFocus(event: FocusEvent): void {
    const value = (event.currentTarget as HTMLElement).dataset.value!;
    if (this.#focusValue !== value) {
      this.#focusValue = value;
      this.requestUpdate();
    }
  }

  // ---- buttons ----------------------------------------------------------------------------

  #onMove(value: string, step: -1 | 1): void {
    if (!this.#interactive) return;
    const index = this.#sequence().indexOf(value);
    if (this.#grabbed) this.#grabbed = undefined;
    if (!this.#moveTo(value, index + step)) return;
    const last = this.#sequence().length - 1;
    const newIndex = index + step;
    // At an end the pressed button is disabled; keep the keyboard user on the item's other button.
    const control = step < 0 ? (newIndex === 0 ? 'down' : 'up') : newIndex === last ? 'up' : 'down';
    this.#focusValue = value;
    this.#focusAfter = { value, control };
    this.#announce(this.#describe(value, 'itemAt'));
  }

  // ---- pointer drag -----------------------------------------------------------------------

  #onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || !this.#interactive || this.#drag) return;
    const origin = event.target as Element;
    if (origin.closest('button')) return;
    const item = event.currentTarget as HTMLElement;
    // A touch anywhere but the grip scrolls the page as usual; only the grip has `touch-action: none`.
    if (event.pointerType === 'touch' && !origin.closest('.grip')) return;
    // Stops the browser starting a text selection (and a native drag) from the press.
    event.preventDefault();
    item.focus({ preventScroll: true });
    try {
      item.setPointerCapture(event.pointerId);
    } catch {
      // Not an active pointer (synthetic events): the item still gets the events it needs.
    }
    this.#grabbed = undefined;
    this.#drag = {
      value: item.dataset.value!,
      pointerId: event.pointerId,
      item,
      startY: event.clientY,
      startScroll: scrollY,
      lastY: event.clientY,
      started: false,
      target: this.#sequence().indexOf(item.dataset.value!),
    };
  }

  #onPointerMove(event: PointerEvent): void {
    const drag = this.#drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    drag.lastY = event.clientY;
    if (!drag.started) {
      if (Math.abs(event.clientY - drag.startY) < dragThreshold) return;
      drag.started = true;
      drag.item.classList.add('lifted');
      this.renderRoot.querySelector('.lists')?.classList.add('dragging');
    }
    this.#followPointer();
    this.#autoScroll();
  }

  /** Moves the lifted item under the pointer and the drop indicator to where it would land. */
  #followPointer(): void {
    const drag = this.#drag!;
    const y = drag.lastY;
    drag.item.style.translate = `0 ${y - drag.startY + (scrollY - drag.startScroll)}px`;
    const others = this.#itemElements().filter((element) => element !== drag.item);
    let target = 0;
    for (const other of others) {
      const box = other.getBoundingClientRect();
      if (box.top + box.height / 2 < y) target++;
    }
    drag.target = target;
    const indicator = target < others.length ? others[target] : others[others.length - 1];
    const side = target < others.length ? 'drop-before' : 'drop-after';
    if (drag.indicator !== indicator || !indicator?.classList.contains(side)) {
      drag.indicator?.classList.remove('drop-before', 'drop-after');
      indicator?.classList.add(side);
      drag.indicator = indicator;
    }
  }

  /** Near the viewport's edge, scrolls the page a little each frame, faster closer to the edge. */
  #autoScroll(): void {
    const drag = this.#drag;
    if (!drag || drag.frame !== undefined) return;
    const step = () => {
      drag.frame = undefined;
      if (this.#drag !== drag || !drag.started) return;
      const y = drag.lastY;
      const speed =
        y < scrollZone
          ? -Math.ceil(((scrollZone - y) / scrollZone) * scrollSpeed)
          : y > innerHeight - scrollZone
            ? Math.ceil(((y - (innerHeight - scrollZone)) / scrollZone) * scrollSpeed)
            : 0;
      if (!speed) return;
      const before = scrollY;
      scrollBy(0, speed);
      if (scrollY === before) return;
      this.#followPointer();
      drag.frame = requestAnimationFrame(step);
    };
    drag.frame = requestAnimationFrame(step);
  }

  #onPointerUp(event: PointerEvent): void {
    const drag = this.#drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.#endDrag();
    if (!drag.started) return;
    const moved = this.#moveTo(drag.value, drag.target);
    this.#focusValue = drag.value;
    if (moved) this.#focusAfter = { value: drag.value, control: 'item' };
    this.#announce(this.#describe(drag.value, 'dropped'));
  }

  /**
   * A touch on the grip is the widget's own from the start: cancelling it stops the browser making
   * gestures of it. `touch-action: none` already stops the page scrolling, but without this a drag
   * let go while still moving becomes a fling, and the person's next tap (on Submit, say) only
   * stops that fling and is lost.
   */
  #onGripTouchStart(event: TouchEvent): void {
    if (event.cancelable) event.preventDefault();
  }

  #onPointerCancel(event: PointerEvent): void {
    if (this.#drag && event.pointerId === this.#drag.pointerId) this.#endDrag();
  }

  #endDrag(): void {
    const drag = this.#drag;
    if (!drag) return;
    this.#drag = undefined;
    if (drag.frame !== undefined) cancelAnimationFrame(drag.frame);
    drag.item.classList.remove('lifted');
    drag.item.style.translate = '';
    drag.indicator?.classList.remove('drop-before', 'drop-after');
    this.renderRoot.querySelector('.lists')?.classList.remove('dragging');
    try {
      if (drag.item.hasPointerCapture(drag.pointerId)) drag.item.releasePointerCapture(drag.pointerId);
    } catch {
      // Already released.
    }
  }

  #itemElements(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-value]')];
  }

  // ---- submitting ---------------------------------------------------------------------------

  #onSubmit(event: Event): void {
    event.preventDefault();
    if (this.formMode) return void this.form?.requestSubmit();
    if (this.isDisabled || this.isClosed || this.submission.state === 'sending') return;
    this.#grabbed = undefined;
    this.#announcement = '';
    const problem = this.problem();
    if (problem) {
      this.#showProblems = true;
      this.focusNext = '.summary';
      this.requestUpdate();
      return;
    }
    this.#showProblems = false;
    this.submission.submit(this.answer!);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const focus = this.#focusAfter;
    if (focus) {
      this.#focusAfter = undefined;
      const item = this.#itemElements().find((element) => element.dataset.value === focus.value);
      const control = focus.control === 'item' ? item : item?.querySelector<HTMLElement>(`button.${focus.control}`);
      // Moving an element in the DOM takes focus away from it; give it back.
      if (control && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== control) control.focus();
    }
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override render() {
    const { submission } = this;
    const answered = submission.state === 'submitted' || submission.state === 'queued';
    const closed = this.isClosed;
    const closing = this.closingMessage;
    const status = this.submissionMessage;
    const showForm = !(answered || closed);
    // A move's announcement belongs to the form; once sending starts the submission speaks.
    const spoken =
      showForm && (submission.state === 'idle' || submission.state === 'refused') && this.#announcement
        ? this.#announcement
        : status;
    return html`
      ${showForm ? this.#renderForm(closing) : this.#renderAnswer(closing)}
      <div part="status" role="status" class=${submission.state}>${spoken}</div>
      ${this.#renderResults()}
    `;
  }

  #renderForm(closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const problem = this.#showProblems ? this.problem() : undefined;
    const order = this.#sequence();
    const rankedCount = this.#rankedCount;
    const split = rankedCount < order.length;
    const byValue = new Map(this.items.map((item, index) => [item.value, { item, index }]));
    const focusValue = order.includes(this.#focusValue ?? '') ? this.#focusValue : order[0];
    const hint = split ? t('hintTop', { n: rankedCount }) : t('hint');
    const describedBy = [closing && 'closing', 'hint', problem && 'problem'].filter(Boolean).join(' ');
    const entry = (value: string, position: number) => {
      const { item, index } = byValue.get(value)!;
      return this.#renderItem(item, index, position, order.length, rankedCount, value === focusValue);
    };
    const ranked = order.slice(0, rankedCount);
    const rest = order.slice(rankedCount);
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${errorSummary(t('problem'), problem ? [problem] : [], this.renderRoot as ShadowRoot)}
      <fieldset part="fieldset" id="ranking" tabindex="-1" aria-describedby=${describedBy} ?disabled=${this.isDisabled}>
        <legend part="question">${this.question}</legend>
        ${closing ? html`<p class="hint" id="closing">${closing}</p>` : nothing}
        <div class="hint" id="hint" part="hint">
          <p>${hint}</p>
          <p id="how-to-move">${t('howToMove')}</p>
        </div>
        ${problem ? html`<p class="error" id="problem"><span class="sr-only">${t('errorPrefix')}</span> ${problem.message}</p>` : nothing}
        <div class="lists">
          ${split ? html`<p class="heading" part="heading" id="ranked-heading">${t('ranked')}</p>` : nothing}
          <ol part="list" class="ranked" aria-labelledby=${split ? 'ranked-heading' : nothing}>
            ${repeat(
              ranked,
              (value) => value,
              (value, position) => entry(value, position),
            )}
          </ol>
          ${
            split
              ? html`<p class="heading" part="heading" id="rest-heading">${t('notRanked')}</p>
                  <ol part="list" class="rest" aria-labelledby="rest-heading">
                    ${repeat(
                      rest,
                      (value) => value,
                      (value, position) => entry(value, rankedCount + position),
                    )}
                  </ol>`
              : nothing
          }
        </div>
      </fieldset>
      ${
        this.formMode
          ? nothing
          : html`<button part="submit" ?disabled=${this.isDisabled || this.submission.state === 'sending'}>
              ${t('submit')}
            </button>`
      }
    </form>`;
  }

  #renderItem(item: Item, index: number, position: number, total: number, rankedCount: number, tabbable: boolean) {
    const t = this.i18n.t.bind(this.i18n);
    const isRanked = position < rankedCount;
    const name = isRanked
      ? t('itemAt', { item: item.label, position: position + 1, count: rankedCount })
      : t('itemNotRanked', { item: item.label });
    const grabbed = this.#grabbed?.value === item.value;
    const disabled = this.isDisabled;
    return html`<li
      part="item"
      class=${classMap({ 'is-ranked': isRanked, 'not-ranked': !isRanked, grabbed })}
      data-value=${item.value}
      tabindex=${disabled ? nothing : tabbable ? '0' : '-1'}
      aria-label=${name}
      aria-describedby=${item.description ? `how-to-move description-${index}` : 'how-to-move'}
      @keydown=${this.#onItemKeydown}
      @focus=${this.#onItemFocus}
      @focusout=${this.#onItemFocusOut}
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${this.#onPointerCancel}
      @lostpointercapture=${this.#onPointerCancel}
    >
      <span class="grip" part="grip" aria-hidden="true" @touchstart=${this.#onGripTouchStart}></span>
      <span class="position" part="position" aria-hidden="true"
        >${isRanked ? this.i18n.number(position + 1) : t('notRankedBadge')}</span
      >
      <span class="label" part="label"
        >${item.label}${item.description ? html`<small id="description-${index}">${item.description}</small>` : nothing}</span
      >
      <span class="moves">
        <button
          type="button"
          class="secondary up"
          part="move-button"
          aria-label=${t('moveUp', { item: item.label })}
          ?disabled=${disabled || position === 0}
          @click=${() => this.#onMove(item.value, -1)}
        >
          <span aria-hidden="true">↑</span> ${t('up')}
        </button>
        <button
          type="button"
          class="secondary down"
          part="move-button"
          aria-label=${t('moveDown', { item: item.label })}
          ?disabled=${disabled || position === total - 1}
          @click=${() => this.#onMove(item.value, 1)}
        >
          <span aria-hidden="true">↓</span> ${t('down')}
        </button>
      </span>
    </li>`;
  }

  #renderAnswer(closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const answer = this.submission.envelope?.answer as RankingAnswer | undefined;
    const order = Array.isArray(answer?.order) ? answer.order : [];
    const labels = order.map((value) => this.#labelOf(value));
    return html`<div
      part="answer"
      tabindex="-1"
      role="group"
      aria-labelledby=${order.length ? 'answer-question answer-text answer-order' : 'answer-question'}
      aria-describedby=${closing ? 'answer-closing' : nothing}
    >
      <p class="question" part="question" id="answer-question">${this.question}</p>
      ${closing ? html`<p class="hint" id="answer-closing">${closing}</p>` : nothing}
      ${
        order.length
          ? // The answer's name says the order as a sentence: named from the list itself, WebKit runs
            // the items together ("Alpha parkDelta park") and Firefox reads their numbers.
            html`<p id="answer-text">${t('yourRanking')}</p>
              <ol class="your-ranking">
                ${labels.map((label) => html`<li>${label}</li>`)}
              </ol>
              <span id="answer-order" hidden>${this.i18n.list(labels)}</span>`
          : nothing
      }
    </div>`;
  }

  #renderResults() {
    const t = this.i18n.t.bind(this.i18n);
    return this.renderResults<RankingResults>((results) => {
      // Only the page's own items, best first as the endpoint sent them, then any it has no score for:
      // a stranger's made-up id must not become a row in a council's results.
      const known = new Set(this.items.map((item) => item.value));
      const scored = (Array.isArray(results.items) ? results.items : []).filter((row) => known.has(row.id));
      const scoredIds = new Set(scored.map((row) => row.id));
      const rows = [
        ...scored,
        ...this.items.filter((item) => !scoredIds.has(item.value)).map((item) => ({ id: item.value, borda: 0, meanRank: NaN })),
      ];
      const counted = this.#rankedCount;
      return html`<table part="results">
          <caption>
            ${t('resultsCaption', { n: results.total ?? 0 })}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="number">${t('rankHeader')}</th>
              <th scope="col">${t('itemHeader')}</th>
              <th scope="col" class="number">${t('pointsHeader')}</th>
              <th scope="col" class="number">${t('meanHeader')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row, index) =>
                html`<tr>
                  <td class="number">${this.i18n.number(index + 1)}</td>
                  <th scope="row">${this.#labelOf(row.id)}</th>
                  <td class="number">${this.i18n.number(row.borda)}</td>
                  <td class="number">
                    ${Number.isFinite(row.meanRank) ? this.i18n.number(Math.round(row.meanRank * 10) / 10) : t('noPosition')}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
        <p class="note" part="note">${t('how', { n: counted, max: Math.max(0, counted - 1) })}</p>`;
    });
  }
}
