import { createHash } from 'node:crypto';
import pg from 'pg';
import { results, tallies, type Envelope, type Outcome, type Tally, type WidgetKind } from '@delib/protocol';
import {
  canonical,
  defaultValueLimit,
  envelopeOf,
  foldIds,
  foldSql,
  newKeys,
  recount,
  maxAccounts,
  type Account,
  type AccountRecord,
  type AddAccountOutcome,
  type AttemptOutcome,
  type AuditEntry,
  type AuditPage,
  type RemoveAccountOutcome,
  type SessionRecord,
  type SignInAttempt,
  type FoldRow,
  type InsertOptions,
  type InsertOutcome,
  type ResultsSelection,
  type Store,
  type StoredResponse,
  dailySeries,
  dailyDays,
  detailDays,
  firstDay,
  suggestionOf,
  textKinds,
  textScan,
  textsOf,
  withApproved,
  type Decision,
  type Suggestion,
  type SuggestionStatus,
  type SuggestionRow,
  suggestionFrom,
  type TextPage,
  type WidgetDetail,
  type WidgetSummary,
} from './store.js';
import type { Role } from './admin/access.js';

/**
 * Versioned schema: `delib_migrations` lists the versions applied (version n is `migrations[n - 1]`).
 * Append only.
 *
 * `id` is text rather than uuid: the uuid type would fold `1B4E…` to `1b4e…` and accept forms such as
 * `{…}`, so the export would not give back the id the client sent and the idempotency key would not be
 * the same string SQLite keys on. Identifiers use the "C" collation so that ordering (the columns of a
 * CSV export) is the byte order SQLite gives, whatever the database's locale.
 */
const migrations: (string | ((client: pg.PoolClient) => Promise<void>))[] = [
  `CREATE TABLE responses (
     seq bigserial PRIMARY KEY,
     id text COLLATE "C" NOT NULL UNIQUE,
     widget text NOT NULL,
     widget_id text COLLATE "C" NOT NULL,
     submitted_at text NOT NULL,
     received_at timestamptz NOT NULL,
     locale text NOT NULL,
     page text NOT NULL,
     answer jsonb NOT NULL
   );
   CREATE INDEX responses_by_widget ON responses (widget_id, seq);
   CREATE TABLE widgets (
     widget_id text COLLATE "C" PRIMARY KEY,
     widget text NOT NULL,
     total bigint NOT NULL DEFAULT 0
   );
   CREATE TABLE tallies (
     widget_id text COLLATE "C" NOT NULL,
     bucket text COLLATE "C" NOT NULL,
     key text COLLATE "C" NOT NULL,
     n bigint NOT NULL DEFAULT 0,
     a bigint NOT NULL DEFAULT 0,
     b bigint NOT NULL DEFAULT 0,
     PRIMARY KEY (widget_id, bucket, key)
   );`,
  foldIdCase,
  // From here on each migration can run again over its own result (the store's tests do).
  `CREATE TABLE IF NOT EXISTS audit (
     seq bigserial PRIMARY KEY,
     at timestamptz NOT NULL,
     who text NOT NULL,
     action text NOT NULL,
     widget_id text COLLATE "C"
   );`,
  `ALTER TABLE audit ADD COLUMN IF NOT EXISTS subject text;
   CREATE TABLE IF NOT EXISTS accounts (
     email text COLLATE "C" PRIMARY KEY,
     role text NOT NULL,
     password_hash text NOT NULL,
     created_at timestamptz NOT NULL
   );
   CREATE TABLE IF NOT EXISTS sessions (
     token_hash text COLLATE "C" PRIMARY KEY,
     email text COLLATE "C" NOT NULL,
     created_at timestamptz NOT NULL,
     last_seen_at timestamptz NOT NULL
   );
   CREATE INDEX IF NOT EXISTS sessions_by_email ON sessions (email);
   CREATE TABLE IF NOT EXISTS sign_in_attempts (
     key text COLLATE "C" NOT NULL,
     attempt text COLLATE "C" NOT NULL,
     at timestamptz NOT NULL
   );
   CREATE INDEX IF NOT EXISTS sign_in_attempts_by_key ON sign_in_attempts (key, at);
   CREATE INDEX IF NOT EXISTS sign_in_attempts_by_time ON sign_in_attempts (at);
   CREATE INDEX IF NOT EXISTS sign_in_attempts_by_attempt ON sign_in_attempts (attempt);`,
  // The console (issue 10): closing, first and last response, a cache revision and the outcome per
  // widget; responses per UTC day, written with each response; pairwise suggestions awaiting moderation.
  // `seen` is false only on a placeholder row an insert transaction made and has not committed.
  // Backfilled from the responses already stored. Safe to run again (an operator who replays migrations).
  `ALTER TABLE widgets
     ADD COLUMN IF NOT EXISTS closed boolean NOT NULL DEFAULT false,
     ADD COLUMN IF NOT EXISTS seen boolean NOT NULL DEFAULT true,
     ADD COLUMN IF NOT EXISTS first_at timestamptz,
     ADD COLUMN IF NOT EXISTS last_at timestamptz,
     ADD COLUMN IF NOT EXISTS revision bigint NOT NULL DEFAULT 0,
     ADD COLUMN IF NOT EXISTS outcome jsonb;
   CREATE INDEX IF NOT EXISTS widgets_by_last ON widgets (last_at DESC NULLS LAST, widget_id);
   CREATE TABLE IF NOT EXISTS daily (
     widget_id text COLLATE "C" NOT NULL,
     day date NOT NULL,
     n bigint NOT NULL,
     PRIMARY KEY (widget_id, day)
   );
   CREATE INDEX IF NOT EXISTS daily_by_day ON daily (day);
   CREATE TABLE IF NOT EXISTS suggestions (
     id text COLLATE "C" PRIMARY KEY,
     seq bigint NOT NULL,
     widget_id text COLLATE "C" NOT NULL,
     text text NOT NULL,
     submitted_at text NOT NULL,
     status text NOT NULL,
     value text,
     label text,
     decided_at timestamptz
   );
   CREATE INDEX IF NOT EXISTS suggestions_by_status ON suggestions (status, seq);
   CREATE INDEX IF NOT EXISTS suggestions_by_widget ON suggestions (widget_id, status, decided_at);
   UPDATE widgets AS w SET first_at = r.first_at, last_at = r.last_at
     FROM (SELECT widget_id, min(received_at) AS first_at, max(received_at) AS last_at FROM responses GROUP BY widget_id) AS r
     WHERE r.widget_id = w.widget_id;
   DELETE FROM daily;
   INSERT INTO daily (widget_id, day, n)
     SELECT widget_id, (received_at AT TIME ZONE 'UTC')::date, count(*) FROM responses GROUP BY 1, 2;
   DELETE FROM suggestions AS s WHERE NOT EXISTS (SELECT 1 FROM responses AS r WHERE r.id = s.id);
   INSERT INTO suggestions (id, seq, widget_id, text, submitted_at, status)
     SELECT id, seq, widget_id, answer->>'suggestion', submitted_at, 'pending' FROM responses
     WHERE widget = 'pairwise' AND jsonb_typeof(answer->'suggestion') = 'string'
     ON CONFLICT (id) DO NOTHING;`,
  // Migration 6: a session belongs to an account that exists; removing the account removes its sessions,
  // also when a sign-in inserts one while the removal commits (the key makes one of them wait).
  `DELETE FROM sessions AS s WHERE NOT EXISTS (SELECT 1 FROM accounts AS a WHERE a.email = s.email);
   ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_account;
   ALTER TABLE sessions ADD CONSTRAINT sessions_account FOREIGN KEY (email) REFERENCES accounts (email) ON DELETE CASCADE;`,
  // Migration 7 (issue 14): no row every insert for a widget must update. A widget's total, first and
  // last move to shard rows, and its tallies and daily counts gain a shard in their key: a transaction
  // writes only the shard it holds, and readers sum the shards. What was stored goes to shard 0.
  `CREATE TABLE IF NOT EXISTS widget_shards (
     widget_id text COLLATE "C" NOT NULL,
     shard integer NOT NULL,
     total bigint NOT NULL,
     first_at timestamptz NOT NULL,
     last_at timestamptz NOT NULL,
     PRIMARY KEY (widget_id, shard)
   );
   DO $$ BEGIN
     IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'widgets' AND column_name = 'total') THEN
       INSERT INTO widget_shards (widget_id, shard, total, first_at, last_at)
         SELECT w.widget_id, 0, w.total, coalesce(w.first_at, r.first_at), coalesce(w.last_at, r.last_at)
         FROM widgets AS w
         JOIN (SELECT widget_id, min(received_at) AS first_at, max(received_at) AS last_at FROM responses GROUP BY widget_id) AS r
           ON r.widget_id = w.widget_id
         WHERE w.total > 0
         ON CONFLICT (widget_id, shard) DO NOTHING;
       ALTER TABLE widgets DROP COLUMN total;
     END IF;
   END $$;
   DROP INDEX IF EXISTS widgets_by_last;
   ALTER TABLE widgets DROP COLUMN IF EXISTS first_at, DROP COLUMN IF EXISTS last_at;
   ALTER TABLE tallies ADD COLUMN IF NOT EXISTS shard integer NOT NULL DEFAULT 0;
   ALTER TABLE tallies DROP CONSTRAINT IF EXISTS tallies_pkey;
   ALTER TABLE tallies ADD CONSTRAINT tallies_pkey PRIMARY KEY (widget_id, bucket, key, shard);
   ALTER TABLE daily ADD COLUMN IF NOT EXISTS shard integer NOT NULL DEFAULT 0;
   ALTER TABLE daily DROP CONSTRAINT IF EXISTS daily_pkey;
   ALTER TABLE daily ADD CONSTRAINT daily_pkey PRIMARY KEY (widget_id, day, shard);`,
];

