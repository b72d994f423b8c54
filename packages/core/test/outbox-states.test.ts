import { expect } from '@open-wc/testing';
import type { Envelope } from '@delib/protocol';
import { outboxSettings, transition, type Entry, type OutboxEvent, type Step } from '../src/outbox.js';

/**
 * The outbox's state table (core README, "The states of a response"), row by row, against
 * `transition`. The rows here and the README's are one list: a row added, removed or renamed in one
 * and not the other fails the first test, and a row whose code changes fails its own.
 */

const now = Date.parse('2026-12-01T12:00:00Z');
const id = '00000000-0000-4000-8000-00000000000a';
const envelope: Envelope = {
  id,
  widget: 'poll',
  widgetId: 'parks-2026',
  submittedAt: new Date(now - 3_600_000).toISOString(),
  locale: 'en',
  page: 'https://council.test/parks',
  answer: { choices: ['play'] },
};

/** An entry queued an hour ago and tried twice, due a minute ago unless `fields` say otherwise. */
const entry = (fields: Partial<Entry> = {}): Entry => ({
  endpoint: 'https://api.test/api',
  envelope,
  queuedAt: now - 3_600_000,
  attempts: 2,
  due: now - 60_000,
  ...fields,
});

const due = () => entry();
const waiting = () => entry({ due: now + 5_000 });
const held = () => entry({ due: now + 60_000, held: true });
const leased = () => entry({ sending: now + 10_000 });
const tooOld = (fields: Partial<Entry> = {}) => entry({ queuedAt: now - outboxSettings.maxAgeMs - 1, ...fields });
/** Being sent by this page: the lease it took when it posted it. */
const sending = () => entry({ sending: now + outboxSettings.leaseMs - 100 });

const flushes: OutboxEvent[] = [{ kind: 'flush' }, { kind: 'flush', force: true }];
const turn: OutboxEvent = { kind: 'turn', attempts: 2 };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): OutboxEvent => ({
  kind: 'answer',
  response: new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }),
  body,
});
const bare = (status: number, headers: Record<string, string> = {}): OutboxEvent => ({
  kind: 'answer',
  response: new Response(null, { status, headers }),
});
const noAnswer: OutboxEvent = { kind: 'answer' };

/** As a page would store it (what older pages of the site read too). */
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value));
const stored = (step: Step) => asStored(step.entry);

/** An entry left as it was: the same object, so that the outbox writes nothing. */
function expectUnchanged(step: Step, before: Entry) {
  expect(step.entry, 'the entry is left as it was').to.equal(before);
  expect(step.outcome, 'nobody is told').to.be.undefined;
}

/** A failed attempt: one more attempt, no lease, `due` and the timer together, and `queued` told. */
function expectRetry(step: Step, before: Entry) {
  const { due, held } = step.entry!;
  expect(stored(step)).to.deep.equal(asStored({ ...before, attempts: before.attempts + 1, due, held, sending: undefined }));
  expect(step.at, 'the timer is set for due').to.equal(step.entry!.due);
  expect(step.send).to.not.be.true;
  expect(step.outcome).to.deep.equal({ id, kind: 'queued', durable: true });
}

/** Backoff for the third attempt: 2 s doubled twice, of which a random half to all. */
function expectBackoff(step: Step) {
  const ceiling = outboxSettings.firstDelayMs * 2 ** 2;
  expect(step.entry!.held).to.be.false;
  expect(step.entry!.due - now).to.be.within(ceiling / 2, ceiling);
}

interface Row {
  state: string;
  event: string;
  next: string;
  check: () => void;
}

