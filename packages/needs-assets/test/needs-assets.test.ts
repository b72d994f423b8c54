import { fixture, expect } from '@open-wc/testing';
import type { DelibNeedsAssets } from '../src/needs-assets.js';
import '../src/define.js';
import {
  button,
  byLabel,
  clearDelibStorage,
  expectAccessible,
  fakeEndpoint,
  json,
  shadow,
  shadowAll,
  statusText,
  until,
  type Call,
} from '../../../test/helpers.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
});

/** Acknowledges every POST and answers results as a needs-assets endpoint would. */
const needsEndpoint =
  (needs: Record<string, number> = {}, assets: Record<string, number> = {}, total = 0) =>
  (call: Call) => {
    if (call.method === 'POST') return json(201, { id: (call.body as { id: string }).id, accepted: true });
    const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
    if (widgetId) return json(200, { widget: 'needs-assets', widgetId, total, needs, assets });
    return undefined;
  };

const form = (attributes = '', widgetId = `na-${Math.random().toString(36).slice(2)}`) =>
  fixture<DelibNeedsAssets>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<delib-needs-assets widget-id="${widgetId}" endpoint="https://api.test/api" privacy-url="/privacy" ${attributes}></delib-needs-assets>`,
    }).firstElementChild as DelibNeedsAssets,
  );

const heading = (element: DelibNeedsAssets) => shadow(element, '#heading')!.textContent!.replace(/\s+/g, ' ').trim();
const focused = (element: DelibNeedsAssets) => element.shadowRoot!.activeElement;

async function next(element: DelibNeedsAssets) {
  button(element, 'Continue').click();
  await element.updateComplete;
}

async function tick(element: DelibNeedsAssets, label: string) {
  byLabel(element, label).click();
  await element.updateComplete;
}

async function type(element: DelibNeedsAssets, label: string, text: string) {
  const field = byLabel<HTMLInputElement>(element, label);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await element.updateComplete;
}

describe('<delib-needs-assets>', () => {
  it('goes through every step, checks the answers and posts the contract answer without contact', async () => {
    endpoint = fakeEndpoint(needsEndpoint({ food: 3 }, { time: 2 }, 4));
    const element = await form();
    expect(heading(element)).to.equal('Step 1 of 4 What does your community need?');
    await expectAccessible(element);
    await tick(element, 'Food');
    await type(element, 'Tell us more (optional)', 'A  community\u0007 fridge');
    await tick(element, 'Green spaces');
    await next(element);
    expect(heading(element)).to.equal('Step 2 of 4 What can you offer?');
    expect(focused(element)?.id).to.equal('heading');
    expect(statusText(element)).to.equal('Step 2 of 4: What can you offer?');
    await tick(element, 'Time');
    await expectAccessible(element);
    await next(element);
    await type(element, 'Neighbourhood, street or postcode (optional)', 'sw1a1aa');
    await next(element);
    expect(heading(element)).to.equal('Step 4 of 4 Can we contact you?');
    await expectAccessible(element);
    await next(element);
    expect(heading(element)).to.equal('Check your answers before sending');
    await expectAccessible(element);
    button(element, 'Send').click();
    await until(() => endpoint!.posts().length === 1);
    await until(() => shadow(element, '[part="answer"]'));
    const envelope = endpoint.posts()[0].body as { widget: string; answer: unknown };
    expect(envelope.widget).to.equal('needs-assets');
    expect(envelope.answer).to.deep.equal({
      needs: [{ category: 'food', detail: 'A community fridge' }, { category: 'green-spaces' }],
      assets: [{ category: 'time' }],
      area: 'SW1A 1AA',
    });
    await until(() => shadow(element, 'table'));
    await expectAccessible(element);
  });

  it('shows the error summary, linked to the field, and counts problems in the step heading', async () => {
    const element = await form();
    await next(element);
    expect(heading(element)).to.equal('Step 1 of 4 Error (1 problem): What does your community need?');
    const summary = shadow(element, '.summary')!;
    expect(focused(element)).to.equal(summary);
    await expectAccessible(element);
    await tick(element, 'Nothing at the moment');
    await next(element);
    await tick(element, 'Nothing at the moment');
    await next(element);
    expect(heading(element)).to.contain('Error (1 problem)');
    expect(summary.isConnected || shadow(element, '.summary')).to.be.ok;
  });

  it('sends contact details only with consent, validated', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await form();
    await tick(element, 'Housing');
    await next(element);
    await tick(element, 'Skills');
    await next(element);
    await next(element);
    await tick(element, 'Yes, you can contact me about this');
    await type(element, 'Email address', 'not-an-email');
    await next(element);
    expect(heading(element)).to.equal('Step 4 of 4 Error (2 problems): Can we contact you?');
    await expectAccessible(element);
    await type(element, 'Your name', 'Ann Other');
    await type(element, 'Email address', 'ann@example.com');
    await next(element);
    button(element, 'Send').click();
    await until(() => endpoint!.posts().length === 1);
    expect((endpoint.posts()[0].body as { answer: { contact: unknown } }).answer.contact).to.deep.equal({
      name: 'Ann Other',
      email: 'ann@example.com',
    });
    expect(sessionStorage.length).to.equal(0);
    expect(shadowAll(element, 'h2').length).to.be.greaterThan(0);
  });
});
