import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  acknowledgementSchema,
  answerProblem,
  approvedItemsSchema,
  envelopeSchema,
  errorBodySchema,
  resultsSchema,
} from '../src/index.ts';
import { contractExamples } from '../../../test/fixtures/contract-examples.mjs';

/**
 * The project's contract (CONTRACT.md, at the repository's root) says what the wire protocol carries by
 * example. Each JSON example there is marked with what it is (`<!-- example: envelope -->` on the line
 * before it) and must validate against `@delib/protocol`'s schema for that: a change to either that the
 * other does not follow fails here. An example without a mark fails too (nothing goes unchecked).
 */
const ajv = addFormats(new Ajv({ allErrors: true }));
const schemas = {
  envelope: envelopeSchema,
  results: resultsSchema,
  acknowledgement: acknowledgementSchema,
  error: errorBodySchema,
  items: approvedItemsSchema,
};
const validators = Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]));

const found = contractExamples();

test('the contract has its examples, each marked with what it is', () => {
  const marks = new Set(found.map((example) => example.mark));
  for (const kind of Object.keys(schemas)) assert.ok(marks.has(kind), `no ${kind} example in CONTRACT.md`);
  for (const example of found) {
    assert.ok(example.mark in schemas, `CONTRACT.md line ${example.line}: a JSON example without a known mark`);
  }
});

test('every kind of widget has an envelope and a results example', () => {
  const kinds = (mark) =>
    new Set(found.filter((example) => example.mark === mark).map((example) => JSON.parse(example.text).widget));
  for (const widget of envelopeSchema.properties.widget.enum) {
    assert.ok(kinds('envelope').has(widget), `no ${widget} envelope in CONTRACT.md`);
    assert.ok(kinds('results').has(widget), `no ${widget} results in CONTRACT.md`);
  }
});

for (const example of found) {
  test(`CONTRACT.md line ${example.line}: the ${example.mark} example validates`, () => {
    const body = JSON.parse(example.text);
    const validate = validators[example.mark];
    assert.ok(validate(body), ajv.errorsText(validate.errors));
    if (example.mark === 'envelope') assert.equal(answerProblem(body), undefined);
  });
}

test('the results schema refuses what a widget could not read', () => {
  const validate = validators.results;
  const poll = { widget: 'poll', widgetId: 'parks-2026', total: 1, counts: { lighting: 1 } };
  assert.ok(validate(poll));
  assert.ok(!validate({ ...poll, counts: { lighting: -1 } }), 'a negative count');
  assert.ok(!validate({ ...poll, counts: undefined }), 'a poll without counts');
  assert.ok(!validate({ ...poll, items: [] }), "another kind's field");
  assert.ok(!validate({ ...poll, widget: 'survey' }), 'an unknown kind');
  assert.ok(!validate({ ...poll, outcome: { text: { cy: 'Dim Saesneg' }, publishedAt: '2027-01-15T09:00:00.000Z' } }));
  const ranking = { widget: 'ranking', widgetId: 'r', total: 1, items: [{ id: 'a', borda: 0, meanRank: 0 }] };
  assert.ok(!validate(ranking), 'a mean rank below 1');
  assert.ok(!validators.error({ error: { code: 'invalid' } }), 'an error without its message');
  assert.ok(!validators.acknowledgement({ id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b', accepted: false }));
});
