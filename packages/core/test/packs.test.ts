/**
 * Language packs: Welsh and Gaelic messages loaded by dynamic `import()` the first time a widget needs
 * them. A widget waits for its pack before it renders (never English first), falls back to English when
 * the pack cannot be fetched, and switches to the language when a late pack arrives.
 */
import { expect, fixture } from '@open-wc/testing';
import { html, type LitElement } from 'lit';
import '@delib/poll/define.js';
import { pollMessages } from '@delib/poll';
import { DelibElement, languageSettings } from '../src/base.js';
import { languageReady, preloadLanguage, Translator, withPacks, type Catalogues } from '../src/localize.js';
import { common } from '../src/messages.js';
import { captureConsole, until } from '../../../test/helpers.js';

type Greeting = { greeting: string };

/** A promise resolved from outside: a pack that arrives when the test says. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

let defined = 0;
/** A widget that shows one message from `catalogues`, as a new element name. */
function greeter(catalogues: Catalogues<Greeting>): string {
  const name = `delib-greeter-${++defined}`;
  customElements.define(
    name,
    class extends DelibElement<Greeting> {
      readonly kind = 'poll';
      protected readonly catalogues = catalogues;
      get answer() {
        return undefined;
      }
      restoreAnswer(): void {}
      protected clear(): void {}
      protected problem() {
        return undefined;
      }
      protected override render() {
        return html`<p>${this.i18n.t('greeting')}</p>`;
      }
    },
  );
  return name;
}

/** Adds `<tag>` inside `<div lang=…>` and records the shadow root's text at every change, from before the first render. */
async function place(tag: string, lang: string) {
  const container = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const element = document.createElement(tag) as LitElement;
  element.innerHTML = '<option value="a">Parc</option><option value="b">Llyfrgell</option>';
  container.append(element);
  const seen: string[] = [];
  const root = element.shadowRoot!;
  const observer = new MutationObserver(() => seen.push(root.textContent ?? ''));
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return { element, seen, text: () => root.textContent ?? '', stop: () => observer.disconnect() };
}

