import { expect } from '@open-wc/testing';
import { getOutbox, outboxSettings, retryDelay, type Outcome } from '../src/outbox.js';
import {
  acceptAll,
  captureConsole,
  clearDelibStorage,
  fakeEndpoint,
  fillStorage,
  json,
  outboxKeys,
  until,
} from '../../../test/helpers.js';
import type { Envelope } from '@delib/protocol';

const envelope = (id: string = crypto.randomUUID(), widgetId = 'w'): Envelope => ({
  id,
  widget: 'poll',
  widgetId,
  submittedAt: new Date().toISOString(),
  locale: 'en',
  page: location.origin + location.pathname,
  answer: { choices: ['a'] },
});

const delivery = { endpoint: 'https://api.test/api/' };
const key = (id: string) => `delib:outbox:v1:${id}`;
/** An outbox entry as a page would have left it in localStorage: due now unless `extra` says otherwise. */
const entryText = (sent: Envelope, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...delivery, envelope: sent, queuedAt: Date.now(), attempts: 1, due: 0, ...extra });
/** Ids that sort as they were made, for tests about order. */
const idFor = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

let endpoint: ReturnType<typeof fakeEndpoint> | undefined;
const cleanups: (() => void)[] = [];

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

/** Whether leaving the page now would be questioned by the browser. */
function leavingIsQuestioned(): boolean {
  const leaving = new Event('beforeunload', { cancelable: true });
  dispatchEvent(leaving);
  return leaving.defaultPrevented;
}

/** An endpoint whose POSTs wait until the test answers them: `answer(id)` acknowledges one. */
function heldEndpoint() {
  const waiting = new Map<string, (response: Response) => void>();
  const fake = fakeEndpoint((call) =>
    call.method === 'POST' ? new Promise<Response>((done) => waiting.set((call.body as Envelope).id, done)) : undefined,
  );
  const answer = (id: string) => {
    waiting.get(id)!(json(201, { id, accepted: true }));
    waiting.delete(id);
  };
  return { fake, waiting, answer };
}

function outcomes() {
  const seen: Outcome[] = [];
  const stop = getOutbox().subscribe((outcome) => seen.push(outcome));
  return { seen, stop };
}

describe('retryDelay', () => {
  it('backs off exponentially with jitter, up to a ceiling', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(outboxSettings.maxDelayMs, outboxSettings.firstDelayMs * 2 ** (attempt - 1));
      for (let sample = 0; sample < 20; sample++) {
        const { delay, held } = retryDelay(attempt, null);
        expect(held).to.be.false;
        expect(delay).to.be.within(ceiling / 2, ceiling);
      }
    }
  });

  it('honours Retry-After in seconds and as an HTTP date, within a day', () => {
    expect(retryDelay(1, '7')).to.deep.equal({ delay: 7000, held: true });
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(retryDelay(1, 'Sun, 29 Nov 2026 12:01:00 GMT', now)).to.deep.equal({ delay: 60_000, held: true });
    expect(retryDelay(1, '999999999').delay).to.equal(outboxSettings.maxRetryAfterMs);
    expect(retryDelay(1, 'Sun, 29 Nov 2020 12:01:00 GMT', now)).to.deep.equal({ delay: 0, held: true });
    expect(retryDelay(1, 'soon').held, 'nonsense falls back to backoff').to.be.false;
  });
});

