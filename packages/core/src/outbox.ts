import { isUuid, type Envelope, type ErrorBody } from '@delib/protocol';
import { isRecord } from './fetch.js';
import { outboxPrefix as prefix } from './outbox-key.js';

/** Where and how an envelope is posted. Kept with it so a later page can send it as first intended. */
export interface Delivery {
  endpoint: string;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
}

/** A response in the outbox, as stored under `delib:outbox:v1:<id>` (pages running older scripts read it too). */
export interface Entry extends Delivery {
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

/**
 * What became of a response. `queued` says whether it is kept `durable`ly (in localStorage, so it
 * survives closing the page) or only in this page's memory; `expired` means it passed the age limit
 * undelivered and was removed.
 */
export type Outcome =
  | { id: string; kind: 'submitted'; response: unknown }
  | { id: string; kind: 'queued'; durable: boolean }
  | { id: string; kind: 'refused'; status: number; error: ErrorBody['error'] }
  | { id: string; kind: 'expired' };

export const outboxSettings = {
  /** Entries older than this are removed, with a console warning: an answer about a closed question helps nobody. */
  maxAgeMs: 30 * 24 * 3600_000,
  /**
   * How much of the site's localStorage the outbox may fill (keys and values, two bytes a character,
   * as browsers count). The site shares its quota (about 5 MB) with it; a response is a few hundred
   * bytes to a few KB. Beyond this a new response is kept in memory only, and the person told.
   */
  maxBytes: 1024 * 1024,
  /** Requests at once: below the six connections a browser opens to one host, leaving room for the page's own. */
  maxConcurrent: 4,
  /**
   * Bodies in flight with `keepalive` at once, at most. Chromium refuses keepalive requests beyond
   * 64 KB in flight per page (the site's own beacons count too); the rest go without keepalive.
   */
  keepaliveBytes: 32 * 1024,
  /** A request still unanswered after this is abandoned and retried (it counts from the moment it is sent). */
  timeoutMs: 20_000,
  /** How long a `keepalive` request may outlive its page, at most. */
  leaseMs: 30_000,
  firstDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  /** How long a Retry-After is honoured at most. */
  maxRetryAfterMs: 24 * 3600_000,
};

/** Where `SubmissionController` remembers a widget's last answer; an expired response is forgotten there too. */
export const answerPrefix = 'delib:answer:v1:';

/** localStorage (or sessionStorage), or undefined where the browser blocks it. */
export function storage(area: 'localStorage' | 'sessionStorage' = 'localStorage'): Storage | undefined {
  try {
    // Reading it throws where storage is blocked (cookie settings, sandboxed frames).
    const store = window[area];
    return store.length >= 0 ? store : undefined;
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

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** `{ "id": "<this response's id>", "accepted": true }`, the id compared case-insensitively (CONTRACT.md §4). */
function isAcknowledgement(body: unknown, id: string): boolean {
  return isRecord(body) && body.accepted === true && typeof body.id === 'string' && body.id.toLowerCase() === id.toLowerCase();
}

/** The contract's refusal body: `{ "error": { "code", "message", "field"? } }`, with a message to show. */
function isErrorBody(body: unknown): body is ErrorBody {
  const error = isRecord(body) ? body.error : undefined;
  return (
    isRecord(error) &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    error.message.trim() !== '' &&
    (error.field === undefined || typeof error.field === 'string')
  );
}

/**
 * Whether `value`, found under `prefix + id`, is an entry this outbox could have written. Anything
 * else (another version's leftovers, a browser extension's meddling, a truncated write) is skipped.
 */
function isEntry(value: unknown, id: string): value is Entry {
  if (!isRecord(value)) return false;
  const { envelope, endpoint, headers, credentials, queuedAt, attempts, due, held, sending } = value;
  return (
    isRecord(envelope) &&
    isUuid(envelope.id) &&
    envelope.id === id &&
    typeof envelope.widget === 'string' &&
    typeof envelope.widgetId === 'string' &&
    isRecord(envelope.answer) &&
    typeof endpoint === 'string' &&
    endpoint !== '' &&
    (headers === undefined || (isRecord(headers) && Object.values(headers).every((header) => typeof header === 'string'))) &&
    (credentials === undefined || credentials === 'omit' || credentials === 'same-origin' || credentials === 'include') &&
    isFiniteNumber(queuedAt) &&
    isFiniteNumber(attempts) &&
    isFiniteNumber(due) &&
    (held === undefined || typeof held === 'boolean') &&
    (sending === undefined || isFiniteNumber(sending))
  );
}

/**
 * What can happen to an entry (the rows of the core README's state table):
 * - `flush`: the retry timer fired, or (`force`) the page loaded or the browser came back online;
 * - `turn`: its turn in this page's line came and this page holds its lock; `attempts` is what it had
 *   when it was put in line;
 * - `answer`: what the endpoint answered, its `response` and the JSON `body` read from it (neither when
 *   nothing came back: a network failure or the time limit);
 * - `again`: a forced flush came while it was being sent, and that attempt did not deliver it.
 */
export type OutboxEvent =
  | { kind: 'flush'; force?: boolean }
  | { kind: 'turn'; attempts: number }
  | { kind: 'answer'; response?: Response; body?: unknown }
  | { kind: 'again' };

/**
 * What follows an event: the entry's next state (the same object when nothing changes, so nothing is
 * written; none when it is removed), whether to send it now (put it in line, or post it on its turn),
 * when to look at it again, what to tell the widgets (a `queued` outcome's `durable` is for the write to
 * say), and the answer, if it came from something other than a delib endpoint (for the console).
 */
export interface Step {
  entry?: Entry;
  send?: boolean;
  at?: number;
  outcome?: Outcome;
  misconfigured?: Response;
}

/**
 * The outbox's one transition: the state table of the core README ("The states of a response") in
 * code, so that the two have one place to match. Pure but for the backoff's jitter: storage, locks,
 * requests, timers and broadcasts are the `Outbox`'s, which does what the step says (`#step`).
 */
export function transition(entry: Entry, event: OutboxEvent, now: number): Step {
  const id = entry.envelope.id;
  const leased = (entry.sending ?? 0) > now;
  if (event.kind === 'flush') {
    if (now - entry.queuedAt > outboxSettings.maxAgeMs) return { outcome: { id, kind: 'expired' } };
    if (!leased && (entry.due <= now || (event.force && !entry.held))) return { entry, send: true };
    return { entry, at: Math.max(entry.due, entry.sending ?? 0) };
  }
  if (event.kind === 'again') return { entry, send: !leased && !entry.held };
  if (event.kind === 'turn') {
    if (leased) return { entry, at: entry.sending };
    // Another tab tried it while it waited in this page's line: it waits for its next turn.
    if (entry.attempts > event.attempts && entry.due > now) return { entry, at: entry.due };
    return { entry: { ...entry, sending: now + outboxSettings.leaseMs }, send: true };
  }
  const { response, body } = event;
  const retry = (retryAfter: string | null = null): Step => {
    const attempts = entry.attempts + 1;
    const { delay, held } = retryDelay(attempts, retryAfter, now);
    const due = now + delay;
    return {
      entry: { ...entry, attempts, due, held, sending: undefined },
      at: due,
      outcome: { id, kind: 'queued', durable: true },
    };
  };
  if (!response) return retry();
  const { ok, status } = response;
  if (ok && isAcknowledgement(body, id)) return { outcome: { id, kind: 'submitted', response: body } };
  if (retryable(status)) return retry(response.headers.get('Retry-After'));
  // The question was closed at the endpoint: final, whatever the message; the widget says so in its own words.
  if (status === 410 && isRecord(body) && isRecord(body.error) && body.error.code === 'closed') {
    const message = typeof body.error.message === 'string' ? body.error.message : '';
    return { outcome: { id, kind: 'refused', status, error: { code: 'closed', message } } };
  }
  // A success without the acknowledgement says nothing was stored (a static server, a page that takes
  // any POST); no answer can be refused by a missing route or method; and a refusal without the
  // contract's body came from something other than a delib endpoint (a proxy, a login page).
  if (ok || status === 404 || status === 405 || !isErrorBody(body)) return { ...retry(), misconfigured: response };
  return { outcome: { id, kind: 'refused', status, error: body.error } };
}

/** An entry this page is about to send, or is sending; `settled` resolves once the attempt is over. */
interface Pending {
  queuedAt: number;
  /** Its attempts when it was put in line: if another tab has tried it since, it waits for its next turn. */
  attempts: number;
  started: boolean;
  /** A forced flush came while it was being sent: try once more straight away if that attempt fails. */
  again?: boolean;
  settled: Promise<void>;
  resolve: () => void;
}

const responsesUrl = (entry: Entry) => `${entry.endpoint.replace(/\/+$/, '')}/responses`;
const widgetName = (envelope: Envelope) => `<delib-${envelope.widget} widget-id="${envelope.widgetId}">`;

/**
 * The durable outbox: every response is written here before it is first sent and removed only once
 * the endpoint has acknowledged or refused it, so a tab closed mid-flight or a device offline for a
 * week still delivers. Entries live in localStorage, one key each so that tabs never overwrite each
 * other's, and each is sent under a Web Lock named after its id, so no two tabs or bundle copies
 * send the same one at the same moment. Outcomes reach every tab through a BroadcastChannel.
 *
 * A page sends a few entries at a time, oldest first (see `outboxSettings.maxConcurrent`): a hundred
 * requests at once would wait behind the browser's six connections per host long enough to time out
 * after the endpoint had received them, and be sent again.
 *
 * There is one outbox per page, whichever bundles are loaded: see `getOutbox`.
 */
export class Outbox {
  #listeners = new Set<(outcome: Outcome) => void>();
  /**
   * Entries that could not be written to storage (blocked, full, or beyond `maxBytes`), or a newer
   * state of one whose stored copy could not be rewritten. Still sent and retried while the page lives.
   */
  #memory = new Map<string, Entry>();
  /** Entries this page is about to send or is sending: each is here once, so never sent twice at once. */
  #pending = new Map<string, Pending>();
  #sending = 0;
  #keepaliveBytes = 0;
  /** Misconfigurations already told to the console, by address and status. */
  #told = new Set<string>();
  #channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('delib-outbox') : undefined;
  #timer?: ReturnType<typeof setTimeout>;
  #timerAt = Infinity;
  #guarding = false;

  constructor() {
    this.#channel?.addEventListener('message', (event: MessageEvent<Outcome>) => {
      const outcome = event.data;
      if (!isRecord(outcome) || typeof outcome.id !== 'string') return;
      // Another tab settled it: our copy in memory, if any, is stale.
      if (outcome.kind !== 'queued') this.#forgetInMemory(outcome.id);
      this.#notify(outcome, false);
    });
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

  /** Is it waiting in localStorage, where it survives closing the page (rather than only in this page's memory)? */
  isDurable(id: string): boolean {
    return !!this.#stored(id);
  }

  /**
   * Keeps the envelope (durably if it can: see the `queued` outcome's `durable`), then sends it. The
   * outcome arrives through `subscribe`; the promise settles once this attempt has.
   */
  send(envelope: Envelope, delivery: Delivery): Promise<void> {
    const now = Date.now();
    const entry: Entry = { ...delivery, envelope, queuedAt: now, attempts: 0, due: now };
    this.#write(entry);
    return this.#enqueue(entry);
  }

  /** Tries every entry that is due; `force` (page load, back online) ignores backoff but not Retry-After. */
  async flush(force = false): Promise<void> {
    const now = Date.now();
    const attempts: Promise<void>[] = [];
    for (const entry of this.#entries()) {
      const id = entry.envelope.id;
      const pending = this.#pending.get(id);
      if (pending) {
        // Being sent right now: if that attempt fails, a forced flush (back online) still deserves one more.
        if (force && pending.started) pending.again = true;
        attempts.push(pending.settled.then(() => this.#pending.get(id)?.settled));
      } else {
        // Too old, it is removed; due, it joins the line; else the timer is set for when it will be.
        const step = this.#step(entry, { kind: 'flush', force }, now);
        if (step.send) attempts.push(this.#enqueue(entry));
      }
    }
    await Promise.all(attempts);
  }

  /** Puts an entry in this page's line to be sent, once however often it is asked, oldest first. */
  #enqueue(entry: Entry): Promise<void> {
    const id = entry.envelope.id;
    const pending = this.#pending.get(id);
    if (pending) return pending.settled;
    let resolve!: () => void;
    const settled = new Promise<void>((done) => (resolve = done));
    this.#pending.set(id, { queuedAt: entry.queuedAt, attempts: entry.attempts, started: false, settled, resolve });
    this.#pump();
    return settled;
  }

  /** Starts the oldest waiting entries while fewer than `maxConcurrent` are in flight. */
  #pump(): void {
    while (this.#sending < outboxSettings.maxConcurrent) {
      let oldest: [string, Pending] | undefined;
      for (const waiting of this.#pending) {
        if (!waiting[1].started && (!oldest || waiting[1].queuedAt < oldest[1].queuedAt)) oldest = waiting;
      }
      if (!oldest) return;
      const [id, pending] = oldest;
      pending.started = true;
      this.#sending++;
      this.#attempt(id, pending.attempts).finally(() => {
        this.#sending--;
        this.#pending.delete(id);
        const entry = pending.again ? this.#read(id) : undefined;
        if (entry && this.#step(entry, { kind: 'again' }).send) this.#enqueue(entry);
        pending.resolve();
        this.#pump();
      });
    }
  }

  async #attempt(id: string, attemptsSeen: number): Promise<void> {
    const got = await this.#lock(id, async () => {
      // Another tab may have delivered it, or tried it, while this one waited its turn.
      const entry = this.#read(id);
      if (!entry) return;
      const turn = this.#step(entry, { kind: 'turn', attempts: attemptsSeen });
      if (!turn.send) return;
      const { response, body } = await this.#post(entry);
      this.#step(turn.entry!, { kind: 'answer', response, body });
    });
    // Someone else is sending it; look again later in case that tab goes away mid-send.
    if (!got) this.#schedule(Date.now() + outboxSettings.timeoutMs);
  }

  /** Posts the entry; no `response` when none came (a network failure, or the time limit). */
  async #post(entry: Entry): Promise<{ response?: Response; body?: unknown }> {
    const body = JSON.stringify(entry.envelope);
    const bytes = new Blob([body]).size;
    // Lets the request finish if the tab closes (the entry stays until we read the answer), while
    // the browser's in-flight allowance for such requests has room.
    const keepalive = this.#keepaliveBytes + bytes <= outboxSettings.keepaliveBytes;
    if (keepalive) this.#keepaliveBytes += bytes;
    try {
      const response = await fetch(responsesUrl(entry), {
        method: 'POST',
        headers: { ...entry.headers, 'Content-Type': 'application/json' },
        credentials: entry.credentials ?? 'omit',
        body,
        keepalive,
        // Older Safari has no AbortSignal.timeout: better no time limit than no request.
        signal: AbortSignal.timeout?.(outboxSettings.timeoutMs),
      });
      return { response, body: await response.json().catch(() => undefined) };
    } catch {
      return {};
    } finally {
      if (keepalive) this.#keepaliveBytes -= bytes;
    }
  }

  /** Loud for the page's developer, once per address and status; the resident is only told it will be sent. */
  #tellMisconfigured(entry: Entry, response: Response): void {
    const address = new URL(responsesUrl(entry), location.href).href;
    const told = `${address} ${response.status}`;
    if (this.#told.has(told)) return;
    this.#told.add(told);
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const why = response.ok
      ? `it had no acknowledgement of the delib protocol ({ "id": "${entry.envelope.id}", "accepted": true }), so ` +
        'nothing says the answer was stored (a static file server, or a page that takes any POST, answers like this)'
      : response.status === 404 || response.status === 405
        ? 'nothing there takes POST /responses'
        : 'the answer had no error body of the delib protocol ({ "error": { "code", "message" } }), so something ' +
          'other than a delib endpoint answered (a proxy, a firewall, a sign-in page), or the server refused ' +
          "this page's origin, headers or credentials";
    console.error(
      `delib: POST ${address} for ${widgetName(entry.envelope)} answered ${status}: ${why}. ` +
        'Check the endpoint: the base URL under which your server answers POST /responses (for the reference ' +
        'server, https://your-host/api), from the widget\'s endpoint attribute, a <delib-provider endpoint="…"> ' +
        'around it or <meta name="delib-endpoint" content="…">. The response is kept in this browser and retried ' +
        'with backoff; the person is only told that it will be sent.',
    );
  }

  /**
   * One step of the state table: the transition, then what it says to do (write or remove the entry,
   * set the timer, tell the console and the widgets). Sending is the caller's, by `send`.
   */
  #step(entry: Entry, event: OutboxEvent, now = Date.now()): Step {
    const step = transition(entry, event, now);
    const { entry: next, at, outcome, misconfigured } = step;
    let durable = false;
    if (!next) this.#remove(entry.envelope.id);
    else if (next !== entry) durable = this.#write(next);
    if (at) this.#schedule(at);
    if (misconfigured) this.#tellMisconfigured(entry, misconfigured);
    if (outcome?.kind === 'expired') this.#forgetExpired(entry);
    if (outcome) this.#notify(outcome.kind === 'queued' ? { ...outcome, durable } : outcome);
    return step;
  }

  /** Past the age limit and removed: said in the console, and no longer claimed as sent by its widget. */
  #forgetExpired(entry: Entry): void {
    const { envelope } = entry;
    console.warn(
      `delib: a response to ${widgetName(envelope)} (id ${envelope.id}), kept in this browser since ` +
        `${new Date(entry.queuedAt).toISOString()}, could not be delivered to ${responsesUrl(entry)} in ` +
        `${Math.round(outboxSettings.maxAgeMs / (24 * 3600_000))} days (${entry.attempts} attempts) and has been removed. ` +
        'The widget shows its form again, so the person can answer anew.',
    );
    // Its widget may remember it in this browser or, with remember="session", in this tab.
    for (const store of [storage(), storage('sessionStorage')]) {
      for (const key of Object.keys(store ?? {}).filter((key) => key.startsWith(answerPrefix))) {
        try {
          if (JSON.parse(store!.getItem(key)!)?.id === envelope.id) store!.removeItem(key);
        } catch {
          // Not ours to judge: SubmissionController ignores what it cannot read.
        }
      }
    }
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
    if (!navigator.locks) {
      // This page never sends one entry twice at once (see #pending); across tabs, the lease and the
      // endpoint's idempotency have to do.
      await task();
      return true;
    }
    return navigator.locks.request(`delib-outbox:${id}`, { ifAvailable: true }, async (lock) => !!lock && (await task(), true));
  }

  /** The entry as stored, if it is a well-formed one; a damaged one is removed. */
  #stored(id: string): Entry | undefined {
    const store = storage();
    const text = store?.getItem(prefix + id);
    if (text == null) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (isEntry(value, id)) return value;
    store!.removeItem(prefix + id);
    return undefined;
  }

  /** This page's latest state of the entry: its copy in memory, if any, is newer than the stored one. */
  #read(id: string): Entry | undefined {
    return this.#memory.get(id) ?? this.#stored(id);
  }

  /**
   * Writes the entry to storage, or else keeps it in memory. An entry not yet stored is stored only
   * within `maxBytes`. Returns whether a copy survives closing the page.
   */
  #write(entry: Entry): boolean {
    const id = entry.envelope.id;
    const store = storage();
    const key = prefix + id;
    const text = JSON.stringify(entry);
    try {
      if (!store) throw new Error('storage is blocked');
      if (store.getItem(key) === null && this.#storedBytes(store) + 2 * (key.length + text.length) > outboxSettings.maxBytes) {
        throw new Error('the outbox is full');
      }
      store.setItem(key, text);
      this.#forgetInMemory(id);
      return true;
    } catch {
      // Blocked or full: keep it for as long as this page lives rather than lose it, and have the
      // browser ask the person before they leave.
      this.#memory.set(id, entry);
      this.#guard();
      return !!store?.getItem(key);
    }
  }

  #storedBytes(store: Storage): number {
    let bytes = 0;
    for (let index = 0; index < store.length; index++) {
      const key = store.key(index)!;
      if (key.startsWith(prefix)) bytes += 2 * (key.length + (store.getItem(key)?.length ?? 0));
    }
    return bytes;
  }

  #remove(id: string): void {
    storage()?.removeItem(prefix + id);
    this.#forgetInMemory(id);
  }

  #forgetInMemory(id: string): void {
    if (this.#memory.delete(id)) this.#guard();
  }

  /** Responses that leaving the page would lose: in memory, with no copy in storage. */
  #unsaved = () => [...this.#memory.keys()].some((id) => !this.#stored(id));

  #onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.#unsaved()) return;
    // The browser asks, in its own words and language, whether to leave the page.
    event.preventDefault();
    event.returnValue = '';
  };

  /** Listens for `beforeunload` only while something would be lost: a listener keeps some browsers from caching the page. */
  #guard(): void {
    const guard = this.#memory.size > 0;
    if (guard === this.#guarding) return;
    this.#guarding = guard;
    if (guard) addEventListener('beforeunload', this.#onBeforeUnload);
    else removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  /** Every well-formed entry, in storage or this page's memory, oldest first. Damaged ones are removed. */
  #entries(): Entry[] {
    const store = storage();
    const entries = new Map<string, Entry>();
    const keys: string[] = [];
    for (let index = 0; store && index < store.length; index++) {
      const key = store.key(index)!;
      if (key.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) {
      const entry = this.#stored(key.slice(prefix.length));
      if (entry) entries.set(entry.envelope.id, entry);
    }
    for (const [id, entry] of this.#memory) entries.set(id, entry);
    return [...entries.values()].sort((a, b) => a.queuedAt - b.queuedAt);
  }
}

const globalKey = Symbol.for('delib.outbox.v1');

/** The page's one outbox, shared by every widget and every copy of the bundle on the page. */
export function getOutbox(): Outbox {
  const scope = globalThis as { [globalKey]?: Outbox };
  return (scope[globalKey] ??= new Outbox());
}
