import { css } from 'lit';

export const pollStyles = css`
  .choices {
    display: grid;
    gap: var(--delib-poll-gap, 0.25rem);
  }
  .other {
    margin: 0.25rem 0 0 calc(var(--_control) + var(--_s));
  }
  .other label {
    display: block;
  }
  .question {
    font-weight: var(--delib-question-weight, 700);
    font-size: var(--delib-question-size, 1.25em);
  }
  .mine {
    font-weight: 700;
  }
`;