describe('the outbox', () => {
  it('is one per page, whichever copy of the bundle asks', () => {
    expect(getOutbox()).to.equal(getOutbox());
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('delib.outbox.v1')]).to.equal(getOutbox());
  });

  it('writes the entry before the first attempt, and removes it once acknowledged', async () => {
    let keysDuringPost: string[] = [];
    endpoint = fakeEndpoint((call) => {
      keysDuringPost = outboxKeys();
      return acceptAll()(call);
    });
    const { seen, stop } = outcomes();
    const sent = envelope();
    await getOutbox().send(sent, delivery);
    stop();
    expect(keysDuringPost).to.deep.equal([`delib:outbox:v1:${sent.id}`]);
    expect(outboxKeys()).to.deep.equal([]);
    expect(endpoint.posts()[0].url, 'trailing slashes are trimmed').to.equal('https://api.test/api/responses');
    expect(seen).to.deep.equal([{ id: sent.id, kind: 'submitted', response: { id: sent.id, accepted: true } }]);
  });

  it('keeps the same id on every retry, and delivers on flush once the endpoint is back', async () => {
    let up = false;
    endpoint = fakeEndpoint((call) => (up ? acceptAll()(call) : 'network-error'));
    const { seen, stop } = outcomes();
    const sent = envelope();
    await getOutbox().send(sent, delivery);
    expect(getOutbox().has(sent.id)).to.be.true;
    expect(seen).to.deep.equal([{ id: sent.id, kind: 'queued', durable: true }]);
    expect(leavingIsQuestioned(), 'a durably kept response does not hold the person on the page').to.be.false;
    up = true;
    await getOutbox().flush(true);
    stop();
    expect(getOutbox().has(sent.id)).to.be.false;
    expect(endpoint.posts().map((post) => (post.body as Envelope).id)).to.deep.equal([sent.id, sent.id]);
    expect(seen.map((outcome) => outcome.kind)).to.deep.equal(['queued', 'submitted']);
  });

  it('does not hurry an entry the endpoint asked to wait for (Retry-After), even when forced', async () => {
    endpoint = fakeEndpoint((call) => (call.method === 'POST' ? json(429, {}, { 'Retry-After': '60' }) : undefined));
    const sent = envelope();
    await getOutbox().send(sent, delivery);
    await getOutbox().flush(true);
    expect(endpoint.posts()).to.have.length(1);
    const stored = JSON.parse(localStorage.getItem(`delib:outbox:v1:${sent.id}`)!);
    expect(stored.due - Date.now()).to.be.within(55_000, 60_000);
    expect(stored.held).to.be.true;
  });

  it('drops a refused entry at once and never retries it', async () => {
    endpoint = fakeEndpoint((call) =>
      call.method === 'POST' ? json(409, { error: { code: 'conflict', message: 'No.' } }) : undefined,
    );
    const { seen, stop } = outcomes();
    const sent = envelope();
    await getOutbox().send(sent, delivery);
    await getOutbox().flush(true);
    stop();
    expect(endpoint.posts()).to.have.length(1);
    expect(outboxKeys()).to.deep.equal([]);
    expect(seen).to.deep.equal([{ id: sent.id, kind: 'refused', status: 409, error: { code: 'conflict', message: 'No.' } }]);
  });

  it("refuses for good only with the contract's error body", async () => {
    const error = { code: 'forbidden', message: 'This consultation is for residents only.' };
    endpoint = fakeEndpoint((call) => (call.method === 'POST' ? json(403, { error }) : undefined));
    const { seen, stop } = outcomes();
    const sent = envelope();
    await getOutbox().send(sent, delivery);
    stop();
    expect(seen).to.deep.equal([{ id: sent.id, kind: 'refused', status: 403, error }]);
    expect(outboxKeys()).to.deep.equal([]);
  });

  it('takes 410 code closed as final: removes the envelope and never retries it, even without a message', async () => {
    const bodies: { error: { code: string; message?: string } }[] = [
      { error: { code: 'closed', message: 'This consultation has closed.' } },
      { error: { code: 'closed', message: '' } },
      { error: { code: 'closed' } },
    ];
    for (const body of bodies) {
      endpoint?.restore();
      endpoint = fakeEndpoint((call) => (call.method === 'POST' ? json(410, body) : undefined));
      const { seen, stop } = outcomes();
      const sent = envelope();
      await getOutbox().send(sent, delivery);
      await getOutbox().flush(true);
      await getOutbox().flush(true);
      stop();
      expect(endpoint.posts(), JSON.stringify(body)).to.have.length(1);
      expect(outboxKeys()).to.deep.equal([]);
      expect(seen).to.deep.equal([
        { id: sent.id, kind: 'refused', status: 410, error: { code: 'closed', message: body.error.message ?? '' } },
      ]);
    }
  });

  it("keeps retrying a 410 that is not the contract's closed refusal (a proxy's page): it is not the question closing", async () => {
    captureConsole('error');
    let closed = true;
    endpoint = fakeEndpoint((call) =>
      call.method !== 'POST' ? undefined : closed ? new Response('<h1>Gone</h1>', { status: 410 }) : acceptAll()(call),
    );
    const { seen, stop } = outcomes();
    const sent = envelope();
    await getOutbox().send(sent, delivery);
    expect(outboxKeys()).to.deep.equal([key(sent.id)]);
    closed = false;
    await getOutbox().flush(true);
    stop();
    expect(outboxKeys()).to.deep.equal([]);
    expect(seen.map((outcome) => outcome.kind)).to.deep.equal(['queued', 'submitted']);
  });

  it('delivers every one of 130 queued responses, oldest first: none is dropped for being one too many', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const now = Date.now();
    const queued = Array.from({ length: 130 }, (_, index) => envelope(idFor(index)));
    // Written newest first, so that the order of the keys says nothing about their age.
    [...queued.entries()]
      .reverse()
      .forEach(([index, sent]) => localStorage.setItem(key(sent.id), entryText(sent, { queuedAt: now - 200_000 + index })));
    await getOutbox().flush();
    expect(endpoint.posts().map((post) => (post.body as Envelope).id)).to.deep.equal(queued.map((sent) => sent.id));
    expect(outboxKeys()).to.deep.equal([]);
  });

  it('never drops a response to make room: beyond its bound in bytes it keeps the new one in memory and says so', async () => {
    let up = false;
    endpoint = fakeEndpoint((call) => (up ? acceptAll()(call) : 'network-error'));
    const bound = outboxSettings.maxBytes;
    cleanups.push(() => (outboxSettings.maxBytes = bound));
    outboxSettings.maxBytes = 8_000;
    const { seen, stop } = outcomes();
    const sent = Array.from({ length: 12 }, () => envelope());
    for (const each of sent) await getOutbox().send(each, delivery);
    const queued = seen.filter((outcome) => outcome.kind === 'queued') as { id: string; durable: boolean }[];
    const kept = queued.filter((outcome) => outcome.durable).map((outcome) => outcome.id);
    const held = queued.filter((outcome) => !outcome.durable).map((outcome) => outcome.id);
    expect(kept, 'the first ones fit').to.deep.equal(sent.slice(0, kept.length).map((each) => each.id));
    expect(held, 'the rest are held in memory').to.deep.equal(sent.slice(kept.length).map((each) => each.id));
    expect(held).not.to.be.empty;
    expect(outboxKeys().sort()).to.deep.equal(kept.map(key).sort());
    const bytes = outboxKeys().reduce((sum, name) => sum + 2 * (name.length + localStorage.getItem(name)!.length), 0);
    expect(bytes).to.be.at.most(8_000);
    for (const each of sent) expect(getOutbox().has(each.id), 'nothing was dropped').to.be.true;
    expect(leavingIsQuestioned(), 'leaving now would lose the held ones').to.be.true;
    up = true;
    await getOutbox().flush(true);
    stop();
    const delivered = seen.filter((outcome) => outcome.kind === 'submitted').map((outcome) => outcome.id);
    expect(delivered.sort()).to.deep.equal(sent.map((each) => each.id).sort());
    expect(leavingIsQuestioned()).to.be.false;
  });

  it('removes a response past the age limit with a console warning naming its widget, and forgets the answer remembered for it', async () => {
    endpoint = fakeEndpoint(() => 'network-error');
    const old = envelope(undefined, 'parks-2026');
    const queuedAt = Date.now() - outboxSettings.maxAgeMs - 1000;
    localStorage.setItem(key(old.id), entryText(old, { queuedAt, attempts: 40, due: 0 }));
    localStorage.setItem('delib:answer:v1:delib-poll:parks-2026', JSON.stringify(old));
    const other = envelope(undefined, 'library-2026');
    localStorage.setItem('delib:answer:v1:delib-poll:library-2026', JSON.stringify(other));
    const warnings = captureConsole('warn');
    const { seen, stop } = outcomes();
    await getOutbox().flush();
    stop();
    expect(outboxKeys()).to.deep.equal([]);
    expect(seen).to.deep.equal([{ id: old.id, kind: 'expired' }]);
    expect(localStorage.getItem('delib:answer:v1:delib-poll:parks-2026'), 'no longer claimed as sent').to.be.null;
    expect(localStorage.getItem('delib:answer:v1:delib-poll:library-2026'), 'another answer is kept').not.to.be.null;
    expect(warnings).to.have.length(1);
    expect(warnings[0])
      .to.contain('<delib-poll widget-id="parks-2026">')
      .and.contain(old.id)
      .and.contain('https://api.test/api/responses')
      .and.contain('30 days');
  });

  it('waits for a request an earlier page may still have in flight (keepalive) before sending again', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const sent = envelope();
    const lease = Date.now() + 300;
    localStorage.setItem(
      `delib:outbox:v1:${sent.id}`,
      JSON.stringify({ ...delivery, envelope: sent, queuedAt: Date.now(), attempts: 0, due: 0, sending: lease }),
    );
    await getOutbox().flush(true);
    expect(endpoint.posts(), 'not while the lease lasts').to.have.length(0);
    await until(() => endpoint!.posts().length === 1, 3000, 'the retry once the lease has run out');
    expect(Date.now()).to.be.at.least(lease);
    await until(() => outboxKeys().length === 0);
  });

  it('marks an entry as in flight while it is being sent', async () => {
    let stored: { sending?: number } = {};
    const sent = envelope();
    endpoint = fakeEndpoint((call) => {
      stored = JSON.parse(localStorage.getItem(`delib:outbox:v1:${sent.id}`)!);
      return acceptAll()(call);
    });
    await getOutbox().send(sent, delivery);
    expect(stored.sending! - Date.now()).to.be.within(outboxSettings.leaseMs - 5000, outboxSettings.leaseMs);
  });

  it('sends one entry once at a time, even when asked twice at the same moment', async () => {
    let resolve!: (response: Response) => void;
    endpoint = fakeEndpoint(() => new Promise<Response>((done) => (resolve = done)));
    const sent = envelope();
    localStorage.setItem(
      `delib:outbox:v1:${sent.id}`,
      JSON.stringify({ ...delivery, envelope: sent, queuedAt: Date.now(), attempts: 0, due: 0 }),
    );
    const first = getOutbox().flush(true);
    const second = getOutbox().flush(true);
    await until(() => endpoint!.posts().length > 0);
    await new Promise((done) => setTimeout(done, 50));
    expect(endpoint.posts()).to.have.length(1);
    resolve(json(201, { id: sent.id, accepted: true }));
    await Promise.all([first, second]);
    expect(outboxKeys()).to.deep.equal([]);
  });
});

