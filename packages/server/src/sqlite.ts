import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { results, type Envelope, type Outcome, type Tally, type WidgetKind } from '@delib/protocol';
import {
  canonical,
  defaultValueLimit,
  maxAccounts,
  envelopeOf,
  foldIds,
  foldSql,
  recount,
  suggestionFrom,
  type SuggestionRow,
  type FoldRow,
  type InsertOptions,
  type InsertOutcome,
  type Account,
  type AccountRecord,
  type AddAccountOutcome,
  type AttemptOutcome,
  type AuditEntry,
  type AuditPage,
  type RemoveAccountOutcome,
  type SessionRecord,
  type SignInAttempt,
  type ResponseRow,
  type ResultsSelection,
  type Store,
  type StoredResponse,
  dailySeries,
  dailySeriesByWidget,
  dailyDays,
  detailDays,
  firstDay,
  textKinds,
  textScan,
  textsOf,
  withApproved,
  type Decision,
  type Suggestion,
  type SuggestionStatus,
  type TextPage,
  type WidgetDetail,
  type WidgetSummary,
} from './store.js';
import { configureWriter, SqliteWriter, type WriteRequest } from './sqlite-writer.js';
import type { Role } from './admin/access.js';
import type { OperationArgument, OperationName, OperationRequest, OperationResult } from './sqlite-operations.js';

interface SummaryRow {
  widget_id: string;
  widget: WidgetKind;
  total: number;
  first_at: string | null;
  last_at: string | null;
  closed: number;
  outcome: string | null;
}

const summaryOf = (row: SummaryRow, daily: number[]): WidgetSummary => ({
  widgetId: row.widget_id,
  widget: row.widget,
  total: row.total,
  firstAt: row.first_at,
  lastAt: row.last_at,
  closed: !!row.closed,
  daily,
});

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
  // From here on each migration can run again over its own result: the store's tests (and an operator
  // restoring a version number) may run them twice. SQLite has no ADD COLUMN IF NOT EXISTS: see addColumn.
  `CREATE TABLE IF NOT EXISTS audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     who TEXT NOT NULL,
     action TEXT NOT NULL,
     widget_id TEXT
   );`,
  (db) => {
    addColumn(db, 'audit', 'subject TEXT');
    db.exec(`CREATE TABLE IF NOT EXISTS accounts (
       email TEXT PRIMARY KEY,
       role TEXT NOT NULL,
       password_hash TEXT NOT NULL,
       created_at TEXT NOT NULL
     ) WITHOUT ROWID;
     CREATE TABLE IF NOT EXISTS sessions (
       token_hash TEXT PRIMARY KEY,
       email TEXT NOT NULL,
       created_at TEXT NOT NULL,
       last_seen_at TEXT NOT NULL
     ) WITHOUT ROWID;
     CREATE INDEX IF NOT EXISTS sessions_by_email ON sessions (email);
     CREATE TABLE IF NOT EXISTS sign_in_attempts (
       key TEXT NOT NULL,
       attempt TEXT NOT NULL,
       at TEXT NOT NULL
     );
     CREATE INDEX IF NOT EXISTS sign_in_attempts_by_key ON sign_in_attempts (key, at);
     CREATE INDEX IF NOT EXISTS sign_in_attempts_by_time ON sign_in_attempts (at);
     CREATE INDEX IF NOT EXISTS sign_in_attempts_by_attempt ON sign_in_attempts (attempt);`);
  },
  consoleSchema,
];

/**
 * The console (issue 10): closing, first and last response, a cache revision and the outcome per widget;
 * responses per UTC day, written with each response; pairwise suggestions awaiting moderation. Backfilled
 * from the responses already stored. Safe to run again (an operator who replays migrations).
 */