describe('language packs', () => {
  it('a Welsh poll never shows English before its Welsh pack', async () => {
    captureConsole('warn');
    expect(languageReady(pollMessages, 'cy'), 'the Welsh pack is still to load').to.be.instanceOf(Promise);
    const { element, seen, text, stop } = await place('delib-poll', 'cy');
    expect(text(), 'nothing rendered before the pack').to.equal('');
    await element.updateComplete;
    stop();
    seen.push(text());
    const welsh = seen.findIndex((shown) => shown.includes('Pleidleisio'));
    expect(welsh, 'the Welsh button').to.be.at.least(0);
    expect(seen.filter((shown) => /\bVote\b/.test(shown))).to.deep.equal([]);
    expect(pollMessages.cy?.submit).to.equal('Pleidleisio');
    expect(common.cy, 'the poll pack carries the common messages, not the common catalogue').to.be.undefined;
  });

  it('waits for a slow pack before the first render: nothing, then the language', async () => {
    captureConsole('warn');
    const pack = deferred<Partial<Greeting>>();
    const tag = greeter(withPacks<Greeting>({ en: { greeting: 'Hello' } }, { cy: () => pack.promise }));
    const { element, seen, text, stop } = await place(tag, 'cy');
    await delay(150);
    expect(text(), 'still waiting for the pack').to.equal('');
    expect(element.hasUpdated).to.be.false;
    pack.resolve({ greeting: 'Helo' });
    await element.updateComplete;
    stop();
    expect(text()).to.contain('Helo');
    expect(seen.filter((shown) => shown.includes('Hello'))).to.deep.equal([]);
  });

  it('renders in English, and warns the developer, when the pack cannot be fetched', async () => {
    const warnings = captureConsole('warn');
    const catalogues = withPacks<Greeting>(
      { en: { greeting: 'Hello' } },
      { cy: () => Promise.reject(new Error('Failed to fetch dynamically imported module')) },
    );
    const { element, text, stop } = await place(greeter(catalogues), 'cy');
    await element.updateComplete;
    stop();
    expect(text()).to.contain('Hello');
    const packWarnings = warnings.filter((warning) => warning.includes('language pack'));
    expect(packWarnings).to.have.length(1);
    expect(packWarnings[0]).to.contain('cy').and.contain('Failed to fetch dynamically imported module');
    expect(languageReady(catalogues, 'cy'), 'a failed pack is not waited for again').to.be.undefined;
  });

  it('languageReady is undefined at once for English, a language without a pack, and an installed pack', async () => {
    let loads = 0;
    const catalogues = withPacks<Greeting>({ en: { greeting: 'Hello' } }, { cy: async () => (loads++, { greeting: 'Helo' }) });
    expect(languageReady(catalogues, 'en')).to.be.undefined;
    expect(languageReady(catalogues, 'en-GB')).to.be.undefined;
    expect(languageReady(catalogues, 'fr')).to.be.undefined;
    expect(languageReady(catalogues, 'gd'), 'no Gaelic pack').to.be.undefined;
    const before = Translator.for(catalogues, 'cy');
    expect(before.lang, 'English until the pack is in').to.equal('en');
    const ready = languageReady(catalogues, 'cy-GB');
    expect(ready).to.be.instanceOf(Promise);
    expect(languageReady(catalogues, 'cy'), 'one load, shared').to.equal(ready);
    await ready;
    expect(loads).to.equal(1);
    expect(languageReady(catalogues, 'cy')).to.be.undefined;
    expect(languageReady(catalogues, 'CY-gb')).to.be.undefined;
    const after = Translator.for(catalogues, 'cy');
    expect(after, 'the shared translator made before the pack is dropped').not.to.equal(before);
    expect(after.t('greeting')).to.equal('Helo');
  });

  it('shows a late pack when it arrives: English after packWaitMs, then the language', async () => {
    captureConsole('warn');
    const wait = languageSettings.packWaitMs;
    languageSettings.packWaitMs = 100;
    try {
      const pack = deferred<Partial<Greeting>>();
      const tag = greeter(withPacks<Greeting>({ en: { greeting: 'Hello' } }, { cy: () => pack.promise }));
      const { element, text, stop } = await place(tag, 'cy-GB');
      await element.updateComplete;
      expect(text()).to.contain('Hello');
      // Later updates do not wait again for the pack they gave up on.
      const started = performance.now();
      element.requestUpdate();
      await element.updateComplete;
      expect(performance.now() - started).to.be.below(80);
      pack.resolve({ greeting: 'Helo' });
      await until(() => text().includes('Helo'), 2000, 'the Welsh text');
      stop();
    } finally {
      languageSettings.packWaitMs = wait;
    }
  });

  it('waits for the pack again when the widget moves to a language not loaded yet', async () => {
    captureConsole('warn');
    const tag = greeter(
      withPacks<Greeting>({ en: { greeting: 'Hello' } }, { cy: () => delay(100).then(() => ({ greeting: 'Helo' })) }),
    );
    const { element, seen, text, stop } = await place(tag, 'en');
    await element.updateComplete;
    expect(text()).to.contain('Hello');
    element.setAttribute('lang', 'cy');
    await until(() => element.isUpdatePending, 1000, 'an update');
    await element.updateComplete;
    expect(text()).to.contain('Helo');
    stop();
    expect(seen.at(-1)).to.contain('Helo');
  });

  it('a widget whose language changes while it waits for one pack waits for the other, and never shows English', async () => {
    captureConsole('warn');
    const welsh = deferred<Partial<Greeting>>();
    const gaelic = deferred<Partial<Greeting>>();
    const tag = greeter(
      withPacks<Greeting>({ en: { greeting: 'Hello' } }, { cy: () => welsh.promise, gd: () => gaelic.promise }),
    );
    const { element, seen, text, stop } = await place(tag, 'cy');
    element.setAttribute('lang', 'gd');
    welsh.resolve({ greeting: 'Helo' });
    await delay(100);
    expect(text(), 'still waiting for the Gaelic pack').to.equal('');
    gaelic.resolve({ greeting: 'Halò' });
    await until(() => text().includes('Halò'), 2000, 'the Gaelic text');
    stop();
    expect(seen.filter((shown) => shown.includes('Hello') || shown.includes('Helo'))).to.deep.equal([]);
  });

  it('preloadLanguage installs the language for every catalogue with packs', async () => {
    const first = withPacks<Greeting>({ en: { greeting: 'Hello' } }, { gd: async () => ({ greeting: 'Halò' }) });
    const second = withPacks<Greeting>({ en: { greeting: 'Hi' } }, { gd: async () => ({ greeting: 'Hòigh' }) });
    await preloadLanguage('gd');
    expect(first.gd).to.deep.equal({ greeting: 'Halò' });
    expect(second.gd).to.deep.equal({ greeting: 'Hòigh' });
    expect(pollMessages.gd?.submit).to.equal('Bhòt');
    expect(pollMessages.gd?.problem, "the poll's pack carries the common messages").to.equal('Tha duilgheadas ann');
    expect(common.gd?.problem).to.equal('Tha duilgheadas ann');
    expect(languageReady(pollMessages, 'gd')).to.be.undefined;
  });
});