describe('damaged entries', () => {
  it('are skipped and removed whatever their shape, and never keep the well-formed ones beside them from being delivered', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const good = [envelope(), envelope(), envelope()];
    good.forEach((sent, index) => localStorage.setItem(key(sent.id), entryText(sent, { queuedAt: Date.now() - 1000 + index })));
    const valid = JSON.parse(entryText(envelope()));
    const shapes: string[] = [
      'null',
      '42',
      '"text"',
      'true',
      '[]',
      '[{"envelope":{}}]',
      '{}',
      'not json {',
      '',
      JSON.stringify({ ...valid, envelope: null }),
      JSON.stringify({ ...valid, envelope: 'an envelope' }),
      JSON.stringify({ ...valid, envelope: { ...valid.envelope, id: 'not-a-uuid' } }),
      JSON.stringify({ ...valid, envelope: { ...valid.envelope, answer: undefined } }),
      JSON.stringify({ ...valid, endpoint: undefined }),
      JSON.stringify({ ...valid, endpoint: 7 }),
      JSON.stringify({ ...valid, endpoint: '' }),
      JSON.stringify({ ...valid, queuedAt: 'yesterday' }),
      JSON.stringify({ ...valid, attempts: null }),
      JSON.stringify({ ...valid, due: undefined }),
      JSON.stringify({ ...valid, headers: { 'X-Token': 1 } }),
      JSON.stringify({ ...valid, headers: ['X-Token'] }),
      JSON.stringify({ ...valid, credentials: 'sometimes' }),
      JSON.stringify({ ...valid, held: 'yes' }),
      JSON.stringify({ ...valid, sending: 'soon' }),
    ];
    const damaged = shapes.map((text) => {
      const id = crypto.randomUUID();
      localStorage.setItem(key(id), text);
      return id;
    });
    localStorage.setItem('delib:outbox:v1:x', 'null');
    // Well formed, but kept under another response's id.
    localStorage.setItem(key(crypto.randomUUID()), entryText(envelope()));
    for (const id of damaged) expect(getOutbox().has(id), `has(${id})`).to.be.false;
    await getOutbox().flush(true);
    expect(
      endpoint
        .posts()
        .map((post) => (post.body as Envelope).id)
        .sort(),
    ).to.deep.equal(good.map((sent) => sent.id).sort());
    expect(outboxKeys()).to.deep.equal([]);
  });
});

