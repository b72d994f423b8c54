import { expect } from '@open-wc/testing';
import { getOutbox, outboxSettings, retryDelay, type Outcome } from '../src/outbox.js';
import { acceptAll, clearDelibStorage, fakeEndpoint, json, outboxKeys, until } from '../../../test/helpers.js';
import type { Envelope } from '@delib/protocol';

const envelope = (id = crypto.randomUUID(), widgetId = 'w'): Envelope => ({
  id,
  widget: 'poll',
  widgetId,
  submittedAt: new Date().toISOString(),
  locale: 'en',
  page: location.origin + location.pathname,
  answer: { choices: ['a'] },
});

const delivery = { endpoint: 'https://api.test/api/' };
let endpoint: ReturnType<typeof fakeEndpoint> | undefined;
beforeEach(() => clearDelibStorage());
afterEach(() => endpoint?.restore());

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
    expect(seen.map((outcome) => outcome.kind)).to.deep.equal(['queued']);
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

  it('names a refusal without a contract body by its status', async () => {
    endpoint = fakeEndpoint((call) =>
      call.method === 'POST' ? new Response('nope', { status: 403, statusText: 'Forbidden' }) : undefined,
    );
    const { seen, stop } = outcomes();
    await getOutbox().send(envelope(), delivery);
    stop();
    expect(seen[0]).to.include({ kind: 'refused', status: 403 });
    expect((seen[0] as { error: unknown }).error).to.deep.equal({ code: 'http_403', message: 'Forbidden' });
  });

  it('is bounded in age and in count', async () => {
    endpoint = fakeEndpoint(() => 'network-error');
    const old = envelope();
    localStorage.setItem(
      `delib:outbox:v1:${old.id}`,
      JSON.stringify({ ...delivery, envelope: old, queuedAt: Date.now() - outboxSettings.maxAgeMs - 1000, attempts: 3, due: 0 }),
    );
    const many = Array.from({ length: outboxSettings.maxEntries + 5 }, (_, index) =>
      envelope(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`),
    );
    many.forEach((entry, index) =>
      localStorage.setItem(
        `delib:outbox:v1:${entry.id}`,
        JSON.stringify({
          ...delivery,
          envelope: entry,
          queuedAt: Date.now() - 100_000 + index,
          attempts: 1,
          due: Date.now() + 3_600_000,
        }),
      ),
    );
    await getOutbox().flush();
    const kept = outboxKeys();
    expect(kept).to.have.length(outboxSettings.maxEntries);
    expect(kept).not.to.include(`delib:outbox:v1:${old.id}`);
    for (const dropped of many.slice(0, 5)) expect(kept).not.to.include(`delib:outbox:v1:${dropped.id}`);
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
