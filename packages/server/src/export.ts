import { Readable } from 'node:stream';
import type { Envelope, WidgetKind } from '@delib/protocol';
import type { Store } from './store.js';

type Row = (string | number | undefined)[];

/**
 * A spreadsheet program runs a cell that starts with = + - @ (or a tab or carriage return before
 * one) as a formula; a leading apostrophe makes it text. Applied to every cell, since any of them
 * can carry what a resident typed.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (row: Row) => `${row.map(csvCell).join(',')}\r\n`;

interface Columns {
  names: string[];
  values: (envelope: Envelope) => Row;
}

/** Each widget's answer, flattened into columns an analyst can sort and count. */
function answerColumns(widget: WidgetKind, keys: Record<string, string[]>): Columns {
  const yes = (present: boolean) => (present ? 1 : 0);
  switch (widget) {
    case 'poll': {
      const choices = keys.choice ?? [];
      return {
        names: ['choices', 'other', ...choices.map((choice) => `chose ${choice}`)],
        values: ({ answer }) => {
          const { choices: chosen, other } = answer as { choices: string[]; other?: string };
          return [chosen.join('; '), other, ...choices.map((choice) => yes(chosen.includes(choice)))];
        },
      };
    }
    case 'ranking': {
      const items = keys.item ?? [];
      return {
        names: ['order', ...items.map((item) => `position of ${item}`)],
        values: ({ answer }) => {
          const { order } = answer as { order: string[] };
          return [order.join(' > '), ...items.map((item) => (order.includes(item) ? order.indexOf(item) + 1 : undefined))];
        },
      };
    }
    case 'pairwise':
      return {
        names: ['first', 'second', 'winner', 'suggestion'],
        values: ({ answer }) => {
          const vote = answer as { pair?: [string, string]; winner?: string | null; suggestion?: string };
          return [vote.pair?.[0], vote.pair?.[1], vote.pair ? (vote.winner ?? "can't decide") : undefined, vote.suggestion];
        },
      };
    case 'budget': {
      const items = keys.item ?? [];
      return {
        names: ['spent', ...items.map((item) => `to ${item}`)],
        values: ({ answer }) => {
          const { allocation } = answer as { allocation: Record<string, number> };
          return [
            Object.values(allocation).reduce((sum, amount) => sum + amount, 0),
            ...items.map((item) => allocation[item] ?? 0),
          ];
        },
      };
    }
    case 'needs-assets': {
      const list = (entries: { category: string; detail?: string }[]) =>
        entries.map((entry) => (entry.detail ? `${entry.category}: ${entry.detail}` : entry.category)).join('; ');
      return {
        names: ['needs', 'assets', 'area', 'contact name', 'contact email', 'contact phone'],
        values: ({ answer }) => {
          const given = answer as {
            needs: { category: string; detail?: string }[];
            assets: { category: string; detail?: string }[];
            area?: string;
            contact?: { name: string; email?: string; phone?: string };
          };
          return [
            list(given.needs),
            list(given.assets),
            given.area,
            given.contact?.name,
            given.contact?.email,
            given.contact?.phone,
          ];
        },
      };
    }
  }
}

const envelopeColumns = ['id', 'widget', 'widgetId', 'submittedAt', 'receivedAt', 'locale', 'page'];

/** Every response of a widget as CSV, one row each, read from the store a page at a time. */
export async function csvExport(store: Store, widgetId: string, widget: WidgetKind): Promise<Readable> {
  const columns = answerColumns(widget, await store.keys(widgetId));
  async function* lines() {
    // A byte-order mark, so that spreadsheet programs read the file as UTF-8 (Welsh, Gaelic).
    yield `\uFEFF${csvLine([...envelopeColumns, ...columns.names])}`;
    for await (const { envelope, receivedAt } of store.responses(widgetId)) {
      const { id, widget: kind, widgetId: widgetIdOf, submittedAt, locale, page } = envelope;
      yield csvLine([id, kind, widgetIdOf, submittedAt, receivedAt, locale, page, ...columns.values(envelope)]);
    }
  }
  return Readable.from(lines());
}

/** Every response of a widget as a JSON array of envelopes with `receivedAt`, streamed. */
export function jsonExport(store: Store, widgetId: string): Readable {
  async function* chunks() {
    let first = true;
    yield '[';
    for await (const { envelope, receivedAt } of store.responses(widgetId)) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify({ ...envelope, receivedAt })}`;
      first = false;
    }
    yield '\n]\n';
  }
  return Readable.from(chunks());
}
