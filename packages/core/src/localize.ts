/**
 * Localisation: message catalogues per language, plurals through `Intl.PluralRules`, and the
 * language taken from the nearest `lang` attribute, crossing shadow roots.
 */

/**
 * A message with plural forms, chosen by `Intl.PluralRules` on the value `n`. A form for one exact number,
 * as `=1` in ICU messages, wins over the number's category: Gaelic's `one` is 1 and 11, so only `=1` may
 * leave the number out ("the most important item").
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string } & { [exact: `=${number}`]: string };
export type Message = string | Plural;
export type Catalogue = Record<string, Message>;
/** Messages by language; `en` is complete, the others fall back to it key by key. */
export type Catalogues<M extends Catalogue> = { en: M } & Record<string, Partial<M>>;

export const languages = ['en', 'cy', 'gd'] as const;

/** The language named by the nearest `lang` attribute of the element or its ancestors, through shadow roots. */
export function nearestLang(element: Element): string {
  for (let node: Element | null = element; node;) {
    const found = node.closest('[lang]');
    if (found) return found.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** The shipped language to show for a BCP 47 tag: `cy-GB` → `cy`; anything unknown → `en`. */
export function supportedLanguage(tag: string, available: readonly string[] = languages): string {
  const base = tag.toLowerCase().split('-')[0];
  return available.includes(base) ? base : 'en';
}

export type Values = Record<string, string | number>;

const shared = new WeakMap<object, Map<string, Translator<Catalogue>>>();

/** A language whose messages may come as a pack, loaded when first needed: every shipped one but English. */
export type PackLanguage = Exclude<(typeof languages)[number], 'en'>;
/** Loads one language's messages for a catalogue, by dynamic `import()`. */
export type PackLoaders<M extends Catalogue> = { [Lang in PackLanguage]?: () => Promise<Partial<M>> };

const packLoaders = new WeakMap<object, PackLoaders<Catalogue>>();
/** Every catalogue with packs, for `preloadLanguage`. They are module constants, so holding them costs nothing. */
const registry = new Set<Catalogues<Catalogue>>();
const loading = new WeakMap<object, Map<string, Promise<void>>>();
const failed = new WeakMap<object, Set<string>>();

/**
 * Registers how to load a catalogue's other languages: `catalogues` holds English (which every page
 * needs), and each loader fetches one language's messages the first time a widget shows it, so a page
 * pays only for the languages it shows. Returns the same object.
 */
export function withPacks<M extends Catalogue>(catalogues: { en: M }, loaders: PackLoaders<M>): Catalogues<M> {
  packLoaders.set(catalogues, loaders as PackLoaders<Catalogue>);
  registry.add(catalogues as Catalogues<Catalogue>);
  return catalogues as Catalogues<M>;
}

/**
 * One language pack from its parts, fetched in parallel (`import()`s started by the caller, never one
 * module importing the next): each module's `default` messages merged in order, later ones winning.
 */
export async function pack<M extends Catalogue>(...modules: Promise<{ default: object }>[]): Promise<Partial<M>> {
  const loaded = await Promise.all(modules);
  return Object.assign({}, ...loaded.map((module) => module.default)) as Partial<M>;
}

/** The languages a catalogue speaks: those it holds and those it can load. */
export function catalogueLanguages(catalogues: Catalogues<Catalogue>): string[] {
  return [...new Set([...Object.keys(catalogues), ...Object.keys(packLoaders.get(catalogues) ?? {})])];
}

/**
 * What to wait for before showing `catalogues` in the language of the BCP 47 tag `tag` (`cy-GB` is
 * Welsh): `undefined`, at once, when nothing needs waiting for (English, a language without a pack, a
 * pack already installed or one that failed); else the load of the pack, started once and shared. The
 * promise never rejects: a pack that cannot be fetched is warned about on the console, and the catalogue
 * stays English in that language.
 */
export function languageReady(catalogues: Catalogues<Catalogue>, tag: string): Promise<void> | undefined {
  const lang = supportedLanguage(tag) as PackLanguage | 'en';
  if (lang === 'en' || Object.hasOwn(catalogues, lang) || failed.get(catalogues)?.has(lang)) return undefined;
  const load = packLoaders.get(catalogues)?.[lang];
  if (!load) return undefined;
  let byLang = loading.get(catalogues);
  if (!byLang) loading.set(catalogues, (byLang = new Map()));
  let ready = byLang.get(lang);
  if (!ready) {
    ready = Promise.resolve()
      .then(load)
      .then(
        (messages) => {
          catalogues[lang] = messages;
          // Translators made while the pack was on its way speak English: the next ones speak the language.
          shared.delete(catalogues);
        },
        (error: unknown) => {
          let gone = failed.get(catalogues);
          if (!gone) failed.set(catalogues, (gone = new Set()));
          gone.add(lang);
          console.warn(
            `delib: the ${lang} language pack could not be loaded, so English is shown instead: ${String(error)}`,
            error,
          );
        },
      )
      .finally(() => byLang.delete(lang));
    byLang.set(lang, ready);
  }
  return ready;
}

/**
 * Loads language `lang` (`cy`, `gd`, or a tag such as `cy-GB`) for every widget catalogue imported so
 * far, so that widgets rendered after it need not wait for their messages:
 *
 * ```js
 * import '@delib/poll/define.js';
 * import { preloadLanguage } from '@delib/core';
 * await preloadLanguage('cy');
 * ```
 *
 * Widgets load their own language by themselves when they need it; this only saves them the wait.
 * It never rejects: a pack that cannot be fetched is warned about, and those widgets show English.
 */
export async function preloadLanguage(lang: string): Promise<void> {
  await Promise.all([...registry].map((catalogues) => languageReady(catalogues, lang)));
}

/**
 * Formats messages for one language. `{name}` placeholders are replaced by values; numbers are
 * formatted for the language; a plural message picks its form by the value `n`.
 */
export class Translator<M extends Catalogue> {
  /**
   * A shared translator for widgets without overrides: a page may hold many widgets in one language,
   * and each `Intl` formatter is made once for all of them.
   */
  static for<M extends Catalogue>(catalogues: Catalogues<M>, lang: string, overrides?: Partial<M>): Translator<M> {
    if (overrides) return new Translator(catalogues, lang, overrides);
    let byLang = shared.get(catalogues);
    if (!byLang) shared.set(catalogues, (byLang = new Map()));
    let translator = byLang.get(lang);
    if (!translator) byLang.set(lang, (translator = new Translator(catalogues, lang)));
    return translator as Translator<M>;
  }

  /** The shipped language whose messages are shown: `en`, `cy` or `gd`. */
  readonly lang: string;
  /** The tag numbers and dates are formatted for: the page's own when it is a variant of `lang`. */
  readonly locale: string;
  // Made on first use: the first `Intl` object of a page loads locale data, which costs more than the
  // rest of a widget's first render, and most first renders format no number at all.
  #plurals?: Intl.PluralRules;
  #numbers?: Intl.NumberFormat;
  #percent?: Intl.NumberFormat;
  #date?: Intl.DateTimeFormat;

  constructor(
    private catalogues: Catalogues<M>,
    lang: string,
    private overrides: Partial<M> = {},
  ) {
    this.lang = supportedLanguage(lang, Object.keys(catalogues));
    // Plain `en` formats dates the British way: delib is made for UK public services first.
    let locale = this.lang === 'en' ? 'en-GB' : this.lang;
    try {
      if (lang.toLowerCase().startsWith(`${this.lang}-`)) locale = Intl.getCanonicalLocales(lang)[0];
    } catch {
      // Not a valid language tag: keep the shipped language's own formats.
    }
    this.locale = locale;
  }

  t(key: keyof M & string, values: Values = {}): string {
    // A key no catalogue has is shown as itself rather than breaking the widget.
    const message: Message = this.overrides[key] ?? this.catalogues[this.lang]?.[key] ?? this.catalogues.en[key] ?? key;
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const n = Number(values.n ?? 0);
      this.#plurals ??= new Intl.PluralRules(this.lang);
      text = message[`=${n}`] ?? message[this.#plurals.select(n)] ?? message.other;
    }
    return this.#fill(text, values);
  }

  /** `{name}` placeholders replaced by values, in one pass: a value is never read as a pattern. */
  #fill(text: string, values: Values): string {
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : typeof value === 'number' ? this.number(value) : value;
    });
  }

  number(value: number): string {
    this.#numbers ??= new Intl.NumberFormat(this.locale);
    return this.#numbers.format(value);
  }

  percent(fraction: number): string {
    this.#percent ??= new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 });
    return this.#percent.format(fraction);
  }

  /**
   * A date and time, as "31 January 2027, 23:59". Browsers without date data for the language (Chromium
   * has none for Welsh or Gaelic) get it from the catalogue's `months` and `dateTime` messages instead
   * of falling back to American English.
   */
  date(date: Date): string {
    const months = (this.catalogues[this.lang] as Catalogue | undefined)?.months;
    if (typeof months === 'string' && !Intl.DateTimeFormat.supportedLocalesOf(this.locale).length) {
      const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(date);
      const [day, month, year] = [date.getDate(), months.split(',')[date.getMonth()], date.getFullYear()];
      return this.t('dateTime' as keyof M & string, { day: String(day), month, year: String(year), time });
    }
    this.#date ??= new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short' });
    return this.#date.format(date);
  }

  /**
   * "A, B and C" in the language. Welsh and Gaelic take the pattern from their catalogue's `and` message
   * (`{start}` is every item but the last, joined by commas): Chromium has no list data for either and
   * would write English "and", and CLDR's own Welsh data, where a browser has it, writes "a(c)" with a
   * comma before it. Welsh writes "ac" before a vowel, `andBeforeVowel`. The items are a page's own labels,
   * in any language, so "a" does not mutate them (a Pharc): a native speaker should say if it must.
   */
  list(items: string[]): string {
    const own = (key: string) => {
      const message = this.overrides[key] ?? (this.catalogues[this.lang] as Catalogue | undefined)?.[key];
      return typeof message === 'string' ? message : undefined;
    };
    const and = own('and');
    if (!and) return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
    if (items.length < 2) return items.join('');
    const last = items[items.length - 1];
    const pattern = (startsWithVowel(last) && own('andBeforeVowel')) || and;
    return this.#fill(pattern, { start: items.slice(0, -1).join(', '), last });
  }
}

/** Whether a text's first letter, after any quotation marks or brackets, is a vowel (Welsh w and y included). */
function startsWithVowel(text: string): boolean {
  return /^[^\p{L}\p{N}]*[aeiouwy]/iu.test(text.normalize('NFD'));
}
