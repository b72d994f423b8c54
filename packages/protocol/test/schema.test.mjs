import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { envelopeSchema, answerProblem, isUuid, isWidgetId, limits } from '../src/index.ts';

const ajv = addFormats(new Ajv({ allErrors: true }));
const validate = ajv.compile(envelopeSchema);

const base = {
  id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b',
  widget: 'poll',
  widgetId: 'parks-2026',
  submittedAt: '2026-11-29T17:00:00.000Z',
  locale: 'en',
  page: 'https://council.example/parks',
  answer: { choices: ['lighting'] },
};

const valid = [
  base,
  { ...base, answer: { choices: ['lighting', 'other'], other: 'A skate park' } },
  { ...base, widget: 'ranking', answer: { order: ['play', 'lighting', 'toilets'] } },
  { ...base, widget: 'pairwise', answer: { pair: ['a', 'b'], winner: 'a' } },
  { ...base, widget: 'pairwise', answer: { pair: ['a', 'b'], winner: null } },
  { ...base, widget: 'pairwise', answer: { suggestion: 'More benches' } },
  { ...base, widget: 'budget', answer: { allocation: { play: 60, lighting: 40 } } },
  {
    ...base,
    widget: 'needs-assets',
    answer: { needs: [{ category: 'food' }], assets: [{ category: 'skills', detail: 'Plumbing' }], area: 'EH1 1YZ' },
  },
  { ...base, widget: 'needs-assets', answer: { needs: [], assets: [], contact: { name: 'Ann', email: 'ann@example.org' } } },
  { ...base, locale: 'cy-GB' },
];

const invalid = {
  'unknown top-level field': { ...base, extra: 1 },
  'missing id': Object.fromEntries(Object.entries(base).filter(([key]) => key !== 'id')),
  'id not a UUID': { ...base, id: 'abc' },
  'unknown widget': { ...base, widget: 'quiz' },
  'empty widgetId': { ...base, widgetId: '' },
  'widgetId too long': { ...base, widgetId: 'x'.repeat(limits.widgetIdLength + 1) },
  'widgetId with a control character': { ...base, widgetId: 'a\u0000b' },
  'widgetId with a leading space': { ...base, widgetId: ' a' },
  'submittedAt not a date-time': { ...base, submittedAt: 'yesterday' },
  'locale not a tag': { ...base, locale: 'english please' },
  'poll: no choices': { ...base, answer: { choices: [] } },
  'poll: choice not a string': { ...base, answer: { choices: [1] } },
  'poll: duplicate choices': { ...base, answer: { choices: ['a', 'a'] } },
  'poll: choice too long': { ...base, answer: { choices: ['x'.repeat(limits.valueLength + 1)] } },
  'poll: unknown answer field': { ...base, answer: { choices: ['a'], note: 'x' } },
  'ranking: duplicates': { ...base, widget: 'ranking', answer: { order: ['a', 'a'] } },
  'pairwise: one item': { ...base, widget: 'pairwise', answer: { pair: ['a'], winner: 'a' } },
  'pairwise: same item twice': { ...base, widget: 'pairwise', answer: { pair: ['a', 'a'], winner: 'a' } },
  'budget: fraction': { ...base, widget: 'budget', answer: { allocation: { a: 1.5 } } },
  'budget: negative': { ...base, widget: 'budget', answer: { allocation: { a: -1 } } },
  'needs-assets: contact without email or phone': {
    ...base,
    widget: 'needs-assets',
    answer: { needs: [], assets: [], contact: { name: 'Ann' } },
  },
  'needs-assets: bad email': {
    ...base,
    widget: 'needs-assets',
    answer: { needs: [], assets: [], contact: { name: 'Ann', email: 'no' } },
  },
  'answer of another widget': { ...base, widget: 'ranking', answer: { choices: ['a'] } },
};

test('valid envelopes of every widget kind pass the schema', () => {
  for (const envelope of valid) assert.ok(validate(envelope), `${JSON.stringify(envelope)}: ${ajv.errorsText(validate.errors)}`);
});

for (const [name, envelope] of Object.entries(invalid)) {
  test(`the schema refuses: ${name}`, () => assert.equal(validate(envelope), false));
}

test('a pairwise winner must be one of the pair (beyond the schema)', () => {
  assert.deepEqual(answerProblem({ ...base, widget: 'pairwise', answer: { pair: ['a', 'b'], winner: 'c' } }), {
    field: 'answer.winner',
    message: 'winner must be one of the pair, or null',
  });
  assert.equal(answerProblem({ ...base, widget: 'pairwise', answer: { pair: ['a', 'b'], winner: 'b' } }), undefined);
});

test('isUuid and isWidgetId', () => {
  assert.ok(isUuid(base.id));
  assert.ok(!isUuid(`${base.id}0`));
  assert.ok(isWidgetId('parks-2026'));
  assert.ok(isWidgetId('Ymgynghoriad parciau 2026'));
  assert.ok(!isWidgetId(''));
  assert.ok(!isWidgetId('tab\there'));
  assert.ok(!isWidgetId(42));
});

test('isWidgetId and the schema accept exactly the same widget ids, at the edges', () => {
  const emoji = '\u{1F333}';
  const cases = {
    // The limit counts characters (code points), as JSON Schema's maxLength does.
    [`${limits.widgetIdLength} ASCII characters`]: ['w'.repeat(limits.widgetIdLength), true],
    [`${limits.widgetIdLength + 1} ASCII characters`]: ['w'.repeat(limits.widgetIdLength + 1), false],
    [`${limits.widgetIdLength} Welsh characters`]: ['ŵ'.repeat(limits.widgetIdLength), true],
    [`${limits.widgetIdLength} emoji (two UTF-16 units each)`]: [emoji.repeat(limits.widgetIdLength), true],
    [`${limits.widgetIdLength + 1} emoji`]: [emoji.repeat(limits.widgetIdLength + 1), false],
    // A browser resolves /results/. and /results/.. away, so such ids could never be read back.
    '.': ['.', false],
    '..': ['..', false],
    '...': ['...', true],
    '.hidden': ['.hidden', true],
    'a/..': ['a/..', true],
  };
  for (const [name, [widgetId, accepted]] of Object.entries(cases)) {
    assert.equal(isWidgetId(widgetId), accepted, `isWidgetId: ${name}`);
    assert.equal(validate({ ...base, widgetId }), accepted, `schema: ${name}`);
  }
});
