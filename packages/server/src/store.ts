import { tallies, type Envelope, type Outcome, type Results, type Tally, type WidgetKind } from '@delib/protocol';
import type { Role } from './admin/access.js';

/** A row of the `responses` table, as both stores name its columns. */
export interface ResponseRow<Answer = unknown> {
  id: string;
  widget: WidgetKind;
  widget_id: string;
  submitted_at: string;
  locale: string;
  page: string;
  answer: Answer;
}

/** The envelope a row holds, given its answer decoded (SQLite keeps JSON text, PostgreSQL jsonb). */
export function envelopeOf(row: ResponseRow, answer: unknown = row.answer): Envelope {
  const { id, widget, widget_id: widgetId, submitted_at: submittedAt, locale, page } = row;
  return { id, widget, widgetId, submittedAt, locale, page, answer } as Envelope;
}

/** Which values of each bucket results hold. */
export interface ResultsSelection {
  /** Exactly these values, where counted (a widget names the options it shows). */
  values?: string[];
  /** Otherwise at most this many per bucket: the most answered (then in byte order). */
  limit?: number;
}

/** A stored response as the export gives it: the envelope, and when it arrived. */
export interface StoredResponse {
  envelope: Envelope;
  receivedAt: string;
}

export type InsertOutcome =
  /** Stored now. */
  | 'created'
  /** This id was stored before: nothing changed. */
  | 'exists'
  /** The widget id belongs to another kind of widget: nothing stored. */
  | { conflict: WidgetKind }
  /** The widget is closed at the endpoint (and this id was not stored before): nothing stored. */
  | 'closed'
  /** The response would take this bucket of the widget's tallies past `valueLimit` different keys: nothing stored. */
  | { tooManyValues: string };

/** How many different values (choices, items, needs, assets) one bucket of a widget's tallies may hold. */
export const defaultValueLimit = 1000;

export interface InsertOptions {
  /**
   * Anyone can post any value for a poll choice or a ranking item (the endpoint does not know the page's
   * options), and each new one adds a tally row for good. A response that would take a bucket past this
   * many different keys is refused, while responses naming known keys are still counted. Checked in the
   * transaction that stores the response, so it holds however many requests, connections and processes
   * write at once. Default `defaultValueLimit`.
   */
  valueLimit?: number;
}

/** One line of the audit log: who did what, when, to which widget (CONTRACT.md §8). */
export interface AuditEntry {
  at: Date;
  /** An account's email, `token` for the bearer token, or a job's name (`retention`). */
  who: string;
  /** One of the names in I10-API.md: `sign-in`, `export`, `close`, … */
  action: string;
  widgetId?: string;
  /** The account an action was about (`account-added`, `account-removed`), when not `who`. */
  subject?: string;
}

/** A page of the audit log, newest first; `next` (when there are older entries) is the cursor for them. */
export interface AuditPage {
  entries: { at: string; who: string; action: string; widgetId?: string; subject?: string }[];
  next?: string;
}

/** An account of the console, as listed. */
export interface Account {
  /** In lower case: the account's name. */
  email: string;
  role: Role;
  createdAt: string;
}

/** An account with its password hash (see admin/passwords.ts), which never leaves the server. */
export interface AccountRecord extends Account {
  passwordHash: string;
}

export type AddAccountOutcome =
  | 'created'
  /** An account with this email exists: nothing changed. */
  | 'exists'
  /** Asked to add only the first account, and there is one already. */
  | 'not_first'
  /** There are `maxAccounts` already. */
  | 'full';

export type RemoveAccountOutcome = 'removed' | 'not_found' | 'last_admin';

/** A live or expired session, by the SHA-256 of its token (hex); its account's role as it is now. */
export interface SessionRecord {
  email: string;
  role: Role;
  createdAt: Date;
  lastSeenAt: Date;
}

/**
 * A sign-in about to check a password: counted against each key (`account:…`, `address:…`, hashed)
 * unless one of them has had `limit` attempts since `since` already.
 */
