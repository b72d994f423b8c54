import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { DelibRanking } from '../src/ranking.js';
import '../src/define-ranking.js';
import {
  accessibilityTree,
  accessibleNodes,
  acceptAll,
  button,
  clearDelibStorage,
  expectAccessible,
  fakeEndpoint,
  json,
  outboxKeys,
  shadow,
  shadowAll,
  statusText,
  until,
  type Call,
} from '../../../test/helpers.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => clearDelibStorage());
afterEach(async () => {
  endpoint?.restore();
  endpoint = undefined;
  await resetMouse();
});

/** Acknowledges every POST and answers results in the ranking's shape. */
const rankingResults = (items: { id: string; borda: number; meanRank: number }[], total: number) => (call: Call) => {
  if (call.method === 'POST') return json(201, { id: (call.body as { id: string }).id, accepted: true });
  const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
  if (widgetId) return json(200, { widget: 'ranking', widgetId, total, items });
  return undefined;
};

const parks = (attributes = '') =>
  fixture<DelibRanking>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<delib-ranking widget-id="parks-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api"
        question="Which parks should be improved first?" ${attributes}>
        <option value="alpha">Alpha park</option>
        <option value="bravo">Bravo park</option>
        <option value="charlie">Charlie park</option>
        <option value="delta">Delta park</option>
      </delib-ranking>`,
    }).firstElementChild as DelibRanking,
  );

const items = (ranking: DelibRanking) => shadowAll(ranking, 'li[data-value]');
const labels = (ranking: DelibRanking) => items(ranking).map((element) => element.querySelector('.label')!.textContent!.trim());
const item = (ranking: DelibRanking, label: string) => {
  const found = items(ranking).find((candidate) => candidate.querySelector('.label')!.textContent!.trim() === label);
  if (!found) throw new Error(`no item "${label}"`);
  return found;
};
const moveButton = (ranking: DelibRanking, name: string) => {
  const found = shadowAll<HTMLButtonElement>(ranking, 'button').find(
    (candidate) => candidate.getAttribute('aria-label') === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const active = (ranking: DelibRanking) => ranking.shadowRoot!.activeElement;

async function press(ranking: DelibRanking, ...keys: string[]) {
  for (const key of keys) {
    await sendKeys({ press: key });
    await ranking.updateComplete;
  }
}

/** Puts every item into the ranking with its Add button, in the order they are listed. */
async function rankAsListed(ranking: DelibRanking) {
  for (const label of labels(ranking)) {
    moveButton(ranking, `Add ${label} to your ranking`).click();
    await ranking.updateComplete;
  }
}

describe('<delib-ranking>', () => {
  it('passes axe in its first state', async () => {
    await expectAccessible(await parks());
  });

  it('is a group named by the question holding lists of items, each with buttons named with it', async () => {
    const ranking = await parks();
    const first = accessibleNodes(await accessibilityTree(ranking));
    expect(first.filter((node) => node.role === 'list').map((node) => node.name)).to.deep.equal(['Not ranked']);
    for (const label of ['Alpha park', 'Bravo park', 'Charlie park', 'Delta park']) {
      expect(first.find((node) => node.role === 'button' && node.name === `Add ${label} to your ranking`)).to.exist;
    }
    await rankAsListed(ranking);
    const nodes = accessibleNodes(await accessibilityTree(ranking));
    const find = (role: string, name?: string) =>
      nodes.find((node) => node.role === role && (name === undefined || node.name === name));
    expect(find('group', 'Which parks should be improved first?')).to.exist;
    expect(find('list', 'Ranked'), 'an ordered list').to.exist;
    expect(shadow(ranking, 'ol')).to.exist;
    const listItems = nodes.filter((node) => node.role === 'listitem').map((node) => node.name);
    expect(listItems).to.deep.equal([
      'Alpha park, position 1 of 4',
      'Bravo park, position 2 of 4',
      'Charlie park, position 3 of 4',
      'Delta park, position 4 of 4',
    ]);
    for (const label of ['Alpha park', 'Bravo park', 'Charlie park', 'Delta park']) {
      expect(find('button', `Move ${label} up`), `Move ${label} up`).to.exist;
      expect(find('button', `Move ${label} down`), `Move ${label} down`).to.exist;
      expect(find('button', `Remove ${label} from your ranking`)).to.exist;
    }
    expect(find('button', 'Move Alpha park up')!.disabled, 'first item cannot go up').to.be.true;
    expect(find('button', 'Move Delta park down')!.disabled, 'last item cannot go down').to.be.true;
    expect(find('button', 'Submit ranking')).to.exist;
    expect(shadowAll(ranking, '[role="status"]')).to.have.length(1);
    expect(shadow(ranking, '[role="status"]')!.getAttribute('aria-live') ?? 'polite').to.equal('polite');
    // One tab stop for the lists (roving tabindex), on the item last focused.
    expect(items(ranking).map((element) => element.tabIndex)).to.deep.equal([-1, -1, -1, 0]);
  });

  it('ranks and moves items with the keyboard, announcing each step, keeping focus on them', async () => {
    const ranking = await parks();
    const before = document.createElement('button');
    before.textContent = 'before';
    ranking.before(before);
    before.focus();
    await press(ranking, 'Tab');
    expect(active(ranking)).to.equal(item(ranking, 'Alpha park'));
    await press(ranking, 'ArrowDown');
    expect(active(ranking), 'arrows move focus while nothing is picked up').to.equal(item(ranking, 'Bravo park'));

    await press(ranking, 'Space');
    expect(statusText(ranking)).to.equal(
      'Bravo park picked up, not ranked. Use the up and down arrow keys to move it, Space or Enter to drop it, Escape to cancel.',
    );
    expect(item(ranking, 'Bravo park').classList.contains('grabbed')).to.be.true;
    await expectAccessible(ranking);

    await press(ranking, 'ArrowUp');
    expect(statusText(ranking)).to.equal('Bravo park, position 1 of 4');
    expect(active(ranking), 'focus stays on the moved item').to.equal(item(ranking, 'Bravo park'));
    await press(ranking, 'Enter');
    expect(statusText(ranking)).to.equal('Bravo park dropped at position 1 of 4.');
    expect(item(ranking, 'Bravo park').classList.contains('grabbed')).to.be.false;

    await press(ranking, 'ArrowDown', 'ArrowDown', 'Space', 'ArrowUp');
    expect(statusText(ranking)).to.equal('Charlie park, position 2 of 4');
    await press(ranking, 'ArrowUp');
    expect(labels(ranking)).to.deep.equal(['Charlie park', 'Bravo park', 'Alpha park', 'Delta park']);
    expect(statusText(ranking)).to.equal('Charlie park, position 1 of 4');
    expect(active(ranking)).to.equal(item(ranking, 'Charlie park'));
    await press(ranking, 'ArrowDown', 'ArrowDown');
    expect(statusText(ranking), 'below the last place it leaves the ranking').to.equal('Charlie park, not ranked');
    await press(ranking, 'ArrowUp', 'Enter');
    expect(statusText(ranking)).to.equal('Charlie park dropped at position 2 of 4.');
    expect(item(ranking, 'Charlie park').getAttribute('aria-label')).to.equal('Charlie park, position 2 of 4');
    expect(ranking.answer).to.deep.equal({ order: ['bravo', 'charlie'] });
    await expectAccessible(ranking);
    before.remove();
  });

  it('puts the item back where it was on Escape', async () => {
    const ranking = await parks();
    await rankAsListed(ranking);
    item(ranking, 'Charlie park').focus();
    await press(ranking, 'Enter', 'ArrowUp', 'ArrowUp');
    expect(labels(ranking)[0]).to.equal('Charlie park');
    await press(ranking, 'Escape');
    expect(labels(ranking)).to.deep.equal(['Alpha park', 'Bravo park', 'Charlie park', 'Delta park']);
    expect(statusText(ranking)).to.equal('Move cancelled. Charlie park is back at position 3 of 4.');
    expect(active(ranking)).to.equal(item(ranking, 'Charlie park'));
    // Arrows move focus again, not the item.
    await press(ranking, 'ArrowUp');
    expect(labels(ranking)[2]).to.equal('Charlie park');
    expect(active(ranking)).to.equal(item(ranking, 'Bravo park'));
  });

  it('moves items with the Up and Down buttons, keeping focus on a usable button', async () => {
    const ranking = await parks();
    await rankAsListed(ranking);
    moveButton(ranking, 'Move Charlie park up').focus();
    moveButton(ranking, 'Move Charlie park up').click();
    await ranking.updateComplete;
    expect(labels(ranking)).to.deep.equal(['Alpha park', 'Charlie park', 'Bravo park', 'Delta park']);
    expect(statusText(ranking)).to.equal('Charlie park, position 2 of 4');
    expect(active(ranking)).to.equal(moveButton(ranking, 'Move Charlie park up'));
    moveButton(ranking, 'Move Charlie park up').click();
    await ranking.updateComplete;
    expect(labels(ranking)[0]).to.equal('Charlie park');
    expect(moveButton(ranking, 'Move Charlie park up').disabled).to.be.true;
    expect(active(ranking), 'at the top, focus goes to the other button').to.equal(moveButton(ranking, 'Move Charlie park down'));
    moveButton(ranking, 'Move Alpha park down').click();
    await ranking.updateComplete;
    expect(ranking.answer).to.deep.equal({ order: ['charlie', 'bravo', 'alpha', 'delta'] });
    await expectAccessible(ranking);
  });

  it('moves an item by dragging it with a mouse, showing where it will land', async () => {
    const ranking = await parks();
    await rankAsListed(ranking);
    const from = item(ranking, 'Alpha park').querySelector('.label')!.getBoundingClientRect();
    const to = item(ranking, 'Charlie park').getBoundingClientRect();
    const x = Math.round(from.left + 10);
    await sendMouse({ type: 'move', position: [x, Math.round(from.top + from.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, Math.round(from.top + from.height / 2 + 10)] });
    await sendMouse({ type: 'move', position: [x, Math.round(to.bottom - 2)] });
    expect(item(ranking, 'Alpha park').classList.contains('lifted')).to.be.true;
    expect(shadow(ranking, '.drop-before, .drop-after'), 'a drop indicator').to.exist;
    expect(getComputedStyle(shadow(ranking, '.lists')!).userSelect, 'no text selection while dragging').to.equal('none');
    await sendMouse({ type: 'up' });
    await ranking.updateComplete;
    expect(labels(ranking)).to.deep.equal(['Bravo park', 'Charlie park', 'Alpha park', 'Delta park']);
    expect(statusText(ranking)).to.equal('Alpha park dropped at position 3 of 4.');
    expect(shadow(ranking, '.drop-before, .drop-after, .lifted')).to.be.null;
    expect(active(ranking)).to.equal(item(ranking, 'Alpha park'));
    expect(document.getSelection()!.toString()).to.equal('');
  });

  it('moves an item by dragging its grip with touch, and lets touch elsewhere scroll the page', async () => {
    const ranking = await parks();
    await rankAsListed(ranking);
    const grip = item(ranking, 'Delta park').querySelector<HTMLElement>('.grip')!;
    expect(getComputedStyle(grip).touchAction).to.equal('none');
    expect(getComputedStyle(item(ranking, 'Delta park')).touchAction, 'the page still scrolls elsewhere').to.equal('auto');
    const box = grip.getBoundingClientRect();
    const target = item(ranking, 'Alpha park').getBoundingClientRect();
    const pointer = (type: string, y: number, on: Element) =>
      on.dispatchEvent(
        new PointerEvent(type, {
          pointerId: 7,
          pointerType: 'touch',
          isPrimary: true,
          button: type === 'pointermove' ? -1 : 0,
          clientX: box.left + 5,
          clientY: y,
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
    pointer('pointerdown', box.top + 5, grip);
    const lifted = item(ranking, 'Delta park');
    pointer('pointermove', box.top + 20, lifted);
    pointer('pointermove', target.top + 2, lifted);
    pointer('pointerup', target.top + 2, lifted);
    await ranking.updateComplete;
    expect(labels(ranking)).to.deep.equal(['Delta park', 'Alpha park', 'Bravo park', 'Charlie park']);
    expect(statusText(ranking)).to.equal('Delta park dropped at position 1 of 4.');

    // A touch on the label is left to the browser (scrolling), not taken as a drag.
    const label = item(ranking, 'Bravo park').querySelector('.label')!;
    pointer('pointerdown', target.top + 5, label);
    pointer('pointermove', target.bottom + 200, item(ranking, 'Bravo park'));
    pointer('pointerup', target.bottom + 200, item(ranking, 'Bravo park'));
    await ranking.updateComplete;
    expect(labels(ranking)).to.deep.equal(['Delta park', 'Alpha park', 'Bravo park', 'Charlie park']);
  });

  it('with top="2", ranks only the two most important and says which are not ranked', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const ranking = await parks('top="2"');
    expect(shadow(ranking, '#hint')!.textContent).to.contain('Put the 2 most important items first, in order.');
    moveButton(ranking, 'Add Alpha park to your ranking').click();
    moveButton(ranking, 'Add Bravo park to your ranking').click();
    await ranking.updateComplete;
    const nodes = accessibleNodes(await accessibilityTree(ranking));
    const lists = nodes.filter((node) => node.role === 'list').map((node) => node.name);
    expect(lists).to.deep.equal(['Ranked', 'Not ranked']);
    expect(items(ranking).map((element) => element.getAttribute('aria-label'))).to.deep.equal([
      'Alpha park, position 1 of 2',
      'Bravo park, position 2 of 2',
      'Charlie park, not ranked',
      'Delta park, not ranked',
    ]);
    await expectAccessible(ranking);
    item(ranking, 'Delta park').focus();
    await press(ranking, 'Space');
    expect(statusText(ranking)).to.contain('Delta park picked up, not ranked.');
    await press(ranking, 'ArrowUp', 'ArrowUp');
    expect(statusText(ranking)).to.equal('Delta park, position 1 of 2');
    expect(active(ranking)).to.equal(item(ranking, 'Delta park'));
    await press(ranking, 'Space');
    expect(item(ranking, 'Bravo park').getAttribute('aria-label')).to.equal('Bravo park, not ranked');
    expect(ranking.answer).to.deep.equal({ order: ['delta', 'alpha'] });
    const submitted = oneEvent(ranking, 'delib-submitted');
    button(ranking, 'Submit ranking').click();
    expect((await submitted).detail.envelope.answer).to.deep.equal({ order: ['delta', 'alpha'] });
  });

  it('posts the contract envelope and shows the results as a table, with how they were worked out', async () => {
    endpoint = fakeEndpoint(
      rankingResults(
        [
          { id: 'charlie', borda: 9, meanRank: 1.75 },
          { id: 'alpha', borda: 6, meanRank: 2.5 },
          { id: 'spam.example', borda: 99, meanRank: 1 },
          { id: 'bravo', borda: 5, meanRank: 2.75 },
        ],
        4,
      ),
    );
    const ranking = await parks();
    await rankAsListed(ranking);
    moveButton(ranking, 'Move Charlie park up').click();
    await ranking.updateComplete;
    const submitted = oneEvent(ranking, 'delib-submitted');
    button(ranking, 'Submit ranking').click();
    await submitted;
    const [post] = endpoint.posts();
    expect(post.url).to.equal('https://api.test/api/responses');
    const envelope = post.body as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).to.deep.equal(['answer', 'id', 'locale', 'page', 'submittedAt', 'widget', 'widgetId']);
    expect(envelope.widget).to.equal('ranking');
    expect(envelope.widgetId).to.equal(ranking.widgetId);
    expect(envelope.answer).to.deep.equal({ order: ['alpha', 'charlie', 'bravo', 'delta'] });

    await until(() => shadow(ranking, '[part="results"]'), 3000, 'results');
    await ranking.updateComplete;
    expect(statusText(ranking)).to.equal('Thank you. Your ranking has been counted.');
    const answer = shadow(ranking, '[part="answer"]')!;
    expect(answer.textContent).to.contain('Your ranking:');
    const mine = [...answer.querySelectorAll('ol li')].map((row) => row.textContent!.trim());
    expect(mine).to.deep.equal(['Alpha park', 'Charlie park', 'Bravo park', 'Delta park']);
    expect(active(ranking), 'focus moves from the vanished form to the answer').to.equal(answer);
    const table = shadow(ranking, '[part="results"]')!;
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('Results: 4 responses');
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal(['1 Charlie park 9 1.8', '2 Alpha park 6 2.5', '3 Bravo park 5 2.8', '4 Delta park 0 –']);
    expect(shadow(ranking, '[part="note"]')!.textContent).to.equal(
      'In each response an item scores one point for every item ranked below it, so the first of 4 items scores 3 points and the last scores none. Items are listed by their total points; the average position is where people put them, 1 being most important.',
    );
    expect(ranking.shadowRoot!.textContent).not.to.contain('spam.example');
    await expectAccessible(ranking);
  });

  it('shows a refusal with its message, keeps the order, and passes axe', async () => {
    endpoint = fakeEndpoint((call) =>
      call.method === 'POST' ? json(422, { error: { code: 'closed', message: 'This consultation has closed.' } }) : undefined,
    );
    const ranking = await parks();
    await rankAsListed(ranking);
    moveButton(ranking, 'Move Delta park up').click();
    await ranking.updateComplete;
    const failed = oneEvent(ranking, 'delib-error');
    button(ranking, 'Submit ranking').click();
    expect((await failed).detail.status).to.equal(422);
    await ranking.updateComplete;
    expect(statusText(ranking)).to.equal('Your answer could not be accepted: This consultation has closed.');
    expect(labels(ranking)).to.deep.equal(['Alpha park', 'Bravo park', 'Delta park', 'Charlie park']);
    expect(outboxKeys()).to.have.length(0);
    await expectAccessible(ranking);
  });

  it('keeps the ranking in the outbox when the endpoint cannot be reached, and says so', async () => {
    endpoint = fakeEndpoint(() => 'network-error');
    const ranking = await parks();
    await rankAsListed(ranking);
    const queued = oneEvent(ranking, 'delib-queued');
    button(ranking, 'Submit ranking').click();
    await queued;
    await ranking.updateComplete;
    expect(outboxKeys()).to.have.length(1);
    expect(statusText(ranking)).to.contain('saved on this device');
    await expectAccessible(ranking);
  });

  it('is closed after `closes`, says so, and shows results', async () => {
    endpoint = fakeEndpoint(rankingResults([{ id: 'bravo', borda: 3, meanRank: 1 }], 1));
    const ranking = await parks('closes="2020-01-31T17:00:00Z" results="after-close"');
    expect(shadow(ranking, 'form')).to.be.null;
    expect(shadow(ranking, '[part="answer"]')!.textContent).to.contain('This closed on 31 January 2020');
    await until(() => shadow(ranking, '[part="results"]'));
    expect(shadow(ranking, 'caption')!.textContent!.trim()).to.equal('Results: 1 response');
    await expectAccessible(ranking);
  });

  it('shows labels and descriptions as text, never as HTML', async () => {
    const ranking = await parks();
    ranking.options = [
      { value: 'a', label: '<img src=x onerror="window.pwned=1">' },
      { value: 'b', label: '<script>window.pwned=1</script>', description: '<b>bold</b>' },
    ];
    await ranking.updateComplete;
    expect(labels(ranking)).to.deep.equal(['<img src=x onerror="window.pwned=1">', '<script>window.pwned=1</script><b>bold</b>']);
    expect(shadowAll(ranking, 'img, script, b')).to.have.length(0);
    expect(moveButton(ranking, 'Add <script>window.pwned=1</script> to your ranking')).to.exist;
    expect((window as unknown as { pwned?: number }).pwned).to.be.undefined;
  });

  it('reads child <option> text as text, and follows changes to the options', async () => {
    const ranking = await parks();
    const option = document.createElement('option');
    option.value = 'echo';
    option.textContent = '<em>Echo park</em>';
    ranking.append(option);
    await until(() => items(ranking).length === 5);
    expect(labels(ranking)[4]).to.equal('<em>Echo park</em>');
    await rankAsListed(ranking);
    expect(ranking.answer!.order).to.deep.equal(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
  });

  it('sends a picked-up item to the top or the bottom with Home and End', async () => {
    const ranking = await parks();
    await rankAsListed(ranking);
    item(ranking, 'Bravo park').focus();
    await press(ranking, 'Space', 'End');
    expect(labels(ranking)).to.deep.equal(['Alpha park', 'Charlie park', 'Delta park', 'Bravo park']);
    expect(statusText(ranking)).to.equal('Bravo park, position 4 of 4');
    await press(ranking, 'Home', 'Enter');
    expect(labels(ranking)[0]).to.equal('Bravo park');
    expect(statusText(ranking)).to.equal('Bravo park dropped at position 1 of 4.');
    expect(active(ranking)).to.equal(item(ranking, 'Bravo park'));
  });

  it('scrolls the page while an item is dragged near the bottom of the window', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    const ranking = await parks();
    await rankAsListed(ranking);
    ranking.after(spacer);
    try {
      window.scrollTo(0, 0);
      const box = item(ranking, 'Alpha park').getBoundingClientRect();
      const x = Math.round(box.left + 20);
      await sendMouse({ type: 'move', position: [x, Math.round(box.top + 10)] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x, Math.round(box.top + 30)] });
      await sendMouse({ type: 'move', position: [x, innerHeight - 5] });
      await until(() => scrollY > 100, 3000, 'the page to scroll');
      await sendMouse({ type: 'up' });
      await ranking.updateComplete;
      expect(labels(ranking)[3], 'dropped below the ranking').to.equal('Alpha park');
      expect(statusText(ranking)).to.equal('Alpha park dropped, not ranked.');
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('puts a picked-up item down when focus moves on', async () => {
    const ranking = await parks();
    await rankAsListed(ranking);
    item(ranking, 'Alpha park').focus();
    await press(ranking, 'Space', 'ArrowDown', 'Tab');
    expect(active(ranking)).to.equal(moveButton(ranking, 'Move Alpha park up'));
    expect(statusText(ranking)).to.equal('Alpha park dropped at position 2 of 4.');
    expect(shadow(ranking, '.grabbed')).to.be.null;
    expect(ranking.answer).to.deep.equal({ order: ['bravo', 'alpha', 'charlie', 'delta'] });
  });

  it('puts a dragged item back on Escape', async () => {
    const ranking = await parks();
    await rankAsListed(ranking);
    const box = item(ranking, 'Alpha park').getBoundingClientRect();
    const x = Math.round(box.left + 20);
    await sendMouse({ type: 'move', position: [x, Math.round(box.top + 10)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, Math.round(box.top + 150)] });
    expect(shadow(ranking, '.lifted')).to.exist;
    await press(ranking, 'Escape');
    expect(shadow(ranking, '.lifted, .drop-before, .drop-after')).to.be.null;
    await sendMouse({ type: 'up' });
    await ranking.updateComplete;
    expect(labels(ranking)).to.deep.equal(['Alpha park', 'Bravo park', 'Charlie park', 'Delta park']);
  });

  it('ignores a right-click drag and a press on a move button as drags', async () => {
    const ranking = await parks();
    const box = item(ranking, 'Alpha park').getBoundingClientRect();
    const x = Math.round(box.left + 20);
    await sendMouse({ type: 'move', position: [x, Math.round(box.top + 10)] });
    await sendMouse({ type: 'down', button: 'right' });
    await sendMouse({ type: 'move', position: [x, Math.round(box.top + 200)] });
    await sendMouse({ type: 'up', button: 'right' });
    await ranking.updateComplete;
    expect(labels(ranking)[0]).to.equal('Alpha park');
    expect(shadow(ranking, '.lifted')).to.be.null;
  });

  it('cannot be moved while disabled', async () => {
    const ranking = await parks('disabled');
    expect(items(ranking).every((element) => !element.hasAttribute('tabindex'))).to.be.true;
    expect(shadowAll<HTMLButtonElement>(ranking, 'button').every((control) => control.matches(':disabled'))).to.be.true;
    item(ranking, 'Bravo park').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    await ranking.updateComplete;
    expect(statusText(ranking)).to.equal('');
    await expectAccessible(ranking);
  });

  it('posts nothing when a listener cancels delib-submit', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const ranking = await parks();
    await rankAsListed(ranking);
    ranking.addEventListener('delib-submit', (event) => event.preventDefault());
    const submit = oneEvent(ranking, 'delib-submit');
    button(ranking, 'Submit ranking').click();
    const event = await submit;
    expect(event.detail.envelope.answer).to.deep.equal({ order: ['alpha', 'bravo', 'charlie', 'delta'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.calls).to.have.length(0);
    expect(shadow(ranking, 'form')).to.exist;
  });

  it('remembers the ranking in this browser and shows it with the results on return', async () => {
    endpoint = fakeEndpoint(rankingResults([{ id: 'delta', borda: 3, meanRank: 1 }], 1));
    const first = await parks();
    await rankAsListed(first);
    moveButton(first, 'Move Delta park up').click();
    await first.updateComplete;
    const submitted = oneEvent(first, 'delib-submitted');
    button(first, 'Submit ranking').click();
    await submitted;
    const widgetId = first.widgetId;
    first.remove();
    const again = await fixture<DelibRanking>(
      html`<delib-ranking widget-id=${widgetId} endpoint="https://api.test/api" question="Q">
        <option value="alpha">Alpha park</option>
        <option value="bravo">Bravo park</option>
        <option value="charlie">Charlie park</option>
        <option value="delta">Delta park</option>
      </delib-ranking>`,
    );
    expect(shadow(again, 'form')).to.be.null;
    const mine = shadowAll(again, '[part="answer"] li').map((row) => row.textContent!.trim());
    expect(mine).to.deep.equal(['Alpha park', 'Bravo park', 'Delta park', 'Charlie park']);
    await until(() => shadow(again, '[part="results"]'));
    expect(endpoint.posts()).to.have.length(1);
  });

  it('moves an item through a 50-item list, keeping focus on it (timing: npm run bench)', async () => {
    const ranking = await parks();
    ranking.options = Array.from({ length: 50 }, (_, index) => ({ value: `v${index}`, label: `Item ${index}` }));
    await ranking.updateComplete;
    await rankAsListed(ranking);
    item(ranking, 'Item 25').focus();
    await press(ranking, 'Space');
    for (let step = 0; step < 10; step++) {
      item(ranking, 'Item 25').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
      await ranking.updateComplete;
    }
    expect(labels(ranking)[15]).to.equal('Item 25');
    expect(active(ranking)).to.equal(item(ranking, 'Item 25'));
  });

  const languages = {
    'Welsh inside lang="cy"': {
      lang: 'cy',
      submit: 'Cyflwyno eich trefn',
      add: 'Ychwanegu Alpha park at eich trefn',
      added: 'Wedi ychwanegu Alpha park yn safle 1 o 2.',
      captions: {
        0: 'Canlyniadau: 0 ymateb',
        1: 'Canlyniadau: 1 ymateb',
        2: 'Canlyniadau: 2 ymateb',
        4: 'Canlyniadau: 4 o ymatebion',
      },
      picked: 'Wedi codi Bravo park, heb ei rhoi mewn trefn.',
    },
    'Scottish Gaelic inside lang="gd"': {
      lang: 'gd',
      submit: 'Cuir a-null an rangachadh agad',
      add: 'Cuir ris an rangachadh agad: Alpha park',
      added: 'Chaidh Alpha park a chur ris aig ionad 1 à 2.',
      captions: { 1: 'Toraidhean: 1 fhreagairt', 3: 'Toraidhean: 3 freagairtean', 20: 'Toraidhean: 20 freagairt' },
      picked: 'Chaidh Bravo park a thogail, gun rangachadh.',
    },
  };
  for (const [name, { lang, submit, add, added, captions, picked }] of Object.entries(languages)) {
    it(`speaks ${name}`, async () => {
      for (const [total, caption] of Object.entries(captions)) {
        endpoint = fakeEndpoint(rankingResults([{ id: 'a', borda: 1, meanRank: 1 }], Number(total)));
        const wrapper = await fixture(
          html`<div lang=${lang}>
            <delib-ranking widget-id="${lang}-${total}" endpoint="https://api.test/api" results="always" question="?">
              <option value="a">Alpha park</option>
              <option value="b">Bravo park</option>
            </delib-ranking>
          </div>`,
        );
        const ranking = wrapper.querySelector('delib-ranking')!;
        await until(() => shadow(ranking, 'caption'));
        expect(shadow(ranking, 'caption')!.textContent!.trim()).to.equal(caption);
        expect(button(ranking, submit)).to.exist;
        moveButton(ranking, add).click();
        await ranking.updateComplete;
        expect(statusText(ranking)).to.equal(added);
        item(ranking, 'Bravo park').focus();
        await press(ranking, 'Space');
        expect(statusText(ranking)).to.contain(picked);
        await expectAccessible(ranking);
        endpoint.restore();
      }
      endpoint = undefined;
    });
  }
});

describe('<delib-ranking> in Welsh and Gaelic, in the words of the review of December 2026', () => {
  const ranking = async (lang: string, count: number, attributes = '') => {
    const options = Array.from({ length: count }, (_, index) => `<option value="v${index}">Eitem ${index + 1}</option>`);
    const wrapper = await fixture(
      Object.assign(document.createElement('div'), {
        lang,
        innerHTML: `<delib-ranking widget-id="${lang}-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api"
          question="?" ${attributes}>${options.join('')}</delib-ranking>`,
      }),
    );
    const element = wrapper.querySelector('delib-ranking')!;
    await element.updateComplete;
    return element;
  };
  const note = (element: DelibRanking) => shadow(element, '[part="note"]')!.textContent!;

  it('cy: the two groups are put in order or not ("trefn"), never "listed"', async () => {
    const element = await ranking('cy', 4, 'top="2"');
    expect(shadowAll(element, '[part="heading"]').map((heading) => heading.textContent!.trim())).to.deep.equal([
      'Yn eu trefn',
      'Heb eu rhoi mewn trefn',
    ]);
    expect(shadow(element, '[part="hint"]')!.textContent).to.contain(
      "Rhowch eich 2 eitem bwysicaf yn gyntaf, mewn trefn. Nid yw'r eitemau oddi tanynt wedi'u rhoi mewn trefn.",
    );
  });

  it('gd: ranking the top 11 of 12 asks for the 11 most important items, not for one', async () => {
    const element = await ranking('gd', 12, 'top="11"');
    expect(shadow(element, '[part="hint"]')!.textContent).to.contain('Cuir an 11 nì as cudromaiche an toiseach, ann an òrdugh.');
  });

  const notes: [string, number, string][] = [
    ['cy', 3, "felly mae'r gyntaf o 3 eitem yn cael 2 bwynt a'r olaf yn cael dim."],
    ['cy', 4, "felly mae'r gyntaf o 4 o eitemau yn cael 3 phwynt a'r olaf yn cael dim."],
    ['gd', 3, "mar sin gheibh a' chiad fhear de 3 nithean 2 phuing agus chan fhaigh am fear mu dheireadh gin."],
    ['gd', 12, "mar sin gheibh a' chiad fhear de 12 nì 11 phuing agus chan fhaigh am fear mu dheireadh gin."],
    ['en', 2, 'so the first of 2 items scores 1 point and the last scores none.'],
  ];
  for (const [lang, count, words] of notes) {
    it(`${lang}: with ${count} items the results say the first scores ${count - 1}, the noun agreeing with ${count - 1}`, async () => {
      endpoint = fakeEndpoint(rankingResults([{ id: 'v0', borda: count - 1, meanRank: 1 }], 1));
      const element = await ranking(lang, count, 'results="always"');
      await until(() => shadow(element, '[part="note"]'));
      expect(note(element)).to.contain(words);
    });
  }
});

describe('<delib-ranking> in a form', () => {
  it('is a form control whose value is the order as JSON, and posts nothing itself', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <delib-ranking name="parks" widget-id="in-form" question="Q">
          <option value="a">Alpha park</option>
          <option value="b">Bravo park</option></delib-ranking
        >
      </form>`,
    );
    const ranking = form.querySelector('delib-ranking')!;
    await ranking.updateComplete;
    expect(shadowAll(ranking, 'button[part="submit"]')).to.have.length(0);
    await rankAsListed(ranking);
    expect(new FormData(form).get('parks')).to.equal('{"order":["a","b"]}');
    moveButton(ranking, 'Move Bravo park up').click();
    await ranking.updateComplete;
    expect(new FormData(form).get('parks')).to.equal('{"order":["b","a"]}');
    expect(ranking.value).to.equal('{"order":["b","a"]}');
    form.reset();
    await ranking.updateComplete;
    expect(new FormData(form).get('parks'), 'reset: nothing ranked').to.be.null;
    expect(endpoint.calls).to.have.length(0);
    await expectAccessible(form);
  });
});

