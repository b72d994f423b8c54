import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DelibBudget } from '../src/budget.js';
import { announceDelay } from '../src/budget.js';
import '../src/define-budget.js';
import {
  accessibilityTree,
  accessibleNodes,
  button,
  byLabel,
  clearDelibStorage,
  expectAccessible,
  fakeEndpoint,
  json,
  shadow,
  shadowAll,
  statusText,
  until,
  type Call,
} from '../../../test/helpers.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
});

type BudgetItem = { id: string; total: number; mean: number };

/** Acknowledges every POST and answers results in the budget's shape. */
const budgetEndpoint =
  (items: BudgetItem[] = [], total = 0) =>
  (call: Call) => {
    if (call.method === 'POST') return json(201, { id: (call.body as { id: string }).id, accepted: true });
    const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
    if (widgetId) return json(200, { widget: 'budget', widgetId, total, items });
    return undefined;
  };

const parks = (attributes = '') =>
  fixture<DelibBudget>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<delib-budget widget-id="budget-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api"
        question="How would you share 100 points across the park?" ${attributes.includes('total=') ? '' : 'total="100"'} ${attributes}>
        <option value="play">Play areas</option>
        <option value="lighting">Lighting</option>
        <option value="toilets">Toilets</option>
      </delib-budget>`,
    }).firstElementChild as DelibBudget,
  );

/** Types into an amount box as a person would, one input event for the whole text. */
async function enter(budget: DelibBudget, label: string, text: string) {
  const input = byLabel(budget, label);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await budget.updateComplete;
}

async function submit(budget: DelibBudget) {
  button(budget, 'Submit').click();
  await budget.updateComplete;
}

const remaining = (budget: DelibBudget) => shadow(budget, '[part="remaining"]')!.textContent!.trim();

/** The texts on screen that hold `text`: what a sighted person reads, not what only a screen reader hears. */
function onScreen(host: Element, text: string): string[] {
  const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const box = node.parentElement?.getBoundingClientRect();
    if (box && node.textContent!.includes(text) && box.width > 1 && box.height > 1) found.push(node.textContent!.trim());
  }
  return found;
}
const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('<delib-budget>', () => {
  it('passes axe in its first state', async () => {
    await expectAccessible(await parks());
  });

  it('is a group named by the question, a box per item labelled by the item, and steppers named with the item', async () => {
    const budget = await parks();
    const nodes = accessibleNodes(await accessibilityTree(budget));
    const find = (role: string, name: string) => nodes.find((node) => node.role === role && node.name === name);
    expect(find('group', 'How would you share 100 points across the park?'), 'group named by the question').to.exist;
    const boxes = nodes.filter((node) => node.role === 'textbox').map((node) => node.name);
    expect(boxes).to.deep.equal(['Play areas', 'Lighting', 'Toilets']);
    const buttons = nodes.filter((node) => node.role === 'button').map((node) => node.name);
    expect(buttons).to.deep.equal([
      'Take 1 point from Play areas',
      'Add 1 point to Play areas',
      'Take 1 point from Lighting',
      'Add 1 point to Lighting',
      'Take 1 point from Toilets',
      'Add 1 point to Toilets',
      'Submit',
    ]);
    expect(
      nodes.find((node) => node.role === 'status'),
      'a polite live region',
    ).to.exist;
    expect(shadowAll(budget, '[role="status"], [aria-live]'), 'only one live region').to.have.length(1);
    for (const input of shadowAll<HTMLInputElement>(budget, 'input')) {
      expect(input.inputMode).to.equal('numeric');
      expect(input.type).to.equal('text');
    }
    expect(shadow(budget, '#hint')!.textContent).to.equal('You have 100 points to share out. Use whole numbers.');
    expect(remaining(budget)).to.equal('100 points left to share out, of 100 points.');
  });

  it('passes axe once partly spent, and says what is left', async () => {
    const budget = await parks();
    await enter(budget, 'Play areas', '60');
    expect(remaining(budget)).to.equal('40 points left to share out, of 100 points.');
    await enter(budget, 'Lighting', '40');
    expect(remaining(budget)).to.equal('You have shared out all 100 points.');
    await enter(budget, 'Lighting', '25');
    await expectAccessible(budget);
  });

  it('steps with − and +, never below zero and never past the budget by the buttons', async () => {
    const budget = await parks();
    const play = byLabel(budget, 'Play areas');
    for (let press = 0; press < 3; press++) button(budget, 'Add 1 point to Play areas').click();
    await budget.updateComplete;
    expect(play.value).to.equal('3');
    button(budget, 'Take 1 point from Play areas').click();
    await budget.updateComplete;
    expect(play.value).to.equal('2');
    for (let press = 0; press < 4; press++) button(budget, 'Take 1 point from Play areas').click();
    await budget.updateComplete;
    expect(play.value).to.equal('0');
    await enter(budget, 'Lighting', '99');
    for (let press = 0; press < 3; press++) button(budget, 'Add 1 point to Play areas').click();
    await budget.updateComplete;
    expect(play.value, 'stops at what is left').to.equal('1');
    expect(remaining(budget)).to.equal('You have shared out all 100 points.');
  });

  it('steps by the step attribute, and says so in the button names', async () => {
    const budget = await parks('step="10"');
    button(budget, 'Add 10 points to Toilets').click();
    button(budget, 'Add 10 points to Toilets').click();
    await budget.updateComplete;
    expect(byLabel(budget, 'Toilets').value).to.equal('20');
    button(budget, 'Take 10 points from Toilets').click();
    await budget.updateComplete;
    expect(byLabel(budget, 'Toilets').value).to.equal('10');
  });

  it('steps with the up and down arrow keys in a box', async () => {
    const budget = await parks();
    byLabel(budget, 'Lighting').focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowDown' });
    await budget.updateComplete;
    expect(byLabel(budget, 'Lighting').value).to.equal('1');
  });

  it('announces the remaining budget once, after a burst of changes settles', async () => {
    const budget = await parks();
    const status = shadow(budget, '[role="status"]')!;
    const announced: string[] = [];
    const observer = new MutationObserver(() => {
      const text = status.textContent!.trim();
      if (text && text !== announced.at(-1)) announced.push(text);
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    for (let press = 0; press < 5; press++) {
      button(budget, 'Add 1 point to Play areas').click();
      await budget.updateComplete;
      await wait(50);
    }
    await enter(budget, 'Lighting', '2');
    await enter(budget, 'Lighting', '20');
    expect(remaining(budget), 'the visible text follows at once').to.equal('75 points left to share out, of 100 points.');
    expect(statusText(budget), 'nothing announced mid-burst').to.equal('');
    await wait(announceDelay / 2);
    expect(statusText(budget), 'still waiting for the person to pause').to.equal('');
    await until(() => statusText(budget), announceDelay * 2, 'the announcement');
    await wait(announceDelay);
    observer.disconnect();
    expect(announced).to.deep.equal(['75 points left to share out, of 100 points.']);

    // The same remaining budget again is said again, not swallowed by an unchanged live region.
    await enter(budget, 'Lighting', '21');
    await enter(budget, 'Lighting', '20');
    await until(() => statusText(budget) === '', announceDelay * 2, 'the live region emptied');
    await until(() => statusText(budget), 1000, 'the announcement again');
    expect(statusText(budget)).to.equal('75 points left to share out, of 100 points.');
  });

  it('can be completed with the keyboard alone', async () => {
    endpoint = fakeEndpoint(budgetEndpoint());
    const budget = await parks();
    const before = document.createElement('button');
    before.textContent = 'before';
    budget.before(before);
    before.focus();
    const focused = () => budget.shadowRoot!.activeElement;
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(button(budget, 'Take 1 point from Play areas'));
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(byLabel(budget, 'Play areas'));
    await sendKeys({ type: '59' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(button(budget, 'Add 1 point to Play areas'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(byLabel(budget, 'Lighting'));
    await sendKeys({ type: '39' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await budget.updateComplete;
    expect(byLabel(budget, 'Play areas').value).to.equal('60');
    expect(byLabel(budget, 'Lighting').value).to.equal('40');
    for (let press = 0; press < 4; press++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(button(budget, 'Submit'));
    const submitted = oneEvent(budget, 'delib-submitted');
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.detail.envelope.answer).to.deep.equal({ allocation: { play: 60, lighting: 40, toilets: 0 } });
    before.remove();
  });

  const slips = [
    ['-5', 'Enter 0 or more for Play areas'],
    ['2.5', 'Enter a whole number for Play areas, like 0 or 25'],
    ['ten', 'Enter a whole number for Play areas, like 0 or 25'],
    ['1e3', 'Enter a whole number for Play areas, like 0 or 25'],
  ];
  for (const [typed, message] of slips) {
    it(`says clearly what is wrong with "${typed}", beside the box and in a focused summary`, async () => {
      endpoint = fakeEndpoint(budgetEndpoint());
      const budget = await parks();
      await enter(budget, 'Lighting', '30');
      await enter(budget, 'Play areas', typed);
      expect(remaining(budget), 'the slip is not counted').to.equal('70 points left to share out, of 100 points.');
      await submit(budget);
      await until(() => shadow(budget, '.summary'));
      const summary = shadow(budget, '.summary')!;
      expect(budget.shadowRoot!.activeElement).to.equal(summary);
      expect(summary.textContent).to.contain('There is a problem').and.contain(message);
      expect(shadow(budget, '#error-0')!.textContent).to.contain('Error:').and.contain(message);
      const play = byLabel(budget, 'Play areas');
      expect(play.getAttribute('aria-invalid')).to.equal('true');
      expect(play.getAttribute('aria-describedby')).to.contain('error-0');
      expect(play.value, 'what they typed is kept to correct').to.equal(typed);
      await expectAccessible(budget);
      shadow<HTMLAnchorElement>(budget, '.summary a')!.click();
      expect(budget.shadowRoot!.activeElement).to.equal(play);
      expect(endpoint.posts()).to.have.length(0);
      await enter(budget, 'Play areas', '70');
      expect(shadow(budget, '#error-0'), 'the message goes once corrected').to.be.null;
    });
  }

  it('explains overspending and cannot submit it', async () => {
    endpoint = fakeEndpoint(budgetEndpoint());
    const budget = await parks();
    await enter(budget, 'Play areas', '70');
    await enter(budget, 'Lighting', '50');
    expect(remaining(budget)).to.equal('You have given 20 points more than the 100 points you have.');
    await submit(budget);
    await until(() => shadow(budget, '.summary'));
    const summary = shadow(budget, '.summary')!;
    expect(budget.shadowRoot!.activeElement).to.equal(summary);
    const message = 'You have given 20 points too many. Take 20 points away so that you give no more than 100 points';
    expect(summary.textContent).to.contain(message);
    expect(shadow(budget, '#problem')!.textContent).to.contain('Error:').and.contain(message);
    expect(shadow(budget, 'fieldset')!.getAttribute('aria-describedby')).to.contain('problem');
    await expectAccessible(budget);
    shadow<HTMLAnchorElement>(budget, '.summary a')!.click();
    expect(budget.shadowRoot!.activeElement).to.equal(byLabel(budget, 'Play areas'));
    await wait(50);
    expect(endpoint.posts()).to.have.length(0);

    await enter(budget, 'Lighting', '30');
    const submitted = oneEvent(budget, 'delib-submitted');
    await submit(budget);
    expect((await submitted).detail.envelope.answer).to.deep.equal({ allocation: { play: 70, lighting: 30, toilets: 0 } });
  });

  it('says what is left once on screen, and an overspent budget once in the summary and once at the items', async () => {
    endpoint = fakeEndpoint(budgetEndpoint());
    const budget = await parks();
    await enter(budget, 'Play areas', '70');
    await until(() => statusText(budget), announceDelay * 2, 'the announcement');
    expect(statusText(budget), 'a screen reader hears it').to.equal('30 points left to share out, of 100 points.');
    expect(onScreen(budget, '30 points'), 'seen once, beside the items').to.deep.equal([
      '30 points left to share out, of 100 points.',
    ]);

    await enter(budget, 'Lighting', '50');
    await until(() => statusText(budget).startsWith('You have given'), announceDelay * 2, 'the announcement');
    await submit(budget);
    await until(() => shadow(budget, '.summary'));
    const message = 'You have given 20 points too many. Take 20 points away so that you give no more than 100 points';
    expect(onScreen(budget, '20 points'), 'once per place: the summary and the items').to.deep.equal([message, message]);
    expect(statusText(budget), 'the summary taking focus is what is heard').to.equal('');
    await expectAccessible(budget);

    // Correcting: the error follows, still once per place, and what is left is heard when the person pauses.
    await enter(budget, 'Lighting', '40');
    await until(() => statusText(budget), announceDelay * 2, 'the announcement');
    expect(statusText(budget)).to.equal('You have given 10 points more than the 100 points you have.');
    expect(onScreen(budget, '10 points')).to.have.length(2);
    await enter(budget, 'Lighting', '20');
    expect(shadow(budget, '.summary'), 'gone once the budget is right').to.be.null;
    expect(onScreen(budget, '10 points')).to.deep.equal(['10 points left to share out, of 100 points.']);
  });

  it('asks for something to be given before submitting', async () => {
    endpoint = fakeEndpoint(budgetEndpoint());
    const budget = await parks();
    await submit(budget);
    await until(() => shadow(budget, '.summary'));
    expect(shadow(budget, '.summary')!.textContent).to.contain('Give some of your 100 points to at least one item');
    expect(endpoint.posts()).to.have.length(0);
  });

  it('with require-all, insists the whole budget is shared out', async () => {
    endpoint = fakeEndpoint(budgetEndpoint());
    const budget = await parks('require-all');
    expect(shadow(budget, '#hint')!.textContent).to.contain('share out all of it');
    await enter(budget, 'Play areas', '60');
    await submit(budget);
    await until(() => shadow(budget, '.summary'));
    expect(shadow(budget, '.summary')!.textContent).to.contain('Share out all 100 points: you still have 40 points left');
    expect(shadow(budget, '#problem')!.textContent).to.contain('Share out all 100 points');
    await expectAccessible(budget);
    expect(endpoint.posts()).to.have.length(0);
    await enter(budget, 'Toilets', '40');
    const submitted = oneEvent(budget, 'delib-submitted');
    await submit(budget);
    expect((await submitted).detail.envelope.answer).to.deep.equal({ allocation: { play: 60, lighting: 0, toilets: 40 } });
  });

  it('posts the contract envelope with whole numbers and shows results as text, with how they were worked out', async () => {
    endpoint = fakeEndpoint(
      budgetEndpoint(
        [
          { id: 'lighting', total: 160, mean: 40 },
          { id: 'play', total: 230, mean: 57.5 },
          { id: 'toilets', total: 10, mean: 2.5 },
          { id: 'spam.example', total: 9000, mean: 2250 },
        ],
        4,
      ),
    );
    const budget = await parks();
    await enter(budget, 'Play areas', ' 60 ');
    await enter(budget, 'Lighting', '40');
    const submitted = oneEvent(budget, 'delib-submitted');
    await submit(budget);
    await submitted;
    const [post] = endpoint.posts();
    expect(post.url).to.equal('https://api.test/api/responses');
    const envelope = post.body as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).to.deep.equal(['answer', 'id', 'locale', 'page', 'submittedAt', 'widget', 'widgetId']);
    expect(envelope.widget).to.equal('budget');
    expect(envelope.widgetId).to.equal(budget.widgetId);
    expect(envelope.answer).to.deep.equal({ allocation: { play: 60, lighting: 40, toilets: 0 } });
    for (const amount of Object.values((envelope.answer as { allocation: Record<string, number> }).allocation)) {
      expect(Number.isInteger(amount)).to.be.true;
    }

    await until(() => shadow(budget, '[part="results"]'), 3000, 'results');
    await budget.updateComplete;
    expect(statusText(budget)).to.equal('Thank you. Your budget has been received.');
    expect(shadow(budget, '[part="answer"]')!.textContent).to.contain('You gave: Play areas: 60 points and Lighting: 40 points.');
    const table = shadow(budget, '[part="results"]')!;
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('Results: 4 people shared out a budget');
    const headers = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent!.trim());
    expect(headers).to.deep.equal(['Item', 'Total', 'Mean per person', 'Share of everything given']);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal([
      'Play areas (you gave 60 points) 230 points 57.5 points 58%',
      'Lighting (you gave 40 points) 160 points 40 points 40%',
      'Toilets 10 points 2.5 points 3%',
    ]);
    expect(shadowAll(budget, '[part="bar"]')).to.have.length(3);
    expect(shadow(budget, '[part="note"]')!.textContent).to.equal(
      'Totals add up what everyone gave each item; the mean is the average given per person.',
    );
    expect(budget.shadowRoot!.textContent).not.to.contain('spam.example');
    await expectAccessible(budget);
  });

  it('shows money as currency with unit="GBP"', async () => {
    endpoint = fakeEndpoint(budgetEndpoint([{ id: 'play', total: 1500, mean: 333.333 }], 3));
    const budget = await parks('total="500" unit="GBP" step="10" results="always"');
    expect(shadow(budget, '#hint')!.textContent).to.equal('You have £500 to share out. Use whole numbers.');
    expect(button(budget, 'Add £10 to Play areas')).to.exist;
    expect(button(budget, 'Take £10 from Lighting')).to.exist;
    expect(shadow(budget, '.unit')!.textContent).to.equal('£');
    expect(shadow(budget, '.unit')!.getAttribute('aria-hidden')).to.equal('true');
    await enter(budget, 'Play areas', '1,200');
    expect(remaining(budget)).to.equal('You have given £700 more than the £500 you have.');
    await until(() => shadow(budget, '[part="results"]'));
    const row = shadow(budget, '[part="results"] tbody tr')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(row).to.equal('Play areas £1,500 £333.33 100%');
  });

  it('a step that is not a positive whole number falls back to 1', async () => {
    const budget = await parks('step="0"');
    expect(button(budget, 'Add 1 point to Play areas')).to.exist;
  });

  it('uses other unit words as written', async () => {
    const budget = await parks('unit="tokens" total="5"');
    expect(shadow(budget, '#hint')!.textContent).to.equal('You have 5 tokens to share out. Use whole numbers.');
  });

  it('with mode="dots", draws the budget as decorative dots coloured by item, with the same numbers as text', async () => {
    const budget = await parks('mode="dots" total="10"');
    const dots = shadow(budget, '[part="dots"]')!;
    expect(dots.getAttribute('aria-hidden')).to.equal('true');
    expect(shadowAll(budget, '.dot')).to.have.length(10);
    expect(getComputedStyle(shadow(budget, '.dot')!).borderRadius, 'the styles apply').to.equal('50%');
    expect(getComputedStyle(button(budget, 'Add 1 point to Play areas'), '::before').content).to.contain('+');
    button(budget, 'Add 1 point to Play areas').click();
    button(budget, 'Add 1 point to Play areas').click();
    button(budget, 'Add 1 point to Play areas').click();
    button(budget, 'Add 1 point to Lighting').click();
    button(budget, 'Add 1 point to Lighting').click();
    await budget.updateComplete;
    const classes = shadowAll(budget, '.dot').map((dot) => dot.classList[1]);
    expect(classes).to.deep.equal(['c0', 'c0', 'c0', 'c1', 'c1', 'free', 'free', 'free', 'free', 'free']);
    expect(remaining(budget)).to.equal('5 points left to share out, of 10 points.');
    expect(byLabel(budget, 'Play areas').value).to.equal('3');
    await expectAccessible(budget);
    await enter(budget, 'Toilets', '7');
    expect(shadowAll(budget, '.dot.overspent')).to.have.length(2);
    expect(remaining(budget)).to.equal('You have given 2 points more than the 10 points you have.');
  });

  it('is closed after `closes`, says so, and shows results (after-close)', async () => {
    endpoint = fakeEndpoint(budgetEndpoint([{ id: 'play', total: 10, mean: 10 }], 1));
    const budget = await parks('closes="2020-01-31T17:00:00Z" results="after-close"');
    expect(shadow(budget, 'form')).to.be.null;
    expect(shadow(budget, '[part="answer"]')!.textContent).to.contain('This closed on 31 January 2020');
    await until(() => shadow(budget, '[part="results"]'));
    await expectAccessible(budget);
  });

  it('shows labels as text, never as HTML', async () => {
    const budget = await parks();
    budget.question = '<b>Bold?</b>';
    budget.options = [
      { value: 'a', label: '<img src=x onerror="window.pwned=1">' },
      { value: 'b', label: '<script>window.pwned=1</script>' },
    ];
    await budget.updateComplete;
    expect(shadow(budget, 'legend')!.textContent).to.equal('<b>Bold?</b>');
    expect(shadowAll(budget, 'img, script, b')).to.have.length(0);
    expect(byLabel(budget, '<img src=x onerror="window.pwned=1">')).to.exist;
    expect(button(budget, 'Add 1 point to <script>window.pwned=1</script>')).to.exist;
    expect((window as unknown as { pwned?: number }).pwned).to.be.undefined;
  });

  const languages = {
    'Welsh inside lang="cy-GB", with all six plural forms': {
      lang: 'cy-GB',
      submit: 'Cyflwyno',
      steps: {
        1: 'Ychwanegu 1 pwynt at A',
        2: 'Ychwanegu 2 bwynt at A',
        3: 'Ychwanegu 3 phwynt at A',
        6: 'Ychwanegu 6 phwynt at A',
        4: 'Ychwanegu 4 o bwyntiau at A',
        100: 'Ychwanegu 100 o bwyntiau at A',
      },
      hint: "Mae gennych 20 o bwyntiau i'w rhannu. Defnyddiwch rifau cyfan.",
    },
    'Scottish Gaelic inside lang="gd", with its four plural forms': {
      lang: 'gd',
      submit: 'Cuir a-null',
      steps: {
        1: 'Cuir 1 phuing ri A',
        2: 'Cuir 2 phuing ri A',
        3: 'Cuir 3 puingean ri A',
        11: 'Cuir 11 phuing ri A',
        20: 'Cuir 20 puing ri A',
      },
      hint: 'Tha 20 puing agad ri roinn. Cleachd àireamhan slàna.',
    },
  };
  for (const [name, { lang, submit: submitLabel, steps, hint }] of Object.entries(languages)) {
    it(`speaks ${name}`, async () => {
      for (const [step, buttonName] of Object.entries(steps)) {
        const wrapper = await fixture(
          html`<div lang=${lang}>
            <delib-budget widget-id="${lang}-${step}" total="20" step=${step} question="?"
              ><option value="a">A</option></delib-budget
            >
          </div>`,
        );
        const budget = wrapper.querySelector('delib-budget')!;
        await budget.updateComplete;
        expect(button(budget, buttonName)).to.exist;
        expect(button(budget, submitLabel)).to.exist;
        expect(shadow(budget, '#hint')!.textContent).to.equal(hint);
        if (step === '2') await expectAccessible(budget);
      }
    });
  }

  it('counts people and points in Welsh results with the right plurals, zero included', async () => {
    endpoint = fakeEndpoint(budgetEndpoint([{ id: 'a', total: 6, mean: 2 }], 3));
    const wrapper = await fixture(
      html`<div lang="cy">
        <delib-budget widget-id="cy-results" endpoint="https://api.test/api" results="always" total="10" question="?"
          ><option value="a">A</option>
          <option value="b">B</option></delib-budget
        >
      </div>`,
    );
    const budget = wrapper.querySelector('delib-budget')!;
    await until(() => shadow(budget, 'caption'));
    expect(shadow(budget, 'caption')!.textContent!.trim()).to.equal('Canlyniadau: 3 pherson wedi rhannu cyllideb');
    const rows = shadowAll(budget, 'tbody tr').map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal(['A 6 phwynt 2 bwynt 100%', 'B 0 pwynt 0 pwynt 0%']);
    expect(shadow(budget, '[part="note"]')!.textContent).to.contain('cymedr');
  });
});

describe('<delib-budget> lists what was given in Welsh and Gaelic, where Chromium has no list data', () => {
  const cases = [
    {
      lang: 'cy',
      labels: ['Parc', 'Llyfrgell', 'Ysgol'],
      submit: 'Cyflwyno',
      said: 'Fe wnaethoch chi roi: Parc: 3 phwynt, Llyfrgell: 6 phwynt ac Ysgol: 1 pwynt.',
    },
    {
      lang: 'gd',
      labels: ['Pàirc', 'Leabharlann', 'Sgoil'],
      submit: 'Cuir a-null',
      said: 'Thug thu: Pàirc: 3 puingean, Leabharlann: 6 puingean agus Sgoil: 1 phuing.',
    },
  ];
  for (const { lang, labels, submit: submitLabel, said } of cases) {
    it(`${lang}: “${said}”`, async () => {
      endpoint = fakeEndpoint(budgetEndpoint());
      const wrapper = await fixture(
        Object.assign(document.createElement('div'), {
          lang,
          innerHTML: `<delib-budget widget-id="${lang}-gave-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api"
            total="10" question="?">${labels.map((label, index) => `<option value="v${index}">${label}</option>`).join('')}</delib-budget>`,
        }),
      );
      const budget = wrapper.querySelector('delib-budget')!;
      await budget.updateComplete;
      for (const [label, amount] of labels.map((label, index) => [label, ['3', '6', '1'][index]]))
        await enter(budget, label, amount);
      button(budget, submitLabel).click();
      await until(() => shadow(budget, '[part="answer"]'), 3000, 'the answer');
      expect(shadow(budget, '[part="answer"]')!.textContent).to.contain(said);
    });
  }
});

describe('<delib-budget> in a form', () => {
  it('is a form control whose value is the answer as JSON, invalid when overspent, and posts nothing itself', async () => {
    endpoint = fakeEndpoint(budgetEndpoint());
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <delib-budget name="budget" widget-id="in-form" question="Q" total="10" required>
          <option value="play">Play areas</option>
          <option value="lighting">Lighting</option></delib-budget
        >
      </form>`,
    );
    const budget = form.querySelector('delib-budget')!;
    await budget.updateComplete;
    expect(shadowAll(budget, 'button').map((element) => element.textContent!.trim())).not.to.include('Submit');
    expect(form.checkValidity(), 'required and empty').to.be.false;
    expect(budget.validity.valueMissing).to.be.true;
    await enter(budget, 'Play areas', '8');
    await enter(budget, 'Lighting', '5');
    expect(form.checkValidity(), 'overspent').to.be.false;
    expect(budget.validationMessage).to.contain('You have given 3 points too many');
    await enter(budget, 'Lighting', '2');
    expect(form.checkValidity()).to.be.true;
    expect(new FormData(form).get('budget')).to.equal('{"allocation":{"play":8,"lighting":2}}');
    form.reset();
    await budget.updateComplete;
    expect(new FormData(form).get('budget')).to.be.null;
    expect(byLabel(budget, 'Play areas').value).to.equal('');
    expect(endpoint.calls).to.have.length(0);
    await expectAccessible(form);
  });

  it('lets Enter in a box submit the page form', async () => {
    let submits = 0;
    const form = await fixture<HTMLFormElement>(
      html`<form @submit=${(event: Event) => (event.preventDefault(), submits++)}>
        <delib-budget name="b" widget-id="enter" total="10" question="Q"
          ><option value="a">A</option>
          <option value="b">B</option></delib-budget
        >
        <button>Send</button>
      </form>`,
    );
    const budget = form.querySelector('delib-budget')!;
    await budget.updateComplete;
    byLabel(budget, 'A').focus();
    await sendKeys({ type: '4' });
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(1);
    expect(new FormData(form).get('b')).to.equal('{"allocation":{"a":4,"b":0}}');
  });
});

