import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What to focus after the coming update: a selector in the widget's shadow root, or a function that finds it. */
export type FocusTarget = string | (() => HTMLElement | null | undefined);

/**
 * What a widget says and where the keyboard goes: the widget's own words for its status region
 * (`role="status"`, which screen readers speak politely, after what they are saying) and the element to
 * focus once the coming update has rendered. One place for both, so that every widget times them alike.
 *
 * There is no assertive channel on purpose: a problem moves focus to the error summary (GOV.UK's
 * pattern), and the focus is what is heard; an assertive region saying it too would talk over it.
 */
export class LiveController implements ReactiveController {
  /**
   * The widget's own words for its status region (a move, a step, what is left), or '' for none. Each
   * widget decides in `render` when the submission's message speaks instead.
   */
  message = '';
  /** Set by the widget (`??=` keeps an earlier request); taken when the coming update has rendered. */
  focusNext?: FocusTarget;
  #host: ReactiveControllerHost & HTMLElement;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Says `text` (or what `text()` returns then) in the status region: at once, or `delay` ms after the
   * last call, so that typing "250" or pressing + five times is heard once, when the person pauses. The
   * same words again are heard again: a region that keeps its text says nothing, so it is emptied first.
   */
  announce(text: string | (() => string), delay = 0): void {
    clearTimeout(this.#timer);
    const say = () => {
      const words = typeof text === 'string' ? text : text();
      if (words && words === this.message) {
        this.#show('');
        this.#timer = setTimeout(() => this.#show(words), 100);
      } else this.#show(words);
    };
    if (delay > 0) this.#timer = setTimeout(say, delay);
    else say();
  }

  /** Says nothing more of the widget's own, including what was waiting to be said. */
  hush(): void {
    clearTimeout(this.#timer);
    this.#show('');
  }

  #show(words: string): void {
    this.message = words;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const wanted = this.focusNext;
    if (!wanted) return;
    this.focusNext = undefined;
    const root = this.#host.shadowRoot;
    const target = typeof wanted === 'string' ? root?.querySelector<HTMLElement>(wanted) : wanted();
    if (!target || root?.activeElement === target) return;
    // A heading or a status line takes focus from a script only, never from Tab.
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
