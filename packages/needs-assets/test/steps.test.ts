import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  accessibilityTree,
  accessibleNodes,
  button,
  byLabel,
  clearDelibStorage,
  fakeEndpoint,
  json,
  shadow,
  shadowAll,
  statusText,
  until,
  type AccessibleNode,
} from '../../../test/helpers.js';
import {
  back,
  detailBox,
  draftOf,
  expectFocus,
  expectNone,
  explain,
  fillIn,
  focused,
  headingText,
  make,
  needsEndpoint,
  next,
  send,
  text,
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

const titles = ['What does your community need?', 'What can you offer?', 'Where is your community?', 'Can we contact you?'];
const checkTitle = 'Check your answers before sending';

/**
 * The step on screen is step `n` (0 for check your answers) with `title`: focus is on its heading,
 * the heading reads "Step n of 4 Title", and the one polite live region says "Step n of 4: Title".
 */
async function expectStep(element: DelibNeedsAssets, n: number, title: string) {
  await element.updateComplete;
  expectFocus(element, shadow(element, '#heading'), `focus on the heading of "${title}"`);
  expect(headingText(element)).to.equal(n ? `Step ${n} of 4 ${title}` : title);
  expect(statusText(element)).to.equal(n ? `Step ${n} of 4: ${title}` : title);
  const live = shadowAll(element, '[role="status"], [role="alert"], [aria-live]');
  expect(live.length, 'exactly one live region').to.equal(1);
  expect(live[0].getAttribute('role')).to.equal('status');
}

/** Presses Tab (really) until `target` has focus; fails after `most` presses. Returns the number pressed. */
async function tabTo(element: DelibNeedsAssets, target: () => Element | null, most = 30): Promise<number> {
  for (let presses = 1; presses <= most; presses++) {
    await sendKeys({ press: 'Tab' });
    if (focused(element) === target()) return presses;
  }
  throw new Error(`Tab never reached ${target()?.outerHTML}`);
}

const nodesOf = async (element: DelibNeedsAssets) => accessibleNodes(await accessibilityTree(element));
type Described = AccessibleNode & { description?: string };

describe('<delib-needs-assets> steps', () => {
  it('starts on step 1 without announcing anything, its heading not yet focused', async () => {
    const element = await make();
    expect(headingText(element)).to.equal(`Step 1 of 4 ${titles[0]}`);
    expect(statusText(element)).to.equal('');
    expectNone(focused(element), 'nothing focused yet');
    expectNone(shadow(element, '[part="back"]'), 'no Back on the first step');
    expect(element.step).to.equal('needs');
  });

  it('moves through the four steps to check your answers, focusing each heading and announcing it', async () => {
    const element = await make();
    await tick(element, 'Food');
    await next(element);
    await expectStep(element, 2, titles[1]);
    await tick(element, 'Time');
    await next(element);
    await expectStep(element, 3, titles[2]);
    await next(element);
    await expectStep(element, 4, titles[3]);
    await next(element);
    await expectStep(element, 0, checkTitle);
    expect(element.step).to.equal('check');
    expect(button(element, 'Send')).to.exist;
    expect(shadowAll(element, '[part="continue"]').length, 'no Continue on check your answers').to.equal(0);
  });

  it('goes Back a step at a time, focusing and announcing each, keeping what was ticked and typed', async () => {
    const element = await make();
    await fillIn(element, { needs: ['Food'], details: { Food: 'A fridge' }, assets: ['Time'], area: 'Riverside' }, 3);
    await expectStep(element, 4, titles[3]);
    await back(element);
    await expectStep(element, 3, titles[2]);
    expect(byLabel(element, 'Neighbourhood, street or postcode (optional)').value).to.equal('Riverside');
    await back(element);
    await expectStep(element, 2, titles[1]);
    expect(byLabel(element, 'Time').checked).to.be.true;
    await back(element);
    await expectStep(element, 1, titles[0]);
    expect(byLabel(element, 'Food').checked).to.be.true;
    expect(detailBox(element, 'Food')!.value).to.equal('A fridge');
  });

  it('can be completed with the keyboard alone: ticks, details, Enter in a text field, a Change link and Send', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    const element = await make();
    const before = document.createElement('button');
    before.textContent = 'before';
    element.parentElement!.before(before);
    before.focus();

    // Step 1: Tab into the first checkbox, on to Food, tick it with Space, type in its box.
    await sendKeys({ press: 'Tab' });
    expectFocus(element, byLabel(element, 'Housing'));
    for (let press = 0; press < 3; press++) await sendKeys({ press: 'Tab' });
    expectFocus(element, byLabel(element, 'Food'));
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(byLabel(element, 'Food').checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expectFocus(element, detailBox(element, 'Food'), 'the revealed box comes next');
    await sendKeys({ type: 'A community fridge' });
    const presses = await tabTo(element, () => button(element, 'Continue'));
    expect(presses, 'seven more needs, Something else, Nothing at the moment, then Continue').to.equal(10);
    await sendKeys({ press: 'Enter' });
    await expectStep(element, 2, titles[1]);

    // Step 2: Back is before the heading, the first checkbox after it.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expectFocus(element, button(element, 'Back'));
    await sendKeys({ press: 'Tab' });
    expectFocus(element, byLabel(element, 'Skills'));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expectFocus(element, detailBox(element, 'Skills'));
    await sendKeys({ type: 'Cooking' });
    await sendKeys({ press: 'Tab' });
    expectFocus(element, byLabel(element, 'Time'));
    await sendKeys({ press: 'Space' });
    await tabTo(element, () => button(element, 'Continue'));
    await sendKeys({ press: 'Enter' });
    await expectStep(element, 3, titles[2]);

    // Step 3: Enter in the text box continues.
    await sendKeys({ press: 'Tab' });
    expectFocus(element, byLabel(element, 'Neighbourhood, street or postcode (optional)'));
    await sendKeys({ type: 'sw1a1aa' });
    await sendKeys({ press: 'Enter' });
    await expectStep(element, 4, titles[3]);

    // Step 4: the privacy link, then consent, then the details it reveals.
    await sendKeys({ press: 'Tab' });
    expectFocus(element, shadow(element, 'a[href="/privacy"]'));
    await sendKeys({ press: 'Tab' });
    expectFocus(element, byLabel(element, 'Yes, you can contact me about this'));
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    await sendKeys({ press: 'Tab' });
    expectFocus(element, byLabel(element, 'Your name'));
    await sendKeys({ type: 'Ann Other' });
    await sendKeys({ press: 'Tab' });
    expectFocus(element, byLabel(element, 'Email address'));
    await sendKeys({ type: 'ann@example.com' });
    await sendKeys({ press: 'Enter' });
    await expectStep(element, 0, checkTitle);

    // Check your answers: the third Change link (Where) by keyboard, then Continue comes back.
    for (let press = 0; press < 3; press++) await sendKeys({ press: 'Tab' });
    expect(text(focused(element))).to.equal('Change Where');
    await sendKeys({ press: 'Enter' });
    await expectStep(element, 3, titles[2]);
    await sendKeys({ press: 'Tab' });
    const area = byLabel(element, 'Neighbourhood, street or postcode (optional)');
    expectFocus(element, area);
    expect(area.value).to.equal('sw1a1aa');
    await sendKeys({ type: 'Riverside' });
    await sendKeys({ press: 'Enter' });
    await expectStep(element, 0, checkTitle);
    expect(text(shadow(element, '[part="summary-list"]'))).to.contain('Riverside');

    await tabTo(element, () => button(element, 'Send'));
    const submitted = oneEvent(element, 'delib-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    await until(() => focused(element) === shadow(element, '[part="answer"]'), 3000, 'focus on the confirmation');
    expect(endpoint.posts()).to.have.length(1);
    expect((endpoint.posts()[0].body as Envelope).answer).to.deep.equal({
      needs: [{ category: 'food', detail: 'A community fridge' }],
      assets: [{ category: 'skills', detail: 'Cooking' }, { category: 'time' }],
      area: 'Riverside',
      contact: { name: 'Ann Other', email: 'ann@example.com' },
    });
    before.remove();
  });

  const changes: [row: string, step: number, edit: (element: DelibNeedsAssets) => Promise<void>, shows: string][] = [
    ['What your community needs', 1, (element) => tick(element, 'Housing'), 'Housing'],
    ['What you can offer', 2, (element) => tick(element, 'Space'), 'Space'],
    [
      'Where',
      3,
      async (element) => {
        const field = byLabel(element, 'Neighbourhood, street or postcode (optional)');
        field.value = 'Mill Street';
        field.dispatchEvent(new Event('input'));
      },
      'Mill Street',
    ],
    [
      'Contact',
      4,
      async (element) => {
        await tick(element, 'Yes, you can contact me about this');
        await type(element, 'Your name', 'Ann Other');
        await type(element, 'Phone number', '01632 960 001');
      },
      'Ann Other',
    ],
  ];
  for (const [row, step, edit, shows] of changes) {
    it(`"Change ${row}" returns to step ${step}; Continue then goes straight back to check your answers`, async () => {
      const element = await make();
      await fillIn(element, {});
      const link = shadowAll(element, '[part="change"]').find((candidate) => text(candidate) === `Change ${row}`)!;
      expect(link, `a Change link named "Change ${row}"`).to.exist;
      link.click();
      await expectStep(element, step, titles[step - 1]);
      await edit(element);
      await next(element);
      await expectStep(element, 0, checkTitle);
      expect(text(shadow(element, '[part="summary-list"]'))).to.contain(shows);
    });
  }

  it('lists every answer on check your answers, with details, area and contact, in page order', async () => {
    const element = await make();
    await fillIn(element, {
      needs: ['Safety', 'Food', 'Something else'],
      details: { Food: 'A community fridge', 'Something else': 'A bus shelter', Skills: 'First aid' },
      assets: ['Skills'],
      area: 'sw1a1aa',
      contact: { name: 'Ann Other', email: 'ann@example.com', phone: '01632 960 001' },
    });
    const rows = shadowAll(element, '[part="summary-list"] > div').map((row) => ({
      label: text(row.querySelector('dt')),
      value: text(row.querySelector('dd')),
    }));
    expect(rows).to.deep.equal([
      { label: 'What your community needs', value: 'Food A community fridge Safety A bus shelter' },
      { label: 'What you can offer', value: 'Skills First aid' },
      { label: 'Where', value: 'SW1A 1AA' },
      { label: 'Contact', value: 'Ann Otherann@example.com01632 960 001' },
    ]);
    expect(shadowAll(element, '[part="summary-list"] br').length, 'name, email and phone on their own lines').to.equal(2);
  });

  it('says "Nothing at the moment", "Not given" and "Do not contact me" for what was not given', async () => {
    const element = await make();
    await fillIn(element, { needs: 'none', assets: ['Time'] });
    const values = shadowAll(element, '[part="summary-list"] dd:first-of-type').map((dd) => text(dd));
    expect(values).to.deep.equal(['Nothing at the moment', 'Time', 'Not given', 'Do not contact me']);
  });

  it('reveals a box under a category only while it is ticked, and forgets its text when unticked', async () => {
    const element = await make();
    expect(shadowAll(element, 'textarea').length).to.equal(0);
    await tick(element, 'Food');
    expect(text(detailBox(element, 'Food')!.labels![0])).to.equal('Tell us more about Food (optional)');
    await explain(element, 'Food', 'Fresh fruit');
    await tick(element, 'Something else');
    expect(text(detailBox(element, 'Something else')!.labels![0])).to.equal('What else does your community need?');
    await tick(element, 'Food');
    expectNone(detailBox(element, 'Food'));
    await tick(element, 'Food');
    expect(detailBox(element, 'Food')!.value, 'a fresh box').to.equal('');
  });

  it("names each checkbox by its label alone, its hint as the description, in a group named by the step's heading", async () => {
    const element = await make();
    let nodes = (await nodesOf(element)) as Described[];
    const needsGroup = nodes.find((node) => node.role === 'group')!;
    expect(needsGroup.name).to.equal(`Step 1 of 4 ${titles[0]}`);
    expect(needsGroup.description).to.equal('Select all that apply.');
    expect(nodes.filter((node) => node.role === 'checkbox').map((node) => node.name)).to.deep.equal([
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
    expect(nodes.filter((node) => node.role === 'heading').map((node) => node.name)).to.deep.equal([`Step 1 of 4 ${titles[0]}`]);
    await tick(element, 'Food');
    await next(element);
    nodes = (await nodesOf(element)) as Described[];
    expect(nodes.find((node) => node.role === 'group')!.name).to.equal(`Step 2 of 4 ${titles[1]}`);
    const boxes = nodes.filter((node) => node.role === 'checkbox');
    expect(boxes.map((node) => [node.name, node.description ?? ''])).to.deep.equal([
      ['Skills', 'Such as cooking, repairs, languages or first aid'],
      ['Time', 'To help now and then, or regularly'],
      ['Space', 'A room, hall, garden or yard that people could use'],
      ['Equipment', 'Such as tools, a vehicle, a laptop or kitchen things'],
      ['Knowledge', 'Something you know well and could share'],
      ['Connections', 'People or groups you could introduce us to'],
      ['Something else', ''],
      ['Nothing at the moment', ''],
    ]);
    expect(nodes.find((node) => node.role === 'button' && node.name === 'Back')).to.exist;
    expect(nodes.find((node) => node.role === 'form')!.name, 'the form is named by the heading too').to.equal(
      `Step 2 of 4 ${titles[1]}`,
    );
  });

  it('names the text boxes by their labels, and the consent checkbox is described by what it means and the privacy link', async () => {
    const element = await make();
    await fillIn(element, {}, 2);
    let nodes = (await nodesOf(element)) as Described[];
    const area = nodes.find((node) => node.role === 'textbox')!;
    expect(area.name).to.equal('Neighbourhood, street or postcode (optional)');
    expect(area.description).to.equal('For example, Riverside, Mill Street or SW1A 1AA. You do not have to give a postcode.');
    await next(element);
    nodes = (await nodesOf(element)) as Described[];
    const consent = nodes.find((node) => node.role === 'checkbox')! as Described;
    expect(consent.name).to.equal('Yes, you can contact me about this');
    expect(consent.checked).to.equal(false);
    expect(consent.description)
      .to.contain('Only if you want us to.')
      .and.contain('How we use your information (opens in new tab)');
    expect(
      nodes.filter((node) => node.role === 'textbox'),
      'no contact boxes before consent',
    ).to.have.length(0);
    const privacy = shadow<HTMLAnchorElement>(element, 'a[href="/privacy"]')!;
    expect(privacy.target).to.equal('_blank');
    expect(privacy.rel).to.contain('noopener');
    await tick(element, 'Yes, you can contact me about this');
    nodes = (await nodesOf(element)) as Described[];
    expect(nodes.filter((node) => node.role === 'textbox').map((node) => node.name)).to.deep.equal([
      'Your name',
      'Email address',
      'Phone number',
    ]);
    expect(byLabel(element, 'Email address').autocomplete).to.equal('email');
    expect(byLabel(element, 'Phone number').type).to.equal('tel');
  });

  it('names each Change link after its row on check your answers', async () => {
    const element = await make();
    await fillIn(element, {});
    const nodes = await nodesOf(element);
    expect(nodes.filter((node) => node.role === 'link').map((node) => node.name)).to.deep.equal([
      'Change What your community needs',
      'Change What you can offer',
      'Change Where',
      'Change Contact',
    ]);
  });

  it('has no privacy link when there is no privacy-url', async () => {
    const element = await make({ privacy: false });
    await fillIn(element, {}, 3);
    expect(shadowAll(element, 'a').length, 'no link to nowhere').to.equal(0);
  });

  it('gives a keyboard user their place back when the endpoint refuses: focus returns to Send', async () => {
    endpoint = fakeEndpoint(
      needsEndpoint({
        post: () => json(422, { error: { code: 'invalid', message: 'Only answers about Riverside are accepted' } }),
      }),
    );
    const element = await make();
    await fillIn(element, {});
    const sendButton = button(element, 'Send');
    sendButton.focus();
    const refused = oneEvent(element, 'delib-error');
    await sendKeys({ press: 'Enter' });
    await refused;
    await element.updateComplete;
    expect(statusText(element)).to.equal('Your answers could not be accepted: Only answers about Riverside are accepted');
    expectFocus(element, button(element, 'Send'), 'not lost to the page when Send was disabled while sending');
    expect(shadowAll(element, '[role="status"], [aria-live]').length).to.equal(1);
  });

  it('leaves focus where the person put it during sending when the endpoint refuses', async () => {
    let refuse!: () => void;
    endpoint = fakeEndpoint(
      needsEndpoint({
        post: () =>
          new Promise<Response>((resolve) => {
            refuse = () => resolve(json(422, { error: { code: 'invalid', message: 'No' } }));
          }),
      }),
    );
    const element = await make();
    await fillIn(element, {});
    button(element, 'Send').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => endpoint!.posts().length === 1);
    const elsewhere = document.createElement('input');
    elsewhere.setAttribute('aria-label', 'search');
    element.parentElement!.after(elsewhere);
    elsewhere.focus();
    const refused = oneEvent(element, 'delib-error');
    refuse();
    await refused;
    await element.updateComplete;
    expect(document.activeElement === elsewhere, 'focus not taken back').to.be.true;
    elsewhere.remove();
  });

  it('keeps step announcements for screen readers only, but shows a refusal to everyone', async () => {
    endpoint = fakeEndpoint(needsEndpoint({ post: () => json(422, { error: { code: 'invalid', message: 'No' } }) }));
    const element = await make();
    const status = shadow(element, '[part="status"]')!;
    await fillIn(element, {}, 1);
    expect(statusText(element)).to.equal('Step 2 of 4: What can you offer?');
    expect(status.classList.contains('sr-only'), 'the heading already shows the step').to.be.true;
    expect(getComputedStyle(status).clipPath, 'clipped out of sight').to.equal('inset(50%)');
    await fillIn(element, {}, 4, 2);
    await send(element);
    await until(() => statusText(element).includes('No'), 3000, 'the refusal');
    expect(status.classList.contains('sr-only'), 'a refusal is news for everyone').to.be.false;
    expect(getComputedStyle(status).clipPath).to.equal('none');
    expect(status.getBoundingClientRect().height).to.be.above(10);
  });

  it('says until when it is open, and closes while open, without losing the person’s answers', async () => {
    const closes = new Date(Date.now() + 400).toISOString();
    const element = await make({ attributes: `closes="${closes}" results="never"` });
    expect(text(element.shadowRoot as unknown as Element)).to.contain('Open until');
    await tick(element, 'Food');
    await until(() => text(element.shadowRoot as unknown as Element).includes('This closed on'), 3000, 'closing');
    expect(shadowAll(element, 'input, textarea, button').length, 'nothing to answer once closed').to.equal(0);
    expect(draftOf(element).needs).to.deep.equal({ food: '' });
  });

  it('takes focus to the confirmation, which says what happens next (and that someone may get in touch, with consent)', async () => {
    endpoint = fakeEndpoint(needsEndpoint());
    for (const contact of [undefined, { name: 'Ann', phone: '01632 960 001' }]) {
      const element = await make();
      await fillIn(element, { contact });
      await send(element);
      await until(() => focused(element) === shadow(element, '[part="answer"]'), 3000, 'focus on the confirmation');
      const panel = text(shadow(element, '[part="answer"]'));
      expect(panel).to.contain('Thank you').and.contain('What happens next');
      expect(panel.includes('someone may get in touch'), `mentions contact: ${!!contact}`).to.equal(!!contact);
      expect(statusText(element)).to.equal('Thank you. We have received your answers.');
    }
  });
});

describe('<delib-needs-assets> names and disabling', () => {
  it('names each revealed box after its category, so a list of fields tells them apart', async () => {
    const element = await make();
    await tick(element, 'Food');
    await tick(element, 'Housing');
    const names = ['Food', 'Housing'].map((label) => text(detailBox(element, label)!.labels![0]));
    expect(names).to.deep.equal(['Tell us more about Food (optional)', 'Tell us more about Housing (optional)']);
  });

  it('when disabled, Back and the Change links go nowhere', async () => {
    const element = await make();
    await fillIn(element, {});
    expect(headingText(element)).to.equal('Check your answers before sending');
    element.disabled = true;
    await element.updateComplete;
    const backButton = shadow<HTMLButtonElement>(element, '[part="back"]')!;
    expect(backButton.disabled, 'Back is disabled').to.be.true;
    const change = shadow<HTMLAnchorElement>(element, '[part="change"]')!;
    expect(change.getAttribute('aria-disabled')).to.equal('true');
    change.click();
    await element.updateComplete;
    expect(headingText(element)).to.equal('Check your answers before sending');
    element.disabled = false;
    // The form-associated element's own `disabled` reaches it by formDisabledCallback too, a render later.
    await until(() => !backButton.disabled, 1000, 'Back enabled again');
    expect(change.hasAttribute('aria-disabled')).to.be.false;
    change.click();
    await element.updateComplete;
    expect(headingText(element)).to.equal('Step 1 of 4 What does your community need?');
  });
});
