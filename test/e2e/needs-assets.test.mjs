/**
 * `<delib-needs-assets>` from the built `dist/delib-needs-assets.min.js`, posting to the real
 * reference endpoint, driven the way a resident with a screen reader and a keyboard does it:
 * controls found only by role and name in Chromium's accessibility tree, keyboard only, what the
 * live region says read back, a reload halfway through, and every byte that leaves the browser
 * checked for contact details given without consent. Needs `npm run build`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../packages/server/src/cli.ts';
import { launch } from './browser.mjs';
import { dist, requireBuild } from './pages.mjs';
import { serve } from './static-server.mjs';

const adminToken = 'needs-assets-test-token';
const folder = mkdtempSync(join(tmpdir(), 'delib-needs-assets-'));
let server;
let site;
let browser;

const page = (widgetId, lang = 'en') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Our neighbourhood</title>
<script type="module" src="/delib-needs-assets.min.js"></script></head>
<body><main><h1>Our neighbourhood</h1>
<delib-needs-assets widget-id="${widgetId}" endpoint="${server.url}/api" privacy-url="/privacy.html">
  <optgroup label="needs">
    <option value="food">Food</option>
    <option value="safety">Feeling safe</option>
  </optgroup>
</delib-needs-assets></main></body></html>`;

before(async () => {
  requireBuild();
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `file:${join(folder, 'test.sqlite')}`,
    adminToken,
    logger: false,
  });
  for (const id of ['walk', 'consent', 'cy'])
    writeFileSync(join(folder, `${id}.html`), page(`na-${id}`, id === 'cy' ? 'cy' : 'en'));
  site = await serve([folder, dist]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const stored = async (widgetId) => {
  const response = await fetch(`${server.url}/api/export/${widgetId}?format=json`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  return response.status === 404 ? [] : response.json();
};

/** Opens a page and records every request body that leaves it. */
async function open(path) {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 800, height: 900 });
  const sent = [];
  const problems = [];
  tab.on('request', (request) => sent.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
  tab.on('pageerror', (error) => problems.push(error.message));
  await tab.goto(`${site.url}/${path}`, { waitUntil: 'networkidle0' });
  await tab.waitForFunction(() => document.querySelector('delib-needs-assets')?.shadowRoot?.querySelector('h2'));
  return { tab, sent, problems };
}

/** The element a screen reader is on: its role and name, from the accessibility tree. */
async function focused(tab) {
  const snapshot = await tab.accessibility.snapshot({ interestingOnly: false });
  const find = (node) => (node.focused ? node : (node.children ?? []).map(find).find(Boolean));
  const node = find(snapshot);
  return node && { role: node.role, name: node.name };
}

/** What the polite live region says now. */
const heard = (tab) =>
  tab.evaluate(() =>
    document
      .querySelector('delib-needs-assets')
      .shadowRoot.querySelector('[role=status]')
      .textContent.replace(/\s+/g, ' ')
      .trim(),
  );

