/**
 * What every console page shares: a light-DOM Lit element (so the page's one stylesheet, `console.css`,
 * styles it and the GOV.UK patterns need no shadow-root plumbing), page titles, dates and counts in
 * plain English, and the GOV.UK error summary, tag and notification patterns.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ApiError, type Api, type Role, type Session } from './api.js';

export const serviceName = 'delib console';

/** Sets the document title; with `error`, GOV.UK's "Error: " prefix. */
export function setTitle(text: string, { error = false } = {}): void {
  document.title = `${error ? 'Error: ' : ''}${text} – ${serviceName}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});
const plurals = new Intl.PluralRules('en-GB');
const numbers = new Intl.NumberFormat('en-GB');

/** "2 December 2026", or an en dash for none. */
export const formatDate = (iso: string | null | undefined) => (iso ? dateFormat.format(new Date(iso)) : '–');
/** "2 December 2026 at 1:05pm" (GOV.UK style), UK time. */
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? `${dateFormat.format(new Date(iso))} at ${timeFormat.format(new Date(iso)).replace(/\s/g, '')}` : '–';
/** "2 Dec" for a `YYYY-MM-DD` UTC day. */
export const formatDay = (day: string) => shortDate.format(new Date(`${day}T12:00:00Z`));
export const formatNumber = (n: number) => numbers.format(n);
/** "1 response", "2,000 responses". */
export const count = (n: number, one: string, other: string) =>
  `${numbers.format(n)} ${plurals.select(n) === 'one' ? one : other}`;

export interface Problem {
  /** The id of the field it is about, which the summary links to. */
  field?: string;
  message: string;
}

/** Moves focus to an element found after the next render, e.g. the error summary. */
export async function focusAfterRender(host: LitElement, selector: string): Promise<void> {
  await host.updateComplete;
  host.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * GOV.UK error summary: a heading, then each problem as a link that moves focus to its field. The
 * links handle their own click, so the hash router never sees `#field`.
 */
export function errorSummary(problems: Problem[]): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  const jump = (event: Event, field?: string) => {
    if (!field) return;
    event.preventDefault();
    const target = document.getElementById(field);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };
  return html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      <h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>
      <ul class="error-summary__list">
        ${problems.map((problem) =>
          problem.field
            ? html`<li>
                <a href="#${problem.field}" @click=${(event: Event) => jump(event, problem.field)}>${problem.message}</a>
              </li>`
            : html`<li>${problem.message}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/** The message under a field with a problem, for `aria-describedby`. */
export function fieldError(problems: Problem[], field: string): TemplateResult | typeof nothing {
  const problem = problems.find((each) => each.field === field);
  return problem
    ? html`<p class="error-message" id="${field}-error"><span class="visually-hidden">Error:</span> ${problem.message}</p>`
    : nothing;
}

export const hasError = (problems: Problem[], field: string) => problems.some((each) => each.field === field);

/** A text input with its label, optional hint and error message: GOV.UK's text input pattern. */
export function textField(
  problems: Problem[],
  field: {
    id: string;
    name: string;
    label: string;
    type: 'email' | 'password' | 'text';
    autocomplete: string;
    maxlength: number;
    spellcheck?: 'false';
    hint?: unknown;
  },
): TemplateResult {
  const error = hasError(problems, field.id);
  const describedBy = [field.hint ? `${field.id}-hint` : '', error ? `${field.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="form-group ${error ? 'form-group--error' : ''}">
    <label class="label" for=${field.id}>${field.label}</label>
    ${field.hint ? html`<div class="hint" id="${field.id}-hint">${field.hint}</div>` : nothing} ${fieldError(problems, field.id)}
    <input
      class="input ${error ? 'input--error' : ''}"
      id=${field.id}
      name=${field.name}
      type=${field.type}
      autocomplete=${field.autocomplete}
      spellcheck=${field.spellcheck ?? nothing}
      maxlength=${field.maxlength}
      aria-describedby=${describedBy || nothing}
    />
  </div>`;
}

export const openTag = (closed: boolean) =>
  closed ? html`<strong class="tag tag--grey">Closed</strong>` : html`<strong class="tag tag--green">Open</strong>`;

/** A problem for an API failure: the server's own message, with the field when it named one of ours. */
export function apiProblem(error: unknown, fields: Record<string, string> = {}): Problem {
  if (error instanceof ApiError) {
    if (error.status === 403) return { message: 'You do not have permission to do that. Ask an administrator.' };
    return { message: error.message, field: error.field ? fields[error.field] : undefined };
  }
  return { message: 'Something went wrong. Try again.' };
}

/** A console page: light DOM, with the API client and the signed-in person. */
export class ConsolePage extends LitElement {
  static override properties = {
    api: { attribute: false },
    session: { attribute: false },
  };

  declare api: Api;
  declare session: Session;

  protected override createRenderRoot() {
    return this;
  }

  /** Whether the signed-in person's role is one of `roles`. */
  protected may(...roles: Role[]): boolean {
    return !!this.session && roles.includes(this.session.role);
  }

  /** Tells the console to go to `hash` (e.g. after an action), with a success message there. */
  protected navigate(hash: string, message?: string): void {
    this.dispatchEvent(new CustomEvent('console-navigate', { bubbles: true, detail: { hash, message } }));
  }
}
