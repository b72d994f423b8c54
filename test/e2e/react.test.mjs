/**
 * `@delib/react` in a React 19 app, as a developer's bundler would build it (esbuild, the packages'
 * published `dist/`, production React): the components render, take props as properties (`messages`,
 * a changed `question`), post a vote and call `onDelibSubmit`/`onDelibSubmitted` with the typed event;
 * the plain tag works in React 19 too, its listener given as `ondelib-submitted`. Run `npm run build` first.
 *
 * @engines chromium firefox webkit
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { launch } from './browser.mjs';
import { open, requireBuild, root, site, vote } from './pages.mjs';

requireBuild();

const budget = { timeout: 45_000 };

/** The app: a provider around a component poll and a plain-tag poll, and what React saw of their events. */
const app = `
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DelibPoll, DelibProvider } from '@delib/react';

const options = [['lighting', 'Better lighting'], ['play', 'New play equipment']];

function App() {
  const [seen, setSeen] = useState([]);
  const [question, setQuestion] = useState('Which park improvement matters most to you?');
  const note = (who) => (event) => setSeen((seen) => [...seen, who + ' ' + event.type + ' ' + event.detail.envelope.widgetId]);
  return (
    <DelibProvider endpoint="/api">
      <DelibPoll
        id="component"
        widgetId="react-component"
        question={question}
        messages={{ submit: 'Send my answer' }}
        onDelibSubmit={note('component')}
        onDelibSubmitted={note('component')}
      >
        {options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </DelibPoll>
      <delib-poll id="tag" widget-id="react-tag" question="And which matters next?" ondelib-submitted={note('tag')}>
        {options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </delib-poll>
      <button id="rename" onClick={() => setQuestion('Which play area first?')}>Rename</button>
      <ul id="seen">{seen.map((line, index) => <li key={index}>{line}</li>)}</ul>
    </DelibProvider>
  );
}

createRoot(document.getElementById('root')).render(<App />);
`;

let browser;
let bundle;
before(async () => {
  const result = await build({
    stdin: { contents: app, loader: 'jsx', resolveDir: root, sourcefile: 'app.jsx' },
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0].text;
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function setup(t) {
  const s = await site({
    'react.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React</title><link rel="icon" href="data:,">
<script type="module" src="/app.js"></script></head><body><div id="root"></div></body></html>`,
  });
  s.write('app.js', bundle);
  s.api.set('ok');
  const context = await browser.createBrowserContext();
  t.after(async () => {
    await context.close().catch(() => {});
    await s.close();
  });
  const p = await open(context, `${s.url}/react.html`);
  await p.waitForSelector('#component >>> button[part="submit"]', { timeout: 10_000 });
  return { ...s, p };
}

const seen = (p) => p.evaluate(() => [...document.querySelectorAll('#seen li')].map((item) => item.textContent));

test(
  'a DelibPoll component, its endpoint from DelibProvider, posts a vote and calls onDelibSubmit, then onDelibSubmitted, with the event',
  budget,
  async (t) => {
    const { p, api } = await setup(t);
    const button = await p.evaluate(
      () => document.querySelector('#component').shadowRoot.querySelector('button[part=submit]').textContent,
    );
    assert.equal(button.trim(), 'Send my answer', 'the messages prop reached the element as a property');
    await vote(p, 'play', { host: '#component' });
    await p.waitForFunction(() => document.querySelectorAll('#seen li').length >= 2, { timeout: 10_000 });
    assert.deepEqual(await seen(p), ['component delib-submit react-component', 'component delib-submitted react-component']);
    const stored = [...api.stored.values()];
    assert.equal(stored.length, 1);
    assert.equal(stored[0].widgetId, 'react-component');
    assert.deepEqual(stored[0].answer, { choices: ['play'] });
    assert.deepEqual(p.problems, []);
  },
);

test('a changed prop (question) re-renders the element', budget, async (t) => {
  const { p } = await setup(t);
  await p.click('#rename');
  await p.waitForFunction(
    () => document.querySelector('#component').shadowRoot.querySelector('legend')?.textContent.includes('Which play area first?'),
    { timeout: 5_000 },
  );
  assert.deepEqual(p.problems, []);
});

test('the plain <delib-poll> tag in React 19: attributes set, ondelib-submitted called', budget, async (t) => {
  const { p, api } = await setup(t);
  await vote(p, 'lighting', { host: '#tag' });
  await p.waitForFunction(() => document.querySelectorAll('#seen li').length >= 1, { timeout: 10_000 });
  assert.deepEqual(await seen(p), ['tag delib-submitted react-tag']);
  assert.deepEqual(
    [...api.stored.values()].map((envelope) => [envelope.widgetId, envelope.answer]),
    [['react-tag', { choices: ['lighting'] }]],
  );
  assert.deepEqual(p.problems, []);
});
