import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { LiveController } from '../src/live.js';

/** A host with a status region showing the controller's words, a heading, a button and a list. */
class LiveHost extends LitElement {
  readonly live = new LiveController(this);
  /** Every text the status region has shown, in order, as a screen reader would be handed them. */
  readonly heard: string[] = [];
  items = ['a', 'b'];

  protected override render() {
    return html`<h2 id="heading">Step</h2>
      <button id="button">Go</button>
      <ul>
        ${this.items.map((item) => html`<li data-value=${item} tabindex="-1">${item}</li>`)}
      </ul>
      <div role="status">${this.live.message}</div>`;
  }

  protected override updated(): void {
    const text = this.shadowRoot!.querySelector('[role="status"]')!.textContent!;
    if (this.heard.at(-1) !== text) this.heard.push(text);
  }
}
customElements.define('delib-live-host', LiveHost);

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));
const host = () => fixture<LiveHost>(html`<delib-live-host></delib-live-host>`);

describe('LiveController: what a widget says', () => {
  it('says a message at once, in the status region', async () => {
    const element = await host();
    element.live.announce('Moved to place 2');
    await element.updateComplete;
    expect(element.heard).to.deep.equal(['', 'Moved to place 2']);
  });

  it('says the same words again by emptying the region first, so a repeat is heard', async () => {
    const element = await host();
    element.live.announce('The ranking is full');
    await element.updateComplete;
    element.live.announce('The ranking is full');
    await element.updateComplete;
    expect(element.live.message).to.equal('');
    await wait(150);
    await element.updateComplete;
    expect(element.heard).to.deep.equal(['', 'The ranking is full', '', 'The ranking is full']);
  });

  it('with a delay, says only the last of quick calls, and reads the words when it speaks', async () => {
    const element = await host();
    let left = 100;
    for (const given of [10, 20, 30]) {
      left = 100 - given;
      element.live.announce(() => `${left} left`, 50);
      await wait(10);
    }
    left = 60;
    expect(element.live.message).to.equal('');
    await wait(80);
    await element.updateComplete;
    expect(element.heard).to.deep.equal(['', '60 left']);
  });

  it('hush drops what was waiting to be said and empties the region', async () => {
    const element = await host();
    element.live.announce('Step 2 of 3');
    element.live.announce('later', 30);
    element.live.hush();
    await wait(60);
    await element.updateComplete;
    expect(element.live.message).to.equal('');
  });

  it('says nothing after the widget has left the page', async () => {
    const element = await host();
    element.live.announce('later', 20);
    element.remove();
    await wait(50);
    expect(element.live.message).to.equal('');
  });
});

describe('LiveController: where the keyboard goes', () => {
  it('focuses a selector once the coming update has rendered, then forgets it', async () => {
    const element = await host();
    element.live.focusNext = '#button';
    element.requestUpdate();
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.id).to.equal('button');
    expect(element.live.focusNext).to.equal(undefined);
  });

  it('focuses what a function finds after the update, such as a list item just moved', async () => {
    const element = await host();
    element.items = ['b', 'a'];
    element.live.focusNext = () => element.shadowRoot!.querySelector<HTMLElement>('li[data-value="a"]');
    element.requestUpdate();
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.textContent).to.equal('a');
  });

  it('makes a heading focusable from a script only (tabindex -1), never from Tab', async () => {
    const element = await host();
    element.live.focusNext = '#heading';
    element.requestUpdate();
    await element.updateComplete;
    const heading = element.shadowRoot!.querySelector('h2')!;
    expect(element.shadowRoot!.activeElement).to.equal(heading);
    expect(heading.getAttribute('tabindex')).to.equal('-1');
  });

  it('leaves focus alone when nothing matches', async () => {
    const element = await host();
    const button = element.shadowRoot!.querySelector<HTMLElement>('#button')!;
    button.focus();
    element.live.focusNext = '#nothing-here';
    element.requestUpdate();
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).to.equal(button);
  });
});
