import { expect, oneEvent } from '@open-wc/testing';
import { getOutbox } from '@delib/core';
import { needsAssetsMessages } from '../src/messages.js';
import {
  captureConsole,
  clearDelibStorage,
  fakeEndpoint,
  fillStorage,
  json,
  outboxKeys,
  shadow,
  statusText,
  until,
} from '../../../test/helpers.js';
import {
  draftOf,
  expectFocus,
  fillIn,
  focused,
  headingText,
  make,
  needsEndpoint,
  newId,
  summary,
  wait,
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

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const submitButton = (element: HTMLElement) => shadow<HTMLButtonElement>(element, '[part="submit"]')!;

describe('<delib-needs-assets> sending', () => {
  it('posts exactly one envelope to {endpoint}/responses, as the contract describes', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const widgetId = newId();
    const element = await make({ widgetId });
    await fillIn(element, {
      needs: ['Food', 'Green spaces'],
      details: { Food: 'A  community\u0007 fridge' },
      area: 'sw1a1aa',
    });
    const submitted = oneEvent(element, 'delib-submitted');
    const before = Date.now();
    submitButton(element).click();
    const event = await submitted;
    const posts = endpoint.posts();
    expect(posts).to.have.length(1);
    expect(posts[0].url).to.equal('https://api.test/api/responses');
    expect(posts[0].headers.get('Content-Type')).to.equal('application/json');
    const envelope = posts[0].body as Envelope;
    expect(Object.keys(envelope).sort()).to.deep.equal(['answer', 'id', 'locale', 'page', 'submittedAt', 'widget', 'widgetId']);
    expect(envelope.widget).to.equal('needs-assets');
    expect(envelope.widgetId).to.equal(widgetId);
    expect(envelope.locale).to.equal('en');
    expect(envelope.id).to.match(uuid);
    expect(envelope.page).to.equal(location.origin + location.pathname);
    expect(Date.parse(envelope.submittedAt)).to.be.within(before - 1000, Date.now() + 1000);
    expect(envelope.answer).to.deep.equal({
      needs: [{ category: 'food', detail: 'A community fridge' }, { category: 'green-spaces' }],
      assets: [{ category: 'time' }],
      area: 'SW1A 1AA',
    });
    expect(event.detail.envelope.id).to.equal(envelope.id);
    await until(() => focused(element) === shadow(element, '[part="answer"]'), 3000, 'focus on the confirmation');
    await wait(50);
    expect(endpoint.posts(), 'and nothing more').to.have.length(1);
  });

  it('posts once when Send is pressed twice quickly, and disables it while sending', async () => {
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
    await fillIn(element, {});
    submitButton(element).click();
    submitButton(element).click();
    await element.updateComplete;
    expect(submitButton(element).disabled, 'disabled while sending').to.be.true;
    expect(statusText(element)).to.equal('Sending…');
    await until(() => endpoint!.posts().length === 1);
    submitButton(element).click();
    deliver();
    await until(() => shadow(element, '[part="answer"]'));
    await wait(50);
    expect(endpoint.posts()).to.have.length(1);
  });

  it('posts nothing when the page cancels delib-submit, and keeps the answers and the draft', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await make();
    await fillIn(element, { area: 'Riverside' });
    const seen: Envelope[] = [];
    element.parentElement!.addEventListener('delib-submit', (event) => {
      seen.push((event as CustomEvent<{ envelope: Envelope }>).detail.envelope);
      event.preventDefault();
    });
    submitButton(element).click();
    await element.updateComplete;
    await wait(50);
    expect(seen, 'the event bubbled to the page with the envelope').to.have.length(1);
    expect(seen[0].answer.area).to.equal('Riverside');
    expect(endpoint.posts()).to.have.length(0);
    expect(element.step).to.equal('check');
    expect(submitButton(element).disabled).to.be.false;
    expect(draftOf(element)).to.include({ area: 'Riverside' });
  });

  it('takes the person to the step to put right when a restored draft cannot be sent', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const widgetId = newId();
    sessionStorage.setItem(
      `delib:draft:v1:delib-needs-assets:${widgetId}`,
      JSON.stringify({ step: 'check', needs: { food: '' }, assets: {}, none: {}, area: 'SW1A 1A', consent: false }),
    );
    const element = await make({ widgetId });
    expect(headingText(element)).to.equal('Check your answers before sending');
    submitButton(element).click();
    await element.updateComplete;
    expect(headingText(element)).to.equal('Step 2 of 4 Error (1 problem): What can you offer?');
    expectFocus(element, summary(element));
    await wait(50);
    expect(endpoint.posts()).to.have.length(0);
  });

  it('tells the page, without posting, when it has no endpoint', async () => {
    const element = await make({ attributes: 'endpoint=""' });
    element.endpoint = undefined;
    await fillIn(element, {});
    const original = console.error;
    console.error = () => {};
    try {
      const error = oneEvent(element, 'delib-error');
      submitButton(element).click();
      expect((await error).detail.error.code).to.equal('not_set_up');
    } finally {
      console.error = original;
    }
    await element.updateComplete;
    expect(statusText(element)).to.contain('not fully set up');
  });

  for (const lang of ['en', 'cy', 'gd'] as const) {
    it(`never says the answers are saved when storage is full: it asks the person to keep the page open (${lang})`, async () => {
      let up = false;
      endpoint = fakeEndpoint(
        needsEndpoint({ post: (call) => (up ? json(201, { id: (call.body as Envelope).id, accepted: true }) : 'network-error') }),
      );
      const element = await make({ lang });
      const messages = { ...needsAssetsMessages.en, ...needsAssetsMessages[lang] };
      await fillIn(element, { needs: [messages['category.food'] as string], assets: [messages['category.time'] as string] });
      fillStorage();
      const queued = oneEvent(element, 'delib-queued');
      submitButton(element).click();
      expect((await queued).detail.durable).to.be.false;
      await element.updateComplete;
      const panel = shadow(element, '[part="answer"]')!;
      expect(panel.querySelector('h2')!.textContent).to.equal(messages.queuedUnsavedTitle);
      expect(panel.textContent).to.contain(messages.queuedUnsaved).and.not.contain(messages.queued);
      expect(statusText(element)).to.equal(messages.queuedUnsaved);
      expect(outboxKeys()).to.deep.equal([]);
      up = true;
      await getOutbox().flush(true);
      await element.updateComplete;
      expect(shadow(element, '[part="answer"] h2')!.textContent).to.equal(messages.doneTitle);
    });
  }
});

