import { fixture, html, expect } from '@open-wc/testing';
import '../src/define.js';

it('renders', async () => {
  const el = await fixture(html`<delib-poll widget-id="x" question="Q?"><option value="a">A</option><option value="b">B</option></delib-poll>`);
  await expect(el).shadowDom.to.be.accessible();
  expect(el.shadowRoot!.querySelectorAll('input[type=radio]').length).to.equal(2);
});
