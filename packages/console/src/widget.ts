import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, languages, type Language, type TextEntry, type WidgetDetail } from './api.js';
import { continuousDays, timeChart } from './chart.js';
import { kindNames, widgetHash } from './widgets.js';
import {
  apiProblem,
  ConsolePage,
  count,
  errorSummary,
  fieldError,
  focusAfterRender,
  formatDateTime,
  formatDay,
  formatNumber,
  hasError,
  openTag,
  setTitle,
  type Problem,
} from './ui.js';

export const languageNames: Record<Language, string> = { en: 'English', cy: 'Welsh (Cymraeg)', gd: 'Scottish Gaelic (Gàidhlig)' };
/** The longest outcome text per language the editor accepts, in characters. */
export const outcomeLimit = 5000;

/**
 * The values a widget's results name, so the real widget can show them: poll counts, item ids, or
 * needs-and-assets categories (which the widget knows by itself).
 */
function resultValues(results: unknown): string[] {
  const body = results as { counts?: Record<string, number>; items?: { id: string }[] } | undefined;
  if (body?.counts) return Object.keys(body.counts);
  if (Array.isArray(body?.items)) return body.items.map((item) => String(item.id));
  return [];
}

/**
 * One widget: its figures, its results as the real widget shows them, responses over time, free text,
 * downloads, and what each role may do to it (close or reopen, erase, publish an outcome).
 */
