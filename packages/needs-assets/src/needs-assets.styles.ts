import { css } from 'lit';

export const needsAssetsStyles = css`
  h2 {
    margin: 0 0 var(--_s);
    font-size: var(--delib-question-size, 1.25em);
    font-weight: var(--delib-question-weight, 700);
  }
  h3 {
    margin: var(--_m) 0 var(--_s);
    font-size: 1.1em;
  }
  legend {
    margin-bottom: 0;
    font-size: inherit;
  }
  .caption {
    display: block;
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 400;
  }
  a {
    color: var(--_accent);
  }
  /* GOV.UK's back link: a small underlined link with a chevron, above the step. */
  button.back {
    margin: 0 0 var(--_m);
    padding: 0 0 0 0.9em;
    min-height: 1.5rem;
    font-weight: 400;
    color: inherit;
    background: none;
    box-shadow: none;
    text-decoration: underline;
    position: relative;
  }
  button.back::before {
    content: '';
    position: absolute;
    left: 0.1em;
    top: 50%;
    width: 0.4em;
    height: 0.4em;
    border: solid currentColor;
    border-width: 0 0 2px 2px;
    transform: translateY(-50%) rotate(45deg);
  }
  .option {
    margin-bottom: 0.25rem;
  }
  /* A category's hint, under its label rather than inside it: it describes the box, it is not its name. */
  .indent {
    margin: -0.25rem 0 0.25rem calc(var(--_control) + var(--_s));
  }
  /* What a ticked box reveals sits under it, marked by a rule, as GOV.UK's conditional reveal does. */
  .reveal {
    margin: 0 0 var(--_s) calc(var(--_control) / 2 - 2px);
    padding-left: calc(var(--_control) / 2 + var(--_s));
    border-left: 4px solid var(--_track);
  }
  .reveal label,
  .field label {
    display: block;
    font-weight: 700;
    margin: var(--_s) 0 0.25rem;
  }
  .reveal.invalid,
  .field.invalid {
    border-left: 4px solid var(--_error);
    padding-left: var(--_m);
  }
  .reveal.invalid textarea,
  .field.invalid input {
    border-color: var(--_error);
  }
  .field {
    margin-bottom: var(--_m);
  }
  .field input {
    max-width: 20em;
    min-height: 2.75rem;
  }
  input[type='email'],
  input[type='tel'] {
    font: inherit;
    color: inherit;
    background: var(--delib-color-input, #fff);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4em;
    width: 100%;
  }
  .or {
    margin: var(--_s) 0;
  }
  /* GOV.UK's summary list: a row per question with its answer and a change link. */
  .summary-list {
    margin: 0 0 var(--_m);
  }
  .summary-list > div {
    display: grid;
    grid-template-columns: 1fr;
    padding: var(--_s) 0;
    border-bottom: 1px solid var(--_track);
  }
  @media (min-width: 40em) {
    .summary-list > div {
      grid-template-columns: 30% 1fr auto;
      gap: var(--_m);
    }
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  dd ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .detail {
    display: block;
    color: var(--_muted);
  }
  .panel {
    padding: var(--_m);
    border: 4px solid var(--_success);
  }
  .panel h2 {
    font-size: 1.5em;
  }
`;
