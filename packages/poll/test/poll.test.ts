import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DelibPoll } from '../src/poll.js';
import '../src/define.js';
import { common, preloadLanguage } from '@delib/core';
import {
  accessibilityTree,
  accessibleNodes,
  acceptAll,
  button,
  byLabel,
  clearDelibStorage,
  expectAccessible,
  fakeEndpoint,
  json,
  outboxKeys,
  shadow,
  shadowAll,
  statusText,
  until,
  withStorageBlocked,
} from '../../../test/helpers.js';

type Endpoint = ReturnType<typeof fakeEndpoint>;
let endpoint: Endpoint | undefined;

beforeEach(() => clearDelibStorage());
afterEach(() => {
  endpoint?.restore();
  endpoint = undefined;
});

const parks = (attributes = '') =>
  fixture<DelibPoll>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<delib-poll widget-id="parks-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api"
        question="Which park improvement matters most to you?" ${attributes}>
        <option value="lighting">Better lighting</option>
        <option value="play">New play equipment</option>
        <option value="toilets">Public toilets</option>
      </delib-poll>`,
    }).firstElementChild as DelibPoll,
  );

/** A poll on a page the endpoint sent back to with a refusal of its plain form. */
async function returned(reason: string) {
  const widgetId = `returned-${Math.random().toString(36).slice(2)}`;
  history.replaceState(null, '', `?tab=2&delib-refused=${widgetId}&delib-reason=${reason}#delib-refused-${widgetId}`);
  return fixture<DelibPoll>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<delib-poll widget-id="${widgetId}" endpoint="https://api.test/api" question="Which park?">
        <option value="lighting">Better lighting</option>
        <option value="play">New play equipment</option>
      </delib-poll>`,
    }).firstElementChild as DelibPoll,
  );
}

async function vote(poll: DelibPoll, ...labels: string[]) {
  for (const label of labels) byLabel(poll, label).click();
  await poll.updateComplete;
  button(poll, 'Vote').click();
  await poll.updateComplete;
}

describe('<delib-poll>', () => {
  it('passes axe in its first state', async () => {
    await expectAccessible(await parks());
  });

  it('is a group named by the question, with a radio per option and a Vote button', async () => {
    const poll = await parks();
    const nodes = accessibleNodes(await accessibilityTree(poll));
    const find = (role: string, name?: string) =>
      nodes.find((node) => node.role === role && (name === undefined || node.name === name));
    expect(find('group', 'Which park improvement matters most to you?'), 'group named by the question').to.exist;
    const radios = nodes.filter((node) => node.role === 'radio').map((node) => node.name);
    expect(radios).to.deep.equal(['Better lighting', 'New play equipment', 'Public toilets']);
    expect(find('button', 'Vote')).to.exist;
    expect(find('status'), 'a polite live region').to.exist;
    expect(shadow(poll, '[role="status"]')!.getAttribute('aria-live') ?? 'polite').to.equal('polite');
  });

  it('can be answered with the keyboard alone', async () => {
    endpoint = fakeEndpoint(acceptAll({ play: 1 }));
    const poll = await parks();
    const before = document.createElement('button');
    before.textContent = 'before';
    poll.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    expect(byLabel(poll, 'New play equipment').checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(poll.shadowRoot!.activeElement).to.equal(button(poll, 'Vote'));
    const submitted = oneEvent(poll, 'delib-submitted');
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.detail.envelope.answer).to.deep.equal({ choices: ['play'] });
    before.remove();
  });

  it('says clearly when nothing was chosen, focusing an error summary that links to the options', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks();
    await vote(poll);
    await until(() => shadow(poll, '.summary'));
    const summary = shadow(poll, '.summary')!;
    expect(poll.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.textContent).to.contain('There is a problem').and.contain('Select an option');
    expect(shadow(poll, '#problem')!.textContent).to.contain('Error:').and.contain('Select an option');
    expect(shadow(poll, 'fieldset')!.getAttribute('aria-describedby')).to.contain('problem');
    await expectAccessible(poll);
    shadow<HTMLAnchorElement>(poll, '.summary a')!.click();
    expect(poll.shadowRoot!.activeElement).to.equal(byLabel(poll, 'Better lighting'));
    expect(endpoint.posts()).to.have.length(0);
  });

  it('shows a plain form’s refusal sent back to the page (delib-refused): the error summary, focused; the address loses it', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const before = location.href;
    try {
      const poll = await returned('invalid');
      await until(() => shadow(poll, '.summary'));
      expect(poll.shadowRoot!.activeElement).to.equal(shadow(poll, '.summary'));
      expect(shadow(poll, '.summary')!.textContent).to.contain('Select an option');
      await expectAccessible(poll);
      // Read once: the page keeps its own query, loses ours and the "not sent" fragment.
      expect(location.search).to.equal('?tab=2');
      expect(location.hash).to.equal('');
      expect(endpoint.posts()).to.have.length(0);
      // A widget with another id is not touched.
      history.replaceState(null, '', '?delib-refused=someone-else&delib-reason=invalid');
      const other = await parks();
      expect(shadow(other, '.summary')).to.equal(null);
      expect(location.search).to.contain('someone-else');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('believes no more of the address than "invalid": any other reason neither closes nor disables the widget', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const before = location.href;
    try {
      const poll = await returned('closed');
      await poll.updateComplete;
      expect(byLabel(poll, 'Better lighting').matches(':disabled')).to.equal(false);
      expect(shadow(poll, '.summary')).to.equal(null);
      expect(statusText(poll)).to.equal('');
      expect(location.search).to.equal('?tab=2');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('starts from what the person ticked in the plain form before the script arrived, focus inside it', async () => {
    endpoint = fakeEndpoint(acceptAll());
    // A tag not defined yet stands for the page before the script comes: ticked and focused, then defined.
    const holder = document.createElement('div');
    holder.innerHTML = `<late-poll>
      <form method="post" action="https://api.test/api/responses">
        <input type="hidden" name="widget" value="poll"><input type="hidden" name="widgetId" value="late-${Math.random().toString(36).slice(2)}">
        <fieldset><legend>Which day?</legend>
          <input type="radio" name="choices" value="tue" id="tue"> <label for="tue">Tuesday</label>
          <input type="radio" name="choices" value="thu" id="thu"> <label for="thu">Thursday</label>
        </fieldset><button>Vote</button>
      </form></late-poll>`;
    document.body.append(holder);
    try {
      const thursday = holder.querySelector('#thu') as HTMLInputElement;
      thursday.checked = true;
      thursday.focus();
      customElements.define('late-poll', class extends (customElements.get('delib-poll') as typeof DelibPoll) {});
      const poll = holder.querySelector('late-poll') as DelibPoll;
      // The form's reader is a file of its own, fetched because the form held something.
      await until(() => shadow<HTMLInputElement>(poll, 'input[value=thu]')?.checked);
      await poll.updateComplete;
      expect(byLabel(poll, 'Tuesday').checked).to.equal(false);
      expect(poll.shadowRoot!.activeElement, 'focus moved into the widget').to.be.an.instanceOf(HTMLElement);
      button(poll, 'Vote').click();
      await until(() => endpoint!.posts().length === 1);
      expect((endpoint.posts()[0].body as { answer: unknown }).answer).to.deep.equal({ choices: ['thu'] });
    } finally {
      holder.remove();
    }
  });

  it('posts the contract envelope and shows results as text', async () => {
    endpoint = fakeEndpoint(acceptAll({ lighting: 3, play: 1 }));
    const poll = await parks();
    const submitted = oneEvent(poll, 'delib-submitted');
    await vote(poll, 'Better lighting');
    await submitted;
    const [post] = endpoint.posts();
    expect(post.url).to.equal('https://api.test/api/responses');
    expect(post.headers.get('content-type')).to.equal('application/json');
    const envelope = post.body as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).to.deep.equal(['answer', 'id', 'locale', 'page', 'submittedAt', 'widget', 'widgetId']);
    expect(envelope.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(envelope.widget).to.equal('poll');
    expect(envelope.widgetId).to.equal(poll.widgetId);
    expect(envelope.locale).to.equal('en');
    expect(envelope.page).to.equal(location.origin + location.pathname);
    expect(new Date(envelope.submittedAt as string).toISOString()).to.equal(envelope.submittedAt);
    expect(envelope.answer).to.deep.equal({ choices: ['lighting'] });

    await until(() => shadow(poll, '[part="results"]'), 3000, 'results');
    await poll.updateComplete;
    expect(statusText(poll)).to.equal('Thank you. Your vote has been counted.');
    expect(shadow(poll, '[part="answer"]')!.textContent).to.contain('You voted for: Better lighting.');
    const table = shadow(poll, '[part="results"]')!;
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('Results: 4 votes');
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal(['Better lighting (your choice) 3 75%', 'New play equipment 1 25%', 'Public toilets 0 0%']);
    expect(shadow(poll, '[part="note"]')!.textContent).to.contain('Each person chose one option');
    await expectAccessible(poll);
  });

  it("shows only the page's own options in the results, not values someone else posted", async () => {
    endpoint = fakeEndpoint(acceptAll({ lighting: 2, 'Buy cheap pills at spam.example': 40 }, 42));
    const poll = await parks('results="always"');
    await until(() => shadow(poll, '[part="results"]'));
    const rows = shadowAll(poll, '[part="results"] tbody th').map((cell) => cell.textContent!.trim());
    expect(rows).to.deep.equal(['Better lighting', 'New play equipment', 'Public toilets']);
    expect(poll.shadowRoot!.textContent).not.to.contain('spam.example');
  });

  it('moves focus from the vanished form to the answer, so keyboard users keep their place', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks();
    byLabel(poll, 'Public toilets').click();
    button(poll, 'Vote').focus();
    button(poll, 'Vote').click();
    await until(() => poll.shadowRoot!.activeElement === shadow(poll, '[part="answer"]'), 3000, 'focus on answer');
  });

  it('remembers in this browser that the person voted, and shows their choice and the results on return', async () => {
    endpoint = fakeEndpoint(acceptAll({ toilets: 2 }));
    const first = await parks();
    const widgetId = first.widgetId;
    const submitted = oneEvent(first, 'delib-submitted');
    await vote(first, 'Public toilets');
    await submitted;
    first.remove();
    const again = await fixture<DelibPoll>(
      html`<delib-poll widget-id=${widgetId} endpoint="https://api.test/api" question="Q">
        <option value="lighting">Better lighting</option>
        <option value="toilets">Public toilets</option>
      </delib-poll>`,
    );
    expect(shadow(again, 'form')).to.be.null;
    expect(shadow(again, '[part="answer"]')!.textContent).to.contain('You voted for: Public toilets.');
    await until(() => shadow(again, '[part="results"]'));
    expect(endpoint.posts()).to.have.length(1);
  });

  it('keeps the vote in the outbox when the endpoint cannot be reached, and says so', async () => {
    endpoint = fakeEndpoint(() => 'network-error');
    const poll = await parks();
    const queued = oneEvent(poll, 'delib-queued');
    await vote(poll, 'New play equipment');
    const event = await queued;
    await poll.updateComplete;
    expect(outboxKeys()).to.deep.equal([`delib:outbox:v1:${event.detail.envelope.id}`]);
    expect(statusText(poll)).to.contain('saved on this device and will be sent automatically');
    expect(shadow(poll, '.note')!.textContent).to.contain('Results will be shown once your answer has been sent');
    await expectAccessible(poll);
  });

  for (const status of [500, 503, 408, 429]) {
    it(`treats ${status} as "try again later", not as a refusal`, async () => {
      endpoint = fakeEndpoint((call) => (call.method === 'POST' ? json(status, {}) : undefined));
      const poll = await parks();
      const queued = oneEvent(poll, 'delib-queued');
      await vote(poll, 'Better lighting');
      await queued;
      expect(outboxKeys()).to.have.length(1);
    });
  }

  it('shows a refusal (4xx) with its message, keeps the input, and does not retry', async () => {
    endpoint = fakeEndpoint((call) =>
      call.method === 'POST'
        ? json(422, { error: { code: 'closed', message: 'This consultation has closed.', field: 'widgetId' } })
        : undefined,
    );
    const poll = await parks();
    const failed = oneEvent(poll, 'delib-error');
    await vote(poll, 'Better lighting');
    const event = await failed;
    expect(event.detail.status).to.equal(422);
    expect(event.detail.error).to.deep.equal({ code: 'closed', message: 'This consultation has closed.', field: 'widgetId' });
    await poll.updateComplete;
    expect(statusText(poll)).to.equal('Your answer could not be accepted: This consultation has closed.');
    expect(byLabel(poll, 'Better lighting').checked).to.be.true;
    expect(outboxKeys()).to.have.length(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(endpoint.posts()).to.have.length(1);
    await expectAccessible(poll);
  });

  it('posts nothing when a listener cancels delib-submit', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks();
    poll.addEventListener('delib-submit', (event) => event.preventDefault());
    const submit = oneEvent(poll, 'delib-submit');
    await vote(poll, 'Better lighting');
    const event = await submit;
    expect(event.detail.envelope.answer).to.deep.equal({ choices: ['lighting'] });
    expect(event.bubbles && event.composed && event.cancelable).to.be.true;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.calls).to.have.length(0);
    expect(outboxKeys()).to.have.length(0);
    expect(shadow(poll, 'form'), 'the form stays for the host to handle').to.exist;
  });

  it('allows several choices up to max-choices, and says so when there are too many', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks('multiple max-choices="2"');
    expect(shadowAll(poll, 'input[type="checkbox"]')).to.have.length(3);
    expect(shadow(poll, '#hint')!.textContent).to.equal('Select up to 2 options.');
    await vote(poll, 'Better lighting', 'New play equipment', 'Public toilets');
    expect(shadow(poll, '.summary')!.textContent).to.contain('Select no more than 2 options');
    await expectAccessible(poll);
    byLabel(poll, 'Public toilets').click();
    const submitted = oneEvent(poll, 'delib-submitted');
    button(poll, 'Vote').click();
    expect((await submitted).detail.envelope.answer).to.deep.equal({ choices: ['lighting', 'play'] });
    await until(() => shadow(poll, '[part="note"]'));
    expect(shadow(poll, '[part="note"]')!.textContent).to.contain('can add up to more than 100%');
  });

  it('offers "Other" with its own labelled text box, required once chosen', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks('allow-other');
    expect(shadow(poll, '#other-text')).to.be.null;
    byLabel(poll, 'Other').click();
    await poll.updateComplete;
    const text = byLabel(poll, 'Your other answer');
    expect(text).to.equal(shadow(poll, '#other-text'));
    await vote(poll);
    expect(shadow(poll, '.summary')!.textContent).to.contain('Enter your other answer');
    await expectAccessible(poll);
    text.value = '  A skate\u0007 park  ';
    text.dispatchEvent(new Event('input'));
    const submitted = oneEvent(poll, 'delib-submitted');
    button(poll, 'Vote').click();
    expect((await submitted).detail.envelope.answer).to.deep.equal({ choices: ['other'], other: 'A skate park' });
  });

  it('shows labels, the question and server messages as text, never as HTML', async () => {
    endpoint = fakeEndpoint((call) =>
      call.method === 'POST' ? json(400, { error: { code: 'bad', message: '<img src=x onerror="window.pwned=1">' } }) : undefined,
    );
    const poll = await parks();
    poll.question = '<b>Bold?</b>';
    poll.options = [
      { value: 'a', label: '<img src=x onerror="window.pwned=1">' },
      { value: 'b', label: '<script>window.pwned=1</script>' },
    ];
    await poll.updateComplete;
    expect(shadow(poll, 'legend')!.textContent).to.equal('<b>Bold?</b>');
    expect(shadow(poll, 'legend b')).to.be.null;
    expect(shadowAll(poll, 'img, script')).to.have.length(0);
    expect(byLabel(poll, '<img src=x onerror="window.pwned=1">')).to.exist;
    await vote(poll, '<script>window.pwned=1</script>');
    await oneEvent(poll, 'delib-error');
    await poll.updateComplete;
    expect(statusText(poll)).to.contain('<img src=x');
    expect(shadowAll(poll, 'img, script')).to.have.length(0);
    expect((window as unknown as { pwned?: number }).pwned).to.be.undefined;
  });

  it('reads child <option> text as text, and follows changes to the options', async () => {
    const poll = await parks();
    const option = document.createElement('option');
    option.value = 'bins';
    option.textContent = '<em>More bins</em>';
    poll.append(option);
    await until(() => shadowAll(poll, 'input').length === 4);
    await poll.updateComplete;
    expect(byLabel(poll, '<em>More bins</em>').value).to.equal('bins');
  });

  it('is closed after `closes`, says so, and shows results (after-close)', async () => {
    endpoint = fakeEndpoint(acceptAll({ lighting: 1 }));
    const poll = await parks('closes="2020-01-31T17:00:00Z" results="after-close"');
    expect(shadow(poll, 'form')).to.be.null;
    expect(shadow(poll, '[part="answer"]')!.textContent).to.contain('This closed on 31 January 2020');
    await until(() => shadow(poll, '[part="results"]'));
    await expectAccessible(poll);
  });

  it('says until when it is open, and closes by itself when the time comes', async () => {
    const closes = new Date(Date.now() + 400).toISOString();
    const poll = await parks(`closes="${closes}"`);
    expect(shadow(poll, '#closing')!.textContent).to.match(/^Open until /);
    await until(() => !shadow(poll, 'form'), 3000, 'closing');
  });

  it('follows the results modes', async () => {
    endpoint = fakeEndpoint(acceptAll({ play: 5 }));
    const always = await parks('results="always"');
    await until(() => shadow(always, '[part="results"]'));
    expect(shadow(always, 'form'), 'always: results beside the form').to.exist;
    await expectAccessible(always);

    const never = await parks('results="never"');
    const submitted = oneEvent(never, 'delib-submitted');
    await vote(never, 'New play equipment');
    await submitted;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(never, '[part="results"]')).to.be.null;
    expect(endpoint.calls.filter((call) => call.url.includes('/results/') && call.url.includes(never.widgetId))).to.have.length(
      0,
    );

    const afterClose = await parks('results="after-close"');
    const sent = oneEvent(afterClose, 'delib-submitted');
    await vote(afterClose, 'New play equipment');
    await sent;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(afterClose, '[part="results"]')).to.be.null;
  });

  it('asks for results naming its kind, and shows zero results when the endpoint knows none (404)', async () => {
    endpoint = fakeEndpoint((call) =>
      call.url.includes('/results/') ? json(404, { error: { code: 'not_found', message: 'none' } }) : undefined,
    );
    const poll = await parks('results="always"');
    await until(() => shadow(poll, '[part="results"]'));
    expect(endpoint.calls[0].url).to.equal(
      `https://api.test/api/results/${poll.widgetId}?widget=poll&value=lighting&value=play&value=toilets`,
    );
    expect(shadow(poll, 'caption')!.textContent!.trim()).to.equal('Results: 0 votes');
  });

  it('shows the results of the widget it is now, whatever answers late for the one it was', async () => {
    let answerLate!: () => void;
    const late = new Promise<void>((resolve) => (answerLate = resolve));
    const body = (total: number) => json(200, { widget: 'poll', widgetId: 'x', total, counts: { lighting: total } });
    endpoint = fakeEndpoint((call) =>
      call.url.includes('/results/')
        ? call.url.includes('/results/parks-now?')
          ? body(2)
          : late.then(() => body(111))
        : undefined,
    );
    const poll = await parks('results="always"');
    await until(() => endpoint!.calls.length === 1);
    poll.widgetId = 'parks-now';
    await until(() => shadow(poll, 'caption')?.textContent?.trim() === 'Results: 2 votes');
    answerLate();
    await late;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await poll.updateComplete;
    expect(shadow(poll, 'caption')!.textContent!.trim()).to.equal('Results: 2 votes');
  });

  it('keeps the results on screen while they are asked for again once the vote has arrived', async () => {
    const body = (total: number) => json(200, { widget: 'poll', widgetId: 'x', total, counts: { lighting: total } });
    let results = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    endpoint = fakeEndpoint((call) => {
      if (!call.url.includes('/results/')) return undefined;
      results++;
      // Asked again as the vote is sent and once it has arrived: both wait until released.
      return results === 1 ? body(4) : released.then(() => body(5));
    }, acceptAll());
    const poll = await parks('results="always"');
    await until(() => shadow(poll, 'caption')?.textContent?.trim() === 'Results: 4 votes');
    const seen = new Set<string>();
    const watch = new MutationObserver(() => seen.add(shadow(poll, 'caption')?.textContent?.trim() ?? 'no table'));
    watch.observe(poll.shadowRoot!, { childList: true, subtree: true, characterData: true });
    const submitted = oneEvent(poll, 'delib-submitted');
    await vote(poll, 'Better lighting');
    await submitted;
    await until(() => results >= 2);
    await poll.updateComplete;
    expect(shadow(poll, 'caption')!.textContent!.trim(), 'while the new results are on their way').to.equal('Results: 4 votes');
    release();
    await until(() => shadow(poll, 'caption')?.textContent?.trim() === 'Results: 5 votes');
    watch.disconnect();
    expect([...seen], 'never "Loading…" in between').not.to.include('no table');
  });

  it("names its own options in the results request, so that strangers' values cannot crowd them out of a capped answer", async () => {
    endpoint = fakeEndpoint();
    const poll = await parks('results="always" allow-other');
    await until(() => shadow(poll, '[part="results"]'));
    const url = new URL(endpoint.calls[0].url);
    expect(url.searchParams.getAll('value')).to.deep.equal(['lighting', 'play', 'toilets', 'other']);
  });

  it('leaves the values out when naming them all would make the address too long for some servers', async () => {
    endpoint = fakeEndpoint();
    const long = Array.from({ length: 60 }, (_, index) => `<option value="${index}-${'x'.repeat(190)}">Option ${index}</option>`);
    const poll = await fixture<DelibPoll>(
      Object.assign(document.createElement('div'), {
        innerHTML: `<delib-poll widget-id="long-values" endpoint="https://api.test/api" results="always" question="?">${long.join('')}</delib-poll>`,
      }).firstElementChild as DelibPoll,
    );
    await until(() => shadow(poll, '[part="results"]'));
    expect(endpoint.calls[0].url).to.equal('https://api.test/api/results/long-values?widget=poll');
  });

  it('says when the results cannot be loaded, and can try again', async () => {
    let fail = true;
    endpoint = fakeEndpoint(
      (call) => (call.url.includes('/results/') && fail ? json(500, {}) : undefined),
      acceptAll({ play: 1 }),
    );
    const poll = await parks('results="always"');
    await until(() => shadow(poll, 'table') || statusOf(poll).includes('could not be loaded'));
    expect(statusOf(poll)).to.contain('The results could not be loaded.');
    await expectAccessible(poll);
    fail = false;
    button(poll, 'Try again').click();
    await until(() => shadow(poll, '[part="results"]'));
  });
});

