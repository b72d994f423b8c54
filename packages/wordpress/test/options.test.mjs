/**
 * The block editor's options field: one option a line, `Label` or `value | Label`, read into the
 * `[{ value, label }]` a block saves, and written back the same way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optionsText, parseOptions, slug } from '../src/options.ts';

test('a label becomes its value as WordPress makes a slug, accents and all', () => {
  assert.equal(slug('Café seating & shade', 0), 'cafe-seating-shade');
  assert.equal(slug('Llwybrau beicio â goleuadau', 0), 'llwybrau-beicio-a-goleuadau');
  assert.equal(slug('!!!', 2), 'option-3');
});

test('lines become options; blank lines are skipped; a value can be chosen; the same value twice is made unique', () => {
  assert.deepEqual(parseOptions('Better lighting\n\n  play | New play equipment \nBetter lighting\n | Toilets'), [
    { value: 'better-lighting', label: 'Better lighting' },
    { value: 'play', label: 'New play equipment' },
    { value: 'better-lighting-2', label: 'Better lighting' },
    { value: 'toilets', label: 'Toilets' },
  ]);
});

test('at most 200 options, as the endpoint takes', () => {
  assert.equal(parseOptions(Array.from({ length: 250 }, (_, index) => `Option ${index}`).join('\n')).length, 200);
});

test('options written back read the same, writing a value only where it is not the label’s own', () => {
  const options = parseOptions('Better lighting\nplay | New play equipment');
  assert.equal(optionsText(options), 'Better lighting\nplay | New play equipment');
  assert.deepEqual(parseOptions(optionsText(options)), options);
});
