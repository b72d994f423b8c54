import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { brotliCompressSync } from 'node:zlib';
import { buildApp } from '../src/app.ts';
import { openStore } from '../src/config.ts';
import { startServer } from '../src/cli.ts';
import { postgresUrlForTests } from './fixtures/databases.mjs';

/**
 * The HTTP API (CONTRACT.md sections 4 and 7) against real SQLite and real PostgreSQL, through
 * Fastify's injection: every malformed body gets a 4xx with the contract's error body and changes
 * nothing; results, export and headers as documented.
 */

const token = 'correct horse battery staple';
const envelope = (overrides = {}) => ({
  id: randomUUID(),
  widget: 'poll',
  widgetId: `poll-${randomUUID()}`,
  submittedAt: '2026-11-29T17:00:00.000Z',
  locale: 'en',
  page: 'https://council.example/parks',
  answer: { choices: ['lighting'] },
  ...overrides,
});

// DELIB_TEST_STORES=sqlite narrows a local run; CI runs both.
for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
  describe(`the API on ${kind}`, () => {
    let app;
    let folder;
    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'delib-api-'));
      const store = await openStore(kind === 'sqlite' ? `file:${join(folder, 'delib.sqlite')}` : await postgresUrlForTests());
      app = await buildApp({ store, adminToken: token, logger: false });
    });
    after(async () => {
      await app?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    const post = (body, headers = { 'content-type': 'application/json' }) =>
      app.inject({
        method: 'POST',
        url: '/api/responses',
        headers,
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const results = async (widgetId, query = '') =>
      (await app.inject(`/api/results/${encodeURIComponent(widgetId)}${query}`)).json();

    test('health', async () => {
      const response = await app.inject('/api/health');
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { ok: true });
    });

    test('stores a response once: 201, then 200 for the same id', async () => {
      const sent = envelope();
      const first = await post(sent);
      assert.equal(first.statusCode, 201);
      assert.deepEqual(first.json(), { id: sent.id, accepted: true });
      const again = await post(sent);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { id: sent.id, accepted: true });
      assert.deepEqual(await results(sent.widgetId), {
        widget: 'poll',
        widgetId: sent.widgetId,
        total: 1,
        counts: { lighting: 1 },
      });
    });

    test('an id in upper case is the same response as in lower case: stored once, acknowledged in lower case', async () => {
      const sent = envelope({ id: randomUUID().toUpperCase() });
      const first = await post(sent);
      assert.equal(first.statusCode, 201);
      assert.deepEqual(first.json(), { id: sent.id.toLowerCase(), accepted: true });
      for (const id of [sent.id.toLowerCase(), sent.id, `${sent.id.slice(0, 4).toLowerCase()}${sent.id.slice(4)}`]) {
        const again = await post({ ...sent, id });
        assert.equal(again.statusCode, 200, id);
        assert.deepEqual(again.json(), { id: sent.id.toLowerCase(), accepted: true });
      }
      assert.equal((await results(sent.widgetId)).total, 1);
      const rows = (
        await app.inject({ url: `/api/export/${sent.widgetId}?format=json`, headers: { authorization: `Bearer ${token}` } })
      ).json();
      assert.deepEqual(
        rows.map((row) => row.id),
        [sent.id.toLowerCase()],
      );
    });

    test('never stores a query or fragment of the page address', async () => {
      const sent = envelope({ page: 'https://council.example/parks?email=ann@example.org#top' });
      assert.equal((await post(sent)).statusCode, 201);
      const [row] = (
        await app.inject({ url: `/api/export/${sent.widgetId}?format=json`, headers: { authorization: `Bearer ${token}` } })
      ).json();
      assert.equal(row.page, 'https://council.example/parks');
    });

    test('concurrent duplicates are stored once', async () => {
      const sent = envelope();
      const answers = await Promise.all(Array.from({ length: 50 }, () => post(sent)));
      const statuses = answers.map((answer) => answer.statusCode);
      assert.equal(statuses.filter((status) => status === 201).length, 1);
      assert.equal(statuses.filter((status) => status === 200).length, 49);
      assert.equal((await results(sent.widgetId)).total, 1);
    });

    const widgetId = `bad-input-${randomUUID()}`;
    const huge = JSON.stringify(envelope({ widgetId, answer: { choices: ['a'], other: 'x'.repeat(70_000) } }));
    const cases = {
      'wrong content type': [
        () => post(JSON.stringify(envelope({ widgetId })), { 'content-type': 'text/plain' }),
        415,
        'unsupported_media_type',
      ],
      // (A form-encoded body is a widget's plain form: form-post.test.mjs.)
      multipart: [() => post('--x\r\n', { 'content-type': 'multipart/form-data; boundary=x' }), 415, 'unsupported_media_type'],
      'no content type': [() => post(JSON.stringify(envelope({ widgetId })), {}), 415, 'unsupported_media_type'],
      'malformed JSON': [() => post('{"id": ', { 'content-type': 'application/json' }), 400, 'invalid_json'],
      'empty body': [() => post('', { 'content-type': 'application/json' }), 400, 'invalid_json'],
      'a JSON array': [() => post('[]'), 400, 'invalid'],
      'a JSON string': [() => post('"hello"'), 400, 'invalid'],
      null: [() => post('null'), 400, 'invalid'],
      'over 64 KB': [() => post(huge), 413, 'too_large'],
      'U+0000 in a string': [
        () => post(envelope({ widgetId, page: 'https://council.example/a\u0000b' })),
        400,
        'invalid',
        'page',
      ],
      'half a surrogate pair': [
        () => post(envelope({ widgetId, answer: { choices: ['a\ud800'] } })),
        400,
        'invalid',
        'answer.choices.0',
      ],
      'prototype pollution': [
        () => post(`{"__proto__": {"polluted": true}, ${JSON.stringify(envelope({ widgetId })).slice(1)}`),
        400,
        undefined,
      ],
      'unknown field': [() => post(envelope({ widgetId, extra: 1 })), 400, 'unknown_field', 'extra'],
      'unknown answer field': [
        () => post(envelope({ widgetId, answer: { choices: ['a'], note: 'x' } })),
        400,
        'unknown_field',
        'answer.note',
      ],
      'missing id': [() => post((({ id, ...rest }) => rest)(envelope({ widgetId }))), 400, 'invalid', 'id'],
      'non-UUID id': [() => post(envelope({ widgetId, id: 'not-a-uuid' })), 400, 'invalid', 'id'],
      'id of the wrong type': [() => post(envelope({ widgetId, id: 42 })), 400, 'invalid', 'id'],
      'empty widgetId': [() => post(envelope({ widgetId: '' })), 400, 'invalid', 'widgetId'],
      'widgetId over 200': [() => post(envelope({ widgetId: 'w'.repeat(201) })), 400, 'invalid', 'widgetId'],
      'widgetId with a control character': [() => post(envelope({ widgetId: 'a\u0007b' })), 400, 'invalid', 'widgetId'],
      'unknown widget kind': [() => post(envelope({ widgetId, widget: 'quiz' })), 400, 'invalid', 'widget'],
      'bad submittedAt': [() => post(envelope({ widgetId, submittedAt: 'yesterday' })), 400, 'invalid', 'submittedAt'],
      'poll: choices not strings': [
        () => post(envelope({ widgetId, answer: { choices: [1] } })),
        400,
        'invalid',
        'answer.choices.0',
      ],
      'poll: no choices': [() => post(envelope({ widgetId, answer: { choices: [] } })), 400, 'invalid', 'answer.choices'],
      'poll: choice too long': [
        () => post(envelope({ widgetId, answer: { choices: ['x'.repeat(201)] } })),
        400,
        'invalid',
        'answer.choices.0',
      ],
      'ranking: duplicates': [
        () => post(envelope({ widgetId: `${widgetId}-r`, widget: 'ranking', answer: { order: ['a', 'a'] } })),
        400,
        'invalid',
        'answer.order',
      ],
      'budget: fraction': [
        () => post(envelope({ widgetId: `${widgetId}-b`, widget: 'budget', answer: { allocation: { a: 1.5 } } })),
        400,
        'invalid',
        'answer.allocation.a',
      ],
      'budget: negative': [
        () => post(envelope({ widgetId: `${widgetId}-b`, widget: 'budget', answer: { allocation: { a: -1 } } })),
        400,
        'invalid',
        'answer.allocation.a',
      ],
      'pairwise: same item twice': [
        () => post(envelope({ widgetId: `${widgetId}-p`, widget: 'pairwise', answer: { pair: ['a', 'a'], winner: 'a' } })),
        400,
        'invalid',
      ],
      'pairwise: winner outside the pair': [
        () => post(envelope({ widgetId: `${widgetId}-p`, widget: 'pairwise', answer: { pair: ['a', 'b'], winner: 'c' } })),
        400,
        'invalid',
        'answer.winner',
      ],
      'needs-assets: contact without a way to reach them': [
        () =>
          post(
            envelope({
              widgetId: `${widgetId}-n`,
              widget: 'needs-assets',
              answer: { needs: [], assets: [], contact: { name: 'Ann' } },
            }),
          ),
        400,
        'invalid',
      ],
    };
    for (const [name, [send, status, code, field]] of Object.entries(cases)) {
      test(`refuses ${name} with ${status}, the error body, and stores nothing`, async () => {
        const response = await send();
        assert.equal(response.statusCode, status, response.body);
        const { error } = response.json();
        assert.equal(typeof error.message, 'string');
        assert.ok(error.message.length > 0);
        if (code) assert.equal(error.code, code);
        if (field) assert.equal(error.field, field);
        for (const suffix of ['', '-r', '-b', '-p', '-n'])
          assert.equal((await app.inject(`/api/results/${widgetId}${suffix}`)).statusCode, 404);
      });
    }

    test('60 concurrent posts of 100 new choices each: the widget holds at most 1,000 different values', async () => {
      const widgetId = `values-race-${randomUUID()}`;
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, n) =>
          post(envelope({ widgetId, answer: { choices: Array.from({ length: 100 }, (_, i) => `value-${n}-${i}`) } })),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      assert.equal(statuses.filter((status) => status === 201).length, 10, JSON.stringify(statuses));
      assert.equal(statuses.filter((status) => status === 422).length, 50);
      assert.equal((await results(widgetId)).total, 10);
      const rows = (
        await app.inject({ url: `/api/export/${widgetId}?format=json`, headers: { authorization: `Bearer ${token}` } })
      ).json();
      assert.equal(new Set(rows.flatMap((row) => row.answer.choices)).size, 1000);
    });

    test("results hold at most 100 values per bucket, and strangers' values never push out the ones a page names", async () => {
      const widgetId = `results-cap-${randomUUID()}`;
      const long = (kind, n) => `${kind}-${n}-`.padEnd(200, 'x');
      const entries = (kind, from) => Array.from({ length: 100 }, (_, i) => ({ category: long(kind, from + i) }));
      // A page's own categories, named by three residents.
      for (let n = 0; n < 3; n++) {
        const answer = { needs: [{ category: 'food' }, { category: 'housing' }], assets: [{ category: 'skills' }] };
        assert.equal((await post(envelope({ widgetId, widget: 'needs-assets', answer }))).statusCode, 201);
      }
      // Strangers fill both buckets to the limit with long made-up ones, each named more often than the page's.
      for (let from = 0; from < 1000 - 3; from += 100) {
        for (let copy = 0; copy < 4; copy++) {
          const answer = {
            needs: entries('need', from).slice(0, 997 - from),
            assets: entries('asset', from).slice(0, 998 - from),
          };
          assert.equal((await post(envelope({ widgetId, widget: 'needs-assets', answer }))).statusCode, 201);
        }
      }
      const everything = await app.inject(`/api/results/${widgetId}?widget=needs-assets`);
      assert.equal(everything.statusCode, 200);
      const capped = everything.json();
      assert.equal(capped.total, 3 + 40);
      assert.equal(Object.keys(capped.needs).length, 100);
      assert.equal(Object.keys(capped.assets).length, 100);
      assert.ok(everything.body.length < 48 * 1024, `${everything.body.length} bytes`);
      // The most named first: here the strangers' values, each named four times.
      assert.ok(Object.values(capped.needs).every((count) => count === 4));
      // A widget names the values it shows, and gets exactly those, however many others there are.
      const named = await app.inject(
        `/api/results/${widgetId}?widget=needs-assets&value=food&value=housing&value=skills&value=play`,
      );
      assert.equal(named.statusCode, 200);
      assert.deepEqual(named.json(), {
        widget: 'needs-assets',
        widgetId,
        total: 43,
        needs: { food: 3, housing: 3 },
        assets: { skills: 3 },
      });
      const one = await app.inject(`/api/results/${widgetId}?value=food`);
      assert.deepEqual(one.json().needs, { food: 3 });
      for (const query of [
        Array.from({ length: 101 }, (_, i) => `value=v${i}`).join('&'),
        `value=${'x'.repeat(201)}`,
        'value=',
      ]) {
        const refused = await app.inject(`/api/results/${widgetId}?${query}`);
        assert.equal(refused.statusCode, 400, query.slice(0, 40));
        assert.equal(refused.json().error.field, 'value');
      }
    });

    test('results of a ranking named by value keep their order and figures', async () => {
      const ranking = `results-named-${randomUUID()}`;
      for (const order of [
        ['a', 'b', 'c'],
        ['b', 'a', 'c'],
        ['a', 'c', 'b'],
      ])
        await post(envelope({ widgetId: ranking, widget: 'ranking', answer: { order } }));
      assert.deepEqual((await results(ranking, '?value=c&value=a')).items, [
        { id: 'a', borda: 5, meanRank: 1.333 },
        { id: 'c', borda: 1, meanRank: 2.667 },
      ]);
      assert.equal((await results(ranking, '?value=c&value=a')).total, 3);
    });

    test('refuses a widgetId already used by another kind of widget', async () => {
      const poll = envelope();
      assert.equal((await post(poll)).statusCode, 201);
      const response = await post(envelope({ widgetId: poll.widgetId, widget: 'ranking', answer: { order: ['a'] } }));
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().error.field, 'widgetId');
      assert.equal((await results(poll.widgetId)).total, 1);
    });

    test('results of every widget kind, as the contract defines them', async () => {
      const id = (name) => `${name}-${randomUUID()}`;
      const ranking = id('ranking');
      for (const order of [
        ['a', 'b', 'c'],
        ['b', 'a', 'c'],
        ['a', 'c', 'b'],
      ])
        await post(envelope({ widgetId: ranking, widget: 'ranking', answer: { order } }));
      assert.deepEqual(await results(ranking), {
        widget: 'ranking',
        widgetId: ranking,
        total: 3,
        items: [
          { id: 'a', borda: 5, meanRank: 1.333 },
          { id: 'b', borda: 3, meanRank: 2 },
          { id: 'c', borda: 1, meanRank: 2.667 },
        ],
      });
      const pairwise = id('pairwise');
      for (const answer of [
        { pair: ['a', 'b'], winner: 'a' },
        { pair: ['a', 'b'], winner: 'a' },
        { pair: ['b', 'c'], winner: null },
        { suggestion: 'More benches' },
      ]) {
        await post(envelope({ widgetId: pairwise, widget: 'pairwise', answer }));
      }
      assert.deepEqual((await results(pairwise)).items, [
        { id: 'a', score: 75, wins: 2, losses: 0 },
        { id: 'c', score: 50, wins: 0, losses: 0 },
        { id: 'b', score: 25, wins: 0, losses: 2 },
      ]);
      const budget = id('budget');
      await post(envelope({ widgetId: budget, widget: 'budget', answer: { allocation: { play: 60, lighting: 40 } } }));
      await post(envelope({ widgetId: budget, widget: 'budget', answer: { allocation: { play: 10, lighting: 0 } } }));
      assert.deepEqual((await results(budget)).items, [
        { id: 'play', total: 70, mean: 35 },
        { id: 'lighting', total: 40, mean: 20 },
      ]);
      const needs = id('needs');
      await post(
        envelope({
          widgetId: needs,
          widget: 'needs-assets',
          answer: { needs: [{ category: 'food' }], assets: [{ category: 'skills', detail: 'Plumbing' }] },
        }),
      );
      await post(
        envelope({
          widgetId: needs,
          widget: 'needs-assets',
          answer: { needs: [{ category: 'food' }, { category: 'housing' }], assets: [] },
        }),
      );
      assert.deepEqual(await results(needs), {
        widget: 'needs-assets',
        widgetId: needs,
        total: 2,
        needs: { food: 2, housing: 1 },
        assets: { skills: 1 },
      });
    });

    test('results for a widget nobody answered: 404, or empty results of the kind a widget names', async () => {
      const unknown = `unknown-${randomUUID()}`;
      const missing = await app.inject(`/api/results/${unknown}`);
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      assert.deepEqual(await results(unknown, '?widget=poll'), { widget: 'poll', widgetId: unknown, total: 0, counts: {} });
      assert.deepEqual(await results(unknown, '?widget=ranking'), { widget: 'ranking', widgetId: unknown, total: 0, items: [] });
      assert.equal((await app.inject('/api/results/%20bad')).statusCode, 400);
    });

    test('export needs the admin token, compared in constant time', async () => {
      const sent = envelope();
      await post(sent);
      for (const authorization of [undefined, 'Bearer wrong', `Basic ${token}`, `Bearer ${token}x`]) {
        const response = await app.inject({
          url: `/api/export/${sent.widgetId}?format=csv`,
          headers: authorization ? { authorization } : {},
        });
        assert.equal(response.statusCode, 401, authorization);
        assert.equal(response.json().error.code, 'unauthorized');
      }
    });

    test('exports CSV, one row per response, safe from spreadsheet formulas', async () => {
      const widget = `export-${randomUUID()}`;
      const dangerous = envelope({
        widgetId: widget,
        answer: { choices: ['other'], other: '=HYPERLINK("http://evil","click")' },
      });
      await post(dangerous);
      await post(envelope({ widgetId: widget, answer: { choices: ['lighting', 'play'] } }));
      const response = await app.inject({
        url: `/api/export/${widget}?format=csv`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'], /^text\/csv/);
      assert.match(response.headers['content-disposition'], /attachment; filename=".*\.csv"/);
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines.length, 3);
      assert.equal(
        lines[0],
        'id,widget,widgetId,submittedAt,receivedAt,locale,page,choices,other,chose lighting,chose other,chose play',
      );
      assert.ok(lines[1].includes(`"'=HYPERLINK(""http://evil"",""click"")"`), lines[1]);
      assert.ok(lines[2].endsWith(',lighting; play,,1,0,1'), lines[2]);
    });

    test('exports JSON: every envelope as stored, with when it arrived', async () => {
      const widget = `export-${randomUUID()}`;
      const sent = [envelope({ widgetId: widget }), envelope({ widgetId: widget, answer: { choices: ['play'] } })];
      for (const item of sent) await post(item);
      const response = await app.inject({
        url: `/api/export/${widget}?format=json`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.statusCode, 200);
      const rows = response.json();
      assert.deepEqual(
        rows.map(({ receivedAt, ...rest }) => rest),
        sent,
      );
      for (const row of rows) assert.ok(!Number.isNaN(Date.parse(row.receivedAt)));
      const bad = await app.inject({ url: `/api/export/${widget}?format=xml`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(bad.statusCode, 400);
    });

    /** The path a browser requests for `/api/{route}/{widgetId}`: it resolves dot segments away. */
    const browserPath = (route, widgetId, query = '') =>
      new URL(`http://endpoint.example/api/${route}/${encodeURIComponent(widgetId)}${query}`).pathname + query;

    test('every widgetId it accepts has results and export, at the edges of the limit', async () => {
      const emoji = '\u{1F333}';
      const accepted = [
        'w'.repeat(101),
        `${'w'.repeat(190)}-${randomUUID().slice(0, 9)}`,
        `${'ŵ'.repeat(190)}${randomUUID().slice(0, 10)}`,
        `${emoji.repeat(190)}${randomUUID().slice(0, 10)}`,
        `...${randomUUID()}`,
        `a/../b?c#d%e ${randomUUID()}`,
      ];
      for (const widgetId of accepted) {
        const sent = envelope({ widgetId });
        assert.equal((await post(sent)).statusCode, 201, widgetId);
        const read = await app.inject(browserPath('results', widgetId));
        assert.equal(read.statusCode, 200, `results of a ${[...widgetId].length}-character id: ${read.body}`);
        assert.equal(read.json().widgetId, widgetId);
        const exported = await app.inject({
          url: browserPath('export', widgetId, '?format=json'),
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(exported.statusCode, 200, `export of a ${[...widgetId].length}-character id: ${exported.body}`);
        assert.equal(exported.json()[0].id, sent.id);
      }
    });

    test('a widgetId no browser could read back is refused when posted, and results name the field', async () => {
      for (const widgetId of ['.', '..', 'w'.repeat(201), '\u{1F333}'.repeat(201)]) {
        const refused = await post(envelope({ widgetId }));
        assert.equal(refused.statusCode, 400, widgetId);
        assert.equal(refused.json().error.field, 'widgetId');
      }
      for (const widgetId of ['w'.repeat(201), '\u{1F333}'.repeat(201)]) {
        const read = await app.inject(browserPath('results', widgetId, '?widget=poll'));
        assert.equal(read.statusCode, 400, read.body);
        assert.equal(read.json().error.field, 'widgetId');
      }
    });

    test('CORS lets any site post by default and read Retry-After; security headers on every answer', async () => {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/responses',
        headers: {
          origin: 'https://council.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      assert.ok(preflight.statusCode < 300);
      assert.equal(preflight.headers['access-control-allow-origin'], '*');
      const answer = await post(envelope(), { 'content-type': 'application/json', origin: 'https://council.example' });
      assert.equal(answer.headers['access-control-allow-origin'], '*');
      assert.match(answer.headers['access-control-expose-headers'], /Retry-After/i);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff');
      assert.equal(answer.headers['cache-control'], 'no-store');
    });
  });
}

describe('distinct values', () => {
  test('past the limit, new values are refused with 422 while known ones still count', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-values-'));
    const app = await buildApp({ store: await openStore(`file:${join(folder, 'x.sqlite')}`), valueLimit: 3, logger: false });
    const widgetId = `values-${randomUUID()}`;
    const vote = (choices) =>
      app.inject({
        method: 'POST',
        url: '/api/responses',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(envelope({ widgetId, answer: { choices } })),
      });
    try {
      assert.equal((await vote(['a', 'b'])).statusCode, 201);
      assert.equal((await vote(['c'])).statusCode, 201);
      const refused = await vote(['spam']);
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().error.code, 'too_many_values');
      assert.equal((await vote(['a', 'spam'])).statusCode, 422);
      assert.equal((await vote(['a', 'c'])).statusCode, 201);
      const results = (await app.inject(`/api/results/${widgetId}`)).json();
      assert.deepEqual(results.counts, { a: 2, b: 1, c: 2 });
      assert.equal(results.total, 3);
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('results are cached between writes', () => {
  test('read again only after a response is stored, by this process or another on the same database', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-cache-'));
    const file = `file:${join(folder, 'x.sqlite')}`;
    const store = await openStore(file);
    let reads = 0;
    const counting = new Proxy(store, {
      get(target, name) {
        const value = Reflect.get(target, name);
        if (name === 'results') return (...args) => (reads++, value.apply(target, args));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const app = await buildApp({ store: counting, logger: false });
    const other = await openStore(file);
    const widgetId = `cached-${randomUUID()}`;
    const vote = (choices) =>
      app.inject({ method: 'POST', url: '/api/responses', payload: envelope({ widgetId, answer: { choices } }) });
    const counts = async (query = '') => (await app.inject(`/api/results/${widgetId}${query}`)).json().counts;
    try {
      await vote(['a']);
      assert.deepEqual(await counts(), { a: 1 });
      assert.deepEqual(await counts(), { a: 1 });
      assert.deepEqual(await counts(), { a: 1 });
      assert.equal(reads, 1);
      await vote(['b']);
      assert.deepEqual(await counts(), { a: 1, b: 1 });
      assert.equal(reads, 2);
      // A response stored by another process is seen at once.
      await other.insert(envelope({ widgetId, answer: { choices: ['a'] } }), new Date());
      assert.deepEqual(await counts(), { a: 2, b: 1 });
      assert.deepEqual(await counts(), { a: 2, b: 1 });
      assert.equal(reads, 3);
      // Each set of named values is its own entry.
      assert.deepEqual(await counts('?value=b&value=a'), { a: 2, b: 1 });
      assert.deepEqual(await counts('?value=a&value=b'), { a: 2, b: 1 });
      assert.deepEqual(await counts('?value=a'), { a: 2 });
      assert.equal(reads, 5);
    } finally {
      await other.close();
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('when the database fails', () => {
  test('answers 503 with Retry-After, which widgets retry, and never a bare 500', async () => {
    const broken = {
      kind: 'sqlite',
      insert: async () => {
        throw new Error('disk I/O error');
      },
      results: async () => {
        throw new Error('disk I/O error');
      },
      version: async () => {
        throw new Error('disk I/O error');
      },
      close: async () => {},
    };
    const app = await buildApp({ store: broken, logger: false });
    try {
      const posted = await app.inject({
        method: 'POST',
        url: '/api/responses',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(envelope()),
      });
      assert.equal(posted.statusCode, 503);
      assert.equal(posted.headers['retry-after'], '10');
      assert.equal(posted.json().error.code, 'unavailable');
      const read = await app.inject('/api/results/anything');
      assert.equal(read.statusCode, 503);
      assert.ok(!posted.body.includes('disk I/O'), 'no internals in the answer');
    } finally {
      await app.close();
    }
  });
});

describe('logs', () => {
  test('say what was asked and answered, never who asked', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-logs-'));
    const lines = [];
    const stream = { write: (line) => lines.push(line) };
    const app = await buildApp({ store: await openStore(`file:${join(folder, 'x.sqlite')}`), logger: { stream } });
    try {
      await app.inject({
        method: 'POST',
        url: '/api/responses',
        remoteAddress: '203.0.113.9',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Mozilla/5.0 (resident phone)',
          'x-forwarded-for': '198.51.100.7',
        },
        payload: JSON.stringify(envelope({ answer: { choices: ['other'], other: 'my secret answer' } })),
      });
      const log = lines.join('');
      assert.match(log, /"url":"\/api\/responses"/);
      assert.match(log, /"statusCode":201/);
      for (const secret of [
        '203.0.113.9',
        '198.51.100.7',
        'Mozilla',
        'resident phone',
        'my secret answer',
        'remoteAddress',
        'user-agent',
      ]) {
        assert.ok(!log.includes(secret), `the log holds ${secret}`);
      }
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('configuration', () => {
  test('DELIB_CORS_ORIGINS limits who may call', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-cors-'));
    const app = await buildApp({
      store: await openStore(`file:${join(folder, 'x.sqlite')}`),
      corsOrigins: ['https://council.example'],
      logger: false,
    });
    try {
      const allowed = await app.inject({ url: '/api/health', headers: { origin: 'https://council.example' } });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://council.example');
      const other = await app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('DELIB_RATE_LIMIT refuses the excess with 429 and Retry-After, in the contract body', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-rate-'));
    const app = await buildApp({ store: await openStore(`file:${join(folder, 'x.sqlite')}`), rateLimit: 3, logger: false });
    try {
      const statuses = [];
      let last;
      for (let index = 0; index < 5; index++) {
        last = await app.inject({
          method: 'POST',
          url: '/api/responses',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(envelope()),
        });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      assert.ok(Number(last.headers['retry-after']) > 0);
      assert.equal(last.json().error.code, 'rate_limited');
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('static files', () => {
  test('dotfiles and dot-folders are never served, however the path is written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-static-'));
    const root = join(folder, 'public');
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(root, 'themes'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>ok</title>');
    writeFileSync(join(root, 'themes', 'govuk.css'), ':root{}');
    writeFileSync(join(root, '.env-test'), 'SECRET=1');
    writeFileSync(join(root, '.git', 'config'), '[core]');
    writeFileSync(join(root, 'themes', '.draft.css'), ':root{}');
    const app = await buildApp({
      store: await openStore(`file:${join(folder, 'x.sqlite')}`),
      staticRoots: [root],
      logger: false,
    });
    try {
      assert.equal((await app.inject('/index.html')).statusCode, 200);
      assert.equal((await app.inject('/themes/govuk.css')).statusCode, 200);
      for (const path of ['/.env-test', '/%2Eenv-test', '/.git/config', '/.git/', '/themes/.draft.css', '/themes/%2edraft.css']) {
        const response = await app.inject(path);
        assert.equal(response.statusCode, 404, `${path}: ${response.statusCode}`);
        assert.equal(response.json().error.code, 'not_found', path);
        assert.ok(!response.body.includes('SECRET'), path);
      }
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
  test('several folders: the first holding a path answers, compressed or not, as a browser asks (Accept-Encoding)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delib-static-'));
    const [pages, bundles] = [join(folder, 'pages'), join(folder, 'bundles')];
    mkdirSync(pages);
    mkdirSync(bundles);
    writeFileSync(join(pages, 'index.html'), '<!doctype html><title>pages</title>');
    writeFileSync(join(pages, 'site.css'), 'p{}');
    writeFileSync(join(bundles, 'index.html'), '<!doctype html><title>bundles</title>');
    writeFileSync(join(bundles, 'delib.js'), 'export{}');
    writeFileSync(join(bundles, 'delib.js.br'), brotliCompressSync('export{}'));
    const app = await buildApp({
      store: await openStore(`file:${join(folder, 'x.sqlite')}`),
      staticRoots: [pages, bundles],
      logger: false,
    });
    try {
      for (const headers of [{}, { 'accept-encoding': 'br, gzip, deflate' }]) {
        const get = (url) => app.inject({ url, headers });
        const label = JSON.stringify(headers);
        assert.match((await get('/')).body, /pages/, label);
        assert.match((await get('/index.html')).body, /pages/, label);
        assert.equal((await get('/site.css')).statusCode, 200, label);
        const bundle = await get('/delib.js');
        assert.equal(bundle.statusCode, 200, label);
        assert.equal(bundle.headers['content-encoding'], headers['accept-encoding'] ? 'br' : undefined, label);
        assert.equal((await get('/missing.js')).json().error.code, 'not_found', label);
      }
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the demo (npm start --demo)', () => {
  let folder;
  before(() => (folder = mkdtempSync(join(tmpdir(), 'delib-demo-switch-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const start = (demo) =>
    startServer({ port: 0, host: '127.0.0.1', databaseUrl: `file:${join(folder, `${demo}.sqlite`)}`, demo, logger: false });

  test('without --demo there are no demo pages and no outage switch', async () => {
    const server = await start(false);
    try {
      for (const path of ['/council-consultation.html', '/index.html', '/demo.js', '/api/_outage']) {
        const response = await server.app.inject(path);
        assert.equal(response.statusCode, 404, path);
        assert.equal(response.json().error.code, 'not_found');
      }
      const switched = await server.app.inject({ method: 'POST', url: '/api/_outage', payload: { down: true } });
      assert.equal(switched.statusCode, 404);
      assert.equal((await server.app.inject({ method: 'POST', url: '/api/responses', payload: envelope() })).statusCode, 201);
    } finally {
      await server.close();
    }
  });

  test('with --demo the outage switch answers only the loopback address, whatever X-Forwarded-For says', async () => {
    const server = await start(true);
    const outage = (remoteAddress, down, headers = {}) =>
      server.app.inject({
        method: down === undefined ? 'GET' : 'POST',
        url: '/api/_outage',
        remoteAddress,
        headers,
        payload: down === undefined ? undefined : { down },
      });
    try {
      assert.equal((await server.app.inject('/council-consultation.html')).statusCode, 200);
      for (const [remoteAddress, headers] of [
        ['203.0.113.9', {}],
        ['203.0.113.9', { 'x-forwarded-for': '127.0.0.1' }],
        ['10.0.0.2', { 'x-real-ip': '127.0.0.1', 'x-forwarded-for': '::1' }],
        ['::ffff:192.0.2.1', {}],
      ]) {
        for (const down of [undefined, true]) {
          const response = await outage(remoteAddress, down, headers);
          assert.equal(response.statusCode, 403, `${remoteAddress} ${JSON.stringify(headers)}`);
          assert.equal(response.json().error.code, 'forbidden');
          assert.equal(response.headers['cache-control'], 'no-store');
        }
      }
      // Residents still get through: nobody elsewhere could switch the outage on.
      assert.equal(
        (await server.app.inject({ method: 'POST', url: '/api/responses', remoteAddress: '203.0.113.9', payload: envelope() }))
          .statusCode,
        201,
      );
      // Another site's page, even open on this machine, may not switch it either.
      const crossSite = await outage('127.0.0.1', true, { origin: 'https://elsewhere.example', host: 'localhost:8080' });
      assert.equal(crossSite.statusCode, 403);
      for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
        assert.deepEqual(
          (await outage(remoteAddress, true, { origin: 'http://localhost:8080', host: 'localhost:8080' })).json(),
          { down: true },
        );
        assert.equal((await server.app.inject({ method: 'POST', url: '/api/responses', payload: envelope() })).statusCode, 503);
        assert.deepEqual((await outage(remoteAddress, false)).json(), { down: false });
      }
    } finally {
      await server.close();
    }
  });
});

describe('every error has the contract shape', () => {
  let app;
  let folder;
  let base;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'delib-errors-'));
    app = await buildApp({ store: await openStore(`file:${join(folder, 'x.sqlite')}`), adminToken: token, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const apiHeaders = {
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  };

  function assertContractError(status, headers, body, what) {
    assert.ok(status >= 400, `${what}: ${status}`);
    assert.match(String(headers['content-type']), /^application\/json/, `${what}: content-type ${headers['content-type']}`);
    const { error, ...rest } = JSON.parse(body);
    assert.deepEqual(rest, {}, `${what}: ${body}`);
    assert.equal(typeof error.code, 'string', `${what}: ${body}`);
    assert.ok(/^[a-z_]+$/.test(error.code), `${what}: code ${error.code}`);
    assert.equal(typeof error.message, 'string', `${what}: ${body}`);
    assert.ok(error.message.length > 0, what);
    for (const [name, value] of Object.entries(apiHeaders)) assert.equal(headers[name], value, `${what}: ${name}`);
  }

  const hostile = {
    'a bad URL encoding in a widgetId': { url: '/api/results/%ED%A0%80' },
    'a bad URL encoding in the export path': { url: '/api/export/%ED%A0%80?format=csv' },
    'a bad URL encoding after /api': { url: '/api/%ED%A0%80' },
    'a truncated URL encoding': { url: '/api/results/%E' },
    'a preflight without Origin': { method: 'OPTIONS', url: '/api/responses' },
    'a preflight without a method': { method: 'OPTIONS', url: '/api/responses', headers: { origin: 'https://council.example' } },
    'an unknown method': { method: 'PROPFIND', url: '/api/responses' },
    'DELETE on responses': { method: 'DELETE', url: '/api/responses' },
    'GET on responses': { url: '/api/responses' },
    'POST on results': { method: 'POST', url: '/api/results/x', headers: { 'content-type': 'application/json' }, payload: '{}' },
    'JSON in UTF-16': {
      method: 'POST',
      url: '/api/responses',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      payload: '{}',
    },
    'export without a token': { url: '/api/export/x?format=csv' },
    'an unknown API path': { url: '/api/nothing-here' },
  };
  for (const [name, request] of Object.entries(hostile)) {
    test(`${name}: the error body and the API's headers`, async () => {
      const response = await app.inject(request);
      assertContractError(response.statusCode, response.headers, response.body, name);
    });
  }

  /** Sends raw bytes and resolves to the status, headers and body of what comes back. */
  function raw(bytes) {
    return new Promise((resolve, reject) => {
      const { port } = new URL(base);
      const socket = connect({ port: Number(port), host: '127.0.0.1' });
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, ...rest] = data.split('\r\n\r\n');
        const [statusLine, ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(
          lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
        );
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
      });
      socket.end(bytes);
    });
  }

  const malformed = {
    'a header line without a colon': 'GET /api/health HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n',
    'headers larger than the limit': `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    'a request line that is not HTTP': 'HELLO\r\n\r\n',
  };
  for (const [name, bytes] of Object.entries(malformed)) {
    test(`${name}, on a real socket: the error body and the API's headers`, async () => {
      const { status, headers, body } = await raw(bytes);
      assertContractError(status, headers, body, name);
    });
  }
});
