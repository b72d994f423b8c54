import { html, nothing } from 'lit';
import { isRecord } from './fetch.js';

/** The most characters of an outcome shown: a council's "you said, we did" is a few paragraphs. */
export const outcomeLength = 10_000;

// eslint-disable-next-line no-control-regex -- control characters (but line breaks and tabs) are exactly what is removed
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A results body's `outcome` in one language: its text (cleaned and bounded) and when it was published. */
export interface ShownOutcome {
  text: string;
  publishedAt?: Date;
}

/**
 * The outcome a results body carries (CONTRACT.md §4), in `lang` or else English; undefined when
 * there is none or it is not the contract's shape. Control characters other than line breaks and
 * tabs are removed, and the text is cut to `outcomeLength`.
 */
export function pickOutcome(results: unknown, lang: string): ShownOutcome | undefined {
  const outcome = isRecord(results) ? results.outcome : undefined;
  const texts = isRecord(outcome) ? outcome.text : undefined;
  if (!isRecord(texts)) return undefined;
  const own = texts[lang];
  const chosen = typeof own === 'string' && own.trim() ? own : texts.en;
  if (typeof chosen !== 'string') return undefined;
  const text = chosen.replace(/\r\n?/g, '\n').replace(controls, '').slice(0, outcomeLength).trim();
  if (!text) return undefined;
  const published = (outcome as Record<string, unknown>).publishedAt;
  const at = typeof published === 'string' ? Date.parse(published) : NaN;
  return { text, publishedAt: Number.isNaN(at) ? undefined : new Date(at) };
}

/** An http(s) address in running text; what ends a sentence after it is not part of it. */
const address = /\bhttps?:\/\/[^\s<>"']+/gi;
const trailing = /[.,;:!?)\]}]+$/;

/**
 * A paragraph's text with each http(s) address as a link and everything else as text: Lit's
 * bindings set text and attribute values, never markup, so nothing in the text can become an element.
 */
function linked(paragraph: string) {
  const parts: unknown[] = [];
  let last = 0;
  for (const match of paragraph.matchAll(address)) {
    let url = match[0];
    // A closing bracket belongs to the address only when the address opened one ("…/Wiki_(park)").
    const cut = url.match(trailing)?.[0] ?? '';
    let keep = url.length - cut.length;
    for (const char of cut) {
      if (char === ')' && url.slice(0, keep).split('(').length > url.slice(0, keep).split(')').length) keep++;
      else break;
    }
    url = url.slice(0, keep);
    let href: string | undefined;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') href = parsed.href;
    } catch {
      href = undefined;
    }
    if (!href) continue;
    parts.push(paragraph.slice(last, match.index), html`<a href=${href}>${url}</a>`);
    last = match.index! + url.length;
  }
  parts.push(paragraph.slice(last));
  return parts;
}

/**
 * "What we did with your answers": the heading, the text in paragraphs (split at blank lines; a single
 * line break stays a line break) with http(s) addresses as links, and the date it was published.
 */
export function renderOutcome(outcome: ShownOutcome | undefined, heading: string, published?: string) {
  if (!outcome) return nothing;
  const paragraphs = outcome.text.split(/\n[ \t]*\n\s*/);
  return html`<section class="outcome" part="outcome" aria-labelledby="outcome-heading">
    <h3 id="outcome-heading">${heading}</h3>
    ${paragraphs.map((paragraph) => html`<p>${linked(paragraph)}</p>`)}
    ${published ? html`<p class="note">${published}</p>` : nothing}
  </section>`;
}
