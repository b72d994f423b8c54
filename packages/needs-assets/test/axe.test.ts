import { expect } from '@open-wc/testing';
import { clearDelibStorage, expectAccessible, fakeEndpoint, json, shadow, until } from '../../../test/helpers.js';
import { fillIn, make, needsEndpoint, next, send, text, tick, type, type DelibNeedsAssets } from './fixtures.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
  clearDelibStorage();
});

const contact = { name: 'Ann Other', email: 'ann@example.com', phone: '01632 960 001' };
const on = (element: DelibNeedsAssets) => text(element.shadowRoot as unknown as Element);

/** Fills in everything, sends, and waits until `shows` is on screen. */
async function sent(post: NonNullable<Parameters<typeof needsEndpoint>[0]>['post'], shows: string) {
  endpoint = fakeEndpoint(needsEndpoint({ needs: { food: 2 }, assets: { time: 1 }, total: 3, post }));
  const element = await make();
  await fillIn(element, { details: { Food: 'A fridge' }, area: 'Riverside', contact });
  await send(element);
  await until(() => on(element).includes(shows), 3000, shows);
  return element;
}

/**
 * Every step and every state a person can meet, each with a text that proves the state was reached.
 * All must pass axe (WCAG 2.x A and AA).
 */
const states: [name: string, setup: () => Promise<DelibNeedsAssets>, shows: string][] = [
  ['step 1, needs', () => make(), 'Select all that apply.'],
  [
    'step 1 with a ticked category and its box open',
    async () => {
      const element = await make();
      await tick(element, 'Food');
      await tick(element, 'Something else');
      return element;
    },
    'What else does your community need?',
  ],
  [
    'step 2, what I can offer, hints under the options',
    async () => {
      const element = await make();
      await fillIn(element, {}, 1);
      return element;
    },
    'Such as cooking, repairs, languages or first aid',
  ],
  [
    'step 3, area',
    async () => {
      const element = await make();
      await fillIn(element, {}, 2);
      return element;
    },
    'You do not have to give a postcode.',
  ],
  [
    'step 4, contact, consent not given',
    async () => {
      const element = await make();
      await fillIn(element, {}, 3);
      return element;
    },
    'Yes, you can contact me about this',
  ],
  [
    'step 4, contact, consent given and the details revealed',
    async () => {
      const element = await make();
      await fillIn(element, {}, 3);
      await tick(element, 'Yes, you can contact me about this');
      return element;
    },
    'Give an email address, a phone number or both.',
  ],
  [
    'check your answers',
    async () => {
      const element = await make();
      await fillIn(element, { details: { Food: 'A fridge' }, area: 'sw1a1aa', contact });
      return element;
    },
    'Change Contact',
  ],
  ['done: submitted, with the results below', () => sent(undefined, 'What we need, what we have'), 'What happens next'],
  [
    'done: queued after a 503',
    () => sent(() => json(503, { error: { code: 'unavailable', message: 'Down' } }), 'Your answers are saved'),
    'They are saved on this device',
  ],
  [
    'done: queued after a network error',
    () => sent(() => 'network-error', 'Your answers are saved'),
    'will be sent automatically',
  ],
  [
    'refused with the endpoint’s message',
    () =>
      sent(
        () => json(422, { error: { code: 'invalid', message: 'Only answers about Riverside are accepted' } }),
        'Only answers about Riverside are accepted',
      ),
    'Check your answers before sending',
  ],
  [
    'closed',
    async () => {
      endpoint = fakeEndpoint(needsEndpoint({ needs: { food: 1 }, total: 1 }));
      const element = await make({ attributes: 'closes="2020-01-31T17:00:00Z"' });
      await until(() => shadow(element, 'table'), 3000, 'the results');
      return element;
    },
    'This closed on',
  ],
  [
    'results table under step 1 (results="always")',
    async () => {
      endpoint = fakeEndpoint(needsEndpoint({ needs: { food: 3, housing: 1 }, assets: { time: 2 }, total: 4 }));
      const element = await make({ attributes: 'results="always"' });
      await until(() => shadow(element, 'table'), 3000, 'the results');
      return element;
    },
    '3 (75%)',
  ],
  [
    'results that could not be loaded',
    async () => {
      endpoint = fakeEndpoint(needsEndpoint({ results: () => json(500, {}) }));
      const element = await make({ attributes: 'results="always"' });
      await until(() => shadow(element, '[part="retry"]'), 3000, 'Try again');
      return element;
    },
    'The results could not be loaded.',
  ],
  ['Welsh, step 1', () => make({ lang: 'cy' }), 'Beth sydd ei angen ar eich cymuned?'],
  [
    'Welsh, check your answers',
    async () => {
      const element = await make({ lang: 'cy' });
      await tick(element, 'Bwyd');
      await next(element);
      await tick(element, 'Amser');
      for (let step = 0; step < 3; step++) await next(element);
      return element;
    },
    'Edrychwch dros eich atebion cyn anfon',
  ],
  ['Gaelic, step 1', () => make({ lang: 'gd' }), 'Dè a tha a dhìth air do choimhearsnachd?'],
  [
    'error: nothing ticked on step 1',
    async () => {
      const element = await make();
      await next(element);
      return element;
    },
    'There is a problem',
  ],
  [
    'error: "Something else" ticked without saying what',
    async () => {
      const element = await make();
      await tick(element, 'Something else');
      await next(element);
      return element;
    },
    'Tell us what else your community needs',
  ],
  [
    'error: "Nothing at the moment" on both sides',
    async () => {
      const element = await make();
      await fillIn(element, { needs: 'none', assets: 'none' }, 2);
      return element;
    },
    'go back and say what your community needs',
  ],
  [
    'error: a postcode that is not one',
    async () => {
      const element = await make();
      await fillIn(element, { area: 'SW1A 1A' }, 3);
      return element;
    },
    'Enter a full postcode',
  ],
  [
    'error: three problems with the contact details',
    async () => {
      const element = await make();
      await fillIn(element, {}, 3);
      await tick(element, 'Yes, you can contact me about this');
      await type(element, 'Email address', 'ann@example');
      await type(element, 'Phone number', 'call me');
      await next(element);
      return element;
    },
    'Error (3 problems)',
  ],
  [
    'error: Welsh, nothing ticked',
    async () => {
      const element = await make({ lang: 'cy' });
      await next(element);
      return element;
    },
    'Mae problem',
  ],
  [
    'error: Gaelic, nothing ticked',
    async () => {
      const element = await make({ lang: 'gd' });
      await next(element);
      return element;
    },
    'Tha duilgheadas ann',
  ],
];

describe('<delib-needs-assets> passes axe', () => {
  for (const [name, setup, shows] of states) {
    it(name, async () => {
      const element = await setup();
      expect(on(element), 'the state was reached').to.contain(shows);
      await expectAccessible(element);
    });
  }
});