describe('<delib-ranking> starts with nothing ranked', () => {
  /** The names of the items in the list headed `heading`, as a screen reader lists them. */
  const listed = async (ranking: DelibRanking, heading: string) => {
    const tree = await accessibilityTree(ranking);
    const list = accessibleNodes(tree).find((node) => node.role === 'list' && node.name === heading);
    return list
      ? accessibleNodes(list)
          .filter((node) => node.role === 'listitem')
          .map((node) => node.name)
      : [];
  };

  it('with top="3", sends nothing on an untouched Submit and says what to do in an error summary', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const ranking = await parks('top="3"');
    expect(ranking.answer, 'no answer until the person makes one').to.be.undefined;
    expect(await listed(ranking, 'Ranked')).to.deep.equal([]);
    expect(shadow(ranking, '.ranked-zone')!.textContent).to.contain('Nothing ranked yet.');
    expect(await listed(ranking, 'Not ranked')).to.deep.equal([
      'Alpha park, not ranked',
      'Bravo park, not ranked',
      'Charlie park, not ranked',
      'Delta park, not ranked',
    ]);
    await expectAccessible(ranking);

    button(ranking, 'Submit ranking').focus();
    await press(ranking, 'Enter');
    const summary = shadow(ranking, '.summary')!;
    expect(active(ranking), 'the error summary takes focus').to.equal(summary);
    const message = 'Choose the 3 most important items, most important first';
    expect(summary.textContent).to.contain('There is a problem').and.contain(message);
    expect(shadow(ranking, '#problem')!.textContent).to.contain('Error:').and.contain(message);
    expect(shadow(ranking, 'fieldset')!.getAttribute('aria-describedby')).to.contain('problem');
    await expectAccessible(ranking);
    await press(ranking, 'Tab', 'Enter');
    expect(active(ranking), 'the link leads to the first item to rank').to.equal(item(ranking, 'Alpha park'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.posts(), 'nothing is sent').to.have.length(0);
  });

  it('without top, sends nothing on an untouched Submit either', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const ranking = await parks();
    button(ranking, 'Submit ranking').click();
    await ranking.updateComplete;
    expect(shadow(ranking, '.summary')!.textContent).to.contain('Put all 4 items in your ranking, most important first');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.posts()).to.have.length(0);
  });

  it('builds the ranking with each item’s Add button, announcing each, and asks for the rest', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const ranking = await parks();
    moveButton(ranking, 'Add Charlie park to your ranking').focus();
    await press(ranking, 'Enter');
    expect(statusText(ranking)).to.equal('Charlie park added at position 1 of 4.');
    expect(await listed(ranking, 'Ranked')).to.deep.equal(['Charlie park, position 1 of 4']);
    expect(active(ranking), 'focus goes to the Add button that took its place').to.equal(
      moveButton(ranking, 'Add Delta park to your ranking'),
    );
    await expectAccessible(ranking);

    button(ranking, 'Submit ranking').click();
    await ranking.updateComplete;
    expect(shadow(ranking, '.summary')!.textContent).to.contain('Add 3 more items to your ranking: you have ranked 1 of 4');
    await press(ranking, 'Tab', 'Enter');
    expect(active(ranking)).to.equal(item(ranking, 'Alpha park'));

    for (const label of ['Alpha park', 'Delta park']) {
      moveButton(ranking, `Add ${label} to your ranking`).focus();
      await press(ranking, 'Space');
    }
    expect(statusText(ranking)).to.equal('Delta park added at position 3 of 4.');
    expect(shadow(ranking, '.summary')!.textContent, 'the summary follows what is left').to.contain(
      'Add 1 more item to your ranking: you have ranked 3 of 4',
    );
    moveButton(ranking, 'Add Bravo park to your ranking').focus();
    await press(ranking, 'Enter');
    expect(active(ranking), 'the last one added, focus stays with it').to.equal(item(ranking, 'Bravo park'));
    expect(shadow(ranking, '.rest-zone')!.textContent).to.contain('Every item is ranked.');
    expect(shadow(ranking, '.summary'), 'nothing left to say').to.be.null;
    await expectAccessible(ranking);
    const submitted = oneEvent(ranking, 'delib-submitted');
    button(ranking, 'Submit ranking').click();
    expect((await submitted).detail.envelope.answer).to.deep.equal({ order: ['charlie', 'alpha', 'delta', 'bravo'] });
  });

  it('takes an item out again with Remove, announcing it', async () => {
    const ranking = await parks();
    for (const label of ['Bravo park', 'Alpha park', 'Delta park']) moveButton(ranking, `Add ${label} to your ranking`).click();
    await ranking.updateComplete;
    moveButton(ranking, 'Remove Alpha park from your ranking').focus();
    await press(ranking, 'Enter');
    expect(statusText(ranking)).to.equal('Alpha park removed from your ranking.');
    expect(await listed(ranking, 'Ranked')).to.deep.equal(['Bravo park, position 1 of 4', 'Delta park, position 2 of 4']);
    expect(await listed(ranking, 'Not ranked')).to.deep.equal(['Alpha park, not ranked', 'Charlie park, not ranked']);
    expect(active(ranking), 'focus goes to the Remove button that took its place').to.equal(
      moveButton(ranking, 'Remove Delta park from your ranking'),
    );
    expect(ranking.answer).to.deep.equal({ order: ['bravo', 'delta'] });
    await expectAccessible(ranking);
  });

  it('with top="2", says when the ranking is full, and a keyboard move into it takes the last place', async () => {
    const ranking = await parks('top="2"');
    moveButton(ranking, 'Add Delta park to your ranking').click();
    moveButton(ranking, 'Add Bravo park to your ranking').click();
    await ranking.updateComplete;
    moveButton(ranking, 'Add Alpha park to your ranking').focus();
    await press(ranking, 'Enter');
    expect(statusText(ranking)).to.equal('You can rank only 2 items. Remove one first to make room for Alpha park.');
    expect(ranking.answer).to.deep.equal({ order: ['delta', 'bravo'] });

    item(ranking, 'Charlie park').focus();
    await press(ranking, 'Space');
    expect(statusText(ranking)).to.contain('Charlie park picked up, not ranked.');
    await press(ranking, 'ArrowUp');
    expect(statusText(ranking)).to.equal('Charlie park, position 2 of 2. Bravo park is no longer ranked.');
    expect(active(ranking)).to.equal(item(ranking, 'Charlie park'));
    await press(ranking, 'ArrowUp');
    expect(statusText(ranking)).to.equal('Charlie park, position 1 of 2');
    await press(ranking, 'ArrowDown', 'ArrowDown');
    expect(statusText(ranking), 'down past the last place leaves the ranking').to.equal('Charlie park, not ranked');
    await press(ranking, 'Escape');
    expect(statusText(ranking)).to.equal('Move cancelled. Charlie park is back among the items not ranked.');
    expect(ranking.answer, 'Escape puts back the ranking as it was').to.deep.equal({ order: ['delta', 'bravo'] });
  });

  it('is dragged into the empty ranking with a mouse', async () => {
    const ranking = await parks();
    const from = item(ranking, 'Charlie park').querySelector('.label')!.getBoundingClientRect();
    const to = shadow(ranking, '.ranked-zone')!.getBoundingClientRect();
    const x = Math.round(from.left + 10);
    await sendMouse({ type: 'move', position: [x, Math.round(from.top + from.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, Math.round(from.top + from.height / 2 - 10)] });
    await sendMouse({ type: 'move', position: [x, Math.round(to.top + to.height / 2)] });
    expect(shadow(ranking, '.ranked-zone.drop-into'), 'the empty ranking shows it will take the item').to.exist;
    await sendMouse({ type: 'up' });
    await ranking.updateComplete;
    expect(statusText(ranking)).to.equal('Charlie park dropped at position 1 of 4.');
    expect(ranking.answer).to.deep.equal({ order: ['charlie'] });
  });
});

