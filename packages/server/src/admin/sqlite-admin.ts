import type Database from 'better-sqlite3';
import type { Outcome } from '@delib/protocol';
import { suggestionFrom, type Suggestion, type SuggestionRow } from '../store.js';

/**
 * The console's writes to a SQLite store (closing, erasure, moderation, outcome, retention), by name, in
 * the shape of the writer's named operations: `(db, argument) => result`, run on the writing connection
 * in the writer's queue between batches of inserts, each in an IMMEDIATE transaction of its own. So a
 * widget closed here is closed for every insert committed after it, whichever process writes.
 * Arguments and results cross the thread boundary: plain data only.
 */
export const widgetOperations = {
  setClosed(db: Database.Database, { widgetId, closed }: { widgetId: string; closed: boolean }): boolean {
    return db.prepare('UPDATE widgets SET closed = ? WHERE widget_id = ?').run(closed ? 1 : 0, widgetId).changes > 0;
  },

  erase(db: Database.Database, { widgetId }: { widgetId: string }): number | null {
    if (!db.prepare('SELECT 1 FROM widgets WHERE widget_id = ?').get(widgetId)) return null;
    const { changes } = db.prepare('DELETE FROM responses WHERE widget_id = ?').run(widgetId);
    for (const table of ['tallies', 'daily', 'suggestions']) db.prepare(`DELETE FROM ${table} WHERE widget_id = ?`).run(widgetId);
    db.prepare('UPDATE widgets SET total = 0, first_at = NULL, last_at = NULL, revision = revision + 1 WHERE widget_id = ?').run(
      widgetId,
    );
    return changes;
  },

  decide(
    db: Database.Database,
    { id, approve, value, label, at }: { id: string; approve: boolean; value?: string; label?: string; at: string },
  ): Suggestion | 'not_found' | 'decided' {
    const select = db.prepare<[string], SuggestionRow>('SELECT * FROM suggestions WHERE id = ?');
    const row = select.get(id);
    if (!row) return 'not_found';
    if (row.status !== 'pending') return 'decided';
    db.prepare('UPDATE suggestions SET status = ?, value = ?, label = ?, decided_at = ? WHERE id = ?').run(
      approve ? 'approved' : 'rejected',
      approve ? value : null,
      approve ? (label ?? row.text) : null,
      at,
      id,
    );
    // Approved items show in the widget's items and results: their cached copies must go.
    if (approve) db.prepare('UPDATE widgets SET revision = revision + 1 WHERE widget_id = ?').run(row.widget_id);
    return suggestionFrom(select.get(id)!);
  },

  setOutcome(db: Database.Database, { widgetId, outcome }: { widgetId: string; outcome: Outcome | null }): boolean {
    return (
      db
        .prepare('UPDATE widgets SET outcome = ?, revision = revision + 1 WHERE widget_id = ?')
        .run(outcome ? JSON.stringify(outcome) : null, widgetId).changes > 0
    );
  },

  /**
   * One window of retention: removes `contact` from the needs-and-assets answers received before `before`
   * among the responses at positions `after` < seq ≤ `after + contactWindow` (a range of the primary key,
   * so each transaction is short however large the table). Returns how many lost it, per widget, and where
   * the next window starts (null: none is left).
   */
  eraseContacts(
    db: Database.Database,
    { before, after }: { before: string; after: number },
  ): { erased: [string, number][]; next: number | null } {
    const end = after + contactWindow;
    const rows = db
      .prepare<[number, number, string], { seq: number; widget_id: string }>(
        `SELECT seq, widget_id FROM responses
         WHERE seq > ? AND seq <= ? AND widget = 'needs-assets' AND received_at < ? AND json_type(answer, '$.contact') IS NOT NULL`,
      )
      .all(after, end, before);
    const drop = db.prepare("UPDATE responses SET answer = json_remove(answer, '$.contact') WHERE seq = ?");
    const erased = new Map<string, number>();
    for (const row of rows) {
      drop.run(row.seq);
      erased.set(row.widget_id, (erased.get(row.widget_id) ?? 0) + 1);
    }
    const more = db.prepare<[number], { seq: number }>('SELECT seq FROM responses WHERE seq > ? LIMIT 1').get(end);
    return { erased: [...erased], next: more ? end : null };
  },
} satisfies Record<string, (db: Database.Database, argument: never) => unknown>;

/** Responses one retention transaction looks at, so that inserts waiting behind it wait briefly. */
export const contactWindow = 20_000;

export type WidgetOperationName = keyof typeof widgetOperations;
