/**
 * The colour pairings of every theme file meet WCAG 2.2 AA: 4.5:1 for text, 3:1 for the edges of
 * controls, the focus ring and other shapes that carry meaning. Axe (stories-axe.test.mjs) checks the
 * text it can see rendered; this checks the tokens themselves, including the ones axe cannot judge
 * (borders, focus ring, bars) and states no story happens to show.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const themes = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'core', 'themes');

/** WCAG relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex) {
  const digits = hex.slice(1).length === 3 ? [...hex.slice(1)].map((digit) => digit + digit).join('') : hex.slice(1);
  const [red, green, blue] = [0, 2, 4].map((start) => {
    const channel = parseInt(digits.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(one, other) {
  const [lighter, darker] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

/** [foreground token, background token, minimum ratio, what it is] */
const pairings = [
  ['text', 'background', 4.5, 'text'],
  ['muted', 'background', 4.5, 'hints, descriptions and notes'],
  ['error', 'background', 4.5, 'error messages and the error summary'],
  ['accent', 'background', 4.5, 'secondary button text; checked radios and checkboxes'],
  ['accent-text', 'accent', 4.5, 'button text'],
  ['text', 'input', 4.5, 'text typed in a text box'],
  ['border', 'background', 3, 'text box border against the page'],
  ['border', 'input', 3, 'text box border against its inside'],
  ['focus', 'background', 3, 'focus ring'],
  ['success', 'background', 3, 'status message border'],
  ['bar', 'track', 3, 'result bar against its track'],
];

const tokenName = (name) => (name === 'focus' ? '--delib-focus-color' : `--delib-color-${name}`);

for (const file of readdirSync(themes).filter((name) => name.endsWith('.css'))) {
  test(`${file}: colour pairings meet WCAG 2.2 AA`, () => {
    const css = readFileSync(join(themes, file), 'utf8');
    const rootBlock = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    const tokens = Object.fromEntries(
      [...rootBlock.matchAll(/(--delib-[\w-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => [name, value.trim()]),
    );
    const failures = [];
    for (const [foreground, background, minimum, what] of pairings) {
      const one = tokens[tokenName(foreground)];
      const other = tokens[tokenName(background)];
      assert.match(one ?? '', /^#[0-9a-f]{3}([0-9a-f]{3})?$/i, `${file} sets ${tokenName(foreground)} to a hex colour`);
      assert.match(other ?? '', /^#[0-9a-f]{3}([0-9a-f]{3})?$/i, `${file} sets ${tokenName(background)} to a hex colour`);
      const ratio = contrast(one, other);
      if (ratio < minimum)
        failures.push(`${what}: ${foreground} ${one} on ${background} ${other} is ${ratio.toFixed(2)}:1, needs ${minimum}:1`);
    }
    // A theme that gives buttons a colour of their own (GOV.UK's green): their text on it.
    const button = tokens['--delib-button-background'];
    if (button) {
      const text = tokens['--delib-button-text'] ?? tokens['--delib-color-accent-text'];
      const ratio = contrast(text, button);
      if (ratio < 4.5) failures.push(`button text ${text} on --delib-button-background ${button} is ${ratio.toFixed(2)}:1, needs 4.5:1`);
      assert.match(button, /^#[0-9a-f]{6}$/i, `${file} sets --delib-button-background to a hex colour`);
    }
    assert.deepEqual(failures, []);
  });
}
