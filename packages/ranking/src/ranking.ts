import { html, nothing } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RankingAnswer, RankingResults } from '@delib/protocol';
import { limits } from '@delib/protocol';
import { DelibElement, baseStyles, errorSummary, shownOrder, type Item, type Problem } from '@delib/core';
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
  /** Where the item would land: a place in the ranking, or null for the items not ranked. */
  target: number | null;
  /** What shows where it would land, and how (`drop-before`, `drop-after`, `drop-into`). */
  indicator?: { element: Element; mark: string };
  frame?: number;
}

const arrow = (sign: string) => html`<span aria-hidden="true">${sign}</span>`;

/** The controls that can take focus back after an item has moved. */
type Control = 'item' | 'up' | 'down' | 'add' | 'remove';

/**
 * A ranking: people put items in order of priority (or only their `top` few), starting from nothing
 * ranked, so that no order reaches the results that the person did not make. Items go into the
 * ranking with their Add buttons, by dragging or with the keyboard, and move with Up and Down; the
 * combined ranking (Borda count) is shown as a table with a sentence saying how it was worked out.
 *
 * @summary Put items in order of priority by buttons, keyboard or drag; posts `{ order }` to your endpoint.
 * @tag delib-ranking
 *
 * @fires {DelibSubmitEvent} delib-submit - Just before sending; cancel it to take over (nothing is posted).
 * @fires {DelibSubmittedEvent} delib-submitted - The endpoint acknowledged the ranking (`detail.response`).
 * @fires {DelibQueuedEvent} delib-queued - The ranking could not be sent now; it is kept and retried.
 * @fires {DelibErrorEvent} delib-error - The endpoint refused the ranking for good (`detail.status`, `detail.error`).
 *
 * @slot - Child `<option value="…">Label</option>` elements: the items, listed as not ranked in this order (with `shuffle`, in each person's own). Their text is the label, `data-description` an optional description.
 *
 * @csspart form - The form around the question, the list and the submit button.
 * @csspart fieldset - The group holding the question and the lists.
 * @csspart question - The question (the legend), also above the answer once submitted.
 * @csspart hint - The sentences saying what to do and how to add and move items.
 * @csspart list - The ordered list of ranked items, and the list of items not ranked.
 * @csspart heading - "Ranked" and "Not ranked" above the two lists.
 * @csspart empty - "Nothing ranked yet." or "Every item is ranked." in place of an empty list.
 * @csspart item - Each item; the whole item can be dragged, and it takes focus for keyboard moves.
 * @csspart grip - The drag handle at the start of each item (the only place a touch starts a drag).
 * @csspart position - The item's position number.
 * @csspart label - The item's label (and description).
 * @csspart move-button - Each ranked item's Up and Down buttons.
 * @csspart add-button - Each item's Add button, while it is not ranked.
 * @csspart remove-button - Each ranked item's Remove button.
 * @csspart submit - The submit button.
 * @csspart error-summary - The box listing problems when a ranking cannot be sent.
 * @csspart status - The polite live region: moves, sending, saved for later, thank you, refused.
 * @csspart answer - "Your ranking: …" once submitted.
 * @csspart note - The sentence saying how the results were worked out.
 *
 * @cssproperty --delib-color-accent - Buttons, the drop indicator and a picked-up item's outline (default #1d70b8).
 * @cssproperty --delib-color-border - Item borders (default #505a5f).
 * @cssproperty --delib-color-input - Item background (default #fff).
 * @cssproperty --delib-button-background - Submit button background (default: the accent).
 * @cssproperty --delib-button-text - Submit button text (default: the accent text colour).
 * @cssproperty --delib-button-shadow - Submit button shadow (default none).
 * @cssproperty --delib-color-muted - Hints, notes and items not ranked (default #505a5f).
 * @cssproperty --delib-color-track - Between result rows (default #dfe2e4).
 * @cssproperty --delib-ranking-gap - Space between items (default 0.5rem).
 * @cssproperty --delib-ranking-item-background - Item background (default: `--delib-color-input`).
 */
export class DelibRanking extends DelibElement<RankingMessages> {
  static override styles = [baseStyles, rankingStyles];

  static override properties = {
    ...DelibElement.properties,
    question: {},
    top: { type: Number },
    shuffle: { type: Boolean },
  };

  /** The question, shown as the legend of the list. */
  declare question: string;
  /** Rank only this many of the most important items; the answer then holds just those. */
  declare top: number | undefined;
  /** List the items not ranked in a random order of each person's own (kept per widget id), against order effects. */
  declare shuffle: boolean;

