import { html, nothing } from 'lit';
import type { WidgetEntry } from './api.js';
import { dailyChart } from './chart.js';
import { apiProblem, ConsolePage, errorSummary, formatDate, formatNumber, openTag, setTitle, type Problem } from './ui.js';

export const kindNames: Record<string, string> = {
  poll: 'Poll',
  ranking: 'Ranking',
  pairwise: 'Pairwise',
  budget: 'Budget',
  'needs-assets': 'Needs and assets',
};

export const widgetHash = (widgetId: string) => `#/widgets/${encodeURIComponent(widgetId)}`;

/** Every widget the endpoint has seen, most recently answered first. */
export class ConsoleWidgets extends ConsolePage {
  static override properties = { ...ConsolePage.properties, widgets: { state: true }, problems: { state: true } };
  declare widgets: WidgetEntry[] | undefined;
  declare problems: Problem[];

  constructor() {
    super();
    this.problems = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTitle('Widgets');
    this.#load();
  }

  async #load() {
    try {
      this.widgets = (await this.api.widgets()).widgets;
    } catch (error) {
      this.problems = [apiProblem(error)];
      setTitle('Widgets', { error: true });
    }
  }

  protected override render() {
    const { widgets } = this;
    return html`${errorSummary(this.problems)}
      <h1 class="heading-l" tabindex="-1">Widgets</h1>
      ${widgets === undefined && !this.problems.length ? html`<p role="status">Loading widgets…</p>` : nothing}
      ${
        widgets && !widgets.length
          ? html`<p>No widget has had a response yet. Use the <a href="#/snippet">snippet builder</a> to put one on a page.</p>`
          : nothing
      }
      ${
        widgets?.length
          ? html`<div class="table-scroll" role="region" aria-labelledby="widgets-caption" tabindex="0">
              <table class="table">
                <caption class="table__caption visually-hidden" id="widgets-caption">
                  Widgets, most recently answered first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Widget</th>
                    <th scope="col">Kind</th>
                    <th scope="col" class="numeric">Responses</th>
                    <th scope="col">First response</th>
                    <th scope="col">Last response</th>
                    <th scope="col">Status</th>
                    <th scope="col">Last 14 days</th>
                  </tr>
                </thead>
                <tbody>
                  ${widgets.map(
                    (widget) =>
                      html`<tr>
                        <th scope="row"><a href=${widgetHash(widget.widgetId)}>${widget.widgetId}</a></th>
                        <td>${kindNames[widget.widget] ?? widget.widget}</td>
                        <td class="numeric">${formatNumber(widget.total)}</td>
                        <td>${formatDate(widget.firstAt)}</td>
                        <td>${formatDate(widget.lastAt)}</td>
                        <td>${openTag(widget.closed)}</td>
                        <td>${widget.daily?.length ? dailyChart(widget.daily) : '–'}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }`;
  }
}