function consoleSchema(db: Database.Database): void {
  const columns = new Set(
    db
      .prepare<[], { name: string }>('PRAGMA table_info(widgets)')
      .all()
      .map((column) => column.name),
  );
  for (const [name, definition] of [
    ['closed', 'INTEGER NOT NULL DEFAULT 0'],
    ['first_at', 'TEXT'],
    ['last_at', 'TEXT'],
    ['revision', 'INTEGER NOT NULL DEFAULT 0'],
    ['outcome', 'TEXT'],
  ]) {
    if (!columns.has(name)) db.exec(`ALTER TABLE widgets ADD COLUMN ${name} ${definition}`);
  }
  db.exec(`
    CREATE INDEX IF NOT EXISTS widgets_by_last ON widgets (last_at);
    CREATE TABLE IF NOT EXISTS daily (
      widget_id TEXT NOT NULL,
      day TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (widget_id, day)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS daily_by_day ON daily (day);
    CREATE TABLE IF NOT EXISTS suggestions (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      widget_id TEXT NOT NULL,
      text TEXT NOT NULL,
      submitted_at TEXT NOT NULL,
      status TEXT NOT NULL,
      value TEXT,
      label TEXT,
      decided_at TEXT
    );
    CREATE INDEX IF NOT EXISTS suggestions_by_status ON suggestions (status, seq);
    CREATE INDEX IF NOT EXISTS suggestions_by_widget ON suggestions (widget_id, status, decided_at);
    UPDATE widgets SET
      first_at = (SELECT min(received_at) FROM responses AS r WHERE r.widget_id = widgets.widget_id),
      last_at = (SELECT max(received_at) FROM responses AS r WHERE r.widget_id = widgets.widget_id);
    DELETE FROM daily;
    INSERT INTO daily (widget_id, day, n)
      SELECT widget_id, substr(received_at, 1, 10), count(*) FROM responses GROUP BY widget_id, substr(received_at, 1, 10);
    DELETE FROM suggestions WHERE id NOT IN (SELECT id FROM responses);
    INSERT OR IGNORE INTO suggestions (id, seq, widget_id, text, submitted_at, status)
      SELECT id, seq, widget_id, json_extract(answer, '$.suggestion'), submitted_at, 'pending' FROM responses
      WHERE widget = 'pairwise' AND json_type(answer, '$.suggestion') = 'text';
  `);
}

