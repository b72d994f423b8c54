import type { ReactiveController } from 'lit';
import { isUuid, type Answer, type Envelope, type ErrorBody } from '@delib/protocol';
import type { DelibElement } from './base.js';
import { DelibErrorEvent, DelibQueuedEvent, DelibSubmitEvent, DelibSubmittedEvent } from './events.js';
import { answerPrefix, getOutbox, type Outcome } from './outbox.js';

export type SubmissionState = 'idle' | 'sending' | 'queued' | 'submitted' | 'refused';

/** A v4 UUID. `crypto.randomUUID` exists only in secure contexts; council intranets are not all HTTPS. */
export function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sends a widget's answer: builds the envelope, fires `delib-submit` (cancelable), hands it to the
 * page's durable outbox and turns the outbox's outcomes into `delib-submitted`, `delib-queued` and
 * `delib-error` on the widget. With `remember`, the last answer per widget id is kept in this
 * browser, so a returning person sees their answer and the results instead of the form again; its
 * state (queued or delivered) is read back from the outbox rather than stored twice.
 *
 * A widget may send many responses (pairwise sends one per vote): `state`, `envelope` and `refusal`
 * follow the latest, and every earlier one still on its way gets its own events when it lands.
 */
export class SubmissionController implements ReactiveController {
  state: SubmissionState = 'idle';
  envelope?: Envelope;
  /** Why the endpoint refused the last answer (or, with several on their way, the last refused). */
  refusal?: { status: number; error: ErrorBody['error'] };
  /**
   * Whether the queued answer is kept in the browser's storage. When false (storage blocked or full)
   * it is sent only while the page stays open, and the widget must say so rather than "saved".
   */
  durable = true;
  /** Keep the last answer per widget id in this browser. */
  remember = true;

  #unsubscribe?: () => void;
  #restoredFor?: string;
  /** Earlier responses of this page still awaiting an outcome, and whether `delib-queued` was told. */
  #earlier = new Map<string, { envelope: Envelope; queued: boolean }>();

  constructor(private host: DelibElement) {
    host.addController(this);
  }

