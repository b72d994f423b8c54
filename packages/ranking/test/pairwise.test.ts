import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DelibPairwise } from '../src/pairwise.js';
import '../src/define-pairwise.js';
import { getOutbox } from '@delib/core';
import {
  accessibilityTree,
  accessibleNodes,
  button,
  byLabel,
  clearDelibStorage,
  expectAccessible,
  fakeEndpoint,
  fillStorage,
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

interface Tally {
  id: string;
  score: number;
  wins: number;
  losses: number;
}
const tally = (id: string, wins: number, losses: number): Tally => ({
  id,
  wins,
  losses,
  score: (100 * (wins + 1)) / (wins + losses + 2),
});

/** Acknowledges every POST and answers results as a pairwise endpoint would. */
const pairwiseEndpoint =
  (items: Tally[] = [], total = items.reduce((sum, item) => sum + item.wins, 0)) =>
  (call: Call) => {
    if (call.method === 'POST') return json(201, { id: (call.body as { id: string }).id, accepted: true });
    const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
    if (widgetId) return json(200, { widget: 'pairwise', widgetId, total, items });
    return undefined;
  };

const labels: Record<string, string> = {
  lighting: 'Lighting',
  play: 'Play areas',
  toilets: 'Toilets',
  benches: 'Benches',
  bins: 'Bins',
};

const parks = (attributes = '', widgetId = `parks-${Math.random().toString(36).slice(2)}`) =>
  fixture<DelibPairwise>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<delib-pairwise widget-id="${widgetId}" endpoint="https://api.test/api" ${attributes}>
        ${Object.entries(labels)
          .map(([value, label]) => `<option value="${value}">${label}</option>`)
          .join('')}
      </delib-pairwise>`,
    }).firstElementChild as DelibPairwise,
  );

const choices = (element: DelibPairwise) => shadowAll<HTMLButtonElement>(element, '[part="choice"]');
const shownPair = (element: DelibPairwise) => choices(element).map((choice) => choice.textContent!.trim());
const valueOf = (label: string) => Object.entries(labels).find(([, text]) => text === label)![0];
const answers = (endpoint: Endpoint) => endpoint.posts().map((post) => (post.body as { answer: unknown }).answer);
const keyOf = (pair: string[]) => [...pair].sort().join('|');

async function clickChoice(element: DelibPairwise, index: 0 | 1) {
  choices(element)[index].click();
  await element.updateComplete;
}

describe('<delib-pairwise>', () => {
  it('passes axe with its first pair', async () => {
    await expectAccessible(await parks());
  });

  it('is a group named by the question, with two buttons named by the items, "I can\'t decide" and a progress bar', async () => {
    const pairwise = await parks();
    const nodes = accessibleNodes(await accessibilityTree(pairwise));
    const find = (role: string, name?: string) =>
      nodes.find((node) => node.role === role && (name === undefined || node.name === name));
    expect(find('group', 'Which matters more to you?'), 'group named by the default question').to.exist;
    const pair = shownPair(pairwise);
    expect(pair).to.have.length(2);
    for (const label of pair) {
      expect(Object.values(labels)).to.include(label);
      expect(find('button', label), `button "${label}"`).to.exist;
    }
    expect(find('button', "I can't decide")).to.exist;
    expect(find('button', 'Stop and see results')).to.exist;
    expect(find('progressbar', 'Pair 1 of 10'), 'progress bar named by the pair number').to.exist;
    expect(find('status'), 'a polite live region').to.exist;
    expect(shadowAll(pairwise, '[role="status"], [aria-live]'), 'only one live region').to.have.length(1);
    expect(choices(pairwise)[0].getAttribute('aria-keyshortcuts')).to.equal('1 ArrowLeft');
    expect(choices(pairwise)[1].getAttribute('aria-keyshortcuts')).to.equal('2 ArrowRight');
  });

  it('asks its own question when given one', async () => {
    const pairwise = await parks('question="Which should the council do first?"');
    expect(shadow(pairwise, 'legend')!.textContent).to.equal('Which should the council do first?');
  });

  it('posts each vote at once as its own envelope { pair, winner }, each with its own id and its own delib-submitted', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const pairwise = await parks();
    const acknowledged: string[] = [];
    pairwise.addEventListener('delib-submitted', (event) => acknowledged.push(event.detail.envelope.id));
    const expected: unknown[] = [];
    for (const index of [0, 1, 0] as const) {
      const [first, second] = shownPair(pairwise).map(valueOf);
      expected.push({ pair: [first, second], winner: index === 0 ? first : second });
      // One vote straight after another, as people do: each must still get its own outcome.
      await clickChoice(pairwise, index);
    }
    await until(() => endpoint!.posts().length === expected.length, 3000, 'three posts');
    expect(answers(endpoint)).to.deep.equal(expected);
    const envelopes = endpoint.posts().map((post) => post.body as Record<string, string>);
    const ids = envelopes.map((envelope) => envelope.id);
    expect(new Set(ids).size).to.equal(3);
    for (const envelope of envelopes) {
      expect(envelope.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(envelope.widget).to.equal('pairwise');
      expect(envelope.widgetId).to.equal(pairwise.widgetId);
      expect(envelope.locale).to.equal('en');
    }
    await until(() => acknowledged.length === 3, 3000, 'three delib-submitted events');
    expect([...acknowledged].sort()).to.deep.equal([...ids].sort());
    await expectAccessible(pairwise);
  });

  it('announces each choice and names the next pair in its live region, and shows progress', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const pairwise = await parks();
    expect(statusText(pairwise)).to.equal('');
    let [first, second] = shownPair(pairwise);
    await clickChoice(pairwise, 0);
    let next = shownPair(pairwise);
    expect(statusText(pairwise)).to.equal(`You chose ${first} over ${second}. Pair 2 of 10: ${next[0]} or ${next[1]}?`);
    [first, second] = next;
    await clickChoice(pairwise, 1);
    next = shownPair(pairwise);
    expect(statusText(pairwise)).to.equal(`You chose ${second} over ${first}. Pair 3 of 10: ${next[0]} or ${next[1]}?`);
    expect(shadow(pairwise, 'label[for="progress"]')!.textContent!.trim()).to.equal('Pair 3 of 10');
    const progress = shadow<HTMLProgressElement>(pairwise, 'progress')!;
    expect([progress.value, progress.max]).to.deep.equal([2, 10]);
    [first, second] = next;
    button(pairwise, "I can't decide").click();
    await pairwise.updateComplete;
    next = shownPair(pairwise);
    expect(statusText(pairwise)).to.equal(
      `You could not decide between ${first} and ${second}. Pair 4 of 10: ${next[0]} or ${next[1]}?`,
    );
  });

  it('posts winner null for "I can\'t decide"', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const pairwise = await parks();
    const pair = shownPair(pairwise).map(valueOf);
    button(pairwise, "I can't decide").click();
    await until(() => endpoint!.posts().length === 1);
    expect(answers(endpoint)).to.deep.equal([{ pair, winner: null }]);
  });

  it('can be answered with the keyboard alone: arrows, 1 and 2, and Tab to "I can\'t decide", keeping focus', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const pairwise = await parks();
    const before = document.createElement('button');
    before.textContent = 'before';
    pairwise.before(before);
    try {
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(pairwise.shadowRoot!.activeElement).to.equal(choices(pairwise)[0]);
      const expected: unknown[] = [];
      for (const [key, index] of [
        ['ArrowLeft', 0],
        ['ArrowRight', 1],
        ['1', 0],
        ['2', 1],
      ] as const) {
        const pair = shownPair(pairwise).map(valueOf);
        expected.push({ pair, winner: pair[index] });
        await sendKeys({ press: key });
        await pairwise.updateComplete;
        expect(pairwise.shadowRoot!.activeElement, `focus kept after ${key}`).to.equal(choices(pairwise)[0]);
      }
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(pairwise.shadowRoot!.activeElement).to.equal(button(pairwise, "I can't decide"));
      const pair = shownPair(pairwise).map(valueOf);
      expected.push({ pair, winner: null });
      await sendKeys({ press: 'Enter' });
      await pairwise.updateComplete;
      expect(pairwise.shadowRoot!.activeElement, 'focus kept on "I can\'t decide"').to.equal(button(pairwise, "I can't decide"));
      await until(() => endpoint!.posts().length === expected.length, 3000, 'all posts');
      expect(answers(endpoint)).to.deep.equal(expected);
      expect(statusText(pairwise)).to.match(/^You could not decide between .+ and .+\. Pair 6 of 10: .+ or .+\?$/);
    } finally {
      before.remove();
    }
  });

  it('shows results after `votes` votes: a table by score with wins and losses, and how the score is worked out', async () => {
    endpoint = fakeEndpoint(
      pairwiseEndpoint([tally('lighting', 1, 3), tally('play', 4, 1), tally('toilets', 2, 2), tally('spam-id', 90, 0)], 7),
    );
    const pairwise = await parks('votes="3"');
    expect(shadow(pairwise, 'label[for="progress"]')!.textContent!.trim()).to.equal('Pair 1 of 3');
    for (let vote = 0; vote < 3; vote++) {
      expect(shadow(pairwise, '[part="results"]'), 'no results before the last vote').to.be.null;
      await clickChoice(pairwise, 0);
    }
    expect(statusText(pairwise)).to.match(/That was the last pair\. Thank you\.$/);
    expect(choices(pairwise)).to.have.length(0);
    await until(() => pairwise.shadowRoot!.activeElement === shadow(pairwise, '[part="answer"]'), 3000, 'focus on the thank-you');
    expect(shadow(pairwise, '[part="answer"]')!.textContent).to.contain('You compared 3 pairs.');
    await until(() => shadow(pairwise, '[part="results"]'), 3000, 'results');
    const table = shadow(pairwise, '[part="results"]')!;
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('Results from 7 comparisons');
    const headers = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent!.trim());
    expect(headers).to.deep.equal(['Idea', 'Score', 'Chosen', 'Not chosen']);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal(['Play areas 71% 4 1', 'Toilets 50% 2 2', 'Benches 50% 0 0', 'Bins 50% 0 0', 'Lighting 33% 1 3']);
    expect(pairwise.shadowRoot!.textContent, "an id that is not one of the page's items").not.to.contain('spam-id');
    expect(shadow(pairwise, '[part="note"]')!.textContent).to.contain('plus one, divided by');
    const request = endpoint.calls.find((call) => call.url.startsWith(`https://api.test/api/results/${pairwise.widgetId}?`));
    const query = new URL(request!.url).searchParams;
    expect(query.get('widget')).to.equal('pairwise');
    expect(query.getAll('value'), "the page's items, named").to.have.members(pairwise.items.map((item) => item.value));
    await expectAccessible(pairwise);
  });

  it('stops and shows results when the person chooses "Stop and see results"', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint([tally('bins', 2, 0)], 2));
    const pairwise = await parks();
    await clickChoice(pairwise, 1);
    button(pairwise, 'Stop and see results').click();
    await pairwise.updateComplete;
    expect(statusText(pairwise)).to.equal('Thank you for your answers.');
    expect(shadow(pairwise, '[part="answer"]')!.textContent).to.contain('You compared 1 pair.');
    expect(pairwise.shadowRoot!.activeElement).to.equal(shadow(pairwise, '[part="answer"]'));
    await until(() => shadow(pairwise, '[part="results"]'));
    expect(shadow(pairwise, 'tbody th')!.textContent!.trim()).to.equal('Bins');
    // The vote goes through the outbox (a lock, then the request), which may come after the results read.
    await until(() => endpoint!.posts().length > 0, 3000, 'the vote sent');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.posts()).to.have.length(1);
    await expectAccessible(pairwise);
  });

  it('never repeats a pair in a session, and carries on after a reload where it left off', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const widgetId = `repeat-${Math.random().toString(36).slice(2)}`;
    const first = await parks('', widgetId);
    const seen: string[] = [];
    for (let vote = 0; vote < 4; vote++) {
      seen.push(keyOf(shownPair(first)));
      await clickChoice(first, (vote % 2) as 0 | 1);
    }
    first.remove();
    const again = await parks('', widgetId);
    expect(shadow(again, 'label[for="progress"]')!.textContent!.trim()).to.equal('Pair 5 of 10');
    for (let vote = 4; vote < 10; vote++) {
      seen.push(keyOf(shownPair(again)));
      await clickChoice(again, 0);
    }
    expect(new Set(seen).size, seen.join(', ')).to.equal(10);
    await until(() => endpoint!.posts().length === 10);
    expect(new Set(answers(endpoint).map((answer) => keyOf((answer as { pair: string[] }).pair))).size).to.equal(10);
    expect(choices(again), 'finished after 10 votes').to.have.length(0);
  });

  it('with shuffle, shows a person the same pairs in the same order and on the same sides in a new tab, and another person others', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const widgetId = `shuffled-${Math.random().toString(36).slice(2)}`;
    const seedKey = `delib:order:v1:delib-pairwise:${widgetId}`;
    const pairsSeenBy = async () => {
      // A new tab: this tab's progress is gone, what this browser keeps is not.
      sessionStorage.clear();
      const pairwise = await parks('shuffle', widgetId);
      const seen: string[][] = [];
      for (let vote = 0; vote < 6; vote++) {
        seen.push(shownPair(pairwise));
        await clickChoice(pairwise, 0);
      }
      pairwise.remove();
      return seen;
    };
    localStorage.setItem(seedKey, '1');
    const first = await pairsSeenBy();
    expect(await pairsSeenBy(), 'the same pairs, order and sides').to.deep.equal(first);
    localStorage.setItem(seedKey, '2');
    expect(await pairsSeenBy(), "another person's").not.to.deep.equal(first);
  });

  it('asks no more pairs than there are', async () => {
    const pairwise = await fixture<DelibPairwise>(
      html`<delib-pairwise widget-id="three" votes="10"
        ><option value="a">A</option>
        <option value="b">B</option>
        <option value="c">C</option></delib-pairwise
      >`,
    );
    expect(shadow(pairwise, 'label[for="progress"]')!.textContent!.trim()).to.equal('Pair 1 of 3');
  });

  it('shows labels as text, never as markup', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const pairwise = await parks();
    pairwise.question = '<b>Bold?</b>';
    pairwise.options = [
      { value: 'a', label: '<img src=x onerror="window.pwned=1">' },
      { value: 'b', label: '<script>window.pwned=1</script>' },
    ];
    await pairwise.updateComplete;
    expect(shadow(pairwise, 'legend')!.textContent).to.equal('<b>Bold?</b>');
    expect([...shownPair(pairwise)].sort()).to.deep.equal([
      '<img src=x onerror="window.pwned=1">',
      '<script>window.pwned=1</script>',
    ]);
    await clickChoice(pairwise, 0);
    expect(statusText(pairwise)).to.contain('<img src=x');
    expect(shadowAll(pairwise, 'img, script, b')).to.have.length(0);
    expect((window as unknown as { pwned?: number }).pwned).to.be.undefined;
  });
});

