/**
 * A pretend delib endpoint for the stories, answering in the browser through a wrapped `fetch`, so
 * Storybook needs no server. It speaks the wire protocol of CONTRACT.md section 4 at
 * `https://mock.delib.test/api…`, for every kind of widget; the end of the base path chooses how it
 * behaves:
 *
 * | base                                   | POST /responses              | GET /results/{widgetId}  |
 * |----------------------------------------|------------------------------|--------------------------|
 * | `…/api`                                | 201 `{ id, accepted: true }` | seeded responses + those sent in this story |
 * | `…/api-offline`                        | rejects with a TypeError, as a network failure does | the same (every request fails) |
 * | `…/api-refuse`                         | 422 with the contract's error body | seeded responses   |
 * | `…/api-slow`                           | never answers (the "sending" state) | seeded responses   |
 * | `…/api-broken`                         | 201                          | 503 (results fail to load) |
 * | `…/api-closed`                         | 410 code `closed` (closed at the endpoint) | seeded responses |
 *
 * `GET …/items/{widgetId}` lists the approved ideas of `approved` (404 for other ids), and the results
 * of the widget ids in `outcomes` carry a published outcome ("you said, we did").
 *
 * Results come in the contract's shape for the widget's kind (poll, ranking, pairwise, budget,
 * needs-assets), counted by the reference endpoint's own tally code, so the stories show what a
 * real endpoint would send. Every other request goes to the real `fetch` untouched.
 */
import { results, tallies, type AnswerByKind, type Envelope, type Tally, type WidgetKind } from '@delib/protocol';

export const mockOrigin = 'https://mock.delib.test';

/** The endpoint attribute values the stories use. */
export const mockEndpoints = {
  ok: `${mockOrigin}/api`,
  offline: `${mockOrigin}/api-offline`,
  refuse: `${mockOrigin}/api-refuse`,
  slow: `${mockOrigin}/api-slow`,
  broken: `${mockOrigin}/api-broken`,
  closed: `${mockOrigin}/api-closed`,
} as const;

/** Ideas people added and a moderator approved, by widget id (`GET /items/{widgetId}`). */
const approved: Record<string, { value: string; label: string }[]> = {
  'parks-pairwise-ideas-2026': [
    { value: 'dog-park', label: 'A fenced dog park' },
    { value: 'pond', label: 'Clean up the pond' },
  ],
};

/** What the council did with the answers, published for these widget ids. */
const outcomes: Record<string, { text: Record<string, string>; publishedAt: string }> = {
  'parks-2026-outcome': {
    text: {
      en: 'Better lighting had the most votes, so we will light the riverside path before next winter.\n\nThe plans and dates are at https://council.example/parks/lighting. Thank you to everyone who took part.',
      cy: "Cafodd gwell goleuadau y nifer fwyaf o bleidleisiau, felly byddwn yn goleuo llwybr yr afon cyn y gaeaf nesaf.\n\nMae'r cynlluniau a'r dyddiadau yn https://council.example/parciau/goleuadau. Diolch i bawb a gymerodd ran.",
    },
    publishedAt: '2027-02-01T10:00:00.000Z',
  },
};

/** What the refusing endpoint says, as a real endpoint would for an answer it will never accept. */
export const refusal = {
  error: {
    code: 'consultation_closed',
    message: 'This consultation stopped taking answers at 5pm today.',
    field: 'answer.choices',
  },
};

/** Responses already "in the database" for one widget id: how many people gave each answer. */
type Seed = { [Kind in WidgetKind]: { widget: Kind; answers: [count: number, answer: AnswerByKind[Kind]][] } }[WidgetKind];

/** `count` votes for `winner` over each of `losers`, as `{ loser: count }`. */
const wins = (winner: string, losers: Record<string, number>) =>
  Object.entries(losers).map(([loser, count]): [number, AnswerByKind['pairwise']] => [count, { pair: [winner, loser], winner }]);

