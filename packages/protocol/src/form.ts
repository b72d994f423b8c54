import { limits } from './limits.js';
import type { Answer, NeedsAssetsEntry, WidgetKind } from './types.js';

/**
 * The plain HTML form a widget may hold for people whose browser never runs its script (CONTRACT.md
 * section 10), read as the wire protocol's answer. Field names: hidden `widget`, `widgetId`, `locale`
 * (and optionally `return`, the page to come back to, and `errors` = `page`: see `refusalParams`); poll `choices` (repeated) and `other`; ranking
 * `rank.<value>` (1 = most important, blank = not ranked); budget `allocation.<value>` (blank = none);
 * needs-and-assets `needs` and `assets` (repeated), `detail.<category>` (or `detail.needs.<category>` and
 * `detail.assets.<category>`, when both sides ask about one category), `area`, `consent` (`yes`),
 * `contact.name`, `contact.email`, `contact.phone`. A pairwise comparison needs the script; its page
 * offers a poll instead.
 */
export const formFields = {
  widget: 'widget',
  widgetId: 'widgetId',
  locale: 'locale',
  return: 'return',
  errors: 'errors',
  choices: 'choices',
  other: 'other',
  rank: 'rank.',
  allocation: 'allocation.',
  needs: 'needs',
  assets: 'assets',
  detail: 'detail.',
  area: 'area',
  consent: 'consent',
  contact: 'contact.',
} as const;

/** Most fields one form may post: every item of the largest answer, with a detail each, and the rest. */
export const formFieldLimit = 2 * limits.items + 20;

/** A form that cannot be read as an answer: what is wrong, and the field to point at. */
export class FormProblem extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const kinds: readonly WidgetKind[] = ['poll', 'ranking', 'pairwise', 'budget', 'needs-assets'];

/**
 * Reads a posted form (its fields in order, as `URLSearchParams` gives them) as the widget's kind, id,
 * locale and answer. Throws a `FormProblem` for a form no widget could have posted; the answer itself is
 * then checked as any envelope is (`answerProblem`, the schema).
 */
export function readForm(fields: Iterable<[string, string]>): {
  widget: WidgetKind;
  widgetId: string;
  locale: string;
  answer: Answer;
} {
  const all: [string, string][] = [];
  for (const entry of fields) {
    all.push(entry);
    if (all.length > formFieldLimit) throw new FormProblem(`The form has more than ${formFieldLimit} fields.`, 'answer');
  }
  const one = (name: string) => all.find(([key]) => key === name)?.[1];
  const every = (name: string) => all.filter(([key]) => key === name).map(([, value]) => value);
  const prefixed = (prefix: string) =>
    all
      .filter(([key]) => key.startsWith(prefix) && key.length > prefix.length)
      .map(([key, value]) => [key.slice(prefix.length), value.trim()] as const);

  const widget = one(formFields.widget) as WidgetKind | undefined;
  if (!widget || !kinds.includes(widget))
    throw new FormProblem('The form has no widget field naming a kind of widget.', 'widget');
  const widgetId = one(formFields.widgetId);
  if (!widgetId) throw new FormProblem('The form has no widgetId field.', 'widgetId');
  const locale = one(formFields.locale)?.trim() || 'en';

  return { widget, widgetId, locale, answer: answerOf(widget, { one, every, prefixed }) };
}

interface Reader {
  one(name: string): string | undefined;
  every(name: string): string[];
  prefixed(prefix: string): (readonly [string, string])[];
}

function answerOf(widget: WidgetKind, { one, every, prefixed }: Reader): Answer {
  switch (widget) {
    case 'poll': {
      const other = one(formFields.other)?.trim();
      return { choices: every(formFields.choices), ...(other ? { other } : {}) };
    }
    case 'ranking': {
      const ranked = prefixed(formFields.rank)
        .filter(([, rank]) => rank !== '')
        .map(([value, rank]) => {
          if (!/^\d{1,4}$/.test(rank) || Number(rank) < 1)
            throw new FormProblem(
              `The number for "${value}" must be a whole number from 1 (most important).`,
              `${formFields.rank}${value}`,
            );
          return { value, rank: Number(rank) };
        });
      ranked.sort((a, b) => a.rank - b.rank);
      const tie = ranked.find((entry, index) => index > 0 && ranked[index - 1].rank === entry.rank);
      if (tie)
        throw new FormProblem(
          `Two items have the number ${tie.rank}: give each a different number.`,
          `${formFields.rank}${tie.value}`,
        );
      return { order: ranked.map(({ value }) => value) };
    }
    case 'budget': {
      const allocation: Record<string, number> = {};
      for (const [value, amount] of prefixed(formFields.allocation)) {
        if (amount === '') continue;
        if (!/^\d{1,15}$/.test(amount))
          throw new FormProblem(`The amount for "${value}" must be a whole number.`, `${formFields.allocation}${value}`);
        allocation[value] = Number(amount);
      }
      return { allocation };
    }
    case 'needs-assets': {
      const details = new Map(prefixed(formFields.detail));
      const entries = (name: string): NeedsAssetsEntry[] =>
        every(name).map((category) => {
          // A detail named for its side (`detail.needs.other`) first: a page may ask "Something else" on both.
          const detail = details.get(`${name}.${category}`) || details.get(category);
          return detail ? { category, detail } : { category };
        });
      const area = one(formFields.area)?.trim();
      const contact = Object.fromEntries(
        prefixed(formFields.contact).filter(([key, value]) => ['name', 'email', 'phone'].includes(key) && value),
      );
      return {
        needs: entries(formFields.needs),
        assets: entries(formFields.assets),
        ...(area ? { area } : {}),
        // Contact details only with the person's explicit yes, whatever else the form held.
        ...(one(formFields.consent) === 'yes' ? { contact: contact as { name: string; email?: string; phone?: string } } : {}),
      };
    }
    case 'pairwise':
      throw new FormProblem('A pairwise comparison needs JavaScript: its page offers a poll to people without it.', 'widget');
  }
}
