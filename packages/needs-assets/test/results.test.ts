import { expect } from '@open-wc/testing';
import {
  accessibilityTree,
  accessibleNodes,
  button,
  clearDelibStorage,
  expectAccessible,
  fakeEndpoint,
  json,
  shadow,
  shadowAll,
  until,
} from '../../../test/helpers.js';
import { expectNone, fillIn, make, needsEndpoint, send, text, type DelibNeedsAssets } from './fixtures.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
  clearDelibStorage();
});

/** A council's page: food is asked on both sides, housing only as a need, time and space only as offers. */
const pageGroups = `
  <optgroup label="needs">
    <option value="food">Food</option>
    <option value="housing">Housing</option>
  </optgroup>
  <optgroup label="assets">
    <option value="time">Time</option>
    <option value="space">A space</option>
    <option value="food">Food</option>
  </optgroup>`;

const table = (element: DelibNeedsAssets) => shadow(element, 'table[part="results"]');
const rows = (element: DelibNeedsAssets) =>
  shadowAll(element, 'tbody tr').map((row) => [...row.children].map((cell) => text(cell)));

async function withResults(results: object, options: { inner?: string; lang?: string } = {}) {
  endpoint = fakeEndpoint(needsEndpoint({ results: () => json(200, { widget: 'needs-assets', widgetId: 'any', ...results }) }));
  const element = await make({ attributes: 'results="always"', ...options });
  await until(() => table(element), 3000, 'the results table');
  return element;
}