describe('<delib-ranking> in a form, before and after an answer', () => {
  const inForm = async (attributes = '') => {
    const form = await fixture<HTMLFormElement>(
      Object.assign(document.createElement('form'), {
        innerHTML: `<delib-ranking name="parks" widget-id="in-form" question="Q" ${attributes}>
          <option value="a">Alpha park</option>
          <option value="b">Bravo park</option>
          <option value="c">Charlie park</option>
        </delib-ranking>`,
      }),
    );
    const ranking = form.querySelector('delib-ranking')!;
    await ranking.updateComplete;
    return { form, ranking };
  };

  it('has no value until the person ranks, is invalid while the ranking is unfinished, and resets to nothing', async () => {
    const { form, ranking } = await inForm();
    expect(new FormData(form).get('parks'), 'an untouched ranking is no answer').to.be.null;
    expect(form.checkValidity(), 'not required: an empty field is fine').to.be.true;
    moveButton(ranking, 'Add Bravo park to your ranking').click();
    await ranking.updateComplete;
    expect(form.checkValidity(), 'started but unfinished').to.be.false;
    expect(ranking.validationMessage).to.equal('Add 2 more items to your ranking: you have ranked 1 of 3');
    moveButton(ranking, 'Add Charlie park to your ranking').click();
    moveButton(ranking, 'Add Alpha park to your ranking').click();
    await ranking.updateComplete;
    expect(form.checkValidity()).to.be.true;
    expect(new FormData(form).get('parks')).to.equal('{"order":["b","c","a"]}');
    form.reset();
    await ranking.updateComplete;
    expect(new FormData(form).get('parks')).to.be.null;
    expect(ranking.answer).to.be.undefined;
    await expectAccessible(form);
  });

  it('with required, is missing a value until the person ranks', async () => {
    const { form, ranking } = await inForm('required');
    expect(form.checkValidity()).to.be.false;
    expect(ranking.validity.valueMissing).to.be.true;
    expect(ranking.validationMessage).to.equal('Put all 3 items in your ranking, most important first');
  });

  it('shows a restored answer as the person left it', async () => {
    const { form, ranking } = await inForm();
    ranking.formStateRestoreCallback('{"order":["c","a","b"]}');
    await ranking.updateComplete;
    expect(items(ranking).map((element) => element.getAttribute('aria-label'))).to.deep.equal([
      'Charlie park, position 1 of 3',
      'Alpha park, position 2 of 3',
      'Bravo park, position 3 of 3',
    ]);
    expect(new FormData(form).get('parks')).to.equal('{"order":["c","a","b"]}');
  });
});

