/**
 * Every plural message of every widget, in Welsh and Scottish Gaelic, rendered for n = 0…100 through the
 * Translator and compared with the form the grammar asks for. The expected forms are worked out here,
 * from each noun's gender, plural and the mutation rules, never read from the catalogues, so a wrong
 * form in a catalogue makes this fail.
 *
 * Welsh (numbers read aloud decide the noun): 0 "dim" and the singular; 1 "un", which softens a feminine
 * noun (not ll-, rh-); 2 "dau"/"dwy", which soften; 3 "tri", which aspirates a masculine noun, but
 * feminine "tair" changes nothing; 6 "chwe", which aspirates; any other count "o" and the plural, softened.
 *
 * Scottish Gaelic: 1 and 11 "aon", which lenites (not d-, t-, s-); 2 and 12 "dà", which lenites; 3–10 and
 * 13–19 the plural; 0 and 20 up the singular. Counted aloud, 21–99 follow their last word ("fichead 's
 * a trì" takes what 3 takes), but CLDR gives Gaelic only four plural categories, all keyed on the whole
 * number, and a message cannot tell 23 from 20: delib shows the singular, as for 20.
 */
import { expect } from '@open-wc/testing';
import { preloadLanguage, Translator, type Catalogue, type Catalogues } from '@delib/core';
import { pollMessages } from '@delib/poll';
import { budgetMessages, pairwiseMessages, rankingMessages } from '@delib/ranking';
import { needsAssetsMessages } from '@delib/needs-assets';

// ── Welsh ──
type WelshNoun = { singular: string; plural: string; feminine?: true };

/** Soft mutation: p→b, t→d, c→g, b→f, d→dd, g→(none), m→f, ll→l, rh→r; ch-, ph-, th-, dd-, ff-, ng- stay. */
function soft(word: string, { keepLlRh = false } = {}): string {
  if (/^(ch|ph|th|dd|ff|ng)/.test(word)) return word;
  if (/^(ll|rh)/.test(word)) return keepLlRh ? word : word.slice(1);
  const to: Record<string, string> = { p: 'b', t: 'd', c: 'g', b: 'f', d: 'dd', g: '', m: 'f' };
  return word[0] in to ? to[word[0]] + word.slice(1) : word;
}

/** Aspirate mutation: c→ch, p→ph, t→th. */
function aspirate(word: string): string {
  return /^[cpt](?!h)/.test(word) ? `${word[0]}h${word.slice(1)}` : word;
}

function welsh(n: number, noun: WelshNoun): string {
  const { singular, plural, feminine } = noun;
  if (n === 0) return `0 ${singular}`;
  if (n === 1) return `1 ${feminine ? soft(singular, { keepLlRh: true }) : singular}`;
  if (n === 2) return `2 ${soft(singular)}`;
  if (n === 3) return `3 ${feminine ? singular : aspirate(singular)}`;
  if (n === 6) return `6 ${aspirate(singular)}`;
  return `${n} o ${soft(plural)}`;
}
/** Whether the Welsh count uses the plural ("4 o eitemau") rather than the singular ("3 eitem"). */
const welshPlural = (n: number) => ![0, 1, 2, 3, 6].includes(n);

const cy = {
  pleidlais: { singular: 'pleidlais', plural: 'pleidleisiau', feminine: true },
  cymhariaeth: { singular: 'cymhariaeth', plural: 'cymariaethau', feminine: true },
  problem: { singular: 'problem', plural: 'problemau', feminine: true },
  eitem: { singular: 'eitem', plural: 'eitemau', feminine: true },
  pwynt: { singular: 'pwynt', plural: 'pwyntiau' },
  person: { singular: 'person', plural: 'pobl' },
  pâr: { singular: 'pâr', plural: 'parau' },
  ymateb: { singular: 'ymateb', plural: 'ymatebion' },
  opsiwn: { singular: 'opsiwn', plural: 'opsiynau' },
} satisfies Record<string, WelshNoun>;

// ── Scottish Gaelic ──
type GaelicNoun = { singular: string; plural: string };