/** Tabs forward until the focused control has this role and name, as a keyboard user does. */
async function tabTo(tab, role, name, limit = 40) {
  for (let step = 0; step < limit; step++) {
    const now = await focused(tab);
    if (now?.role === role && now?.name === name) return;
    await tab.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${role} "${name}"`);
}

async function press(tab, role, name, key = 'Space') {
  await tabTo(tab, role, name);
  await tab.keyboard.press(key);
}

async function type(tab, name, text) {
  await tabTo(tab, 'textbox', name);
  await tab.keyboard.type(text);
}

/** Moves on with the Continue button, then waits for the next heading to take focus. */
async function next(tab, heading, button = 'Continue') {
  await press(tab, 'button', button, 'Enter');
  try {
    await tab.waitForFunction(
      (heading) => document.querySelector('delib-needs-assets').shadowRoot.activeElement?.textContent.includes(heading),
      { timeout: 3000 },
      heading,
    );
  } catch {
    const state = await tab.evaluate(() => {
      const root = document.querySelector('delib-needs-assets').shadowRoot;
      return `${root.querySelector('h2').textContent.replace(/\s+/g, ' ').trim()}; focus on ${root.activeElement?.outerHTML.slice(0, 120)}`;
    });
    assert.fail(`"${heading}" did not take focus: ${state}`);
  }
}

describe('<delib-needs-assets> with a screen reader and a keyboard, against the reference endpoint', () => {
  test('a resident completes it by keyboard, hears each step, survives a reload, and it is stored once as the contract says', async () => {
    const { tab, sent, problems } = await open('walk.html');
    // The heading of the first step can be reached and names the group.
    assert.ok(await tab.$('::-p-aria([name="Feeling safe"][role="checkbox"])'), 'page categories become checkboxes');
    await press(tab, 'checkbox', 'Food');
    await type(tab, 'Tell us more about Food (optional)', 'A community fridge');
    await press(tab, 'checkbox', 'Something else');
    await type(tab, 'What else does your community need?', 'Benches by the bus stop');
    await next(tab, 'What can you offer?');
    assert.deepEqual(await focused(tab), { role: 'heading', name: 'Step 2 of 4 What can you offer?' });
    assert.equal(await heard(tab), 'Step 2 of 4: What can you offer?');
    await press(tab, 'checkbox', 'Time');

    // A reload in the middle keeps every tick and word, and the step.
    await tab.reload({ waitUntil: 'networkidle0' });
    await tab.waitForFunction(() => document.querySelector('delib-needs-assets')?.shadowRoot?.querySelector('h2'));
    const kept = await tab.evaluate(() => {
      const root = document.querySelector('delib-needs-assets').shadowRoot;
      return {
        heading: root.querySelector('h2').textContent.replace(/\s+/g, ' ').trim(),
        ticked: root.querySelector('input:checked')?.id,
      };
    });
    assert.equal(kept.heading, 'Step 2 of 4 What can you offer?');
    assert.ok(kept.ticked, '"Time" is still ticked');
    await tab.keyboard.press('Tab');
    await next(tab, 'Where is your community?');
    await type(tab, 'Neighbourhood, street or postcode (optional)', 'ZZ9 9ZZZ');
    await press(tab, 'button', 'Continue', 'Enter');
    await tab.waitForFunction(() =>
      document.querySelector('delib-needs-assets').shadowRoot.activeElement?.matches('[part=error-summary]'),
    );
    // Errors the GOV.UK way: the summary takes focus and its link leads to the field.
    assert.equal((await focused(tab))?.role, 'group');
    const summary = await tab.$(
      '::-p-aria([name="Enter a full postcode, like SW1A 1AA, or the name of your area"][role="link"])',
    );
    assert.ok(summary, 'the summary links to the problem');
    await summary.click();
    assert.deepEqual(await focused(tab), { role: 'textbox', name: 'Neighbourhood, street or postcode (optional)' });
    await tab.keyboard.down('Control');
    await tab.keyboard.press('a');
    await tab.keyboard.up('Control');
    await tab.keyboard.type('Mill Street');
    await next(tab, 'Can we contact you?');
    await next(tab, 'Check your answers before sending');

    // "Change" goes back to the step, and Continue returns to the check page.
    await press(tab, 'link', 'Change What you can offer', 'Enter');
    await tab.waitForFunction(() =>
      document.querySelector('delib-needs-assets').shadowRoot.activeElement?.textContent.includes('What can you offer?'),
    );
    await press(tab, 'checkbox', 'Skills');
    await next(tab, 'Check your answers before sending');
    await press(tab, 'button', 'Send', 'Enter');
    await tab.waitForFunction(() => document.querySelector('delib-needs-assets').shadowRoot.querySelector('[part=answer]'));
    await tab.waitForFunction(() =>
      document.querySelector('delib-needs-assets').shadowRoot.activeElement?.matches('[part=answer]'),
    );
    assert.equal(await heard(tab), 'Thank you. We have received your answers.');

    const rows = await stored('na-walk');
    assert.equal(rows.length, 1, 'stored once');
    assert.deepEqual(rows[0].answer, {
      needs: [
        { category: 'food', detail: 'A community fridge' },
        { category: 'other', detail: 'Benches by the bus stop' },
      ],
      assets: [{ category: 'skills' }, { category: 'time' }],
      area: 'Mill Street',
    });
    assert.equal(sent.filter((line) => line.startsWith('POST ') && line.includes('/api/responses')).length, 1, 'posted once');
    // The asset map: the page's own categories, counted.
    await tab.waitForFunction(() =>
      document.querySelector('delib-needs-assets').shadowRoot.querySelector('[part=results] caption'),
    );
    const caption = await tab.evaluate(() =>
      document.querySelector('delib-needs-assets').shadowRoot.querySelector('[part=results] caption').textContent.trim(),
    );
    assert.equal(caption, 'What we need, what we have: 1 person answered');
    // Sent: nothing of it is left in sessionStorage, nor anything but nothing in localStorage.
    const left = await tab.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }));
    assert.deepEqual(left.session, {});
    assert.equal(Object.keys(left.local).filter((key) => key.startsWith('delib:')).length, 0);
    assert.deepEqual(problems, []);
    await tab.close();
  });

  test('contact details typed and then withdrawn never leave the browser; given with consent, they arrive', async () => {
    const { tab, sent } = await open('consent.html');
    await press(tab, 'checkbox', 'Feeling safe');
    await next(tab, 'What can you offer?');
    await press(tab, 'checkbox', 'Nothing at the moment');
    await next(tab, 'Where is your community?');
    await next(tab, 'Can we contact you?');
    assert.equal(await tab.$('::-p-aria([name="Your name"][role="textbox"])'), null, 'no contact fields before consent');
    const privacy = await tab.$('::-p-aria([name="How we use your information (opens in new tab)"][role="link"])');
    assert.ok(privacy, 'the privacy notice is linked next to the question');
    await press(tab, 'checkbox', 'Yes, you can contact me about this');
    await type(tab, 'Your name', 'Rhian Secret');
    await type(tab, 'Email address', 'rhian.secret@example.com');
    // Changed their mind.
    await press(tab, 'checkbox', 'Yes, you can contact me about this');
    const draft = await tab.evaluate(() => JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(draft, /Rhian|secret/i, 'the draft forgets contact details once consent is withdrawn');
    await next(tab, 'Check your answers before sending');
    await press(tab, 'button', 'Send', 'Enter');
    await tab.waitForFunction(() => document.querySelector('delib-needs-assets').shadowRoot.querySelector('[part=answer]'));
    assert.equal(sent.filter((line) => /Rhian|secret/i.test(line)).length, 0, 'no request carried the contact details');
    const [row] = await stored('na-consent');
    assert.equal('contact' in row.answer, false, 'no contact key at all');
    assert.deepEqual(row.answer, { needs: [{ category: 'safety' }], assets: [] });
    await tab.close();

    // A second resident consents.
    const second = await open('consent.html');
    await second.tab.evaluate(() => sessionStorage.clear());
    await press(second.tab, 'checkbox', 'Food');
    await next(second.tab, 'What can you offer?');
    await press(second.tab, 'checkbox', 'Equipment');
    await next(second.tab, 'Where is your community?');
    await type(second.tab, 'Neighbourhood, street or postcode (optional)', 'sw1a1aa');
    await next(second.tab, 'Can we contact you?');
    await press(second.tab, 'checkbox', 'Yes, you can contact me about this');
    await type(second.tab, 'Your name', 'Ann Other');
    await type(second.tab, 'Phone number', '01632 960 001');
    await next(second.tab, 'Check your answers before sending');
    await press(second.tab, 'button', 'Send', 'Enter');
    await second.tab.waitForFunction(() =>
      document.querySelector('delib-needs-assets').shadowRoot.querySelector('[part=answer]'),
    );
    const rows = await stored('na-consent');
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[1].answer, {
      needs: [{ category: 'food' }],
      assets: [{ category: 'equipment' }],
      area: 'SW1A 1AA',
      contact: { name: 'Ann Other', phone: '01632 960 001' },
    });
    const local = await second.tab.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.doesNotMatch(local, /Ann Other|01632/, 'once delivered, nothing personal is left in localStorage');
    await second.tab.close();
  });

  test('in Welsh, the steps, the buttons and the error count are Welsh, and the locale is sent as cy', async () => {
    const { tab, sent } = await open('cy.html');
    const heading = () =>
      tab.evaluate(() =>
        document.querySelector('delib-needs-assets').shadowRoot.querySelector('h2').textContent.replace(/\s+/g, ' ').trim(),
      );
    assert.equal(await heading(), 'Cam 1 o 4 Beth sydd ei angen ar eich cymuned?');
    await press(tab, 'button', 'Parhau', 'Enter');
    await tab.waitForFunction(() =>
      document.querySelector('delib-needs-assets').shadowRoot.activeElement?.matches('[part=error-summary]'),
    );
    assert.equal(await heading(), 'Cam 1 o 4 Gwall (1 broblem): Beth sydd ei angen ar eich cymuned?');
    await press(tab, 'checkbox', 'Food');
    await next(tab, 'Beth allwch chi ei gynnig?', 'Parhau');
    await press(tab, 'checkbox', 'Amser');
    await next(tab, 'Ble mae eich cymuned?', 'Parhau');
    await next(tab, 'A gawn ni gysylltu â chi?', 'Parhau');
    await next(tab, 'Edrychwch dros eich atebion cyn anfon', 'Parhau');
    await press(tab, 'button', 'Anfon', 'Enter');
    await tab.waitForFunction(() => document.querySelector('delib-needs-assets').shadowRoot.querySelector('[part=answer]'));
    const posted = sent.find((line) => line.startsWith('POST '));
    assert.match(posted, /"locale":"cy"/);
    await tab.close();
  });
});
