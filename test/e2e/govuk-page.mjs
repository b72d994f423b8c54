/**
 * A page that sets delib's GOV.UK theme beside real GOV.UK Frontend (the `govuk-frontend` package's own
 * stylesheet and markup, as its Design System pages give it): the same question as GOV.UK radios and as
 * a `<delib-poll>`, the same as checkboxes, the same error. `govuk.test.mjs` compares them in the
 * browser; `docs/govuk.mjs` photographs them for `docs/govuk.md`.
 *
 * `serveComparison()` serves it with the built `dist/` and GOV.UK Frontend's `dist/`; resolves to
 * `{ url, close }`. Run `npm run build` first.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from './static-server.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const govukFrontend = join(createRequire(import.meta.url).resolve('govuk-frontend/package.json'), '..', 'dist');

export const question = 'Which day should the library stay open late?';
export const days = [
  ['tuesday', 'Tuesday', ''],
  ['wednesday', 'Wednesday', 'Market day in the town centre'],
  ['thursday', 'Thursday', ''],
];
export const errorMessage = 'Select an option';

/** GOV.UK Frontend's radios or checkboxes, as the Design System writes them. `chosen`: the value ticked. */
function govukChoices(kind, name, { chosen, error } = {}) {
  const items = days
    .map(
      ([value, label, description], index) => `
        <div class="govuk-${kind}__item">
          <input class="govuk-${kind}__input" id="${name}-${index}" name="${name}" type="${kind === 'radios' ? 'radio' : 'checkbox'}" value="${value}"${value === chosen ? ' checked' : ''}${description ? ` aria-describedby="${name}-${index}-hint"` : ''}>
          <label class="govuk-label govuk-${kind}__label" for="${name}-${index}">${label}</label>
          ${description ? `<div id="${name}-${index}-hint" class="govuk-hint govuk-${kind}__hint">${description}</div>` : ''}
        </div>`,
    )
    .join('');
  const describedBy = [kind === 'checkboxes' && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ');
  return `
      ${error ? `<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#${name}-0">${errorMessage}</a></li></ul></div></div></div>` : ''}
      <div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
        <fieldset class="govuk-fieldset"${describedBy ? ` aria-describedby="${describedBy}"` : ''}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${question}</legend>
          ${kind === 'radios' ? '' : `<div id="${name}-hint" class="govuk-hint">Select all that apply.</div>`}
          ${error ? `<p id="${name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${errorMessage}</p>` : ''}
          <div class="govuk-${kind}" data-module="govuk-${kind}">${items}</div>
        </fieldset>
      </div>
      <button type="button" class="govuk-button" data-module="govuk-button">Vote</button>`;
}

/** The same question as a poll. */
function poll(id, { multiple = false } = {}) {
  const options = days
    .map(
      ([value, label, description]) =>
        `<option value="${value}"${description ? ` data-description="${description}"` : ''}>${label}</option>`,
    )
    .join('');
  return `<delib-poll widget-id="${id}" endpoint="/api" remember="none" question="${question}"${multiple ? ' multiple' : ''}>${options}</delib-poll>`;
}

function pair(title, govuk, delib) {
  return `
    <section class="pair" aria-labelledby="${title}-heading">
      <h2 class="govuk-heading-m" id="${title}-heading">${title[0].toUpperCase()}${title.slice(1)}</h2>
      <div class="sides">
        <div class="side" data-side="govuk"><p class="govuk-caption-m">GOV.UK Frontend</p><form novalidate>${govuk}</form></div>
        <div class="side" data-side="delib"><p class="govuk-caption-m">delib, GOV.UK theme</p>${delib}</div>
      </div>
    </section>`;
}

export const comparisonHtml = `<!doctype html>
<html lang="en-GB" class="govuk-template govuk-template--rebranded">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>delib's GOV.UK theme beside GOV.UK Frontend</title>
  <link rel="stylesheet" href="/govuk/govuk-frontend.min.css">
  <link rel="stylesheet" href="/themes/govuk.css">
  <link rel="stylesheet" href="/compare.css">
  <script type="module" src="/delib-poll.min.js"></script>
</head>
<body class="govuk-template__body govuk-frontend-supported">
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper" id="main-content">
      <h1 class="govuk-heading-l">delib's GOV.UK theme beside GOV.UK Frontend</h1>
      ${pair('radios', govukChoices('radios', 'day', { chosen: 'wednesday' }), poll('compare-radios'))}
      ${pair('checkboxes', govukChoices('checkboxes', 'days', { chosen: 'wednesday' }), poll('compare-checkboxes', { multiple: true }))}
      ${pair('error', govukChoices('radios', 'late', { error: true }), poll('compare-error'))}
    </main>
  </div>
</body>
</html>
`;

const comparisonCss = `
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 30px; margin-bottom: 30px; }
@media (max-width: 640px) { .sides { grid-template-columns: 1fr; } }
.side { min-width: 0; }
`;

/** Serves the page at `/compare.html`, with `dist/` and GOV.UK Frontend's files (at `/govuk/`). */
export async function serveComparison() {
  const folder = mkdtempSync(join(tmpdir(), 'delib-govuk-'));
  writeFileSync(join(folder, 'compare.html'), comparisonHtml);
  writeFileSync(join(folder, 'compare.css'), comparisonCss);
  // GOV.UK Frontend's stylesheet without its @font-face rules: GDS Transport is only for GOV.UK services,
  // so both sides are drawn in the Arial a council site would use.
  mkdirSync(join(folder, 'govuk'));
  const stylesheet = readFileSync(join(govukFrontend, 'govuk', 'govuk-frontend.min.css'), 'utf8');
  writeFileSync(join(folder, 'govuk', 'govuk-frontend.min.css'), stylesheet.replace(/@font-face\{[^}]*\}/g, ''));
  const served = await serve([folder, join(repo, 'dist'), govukFrontend], (request, response) => {
    // The poll's results and votes: nothing counted yet, and no vote is sent (the page never submits one).
    if (!request.url.startsWith('/api/')) return false;
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end('{"error":{"code":"not_found","message":"No responses yet."}}');
    return true;
  });
  return {
    url: new URL('/compare.html', served.url).href,
    close: async () => {
      await served.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Puts the poll in the states the GOV.UK side shows: Wednesday chosen in the first two, and the third
 * sent empty so that it shows its error. Runs in the page.
 */
export async function matchStates(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('delib-poll')].every((poll) => poll.shadowRoot?.querySelector('input')),
  );
  await page.evaluate(async () => {
    const [radios, checkboxes, error] = document.querySelectorAll('delib-poll');
    for (const poll of [radios, checkboxes]) poll.shadowRoot.querySelector('input[value=wednesday]').click();
    error.shadowRoot.querySelector('[part~=submit]').click();
    await Promise.all([...document.querySelectorAll('delib-poll')].map((poll) => poll.updateComplete));
    document.activeElement?.blur?.();
    error.shadowRoot.activeElement?.blur?.();
  });
}
