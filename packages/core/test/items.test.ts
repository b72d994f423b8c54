import { expect, fixture, html } from '@open-wc/testing';
import { fallbackForm, readFormItems, readFormSettings, readOptions } from '../src/items.js';

/** A widget's plain form (CONTRACT.md section 10), read for what the script needs. */
describe('the plain form inside a widget', () => {
  it('gives a poll its options: value, label text (never markup), and the hint each names', async () => {
    const host = await fixture(
      html`<x-host>
        <form method="post" action="https://consult.example.gov.uk/api/responses">
          <input type="hidden" name="widget" value="poll" />
          <input type="hidden" name="widgetId" value="library-2027" />
          <fieldset>
            <legend>Which day should the library <b>stay open</b> late?</legend>
            <input type="radio" name="choices" value="tue" id="t" /><label for="t"><em>Tuesday</em></label>
            <label><input type="radio" name="choices" value="wed" aria-describedby="w-hint" /> Wednesday</label>
            <p id="w-hint">Market day</p>
            <input type="radio" name="choices" value="other" id="o" /><label for="o">Other</label>
            <input type="text" name="other" />
          </fieldset>
        </form>
      </x-host>`,
    );
    expect(readOptions(host)).to.deep.equal([
      { value: 'tue', label: 'Tuesday' },
      { value: 'wed', label: 'Wednesday', description: 'Market day' },
    ]);
    expect(readFormSettings(fallbackForm(host)!)).to.deep.equal({
      widget: 'poll',
      widgetId: 'library-2027',
      endpoint: 'https://consult.example.gov.uk/api',
      question: 'Which day should the library stay open late?',
    });
  });

  it('gives a ranking and a budget their items from rank.<value> and allocation.<value>', async () => {
    const ranking = await fixture(
      html`<x-host
        ><form>
          <label for="a">Parks</label><input id="a" name="rank.parks" /> <label for="b">Roads</label
          ><input id="b" name="rank.roads" /></form
      ></x-host>`,
    );
    expect(readOptions(ranking).map((item) => item.value)).to.deep.equal(['parks', 'roads']);
    const budget = await fixture(
      html`<x-host
        ><form>
          <label>Trees <input name="allocation.trees" /></label></form
      ></x-host>`,
    );
    expect(readOptions(budget)).to.deep.equal([{ value: 'trees', label: 'Trees' }]);
  });

  it('gives needs and assets by side; <option>s, where there are any, win', async () => {
    const host = await fixture(
      html`<x-host
        ><form>
          <label><input type="checkbox" name="needs" value="food" /> Food</label>
          <label><input type="checkbox" name="assets" value="time" /> Time</label>
        </form></x-host
      >`,
    );
    expect(readFormItems(fallbackForm(host)!, 'needs')).to.deep.equal([{ value: 'food', label: 'Food' }]);
    expect(readFormItems(fallbackForm(host)!, 'assets')).to.deep.equal([{ value: 'time', label: 'Time' }]);
    const both = await fixture(
      html`<x-host
        ><option value="a">A</option>
        <form>
          <label><input name="choices" value="b" /> B</label>
        </form></x-host
      >`,
    );
    expect(readOptions(both)).to.deep.equal([{ value: 'a', label: 'A', description: undefined }]);
  });

  it('takes an endpoint only from an action that ends in /responses', async () => {
    const host = await fixture(html`<x-host><form action="/somewhere/else"></form></x-host>`);
    expect(readFormSettings(fallbackForm(host)!).endpoint).to.equal(undefined);
    const broken = await fixture(html`<x-host><form action="http://[bad/responses"></form></x-host>`);
    expect(readFormSettings(fallbackForm(broken)!).endpoint).to.equal(undefined);
  });
});