describe('<delib-budget shuffle>', () => {
  const names = ['Play areas', 'Lighting', 'Toilets', 'Trees', 'Benches', 'Bins'];
  const budgetOf = (widgetId: string, attributes = 'shuffle') =>
    fixture<DelibBudget>(
      Object.assign(document.createElement('div'), {
        innerHTML: `<delib-budget widget-id="${widgetId}" endpoint="https://api.test/api" total="100" question="Share 100 points" ${attributes}>
          ${names.map((name, index) => `<option value="v${index}">${name}</option>`).join('')}
        </delib-budget>`,
      }).firstElementChild as DelibBudget,
    );
  const shown = (budget: DelibBudget) => shadowAll(budget, '.item label').map((label) => label.textContent!.trim());

  it("lists the items in an order of this person's own, the same after a reload, with results by total", async () => {
    endpoint = fakeEndpoint(
      budgetEndpoint(
        [
          { id: 'v5', total: 50, mean: 50 },
          { id: 'v0', total: 30, mean: 30 },
        ],
        1,
      ),
    );
    localStorage.setItem('delib:order:v1:delib-budget:shuffled', '1');
    const first = await budgetOf('shuffled', 'shuffle results="always"');
    const order = shown(first);
    expect(order).to.have.members(names);
    expect(order, 'not the page order').not.to.deep.equal(names);
    const boxes = accessibleNodes(await accessibilityTree(first)).filter((node) => node.role === 'textbox');
    expect(
      boxes.map((node) => node.name),
      'read out in the order shown',
    ).to.deep.equal(order);

    // Nothing given: the summary leads to the first box shown.
    await submit(first);
    shadow<HTMLAnchorElement>(first, '.summary a')!.click();
    expect(first.shadowRoot!.activeElement).to.equal(byLabel(first, order[0]));
    await until(() => shadow(first, '[part="results"]'));
    const rows = shadowAll(first, '[part="results"] tbody th').map((cell) => cell.textContent!.trim());
    expect(rows.slice(0, 2), 'results by total').to.deep.equal(['Bins', 'Play areas']);
    await expectAccessible(first);
    first.remove();

    expect(shown(await budgetOf('shuffled')), 'the same order after a reload').to.deep.equal(order);
    expect(shown(await budgetOf('plain', '')), 'without shuffle, the page order').to.deep.equal(names);
  });
});