describe('<delib-needs-assets> privacy-url', () => {
  /** The links in the hint beside the consent question, as the person would follow them. */
  async function privacyLinks(url: string) {
    const element = await make({ privacy: false, attributes: `privacy-url="${url}"` });
    await fillIn(element, {}, 3);
    expect(element.step).to.equal('contact');
    return [...shadow(element, '#contact-hint')!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
  }

  for (const url of [
    'https://council.example/privacy',
    'http://council.example/privacy',
    '/privacy',
    'privacy.html',
    '../privacy#contact',
  ]) {
    it(`links ${url}`, async () => {
      const warnings = captureConsole('warn');
      expect(await privacyLinks(url)).to.deep.equal([url]);
      await wait(50);
      expect(warnings).to.deep.equal([]);
    });
  }

  for (const url of [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java&#9;script:alert(1)',
    'data:text/html,<b>hi</b>',
    'vbscript:msgbox',
    'file:///etc/passwd',
  ]) {
    it(`is no link for ${url}, and tells the developer`, async () => {
      const warnings = captureConsole('warn');
      expect(await privacyLinks(url.replace(/</g, '&lt;'))).to.deep.equal([]);
      await until(() => warnings.length > 0, 3000, 'a warning');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<delib-needs-assets').and.contain('privacy-url').and.contain('http');
    });
  }
});
