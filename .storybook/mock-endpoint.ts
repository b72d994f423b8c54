/**
 * A pretend delib endpoint for the stories, answering in the browser through a wrapped `fetch`, so
 * Storybook needs no server. It speaks the wire protocol of CONTRACT.md section 4 at
 * `https://mock.delib.test/api…`; the end of the base path chooses how it behaves:
 *
 * | base                                   | POST /responses              | GET /results/{widgetId}  |
 * |----------------------------------------|------------------------------|--------------------------|
 * | `…/api`                                | 201 `{ id, accepted: true }` | canned counts + votes cast in this story |
 * | `…/api-offline`                        | rejects with a TypeError, as a network failure does | same |
 * | `…/api-refuse`                         | 422 with the contract's error body | canned counts      |
 * | `…/api-slow`                           | never answers (the "sending" state) | canned counts      |
 * | `…/api-broken`                         | 201                          | 503 (results fail to load) |
 *
 * Every other request goes to the real `fetch` untouched.
 */

export const mockOrigin = 'https://mock.delib.test';

/** The endpoint attribute values the stories use. */
export const mockEndpoints = {
  ok: `${mockOrigin}/api`,
  offline: `${mockOrigin}/api-offline`,
  refuse: `${mockOrigin}/api-refuse`,
  slow: `${mockOrigin}/api-slow`,
  broken: `${mockOrigin}/api-broken`,
} as const;

/** What the refusing endpoint says, as a real endpoint would for an answer it will never accept. */
export const refusal = {
  error: {
    code: 'consultation_closed',
    message: 'This consultation stopped taking answers at 5pm today.',
    field: 'answer.choices',
  },
};

interface PollTally {
  total: number;
  counts: Record<string, number>;
}

/** Results already "in the database", by widget id. Unknown ids have no votes yet. */
const canned: Record<string, PollTally> = {
  'parks-2026': { total: 312, counts: { lighting: 141, play: 102, toilets: 57, other: 12 } },
  'parks-2026-multiple': { total: 180, counts: { lighting: 121, play: 88, toilets: 97, benches: 64 } },
};

/** Votes cast during the current story, added to the canned ones. Cleared before each story. */
let cast: { widgetId: string; choices: string[] }[] = [];

export function resetMockVotes(): void {
  cast = [];
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A little latency, so that "Sending…" and "Loading results…" are real states, if brief ones. */
const latency = (milliseconds = 250) => new Promise((done) => setTimeout(done, milliseconds));

function tally(widgetId: string): PollTally {
  const base = canned[widgetId] ?? { total: 0, counts: {} };
  const counts = { ...base.counts };
  let total = base.total;
  for (const vote of cast.filter((vote) => vote.widgetId === widgetId)) {
    total += 1;
    for (const choice of vote.choices) counts[choice] = (counts[choice] ?? 0) + 1;
  }
  return { total, counts };
}

async function answer(url: URL, init: RequestInit | undefined, method: string): Promise<Response> {
  const match = /^\/api(?:-(offline|refuse|slow|broken))?(\/.*)$/.exec(url.pathname);
  if (!match) return json(404, { error: { code: 'not_found', message: 'Not found' } });
  const [, variant, route] = match;
  await latency();
  if (variant === 'offline') throw new TypeError('Failed to fetch');

  const results = /^\/results\/([^/]+)$/.exec(route);
  if (results && method === 'GET') {
    if (variant === 'broken') return json(503, { error: { code: 'unavailable', message: 'Try again later' } });
    const widgetId = decodeURIComponent(results[1]);
    return json(200, { widget: 'poll', widgetId, ...tally(widgetId) });
  }

  if (route === '/responses' && method === 'POST') {
    if (variant === 'slow') return new Promise<Response>(() => {});
    if (variant === 'refuse') return json(422, refusal);
    const envelope = JSON.parse(String(init?.body ?? '{}'));
    cast.push({ widgetId: envelope.widgetId, choices: envelope.answer?.choices ?? [] });
    return json(201, { id: envelope.id, accepted: true });
  }

  return json(405, { error: { code: 'method_not_allowed', message: `${method} ${route} is not supported` } });
}

/** Wraps `window.fetch` once; requests to the mock origin are answered here. */
export function installMockEndpoint(): void {
  const marker = Symbol.for('delib.storybook.mockFetch');
  const scope = window as unknown as Record<symbol, boolean>;
  if (scope[marker]) return;
  scope[marker] = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, location.href);
    if (url.origin !== mockOrigin) return realFetch(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    return answer(url, init, method);
  };
}
