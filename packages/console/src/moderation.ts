import { html, nothing } from 'lit';
import { moderationStatuses, type ModerationStatus, type Suggestion } from './api.js';
import { widgetHash } from './widgets.js';
import { apiProblem, ConsolePage, errorSummary, focusAfterRender, formatDateTime, setTitle, type Problem } from './ui.js';

const statusNames: Record<ModerationStatus, string> = { pending: 'Waiting', approved: 'Approved', rejected: 'Rejected' };
/** The longest label a moderator may give an approved suggestion, in characters. */
export const labelLimit = 200;

/**
 * Ideas residents added to pairwise widgets, by status. Approving (optionally with an edited label)
 * makes an idea an item other residents vote on; rejecting keeps it from anyone, for good.
 */
export class ConsoleModeration extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    status: { attribute: false },
    items: { state: true },
    problems: { state: true },
    announcement: { state: true },
  };
  declare status: ModerationStatus;
  declare items: Suggestion[] | undefined;
  declare problems: Problem[];
  declare announcement: string;

  constructor() {
    super();
    this.status = 'pending';
    this.problems = [];
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTitle(`Moderation: ${statusNames[this.status].toLowerCase()}`);
    this.#load();
  }

  async #load() {
    try {
      this.items = (await this.api.moderation(this.status)).items;
    } catch (error) {
      this.problems = [apiProblem(error)];
      setTitle('Moderation', { error: true });
    }
  }

  async #decide(item: Suggestion, decision: 'approve' | 'reject', index: number) {
    const field = this.querySelector<HTMLInputElement>(`#label-${index}`);
    const label = field?.value.trim() ?? '';
    if (label.length > labelLimit) {
      this.problems = [{ field: `label-${index}`, message: `Label must be ${labelLimit} characters or fewer` }];
      await focusAfterRender(this, '.error-summary');
      return;
    }
    try {
      await this.api.decide(item.id, decision, decision === 'approve' && label && label !== item.text ? label : undefined);
      this.problems = [];
      this.items = this.items?.filter((each) => each.id !== item.id);
      this.announcement = decision === 'approve' ? `Approved “${label || item.text}”.` : `Rejected “${item.text}”.`;
      // Focus would otherwise be lost with the row: the next row's label field, or the heading.
      await this.updateComplete;
      (
        this.querySelector<HTMLElement>(`#label-${index}`) ??
        this.querySelector<HTMLElement>(`#label-${index - 1}`) ??
        this.querySelector<HTMLElement>('h1')
      )?.focus();
    } catch (error) {
      this.problems = [apiProblem(error, { label: `label-${index}` })];
      await focusAfterRender(this, '.error-summary');
    }
  }

  protected override render() {
    const { items } = this;
    const canModerate = this.may('admin', 'moderator');
    return html`${errorSummary(this.problems)}
      <h1 class="heading-l" tabindex="-1">Moderation</h1>
      <p>Ideas residents suggested in pairwise widgets. Nobody sees a suggestion until it is approved.</p>
      <nav class="sub-navigation" aria-label="Suggestions by status">
        <ul>
          ${moderationStatuses.map(
            (status) =>
              html`<li>
                <a href="#/moderation?status=${status}" aria-current=${status === this.status ? 'page' : nothing}
                  >${statusNames[status]}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <h2 class="heading-m">${statusNames[this.status]}</h2>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${items === undefined && !this.problems.length ? html`<p>Loading…</p>` : nothing}
      ${items && !items.length ? html`<p>No ${statusNames[this.status].toLowerCase()} suggestions.</p>` : nothing}
      ${
        items?.length
          ? html`<ul class="suggestions">
              ${items.map(
                (item, index) =>
                  html`<li class="suggestion">
                    <p class="suggestion__text">${item.label ?? item.text}</p>
                    ${item.label && item.label !== item.text ? html`<p class="hint">Suggested as: ${item.text}</p>` : nothing}
                    <p class="hint">
                      For <a href=${widgetHash(item.widgetId)}>${item.widgetId}</a>, suggested ${formatDateTime(item.submittedAt)}
                    </p>
                    ${
                      this.status === 'pending' && canModerate
                        ? html`<div class="form-group">
                              <label class="label" for="label-${index}">
                                Label if approved <span class="visually-hidden">for “${item.text}”</span> (optional)
                              </label>
                              <div class="hint" id="label-${index}-hint">
                                Correct spelling or make it clearer. Leave it as it is to use the resident’s words.
                              </div>
                              <input
                                class="input"
                                id="label-${index}"
                                maxlength=${labelLimit}
                                aria-describedby="label-${index}-hint"
                                .value=${item.text}
                              />
                            </div>
                            <div class="button-group">
                              <button class="button" type="button" @click=${() => this.#decide(item, 'approve', index)}>
                                Approve<span class="visually-hidden"> “${item.text}”</span>
                              </button>
                              <button
                                class="button button--warning"
                                type="button"
                                @click=${() => this.#decide(item, 'reject', index)}
                              >
                                Reject<span class="visually-hidden"> “${item.text}”</span>
                              </button>
                            </div>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }
}
