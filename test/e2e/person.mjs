/**
 * A person at a page, as the end-to-end tests see one: they press keys and hear what a screen reader
 * says (the live region, the role and name of what has focus, from the engine itself: engines.mjs),
 * or tap and click controls found by role and name. `person(page, 'keyboard' | 'touch' | 'mouse')`.
 */
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { findByRole, focused, liveRegion } from './engines.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Waits until `read()` gives `expected` (deep equality), then asserts it, so a failure shows the last value. */
export async function until(read, expected, message, timeout = 5_000) {
  const end = Date.now() + timeout;
  let value = await read();
  while (!isDeepStrictEqual(value, expected) && Date.now() < end) {
    await sleep(40);
    value = await read();
  }
  assert.deepEqual(value, expected, message);
}

/**
 * What a walk-through uses: key presses and screen-reader checks, taps or clicks on controls found
 * by role and name, drags.
 */
export function person(p, mode = 'keyboard') {
  const find = (role, name) => findByRole(p, role, name);
  const centre = async (handle) => {
    await handle.scrollIntoView();
    const box = await handle.boundingBox();
    assert.ok(box, 'the control is on screen');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
  };
  return {
    page: p,
    find,
    centre,
    /** Presses `key` `times` times, as real key events. */
    async press(key, times = 1) {
      for (let index = 0; index < times; index++) await p.keyboard.press(key);
    },
    async type(text) {
      await p.keyboard.type(text);
    },
    /** The live region says exactly `text` (waiting for it to settle). */
    hears: (text) => until(() => liveRegion(p), text, 'what the live region says'),
    /**
     * Focus is on the control with this role and accessible name, what a screen reader says on
     * focus, and `states` such as `{ checked: true }`.
     */
    focusIs: (role, name, states = {}) =>
      until(() => focused(p, { role, name }, Object.keys(states)), { role, name, ...states }, 'what has focus'),
    /** Tabs forward until the control with this role and name has focus (failing after 30 presses). */
    tabTo: (role, name) => tabUntil(p, 'Tab', role, name),
    /** The same with Shift+Tab, backwards. */
    tabBackTo: (role, name) => tabUntil(p, 'Shift+Tab', role, name),
    /** Taps (touch) or clicks (mouse) the centre of the control with this role and name. */
    async hit(role, name) {
      assert.notEqual(mode, 'keyboard', 'the keyboard walk-throughs use no pointer');
      const { x, y } = await centre(await find(role, name));
      if (mode === 'touch') await p.touchscreen.tap(x, y);
      else await p.mouse.click(x, y);
    },
    /**
     * Presses at `from`, moves to `to` in `steps` moves, and lets go while still moving, as a quick
     * finger does: a finger or the mouse.
     */
    async drag(from, to, steps = 8) {
      assert.notEqual(mode, 'keyboard', 'the keyboard walk-throughs use no pointer');
      const at = (step) => [from.x + ((to.x - from.x) * step) / steps, from.y + ((to.y - from.y) * step) / steps];
      if (mode === 'touch') {
        await p.touchscreen.touchStart(from.x, from.y);
        for (let step = 1; step <= steps; step++) await p.touchscreen.touchMove(...at(step));
        await p.touchscreen.touchEnd();
      } else {
        await p.mouse.move(from.x, from.y);
        await p.mouse.down();
        for (let step = 1; step <= steps; step++) await p.mouse.move(...at(step));
        await p.mouse.up();
      }
    },
  };
}

/**
 * Presses Tab (or Shift+Tab) until the control with this role and name has focus. Fails when focus
 * leaves the page for the browser's own controls: past there, key presses no longer act in the page
 * in every engine (Firefox delivers them but clicks nothing).
 */
async function tabUntil(p, key, role, name) {
  for (let presses = 0; presses < 30; presses++) {
    if (key === 'Shift+Tab') await p.keyboard.down('Shift');
    await p.keyboard.press('Tab');
    if (key === 'Shift+Tab') await p.keyboard.up('Shift');
    const node = await focused(p, { role, name });
    if (node?.role === role && node.name === name) return;
    if (!(await p.evaluate(() => document.hasFocus()))) assert.fail(`${key} left the page before reaching the ${role} "${name}"`);
  }
  assert.fail(`${key} never reached the ${role} "${name}"`);
}