const statusOf = (poll: DelibPoll) => poll.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<delib-poll> endpoint, provider and language', () => {
  it('takes the endpoint from its attribute, then the nearest <delib-provider>, then <meta name="delib-endpoint">', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const meta = Object.assign(document.createElement('meta'), { name: 'delib-endpoint', content: 'https://meta.test/api/' });
    document.head.append(meta);
    try {
      const wrapper = await fixture(
        html`<div>
          <delib-provider endpoint="https://provider.test/api" .headers=${{ 'X-CSRF-Token': 't0k3n' }} credentials="include">
            <delib-poll widget-id="a" endpoint="https://own.test/api" question="Q"><option>One</option></delib-poll>
            <delib-poll widget-id="b" question="Q"><option>One</option></delib-poll>
          </delib-provider>
          <delib-poll widget-id="c" question="Q"><option>One</option></delib-poll>
        </div>`,
      );
      const polls = [...wrapper.querySelectorAll('delib-poll')];
      await Promise.all(polls.map((poll) => poll.updateComplete));
      expect(polls.map((poll) => poll.resolveEndpoint())).to.deep.equal([
        'https://own.test/api',
        'https://provider.test/api',
        'https://meta.test/api',
      ]);
      await vote(polls[1], 'One');
      await until(() => endpoint!.posts().length === 1);
      const [post] = endpoint.posts();
      expect(post.url).to.equal('https://provider.test/api/responses');
      expect(post.headers.get('X-CSRF-Token')).to.equal('t0k3n');
      expect(post.credentials).to.equal('include');
    } finally {
      meta.remove();
    }
  });

  it('omits credentials by default', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks();
    await vote(poll, 'Better lighting');
    await until(() => endpoint!.posts().length === 1);
    expect(endpoint.posts()[0].credentials).to.equal('omit');
  });

  const languages = {
    'Welsh inside lang="cy-GB", with all six plural forms': {
      lang: 'cy-GB',
      vote: 'Pleidleisio',
      captions: {
        0: 'Canlyniadau: 0 pleidlais',
        1: 'Canlyniadau: 1 bleidlais',
        2: 'Canlyniadau: 2 bleidlais',
        3: 'Canlyniadau: 3 pleidlais',
        6: 'Canlyniadau: 6 phleidlais',
        4: 'Canlyniadau: 4 o bleidleisiau',
        100: 'Canlyniadau: 100 o bleidleisiau',
      },
    },
    'Scottish Gaelic inside lang="gd", with its four plural forms': {
      lang: 'gd',
      vote: 'Bhòt',
      captions: {
        1: 'Toraidhean: 1 bhòt',
        2: 'Toraidhean: 2 bhòt',
        3: 'Toraidhean: 3 bhòtaichean',
        11: 'Toraidhean: 11 bhòt',
        20: 'Toraidhean: 20 bhòt',
      },
    },
  };
  for (const [name, { lang, vote: voteLabel, captions }] of Object.entries(languages)) {
    it(`speaks ${name}`, async () => {
      for (const [total, caption] of Object.entries(captions)) {
        endpoint = fakeEndpoint(acceptAll({ a: Number(total) }));
        const wrapper = await fixture(
          html`<div lang=${lang}>
            <delib-poll widget-id="${lang}-${total}" endpoint="https://api.test/api" results="always" question="?">
              <option value="a">A</option></delib-poll
            >
          </div>`,
        );
        const poll = wrapper.querySelector('delib-poll')!;
        await until(() => shadow(poll, 'caption'));
        expect(shadow(poll, 'caption')!.textContent!.trim()).to.equal(caption);
        expect(button(poll, voteLabel)).to.exist;
        if (total === '2') await expectAccessible(poll);
        endpoint.restore();
      }
      endpoint = undefined;
    });
  }

  const lists = [
    {
      lang: 'cy',
      labels: ['Parc', 'Llyfrgell', 'Ysgol'],
      vote: 'Pleidleisio',
      said: 'Fe wnaethoch chi bleidleisio dros: Parc, Llyfrgell ac Ysgol.',
    },
    {
      lang: 'cy',
      labels: ['Ysgol', 'Llyfrgell', 'Parc'],
      vote: 'Pleidleisio',
      said: 'Fe wnaethoch chi bleidleisio dros: Ysgol, Llyfrgell a Parc.',
    },
    {
      lang: 'gd',
      labels: ['Pàirc', 'Leabharlann', 'Sgoil'],
      vote: 'Bhòt',
      said: 'Bhòt thu airson: Pàirc, Leabharlann agus Sgoil.',
    },
  ];
  for (const { lang, labels, vote: voteLabel, said } of lists) {
    it(`lists the choices in ${lang} although Chromium has no list data for it: “${said}”`, async () => {
      endpoint = fakeEndpoint(acceptAll());
      const wrapper = await fixture(
        Object.assign(document.createElement('div'), {
          lang,
          innerHTML: `<delib-poll widget-id="${lang}-list-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api"
            question="?" multiple max-choices="3">${labels.map((label, index) => `<option value="v${index}">${label}</option>`).join('')}</delib-poll>`,
        }),
      );
      const poll = wrapper.querySelector('delib-poll')!;
      await poll.updateComplete;
      for (const label of labels) byLabel(poll, label).click();
      await poll.updateComplete;
      button(poll, voteLabel).click();
      await until(() => shadow(poll, '[part="answer"]'), 3000, 'the answer');
      expect(shadow(poll, '[part="answer"]')!.textContent).to.contain(said);
    });
  }

  it('sends the language it was shown in as the locale', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const wrapper = await fixture(
      html`<div lang="gd">
        <delib-poll widget-id="gd-locale" endpoint="https://api.test/api" question="Dè?">
          <option value="a">Solais</option></delib-poll
        >
      </div>`,
    );
    const poll = wrapper.querySelector('delib-poll')!;
    byLabel(poll, 'Solais').click();
    button(poll, 'Bhòt').click();
    await until(() => endpoint!.posts().length === 1);
    expect((endpoint.posts()[0].body as { locale: string }).locale).to.equal('gd');
  });

  it('falls back to English for languages it does not ship, and lets every string be overridden', async () => {
    const wrapper = await fixture(
      html`<div lang="fr">
        <delib-poll widget-id="fr" question="Q" .messages=${{ submit: 'Send my vote' }}> <option value="a">A</option></delib-poll>
      </div>`,
    );
    const poll = wrapper.querySelector('delib-poll')!;
    await poll.updateComplete;
    expect(button(poll, 'Send my vote')).to.exist;
    poll.setAttribute('messages', JSON.stringify({ submit: 'Cast vote' }));
    await poll.updateComplete;
    expect(button(poll, 'Cast vote')).to.exist;
  });
});

