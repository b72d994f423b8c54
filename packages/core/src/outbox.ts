import type { Envelope, ErrorBody } from '@delib/protocol';

/** Where and how an envelope is posted. Kept with it so a later page can send it as first intended. */
export interface Delivery {
  endpoint: string;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
}

interface Entry extends Delivery {
  envelope: Envelope;
  queuedAt: number;
  attempts: number;
  /** Earliest time of the next attempt (ms since the epoch). */
  due: number;
  /** The endpoint asked us to wait (Retry-After): even coming back online must not hurry it. */
  held?: boolean;
  /**
   * Until when a request for it may still be in flight. Requests use `keepalive`, so one can outlive
   * the page that sent it (and that page's lock); the next page must not send it again meanwhile.
   */
  sending?: number;
}

export type Outcome =
  | { id: string; kind: 'submitted'; response: unknown }
  | { id: string; kind: 'queued' }
  | { id: string; kind: 'refused'; status: number; error: ErrorBody['error'] };

export const outboxSettings = {
  /** Entries older than this are dropped: an answer about a closed question helps nobody. */
  maxAgeMs: 30 * 24 * 3600_000,
  /** The oldest entries go first beyond this many. */
  maxEntries: 100,
  timeoutMs: 20_000,
  /** How long a `keepalive` request may outlive its page, at most. */
  leaseMs: 30_000,
  firstDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  /** How long a Retry-After is honoured at most. */
  maxRetryAfterMs: 24 * 3600_000,
};

const prefix = 'delib:outbox:v1:';

