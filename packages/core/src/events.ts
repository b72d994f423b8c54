import type { Envelope, ErrorBody } from '@delib/protocol';

/**
 * The four public events of every widget (CONTRACT.md section 3). Each is a typed `CustomEvent`
 * subclass, so listeners get `detail` typed through `HTMLElementEventMap`; all bubble and are composed.
 */
abstract class DelibEvent<Detail> extends CustomEvent<Detail> {
  constructor(type: string, detail: Detail, cancelable = false) {
    super(type, { detail, bubbles: true, composed: true, cancelable });
  }
}

/** Fired just before sending. Cancel it to take over: nothing is posted. */
export class DelibSubmitEvent extends DelibEvent<{ envelope: Envelope }> {
  static readonly eventName = 'delib-submit';
  constructor(envelope: Envelope) {
    super(DelibSubmitEvent.eventName, { envelope }, true);
  }
}

/** The endpoint acknowledged the response. */
export class DelibSubmittedEvent extends DelibEvent<{ envelope: Envelope; response: unknown }> {
  static readonly eventName = 'delib-submitted';
  constructor(envelope: Envelope, response: unknown) {
    super(DelibSubmittedEvent.eventName, { envelope, response });
  }
}

/**
 * The response could not be sent now; it is kept in the outbox and will be retried. `durable` says
 * whether it is kept in the browser's storage, surviving the page being closed; when false (storage
 * blocked or full) it is retried only while the page stays open, and the person is asked to keep it open.
 */
export class DelibQueuedEvent extends DelibEvent<{ envelope: Envelope; durable: boolean }> {
  static readonly eventName = 'delib-queued';
  constructor(envelope: Envelope, durable: boolean) {
    super(DelibQueuedEvent.eventName, { envelope, durable });
  }
}

/** The endpoint refused the response for good. */
export class DelibErrorEvent extends DelibEvent<{ envelope: Envelope; status: number; error: ErrorBody['error'] }> {
  static readonly eventName = 'delib-error';
  constructor(envelope: Envelope, status: number, error: ErrorBody['error']) {
    super(DelibErrorEvent.eventName, { envelope, status, error });
  }
}

declare global {
  interface HTMLElementEventMap {
    'delib-submit': DelibSubmitEvent;
    'delib-submitted': DelibSubmittedEvent;
    'delib-queued': DelibQueuedEvent;
    'delib-error': DelibErrorEvent;
  }
}