describe('<delib-poll> in a form', () => {
  it('is a form control whose value is the answer as JSON, and posts nothing itself', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <delib-poll name="parks" widget-id="in-form" question="Q" required>
          <option value="lighting">Better lighting</option>
          <option value="play">New play equipment</option></delib-poll
        >
      </form>`,
    );
    const poll = form.querySelector('delib-poll')!;
    await poll.updateComplete;
    expect(shadowAll(poll, 'button'), 'the form has its own submit').to.have.length(0);
    expect(form.checkValidity(), 'required and empty').to.be.false;
    expect(poll.validity.valueMissing).to.be.true;
    expect(poll.validationMessage).to.equal('Select an option');
    byLabel(poll, 'New play equipment').click();
    await poll.updateComplete;
    expect(form.checkValidity()).to.be.true;
    expect(new FormData(form).get('parks')).to.equal('{"choices":["play"]}');
    expect(poll.value).to.equal('{"choices":["play"]}');
    form.reset();
    await poll.updateComplete;
    expect(new FormData(form).get('parks')).to.be.null;
    expect(byLabel(poll, 'New play equipment').checked).to.be.false;
    expect(endpoint.calls).to.have.length(0);
    await expectAccessible(form);
  });

  it('lets Enter submit the page form, from an option or the "Other" box, and posts nothing itself', async () => {
    endpoint = fakeEndpoint(acceptAll());
    let submits = 0;
    const form = await fixture<HTMLFormElement>(
      html`<form @submit=${(event: Event) => (event.preventDefault(), submits++)}>
        <delib-poll name="parks" widget-id="enter" question="Q" allow-other><option value="a">A</option></delib-poll>
        <button>Send</button>
      </form>`,
    );
    const poll = form.querySelector('delib-poll')!;
    await poll.updateComplete;
    byLabel(poll, 'A').focus();
    await sendKeys({ press: 'Enter' });
    expect(submits, 'Enter on an option').to.equal(1);
    byLabel(poll, 'Other').click();
    await poll.updateComplete;
    const other = byLabel(poll, 'Your other answer');
    other.focus();
    await sendKeys({ type: 'A dog park' });
    await sendKeys({ press: 'Enter' });
    expect(submits, 'Enter in the Other box').to.equal(2);
    expect(new FormData(form).get('parks')).to.equal('{"choices":["other"],"other":"A dog park"}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.calls).to.have.length(0);
    expect(outboxKeys()).to.have.length(0);
  });

  it('is disabled with its fieldset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled>
          <delib-poll name="p" widget-id="d" question="Q"> <option value="a">A</option></delib-poll>
        </fieldset>
      </form>`,
    );
    const poll = form.querySelector('delib-poll')!;
    await poll.updateComplete;
    expect(poll.isDisabled).to.be.true;
    expect(poll.disabled, 'its own attribute is left to the author').to.be.false;
    expect(byLabel(poll, 'A').matches(':disabled')).to.be.true;
    form.querySelector('fieldset')!.disabled = false;
    await until(() => !byLabel(poll, 'A').matches(':disabled'));
  });
});