export class ConsoleWidget extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    widgetId: { attribute: false },
    detail: { state: true },
    problems: { state: true },
    text: { state: true },
    textNext: { state: true },
    textCursors: { state: true },
    busy: { state: true },
    status: { state: true },
  };
  declare widgetId: string;
  declare detail: WidgetDetail | undefined;
  declare problems: Problem[];
  declare text: TextEntry[] | undefined;
  declare textNext: string | undefined;
  /** The cursors of the free-text pages shown so far, to go back to newer ones. */
  declare textCursors: (string | undefined)[];
  declare busy: boolean;
  /** A short message for the polite live region. */
  declare status: string;
  #results?: HTMLElement;

  constructor() {
    super();
    this.problems = [];
    this.textCursors = [undefined];
    this.busy = false;
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTitle(`Widget ${this.widgetId}`);
    this.#load();
  }

  async #load() {
    try {
      this.detail = await this.api.widget(this.widgetId);
      this.problems = [];
      this.#showResults();
      this.#loadText(undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404)
        this.problems = [{ message: `There is no widget called ${this.widgetId}.` }];
      else this.problems = [apiProblem(error)];
      setTitle(`Widget ${this.widgetId}`, { error: true });
    }
  }

  async #loadText(before: string | undefined) {
    try {
      const page = await this.api.freeText(this.widgetId, before);
      this.text = page.entries;
      this.textNext = page.next;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) this.text = [];
    }
  }

  /** The real widget, in `results="always"` mode, built as elements (never from markup). */
  async #showResults() {
    const detail = this.detail!;
    let values: string[] = [];
    try {
      const response = await fetch(`${this.api.base}/results/${encodeURIComponent(detail.widgetId)}?widget=${detail.widget}`);
      if (response.ok) values = resultValues(await response.json());
    } catch {
      // The widget fetches its results itself and says so if it cannot.
    }
    const element = document.createElement(`delib-${detail.widget}`);
    element.setAttribute('widget-id', detail.widgetId);
    element.setAttribute('endpoint', new URL(this.api.base, location.href).href);
    element.setAttribute('results', 'always');
    for (const value of values.slice(0, 200)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      element.append(option);
    }
    // An officer looking at results must not add a response by mistake.
    element.addEventListener('delib-submit', (event) => {
      event.preventDefault();
      this.status = 'This is the console: answers given here are not sent.';
    });
    this.#results = element;
    await this.updateComplete;
    this.querySelector('#results-widget')?.replaceChildren(element);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const holder = this.querySelector('#results-widget');
    if (holder && this.#results && !holder.contains(this.#results)) holder.replaceChildren(this.#results);
  }

  async #act(action: 'close' | 'reopen') {
    if (this.busy) return;
    this.busy = true;
    try {
      const entry = await (action === 'close' ? this.api.close(this.widgetId) : this.api.reopen(this.widgetId));
      this.detail = { ...this.detail!, ...entry };
      this.problems = [];
      this.status =
        action === 'close' ? 'Widget closed: it takes no more responses.' : 'Widget reopened: it takes responses again.';
      this.busy = false;
      await this.updateComplete;
      this.querySelector<HTMLElement>(action === 'close' ? '#reopen' : '#close')?.focus();
    } catch (error) {
      this.problems = [apiProblem(error)];
      await focusAfterRender(this, '.error-summary');
    } finally {
      this.busy = false;
    }
  }

  async #publish(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text: Partial<Record<Language, string>> = {};
    for (const language of languages) {
      const value = (form.elements.namedItem(`outcome-${language}`) as HTMLTextAreaElement).value.trim();
      if (value) text[language] = value;
    }
    const problems: Problem[] = [];
    if (!text.en) problems.push({ field: 'outcome-en', message: 'Enter what you did, in English' });
    for (const language of languages) {
      if ((text[language]?.length ?? 0) > outcomeLimit)
        problems.push({
          field: `outcome-${language}`,
          message: `${languageNames[language]} text must be ${formatNumber(outcomeLimit)} characters or fewer`,
        });
    }
    if (!problems.length) {
      try {
        await this.api.publishOutcome(this.widgetId, text);
        this.detail = await this.api.widget(this.widgetId);
        this.problems = [];
        this.status = 'Outcome published: the widget now shows it with its results.';
        return;
      } catch (error) {
        problems.push(
          apiProblem(error, { 'text.en': 'outcome-en', 'text.cy': 'outcome-cy', 'text.gd': 'outcome-gd', text: 'outcome-en' }),
        );
      }
    }
    this.problems = problems;
    setTitle(`Widget ${this.widgetId}`, { error: true });
    await focusAfterRender(this, '.error-summary');
  }

  async #withdraw() {
    try {
      await this.api.withdrawOutcome(this.widgetId);
      this.detail = await this.api.widget(this.widgetId);
      this.status = 'Outcome withdrawn: the widget no longer shows it.';
    } catch (error) {
      this.problems = [apiProblem(error)];
      await focusAfterRender(this, '.error-summary');
    }
  }

  #textPage(direction: 'older' | 'newer') {
    const cursors = [...this.textCursors];
    if (direction === 'older') cursors.push(this.textNext);
    else cursors.pop();
    this.textCursors = cursors;
    this.#loadText(cursors[cursors.length - 1]).then(() => this.querySelector<HTMLElement>('#free-text-heading')?.focus());
  }

  protected override render() {
    const { detail, problems } = this;
    return html`<a class="back-link" href="#/">All widgets</a>
      ${errorSummary(problems)}
      <span class="caption-l">${detail ? (kindNames[detail.widget] ?? detail.widget) : 'Widget'}</span>
      <h1 class="heading-l" tabindex="-1">${this.widgetId}</h1>
      <p class="visually-hidden" role="status">${this.status}</p>
      ${detail ? this.#body(detail) : problems.length ? nothing : html`<p role="status">Loading…</p>`}`;
  }

  #body(detail: WidgetDetail) {
    const problems = this.problems;
    const canAct = this.may('admin', 'moderator');
    const published = detail.outcome;
    return html`<dl class="summary-list">
        <div class="summary-list__row">
          <dt>Kind</dt>
          <dd>${kindNames[detail.widget] ?? detail.widget}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Responses</dt>
          <dd>${formatNumber(detail.total)}</dd>
        </div>
        <div class="summary-list__row">
          <dt>First response</dt>
          <dd>${formatDateTime(detail.firstAt)}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Last response</dt>
          <dd>${formatDateTime(detail.lastAt)}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Status</dt>
          <dd>${openTag(detail.closed)}</dd>
        </div>
        ${
          detail.pendingSuggestions
            ? html`<div class="summary-list__row">
                <dt>Suggestions to moderate</dt>
                <dd>
                  <a href="#/moderation">${count(detail.pendingSuggestions, 'suggestion waiting', 'suggestions waiting')}</a>
                </dd>
              </div>`
            : nothing
        }
      </dl>
      <div class="button-group">
        ${
          canAct
            ? detail.closed
              ? html`<button id="reopen" class="button" type="button" ?disabled=${this.busy} @click=${() => this.#act('reopen')}>
                  Reopen widget
                </button>`
              : html`<button
                  id="close"
                  class="button button--secondary"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => this.#act('close')}
                >
                  Close widget
                </button>`
            : nothing
        }
        ${
          this.may('admin')
            ? html`<a class="button button--warning" href="${widgetHash(detail.widgetId)}/erase">Erase responses</a>`
            : nothing
        }
      </div>

      <h2 class="heading-m">Download responses</h2>
      <ul class="list">
        <li>
          <a href=${this.api.exportUrl(detail.widgetId, 'csv')} download
            >Download responses as CSV<span class="visually-hidden"> for ${detail.widgetId}</span></a
          >
        </li>
        <li>
          <a href=${this.api.exportUrl(detail.widgetId, 'json')} download
            >Download responses as JSON<span class="visually-hidden"> for ${detail.widgetId}</span></a
          >
        </li>
      </ul>

      <h2 class="heading-m">Results</h2>
      <p class="hint">As residents see them in the widget.</p>
      <div id="results-widget" class="results-widget" role="region" aria-label="Results" tabindex="0"></div>

      <h2 class="heading-m">Responses over time</h2>
      ${
        detail.days.length
          ? html`${timeChart(detail.days)}
              <details class="details">
                <summary>Responses per day, as a table</summary>
                <table class="table">
                  <caption class="visually-hidden">
                    Responses per day
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col" class="numeric">Responses</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${continuousDays(detail.days)
                      .filter((day) => day.count)
                      .reverse()
                      .map(
                        (day) =>
                          html`<tr>
                            <th scope="row">${formatDay(day.date)} ${day.date.slice(0, 4)}</th>
                            <td class="numeric">${formatNumber(day.count)}</td>
                          </tr>`,
                      )}
                  </tbody>
                </table>
              </details>`
          : html`<p>No responses yet.</p>`
      }

      <h2 class="heading-m" id="free-text-heading" tabindex="-1">Free text</h2>
      ${this.#freeText()}

      <h2 class="heading-m">You said, we did</h2>
      ${
        published
          ? html`<p>Published ${formatDateTime(published.publishedAt)}. The widget shows it with its results.</p>`
          : html`<p>Not published. Once published, the widget shows it to residents with its results.</p>`
      }
      ${
        canAct
          ? html`<form novalidate @submit=${this.#publish}>
              ${languages.map(
                (language) =>
                  html`<div class="form-group ${hasError(problems, `outcome-${language}`) ? 'form-group--error' : ''}">
                    <label class="label" for="outcome-${language}"
                      >${languageNames[language]}${language === 'en' ? '' : ' (optional)'}</label
                    >
                    <div class="hint" id="outcome-${language}-hint">
                      Plain text. Leave a blank line between paragraphs; web addresses become links.
                    </div>
                    ${fieldError(problems, `outcome-${language}`)}
                    <textarea
                      class="textarea"
                      id="outcome-${language}"
                      name="outcome-${language}"
                      lang=${language}
                      rows="5"
                      maxlength=${outcomeLimit}
                      aria-describedby="outcome-${language}-hint${hasError(problems, `outcome-${language}`) ? ` outcome-${language}-error` : ''}"
                      .value=${published?.text[language] ?? ''}
                    ></textarea>
                  </div>`,
              )}
              <div class="button-group">
                <button class="button" type="submit">${published ? 'Publish changes' : 'Publish'}</button>
                ${published ? html`<button class="button button--warning" type="button" @click=${this.#withdraw}>Withdraw</button>` : nothing}
              </div>
            </form>`
          : published
            ? languages
                .filter((language) => published.text[language])
                .map(
                  (language) =>
                    html`<h3 class="heading-s">${languageNames[language]}</h3>
                      <div class="outcome-text" lang=${language}>${published.text[language]}</div>`,
                )
            : nothing
      }`;
  }

  #freeText() {
    const { text } = this;
    if (text === undefined) return html`<p>Loading…</p>`;
    if (!text.length && this.textCursors.length === 1) return html`<p>No free text for this widget.</p>`;
    return html`<div class="table-scroll" role="region" aria-labelledby="free-text-caption" tabindex="0">
        <table class="table">
          <caption class="visually-hidden" id="free-text-caption">
            Free text, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Submitted</th>
              <th scope="col">Question</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            ${text.map(
              (entry) =>
                html`<tr>
                  <td>${formatDateTime(entry.submittedAt)}</td>
                  <td>${entry.field}</td>
                  <td class="free-text">${entry.text}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <nav class="pagination" aria-label="Free text pages">
        ${this.textCursors.length > 1 ? html`<button class="button button--secondary" type="button" @click=${() => this.#textPage('newer')}>Newer entries</button>` : nothing}
        ${this.textNext ? html`<button class="button button--secondary" type="button" @click=${() => this.#textPage('older')}>Older entries</button>` : nothing}
      </nav>`;
  }
}

/** Erasing a widget's responses: the administrator types the widget ID to confirm. */
export class ConsoleErase extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    widgetId: { attribute: false },
    problems: { state: true },
    busy: { state: true },
  };
  declare widgetId: string;
  declare problems: Problem[];
  declare busy: boolean;

  constructor() {
    super();
    this.problems = [];
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTitle(`Erase responses to ${this.widgetId}`);
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const typed = ((event.target as HTMLFormElement).elements.namedItem('confirm') as HTMLInputElement).value.trim();
    let problems: Problem[] = [];
    if (!typed) problems = [{ field: 'confirm', message: 'Enter the widget ID to confirm' }];
    else if (typed !== this.widgetId) problems = [{ field: 'confirm', message: 'The widget ID you entered does not match' }];
    else {
      this.busy = true;
      try {
        const { erased } = await this.api.erase(this.widgetId);
        this.navigate(widgetHash(this.widgetId), `${count(erased, 'response', 'responses')} erased.`);
        return;
      } catch (error) {
        problems = [apiProblem(error)];
      } finally {
        this.busy = false;
      }
    }
    this.problems = problems;
    setTitle(`Erase responses to ${this.widgetId}`, { error: true });
    await focusAfterRender(this, '.error-summary');
  }

  protected override render() {
    const { problems } = this;
    const invalid = hasError(problems, 'confirm');
    return html`<a class="back-link" href=${widgetHash(this.widgetId)}>Back to ${this.widgetId}</a>
      <div class="grid-two-thirds">
        ${errorSummary(problems)}
        <h1 class="heading-l" tabindex="-1">Erase all responses to ${this.widgetId}</h1>
        <div class="warning-text">
          <span class="warning-text__icon" aria-hidden="true">!</span>
          <strong class="warning-text__text"
            ><span class="visually-hidden">Warning</span> This deletes every response and all results for this widget. It cannot
            be undone. Download the responses first if you need them.</strong
          >
        </div>
        <form novalidate @submit=${this.#submit}>
          <div class="form-group ${invalid ? 'form-group--error' : ''}">
            <label class="label" for="confirm">To confirm, type the widget ID: <code>${this.widgetId}</code></label>
            ${fieldError(problems, 'confirm')}
            <input
              class="input ${invalid ? 'input--error' : ''}"
              id="confirm"
              name="confirm"
              autocomplete="off"
              spellcheck="false"
              maxlength="200"
              aria-describedby=${invalid ? 'confirm-error' : nothing}
            />
          </div>
          <div class="button-group">
            <button class="button button--warning" type="submit" ?disabled=${this.busy}>Erase responses</button>
            <a class="link" href=${widgetHash(this.widgetId)}>Cancel</a>
          </div>
        </form>
      </div>`;
  }
}