/** Seeded responses, by widget id. Other ids start with no responses. */
const seeds: Record<string, Seed> = {
  'parks-2026': {
    widget: 'poll',
    answers: [
      [141, { choices: ['lighting'] }],
      [102, { choices: ['play'] }],
      [57, { choices: ['toilets'] }],
      [12, { choices: ['other'], other: 'A dog-free area' }],
    ],
  },
  'parks-2026-outcome': {
    widget: 'poll',
    answers: [
      [141, { choices: ['lighting'] }],
      [102, { choices: ['play'] }],
      [57, { choices: ['toilets'] }],
    ],
  },
  'parks-2026-multiple': {
    widget: 'poll',
    answers: [
      [10, { choices: ['lighting', 'play', 'toilets'] }],
      [64, { choices: ['lighting', 'benches'] }],
      [19, { choices: ['lighting', 'play'] }],
      [28, { choices: ['lighting', 'toilets'] }],
      [59, { choices: ['play', 'toilets'] }],
    ],
  },
  'parks-ranking-2026': {
    widget: 'ranking',
    answers: [
      [41, { order: ['play', 'lighting', 'toilets', 'benches'] }],
      [33, { order: ['lighting', 'toilets', 'play', 'benches'] }],
      [19, { order: ['toilets', 'lighting', 'benches', 'play'] }],
      [7, { order: ['benches', 'play', 'lighting', 'toilets'] }],
    ],
  },
  'parks-pairwise-2026': {
    widget: 'pairwise',
    answers: [
      ...wins('lighting', { play: 9, toilets: 17, benches: 19, bins: 13 }),
      ...wins('play', { lighting: 14, toilets: 19, benches: 23, bins: 15 }),
      ...wins('toilets', { lighting: 9, play: 7, benches: 15, bins: 9 }),
      ...wins('benches', { lighting: 3, play: 2, toilets: 4, bins: 3 }),
      ...wins('bins', { lighting: 5, play: 4, toilets: 7, benches: 9 }),
    ],
  },
  'parks-budget-2026': {
    widget: 'budget',
    answers: [
      [35, { allocation: { play: 35, lighting: 25, toilets: 30, trees: 10 } }],
      [10, { allocation: { play: 30, lighting: 25, toilets: 25, trees: 20 } }],
      [2, { allocation: { play: 35, lighting: 30, toilets: 25, trees: 10 } }],
      [1, { allocation: { play: 35, lighting: 25, toilets: 25, trees: 15 } }],
    ],
  },
  'parks-needs-assets-2026': {
    widget: 'needs-assets',
    answers: [
      [23, { needs: [{ category: 'transport' }, { category: 'company' }], assets: [{ category: 'time' }] }],
      [17, { needs: [{ category: 'childcare' }], assets: [{ category: 'skills' }, { category: 'knowledge' }] }],
      [11, { needs: [{ category: 'food' }], assets: [{ category: 'space' }] }],
      [6, { needs: [], assets: [{ category: 'equipment' }, { category: 'time' }] }],
    ],
  },
  // The examples at the top of the docs pages.
  'library-late-2027': {
    widget: 'poll',
    answers: [
      [38, { choices: ['monday'] }],
      [52, { choices: ['tuesday'] }],
      [71, { choices: ['wednesday'] }],
      [96, { choices: ['thursday'] }],
    ],
  },
  'town-centre-2027': {
    widget: 'ranking',
    answers: [
      [64, { order: ['empty-shops', 'crossings', 'parking', 'seating'] }],
      [41, { order: ['crossings', 'empty-shops', 'seating', 'parking'] }],
      [27, { order: ['parking', 'empty-shops', 'crossings', 'seating'] }],
      [15, { order: ['seating', 'crossings', 'empty-shops', 'parking'] }],
    ],
  },
  'loneliness-ideas-2027': {
    widget: 'pairwise',
    answers: [
      ...wins('lunch-club', { 'phone-line': 21, 'bus-passes': 14, garden: 18, benches: 25 }),
      ...wins('phone-line', { 'lunch-club': 12, 'bus-passes': 10, garden: 13, benches: 19 }),
      ...wins('bus-passes', { 'lunch-club': 11, 'phone-line': 15, garden: 16, benches: 20 }),
      ...wins('garden', { 'lunch-club': 9, 'phone-line': 12, 'bus-passes': 10, benches: 17 }),
      ...wins('benches', { 'lunch-club': 4, 'phone-line': 8, 'bus-passes': 6, garden: 9 }),
    ],
  },
  'ward-fund-2027': {
    widget: 'budget',
    answers: [
      [31, { allocation: { 'youth-club': 8000, 'hall-roof': 6000, trees: 2000, swimming: 4000 } }],
      [22, { allocation: { 'youth-club': 5000, 'hall-roof': 10000, trees: 3000, swimming: 2000 } }],
      [14, { allocation: { 'youth-club': 4000, 'hall-roof': 4000, trees: 8000, swimming: 4000 } }],
      [9, { allocation: { 'youth-club': 10000, 'hall-roof': 2000, trees: 0, swimming: 8000 } }],
    ],
  },
  'penrhos-neighbourhood-2027': {
    widget: 'needs-assets',
    answers: [
      [26, { needs: [{ category: 'getting-about' }, { category: 'company' }], assets: [{ category: 'time' }] }],
      [19, { needs: [{ category: 'food' }, { category: 'warm-spaces' }], assets: [{ category: 'skills' }] }],
      [12, { needs: [{ category: 'company' }], assets: [{ category: 'space' }, { category: 'time' }] }],
      [7, { needs: [{ category: 'getting-about' }], assets: [{ category: 'equipment' }] }],
    ],
  },
  // The default categories of <delib-needs-assets> (packages/needs-assets/src/categories.ts).
  'neighbourhood-needs-2026': {
    widget: 'needs-assets',
    answers: [
      [28, { needs: [{ category: 'getting-around' }, { category: 'older-people' }], assets: [{ category: 'time' }] }],
      [
        22,
        {
          needs: [{ category: 'children-and-young-people' }, { category: 'safety' }],
          assets: [{ category: 'skills' }, { category: 'space' }],
        },
      ],
      [17, { needs: [{ category: 'housing' }, { category: 'digital-access' }], assets: [{ category: 'knowledge' }] }],
      [
        12,
        {
          needs: [{ category: 'food' }, { category: 'health-and-care' }],
          assets: [{ category: 'equipment' }, { category: 'connections' }],
        },
      ],
      [
        9,
        {
          needs: [{ category: 'green-spaces' }, { category: 'culture' }],
          assets: [{ category: 'time' }, { category: 'skills' }],
        },
      ],
      [4, { needs: [{ category: 'jobs-and-skills' }, { category: 'other', detail: 'A cash machine' }], assets: [] }],
    ],
  },
};

