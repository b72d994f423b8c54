import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { Envelope } from '@delib/protocol';
import { DelibElement } from '../src/base.js';
import '../src/define.js';
import { common } from '../src/messages.js';
import { getOutbox, outboxSettings } from '../src/outbox.js';
import {
  acceptAll,
  captureConsole,
  clearDelibStorage,
  fakeEndpoint,
  fillStorage,
  outboxKeys,
  shadow,
  statusText,
  until,
} from '../../../test/helpers.js';

/**
 * The smallest widget DelibElement allows: one "Send" button that answers with the first option, and
 * the status region every widget has. Enough to see what the shared parts tell the person and the page.
 */
class TestWidget extends DelibElement {
  readonly kind = 'poll';
  protected readonly catalogues = common;
  #choice?: string;

  get answer() {
    return this.#choice ? { choices: [this.#choice] } : undefined;
  }
  restoreAnswer(answer: unknown): void {
    this.#choice = (answer as { choices?: string[] } | undefined)?.choices?.[0];
  }
  protected clear(): void {
    this.#choice = undefined;
  }
  protected problem() {
    return undefined;
  }
  protected override render() {
    const state = this.submission.state;
    return html`${
        state === 'idle' || state === 'refused'
          ? html`<button part="submit" @click=${this.#send}>Send</button>`
          : html`<p part="answer" tabindex="-1">${this.#choice}</p>`
      }
      <div part="status" role="status">${this.submissionMessage}</div>`;
  }
  #send = () => {
    this.#choice = this.items[0]?.value;
    this.submission.submit(this.answer!);
  };
}
customElements.define('delib-test-widget', TestWidget);

let endpoint: ReturnType<typeof fakeEndpoint> | undefined;
const cleanups: (() => void)[] = [];

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

const newId = () => `w-${Math.random().toString(36).slice(2)}`;

async function make(attributes = `widget-id="${newId()}" endpoint="https://api.test/api"`, lang = 'en') {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.innerHTML = `<delib-test-widget ${attributes}><option value="a">A</option></delib-test-widget>`;
  const parent = await fixture<HTMLDivElement>(wrapper);
  const element = parent.querySelector<TestWidget>('delib-test-widget')!;
  await element.updateComplete;
  return element;
}

async function pressSend(element: TestWidget) {
  shadow(element, '[part="submit"]')!.focus();
  await sendKeys({ press: 'Enter' });
}

/** Long enough for a widget's checks, which wait for the page to have added its children. */
const settle = () => new Promise((done) => setTimeout(done, 50));

describe('what a queued answer says', () => {
  it('says it is saved on this device when it is, and delib-queued says it is durable', async () => {
    endpoint = fakeEndpoint(() => 'network-error');
    const element = await make();
    const queued = oneEvent(element, 'delib-queued');
    await pressSend(element);
    expect((await queued).detail.durable).to.be.true;
    await element.updateComplete;
    expect(statusText(element)).to.equal(common.en.queued);
    expect(outboxKeys()).to.have.length(1);
    // Deliver it, so that it does not linger in the page's outbox for later tests.
    endpoint.restore();
    endpoint = fakeEndpoint(acceptAll());
    await getOutbox().flush(true);
  });

  for (const lang of ['en', 'cy', 'gd'] as const) {
    it(`never claims a save that did not happen: with storage full it asks the person to keep the page open (${lang})`, async () => {
      let up = false;
      endpoint = fakeEndpoint((call) => (up ? acceptAll()(call) : 'network-error'));
      const element = await make(undefined, lang);
      fillStorage();
      const queued = oneEvent(element, 'delib-queued');
      await pressSend(element);
      expect((await queued).detail.durable, 'delib-queued tells the page').to.be.false;
      await element.updateComplete;
      const said = statusText(element);
      expect(said).to.equal(common[lang].queuedUnsaved);
      expect(said).not.to.equal(common[lang].queued);
      expect(outboxKeys()).to.deep.equal([]);
      up = true;
      const submitted = oneEvent(element, 'delib-submitted');
      await getOutbox().flush(true);
      await submitted;
      await element.updateComplete;
      expect(statusText(element)).to.equal(common[lang].submitted);
    });
  }

  it('says it is saved once there is room again', async () => {
    let up = false;
    endpoint = fakeEndpoint((call) => (up ? acceptAll()(call) : 'network-error'));
    const element = await make();
    const emptyStorage = fillStorage();
    await pressSend(element);
    await until(() => statusText(element) === common.en.queuedUnsaved);
    emptyStorage();
    await getOutbox().flush(true);
    await element.updateComplete;
    expect(statusText(element)).to.equal(common.en.queued);
    up = true;
    await getOutbox().flush(true);
  });

  it('shows the form again, rather than an answer it no longer holds, once its response has expired', async () => {
    endpoint = fakeEndpoint(() => 'network-error');
    const widgetId = newId();
    const envelope: Envelope = {
      id: crypto.randomUUID(),
      widget: 'poll',
      widgetId,
      submittedAt: new Date().toISOString(),
      locale: 'en',
      page: '/',
      answer: { choices: ['a'] },
    };
    localStorage.setItem(`delib:answer:v1:delib-test-widget:${widgetId}`, JSON.stringify(envelope));
    localStorage.setItem(
      `delib:outbox:v1:${envelope.id}`,
      JSON.stringify({
        endpoint: 'https://api.test/api',
        envelope,
        queuedAt: Date.now() - outboxSettings.maxAgeMs - 1,
        attempts: 99,
        due: Date.now() + 60_000,
      }),
    );
    const element = await make(`widget-id="${widgetId}" endpoint="https://api.test/api"`);
    expect(statusText(element), 'still queued when the page opens').to.equal(common.en.queued);
    const warnings = captureConsole('warn');
    await getOutbox().flush();
    await element.updateComplete;
    expect(shadow(element, '[part="submit"]'), 'the form is back').to.exist;
    expect(statusText(element)).to.equal('');
    expect(warnings.join('\n')).to.contain(envelope.id);
  });

  it('ignores a damaged remembered answer instead of failing to draw', async () => {
    for (const damaged of ['42', 'null', '"text"', '[]', '{"id":7}', '{"id":"x","answer":"a"}', 'not json']) {
      const widgetId = newId();
      localStorage.setItem(`delib:answer:v1:delib-test-widget:${widgetId}`, damaged);
      const element = await make(`widget-id="${widgetId}" endpoint="https://api.test/api"`);
      expect(shadow(element, '[part="submit"]'), damaged).to.exist;
    }
  });
});

describe('a widget that is not set up right', () => {
  it('warns the developer once, naming the element, of everything wrong with its attributes; the person sees none of it', async () => {
    const warnings = captureConsole('warn');
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr';
    wrapper.innerHTML = '<delib-test-widget results="sometimes" closes="next Tuesday"></delib-test-widget>';
    const parent = await fixture<HTMLDivElement>(wrapper);
    const element = parent.querySelector<TestWidget>('delib-test-widget')!;
    await until(() => warnings.length > 0, 3000, 'a warning');
    await settle();
    expect(warnings).to.have.length(1);
    expect(warnings[0])
      .to.contain('<delib-test-widget>')
      .and.contain('no widget-id')
      .and.contain('no endpoint')
      .and.contain('results="sometimes"')
      .and.contain('closes="next Tuesday"')
      .and.contain('lang="fr"')
      .and.contain('no options');
    element.remove();
    parent.append(element);
    await settle();
    expect(warnings, 'once per element').to.have.length(1);
    await element.updateComplete;
    const shown = element.shadowRoot!.textContent!;
    for (const word of ['widget-id', 'endpoint', 'sometimes', 'Tuesday', 'fr', 'option']) expect(shown).not.to.contain(word);
  });

  it('names the element by its widget-id, and warns of one thing alone', async () => {
    const warnings = captureConsole('warn');
    await make(`widget-id="parks-2026"`);
    await until(() => warnings.length > 0, 3000, 'a warning');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<delib-test-widget widget-id="parks-2026">').and.contain('no endpoint');
    expect(warnings[0]).not.to.contain('no options');
  });

  it('says nothing of a widget set up right: endpoint from a provider or the meta tag, a shipped language, a form without endpoint', async () => {
    const warnings = captureConsole('warn');
    await make(`widget-id="${newId()}" endpoint="https://api.test/api" results="always" closes="2030-01-31T23:59:00Z"`, 'cy-GB');
    await fixture(
      html`<delib-provider endpoint="https://api.test/api"
        ><delib-test-widget widget-id="provided"><option value="a">A</option></delib-test-widget></delib-provider
      >`,
    );
    const meta = Object.assign(document.createElement('meta'), { name: 'delib-endpoint', content: 'https://api.test/api' });
    document.head.append(meta);
    cleanups.push(() => meta.remove());
    await make(`widget-id="${newId()}"`);
    await fixture(
      html`<form>
        <delib-test-widget widget-id="in-a-form" name="answer"><option value="a">A</option></delib-test-widget>
      </form>`,
    );
    await settle();
    expect(warnings).to.deep.equal([]);
  });

  it('waits for options the page adds after connecting it', async () => {
    const warnings = captureConsole('warn');
    const element = document.createElement('delib-test-widget') as TestWidget;
    element.setAttribute('widget-id', newId());
    element.setAttribute('endpoint', 'https://api.test/api');
    document.body.append(element);
    cleanups.push(() => element.remove());
    await element.updateComplete;
    element.append(Object.assign(document.createElement('option'), { value: 'a', textContent: 'A' }));
    const late = document.createElement('delib-test-widget') as TestWidget;
    late.setAttribute('widget-id', newId());
    late.setAttribute('endpoint', 'https://api.test/api');
    document.body.append(late);
    cleanups.push(() => late.remove());
    late.options = [{ value: 'a', label: 'A' }];
    await settle();
    expect(warnings).to.deep.equal([]);
  });
});
