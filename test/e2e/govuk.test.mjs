/**
 * delib's GOV.UK theme beside real GOV.UK Frontend (`govuk-page.mjs`): the radios, checkboxes, button,
 * hint, error message and error summary must be drawn as GOV.UK Frontend draws them — the same sizes,
 * borders, colours and focus state, read from both sides' computed styles, and the controls the same
 * pixels. What still differs, and why, is listed in docs/govuk.md.
 *
 * @engines chromium firefox
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch } from './browser.mjs';
import { matchStates, serveComparison } from './govuk-page.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site;
let browser;
before(async () => {
  site = await serveComparison();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens the page at `width`, with the polls in the states the GOV.UK side shows. */
async function open(width) {
  const page = await browser.newPage();
  // Tall enough to hold the whole page: nothing scrolls, so what is measured is where it is photographed.
  await page.setViewport({ width, height: 3400 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(site.url, { waitUntil: 'load' });
  await matchStates(page);
  return { page, problems };
}

/**
 * The share of pixels (0–1) that differ by more than `tolerance` in a channel between two areas of the
 * page, each `{ x, y, width, height }` in CSS pixels. Both are photographed and compared in the page.
 */
async function difference(page, one, other, tolerance = 48) {
  return compare(page, await photo(page, one), await photo(page, other), tolerance);
}

const photo = (page, clip) => page.screenshot({ clip, encoding: 'base64' });

/** The share of pixels (0–1) that differ by more than `tolerance` in a channel between two photos. */
async function compare(page, first, second, tolerance = 48) {
  return page.evaluate(
    async ([first, second, tolerance]) => {
      const pixels = async (data) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [a, b] = await Promise.all([pixels(first), pixels(second)]);
      let different = 0;
      for (let index = 0; index < a.length; index += 4) {
        if ([0, 1, 2].some((channel) => Math.abs(a[index + channel] - b[index + channel]) > tolerance)) different++;
      }
      return different / (a.length / 4);
    },
    [first, second, tolerance],
  );
}

/** The drawn control of GOV.UK's item `index` in section `section` and of the poll, with their styles. */
async function controls(page, section, index, { ring = 0 } = {}) {
  return page.evaluate(
    ([section, index, ring]) => {
      const pick = (style) => ({
        width: style.width,
        height: style.height,
        borderWidth: style.borderTopWidth,
        borderColor: style.borderTopColor,
        borderRadius: style.borderTopLeftRadius,
        boxShadow: style.boxShadow === 'none' ? 'none' : style.boxShadow.replace(/\s+/g, ' '),
      });
      const box = (rect) => ({
        x: rect.x - ring,
        y: rect.y - ring,
        width: rect.width + 2 * ring,
        height: rect.height + 2 * ring,
      });
      const sections = document.querySelectorAll('section.pair');
      const item = sections[section].querySelectorAll('[class$="__item"]')[index];
      const itemRect = item.getBoundingClientRect();
      // GOV.UK draws the control as the label's ::before, 2px in from the item's corner.
      const govuk = pick(getComputedStyle(item.querySelector('label'), '::before'));
      const input = sections[section].querySelector('delib-poll').shadowRoot.querySelectorAll('input')[index];
      const ours = getComputedStyle(input);
      return {
        govuk: { style: govuk, clip: box({ x: itemRect.x + 2, y: itemRect.y + 2, width: 40, height: 40 }) },
        delib: { style: pick(ours), clip: box(input.getBoundingClientRect()) },
      };
    },
    [section, index, ring],
  );
}

/** Computed styles of a GOV.UK element (a selector in section `section`) and of a poll's inner element. */
async function styles(page, section, govukSelector, delibSelector, properties, pseudo = null) {
  return page.evaluate(
    ([section, govukSelector, delibSelector, properties, pseudo]) => {
      const area = document.querySelectorAll('section.pair')[section];
      const read = (element) => {
        const style = getComputedStyle(element, pseudo);
        return Object.fromEntries(
          properties.map((property) => [property, style.getPropertyValue(property).replace(/\s+/g, ' ')]),
        );
      };
      return {
        govuk: read(area.querySelector(govukSelector)),
        delib: read(area.querySelector('delib-poll').shadowRoot.querySelector(delibSelector)),
      };
    },
    [section, govukSelector, delibSelector, properties, pseudo],
  );
}

/** Focuses, by keyboard, what comes after `selector` (in the poll when `inPoll`), in section `section`. */
async function tabFrom(page, section, selector, inPoll) {
  await page.evaluate(
    ([section, selector, inPoll]) => {
      const area = document.querySelectorAll('section.pair')[section];
      (inPoll ? area.querySelector('delib-poll').shadowRoot : area).querySelector(selector).focus();
    },
    [section, selector, inPoll],
  );
  await page.keyboard.press('Tab');
}

/** A computed colour, rgb() or color(srgb …), as 0–255 channels. */
function channels(colour) {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(colour);
  if (srgb) return srgb.slice(1, 4).map((value) => Number(value) * 255);
  return colour
    .match(/[\d.]+/g)
    .slice(0, 3)
    .map(Number);
}

const sameStyles = (found, what) =>
  assert.deepEqual(
    found.delib,
    found.govuk,
    `${what}: delib ${JSON.stringify(found.delib)}, GOV.UK ${JSON.stringify(found.govuk)}`,
  );

describe('the GOV.UK theme beside GOV.UK Frontend', () => {
  for (const width of [375, 1024]) {
    test(`${width} px: radios and checkboxes are 40px with 2px borders in the text colour, chosen and not, and look the same`, async () => {
      const { page, problems } = await open(width);
      try {
        for (const [section, kind] of [
          [0, 'radio'],
          [1, 'checkbox'],
        ]) {
          for (const index of [0, 1]) {
            const found = await controls(page, section, index);
            sameStyles({ govuk: found.govuk.style, delib: found.delib.style }, `${kind} ${index}`);
            const share = await difference(page, found.govuk.clip, found.delib.clip);
            assert.ok(
              share < 0.03,
              `${kind} ${index} (${index ? 'chosen' : 'not chosen'}): ${(share * 100).toFixed(1)}% of its pixels differ`,
            );
          }
        }
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  test('focused by keyboard, a radio and a checkbox get GOV.UK’s 4px border and yellow ring', async () => {
    const { page } = await open(1024);
    try {
      for (const [section, kind] of [
        [0, 'radio'],
        [1, 'checkbox'],
      ]) {
        const before = await controls(page, section, 1, { ring: 6 });
        await page.evaluate(
          (section) => document.querySelectorAll('section.pair')[section].querySelectorAll('input')[1].focus(),
          section,
        );
        const govukFocused = await controls(page, section, 1, { ring: 6 });
        const govukPhoto = await photo(page, govukFocused.govuk.clip);
        // By keyboard from GOV.UK's button, the last thing on its side: Tab reaches the chosen radio (the
        // second), or the first checkbox and then the second.
        await tabFrom(page, section, '.govuk-button', false);
        if (kind === 'checkbox') await page.keyboard.press('Tab');
        const delibFocused = await controls(page, section, 1, { ring: 6 });
        assert.equal(govukFocused.govuk.style.borderWidth, '4px');
        sameStyles({ govuk: govukFocused.govuk.style, delib: delibFocused.delib.style }, `focused ${kind}`);
        assert.notDeepEqual(before.govuk.style, govukFocused.govuk.style, 'the GOV.UK control changed when focused');
        const share = await compare(page, govukPhoto, await photo(page, delibFocused.delib.clip));
        assert.ok(share < 0.05, `focused ${kind}: ${(share * 100).toFixed(1)}% of its pixels differ`);
      }
    } finally {
      await page.close();
    }
  });

  test('the button: GOV.UK’s green, edge, padding and type; yellow with a dark edge when focused by keyboard', async () => {
    const { page } = await open(1024);
    const properties = [
      'color',
      'background-color',
      'box-shadow',
      'border-top-width',
      'border-radius',
      'padding-top',
      'padding-left',
      'padding-bottom',
      'font-size',
      'font-weight',
      'line-height',
    ];
    try {
      sameStyles(await styles(page, 0, '.govuk-button', '[part~=submit]', properties), 'button');
      await page.hover('.govuk-button');
      const govukHover = await styles(page, 0, '.govuk-button', '[part~=submit]', ['background-color']);
      const box = await page.evaluate(() => {
        const rect = document.querySelector('delib-poll').shadowRoot.querySelector('[part~=submit]').getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      });
      await page.mouse.move(box.x, box.y);
      const delibHover = await styles(page, 0, '.govuk-button', '[part~=submit]', ['background-color']);
      // The theme darkens whatever --delib-button-background is by a quarter (color-mix), GOV.UK names its shade.
      const [ours, theirs] = [delibHover.delib, govukHover.govuk].map((style) => channels(style['background-color']));
      assert.ok(
        ours.every((value, index) => Math.abs(value - theirs[index]) <= 1.5),
        `hover: delib ${ours}, GOV.UK ${theirs}`,
      );
      await page.mouse.move(0, 0);
      const focusProperties = ['color', 'background-color', 'box-shadow', 'border-top-color'];
      await tabFrom(page, 0, '.govuk-radios__input:checked', false);
      const govuk = await styles(page, 0, '.govuk-button', '[part~=submit]', focusProperties);
      await tabFrom(page, 0, 'input:checked', true);
      const delib = await styles(page, 0, '.govuk-button', '[part~=submit]', focusProperties);
      sameStyles({ govuk: govuk.govuk, delib: delib.delib }, 'focused button');
    } finally {
      await page.close();
    }
  });

  test('hint, error message, error group and error summary as GOV.UK’s', async () => {
    const { page } = await open(1024);
    try {
      sameStyles(await styles(page, 1, '.govuk-fieldset .govuk-hint', '.hint', ['color', 'font-size', 'font-weight']), 'hint');
      sameStyles(await styles(page, 0, '.govuk-radios__hint', '.choice small', ['color', 'font-size']), 'option hint');
      sameStyles(await styles(page, 0, '.govuk-fieldset__legend', 'legend', ['color', 'font-size', 'font-weight']), 'question');
      sameStyles(
        await styles(page, 2, '.govuk-error-message', 'fieldset .error', ['color', 'font-weight', 'font-size']),
        'error message',
      );
      sameStyles(
        await styles(page, 2, '.govuk-form-group--error', 'fieldset.invalid', [
          'border-left-width',
          'border-left-color',
          'padding-left',
        ]),
        'error group',
      );
      sameStyles(
        await styles(page, 2, '.govuk-error-summary', '.summary', [
          'border-top-width',
          'border-top-color',
          'border-top-style',
          'color',
        ]),
        'error summary',
      );
      sameStyles(
        await styles(page, 2, '.govuk-error-summary__title', '.summary > .error', ['color', 'font-size', 'font-weight']),
        'summary title',
      );
      sameStyles(
        await styles(page, 2, '.govuk-error-summary__list a', '.summary a', ['color', 'font-weight', 'text-decoration-line']),
        'summary link',
      );
    } finally {
      await page.close();
    }
  });

  test('the comparison page passes axe (WCAG 2.2 A and AA), both sides', async () => {
    const { page } = await open(375);
    try {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const { violations } = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      });
      assert.deepEqual(violations, []);
    } finally {
      await page.close();
    }
  });
});
