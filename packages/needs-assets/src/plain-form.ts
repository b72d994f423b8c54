import { defaultCategories, other, type Side } from './categories.js';
import type { NeedsAssetsMessages } from './messages.js';
import englishMessages from './messages.en.js';
import cy from './messages.cy.js';
import gd from './messages.gd.js';

/** One side of the plain form: its question, hint, default categories and the "Something else" box. */
export interface PlainFormSide {
  title: string;
  hint: string;
  categories: { value: string; label: string; hint?: string }[];
  /** The value of "Something else", and the label of the box that says what it is. */
  other: { value: string; label: string; detail: string };
}

/** What the plain form says, in one language: everything a page needs to write it (CONTRACT.md section 10). */
export interface PlainFormWords {
  needs: PlainFormSide;
  assets: PlainFormSide;
  area: { label: string; hint: string };
  contact: { title: string; hint: string; consent: string; name: string; email: string; phone: string };
  send: string;
  /** The thank-you line the endpoint's redirect shows. */
  submitted: string;
}

const catalogues: Record<'en' | 'cy' | 'gd', Partial<NeedsAssetsMessages>> = { en: {}, cy, gd };

/**
 * The words of the needs-and-assets form without its script, in English, Welsh or Scottish Gaelic, from
 * the widget's own catalogues (so the snippet builder's form and the enhanced widget say the same): its
 * default categories, "Something else" on each side, the area and the contact details.
 */
export function plainFormWords(language: 'en' | 'cy' | 'gd'): PlainFormWords {
  const own = catalogues[language];
  const say = (key: keyof NeedsAssetsMessages): string => {
    const message = own[key] ?? (englishMessages as Partial<NeedsAssetsMessages>)[key];
    // Only plain strings are asked for here; a plural form would be a mistake in this list.
    if (typeof message !== 'string') throw new Error(`${key} is not a plain message`);
    return message;
  };
  const side = (name: Side): PlainFormSide => ({
    title: say(name === 'needs' ? 'needsTitle' : 'assetsTitle'),
    hint: say(name === 'needs' ? 'needsHint' : 'assetsHint'),
    categories: defaultCategories[name].map((value) => {
      const hint =
        (own as Record<string, unknown>)[`hint.${value}`] ?? (englishMessages as Record<string, unknown>)[`hint.${value}`];
      return {
        value,
        label: say(`category.${value}` as keyof NeedsAssetsMessages),
        ...(typeof hint === 'string' ? { hint } : {}),
      };
    }),
    other: { value: other, label: say('somethingElse'), detail: say(name === 'needs' ? 'otherNeed' : 'otherAsset') },
  });
  return {
    needs: side('needs'),
    assets: side('assets'),
    area: { label: say('areaLabel'), hint: say('areaHint') },
    contact: {
      title: say('contactTitle'),
      hint: say('contactHint'),
      consent: say('consent'),
      name: say('name'),
      email: say('email'),
      phone: say('phone'),
    },
    send: say('send'),
    submitted: say('submitted'),
  };
}