  readonly kind = 'ranking';
  protected readonly catalogues = rankingMessages;

  /** The values the person ranked, most important first; read through `#rankedValues`. */
  #ranked: string[] = [];
  /** The item that takes Tab (roving tabindex). */
  #focusValue?: string;
  /** The item picked up with the keyboard, and the ranking to go back to on Escape. */
  #grabbed?: { value: string; before: string[] };
  #drag?: Drag;

  constructor() {
    super();
    this.question = '';
    this.shuffle = false;
  }

  /** How many places the ranking has: one per item, or `top`. */
  get #places(): number {
    const count = Math.min(this.items.length, limits.items);
    const top = Math.floor(Number(this.top));
    return top > 0 && top < count ? top : count;
  }

  /** The person's ranking, kept to the page's items and to the places there are. */
  #rankedValues(): string[] {
    const known = new Set(this.items.map((item) => item.value));
    return [...new Set(this.#ranked)].filter((value) => known.has(value)).slice(0, this.#places);
  }

  /** The items not ranked, as the page lists them or, with `shuffle`, in this person's own order. */
  #unranked(ranked = this.#rankedValues()): string[] {
    const taken = new Set(ranked);
    return [...new Set(shownOrder(this, this.items).map((item) => item.value))].filter((value) => !taken.has(value));
  }

  get answer(): RankingAnswer | undefined {
    const order = this.#rankedValues();
    return order.length ? { order } : undefined;
  }

  restoreAnswer(answer: RankingAnswer): void {
    this.#ranked = Array.isArray(answer?.order) ? answer.order.map(String) : [];
    this.#grabbed = undefined;
  }

  protected clear(): void {
    this.#ranked = [];
    this.#grabbed = undefined;
    this.live.hush();
    this.showProblems = false;
  }

  /** Until every place is filled, what is still to do; the link leads to the first item not ranked. */
  protected problem(): Problem | undefined {
    const t = this.i18n.t.bind(this.i18n);
    if (!this.items.length) return { message: t('nothingToRank'), field: 'ranking' };
    const ranked = this.#rankedValues().length;
    const places = this.#places;
    if (ranked >= places) return undefined;
    const message = ranked
      ? t('rankMore', { n: places - ranked, ranked, count: places })
      : t(places < this.items.length ? 'rankTop' : 'rankAll', { n: places });
    return { message, field: this.#idOf(this.#unranked()[0]) };
  }

  /** The id of an item's element: by its place in the page's list, which shuffling does not change. */
  #idOf(value: string | undefined): string {
    const index = this.items.findIndex((item) => item.value === value);
    return `item-${Math.max(0, index)}`;
  }

  #labelOf(value: string): string {
    return this.items.find((item) => item.value === value)?.label ?? value;
  }

  /** "Bravo park, position 2 of 4" or "Bravo park, not ranked", from one of the given message pairs. */
  #describe(value: string, at: 'itemAt' | 'pickedUp' | 'dropped' | 'cancelled'): string {
    const t = this.i18n.t.bind(this.i18n);
    const index = this.#rankedValues().indexOf(value);
    const item = this.#labelOf(value);
    if (index >= 0) return t(at, { item, position: index + 1, count: this.#places });
    const notRanked = {
      itemAt: 'itemNotRanked',
      pickedUp: 'pickedUpNotRanked',
      dropped: 'droppedNotRanked',
      cancelled: 'cancelledNotRanked',
    } as const;
    return t(notRanked[at], { item });
  }

  /** Says where an item went and, when it took the last place of a full ranking, which item lost it. */
  #announceMove(value: string, at: 'itemAt' | 'dropped', bumped: string | undefined): void {
    if (!bumped) return this.live.announce(this.#describe(value, at));
    this.live.announce(
      this.i18n.t(at === 'itemAt' ? 'movedBumping' : 'droppedBumping', {
        item: this.#labelOf(value),
        position: this.#rankedValues().indexOf(value) + 1,
        count: this.#places,
        bumped: this.#labelOf(bumped),
      }),
    );
  }

  /**
   * Puts `value` at place `target` of the ranking (null: not ranked), the one step behind every way
   * of moving. A full ranking gives up its last item to make room; that item is returned.
   */
  #place(value: string, target: number | null): string | undefined {
    const ranked = this.#rankedValues().filter((other) => other !== value);
    if (target !== null) ranked.splice(Math.max(0, Math.min(target, ranked.length, this.#places - 1)), 0, value);
    const bumped = ranked.length > this.#places ? ranked.pop() : undefined;
    this.#ranked = ranked;
    this.requestUpdate();
    return bumped;
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
    const ranked = this.#rankedValues();
    const grabbed = this.#grabbed?.value === value;
    const key = event.key;
    if (key === ' ' || key === 'Enter') {
      event.preventDefault();
      if (grabbed) {
        this.#grabbed = undefined;
        this.live.announce(this.#describe(value, 'dropped'));
      } else {
        this.#grabbed = { value, before: ranked };
        this.live.announce(this.#describe(value, 'pickedUp'));
      }
      return;
    }
    if (key === 'Escape' && this.#grabbed) {
      event.preventDefault();
      this.#ranked = this.#grabbed.before;
      this.#grabbed = undefined;
      this.#focusAfter({ value, control: 'item' });
      this.live.announce(this.#describe(value, 'cancelled'));
      return;
    }
    if (!['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)) return;
    event.preventDefault();
    if (grabbed) {
      // A picked-up item moves through the ranking's places; below the last it leaves the ranking,
      // and from the items not ranked one step up takes it to the end of the ranking.
      const at = ranked.indexOf(value);
      const last = at < 0 ? ranked.length : ranked.length - 1;
      const targets: Record<string, number | null> = {
        ArrowUp: at < 0 ? last : Math.max(0, at - 1),
        ArrowDown: at < 0 || at === last ? null : at + 1,
        Home: 0,
        End: last,
      };
      const bumped = this.#place(value, targets[key]);
      this.#focusAfter({ value, control: 'item' });
      this.#announceMove(value, 'itemAt', bumped);
    } else {
      // Otherwise the arrows move focus, through the ranking and on into the items not ranked.
      const sequence = [...ranked, ...this.#unranked(ranked)];
      const index = sequence.indexOf(value);
      const targets: Record<string, number> = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: sequence.length - 1 };
      const next = sequence[Math.max(0, Math.min(sequence.length - 1, targets[key]))];
      this.#focusValue = next;
      this.#focusAfter({ value: next, control: 'item' });
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
    this.live.announce(this.#describe(grabbed.value, 'dropped'));
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
    const ranked = this.#rankedValues();
    const target = ranked.indexOf(value) + step;
    this.#grabbed = undefined;
    if (!ranked.includes(value) || target < 0 || target >= ranked.length) return;
    this.#place(value, target);
    // At an end the pressed button is disabled; keep the keyboard user on the item's other button.
    const control = step < 0 ? (target === 0 ? 'down' : 'up') : target === ranked.length - 1 ? 'up' : 'down';
    this.#focusValue = value;
    this.#focusAfter({ value, control });
    this.live.announce(this.#describe(value, 'itemAt'));
  }

  /**
   * Puts an item next in the ranking. Focus stays among the items not ranked, on the Add button that
   * took its place, so that adding in order of importance is one press after another; once the
   * ranking is full (or nothing is left to add) it follows the item instead.
   */
  #onAdd(value: string): void {
    if (!this.#interactive) return;
    const t = this.i18n.t.bind(this.i18n);
    const ranked = this.#rankedValues();
    const places = this.#places;
    const item = this.#labelOf(value);
    this.#grabbed = undefined;
    if (ranked.length >= places) return this.live.announce(t('rankingFull', { n: places, item }));
    const unranked = this.#unranked(ranked);
    const at = unranked.indexOf(value);
    this.#place(value, ranked.length);
    const next = ranked.length + 1 < places ? (unranked[at + 1] ?? unranked[at - 1]) : undefined;
    this.#focusValue = value;
    this.#focusAfter(next ? { value: next, control: 'add' } : { value, control: 'item' });
    this.live.announce(t('added', { item, position: ranked.length + 1, count: places }));
  }

  /** Takes an item out of the ranking; focus goes to the Remove button that took its place. */
  #onRemove(value: string): void {
    if (!this.#interactive) return;
    const ranked = this.#rankedValues();
    const at = ranked.indexOf(value);
    this.#grabbed = undefined;
    if (at < 0) return;
    this.#place(value, null);
    const next = ranked[at + 1] ?? ranked[at - 1];
    this.#focusValue = next ?? value;
    this.#focusAfter(next ? { value: next, control: 'remove' } : { value, control: 'add' });
    this.live.announce(this.i18n.t('removed', { item: this.#labelOf(value) }));
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
    const value = item.dataset.value!;
    const at = this.#rankedValues().indexOf(value);
    this.#drag = {
      value,
      pointerId: event.pointerId,
      item,
      startY: event.clientY,
      startScroll: scrollY,
      lastY: event.clientY,
      started: false,
      target: at < 0 ? null : at,
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

  /**
   * Moves the lifted item under the pointer and shows where it would land: between two ranked items,
   * in the empty ranking, or (from the ranking) among the items not ranked.
   */
  #followPointer(): void {
    const drag = this.#drag!;
    const y = drag.lastY;
    drag.item.style.translate = `0 ${y - drag.startY + (scrollY - drag.startScroll)}px`;
    const rest = this.renderRoot.querySelector('.rest-zone')!;
    let indicator: Drag['indicator'];
    if (y >= rest.getBoundingClientRect().top) {
      drag.target = null;
      if (this.#rankedValues().includes(drag.value)) indicator = { element: rest, mark: 'drop-into' };
    } else {
      const others = [...this.renderRoot.querySelectorAll<HTMLElement>('ol.ranked > li')].filter(
        (element) => element !== drag.item,
      );
      let target = 0;
      for (const other of others) {
        const box = other.getBoundingClientRect();
        if (box.top + box.height / 2 < y) target++;
      }
      // Past the last place of a full ranking, it takes that place.
      target = Math.min(target, this.#places - 1);
      drag.target = target;
      indicator = !others.length
        ? { element: this.renderRoot.querySelector('.ranked-zone')!, mark: 'drop-into' }
        : target < others.length
          ? { element: others[target], mark: 'drop-before' }
          : { element: others[others.length - 1], mark: 'drop-after' };
    }
    const shown = drag.indicator;
    if (shown?.element !== indicator?.element || shown?.mark !== indicator?.mark) {
      shown?.element.classList.remove(shown.mark);
      indicator?.element.classList.add(indicator.mark);
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
    const bumped = this.#place(drag.value, drag.target);
    this.#focusValue = drag.value;
    this.#focusAfter({ value: drag.value, control: 'item' });
    this.#announceMove(drag.value, 'dropped', bumped);
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
    drag.indicator?.element.classList.remove(drag.indicator.mark);
    this.renderRoot.querySelector('.lists')?.classList.remove('dragging');
    try {
      if (drag.item.hasPointerCapture(drag.pointerId)) drag.item.releasePointerCapture(drag.pointerId);
    } catch {
      // Already released.
    }
  }

  // ---- submitting ---------------------------------------------------------------------------

  #onSubmit(event: Event): void {
    event.preventDefault();
    if (this.formMode) return void this.form?.requestSubmit();
    if (this.isDisabled || this.isClosed || this.submission.state === 'sending') return;
    this.#grabbed = undefined;
    this.live.hush();
    this.sendIfValid();
  }

  /** Focuses an item, or one of its buttons, once the coming update has put its element in place. */
  #focusAfter(focus: { value: string; control: Control }): void {
    // Moving an element in the DOM takes focus away from it; this gives it back.
    this.live.focusNext = () => {
      const item = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-value]')].find(
        (element) => element.dataset.value === focus.value,
      );
      return focus.control === 'item' ? item : item?.querySelector<HTMLElement>(`button.${focus.control}`);
    };
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
      showForm && (submission.state === 'idle' || (submission.state === 'refused' && !this.closedAtEndpoint)) && this.live.message
        ? this.live.message
        : status;
    return html`
      ${showForm ? this.#renderForm(closing) : this.#renderAnswer(closing)}
      <div part="status" role="status" class=${submission.state}>${spoken}</div>
      ${this.#renderResults()}
    `;
  }

  #renderForm(closing: string) {
    const t = this.i18n.t.bind(this.i18n);
    const problem = this.showProblems ? this.problem() : undefined;
    const places = this.#places;
    const ranked = this.#rankedValues();
    const unranked = this.#unranked(ranked);
    const sequence = [...ranked, ...unranked];
    // By value, the first item of the page's list with it (and its place there, for ids).
    const byValue = new Map(this.items.map((item, index) => [item.value, { item, index }] as const).reverse());
    const focusValue = sequence.includes(this.#focusValue ?? '') ? this.#focusValue : sequence[0];
    const hint = places < this.items.length ? t('hintTop', { n: places }) : t('hint');
    const describedBy = [closing && 'closing', 'hint', problem && 'problem'].filter(Boolean).join(' ');
    const disabled = this.isDisabled;
    const grabbed = this.#grabbed?.value;
    // Each item is built again only when something it shows has changed: a move in a long list
    // changes two or three items, and rebuilding the other fifty would not fit in a frame on a slow phone.
    const entry = (value: string, position?: number) => {
      const { item, index } = byValue.get(value)!;
      const last = position === ranked.length - 1;
      const tabbable = value === focusValue;
      return guard(
        [item.label, item.description, index, position, last, places, value === grabbed, disabled, tabbable, this.i18n],
        () => this.#renderItem(item, index, position, ranked.length, places, tabbable),
      );
    };
    // The ranking and the items not ranked: each a list under its heading, or a line saying it is empty.
    const zone = (name: 'ranked' | 'rest', heading: string, values: string[], empty: string) =>
      html`<div class="zone ${name}-zone">
        <p class="heading" part="heading" id="${name}-heading">${heading}</p>
        ${
          values.length
            ? html`<ol part="list" class=${name} aria-labelledby="${name}-heading">
                ${repeat(
                  values,
                  (value) => value,
                  (value, position) => entry(value, name === 'ranked' ? position : undefined),
                )}
              </ol>`
            : html`<p class="empty" part="empty">${empty}</p>`
        }
      </div>`;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${errorSummary(t('problem'), problem ? [problem] : [], this.renderRoot as ShadowRoot)}
      <fieldset
        part="fieldset"
        id="ranking"
        tabindex="-1"
        class=${problem ? 'invalid group' : ''}
        aria-describedby=${describedBy}
        ?disabled=${this.isDisabled}
      >
        <legend part="question">${this.question}</legend>
        ${closing ? html`<p class="hint" id="closing">${closing}</p>` : nothing}
        <div class="hint" id="hint" part="hint">
          <p>${hint}</p>
          <p id="how-to-add">${t('howToAdd')}</p>
          <p id="how-to-move">${t('howToMove')}</p>
        </div>
        ${problem ? html`<p class="error" id="problem"><span class="sr-only">${t('errorPrefix')}</span> ${problem.message}</p>` : nothing}
        <div class="lists">
          ${zone('ranked', t('ranked'), ranked, t('noneRanked'))} ${zone('rest', t('notRanked'), unranked, t('allRanked'))}
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

  /** One item: ranked at `position` (with Up, Down and Remove), or not ranked (with Add). */
  #renderItem(item: Item, index: number, position: number | undefined, rankedCount: number, places: number, tabbable: boolean) {
    const t = this.i18n.t.bind(this.i18n);
    const isRanked = position !== undefined;
    const name = isRanked
      ? t('itemAt', { item: item.label, position: position + 1, count: places })
      : t('itemNotRanked', { item: item.label });
    const grabbed = this.#grabbed?.value === item.value;
    const disabled = this.isDisabled;
    const describedBy = ['how-to-move', item.description && `description-${index}`];
    // Named with the item ("Move Bravo park up"), its visible word first for speech control.
    const control = (kind: Control, name: string, text: unknown, unavailable: boolean, action: () => void) =>
      html`<button
        type="button"
        class="secondary ${kind}"
        part=${kind === 'up' || kind === 'down' ? 'move-button' : `${kind}-button`}
        aria-label=${name}
        ?disabled=${disabled || unavailable}
        @click=${action}
      >
        ${text}
      </button>`;
    const { label, value } = item;
    const controls = isRanked
      ? [
          control('up', t('moveUp', { item: label }), [arrow('↑'), ' ', t('up')], position === 0, () => this.#onMove(value, -1)),
          control('down', t('moveDown', { item: label }), [arrow('↓'), ' ', t('down')], position === rankedCount - 1, () =>
            this.#onMove(value, 1),
          ),
          control('remove', t('removeItem', { item: label }), t('remove'), false, () => this.#onRemove(value)),
        ]
      : control('add', t('addItem', { item: label }), t('add'), false, () => this.#onAdd(value));
    return html`<li
      part="item"
      id="item-${index}"
      class=${classMap({ 'is-ranked': isRanked, 'not-ranked': !isRanked, grabbed })}
      data-value=${item.value}
      tabindex=${disabled ? nothing : tabbable ? '0' : '-1'}
      aria-label=${name}
      aria-describedby=${describedBy.filter(Boolean).join(' ')}
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
      <span class="moves">${controls}</span>
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
      const counted = this.#places;
      // The first item scores one point for each item below it; its own message makes "points" agree with that number.
      const max = Math.max(0, counted - 1);
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
        <p class="note" part="note">${t('how', { n: counted, max, points: t('points', { n: max }) })}</p>`;
    });
  }
}
