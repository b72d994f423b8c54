import { expect } from '@open-wc/testing';
import { clearDelibStorage, fakeEndpoint, shadow, shadowAll, statusText, until } from '../../../test/helpers.js';
import {
  back,
  checkboxLabels,
  expectFocus,
  fill,
  headingText,
  make,
  needsEndpoint,
  next,
  send,
  summary,
  summaryLinks,
  text,
  type DelibNeedsAssets,
  type Envelope,
} from './fixtures.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
  clearDelibStorage();
});

const byId = <T extends HTMLElement = HTMLInputElement>(element: DelibNeedsAssets, id: string) =>
  element.shadowRoot!.getElementById(id) as T;
const label = (element: DelibNeedsAssets, id: string) => text(byId(element, id).labels![0]);
const partText = (element: DelibNeedsAssets, part: string) => text(shadow(element, `[part="${part}"]`));

/** Goes to the contact step, ticking the first category on each side, in any language. */
async function toContact(element: DelibNeedsAssets) {
  byId(element, 'needs-0').click();
  await next(element);
  byId(element, 'assets-0').click();
  await next(element);
  await next(element);
}

/** Consent given, then the fields filled in so that the contact step has `n` problems (1 to 3). */
async function contactProblems(element: DelibNeedsAssets, n: 1 | 2 | 3) {
  await toContact(element);
  byId(element, 'consent').click();
  await element.updateComplete;
  if (n === 1) {
    await fill(byId(element, 'name'), 'Ann', element);
    await fill(byId(element, 'email'), 'ann@example', element);
  } else if (n === 3) {
    await fill(byId(element, 'email'), 'ann@example', element);
    await fill(byId(element, 'phone'), '12', element);
  }
  await next(element);
}