describe('<delib-pairwise allow-suggestions>', () => {
  it('posts a cleaned idea as its own response { suggestion }, announces it and keeps focus', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const pairwise = await parks('allow-suggestions');
    await expectAccessible(pairwise);
    const field = byLabel(pairwise, 'Add your own idea');
    field.focus();
    await sendKeys({ type: '  A   dog park\tnear the pond ' });
    await sendKeys({ press: 'Enter' });
    await until(() => endpoint!.posts().length === 1);
    expect(answers(endpoint)).to.deep.equal([{ suggestion: 'A dog park near the pond' }]);
    await pairwise.updateComplete;
    expect(statusText(pairwise)).to.equal('Thank you. Your idea was sent: A dog park near the pond');
    expect(field.value).to.equal('');
    expect(pairwise.shadowRoot!.activeElement).to.equal(field);
    // An idea is not a vote: the same pair is still waiting.
    expect(shadow(pairwise, 'label[for="progress"]')!.textContent!.trim()).to.equal('Pair 1 of 10');
  });

  it('says so when the idea is empty, and sends nothing', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const pairwise = await parks('allow-suggestions');
    const field = byLabel(pairwise, 'Add your own idea');
    field.value = '   ';
    field.dispatchEvent(new Event('input'));
    button(pairwise, 'Add idea').click();
    await pairwise.updateComplete;
    await pairwise.updateComplete;
    expect(shadow(pairwise, '#suggestion-error')!.textContent).to.contain('Error:').and.contain('Enter your idea');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('suggestion-error');
    expect(pairwise.shadowRoot!.activeElement).to.equal(field);
    expect(endpoint.posts()).to.have.length(0);
    await expectAccessible(pairwise);
  });

  it('has no suggestion field without the attribute', async () => {
    const pairwise = await parks();
    expect(shadow(pairwise, '#suggestion')).to.be.null;
  });
});