describe('storage full or blocked', () => {
  it('says the response could not be kept, still sends it, and has the browser ask before the page is left', async () => {
    let up = false;
    endpoint = fakeEndpoint((call) => (up ? acceptAll()(call) : 'network-error'));
    fillStorage();
    const { seen, stop } = outcomes();
    const sent = envelope();
    await getOutbox().send(sent, delivery);
    expect(outboxKeys(), 'nothing could be written').to.deep.equal([]);
    expect(seen).to.deep.equal([{ id: sent.id, kind: 'queued', durable: false }]);
    expect(getOutbox().has(sent.id), 'held in memory').to.be.true;
    expect(leavingIsQuestioned()).to.be.true;
    up = true;
    await getOutbox().flush(true);
    stop();
    expect(seen.at(-1)).to.deep.equal({ id: sent.id, kind: 'submitted', response: { id: sent.id, accepted: true } });
    expect(endpoint.posts().map((post) => (post.body as Envelope).id)).to.deep.equal([sent.id, sent.id]);
    expect(leavingIsQuestioned(), 'nothing is left to lose').to.be.false;
  });

  it('keeps the response durably as soon as there is room again, and says so', async () => {
    let up = false;
    endpoint = fakeEndpoint((call) => (up ? acceptAll()(call) : 'network-error'));
    const emptyStorage = fillStorage();
    const { seen, stop } = outcomes();
    const sent = envelope();
    await getOutbox().send(sent, delivery);
    emptyStorage(); // the site frees some of its own
    await getOutbox().flush(true);
    expect(seen.map((outcome) => (outcome as { durable?: boolean }).durable)).to.deep.equal([false, true]);
    expect(outboxKeys()).to.deep.equal([key(sent.id)]);
    expect(leavingIsQuestioned()).to.be.false;
    up = true;
    await getOutbox().flush(true);
    stop();
    expect(outboxKeys()).to.deep.equal([]);
    expect(seen.at(-1)!.kind).to.equal('submitted');
  });
});