describe('<delib-poll> in two tabs', () => {
  it('shows the answer given in another tab instead of a form that would count the person twice', async () => {
    const poll = await parks();
    expect(shadow(poll, 'form')).to.exist;
    const key = `delib:answer:v1:delib-poll:${poll.widgetId}`;
    const envelope = {
      id: crypto.randomUUID(),
      widget: 'poll',
      widgetId: poll.widgetId,
      submittedAt: new Date().toISOString(),
      locale: 'en',
      page: '/',
      answer: { choices: ['play'] },
    };
    localStorage.setItem(key, JSON.stringify(envelope));
    // What the browser fires in this tab when another tab writes the key.
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: JSON.stringify(envelope), storageArea: localStorage }));
    await poll.updateComplete;
    expect(shadow(poll, 'form')).to.be.null;
    expect(shadow(poll, '[part="answer"]')!.textContent).to.contain('You voted for: New play equipment.');
  });
});

describe('<delib-poll remember>: where the answer and the order are kept', () => {
  const kept = (poll: DelibPoll) => {
    const keys = (store: Storage) => Object.keys(store).filter((key) => key.endsWith(`:delib-poll:${poll.widgetId}`));
    return { device: keys(localStorage).sort(), session: keys(sessionStorage).sort() };
  };

  it('by default in this browser (localStorage): the answer, and with shuffle the order', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks('shuffle');
    await vote(poll, 'Better lighting');
    await until(() => poll.shadowRoot!.textContent!.includes('You voted for'));
    expect(kept(poll)).to.deep.equal({
      device: [`delib:answer:v1:delib-poll:${poll.widgetId}`, `delib:order:v1:delib-poll:${poll.widgetId}`],
      session: [],
    });
  });

  it('remember="session": in this tab only (sessionStorage), and shown again after a reload in it', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks('shuffle remember="session"');
    await vote(poll, 'Better lighting');
    await until(() => poll.shadowRoot!.textContent!.includes('You voted for'));
    expect(kept(poll)).to.deep.equal({
      device: [],
      session: [`delib:answer:v1:delib-poll:${poll.widgetId}`, `delib:order:v1:delib-poll:${poll.widgetId}`],
    });
    // The same widget on the next page in this tab.
    const again = await fixture<DelibPoll>(poll.outerHTML);
    expect(shadow(again, 'form')).to.be.null;
    expect(shadow(again, '[part="answer"]')!.textContent).to.contain('You voted for: Better lighting.');
  });

  it('remember="none": nothing kept but the undelivered response in the outbox, until it is delivered', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const poll = await parks('shuffle remember="none"');
    const order = shadowAll<HTMLInputElement>(poll, 'input[type=radio]').map((input) => input.value);
    await vote(poll, 'Better lighting');
    await until(() => poll.shadowRoot!.textContent!.includes('You voted for'));
    expect(kept(poll)).to.deep.equal({ device: [], session: [] });
    expect(outboxKeys()).to.deep.equal([]);
    // The order still holds while the page is open.
    const twin = await fixture<DelibPoll>(poll.outerHTML);
    expect(shadow(twin, 'form'), 'nothing remembered: the form again').to.exist;
    expect(shadowAll<HTMLInputElement>(twin, 'input[type=radio]').map((input) => input.value)).to.deep.equal(order);
  });

  it('takes remember from <delib-provider>, then <meta name="delib-remember">; its own attribute wins', async () => {
    endpoint = fakeEndpoint(acceptAll());
    const meta = Object.assign(document.createElement('meta'), { name: 'delib-remember', content: 'none' });
    document.head.append(meta);
    try {
      const wrapper = await fixture<HTMLElement>(`<div>
        <delib-provider remember="session">
          <delib-poll widget-id="provided-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api" question="Q">
            <option value="a">A</option><option value="b">B</option>
          </delib-poll>
        </delib-provider>
        <delib-poll widget-id="meta-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api" question="Q">
          <option value="a">A</option><option value="b">B</option>
        </delib-poll>
        <delib-poll remember="device" widget-id="own-${Math.random().toString(36).slice(2)}" endpoint="https://api.test/api" question="Q">
          <option value="a">A</option><option value="b">B</option>
        </delib-poll>
      </div>`);
      const [provided, byMeta, own] = [...wrapper.querySelectorAll<DelibPoll>('delib-poll')];
      await Promise.all([provided, byMeta, own].map((poll) => poll.updateComplete));
      expect([provided.rememberMode, byMeta.rememberMode, own.rememberMode]).to.deep.equal(['session', 'none', 'device']);
    } finally {
      meta.remove();
    }
  });

  it('an unknown value works as device, and the developer is told', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const poll = await parks('remember="forever"');
      expect(poll.rememberMode).to.equal('device');
      await until(() => warnings.length > 0);
      expect(String(warnings[0][0])).to.contain('remember="forever" is not one of device, session, none');
    } finally {
      console.warn = warn;
    }
  });
});

