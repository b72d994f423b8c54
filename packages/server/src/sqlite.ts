import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Envelope, WidgetKind } from '@delib/protocol';
import {
  canonical,
  defaultValueLimit,
  envelopeOf,
  foldIds,
  foldSql,
  newKeys,
  recount,
  type FoldRow,
  type InsertOptions,
  type InsertOutcome,
  type ResponseRow,
  type ResultsSelection,
  type Store,
  type StoredResponse,
} from './store.js';
import { results, tallies, type Tally } from './tally.js';

/** Versioned schema: `PRAGMA user_version` says how many have been applied. Append only. */
const migrations: (string | ((db: Database.Database) => void))[] = [
  `CREATE TABLE responses (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     widget TEXT NOT NULL,
     widget_id TEXT NOT NULL,
     submitted_at TEXT NOT NULL,
     received_at TEXT NOT NULL,
     locale TEXT NOT NULL,
     page TEXT NOT NULL,
     answer TEXT NOT NULL
   );
   CREATE INDEX responses_by_widget ON responses (widget_id, seq);
   CREATE TABLE widgets (
     widget_id TEXT PRIMARY KEY,
     widget TEXT NOT NULL,
     total INTEGER NOT NULL DEFAULT 0
   ) WITHOUT ROWID;
   CREATE TABLE tallies (
     widget_id TEXT NOT NULL,
     bucket TEXT NOT NULL,
     key TEXT NOT NULL,
     n INTEGER NOT NULL DEFAULT 0,
     a INTEGER NOT NULL DEFAULT 0,
     b INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (widget_id, bucket, key)
   ) WITHOUT ROWID;`,
  foldIdCase,
];

/** Migration 2: one row per id, in lower case, and tallies counted again where copies went (see `foldIds`). */
function foldIdCase(db: Database.Database): void {
  const { drop, rename, widgets } = foldIds(db.prepare<[], FoldRow>(foldSql).all());
  const remove = db.prepare('DELETE FROM responses WHERE seq = ?');
  for (const row of drop) remove.run(row.seq);
  const lower = db.prepare('UPDATE responses SET id = ? WHERE seq = ?');
  for (const row of rename) lower.run(row.id, row.seq);
  const answers = db.prepare<[string], ResponseRow<string>>('SELECT * FROM responses WHERE widget_id = ? ORDER BY seq');
  const tally = db.prepare('INSERT INTO tallies (widget_id, bucket, key, n, a, b) VALUES (?, ?, ?, ?, ?, ?)');
  for (const widgetId of widgets) {
    const { total, rows } = recount(answers.all(widgetId).map((row) => envelopeOf(row, JSON.parse(row.answer))));
    db.prepare('DELETE FROM tallies WHERE widget_id = ?').run(widgetId);
    if (!total) {
      db.prepare('DELETE FROM widgets WHERE widget_id = ?').run(widgetId);
      continue;
    }
    db.prepare('UPDATE widgets SET total = ? WHERE widget_id = ?').run(total, widgetId);
    for (const row of rows) tally.run(widgetId, row.bucket, row.key, row.n, row.a, row.b);
  }
}

