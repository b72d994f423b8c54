import { expect, fixture, html } from '@open-wc/testing';
import { Translator, languageReady, nearestLang, supportedLanguage } from '../src/localize.js';

/** The common messages, with their Welsh and Gaelic packs installed. */
async function loadedCommon() {
  const { common } = await import('../src/messages.js');
  await Promise.all([languageReady(common, 'cy'), languageReady(common, 'gd')]);
  return common;
}

const catalogues = {
  en: { votes: { one: '{n} vote', other: '{n} votes' }, hello: 'Hello {name}' },
  cy: {
    votes: {
      zero: '{n} pleidlais (zero)',
      one: '{n} (one)',
      two: '{n} (two)',
      few: '{n} (few)',
      many: '{n} (many)',
      other: '{n} (other)',
    },
  },
  gd: { votes: { one: '{n} (one)', two: '{n} (two)', few: '{n} (few)', other: '{n} (other)' } },
};

describe('Translator', () => {
  it('picks English plural forms through Intl.PluralRules', () => {
    const t = new Translator(catalogues, 'en');
    expect([0, 1, 2, 1000].map((n) => t.t('votes', { n }))).to.deep.equal(['0 votes', '1 vote', '2 votes', '1,000 votes']);
  });

  it('picks all six Welsh forms', () => {
    const t = new Translator(catalogues, 'cy');
    expect([0, 1, 2, 3, 6, 4, 10].map((n) => t.t('votes', { n }))).to.deep.equal([
      '0 pleidlais (zero)',
      '1 (one)',
      '2 (two)',
      '3 (few)',
      '6 (many)',
      '4 (other)',
      '10 (other)',
    ]);
  });

  it('picks the four Scottish Gaelic forms (1 and 11, 2 and 12, 3–10 and 13–19, the rest)', () => {
    const t = new Translator(catalogues, 'gd');
    expect([1, 11, 2, 12, 3, 19, 20, 0].map((n) => t.t('votes', { n }))).to.deep.equal([
      '1 (one)',
      '11 (one)',
      '2 (two)',
      '12 (two)',
      '3 (few)',
      '19 (few)',
      '20 (other)',
      '0 (other)',
    ]);
  });

  it('lets a form for one exact number win over its plural category, as "=1" in ICU messages', () => {
    // Gaelic's "one" is 1 and 11: only 1 may drop the number ("the most important item").
    const exact = { ...catalogues, gd: { votes: { '=1': 'the only one', one: '{n} (one)', other: '{n} (other)' } } };
    const t = new Translator(exact, 'gd');
    expect([1, 11, 21].map((n) => t.t('votes', { n }))).to.deep.equal(['the only one', '11 (one)', '21 (other)']);
  });

  it('falls back key by key to English, and to English for unknown languages', () => {
    expect(new Translator(catalogues, 'cy').t('hello', { name: 'Siân' })).to.equal('Hello Siân');
    expect(new Translator(catalogues, 'fr-FR').lang).to.equal('en');
    expect(supportedLanguage('CY-gb')).to.equal('cy');
  });

  it('lets overrides win, and leaves unknown placeholders visible rather than empty', () => {
    const t = new Translator(catalogues, 'en', { hello: 'Hi {name} {missing}' });
    expect(t.t('hello', { name: '<b>x</b>' })).to.equal('Hi <b>x</b> {missing}');
  });

  it('formats numbers, percentages and dates for the page language, British by default', () => {
    const t = new Translator(catalogues, 'en');
    expect(t.percent(0.625)).to.equal('63%');
    expect(t.date(new Date('2026-03-05T10:00:00Z'))).to.contain('5 March 2026');
    expect(new Translator(catalogues, 'en-US').date(new Date('2026-03-05T10:00:00Z'))).to.contain('March 5, 2026');
    expect(new Translator(catalogues, 'not a tag!').locale).to.equal('en-GB');
  });
});

describe('dates in Welsh and Gaelic', () => {
  const date = new Date(2027, 0, 31, 23, 59);
  it('never fall back to American English', async () => {
    const common = await loadedCommon();
    const welsh = new Translator(common, 'cy').date(date);
    const gaelic = new Translator(common, 'gd').date(date);
    expect(welsh).to.equal(Intl.DateTimeFormat.supportedLocalesOf('cy').length ? welsh : '31 Ionawr 2027 am 23:59');
    // The fallbacks say what CLDR says where a browser has the data (Firefox, Node): see test/node/localize.test.mjs.
    expect(gaelic).to.equal(
      Intl.DateTimeFormat.supportedLocalesOf('gd').length ? gaelic : '31mh dhen Fhaoilleach 2027 aig 23:59',
    );
    for (const text of [welsh, gaelic]) expect(text).not.to.match(/January|PM/);
  });
});

describe('lists in Welsh and Gaelic', () => {
  const items = ['Parc', 'Llyfrgell', 'Ysgol'];
  const cases: [string, string[], string][] = [
    ['cy', items, 'Parc, Llyfrgell ac Ysgol'],
    ['cy', ['Ysgol', 'Llyfrgell', 'Parc'], 'Ysgol, Llyfrgell a Parc'],
    ['cy', ['Parc', 'afon'], 'Parc ac afon'],
    ['cy', ['Parc', 'Ŵyl'], 'Parc ac Ŵyl'],
    ['cy', ['Parc', '“Ysgol”'], 'Parc ac “Ysgol”'],
    ['cy', ['Parc', 'Heol'], 'Parc a Heol'],
    ['cy', ['Parc'], 'Parc'],
    ['cy', [], ''],
    ['gd', items, 'Parc, Llyfrgell agus Ysgol'],
    ['gd', ['Pàirc', 'Ospadal'], 'Pàirc agus Ospadal'],
    ['en', items, 'Parc, Llyfrgell and Ysgol'],
  ];
  for (const [lang, list, joined] of cases) {
    it(`joins [${list.join(', ')}] in ${lang} as “${joined}”, whether or not the browser has list data`, async () => {
      const common = await loadedCommon();
      expect(new Translator(common, lang).list(list)).to.equal(joined);
    });
  }

  it('is tested here where the browser has no Welsh or Gaelic list data (Chromium)', () => {
    // With the data (Firefox, Node) CLDR's Welsh gives "Parc, Llyfrgell, a(c) Ysgol": see test/node/localize.test.mjs.
    expect(Intl.ListFormat.supportedLocalesOf(['cy', 'gd'])).to.deep.equal([]);
  });

  it('takes the "and" pattern from overrides too', async () => {
    const common = await loadedCommon();
    // `and` is no English message: only the Welsh and Gaelic catalogues have it (see `list`).
    const patterns: Record<string, string> = { and: '{start} a hefyd {last}', andBeforeVowel: '{start} ac hefyd {last}' };
    const t = new Translator(common, 'cy', patterns);
    expect(t.list(['Parc', 'Ysgol'])).to.equal('Parc ac hefyd Ysgol');
  });

  it('never reads an item as a pattern', async () => {
    const common = await loadedCommon();
    expect(new Translator(common, 'gd').list(['{last}', '{start}'])).to.equal('{last} agus {start}');
  });
});

describe('nearestLang', () => {
  it('finds the nearest lang attribute, through shadow roots', async () => {
    const outer = await fixture(html`<div lang="gd"><span></span></div>`);
    const host = outer.querySelector('span')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><i></i></p><p lang="cy"><b></b></p>';
    expect(nearestLang(root.querySelector('i')!)).to.equal('gd');
    expect(nearestLang(root.querySelector('b')!)).to.equal('cy');
  });
});
