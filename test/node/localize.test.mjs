/**
 * The Translator where the JavaScript engine has Welsh and Gaelic data (Node's full ICU, as in Firefox):
 * lists and dates must read exactly as they do in Chromium, which has none and uses the catalogues
 * (packages/core/test/localize.test.ts checks the same strings there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Translator } from '../../packages/core/src/localize.ts';
import { common as english } from '../../packages/core/src/messages.ts';
import cy from '../../packages/core/src/messages.cy.ts';
import gd from '../../packages/core/src/messages.gd.ts';

// The common messages with their language packs in place, as a widget has them once they have loaded.
const common = { en: english.en, cy, gd };

test('this engine has Welsh and Gaelic list and date data', () => {
  assert.deepEqual(Intl.ListFormat.supportedLocalesOf(['cy', 'gd']), ['cy', 'gd']);
  assert.deepEqual(Intl.DateTimeFormat.supportedLocalesOf(['cy', 'gd']), ['cy', 'gd']);
});

test('lists read as in a browser without the data: "a" or "ac" in Welsh, "agus" in Gaelic, no comma before them', () => {
  const items = ['Parc', 'Llyfrgell', 'Ysgol'];
  assert.equal(new Translator(common, 'cy').list(items), 'Parc, Llyfrgell ac Ysgol');
  assert.equal(new Translator(common, 'cy-GB').list(['Ysgol', 'Parc']), 'Ysgol a Parc');
  assert.equal(new Translator(common, 'gd').list(items), 'Parc, Llyfrgell agus Ysgol');
  assert.equal(new Translator(common, 'en').list(items), 'Parc, Llyfrgell and Ysgol');
});

test('dates from the data read as the catalogue fallbacks do', () => {
  const date = new Date(2027, 0, 31, 23, 59);
  assert.equal(new Translator(common, 'cy').date(date), '31 Ionawr 2027 am 23:59');
  assert.equal(new Translator(common, 'gd').date(date), '31mh dhen Fhaoilleach 2027 aig 23:59');
});
