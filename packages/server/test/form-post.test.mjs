import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/app.ts';
import { openStore } from '../src/config.ts';
import { postgresUrlForTests } from './fixtures/databases.mjs';

/**
 * A widget's plain form, posted by a browser that never ran the script (CONTRACT.md section 10): stored
 * as the JSON envelope would be, then `303` back to the page it came from, or a page of its own. Every
 * bad post — missing fields, the wrong kind, too long, too many fields, a return address or a site it
 * may not use — gets its 4xx and stores nothing.
 */

const page = 'https://www.council.example/have-your-say?utm=x';
const site = 'https://www.council.example';
const form = (fields) => new URLSearchParams(fields).toString();

for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
  describe(`plain form posts on ${kind}`, () => {
    let folder;
    let open;
    let trusting;
    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'delib-form-'));
      const url = kind === 'sqlite' ? `file:${join(folder, 'delib.sqlite')}` : await postgresUrlForTests();
      open = await buildApp({ store: await openStore(url), logger: false });
      trusting = await buildApp({
        store: await openStore(kind === 'sqlite' ? `file:${join(folder, 'listed.sqlite')}` : await postgresUrlForTests()),
        corsOrigins: [site],
        logger: false,
      });
    });
    after(async () => {
      await open?.close();
      await trusting?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    const post = (app, body, headers = { origin: site, referer: page }) =>
      app.inject({
        method: 'POST',
        url: '/api/responses',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: typeof body === 'string' ? body : form(body),
      });
    const results = async (app, widgetId, widget = 'poll') =>
      (await app.inject(`/api/results/${encodeURIComponent(widgetId)}?widget=${widget}`)).json();

    test('a poll: stored and counted, then 303 back to the page, at the widget', async () => {
      const widgetId = `form-poll-${randomUUID()}`;
      const response = await post(open, [
        ['widget', 'poll'],
        ['widgetId', widgetId],
        ['locale', 'cy'],
        ['choices', 'lighting'],
        ['choices', 'play'],
        ['other', ''],
      ]);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `https://www.council.example/have-your-say?utm=x#delib-thanks-${widgetId}`);
      assert.equal(response.headers['cache-control'], 'no-store');
      const counted = await results(open, widgetId);
      assert.equal(counted.total, 1);
      assert.deepEqual(counted.counts, { lighting: 1, play: 1 });
    });

    test('the other widgets: a ranking, a budget, needs and assets, each read as its answer', async () => {
      const ranking = `form-ranking-${randomUUID()}`;
      const ranked = await post(open, [
        ['widget', 'ranking'],
        ['widgetId', ranking],
        ['rank.parks', '2'],
        ['rank.roads', ''],
        ['rank.libraries', '1'],
      ]);
      assert.equal(ranked.statusCode, 303);
      const rankingResults = await results(open, ranking, 'ranking');
      assert.equal(rankingResults.total, 1);

      const budget = `form-budget-${randomUUID()}`;
      assert.equal(
        (
          await post(open, [
            ['widget', 'budget'],
            ['widgetId', budget],
            ['allocation.trees', '3000'],
            ['allocation.crossing', ''],
          ])
        ).statusCode,
        303,
      );
      assert.equal((await results(open, budget, 'budget')).total, 1);

      const needs = `form-needs-${randomUUID()}`;
      const sent = await post(open, [
        ['widget', 'needs-assets'],
        ['widgetId', needs],
        ['needs', 'food'],
        ['detail.food', 'A lunch club'],
        ['assets', 'time'],
        ['area', 'Penrhos'],
        ['contact.name', 'Not sent: no consent'],
      ]);
      assert.equal(sent.statusCode, 303);
      assert.equal((await results(open, needs, 'needs-assets')).total, 1);
    });

    test('no page to go back to: a small thank-you page in the form’s language, fetched anew, under a strict policy', async () => {
      const widgetId = `form-thanks-${randomUUID()}`;
      const fields = [
        ['widget', 'poll'],
        ['widgetId', widgetId],
        ['locale', 'cy'],
        ['choices', 'a'],
        ['return', '  '],
      ];
      // No Referer; or only the site's origin, which is what browsers send to another site: no page.
      for (const headers of [{}, { origin: site, referer: `${site}/` }]) {
        const posted = await post(open, fields, headers);
        assert.equal(posted.statusCode, 303, JSON.stringify(headers));
        assert.equal(posted.headers.location, 'thanks?lang=cy', 'by GET: reloading it posts nothing again');
      }
      const response = await open.inject('/api/thanks?lang=cy');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'], /^text\/html/);
      assert.match(response.body, /<html lang="cy">/);
      assert.match(response.body, /Diolch/);
      assert.doesNotMatch(response.body, /<a /);
      assert.match(response.headers['content-security-policy'], /default-src 'none'; style-src 'sha256-/);
      assert.equal((await results(open, widgetId)).total, 2);

      // With DELIB_CORS_ORIGINS, a listed site gets a link back to itself; the page checks it again.
      const listed = await post(trusting, fields, { origin: site, referer: `${site}/` });
      assert.equal(listed.headers.location, `thanks?lang=cy&site=${encodeURIComponent(site)}`);
      const back = await trusting.inject(`/api/${listed.headers.location}`);
      assert.match(back.body, /<a href="https:\/\/www\.council\.example\/">Yn ôl i www\.council\.example<\/a>/);
      for (const other of ['https://evil.example', 'javascript:alert(1)', `${site}/"><script>`]) {
        const forged = await trusting.inject(`/api/thanks?lang=en&site=${encodeURIComponent(other)}`);
        assert.equal(forged.statusCode, 200);
        assert.doesNotMatch(forged.body, /<a /, `no link for ${other}`);
      }
      // Without the list, no site can be checked: no link.
      assert.doesNotMatch((await open.inject(`/api/thanks?lang=en&site=${encodeURIComponent(site)}`)).body, /<a /);
    });

    test('every bad post gets its 4xx, says why on a page with the way back, and stores nothing', async () => {
      const widgetId = `form-bad-${randomUUID()}`;
      const base = [
        ['widget', 'poll'],
        ['widgetId', widgetId],
      ];
      const cases = {
        'no widget': [
          [
            ['widgetId', widgetId],
            ['choices', 'a'],
          ],
          400,
          /widget field/,
        ],
        'an unknown kind': [
          [
            ['widget', 'survey'],
            ['widgetId', widgetId],
            ['choices', 'a'],
          ],
          400,
          /widget field/,
        ],
        'no widgetId': [
          [
            ['widget', 'poll'],
            ['choices', 'a'],
          ],
          400,
          /widgetId/,
        ],
        'no choice': [base, 400, /choice/i],
        '"other" too long': [[...base, ['choices', 'other'], ['other', 'x'.repeat(1001)]], 400, /1000/],
        'too many fields': [[...base, ...Array.from({ length: 300 }, (_, index) => ['choices', `c${index}`])], 400, /fields/],
        'a pairwise comparison': [
          [
            ['widget', 'pairwise'],
            ['widgetId', widgetId],
          ],
          400,
          /JavaScript/,
        ],
        'a ranking with two firsts': [
          [
            ['widget', 'ranking'],
            ['widgetId', widgetId],
            ['rank.a', '1'],
            ['rank.b', '1'],
          ],
          400,
          /Two items/,
        ],
        'a ranking with a word': [
          [
            ['widget', 'ranking'],
            ['widgetId', widgetId],
            ['rank.a', 'first'],
          ],
          400,
          /whole number/,
        ],
        'a budget with a negative amount': [
          [
            ['widget', 'budget'],
            ['widgetId', widgetId],
            ['allocation.a', '-5'],
          ],
          400,
          /whole number/,
        ],
        'consent without a name': [
          [
            ['widget', 'needs-assets'],
            ['widgetId', widgetId],
            ['needs', 'food'],
            ['consent', 'yes'],
          ],
          400,
          /name/,
        ],
        'a return address on another site': [
          [...base, ['choices', 'a'], ['return', 'https://evil.example/phish']],
          400,
          /return address/,
        ],
        'a return address that is not http': [
          [...base, ['choices', 'a'], ['return', 'javascript:alert(1)']],
          400,
          /return address/,
        ],
      };
      for (const [name, [fields, status, message]] of Object.entries(cases)) {
        const response = await post(open, fields);
        assert.equal(response.statusCode, status, `${name}: ${response.statusCode} ${response.body.slice(0, 300)}`);
        assert.match(response.headers['content-type'], /^text\/html/, name);
        assert.match(response.body, message, name);
        assert.match(response.body, /There is a problem/, name);
      }
      // In Welsh: the page is, and the validator's English message says it is English.
      const welsh = await post(open, [...base, ['locale', 'cy']]);
      assert.match(welsh.body, /<html lang="cy">/);
      assert.match(welsh.body, /<p lang="en">[^<]*choice/i);
      assert.equal((await results(open, widgetId)).total, 0, 'nothing stored');
      // Over the body limit: 413, before any form is read, still as a page a person can read.
      const huge = await post(open, form([...base, ['choices', 'other'], ['other', 'x'.repeat(70_000)]]));
      assert.equal(huge.statusCode, 413);
      assert.match(huge.headers['content-type'], /^text\/html/);
      assert.match(huge.body, /There is a problem/);
      assert.equal((await results(open, widgetId)).total, 0, 'nothing stored');
    });

    test('a form that asks (errors=page) is refused back to its page: the reason for the widget, the fragment for the page; never to a foreign page', async () => {
      const widgetId = `form-refused-${randomUUID()}`;
      const asks = [
        ['widget', 'poll'],
        ['widgetId', widgetId],
        ['errors', 'page'],
      ];
      const refused = await post(open, asks);
      assert.equal(refused.statusCode, 303);
      const to = new URL(refused.headers.location);
      assert.equal(`${to.origin}${to.pathname}`, 'https://www.council.example/have-your-say');
      assert.equal(to.searchParams.get('utm'), 'x', 'the page keeps its own query');
      assert.equal(to.searchParams.get('delib-refused'), widgetId);
      assert.equal(to.searchParams.get('delib-reason'), 'invalid');
      assert.equal(to.hash, `#delib-refused-${widgetId}`);
      assert.equal(refused.headers['cache-control'], 'no-store');
      // A page that routes by its query keeps it as written; an earlier refusal's parameters are replaced.
      const routed = await post(open, asks, {
        origin: site,
        referer: `${site}/index.php?/consult/parks&a=b%20c&flag&delib-refused=old&delib-reason=invalid`,
      });
      assert.equal(
        routed.headers.location,
        `${site}/index.php?/consult/parks&a=b%20c&flag&delib-refused=${widgetId}&delib-reason=invalid#delib-refused-${widgetId}`,
      );
      // And once answered from there, back to the page without them.
      const answered = await post(open, [...asks, ['choices', 'a']], {
        origin: site,
        referer: `${site}/index.php?/consult/parks&delib-refused=${widgetId}&delib-reason=invalid`,
      });
      assert.equal(answered.headers.location, `${site}/index.php?/consult/parks#delib-thanks-${widgetId}`);
      // A widget id that no element could carry is not put in an address: the error page answers.
      const odd = await post(open, [
        ['widget', 'poll'],
        ['widgetId', 'x'.repeat(300)],
        ['errors', 'page'],
      ]);
      assert.equal(odd.statusCode, 400);
      assert.match(odd.body, /There is a problem/);
      // A foreign return address is refused on a page of our own, never followed.
      const foreign = await post(open, [...asks, ['choices', 'a'], ['return', 'https://evil.example/phish']]);
      assert.equal(foreign.statusCode, 400);
      assert.equal(foreign.headers.location, undefined);
      // With DELIB_CORS_ORIGINS, a site not on the list gets its 403, not a way back.
      const stranger = await post(trusting, asks, { origin: 'https://evil.example', referer: 'https://evil.example/page' });
      assert.equal(stranger.statusCode, 403);
      assert.equal(stranger.headers.location, undefined);
      assert.equal((await results(open, widgetId)).total, 1, 'only the good post is stored');
    });

    test('what the form holds is shown as text, never as markup', async () => {
      const response = await post(open, [
        ['widget', 'ranking'],
        ['widgetId', 'x'],
        ['rank.<script>alert(1)</script>', 'one'],
      ]);
      assert.equal(response.statusCode, 400);
      assert.doesNotMatch(response.body, /<script>/);
      assert.match(response.body, /&#60;script&#62;/);
    });

    test('the rate limit applies to plain forms, and says so on a page', async () => {
      const limited = await buildApp({
        store: await openStore(kind === 'sqlite' ? `file:${join(folder, 'limited.sqlite')}` : await postgresUrlForTests()),
        rateLimit: 1,
        logger: false,
      });
      try {
        const widgetId = `form-limited-${randomUUID()}`;
        const fields = [
          ['widget', 'poll'],
          ['widgetId', widgetId],
          ['choices', 'a'],
        ];
        assert.equal((await post(limited, fields)).statusCode, 303);
        const again = await post(limited, fields);
        assert.equal(again.statusCode, 429);
        assert.match(again.headers['content-type'], /^text\/html/);
        assert.match(again.body, /try again in a minute/);
        assert.equal((await results(limited, widgetId)).total, 1);
      } finally {
        await limited.close();
      }
    });

    test('with DELIB_CORS_ORIGINS: only its sites may post, and return only to their pages', async () => {
      const widgetId = `form-listed-${randomUUID()}`;
      const fields = [
        ['widget', 'poll'],
        ['widgetId', widgetId],
        ['choices', 'a'],
      ];
      const foreign = await post(trusting, fields, { origin: 'https://evil.example', referer: 'https://evil.example/form' });
      assert.equal(foreign.statusCode, 403);
      assert.match(foreign.body, /DELIB_CORS_ORIGINS/);
      assert.equal((await results(trusting, widgetId)).total, 0, 'nothing stored from a site not on the list');
      // A page that hides its address (Origin: null, no Referer) could be any site's.
      const hidden = await post(trusting, fields, { origin: 'null' });
      assert.equal(hidden.statusCode, 403);
      assert.equal((await results(trusting, widgetId)).total, 0, 'nothing stored from a page that hides its site');
      const forged = await post(trusting, [...fields, ['return', 'https://evil.example/']]);
      assert.equal(forged.statusCode, 400);
      assert.equal((await results(trusting, widgetId)).total, 0);
      const listed = await post(trusting, [...fields, ['return', `${site}/consultations/parks`]], { origin: site });
      assert.equal(listed.statusCode, 303);
      assert.equal(listed.headers.location, `${site}/consultations/parks#delib-thanks-${widgetId}`);
      assert.equal((await results(trusting, widgetId)).total, 1);
    });
  });
}