describe('<delib-pairwise> closed, refused, offline, not set up', () => {
  it('is closed after `closes`, says so, asks nothing, and shows results (after-close)', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint([tally('play', 3, 1)], 4));
    const pairwise = await parks('closes="2020-01-31T17:00:00Z" results="after-close" allow-suggestions');
    expect(choices(pairwise)).to.have.length(0);
    expect(shadow(pairwise, '#suggestion'), 'no ideas once closed').to.be.null;
    expect(shadow(pairwise, '[part="answer"]')!.textContent).to.contain('This closed on 31 January 2020');
    await until(() => shadow(pairwise, '[part="results"]'));
    await expectAccessible(pairwise);
  });

  it('shows a refusal with its message and fires delib-error', async () => {
    endpoint = fakeEndpoint((call) =>
      call.method === 'POST' ? json(422, { error: { code: 'closed', message: 'This consultation has closed.' } }) : undefined,
    );
    const pairwise = await parks();
    const refused = oneEvent(pairwise, 'delib-error');
    await clickChoice(pairwise, 0);
    const event = await refused;
    expect(event.detail.status).to.equal(422);
    await pairwise.updateComplete;
    expect(statusText(pairwise)).to.contain('Your answer could not be accepted: This consultation has closed.');
    expect(shadow(pairwise, '[role="status"]')!.className).to.contain('refused');
    await expectAccessible(pairwise);
  });

  it('puts a refused idea back in its box', async () => {
    endpoint = fakeEndpoint((call) =>
      call.method === 'POST' ? json(400, { error: { code: 'bad', message: 'Too rude.' } }) : undefined,
    );
    const pairwise = await parks('allow-suggestions');
    const field = byLabel(pairwise, 'Add your own idea');
    field.value = 'Something rude';
    field.dispatchEvent(new Event('input'));
    const refused = oneEvent(pairwise, 'delib-error');
    button(pairwise, 'Add idea').click();
    await refused;
    await pairwise.updateComplete;
    expect(byLabel(pairwise, 'Add your own idea').value).to.equal('Something rude');
  });

  it('keeps votes for later when the endpoint cannot be reached, with delib-queued for each, and says so', async () => {
    endpoint = fakeEndpoint(() => 'network-error');
    const pairwise = await parks();
    const queued: string[] = [];
    pairwise.addEventListener('delib-queued', (event) => queued.push(event.detail.envelope.id));
    await clickChoice(pairwise, 0);
    await clickChoice(pairwise, 1);
    await until(() => queued.length === 2, 3000, 'two delib-queued events');
    await pairwise.updateComplete;
    expect(new Set(queued).size).to.equal(2);
    expect(statusText(pairwise)).to.contain('saved on this device and will be sent automatically');
    await expectAccessible(pairwise);
  });

  it('asks the person to keep the page open, never saying the votes are saved, when storage is full', async () => {
    endpoint = fakeEndpoint(() => 'network-error');
    const pairwise = await parks();
    fillStorage();
    const queued = oneEvent(pairwise, 'delib-queued');
    await clickChoice(pairwise, 0);
    expect((await queued).detail.durable).to.be.false;
    await pairwise.updateComplete;
    expect(statusText(pairwise))
      .to.contain('please keep it open until they have been sent')
      .and.not.contain('saved on this device and will be sent automatically');
    endpoint.restore();
    endpoint = fakeEndpoint(pairwiseEndpoint());
    await getOutbox().flush(true);
  });

  it('tells the person when it lacks an endpoint, and does not count the vote', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const pairwise = await fixture<DelibPairwise>(
        html`<delib-pairwise widget-id="no-endpoint"
          ><option value="a">A</option>
          <option value="b">B</option></delib-pairwise
        >`,
      );
      await clickChoice(pairwise, 0);
      expect(statusText(pairwise)).to.contain('not fully set up');
      expect(shadow(pairwise, 'label[for="progress"]')!.textContent!.trim()).to.equal('Pair 1 of 1');
      expect(errors.join(' ')).to.contain('endpoint');
    } finally {
      console.error = original;
    }
  });
});

