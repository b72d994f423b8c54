/**
 * The pictures in the docs, taken from the real thing. Starts the reference endpoint on a fresh SQLite
 * database in a temporary folder and fills it through the wire protocol (answers on past days: the
 * server's clock is set while seeding), then, in Chromium, into `docs/images/`:
 *
 * - `guide`: the pictures in `running-a-consultation.md`: signs in to the console as its first
 *   administrator and photographs each page at 1024 px wide (and the widget list at 375 px);
 * - `readme`: `embedded-widgets.png`, the picture at the top of the root README: a poll (voted, with
 *   its results) and a budget on a council's page, at 1024 px wide, as a resident sees them.
 *
 *   npm run build && node --import tsx docs/screenshots.mjs            # every picture
 *   npm run build && node --import tsx docs/screenshots.mjs readme     # only the README's
 *
 * `CHROME_PATH` moves the browser (default /usr/bin/chromium). Each picture should stay under 150 KB.
 */
import puppeteer from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../packages/server/src/cli.ts';

const images = fileURLToPath(new URL('images/', import.meta.url));
const repository = fileURLToPath(new URL('..', import.meta.url));
const groups = ['guide', 'readme'];
const asked = process.argv.slice(2);
for (const name of asked)
  if (!groups.includes(name)) throw new Error(`Unknown group of pictures: ${name} (${groups.join(', ')})`);
const wanted = (group) => asked.length === 0 || asked.includes(group);
const folder = mkdtempSync(join(tmpdir(), 'delib-screenshots-'));
// The README's page, served before the demo's styles and the built bundles.
const pageFolder = join(folder, 'page');
mkdirSync(pageFolder);
const token = randomUUID();
const officer = { email: 'sam.jones@council.example', password: 'a long and careful passphrase' };

let clock;
const day = 86_400_000;
const daysAgo = (n, hour = 10) => {
  const date = new Date(Date.now() - n * day);
  date.setUTCHours(hour, n % 60, 0, 0);
  return date;
};

/**
 * The README's page: the two questions of a made-up ward, a poll and a budget to share out. Written
 * before the server starts, which lists the files of each folder it serves.
 */
function writeReadmePage() {
  writeFileSync(
    join(pageFolder, 'have-your-say.html'),
    `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Have your say: Penrhos ward – Glanmorfa County Council</title>
    <meta name="delib-endpoint" content="/api" />
    <link rel="stylesheet" href="/themes/govuk.css" />
    <link rel="stylesheet" href="/demo.css" />
    <link rel="stylesheet" href="/have-your-say.css" />
    <script type="module" src="/delib.js"></script>
  </head>
  <body class="council">
    <header class="council-header">
      <div class="container council-header-inner"><a class="council-logo" href="/have-your-say.html">Glanmorfa County Council</a></div>
    </header>
    <div class="container">
      <main id="main">
        <span class="caption">Consultation</span>
        <h1>Have your say: Penrhos ward</h1>
        <div class="questions">
          <delib-poll
            widget-id="library-late-2027"
            question="Which evening should Penrhos library stay open until 8pm?"
          >
            <option value="monday">Monday</option>
            <option value="tuesday">Tuesday</option>
            <option value="wednesday">Wednesday</option>
            <option value="thursday">Thursday</option>
          </delib-poll>
          <delib-budget
            widget-id="ward-fund-2027"
            question="How would you share £20,000 from the ward fund?"
            total="20000"
            unit="GBP"
            step="500"
          >
            <option value="youth-club">Youth club on Saturdays</option>
            <option value="hall-roof">Repairs to the community hall roof</option>
            <option value="trees">Street trees on Heol Fawr</option>
          </delib-budget>
        </div>
      </main>
    </div>
  </body>
</html>
`,
  );
  writeFileSync(
    join(pageFolder, 'have-your-say.css'),
    `.council h1 { font-size: 2.25rem; margin-bottom: 1.5rem; }
.questions { display: grid; grid-template-columns: 1fr 1fr; gap: 3rem; align-items: start; }
.questions > * { margin: 0; }
`,
  );
}
if (wanted('readme')) writeReadmePage();

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: `file:${join(folder, 'delib.sqlite')}`,
  adminToken: token,
  firstAdmin: officer,
  logger: false,
  now: () => clock ?? new Date(),
  staticRoots: [pageFolder, join(repository, 'demo'), join(repository, 'dist')],
});
const url = server.url.replace('127.0.0.1', 'localhost');

