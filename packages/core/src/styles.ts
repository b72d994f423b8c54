import { css } from 'lit';

/**
 * Styles every widget shares. Global tokens (`--delib-*`) are read here with their defaults, once;
 * a widget's own tokens default to these private `--_*` names.
 */
export const baseStyles = css`
  :host {
    --_text: var(--delib-color-text, inherit);
    --_bg: var(--delib-color-background, transparent);
    --_accent: var(--delib-color-accent, #1d70b8);
    --_on-accent: var(--delib-color-accent-text, #fff);
    --_border: var(--delib-color-border, #505a5f);
    --_muted: var(--delib-color-muted, #505a5f);
    --_error: var(--delib-color-error, #c3250f);
    --_success: var(--delib-color-success, #00703c);
    --_track: var(--delib-color-track, #dfe2e4);
    --_bar: var(--delib-color-bar, var(--_accent));
    --_s: var(--delib-space-s, 0.5rem);
    --_m: var(--delib-space-m, 1rem);
    --_radius: var(--delib-radius, 0.25rem);
    --_focus: var(--delib-focus-color, #0b0c0c);
    --_focus-width: var(--delib-focus-width, 3px);
    --_focus-offset: var(--delib-focus-offset, 2px);
    --_control: var(--delib-control-size, 1.5rem);
    display: block;
    box-sizing: border-box;
    padding: var(--delib-padding, 0);
    max-width: var(--delib-max-width, 40rem);
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--delib-font-family, inherit);
    font-size: var(--delib-font-size, inherit);
    line-height: var(--delib-line-height, 1.5);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  ::before,
  ::after {
    box-sizing: inherit;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_s);
    font-weight: var(--delib-question-weight, 700);
    font-size: var(--delib-question-size, 1.25em);
  }
  p {
    margin: 0 0 var(--_s);
  }
  .hint {
    color: var(--_muted);
  }
  .error {
    color: var(--_error);
    font-weight: 700;
  }
  label.choice {
    display: flex;
    gap: var(--_s);
    align-items: flex-start;
    padding: 0.25rem 0;
    cursor: pointer;
  }
  .choice input {
    flex: none;
    width: var(--_control);
    height: var(--_control);
    margin: 0;
    accent-color: var(--_accent);
  }
  .choice small {
    display: block;
    color: var(--_muted);
  }
  input[type='text'],
  textarea {
    font: inherit;
    color: inherit;
    background: var(--delib-color-input, #fff);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4em;
    width: 100%;
    max-width: 30em;
  }
  .invalid input[type='text'],
  .invalid.group {
    border-color: var(--_error);
  }
  .invalid.group {
    border-left: 5px solid var(--_error);
    padding-left: calc(0.75 * var(--_m));
  }
  button {
    font: inherit;
    font-weight: 700;
    min-height: 2.75rem;
    padding: 0.5em 1.25em;
    margin-top: var(--_m);
    color: var(--delib-button-text, var(--_on-accent));
    background: var(--delib-button-background, var(--_accent));
    border: 2px solid transparent;
    border-radius: var(--_radius);
    box-shadow: var(--delib-button-shadow, none);
    cursor: pointer;
  }
  button.secondary {
    color: var(--_accent);
    background: transparent;
    border-color: currentColor;
    box-shadow: none;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible,
  a:focus {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: var(--_focus-offset);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .summary {
    border: 5px solid var(--_error);
    padding: var(--_m);
    margin-bottom: var(--_m);
  }
  /* As GOV.UK's error summary: the title in the text colour, a step larger; the links in red. */
  .summary > .error {
    color: inherit;
    font-size: var(--delib-question-size, 1.25em);
  }
  .summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [role='status']:not(:empty) {
    margin-top: var(--_m);
    padding-left: var(--_m);
    border-left: 4px solid var(--_success);
  }
  .queued[role='status'],
  .refused[role='status'] {
    border-color: var(--_error);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-top: var(--_m);
  }
  caption {
    text-align: start;
    font-weight: 700;
    margin-bottom: var(--_s);
  }
  th,
  td {
    text-align: start;
    padding: var(--_s) var(--_s) var(--_s) 0;
    border-bottom: 1px solid var(--_track);
    vertical-align: top;
    font-weight: 400;
  }
  thead th {
    font-weight: 700;
  }
  .share {
    width: 35%;
  }
  td.number {
    text-align: end;
    white-space: nowrap;
  }
  .bar {
    display: block;
    height: 0.5rem;
    margin-top: 0.25rem;
    background: var(--_track);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .bar::before {
    content: '';
    display: block;
    height: 100%;
    width: var(--share);
    background: var(--_bar);
  }
  .note {
    color: var(--_muted);
    font-size: 0.9em;
    margin-top: var(--_s);
  }
  .outcome {
    margin-top: var(--_m);
  }
  .outcome h3 {
    font-size: 1.125em;
    margin: 0 0 var(--_s);
  }
  .outcome p {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bar::before {
      transition: width 0.4s ease-out;
    }
  }
  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }
    .bar::before {
      background: CanvasText;
    }
    button {
      border-color: ButtonText;
    }
  }
`;