describe('<delib-pairwise> languages', () => {
  const languages = {
    'Welsh inside lang="cy", with all six plural forms': {
      lang: 'cy',
      cantDecide: 'Alla i ddim penderfynu',
      question: "Pa un sy'n bwysicach i chi?",
      captions: {
        0: 'Canlyniadau o 0 cymhariaeth',
        1: 'Canlyniadau o 1 gymhariaeth',
        2: 'Canlyniadau o 2 gymhariaeth',
        3: 'Canlyniadau o 3 cymhariaeth',
        6: 'Canlyniadau o 6 chymhariaeth',
        4: 'Canlyniadau o 4 o gymariaethau',
      },
    },
    'Scottish Gaelic inside lang="gd", with its four plural forms': {
      lang: 'gd',
      cantDecide: 'Chan urrainn dhomh co-dhùnadh',
      question: 'Dè as cudromaiche dhut?',
      captions: {
        1: 'Toraidhean bho 1 choimeas',
        2: 'Toraidhean bho 2 choimeas',
        3: 'Toraidhean bho 3 coimeasan',
        20: 'Toraidhean bho 20 coimeas',
      },
    },
  };
  for (const [name, { lang, cantDecide, question, captions }] of Object.entries(languages)) {
    it(`speaks ${name}`, async () => {
      for (const [total, caption] of Object.entries(captions)) {
        endpoint = fakeEndpoint(pairwiseEndpoint([tally('a', Number(total), 0)], Number(total)));
        const wrapper = await fixture(
          html`<div lang=${lang}>
            <delib-pairwise widget-id="${lang}-${total}" endpoint="https://api.test/api" results="always">
              <option value="a">A</option>
              <option value="b">B</option>
            </delib-pairwise>
          </div>`,
        );
        const pairwise = wrapper.querySelector('delib-pairwise')!;
        await until(() => shadow(pairwise, 'caption'));
        expect(shadow(pairwise, 'caption')!.textContent!.trim()).to.equal(caption);
        expect(button(pairwise, cantDecide)).to.exist;
        expect(shadow(pairwise, 'legend')!.textContent).to.equal(question);
        if (total === '2') await expectAccessible(pairwise);
        endpoint.restore();
      }
      endpoint = undefined;
    });
  }

  it('announces in Welsh and sends the language as the locale', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const wrapper = await fixture(
      html`<div lang="cy">
        <delib-pairwise widget-id="cy-announce" endpoint="https://api.test/api" votes="2">
          <option value="a">Goleuadau</option>
          <option value="b">Meinciau</option>
          <option value="c">Biniau</option>
        </delib-pairwise>
      </div>`,
    );
    const pairwise = wrapper.querySelector('delib-pairwise')!;
    const [first, second] = shownPair(pairwise);
    await clickChoice(pairwise, 0);
    const next = shownPair(pairwise);
    expect(statusText(pairwise)).to.equal(
      `Fe wnaethoch chi ddewis ${first} dros ${second}. Pâr 2 o 2: ${next[0]} neu ${next[1]}?`,
    );
    await until(() => endpoint!.posts().length === 1);
    expect((endpoint.posts()[0].body as { locale: string }).locale).to.equal('cy');
  });
});

