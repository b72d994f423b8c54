/**
 * Welsh and Gaelic wording found wrong or inconsistent by the review of December 2026
 * (shared/reviews/welsh-gaelic.md, findings numbered as there). Plural forms are checked in
 * plurals.test.ts, lists and dates in packages/core/test/localize.test.ts.
 */
import { expect } from '@open-wc/testing';
import { common, preloadLanguage, type Catalogue } from '@delib/core';
import { pollMessages } from '@delib/poll';
import { budgetMessages, pairwiseMessages, rankingMessages } from '@delib/ranking';
import { needsAssetsMessages } from '@delib/needs-assets';

// The Welsh and Gaelic packs of every catalogue imported above, read directly below.
await Promise.all([preloadLanguage('cy'), preloadLanguage('gd')]);

const widgets = {
  common,
  poll: pollMessages,
  budget: budgetMessages,
  pairwise: pairwiseMessages,
  ranking: rankingMessages,
  'needs-assets': needsAssetsMessages,
} as Record<string, Record<string, Partial<Catalogue>>>;

/** Every string of every form of every message in `lang`, as [where, text]. */
function texts(lang: 'cy' | 'gd'): [string, string][] {
  return Object.entries(widgets).flatMap(([widget, catalogues]) =>
    Object.entries(catalogues[lang] ?? {}).flatMap(([key, message]) =>
      typeof message === 'string'
        ? [[`${widget}.${key}`, message] as [string, string]]
        : Object.entries(message ?? {}).map(([form, text]) => [`${widget}.${key}.${form}`, text] as [string, string]),
    ),
  );
}

const cy = {
  common: common.cy as Record<string, string>,
  pairwise: pairwiseMessages.cy as Record<string, string>,
  ranking: rankingMessages.cy as Record<string, unknown>,
  needs: needsAssetsMessages.cy as Record<string, string>,
};
const gd = {
  common: common.gd as Record<string, string>,
  poll: pollMessages.gd as Record<string, string>,
  budget: budgetMessages.gd as Record<string, string>,
  ranking: rankingMessages.gd as Record<string, string>,
  needs: needsAssetsMessages.gd as Record<string, string>,
};

describe('Welsh wording', () => {
  it('#3: says an item is or is not put in order ("trefn"), not "listed" ("rhestru"), while the items are on screen', () => {
    const { ranked, notRanked, itemNotRanked, pickedUpNotRanked, droppedNotRanked, cancelledNotRanked, nothingToRank } =
      cy.ranking as Record<string, string>;
    const hintTop = Object.values(cy.ranking.hintTop as Record<string, string>);
    const saying = [
      ranked,
      notRanked,
      itemNotRanked,
      pickedUpNotRanked,
      droppedNotRanked,
      cancelledNotRanked,
      nothingToRank,
      ...hintTop,
    ];
    expect(saying.filter((text) => /rhestru/.test(text))).to.deep.equal([]);
    expect(saying.every((text) => /trefn/.test(text))).to.equal(true);
  });

  it('#14: the explanation of pairwise scores quotes the button a person pressed', () => {
    expect(cy.pairwise.how).to.contain(`‘${cy.pairwise.cantDecide}’`);
  });

  it('#15: asks for an email address in GOV.UK Forms’ words', () => {
    // alphagov/forms-runner config/locales/cy.yml, email_confirmation_input invalid_email.
    expect(cy.needs.badEmail).to.equal('Rhowch gyfeiriad e-bost yn y ffurf gywir, fel name@example.com');
  });

  it('#15: titles the error summary and check-your-answers page as GOV.UK Forms does', () => {
    expect(cy.common.problem).to.equal('Mae problem');
    expect(cy.needs.checkTitle).to.equal('Edrychwch dros eich atebion cyn anfon');
  });

  it('#16: no colloquial "Stopio", "plws" or "Does dim", and a noun for the contact row', () => {
    expect(texts('cy').filter(([, text]) => /\b(Stopio|plws|Does dim)\b/.test(text))).to.deep.equal([]);
    expect(cy.needs.rowContact).to.equal('Cyswllt');
  });
});

describe('Gaelic wording', () => {
  it('#4: asks for some of the budget to go to at least one item, not to "an item or two"', () => {
    expect(gd.budget.nothingGiven).to.equal("Thoir cuid de na {total} agad do dh'aon nì co-dhiù");
  });

  it('#10: an answer (freagairt) is feminine: "i", "a sàbhaladh", "a cur", "leatha"', () => {
    expect(gd.common.queued).to.contain('Tha i air a sàbhaladh').and.contain('thèid a cur leatha fhèin');
    expect(gd.common.sending).to.equal("'Ga cur…");
    expect(gd.common.resultsPending).to.contain('air a cur');
  });

  it('#11: "do" (your) is elided before a vowel or fh and a vowel ("d\' ainm"), and only there ("do fhreagairt")', () => {
    // The review asked for "d' fhreagairt"; but fh-r is not fh and a vowel (Gaelic Orthographic Conventions).
    const all = texts('gd');
    expect(all.filter(([, text]) => /\b[Dd]o (fh)?[aeiouàèìòù]/.test(text))).to.deep.equal([]);
    expect(all.filter(([, text]) => /\b[Dd]' (?!(fh)?[aeiouàèìòù])/.test(text))).to.deep.equal([]);
    expect(gd.poll.otherLabel).to.equal('Do fhreagairt eile');
  });

  it('#17: one apostrophe throughout, the straight one', () => {
    // ’ may close a quotation opened by ‘, as in ‘Chan eil dad an-dràsta’, but is never an apostrophe.
    expect(texts('gd').filter(([, text]) => /’/.test(text.replace(/‘[^’]*’/g, '')))).to.deep.equal([]);
  });

  it('#17: "Select all that apply" in one wording', () => {
    const hint = gd.poll.hintAny;
    expect(gd.needs.needsHint).to.equal(hint);
    expect(gd.needs.assetsHint.endsWith(` ${hint}`)).to.equal(true);
  });

  it('#17: buttons that send say "Cuir a-null", and a ranking is not an "òrdugh" (a purchase order)', () => {
    expect(gd.needs.send).to.equal('Cuir a-null');
    expect(gd.ranking.submit).to.equal('Cuir a-null an rangachadh agad');
    expect([gd.ranking.submit, gd.ranking.submitted, gd.ranking.yourRanking].filter((text) => /òrdugh/.test(text))).to.deep.equal(
      [],
    );
  });
});