describe('<delib-ranking shuffle>', () => {
  const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel'].map((name) => `${name} park`);
  const rankingOf = (widgetId: string, attributes = 'shuffle') =>
    fixture<DelibRanking>(
      Object.assign(document.createElement('div'), {
        innerHTML: `<delib-ranking widget-id="${widgetId}" endpoint="https://api.test/api" question="Q" ${attributes}>
          ${names.map((name) => `<option value="${name.split(' ')[0].toLowerCase()}">${name}</option>`).join('')}
        </delib-ranking>`,
      }).firstElementChild as DelibRanking,
    );

  it("lists the items not ranked in this person's own order, the same after a reload; the results keep theirs", async () => {
    endpoint = fakeEndpoint(
      rankingResults(
        [
          { id: 'hotel', borda: 9, meanRank: 1 },
          { id: 'alpha', borda: 3, meanRank: 2 },
        ],
        3,
      ),
    );
    localStorage.setItem('delib:order:v1:delib-ranking:shuffled', '1');
    const first = await rankingOf('shuffled', 'shuffle results="always"');
    const order = labels(first);
    expect(order).to.have.members(names);
    expect(order, 'not the page order').not.to.deep.equal(names);
    moveButton(first, `Add ${order[3]} to your ranking`).click();
    await first.updateComplete;
    expect(labels(first), 'the rest keep their places').to.deep.equal([order[3], ...order.filter((_, index) => index !== 3)]);
    await until(() => shadow(first, '[part="results"]'));
    const rows = shadowAll(first, '[part="results"] tbody th').map((cell) => cell.textContent!.trim());
    expect(rows.slice(0, 2), 'results by points').to.deep.equal(['Hotel park', 'Alpha park']);
    await expectAccessible(first);
    first.remove();

    expect(labels(await rankingOf('shuffled')), 'the same order after a reload').to.deep.equal(order);
    expect(labels(await rankingOf('plain', '')), 'without shuffle, the page order').to.deep.equal(names);
  });
});

