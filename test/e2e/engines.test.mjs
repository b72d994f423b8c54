/**
 * The engine driver itself (`engines.mjs`, `webkit.mjs`), in each engine: what the other end-to-end
 * tests rely on must be able to fail. Errors on the page are reported, key presses reach controls in
 * shadow roots, and a role or name that is not what the engine computes is told apart.
 *
 * @engines chromium firefox webkit
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { accessibleName, engine, findByRole, focused, liveRegion } from './engines.mjs';
import { open, page, site } from './pages.mjs';

let browser;
let s;
before(async () => {
  browser = await launch();
  const shadowForm = `<script>
    customElements.define('test-form', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = \`
          <fieldset><legend>Your details</legend>
            <label>Name <input id="name"></label>
            <label><input type="checkbox" id="agree"> I agree</label>
          </fieldset>
          <div role="status" style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%)">
            <span>Nothing sent yet</span><span hidden>Not read</span>
          </div>
          <div id="plain" tabindex="-1"><p>Saved</p></div>
          <button id="send" aria-label="Send your details">Send</button>\`;
        this.shadowRoot.getElementById('send').addEventListener('click', () => {
          this.shadowRoot.querySelector('[role=status] span').textContent = 'Sent, ' + this.shadowRoot.getElementById('name').value;
        });
      }
    });
  </script>`;
  s = await site({
    'errors.html': page({
      bundles: [],
      body: `<script>console.error('logged while loading'); throw new Error('thrown while loading');</script>
        <button id="later">Break</button>
        <script>document.getElementById('later').addEventListener('click', () => Promise.reject(new Error('rejected on click')));</script>`,
    }),
    'form.html': page({ bundles: [], body: `${shadowForm}<test-form></test-form>` }),
  });
});
after(async () => {
  await browser?.close();
  await s?.close();
});

test('errors and console errors, while loading and later, reach page.problems', async () => {
  const p = await open(browser, `${s.url}/errors.html`, { tag: null });
  await (await p.waitForSelector('#later')).click();
  await p.waitForFunction(() => true);
  const until = Date.now() + 5_000;
  while (p.problems.length < 3 && Date.now() < until) await p.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  const problems = p.problems.join('\n');
  assert.match(problems, /logged while loading/);
  assert.match(problems, /thrown while loading/);
  assert.match(problems, /rejected on click/);
  await p.close();
});

test('key presses reach controls in a shadow root: Tab, typing, Space, Enter', async () => {
  const p = await open(browser, `${s.url}/form.html`, { tag: 'test-form' });
  await p.keyboard.press('Tab');
  await p.keyboard.type('Ann');
  await p.keyboard.press('Tab');
  await p.keyboard.press('Space');
  await p.keyboard.press('Tab');
  await p.keyboard.press('Enter');
  const state = await p.evaluate(() => {
    const root = document.querySelector('test-form').shadowRoot;
    return { name: root.getElementById('name').value, agree: root.getElementById('agree').checked };
  });
  assert.deepEqual(state, { name: 'Ann', agree: true });
  // Visually hidden, as widgets keep some news for screen readers only, and read all the same.
  assert.equal(await liveRegion(p), 'Sent, Ann');
  await p.close();
});

test('role and name come from the engine, and a wrong role or name is told apart', async () => {
  const p = await open(browser, `${s.url}/form.html`, { tag: 'test-form' });
  await p.keyboard.press('Tab');
  assert.deepEqual(await focused(p, { role: 'textbox', name: 'Name' }), { role: 'textbox', name: 'Name' });
  assert.notDeepEqual(await focused(p, { role: 'textbox', name: 'Surname' }), { role: 'textbox', name: 'Surname' });
  assert.notDeepEqual(await focused(p, { role: 'button', name: 'Name' }), { role: 'button', name: 'Name' });

  await p.keyboard.press('Tab');
  assert.deepEqual(await focused(p, { role: 'checkbox', name: 'I agree' }, ['checked']), {
    role: 'checkbox',
    name: 'I agree',
    checked: false,
  });
  await p.keyboard.press('Space');
  assert.deepEqual(await focused(p, { role: 'checkbox', name: 'I agree' }, ['checked']), {
    role: 'checkbox',
    name: 'I agree',
    checked: true,
  });

  // aria-label wins over the content, in every engine.
  const send = await findByRole(p, 'button', 'Send your details');
  assert.equal(await accessibleName(p, send, 'button'), 'Send your details');
  await assert.rejects(findByRole(p, 'button', 'Send', { timeout: 300 }));
  assert.ok(await findByRole(p, 'group', 'Your details'));

  // A focusable element with no role of its own has no name in the standard (ARIA: generic, name
  // prohibited). Chromium makes one of its content; Firefox and WebKit do not.
  await p.evaluate(() => document.querySelector('test-form').shadowRoot.getElementById('plain').focus());
  const plain = await focused(p, { role: 'generic', name: 'Saved' });
  if (engine === 'chromium') assert.deepEqual(plain, { role: 'generic', name: 'Saved' });
  else assert.notDeepEqual(plain, { role: 'generic', name: 'Saved' });
  await p.close();
});
