import type { Envelope, Results, WidgetKind } from './types.js';

/**
 * Running tallies: each response adds to a few rows per widget, in the same transaction that stores
 * it, so that results are read from those rows in constant time however many responses there are.
 *
 * A row is (widget id, bucket, key) with three numbers whose meaning depends on the widget:
 *
 * | widget | bucket | n | a | b |
 * |---|---|---|---|---|
 * | poll | choice | responses choosing it | | |
 * | ranking | item | responses ranking it | borda points, Σ (items − position) | Σ position |
 * | pairwise | item | votes it took part in | wins | losses |
 * | pairwise | suggestion | suggestions (key `*`) | | |
 * | budget | item | responses giving it anything | Σ allocated | |
 * | needs-assets | need / asset | responses naming it | | |
 */
export interface Tally {
  bucket: string;
  key: string;
  n: number;
  a: number;
  b: number;
}

/** What one response adds to its widget's tallies, with one row per (bucket, key), sorted so that
 * concurrent transactions lock rows in the same order. */
export function tallies(envelope: Envelope): Tally[] {
  const rows = new Map<string, Tally>();
  const add = (bucket: string, key: string, n: number, a = 0, b = 0) => {
    const id = `${bucket}\u0000${key}`;
    const row = rows.get(id) ?? { bucket, key, n: 0, a: 0, b: 0 };
    row.n += n;
    row.a += a;
    row.b += b;
    rows.set(id, row);
  };
  const answer = envelope.answer as unknown as Record<string, unknown>;
  switch (envelope.widget) {
    case 'poll':
      for (const choice of answer.choices as string[]) add('choice', choice, 1);
      break;
    case 'ranking': {
      const order = answer.order as string[];
      order.forEach((item, index) => add('item', item, 1, order.length - (index + 1), index + 1));
      break;
    }
    case 'pairwise':
      if ('suggestion' in answer) add('suggestion', '*', 1);
      else {
        const [first, second] = answer.pair as [string, string];
        const winner = answer.winner as string | null;
        add('item', first, 1, winner === first ? 1 : 0, winner === second ? 1 : 0);
        add('item', second, 1, winner === second ? 1 : 0, winner === first ? 1 : 0);
      }
      break;
    case 'budget':
      for (const [item, amount] of Object.entries(answer.allocation as Record<string, number>))
        add('item', item, amount > 0 ? 1 : 0, amount);
      break;
    case 'needs-assets':
      for (const need of answer.needs as { category: string }[]) add('need', need.category, 1);
      for (const asset of answer.assets as { category: string }[]) add('asset', asset.category, 1);
      break;
  }
  return [...rows.values()].sort((x, y) => compare(x.bucket, y.bucket) || compare(x.key, y.key));
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

const round = (value: number) => Math.round(value * 1000) / 1000;
const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** The contract's results (CONTRACT.md section 4) from a widget's total and tallies. */
export function results(widget: WidgetKind, widgetId: string, total: number, rows: Tally[]): Results {
  const bucket = (name: string) => rows.filter((row) => row.bucket === name);
  const counts = (name: string) => Object.fromEntries(bucket(name).map((row) => [row.key, row.n]));
  switch (widget) {
    case 'poll':
      return { widget, widgetId, total, counts: counts('choice') };
    case 'ranking':
      return {
        widget,
        widgetId,
        total,
        items: bucket('item')
          .map((row) => ({ id: row.key, borda: row.a, meanRank: round(row.b / row.n) }))
          .sort((x, y) => y.borda - x.borda || x.meanRank - y.meanRank || byId(x, y)),
      };
    case 'pairwise':
      return {
        widget,
        widgetId,
        total,
        items: bucket('item')
          .map((row) => ({ id: row.key, score: round((100 * (row.a + 1)) / (row.a + row.b + 2)), wins: row.a, losses: row.b }))
          .sort((x, y) => y.score - x.score || y.wins - x.wins || byId(x, y)),
      };
    case 'budget':
      return {
        widget,
        widgetId,
        total,
        items: bucket('item')
          .map((row) => ({ id: row.key, total: row.a, mean: total ? round(row.a / total) : 0 }))
          .sort((x, y) => y.total - x.total || byId(x, y)),
      };
    case 'needs-assets':
      return { widget, widgetId, total, needs: counts('need'), assets: counts('asset') };
  }
}