export interface SignInAttempt {
  /** A random id of this attempt, so that a success can take it back. */
  attempt: string;
  at: Date;
  since: Date;
  limits: { key: string; limit: number }[];
}

/** Allowed (and counted), or refused until the attempts that block it leave the window. */
export type AttemptOutcome = { allowed: true } | { allowed: false; retryAt: Date };

/** Accounts a server holds at most. */
export const maxAccounts = 1000;

/** The audit log's cursors: the sequence number of the entry before which a page starts. */
export const auditCursor = /^[1-9][0-9]{0,17}$/;

/**
 * Where responses live. Two implementations, SQLite and PostgreSQL, pass the same test suite.
 *
 * `insert` resolves only once the response (and the tallies it changes) is durably committed, so an
 * endpoint may acknowledge as soon as it resolves. It is idempotent on `envelope.id` (compared
 * case-insensitively), also when the same id arrives at several processes at once. Its checks come in
 * this order: the widget's kind, then the id (a stored id is `exists` whatever it carries), then
 * whether the widget is closed, then the number of different values. The closed flag is read in the
 * transaction that stores, under the same lock as `setClosed` writes it: once `setClosed(id, true)`
 * has resolved, no response for that widget is stored until it is reopened.
 *
 * The admin methods below (widget list, closing, erasure, moderation, outcome, retention) are the
 * console's (CONTRACT.md section 8); every write among them is a transaction of its own.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  insert(envelope: Envelope, receivedAt: Date, options?: InsertOptions): Promise<InsertOutcome>;
  /**
   * Results from the running tallies (no scan of the responses), or undefined for an unknown widget id.
   * Every value of every bucket, unless `selection` narrows them.
   */
  results(widgetId: string, selection?: ResultsSelection): Promise<Results | undefined>;
  /**
   * A token that changes whenever the widget's results may have changed, whoever wrote (from what only
   * grows as responses are stored with their tallies, and a revision that erasure, approval and outcomes
   * bump); undefined for an unknown widget id. Results read after it may be kept under it until it changes.
   */
  version(widgetId: string): Promise<string | undefined>;
  /** The item ids or categories a widget's tallies know, per bucket: the columns of a CSV export. */
  keys(widgetId: string): Promise<Record<string, string[]>>;
  /** Every stored response of a widget, oldest first, read a page at a time. */
  responses(widgetId: string): AsyncIterable<StoredResponse>;
  /** How many responses are stored for a widget (0 when unknown). */
  count(widgetId: string): Promise<number>;
  /** Appends to the audit log; resolves once durably stored. */
  recordAudit(entry: AuditEntry): Promise<void>;
  /** At most `limit` audit entries, newest first, older than the cursor `before` (see `auditCursor`) when given. */
  auditEntries(page: { limit: number; before?: string }): Promise<AuditPage>;
  /** Every widget the store has seen, most recent response first; `daily` ends on `today`'s UTC day. */
  widgets(today: Date): Promise<WidgetSummary[]>;
  /** One widget's entry with its days, outcome and pending suggestions; undefined when unknown. */
  widget(widgetId: string, today: Date): Promise<WidgetDetail | undefined>;
  /** Free text residents typed, newest first, a bounded scan at a time (see `TextPage`). */
  freeText(widgetId: string, before?: number): Promise<TextPage>;
  /** Closes or reopens a widget; false when the store has never seen it. */
  setClosed(widgetId: string, closed: boolean): Promise<boolean>;
  /**
   * Erases a widget's responses, tallies, daily counts and suggestions (approved items too); the
   * widget stays known (its kind, closed flag and outcome are kept). How many responses went, or
   * undefined when the store has never seen the widget.
   */
  erase(widgetId: string): Promise<number | undefined>;
  /** Pairwise suggestions with this status: pending ones oldest first, decided ones newest first. */
  suggestions(status: SuggestionStatus, limit: number): Promise<Suggestion[]>;
  /**
   * Approves (giving the item `value` and `label`) or rejects a pending suggestion. `'not_found'` for an
   * unknown id, `'decided'` when it was decided before (nothing changes).
   */
  decide(id: string, decision: Decision, at: Date): Promise<Suggestion | 'not_found' | 'decided'>;
  /** A widget's approved items, in the order they were approved. */
  items(widgetId: string): Promise<{ value: string; label: string }[]>;
  /** Publishes (or, with null, withdraws) a widget's outcome; false when the store has never seen it. */
  setOutcome(widgetId: string, outcome: Outcome | null): Promise<boolean>;
  /**
   * Removes `contact` from needs-and-assets answers received before `before`. Returns how many answers
   * lost their contact details, per widget id (only widgets where some did).
   */
  eraseContacts(before: Date): Promise<Map<string, number>>;

  /** Every account (at most `maxAccounts`), by email. */
  accounts(): Promise<Account[]>;
  /** One account with its hash, by its lower-case email. */
  account(email: string): Promise<AccountRecord | undefined>;
  /** Adds an account; with `onlyFirst`, only when no account exists at all (checked in the same transaction). */
  addAccount(account: AccountRecord, options?: { onlyFirst?: boolean }): Promise<AddAccountOutcome>;
  /** Removes an account and its sessions, unless it is the last admin (checked in the same transaction). */
  removeAccount(email: string): Promise<RemoveAccountOutcome>;

  /**
   * Starts a session for the account with this email, only if it still exists (checked in the same
   * statement, so an account removed while its password was being checked gets no session): false if not.
   */
  createSession(tokenHash: string, session: { email: string; at: Date }): Promise<boolean>;
  session(tokenHash: string): Promise<SessionRecord | undefined>;
  /** Marks a session as used at `at`. */
  touchSession(tokenHash: string, at: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Deletes sessions idle since before `idleBefore` or begun before `createdBefore`. */
  pruneSessions(bounds: { idleBefore: Date; createdBefore: Date }): Promise<void>;

  /**
   * Counts a sign-in attempt against its keys, unless one of them is at its limit (checked and counted
   * in one transaction, so that attempts at once, in several processes, cannot slip past it). Attempts
   * older than `since` are forgotten.
   */
  attemptSignIn(attempt: SignInAttempt): Promise<AttemptOutcome>;
  /** The attempt succeeded: it no longer counts, and neither does any earlier one against `key`. */
  signedIn(attempt: string, key: string): Promise<void>;
  close(): Promise<void>;
}

