import { html, nothing } from 'lit';

export interface Problem {
  message: string;
  /** The id, in the widget's shadow root, of the field the problem is about. */
  field: string;
}

/**
 * The GOV.UK error summary: a titled box listing each problem as a link to its field. The widget
 * moves focus to it (`.summary`) when a submission fails validation.
 */
export function errorSummary(title: string, problems: Problem[], root: ShadowRoot | HTMLElement) {
  if (!problems.length) return nothing;
  const focus = (event: Event, field: string) => {
    event.preventDefault();
    (root as ShadowRoot).getElementById?.(field)?.focus();
  };
  return html`<div class="summary" part="error-summary" role="group" aria-labelledby="summary-title" tabindex="-1">
    <p class="error" id="summary-title">${title}</p>
    <ul>
      ${problems.map((problem) => html`<li><a href="#${problem.field}" @click=${(event: Event) => focus(event, problem.field)}>${problem.message}</a></li>`)}
    </ul>
  </div>`;
}

/**
 * A result's bar: `share` (0 to 1) of the cell's width, drawn by the widget's styles (`.bar`, `--share`).
 * Hidden from assistive technology: the number beside it says the same.
 */
export const bar = (share: number) =>
  html`<span class="bar" part="bar" aria-hidden="true" .style=${`--share:${Math.min(Math.max(share, 0), 1) * 100}%`}></span>`;
