import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormProblem, readForm, withRefusal, withoutRefusal } from '../src/index.ts';

/** The plain form's fields (CONTRACT.md section 10), read as each widget's answer. */
const read = (fields) => readForm(new URLSearchParams(fields));

test('a poll: repeated choices, and "other" only when written', () => {
  assert.deepEqual(
    read([
      ['widget', 'poll'],
      ['widgetId', 'p'],
      ['choices', 'a'],
      ['choices', 'other'],
      ['other', ' Benches '],
    ]),
    {
      widget: 'poll',
      widgetId: 'p',
      locale: 'en',
      answer: { choices: ['a', 'other'], other: 'Benches' },
    },
  );
  assert.deepEqual(
    read([
      ['widget', 'poll'],
      ['widgetId', 'p'],
      ['locale', 'gd'],
      ['other', '  '],
    ]).answer,
    { choices: [] },
  );
});

test('a ranking: by number, 1 first, blanks left out; ties and words refused', () => {
  const fields = [
    ['widget', 'ranking'],
    ['widgetId', 'r'],
    ['rank.roads', '3'],
    ['rank.parks', ''],
    ['rank.libraries', ' 1 '],
    ['rank.bins', '2'],
  ];
  assert.deepEqual(read(fields).answer, { order: ['libraries', 'bins', 'roads'] });
  assert.throws(
    () =>
      read([
        ['widget', 'ranking'],
        ['widgetId', 'r'],
        ['rank.a', '2'],
        ['rank.b', '2'],
      ]),
    (error) => error instanceof FormProblem && error.field === 'rank.b',
  );
  assert.throws(
    () =>
      read([
        ['widget', 'ranking'],
        ['widgetId', 'r'],
        ['rank.a', '0'],
      ]),
    FormProblem,
  );
  assert.throws(
    () =>
      read([
        ['widget', 'ranking'],
        ['widgetId', 'r'],
        ['rank.a', '1.5'],
      ]),
    FormProblem,
  );
});

test('a budget: whole amounts, blanks left out', () => {
  assert.deepEqual(
    read([
      ['widget', 'budget'],
      ['widgetId', 'b'],
      ['allocation.trees', '3000'],
      ['allocation.crossing', ''],
    ]).answer,
    {
      allocation: { trees: 3000 },
    },
  );
  assert.throws(
    () =>
      read([
        ['widget', 'budget'],
        ['widgetId', 'b'],
        ['allocation.trees', '1e3'],
      ]),
    FormProblem,
  );
});

test('needs and assets: details by category; contact details only with consent', () => {
  const fields = [
    ['widget', 'needs-assets'],
    ['widgetId', 'n'],
    ['needs', 'food'],
    ['needs', 'company'],
    ['detail.food', 'A lunch club'],
    ['assets', 'time'],
    ['area', 'Penrhos'],
    ['contact.name', 'Sam'],
    ['contact.email', 'sam@example.org'],
    ['contact.role', 'ignored'],
  ];
  const withoutConsent = read(fields).answer;
  assert.deepEqual(withoutConsent, {
    needs: [{ category: 'food', detail: 'A lunch club' }, { category: 'company' }],
    assets: [{ category: 'time' }],
    area: 'Penrhos',
  });
  assert.deepEqual(read([...fields, ['consent', 'yes']]).answer.contact, { name: 'Sam', email: 'sam@example.org' });
});

test('needs and assets: a detail named for its side wins, so "Something else" can be asked on both sides', () => {
  const answer = read([
    ['widget', 'needs-assets'],
    ['widgetId', 'n'],
    ['needs', 'other'],
    ['detail.needs.other', 'A bus on Sundays'],
    ['assets', 'other'],
    ['detail.assets.other', 'A van'],
    ['assets', 'time'],
    ['detail.time', 'Saturdays'],
  ]).answer;
  assert.deepEqual(answer, {
    needs: [{ category: 'other', detail: 'A bus on Sundays' }],
    assets: [
      { category: 'other', detail: 'A van' },
      { category: 'time', detail: 'Saturdays' },
    ],
  });
});

test('a form no widget could post is refused: no kind, an unknown kind, no id, pairwise, too many fields', () => {
  for (const fields of [
    [['widgetId', 'x']],
    [
      ['widget', 'constructor'],
      ['widgetId', 'x'],
    ],
    [['widget', 'poll']],
    [
      ['widget', 'pairwise'],
      ['widgetId', 'x'],
    ],
    [['widget', 'poll'], ['widgetId', 'x'], ...Array.from({ length: 500 }, () => ['choices', 'a'])],
  ]) {
    assert.throws(() => read(fields), FormProblem, JSON.stringify(fields).slice(0, 80));
  }
});

test("a refusal goes into and out of a page's query as written: a page that routes by its query stays that page", () => {
  assert.equal(withRefusal('', 'parks 2026', 'invalid'), '?delib-refused=parks%202026&delib-reason=invalid');
  assert.equal(
    withRefusal('?/consult/parks&a=b%20c&flag', 'w', 'closed'),
    '?/consult/parks&a=b%20c&flag&delib-refused=w&delib-reason=closed',
  );
  // An earlier refusal's parameters are replaced, not repeated.
  assert.equal(
    withRefusal('?x=1&delib-refused=old&delib-reason=invalid', 'w', 'closed'),
    '?x=1&delib-refused=w&delib-reason=closed',
  );
  assert.equal(withoutRefusal('?delib-refused=w&delib-reason=invalid'), '');
  assert.equal(
    withoutRefusal('?/consult/parks&delib-refused=w&a=b%20c&delib-reason=invalid&flag'),
    '?/consult/parks&a=b%20c&flag',
  );
  assert.equal(withoutRefusal('?not-delib-refused=1'), '?not-delib-refused=1');
});
