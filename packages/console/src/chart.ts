/**
 * Small bar charts of responses per day, drawn as SVG with attributes only (no inline style, which the
 * console's CSP forbids). A chart is never the only way to read the figures: the 14-day chart is an
 * image whose text alternative gives every day's count, and the long chart sits beside a table.
 */
import { svg, html, type TemplateResult } from 'lit';
import { formatDay, formatNumber, count } from './ui.js';

const dayMs = 86_400_000;

/** `YYYY-MM-DD` of a UTC day `offset` days from `from`. */
export const utcDay = (from: Date, offset = 0) => new Date(from.getTime() + offset * dayMs).toISOString().slice(0, 10);

/** Bars for `values` in a box `width` × `height`; the tallest reaches the top, a non-zero day shows at least 1 unit. */
function bars(values: number[], width: number, height: number) {
  const highest = Math.max(1, ...values);
  const slot = width / Math.max(1, values.length);
  const gap = slot > 4 ? 1 : 0;
  return values.map((value) => {
    const barHeight = value ? Math.max(1, Math.round((value / highest) * height)) : 0;
    return { height: barHeight, slot, gap };
  });
}

/**
 * The widget list's chart: the last 14 UTC days (`daily`, oldest first, the last is `today`), as an
 * image named by every day's count.
 */
export function dailyChart(daily: number[], today = new Date()): TemplateResult {
  const first = utcDay(today, -(daily.length - 1));
  const last = utcDay(today);
  const total = daily.reduce((sum, value) => sum + value, 0);
  const label =
    `Responses per day from ${formatDay(first)} to ${formatDay(last)}: ` +
    daily.map((value, index) => `${formatDay(utcDay(today, index - daily.length + 1))} ${formatNumber(value)}`).join(', ') +
    `. ${count(total, 'response', 'responses')} in ${daily.length} days.`;
  const width = 84;
  const height = 24;
  return html`<svg
    class="chart chart--small"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${width} ${height + 1}"
    width=${width}
    height=${height + 1}
    focusable="false"
  >
    ${svg`<line class="chart__axis" x1="0" x2=${width} y1=${height + 0.5} y2=${height + 0.5}></line>`}
    ${bars(daily, width, height).map(
      (bar, index) =>
        svg`<rect class="chart__bar" x=${index * bar.slot + bar.gap / 2} y=${height - bar.height} width=${bar.slot - bar.gap} height=${bar.height}></rect>`,
    )}
  </svg>`;
}

/** Every day from the first to the last of `days` (at most 366), with the days nobody answered as 0. */
export function continuousDays(days: { date: string; count: number }[]): { date: string; count: number }[] {
  if (!days.length) return [];
  const byDate = new Map(days.map((day) => [day.date, day.count]));
  const sorted = [...byDate.keys()].sort();
  const start = new Date(`${sorted[0]}T00:00:00Z`);
  const end = new Date(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const span = Math.min(366, Math.round((end.getTime() - start.getTime()) / dayMs) + 1);
  const from = new Date(end.getTime() - (span - 1) * dayMs);
  return Array.from({ length: span }, (_, index) => {
    const date = utcDay(from, index);
    return { date, count: byDate.get(date) ?? 0 };
  });
}

/** The widget page's chart of responses over time. Decorative beside its table, so hidden from assistive technology. */
export function timeChart(days: { date: string; count: number }[]): TemplateResult {
  const series = continuousDays(days);
  const width = 600;
  const height = 120;
  const values = series.map((day) => day.count);
  return html`<svg
    class="chart chart--large"
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 ${width} ${height + 1}"
    preserveAspectRatio="none"
  >
    ${svg`<line class="chart__axis" x1="0" x2=${width} y1=${height + 0.5} y2=${height + 0.5}></line>`}
    ${bars(values, width, height).map(
      (bar, index) =>
        svg`<rect class="chart__bar" x=${index * bar.slot + bar.gap / 2} y=${height - bar.height} width=${Math.max(0.5, bar.slot - bar.gap)} height=${bar.height}></rect>`,
    )}
  </svg>`;
}