describe('<delib-budget> closed at the endpoint, and the outcome', () => {
  it('says the question has closed, keeps the amounts on screen but unchangeable, and shows results with the outcome', async () => {
    endpoint = fakeEndpoint((call) => {
      if (call.method === 'POST') return json(410, { error: { code: 'closed', message: 'Closed.' } });
      const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
      if (!widgetId) return undefined;
      return json(200, {
        widget: 'budget',
        widgetId,
        total: 1,
        items: [{ id: 'play', total: 60, mean: 60 }],
        outcome: {
          text: { en: 'We are funding play areas first. See https://council.example/budget' },
          publishedAt: '2027-03-01T09:00:00Z',
        },
      });
    });
    const budget = await parks();
    await enter(budget, 'Play areas', '60');
    await enter(budget, 'Lighting', '40');
    await submit(budget);
    await until(() => budget.closedAtEndpoint, 3000, '410');
    await budget.updateComplete;
    expect(statusText(budget)).to.equal('This question has closed, so no more answers are being taken.');
    expect(byLabel(budget, 'Play areas').value).to.equal('60');
    expect(byLabel(budget, 'Play areas').matches(':disabled'), 'inside a disabled fieldset').to.be.true;
    await until(() => shadow(budget, '[part="outcome"]'), 3000, 'outcome');
    expect(shadow(budget, '[part="results"]')).to.exist;
    expect(shadow(budget, '[part="outcome"] a')!.getAttribute('href')).to.equal('https://council.example/budget');
    expect(endpoint.posts()).to.have.length(1);
    await expectAccessible(budget);
  });
});