/** A widget as the console's list shows it (CONTRACT.md section 8). */
export interface WidgetSummary {
  widgetId: string;
  widget: WidgetKind;
  total: number;
  /** When the first and last stored responses arrived (ISO), or null when it has none (erased). */
  firstAt: string | null;
  lastAt: string | null;
  closed: boolean;
  /** Responses per UTC day over the last `dailyDays` days, oldest first; the last is today. */
  daily: number[];
}

export interface WidgetDetail extends WidgetSummary {
  /** Every day with responses, oldest first, at most the last `detailDays`. */
  days: { date: string; count: number }[];
  outcome?: Outcome;
  pendingSuggestions: number;
}

export const dailyDays = 14;
export const detailDays = 366;

/** Free text from one response. `field` says where it was typed: `other`, `area`, `needs.<category>`, `assets.<category>`. */
export interface TextEntry {
  id: string;
  submittedAt: string;
  field: string;
  text: string;
}

/**
 * A page of free text: the entries found among the next `textScan` responses (older than `before`, a
 * position in the store), newest first; `next` is where to go on, absent at the end. A page may hold
 * fewer entries than the scan's responses (even none) and still have a `next`: each request costs at
 * most one bounded scan, however few responses hold text.
 */
export interface TextPage {
  entries: TextEntry[];
  next?: number;
}

/** Responses one free-text page looks at. */
export const textScan = 500;