describe('sending many', () => {
  it('sends a few at a time, oldest first, each once, however many flushes start at once', async () => {
    const { fake, waiting, answer } = heldEndpoint();
    endpoint = fake;
    const limit = outboxSettings.maxConcurrent;
    expect(limit, 'fewer than the six connections a browser opens to one host').to.be.within(1, 5);
    const now = Date.now();
    const queued = Array.from({ length: 10 }, (_, index) => envelope(idFor(index)));
    [...queued.entries()]
      .reverse()
      .forEach(([index, sent]) => localStorage.setItem(key(sent.id), entryText(sent, { queuedAt: now - 10_000 + index })));
    const posted = () => fake.posts().map((post) => (post.body as Envelope).id);
    // The page load, the retry timer and the browser coming back online, all at the same moment.
    const flushes = [getOutbox().flush(true), getOutbox().flush(), getOutbox().flush(true)];
    dispatchEvent(new Event('online'));
    await until(() => waiting.size >= limit);
    await new Promise((done) => setTimeout(done, 50));
    expect(posted()).to.deep.equal(queued.slice(0, limit).map((sent) => sent.id));
    for (const [index, sent] of queued.entries()) {
      await until(() => waiting.has(sent.id), 3000, `${sent.id} to be posted`);
      expect(waiting.size).to.be.at.most(limit);
      answer(sent.id);
      if (index + limit < queued.length) await until(() => waiting.has(queued[index + limit].id), 3000, 'the next oldest');
    }
    await Promise.all(flushes);
    expect(posted(), 'each once, oldest first').to.deep.equal(queued.map((sent) => sent.id));
    expect(outboxKeys()).to.deep.equal([]);
  });

  it('tries once more straight away when the browser comes back online while an attempt is failing', async () => {
    let fail!: () => void;
    endpoint = fakeEndpoint((call) => {
      if (call.method !== 'POST') return undefined;
      if (endpoint!.posts().length > 1) return acceptAll()(call);
      return new Promise<Response>((_, reject) => (fail = () => reject(new TypeError('Failed to fetch'))));
    });
    const { seen, stop } = outcomes();
    const sent = envelope();
    const sending = getOutbox().send(sent, delivery);
    await until(() => endpoint!.posts().length === 1);
    const online = getOutbox().flush(true);
    fail();
    await Promise.all([sending, online]);
    stop();
    expect(endpoint.posts()).to.have.length(2);
    expect(seen.map((outcome) => outcome.kind)).to.deep.equal(['queued', 'submitted']);
    expect(outboxKeys()).to.deep.equal([]);
  });

  it("keeps its keepalive requests within a share of the browser's 64 KB allowance for them", async () => {
    const { fake, waiting, answer } = heldEndpoint();
    endpoint = fake;
    const big = Array.from({ length: 4 }, (_, index) => ({
      ...envelope(idFor(index)),
      answer: { choices: ['a'], other: 'x'.repeat(20_000) },
    }));
    big.forEach((sent, index) => localStorage.setItem(key(sent.id), entryText(sent, { queuedAt: Date.now() - 100 + index })));
    const flushed = getOutbox().flush(true);
    await until(() => waiting.size >= Math.min(big.length, outboxSettings.maxConcurrent));
    const posts = fake.posts();
    const keptAlive = posts.filter((post) => post.keepalive);
    const bytes = keptAlive.reduce((sum, post) => sum + JSON.stringify(post.body).length, 0);
    expect(keptAlive, 'still used where it fits').not.to.be.empty;
    expect(bytes).to.be.at.most(outboxSettings.keepaliveBytes);
    expect(outboxSettings.keepaliveBytes).to.be.below(64 * 1024);
    while (waiting.size) {
      answer([...waiting.keys()][0]);
      await new Promise((done) => setTimeout(done, 10));
    }
    await flushed;
    expect(outboxKeys()).to.deep.equal([]);
  });
});

