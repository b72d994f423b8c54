import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { outcomeLength, pickOutcome, renderOutcome } from '../src/outcome.js';
import { readJson, readLimits } from '../src/fetch.js';
import { fakeEndpoint, json } from '../../../test/helpers.js';

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

describe('readJson', () => {
  let endpoint: ReturnType<typeof fakeEndpoint> | undefined;
  afterEach(() => endpoint?.restore());

  /** A body sent in 1 KB chunks with no Content-Length, as a chunked response arrives. */
  const chunked = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, (offset += 1024)));
      },
    });
    return { response: new Response(stream, { status: 200 }), pulled: () => pulled };
  };

  it('parses a JSON body, answers undefined for a 404, and rejects other statuses and bodies that are not JSON', async () => {
    endpoint = fakeEndpoint((call) =>
      call.url.endsWith('/ok')
        ? json(200, { a: 'é' })
        : call.url.endsWith('/teapot')
          ? json(418, {})
          : call.url.endsWith('/html')
            ? new Response('<html>', { status: 200 })
            : undefined,
    );
    expect(await readJson('https://api.test/ok')).to.deep.equal({ a: 'é' });
    expect(await readJson('https://api.test/missing')).to.be.undefined;
    for (const path of ['teapot', 'html']) {
      let failed = false;
      await readJson(`https://api.test/${path}`).catch(() => (failed = true));
      expect(failed, path).to.be.true;
    }
    expect(endpoint.calls[0].credentials).to.equal('omit');
  });

  it('stops reading a body, with or without a Content-Length, once it passes its bound', async () => {
    const big = chunked(JSON.stringify({ padding: 'z'.repeat(100 * 1024) }));
    endpoint = fakeEndpoint(() => big.response);
    let failed = false;
    await readJson('https://api.test/big', 'omit', 8 * 1024).catch(() => (failed = true));
    expect(failed).to.be.true;
    expect(big.pulled(), 'chunks read of some 100').to.be.below(12);
    endpoint.restore();
    const small = chunked(JSON.stringify({ text: 'ok'.repeat(2000) }));
    endpoint = fakeEndpoint(() => small.response);
    expect(await readJson('https://api.test/small', 'include', 8 * 1024)).to.deep.equal({ text: 'ok'.repeat(2000) });
    expect(readLimits.maxBytes).to.equal(512 * 1024);
  });
});
