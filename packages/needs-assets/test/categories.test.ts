import { expect } from '@open-wc/testing';
import { byLabel, clearDelibStorage, fakeEndpoint, shadow, shadowAll, until } from '../../../test/helpers.js';
import { checkboxLabels, explain, fillIn, make, needsEndpoint, next, send, text, tick, type Envelope } from './fixtures.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
  clearDelibStorage();
});

const pageGroups = `
  <optgroup label="needs">
    <option value="warm-spaces" data-description="Somewhere warm to go in winter">Warm spaces</option>
    <option value="youth-club">Youth club</option>
    <option value="bus">Buses</option>
  </optgroup>
  <optgroup label="Assets">
    <option value="van">A van</option>
    <option value="hall" data-description="For meetings or classes">A hall</option>
  </optgroup>`;

const hints = (element: HTMLElement) => shadowAll(element, '[part="option"]').map((block) => text(block.querySelector('.hint')));

describe('<delib-needs-assets> categories', () => {
  it('asks about eleven default needs, then “Something else”, then “or” “Nothing at the moment”', async () => {
    const element = await make();
    expect(checkboxLabels(element)).to.deep.equal([
      'Housing',
      'Getting around',
      'Health and care',
      'Food',
      'Children and young people',
      'Older people',
      'Jobs and skills',
      'Safety',
      'Green spaces',
      'Culture',
      'Digital access',
      'Something else',
      'Nothing at the moment',
    ]);
    expect(text(shadow(element, '.or'))).to.equal('or');
    expect(
      hints(element).every((hint) => hint === ''),
      'needs have no hints',
    ).to.be.true;
  });

  it('offers six default assets, each with a hint, then “Something else” and “Nothing at the moment”', async () => {
    const element = await make();
    await fillIn(element, {}, 1);
    expect(checkboxLabels(element)).to.deep.equal([
      'Skills',
      'Time',
      'Space',
      'Equipment',
      'Knowledge',
      'Connections',
      'Something else',
      'Nothing at the moment',
    ]);
    expect(hints(element)).to.deep.equal([
      'Such as cooking, repairs, languages or first aid',
      'To help now and then, or regularly',
      'A room, hall, garden or yard that people could use',
      'Such as tools, a vehicle, a laptop or kitchen things',
      'Something you know well and could share',
      'People or groups you could introduce us to',
      '',
      '',
    ]);
  });

  it('takes categories from the page’s optgroups (label matched loosely), with data-description hints, and sends their values', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await make({ inner: pageGroups });
    expect(checkboxLabels(element)).to.deep.equal([
      'Warm spaces',
      'Youth club',
      'Buses',
      'Something else',
      'Nothing at the moment',
    ]);
    expect(hints(element)[0]).to.equal('Somewhere warm to go in winter');
    expect(byLabel(element, 'Warm spaces').getAttribute('aria-describedby')).to.equal('needs-0-hint');
    await tick(element, 'Buses');
    await tick(element, 'Warm spaces');
    await next(element);
    expect(checkboxLabels(element)).to.deep.equal(['A van', 'A hall', 'Something else', 'Nothing at the moment']);
    expect(hints(element)[1]).to.equal('For meetings or classes');
    await fillIn(element, { assets: ['A hall'] }, 4, 2);
    await send(element);
    await until(() => endpoint!.posts().length === 1);
    expect((endpoint.posts()[0].body as Envelope).answer).to.deep.equal({
      needs: [{ category: 'warm-spaces' }, { category: 'bus' }],
      assets: [{ category: 'hall' }],
    });
  });

  it('uses the default list for a side the page gives no optgroup for', async () => {
    const needsOnly = await make({ inner: '<optgroup label="needs"><option value="bus">Buses</option></optgroup>' });
    expect(checkboxLabels(needsOnly)).to.deep.equal(['Buses', 'Something else', 'Nothing at the moment']);
    await fillIn(needsOnly, { needs: ['Buses'] }, 1);
    expect(checkboxLabels(needsOnly)).to.include('Connections');
    const assetsOnly = await make({ inner: '<optgroup label="assets"><option value="van">A van</option></optgroup>' });
    expect(checkboxLabels(assetsOnly)).to.include('Housing').and.include('Digital access');
    const empty = await make({ inner: '<optgroup label="needs"></optgroup>' });
    expect(checkboxLabels(empty), 'an empty optgroup means the defaults').to.include('Housing');
  });

  it('does not repeat “Something else” when the page lists an option valued "other"', async () => {
    const element = await make({
      inner: '<optgroup label="needs"><option value="bus">Buses</option><option value="other">Other</option></optgroup>',
    });
    expect(checkboxLabels(element)).to.deep.equal(['Buses', 'Something else', 'Nothing at the moment']);
  });

  it('shows markup in a category’s text and in what is typed as text, never as HTML', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const attack = '<img src=x onerror="window.__pwned = true">';
    const element = await make({ inner: '<optgroup label="needs"><option value="x"></option></optgroup>' });
    element.querySelector('option')!.textContent = attack;
    await until(() => checkboxLabels(element)[0] === attack, 3000, 'the page’s change');
    await tick(element, attack);
    await explain(element, attack, attack);
    await tick(element, 'Something else');
    await explain(element, 'Something else', `${attack} <b>bold</b>`);
    await next(element);
    await fillIn(element, { details: { Time: attack } }, 4, 2);
    const summary = shadow(element, '[part="summary-list"]')!;
    expect(summary.textContent).to.contain(attack).and.contain('<b>bold</b>');
    expect(shadowAll(element, 'img, b').length, 'no element made from what was typed').to.equal(0);
    await send(element);
    await until(() => endpoint!.posts().length === 1);
    expect((endpoint.posts()[0].body as Envelope).answer.needs).to.deep.equal([
      { category: 'x', detail: attack },
      { category: 'other', detail: `${attack} <b>bold</b>` },
    ]);
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.be.undefined;
  });

  it('picks up categories the page adds after the widget was drawn', async () => {
    const element = await make({ inner: '<optgroup label="needs"><option value="bus">Buses</option></optgroup>' });
    const option = document.createElement('option');
    option.value = 'trams';
    option.textContent = 'Trams';
    element.querySelector('optgroup')!.append(option);
    await until(() => checkboxLabels(element).includes('Trams'), 3000, 'Trams');
    expect(checkboxLabels(element)).to.deep.equal(['Buses', 'Trams', 'Something else', 'Nothing at the moment']);
  });

  it('sends categories in page order, a detail only when given, control characters stripped, white space folded and length bounded', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await make();
    await fillIn(element, {
      needs: ['Culture', 'Safety', 'Housing'],
      details: {
        Culture: '   ',
        Safety: '  Better\u0000 street\n\n  lighting\u007f ',
        Housing: 'h'.repeat(1500),
        Equipment: '\tLadders\r\nand a drill ',
      },
      assets: ['Equipment', 'Skills'],
    });
    await send(element);
    await until(() => endpoint!.posts().length === 1);
    const { answer } = endpoint.posts()[0].body as Envelope;
    expect(answer.needs).to.deep.equal([
      { category: 'housing', detail: 'h'.repeat(1000) },
      { category: 'safety', detail: 'Better street lighting' },
      { category: 'culture' },
    ]);
    expect(answer.assets).to.deep.equal([{ category: 'skills' }, { category: 'equipment', detail: 'Ladders and a drill' }]);
    expect(answer.needs[2], 'no empty detail key').to.not.have.property('detail');
  });

  it('sends “Something else” as { category: "other", detail } on each side, shown by its text on check your answers', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await make();
    await fillIn(element, {
      needs: ['Something else'],
      assets: ['Something else'],
      details: { 'Something else': '  A  bus\u0007 shelter ' },
    });
    const rows = shadowAll(element, '[part="summary-list"] dd:first-of-type').map((dd) => text(dd));
    expect(rows.slice(0, 2)).to.deep.equal(['A bus shelter', 'A bus shelter']);
    await send(element);
    await until(() => endpoint!.posts().length === 1);
    const { answer } = endpoint.posts()[0].body as Envelope;
    expect(answer.needs).to.deep.equal([{ category: 'other', detail: 'A bus shelter' }]);
    expect(answer.assets).to.deep.equal([{ category: 'other', detail: 'A bus shelter' }]);
  });
});