/** `ALTER TABLE … ADD COLUMN`, unless the table has that column already. */
function addColumn(db: Database.Database, table: string, definition: string): void {
  const name = definition.split(' ')[0];
  const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all();
  if (!columns.some((column) => column.name === name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${definition}`);
}

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

const pageSize = 1000;

/** What a store hands its writes to: a worker thread, or (for `:memory:`) a writer on its own connection. */
interface Writer {
  insert(request: WriteRequest): Promise<InsertOutcome>;
  run(request: OperationRequest): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Starts the worker from the file beside this one, `.ts` when the sources run under tsx (tests,
 * benchmarks), which the worker then registers for itself, since a thread does not inherit it.
 */
const bootstrap = `(async () => {
  const { workerData } = await import('node:worker_threads');
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();`;

/**
 * Inserts through a worker thread, so that statements and the disk's sync never hold the event loop.
 * A thread that stops unexpectedly fails the inserts it held (they are answered 503, and widgets send
 * them again) and is started afresh for the next one.
 */
class WorkerWriter implements Writer {
  #worker: Worker | undefined;
  #waiting = new Map<number, { resolve: (outcome: never) => void; reject: (error: Error) => void }>();
  #next = 0;
  #outbox: { id: number; request: WriteRequest | OperationRequest }[] = [];
  #exited: Promise<void> = Promise.resolve();

  constructor(private file: string) {
    this.#start();
  }

  #start(): Worker {
    const entry = new URL(`./sqlite-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;
    const tsx = entry.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined;
    const worker = new Worker(bootstrap, { eval: true, workerData: { entry, file: this.file, tsx } });
    // The thread keeps the process alive only while inserts wait for it.
    worker.unref();
    worker.on('message', (answers: { id: number; outcome?: unknown; error?: { message: string; code?: string } }[]) => {
      for (const answer of answers) {
        const waiting = this.#waiting.get(answer.id);
        if (!waiting) continue;
        this.#waiting.delete(answer.id);
        if (answer.error) waiting.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
        else waiting.resolve(answer.outcome as never);
      }
      if (!this.#waiting.size) worker.unref();
    });
    let failure: Error | undefined;
    worker.on('error', (error) => (failure = error));
    this.#exited = new Promise((resolve) =>
      worker.once('exit', () => {
        if (this.#worker === worker) this.#worker = undefined;
        for (const waiting of this.#waiting.values()) waiting.reject(failure ?? new Error('The SQLite writer stopped.'));
        this.#waiting.clear();
        resolve();
      }),
    );
    return (this.#worker = worker);
  }

  insert(request: WriteRequest): Promise<InsertOutcome> {
    return this.#send(request);
  }

  run(request: OperationRequest): Promise<unknown> {
    return this.#send(request);
  }

  #send<T>(request: WriteRequest | OperationRequest): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = this.#next++;
      this.#waiting.set(id, { resolve: resolve as (value: never) => void, reject });
      // Handed over together at the end of this turn: one message, and one wake-up of the thread, for
      // all the requests that arrived in it.
      if (!this.#outbox.length) {
        const worker = this.#worker ?? this.#start();
        worker.ref();
        setImmediate(() => worker.postMessage(this.#outbox.splice(0)));
      }
      this.#outbox.push({ id, request });
    });
  }

  /** Commits what was handed over, then ends the thread. */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    this.#worker = undefined;
    worker.ref();
    // After whatever is still to be handed over this turn.
    setImmediate(() => worker.postMessage({ close: true }));
    await this.#exited;
  }
}

/**
 * SQLite through better-sqlite3, in WAL mode with `synchronous = FULL`: a transaction is on disk
 * when it commits. Responses are written by a worker thread on a connection of its own (see
 * `SqliteWriter`: group commit, and the checks of `Store.insert` inside each transaction), and each
 * insert resolves once its commit is done; everything else reads on this thread's connection, which
 * WAL lets run beside the writes and which sees every commit acknowledged before it.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  #db: Database.Database;
  #writer: Writer;
  #closed = false;
  #statements;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('busy_timeout = 5000');
    // Reads only (and migrations): a modest cache; the writer has the large one.
    this.#db.pragma('cache_size = -8192');
    this.#migrate();
    const db = this.#db;
    this.#statements = {
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
      version: db.prepare<[string, string], { seq: number | null; revision: number }>(
        'SELECT (SELECT max(seq) FROM responses WHERE widget_id = ?) AS seq, revision FROM widgets WHERE widget_id = ?',
      ),
      summary: db.prepare<[string], SummaryRow>(
        'SELECT widget_id, widget, total, first_at, last_at, closed, outcome FROM widgets WHERE widget_id = ?',
      ),
      summaries: db.prepare<[], SummaryRow>(
        `SELECT widget_id, widget, total, first_at, last_at, closed, NULL AS outcome FROM widgets
         ORDER BY last_at IS NULL, last_at DESC, widget_id`,
      ),
      recentDays: db.prepare<[string], { widget_id: string; day: string; n: number }>(
        'SELECT widget_id, day, n FROM daily WHERE day >= ?',
      ),
      days: db.prepare<[string, string], { day: string; n: number }>(
        'SELECT day, n FROM daily WHERE widget_id = ? AND day >= ? ORDER BY day',
      ),
      pending: db.prepare<[string], { n: number }>(
        "SELECT count(*) AS n FROM suggestions WHERE widget_id = ? AND status = 'pending'",
      ),
      texts: db.prepare<
        [string, number, number],
        {
          seq: number;
          id: string;
          widget: WidgetKind;
          widget_id: string;
          submitted_at: string;
          locale: string;
          page: string;
          answer: string;
        }
      >('SELECT * FROM responses WHERE widget_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
      suggestionsPending: db.prepare<[number], SuggestionRow>(
        "SELECT * FROM suggestions WHERE status = 'pending' ORDER BY seq LIMIT ?",
      ),
      suggestionsDecided: db.prepare<[string, number], SuggestionRow>(
        'SELECT * FROM suggestions WHERE status = ? ORDER BY seq DESC LIMIT ?',
      ),
      approved: db.prepare<[string], { value: string; label: string }>(
        "SELECT value, label FROM suggestions WHERE widget_id = ? AND status = 'approved' ORDER BY decided_at, seq",
      ),
      suggestionCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM suggestions WHERE widget_id = ?'),
      outcome: db.prepare<[string], { outcome: string | null }>('SELECT outcome FROM widgets WHERE widget_id = ?'),
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
      audit: db.prepare<
        [number, number],
        { seq: number; at: string; who: string; action: string; widget_id: string | null; subject: string | null }
      >('SELECT seq, at, who, action, widget_id, subject FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?'),
      accounts: db.prepare<[number], { email: string; role: Role; created_at: string }>(
        'SELECT email, role, created_at FROM accounts ORDER BY email LIMIT ?',
      ),
      account: db.prepare<[string], { email: string; role: Role; created_at: string; password_hash: string }>(
        'SELECT email, role, created_at, password_hash FROM accounts WHERE email = ?',
      ),
      session: db.prepare<[string], { email: string; role: Role; created_at: string; last_seen_at: string }>(
        `SELECT s.email, a.role, s.created_at, s.last_seen_at
         FROM sessions AS s JOIN accounts AS a ON a.email = s.email WHERE s.token_hash = ?`,
      ),
    };
    if (file === ':memory:') {
      // One connection is the whole database: it writes too, on this thread.
      configureWriter(db);
      const writer = new SqliteWriter(db);
      this.#writer = {
        insert: (request) => writer.insert(request),
        run: (request) => writer.run(request),
        close: () => writer.idle(),
      };
    } else {
      this.#writer = new WorkerWriter(file);
    }
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
    if (this.#closed) return Promise.reject(new Error('The store is closed.'));
    return this.#writer.insert({
      envelope: canonical(envelope),
      receivedAt: receivedAt.toISOString(),
      valueLimit: options.valueLimit ?? defaultValueLimit,
    });
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
    let body = results(widget.widget, widgetId, widget.total, rows);
    if (widget.widget === 'pairwise') {
      const { n } = statements.suggestionCount.get(widgetId)!;
      body = withApproved(body, statements.approved.all(widgetId), selection.values, n);
    }
    const outcome = statements.outcome.get(widgetId)?.outcome;
    return outcome ? { ...body, outcome: JSON.parse(outcome) as Outcome } : body;
  }

  /** Runs one of `sqliteOperations` on the writing connection; see `SqliteWriter.run`. */
  #run<Name extends OperationName>(operation: Name, argument: OperationArgument<Name>): Promise<OperationResult<Name>> {
    if (this.#closed) return Promise.reject(new Error('The store is closed.'));
    return this.#writer.run({ operation, argument }) as Promise<OperationResult<Name>>;
  }

  async recordAudit(entry: AuditEntry): Promise<void> {
    await this.#run('recordAudit', { ...entry, at: entry.at.toISOString() });
  }

  async auditEntries({ limit, before }: { limit: number; before?: string }): Promise<AuditPage> {
    const rows = this.#statements.audit.all(before ? Number(before) : Number.MAX_SAFE_INTEGER, limit + 1);
    const entries = rows.slice(0, limit).map((row) => ({
      at: row.at,
      who: row.who,
      action: row.action,
      ...(row.widget_id === null ? {} : { widgetId: row.widget_id }),
      ...(row.subject === null ? {} : { subject: row.subject }),
    }));
    return rows.length > limit ? { entries, next: String(rows[limit - 1].seq) } : { entries };
  }

  async accounts(): Promise<Account[]> {
    return this.#statements.accounts
      .all(maxAccounts)
      .map((row) => ({ email: row.email, role: row.role, createdAt: row.created_at }));
  }

  async account(email: string): Promise<AccountRecord | undefined> {
    const row = this.#statements.account.get(email);
    return row && { email: row.email, role: row.role, createdAt: row.created_at, passwordHash: row.password_hash };
  }

  addAccount(account: AccountRecord, { onlyFirst = false } = {}): Promise<AddAccountOutcome> {
    return this.#run('addAccount', { account, onlyFirst });
  }

  removeAccount(email: string): Promise<RemoveAccountOutcome> {
    return this.#run('removeAccount', email);
  }

  async createSession(tokenHash: string, { email, at }: { email: string; at: Date }): Promise<boolean> {
    return this.#run('createSession', { tokenHash, email, at: at.toISOString() });
  }

  async session(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = this.#statements.session.get(tokenHash);
    return (
      row && { email: row.email, role: row.role, createdAt: new Date(row.created_at), lastSeenAt: new Date(row.last_seen_at) }
    );
  }

  async touchSession(tokenHash: string, at: Date): Promise<void> {
    await this.#run('touchSession', { tokenHash, at: at.toISOString() });
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.#run('deleteSession', tokenHash);
  }

  async pruneSessions({ idleBefore, createdBefore }: { idleBefore: Date; createdBefore: Date }): Promise<void> {
    await this.#run('pruneSessions', { idleBefore: idleBefore.toISOString(), createdBefore: createdBefore.toISOString() });
  }

  async attemptSignIn({ attempt, at, since, limits }: SignInAttempt): Promise<AttemptOutcome> {
    const outcome = await this.#run('attemptSignIn', { attempt, at: at.toISOString(), since: since.toISOString(), limits });
    return outcome.allowed ? outcome : { allowed: false, retryAt: new Date(outcome.retryAt) };
  }

  async signedIn(attempt: string, key: string): Promise<void> {
    await this.#run('signedIn', { attempt, key });
  }

  /** The newest response's `seq` and the widget's revision (bumped by erasure, approval, outcome). */
  async version(widgetId: string): Promise<string | undefined> {
    const row = this.#statements.version.get(widgetId, widgetId);
    return row ? `${row.seq ?? 0}.${row.revision}` : undefined;
  }

  async widgets(today: Date): Promise<WidgetSummary[]> {
    const series = dailySeriesByWidget(
      this.#statements.recentDays.all(firstDay(today)).map((row) => ({ widgetId: row.widget_id, day: row.day, n: row.n })),
      today,
    );
    const none = new Array<number>(dailyDays).fill(0);
    return this.#statements.summaries.all().map((row) => summaryOf(row, series.get(row.widget_id) ?? none.slice()));
  }

  async widget(widgetId: string, today: Date): Promise<WidgetDetail | undefined> {
    const statements = this.#statements;
    const row = statements.summary.get(widgetId);
    if (!row) return undefined;
    const days = statements.days.all(widgetId, firstDay(today, detailDays));
    const summary = summaryOf(row, dailySeries(new Map(days.map((day) => [day.day, day.n])), today));
    return {
      ...summary,
      days: days.map((day) => ({ date: day.day, count: day.n })),
      ...(row.outcome ? { outcome: JSON.parse(row.outcome) as Outcome } : {}),
      pendingSuggestions: statements.pending.get(widgetId)!.n,
    };
  }

  async freeText(widgetId: string, before = Number.MAX_SAFE_INTEGER): Promise<TextPage> {
    const kind = this.#statements.widget.get(widgetId)?.widget;
    if (!kind || !textKinds.includes(kind)) return { entries: [] };
    const rows = this.#statements.texts.all(widgetId, before, textScan);
    const entries = rows.flatMap((row) =>
      textsOf(envelopeOf(row, JSON.parse(row.answer))).map((found) => ({ id: row.id, submittedAt: row.submitted_at, ...found })),
    );
    return rows.length < textScan ? { entries } : { entries, next: rows[rows.length - 1].seq };
  }

  async setClosed(widgetId: string, closed: boolean): Promise<boolean> {
    return this.#run('setClosed', { widgetId, closed });
  }

  async erase(widgetId: string): Promise<number | undefined> {
    return (await this.#run('erase', { widgetId })) ?? undefined;
  }

  async suggestions(status: SuggestionStatus, limit: number): Promise<Suggestion[]> {
    const rows =
      status === 'pending'
        ? this.#statements.suggestionsPending.all(limit)
        : this.#statements.suggestionsDecided.all(status, limit);
    return rows.map(suggestionFrom);
  }

  async decide(id: string, decision: Decision, at: Date): Promise<Suggestion | 'not_found' | 'decided'> {
    return this.#run('decide', {
      id,
      approve: decision.approve,
      ...(decision.approve ? { value: decision.value, label: decision.label } : {}),
      at: at.toISOString(),
    });
  }

  async items(widgetId: string): Promise<{ value: string; label: string }[]> {
    return this.#statements.approved.all(widgetId);
  }

  async setOutcome(widgetId: string, outcome: Outcome | null): Promise<boolean> {
    return this.#run('setOutcome', { widgetId, outcome });
  }

  /** A window of responses per transaction: inserts get their turns in between. */
  async eraseContacts(before: Date): Promise<Map<string, number>> {
    const erased = new Map<string, number>();
    for (let after: number | null = 0; after !== null;) {
      const window: { erased: [string, number][]; next: number | null } = await this.#run('eraseContacts', {
        before: before.toISOString(),
        after,
      });
      for (const [widgetId, count] of window.erased) erased.set(widgetId, (erased.get(widgetId) ?? 0) + count);
      after = window.next;
    }
    return erased;
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

  /** Commits what is already handed over, then closes both connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writer.close();
    this.#db.close();
  }
}