/** Where free text lives in an answer; pairwise suggestions are left to moderation, contact details out. */
export function textsOf(envelope: Envelope): { field: string; text: string }[] {
  const answer = envelope.answer as unknown as Record<string, unknown>;
  const found: { field: string; text: string }[] = [];
  if (envelope.widget === 'poll' && typeof answer.other === 'string') found.push({ field: 'other', text: answer.other });
  if (envelope.widget === 'needs-assets') {
    for (const bucket of ['needs', 'assets'] as const) {
      for (const entry of (answer[bucket] as { category: string; detail?: string }[]) ?? []) {
        if (entry.detail) found.push({ field: `${bucket}.${entry.category}`, text: entry.detail });
      }
    }
    if (typeof answer.area === 'string') found.push({ field: 'area', text: answer.area });
  }
  return found;
}

/** Widget kinds whose answers can hold free text (`textsOf`): other kinds answer an empty page at once. */
export const textKinds: WidgetKind[] = ['poll', 'needs-assets'];

export type SuggestionStatus = 'pending' | 'approved' | 'rejected';
export const suggestionStatuses: SuggestionStatus[] = ['pending', 'approved', 'rejected'];

/** A pairwise suggestion in the moderation queue. `id` is the id of the response that carried it. */
export interface Suggestion {
  id: string;
  widgetId: string;
  text: string;
  submittedAt: string;
  status: SuggestionStatus;
  /** Once approved: the item's value and the label residents see. */
  value?: string;
  label?: string;
}

/** A row of the `suggestions` table, as both stores name its columns. */
export interface SuggestionRow {
  id: string;
  widget_id: string;
  text: string;
  submitted_at: string;
  status: SuggestionStatus;
  value: string | null;
  label: string | null;
}

export const suggestionFrom = (row: SuggestionRow): Suggestion => ({
  id: row.id,
  widgetId: row.widget_id,
  text: row.text,
  submittedAt: row.submitted_at,
  status: row.status,
  ...(row.value !== null ? { value: row.value } : {}),
  ...(row.label !== null ? { label: row.label } : {}),
});

/** Approve (the label is the suggestion's own text unless a moderator edited it) or reject. */
export type Decision = { approve: true; value: string; label?: string } | { approve: false };

/** The text of a pairwise suggestion answer, or undefined for a vote or another widget's answer. */
export function suggestionOf(envelope: Envelope): string | undefined {
  const answer = envelope.answer as unknown as Record<string, unknown>;
  return envelope.widget === 'pairwise' && typeof answer.suggestion === 'string' ? answer.suggestion : undefined;
}

/** The last `days` UTC days ending on `today`'s, oldest first, as `YYYY-MM-DD`. */
export function dayLabels(today: Date, days = dailyDays): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, index) => new Date(end - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10));
}

/** `count` per UTC day (`YYYY-MM-DD`) as the last `days` days ending on `today`'s, oldest first. */
export function dailySeries(counts: Map<string, number>, today: Date, days = dailyDays): number[] {
  return dayLabels(today, days).map((day) => counts.get(day) ?? 0);
}

/**
 * Every widget's `daily` series at once from `(widget id, day, n)` rows: the day labels are made once,
 * not once per widget (a thousand widgets would otherwise cost fourteen thousand dates).
 */
export function dailySeriesByWidget(
  rows: Iterable<{ widgetId: string; day: string; n: number }>,
  today: Date,
): Map<string, number[]> {
  const position = new Map(dayLabels(today).map((day, index) => [day, index]));
  const series = new Map<string, number[]>();
  for (const { widgetId, day, n } of rows) {
    const index = position.get(day);
    if (index === undefined) continue;
    let counts = series.get(widgetId);
    if (!counts) series.set(widgetId, (counts = new Array<number>(dailyDays).fill(0)));
    counts[index] += n;
  }
  return series;
}