async function respond(widget, widgetId, answer, at, locale = 'en') {
  clock = at;
  const response = await fetch(`${url}/api/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(),
      widget,
      widgetId,
      submittedAt: at.toISOString(),
      locale,
      page: 'https://www.council.example/have-your-say',
      answer,
    }),
  });
  clock = undefined;
  if (response.status !== 201) throw new Error(`${widgetId}: ${response.status} ${await response.text()}`);
}

async function admin(path, method = 'GET', body) {
  const response = await fetch(`${url}/api/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

// A made-up consultation: a poll about parks over two weeks, a pairwise on town ideas with suggestions
// waiting, a ranking that has closed.
async function seedGuide() {
  const parks = ['lighting', 'lighting', 'play', 'toilets', 'lighting', 'play'];
  const comments = [
    'Benches by the pond',
    'A water fountain near the play area',
    'Dog bins at every gate',
    'Longer opening in summer',
  ];
  let count = 0;
  for (let ago = 13; ago >= 0; ago--) {
    const perDay = [3, 5, 8, 6, 4, 9, 12, 7, 5, 10, 6, 4, 8, 3][ago];
    for (let index = 0; index < perDay; index++, count++) {
      const answer = { choices: [parks[count % parks.length]] };
      if (count % 7 === 0) answer.other = comments[(count / 7) % comments.length];
      await respond('poll', 'parks-2027', answer, daysAgo(ago, 8 + (index % 10)), count % 5 === 0 ? 'cy' : 'en');
    }
  }
  const ideas = ['youth-club', 'crossing', 'trees'];
  for (let index = 0; index < 24; index++) {
    const pair = [ideas[index % 3], ideas[(index + 1) % 3]];
    await respond('pairwise', 'town-ideas-2027', { pair, winner: pair[index % 4 === 0 ? 1 : 0] }, daysAgo(index % 6, 12));
  }
  for (const [index, suggestion] of ['a skate park by the river', 'more benchs near the bus station'].entries()) {
    await respond('pairwise', 'town-ideas-2027', { suggestion }, daysAgo(1, 14 + index));
  }
  for (let index = 0; index < 9; index++) {
    await respond(
      'ranking',
      'library-hours',
      { order: index % 3 ? ['evenings', 'weekends'] : ['weekends', 'evenings'] },
      daysAgo(30 + index),
    );
  }
  await admin('/widgets/library-hours/close', 'POST');
  await admin('/accounts', 'POST', {
    email: 'alex.evans@council.example',
    password: 'moderate with care 2027',
    role: 'moderator',
  });
  await admin('/accounts', 'POST', { email: 'research.team@council.example', password: 'read only and careful', role: 'viewer' });
}

/** Votes over the past week in the README page's poll. */
async function seedReadme() {
  const evenings = { monday: 38, tuesday: 52, wednesday: 71, thursday: 96 };
  let index = 0;
  for (const [evening, votes] of Object.entries(evenings)) {
    for (let vote = 0; vote < votes; vote++, index++) {
      await respond(
        'poll',
        'library-late-2027',
        { choices: [evening] },
        daysAgo(index % 7, 9 + (index % 9)),
        index % 6 ? 'en' : 'cy',
      );
    }
  }
}

if (wanted('guide')) await seedGuide();
if (wanted('readme')) await seedReadme();

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--hide-scrollbars'],
});
mkdirSync(images, { recursive: true });
const taken = [];

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 720 });

  /** Waits for the console page whose heading starts with `heading`, and for the network to settle. */
  const arrived = async (heading) => {
    await page.waitForFunction(
      (heading) => document.querySelector('main h1')?.textContent.replace(/\s+/g, ' ').trim().startsWith(heading),
      { timeout: 10_000 },
      heading,
    );
    await page.waitForNetworkIdle({ idleTime: 300 });
  };
  const go = async (hash, heading) => {
    await page.evaluate((hash) => (location.hash = hash), hash);
    await arrived(heading);
  };
  /** Photographs the window, or the part from `from` (a selector) to the bottom of `to`. */
  const shoot = async (name, { from, to } = {}) => {
    const file = join(images, `${name}.png`);
    await page.evaluate(() => document.activeElement?.blur());
    if (from) {
      const clip = await page.evaluate(
        (from, to) => {
          const top = Math.max(0, document.querySelector(from).getBoundingClientRect().top + window.scrollY - 16);
          const bottom = document.querySelector(to).getBoundingClientRect().bottom + window.scrollY + 16;
          return { x: 0, y: top, width: document.documentElement.clientWidth, height: bottom - top };
        },
        from,
        to,
      );
      await page.screenshot({ path: file, clip, captureBeyondViewport: true });
    } else {
      await page.screenshot({ path: file });
    }
    taken.push(file);
  };

  if (wanted('guide')) {
    await page.goto(`${url}/admin/`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('#email');
    await page.type('#email', officer.email);
    await shoot('sign-in');
    await page.type('#password', officer.password);
    await page.click('button[type=submit]');
    await arrived('Widgets');
    await shoot('widgets');

    await go('#/widgets/parks-2027', 'parks-2027');
    await page.waitForFunction(() =>
      document.querySelector('#results-widget delib-poll')?.shadowRoot?.querySelector('[part=results]'),
    );
    await page.setViewport({ width: 1024, height: 1100 });
    await shoot('widget');
    await page.setViewport({ width: 1024, height: 720 });

    await page.type(
      '#outcome-en',
      'You told us better lighting matters most.\n\nWe will light the main paths in Victoria Park by March: https://www.council.example/parks',
    );
    await page.type(
      '#outcome-cy',
      'Dywedoch wrthym mai gwell goleuadau sydd bwysicaf.\n\nByddwn yn goleuo prif lwybrau Parc Victoria erbyn mis Mawrth: https://www.council.example/parciau',
    );
    await page.click('form button[type=submit]');
    await page.waitForFunction(() => document.body.textContent.includes('Outcome published'));
    await shoot('outcome', { from: 'h2:has(+ p + form), h2:has(+ p + .notification-banner)', to: 'form .button-group' }).catch(
      async () => {
        // The heading is followed by other elements in some states: photograph from the first textarea's form.
        await shoot('outcome', { from: '#outcome-en', to: 'form .button-group' });
      },
    );

    await go('#/widgets/parks-2027/erase', 'Erase all responses');
    await page.type('#confirm', 'parks-2027');
    await shoot('erase');

    await go('#/moderation', 'Moderation');
    await page.waitForSelector('.suggestion');
    await page.$eval('#label-0', (input) => (input.value = ''));
    await page.type('#label-0', 'More benches near the bus station');
    await shoot('moderation');

    await go('#/snippet', 'Snippet builder');
    await page.type('#widget-id', 'high-street-2027');
    await page.type('#question', 'What would bring you to the high street more often?');
    await page.type('#options', 'More places to sit\nLonger opening hours\nMarkets at the weekend');
    await page.click('form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#preview delib-poll')?.shadowRoot?.querySelector('fieldset, form'));
    await page.waitForNetworkIdle({ idleTime: 300 });
    await shoot('snippet', { from: '#preview-heading', to: '#copy' });

    await go('#/accounts', 'Accounts');
    await page.waitForSelector('tbody tr');
    await shoot('accounts');

    await go('#/audit', 'Audit log');
    await page.waitForSelector('tbody tr');
    await shoot('audit');

    await page.setViewport({ width: 375, height: 740, deviceScaleFactor: 1 });
    await go('#/', 'Widgets');
    await shoot('widgets-phone');
  }

  if (wanted('readme')) {
    await page.setViewport({ width: 1024, height: 720, deviceScaleFactor: 1 });
    await page.goto(`${url}/have-your-say.html`, { waitUntil: 'networkidle0' });
    // A resident who has voted (and sees the results), and is part-way through sharing out the fund.
    await page.click('::-p-aria([name="Thursday"][role="radio"])');
    await page.click('::-p-aria([name="Vote"][role="button"])');
    await page.waitForFunction(() => document.querySelector('delib-poll')?.shadowRoot?.querySelector('[part=results]'));
    await page.type('::-p-aria([name="Youth club on Saturdays"][role="textbox"])', '8000');
    await page.type('::-p-aria([name="Street trees on Heol Fawr"][role="textbox"])', '5000');
    await page.waitForNetworkIdle({ idleTime: 300 });
    await shoot('embedded-widgets', { from: '.council-header', to: '.questions' });
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}

let tooBig = false;
for (const file of taken) {
  const kb = statSync(file).size / 1024;
  console.log(`${file}: ${kb.toFixed(0)} KB`);
  if (kb > 150) tooBig = true;
}
if (tooBig) {
  console.error('A picture is over 150 KB: make it smaller (a shorter window or a clip).');
  process.exitCode = 1;
}