/** Responses sent during the current story, by envelope id (stored once, as the contract says). */
const sent = new Map<string, Envelope>();

/** Forgets the responses sent in earlier stories. */
export function resetMockResponses(): void {
  sent.clear();
}

/** The tally rows of `count` identical responses. */
const rowsOf = (widget: WidgetKind, answer: AnswerByKind[WidgetKind], count = 1): Tally[] =>
  tallies({ widget, answer } as Envelope).map((row) => ({ ...row, n: row.n * count, a: row.a * count, b: row.b * count }));

/** The kinds of widget the mock answers for: a made-up `?widget=` gets a 404, not a broken shape. */
const kinds = new Set<string>(['poll', 'ranking', 'pairwise', 'budget', 'needs-assets'] satisfies WidgetKind[]);

/**
 * The widget id's results in the shape for its kind: the seeded responses plus those sent in this
 * story. The kind is the seed's, else the first response's, else the widget's `?widget=` hint, as
 * the reference endpoint does; undefined (a 404) when none says.
 */
function resultsFor(widgetId: string, hint: string | null) {
  const seed = seeds[widgetId];
  const widget = seed?.widget ?? [...sent.values()].find((envelope) => envelope.widgetId === widgetId)?.widget ?? hint;
  if (!widget || !kinds.has(widget)) return undefined;
  const kind = widget as WidgetKind;
  const mine = [...sent.values()].filter((envelope) => envelope.widgetId === widgetId && envelope.widget === kind);
  const rows = [
    ...(seed?.answers ?? []).flatMap(([count, answer]) => rowsOf(kind, answer, count)),
    ...mine.flatMap((envelope) => rowsOf(kind, envelope.answer)),
  ];
  // One row per (bucket, key), as the reference endpoint keeps them.
  const merged = new Map<string, Tally>();
  for (const row of rows) {
    const key = `${row.bucket}\u0000${row.key}`;
    const into = merged.get(key);
    if (into) Object.assign(into, { n: into.n + row.n, a: into.a + row.a, b: into.b + row.b });
    else merged.set(key, { ...row });
  }
  const total = (seed?.answers ?? []).reduce((sum, [count]) => sum + count, 0) + mine.length;
  const outcome = outcomes[widgetId];
  return { ...results(kind, widgetId, total, [...merged.values()]), ...(outcome ? { outcome } : {}) };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A little latency, so that "Sending…" and "Loading results…" are real states, if brief ones. */
const latency = (milliseconds = 250) => new Promise((done) => setTimeout(done, milliseconds));

async function answer(url: URL, init: RequestInit | undefined, method: string): Promise<Response> {
  const match = /^\/api(?:-(offline|refuse|slow|broken|closed))?(\/.*)$/.exec(url.pathname);
  if (!match) return json(404, { error: { code: 'not_found', message: 'Not found' } });
  const [, variant, route] = match;
  await latency();
  if (variant === 'offline') throw new TypeError('Failed to fetch');

  const resultsRoute = /^\/results\/([^/]+)$/.exec(route);
  if (resultsRoute && method === 'GET') {
    if (variant === 'broken') return json(503, { error: { code: 'unavailable', message: 'Try again later' } });
    const found = resultsFor(decodeURIComponent(resultsRoute[1]), url.searchParams.get('widget'));
    return found
      ? json(200, found)
      : json(404, { error: { code: 'not_found', message: 'No responses for this widgetId yet.', field: 'widgetId' } });
  }

  const itemsRoute = /^\/items\/([^/]+)$/.exec(route);
  if (itemsRoute && method === 'GET') {
    const items = approved[decodeURIComponent(itemsRoute[1])];
    return items ? json(200, { items }) : json(404, { error: { code: 'not_found', message: 'No approved items.' } });
  }

  if (route === '/responses' && method === 'POST') {
    if (variant === 'slow') return new Promise<Response>(() => {});
    if (variant === 'closed') return json(410, { error: { code: 'closed', message: 'This question is closed.' } });
    if (variant === 'refuse') return json(422, refusal);
    const envelope = JSON.parse(String(init?.body ?? '{}')) as Envelope;
    const again = sent.has(envelope.id);
    if (!again) sent.set(envelope.id, envelope);
    return json(again ? 200 : 201, { id: envelope.id, accepted: true });
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
