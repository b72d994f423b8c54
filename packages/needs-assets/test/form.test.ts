import { expect, fixture } from '@open-wc/testing';
import { byLabel, clearDelibStorage, expectAccessible, fakeEndpoint, shadow, shadowAll, until } from '../../../test/helpers.js';
import {
  apiBase,
  draftOf,
  fill,
  expectNone,
  fillIn,
  needsEndpoint,
  newId,
  next,
  text,
  tick,
  wait,
  type DelibNeedsAssets,
} from './fixtures.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => {
  clearDelibStorage();
  endpoint = fakeEndpoint(needsEndpoint());
});
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
  clearDelibStorage();
});

/**
 * A page's own form holding the widget as the field "community". The form sends into a hidden
 * frame, so that really submitting it does not take the test page away.
 */
async function inForm(attributes = '') {
  const frame = `sink-${newId()}`;
  const wrapper = document.createElement('div');
  wrapper.innerHTML = `<iframe name="${frame}" title="sink" hidden></iframe>
    <form action="about:blank" target="${frame}">
      <delib-needs-assets name="community" widget-id="${newId()}" endpoint="${apiBase}" results="always" ${attributes}></delib-needs-assets>
      <button>Send the whole form</button>
    </form>`;
  const parent = await fixture<HTMLDivElement>(wrapper);
  const element = parent.querySelector<DelibNeedsAssets>('delib-needs-assets')!;
  await element.updateComplete;
  return { element, form: parent.querySelector('form')! };
}

const fieldValue = (form: HTMLFormElement) => new FormData(form).get('community');

describe('<delib-needs-assets> in a form', () => {
  it('has no Send button on check your answers but a sentence saying the form sends them, and posts nothing', async () => {
    const { element } = await inForm();
    expect(element.formMode).to.be.true;
    await fillIn(element, { contact: { name: 'Ann', email: 'ann@example.com' } });
    expect(element.step).to.equal('check');
    expect(shadowAll(element, '[part="submit"]').length).to.equal(0);
    expect(text(shadow(element, 'form[part="form"] > p:last-of-type'))).to.equal(
      'Your answers will be sent with the rest of this form.',
    );
    expectNone(shadow(element, 'table'), 'no results in a form');
    await expectAccessible(element);
    await wait(50);
    expect(endpoint!.calls, 'nothing posted, no results fetched').to.have.length(0);
  });

  it('gives the form the answer as JSON, kept up to date as the person goes', async () => {
    const { element, form } = await inForm();
    expect(fieldValue(form), 'no answer, no value').to.equal(null);
    expect(element.value).to.equal('');
    await tick(element, 'Food');
    expect(JSON.parse(fieldValue(form) as string)).to.deep.equal({ needs: [{ category: 'food' }], assets: [] });
    await next(element);
    await fillIn(
      element,
      { assets: ['Skills'], details: { Skills: 'First aid' }, area: 'm1 1ae', contact: { name: 'Ann', phone: '01632 960 001' } },
      4,
      2,
    );
    const expected = {
      needs: [{ category: 'food' }],
      assets: [{ category: 'skills', detail: 'First aid' }],
      area: 'M1 1AE',
      contact: { name: 'Ann', phone: '01632 960 001' },
    };
    expect(JSON.parse(fieldValue(form) as string)).to.deep.equal(expected);
    expect(JSON.parse(element.value)).to.deep.equal(expected);
    expect(element.validity.valid).to.be.true;
  });

  it('gives the form no contact details once consent is withdrawn', async () => {
    const { element, form } = await inForm();
    await fillIn(element, {}, 3);
    await tick(element, 'Yes, you can contact me about this');
    await fill(byLabel(element, 'Your name'), 'Ann Other', element);
    await fill(byLabel(element, 'Email address'), 'ann@example.com', element);
    expect(JSON.parse(fieldValue(form) as string).contact).to.deep.equal({ name: 'Ann Other', email: 'ann@example.com' });
    await tick(element, 'Yes, you can contact me about this');
    const value = fieldValue(form) as string;
    expect(JSON.parse(value)).to.not.have.property('contact');
    expect(value).to.not.contain('Ann').and.not.contain('example.com');
  });

  it('clears every step, the value and the draft on form.reset()', async () => {
    const { element, form } = await inForm();
    await fillIn(element, { details: { Food: 'A fridge' }, area: 'Riverside' }, 3);
    expect(draftOf(element)).to.not.be.null;
    form.reset();
    await element.updateComplete;
    expect(element.step).to.equal('needs');
    expectNone(shadow(element, '[part="back"]'));
    expect(shadowAll<HTMLInputElement>(element, 'input:checked').length).to.equal(0);
    expect(element.answer).to.be.undefined;
    expect(fieldValue(form)).to.equal(null);
    expect(draftOf(element)).to.be.null;
  });

  it('with required, is valueMissing until answered, and its message is the first problem', async () => {
    const { element, form } = await inForm('required');
    expect(element.validity.valueMissing).to.be.true;
    expect(element.validationMessage).to.equal('Select what your community needs, or select ‘Nothing at the moment’');
    expect(form.checkValidity()).to.be.false;
    await fillIn(element, {});
    expect(element.validity.valid).to.be.true;
    expect(form.checkValidity()).to.be.true;
  });

  it('without required, lets the form go when untouched, but not half answered', async () => {
    const { element, form } = await inForm();
    expect(form.checkValidity(), 'an untouched widget is not required').to.be.true;
    await tick(element, 'Something else');
    expect(element.validity.customError, '“Something else” without text').to.be.true;
    expect(element.validationMessage).to.equal('Tell us what else your community needs');
    expect(form.checkValidity()).to.be.false;
  });

  it('forgets the draft once the page’s form is really sent, not when its submit is cancelled', async () => {
    const { element, form } = await inForm();
    await fillIn(element, {});
    const cancel = (event: Event) => event.preventDefault();
    form.addEventListener('submit', cancel);
    form.requestSubmit();
    await wait(20);
    expect(draftOf(element), 'kept: the page took over and may still fail').to.not.be.null;
    form.removeEventListener('submit', cancel);
    form.requestSubmit();
    await until(() => draftOf(element) === null, 3000, 'the draft to go');
    expect(endpoint!.posts()).to.have.length(0);
  });

  it('restores its answer from the browser’s saved form state, and ignores a state it did not write', async () => {
    const { element } = await inForm();
    const answer = {
      needs: [{ category: 'food', detail: 'A fridge' }],
      assets: [{ category: 'time' }],
      area: 'Riverside',
      contact: { name: 'Ann', email: 'ann@example.com' },
    };
    element.formStateRestoreCallback(JSON.stringify(answer));
    await element.updateComplete;
    expect(element.answer).to.deep.equal(answer);
    expect(byLabel(element, 'Food').checked).to.be.true;
    element.formStateRestoreCallback('not json');
    await element.updateComplete;
    expect(element.answer, 'unchanged').to.deep.equal(answer);
  });
});
