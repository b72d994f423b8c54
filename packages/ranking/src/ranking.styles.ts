import { css } from 'lit';

export const rankingStyles = css`
  :host {
    --_item-bg: var(--delib-ranking-item-background, var(--delib-color-input, #fff));
    --_gap: var(--delib-ranking-gap, 0.5rem);
  }
  .hint p {
    margin: 0 0 var(--_s);
  }
  .heading {
    font-weight: 700;
    margin: var(--_m) 0 var(--_s);
  }
  .zone {
    border-radius: var(--_radius);
  }
  /* An empty list keeps the size of an item, so that there is somewhere to drop one. */
  .empty {
    display: flex;
    align-items: center;
    box-sizing: border-box;
    min-height: calc(3rem + 2px);
    margin: 0;
    padding: 0.25rem var(--_s);
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .zone.drop-into {
    outline: 3px dashed var(--_accent);
    outline-offset: 4px;
  }
  ol[part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  li[part='item'] {
    position: relative;
    display: flex;
    /* On a narrow screen the buttons go below the label rather than squeezing it. */
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem var(--_s);
    padding: 0.25rem var(--_s) 0.25rem 0;
    color: var(--_text);
    background: var(--_item-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* The whole item can be grabbed with a mouse or pen. */
    cursor: grab;
  }
  li.not-ranked {
    border-style: dashed;
  }
  li.not-ranked .position {
    color: var(--_muted);
  }
  li.grabbed {
    border-color: var(--_accent);
    box-shadow:
      0 0 0 2px var(--_accent),
      0 0.25rem 0.75rem rgb(0 0 0 / 0.25);
  }
  .grip {
    flex: none;
    align-self: stretch;
    display: flex;
    align-items: center;
    justify-content: center;
    width: 2rem;
    min-height: 2.5rem;
    color: var(--_muted);
    /* Only here does a touch start a drag; elsewhere it scrolls the page. */
    touch-action: none;
  }
  .grip::before {
    content: '';
    width: 10px;
    height: 16px;
    background-image: radial-gradient(circle, currentColor 1.5px, transparent 2px);
    background-size: 5px 5.33px;
  }
  .position {
    flex: none;
    min-width: 1.75em;
    font-weight: 700;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .label {
    flex: 1 1 6rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .label small {
    display: block;
    color: var(--_muted);
  }
  .moves {
    flex: none;
    display: flex;
    margin-inline-start: auto;
    gap: 0.25rem;
  }
  .moves button {
    margin: 0;
    padding: 0.25em 0.6em;
    min-width: 2.75rem;
    cursor: pointer;
  }
  .dragging,
  .dragging * {
    user-select: none;
    -webkit-user-select: none;
    cursor: grabbing;
  }
  li.lifted {
    z-index: 1;
    box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.3);
  }
  li.drop-before::before,
  li.drop-after::after {
    content: '';
    position: absolute;
    left: 0;
    right: 0;
    height: 4px;
    border-radius: 2px;
    background: var(--_accent);
  }
  li.drop-before::before {
    top: calc(var(--_gap) / -2 - 3px);
  }
  li.drop-after::after {
    bottom: calc(var(--_gap) / -2 - 3px);
  }
  th.number {
    text-align: end;
  }
  .question {
    font-weight: var(--delib-question-weight, 700);
    font-size: var(--delib-question-size, 1.25em);
  }
  .your-ranking {
    margin: 0 0 var(--_s);
  }
  @media (prefers-reduced-motion: no-preference) {
    li[part='item'] {
      transition: box-shadow 0.15s ease-out;
    }
  }
  @media (forced-colors: active) {
    li.drop-before::before,
    li.drop-after::after {
      background: Highlight;
    }
    li.grabbed {
      border-color: Highlight;
      outline: 2px solid Highlight;
    }
    .zone.drop-into {
      outline-color: Highlight;
    }
  }
`;
