/**
 * The snippet builder's output: the exact HTML a council web team pastes into a page (CONTRACT.md §1),
 * and the same settings as a description the live preview builds its element from. Everything an
 * officer typed is escaped for where it goes (attribute values and text), so a question or an option
 * can never become markup in the council's page.
 */
import { isWidgetId, limits, refusedId, thanksId, type WidgetKind } from '@delib/protocol';
import { plainFormWords, type PlainFormSide, type PlainFormWords } from '@delib/needs-assets/plain-form.js';
import type { Language } from './api.js';

export const kinds: readonly WidgetKind[] = ['poll', 'ranking', 'pairwise', 'budget', 'needs-assets'];
export const themes = ['default', 'govuk', 'dark', 'high-contrast'] as const;
export type Theme = (typeof themes)[number];
export const resultsModes = ['after-submit', 'always', 'after-close', 'never'] as const;
export type ResultsMode = (typeof resultsModes)[number];

/** The most options a snippet may carry, and the longest question and option label, in characters. */
export const snippetLimits = { options: 50, question: 500, label: 200 } as const;

export interface SnippetSettings {
  kind: WidgetKind;
  widgetId: string;
  question: string;
  /** One label per entry; values are made from them. */
  options: string[];
  language: Language;
  theme: Theme;
  /** `YYYY-MM-DD`: the widget closes at the end of that day (UTC); empty: never. */
  closes: string;
  results: ResultsMode;
  /** Pairwise only: residents may suggest ideas (`allow-suggestions`), which wait for moderation. */
  suggestions: boolean;
}

export interface Problem {
  field: keyof SnippetSettings;
  message: string;
}

/** `&`, `<`, `>`, `"` and `'` as character references: safe inside a quoted attribute value. */
export const escapeAttribute = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** `&`, `<` and `>` as character references: safe as element text. */
export const escapeText = (text: string) => text.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]!);

/** Folds white space and control characters, as the widgets do with labels. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();

/** A value for each label: lower case letters, digits and hyphens, unique within the list. */
export function optionValues(labels: string[]): { value: string; label: string }[] {
  const used = new Set<string>();
  return labels.map((label, index) => {
    const base =
      label
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
        .replace(/-+$/, '') || `option-${index + 1}`;
    let value = base;
    for (let n = 2; used.has(value); n++) value = `${base}-${n}`;
    used.add(value);
    return { value, label };
  });
}

/** The option labels typed into the builder, one per line, blank lines left out. */
export const optionLines = (text: string) => text.split('\n').map(clean).filter(Boolean);

/** Whether the kind takes a question and a list of options (needs-and-assets has its own categories). */
export const takesOptions = (kind: WidgetKind) => kind !== 'needs-assets';

/** What is wrong with the settings, in the order of the builder's fields. */
export function problems(settings: SnippetSettings): Problem[] {
  const found: Problem[] = [];
  if (!settings.widgetId) found.push({ field: 'widgetId', message: 'Enter a widget ID' });
  else if (!isWidgetId(settings.widgetId))
    found.push({
      field: 'widgetId',
      message: `Widget ID must be 1 to ${limits.widgetIdLength} characters, with no spaces or control characters`,
    });
  if (takesOptions(settings.kind)) {
    if (clean(settings.question).length > snippetLimits.question)
      found.push({ field: 'question', message: `Question must be ${snippetLimits.question} characters or fewer` });
    if (settings.options.length < 2) found.push({ field: 'options', message: 'Enter at least 2 options, one on each line' });
    else if (settings.options.length > snippetLimits.options)
      found.push({ field: 'options', message: `Enter ${snippetLimits.options} options or fewer` });
    else if (settings.options.some((label) => label.length > snippetLimits.label))
      found.push({ field: 'options', message: `Each option must be ${snippetLimits.label} characters or fewer` });
  }
  if (settings.closes && !/^\d{4}-\d{2}-\d{2}$/.test(settings.closes))
    found.push({ field: 'closes', message: 'Closing date must be a real date' });
  return found;
}

/** The `closes` attribute for a closing day: the end of that day, UTC. */
export const closesAt = (day: string) => (day ? `${day}T23:59:59Z` : '');

/** Attributes that are on or off, written bare when on. */
const booleanAttributes = new Set(['allow-suggestions']);

/** The element's attributes, in the order the snippet writes them; a boolean one has the value ''. */
export function attributes(settings: SnippetSettings, endpoint: string): [string, string][] {
  const list: [string, string][] = [
    ['widget-id', settings.widgetId],
    ['endpoint', endpoint],
  ];
  if (settings.language !== 'en') list.push(['lang', settings.language]);
  if (takesOptions(settings.kind) && clean(settings.question)) list.push(['question', clean(settings.question)]);
  if (settings.kind === 'budget') list.push(['total', '100']);
  if (settings.closes) list.push(['closes', closesAt(settings.closes)]);
  if (settings.results !== 'after-submit') list.push(['results', settings.results]);
  if (settings.kind === 'pairwise' && settings.suggestions) list.push(['allow-suggestions', '']);
  return list;
}