describe('<delib-ranking> closed at the endpoint, and the outcome', () => {
  it('says the question has closed, keeps the order on screen, and shows results with the outcome (Welsh)', async () => {
    endpoint = fakeEndpoint((call) => {
      if (call.method === 'POST') return json(410, { error: { code: 'closed', message: 'Closed.' } });
      const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
      if (!widgetId) return undefined;
      return json(200, {
        widget: 'ranking',
        widgetId,
        total: 1,
        items: [{ id: 'alpha', borda: 3, meanRank: 1 }],
        outcome: {
          text: { en: 'Alpha park comes first.', cy: "Parc Alpha sy'n dod gyntaf." },
          publishedAt: '2027-03-01T09:00:00Z',
        },
      });
    });
    const ranking = await parks();
    const before = labels(ranking);
    await rankAsListed(ranking);
    shadow<HTMLButtonElement>(ranking, '[part="submit"]')!.click();
    await until(() => ranking.closedAtEndpoint, 3000, '410');
    // The page turns Welsh (the helpers find controls by their English names).
    ranking.lang = 'cy';
    await until(() => statusText(ranking).startsWith('Mae'), 3000, 'Welsh');
    await ranking.updateComplete;
    expect(statusText(ranking)).to.equal("Mae'r cwestiwn hwn wedi cau, felly nid ydym yn derbyn rhagor o atebion.");
    expect(labels(ranking)).to.have.members(before);
    await until(() => shadow(ranking, '[part="outcome"]'), 3000, 'outcome');
    expect(shadow(ranking, '[part="outcome"] h3')!.textContent).to.equal("Beth wnaethom ni gyda'ch atebion");
    expect(shadow(ranking, '[part="outcome"]')!.textContent).to.contain("Parc Alpha sy'n dod gyntaf.");
    expect(endpoint.posts()).to.have.length(1);
    await expectAccessible(ranking);
  });
});
