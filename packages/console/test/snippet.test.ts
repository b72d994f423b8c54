import { expect } from '@open-wc/testing';
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
  ...overrides,
});

/** The snippet as the council's page would parse it. */
const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

describe('snippet', () => {
  it('is the script, the theme and the element, from this server, with nothing a default needs', () => {
    expect(snippet(settings(), 'https://consult.example.gov.uk/')).to.equal(
      [
        '<script type="module" src="https://consult.example.gov.uk/delib.min.js"></script>',
        '<link rel="stylesheet" href="https://consult.example.gov.uk/themes/govuk.css">',
        '<delib-poll widget-id="parks-2026" endpoint="https://consult.example.gov.uk/api" question="Which park improvement matters most to you?">',
        '  <option value="better-lighting">Better lighting</option>',
        '  <option value="new-play-equipment">New play equipment</option>',
        '</delib-poll>',
      ].join('\n'),
    );
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
    expect([...doc.body.querySelectorAll('*')].map((element) => element.localName)).to.deep.equal([
      'script',
      'link',
      'delib-poll',
      'option',
      'option',
    ]);
    const poll = doc.querySelector('delib-poll')!;
    expect(poll.getAttribute('widget-id')).to.equal(`a"b'c<d>&e`);
    expect(poll.getAttribute('question')).to.equal(attack);
    expect([...poll.querySelectorAll('option')].map((option) => option.textContent)).to.deep.equal([
      attack,
      '</option><script>x()</script>',
    ]);
    expect(html).not.to.include('<img');
    expect(html).not.to.include('<script>');
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
