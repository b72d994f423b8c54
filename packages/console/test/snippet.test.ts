import { expect, fixture, html } from '@open-wc/testing';
import {
  escapeAttribute,
  escapeText,
  optionLines,
  optionValues,
  problems,
  snippet,
  type SnippetSettings,
} from '../src/snippet.js';
import { parseRoute } from '../src/console.js';
import { continuousDays } from '../src/chart.js';
import { ConsoleSnippetBuilder } from '../src/snippet-builder.js';

const attack = `"><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'&amp;`;

const settings = (overrides: Partial<SnippetSettings> = {}): SnippetSettings => ({
  kind: 'poll',
  widgetId: 'parks-2026',
  question: 'Which park improvement matters most to you?',
  options: ['Better lighting', 'New play equipment'],
  language: 'en',
  theme: 'govuk',
  closes: '',
  results: 'after-submit',
  suggestions: false,
  ...overrides,
});

/** The snippet as the council's page would parse it. */
const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

describe('snippet', () => {
  it('is the script, the theme and the element, from this server, with its plain form inside', () => {
    expect(snippet(settings(), 'https://consult.example.gov.uk/')).to.equal(
      [
        '<script type="module" src="https://consult.example.gov.uk/delib.js"></script>',
        '<link rel="stylesheet" href="https://consult.example.gov.uk/themes/govuk.css">',
        '<delib-poll widget-id="parks-2026" endpoint="https://consult.example.gov.uk/api" question="Which park improvement matters most to you?">',
        '  <p id="delib-thanks-parks-2026" hidden>Thank you. Your answer has been received.</p>',
        '  <p id="delib-refused-parks-2026" hidden>Your answer was not sent. Check it and send it again.</p>',
        '  <form method="post" action="https://consult.example.gov.uk/api/responses" accept-charset="UTF-8">',
        '    <input type="hidden" name="widget" value="poll">',
        '    <input type="hidden" name="widgetId" value="parks-2026">',
        '    <input type="hidden" name="locale" value="en">',
        '    <input type="hidden" name="errors" value="page">',
        '    <fieldset>',
        '      <legend>Which park improvement matters most to you?</legend>',
        '      <p><input type="radio" name="choices" value="better-lighting" id="delib-parks-2026-better-lighting"> <label for="delib-parks-2026-better-lighting">Better lighting</label></p>',
        '      <p><input type="radio" name="choices" value="new-play-equipment" id="delib-parks-2026-new-play-equipment"> <label for="delib-parks-2026-new-play-equipment">New play equipment</label></p>',
        '    </fieldset>',
        '    <button>Vote</button>',
        '  </form>',
        '</delib-poll>',
      ].join('\n'),
    );
  });

  it('writes a ranking and a budget as number boxes (rank.<value>, allocation.<value>); pairwise says it needs the script', () => {
    const ranking = parse(snippet(settings({ kind: 'ranking', language: 'cy' }), 'https://a.example'));
    expect([...ranking.querySelectorAll('input[type=number]')].map((input) => (input as HTMLInputElement).name)).to.deep.equal([
      'rank.better-lighting',
      'rank.new-play-equipment',
    ]);
    expect(ranking.querySelector('button')!.textContent).to.equal('Cyflwyno eich trefn');
    expect(ranking.querySelector('fieldset > p')!.textContent).to.match(/^Rhowch rif iddynt: 1/);
    expect(ranking.querySelector('[lang=en]')).to.equal(null);
    expect((ranking.querySelector('input[name=locale]') as HTMLInputElement).value).to.equal('cy');
    const budget = parse(snippet(settings({ kind: 'budget' }), 'https://a.example'));
    expect(budget.querySelectorAll('input[name^="allocation."]').length).to.equal(2);
    const pairwise = parse(snippet(settings({ kind: 'pairwise' }), 'https://a.example'));
    expect(pairwise.querySelectorAll('delib-pairwise > option').length).to.equal(2);
    expect(pairwise.querySelector('form')).to.equal(null);
    expect(pairwise.querySelector('noscript')).not.to.equal(null);
    // Every label belongs to its control.
    for (const doc of [ranking, budget]) {
      for (const label of doc.querySelectorAll('label')) expect(doc.getElementById(label.htmlFor)).not.to.equal(null);
    }
  });

  it('writes needs-and-assets as one page in the widget’s own words: categories, "Something else" on each side, area, contact with consent', () => {
    const english = parse(snippet(settings({ kind: 'needs-assets' }), 'https://a.example'));
    const form = english.querySelector('delib-needs-assets > form')!;
    expect(english.querySelector('noscript')).to.equal(null);
    const ticked = (side: string) =>
      [...form.querySelectorAll(`input[type=checkbox][name=${side}]`)].map((input) => (input as HTMLInputElement).value);
    expect(ticked('needs')).to.have.length(12);
    expect(ticked('needs').slice(0, 2)).to.deep.equal(['housing', 'getting-around']);
    expect(ticked('assets')).to.deep.equal(['skills', 'time', 'space', 'equipment', 'knowledge', 'connections', 'other']);
    expect(
      [...form.querySelectorAll('input:not([type=hidden]):not([type=checkbox])')].map(
        (input) => (input as HTMLInputElement).name,
      ),
    ).to.deep.equal(['detail.needs.other', 'detail.assets.other', 'area', 'contact.name', 'contact.email', 'contact.phone']);
    expect((form.querySelector('input[name=consent]') as HTMLInputElement).value).to.equal('yes');
    expect(form.querySelector('legend')!.textContent).to.equal('What does your community need?');
    expect(english.querySelector('[id^=delib-thanks-]')!.textContent).to.equal('Thank you. We have received your answers.');
    // Every label and description points at something on the page, and ids are unique.
    const ids = [...english.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const label of form.querySelectorAll('label')) expect(english.getElementById(label.htmlFor)).not.to.equal(null);
    for (const described of form.querySelectorAll('[aria-describedby]'))
      expect(english.getElementById(described.getAttribute('aria-describedby')!)).not.to.equal(null);

    const welsh = parse(snippet(settings({ kind: 'needs-assets', language: 'cy' }), 'https://a.example'));
    expect(welsh.querySelector('label[for$=needs-housing]')!.textContent).to.equal('Tai');
    expect(welsh.querySelector('button')!.textContent).not.to.equal('Send');
    expect((welsh.querySelector('input[name=locale]') as HTMLInputElement).value).to.equal('cy');
  });

  it('writes language, closing, results and the budget total as attributes', () => {
    const html = snippet(
      settings({ kind: 'budget', language: 'gd', closes: '2026-12-31', results: 'always' }),
      'https://a.example',
    );
    const element = parse(html).querySelector('delib-budget')!;
    expect(element.getAttribute('lang')).to.equal('gd');
    expect(element.getAttribute('closes')).to.equal('2026-12-31T23:59:59Z');
    expect(element.getAttribute('results')).to.equal('always');
    expect(element.getAttribute('total')).to.equal('100');
  });

  it('escapes every field so that markup stays text, in attributes and in option labels', () => {
    const html = snippet(
      settings({ widgetId: `a"b'c<d>&e`, question: attack, options: [attack, '</option><script>x()</script>'] }),
      'https://a.example',
    );
    const doc = parse(html);
    const names = [...doc.body.querySelectorAll('*')].map((element) => element.localName);
    expect(names.filter((name) => ['script', 'img'].includes(name))).to.deep.equal(['script']);
    expect(names.slice(0, 6)).to.deep.equal(['script', 'link', 'delib-poll', 'p', 'p', 'form']);
    const poll = doc.querySelector('delib-poll')!;
    expect(poll.getAttribute('widget-id')).to.equal(`a"b'c<d>&e`);
    expect((poll.querySelector('input[name=widgetId]') as HTMLInputElement).value).to.equal(`a"b'c<d>&e`);
    expect(poll.getAttribute('question')).to.equal(attack);
    expect(poll.querySelector('legend')!.textContent).to.equal(attack);
    expect([...poll.querySelectorAll('label')].map((label) => label.textContent)).to.deep.equal([
      attack,
      '</option><script>x()</script>',
    ]);
    expect(html).not.to.include('<img');
    expect(html).not.to.include('<script>');
  });

  it('lets residents suggest ideas in a pairwise question only: allow-suggestions, written bare', () => {
    const pairwise = snippet(settings({ kind: 'pairwise', suggestions: true }), 'https://a.example');
    expect(pairwise.split('\n')[2]).to.equal(
      '<delib-pairwise widget-id="parks-2026" endpoint="https://a.example/api" question="Which park improvement matters most to you?" allow-suggestions>',
    );
    expect(parse(pairwise).querySelector('delib-pairwise')!.getAttribute('allow-suggestions')).to.equal('');
    expect(snippet(settings({ kind: 'pairwise' }), 'https://a.example')).not.to.include('allow-suggestions');
    for (const kind of ['poll', 'ranking', 'budget', 'needs-assets'] as const) {
      expect(snippet(settings({ kind, suggestions: true }), 'https://a.example')).not.to.include('allow-suggestions');
    }
  });

  it('escapes the five characters that matter in attributes, and the three that matter in text', () => {
    expect(escapeAttribute(`&<>"'`)).to.equal('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeText(`&<>"'`)).to.equal(`&amp;&lt;&gt;"'`);
  });

  it('makes a unique, plain value for each option, even from labels with no letters', () => {
    expect(optionValues(['Café & bar', 'Café & bar', '!!!', 'Ŵyl y Banc']).map((option) => option.value)).to.deep.equal([
      'cafe-bar',
      'cafe-bar-2',
      'option-3',
      'wyl-y-banc',
    ]);
    expect(optionLines(' one \n\n two\t three \n')).to.deep.equal(['one', 'two three']);
  });

  it('says what is wrong, field by field', () => {
    expect(problems(settings({ widgetId: '', options: ['one'] })).map((problem) => problem.field)).to.deep.equal([
      'widgetId',
      'options',
    ]);
    expect(problems(settings({ widgetId: 'tab\there' }))[0].field).to.equal('widgetId');
    expect(problems(settings({ options: Array.from({ length: 51 }, (_, index) => `Option ${index}`) }))[0].message).to.equal(
      'Enter 50 options or fewer',
    );
    expect(problems(settings({ closes: '31/12/2026' }))[0].field).to.equal('closes');
    expect(problems(settings({ kind: 'needs-assets', options: [] }))).to.deep.equal([]);
  });
});

describe('parseRoute', () => {
  it('reads each page, with its widget and status', () => {
    expect(parseRoute('')).to.deep.equal({ name: 'widgets' });
    expect(parseRoute('#/')).to.deep.equal({ name: 'widgets' });
    expect(parseRoute('#/widgets/parks%202026')).to.deep.equal({ name: 'widget', widgetId: 'parks 2026' });
    expect(parseRoute('#/widgets/a%2Fb/erase')).to.deep.equal({ name: 'erase', widgetId: 'a/b' });
    expect(parseRoute('#/moderation?status=rejected')).to.deep.equal({ name: 'moderation', status: 'rejected' });
    expect(parseRoute('#/moderation?status=nonsense')).to.deep.equal({ name: 'moderation', status: 'pending' });
    expect(parseRoute('#/nowhere')).to.deep.equal({ name: 'not-found' });
    expect(parseRoute('#/widgets/%E0%A4%A')).to.deep.equal({ name: 'not-found' });
  });

  it('leaves in-page links (the skip link, error summary links) alone', () => {
    expect(parseRoute('#main-content')).to.equal(undefined);
  });

  it('only returns to a place inside the console after signing in', () => {
    expect(parseRoute(`#/sign-in?next=${encodeURIComponent('#/audit')}`)).to.deep.equal({ name: 'sign-in', next: '#/audit' });
    expect(parseRoute(`#/sign-in?next=${encodeURIComponent('https://evil.example/')}`)).to.deep.equal({
      name: 'sign-in',
      next: undefined,
    });
    expect(parseRoute(`#/sign-in?next=${encodeURIComponent('//evil.example/')}`)).to.deep.equal({
      name: 'sign-in',
      next: undefined,
    });
    expect(parseRoute(`#/sign-in?next=${encodeURIComponent('#/sign-in')}`)).to.deep.equal({ name: 'sign-in', next: undefined });
  });
});

describe('continuousDays', () => {
  it('fills the days nobody answered with 0, and keeps at most 366', () => {
    expect(
      continuousDays([
        { date: '2026-11-30', count: 2 },
        { date: '2026-11-28', count: 1 },
      ]),
    ).to.deep.equal([
      { date: '2026-11-28', count: 1 },
      { date: '2026-11-29', count: 0 },
      { date: '2026-11-30', count: 2 },
    ]);
    const long = continuousDays([
      { date: '2024-01-01', count: 1 },
      { date: '2026-01-01', count: 1 },
    ]);
    expect(long.length).to.equal(366);
    expect(long[long.length - 1]).to.deep.equal({ date: '2026-01-01', count: 1 });
  });
});

describe('the snippet builder', () => {
  if (!customElements.get('console-snippet-builder')) customElements.define('console-snippet-builder', ConsoleSnippetBuilder);

  const field = <T extends HTMLElement>(builder: HTMLElement, selector: string) => builder.querySelector<T>(selector)!;
  const fill = (builder: HTMLElement, selector: string, value: string) => {
    const input = field<HTMLInputElement>(builder, selector);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('offers suggestions for a pairwise question only, with a hint that ideas are moderated first, into the HTML and the preview', async () => {
    const builder = await fixture<ConsoleSnippetBuilder>(html`<console-snippet-builder></console-snippet-builder>`);
    const box = field<HTMLInputElement>(builder, '#suggestions');
    const group = box.closest<HTMLElement>('.form-group')!;
    expect(group.hidden, 'hidden for a poll').to.equal(true);

    field<HTMLInputElement>(builder, '#kind-pairwise').click();
    await builder.updateComplete;
    expect(group.hidden, 'shown for pairwise').to.equal(false);
    expect(box.type).to.equal('checkbox');
    expect(box.checked).to.equal(false);
    expect(field(builder, 'label[for=suggestions]').textContent).to.equal('Let residents suggest ideas of their own');
    expect(box.getAttribute('aria-describedby')).to.equal('suggestions-hint');
    expect(field(builder, '#suggestions-hint').textContent).to.match(
      /moderation queue first\. Nobody sees an idea until you approve it/,
    );

    fill(builder, '#widget-id', 'ideas-2027');
    fill(builder, '#options', 'Trees\nBenches');
    box.click();
    field<HTMLFormElement>(builder, 'form').requestSubmit();
    await builder.updateComplete;
    await builder.updateComplete;
    const snippetHtml = () => field<HTMLTextAreaElement>(builder, '#snippet-html').value;
    expect(snippetHtml()).to.include(
      `<delib-pairwise widget-id="ideas-2027" endpoint="${location.origin}/api" allow-suggestions>`,
    );
    expect(field(builder, '#preview delib-pairwise').hasAttribute('allow-suggestions')).to.equal(true);

    // Unticked, and for any other kind even when ticked: not in the HTML nor the preview.
    box.click();
    await builder.updateComplete;
    expect(snippetHtml()).not.to.include('allow-suggestions');
    expect(field(builder, '#preview delib-pairwise').hasAttribute('allow-suggestions')).to.equal(false);
    box.click();
    field<HTMLInputElement>(builder, '#kind-ranking').click();
    await builder.updateComplete;
    expect(group.hidden).to.equal(true);
    expect(snippetHtml()).to.include('<delib-ranking');
    expect(snippetHtml()).not.to.include('allow-suggestions');
    expect(field(builder, '#preview delib-ranking').hasAttribute('allow-suggestions')).to.equal(false);
  });
});