/** Migration 2: one row per id, in lower case, and tallies counted again where copies went (see `foldIds`). */
async function foldIdCase(client: pg.PoolClient): Promise<void> {
  const { drop, rename, widgets } = foldIds((await client.query<FoldRow>(foldSql)).rows);
  const { rows: schema } = await client.query<{ sharded: boolean }>("SELECT to_regclass('widget_shards') IS NOT NULL AS sharded");
  const { sharded } = schema[0];
  if (drop.length) await client.query('DELETE FROM responses WHERE seq = ANY($1::bigint[])', [drop.map((row) => row.seq)]);
  for (const row of rename) await client.query('UPDATE responses SET id = $1 WHERE seq = $2', [row.id, row.seq]);
  for (const widgetId of widgets) {
    const { rows: stored } = await client.query<ResponseRow>('SELECT * FROM responses WHERE widget_id = $1 ORDER BY seq', [
      widgetId,
    ]);
    const { total, rows } = recount(stored.map((row) => envelopeOf(row)));
    await client.query('DELETE FROM tallies WHERE widget_id = $1', [widgetId]);
    if (!total) {
      await client.query('DELETE FROM widgets WHERE widget_id = $1', [widgetId]);
      if (sharded) await client.query('DELETE FROM widget_shards WHERE widget_id = $1', [widgetId]);
      continue;
    }
    if (sharded) {
      // Run again over a later schema (migration 7): the total, first and last live in shard rows.
      const times = stored.map((row) => row.received_at.getTime());
      await client.query('DELETE FROM widget_shards WHERE widget_id = $1', [widgetId]);
      await client.query('INSERT INTO widget_shards (widget_id, shard, total, first_at, last_at) VALUES ($1, 0, $2, $3, $4)', [
        widgetId,
        total,
        new Date(times.reduce((a, b) => Math.min(a, b))),
        new Date(times.reduce((a, b) => Math.max(a, b))),
      ]);
    } else {
      await client.query('UPDATE widgets SET total = $1 WHERE widget_id = $2', [total, widgetId]);
    }
    for (const row of rows) {
      await client.query('INSERT INTO tallies (widget_id, bucket, key, n, a, b) VALUES ($1, $2, $3, $4, $5, $6)', [
        widgetId,
        row.bucket,
        row.key,
        row.n,
        row.a,
        row.b,
      ]);
    }
  }
}

/** A widget's total, first and last, from its shards: a statement's subquery keyed by `widget_id`. */
const shardsSummed = `SELECT widget_id, sum(total) AS total, min(first_at) AS first_at, max(last_at) AS last_at
  FROM widget_shards GROUP BY widget_id`;
/** The total of the widget row aliased `alias`, in the statement's snapshot. */
const totalOf = (alias: string) =>
  `(SELECT coalesce(sum(total), 0) FROM widget_shards AS s WHERE s.widget_id = ${alias}.widget_id)`;

/**
 * The key of an advisory lock (a bigint literal: digits and a sign only) for a widget's `use`, in a
 * schema. Locks are taken in the order of their keys, so two transactions never wait on each other in
 * a cycle.
 */
export function lockKey(schema: string, use: 'widget' | 'keys', widgetId: string): string {
  return createHash('sha256').update(`${schema}\n${use}\n${widgetId}`).digest().readBigInt64BE(0).toString();
}

/** PostgreSQL's error code for a foreign key violation. */
const foreignKeyViolation = '23503';

/** Advisory lock key for migrations: "delib" in ASCII. Database-wide, shared by every schema. */
const migrationLock = 0x64656c6962;
/** Advisory lock key taken by every change to accounts: "delibacc" in ASCII. */
const accountsLock = 0x64656c6962616363n;

const pageSize = 1000;
/** The most inserts committed in one transaction: keeps row locks short under a flood. */
const batchLimit = 200;
/** The most shard rows one widget's counts spread over (see `#countIntoShards`). */
const maxShards = 64;
/** Deadlock and serialization failure: PostgreSQL aborted the transaction, running it again is safe. */
const retryableCodes = new Set(['40P01', '40001']);
const attempts = 5;

interface Pending {
  envelope: Envelope;
  receivedAt: Date;
  valueLimit: number;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

interface WidgetState {
  /** Undefined while the row is this transaction's own placeholder and nothing has been stored in it. */
  kind: WidgetKind | undefined;
  placeholder: boolean;
  closed: boolean;
  created: number;
  /** When the first and last responses stored now arrived (ISO). */
  first?: string;
  last?: string;
}

interface ResponseRow {
  seq: string;
  id: string;
  widget: WidgetKind;
  widget_id: string;
  submitted_at: string;
  received_at: Date;
  locale: string;
  page: string;
  answer: Envelope['answer'];
}

interface TallyRow {
  bucket: string;
  key: string;
  n: string;
  a: string;
  b: string;
}

export interface PostgresOptions {
  /** Connections in the pool (10). Inserts use all but two of them, so reads get through a flood. */
  poolSize?: number;
}

/**
 * PostgreSQL through node-postgres. Any number of server processes may share one database.
 *
 * Every transaction that stores responses first takes the lock of each widget it touches (in one
 * order, so two transactions never wait on each other in a cycle) and keeps it until it commits:
 * shared, so that several transactions (of several processes) write one widget at once, each counting
 * into a shard row it alone holds (see `#countIntoShards`), while closing and erasure take it alone and
 * so wait for them all. That keeps the kind check, the value limit and the closed flag exact under
 * concurrency, and totals and tallies equal to the rows. A widget's `seq` is not in commit order:
 * nothing relies on it (the export's pages are each a snapshot; results are versioned by total).
 *
 * Inserts that arrive while earlier ones are being committed wait and are then committed together
 * (group commit); each request still gets its own outcome, and resolves only after COMMIT.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  #pool: pg.Pool;
  #queue: Pending[] = [];
  #scheduled = false;
  #running = 0;
  /** Widgets in a transaction of this process now. */
  #busy = new Set<string>();
  #writers: number;
  #closed = false;
  #drained: (() => void)[] = [];
  /** The schema the store works in: its locks are not another schema's (one database may hold several). */
  #schema = '';

