import type Database from 'better-sqlite3';
import type { AuditEntry } from './store.js';
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
    db.prepare('INSERT INTO audit (at, who, action, widget_id) VALUES (?, ?, ?, ?)').run(
      entry.at,
      entry.who,
      entry.action,
      entry.widgetId ?? null,
    );
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