/** Lenition: an h after b, c, d, f, g, m, p, s, t; vowels, l, n, r, sg, sm, sp, st and lenited words stay; "aon" spares d, t, s. */
function lenite(word: string, { afterAon = false } = {}): string {
  if (/^(.h|s[gmpt]|[aeiouàèìòùlnr])/i.test(word)) return word;
  if (afterAon && /^[dts]/i.test(word)) return word;
  return /^[bcdfgmpst]/i.test(word) ? `${word[0]}h${word.slice(1)}` : word;
}

const gaelicSingular = (n: number) => n === 1 || n === 11 || n === 2 || n === 12;
function gaelic(n: number, noun: GaelicNoun): string {
  if (n === 1 || n === 11) return `${n} ${lenite(noun.singular, { afterAon: true })}`;
  if (n === 2 || n === 12) return `${n} ${lenite(noun.singular)}`;
  if ((n >= 3 && n <= 10) || (n >= 13 && n <= 19)) return `${n} ${noun.plural}`;
  return `${n} ${noun.singular}`;
}

const gd = {
  bhòt: { singular: 'bhòt', plural: 'bhòtaichean' },
  puing: { singular: 'puing', plural: 'puingean' },
  paidhir: { singular: 'paidhir', plural: 'paidhrichean' },
  coimeas: { singular: 'coimeas', plural: 'coimeasan' },
  freagairt: { singular: 'freagairt', plural: 'freagairtean' },
  duilgheadas: { singular: 'duilgheadas', plural: 'duilgheadasan' },
  neach: { singular: 'neach', plural: 'daoine' },
  nì: { singular: 'nì', plural: 'nithean' },
  roghainn: { singular: 'roghainn', plural: 'roghainnean' },
} satisfies Record<string, GaelicNoun>;

// ── The messages ──
/** The values a widget passes besides `n`, from `n`. */
type Extra = (n: number, translator: Translator<Catalogue>) => Record<string, string | number>;
type Expected = { cy: (n: number) => string; gd: (n: number) => string; extra?: Extra };

const title = 'Beth?';
/** What `<delib-ranking>` passes to `how`: `max` points for the first of `n` items, written out by `points`. */
const rankingHow: Extra = (n, translator) => {
  const max = Math.max(0, n - 1);
  return { max, points: translator.t('points', { n: max }) };
};

