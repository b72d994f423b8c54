import type { Envelope, Results, WidgetKind } from '@delib/protocol';
import { tallies, type Tally } from './tally.js';
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
 * this order: the widget's kind, then the id (a stored id is `exists` whatever it carries), then the
 * number of different values.
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
   * A token that changes whenever the widget's results may have changed, whoever wrote (the highest
   * `seq` of its responses: it only grows, and a response is stored with its tallies); undefined for an
   * unknown widget id. Results read after it may be kept under it until it changes.
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

  /** Every account (at most `maxAccounts`), by email. */
  accounts(): Promise<Account[]>;
  /** One account with its hash, by its lower-case email. */
  account(email: string): Promise<AccountRecord | undefined>;
  /** Adds an account; with `onlyFirst`, only when no account exists at all (checked in the same transaction). */
  addAccount(account: AccountRecord, options?: { onlyFirst?: boolean }): Promise<AddAccountOutcome>;
  /** Removes an account and its sessions, unless it is the last admin (checked in the same transaction). */
  removeAccount(email: string): Promise<RemoveAccountOutcome>;

  createSession(tokenHash: string, session: { email: string; at: Date }): Promise<void>;
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
