import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { outcomeLength, pickOutcome, renderOutcome } from '../src/outcome.js';

const body = (text: unknown, publishedAt: unknown = '2027-02-01T10:00:00.000Z') => ({
  widget: 'poll',
  widgetId: 'w',
  total: 3,
  counts: {},
  outcome: { text, publishedAt },
});

/** The outcome rendered into a fresh element, as a widget's shadow root would hold it. */
function shown(text: string) {
  const host = document.createElement('div');
  render(renderOutcome(pickOutcome(body({ en: text }), 'en'), 'What we did with your answers', 'Published'), host);
  return host;
}

describe('pickOutcome', () => {
  it("takes the widget's language, else English", () => {
    const text = { en: 'We fixed the lights.', cy: "Rydym wedi trwsio'r goleuadau." };
    expect(pickOutcome(body(text), 'cy')?.text).to.equal(text.cy);
    expect(pickOutcome(body(text), 'gd')?.text).to.equal(text.en);
    expect(pickOutcome(body({ en: 'Done.', cy: '   ' }), 'cy')?.text, 'an empty translation').to.equal('Done.');
    expect(pickOutcome(body(text), 'en')?.publishedAt?.toISOString()).to.equal('2027-02-01T10:00:00.000Z');
    expect(pickOutcome(body(text, 'yesterday'), 'en')?.publishedAt).to.be.undefined;
  });

  it('finds none in a body without one or of another shape, and never throws', () => {
    for (const results of [
      null,
      'text',
      {},
      { outcome: null },
      { outcome: 'We did it' },
      { outcome: { text: 'We did it' } },
      { outcome: { text: ['We did it'] } },
      { outcome: { text: { en: 42 } } },
      { outcome: { text: { cy: 'Dim ond Cymraeg' } } },
      { outcome: { text: { en: ' \n\n ' } } },
    ]) {
      expect(pickOutcome(results, 'en'), JSON.stringify(results)).to.be.undefined;
    }
  });

  it(`bounds the text to ${outcomeLength} characters and removes control characters but line breaks`, () => {
    const picked = pickOutcome(body({ en: `a\u0000b\u0007c\r\nd\u001b[31m${'x'.repeat(50_000)}` }), 'en')!;
    expect(picked.text.length).to.be.at.most(outcomeLength);
    expect(picked.text.startsWith('abc\nd[31m')).to.be.true;
  });
});

describe('renderOutcome', () => {
  it('makes paragraphs of blank-line-separated text, under its heading, with the date', () => {
    const host = shown('We heard you.\n\nWe will light the path.\nWork starts in March.\n \n\nThank you.');
    expect(host.querySelector('h3')!.textContent).to.equal('What we did with your answers');
    const paragraphs = [...host.querySelectorAll('section[part="outcome"] > p')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal([
      'We heard you.',
      'We will light the path.\nWork starts in March.',
      'Thank you.',
      'Published',
    ]);
    expect(host.querySelector('section')!.getAttribute('aria-labelledby')).to.equal('outcome-heading');
  });

  it('makes http(s) addresses links, leaving the sentence around them as text', () => {
    const host = shown(
      'Read the report at https://council.example/parks/report.pdf. Or see (http://council.example/a_(b)), and https://council.example/x?y=1&z=2!',
    );
    const links = [...host.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).to.deep.equal([
      ['https://council.example/parks/report.pdf', 'https://council.example/parks/report.pdf'],
      ['http://council.example/a_(b)', 'http://council.example/a_(b)'],
      ['https://council.example/x?y=1&z=2', 'https://council.example/x?y=1&z=2'],
    ]);
    expect(host.querySelector('p')!.textContent).to.equal(
      'Read the report at https://council.example/parks/report.pdf. Or see (http://council.example/a_(b)), and https://council.example/x?y=1&z=2!',
    );
  });

  it('shows markup, scripts and other schemes as text, never as elements or links', () => {
    const hostile = [
      '<script>window.pwned = true</script>',
      '<img src=x onerror="window.pwned = true">',
      'javascript:window.pwned=true',
      '<a href="javascript:alert(1)">click</a>',
      'data:text/html,<b>x</b> and vbscript:msgbox and ftp://council.example/file',
      'https://council.example/"><script>window.pwned=true</script>',
      'HTTPS://council.example/"onmouseover="window.pwned=true',
    ].join('\n\n');
    const host = shown(hostile);
    expect(host.querySelectorAll('script, img, b').length).to.equal(0);
    const links = [...host.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://council.example/', 'https://council.example/']);
    for (const link of links) expect([...link.attributes].map((attribute) => attribute.name)).to.deep.equal(['href']);
    const text = [...host.querySelectorAll('section > p')].map((p) => p.textContent).join('\n\n');
    expect(text).to.contain('<script>window.pwned = true</script>');
    expect(text).to.contain('javascript:window.pwned=true');
    expect((window as { pwned?: boolean }).pwned).to.be.undefined;
  });

  it('renders nothing without an outcome', () => {
    const host = document.createElement('div');
    render(renderOutcome(undefined, 'Heading'), host);
    expect(host.children.length).to.equal(0);
  });
});