const expected: Record<string, { catalogues: Catalogues<Catalogue>; messages: Record<string, Expected> }> = {
  poll: {
    catalogues: pollMessages,
    messages: {
      tooMany: {
        cy: (n) => `Peidiwch â dewis mwy na ${welsh(n, cy.opsiwn)}`,
        gd: (n) => `Na tagh barrachd air ${gaelic(n, gd.roghainn)}`,
      },
      hintMultiple: {
        cy: (n) => `Dewiswch hyd at ${welsh(n, cy.opsiwn)}.`,
        gd: (n) => `Tagh suas ri ${gaelic(n, gd.roghainn)}.`,
      },
      resultsCaption: {
        cy: (n) => `Canlyniadau: ${welsh(n, cy.pleidlais)}`,
        gd: (n) => `Toraidhean: ${gaelic(n, gd.bhòt)}`,
      },
    },
  },
  budget: {
    catalogues: budgetMessages,
    messages: {
      points: { cy: (n) => welsh(n, cy.pwynt), gd: (n) => gaelic(n, gd.puing) },
      resultsCaption: {
        cy: (n) => `Canlyniadau: ${welsh(n, cy.person)} wedi rhannu cyllideb`,
        gd: (n) => `Toraidhean: roinn ${gaelic(n, gd.neach)} buidseat`,
      },
    },
  },
  pairwise: {
    catalogues: pairwiseMessages,
    messages: {
      answered: {
        cy: (n) => `Fe wnaethoch chi gymharu ${welsh(n, cy.pâr)}.`,
        gd: (n) => `Rinn thu coimeas air ${gaelic(n, gd.paidhir)}.`,
      },
      resultsCaption: {
        cy: (n) => `Canlyniadau o ${welsh(n, cy.cymhariaeth)}`,
        gd: (n) => `Toraidhean bho ${gaelic(n, gd.coimeas)}`,
      },
    },
  },
  ranking: {
    catalogues: rankingMessages,
    messages: {
      hintTop: {
        // "eich" (your) rather than "y"/"yr": the article would have to follow how the number is read (yr 8, yr 11).
        cy: (n) =>
          n === 1
            ? "Rhowch yr eitem bwysicaf yn gyntaf. Nid yw'r eitemau oddi tani wedi'u rhoi mewn trefn."
            : `Rhowch eich ${welsh(n, cy.eitem)} ${welshPlural(n) ? 'pwysicaf' : 'bwysicaf'} yn gyntaf, mewn trefn. Nid yw'r eitemau oddi tanynt wedi'u rhoi mewn trefn.`,
        gd: (n) =>
          n === 1
            ? 'Cuir an nì as cudromaiche an toiseach. Chan eil na nithean fodha air an rangachadh.'
            : `Cuir ${gaelicSingular(n) ? 'an' : 'na'} ${gaelic(n, gd.nì)} as cudromaiche an toiseach, ann an òrdugh. Chan eil na nithean fodhpa air an rangachadh.`,
      },
      rankingFull: {
        extra: () => ({ item: 'Parc' }),
        cy: (n) =>
          n === 1
            ? 'Dim ond 1 eitem y gallwch ei rhoi mewn trefn. Tynnwch hi yn gyntaf i wneud lle i Parc.'
            : `Dim ond ${welsh(n, cy.eitem)} y gallwch eu rhoi mewn trefn. Tynnwch un yn gyntaf i wneud lle i Parc.`,
        gd: (n) =>
          n === 1
            ? 'Chan urrainn dhut ach 1 nì a rangachadh. Thoir air falbh e an toiseach gus àite a dhèanamh do Parc.'
            : `Chan urrainn dhut ach ${gaelic(n, gd.nì)} a rangachadh. Thoir fear air falbh an toiseach gus àite a dhèanamh do Parc.`,
      },
      rankAll: {
        // Welsh leaves the count out: "y"/"yr" before it would have to follow how the number is read.
        cy: (n) => (n === 1 ? 'Ychwanegwch yr eitem at eich trefn' : "Rhowch bob eitem yn eich trefn, gyda'r bwysicaf yn gyntaf"),
        gd: (n) =>
          n === 1
            ? 'Cuir an nì san rangachadh agad'
            : `Cuir ${gaelicSingular(n) ? 'an' : 'na'} ${gaelic(n, gd.nì)} uile san rangachadh agad, leis an fhear as cudromaiche an toiseach`,
      },
      rankTop: {
        cy: (n) =>
          n === 1
            ? 'Dewiswch yr eitem bwysicaf'
            : `Dewiswch eich ${welsh(n, cy.eitem)} ${welshPlural(n) ? 'pwysicaf' : 'bwysicaf'}, gyda'r bwysicaf yn gyntaf`,
        gd: (n) =>
          n === 1
            ? 'Tagh an nì as cudromaiche'
            : `Tagh ${gaelicSingular(n) ? 'an' : 'na'} ${gaelic(n, gd.nì)} as cudromaiche, leis an fhear as cudromaiche an toiseach`,
      },
      rankMore: {
        extra: () => ({ ranked: 2, count: 5 }),
        cy: (n) =>
          `Ychwanegwch ${welsh(n, cy.eitem)} ${welshPlural(n) ? 'eraill' : 'arall'} at eich trefn: rydych wedi rhoi 2 o 5 mewn trefn`,
        gd: (n) => `Cuir ${gaelic(n, gd.nì)} eile ris an rangachadh agad: tha thu air 2 à 5 a rangachadh`,
      },
      resultsCaption: {
        cy: (n) => `Canlyniadau: ${welsh(n, cy.ymateb)}`,
        gd: (n) => `Toraidhean: ${gaelic(n, gd.freagairt)}`,
      },
      points: { cy: (n) => welsh(n, cy.pwynt), gd: (n) => gaelic(n, gd.puing) },
      how: {
        extra: rankingHow,
        cy: (n) =>
          n <= 1
            ? "Ym mhob ymateb mae eitem yn cael un pwynt am bob eitem sydd islaw iddi. Mae'r eitemau wedi'u rhestru yn ôl cyfanswm eu pwyntiau; y safle cyfartalog yw lle rhoddodd pobl nhw, gydag 1 yn bwysicaf."
            : `Ym mhob ymateb mae eitem yn cael un pwynt am bob eitem sydd islaw iddi, felly mae'r gyntaf o ${welsh(n, cy.eitem)} yn cael ${welsh(n - 1, cy.pwynt)} a'r olaf yn cael dim. Mae'r eitemau wedi'u rhestru yn ôl cyfanswm eu pwyntiau; y safle cyfartalog yw lle rhoddodd pobl nhw, gydag 1 yn bwysicaf.`,
        gd: (n) =>
          n === 1
            ? "Anns gach freagairt, gheibh nì puing airson gach nì a tha fodha. Tha na nithean air an liostadh a rèir nam puingean aca uile gu lèir; 's e an t-ionad cuibheasach far an do chuir daoine iad, le 1 as cudromaiche."
            : `Anns gach freagairt, gheibh nì puing airson gach nì a tha fodha, mar sin gheibh a' chiad fhear de ${gaelic(n, gd.nì)} ${gaelic(Math.max(0, n - 1), gd.puing)} agus chan fhaigh am fear mu dheireadh gin. Tha na nithean air an liostadh a rèir nam puingean aca uile gu lèir; 's e an t-ionad cuibheasach far an do chuir daoine iad, le 1 as cudromaiche.`,
      },
    },
  },
  'needs-assets': {
    catalogues: needsAssetsMessages,
    messages: {
      errorTitle: {
        extra: () => ({ title }),
        cy: (n) => `Gwall (${welsh(n, cy.problem)}): ${title}`,
        gd: (n) => `Mearachd (${gaelic(n, gd.duilgheadas)}): ${title}`,
      },
      resultsCaption: {
        cy: (n) => `Beth sydd ei angen arnom, beth sydd gennym: ${welsh(n, cy.person)} wedi ateb`,
        gd: (n) => `Na tha a dhìth oirnn, na tha againn: fhreagair ${gaelic(n, gd.neach)}`,
      },
    },
  },
};