  private constructor(pool: pg.Pool, poolSize: number) {
    this.#pool = pool;
    this.#writers = Math.max(1, poolSize - 2);
  }

  #lock(use: 'widget' | 'keys', widgetId: string): string {
    return lockKey(this.#schema, use, widgetId);
  }

  /**
   * A widget's lock: every insert for it takes it shared, closing and erasure alone. PostgreSQL queues a
   * shared request behind one waiting alone, so closing a widget under constant load waits only for the
   * inserts under way (a row lock FOR SHARE would let new ones go past it for as long as they come).
   */
  #widgetLock(widgetId: string): string {
    return this.#lock('widget', widgetId);
  }

  /** Connects to a `postgres://` URL and brings the schema up to date. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const poolSize = options.poolSize ?? 10;
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: 15_000,
      application_name: 'delib',
    });
    // An idle connection the server drops emits 'error' on the pool, which would otherwise end the
    // process; the pool discards it and opens a new one when next needed.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, poolSize);
    try {
      await store.#migrate();
      const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
      store.#schema = rows[0].schema;
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  /** Several processes may start at once: the advisory lock lets one migrate while the others wait. */
  async #migrate(): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLock]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS delib_migrations (
           version integer PRIMARY KEY,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM delib_migrations');
      const applied = new Set(rows.map((row) => row.version));
      for (let version = 1; version <= migrations.length; version++) {
        if (applied.has(version)) continue;
        const migration = migrations[version - 1];
        if (typeof migration === 'string') await client.query(migration);
        else await migration(client);
        await client.query('INSERT INTO delib_migrations (version) VALUES ($1)', [version]);
      }
    });
  }

  /** `begin` may add statements to BEGIN's round trip (taking locks: nothing from outside goes in it). */
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const value = await work(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  insert(envelope: Envelope, receivedAt: Date, options: InsertOptions = {}): Promise<InsertOutcome> {
    const valueLimit = options.valueLimit ?? defaultValueLimit;
    if (this.#closed) return Promise.reject(new Error('The store is closed.'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ envelope: canonical(envelope), receivedAt, valueLimit, resolve, reject });
      if (this.#scheduled) return;
      // Wait one turn so that requests arriving together share a transaction.
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.#pump();
      });
    });
  }

  /**
   * Starts transactions for what waits, up to the writers there are, none for a widget already in one:
   * its responses wait and go together once it commits. So a hot widget is written by one transaction
   * of this process at a time, in batches as large as the load makes them, and other widgets are not
   * held up behind it. (Two at a time would be correct, each in its own shard, but measured no faster
   * here: 10-15 % more responses a second for a third more of PostgreSQL's CPU.)
   */
  #pump(): void {
    while (this.#queue.length && this.#running < this.#writers) {
      const batch: Pending[] = [];
      const waiting: Pending[] = [];
      const widgets = new Set<string>();
      for (const pending of this.#queue) {
        const widgetId = pending.envelope.widgetId;
        if (batch.length < batchLimit && !this.#busy.has(widgetId)) {
          batch.push(pending);
          widgets.add(widgetId);
        } else {
          waiting.push(pending);
        }
      }
      if (!batch.length) return;
      this.#queue = waiting;
      for (const widgetId of widgets) this.#busy.add(widgetId);
      this.#running++;
      void this.#settle(batch).finally(() => {
        for (const widgetId of widgets) this.#busy.delete(widgetId);
        this.#running--;
        this.#pump();
        if (!this.#running && !this.#queue.length) this.#drained.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  async #settle(batch: Pending[], attempt = 1): Promise<void> {
    let outcomes: InsertOutcome[];
    try {
      // Each widget's lock, shared with the other inserts (sorted: see `#widgetLock`), with BEGIN.
      const locks = [...new Set(batch.map(({ envelope }) => this.#widgetLock(envelope.widgetId)))].sort();
      outcomes = await this.#transaction(
        (client) => this.#insertBatch(client, batch),
        `BEGIN; SELECT count(pg_advisory_xact_lock_shared(key)) FROM unnest(ARRAY[${locks.join(', ')}]::bigint[]) AS key`,
      );
    } catch (error) {
      if (batch.length > 1 && error instanceof pg.DatabaseError && !/^(08|57)/.test(error.code ?? '')) {
        // One envelope the database refuses must not fail the others that shared its transaction.
        // (Not when the connection or server failed: each alone would only wait to fail again.)
        for (const pending of batch) await this.#settle([pending]);
      } else if (attempt < attempts && retryableCodes.has((error as { code?: string }).code ?? '')) {
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt * Math.random()));
        await this.#settle(batch, attempt + 1);
      } else {
        batch.forEach((pending) => pending.reject(error));
      }
      return;
    }
    batch.forEach((pending, index) => pending.resolve(outcomes[index]));
  }

  /** Stores a batch in arrival order, with the outcome each envelope would get alone in that order. */
  async #insertBatch(client: pg.PoolClient, batch: Pending[]): Promise<InsertOutcome[]> {
    // Every envelope's tally rows, whatever its widget's kind: those of an envelope its widget's kind
    // refuses are looked up below with the others, and then used for nothing.
    const rowsOfAny = batch.map(({ envelope }) => tallies(envelope));
    const looked = await this.#look(client, batch, rowsOfAny);
    const widgets = await this.#claimUnseen(client, batch, looked.widgets);
    const rowsOf = batch.map(({ envelope }, index) => {
      const kind = widgets.get(envelope.widgetId)!.kind;
      return kind === undefined || kind === envelope.widget ? rowsOfAny[index] : [];
    });
    const { known, sizes } = await this.#keysHeld(client, batch, rowsOf, looked.known);
    const { stored } = looked;
    // Each envelope's outcome in arrival order, as if alone; those to store go in one statement below.
    const outcomes: (InsertOutcome | undefined)[] = [];
    const sizeKey = (widgetId: string, bucket: string) => JSON.stringify([widgetId, bucket]);
    const heldNow = new Set<string>();
    for (const [index, { envelope, valueLimit }] of batch.entries()) {
      const widget = widgets.get(envelope.widgetId)!;
      if (widget.kind !== undefined && widget.kind !== envelope.widget) {
        outcomes.push({ conflict: widget.kind });
        continue;
      }
      // Read under the widget's lock, which closing takes alone: it holds until COMMIT.
      if (widget.closed) {
        outcomes.push(stored.has(envelope.id) ? 'exists' : 'closed');
        continue;
      }
      const checked = newKeys(
        rowsOf[index],
        (row) => {
          const id = JSON.stringify([envelope.widgetId, row.bucket, row.key]);
          return known.has(id) || heldNow.has(id);
        },
        (bucket) => sizes.get(sizeKey(envelope.widgetId, bucket)) ?? 0,
        valueLimit,
      );
      if ('overflow' in checked) {
        outcomes.push(stored.has(envelope.id) ? 'exists' : { tooManyValues: checked.overflow });
        continue;
      }
      if (stored.has(envelope.id)) {
        outcomes.push('exists');
        continue;
      }
      // To be stored: a later envelope of the batch with the same id is a repeat of it.
      stored.add(envelope.id);
      widget.kind ??= envelope.widget;
      for (const [bucket, count] of checked.added) {
        sizes.set(sizeKey(envelope.widgetId, bucket), (sizes.get(sizeKey(envelope.widgetId, bucket)) ?? 0) + count);
      }
      for (const row of rowsOf[index]) heldNow.add(JSON.stringify([envelope.widgetId, row.bucket, row.key]));
      outcomes.push(undefined);
    }

    // What the new responses add, per widget, day and tally key: all of it is written in one statement
    // below, with the responses.
    const added = new Map<string, Tally & { widgetId: string }>();
    /** Responses stored now per `JSON.stringify([widget id, day])`. */
    const days = new Map<string, number>();
    const fresh: Pending[] = [];
    for (const [index, pending] of batch.entries()) {
      if (outcomes[index] !== undefined) continue;
      const { envelope, receivedAt } = pending;
      fresh.push(pending);
      const widget = widgets.get(envelope.widgetId)!;
      widget.created++;
      const at = receivedAt.toISOString();
      if (!widget.first || at < widget.first) widget.first = at;
      if (!widget.last || at > widget.last) widget.last = at;
      const dayKey = JSON.stringify([envelope.widgetId, at.slice(0, 10)]);
      days.set(dayKey, (days.get(dayKey) ?? 0) + 1);
      for (const row of rowsOf[index]) {
        const id = JSON.stringify([envelope.widgetId, row.bucket, row.key]);
        const sum = added.get(id) ?? { widgetId: envelope.widgetId, bucket: row.bucket, key: row.key, n: 0, a: 0, b: 0 };
        sum.n += row.n;
        sum.a += row.a;
        sum.b += row.b;
        added.set(id, sum);
      }
    }
    if (!fresh.length) {
      await this.#dropUnused(client, widgets);
      return outcomes as InsertOutcome[];
    }
    const suggestions = fresh.flatMap(({ envelope }) => {
      const text = suggestionOf(envelope);
      return text === undefined ? [] : [{ envelope, text }];
    });
    const counts = new Counts(
      [...widgets].filter(([, widget]) => widget.created),
      [...days].map(([key, n]) => [...(JSON.parse(key) as [string, string]), n] as const),
      [...added.values()],
    );
    const { rows: written } = await client.query<{ id: string; shard: number | null }>(
      `WITH fresh AS (
         INSERT INTO responses (id, widget, widget_id, submitted_at, received_at, locale, page, answer)
         SELECT id, widget, widget_id, submitted_at, received_at, locale, page, answer
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::jsonb[])
              WITH ORDINALITY AS r (id, widget, widget_id, submitted_at, received_at, locale, page, answer, position)
         ORDER BY position
         ON CONFLICT (id) DO NOTHING
         RETURNING id, seq
       ),
       suggested AS (
         INSERT INTO suggestions (id, seq, widget_id, text, submitted_at, status)
         SELECT s.id, fresh.seq, s.widget_id, s.text, s.submitted_at, 'pending'
         FROM unnest($9::text[], $10::text[], $11::text[], $12::text[]) AS s (id, widget_id, text, submitted_at)
         JOIN fresh ON fresh.id = s.id
       ),
       ${counts.sql('picked', 13)}
       SELECT id, NULL::integer AS shard FROM fresh UNION ALL SELECT widget_id, shard FROM picked`,
      [
        fresh.map(({ envelope }) => envelope.id),
        fresh.map(({ envelope }) => envelope.widget),
        fresh.map(({ envelope }) => envelope.widgetId),
        fresh.map(({ envelope }) => envelope.submittedAt),
        fresh.map(({ receivedAt }) => receivedAt.toISOString()),
        fresh.map(({ envelope }) => envelope.locale),
        fresh.map(({ envelope }) => envelope.page),
        fresh.map(({ envelope }) => JSON.stringify(envelope.answer)),
        suggestions.map(({ envelope }) => envelope.id),
        suggestions.map(({ envelope }) => envelope.widgetId),
        suggestions.map(({ text }) => text),
        suggestions.map(({ envelope }) => envelope.submittedAt),
        ...counts.parameters(),
      ],
    );
    // An id stored since the look above (by another widget's transaction): the outcomes after it were
    // judged as if it were stored here. Rarely so; the batch is rolled back and run again (as a
    // serialization failure is), and then sees it stored.
    if (written.filter((row) => row.shard === null).length !== fresh.length)
      throw Object.assign(new Error('A response id was stored meanwhile.'), { code: '40001' });
    for (const [index] of batch.entries()) outcomes[index] ??= 'created';
    // Widgets whose every shard another transaction held: counted into a new shard.
    const counted = new Set(written.filter((row) => row.shard !== null).map((row) => row.id));
    const rest = counts.without(counted);
    if (rest) await client.query(`WITH ${rest.sql('made', 1)} SELECT count(*) FROM made`, rest.parameters());

    // A placeholder counted into becomes the widget, of the kind its first response gave it.
    const claimed = [...widgets].filter(([, widget]) => widget.placeholder && widget.created);
    if (claimed.length) {
      await client.query(
        `UPDATE widgets AS w SET widget = u.widget, seen = true
         FROM unnest($1::text[], $2::text[]) AS u (widget_id, widget) WHERE w.widget_id = u.widget_id`,
        [claimed.map(([id]) => id), claimed.map(([, widget]) => widget.kind)],
      );
    }
    await this.#dropUnused(client, widgets);
    return outcomes as InsertOutcome[];
  }

  /**
   * One look, under the batch's widget locks, at what decides its outcomes: its widgets (those stored
   * before), which of its tally keys the table holds (as `JSON.stringify([widget id, bucket, key])`), and
   * which of its ids are stored already (an id is never stored twice).
   */
  async #look(client: pg.PoolClient, batch: Pending[], rowsOf: Tally[][]) {
    const triples = wantedKeys(batch, rowsOf);
    const { rows } = await client.query<{ what: 'widget' | 'key' | 'id'; a: string; b: string | null; c: string | null }>(
      `SELECT 'widget' AS what, widget_id AS a, widget AS b, closed::text AS c FROM widgets
       WHERE widget_id = ANY($1::text[]) AND seen
       UNION ALL
       SELECT 'key', u.widget_id, u.bucket, u.key FROM unnest($2::text[], $3::text[], $4::text[]) AS u (widget_id, bucket, key)
       WHERE EXISTS (SELECT 1 FROM tallies AS t WHERE t.widget_id = u.widget_id AND t.bucket = u.bucket AND t.key = u.key)
       UNION ALL
       SELECT 'id', id, NULL, NULL FROM responses WHERE id = ANY($5::text[])`,
      [
        [...new Set(batch.map(({ envelope }) => envelope.widgetId))],
        triples.map((triple) => triple[0]),
        triples.map((triple) => triple[1]),
        triples.map((triple) => triple[2]),
        batch.map(({ envelope }) => envelope.id),
      ],
    );
    const widgets = new Map<string, WidgetState>();
    const known = new Set<string>();
    const stored = new Set<string>();
    for (const row of rows) {
      if (row.what === 'widget')
        widgets.set(row.a, { kind: row.b as WidgetKind, placeholder: false, closed: row.c === 'true', created: 0 });
      else if (row.what === 'key') known.add(JSON.stringify([row.a, row.b, row.c]));
      else stored.add(row.a);
    }
    return { widgets, known, stored };
  }

  /**
   * Which of the batch's tally keys the table holds, given those `#look` found, and how many different
   * keys each bucket of a widget holds (`JSON.stringify([widget id, bucket])`) where the batch brings a
   * key the table does not hold.
   *
   * Keys are only ever removed by erasure, which takes the widget's lock alone: the keys found stay held
   * until COMMIT. Transactions that bring new keys to a widget take its key lock first, one at a time,
   * and then count what the others committed: so two of them never both take the last value the limit
   * allows. Those that bring none, the many, do not wait for it.
   */
  async #keysHeld(client: pg.PoolClient, batch: Pending[], rowsOf: Tally[][], found: Set<string>) {
    const triples = wantedKeys(batch, rowsOf);
    const sizes = new Map<string, number>();
    const growingIn = (known: Set<string>) => [
      ...new Set(triples.filter((triple) => !known.has(JSON.stringify(triple))).map(([widgetId]) => widgetId)),
    ];
    const growing = growingIn(found);
    if (!growing.length) return { known: found, sizes };
    const locks = growing.map((widgetId) => this.#lock('keys', widgetId)).sort();
    await client.query(`SELECT ${locks.map((key) => `pg_advisory_xact_lock(${key})`).join(', ')}`);
    // Looked at again: keys another transaction added while this one waited are held now.
    const { rows } = await client.query<{ widget_id: string; bucket: string; key: string | null; size: string | null }>(
      `SELECT u.widget_id, u.bucket, u.key, NULL AS size FROM unnest($1::text[], $2::text[], $3::text[]) AS u (widget_id, bucket, key)
       WHERE EXISTS (SELECT 1 FROM tallies AS t WHERE t.widget_id = u.widget_id AND t.bucket = u.bucket AND t.key = u.key)
       UNION ALL
       SELECT widget_id, bucket, NULL, count(DISTINCT key) FROM tallies WHERE widget_id = ANY($4::text[]) GROUP BY widget_id, bucket`,
      [triples.map((triple) => triple[0]), triples.map((triple) => triple[1]), triples.map((triple) => triple[2]), growing],
    );
    const known = new Set<string>();
    for (const row of rows) {
      if (row.size === null) known.add(JSON.stringify([row.widget_id, row.bucket, row.key]));
      else sizes.set(JSON.stringify([row.widget_id, row.bucket]), Number(row.size));
    }
    return { known, sizes };
  }

  /** A widget known only from envelopes that stored nothing stays unknown: its placeholder goes. */
  async #dropUnused(client: pg.PoolClient, widgets: Map<string, WidgetState>): Promise<void> {
    const unused = [...widgets].filter(([, widget]) => widget.placeholder && !widget.created).map(([id]) => id);
    if (unused.length) await client.query('DELETE FROM widgets WHERE widget_id = ANY($1::text[])', [unused]);
  }

  /**
   * Every widget of the batch, those `#look` found (read under the widget locks taken with BEGIN:
   * closing and erasure take them alone, so what was read holds until COMMIT) and, for a widget not
   * seen before, a placeholder row (`seen` false) locked for this transaction alone by its key, so that
   * the first response decides the widget's kind. Committed rows are always `seen` (an erased widget
   * keeps its row, with no shards): a placeholder is either counted into (and marked seen) or deleted
   * before COMMIT, so `seen` false means ours.
   */
  async #claimUnseen(client: pg.PoolClient, batch: Pending[], widgets: Map<string, WidgetState>) {
    const first = new Map<string, WidgetKind>();
    for (const { envelope } of batch) {
      if (!widgets.has(envelope.widgetId) && !first.has(envelope.widgetId)) first.set(envelope.widgetId, envelope.widget);
    }
    if (!first.size) return widgets;
    const unseen = [...first.keys()].sort();
    // DO UPDATE (to the same value) rather than DO NOTHING: a row another transaction committed
    // meanwhile is locked and returned, as it is.
    const { rows } = await client.query<{ widget_id: string; widget: WidgetKind; seen: boolean; closed: boolean }>(
      `INSERT INTO widgets (widget_id, widget, seen)
       SELECT widget_id, widget, false
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w (widget_id, widget, position)
       ORDER BY position
       ON CONFLICT (widget_id) DO UPDATE SET seen = widgets.seen
       RETURNING widget_id, widget, seen, closed`,
      [unseen, unseen.map((id) => first.get(id))],
    );
    for (const row of rows) {
      const placeholder = !row.seen;
      widgets.set(row.widget_id, { kind: placeholder ? undefined : row.widget, placeholder, closed: row.closed, created: 0 });
    }
    return widgets;
  }

  async results(widgetId: string, selection: ResultsSelection = {}) {
    // One statement, so the total and the tallies come from the same snapshot.
    const { rows } = await this.#pool.query<{ widget: WidgetKind; total: string; outcome: Outcome | null } & Partial<TallyRow>>(
      `SELECT w.widget, ${totalOf('w')} AS total, w.outcome, t.bucket, t.key, t.n, t.a, t.b
       FROM widgets AS w LEFT JOIN (
         SELECT *, row_number() OVER (PARTITION BY bucket ORDER BY n DESC, key) AS place
         FROM (
           SELECT bucket, key, sum(n)::bigint AS n, sum(a)::bigint AS a, sum(b)::bigint AS b FROM tallies
           WHERE widget_id = $1 AND ($2::text[] IS NULL OR key = ANY($2::text[])) GROUP BY bucket, key
         ) AS summed
       ) AS t ON ($3::bigint IS NULL OR t.place <= $3::bigint)
       WHERE w.widget_id = $1 AND w.seen
       ORDER BY t.bucket, t.key`,
      [widgetId, selection.values ?? null, selection.values ? null : (selection.limit ?? null)],
    );
    if (!rows.length) return undefined;
    const tallyRows = rows.filter((row): row is typeof row & TallyRow => row.bucket != null).map(toTally);
    let body = results(rows[0].widget, widgetId, Number(rows[0].total), tallyRows);
    if (body.widget === 'pairwise') {
      const [items, { rows: counted }] = await Promise.all([
        this.items(widgetId),
        this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM suggestions WHERE widget_id = $1', [widgetId]),
      ]);
      body = withApproved(body, items, selection.values, Number(counted[0].n));
    }
    return rows[0].outcome ? { ...body, outcome: rows[0].outcome } : body;
  }

  /**
   * The widget's total and its revision (bumped by erasure, approval, outcome). Not the newest `seq`:
   * transactions of one widget commit side by side, so a smaller `seq` may commit after a larger one.
   * The total grows with every response stored, whichever commits last.
   */
  async version(widgetId: string): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ version: string }>(
      `SELECT ${totalOf('w')}::text || '.' || revision AS version FROM widgets AS w WHERE widget_id = $1 AND seen`,
      [widgetId],
    );
    return rows[0]?.version;
  }

  /**
   * One statement answering one row of JSON: with a thousand widgets, node-postgres's per-row parsing
   * (timestamps above all) cost more than the query itself. Each widget's last days come as text,
   * `offset:count,…`, gathered with string_agg (array_agg's per-group memory spilled to disk here).
   */
  async widgets(today: Date): Promise<WidgetSummary[]> {
    const iso = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
    const { rows } = await this.#pool.query<{
      rows: [string, WidgetKind, number, string | null, string | null, boolean, string | null][] | null;
    }>(
      `SELECT json_agg(json_build_array(
                w.widget_id, w.widget, coalesce(s.total, 0),
                to_char(s.first_at AT TIME ZONE 'UTC', ${iso}), to_char(s.last_at AT TIME ZONE 'UTC', ${iso}),
                w.closed, d.days
              ) ORDER BY s.last_at DESC NULLS LAST, w.widget_id) AS rows
       FROM widgets AS w
       LEFT JOIN (${shardsSummed}) AS s ON s.widget_id = w.widget_id
       LEFT JOIN (
         SELECT widget_id, string_agg((day - $1::date) || ':' || n, ',') AS days
         FROM (SELECT widget_id, day, sum(n) AS n FROM daily WHERE day >= $1::date GROUP BY widget_id, day) AS summed
         GROUP BY widget_id
       ) AS d ON d.widget_id = w.widget_id
       WHERE w.seen`,
      [firstDay(today)],
    );
    return (rows[0].rows ?? []).map(([widgetId, widget, total, firstAt, lastAt, closed, days]) => {
      const daily = new Array<number>(dailyDays).fill(0);
      for (const pair of days ? days.split(',') : []) {
        const [offset, count] = pair.split(':').map(Number);
        if (offset >= 0 && offset < dailyDays) daily[offset] = count;
      }
      return { widgetId, widget, total: Number(total), firstAt, lastAt, closed, daily };
    });
  }

  async widget(widgetId: string, today: Date): Promise<WidgetDetail | undefined> {
    const [summary, days, pending] = await Promise.all([
      this.#pool.query<SummaryRow>(
        `SELECT w.widget_id, w.widget, coalesce(s.total, 0) AS total, s.first_at, s.last_at, w.closed, w.outcome
         FROM widgets AS w LEFT JOIN (${shardsSummed}) AS s ON s.widget_id = w.widget_id
         WHERE w.widget_id = $1 AND w.seen`,
        [widgetId],
      ),
      this.#pool.query<{ day: string; n: string }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(n) AS n FROM daily
         WHERE widget_id = $1 AND day >= $2::date GROUP BY day ORDER BY day`,
        [widgetId, firstDay(today, detailDays)],
      ),
      this.#pool.query<{ n: string }>("SELECT count(*) AS n FROM suggestions WHERE widget_id = $1 AND status = 'pending'", [
        widgetId,
      ]),
    ]);
    const row = summary.rows[0];
    if (!row) return undefined;
    const list = days.rows.map((day) => ({ date: day.day, count: Number(day.n) }));
    return {
      ...summaryOf(row, dailySeries(new Map(list.map((day) => [day.date, day.count])), today)),
      days: list,
      ...(row.outcome ? { outcome: row.outcome } : {}),
      pendingSuggestions: Number(pending.rows[0].n),
    };
  }

  async freeText(widgetId: string, before?: number): Promise<TextPage> {
    const { rows: kinds } = await this.#pool.query<{ widget: WidgetKind }>('SELECT widget FROM widgets WHERE widget_id = $1', [
      widgetId,
    ]);
    if (!kinds.length || !textKinds.includes(kinds[0].widget)) return { entries: [] };
    const { rows } = await this.#pool.query<ResponseRow>(
      `SELECT seq, id, widget, widget_id, submitted_at, received_at, locale, page, answer FROM responses
       WHERE widget_id = $1 AND ($2::bigint IS NULL OR seq < $2::bigint) ORDER BY seq DESC LIMIT ${textScan}`,
      [widgetId, before ?? null],
    );
    const entries = rows.flatMap((row) =>
      textsOf(envelopeOf(row)).map((found) => ({ id: row.id, submittedAt: row.submitted_at, ...found })),
    );
    return rows.length < textScan ? { entries } : { entries, next: Number(rows[rows.length - 1].seq) };
  }

  /** Takes the widget's lock alone: inserts under way commit first, and every insert after sees the flag. */
  async setClosed(widgetId: string, closed: boolean): Promise<boolean> {
    return this.#transaction(
      async (client) => {
        const { rowCount } = await client.query('UPDATE widgets SET closed = $2 WHERE widget_id = $1 AND seen', [
          widgetId,
          closed,
        ]);
        return !!rowCount;
      },
      `BEGIN; SELECT pg_advisory_xact_lock(${this.#widgetLock(widgetId)})`,
    );
  }

  async erase(widgetId: string): Promise<number | undefined> {
    return this.#transaction(
      async (client) => {
        // The widget's lock alone (taken with BEGIN): inserts for it wait until the erasure has committed.
        const { rowCount: known } = await client.query(
          'UPDATE widgets SET revision = revision + 1 WHERE widget_id = $1 AND seen',
          [widgetId],
        );
        if (!known) return undefined;
        await client.query('DELETE FROM widget_shards WHERE widget_id = $1', [widgetId]);
        const { rowCount } = await client.query('DELETE FROM responses WHERE widget_id = $1', [widgetId]);
        await client.query('DELETE FROM tallies WHERE widget_id = $1', [widgetId]);
        await client.query('DELETE FROM daily WHERE widget_id = $1', [widgetId]);
        await client.query('DELETE FROM suggestions WHERE widget_id = $1', [widgetId]);
        return rowCount ?? 0;
      },
      `BEGIN; SELECT pg_advisory_xact_lock(${this.#widgetLock(widgetId)})`,
    );
  }

  async suggestions(status: SuggestionStatus, limit: number): Promise<Suggestion[]> {
    const { rows } = await this.#pool.query<SuggestionRow>(
      `SELECT id, widget_id, text, submitted_at, status, value, label FROM suggestions WHERE status = $1
       ORDER BY seq ${status === 'pending' ? 'ASC' : 'DESC'} LIMIT $2`,
      [status, limit],
    );
    return rows.map(suggestionFrom);
  }

  async decide(id: string, decision: Decision, at: Date): Promise<Suggestion | 'not_found' | 'decided'> {
    return this.#transaction(async (client) => {
      const { rows } = await client.query<SuggestionRow>(
        'SELECT id, widget_id, text, submitted_at, status, value, label FROM suggestions WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!rows.length) return 'not_found';
      if (rows[0].status !== 'pending') return 'decided';
      const { rows: decided } = await client.query<SuggestionRow>(
        `UPDATE suggestions SET status = $2, value = $3, label = CASE WHEN $2 = 'approved' THEN coalesce($4, text) END, decided_at = $5 WHERE id = $1
         RETURNING id, widget_id, text, submitted_at, status, value, label`,
        decision.approve
          ? [id, 'approved', decision.value, decision.label ?? null, at.toISOString()]
          : [id, 'rejected', null, null, at.toISOString()],
      );
      // Approved items show in the widget's items and results: their cached copies must go.
      if (decision.approve)
        await client.query('UPDATE widgets SET revision = revision + 1 WHERE widget_id = $1', [rows[0].widget_id]);
      return suggestionFrom(decided[0]);
    });
  }

  async items(widgetId: string): Promise<{ value: string; label: string }[]> {
    const { rows } = await this.#pool.query<{ value: string; label: string }>(
      "SELECT value, label FROM suggestions WHERE widget_id = $1 AND status = 'approved' ORDER BY decided_at, seq",
      [widgetId],
    );
    return rows;
  }

  async setOutcome(widgetId: string, outcome: Outcome | null): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      'UPDATE widgets SET outcome = $2::jsonb, revision = revision + 1 WHERE widget_id = $1 AND seen',
      [widgetId, outcome ? JSON.stringify(outcome) : null],
    );
    return !!rowCount;
  }

  /** A window of 20,000 positions (`seq`) per statement, each its own transaction, so no lock is held long. */
  async eraseContacts(before: Date): Promise<Map<string, number>> {
    const erased = new Map<string, number>();
    const window = 20_000n;
    const { rows: top } = await this.#pool.query<{ max: string | null }>('SELECT max(seq)::text AS max FROM responses');
    const last = BigInt(top[0].max ?? '0');
    for (let after = 0n; after < last; after += window) {
      const { rows } = await this.#pool.query<{ widget_id: string; n: string }>(
        `WITH changed AS (
           UPDATE responses SET answer = answer - 'contact'
           WHERE seq > $2::bigint AND seq <= $3::bigint AND widget = 'needs-assets'
             AND received_at < $1::timestamptz AND answer ? 'contact'
           RETURNING widget_id
         )
         SELECT widget_id, count(*) AS n FROM changed GROUP BY widget_id`,
        [before.toISOString(), after.toString(), (after + window).toString()],
      );
      for (const row of rows) erased.set(row.widget_id, (erased.get(row.widget_id) ?? 0) + Number(row.n));
    }
    return erased;
  }

  async keys(widgetId: string): Promise<Record<string, string[]>> {
    const { rows } = await this.#pool.query<{ bucket: string; key: string }>(
      'SELECT DISTINCT bucket, key FROM tallies WHERE widget_id = $1 ORDER BY bucket, key',
      [widgetId],
    );
    const keys: Record<string, string[]> = {};
    for (const row of rows) (keys[row.bucket] ??= []).push(row.key);
    return keys;
  }

  async count(widgetId: string): Promise<number> {
    const { rows } = await this.#pool.query<{ total: string }>(
      'SELECT coalesce(sum(total), 0) AS total FROM widget_shards WHERE widget_id = $1',
      [widgetId],
    );
    return Number(rows[0].total);
  }

  async recordAudit(entry: AuditEntry): Promise<void> {
    await this.#pool.query('INSERT INTO audit (at, who, action, widget_id, subject) VALUES ($1, $2, $3, $4, $5)', [
      entry.at,
      entry.who,
      entry.action,
      entry.widgetId ?? null,
      entry.subject ?? null,
    ]);
  }

  async auditEntries({ limit, before }: { limit: number; before?: string }): Promise<AuditPage> {
    const { rows } = await this.#pool.query<{
      seq: string;
      at: Date;
      who: string;
      action: string;
      widget_id: string | null;
      subject: string | null;
    }>(
      `SELECT seq, at, who, action, widget_id, subject FROM audit
       WHERE $1::bigint IS NULL OR seq < $1::bigint ORDER BY seq DESC LIMIT $2`,
      [before ?? null, limit + 1],
    );
    const entries = rows.slice(0, limit).map((row) => ({
      at: row.at.toISOString(),
      who: row.who,
      action: row.action,
      ...(row.widget_id === null ? {} : { widgetId: row.widget_id }),
      ...(row.subject === null ? {} : { subject: row.subject }),
    }));
    return rows.length > limit ? { entries, next: rows[limit - 1].seq } : { entries };
  }

  async accounts(): Promise<Account[]> {
    const { rows } = await this.#pool.query<{ email: string; role: Role; created_at: Date }>(
      'SELECT email, role, created_at FROM accounts ORDER BY email LIMIT $1',
      [maxAccounts],
    );
    return rows.map((row) => ({ email: row.email, role: row.role, createdAt: row.created_at.toISOString() }));
  }

  async account(email: string): Promise<AccountRecord | undefined> {
    const { rows } = await this.#pool.query<{ email: string; role: Role; created_at: Date; password_hash: string }>(
      'SELECT email, role, created_at, password_hash FROM accounts WHERE email = $1',
      [email],
    );
    const [row] = rows;
    return row && { email: row.email, role: row.role, createdAt: row.created_at.toISOString(), passwordHash: row.password_hash };
  }

  /** Changes to accounts one at a time, database-wide, so that the checks each makes still hold when it writes. */
  #accountsTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [accountsLock.toString()]);
      return work(client);
    });
  }

  addAccount(account: AccountRecord, { onlyFirst = false } = {}): Promise<AddAccountOutcome> {
    return this.#accountsTransaction(async (client) => {
      const { rows } = await client.query<{ count: string; taken: boolean }>(
        'SELECT count(*) AS count, bool_or(email = $1) AS taken FROM accounts',
        [account.email],
      );
      const count = Number(rows[0].count);
      if (onlyFirst && count > 0) return 'not_first';
      if (rows[0].taken) return 'exists';
      if (count >= maxAccounts) return 'full';
      await client.query('INSERT INTO accounts (email, role, password_hash, created_at) VALUES ($1, $2, $3, $4)', [
        account.email,
        account.role,
        account.passwordHash,
        account.createdAt,
      ]);
      return 'created';
    });
  }

  removeAccount(email: string): Promise<RemoveAccountOutcome> {
    return this.#accountsTransaction(async (client) => {
      const { rows } = await client.query<{ role: Role }>('SELECT role FROM accounts WHERE email = $1', [email]);
      if (!rows.length) return 'not_found';
      if (rows[0].role === 'admin') {
        const { rows: admins } = await client.query<{ count: string }>(
          "SELECT count(*) AS count FROM accounts WHERE role = 'admin'",
        );
        if (Number(admins[0].count) <= 1) return 'last_admin';
      }
      await client.query('DELETE FROM sessions WHERE email = $1', [email]);
      await client.query('DELETE FROM accounts WHERE email = $1', [email]);
      return 'removed';
    });
  }

  async createSession(tokenHash: string, { email, at }: { email: string; at: Date }): Promise<boolean> {
    try {
      const { rowCount } = await this.#pool.query(
        'INSERT INTO sessions (token_hash, email, created_at, last_seen_at) SELECT $1, email, $3, $3 FROM accounts WHERE email = $2',
        [tokenHash, email, at],
      );
      return rowCount === 1;
    } catch (error) {
      // The account was removed by a transaction that committed while this one inserted.
      if ((error as { code?: string }).code === foreignKeyViolation) return false;
      throw error;
    }
  }

  async session(tokenHash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.#pool.query<{ email: string; role: Role; created_at: Date; last_seen_at: Date }>(
      `SELECT s.email, a.role, s.created_at, s.last_seen_at
       FROM sessions AS s JOIN accounts AS a ON a.email = s.email WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const [row] = rows;
    return row && { email: row.email, role: row.role, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
  }

  async touchSession(tokenHash: string, at: Date): Promise<void> {
    await this.#pool.query('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2 AND last_seen_at < $1', [at, tokenHash]);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.#pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async pruneSessions({ idleBefore, createdBefore }: { idleBefore: Date; createdBefore: Date }): Promise<void> {
    await this.#pool.query('DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, createdBefore]);
  }

  attemptSignIn({ attempt, at, since, limits }: SignInAttempt): Promise<AttemptOutcome> {
    return this.#transaction(async (client) => {
      // Attempts against the same key, from any process, are counted one at a time (keys in one order:
      // two attempts never wait on each other in a cycle).
      const keys = [...new Set(limits.map((entry) => entry.key))].sort();
      for (const key of keys) await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
      await client.query('DELETE FROM sign_in_attempts WHERE at <= $1', [since]);
      const window = at.getTime() - since.getTime();
      let retryAt: number | undefined;
      for (const { key, limit } of limits) {
        const { rows } = await client.query<{ at: Date }>(
          'SELECT at FROM sign_in_attempts WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3',
          [key, since, limit],
        );
        // Blocked until the limit-th newest attempt leaves the window.
        if (rows.length >= limit) retryAt = Math.max(retryAt ?? 0, rows[limit - 1].at.getTime() + window);
      }
      if (retryAt !== undefined) return { allowed: false, retryAt: new Date(retryAt) };
      await client.query('INSERT INTO sign_in_attempts (key, attempt, at) SELECT k, $2, $3 FROM unnest($1::text[]) AS k', [
        limits.map((entry) => entry.key),
        attempt,
        at,
      ]);
      return { allowed: true };
    });
  }

  async signedIn(attempt: string, key: string): Promise<void> {
    await this.#pool.query('DELETE FROM sign_in_attempts WHERE attempt = $1 OR key = $2', [attempt, key]);
  }

  /**
   * Keyset pages rather than one long cursor, so a big export never holds a connection. Each page is
   * its own snapshot: every response committed before the export began is in it.
   */
  async *responses(widgetId: string): AsyncIterable<StoredResponse> {
    for (let after = '0'; ;) {
      const { rows } = await this.#pool.query<ResponseRow>(
        `SELECT seq, id, widget, widget_id, submitted_at, received_at, locale, page, answer
         FROM responses WHERE widget_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT ${pageSize}`,
        [widgetId, after],
      );
      for (const row of rows) {
        yield {
          envelope: envelopeOf(row),
          receivedAt: row.received_at.toISOString(),
        };
      }
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].seq;
    }
  }

  /** Commits what is already queued, then closes the pool. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#running || this.#queue.length) await new Promise<void>((resolve) => this.#drained.push(resolve));
    await this.#pool.end();
  }
}

/** The different `[widget id, bucket, key]` of a batch's tally rows. */
function wantedKeys(batch: Pending[], rowsOf: Tally[][]): [string, string, string][] {
  const wanted = new Map<string, [string, string, string]>();
  batch.forEach(({ envelope }, index) => {
    for (const row of rowsOf[index]) {
      wanted.set(JSON.stringify([envelope.widgetId, row.bucket, row.key]), [envelope.widgetId, row.bucket, row.key]);
    }
  });
  return [...wanted.values()];
}

/**
 * What a transaction's new responses add to their widgets' totals, daily counts and tallies, and the
 * statement part (common table expressions, as in `WITH …`) that writes it into one shard row per
 * widget, named `name` and returning each widget's `(widget_id, shard)`.
 *
 * `picked` takes the lowest shard no other transaction holds (SKIP LOCKED: it never waits), so a widget
 * has as many shards as transactions ever wrote it at once: one for a quiet widget, a few for a hot one
 * written by several processes. A widget whose every shard is held (or that has none yet) is left out,
 * and `made` then counts it into the next shard, made now: two transactions making the same one at once
 * (or a widget at its most shards) share it, the second waiting for the first's COMMIT. The daily counts
 * and tallies go under the same shard, whose row lock the transaction keeps until COMMIT: no other
 * transaction writes those rows meanwhile.
 */
class Counts {
  constructor(
    readonly widgets: [string, WidgetState][],
    readonly days: (readonly [string, string, number])[],
    readonly tallies: (Tally & { widgetId: string })[],
  ) {}

  /** The same counts for the widgets not in `done`, or undefined when none is left. */
  without(done: Set<string>): Counts | undefined {
    const widgets = this.widgets.filter(([id]) => !done.has(id));
    if (!widgets.length) return undefined;
    return new Counts(
      widgets,
      this.days.filter(([id]) => !done.has(id)),
      this.tallies.filter((sum) => !done.has(sum.widgetId)),
    );
  }

  /** Its 13 parameters, numbered from `first` on in `sql`. */
  parameters(): unknown[] {
    return [
      this.widgets.map(([id]) => id),
      this.widgets.map(([, widget]) => widget.created),
      this.widgets.map(([, widget]) => widget.first),
      this.widgets.map(([, widget]) => widget.last),
      this.days.map((day) => day[0]),
      this.days.map((day) => day[1]),
      this.days.map((day) => day[2]),
      this.tallies.map((sum) => sum.widgetId),
      this.tallies.map((sum) => sum.bucket),
      this.tallies.map((sum) => sum.key),
      this.tallies.map((sum) => sum.n),
      this.tallies.map((sum) => sum.a),
      this.tallies.map((sum) => sum.b),
    ];
  }

  sql(name: 'picked' | 'made', first: number): string {
    const $ = (n: number) => `$${first + n}`;
    const counted = `unnest(${$(0)}::text[], ${$(1)}::bigint[], ${$(2)}::timestamptz[], ${$(3)}::timestamptz[])
         WITH ORDINALITY AS u (widget_id, created, first_at, last_at, position)`;
    const shard =
      name === 'picked'
        ? `picked AS (
         UPDATE widget_shards AS s
         SET total = s.total + u.created, first_at = least(s.first_at, u.first_at), last_at = greatest(s.last_at, u.last_at)
         FROM ${counted}
         CROSS JOIN LATERAL (
           SELECT f.shard FROM widget_shards AS f WHERE f.widget_id = u.widget_id ORDER BY f.shard LIMIT 1 FOR UPDATE SKIP LOCKED
         ) AS free
         WHERE s.widget_id = u.widget_id AND s.shard = free.shard
         RETURNING s.widget_id, s.shard
       )`
        : `made AS (
         INSERT INTO widget_shards AS s (widget_id, shard, total, first_at, last_at)
         SELECT u.widget_id,
                least(coalesce((SELECT max(f.shard) + 1 FROM widget_shards AS f WHERE f.widget_id = u.widget_id), 0), ${maxShards - 1}),
                u.created, u.first_at, u.last_at
         FROM ${counted}
         ORDER BY u.position
         ON CONFLICT (widget_id, shard) DO UPDATE SET total = s.total + excluded.total,
           first_at = least(s.first_at, excluded.first_at), last_at = greatest(s.last_at, excluded.last_at)
         RETURNING s.widget_id, s.shard
       )`;
    return `${shard},
       daily_counted AS (
         INSERT INTO daily (widget_id, day, shard, n)
         SELECT d.widget_id, d.day, ${name}.shard, d.n
         FROM unnest(${$(4)}::text[], ${$(5)}::date[], ${$(6)}::bigint[]) AS d (widget_id, day, n)
         JOIN ${name} ON ${name}.widget_id = d.widget_id
         ON CONFLICT (widget_id, day, shard) DO UPDATE SET n = daily.n + excluded.n
       ),
       tallied AS (
         INSERT INTO tallies (widget_id, bucket, key, shard, n, a, b)
         SELECT t.widget_id, t.bucket, t.key, ${name}.shard, t.n, t.a, t.b
         FROM unnest(${$(7)}::text[], ${$(8)}::text[], ${$(9)}::text[], ${$(10)}::bigint[], ${$(11)}::bigint[], ${$(12)}::bigint[])
              AS t (widget_id, bucket, key, n, a, b)
         JOIN ${name} ON ${name}.widget_id = t.widget_id
         ON CONFLICT (widget_id, bucket, key, shard)
         DO UPDATE SET n = tallies.n + excluded.n, a = tallies.a + excluded.a, b = tallies.b + excluded.b
       )`;
  }
}

interface SummaryRow {
  widget_id: string;
  widget: WidgetKind;
  total: string;
  first_at: Date | null;
  last_at: Date | null;
  closed: boolean;
  outcome: Outcome | null;
}

const summaryOf = (row: SummaryRow, daily: number[]): WidgetSummary => ({
  widgetId: row.widget_id,
  widget: row.widget,
  total: Number(row.total),
  firstAt: row.first_at?.toISOString() ?? null,
  lastAt: row.last_at?.toISOString() ?? null,
  closed: row.closed,
  daily,
});

const toTally = (row: TallyRow): Tally => ({
  bucket: row.bucket,
  key: row.key,
  n: Number(row.n),
  a: Number(row.a),
  b: Number(row.b),
});
