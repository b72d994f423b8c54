import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../src/postgres.ts';
import { postgresUrlForTests } from './fixtures/databases.mjs';

/**
 * A response id stored by another transaction between the batch's look at what is stored and its one
 * INSERT (here: held uncommitted, then committed while the batch waits on it). The batch must not judge
 * what follows as if that envelope had been stored by it: it runs again and then sees it stored.
 */
const skip = !(process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',').includes('postgres');

test(
  'PostgreSQL: an id stored meanwhile by another widget reruns the batch; what follows is judged rightly',
  { skip },
  async () => {
    const url = await postgresUrlForTests();
    const store = await PostgresStore.open(url);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const now = new Date();
      const envelope = (widgetId, widget, answer, id = randomUUID()) => ({
        id,
        widget,
        widgetId,
        submittedAt: now.toISOString(),
        locale: 'en',
        page: 'https://council.example/',
        answer,
      });
      const [a, b] = [`race-a-${randomUUID()}`, `race-b-${randomUUID()}`];
      const taken = randomUUID();
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO responses (id, widget, widget_id, submitted_at, received_at, locale, page, answer)
       VALUES ($1, 'poll', 'elsewhere', $2, now(), 'en', 'https://council.example/', '{"choices":["z"]}')`,
        [taken, now.toISOString()],
      );
      const outcomes = Promise.all([
        store.insert(envelope(a, 'poll', { choices: ['one'] }, taken), now, { valueLimit: 1 }),
        store.insert(envelope(a, 'ranking', { order: ['x', 'y'] }), now),
        store.insert(envelope(b, 'poll', { choices: ['first'] }, taken), now, { valueLimit: 1 }),
        store.insert(envelope(b, 'poll', { choices: ['second'] }), now, { valueLimit: 1 }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query('COMMIT');
      // Alone, in this order: the taken id is a repeat, so widget a is a ranking and b's one value is "second".
      assert.deepEqual(await outcomes, ['exists', 'created', 'exists', 'created']);
      const [ranking, poll] = [await store.results(a), await store.results(b)];
      assert.equal(ranking.widget, 'ranking');
      assert.equal(ranking.total, 1);
      assert.equal(poll.total, 1);
      assert.deepEqual(poll.counts, { second: 1 });
    } finally {
      await other.end();
      await store.close();
    }
  },
);