interface Pending {
  envelope: Envelope;
  receivedAt: Date;
  valueLimit: number;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

/** What a transaction has added so far, written at its end: tallies and totals summed, and new keys counted. */
interface Batch {
  sums: Map<string, { widgetId: string; row: Tally }>;
  totals: Map<string, { widget: WidgetKind; count: number }>;
  /** Keys new to a widget's bucket (`widget id \0 bucket`) that the table does not hold yet. */
  added: Map<string, number>;
}

const tallyKey = (widgetId: string, row: { bucket: string; key: string }) => `${widgetId}\u0000${row.bucket}\u0000${row.key}`;

const pageSize = 1000;

/**
 * SQLite through better-sqlite3, in WAL mode with `synchronous = FULL`: a transaction is on disk
 * when it commits. Inserts that arrive together are committed together (group commit): each request
 * still waits for the commit that holds it, and the disk syncs once per batch instead of once per
 * response.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  #db: Database.Database;
  #queue: Pending[] = [];
  #statements;
  #insertBatch;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('busy_timeout = 5000');
    // Inserts land at random places in the id index: a larger page cache keeps them off the disk.
    this.#db.pragma('cache_size = -65536');
    // Checkpoint less often: pages that change in every batch (tallies, the newest rows) are then
    // copied into the database once per checkpoint rather than once per thousand pages of log.
    this.#db.pragma('wal_autocheckpoint = 10000');
    this.#db.pragma('journal_size_limit = 67108864');
    this.#migrate();
    const db = this.#db;
    this.#statements = {
      kindOf: db.prepare<[string], { widget: WidgetKind }>('SELECT widget FROM widgets WHERE widget_id = ?'),
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
        `INSERT INTO widgets (widget_id, widget, total) VALUES (?, ?, ?)
         ON CONFLICT (widget_id) DO UPDATE SET total = total + excluded.total`,
      ),
      tally: db.prepare(
        `INSERT INTO tallies (widget_id, bucket, key, n, a, b) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (widget_id, bucket, key) DO UPDATE SET n = n + excluded.n, a = a + excluded.a, b = b + excluded.b`,
      ),
      widget: db.prepare<[string], { widget: WidgetKind; total: number }>(
        'SELECT widget, total FROM widgets WHERE widget_id = ?',
      ),
      tallies: db.prepare<[string], Tally>('SELECT bucket, key, n, a, b FROM tallies WHERE widget_id = ? ORDER BY bucket, key'),
      mostAnswered: db.prepare<[string, number], Tally>(
        `SELECT bucket, key, n, a, b FROM (
           SELECT *, row_number() OVER (PARTITION BY bucket ORDER BY n DESC, key) AS place FROM tallies WHERE widget_id = ?
         ) WHERE place <= ? ORDER BY bucket, key`,
      ),
      named: db.prepare<[string, string], Tally>(
        `SELECT bucket, key, n, a, b FROM tallies
         WHERE widget_id = ? AND key IN (SELECT value FROM json_each(?)) ORDER BY bucket, key`,
      ),
      version: db.prepare<[string], { version: number | null }>('SELECT max(seq) AS version FROM responses WHERE widget_id = ?'),
      page: db.prepare<
        [string, number, number],
        {
          seq: number;
          id: string;
          widget: WidgetKind;
          widget_id: string;
          submitted_at: string;
          received_at: string;
          locale: string;
          page: string;
          answer: string;
        }
      >('SELECT * FROM responses WHERE widget_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    };
    this.#insertBatch = db.transaction((pending: Pending[]) => {
      // Tallies and totals are summed over the batch and written once per row, not once per response.
      const batch: Batch = { sums: new Map(), totals: new Map(), added: new Map() };
      const outcomes = pending.map((one) => this.#insertOne(one, batch));
      for (const [widgetId, { widget, count }] of batch.totals) this.#statements.count.run(widgetId, widget, count);
      for (const { widgetId, row } of batch.sums.values())
        this.#statements.tally.run(widgetId, row.bucket, row.key, row.n, row.a, row.b);
      return outcomes;
    });
  }

  /**
   * Applies the migrations not yet applied. The version is read inside an IMMEDIATE transaction (which
   * takes the write lock first), so processes opening a new file at once migrate it once.
   */
  #migrate(): void {
    const step = this.#db.transaction(() => {
      const applied = this.#db.pragma('user_version', { simple: true }) as number;
      if (applied >= migrations.length) return false;
      const migration = migrations[applied];
      if (typeof migration === 'string') this.#db.exec(migration);
      else migration(this.#db);
      this.#db.pragma(`user_version = ${applied + 1}`);
      return true;
    });
    while (step.immediate()) {
      // One migration per transaction, until none is left.
    }
  }

  insert(envelope: Envelope, receivedAt: Date, options: InsertOptions = {}): Promise<InsertOutcome> {
    const valueLimit = options.valueLimit ?? defaultValueLimit;
    return new Promise((resolve, reject) => {
      this.#queue.push({ envelope: canonical(envelope), receivedAt, valueLimit, resolve, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#commit());
    });
  }

  #commit(): void {
    const batch = this.#queue.splice(0);
    let outcomes: InsertOutcome[];
    try {
      // IMMEDIATE: the write lock first, so that what the checks read is still true when it writes,
      // whatever other processes write to the same file.
      outcomes = this.#insertBatch.immediate(batch);
    } catch (error) {
      batch.forEach((pending) => pending.reject(error));
      return;
    }
    batch.forEach((pending, index) => pending.resolve(outcomes[index]));
  }

  #insertOne({ envelope, receivedAt, valueLimit }: Pending, batch: Batch): InsertOutcome {
    const statements = this.#statements;
    const widgetId = envelope.widgetId;
    const existing = batch.totals.get(widgetId)?.widget ?? statements.kindOf.get(widgetId)?.widget;
    if (existing && existing !== envelope.widget) return { conflict: existing };
    const rows = tallies(envelope);
    const checked = newKeys(
      rows,
      (row) => batch.sums.has(tallyKey(widgetId, row)) || !!statements.known.get(widgetId, row.bucket, row.key),
      (bucket) => statements.bucketSize.get(widgetId, bucket)!.size + (batch.added.get(`${widgetId}\u0000${bucket}`) ?? 0),
      valueLimit,
    );
    if ('overflow' in checked) return statements.stored.get(envelope.id) ? 'exists' : { tooManyValues: checked.overflow };
    const { changes } = statements.insert.run(
      envelope.id,
      envelope.widget,
      widgetId,
      envelope.submittedAt,
      receivedAt.toISOString(),
      envelope.locale,
      envelope.page,
      JSON.stringify(envelope.answer),
    );
    if (!changes) return 'exists';
    for (const [bucket, count] of checked.added) {
      const key = `${widgetId}\u0000${bucket}`;
      batch.added.set(key, (batch.added.get(key) ?? 0) + count);
    }
    const total = batch.totals.get(widgetId) ?? { widget: envelope.widget, count: 0 };
    total.count += 1;
    batch.totals.set(widgetId, total);
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

  async results(widgetId: string, selection: ResultsSelection = {}) {
    const statements = this.#statements;
    const widget = statements.widget.get(widgetId);
    if (!widget) return undefined;
    const rows = selection.values
      ? statements.named.all(widgetId, JSON.stringify(selection.values))
      : selection.limit !== undefined
        ? statements.mostAnswered.all(widgetId, selection.limit)
        : statements.tallies.all(widgetId);
    return results(widget.widget, widgetId, widget.total, rows);
  }

  async version(widgetId: string): Promise<string | undefined> {
    return this.#statements.version.get(widgetId)?.version?.toString();
  }

  async keys(widgetId: string): Promise<Record<string, string[]>> {
    const keys: Record<string, string[]> = {};
    for (const row of this.#statements.tallies.all(widgetId)) (keys[row.bucket] ??= []).push(row.key);
    return keys;
  }

  async count(widgetId: string): Promise<number> {
    return this.#statements.widget.get(widgetId)?.total ?? 0;
  }

  /** Keyset pages rather than one long cursor, so a big export never holds the connection. */
  async *responses(widgetId: string): AsyncIterable<StoredResponse> {
    for (let after = 0; ;) {
      const rows = this.#statements.page.all(widgetId, after, pageSize);
      for (const row of rows) {
        yield {
          envelope: envelopeOf(row, JSON.parse(row.answer)),
          receivedAt: row.received_at,
        };
      }
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].seq;
      // Let requests in between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    if (this.#queue.length) this.#commit();
    this.#db.close();
  }
}
