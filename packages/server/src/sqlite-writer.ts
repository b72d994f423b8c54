import type Database from 'better-sqlite3';
import { tallies, type Envelope, type Tally, type WidgetKind } from '@delib/protocol';
import { newKeys, suggestionOf, type InsertOutcome } from './store.js';
import { sqliteOperations, type OperationRequest } from './sqlite-operations.js';

/** One insert as the writer takes it: the envelope (its id canonical), when it arrived (ISO), the value limit. */
export interface WriteRequest {
  envelope: Envelope;
  receivedAt: string;
  valueLimit: number;
}

interface Pending extends WriteRequest {
  rows: Tally[];
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

/** A named operation of `sqliteOperations` (accounts, sessions, audit, …), run in a transaction of its own. */
interface PendingOperation extends OperationRequest {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const isOperation = (item: Pending | PendingOperation): item is PendingOperation => 'operation' in item;

/** What a transaction has added so far, written at its end: tallies and totals summed, and new keys counted. */
interface Batch {
  sums: Map<string, { widgetId: string; row: Tally }>;
  totals: Map<string, { widget: WidgetKind; count: number; first: string; last: string }>;
  /** Responses per widget and UTC day (`widget id \0 YYYY-MM-DD`). */
  days: Map<string, number>;
  /** Keys new to a widget's bucket (`widget id \0 bucket`) that the table does not hold yet. */
  added: Map<string, number>;
}

const tallyKey = (widgetId: string, row: { bucket: string; key: string }) => `${widgetId}\u0000${row.bucket}\u0000${row.key}`;

/** Tally rows one transaction may write, however many inserts wait, so that none runs long. */
const batchRows = 500;

/**
 * The settings of the connection that writes: a transaction is on disk when it commits (WAL with
 * `synchronous = FULL`), and a large page cache keeps the random inserts into the id index off the disk.
 */
export function configureWriter(db: Database.Database): void {
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  // Checkpoint less often: pages that change in every batch (tallies, the newest rows) are then
  // copied into the database once per checkpoint rather than once per thousand pages of log.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  // Erased answers (erasure, retention, removed accounts) are overwritten with zeros, not left in free pages.
  db.pragma('secure_delete = ON');
}

/** Operations that erase personal data: after them the write-ahead log is emptied, so no copy stays there. */
const erasing = new Set(['erase', 'eraseContacts', 'removeAccount']);

/**
 * Stores responses on one SQLite connection. Inserts that arrive together are committed together
 * (group commit): each still waits for the commit that holds it, and the disk syncs once per batch
 * instead of once per response. A batch takes what arrived, up to `batchRows` tally rows.
 *
 * Each transaction checks, in order, the widget's kind, the id, and the number of different values
 * (see `Store.insert`), and begins IMMEDIATE: the write lock first, so that what the checks read is
 * still true when it writes, whatever other processes write to the same file.
 */
export class SqliteWriter {
  #queue: (Pending | PendingOperation)[] = [];
  #scheduled = false;
  #idle: (() => void)[] = [];
  #statements;
  #insertBatch;
  #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = {
      kindOf: db.prepare<[string], { widget: WidgetKind; closed: number }>(
        'SELECT widget, closed FROM widgets WHERE widget_id = ?',
      ),
      stored: db.prepare<[string], { seq: number }>('SELECT seq FROM responses WHERE id = ?'),
      known: db.prepare<[string, string, string], { n: number }>(
        'SELECT n FROM tallies WHERE widget_id = ? AND bucket = ? AND key = ?',
      ),
      bucketSize: db.prepare<[string, string], { size: number }>(
        'SELECT count(*) AS size FROM tallies WHERE widget_id = ? AND bucket = ?',
      ),
      insert: db.prepare(
        `INSERT INTO responses (id, widget, widget_id, submitted_at, received_at, locale, page, answer)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
      count: db.prepare(
        `INSERT INTO widgets (widget_id, widget, total, first_at, last_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (widget_id) DO UPDATE SET total = total + excluded.total,
           first_at = min(coalesce(first_at, excluded.first_at), excluded.first_at),
           last_at = max(coalesce(last_at, excluded.last_at), excluded.last_at)`,
      ),
      day: db.prepare(
        `INSERT INTO daily (widget_id, day, n) VALUES (?, ?, ?)
         ON CONFLICT (widget_id, day) DO UPDATE SET n = n + excluded.n`,
      ),
      suggestion: db.prepare(
        `INSERT INTO suggestions (id, seq, widget_id, text, submitted_at, status) VALUES (?, ?, ?, ?, ?, 'pending')`,
      ),
      tally: db.prepare(
        `INSERT INTO tallies (widget_id, bucket, key, n, a, b) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (widget_id, bucket, key) DO UPDATE SET n = n + excluded.n, a = a + excluded.a, b = b + excluded.b`,
      ),
    };
    this.#insertBatch = db.transaction((pending: Pending[]) => {
      // Tallies and totals are summed over the batch and written once per row, not once per response.
      const batch: Batch = { sums: new Map(), totals: new Map(), added: new Map(), days: new Map() };
      const outcomes = pending.map((one) => this.#insertOne(one, batch));
      for (const [widgetId, { widget, count, first, last }] of batch.totals)
        this.#statements.count.run(widgetId, widget, count, first, last);
      for (const [key, n] of batch.days) {
        const [widgetId, day] = key.split('\u0000');
        this.#statements.day.run(widgetId, day, n);
      }
      for (const { widgetId, row } of batch.sums.values())
        this.#statements.tally.run(widgetId, row.bucket, row.key, row.n, row.a, row.b);
      return outcomes;
    });
  }

  /** Resolves once the response is committed, with its outcome. */
  insert(request: WriteRequest): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ...request, rows: tallies(request.envelope), resolve, reject });
      this.#schedule();
    });
  }

  /**
   * Runs one of `sqliteOperations` in an IMMEDIATE transaction of its own, in turn with the inserts, and
   * resolves with what it returns once committed. Everything but responses is written this way, so that
   * this connection stays the only one that writes.
   */
  run(request: OperationRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ...request, resolve, reject });
      this.#schedule();
    });
  }

  /** Resolves once every insert handed over so far has been committed (or has failed). */
  idle(): Promise<void> {
    if (!this.#queue.length && !this.#scheduled) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#scheduled) return;
    if (!this.#queue.length) {
      this.#idle.splice(0).forEach((resolve) => resolve());
      return;
    }
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#commit();
      // What did not fit waits one turn, so that whatever else waits gets its turn in between.
      this.#schedule();
    });
  }

  #commit(): void {
    const first = this.#queue[0];
    if (isOperation(first)) {
      this.#queue.shift();
      this.#runOperation(first);
      return;
    }
    let rows = 0;
    let count = 0;
    while (count < this.#queue.length) {
      const next = this.#queue[count];
      if (isOperation(next) || (count > 0 && rows + next.rows.length > batchRows)) break;
      rows += next.rows.length;
      count += 1;
    }
    const batch = this.#queue.splice(0, count) as Pending[];
    let outcomes: InsertOutcome[];
    try {
      outcomes = this.#insertBatch.immediate(batch);
    } catch (error) {
      batch.forEach((pending) => pending.reject(error));
      return;
    }
    batch.forEach((pending, index) => pending.resolve(outcomes[index]));
  }

  #runOperation({ operation, argument, resolve, reject }: PendingOperation): void {
    const run = Object.hasOwn(sqliteOperations, operation)
      ? (sqliteOperations[operation] as (db: Database.Database, argument: unknown) => unknown)
      : undefined;
    if (!run) {
      reject(new Error(`No SQLite operation named ${operation}.`));
      return;
    }
    let value: unknown;
    try {
      value = this.#db.transaction(() => run(this.#db, argument)).immediate();
    } catch (error) {
      reject(error);
      return;
    }
    // Best effort: a reader still on an older snapshot keeps the log until the next checkpoint.
    if (erasing.has(operation)) this.#db.pragma('wal_checkpoint(TRUNCATE)');
    resolve(value);
  }

  #insertOne({ envelope, rows, receivedAt, valueLimit }: Pending, batch: Batch): InsertOutcome {
    const statements = this.#statements;
    const widgetId = envelope.widgetId;
    const known = statements.kindOf.get(widgetId);
    const existing = batch.totals.get(widgetId)?.widget ?? known?.widget;
    if (existing && existing !== envelope.widget) return { conflict: existing };
    // Closing is an operation of its own between batches: the flag cannot change within this one.
    if (known?.closed) return statements.stored.get(envelope.id) ? 'exists' : 'closed';
    const checked = newKeys(
      rows,
      (row) => batch.sums.has(tallyKey(widgetId, row)) || !!statements.known.get(widgetId, row.bucket, row.key),
      (bucket) => statements.bucketSize.get(widgetId, bucket)!.size + (batch.added.get(`${widgetId}\u0000${bucket}`) ?? 0),
      valueLimit,
    );
    if ('overflow' in checked) return statements.stored.get(envelope.id) ? 'exists' : { tooManyValues: checked.overflow };
    const { changes, lastInsertRowid } = statements.insert.run(
      envelope.id,
      envelope.widget,
      widgetId,
      envelope.submittedAt,
      receivedAt,
      envelope.locale,
      envelope.page,
      JSON.stringify(envelope.answer),
    );
    if (!changes) return 'exists';
    for (const [bucket, count] of checked.added) {
      const key = `${widgetId}\u0000${bucket}`;
      batch.added.set(key, (batch.added.get(key) ?? 0) + count);
    }
    const total = batch.totals.get(widgetId) ?? { widget: envelope.widget, count: 0, first: receivedAt, last: receivedAt };
    total.count += 1;
    if (receivedAt < total.first) total.first = receivedAt;
    if (receivedAt > total.last) total.last = receivedAt;
    batch.totals.set(widgetId, total);
    const day = `${widgetId}\u0000${receivedAt.slice(0, 10)}`;
    batch.days.set(day, (batch.days.get(day) ?? 0) + 1);
    const suggestion = suggestionOf(envelope);
    if (suggestion !== undefined)
      statements.suggestion.run(envelope.id, lastInsertRowid, widgetId, suggestion, envelope.submittedAt);
    for (const row of rows) {
      const key = tallyKey(widgetId, row);
      const sum = batch.sums.get(key);
      if (sum) {
        sum.row.n += row.n;
        sum.row.a += row.a;
        sum.row.b += row.b;
      } else batch.sums.set(key, { widgetId, row: { ...row } });
    }
    return 'created';
  }
}