describe('<delib-needs-assets> languages', () => {
  it('speaks Welsh inside lang="cy": steps, hints, buttons, errors, check your answers, confirmation and locale', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await make({ lang: 'cy' });
    expect(headingText(element)).to.equal('Cam 1 o 4 Beth sydd ei angen ar eich cymuned?');
    expect(text(shadow(element, '#hint'))).to.equal("Dewiswch bob un sy'n berthnasol.");
    expect(checkboxLabels(element).slice(0, 4)).to.deep.equal(['Tai', 'Mynd o le i le', 'Iechyd a gofal', 'Bwyd']);
    expect(checkboxLabels(element).slice(-2)).to.deep.equal(['Rhywbeth arall', 'Dim byd ar hyn o bryd']);
    expect(partText(element, 'continue')).to.equal('Parhau');
    await next(element);
    expect(headingText(element)).to.equal('Cam 1 o 4 Gwall (1 broblem): Beth sydd ei angen ar eich cymuned?');
    expectFocus(element, summary(element));
    expect(text(summary(element)!.querySelector('#summary-title'))).to.equal('Mae problem');
    expect(summaryLinks(element).map((link) => text(link))).to.deep.equal([
      'Dewiswch beth sydd ei angen ar eich cymuned, neu dewiswch ‘Dim byd ar hyn o bryd’',
    ]);
    expect(text(shadow(element, '#needs-0-error'))).to.equal(
      'Gwall: Dewiswch beth sydd ei angen ar eich cymuned, neu dewiswch ‘Dim byd ar hyn o bryd’',
    );
    byId(element, 'needs-3').click();
    await element.updateComplete;
    expect(label(element, 'needs-3-detail')).to.equal('Bwyd: dywedwch fwy wrthym (dewisol)');
    await next(element);
    expect(statusText(element)).to.equal('Cam 2 o 4: Beth allwch chi ei gynnig?');
    expect(partText(element, 'back')).to.equal('Yn ôl');
    expect(text(shadow(element, '#assets-0-hint'))).to.equal('Fel coginio, gwaith trwsio, ieithoedd neu gymorth cyntaf');
    byId(element, 'assets-1').click();
    await next(element);
    expect(label(element, 'area')).to.equal('Cymdogaeth, stryd neu god post (dewisol)');
    await fill(byId(element, 'area'), 'SW1A 1A', element);
    await next(element);
    expect(summaryLinks(element).map((link) => text(link))).to.deep.equal([
      'Rhowch god post llawn, fel SW1A 1AA, neu enw eich ardal',
    ]);
    await fill(byId(element, 'area'), 'Glan yr Afon', element);
    await next(element);
    expect(headingText(element)).to.equal('Cam 4 o 4 A gawn ni gysylltu â chi?');
    expect(label(element, 'consent')).to.equal('Cewch, gallwch gysylltu â mi am hyn');
    await next(element);
    expect(headingText(element)).to.equal('Edrychwch dros eich atebion cyn anfon');
    expect(shadowAll(element, '[part="summary-list"] dt').map((dt) => text(dt))).to.deep.equal([
      'Beth sydd ei angen ar eich cymuned',
      'Beth allwch chi ei gynnig',
      'Ble',
      'Cyswllt',
    ]);
    expect(text(shadowAll(element, '[part="change"]')[2])).to.equal('Newid Ble');
    expect(text(shadow(element, '[part="summary-list"]')))
      .to.contain('Bwyd')
      .and.contain('Amser')
      .and.contain('Peidiwch â chysylltu â mi');
    expect(partText(element, 'submit')).to.equal('Anfon');
    await send(element);
    await until(() => shadow(element, '[part="answer"]'));
    expect(text(shadow(element, '[part="answer"] h2'))).to.equal('Diolch');
    expect(text(shadow(element, '[part="answer"] h3'))).to.equal("Beth sy'n digwydd nesaf");
    const envelope = endpoint.posts()[0].body as Envelope;
    expect(envelope.locale).to.equal('cy');
    expect(envelope.answer).to.deep.equal({
      needs: [{ category: 'food' }],
      assets: [{ category: 'time' }],
      area: 'Glan yr Afon',
    });
  });

  it('speaks Gaelic inside lang="gd"', async () => {
    const element = await make({ lang: 'gd' });
    expect(headingText(element)).to.equal('Ceum 1 de 4 Dè a tha a dhìth air do choimhearsnachd?');
    expect(checkboxLabels(element)[3]).to.equal('Biadh');
    expect(partText(element, 'continue')).to.equal('Lean air adhart');
    await next(element);
    expect(text(summary(element)!.querySelector('#summary-title'))).to.equal('Tha duilgheadas ann');
    byId(element, 'needs-0').click();
    await next(element);
    expect(statusText(element)).to.equal('Ceum 2 de 4: Dè as urrainn dhut a thabhann?');
    expect(partText(element, 'back')).to.equal('Air ais');
    await back(element);
    expect(headingText(element)).to.equal('Ceum 1 de 4 Dè a tha a dhìth air do choimhearsnachd?');
  });

  const counts: [lang: string | undefined, n: 1 | 2 | 3, words: string][] = [
    [undefined, 1, 'Error (1 problem)'],
    [undefined, 2, 'Error (2 problems)'],
    [undefined, 3, 'Error (3 problems)'],
    ['cy', 1, 'Gwall (1 broblem)'],
    ['cy', 2, 'Gwall (2 broblem)'],
    ['cy', 3, 'Gwall (3 problem)'],
    ['gd', 1, 'Mearachd (1 duilgheadas)'],
    ['gd', 2, 'Mearachd (2 dhuilgheadas)'],
    ['gd', 3, 'Mearachd (3 duilgheadasan)'],
  ];
  for (const [lang, n, words] of counts) {
    it(`counts ${n} problem${n === 1 ? '' : 's'} in the step heading in ${lang ?? 'en'}: “${words}”`, async () => {
      const element = await make({ lang });
      await contactProblems(element, n);
      expect(summaryLinks(element)).to.have.length(n);
      expect(headingText(element)).to.match(new RegExp(`^\\S+ 4 \\S+ 4 ${words.replace(/[()]/g, '\\$&')}: `));
    });
  }

  it('lets the messages property override any string, the rest staying as shipped', async () => {
    const element = await make();
    element.messages = {
      continue: 'Next',
      needsTitle: 'What is missing around here?',
      'category.food': 'Food and groceries',
      errorTitle: { one: 'Oops ({n}): {title}', other: 'Oops ×{n}: {title}' },
    };
    await element.updateComplete;
    expect(partText(element, 'continue')).to.equal('Next');
    expect(headingText(element)).to.equal('Step 1 of 4 What is missing around here?');
    expect(checkboxLabels(element)[3]).to.equal('Food and groceries');
    expect(checkboxLabels(element)[0]).to.equal('Housing');
    await next(element);
    expect(headingText(element)).to.equal('Step 1 of 4 Oops (1): What is missing around here?');
  });

  it('lets the messages property override a string in Welsh too', async () => {
    const element = await make({ lang: 'cy' });
    element.messages = { continue: 'Ymlaen' };
    await element.updateComplete;
    expect(partText(element, 'continue')).to.equal('Ymlaen');
    expect(headingText(element)).to.equal('Cam 1 o 4 Beth sydd ei angen ar eich cymuned?');
  });
});
