/**
 * The thread that writes a SQLite store (see `SqliteStore`): it owns the writing connection, takes
 * lists of `{ id, request }` (an insert, or one of `sqliteOperations`) and answers with lists of
 * `{ id, outcome }` or `{ id, error }`, each once the commit holding it is on disk; `{ close: true }`
 * commits what is left, closes the connection and ends the thread.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { configureWriter, SqliteWriter, type WriteRequest } from './sqlite-writer.js';
import type { OperationRequest } from './sqlite-operations.js';

const port = parentPort!;
const db = new Database((workerData as { file: string }).file);
configureWriter(db);
const writer = new SqliteWriter(db);

/** Answers go back together, one message per turn, as requests come: one message per turn too. */
const replies: unknown[] = [];
const reply = (answer: unknown) => {
  if (!replies.length) setImmediate(() => port.postMessage(replies.splice(0)));
  replies.push(answer);
};

port.on('message', async (message: { id: number; request: WriteRequest | OperationRequest }[] | { close: true }) => {
  if (!Array.isArray(message)) {
    await writer.idle();
    db.close();
    port.close();
    return;
  }
  for (const { id, request } of message) {
    ('operation' in request ? writer.run(request) : writer.insert(request)).then(
      (outcome) => reply({ id, outcome }),
      (error: { message?: string; code?: string }) =>
        reply({ id, error: { message: String(error?.message ?? error), code: error?.code } }),
    );
  }
});