/** The buttons' words in each language, as the widgets say them. */
const buttons: Record<Language, Record<'poll' | 'ranking' | 'budget', string>> = {
  en: { poll: 'Vote', ranking: 'Submit ranking', budget: 'Submit' },
  cy: { poll: 'Pleidleisio', ranking: 'Cyflwyno eich trefn', budget: 'Cyflwyno' },
  gd: { poll: 'Bhòt', ranking: 'Cuir a-null an rangachadh agad', budget: 'Cuir a-null' },
};

/** The thank-you line, in the words the reference endpoint's own thank-you page uses. */
const thanks: Record<Language, string> = {
  en: 'Thank you. Your answer has been received.',
  cy: 'Diolch. Mae eich ateb wedi dod i law.',
  gd: 'Tapadh leibh. Fhuair sinn ur freagairt.',
};

/** The line shown when the endpoint sends a refused answer back to the page (the widget, once its script runs, says more). */
const notSent: Record<Language, string> = {
  en: 'Your answer was not sent. Check it and send it again.',
  // NEEDS NATIVE REVIEW, as the widgets' Welsh and Gaelic do.
  cy: "Ni anfonwyd eich ateb. Gwiriwch ef a'i anfon eto.",
  gd: 'Cha deach ur freagairt a chur. Thoiribh sùil oirre is cuiribh a-rithist i.',
};

/** How to fill in a ranking's and a budget's number boxes. */
const hints: Record<Language, Record<'ranking' | 'budget', string>> = {
  en: {
    ranking: 'Number them: 1 for the most important. Leave blank any you would not rank.',
    budget: 'Share out 100 points between them, in whole numbers.',
  },
  // NEEDS NATIVE REVIEW, as the widgets' Welsh and Gaelic do.
  cy: {
    ranking: "Rhowch rif iddynt: 1 i'r pwysicaf. Gadewch yn wag unrhyw un na fyddech yn ei drefnu.",
    budget: 'Rhannwch 100 pwynt rhyngddynt, mewn rhifau cyfan.',
  },
  gd: {
    ranking: 'Cuiribh àireamh orra: 1 airson an rud as cudromaiche. Fàgaibh bàn gin nach cuireadh sibh ann an òrdugh.',
    budget: 'Roinnibh 100 puing eatarra, ann an àireamhan slàna.',
  },
};

/** An id for a control, unique on the page: from the widget's id (which may hold spaces) and its value. */
const controlId = (widgetId: string, value: string) => `delib-${widgetId.replace(/[^A-Za-z0-9_-]+/g, '-')}-${value}`;

/**
 * The plain form inside the element, for browsers that never run the script (CONTRACT.md section 10):
 * radios for a poll, a number box per item for a ranking ("1 = most important") and a budget,
 * checkboxes and text boxes for needs-and-assets, posted to the endpoint. The widget reads its items
 * from it when the script runs. A pairwise comparison needs the script: it says so where scripting is
 * off (a page that wants a fallback writes a poll for it).
 */
function fallback(settings: SnippetSettings, endpoint: string): string[] {
  const { kind, widgetId, language } = settings;
  if (kind === 'pairwise') {
    // Its items stay <option>s, which it reads.
    return [
      ...optionValues(settings.options).map(
        ({ value, label }) => `<option value="${escapeAttribute(value)}">${escapeText(label)}</option>`,
      ),
      '<noscript><p lang="en">This question needs JavaScript, which is not running in this browser.</p></noscript>',
    ];
  }
  const hidden = (name: string, value: string) => `  <input type="hidden" name="${name}" value="${escapeAttribute(value)}">`;
  const words = kind === 'needs-assets' ? plainFormWords(language) : undefined;
  return [
    // Shown by the themes when the endpoint's redirect names it (`:target`): the resident's confirmation.
    `<p id="${escapeAttribute(thanksId(widgetId))}" hidden>${escapeText(words?.submitted ?? thanks[language])}</p>`,
    // And when the endpoint refused it (`errors` = `page` below asks for that, rather than the endpoint's own page).
    `<p id="${escapeAttribute(refusedId(widgetId))}" hidden>${notSent[language]}</p>`,
    `<form method="post" action="${escapeAttribute(`${endpoint}/responses`)}" accept-charset="UTF-8">`,
    hidden('widget', kind),
    hidden('widgetId', widgetId),
    hidden('locale', language),
    hidden('errors', 'page'),
    ...(words ? needsAssetsFields(widgetId, words) : optionFields(settings)),
    `  <button>${escapeText(words?.send ?? buttons[language][kind as keyof (typeof buttons)['en']])}</button>`,
    '</form>',
  ];
}