/** The first day of the series `dailySeries` makes, as `YYYY-MM-DD`. */
export function firstDay(today: Date, days = dailyDays): string {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A pairwise body with approved items: each approved item carries its label, and one nobody has voted on
 * yet is listed with no wins or losses (score 50), so results list every approved item. Only items the
 * selection would hold (`values`, when named) are added.
 */
export function withApproved(
  results: Results,
  approved: { value: string; label: string }[],
  values: string[] | undefined,
  suggestions: number,
): Results {
  if (results.widget !== 'pairwise') return results;
  // Ideas people sent are responses but not comparisons: the total counts comparisons only, so that
  // ideas still waiting for a moderator show nowhere in public, not even as a number.
  if (suggestions) results = { ...results, total: Math.max(0, results.total - suggestions) };
  if (!approved.length) return results;
  const labels = new Map(approved.map((item) => [item.value, item.label]));
  const items = results.items.map((item) => (labels.has(item.id) ? { ...item, label: labels.get(item.id)! } : item));
  const listed = new Set(items.map((item) => item.id));
  for (const { value, label } of approved) {
    if (listed.has(value) || (values && !values.includes(value))) continue;
    items.push({ id: value, score: 50, wins: 0, losses: 0, label });
  }
  items.sort((x, y) => y.score - x.score || y.wins - x.wins || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { ...results, items };
}

/** The canonical form of a response id: ids are compared case-insensitively, and lower case is canonical. */
export function canonical(envelope: Envelope): Envelope {
  const id = envelope.id.toLowerCase();
  return id === envelope.id ? envelope : { ...envelope, id };
}

/** A stored row as the id-folding migration sees it. `seq` is a string where the database gives a bigint. */
export interface FoldRow {
  seq: number | string;
  id: string;
  widget_id: string;
}

/**
 * Versions before ids were compared case-insensitively could store one id twice, in two cases. Given
 * every row whose id shares its lower-case form with another row or is not in lower case
 * (`foldSql` selects them), says which rows to delete (all but the first stored of each id), which to
 * rename to lower case, and whose widgets' tallies must be counted again.
 */
export function foldIds(rows: FoldRow[]): { drop: FoldRow[]; rename: FoldRow[]; widgets: Set<string> } {
  const groups = new Map<string, FoldRow[]>();
  for (const row of rows) {
    const id = row.id.toLowerCase();
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  const drop: FoldRow[] = [];
  const rename: FoldRow[] = [];
  for (const [id, group] of groups) {
    const [keep, ...rest] = group.sort((x, y) => (BigInt(x.seq) < BigInt(y.seq) ? -1 : 1));
    drop.push(...rest);
    if (keep.id !== id) rename.push({ ...keep, id });
  }
  return { drop, rename, widgets: new Set(drop.map((row) => row.widget_id)) };
}

/** The rows `foldIds` needs: every id stored in more than lower case, with its lower-case namesake. */
export const foldSql = `SELECT seq, id, widget_id FROM responses
  WHERE lower(id) IN (SELECT lower(id) FROM responses WHERE id <> lower(id))`;

/** A widget's total and tallies counted afresh from its responses, as the running tallies would hold them. */
export function recount(envelopes: Iterable<Envelope>): { total: number; rows: Tally[] } {
  const sums = new Map<string, Tally>();
  let total = 0;
  for (const envelope of envelopes) {
    total += 1;
    for (const row of tallies(envelope)) {
      const key = `${row.bucket}\u0000${row.key}`;
      const sum = sums.get(key);
      if (sum) {
        sum.n += row.n;
        sum.a += row.a;
        sum.b += row.b;
      } else sums.set(key, { ...row });
    }
  }
  return { total, rows: [...sums.values()] };
}

/**
 * The distinct-value check of one response, inside the transaction that stores it: `known(row)` says
 * whether the widget's bucket already holds the row's key (stored, or added earlier in the same
 * transaction), `size(bucket)` how many different keys it holds so far. Returns the first bucket the
 * response would take past `limit`, or how many keys it adds to each bucket.
 */
export function newKeys(
  rows: Tally[],
  known: (row: Tally) => boolean,
  size: (bucket: string) => number,
  limit: number,
): { overflow: string } | { added: Map<string, number> } {
  const added = new Map<string, number>();
  for (const row of rows) if (!known(row)) added.set(row.bucket, (added.get(row.bucket) ?? 0) + 1);
  for (const [bucket, count] of added) if (size(bucket) + count > limit) return { overflow: bucket };
  return { added };
}
