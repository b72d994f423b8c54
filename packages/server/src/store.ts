import type { Envelope, Results, WidgetKind } from '@delib/protocol';

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
  | { conflict: WidgetKind };

/**
 * Where responses live. Two implementations, SQLite and PostgreSQL, pass the same test suite.
 *
 * `insert` resolves only once the response (and the tallies it changes) is durably committed, so an
 * endpoint may acknowledge as soon as it resolves. It is idempotent on `envelope.id`, also when the
 * same id arrives at several processes at once.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  insert(envelope: Envelope, receivedAt: Date): Promise<InsertOutcome>;
  /** Results from the running tallies (no scan of the responses), or undefined for an unknown widget id. */
  results(widgetId: string): Promise<Results | undefined>;
  /** The item ids or categories a widget's tallies know, per bucket: the columns of a CSV export. */
  keys(widgetId: string): Promise<Record<string, string[]>>;
  /** Every stored response of a widget, oldest first, read a page at a time. */
  responses(widgetId: string): AsyncIterable<StoredResponse>;
  /** How many responses are stored for a widget (0 when unknown). */
  count(widgetId: string): Promise<number>;
  close(): Promise<void>;
}
