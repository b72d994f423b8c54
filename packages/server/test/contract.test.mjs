import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { acknowledgementSchema, approvedItemsSchema, errorBodySchema, resultsSchema } from '@delib/protocol';
import { buildApp } from '../src/app.ts';
import { openStore } from '../src/config.ts';
import { postgresUrlForTests } from './fixtures/databases.mjs';
import { contractExamples } from '../../../test/fixtures/contract-examples.mjs';

/**
 * The reference endpoint speaks the contract's protocol: it takes every envelope CONTRACT.md shows, and
 * what it answers (acknowledgements, results of every kind, refusals, approved items) validates against
 * `@delib/protocol`'s schemas, the same the contract's own examples are checked against.
 */
const ajv = addFormats(new Ajv({ allErrors: true }));
const check = (schema, body) => {
  const validate = ajv.compile(schema);
  assert.ok(validate(body), `${ajv.errorsText(validate.errors)} in ${JSON.stringify(body)}`);
};
const envelopes = contractExamples()
  .filter((example) => example.mark === 'envelope')
  .map((example) => JSON.parse(example.text));

for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
  describe(`the contract's examples on ${kind}`, () => {
    let app;
    let folder;
    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'delib-contract-'));
      const store = await openStore(kind === 'sqlite' ? `file:${join(folder, 'delib.sqlite')}` : await postgresUrlForTests());
      app = await buildApp({ store, adminToken: 'contract-token', logger: false });
    });
    after(async () => {
      await app?.close();
      rmSync(folder, { recursive: true, force: true });
    });
    const post = (body) => app.inject({ method: 'POST', url: '/api/responses', payload: body });

    test('every documented envelope is stored, once, and acknowledged as documented', async () => {
      assert.ok(envelopes.length >= 5);
      for (const envelope of envelopes) {
        const first = await post(envelope);
        assert.equal(first.statusCode, 201, first.body);
        check(acknowledgementSchema, first.json());
        const again = await post(envelope);
        assert.equal(again.statusCode, 200);
        assert.deepEqual(again.json(), first.json());
      }
    });

    test('results of every kind, and those of a widget nobody answered, validate', async () => {
      for (const widgetId of new Set(envelopes.map((envelope) => envelope.widgetId))) {
        const response = await app.inject(`/api/results/${widgetId}`);
        assert.equal(response.statusCode, 200);
        check(resultsSchema, response.json());
      }
      for (const widget of resultsSchema.properties.widget.enum) {
        check(resultsSchema, (await app.inject(`/api/results/none-${randomUUID()}?widget=${widget}`)).json());
      }
    });

    test('refusals carry the error body', async () => {
      const [envelope] = envelopes;
      const refusals = [
        await post({ ...envelope, id: randomUUID(), answer: {} }),
        await post('{ not json'),
        await post({ ...envelope, id: randomUUID(), widget: 'ranking', answer: { order: ['a'] } }),
        await app.inject(`/api/results/${encodeURIComponent('a b')}`),
      ];
      for (const refusal of refusals) {
        assert.ok(refusal.statusCode >= 400 && refusal.statusCode < 500, `${refusal.statusCode}`);
        check(errorBodySchema, refusal.json());
      }
    });

    test('approved items validate', async () => {
      const suggestion = envelopes.find((envelope) => envelope.answer.suggestion);
      const [pending] = (
        await app.inject({ url: '/api/admin/moderation?status=pending', headers: { authorization: 'Bearer contract-token' } })
      ).json().items;
      assert.equal(pending.id, suggestion.id);
      const decided = await app.inject({
        method: 'POST',
        url: `/api/admin/moderation/${pending.id}`,
        headers: { authorization: 'Bearer contract-token' },
        payload: { decision: 'approve' },
      });
      assert.equal(decided.statusCode, 200, decided.body);
      const items = (await app.inject(`/api/items/${suggestion.widgetId}`)).json();
      assert.equal(items.items.length, 1);
      check(approvedItemsSchema, items);
      check(resultsSchema, (await app.inject(`/api/results/${suggestion.widgetId}`)).json());
    });
  });
}