describe('<delib-pairwise> in a form', () => {
  it('is a form control whose value is every vote as a JSON array, oldest first, and posts nothing itself', async () => {
    endpoint = fakeEndpoint(pairwiseEndpoint());
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <delib-pairwise name="pairs" widget-id="pairs-in-form-${Math.random().toString(36).slice(2)}" votes="3">
          <option value="a">Alpha</option>
          <option value="b">Bravo</option>
          <option value="c">Charlie</option>
        </delib-pairwise>
      </form>`,
    );
    const pairwise = form.querySelector('delib-pairwise')!;
    await pairwise.updateComplete;
    expect(new FormData(form).get('pairs')).to.be.null;
    const votes: unknown[] = [];
    const first = shownPair(pairwise).map((label) => label.toLowerCase()[0]);
    await clickChoice(pairwise, 0);
    votes.push({ pair: first, winner: first[0] });
    expect(JSON.parse(new FormData(form).get('pairs') as string)).to.deep.equal(votes);
    const second = shownPair(pairwise).map((label) => label.toLowerCase()[0]);
    button(pairwise, "I can't decide").click();
    await pairwise.updateComplete;
    votes.push({ pair: second, winner: null });
    expect(JSON.parse(pairwise.value)).to.deep.equal(votes);
    expect(JSON.parse(new FormData(form).get('pairs') as string)).to.deep.equal(votes);
    form.reset();
    await pairwise.updateComplete;
    expect(new FormData(form).get('pairs')).to.be.null;
    expect(endpoint.posts()).to.have.length(0);
    await expectAccessible(form);
  });
});

describe('<delib-pairwise allow-suggestions> approved items (GET /items)', () => {
  /** Answers `/items/…` with `body` (a value, or a Response as is), and POSTs and results as a pairwise endpoint. */
  const withItems = (body: unknown, results: Tally[] = [], extra: Record<string, unknown> = {}) =>
    fakeEndpoint((call) => {
      if (call.url.includes('/items/')) return body instanceof Response ? body : json(200, body);
      if (call.method === 'POST') return json(201, { id: (call.body as { id: string }).id, accepted: true });
      const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
      if (widgetId) return json(200, { widget: 'pairwise', widgetId, total: 1, items: results, ...extra });
      return undefined;
    });
  const itemValues = (pairwise: DelibPairwise) => pairwise.items.map((item) => item.value);
  const page = Object.keys(labels);

  it('fetches them once from {endpoint}/items/{widgetId}, adds them to the pairs and the results, with their labels', async () => {
    endpoint = withItems(
      {
        items: [
          { value: 'dogs', label: 'A dog park' },
          { value: 'pond', label: 'Clean the pond' },
        ],
      },
      [tally('dogs', 3, 0)],
    );
    const pairwise = await parks('allow-suggestions results="always"');
    await until(() => pairwise.items.length === 7, 3000, 'approved items');
    const reads = endpoint.calls.filter((call) => call.url.includes('/items/'));
    expect(reads.map((call) => call.url)).to.deep.equal([`https://api.test/api/items/${encodeURIComponent(pairwise.widgetId)}`]);
    expect(reads[0].credentials).to.equal('omit');
    expect(itemValues(pairwise)).to.deep.equal([...page, 'dogs', 'pond']);
    await until(() => shadowAll(pairwise, '[part="results"] tbody th').length === 7, 3000, 'results rows');
    const rows = shadowAll(pairwise, '[part="results"] tbody th').map((th) => th.textContent!.trim());
    expect(rows[0], 'the approved idea, by its label, at the top').to.equal('A dog park');
    expect(rows).to.include('Clean the pond');
    // The pairs reach the new items as soon as the schedule gets to them.
    const seen = new Set<string>();
    for (let vote = 0; vote < 10; vote++) {
      shownPair(pairwise).forEach((label) => seen.add(label));
      await clickChoice(pairwise, 0);
    }
    expect(seen.has('A dog park') || seen.has('Clean the pond'), [...seen].join(', ')).to.be.true;
    await expectAccessible(pairwise);
  });

  it('does nothing of the kind without allow-suggestions', async () => {
    endpoint = withItems({ items: [{ value: 'dogs', label: 'A dog park' }] });
    const pairwise = await parks();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.calls.filter((call) => call.url.includes('/items/'))).to.have.length(0);
    expect(itemValues(pairwise)).to.deep.equal(page);
  });

  for (const [what, reply] of [
    ['404', () => json(404, { error: { code: 'not_found', message: 'Not found' } })],
    ['500', () => json(500, { error: { code: 'internal', message: 'Oops' } })],
    ['a network failure', () => 'network-error' as const],
    ['HTML', () => new Response('<html><script>window.pwned=1</script></html>', { status: 200 })],
    ['not the shape', () => json(200, [{ value: 'dogs', label: 'A dog park' }])],
  ] as const) {
    it(`takes ${what} as no approved items, and carries on with the page's own`, async () => {
      endpoint = fakeEndpoint((call) => (call.url.includes('/items/') ? reply() : undefined), pairwiseEndpoint());
      const pairwise = await parks('allow-suggestions');
      await until(() => endpoint!.calls.some((call) => call.url.includes('/items/')), 3000, 'items read');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(itemValues(pairwise)).to.deep.equal(page);
      expect(shownPair(pairwise)).to.have.length(2);
    });
  }

  it("keeps only well-formed entries: values and labels bounded, control characters out, each value once, the page's own first", async () => {
    const long = 'x'.repeat(201);
    endpoint = withItems({
      items: [
        { value: 'ok', label: '  A   good\nidea  ' },
        { value: 'ok', label: 'The same value again' },
        { value: 'lighting', label: 'Takes over a page item' },
        { value: long, label: 'Value too long' },
        { value: 'ctrl\u0000', label: 'Control character in value' },
        { value: 42, label: 'Number value' },
        { value: 'nolabel' },
        { value: 'emptylabel', label: ' \n ' },
        { value: 'objlabel', label: { toString: 'x' } },
        'a string',
        null,
        { value: 'longlabel', label: 'y'.repeat(5000) },
        { value: 'html', label: '<img src=x onerror="window.pwned=1"><b>bold</b>' },
      ],
      extra: 'ignored',
    });
    const pairwise = await parks('allow-suggestions results="always"');
    await until(() => pairwise.items.length > 5, 3000, 'approved items');
    expect(itemValues(pairwise)).to.deep.equal([...page, 'ok', 'longlabel', 'html']);
    const byValue = new Map(pairwise.items.map((item) => [item.value, item.label]));
    expect(byValue.get('ok')).to.equal('A good idea');
    expect(byValue.get('lighting')).to.equal('Lighting');
    expect(byValue.get('longlabel')).to.have.length(1000);
    // Labels are text wherever they are shown.
    for (let vote = 0; vote < 10 && !shownPair(pairwise).some((label) => label.startsWith('<img')); vote++) {
      await clickChoice(pairwise, 0);
    }
    await until(() => shadow(pairwise, '[part="results"]'), 3000, 'results');
    expect(pairwise.shadowRoot!.querySelectorAll('img, b').length).to.equal(0);
    expect(shadow(pairwise, '[part="results"]')!.textContent).to.contain('<img src=x onerror="window.pwned=1"><b>bold</b>');
    expect((window as { pwned?: number }).pwned).to.be.undefined;
  });

  it(`takes at most ${100} items in all, and reads no more than its bound in bytes`, async () => {
    const many = Array.from({ length: 500 }, (_, index) => ({ value: `idea-${index}`, label: `Idea ${index}` }));
    endpoint = withItems({ items: many });
    const pairwise = await parks('allow-suggestions');
    await until(() => pairwise.items.length > 5, 3000, 'approved items');
    expect(pairwise.items).to.have.length(100);
    expect(pairwise.items.at(-1)!.value).to.equal('idea-94');

    endpoint.restore();
    const huge = JSON.stringify({ items: [{ value: 'big', label: 'Big' }], padding: 'z'.repeat(300 * 1024) });
    endpoint = withItems(new Response(huge, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const flooded = await parks('allow-suggestions');
    await until(() => endpoint!.calls.some((call) => call.url.includes('/items/')), 3000, 'items read');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(itemValues(flooded), 'a body beyond the bound is not read').to.deep.equal(page);
  });

  it('never shows an idea just sent as an item: only once /items lists it', async () => {
    let approved: { value: string; label: string }[] = [];
    endpoint = fakeEndpoint(
      (call) => (call.url.includes('/items/') ? json(200, { items: approved }) : undefined),
      pairwiseEndpoint(),
    );
    const pairwise = await parks('allow-suggestions results="always"');
    byLabel(pairwise, 'Add your own idea').value = 'A skate park';
    byLabel(pairwise, 'Add your own idea').dispatchEvent(new Event('input'));
    button(pairwise, 'Add idea').click();
    await until(() => endpoint!.posts().length === 1, 3000, 'the idea sent');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pairwise.items.map((item) => item.label)).not.to.include('A skate park');
    for (let vote = 0; vote < 10; vote++) {
      expect(shownPair(pairwise)).not.to.include('A skate park');
      await clickChoice(pairwise, 0);
    }
    expect(shadow(pairwise, '[part="results"]')!.textContent).not.to.contain('A skate park');
    // Approved, it appears on the next page that reads /items.
    approved = [{ value: 'skate', label: 'A skate park' }];
    const later = await parks('allow-suggestions');
    await until(() => later.items.some((item) => item.label === 'A skate park'), 3000, 'approved idea');
  });

  it('lists in its results an approved item the endpoint labels, even when /items could not be read', async () => {
    endpoint = fakeEndpoint(
      (call) => (call.url.includes('/items/') ? 'network-error' : undefined),
      (call) => {
        const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
        if (!widgetId) return undefined;
        return json(200, {
          widget: 'pairwise',
          widgetId,
          total: 4,
          items: [
            { ...tally('dogs', 4, 0), label: 'A dog park' },
            { ...tally('stranger', 9, 0) },
            { ...tally('evil', 1, 0), label: '<script>window.pwned=1</script>' },
          ],
        });
      },
    );
    const pairwise = await parks('allow-suggestions results="always"');
    await until(() => shadowAll(pairwise, '[part="results"] tbody th').length > 5, 3000, 'results');
    const rows = shadowAll(pairwise, '[part="results"] tbody th').map((th) => th.textContent!.trim());
    expect(rows).to.include('A dog park');
    expect(rows, "an unlabelled id is a stranger's").not.to.include('stranger');
    expect(rows).to.include('<script>window.pwned=1</script>');
    expect(pairwise.shadowRoot!.querySelectorAll('script').length).to.equal(0);
  });
});

describe('<delib-pairwise> closed at the endpoint (410 closed)', () => {
  it('says the question has closed, stops asking, keeps the idea box visible but unchangeable, and shows results', async () => {
    endpoint = fakeEndpoint((call) => {
      if (call.method === 'POST') return json(410, { error: { code: 'closed', message: 'Closed.' } });
      return pairwiseEndpoint([tally('lighting', 2, 1)])(call);
    });
    const pairwise = await parks('allow-suggestions');
    await clickChoice(pairwise, 0);
    await until(() => pairwise.closedAtEndpoint, 3000, '410');
    await pairwise.updateComplete;
    expect(statusText(pairwise)).to.contain('This question has closed, so no more answers are being taken.');
    expect(statusText(pairwise)).not.to.contain('Closed.');
    expect(choices(pairwise), 'no more pairs').to.have.length(0);
    expect(shadow(pairwise, '[part="answer"]')).to.exist;
    await until(() => shadow(pairwise, '[part="results"]'), 3000, 'results');
    const box = byLabel(pairwise, 'Add your own idea');
    expect(box.disabled).to.be.true;
    expect(endpoint.posts()).to.have.length(1);
    await expectAccessible(pairwise);
  });
});
