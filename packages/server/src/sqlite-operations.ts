import type Database from 'better-sqlite3';
import { maxAccounts, type AccountRecord, type AddAccountOutcome, type AuditEntry, type RemoveAccountOutcome } from './store.js';
import { widgetOperations } from './admin/sqlite-admin.js';

/**
 * The writes of a SQLite store other than responses (accounts, sessions, sign-in failures, the audit
 * log, …), by name. They run on the writing connection (the worker thread's, see `SqliteWriter.run`),
 * each in an IMMEDIATE transaction of its own, so that the checks an operation makes still hold when
 * it writes, whatever other processes write to the same file. Arguments and results cross the thread
 * boundary, so they are plain data (strings, numbers, booleans, arrays and objects of them).
 *
 * To add one: a function `(db, argument) => result` here, and a method on `SqliteStore` that calls
 * `this.#run('name', argument)`.
 */
export const sqliteOperations = {
  // The console's widget writes: closing, erasure, moderation, outcome, retention.
  ...widgetOperations,
  recordAudit(db: Database.Database, entry: AuditRow): void {
    db.prepare('INSERT INTO audit (at, who, action, widget_id, subject) VALUES (?, ?, ?, ?, ?)').run(
      entry.at,
      entry.who,
      entry.action,
      entry.widgetId ?? null,
      entry.subject ?? null,
    );
  },

  addAccount(db: Database.Database, { account, onlyFirst }: { account: AccountRecord; onlyFirst: boolean }): AddAccountOutcome {
    const { count } = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM accounts').get()!;
    if (onlyFirst && count > 0) return 'not_first';
    if (db.prepare('SELECT 1 FROM accounts WHERE email = ?').get(account.email)) return 'exists';
    if (count >= maxAccounts) return 'full';
    db.prepare('INSERT INTO accounts (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(
      account.email,
      account.role,
      account.passwordHash,
      account.createdAt,
    );
    return 'created';
  },

  removeAccount(db: Database.Database, email: string): RemoveAccountOutcome {
    const found = db.prepare<[string], { role: string }>('SELECT role FROM accounts WHERE email = ?').get(email);
    if (!found) return 'not_found';
    if (found.role === 'admin') {
      const { admins } = db
        .prepare<[], { admins: number }>("SELECT count(*) AS admins FROM accounts WHERE role = 'admin'")
        .get()!;
      if (admins <= 1) return 'last_admin';
    }
    db.prepare('DELETE FROM sessions WHERE email = ?').run(email);
    db.prepare('DELETE FROM accounts WHERE email = ?').run(email);
    return 'removed';
  },

  createSession(db: Database.Database, { tokenHash, email, at }: { tokenHash: string; email: string; at: string }): boolean {
    const { changes } = db
      .prepare(
        'INSERT INTO sessions (token_hash, email, created_at, last_seen_at) SELECT ?, email, ?, ? FROM accounts WHERE email = ?',
      )
      .run(tokenHash, at, at, email);
    return changes === 1;
  },

  touchSession(db: Database.Database, { tokenHash, at }: { tokenHash: string; at: string }): void {
    db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?').run(at, tokenHash, at);
  },

  deleteSession(db: Database.Database, tokenHash: string): void {
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  },

  pruneSessions(db: Database.Database, { idleBefore, createdBefore }: { idleBefore: string; createdBefore: string }): void {
    db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').run(idleBefore, createdBefore);
  },

  attemptSignIn(
    db: Database.Database,
    { attempt, at, since, limits }: { attempt: string; at: string; since: string; limits: { key: string; limit: number }[] },
  ): { allowed: true } | { allowed: false; retryAt: string } {
    db.prepare('DELETE FROM sign_in_attempts WHERE at <= ?').run(since);
    const newest = db.prepare<[string, string, number], { at: string }>(
      'SELECT at FROM sign_in_attempts WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?',
    );
    const window = Date.parse(at) - Date.parse(since);
    let retryAt: number | undefined;
    for (const { key, limit } of limits) {
      const times = newest.all(key, since, limit);
      // Blocked until the limit-th newest attempt leaves the window.
      if (times.length >= limit) retryAt = Math.max(retryAt ?? 0, Date.parse(times[limit - 1].at) + window);
    }
    if (retryAt !== undefined) return { allowed: false, retryAt: new Date(retryAt).toISOString() };
    const insert = db.prepare('INSERT INTO sign_in_attempts (key, attempt, at) VALUES (?, ?, ?)');
    for (const { key } of limits) insert.run(key, attempt, at);
    return { allowed: true };
  },

  signedIn(db: Database.Database, { attempt, key }: { attempt: string; key: string }): void {
    db.prepare('DELETE FROM sign_in_attempts WHERE attempt = ? OR key = ?').run(attempt, key);
  },
} satisfies Record<string, (db: Database.Database, argument: never) => unknown>;

/** An audit entry as it crosses to the writer: the time as ISO text. */
export type AuditRow = Omit<AuditEntry, 'at'> & { at: string };

export type OperationName = keyof typeof sqliteOperations;
export type OperationArgument<Name extends OperationName> = Parameters<(typeof sqliteOperations)[Name]>[1];
export type OperationResult<Name extends OperationName> = ReturnType<(typeof sqliteOperations)[Name]>;

/** One operation as the writer takes it. */
export interface OperationRequest {
  operation: OperationName;
  argument: unknown;
}
