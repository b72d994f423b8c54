/**
 * The build's template minifier (build/minify-templates.mjs): one test per case its top comment writes
 * down. Several are the cases that fooled the scanner it replaced (a quote or a brace in a regular
 * expression, a `${…}` inside a `css` template, a file name ending in "css" before a backtick).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
// Installed with terser (through @rollup/plugin-terser), which uses it to read source maps.
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { minifyTemplates } from '../../build/minify-templates.mjs';

const id = '/work/delib/packages/poll/src/poll.ts';
/** The module as the build passes it on: rewritten, or as it was when there was nothing to do. */
const minified = (code) => minifyTemplates(code, id)?.code ?? code;
const lines = (...text) => text.join('\n');

test('in markup a line break and its indentation become one space; spaces without a line break stay', () => {
  const code = lines('const view = html`<p>', '    <b>a</b>  <i>b</i>', '  </p>`;');
  assert.equal(minified(code), 'const view = html`<p> <b>a</b>  <i>b</i> </p>`;');
});

test('svg templates are markup too; a tag that is not the bare name html, svg or css is not ours', () => {
  const code = lines('svg`<g>', '  <line></line>', '</g>`;', 'lit.html`<p>', '</p>`;', 'staticHtml`<p>', '</p>`;');
  assert.equal(minified(code), lines('svg`<g> <line></line> </g>`;', 'lit.html`<p>', '</p>`;', 'staticHtml`<p>', '</p>`;'));
});

test('the code of ${…} is never touched, and the templates nested in it are minified on their own', () => {
  const code = lines(
    'html`<ul>',
    '  ${items.map((item) =>',
    '    html`<li>',
    '      ${`plain ${item}',
    '        template`}',
    "    </li>`, '  two  spaces  ')}",
    '</ul>`;',
  );
  assert.equal(
    minified(code),
    lines(
      'html`<ul> ${items.map((item) =>',
      '    html`<li> ${`plain ${item}',
      "        template`} </li>`, '  two  spaces  ')} </ul>`;",
    ),
  );
});

test('a regular expression with a quote, a brace or a backtick neither hides the templates after it nor makes one', () => {
  const code = lines(
    'const address = /[^\\s<>"\']+/g;',
    'const trailing = /[)\\]}]+$/;',
    'const tick = /html`/;',
    "const view = html`<p>\n  ${text.replace(/[{}`]/g, '')}\n</p>`;",
    'function after() {',
    '  return  1;',
    '}',
  );
  assert.equal(
    minified(code),
    lines(
      'const address = /[^\\s<>"\']+/g;',
      'const trailing = /[)\\]}]+$/;',
      'const tick = /html`/;',
      "const view = html`<p> ${text.replace(/[{}`]/g, '')} </p>`;",
      'function after() {',
      '  return  1;',
      '}',
    ),
  );
});

test('html and css in a comment, a string, a plain template or a file name are not templates', () => {
  const code = lines(
    '/* an html`<p>',
    '   </p>` example */',
    '// the page’s one stylesheet, `console.css`,',
    "const quoted = 'html`';",
    'const href = `/themes/${theme}.css`;',
    'if (a) {',
    '  b(a, c);',
    '}',
    'const plain = `<p>',
    '  </p>`;',
  );
  assert.equal(minifyTemplates(code, id), null);
});

test('the content of <pre> and <textarea> is left alone, their opening tags are not', () => {
  const code = lines('html`<textarea', '  id="a"', '  .value=${value}', '>', '  keep', '</textarea>', '<pre>', ' a', '</pre>`;');
  assert.equal(minified(code), lines('html`<textarea id="a" .value=${value} >', '  keep', '</textarea> <pre>', ' a', '</pre>`;'));
});

test('white space after a backslash in markup belongs to the escape and stays', () => {
  const code = 'html`<p>a\\\n   b</p>`;';
  assert.equal(minifyTemplates(code, id), null);
});

test('in a stylesheet comments go, white space collapses, punctuation loses its spaces and the last ; goes', () => {
  const code = lines(
    'css`',
    '  /* why */',
    '  :host {',
    '    display: block;',
    '    margin: 0 auto;',
    '  }',
    '  a,',
    '  b { color: red; }',
    '`;',
  );
  assert.equal(minified(code), 'css`:host{display:block;margin:0 auto}a,b{color:red}`;');
});

test('a comment between two words leaves them apart', () => {
  assert.equal(minified('css`a { margin: 1px/**/2px; }`;'), 'css`a{margin:1px 2px}`;');
});

test('the spaces that CSS reads stay: in calc(), between values, and before a pseudo-class', () => {
  const code = lines('css`', '  :host .x { width: calc(1px + 2px); }', '  a :hover { margin: -1px - 2px; }', '`;');
  assert.equal(minified(code), 'css`:host .x{width:calc(1px + 2px)}a :hover{margin:-1px - 2px}`;');
});

test('strings in a stylesheet are copied as written, and a quote in a comment opens none', () => {
  const code = lines(
    'css`',
    "  /* GOV.UK's back link */",
    "  a::before { content: ' , ';  }",
    '  b::after { content: "/* not a comment */"; }',
    '`;',
  );
  assert.equal(minified(code), 'css`a::before{content:\' , \'}b::after{content:"/* not a comment */"}`;');
});

test('in a stylesheet with ${…} the code is untouched and the white space beside it kept', () => {
  const code = lines(
    'css`',
    "  a { border: ${unsafeCSS('1px  solid')} red; width: calc(${size} + 2px); }",
    "  b { content: '${label} , '; }",
    '`;',
  );
  assert.equal(
    minified(code),
    "css`a{border:${unsafeCSS('1px  solid')} red;width:calc(${size} + 2px)}b{content:'${label} , '}`;",
  );
});

test('a comment that a ${…} interrupts is copied whole', () => {
  assert.equal(minified('css`a { color: red; /* ${x}  */ }`;'), 'css`a{color:red;/* ${x}  */}`;');
});

test('a stylesheet with a backslash is left as written', () => {
  const code = "css`a::before { content: '\\\\201C  x'; }`;";
  assert.equal(minifyTemplates(code, id), null);
});

test('only delib’s own sources are touched: not tests, not other packages, not JavaScript', () => {
  const code = lines('const view = html`<p>', '</p>`;');
  assert.notEqual(minifyTemplates(code, id), null);
  for (const other of [
    '/work/delib/packages/poll/test/poll.test.ts',
    '/work/delib/node_modules/lit/index.ts',
    '/work/delib/packages/poll/src/poll.js',
    '/work/delib/stories/poll.stories.ts',
  ]) {
    assert.equal(minifyTemplates(code, other), null, other);
  }
});

test('the source map takes a token after, or inside, a collapsed template back to its line and column', () => {
  const code = lines(
    'const view = html`<p>',
    '    <b>x</b>',
    '  </p>`;',
    'const sheet = css`',
    '  a { color: red; }',
    '`;',
    'export const after = 1;',
  );
  const result = minifyTemplates(code, id);
  const map = new TraceMap(result.map);
  const where = (token) => {
    const before = result.code.slice(0, result.code.indexOf(token)).split('\n');
    return originalPositionFor(map, { line: before.length, column: before.at(-1).length });
  };
  assert.equal(result.code.split('\n').length, 3);
  assert.deepEqual(where('after'), { source: id, line: 7, column: 13, name: null });
  assert.deepEqual(where('<b>'), { source: id, line: 2, column: 4, name: null });
  assert.deepEqual(where('const sheet'), { source: id, line: 4, column: 0, name: null });
});
