import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  accessibilityTree,
  accessibleNodes,
  byLabel,
  clearDelibStorage,
  expectAccessible,
  shadow,
  shadowAll,
  statusText,
  type AccessibleNode,
} from '../../../test/helpers.js';
import {
  detailBox,
  expectFocus,
  expectNone,
  explain,
  fillIn,
  focused,
  headingText,
  make,
  next,
  summary,
  summaryLinks,
  text,
  tick,
  type,
  type DelibNeedsAssets,
} from './fixtures.js';

beforeEach(() => clearDelibStorage());
afterEach(() => clearDelibStorage());

const titles = ['What does your community need?', 'What can you offer?', 'Where is your community?', 'Can we contact you?'];
const areaLabel = 'Neighbourhood, street or postcode (optional)';
const consent = 'Yes, you can contact me about this';

const message = {
  chooseNeeds: 'Select what your community needs, or select ‘Nothing at the moment’',
  chooseAssets: 'Select what you can offer, or select ‘Nothing at the moment’',
  nothingAtAll: 'Select something you can offer, or go back and say what your community needs',
  describeNeed: 'Tell us what else your community needs',
  describeAsset: 'Tell us what else you can offer',
  postcode: 'Enter a full postcode, like SW1A 1AA, or the name of your area',
  needName: 'Enter your name',
  needEmailOrPhone: 'Enter an email address or a phone number',
  badEmail: 'Enter an email address in the correct format, like name@example.com',
  badPhone: 'Enter a phone number, like 01632 960 001 or +44 808 157 0192',
};

/** Fills in the contact step after consent. */
const contactStep = (details: { name?: string; email?: string; phone?: string }) => async (element: DelibNeedsAssets) => {
  await fillIn(element, {}, 3);
  await tick(element, consent);
  for (const [label, value] of [
    ['Your name', details.name],
    ['Email address', details.email],
    ['Phone number', details.phone],
  ] as const) {
    if (value !== undefined) await type(element, label, value);
  }
};

interface Rule {
  name: string;
  /** Leaves the person on `step`, about to press Continue. */
  setup: (element: DelibNeedsAssets) => Promise<void>;
  step: number;
  /** Each problem's message, and the field its summary link must focus. */
  problems: [message: string, field: (element: DelibNeedsAssets) => HTMLElement][];
}

const first = (label: string) => (element: DelibNeedsAssets) => byLabel(element, label);
const other = (element: DelibNeedsAssets) => detailBox(element, 'Something else')!;

const rules: Rule[] = [
  {
    name: 'nothing ticked on step 1',
    setup: async () => {},
    step: 1,
    problems: [[message.chooseNeeds, first('Housing')]],
  },
  {
    name: '“Something else” ticked on step 1 without saying what',
    setup: (element) => tick(element, 'Something else'),
    step: 1,
    problems: [[message.describeNeed, other]],
  },
  {
    name: '“Something else” on step 1 with only spaces and control characters',
    setup: async (element) => {
      await tick(element, 'Something else');
      await explain(element, 'Something else', '  \u0007 \n\t ');
    },
    step: 1,
    problems: [[message.describeNeed, other]],
  },
  {
    name: 'nothing ticked on step 2',
    setup: (element) => fillIn(element, {}, 1),
    step: 2,
    problems: [[message.chooseAssets, first('Skills')]],
  },
  {
    name: '“Something else” ticked on step 2 without saying what',
    setup: async (element) => {
      await fillIn(element, {}, 1);
      await tick(element, 'Something else');
    },
    step: 2,
    problems: [[message.describeAsset, other]],
  },
  {
    name: '“Nothing at the moment” on both needs and offers',
    setup: async (element) => {
      await fillIn(element, { needs: 'none' }, 1);
      await tick(element, 'Nothing at the moment');
    },
    step: 2,
    problems: [[message.nothingAtAll, first('Skills')]],
  },
  ...['SW1A 1A', 'AB12 3XYZ', 'b4 7', 'Q1 1AA'].map((area): Rule => ({
    name: `an area that looks like a postcode but is not one: "${area}"`,
    setup: async (element) => {
      await fillIn(element, {}, 2);
      await type(element, areaLabel, area);
    },
    step: 3,
    problems: [[message.postcode, first(areaLabel)]],
  })),
  {
    name: 'consent given with no name and no way to contact',
    setup: contactStep({}),
    step: 4,
    problems: [
      [message.needName, first('Your name')],
      [message.needEmailOrPhone, first('Email address')],
    ],
  },
  {
    name: 'consent given with a name of only spaces and a phone',
    setup: contactStep({ name: '   ', phone: '01632 960 001' }),
    step: 4,
    problems: [[message.needName, first('Your name')]],
  },
  {
    name: 'an email address without a domain',
    setup: contactStep({ name: 'Ann', email: 'ann@example' }),
    step: 4,
    problems: [[message.badEmail, first('Email address')]],
  },
  {
    name: 'a phone number in words',
    setup: contactStep({ name: 'Ann', phone: 'call me' }),
    step: 4,
    problems: [[message.badPhone, first('Phone number')]],
  },
  {
    name: 'a phone number too short',
    setup: contactStep({ name: 'Ann', phone: '12345' }),
    step: 4,
    problems: [[message.badPhone, first('Phone number')]],
  },
  {
    name: 'no name, a bad email and a bad phone',
    setup: contactStep({ email: 'ann at example.com', phone: '0800 CALL ME' }),
    step: 4,
    problems: [
      [message.needName, first('Your name')],
      [message.badEmail, first('Email address')],
      [message.badPhone, first('Phone number')],
    ],
  },
];

