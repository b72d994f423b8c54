/*
 * The ids and query parameters by which the endpoint's answer to a plain form (CONTRACT.md section 10)
 * comes back to the page. Apart from the form reader (`form.ts`), so that a widget's script, which needs
 * only these, does not carry the reader.
 */

/** A widget's id as part of an element's id: anything but letters, digits, `_` and `-` as `-`. */
const idPart = (widgetId: string) => widgetId.replace(/[^A-Za-z0-9_-]+/g, '-');

/**
 * The id of a plain form's thank-you line, which the endpoint's redirect names as its fragment
 * (`#delib-thanks-parks-2026`): the widget's id with anything but letters, digits, `_` and `-` as `-`.
 */
export const thanksId = (widgetId: string) => `delib-thanks-${idPart(widgetId)}`;

/**
 * A refused plain form's way back to the page, when the form asks for it (a hidden `errors` field with
 * the value `page`): the endpoint answers `303` to the page with `?delib-refused=<widgetId>&delib-reason=<code>`
 * (the error's code: `invalid`, `closed`, …) and the fragment `refusedId(widgetId)`. The widget, once its
 * script runs, shows the GOV.UK error summary; without it, the page's line with that id is shown.
 */
export const refusalParams = { widget: 'delib-refused', reason: 'delib-reason' } as const;

/** The id of a plain form's "not sent" line, which a refusal's redirect names as its fragment. */
export const refusedId = (widgetId: string) => `delib-refused-${idPart(widgetId)}`;

const refusalPattern = /(^|&)delib-(refused|reason)=[^&]*/g;

/**
 * A query string (`?…`, or empty) without the refusal's parameters, the rest left exactly as written:
 * a page that routes by its query (`index.php?/consult&a=b%20c`) stays the same page.
 */
export function withoutRefusal(search: string): string {
  const rest = search.replace(/^\?/, '').replace(refusalPattern, '').replace(/^&/, '');
  return rest ? `?${rest}` : '';
}

/** A query string with the refusal's parameters added at its end, the rest as written. */
export function withRefusal(search: string, widgetId: string, reason: string): string {
  const rest = withoutRefusal(search);
  const added = `${refusalParams.widget}=${encodeURIComponent(widgetId)}&${refusalParams.reason}=${encodeURIComponent(reason)}`;
  return rest ? `${rest}&${added}` : `?${added}`;
}