const counts = Array.from({ length: 101 }, (_, n) => n);

/** 3, 4, 5, 7 → "3–5, 7". */
function ranges(numbers: number[]): string {
  const runs: number[][] = [];
  for (const n of numbers) {
    const run = runs.at(-1);
    if (run && run.at(-1) === n - 1) run.push(n);
    else runs.push([n]);
  }
  return runs.map((run) => (run.length > 1 ? `${run[0]}–${run.at(-1)}` : `${run[0]}`)).join(', ');
}

describe('plural messages in Welsh and Scottish Gaelic', () => {
  before(() => Promise.all([preloadLanguage('cy'), preloadLanguage('gd')]));

  it('has an expected form for every plural message of every widget', () => {
    const uncovered = Object.entries(expected).flatMap(([widget, { catalogues, messages }]) =>
      Object.entries(catalogues.en)
        .filter(([key, message]) => typeof message === 'object' && !(key in messages))
        .map(([key]) => `${widget}.${key}`),
    );
    expect(uncovered, 'plural messages this test does not check yet').to.deep.equal([]);
  });

  for (const lang of ['cy', 'gd'] as const) {
    for (const [widget, { catalogues, messages }] of Object.entries(expected)) {
      it(`${lang}: every plural message of ${widget} agrees with its number, for 0 to 100`, () => {
        const translator = new Translator(catalogues, lang);
        // One line per wrong message: the numbers it is wrong for, and the first wrong text in full.
        const wrong = Object.entries(messages).flatMap(([key, { extra, ...forms }]) => {
          const misses = counts
            .map((n) => ({ n, shown: translator.t(key, { n, ...extra?.(n, translator) }), wanted: forms[lang](n) }))
            .filter(({ shown, wanted }) => shown !== wanted);
          if (!misses.length) return [];
          const [{ shown, wanted }] = misses;
          return [`${key} at n = ${ranges(misses.map(({ n }) => n))}; first: “${shown}”, wanted “${wanted}”`];
        });
        expect(wrong).to.deep.equal([]);
      });
    }
  }

  // The rules above, checked against forms written out by hand, so that the rules cannot drift either.
  it('cy: 1, 2, 3, 6, 11, 12, 19, 20 and 21 votes, points and people', () => {
    const poll = new Translator(pollMessages, 'cy');
    const budget = new Translator(budgetMessages, 'cy');
    const rows = [1, 2, 3, 6, 11, 12, 19, 20, 21].map((n) => [
      poll.t('resultsCaption', { n }),
      budget.t('points', { n }),
      budget.t('resultsCaption', { n }),
    ]);
    expect(rows).to.deep.equal([
      ['Canlyniadau: 1 bleidlais', '1 pwynt', 'Canlyniadau: 1 person wedi rhannu cyllideb'],
      ['Canlyniadau: 2 bleidlais', '2 bwynt', 'Canlyniadau: 2 berson wedi rhannu cyllideb'],
      ['Canlyniadau: 3 pleidlais', '3 phwynt', 'Canlyniadau: 3 pherson wedi rhannu cyllideb'],
      ['Canlyniadau: 6 phleidlais', '6 phwynt', 'Canlyniadau: 6 pherson wedi rhannu cyllideb'],
      ['Canlyniadau: 11 o bleidleisiau', '11 o bwyntiau', 'Canlyniadau: 11 o bobl wedi rhannu cyllideb'],
      ['Canlyniadau: 12 o bleidleisiau', '12 o bwyntiau', 'Canlyniadau: 12 o bobl wedi rhannu cyllideb'],
      ['Canlyniadau: 19 o bleidleisiau', '19 o bwyntiau', 'Canlyniadau: 19 o bobl wedi rhannu cyllideb'],
      ['Canlyniadau: 20 o bleidleisiau', '20 o bwyntiau', 'Canlyniadau: 20 o bobl wedi rhannu cyllideb'],
      ['Canlyniadau: 21 o bleidleisiau', '21 o bwyntiau', 'Canlyniadau: 21 o bobl wedi rhannu cyllideb'],
    ]);
  });

  it('gd: 1, 2, 3, 6, 11, 12, 19, 20 and 21 points, problems and answers', () => {
    const budget = new Translator(budgetMessages, 'gd');
    const needs = new Translator(needsAssetsMessages, 'gd');
    const ranking = new Translator(rankingMessages, 'gd');
    const rows = [1, 2, 3, 6, 11, 12, 19, 20, 21].map((n) => [
      budget.t('points', { n }),
      needs.t('errorTitle', { n, title: 'X' }),
      ranking.t('resultsCaption', { n }),
    ]);
    expect(rows).to.deep.equal([
      ['1 phuing', 'Mearachd (1 duilgheadas): X', 'Toraidhean: 1 fhreagairt'],
      ['2 phuing', 'Mearachd (2 dhuilgheadas): X', 'Toraidhean: 2 fhreagairt'],
      ['3 puingean', 'Mearachd (3 duilgheadasan): X', 'Toraidhean: 3 freagairtean'],
      ['6 puingean', 'Mearachd (6 duilgheadasan): X', 'Toraidhean: 6 freagairtean'],
      ['11 phuing', 'Mearachd (11 duilgheadas): X', 'Toraidhean: 11 fhreagairt'],
      ['12 phuing', 'Mearachd (12 dhuilgheadas): X', 'Toraidhean: 12 fhreagairt'],
      ['19 puingean', 'Mearachd (19 duilgheadasan): X', 'Toraidhean: 19 freagairtean'],
      ['20 puing', 'Mearachd (20 duilgheadas): X', 'Toraidhean: 20 freagairt'],
      // CLDR's limit: counted aloud, 21 is "fichead 's a h-aon", which would lenite like 1.
      ['21 puing', 'Mearachd (21 duilgheadas): X', 'Toraidhean: 21 freagairt'],
    ]);
  });

  it('gd: ranking the top 11 asks for 11 items, not for "the most important item"', () => {
    const ranking = new Translator(rankingMessages, 'gd');
    expect(ranking.t('hintTop', { n: 11 })).to.equal(
      'Cuir an 11 nì as cudromaiche an toiseach, ann an òrdugh. Chan eil na nithean fodhpa air an rangachadh.',
    );
    expect(ranking.t('hintTop', { n: 1 })).to.equal(
      'Cuir an nì as cudromaiche an toiseach. Chan eil na nithean fodha air an rangachadh.',
    );
  });
});
