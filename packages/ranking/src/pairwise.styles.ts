import { css } from 'lit';

export const pairwiseStyles = css`
  .progress {
    display: grid;
    gap: 0.25rem;
    margin-bottom: var(--_m);
  }
  progress {
    width: 100%;
    max-width: 30em;
    height: 0.75rem;
    accent-color: var(--_accent);
  }
  .choices {
    display: grid;
    grid-template-columns: 1fr auto 1fr;
    gap: var(--_s);
    align-items: start;
  }
  /* Side by side reads as "this or that"; on narrow screens one above the other keeps labels whole. */
  @media (max-width: 30rem) {
    .choices {
      grid-template-columns: 1fr;
    }
  }
  .or {
    align-self: center;
    color: var(--_muted);
  }
  button.choice {
    width: 100%;
    min-height: var(--delib-pairwise-choice-min-height, 5rem);
    margin-top: 0;
    font-size: 1.1em;
    overflow-wrap: anywhere;
  }
  .side .hint {
    margin-top: 0.25rem;
  }
  .keys {
    margin-top: var(--_s);
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s);
  }
  .actions button {
    margin-top: 0;
  }
  .suggestion {
    margin-top: var(--_m);
  }
  .suggestion label {
    display: block;
    font-weight: 700;
  }
  .suggest-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s);
    align-items: center;
  }
  .suggest-row input {
    flex: 1 1 16em;
  }
  .suggest-row button {
    margin-top: 0;
  }
  .suggestion.invalid input {
    border-color: var(--_error);
  }
  .question {
    font-weight: var(--delib-question-weight, 700);
    font-size: var(--delib-question-size, 1.25em);
  }
  @media (forced-colors: active) {
    progress {
      border: 1px solid CanvasText;
    }
  }
`;