  hostConnected(): void {
    const unsubscribe = getOutbox().subscribe((outcome) => this.#onOutcome(outcome));
    addEventListener('storage', this.#onStorage);
    this.#unsubscribe = () => {
      unsubscribe();
      removeEventListener('storage', this.#onStorage);
    };
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }

  /** The person answered in another tab: show that here too, rather than a form that would count them twice. */
  #onStorage = (event: StorageEvent) => {
    if (this.remember && event.storageArea === this.#memory() && event.key === this.#memoryKey && this.state !== 'sending') {
      this.#restore();
      this.host.requestUpdate();
    }
  };

  /** Called by the host before each update: picks up the remembered answer for a new widget id. */
  sync(): void {
    if (this.remember && this.host.widgetId !== this.#restoredFor) {
      this.#restoredFor = this.host.widgetId;
      this.#restore();
    }
  }

  /**
   * Sends `answer` as a new response. Returns false when a listener cancelled `delib-submit` (the host
   * page takes over), or when there is no endpoint or widget id to send to (a `delib-error` with
   * status 0 and code `not_set_up` then tells the page).
   */
  submit(answer: Answer): boolean {
    const host = this.host;
    // Inside a form the form submits the answer; the widget never posts by itself.
    if (host.formMode) return false;
    const envelope = {
      id: uuid(),
      widget: host.kind,
      widgetId: host.widgetId,
      submittedAt: new Date().toISOString(),
      locale: host.i18n.lang,
      page: location.origin + location.pathname,
      answer,
    } as Envelope;
    if (!host.dispatchEvent(new DelibSubmitEvent(envelope))) return false;
    const endpoint = host.resolveEndpoint();
    if (!endpoint || !host.widgetId) {
      const missing = host.widgetId ? 'an endpoint (attribute, <delib-provider> or <meta name="delib-endpoint">)' : 'a widget-id';
      console.error(
        `<${host.localName}${host.widgetId ? ` widget-id="${host.widgetId}"` : ''}> cannot submit without ${missing}.`,
      );
      this.#refuse(envelope, 0, { code: 'not_set_up', message: '' });
      return false;
    }
    if (this.envelope && (this.state === 'sending' || this.state === 'queued')) {
      this.#earlier.set(this.envelope.id, { envelope: this.envelope, queued: this.state === 'queued' });
    }
    this.envelope = envelope;
    this.refusal = undefined;
    this.durable = true;
    this.#set('sending');
    const config = host.config;
    if (this.remember) this.#store(envelope);
    getOutbox().send(envelope, { endpoint, headers: config?.headers, credentials: config?.credentials });
    return true;
  }

  /** Forget the remembered answer and start again (used by tests and by "answer again" flows). */
  reset(): void {
    this.#memory()?.removeItem(this.#memoryKey);
    this.envelope = this.refusal = undefined;
    this.#set('idle');
  }

  #onOutcome(outcome: Outcome): void {
    const envelope = this.envelope;
    if (this.#earlier.has(outcome.id)) return this.#onEarlierOutcome(outcome);
    if (!envelope || outcome.id !== envelope.id) return;
    if (outcome.kind === 'submitted' && this.state !== 'submitted') {
      this.#set('submitted');
      this.host.dispatchEvent(new DelibSubmittedEvent(envelope, outcome.response));
    } else if (outcome.kind === 'queued' && this.state === 'sending') {
      this.durable = outcome.durable !== false;
      this.#set('queued');
      this.host.dispatchEvent(new DelibQueuedEvent(envelope, this.durable));
    } else if (outcome.kind === 'queued' && this.state === 'queued' && this.durable !== (outcome.durable !== false)) {
      // Storage had room again (or lost it): what the person is told changes with it.
      this.durable = outcome.durable !== false;
      this.host.requestUpdate();
    } else if (outcome.kind === 'refused') {
      this.#refuse(envelope, outcome.status, outcome.error);
    } else if (outcome.kind === 'expired') {
      // Never delivered, and no longer kept: the person may answer again.
      this.#memory()?.removeItem(this.#memoryKey);
      this.envelope = this.refusal = undefined;
      this.#set('idle');
    }
  }

  /**
   * An earlier response landed: it gets its own event. A refusal is kept in `refusal` for the widget
   * to show, but `state` stays with the latest response.
   */
  #onEarlierOutcome(outcome: Outcome): void {
    const earlier = this.#earlier.get(outcome.id)!;
    if (outcome.kind === 'submitted') {
      this.#earlier.delete(outcome.id);
      this.host.dispatchEvent(new DelibSubmittedEvent(earlier.envelope, outcome.response));
    } else if (outcome.kind === 'queued' && !earlier.queued) {
      earlier.queued = true;
      this.host.dispatchEvent(new DelibQueuedEvent(earlier.envelope, outcome.durable !== false));
    } else if (outcome.kind === 'expired') {
      this.#earlier.delete(outcome.id);
    } else if (outcome.kind === 'refused') {
      this.#earlier.delete(outcome.id);
      this.refusal = { status: outcome.status, error: outcome.error };
      this.host.requestUpdate();
      this.host.dispatchEvent(new DelibErrorEvent(earlier.envelope, outcome.status, outcome.error));
    }
  }

  #refuse(envelope: Envelope, status: number, error: ErrorBody['error']): void {
    this.#memory()?.removeItem(this.#memoryKey);
    this.refusal = { status, error };
    this.#set('refused');
    this.host.dispatchEvent(new DelibErrorEvent(envelope, status, error));
  }

  #set(state: SubmissionState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Where the last answer is kept, by the widget's `remember`; nowhere for a widget that keeps none. */
  #memory(): Storage | undefined {
    return this.remember ? this.host.memory : undefined;
  }

  get #memoryKey(): string {
    return `${answerPrefix}${this.host.localName}:${this.host.widgetId}`;
  }

  #store(envelope: Envelope): void {
    try {
      this.#memory()?.setItem(this.#memoryKey, JSON.stringify(envelope));
    } catch {
      // Full or blocked: the person simply sees the form again next time.
    }
  }

  #restore(): void {
    let envelope: Envelope | undefined;
    try {
      const stored = JSON.parse(this.#memory()?.getItem(this.#memoryKey) ?? 'null');
      // Anything else under our key (damaged, or another version's) is not an answer to show.
      if (
        stored !== null &&
        typeof stored === 'object' &&
        isUuid(stored.id) &&
        stored.answer &&
        typeof stored.answer === 'object'
      ) {
        envelope = stored;
      }
    } catch {
      envelope = undefined;
    }
    this.envelope = envelope;
    this.refusal = undefined;
    const outbox = getOutbox();
    this.state = envelope ? (outbox.has(envelope.id) ? 'queued' : 'submitted') : 'idle';
    this.durable = !envelope || outbox.isDurable(envelope.id) || !outbox.has(envelope.id);
    if (envelope) this.host.restoreAnswer(envelope.answer);
  }
}
