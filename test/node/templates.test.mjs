import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlLiteralParts } from '../../rollup.config.js';

/** The build collapses white space in the markup of `html` templates only: never in code, comments or strings. */
const literals = (code) => htmlLiteralParts(code).map(([from, to]) => code.slice(from, to));

test('the markup of html templates, around their expressions and nested templates', () => {
  const code = 'const a = html`<p>\n  ${x ? html`<b>${y}</b>` : "}"}\n</p>`;';
  assert.deepEqual(literals(code), ['<p>\n  ', '<b>', '</b>', '\n</p>']);
});

test('html and a backtick inside a comment or a string are not a template, so the code after them is left alone', () => {
  const code = [
    '// renders with `html` so that',
    '/* an `html` template */',
    "const s = 'html`';",
    'const link = (href) => {',
    '  return href;',
    '};',
    'const t = html`<a>${link(1)}</a>`;',
  ].join('\n');
  assert.deepEqual(literals(code), ['<a>', '</a>']);
});

test('a closing brace in code outside any template does not stop the scan', () => {
  const code = 'function f() { return 1; }\n}\nconst t = html`<i>\n</i>`;';
  assert.deepEqual(literals(code), ['<i>\n</i>']);
});
