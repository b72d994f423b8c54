import { css } from 'lit';

export const budgetStyles = css`
  :host {
    --_dot: var(--delib-budget-dot-size, 0.875rem);
    --_c0: var(--delib-budget-color-1, var(--_accent));
    --_c1: var(--delib-budget-color-2, #f47738);
    --_c2: var(--delib-budget-color-3, #00703c);
    --_c3: var(--delib-budget-color-4, #912b88);
    --_c4: var(--delib-budget-color-5, #85994b);
    --_c5: var(--delib-budget-color-6, #d53880);
  }
  .items {
    display: grid;
    gap: var(--delib-budget-gap, 0.75rem);
  }
  .item label {
    display: flex;
    align-items: center;
    gap: var(--_s);
    font-weight: 700;
  }
  .item .hint,
  .item .error {
    margin: 0 0 0.25rem;
  }
  .item.invalid {
    border-left: 4px solid var(--_error);
    padding-left: var(--_m);
  }
  .amount {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    margin-top: 0.25rem;
  }
  .amount input {
    font: inherit;
    color: inherit;
    width: 6em;
    min-height: 2.75rem;
    padding: 0.4em;
    text-align: end;
    background: var(--delib-color-input, #fff);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .item.invalid input {
    border-color: var(--_error);
  }
  .unit {
    color: var(--_muted);
  }
  /* Square and as tall as the box: a 44px target, the size WCAG's enhanced target size asks for. */
  button.step {
    margin: 0;
    padding: 0;
    min-width: 2.75rem;
    min-height: 2.75rem;
    font-size: 1.25em;
    line-height: 1;
    color: var(--_accent);
    background: transparent;
    border: 2px solid currentColor;
    box-shadow: none;
  }
  /*
   * The signs are drawn, not written: with "/ ''" they have no text for assistive technology, whose
   * name for the button is the hidden sentence ("Add 1 point to Play areas").
   */
  .take::before {
    content: '−' / '';
  }
  .add::before {
    content: '+' / '';
  }
  .submit {
    display: block;
  }
  .remaining {
    font-weight: 700;
  }
  .remaining.over {
    color: var(--_error);
  }
  .question {
    font-weight: var(--delib-question-weight, 700);
    font-size: var(--delib-question-size, 1.25em);
  }
  .mine {
    font-weight: 700;
  }
  .dots {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: var(--_s) 0;
  }
  .dot,
  .swatch {
    flex: none;
    display: inline-block;
    width: var(--_dot);
    height: var(--_dot);
    border-radius: 50%;
    border: 2px solid transparent;
  }
  .dot.free {
    border-color: var(--_border);
  }
  .dot.overspent {
    border: 2px dashed var(--_error);
    background: transparent;
  }
  .c0 {
    background: var(--_c0);
  }
  .c1 {
    background: var(--_c1);
  }
  .c2 {
    background: var(--_c2);
  }
  .c3 {
    background: var(--_c3);
  }
  .c4 {
    background: var(--_c4);
  }
  .c5 {
    background: var(--_c5);
  }
  @media (prefers-reduced-motion: no-preference) {
    .dot {
      transition: background-color 0.2s ease-out;
    }
  }
  @media (forced-colors: active) {
    /* System colours replace the palette: given dots are filled, free ones outlined, overspent ones dashed. */
    .dot,
    .swatch {
      forced-color-adjust: none;
      background: CanvasText;
      border-color: CanvasText;
    }
    .dot.free {
      background: Canvas;
    }
    .dot.overspent {
      background: Canvas;
      border-color: Mark;
    }
    .amount input {
      border-color: FieldText;
    }
    button.step {
      border-color: ButtonText;
      color: ButtonText;
    }
  }
`;