describe('a misconfigured endpoint', () => {
  const cases: [string, number, () => Response][] = [
    [
      'a 404 with an error body (an unknown route)',
      404,
      () => json(404, { error: { code: 'not_found', message: 'Nothing at POST /responses' } }),
    ],
    ['a 405 without a body', 405, () => new Response(null, { status: 405, statusText: 'Method Not Allowed' })],
    [
      "a proxy's 403 page",
      403,
      () =>
        new Response('<h1>Forbidden</h1>', { status: 403, statusText: 'Forbidden', headers: { 'Content-Type': 'text/html' } }),
    ],
    ['a 400 with some other JSON', 400, () => json(400, { message: 'Bad request' })],
  ];
  for (const [what, status, reply] of cases) {
    it(`keeps a response answered with ${what} queued for retry, and tells the console what to check`, async () => {
      endpoint = fakeEndpoint((call) => (call.method === 'POST' ? reply() : undefined));
      const errors = captureConsole('error');
      const { seen, stop } = outcomes();
      const sent = envelope(undefined, 'parks-2026');
      await getOutbox().send(sent, delivery);
      stop();
      expect(seen).to.deep.equal([{ id: sent.id, kind: 'queued', durable: true }]);
      const entry = JSON.parse(localStorage.getItem(key(sent.id))!);
      expect(entry.attempts).to.equal(1);
      expect(entry.due, 'retried with backoff').to.be.above(Date.now());
      expect(errors).to.have.length(1);
      expect(errors[0])
        .to.contain('https://api.test/api/responses')
        .and.contain(String(status))
        .and.contain('<delib-poll widget-id="parks-2026">')
        .and.contain('endpoint');
    });
  }

  const unacknowledged: [string, () => Response][] = [
    [
      'a 200 page from a server that takes any POST',
      () => new Response('<h1>Thanks</h1>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    ],
    ['a 204 without a body', () => new Response(null, { status: 204 })],
    ['a 200 with some other JSON', () => json(200, { ok: true })],
    [
      "a 201 acknowledging another response's id",
      () => json(201, { id: '00000000-0000-4000-8000-000000000000', accepted: true }),
    ],
  ];
  for (const [index, [what, reply]] of unacknowledged.entries()) {
    it(`never takes ${what} for delivery: the response stays queued and the console says why`, async () => {
      endpoint = fakeEndpoint((call) => (call.method === 'POST' ? reply() : undefined));
      const errors = captureConsole('error');
      const { seen, stop } = outcomes();
      const sent = envelope(undefined, 'parks-2026');
      // Its own address: the console is told once per address and status.
      await getOutbox().send(sent, { endpoint: `https://api.test/ack-${index}` });
      stop();
      expect(seen).to.deep.equal([{ id: sent.id, kind: 'queued', durable: true }]);
      expect(localStorage.getItem(key(sent.id)), 'still in the outbox').to.not.equal(null);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`https://api.test/ack-${index}/responses`).and.contain('"accepted": true');
    });
  }

  it('takes an acknowledgement whose id differs only in case', async () => {
    const sent = envelope();
    endpoint = fakeEndpoint((call) =>
      call.method === 'POST' ? json(200, { id: sent.id.toUpperCase(), accepted: true }) : undefined,
    );
    const { seen, stop } = outcomes();
    await getOutbox().send(sent, delivery);
    stop();
    expect(seen.map((outcome) => outcome.kind)).to.deep.equal(['submitted']);
  });

  it('says so once per address and status, not once per response', async () => {
    endpoint = fakeEndpoint((call) => (call.method === 'POST' ? new Response(null, { status: 405 }) : undefined));
    const errors = captureConsole('error');
    await getOutbox().send(envelope(), { endpoint: 'https://api.test/once' });
    await getOutbox().send(envelope(), { endpoint: 'https://api.test/once' });
    expect(errors).to.have.length(1);
  });
});