const rows: Row[] = [
  {
    state: 'too old',
    event: 'flush',
    next: 'removed',
    check() {
      for (const before of [tooOld(), tooOld({ sending: now + 10_000 }), tooOld({ due: now + 60_000, held: true })]) {
        for (const flush of flushes) {
          expect(transition(before, flush, now), JSON.stringify(before)).to.deep.equal({ outcome: { id, kind: 'expired' } });
        }
      }
      expect(transition(tooOld({ queuedAt: now - outboxSettings.maxAgeMs }), flushes[0], now).send, 'not a moment early').to.be
        .true;
    },
  },
  {
    state: 'leased',
    event: 'flush',
    next: 'leased',
    check() {
      for (const flush of flushes) {
        const before = leased();
        const step = transition(before, flush, now);
        expectUnchanged(step, before);
        expect(step.send).to.not.be.true;
        expect(step.at, 'the lease is the later').to.equal(now + 10_000);
        const longer = entry({ sending: now + 10_000, due: now + 60_000, held: true });
        expect(transition(longer, flush, now).at, 'due is the later').to.equal(now + 60_000);
      }
    },
  },
  {
    state: 'due',
    event: 'flush',
    next: 'in line',
    check() {
      const heldUntilNow = entry({ due: now, held: true });
      const pastLease = entry({ sending: now });
      for (const before of [due(), heldUntilNow, pastLease]) {
        for (const flush of flushes) {
          const step = transition(before, flush, now);
          expect(step, JSON.stringify(before)).to.deep.equal({ entry: before, send: true });
          expectUnchanged(step, before);
        }
      }
    },
  },
  {
    state: 'waiting',
    event: 'forced flush',
    next: 'in line',
    check() {
      const before = waiting();
      const step = transition(before, { kind: 'flush', force: true }, now);
      expect(step).to.deep.equal({ entry: before, send: true });
      expectUnchanged(step, before);
    },
  },
  {
    state: 'waiting',
    event: 'timer flush',
    next: 'waiting',
    check() {
      const before = waiting();
      const step = transition(before, { kind: 'flush' }, now);
      expect(step).to.deep.equal({ entry: before, at: now + 5_000 });
      expectUnchanged(step, before);
    },
  },
  {
    state: 'held',
    event: 'flush',
    next: 'held',
    check() {
      for (const flush of flushes) {
        const before = held();
        const step = transition(before, flush, now);
        expect(step).to.deep.equal({ entry: before, at: now + 60_000 });
        expectUnchanged(step, before);
      }
    },
  },
  {
    state: 'leased',
    event: 'turn',
    next: 'leased',
    check() {
      const before = leased();
      const step = transition(before, turn, now);
      expect(step).to.deep.equal({ entry: before, at: now + 10_000 });
      expectUnchanged(step, before);
    },
  },
  {
    state: 'tried by another tab since it was put in line, and not due',
    event: 'turn',
    next: 'waiting or held',
    check() {
      for (const before of [entry({ attempts: 3, due: now + 5_000 }), entry({ attempts: 3, due: now + 60_000, held: true })]) {
        const step = transition(before, turn, now);
        expect(step).to.deep.equal({ entry: before, at: before.due });
        expectUnchanged(step, before);
      }
    },
  },
  {
    state: 'any other',
    event: 'turn',
    next: 'sending',
    check() {
      const triedButDue = entry({ attempts: 3 });
      for (const before of [due(), waiting(), triedButDue, entry({ sending: now - 1 })]) {
        const step = transition(before, turn, now);
        expect(step.send, JSON.stringify(before)).to.be.true;
        expect(step.at).to.be.undefined;
        expect(step.outcome).to.be.undefined;
        expect(stored(step)).to.deep.equal(asStored({ ...before, sending: now + outboxSettings.leaseMs }));
      }
    },
  },
  {
    state: 'sending',
    event: '2xx with its acknowledgement',
    next: 'removed',
    check() {
      for (const [status, ack] of [
        [201, { id, accepted: true }],
        [200, { id: id.toUpperCase(), accepted: true }],
      ] as const) {
        expect(transition(sending(), json(status, ack), now)).to.deep.equal({
          outcome: { id, kind: 'submitted', response: ack },
        });
      }
    },
  },
  {
    state: 'sending',
    event: '410 with code `closed`',
    next: 'removed',
    check() {
      for (const [body, message] of [
        [{ error: { code: 'closed', message: 'This consultation has closed.' } }, 'This consultation has closed.'],
        [{ error: { code: 'closed', message: '' } }, ''],
        [{ error: { code: 'closed' } }, ''],
      ] as const) {
        expect(transition(sending(), json(410, body), now)).to.deep.equal({
          outcome: { id, kind: 'refused', status: 410, error: { code: 'closed', message } },
        });
      }
    },
  },
  {
    state: 'sending',
    event: 'any other status but 404 and 405, with the error body',
    next: 'removed',
    check() {
      for (const status of [400, 403, 409, 410, 413, 422]) {
        const error = { code: 'conflict', message: 'No.', field: 'answer' };
        expect(transition(sending(), json(status, { error }), now), String(status)).to.deep.equal({
          outcome: { id, kind: 'refused', status, error },
        });
      }
    },
  },
  {
    state: 'sending',
    event: '5xx, 408 or 429 with a readable `Retry-After`',
    next: 'held',
    check() {
      const cases: [number, string, number][] = [
        [503, '7', 7_000],
        [429, new Date(now + 60_000).toUTCString(), 60_000],
        [408, '0', 0],
        [500, String(3 * 24 * 3600), outboxSettings.maxRetryAfterMs],
      ];
      for (const [status, retryAfter, delay] of cases) {
        const before = sending();
        const step = transition(before, bare(status, { 'Retry-After': retryAfter }), now);
        expectRetry(step, before);
        expect(step.entry!.held, `${status} ${retryAfter}`).to.be.true;
        expect(step.entry!.due, `${status} ${retryAfter}`).to.equal(now + delay);
        expect(step.misconfigured === undefined, 'the endpoint is not blamed').to.be.true;
      }
    },
  },
  {
    state: 'sending',
    event: '5xx, 408 or 429 without one; no answer',
    next: 'waiting',
    check() {
      const events = [bare(500), bare(502), json(503, { error: { code: 'down', message: 'Later.' } }), bare(408), bare(429)];
      for (const event of [...events, bare(503, { 'Retry-After': 'soon' }), noAnswer]) {
        const before = sending();
        const step = transition(before, event, now);
        expectRetry(step, before);
        expectBackoff(step);
        expect(step.misconfigured === undefined, 'the endpoint is not blamed').to.be.true;
      }
    },
  },
  {
    state: 'sending',
    event: 'misconfigured answer',
    next: 'waiting',
    check() {
      const events = [
        json(200, { ok: true }),
        bare(204),
        json(201, { id: '00000000-0000-4000-8000-000000000000', accepted: true }),
        json(201, { id, accepted: 'yes' }),
        json(404, { error: { code: 'not_found', message: 'Nothing at POST /responses' } }),
        bare(405),
        bare(403),
        json(400, { message: 'Bad request' }),
        json(422, { error: { code: 'invalid', message: ' ' } }),
        json(410, { error: 'closed' }),
      ];
      for (const event of events) {
        const before = sending();
        const step = transition(before, event, now);
        expectRetry(step, before);
        expectBackoff(step);
        // A Response cannot be sent to the test runner in a failure: compared here, not by expect.
        expect(step.misconfigured === (event as { response: Response }).response, 'the answer, for the console').to.be.true;
      }
    },
  },
  {
    state: 'neither held nor leased',
    event: 'again',
    next: 'in line',
    check() {
      for (const before of [due(), waiting()]) {
        const step = transition(before, { kind: 'again' }, now);
        expect(step).to.deep.equal({ entry: before, send: true });
        expectUnchanged(step, before);
      }
    },
  },
  {
    state: 'held or leased',
    event: 'again',
    next: 'held or leased',
    check() {
      for (const before of [held(), entry({ due: now, held: true }), leased()]) {
        const step = transition(before, { kind: 'again' }, now);
        expect(step, JSON.stringify(before)).to.deep.equal({ entry: before, send: false });
        expectUnchanged(step, before);
      }
    },
  },
];

/** The README's state table: its state, event and next state columns, row by row. */
async function readmeRows(): Promise<string[][]> {
  const readme = await (await fetch('/packages/core/README.md')).text();
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => /^\| state +\| event +\| next state +\|/.test(line));
  expect(header, 'the core README has the state table').to.be.above(-1);
  const table: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    table.push(
      line
        .split('|')
        .slice(1, 4)
        .map((cell) => cell.trim()),
    );
  }
  return table;
}

describe('the outbox state table', () => {
  it("has the core README's rows, in its order", async () => {
    expect(rows.map((row) => [row.state, row.event, row.next])).to.deep.equal(await readmeRows());
  });

  for (const row of rows) {
    it(`${row.state} | ${row.event} → ${row.next}`, row.check);
  }
});