describe('<delib-poll> not fully set up', () => {
  for (const [name, attributes] of [
    ['an endpoint', 'widget-id="no-endpoint"'],
    ['a widget-id', 'endpoint="https://api.test/api"'],
  ]) {
    it(`tells the person, and the page, when it lacks ${name}`, async () => {
      endpoint = fakeEndpoint(acceptAll());
      const errors: string[] = [];
      const original = console.error;
      console.error = (message: string) => errors.push(message);
      try {
        const poll = await fixture<DelibPoll>(`<delib-poll ${attributes} question="Q"><option value="a">A</option></delib-poll>`);
        const failed = oneEvent(poll, 'delib-error');
        await vote(poll, 'A');
        const event = await failed;
        expect(event.detail.status).to.equal(0);
        expect(event.detail.error.code).to.equal('not_set_up');
        await poll.updateComplete;
        expect(statusText(poll)).to.contain('not fully set up');
        expect(errors.join(' ')).to.contain(name);
        expect(endpoint.calls).to.have.length(0);
        expect(outboxKeys()).to.have.length(0);
      } finally {
        console.error = original;
      }
    });
  }
});

describe('<delib-poll shuffle>', () => {
  const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const pageOrder = letters.map((letter) => `Option ${letter.toUpperCase()}`);
  const seedKey = (widgetId: string) => `delib:order:v1:delib-poll:${widgetId}`;
  const poll = (widgetId: string, attributes = 'shuffle') =>
    fixture<DelibPoll>(
      Object.assign(document.createElement('div'), {
        innerHTML: `<delib-poll widget-id="${widgetId}" endpoint="https://api.test/api" question="Which first?" ${attributes}>
          ${letters.map((letter) => `<option value="${letter}">Option ${letter.toUpperCase()}</option>`).join('')}
        </delib-poll>`,
      }).firstElementChild as DelibPoll,
    );
  const shown = (element: DelibPoll) =>
    shadowAll(element, 'label.choice').map((label) => label.textContent!.replace(/\s+/g, ' ').trim());

  it("shows the options in an order of this person's own, the same after a reload, with Other last", async () => {
    localStorage.setItem(seedKey('shuffled'), '1');
    const first = await poll('shuffled', 'shuffle allow-other');
    const order = shown(first);
    expect(order.at(-1), '"Other" stays last').to.equal('Other');
    expect(order.slice(0, -1)).to.have.members(pageOrder);
    expect(order.slice(0, -1), 'not the page order').not.to.deep.equal(pageOrder);
    const radios = accessibleNodes(await accessibilityTree(first)).filter((node) => node.role === 'radio');
    expect(
      radios.map((node) => node.name),
      'read out in the order shown',
    ).to.deep.equal(order);
    first.remove();

    const again = await poll('shuffled', 'shuffle allow-other');
    expect(shown(again), 'the same order after a reload').to.deep.equal(order);
    again.remove();
    localStorage.setItem(seedKey('shuffled'), '2');
    const someoneElse = await poll('shuffled', 'shuffle allow-other');
    expect(shown(someoneElse), "another person's order").not.to.deep.equal(order);
    expect(shown(await poll('plain', 'allow-other')), 'without shuffle, the page order').to.deep.equal([...pageOrder, 'Other']);
  });

  it('makes a seed of its own on first sight and keeps it', async () => {
    const first = await poll('fresh');
    expect(localStorage.getItem(seedKey('fresh'))).to.match(/^\d+$/);
    const order = shown(first);
    first.remove();
    expect(shown(await poll('fresh'))).to.deep.equal(order);
  });

  it('where storage is blocked, keeps one order while the page is open', async () => {
    await withStorageBlocked(async () => {
      const first = await poll('blocked');
      const second = await poll('blocked');
      expect(shown(second)).to.deep.equal(shown(first));
      expect(shown(first)).to.have.members(pageOrder);
    });
  });

  it('links the error summary to the first option shown, and keeps results and answers in the page order', async () => {
    endpoint = fakeEndpoint(acceptAll({ a: 1, h: 3 }));
    localStorage.setItem(seedKey('results'), '1');
    const element = await poll('results', 'shuffle multiple results="always"');
    const order = shown(element);
    button(element, 'Vote').click();
    await element.updateComplete;
    shadow<HTMLAnchorElement>(element, '.summary a')!.click();
    expect(element.shadowRoot!.activeElement).to.equal(byLabel(element, order[0]));
    await until(() => shadow(element, '[part="results"]'));
    const rows = shadowAll(element, '[part="results"] tbody th').map((cell) => cell.textContent!.trim());
    expect(rows, 'results in their own order').to.deep.equal(pageOrder);
    byLabel(element, 'Option H').click();
    byLabel(element, 'Option A').click();
    await element.updateComplete;
    expect(element.answer).to.deep.equal({ choices: ['a', 'h'] });
    await expectAccessible(element);
  });
});