describe('<delib-needs-assets> results', () => {
  it("names the page's categories of both sides in the results request, once each", async () => {
    const element = await withResults({ total: 0, needs: {}, assets: {} }, { inner: pageGroups });
    const request = endpoint!.calls.find((call) => call.url.includes('/results/'))!;
    expect(new URL(request.url).searchParams.getAll('value')).to.deep.equal(['food', 'housing', 'other', 'time', 'space']);
    expect(table(element)).to.exist;
  });

  it('shows each page category once, needs and offers side by side, as counts and whole percentages', async () => {
    const element = await withResults(
      {
        total: 8,
        needs: { food: 3, housing: 1, other: 1 },
        assets: { time: 2, food: 1, space: 0 },
      },
      { inner: pageGroups },
    );
    expect(text(shadow(element, 'caption'))).to.equal('What we need, what we have: 8 people answered');
    expect(shadowAll(element, 'thead th').map((cell) => text(cell))).to.deep.equal(['Category', 'Need it', 'Can offer it']);
    expect(shadowAll(element, 'thead th').every((cell) => cell.getAttribute('scope') === 'col')).to.be.true;
    expect(shadowAll(element, 'tbody th').every((cell) => cell.getAttribute('scope') === 'row')).to.be.true;
    expect(rows(element)).to.deep.equal([
      ['Food', '3 (38%)', '1 (13%)'],
      ['Housing', '1 (13%)', 'Not asked'],
      ['Something else', '1 (13%)', '0 (0%)'],
      ['Time', 'Not asked', '2 (25%)'],
      ['A space', 'Not asked', '0 (0%)'],
    ]);
    expect(text(shadow(element, '[part="note"]'))).to.equal(
      'Each number is how many people named that category. People could name several, so the percentages, of everyone who answered, need not add up to 100.',
    );
    await expectAccessible(element);
  });

  it('draws a bar for each count, sized by its share and hidden from screen readers', async () => {
    const element = await withResults({ total: 8, needs: { food: 2 }, assets: {} }, { inner: pageGroups });
    const bars = shadowAll(element, '[part="bar"]');
    expect(bars.length, 'one per count, none for "Not asked"').to.equal(7);
    expect(bars.every((bar) => bar.getAttribute('aria-hidden') === 'true')).to.be.true;
    expect(bars[0].style.getPropertyValue('--share')).to.equal('25%');
    expect(bars[1].style.getPropertyValue('--share')).to.equal('0%');
  });

  it('is a table named by its caption, with its header cells, in the accessibility tree', async () => {
    const element = await withResults({ total: 1, needs: { food: 1 }, assets: { time: 1 } }, { inner: pageGroups });
    const nodes = accessibleNodes(await accessibilityTree(element));
    expect(nodes.find((node) => node.role === 'table')!.name).to.equal('What we need, what we have: 1 person answered');
    expect(nodes.filter((node) => node.role === 'columnheader').map((node) => node.name)).to.deep.equal([
      'Category',
      'Need it',
      'Can offer it',
    ]);
    expect(nodes.filter((node) => node.role === 'rowheader').map((node) => node.name)).to.deep.equal([
      'Food',
      'Housing',
      'Something else',
      'Time',
      'A space',
    ]);
  });

  it('never shows a category the page does not list, however the endpoint counts it', async () => {
    const stranger = '<b>Vote for me</b>';
    const element = await withResults(
      { total: 3, needs: { food: 1, [stranger]: 50, 'made-up': 9 }, assets: { 'free-stuff': 4 } },
      { inner: pageGroups },
    );
    expect(rows(element).map((row) => row[0])).to.deep.equal(['Food', 'Housing', 'Something else', 'Time', 'A space']);
    const shown = text(table(element));
    for (const word of ['Vote for me', 'made-up', 'free-stuff', '50']) expect(shown).to.not.contain(word);
    expect(shadowAll(element, 'table b').length).to.equal(0);
  });

  it('lists every default category on its own row, needs first, then offers, each “Something else” once', async () => {
    const element = await withResults({ total: 2, needs: { housing: 2 }, assets: { skills: 1 } });
    const table = rows(element);
    expect(table).to.have.length(11 + 1 + 6);
    expect(table[0]).to.deep.equal(['Housing', '2 (100%)', 'Not asked']);
    expect(table[11]).to.deep.equal(['Something else', '0 (0%)', '0 (0%)']);
    expect(table[12]).to.deep.equal(['Skills', 'Not asked', '1 (50%)']);
  });

  it('reads counts it cannot understand as nought rather than breaking', async () => {
    const element = await withResults({ total: 'many', needs: { food: 'lots' }, assets: null }, { inner: pageGroups });
    expect(text(shadow(element, 'caption'))).to.equal('What we need, what we have: 0 people answered');
    expect(rows(element)[0]).to.deep.equal(['Food', '0 (0%)', '0 (0%)']);
  });

  const captions: [lang: string | undefined, total: number, caption: string][] = [
    [undefined, 0, 'What we need, what we have: 0 people answered'],
    [undefined, 1, 'What we need, what we have: 1 person answered'],
    [undefined, 2, 'What we need, what we have: 2 people answered'],
    ['cy', 1, 'Beth sydd ei angen arnom, beth sydd gennym: 1 person wedi ateb'],
    ['cy', 2, 'Beth sydd ei angen arnom, beth sydd gennym: 2 berson wedi ateb'],
    ['cy', 3, 'Beth sydd ei angen arnom, beth sydd gennym: 3 pherson wedi ateb'],
    ['cy', 20, 'Beth sydd ei angen arnom, beth sydd gennym: 20 o bobl wedi ateb'],
    ['gd', 1, 'Na tha a dhìth oirnn, na tha againn: fhreagair 1 neach'],
    ['gd', 5, 'Na tha a dhìth oirnn, na tha againn: fhreagair 5 daoine'],
  ];
  for (const [lang, total, caption] of captions) {
    it(`captions ${total} in ${lang ?? 'en'}: “${caption}”`, async () => {
      const element = await withResults({ total, needs: {}, assets: {} }, { lang });
      expect(text(shadow(element, 'caption'))).to.equal(caption);
    });
  }

  it('offers “Try again” when the results cannot be loaded, which loads them again', async () => {
    let calls = 0;
    endpoint = fakeEndpoint(
      needsEndpoint({
        results: () =>
          ++calls === 1 ? json(500, {}) : json(200, { widget: 'needs-assets', total: 1, needs: { food: 1 }, assets: {} }),
      }),
    );
    const element = await make({ attributes: 'results="always"' });
    await until(() => shadow(element, '[part="retry"]'), 3000, 'Try again');
    expect(text(element.shadowRoot as unknown as Element)).to.contain('The results could not be loaded.');
    await expectAccessible(element);
    button(element, 'Try again').click();
    await until(() => table(element), 3000, 'the results table');
    expect(calls).to.equal(2);
    expectNone(shadow(element, '[part="retry"]'));
  });

  it('shows the results below the confirmation once the answers are sent (results after-submit)', async () => {
    endpoint = fakeEndpoint(needsEndpoint({ needs: { food: 4 }, assets: { time: 2 }, total: 4 }));
    const element = await make();
    expectNone(table(element), 'not before sending');
    await fillIn(element, {});
    await send(element);
    await until(() => table(element), 3000, 'the results table');
    expect(rows(element).find((row) => row[0] === 'Food')).to.deep.equal(['Food', '4 (100%)', 'Not asked']);
    expect(shadow(element, '[part="answer"]')!.compareDocumentPosition(table(element)!)).to.equal(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    await expectAccessible(element);
  });

  it('shows no results with results="never", even once closed: only a published outcome', async () => {
    endpoint = fakeEndpoint(needsEndpoint({ needs: { food: 4 }, total: 4 }));
    const element = await make({ attributes: 'results="never" closes="2020-01-31T17:00:00Z"' });
    expect(text(element.shadowRoot as unknown as Element)).to.contain('This closed on');
    // Read once closed, for the outcome alone.
    await until(() => endpoint!.calls.length === 1, 3000, 'results read');
    await element.updateComplete;
    expectNone(table(element));
    expect(shadow(element, '[part="outcome"]')).to.be.null;
    expect(text(element.shadowRoot as unknown as Element)).not.to.contain('Loading');
    expect(shadowAll(element, 'input, button, textarea').length, 'nothing to answer once closed').to.equal(0);
  });
});

describe('closed at the endpoint, and the outcome', () => {
  it('says the question has closed, keeps the answers, and shows results with the outcome (Gaelic falls back to English)', async () => {
    endpoint = fakeEndpoint(
      needsEndpoint({
        post: () => json(410, { error: { code: 'closed', message: 'Closed.' } }),
        results: (call) =>
          json(200, {
            widget: 'needs-assets',
            widgetId: decodeURIComponent(call.url.split('/results/')[1]!.split('?')[0]),
            total: 3,
            needs: { food: 3 },
            assets: {},
            outcome: { text: { en: 'A food bank opens in May.' }, publishedAt: '2027-04-01T09:00:00Z' },
          }),
      }),
    );
    const element = await make();
    await fillIn(element, {});
    await send(element);
    await until(() => element.closedAtEndpoint, 3000, '410');
    // The page turns Gaelic (the helpers find controls by their English names).
    element.lang = 'gd';
    await until(() => text(shadow(element, '[part="status"]')).startsWith('Tha'), 3000, 'Gaelic');
    await element.updateComplete;
    expect(text(shadow(element, '[part="status"]'))).to.equal(
      "Tha a' cheist seo air dùnadh, agus chan eil sinn a' gabhail ri barrachd fhreagairtean.",
    );
    expect(shadow<HTMLButtonElement>(element, '[part="submit"]')!.disabled).to.be.true;
    await until(() => shadow(element, '[part="outcome"]'), 3000, 'outcome');
    expect(text(shadow(element, '[part="outcome"]'))).to.contain('A food bank opens in May.');
    await expectAccessible(element);
  });
});
