/**
 * One suite, run against both stores: whatever the endpoint relies on must hold for SQLite and for
 * PostgreSQL alike. PostgreSQL is at DELIB_TEST_DATABASE_URL (default below); each run works in
 * schemas of its own, dropped at the end. If PostgreSQL cannot be reached the suite fails: a store
 * that was never tested must not look as if it passed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/sqlite.ts';
import { PostgresStore } from '../src/postgres.ts';
import { sharedCount, sharedEnvelopes } from './fixtures/shared-envelopes.mjs';

const databaseUrl = process.env.DELIB_TEST_DATABASE_URL ?? 'postgres://delib:delib@127.0.0.1:5432/delib_test';

/** The URL without its password, for messages. */
function shown(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** The same database, with every connection working in `schema`. */
function inSchema(url, schema) {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/**
 * A backend hands out locations (a SQLite file, a PostgreSQL schema); `open` opens a store on one, as
 * often as wanted. `dispose` removes every location it made.
 */
const backends = {
  async sqlite() {
    const dir = mkdtempSync(join(tmpdir(), 'delib-store-'));
    let made = 0;
    return {
      async location() {
        const file = join(dir, `delib-${++made}.sqlite`);
        return {
          open: async () => new SqliteStore(file),
          /** Runs SQL on the data behind the store's back, as an older version or an operator might have. */
          async exec(sql) {
            const db = new Database(file);
            try {
              db.exec(sql);
            } finally {
              db.close();
            }
          },
          forgetMigration: (version) => `PRAGMA user_version = ${version - 1};`,
        };
      },
      async dispose() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },

  async postgres() {
    const admin = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
    admin.on('error', () => {});
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(
        `PostgreSQL is not reachable at ${shown(databaseUrl)}: ${error.message}. ` +
          'The PostgreSQL store tests need a running server with that role and database ' +
          '(or DELIB_TEST_DATABASE_URL pointing at one); they are not skipped.',
      );
    }
    const prefix = `delib_test_${process.pid}_${Date.now().toString(36)}`;
    const schemas = [];
    return {
      admin,
      async location() {
        const schema = `${prefix}_${schemas.length + 1}`;
        await admin.query(`CREATE SCHEMA ${schema}`);
        schemas.push(schema);
        const url = inSchema(databaseUrl, schema);
        return {
          schema,
          url,
          open: () => PostgresStore.open(url),
          exec: (sql) => admin.query(`SET search_path TO ${schema}; ${sql}; RESET search_path`),
          forgetMigration: (version) => `DELETE FROM delib_migrations WHERE version >= ${version}`,
        };
      },
      async dispose() {
        for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      },
    };
  },
};

let sequence = 0;
/** A widget id no other test uses. */
const fresh = (name) => `${name}-${++sequence}`;

function envelope(widget, widgetId, answer, extra = {}) {
  return {
    id: randomUUID(),
    widget,
    widgetId,
    submittedAt: new Date().toISOString(),
    locale: 'en',
    page: 'https://council.example/parks',
    answer,
    ...extra,
  };
}

async function all(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function insertAll(store, envelopes) {
  const outcomes = [];
  for (const item of envelopes) outcomes.push(await store.insert(item, new Date()));
  return outcomes;
}

/** Runs `node --import tsx script …args`, line by line on stdout. */
function spawnScript(script, args, env) {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = [];
  const waiters = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    for (let end; (end = buffer.indexOf('\n')) >= 0;) {
      lines.push(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      waiters.splice(0).forEach((wake) => wake());
    }
  });
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => stderr,
    /** The next line, or an error naming the script's stderr if it exits first. */
    async line() {
      while (!lines.length) {
        const code = await Promise.race([exited, new Promise((wake) => waiters.push(() => wake(undefined)))]);
        if (code !== undefined && !lines.length) throw new Error(`${script} exited with ${code}: ${stderr}`);
      }
      return lines.shift();
    },
  };
}

for (const kind of ['sqlite', 'postgres']) {
  describe(`${kind} store`, () => {
    let backend;
    let location;
    let store;
    let ready;
    // Every test waits for the setup itself, so that an unreachable database fails each test with
    // the reason rather than leaving them cancelled.
    const setup = () =>
      (ready ??= (async () => {
        backend = await backends[kind]();
        location = await backend.location();
        store = await location.open();
      })());
    const it = (name, ...rest) => {
      const body = rest.pop();
      return test(name, ...rest, async (context) => {
        await setup();
        return body(context);
      });
    };

    before(() => setup().catch(() => {}));

    after(async () => {
      await store?.close();
      await backend?.dispose();
    });

    it('reports its kind', () => {
      assert.equal(store.kind, kind);
    });

    it('stores an id once: created, then exists, counted once', async () => {
      const widgetId = fresh('once');
      const first = envelope('poll', widgetId, { choices: ['lighting'] });
      assert.equal(await store.insert(first, new Date()), 'created');
      assert.equal(await store.insert(first, new Date()), 'exists');
      // A retry that differs (it should not, but) changes nothing either.
      assert.equal(await store.insert({ ...first, answer: { choices: ['play'] } }, new Date()), 'exists');
      assert.equal(await store.count(widgetId), 1);
      assert.deepEqual(await store.results(widgetId), { widget: 'poll', widgetId, total: 1, counts: { lighting: 1 } });
      const stored = await all(store.responses(widgetId));
      assert.equal(stored.length, 1);
      assert.deepEqual(stored[0].envelope, first);
    });

    it('200 concurrent inserts of one id: exactly one is created', async () => {
      const widgetId = fresh('same-id');
      const one = envelope('ranking', widgetId, { order: ['a', 'b', 'c'] });
      const outcomes = await Promise.all(Array.from({ length: 200 }, () => store.insert(structuredClone(one), new Date())));
      assert.equal(outcomes.filter((outcome) => outcome === 'created').length, 1);
      assert.equal(outcomes.filter((outcome) => outcome === 'exists').length, 199);
      assert.equal(await store.count(widgetId), 1);
      assert.deepEqual((await store.results(widgetId)).items, [
        { id: 'a', borda: 2, meanRank: 1 },
        { id: 'b', borda: 1, meanRank: 2 },
        { id: 'c', borda: 0, meanRank: 3 },
      ]);
      assert.equal((await all(store.responses(widgetId))).length, 1);
    });

    it('concurrent distinct inserts are all stored and counted', async () => {
      const polls = fresh('many-poll');
      const budgets = fresh('many-budget');
      const choices = ['lighting', 'play', 'toilets', 'benches'];
      const envelopes = [];
      for (let i = 0; i < 600; i++) {
        envelopes.push(
          i % 2
            ? envelope('budget', budgets, { allocation: { a: i % 7, b: 5 } })
            : envelope('poll', polls, {
                choices: [choices[i % 4], ...(i % 3 === 0 ? ['benches'] : [])].filter((c, k, list) => list.indexOf(c) === k),
              }),
        );
      }
      const outcomes = await Promise.all(envelopes.map((item) => store.insert(item, new Date())));
      assert.ok(outcomes.every((outcome) => outcome === 'created'));
      assert.equal(await store.count(polls), 300);
      assert.equal(await store.count(budgets), 300);

      const expected = {};
      for (const item of envelopes.filter((e) => e.widget === 'poll'))
        for (const choice of item.answer.choices) expected[choice] = (expected[choice] ?? 0) + 1;
      assert.deepEqual((await store.results(polls)).counts, expected);
      const sumA = envelopes.filter((e) => e.widget === 'budget').reduce((sum, e) => sum + e.answer.allocation.a, 0);
      const givingA = envelopes.filter((e) => e.widget === 'budget' && e.answer.allocation.a > 0).length;
      assert.ok(givingA < 300);
      assert.deepEqual((await store.results(budgets)).items, [
        { id: 'b', total: 1500, mean: 5 },
        { id: 'a', total: sumA, mean: Math.round((sumA / 300) * 1000) / 1000 },
      ]);
      assert.equal((await all(store.responses(polls))).length, 300);
    });

    it('a widget id keeps its kind: another kind is a conflict and stores nothing', async () => {
      const widgetId = fresh('kind');
      assert.equal(await store.insert(envelope('poll', widgetId, { choices: ['a'] }), new Date()), 'created');
      const other = envelope('ranking', widgetId, { order: ['a', 'b'] });
      assert.deepEqual(await store.insert(other, new Date()), { conflict: 'poll' });
      assert.deepEqual(await store.insert(other, new Date()), { conflict: 'poll' });
      assert.equal(await store.count(widgetId), 1);
      assert.deepEqual(await store.results(widgetId), { widget: 'poll', widgetId, total: 1, counts: { a: 1 } });
      assert.deepEqual(await store.keys(widgetId), { choice: ['a'] });
      assert.equal((await all(store.responses(widgetId))).length, 1);
      // The refused id was not stored: it can still be stored under its own widget.
      assert.equal(await store.insert({ ...other, widgetId: fresh('kind-elsewhere') }, new Date()), 'created');
    });

    it('concurrent first responses of two kinds: one kind wins, every other one conflicts', async () => {
      const widgetId = fresh('kind-race');
      const envelopes = Array.from({ length: 100 }, (_, i) =>
        i % 2
          ? envelope('poll', widgetId, { choices: ['a'] })
          : envelope('needs-assets', widgetId, { needs: [{ category: 'a' }], assets: [] }),
      );
      // Three stores on the same data: separate connections, so separate transactions race too.
      const others = [await location.open(), await location.open()];
      const stores = [store, ...others];
      let outcomes;
      try {
        outcomes = await Promise.all(envelopes.map((item, i) => stores[i % 3].insert(item, new Date())));
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
      const { widget } = await store.results(widgetId);
      outcomes.forEach((outcome, i) => {
        if (envelopes[i].widget === widget) assert.equal(outcome, 'created');
        else assert.deepEqual(outcome, { conflict: widget });
      });
      assert.equal(await store.count(widgetId), 50);
      assert.equal((await all(store.responses(widgetId))).length, 50);
    });

    it('an id already stored under another widget id is not stored again', async () => {
      const first = envelope('poll', fresh('id-home'), { choices: ['a'] });
      assert.equal(await store.insert(first, new Date()), 'created');
      const elsewhere = fresh('id-elsewhere');
      assert.equal(
        await store.insert({ ...first, widget: 'budget', widgetId: elsewhere, answer: { allocation: { a: 1 } } }, new Date()),
        'exists',
      );
      assert.equal(await store.results(elsewhere), undefined);
      assert.equal(await store.count(elsewhere), 0);
      assert.deepEqual(await store.keys(elsewhere), {});
      // It did not claim the widget id for a kind either.
      assert.equal(await store.insert(envelope('ranking', elsewhere, { order: ['x'] }), new Date()), 'created');
    });

    it('ids are compared case-insensitively and stored in lower case', async () => {
      const widgetId = fresh('id-case');
      const upper = envelope('poll', widgetId, { choices: ['a'] }, { id: randomUUID().toUpperCase() });
      assert.equal(await store.insert(upper, new Date()), 'created');
      assert.equal(await store.insert({ ...upper, id: upper.id.toLowerCase() }, new Date()), 'exists');
      const mixed = upper.id.replace(/[A-F]/g, (letter, index) => (index % 2 ? letter.toLowerCase() : letter));
      assert.equal(await store.insert({ ...upper, id: mixed }, new Date()), 'exists');
      const racing = envelope('poll', widgetId, { choices: ['b'] }, { id: randomUUID() });
      const outcomes = await Promise.all(
        [racing.id, racing.id.toUpperCase(), racing.id, racing.id.toUpperCase()].map((id) =>
          store.insert({ ...racing, id }, new Date()),
        ),
      );
      assert.deepEqual(outcomes.toSorted(), ['created', 'exists', 'exists', 'exists']);
      assert.equal(await store.count(widgetId), 2);
      assert.deepEqual((await store.results(widgetId)).counts, { a: 1, b: 1 });
      const stored = await all(store.responses(widgetId));
      assert.deepEqual(
        stored.map(({ envelope: { id } }) => id),
        [upper.id.toLowerCase(), racing.id],
      );
    });

    it('rows an older version stored under upper-case ids are folded to lower case, each id kept once', async () => {
      const old = await backend.location();
      let opened = await old.open();
      const home = fresh('fold-home');
      const elsewhere = fresh('fold-elsewhere');
      const alone = fresh('fold-alone');
      // Letters in its first eight characters, so that a copy in another case there is another string.
      const first = envelope('poll', home, { choices: ['a', 'b'] }, { id: randomUUID().replace(/^.{8}/, 'abcdef12') });
      const copy = envelope('poll', home, { choices: ['c'] });
      const other = envelope('ranking', elsewhere, { order: ['x', 'y'] });
      const kept = envelope('poll', home, { choices: ['a'] });
      const shouting = envelope('budget', alone, { allocation: { play: 5 } });
      for (const item of [first, copy, other, kept, shouting]) assert.equal(await opened.insert(item, new Date()), 'created');
      await opened.close();
      // What the version before this one stored: the same id in other cases, counted once per case.
      const upper = first.id.toUpperCase();
      await old.exec(
        [
          `UPDATE responses SET id = '${upper}' WHERE id = '${copy.id}'`,
          `UPDATE responses SET id = '${upper.slice(0, 8)}${first.id.slice(8)}' WHERE id = '${other.id}'`,
          `UPDATE responses SET id = '${shouting.id.toUpperCase()}' WHERE id = '${shouting.id}'`,
          old.forgetMigration(2),
        ].join('; '),
      );
      opened = await old.open();
      try {
        // The first of the copies stays; the others go, and the tallies are as if they never came.
        assert.deepEqual(await opened.results(home), { widget: 'poll', widgetId: home, total: 2, counts: { a: 2, b: 1 } });
        assert.deepEqual(await opened.keys(home), { choice: ['a', 'b'] });
        assert.deepEqual(
          (await all(opened.responses(home))).map(({ envelope: { id } }) => id),
          [first.id, kept.id],
        );
        assert.equal(await opened.results(elsewhere), undefined);
        assert.equal(await opened.count(elsewhere), 0);
        assert.deepEqual(await opened.keys(elsewhere), {});
        // A widget id whose responses all went is free again, for any kind.
        assert.equal(await opened.insert(envelope('poll', elsewhere, { choices: ['z'] }), new Date()), 'created');
        const [folded] = await all(opened.responses(alone));
        assert.equal(folded.envelope.id, shouting.id);
        assert.equal(await opened.insert({ ...shouting, id: shouting.id.toUpperCase() }, new Date()), 'exists');
        assert.equal(await opened.count(alone), 1);
        assert.deepEqual((await opened.results(alone)).items, [{ id: 'play', total: 5, mean: 5 }]);
      } finally {
        await opened.close();
      }
    });

    it('distinct values: past the limit a response bringing new ones is refused, known ones still count', async () => {
      const widgetId = fresh('values');
      const options = { valueLimit: 3 };
      const vote = (choices, extra) => store.insert(envelope('poll', widgetId, { choices }, extra), new Date(), options);
      assert.equal(await vote(['a', 'b']), 'created');
      assert.equal(await vote(['c']), 'created');
      assert.deepEqual(await vote(['d']), { tooManyValues: 'choice' });
      assert.deepEqual(await vote(['a', 'd']), { tooManyValues: 'choice' });
      assert.equal(await vote(['a', 'c']), 'created');
      // A stored id is answered as stored, whatever the limit says of what it carries now.
      const stored = envelope('poll', widgetId, { choices: ['b'] });
      assert.equal(await store.insert(stored, new Date(), options), 'created');
      assert.equal(await store.insert({ ...stored, answer: { choices: ['e'] } }, new Date(), options), 'exists');
      // The kind is checked first: a poll's limit says nothing to a ranking that cannot be stored anyway.
      assert.deepEqual(await store.insert(envelope('ranking', widgetId, { order: ['x'] }), new Date(), options), {
        conflict: 'poll',
      });
      assert.deepEqual((await store.results(widgetId)).counts, { a: 2, b: 2, c: 2 });
      // Each bucket has its own limit.
      const needs = fresh('values-needs');
      const named = (kind, n) => Array.from({ length: n }, (_, i) => ({ category: `${kind}-${i}` }));
      const answer = (needCount, assetCount) => ({ needs: named('need', needCount), assets: named('asset', assetCount) });
      assert.equal(await store.insert(envelope('needs-assets', needs, answer(3, 3)), new Date(), options), 'created');
      assert.deepEqual(await store.insert(envelope('needs-assets', needs, answer(3, 4)), new Date(), options), {
        tooManyValues: 'asset',
      });
      // Responses committed together count each new value once, in arrival order.
      const together = fresh('values-together');
      const outcomes = await Promise.all(
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'd'],
          ['a', 'c'],
        ].map((choices) => store.insert(envelope('poll', together, { choices }), new Date(), options)),
      );
      assert.deepEqual(outcomes, ['created', 'created', { tooManyValues: 'choice' }, 'created']);
      assert.deepEqual(await store.keys(together), { choice: ['a', 'b', 'c'] });
    });

    it('60 concurrent responses of 100 new values through three connections: never past the limit', async () => {
      const widgetId = fresh('values-race');
      const others = [await location.open(), await location.open()];
      const stores = [store, ...others];
      let outcomes;
      try {
        outcomes = await Promise.all(
          Array.from({ length: 60 }, (_, n) =>
            stores[n % 3].insert(
              envelope('poll', widgetId, { choices: Array.from({ length: 100 }, (_, i) => `value-${n}-${i}`) }),
              new Date(),
              { valueLimit: 1000 },
            ),
          ),
        );
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
      assert.equal(outcomes.filter((outcome) => outcome === 'created').length, 10);
      assert.equal(outcomes.filter((outcome) => outcome.tooManyValues === 'choice').length, 50);
      assert.equal((await store.keys(widgetId)).choice.length, 1000);
      assert.equal(await store.count(widgetId), 10);
    });

    it('results narrowed to the most answered, or to named values; a version that moves with every response', async () => {
      const widgetId = fresh('narrowed');
      assert.equal(await store.version(widgetId), undefined);
      await insertAll(store, [
        envelope('poll', widgetId, { choices: ['a', 'b', 'c'] }),
        envelope('poll', widgetId, { choices: ['b', 'c'] }),
        envelope('poll', widgetId, { choices: ['c', 'd'] }),
      ]);
      const first = await store.version(widgetId);
      assert.equal(typeof first, 'string');
      assert.deepEqual((await store.results(widgetId, { limit: 2 })).counts, { b: 2, c: 3 });
      assert.deepEqual((await store.results(widgetId, { limit: 10 })).counts, { a: 1, b: 2, c: 3, d: 1 });
      // Ties go to byte order.
      assert.deepEqual((await store.results(widgetId, { limit: 3 })).counts, { a: 1, b: 2, c: 3 });
      assert.deepEqual(await store.results(widgetId, { values: ['d', 'a', 'zzz'] }), {
        widget: 'poll',
        widgetId,
        total: 3,
        counts: { a: 1, d: 1 },
      });
      assert.equal(await store.version(widgetId), first);
      assert.equal(await store.insert(envelope('poll', widgetId, { choices: ['a'] }), new Date()), 'created');
      const second = await store.version(widgetId);
      assert.notEqual(second, first);
      // Nothing stored, nothing changed.
      assert.deepEqual(await store.insert(envelope('ranking', widgetId, { order: ['a'] }), new Date()), { conflict: 'poll' });
      assert.equal(await store.version(widgetId), second);
      const ranked = fresh('narrowed-ranking');
      await insertAll(store, [
        envelope('ranking', ranked, { order: ['x', 'y', 'z'] }),
        envelope('ranking', ranked, { order: ['y', 'x'] }),
      ]);
      assert.deepEqual((await store.results(ranked, { limit: 2 })).items, [
        { id: 'x', borda: 2, meanRank: 1.5 },
        { id: 'y', borda: 2, meanRank: 1.5 },
      ]);
      assert.deepEqual((await store.results(ranked, { values: ['z'] })).items, [{ id: 'z', borda: 0, meanRank: 3 }]);
    });

    it('an unknown widget has no results, no count, no keys, no responses', async () => {
      const widgetId = fresh('unknown');
      assert.equal(await store.results(widgetId), undefined);
      assert.equal(await store.count(widgetId), 0);
      assert.deepEqual(await store.keys(widgetId), {});
      assert.deepEqual(await all(store.responses(widgetId)), []);
    });

    it('poll results: responses per choice', async () => {
      const widgetId = fresh('poll');
      await insertAll(store, [
        envelope('poll', widgetId, { choices: ['lighting'] }),
        envelope('poll', widgetId, { choices: ['lighting', 'play'] }),
        envelope('poll', widgetId, { choices: ['play'] }),
        envelope('poll', widgetId, { choices: ['other'], other: 'A bench by the pond' }),
      ]);
      assert.deepEqual(await store.results(widgetId), {
        widget: 'poll',
        widgetId,
        total: 4,
        counts: { lighting: 2, play: 2, other: 1 },
      });
    });

    it('ranking results: borda = Σ (items − position), meanRank, best first', async () => {
      const widgetId = fresh('ranking');
      await insertAll(store, [
        envelope('ranking', widgetId, { order: ['x', 'y', 'z'] }),
        envelope('ranking', widgetId, { order: ['y', 'x', 'z'] }),
        envelope('ranking', widgetId, { order: ['x', 'z', 'y'] }),
      ]);
      // x: 2 + 1 + 2 = 5, positions 1, 2, 1; y: 1 + 2 + 0 = 3, positions 2, 1, 3; z: 0 + 0 + 1 = 1, positions 3, 3, 2.
      assert.deepEqual(await store.results(widgetId), {
        widget: 'ranking',
        widgetId,
        total: 3,
        items: [
          { id: 'x', borda: 5, meanRank: 1.333 },
          { id: 'y', borda: 3, meanRank: 2 },
          { id: 'z', borda: 1, meanRank: 2.667 },
        ],
      });

      // Ties: equal borda goes to the better mean rank, then to the id.
      const tied = fresh('ranking-tie');
      await insertAll(store, [
        envelope('ranking', tied, { order: ['q', 'p'] }),
        envelope('ranking', tied, { order: ['p', 'q'] }),
      ]);
      assert.deepEqual((await store.results(tied)).items, [
        { id: 'p', borda: 1, meanRank: 1.5 },
        { id: 'q', borda: 1, meanRank: 1.5 },
      ]);
      // A top-1 ranking: one item, 1 − 1 = 0 points, position 1.
      await store.insert(envelope('ranking', tied, { order: ['q'] }), new Date());
      assert.deepEqual(await store.results(tied), {
        widget: 'ranking',
        widgetId: tied,
        total: 3,
        items: [
          { id: 'q', borda: 1, meanRank: 1.333 },
          { id: 'p', borda: 1, meanRank: 1.5 },
        ],
      });
    });

    it('pairwise results: score = 100 × (wins + 1) / (wins + losses + 2); ties count for neither', async () => {
      const widgetId = fresh('pairwise');
      await insertAll(store, [
        envelope('pairwise', widgetId, { pair: ['a', 'b'], winner: 'a' }),
        envelope('pairwise', widgetId, { pair: ['b', 'a'], winner: 'a' }),
        envelope('pairwise', widgetId, { pair: ['a', 'c'], winner: 'c' }),
        envelope('pairwise', widgetId, { pair: ['b', 'c'], winner: null }),
        envelope('pairwise', widgetId, { suggestion: 'A community fridge' }),
      ]);
      // a: 2 wins, 1 loss → 300/5 = 60; b: 0 wins, 2 losses → 100/4 = 25; c: 1 win → 200/3 = 66.667.
      assert.deepEqual(await store.results(widgetId), {
        widget: 'pairwise',
        widgetId,
        // Four comparisons: an idea someone sent is a response but not a comparison.
        total: 4,
        items: [
          { id: 'c', score: 66.667, wins: 1, losses: 0 },
          { id: 'a', score: 60, wins: 2, losses: 1 },
          { id: 'b', score: 25, wins: 0, losses: 2 },
        ],
      });
      assert.deepEqual(await store.keys(widgetId), { item: ['a', 'b', 'c'], suggestion: ['*'] });
    });

    it('budget results: total per item, mean over every response', async () => {
      const widgetId = fresh('budget');
      await insertAll(store, [
        envelope('budget', widgetId, { allocation: { play: 60, lighting: 40 } }),
        envelope('budget', widgetId, { allocation: { play: 100 } }),
        envelope('budget', widgetId, { allocation: { lighting: 30, toilets: 0 } }),
      ]);
      // play 160 / 3 responses, lighting 70 / 3, toilets 0.
      assert.deepEqual(await store.results(widgetId), {
        widget: 'budget',
        widgetId,
        total: 3,
        items: [
          { id: 'play', total: 160, mean: 53.333 },
          { id: 'lighting', total: 70, mean: 23.333 },
          { id: 'toilets', total: 0, mean: 0 },
        ],
      });
    });

    it('needs-assets results: responses naming each need and asset', async () => {
      const widgetId = fresh('needs');
      await insertAll(store, [
        envelope('needs-assets', widgetId, {
          needs: [{ category: 'transport' }, { category: 'food', detail: 'A weekly market' }],
          assets: [{ category: 'skills', detail: 'Carpentry' }],
          area: 'Riverside',
          contact: { name: 'Ffion', email: 'ffion@example.org' },
        }),
        envelope('needs-assets', widgetId, { needs: [{ category: 'transport' }], assets: [] }),
        envelope('needs-assets', widgetId, { needs: [], assets: [{ category: 'space' }, { category: 'skills' }] }),
        envelope('needs-assets', widgetId, { needs: [], assets: [] }),
      ]);
      assert.deepEqual(await store.results(widgetId), {
        widget: 'needs-assets',
        widgetId,
        total: 4,
        needs: { transport: 2, food: 1 },
        assets: { skills: 2, space: 1 },
      });
      assert.deepEqual(await store.keys(widgetId), { asset: ['skills', 'space'], need: ['food', 'transport'] });
    });

    it('keys and tallies keep values with awkward characters intact, in byte order', async () => {
      const widgetId = fresh('awkward ids, "quoted" {braced} \\ back');
      const values = ['with, comma', 'quote"d', 'back\\slash', '{brace}', 'NULL', 'Zebra', 'apple', 'ŵ Welsh', '🌳 tree'];
      await insertAll(store, [
        envelope('poll', widgetId, { choices: values }),
        envelope('poll', widgetId, { choices: ['NULL'] }),
      ]);
      const results = await store.results(widgetId);
      assert.deepEqual(results.counts, Object.fromEntries(values.map((value) => [value, value === 'NULL' ? 2 : 1])));
      const bytes = (value) => Buffer.from(value, 'utf8');
      assert.deepEqual(await store.keys(widgetId), { choice: [...values].sort((x, y) => Buffer.compare(bytes(x), bytes(y))) });
    });

    it('responses: every envelope exactly as inserted, oldest first, across pages', async () => {
      const widgetId = fresh('export');
      const neighbour = fresh('export-neighbour');
      const chunks = [];
      for (let chunk = 0; chunk < 25; chunk++) {
        const envelopes = Array.from({ length: 100 }, (_, i) => {
          const n = chunk * 100 + i;
          switch (n % 5) {
            case 0:
              return envelope('needs-assets', widgetId, {
                needs: [{ category: 'food', detail: `Line one\nline "two" ${n}` }],
                assets: [],
                area: 'Caerdydd ŵ 🌳',
                contact: { name: 'A. Person', phone: '+44 20 7946 0000' },
              });
            case 1:
              // Offsets and fractions of any length: the text the client sent comes back.
              return envelope(
                'needs-assets',
                widgetId,
                { needs: [], assets: [{ category: 'time' }] },
                { submittedAt: '2026-11-29T17:00:00+01:00', locale: 'cy' },
              );
            case 2:
              return envelope(
                'needs-assets',
                widgetId,
                { needs: [], assets: [] },
                { submittedAt: '2026-11-29T17:00:00.123456Z', id: randomUUID().toUpperCase() },
              );
            default:
              return envelope('needs-assets', widgetId, {
                needs: [{ category: `c${n % 7}` }],
                assets: [{ category: 'space', detail: '\\ back {x} , "y"' }],
              });
          }
        });
        const receivedAt = new Date(Date.UTC(2026, 10, 29, 18, 0, chunk));
        const outcomes = await Promise.all([
          ...envelopes.map((item) => store.insert(item, receivedAt)),
          store.insert(envelope('poll', neighbour, { choices: ['x'] }), receivedAt),
        ]);
        assert.ok(outcomes.every((outcome) => outcome === 'created'));
        chunks.push(envelopes);
      }

      const stored = await all(store.responses(widgetId));
      assert.equal(stored.length, 2500);
      const sent = new Map(
        chunks.flatMap((envelopes, chunk) => envelopes.map((item) => [item.id.toLowerCase(), { item, chunk }])),
      );
      let lastChunk = 0;
      const seen = new Set();
      for (const { envelope: got, receivedAt } of stored) {
        const match = sent.get(got.id);
        assert.ok(match, `unexpected id ${got.id}`);
        assert.ok(!seen.has(got.id), `${got.id} came twice`);
        seen.add(got.id);
        // Ids are compared case-insensitively, and stored in lower case, the canonical form.
        assert.deepEqual(got, { ...match.item, id: match.item.id.toLowerCase() });
        assert.equal(receivedAt, new Date(Date.UTC(2026, 10, 29, 18, 0, match.chunk)).toISOString());
        // A response stored after another was acknowledged comes after it.
        assert.ok(match.chunk >= lastChunk, 'responses out of order');
        lastChunk = match.chunk;
      }
      assert.equal(await store.count(widgetId), 2500);
      assert.equal((await all(store.responses(neighbour))).length, 25);
    });

    it('a resolved insert is committed: another store on the same data sees it', async () => {
      const other = await location.open();
      try {
        const widgetId = fresh('visible');
        for (let i = 1; i <= 5; i++) {
          assert.equal(await store.insert(envelope('poll', widgetId, { choices: ['a'] }), new Date()), 'created');
          assert.equal(await other.count(widgetId), i);
        }
      } finally {
        await other.close();
      }
    });

    it('migrations are idempotent: the store opens again, and several at once, on migrated data', async () => {
      const widgetId = fresh('migrate');
      await store.insert(envelope('poll', widgetId, { choices: ['a'] }), new Date());
      const again = await Promise.all([location.open(), location.open(), location.open()]);
      try {
        for (const other of again) assert.equal(await other.count(widgetId), 1);
      } finally {
        await Promise.all(again.map((other) => other.close()));
      }

      // A new location, opened by several stores at once: one of them migrates, the others wait.
      const empty = await backend.location();
      const racing = await Promise.all([empty.open(), empty.open(), empty.open(), empty.open()]);
      try {
        const outcomes = await Promise.all(
          racing.map((other) => other.insert(envelope('poll', widgetId, { choices: ['b'] }), new Date())),
        );
        assert.deepEqual(outcomes, ['created', 'created', 'created', 'created']);
        assert.equal(await racing[0].count(widgetId), 4);
        if (kind === 'postgres') {
          const { rows } = await backend.admin.query(`SELECT version FROM ${empty.schema}.delib_migrations ORDER BY version`);
          // Each migration applied once, every one of them (as many as there are).
          const versions = rows.map((row) => row.version);
          assert.deepEqual(
            versions,
            Array.from({ length: versions.length }, (_, index) => index + 1),
          );
          assert.ok(versions.length >= 4);
        }
      } finally {
        await Promise.all(racing.map((other) => other.close()));
      }
    });

    it('data survives closing and reopening', async () => {
      const widgetId = fresh('reopen');
      const sent = [envelope('ranking', widgetId, { order: ['a', 'b'] }), envelope('ranking', widgetId, { order: ['b', 'a'] })];
      await insertAll(store, sent);
      const before = await store.results(widgetId);
      await store.close();
      store = await location.open();
      assert.deepEqual(await store.results(widgetId), before);
      assert.deepEqual(
        (await all(store.responses(widgetId))).map((stored) => stored.envelope),
        sent,
      );
      assert.equal(await store.insert(sent[0], new Date()), 'exists');
      assert.equal(await store.count(widgetId), 2);
    });

    if (kind === 'postgres') {
      it('an envelope the database refuses fails alone, not the others committed with it', async () => {
        const widgetId = fresh('refused');
        const good = Array.from({ length: 10 }, () => envelope('poll', widgetId, { choices: ['a'] }));
        // PostgreSQL text cannot hold U+0000 (validation is meant to stop it before the store).
        const bad = envelope('poll', widgetId, { choices: ['a'] }, { page: 'https://council.example/\u0000' });
        const settled = await Promise.allSettled(
          [...good.slice(0, 5), bad, ...good.slice(5)].map((item) => store.insert(item, new Date())),
        );
        assert.equal(settled[5].status, 'rejected');
        assert.deepEqual(
          settled.filter((_, i) => i !== 5).map((result) => result.value),
          good.map(() => 'created'),
        );
        assert.equal(await store.count(widgetId), 10);
        assert.deepEqual((await store.results(widgetId)).counts, { a: 10 });
      });

      it('several processes sharing one database store every id once', { timeout: 120_000 }, async () => {
        const shared = await backend.location();
        const script = fileURLToPath(new URL('./fixtures/pg-worker.mjs', import.meta.url));
        const workers = [0, 1, 2].map((worker) => spawnScript(script, [String(worker)], { DELIB_WORKER_URL: shared.url }));
        try {
          // Every process migrates the empty schema at once, then all send the same ids together.
          for (const worker of workers) assert.equal(await worker.line(), 'ready');
          for (const worker of workers) worker.child.stdin.end('go\n');
          const reports = [];
          for (const worker of workers) reports.push(JSON.parse(await worker.line()));
          for (const worker of workers) assert.equal(await worker.exited, 0, worker.stderr());

          const created = reports.flatMap((report) => report.created);
          assert.equal(created.length, sharedCount, 'each id created exactly once across the processes');
          assert.equal(new Set(created).size, sharedCount);
          for (const report of reports) {
            assert.deepEqual(report.other, []);
            assert.equal(report.created.length + report.exists, sharedCount);
          }

          const envelopes = sharedEnvelopes();
          const check = await shared.open();
          try {
            const { rows } = await backend.admin.query(`SELECT version FROM ${shared.schema}.delib_migrations`);
            const versions = rows.map((row) => row.version).sort((a, b) => a - b);
            assert.deepEqual(
              versions,
              Array.from({ length: versions.length }, (_, index) => index + 1),
            );
            assert.ok(versions.length >= 4);
            for (const widgetId of ['mp-poll', 'mp-ranking', 'mp-budget']) {
              const expected = envelopes.filter((item) => item.widgetId === widgetId);
              assert.equal(await check.count(widgetId), expected.length);
              const stored = await all(check.responses(widgetId));
              assert.equal(stored.length, expected.length);
              const byId = new Map(expected.map((item) => [item.id, item]));
              for (const { envelope: got } of stored) assert.deepEqual(got, byId.get(got.id));
            }
            const counts = {};
            for (const item of envelopes.filter((e) => e.widgetId === 'mp-poll'))
              counts[item.answer.choices[0]] = (counts[item.answer.choices[0]] ?? 0) + 1;
            assert.deepEqual(await check.results('mp-poll'), { widget: 'poll', widgetId: 'mp-poll', total: 100, counts });
            const ranking = await check.results('mp-ranking');
            assert.equal(ranking.total, 100);
            // Each response gives 2 + 1 + 0 points over three items.
            assert.equal(
              ranking.items.reduce((sum, item) => sum + item.borda, 0),
              300,
            );
            const budget = await check.results('mp-budget');
            const budgetItems = envelopes.filter((e) => e.widgetId === 'mp-budget');
            const sumA = budgetItems.reduce((sum, e) => sum + e.answer.allocation.a, 0);
            assert.deepEqual(
              budget.items.find((item) => item.id === 'a'),
              { id: 'a', total: sumA, mean: Math.round((sumA / 100) * 1000) / 1000 },
            );
            assert.equal(budget.items.find((item) => item.id === 'b').total, 1000 - sumA);
          } finally {
            await check.close();
          }
        } finally {
          for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill();
        }
      });
    }
  });
}