describe('<delib-poll> closed at the endpoint (410 closed)', () => {
  const closedEndpoint = (counts: Record<string, number> = { lighting: 4 }, outcome?: unknown) =>
    fakeEndpoint((call) => {
      if (call.method === 'POST') return json(410, { error: { code: 'closed', message: 'Closed by the council.' } });
      const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
      return widgetId ? json(200, { widget: 'poll', widgetId, total: 4, counts, ...(outcome ? { outcome } : {}) }) : undefined;
    });

  for (const lang of ['en', 'cy', 'gd'] as const) {
    it(`says plainly that the question has closed, keeps the choice on screen and shows results (${lang})`, async () => {
      endpoint = closedEndpoint();
      const poll = await parks('results="after-submit"');
      poll.lang = lang;
      await poll.updateComplete;
      const refused = oneEvent(poll, 'delib-error');
      byLabel(poll, 'Better lighting').click();
      await poll.updateComplete;
      shadow<HTMLButtonElement>(poll, '[part="submit"]')!.click();
      const { detail } = await refused;
      expect(detail.status).to.equal(410);
      expect(detail.error.code).to.equal('closed');
      await poll.updateComplete;
      // The poll loaded its own pack: the common one is read here.
      await preloadLanguage(lang);
      expect(statusText(poll)).to.equal(common[lang].closedNow);
      expect(statusText(poll), "never the server's own words").not.to.contain('Closed by the council');
      expect(shadow(poll, '[role="status"]')!.closest('[aria-live="assertive"]')).to.be.null;
      expect(byLabel(poll, 'Better lighting').checked, 'the choice stays visible').to.be.true;
      expect(shadow<HTMLFieldSetElement>(poll, 'fieldset')!.disabled, 'and cannot be changed').to.be.true;
      expect(shadow<HTMLButtonElement>(poll, '[part="submit"]')!.disabled).to.be.true;
      expect(outboxKeys(), 'the outbox gave it up').to.deep.equal([]);
      await until(() => shadow(poll, '[part="results"]'), 3000, 'results');
      expect(endpoint.posts()).to.have.length(1);
      await expectAccessible(poll);
    });
  }

  it('moves focus to the message when the Vote button is disabled under the keyboard user', async () => {
    endpoint = closedEndpoint();
    const poll = await parks();
    byLabel(poll, 'Public toilets').click();
    await poll.updateComplete;
    shadow<HTMLButtonElement>(poll, '[part="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => poll.closedAtEndpoint);
    await poll.updateComplete;
    expect(poll.shadowRoot!.activeElement?.getAttribute('part')).to.equal('status');
  });

  it('shows no results after a 410 with results="never", only an outcome if one is published', async () => {
    endpoint = closedEndpoint({ lighting: 4 }, { text: { en: 'We are adding lights.' }, publishedAt: '2027-01-01T00:00:00Z' });
    const poll = await parks('results="never"');
    await vote(poll, 'Better lighting');
    await until(() => shadow(poll, '[part="outcome"]'), 3000, 'outcome');
    expect(shadow(poll, '[part="results"]')).to.be.null;
    expect(shadow(poll, '[part="outcome"]')!.textContent).to.contain('We are adding lights.');
    await expectAccessible(poll);
  });
});

describe('<delib-poll> outcome ("you said, we did")', () => {
  const outcome = {
    text: {
      en: 'You asked for lighting.\n\nWe will light the path by March: https://council.example/parks.',
      cy: "Fe wnaethoch ofyn am oleuadau.\n\nByddwn yn goleuo'r llwybr erbyn mis Mawrth: https://council.example/parciau.",
    },
    publishedAt: '2027-02-01T10:00:00.000Z',
  };
  const withOutcome = (extra: unknown = outcome) =>
    fakeEndpoint((call) => {
      if (call.method === 'POST') return json(201, { id: (call.body as { id: string }).id, accepted: true });
      const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
      return widgetId ? json(200, { widget: 'poll', widgetId, total: 2, counts: { lighting: 2 }, outcome: extra }) : undefined;
    });

  it('shows it with the results, under its heading, in paragraphs with links', async () => {
    endpoint = withOutcome();
    const poll = await parks('results="always"');
    await until(() => shadow(poll, '[part="outcome"]'), 3000, 'outcome');
    const section = shadow(poll, '[part="outcome"]')!;
    expect(section.querySelector('h3')!.textContent).to.equal('What we did with your answers');
    const paragraphs = [...section.querySelectorAll('p')].map((p) => p.textContent!.trim());
    expect(paragraphs.slice(0, 2)).to.deep.equal([
      'You asked for lighting.',
      'We will light the path by March: https://council.example/parks.',
    ]);
    expect(paragraphs[2]).to.match(/^Published on 1 February 2027/);
    expect(section.querySelector('a')!.href).to.equal('https://council.example/parks');
    // After the results table, so it reads as what came of them.
    const results = shadow(poll, '[part="results"]')!;
    expect(results.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    await expectAccessible(poll);
  });

  it("shows the widget's language (Welsh), falling back to English for Gaelic", async () => {
    endpoint = withOutcome();
    const welsh = await parks('results="always" lang="cy"');
    await until(() => shadow(welsh, '[part="outcome"]'), 3000, 'outcome');
    expect(shadow(welsh, '[part="outcome"] h3')!.textContent).to.equal("Beth wnaethom ni gyda'ch atebion");
    expect(shadow(welsh, '[part="outcome"]')!.textContent).to.contain('Fe wnaethoch ofyn am oleuadau.');
    await expectAccessible(welsh);
    const gaelic = await parks('results="always" lang="gd"');
    await until(() => shadow(gaelic, '[part="outcome"]'), 3000, 'outcome');
    expect(shadow(gaelic, '[part="outcome"]')!.textContent).to.contain('You asked for lighting.');
  });

  it('shows hostile text as text: no element, no script, no javascript: link', async () => {
    endpoint = withOutcome({
      text: { en: '<script>window.pwned=1</script>\n\n<img src=x onerror="window.pwned=1">\n\njavascript:window.pwned=1' },
      publishedAt: 'soon',
    });
    const poll = await parks('results="always"');
    await until(() => shadow(poll, '[part="outcome"]'), 3000, 'outcome');
    const section = shadow(poll, '[part="outcome"]')!;
    expect(section.querySelectorAll('script, img, a').length).to.equal(0);
    expect(section.textContent).to.contain('<script>window.pwned=1</script>');
    expect(section.textContent).to.contain('javascript:window.pwned=1');
    expect((window as { pwned?: number }).pwned).to.be.undefined;
  });

  it('is not shown before answering with after-submit, but is once closed (even with results="never")', async () => {
    endpoint = withOutcome();
    const open = await parks();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(open, '[part="outcome"]')).to.be.null;
    const closed = await parks('closes="2020-01-01T00:00:00Z" results="never"');
    await until(() => shadow(closed, '[part="outcome"]'), 3000, 'outcome');
    expect(shadow(closed, '[part="results"]')).to.be.null;
    await expectAccessible(closed);
  });
});