/** localStorage, or undefined where the browser blocks it. */
export function storage(): Storage | undefined {
  try {
    // Reading it throws where storage is blocked (cookie settings, sandboxed frames).
    return localStorage.length >= 0 ? localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** Exponential backoff with jitter, or what Retry-After asks for (seconds or an HTTP date). */
export function retryDelay(attempts: number, retryAfter: string | null, now = Date.now()): { delay: number; held: boolean } {
  if (retryAfter) {
    const seconds = /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - now;
    if (!Number.isNaN(seconds)) {
      return { delay: Math.min(Math.max(seconds, 0), outboxSettings.maxRetryAfterMs), held: true };
    }
  }
  const ceiling = Math.min(outboxSettings.maxDelayMs, outboxSettings.firstDelayMs * 2 ** Math.max(0, attempts - 1));
  return { delay: ceiling / 2 + (Math.random() * ceiling) / 2, held: false };
}

const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * The durable outbox: every response is written here before it is first sent and removed only once
 * the endpoint has acknowledged or refused it, so a tab closed mid-flight or a device offline for a
 * week still delivers. Entries live in localStorage, one key each so that tabs never overwrite each
 * other's, and each is sent under a Web Lock named after its id, so no two tabs or bundle copies
 * send the same one at the same moment. Outcomes reach every tab through a BroadcastChannel.
 *
 * There is one outbox per page, whichever bundles are loaded: see `getOutbox`.
 */
export class Outbox {
  #listeners = new Set<(outcome: Outcome) => void>();
  /** Used when storage is blocked: still retried while the page is open. */
  #memory = new Map<string, Entry>();
  /** Where Web Locks are missing: at least one page does not send an entry twice at once. */
  #inFlight = new Set<string>();
  #channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('delib-outbox') : undefined;
  #timer?: ReturnType<typeof setTimeout>;
  #timerAt = Infinity;

  constructor() {
    this.#channel?.addEventListener('message', (event: MessageEvent<Outcome>) => this.#notify(event.data, false));
    addEventListener('online', () => this.flush(true));
    // What an earlier page left behind goes out once this page has drawn itself, not in its way.
    const later = (task: () => void) =>
      'requestIdleCallback' in window ? requestIdleCallback(task, { timeout: 1000 }) : setTimeout(task, 200);
    later(() => this.flush(true));
  }

  subscribe(listener: (outcome: Outcome) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Is this response still waiting to be delivered (in any tab)? */
  has(id: string): boolean {
    return !!this.#read(id);
  }

  /** Keeps the envelope durably, then tries to send it. The outcome arrives through `subscribe`. */
  send(envelope: Envelope, delivery: Delivery): Promise<void> {
    const now = Date.now();
    this.#write({ ...delivery, envelope, queuedAt: now, attempts: 0, due: now });
    return this.#attempt(envelope.id);
  }

  /** Tries every entry that is due; `force` (page load, back online) ignores backoff but not Retry-After. */
  async flush(force = false): Promise<void> {
    const now = Date.now();
    const entries = this.#entries().sort((a, b) => a.queuedAt - b.queuedAt);
    const attempts: Promise<void>[] = [];
    let next = Infinity;
    entries.forEach((entry, index) => {
      const id = entry.envelope.id;
      if (now - entry.queuedAt > outboxSettings.maxAgeMs || entries.length - index > outboxSettings.maxEntries) {
        this.#remove(id);
      } else if ((entry.sending ?? 0) <= now && (entry.due <= now || (force && !entry.held))) {
        attempts.push(this.#attempt(id));
      } else {
        next = Math.min(next, Math.max(entry.due, entry.sending ?? 0));
      }
    });
    this.#schedule(next);
    await Promise.all(attempts);
  }

  async #attempt(id: string): Promise<void> {
    const got = await this.#lock(id, async () => {
      // Another tab may have delivered it while we waited for the lock.
      const entry = this.#read(id);
      if (!entry) return;
      const now = Date.now();
      if ((entry.sending ?? 0) > now) return this.#schedule(entry.sending!);
      this.#write({ ...entry, sending: now + outboxSettings.leaseMs });
      this.#settle(entry, await this.#post(entry));
    });
    // Someone else is sending it; look again later in case that tab goes away mid-send.
    if (!got) this.#schedule(Date.now() + outboxSettings.timeoutMs);
  }

  async #post(entry: Entry): Promise<Outcome | { retryAfter: string | null }> {
    const id = entry.envelope.id;
    let response: Response;
    try {
      response = await fetch(`${entry.endpoint.replace(/\/+$/, '')}/responses`, {
        method: 'POST',
        headers: { ...entry.headers, 'Content-Type': 'application/json' },
        credentials: entry.credentials ?? 'omit',
        body: JSON.stringify(entry.envelope),
        // Lets the request finish if the tab closes; the entry stays until we read the answer.
        keepalive: true,
        // Older Safari has no AbortSignal.timeout: better no time limit than no request.
        signal: AbortSignal.timeout?.(outboxSettings.timeoutMs),
      });
    } catch {
      return { retryAfter: null };
    }
    const body = await response.json().catch(() => undefined);
    if (response.ok) return { id, kind: 'submitted', response: body };
    if (retryable(response.status)) return { retryAfter: response.headers.get('Retry-After') };
    const error = body?.error?.message
      ? body.error
      : { code: `http_${response.status}`, message: response.statusText || `HTTP ${response.status}` };
    return { id, kind: 'refused', status: response.status, error };
  }

  #settle(entry: Entry, result: Outcome | { retryAfter: string | null }): void {
    const id = entry.envelope.id;
    if ('kind' in result) {
      this.#remove(id);
      this.#notify(result);
      return;
    }
    const attempts = entry.attempts + 1;
    const { delay, held } = retryDelay(attempts, result.retryAfter);
    const due = Date.now() + delay;
    this.#write({ ...entry, attempts, due, held });
    this.#schedule(due);
    this.#notify({ id, kind: 'queued' });
  }

  #notify(outcome: Outcome, broadcast = true): void {
    this.#listeners.forEach((listener) => listener(outcome));
    if (broadcast) this.#channel?.postMessage(outcome);
  }

  #schedule(at: number): void {
    if (at >= this.#timerAt || at === Infinity) return;
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(
      () => {
        this.#timerAt = Infinity;
        this.flush();
      },
      Math.min(Math.max(at - Date.now(), 0), 2 ** 31 - 1),
    );
  }

  async #lock(id: string, task: () => Promise<void>): Promise<boolean> {
    const name = `delib-outbox:${id}`;
    if (navigator.locks) {
      return navigator.locks.request(name, { ifAvailable: true }, async (lock) => !!lock && (await task(), true));
    }
    if (this.#inFlight.has(name)) return false;
    this.#inFlight.add(name);
    try {
      await task();
    } finally {
      this.#inFlight.delete(name);
    }
    return true;
  }

  #read(id: string): Entry | undefined {
    const stored = storage()?.getItem(prefix + id);
    return stored ? JSON.parse(stored) : this.#memory.get(id);
  }

  #write(entry: Entry): void {
    try {
      storage()!.setItem(prefix + entry.envelope.id, JSON.stringify(entry));
    } catch {
      // Blocked or full: keep it for as long as this page lives rather than lose it.
      this.#memory.set(entry.envelope.id, entry);
    }
  }

  #remove(id: string): void {
    storage()?.removeItem(prefix + id);
    this.#memory.delete(id);
  }

  #entries(): Entry[] {
    const store = storage();
    const stored: Entry[] = [];
    for (let index = 0; store && index < store.length; index++) {
      const key = store.key(index)!;
      if (key.startsWith(prefix)) {
        try {
          stored.push(JSON.parse(store.getItem(key)!));
        } catch {
          store.removeItem(key);
        }
      }
    }
    return [...stored, ...this.#memory.values()];
  }
}

const globalKey = Symbol.for('delib.outbox.v1');

/** The page's one outbox, shared by every widget and every copy of the bundle on the page. */
export function getOutbox(): Outbox {
  const scope = globalThis as { [globalKey]?: Outbox };
  return (scope[globalKey] ??= new Outbox());
}