/** A poll's radios, or a ranking's or budget's number boxes, in a fieldset with the question. */
function optionFields({ kind, widgetId, question, options, language }: SnippetSettings): string[] {
  const legend = clean(question);
  const items = optionValues(options).map(({ value, label }) => {
    const id = escapeAttribute(controlId(widgetId, value));
    const labelled = `<label for="${id}">${escapeText(label)}</label>`;
    if (kind === 'poll')
      return `    <p><input type="radio" name="choices" value="${escapeAttribute(value)}" id="${id}"> ${labelled}</p>`;
    const name = `${kind === 'ranking' ? 'rank' : 'allocation'}.${value}`;
    return `    <p>${labelled} <input type="number" name="${escapeAttribute(name)}" id="${id}" min="${kind === 'ranking' ? 1 : 0}" inputmode="numeric"></p>`;
  });
  const hint = kind === 'poll' ? '' : `    <p>${hints[language][kind as 'ranking' | 'budget']}</p>`;
  return [
    '  <fieldset>',
    ...(legend ? [`    <legend>${escapeText(legend)}</legend>`] : []),
    ...(hint ? [hint] : []),
    ...items,
    '  </fieldset>',
  ];
}

/**
 * Needs-and-assets on one page, in the widget's own words: each side's default categories as checkboxes
 * with "Something else" and its box (`detail.needs.other`, `detail.assets.other`), then the area, and
 * contact details sent only with the person's yes.
 */
function needsAssetsFields(widgetId: string, words: PlainFormWords): string[] {
  const id = (name: string) => escapeAttribute(controlId(widgetId, name));
  const text = (name: string, label: string, max: number, extra = ' type="text"') =>
    `    <p><label for="${id(name)}">${escapeText(label)}</label> <input${extra} name="${escapeAttribute(name)}" id="${id(name)}" maxlength="${max}"></p>`;
  const side = (name: 'needs' | 'assets', { title, hint, categories, other }: PlainFormSide) => [
    `  <fieldset aria-describedby="${id(`${name}-hint`)}">`,
    `    <legend>${escapeText(title)}</legend>`,
    `    <p id="${id(`${name}-hint`)}">${escapeText(hint)}</p>`,
    ...[...categories, other].map(
      ({ value, label }) =>
        `    <p><input type="checkbox" name="${name}" value="${escapeAttribute(value)}" id="${id(`${name}-${value}`)}"> <label for="${id(`${name}-${value}`)}">${escapeText(label)}</label></p>`,
    ),
    text(`detail.${name}.${other.value}`, other.detail, limits.textLength),
    '  </fieldset>',
  ];
  const { area, contact } = words;
  return [
    ...side('needs', words.needs),
    ...side('assets', words.assets),
    text('area', area.label, limits.textLength, ` type="text" aria-describedby="${id('area-hint')}" autocomplete="off"`),
    `  <p id="${id('area-hint')}">${escapeText(area.hint)}</p>`,
    `  <fieldset aria-describedby="${id('contact-hint')}">`,
    `    <legend>${escapeText(contact.title)}</legend>`,
    `    <p id="${id('contact-hint')}">${escapeText(contact.hint)}</p>`,
    `    <p><input type="checkbox" name="consent" value="yes" id="${id('consent')}"> <label for="${id('consent')}">${escapeText(contact.consent)}</label></p>`,
    text('contact.name', contact.name, limits.nameLength, ' type="text" autocomplete="name"'),
    text('contact.email', contact.email, limits.emailLength, ' type="email" autocomplete="email"'),
    text('contact.phone', contact.phone, limits.phoneLength, ' type="tel" autocomplete="tel"'),
    '  </fieldset>',
  ];
}

/**
 * The HTML to paste: the script and theme from this server (`origin`, e.g. `https://consult.example.gov.uk`),
 * then the element with its plain form inside. Every value is escaped, whatever it holds.
 */
export function snippet(settings: SnippetSettings, origin: string): string {
  const base = origin.replace(/\/+$/, '');
  const tag = `delib-${settings.kind}`;
  const endpoint = `${base}/api`;
  const attributeText = attributes(settings, endpoint)
    .map(([name, value]) => (value || !booleanAttributes.has(name) ? ` ${name}="${escapeAttribute(value)}"` : ` ${name}`))
    .join('');
  const inside = fallback(settings, endpoint).map((line) => `\n  ${line}`);
  return [
    `<script type="module" src="${escapeAttribute(`${base}/delib.js`)}"></script>`,
    `<link rel="stylesheet" href="${escapeAttribute(`${base}/themes/${settings.theme}.css`)}">`,
    `<${tag}${attributeText}>${inside.join('')}\n</${tag}>`,
  ].join('\n');
}