describe('<delib-needs-assets> errors, the GOV.UK way', () => {
  for (const rule of rules) {
    it(`stops on ${rule.name}: a focused summary linking to each field, the message beside it, the count in the heading`, async () => {
      const element = await make();
      await rule.setup(element);
      await next(element);
      const title = titles[rule.step - 1];
      const count = rule.problems.length;
      expect(headingText(element)).to.equal(
        `Step ${rule.step} of 4 Error (${count} ${count === 1 ? 'problem' : 'problems'}): ${title}`,
      );
      expectFocus(element, summary(element), 'the summary takes focus');
      expect(text(summary(element)!.querySelector('#summary-title'))).to.equal('There is a problem');
      expect(summaryLinks(element).map((link) => text(link))).to.deep.equal(rule.problems.map(([problem]) => problem));
      expect(statusText(element), 'no step announced while staying on the step').to.equal('');

      for (const [index, [problem, field]] of rule.problems.entries()) {
        const target = field(element);
        summaryLinks(element)[index].click();
        expectFocus(element, target, `"${problem}" focuses its field`);
        const errorId = target.matches('input[type="checkbox"]')
          ? `${target.id.replace(/-\d+$/, '')}-0-error`
          : `${target.id}-error`;
        const error = element.shadowRoot!.getElementById(errorId);
        expect(text(error), 'the same message beside the field').to.equal(`Error: ${problem}`);
        if (target.matches('input[type="checkbox"]')) {
          expect(shadow(element, 'fieldset')!.getAttribute('aria-describedby')!.split(' ')).to.include(errorId);
        } else {
          expect(target.getAttribute('aria-invalid')).to.equal('true');
          expect(target.getAttribute('aria-describedby')!.split(' ')).to.include(errorId);
        }
      }
      expect(element.step, 'still on the step').to.equal(['needs', 'assets', 'area', 'contact'][rule.step - 1]);
      await expectAccessible(element);
    });
  }

  it('exposes the errors in the accessibility tree: invalid fields described by their messages', async () => {
    const element = await make();
    await contactStep({ email: 'ann@example', phone: '12' })(element);
    await next(element);
    const nodes = accessibleNodes(await accessibilityTree(element)) as (AccessibleNode & {
      description?: string;
      invalid?: string;
    })[];
    const box = (name: string) => nodes.find((node) => node.role === 'textbox' && node.name === name)!;
    expect(nodes[0].invalid, 'outside a form the widget itself is not marked invalid, only its fields').to.not.equal('true');
    expect(element.matches(':invalid')).to.be.false;
    expect(box('Your name').invalid).to.equal('true');
    expect(box('Your name').description).to.equal(`Error: ${message.needName}`);
    expect(box('Email address').invalid).to.equal('true');
    const how = 'Give an email address, a phone number or both.';
    expect(box('Email address').description).to.equal(`${how} Error: ${message.badEmail}`);
    expect(box('Phone number').invalid).to.equal('true');
    expect(box('Phone number').description).to.equal(`${how} Error: ${message.badPhone}`);
    expect(nodes.find((node) => node.role === 'heading')!.name).to.equal('Step 4 of 4 Error (3 problems): Can we contact you?');
    const summaryGroup = nodes.find((node) => node.role === 'group' && node.name === 'There is a problem');
    expect(summaryGroup, 'the summary is a group named "There is a problem"').to.exist;
    const links = nodes.filter((node) => node.role === 'link').map((node) => node.name);
    expect(links, 'the summary links come first, before the privacy link').to.deep.equal([
      message.needName,
      message.badEmail,
      message.badPhone,
      'How we use your information (opens in new tab)',
    ]);

    await make().then(async (needs) => {
      await next(needs);
      const tree = accessibleNodes(await accessibilityTree(needs)) as (AccessibleNode & { description?: string })[];
      const group = tree.find((node) => node.role === 'group' && node.name.includes('What does your community need?'))!;
      expect(group.name).to.equal('Step 1 of 4 Error (1 problem): What does your community need?');
      expect(group.description).to.equal(`Select all that apply. Error: ${message.chooseNeeds}`);
    });
  });

  it('follows a summary link with the keyboard to its field', async () => {
    const element = await make();
    await contactStep({})(element);
    await next(element);
    expectFocus(element, summary(element));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused(element))).to.equal(message.needEmailOrPhone);
    await sendKeys({ press: 'Enter' });
    expectFocus(element, byLabel(element, 'Email address'));
  });

  it('takes each message away as it is put right, and Continue then moves on', async () => {
    const element = await make();
    await contactStep({ email: 'ann@example' })(element);
    await next(element);
    expect(headingText(element)).to.equal('Step 4 of 4 Error (2 problems): Can we contact you?');
    await type(element, 'Your name', 'Ann');
    expect(headingText(element)).to.equal('Step 4 of 4 Error (1 problem): Can we contact you?');
    expectNone(shadow(element, '#name-error'));
    expect(byLabel(element, 'Your name').hasAttribute('aria-invalid')).to.be.false;
    await type(element, 'Email address', 'ann@example.com');
    expect(headingText(element)).to.equal('Step 4 of 4 Can we contact you?');
    expectNone(summary(element));
    await next(element);
    expect(element.step).to.equal('check');
  });

  it('forgets the errors of a step once the person has left it', async () => {
    const element = await make();
    await next(element);
    expect(summary(element)).to.exist;
    await tick(element, 'Food');
    await next(element);
    expectNone(summary(element), 'step 2 starts without errors');
    expect(headingText(element)).to.equal('Step 2 of 4 What can you offer?');
  });

  it('makes “Nothing at the moment” and the categories exclude each other', async () => {
    const element = await make();
    await tick(element, 'Food');
    await explain(element, 'Food', 'A fridge');
    await tick(element, 'Housing');
    await tick(element, 'Nothing at the moment');
    expect(byLabel(element, 'Food').checked).to.be.false;
    expect(byLabel(element, 'Housing').checked).to.be.false;
    expect(shadowAll(element, 'textarea').length, 'their boxes go too').to.equal(0);
    await tick(element, 'Safety');
    expect(byLabel(element, 'Nothing at the moment').checked).to.be.false;
    expect(byLabel(element, 'Safety').checked).to.be.true;
    await tick(element, 'Nothing at the moment');
    await next(element);
    await tick(element, 'Time');
    await next(element);
    await next(element);
    await next(element);
    expect(element.answer).to.deep.equal({ needs: [], assets: [{ category: 'time' }] });
  });

  const areas: [typed: string, sent: string | undefined][] = [
    ['Riverside', 'Riverside'],
    ['12 Mill Street', '12 Mill Street'],
    ['B4', 'B4'],
    ['Flat 2, 4 Church Lane', 'Flat 2, 4 Church Lane'],
    ['  Mill\u0007  Street\n', 'Mill Street'],
    ['', undefined],
    ['sw1a1aa', 'SW1A 1AA'],
    ['SW1A 1AA', 'SW1A 1AA'],
    ['m1 1ae', 'M1 1AE'],
    ['ec1a1bb', 'EC1A 1BB'],
    ['  b33   8th ', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
  ];
  for (const [typed, sent] of areas) {
    it(`accepts the area ${JSON.stringify(typed)}, sent as ${JSON.stringify(sent)}`, async () => {
      const element = await make();
      await fillIn(element, { area: typed }, 3);
      expect(element.step, 'no error on step 3').to.equal('contact');
      expect(element.answer!.area).to.equal(sent);
    });
  }
});
