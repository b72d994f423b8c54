import { expect, oneEvent } from '@open-wc/testing';
import {
  byLabel,
  clearDelibStorage,
  fakeEndpoint,
  json,
  outboxKeys,
  shadow,
  shadowAll,
  statusText,
  until,
} from '../../../test/helpers.js';
import {
  back,
  detailBox,
  draftOf,
  expectNone,
  explain,
  fillIn,
  focused,
  headingText,
  make,
  needsEndpoint,
  newId,
  next,
  send,
  summary,
  tick,
  type,
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

const consent = 'Yes, you can contact me about this';
const areaLabel = 'Neighbourhood, street or postcode (optional)';
const ann = { name: 'Ann Other', email: 'ann@example.com', phone: '01632 960 001' };
const secrets = Object.values(ann);

/** Keys of `storage` whose key or value holds any of Ann's details. */
const holdingContact = (storage: Storage) =>
  Object.keys(storage).filter((key) => secrets.some((secret) => key.includes(secret) || storage.getItem(key)!.includes(secret)));

/** localStorage holds no contact details outside `allowed` keys, and never a remembered answer. */
function expectNothingPersonalKept(where: string, allowed: string[] = []) {
  expect(
    holdingContact(localStorage).filter((key) => !allowed.includes(key)),
    `no contact details in localStorage ${where}`,
  ).to.deep.equal([]);
  expect(
    Object.keys(localStorage).filter((key) => key.startsWith('delib:answer:')),
    `no remembered answer ${where}`,
  ).to.deep.equal([]);
}

const posted = () => endpoint!.posts().map((call) => call.body as Envelope);

describe('<delib-needs-assets> keeps no personal data it should not', () => {
  it('sends no contact key at all without consent, even after details were typed and consent withdrawn', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await make();
    await fillIn(element, {}, 3);
    await tick(element, consent);
    await type(element, 'Your name', ann.name);
    await type(element, 'Email address', ann.email);
    await type(element, 'Phone number', ann.phone);
    await tick(element, consent);
    expectNone(shadow(element, '#name'), 'the details are hidden again');
    await next(element);
    expect(shadow(element, '[part="summary-list"]')!.textContent).to.contain('Do not contact me').and.not.contain('Ann');
    expect(element.answer).to.not.have.property('contact');
    await send(element);
    await until(() => posted().length === 1);
    const [envelope] = posted();
    expect(Object.keys(envelope.answer)).to.deep.equal(['needs', 'assets']);
    for (const secret of secrets) expect(JSON.stringify(envelope)).to.not.contain(secret);
  });

  it('sends exactly { name, email, phone } with consent, cleaned of control characters and stray spaces', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await make();
    await fillIn(element, {
      contact: { name: '  Ann\u0000\u0007  Other\n', email: ' ann@example.com ', phone: ' 01632\t960  001 ' },
    });
    await send(element);
    await until(() => posted().length === 1);
    expect(posted()[0].answer.contact).to.deep.equal(ann);
  });

  const partial: [given: string, details: { name: string; email?: string; phone?: string }][] = [
    ['only an email', { name: 'Ann', email: 'ann@example.com' }],
    ['only a phone', { name: 'Ann', phone: '+44 808 157 0192' }],
    ['a phone, and an email of only spaces', { name: 'Ann', email: '   ', phone: '+44 808 157 0192' }],
  ];
  for (const [given, details] of partial) {
    it(`with consent and ${given}, the contact has no key for what was not given`, async () => {
      endpoint = fakeEndpoint(needsEndpoint());
      const element = await make();
      await fillIn(element, { contact: details });
      await send(element);
      await until(() => posted().length === 1);
      const expected: Record<string, string> = { name: 'Ann' };
      if (details.email?.trim()) expected.email = details.email;
      if (details.phone) expected.phone = details.phone;
      expect(posted()[0].answer.contact).to.deep.equal(expected);
    });
  }

  it('keeps contact details out of localStorage at every step; the outbox entry holds them only until delivered', async () => {
    let deliver!: () => void;
    endpoint = fakeEndpoint(
      needsEndpoint({
        post: (call) =>
          new Promise<Response>((resolve) => {
            deliver = () => resolve(json(201, { id: (call.body as Envelope).id, accepted: true }));
          }),
      }),
    );
    const element = await make();
    expectNothingPersonalKept('at the start');
    await fillIn(element, { details: { Food: ann.name } }, 1);
    expectNothingPersonalKept('after step 1');
    await tick(element, 'Time');
    await next(element);
    await type(element, areaLabel, ann.email);
    expectNothingPersonalKept('while typing the area');
    await type(element, areaLabel, '');
    await next(element);
    await tick(element, consent);
    await type(element, 'Your name', ann.name);
    await type(element, 'Email address', ann.email);
    await type(element, 'Phone number', ann.phone);
    expectNothingPersonalKept('while typing contact details');
    await next(element);
    expectNothingPersonalKept('on check your answers');
    await send(element);
    await until(() => posted().length === 1);
    const [pending] = outboxKeys();
    expect(outboxKeys(), 'one pending outbox entry').to.have.length(1);
    expect(localStorage.getItem(pending)).to.contain(ann.email);
    expectNothingPersonalKept('while sending, apart from the outbox entry', [pending]);
    deliver();
    await until(() => outboxKeys().length === 0, 3000, 'the outbox entry to go once delivered');
    await until(() => shadow(element, '[part="answer"]'));
    expectNothingPersonalKept('once delivered');
    expect(draftOf(element), 'no draft left').to.be.null;
    expect(holdingContact(sessionStorage)).to.deep.equal([]);
  });

  const failures: [name: string, reply: () => Response | 'network-error'][] = [
    ['a 503', () => json(503, { error: { code: 'unavailable', message: 'Down for maintenance' } })],
    ['a network error', () => 'network-error'],
  ];
  for (const [name, reply] of failures) {
    it(`after ${name}, says the answers are saved; the outbox entry is the only copy left, and the draft is gone`, async () => {
      endpoint = fakeEndpoint(needsEndpoint({ post: reply }));
      const element = await make();
      await fillIn(element, { contact: ann });
      expect(draftOf(element).email, 'the draft keeps contact details while consent is given').to.equal(ann.email);
      const queued = oneEvent(element, 'delib-queued');
      await send(element);
      await queued;
      await element.updateComplete;
      expect(shadow(element, '[part="answer"] h2')!.textContent).to.equal('Your answers are saved');
      expect(statusText(element)).to.contain('They are saved on this device and will be sent automatically');
      expect(shadow(element, '.note')!.textContent).to.equal('Results will be shown once your answers have been sent.');
      expect(draftOf(element)).to.be.null;
      expect(holdingContact(sessionStorage)).to.deep.equal([]);
      expect(outboxKeys()).to.have.length(1);
      expectNothingPersonalKept('once queued', outboxKeys());
      await until(() => focused(element) === shadow(element, '[part="answer"]'), 3000, 'focus on the confirmation');
    });
  }

  it('on a refusal shows the endpoint’s message and keeps every answer, on screen and in the draft', async () => {
    endpoint = fakeEndpoint(
      needsEndpoint({
        post: () =>
          json(422, { error: { code: 'invalid', message: 'Only answers about Riverside are accepted', field: 'answer.area' } }),
      }),
    );
    const element = await make();
    await fillIn(element, { details: { Food: 'A fridge' }, area: 'Mill Street', contact: ann });
    const refused = oneEvent(element, 'delib-error');
    await send(element);
    const event = await refused;
    expect(event.detail.status).to.equal(422);
    await element.updateComplete;
    expect(statusText(element)).to.equal('Your answers could not be accepted: Only answers about Riverside are accepted');
    expect(element.step).to.equal('check');
    expect(shadow(element, '[part="summary-list"]')!.textContent).to.contain('A fridge').and.contain('Mill Street');
    expect(shadow<HTMLButtonElement>(element, '[part="submit"]')!.disabled, 'Send works again').to.be.false;
    expect(draftOf(element)).to.include({ area: 'Mill Street', name: ann.name });
    expect(outboxKeys(), 'nothing left to retry').to.have.length(0);
    expectNothingPersonalKept('after a refusal');
  });

  it('keeps the draft in sessionStorage as it is typed, without contact details while consent is off', async () => {
    const element = await make();
    expect(draftOf(element), 'nothing stored before anything is typed').to.be.null;
    await tick(element, 'Food');
    expect(draftOf(element).needs).to.deep.equal({ food: '' });
    await explain(element, 'Food', 'A fridge');
    expect(draftOf(element).needs).to.deep.equal({ food: 'A fridge' });
    await next(element);
    expect(draftOf(element).step).to.equal('assets');
    await tick(element, 'Nothing at the moment');
    expect(draftOf(element).none).to.include({ assets: true });
    await tick(element, 'Time');
    await next(element);
    await type(element, areaLabel, 'Riverside');
    expect(draftOf(element).area).to.equal('Riverside');
    await next(element);
    await tick(element, consent);
    await type(element, 'Your name', ann.name);
    await type(element, 'Email address', ann.email);
    expect(draftOf(element)).to.include({ consent: true, name: ann.name, email: ann.email });
    await tick(element, consent);
    expect(draftOf(element)).to.include({ consent: false, name: '', email: '', phone: '' });
    expect(holdingContact(sessionStorage)).to.deep.equal([]);
  });

  it('brings back every tick, detail, area, consent, contact detail and the step after a reload', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const widgetId = newId();
    const first = await make({ widgetId });
    await fillIn(
      first,
      {
        needs: ['Food', 'Something else'],
        details: { Food: 'A fridge', 'Something else': 'A bus shelter', Skills: 'First aid' },
        assets: ['Skills', 'Time'],
        area: 'sw1a1aa',
      },
      3,
    );
    await tick(first, consent);
    await type(first, 'Your name', ann.name);
    await type(first, 'Email address', ann.email);
    await type(first, 'Phone number', ann.phone);
    first.remove();

    const element = await make({ widgetId });
    expect(headingText(element)).to.equal('Step 4 of 4 Can we contact you?');
    expect(byLabel(element, consent).checked).to.be.true;
    expect(byLabel(element, 'Your name').value).to.equal(ann.name);
    expect(byLabel(element, 'Email address').value).to.equal(ann.email);
    expect(byLabel(element, 'Phone number').value).to.equal(ann.phone);
    await back(element);
    expect(byLabel(element, areaLabel).value, 'as typed').to.equal('sw1a1aa');
    await back(element);
    expect(byLabel(element, 'Skills').checked).to.be.true;
    expect(byLabel(element, 'Time').checked).to.be.true;
    expect(detailBox(element, 'Skills')!.value).to.equal('First aid');
    await back(element);
    expect(byLabel(element, 'Food').checked).to.be.true;
    expect(detailBox(element, 'Food')!.value).to.equal('A fridge');
    expect(detailBox(element, 'Something else')!.value).to.equal('A bus shelter');
    for (let step = 0; step < 4; step++) await next(element);
    await send(element);
    await until(() => posted().length === 1);
    expect(posted()[0].answer).to.deep.equal({
      needs: [
        { category: 'food', detail: 'A fridge' },
        { category: 'other', detail: 'A bus shelter' },
      ],
      assets: [{ category: 'skills', detail: 'First aid' }, { category: 'time' }],
      area: 'SW1A 1AA',
      contact: ann,
    });
  });

  it('does not bring contact details back after a reload once consent was withdrawn', async () => {
    const widgetId = newId();
    const first = await make({ widgetId });
    await fillIn(first, {}, 3);
    await tick(first, consent);
    await type(first, 'Your name', ann.name);
    await tick(first, consent);
    first.remove();
    const element = await make({ widgetId });
    expect(element.step).to.equal('contact');
    expect(byLabel(element, consent).checked).to.be.false;
    await tick(element, consent);
    expect(byLabel(element, 'Your name').value).to.equal('');
  });

  it('starts afresh after a reload once the answers were sent', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const widgetId = newId();
    const first = await make({ widgetId });
    await fillIn(first, { contact: ann });
    await send(first);
    await until(() => shadow(first, '[part="answer"]'));
    first.remove();
    const element = await make({ widgetId });
    expect(element.step).to.equal('needs');
    expect(shadowAll<HTMLInputElement>(element, 'input:checked').length).to.equal(0);
    expect(element.answer).to.be.undefined;
  });

  it('keeps one draft per widget id', async () => {
    const one = await make();
    await tick(one, 'Food');
    const two = await make();
    expect(byLabel(two, 'Food').checked).to.be.false;
    expect(two.step).to.equal('needs');
  });

  const damaged: [name: string, stored: string, check: (element: DelibNeedsAssets) => unknown][] = [
    ['not JSON', '{"step":"area","needs":{"food"', (element) => expect(element.step).to.equal('needs')],
    ['null', 'null', (element) => expect(element.step).to.equal('needs')],
    ['a number', '42', (element) => expect(element.step).to.equal('needs')],
    ['a string', '"area"', (element) => expect(element.step).to.equal('needs')],
    ['an array', '[{"step":"area"}]', (element) => expect(element.step).to.equal('needs')],
    [
      'fields of the wrong types',
      JSON.stringify({
        step: 'nowhere',
        needs: ['food', 'housing'],
        assets: 'skills',
        none: 'yes',
        area: 12,
        consent: 'true',
        name: { first: 'Ann' },
        email: ['ann@example.com'],
        phone: 1632960001,
      }),
      async (element) => {
        expect(element.step).to.equal('needs');
        expect(shadowAll<HTMLInputElement>(element, 'input:checked').length, 'nothing ticked').to.equal(0);
        expect(element.answer).to.be.undefined;
        await next(element);
        expect(summary(element), 'nothing ticked is a problem, not an answer').to.exist;
      },
    ],
    [
      'a tick of a category the page does not list',
      JSON.stringify({ step: 'needs', needs: { 'no-such-category': 'x' }, assets: {}, none: {} }),
      async (element) => {
        expect(shadowAll<HTMLInputElement>(element, 'input:checked').length).to.equal(0);
        await next(element);
        expect(summary(element), 'an unlisted category is not an answer').to.exist;
        expect(element.step).to.equal('needs');
      },
    ],
    [
      'over-long strings',
      JSON.stringify({
        step: 'contact',
        needs: { food: 'f'.repeat(5000) },
        assets: { time: '' },
        none: {},
        area: 'a'.repeat(5000),
        consent: true,
        name: 'n'.repeat(5000),
        email: 'e'.repeat(5000),
        phone: '1'.repeat(5000),
      }),
      async (element) => {
        expect(element.step).to.equal('contact');
        expect(byLabel(element, 'Your name').value).to.have.length(200);
        expect(byLabel(element, 'Email address').value).to.have.length(254);
        expect(byLabel(element, 'Phone number').value).to.have.length(40);
        await back(element);
        expect(byLabel(element, areaLabel).value).to.have.length(1000);
        await back(element);
        await back(element);
        expect(detailBox(element, 'Food')!.value).to.have.length(1000);
      },
    ],
  ];
  for (const [name, stored, check] of damaged) {
    it(`ignores or clamps a damaged draft (${name}) and still works`, async () => {
      const widgetId = newId();
      sessionStorage.setItem(`delib:draft:v1:delib-needs-assets:${widgetId}`, stored);
      const element = await make({ widgetId });
      expect(shadow(element, '#heading'), 'a step is on screen').to.exist;
      await check(element);
      for (let steps = 0; steps < 4 && element.step !== 'needs'; steps++) await back(element);
      if (!byLabel(element, 'Food').checked) await tick(element, 'Food');
      await next(element);
      expect(element.step, 'the person can carry on').to.equal('assets');
    });
  }
});
