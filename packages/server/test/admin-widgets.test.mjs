import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/app.ts';
import { openStore } from '../src/config.ts';
import { postgresUrlForTests } from './fixtures/databases.mjs';

/**
 * The console's widget API (I10-API.md "Widget admin API", CONTRACT.md sections 4 and 8) against real
 * SQLite (through its writer thread) and real PostgreSQL: closing, the widget list and page, free text,
 * erasure, moderation and approved items, the outcome. Every refusal is a 4xx with the contract's error
 * body and changes nothing. The clock is injected, so that days are known.
 */

const token = 'correct horse battery staple';
const auth = { authorization: `Bearer ${token}` };
const json = { ...auth, 'content-type': 'application/json' };

const envelope = (overrides = {}) => ({
  id: randomUUID(),
  widget: 'poll',
  widgetId: `poll-${randomUUID()}`,
  submittedAt: '2026-11-29T17:00:00.000Z',
  locale: 'en',
  page: 'https://council.example/parks',
  answer: { choices: ['lighting'] },
  ...overrides,
});

const isErrorBody = (body, code) =>
  assert.ok(typeof body.error?.message === 'string' && body.error.code === code, JSON.stringify(body));

for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
  describe(`the widget admin API on ${kind}`, () => {
    let app;
    let folder;
    let clock = new Date('2026-12-02T10:00:00.000Z');
    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'delib-admin-'));
      const store = await openStore(kind === 'sqlite' ? `file:${join(folder, 'delib.sqlite')}` : await postgresUrlForTests());
      app = await buildApp({ store, adminToken: token, logger: false, now: () => clock });
    });
    after(async () => {
      await app?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    const post = (body) =>
      app.inject({
        method: 'POST',
        url: '/api/responses',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    const admin = (method, url, payload) =>
      app.inject({
        method,
        url,
        headers: payload === undefined ? auth : json,
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      });
    const results = async (widgetId) => (await app.inject(`/api/results/${encodeURIComponent(widgetId)}`)).json();
    const entry = async (widgetId) => (await admin('GET', `/api/admin/widgets/${encodeURIComponent(widgetId)}`)).json();

    test('without the token every admin route answers 401 unauthenticated', async () => {
      for (const [method, url] of [
        ['GET', '/api/admin/widgets'],
        ['GET', '/api/admin/widgets/x'],
        ['GET', '/api/admin/widgets/x/text'],
        ['POST', '/api/admin/widgets/x/close'],
        ['POST', '/api/admin/widgets/x/reopen'],
        ['DELETE', '/api/admin/widgets/x/responses'],
        ['GET', '/api/admin/moderation'],
        ['POST', `/api/admin/moderation/${randomUUID()}`],
        ['PUT', '/api/admin/widgets/x/outcome'],
        ['DELETE', '/api/admin/widgets/x/outcome'],
      ]) {
        const response = await app.inject({ method, url, headers: { authorization: 'Bearer wrong' } });
        assert.equal(response.statusCode, 401, `${method} ${url}`);
        isErrorBody(response.json(), 'unauthenticated');
      }
    });

    test('each role gets 403 where it may not act, changes nothing, and every change is audited', async () => {
      const first = envelope();
      const { widgetId } = first;
      await post(first);
      const suggestion = envelope({ widget: 'pairwise', widgetId: `pairwise-${randomUUID()}`, answer: { suggestion: 'Trees' } });
      await post(suggestion);
      // Real accounts and sessions: a viewer and a moderator added with the token, then signed in.
      const origin = 'http://localhost';
      const signInAs = async (role) => {
        const account = {
          email: `${role}-${randomUUID().slice(0, 8)}@council.example`,
          password: `${role} passphrase long`,
          role,
        };
        assert.equal((await admin('POST', '/api/admin/accounts', account)).statusCode, 201);
        const response = await app.inject({
          method: 'POST',
          url: '/api/admin/session',
          headers: { 'content-type': 'application/json', origin },
          payload: { email: account.email, password: account.password },
        });
        assert.equal(response.statusCode, 200, response.body);
        const cookie = /delib_session=([^;]*)/.exec([response.headers['set-cookie']].flat().join(', '))[1];
        return { cookie, email: account.email };
      };
      const sessions = { viewer: await signInAs('viewer'), moderator: await signInAs('moderator') };
      const as = (who, method, url, payload, headers = {}) =>
        app.inject({
          method,
          url,
          headers: {
            ...(who === 'admin' ? auth : { cookie: `delib_session=${sessions[who].cookie}` }),
            ...(method === 'GET' || who === 'admin' ? {} : { origin }),
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
        });
      {
        const routes = {
          list: ['GET', '/api/admin/widgets'],
          page: ['GET', `/api/admin/widgets/${widgetId}`],
          text: ['GET', `/api/admin/widgets/${widgetId}/text`],
          close: ['POST', `/api/admin/widgets/${widgetId}/close`],
          reopen: ['POST', `/api/admin/widgets/${widgetId}/reopen`],
          queue: ['GET', '/api/admin/moderation'],
          decide: ['POST', `/api/admin/moderation/${suggestion.id}`, { decision: 'reject' }],
          publish: ['PUT', `/api/admin/widgets/${widgetId}/outcome`, { text: { en: 'Done' } }],
          withdraw: ['DELETE', `/api/admin/widgets/${widgetId}/outcome`],
          erase: ['DELETE', `/api/admin/widgets/${widgetId}/responses`],
        };
        const refused = {
          viewer: ['close', 'reopen', 'queue', 'decide', 'publish', 'withdraw', 'erase'],
          moderator: ['erase'],
        };
        for (const [role, names] of Object.entries(refused)) {
          for (const name of names) {
            const [method, url, payload] = routes[name];
            const response = await as(role, method, url, payload);
            assert.equal(response.statusCode, 403, `${role} ${name}`);
            isErrorBody(response.json(), 'forbidden');
            assert.equal(response.headers['access-control-allow-origin'], undefined);
          }
        }
        for (const name of ['list', 'page', 'text']) {
          for (const role of ['viewer', 'moderator', 'admin']) {
            const [method, url] = routes[name];
            assert.equal((await as(role, method, url)).statusCode, 200, `${role} ${name}`);
          }
        }
        // Nothing changed.
        const unchanged = await entry(widgetId);
        assert.equal(unchanged.closed, false);
        assert.equal(unchanged.total, 1);
        assert.equal(unchanged.outcome, undefined);
        const queued = (await admin('GET', '/api/admin/moderation')).json().items.find((item) => item.id === suggestion.id);
        assert.equal(queued.status, 'pending');

        // By cookie, a state-changing request from another site is refused.
        const crossSite = await as('moderator', 'POST', routes.close[1], undefined, { origin: 'https://evil.example' });
        assert.equal(crossSite.statusCode, 403);
        isErrorBody(crossSite.json(), 'cross_origin');
        assert.equal((await entry(widgetId)).closed, false);

        // Allowed: moderators close, reopen, decide and publish; admins erase. Each is audited.
        for (const name of ['close', 'reopen', 'decide', 'publish', 'withdraw']) {
          const [method, url, payload] = routes[name];
          const response = await as('moderator', method, url, payload);
          assert.ok([200, 204].includes(response.statusCode), `${name}: ${response.statusCode}`);
        }
        assert.equal((await as('admin', ...routes.erase)).statusCode, 200);
        const { entries } = (await admin('GET', '/api/admin/audit')).json();
        const mine = entries.filter((item) => item.widgetId === widgetId || item.widgetId === suggestion.widgetId);
        assert.deepEqual(mine.map((item) => [item.action, item.who]).reverse(), [
          ['close', sessions.moderator.email],
          ['reopen', sessions.moderator.email],
          ['reject', sessions.moderator.email],
          ['outcome-published', sessions.moderator.email],
          ['outcome-withdrawn', sessions.moderator.email],
          ['erase', 'token'],
        ]);
      }
    });

    test('close → 410 closed, nothing stored; a retried id stored before still acknowledged; reopen → stored again', async () => {
      const first = envelope();
      const { widgetId } = first;
      assert.equal((await post(first)).statusCode, 201);
      const closed = await admin('POST', `/api/admin/widgets/${widgetId}/close`);
      assert.equal(closed.statusCode, 200);
      assert.equal(closed.json().closed, true);
      assert.equal(closed.json().total, 1);

      const refused = await post(envelope({ widgetId }));
      assert.equal(refused.statusCode, 410);
      isErrorBody(refused.json(), 'closed');
      const retried = await post(first);
      assert.equal(retried.statusCode, 200);
      assert.deepEqual(retried.json(), { id: first.id, accepted: true });
      assert.equal((await results(widgetId)).total, 1);
      assert.equal((await entry(widgetId)).total, 1);

      const reopened = await admin('POST', `/api/admin/widgets/${widgetId}/reopen`);
      assert.equal(reopened.statusCode, 200);
      assert.equal(reopened.json().closed, false);
      assert.equal((await post(envelope({ widgetId }))).statusCode, 201);
      assert.equal((await results(widgetId)).total, 2);
    });

    test('closing holds under concurrency: nothing is stored once close has answered', async () => {
      const { widgetId } = envelope();
      assert.equal((await post(envelope({ widgetId }))).statusCode, 201);
      const racing = Array.from({ length: 60 }, () => post(envelope({ widgetId })));
      const closing = admin('POST', `/api/admin/widgets/${widgetId}/close`);
      const [answers, closed] = await Promise.all([Promise.all(racing), closing]);
      assert.equal(closed.statusCode, 200);
      const statuses = answers.map((answer) => answer.statusCode);
      assert.ok(
        statuses.every((status) => status === 201 || status === 410),
        statuses.join(),
      );
      const stored = 1 + statuses.filter((status) => status === 201).length;
      assert.equal((await results(widgetId)).total, stored);
      // After close answered: every new response is refused.
      const late = await Promise.all(Array.from({ length: 20 }, () => post(envelope({ widgetId }))));
      assert.ok(late.every((answer) => answer.statusCode === 410));
      assert.equal((await results(widgetId)).total, stored);
    });

    test('close, reopen and erase of an unknown widget: 404; a bad widgetId: 400', async () => {
      for (const action of ['close', 'reopen']) {
        const response = await admin('POST', `/api/admin/widgets/never-seen-${randomUUID()}/${action}`);
        assert.equal(response.statusCode, 404);
        isErrorBody(response.json(), 'not_found');
      }
      const erase = await admin('DELETE', `/api/admin/widgets/never-seen-${randomUUID()}/responses`);
      assert.equal(erase.statusCode, 404);
      const bad = await admin('POST', `/api/admin/widgets/${encodeURIComponent(' spaced ')}/close`);
      assert.equal(bad.statusCode, 400);
      isErrorBody(bad.json(), 'invalid');
      const detail = await admin('GET', `/api/admin/widgets/never-seen-${randomUUID()}`);
      assert.equal(detail.statusCode, 404);
      isErrorBody(detail.json(), 'not_found');
    });

    test('the list: most recent first, totals, first and last, and 14 days of counts ending today (UTC)', async () => {
      const older = envelope();
      const newer = envelope();
      clock = new Date('2026-11-20T23:59:59.000Z');
      await post(older);
      clock = new Date('2026-11-30T00:00:01.000Z');
      await post(envelope({ widgetId: older.widgetId }));
      await post(envelope({ widgetId: older.widgetId }));
      clock = new Date('2026-12-01T12:00:00.000Z');
      await post(newer);
      clock = new Date('2026-12-02T08:00:00.000Z');
      const response = await admin('GET', '/api/admin/widgets');
      assert.equal(response.statusCode, 200);
      const { widgets } = response.json();
      const mine = widgets.filter((widget) => [older.widgetId, newer.widgetId].includes(widget.widgetId));
      assert.deepEqual(
        mine.map((widget) => widget.widgetId),
        [newer.widgetId, older.widgetId],
      );
      assert.deepEqual(mine[1], {
        widgetId: older.widgetId,
        widget: 'poll',
        total: 3,
        firstAt: '2026-11-20T23:59:59.000Z',
        lastAt: '2026-11-30T00:00:01.000Z',
        closed: false,
        // 19 Nov … 2 Dec: the 20th and the 30th.
        daily: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0],
      });
      assert.deepEqual(mine[0].daily, [...Array(12).fill(0), 1, 0]);
      for (let index = 1; index < widgets.length; index++) {
        assert.ok((widgets[index - 1].lastAt ?? '') >= (widgets[index].lastAt ?? ''), 'most recent first');
      }

      const detail = await entry(older.widgetId);
      assert.deepEqual(detail.days, [
        { date: '2026-11-20', count: 1 },
        { date: '2026-11-30', count: 2 },
      ]);
      assert.equal(detail.pendingSuggestions, 0);
      assert.equal(detail.outcome, undefined);
      clock = new Date('2026-12-02T10:00:00.000Z');
    });

    test('free text: poll "other" and needs-and-assets details and area, newest first, never contact details', async () => {
      const poll = envelope({ answer: { choices: ['other'], other: 'A skate park' } });
      await post(poll);
      await post(envelope({ widgetId: poll.widgetId, answer: { choices: ['lighting'] } }));
      await post(envelope({ widgetId: poll.widgetId, answer: { choices: ['other'], other: 'Benches' } }));
      const page = (await admin('GET', `/api/admin/widgets/${poll.widgetId}/text`)).json();
      assert.deepEqual(
        page.entries.map((one) => [one.field, one.text]),
        [
          ['other', 'Benches'],
          ['other', 'A skate park'],
        ],
      );
      assert.equal(page.entries[1].id, poll.id);
      assert.equal(page.next, undefined);

      const needs = envelope({
        widget: 'needs-assets',
        answer: {
          needs: [{ category: 'food', detail: 'A food bank on Tuesdays' }],
          assets: [{ category: 'skills' }],
          area: 'Riverside',
          contact: { name: 'Ann', email: 'ann@example.org' },
        },
      });
      await post(needs);
      const text = (await admin('GET', `/api/admin/widgets/${needs.widgetId}/text`)).json();
      assert.deepEqual(
        text.entries.map((one) => [one.field, one.text]),
        [
          ['needs.food', 'A food bank on Tuesdays'],
          ['area', 'Riverside'],
        ],
      );
      assert.ok(!JSON.stringify(text).includes('ann@example.org'));

      for (const before of ['0', 'abc', '-1', '1e3', '99999999999999999999']) {
        const bad = await admin('GET', `/api/admin/widgets/${poll.widgetId}/text?before=${before}`);
        assert.equal(bad.statusCode, 400, before);
        isErrorBody(bad.json(), 'invalid');
      }
      const unknown = await admin('GET', `/api/admin/widgets/never-${randomUUID()}/text`);
      assert.equal(unknown.statusCode, 404);
    });

    test('free text pages through many responses with next', async () => {
      const { widgetId } = envelope();
      const sent = [];
      for (let index = 0; index < 520; index++) {
        const one = envelope({ widgetId, answer: { choices: ['other'], other: `idea ${index}` } });
        sent.push(one);
      }
      for (let index = 0; index < sent.length; index += 40) await Promise.all(sent.slice(index, index + 40).map(post));
      const seen = [];
      let next;
      let pages = 0;
      do {
        const page = (await admin('GET', `/api/admin/widgets/${widgetId}/text${next ? `?before=${next}` : ''}`)).json();
        seen.push(...page.entries.map((one) => one.id));
        next = page.next;
        pages++;
      } while (next && pages < 10);
      assert.equal(pages, 2);
      assert.equal(new Set(seen).size, 520);
    });

    test(
      'erase leaves no copy of the erased text in the SQLite files (database or write-ahead log)',
      { skip: kind !== 'sqlite' },
      async () => {
        const marker = `erase-me-${randomUUID()}`;
        const first = envelope({ answer: { choices: ['other'], other: marker } });
        for (let index = 0; index < 3; index++)
          await post(index ? envelope({ widgetId: first.widgetId, answer: first.answer }) : first);
        const files = () =>
          ['delib.sqlite', 'delib.sqlite-wal'].map((name) => join(folder, name)).filter((file) => existsSync(file));
        assert.ok(
          files().some((file) => readFileSync(file).includes(marker)),
          'the text was stored',
        );
        assert.equal((await admin('DELETE', `/api/admin/widgets/${first.widgetId}/responses`)).json().erased, 3);
        for (const file of files()) assert.ok(!readFileSync(file).includes(marker), `${file} still holds the erased text`);
      },
    );

    test('erase: responses, tallies and daily counts go, results are then empty; the widget stays known', async () => {
      const first = envelope();
      const { widgetId } = first;
      await post(first);
      await post(envelope({ widgetId }));
      const response = await admin('DELETE', `/api/admin/widgets/${widgetId}/responses`);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { erased: 2 });
      const emptied = await results(widgetId);
      assert.equal(emptied.total, 0);
      assert.deepEqual(emptied.counts, {});
      const detail = await entry(widgetId);
      assert.equal(detail.total, 0);
      assert.equal(detail.firstAt, null);
      assert.deepEqual(detail.days, []);
      assert.ok(detail.daily.every((n) => n === 0));
      const exported = await app.inject({ url: `/api/export/${widgetId}?format=json`, headers: auth });
      assert.deepEqual(exported.json(), []);
      // The same id again is a new response now: it was erased.
      assert.equal((await post(first)).statusCode, 201);
      assert.equal((await results(widgetId)).total, 1);
    });

    test('moderation: a suggestion is pending and shown nowhere public; approve → items and results with its label', async () => {
      const widgetId = `pairwise-${randomUUID()}`;
      const vote = envelope({ widget: 'pairwise', widgetId, answer: { pair: ['trees', 'bins'], winner: 'trees' } });
      const suggestion = envelope({ widget: 'pairwise', widgetId, answer: { suggestion: 'A community orchard' } });
      await post(vote);
      assert.equal((await post(suggestion)).statusCode, 201);

      const pending = (await admin('GET', '/api/admin/moderation?status=pending')).json().items;
      const mine = pending.find((item) => item.id === suggestion.id);
      assert.deepEqual(mine, {
        id: suggestion.id,
        widgetId,
        text: 'A community orchard',
        submittedAt: suggestion.submittedAt,
        status: 'pending',
      });
      assert.equal((await entry(widgetId)).pendingSuggestions, 1);
      const publicBodies = async () =>
        JSON.stringify([
          await (await app.inject(`/api/items/${widgetId}`)).json(),
          await results(widgetId),
          await (await app.inject(`/api/results/${widgetId}?value=trees&value=bins`)).json(),
        ]);
      assert.ok(!(await publicBodies()).includes('orchard'));
      assert.deepEqual((await app.inject(`/api/items/${widgetId}`)).json(), { items: [] });
      // Not even as a number: the total counts comparisons, with or without ?value=.
      assert.equal((await results(widgetId)).total, 1);
      assert.equal((await app.inject(`/api/results/${widgetId}?value=trees&value=bins`)).json().total, 1);

      const approved = await admin('POST', `/api/admin/moderation/${suggestion.id}`, { decision: 'approve', label: ' Orchard ' });
      assert.equal(approved.statusCode, 200);
      const { value } = approved.json();
      assert.match(value, /^s~[A-Za-z0-9_-]{12}$/);
      assert.equal(approved.json().label, 'Orchard');
      assert.equal(approved.json().status, 'approved');
      const items = await app.inject(`/api/items/${widgetId}`);
      assert.equal(items.statusCode, 200);
      assert.equal(items.headers['access-control-allow-origin'], '*');
      assert.deepEqual(items.json(), { items: [{ value, label: 'Orchard' }] });
      const listed = (await results(widgetId)).items.find((item) => item.id === value);
      assert.deepEqual(listed, { id: value, score: 50, wins: 0, losses: 0, label: 'Orchard' });
      // Voted on like the page's own items.
      await post(envelope({ widget: 'pairwise', widgetId, answer: { pair: [value, 'trees'], winner: value } }));
      const after = (await results(widgetId)).items.find((item) => item.id === value);
      assert.deepEqual(after, { id: value, score: 66.667, wins: 1, losses: 0, label: 'Orchard' });
      assert.equal((await results(widgetId)).total, 2);
      assert.equal((await entry(widgetId)).pendingSuggestions, 0);
      const decidedList = (await admin('GET', '/api/admin/moderation?status=approved')).json().items;
      assert.ok(decidedList.some((item) => item.id === suggestion.id && item.value === value));

      const again = await admin('POST', `/api/admin/moderation/${suggestion.id}`, { decision: 'reject' });
      assert.equal(again.statusCode, 409);
      isErrorBody(again.json(), 'already_decided');
      assert.deepEqual((await app.inject(`/api/items/${widgetId}`)).json(), { items: [{ value, label: 'Orchard' }] });
    });

    test('moderation: a rejected suggestion never appears; approving without a label keeps its text', async () => {
      const widgetId = `pairwise-${randomUUID()}`;
      const rejected = envelope({ widget: 'pairwise', widgetId, answer: { suggestion: 'Something rude' } });
      const kept = envelope({ widget: 'pairwise', widgetId, answer: { suggestion: 'Late buses' } });
      await post(rejected);
      await post(kept);
      const no = await admin('POST', `/api/admin/moderation/${rejected.id.toUpperCase()}`, { decision: 'reject' });
      assert.equal(no.statusCode, 200);
      assert.equal(no.json().status, 'rejected');
      assert.equal(no.json().value, undefined);
      const yes = await admin('POST', `/api/admin/moderation/${kept.id}`, { decision: 'approve' });
      assert.equal(yes.json().label, 'Late buses');
      const body = JSON.stringify([(await app.inject(`/api/items/${widgetId}`)).json(), await results(widgetId)]);
      assert.ok(!body.includes('rude'));
      assert.ok(body.includes('Late buses'));
      const rejectedList = (await admin('GET', '/api/admin/moderation?status=rejected')).json().items;
      assert.ok(rejectedList.some((item) => item.id === rejected.id));
      const pendingList = (await admin('GET', '/api/admin/moderation')).json().items;
      assert.ok(!pendingList.some((item) => item.widgetId === widgetId));
    });

    test('moderation: bad input is refused with 4xx and decides nothing', async () => {
      const widgetId = `pairwise-${randomUUID()}`;
      const suggestion = envelope({ widget: 'pairwise', widgetId, answer: { suggestion: 'Bike racks' } });
      await post(suggestion);
      const url = `/api/admin/moderation/${suggestion.id}`;
      const cases = [
        [{}, 400, 'invalid'],
        [{ decision: 'maybe' }, 400, 'invalid'],
        [{ decision: 'approve', label: '' }, 400, 'invalid'],
        [{ decision: 'approve', label: '   ' }, 400, 'invalid'],
        [{ decision: 'approve', label: 'x'.repeat(1001) }, 400, 'invalid'],
        [{ decision: 'approve', label: 'a\u0000b' }, 400, 'invalid'],
        [{ decision: 'approve', label: 42 }, 400, 'invalid'],
        [{ decision: 'reject', label: 'x' }, 400, 'invalid'],
        [{ decision: 'approve', extra: 1 }, 400, 'unknown_field'],
        [['approve'], 400, 'invalid'],
      ];
      for (const [body, status, code] of cases) {
        const response = await admin('POST', url, body);
        assert.equal(response.statusCode, status, JSON.stringify(body));
        isErrorBody(response.json(), code);
      }
      const notJson = await app.inject({ method: 'POST', url, headers: json, payload: '{"decision":' });
      assert.equal(notJson.statusCode, 400);
      isErrorBody(notJson.json(), 'invalid_json');
      const badId = await admin('POST', '/api/admin/moderation/not-a-uuid', { decision: 'reject' });
      assert.equal(badId.statusCode, 400);
      const unknown = await admin('POST', `/api/admin/moderation/${randomUUID()}`, { decision: 'reject' });
      assert.equal(unknown.statusCode, 404);
      const badStatus = await admin('GET', '/api/admin/moderation?status=everything');
      assert.equal(badStatus.statusCode, 400);
      const still = (await admin('GET', '/api/admin/moderation')).json().items.find((item) => item.id === suggestion.id);
      assert.equal(still.status, 'pending');
      assert.deepEqual((await app.inject(`/api/items/${widgetId}`)).json(), { items: [] });
    });

    test('outcome: published into results (cache refreshed), as given in plain text; withdrawn; bad input changes nothing', async () => {
      const first = envelope();
      const { widgetId } = first;
      await post(first);
      assert.equal((await results(widgetId)).outcome, undefined);
      const text = { en: 'We will light the path.\r\n\r\nSee <a href="x">the plan</a>.', cy: 'Byddwn yn goleuo’r llwybr.' };
      const published = await admin('PUT', `/api/admin/widgets/${widgetId}/outcome`, { text });
      assert.equal(published.statusCode, 200);
      const outcome = published.json().outcome;
      assert.deepEqual(outcome.text, { en: 'We will light the path.\n\nSee <a href="x">the plan</a>.', cy: text.cy });
      assert.equal(outcome.publishedAt, clock.toISOString());
      assert.deepEqual((await results(widgetId)).outcome, outcome);
      assert.deepEqual((await entry(widgetId)).outcome, outcome);

      const bad = [
        [{}, 'text'],
        [{ text: {} }, 'text.en'],
        [{ text: { cy: 'Dim ond Cymraeg' } }, 'text.en'],
        [{ text: { en: '' } }, 'text.en'],
        [{ text: { en: 'x'.repeat(5001) } }, 'text.en'],
        [{ text: { en: 'ok', gd: 7 } }, 'text.gd'],
        [{ text: { en: 'ok', fr: 'non' } }, 'fr'],
        [{ text: 'just a string' }, undefined],
        [{ text: { en: 'ok' }, extra: true }, 'extra'],
      ];
      for (const [body, field] of bad) {
        const response = await admin('PUT', `/api/admin/widgets/${widgetId}/outcome`, body);
        assert.equal(response.statusCode, 400, JSON.stringify(body));
        assert.equal(response.json().error.field, field, JSON.stringify(body));
      }
      assert.deepEqual((await results(widgetId)).outcome, outcome);
      const longest = await admin('PUT', `/api/admin/widgets/${widgetId}/outcome`, { text: { en: '🌳'.repeat(5000) } });
      assert.equal(longest.statusCode, 200);

      const unknown = await admin('PUT', `/api/admin/widgets/never-${randomUUID()}/outcome`, { text: { en: 'x' } });
      assert.equal(unknown.statusCode, 404);
      const withdrawn = await admin('DELETE', `/api/admin/widgets/${widgetId}/outcome`);
      assert.equal(withdrawn.statusCode, 204);
      assert.equal((await results(widgetId)).outcome, undefined);
      assert.equal((await entry(widgetId)).outcome, undefined);
    });

    test('items: 200 with none for any valid widget id, 400 for a bad one', async () => {
      assert.deepEqual((await app.inject(`/api/items/nothing-${randomUUID()}`)).json(), { items: [] });
      const bad = await app.inject(`/api/items/${encodeURIComponent('a\u0001b')}`);
      assert.equal(bad.statusCode, 400);
      isErrorBody(bad.json(), 'invalid');
    });
  });
}

describe('the console migration backfills what older versions stored', () => {
  for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
    test(`on ${kind}: first and last, daily counts and pending suggestions`, async () => {
      const folder = mkdtempSync(join(tmpdir(), 'delib-admin-migration-'));
      const url = kind === 'sqlite' ? `file:${join(folder, 'delib.sqlite')}` : await postgresUrlForTests();
      try {
        let store = await openStore(url);
        const widgetId = `pairwise-${randomUUID()}`;
        const suggestion = envelope({ widget: 'pairwise', widgetId, answer: { suggestion: 'A bandstand' } });
        const vote = envelope({ widget: 'pairwise', widgetId, answer: { pair: ['a', 'b'], winner: 'b' } });
        assert.equal(await store.insert(suggestion, new Date('2026-11-30T09:00:00.000Z')), 'created');
        assert.equal(await store.insert(vote, new Date('2026-12-01T23:00:00.000Z')), 'created');
        await store.close();
        // What a version before the console stored: none of its columns and tables.
        const undo =
          kind === 'sqlite'
            ? `DROP INDEX widgets_by_last; ALTER TABLE widgets DROP COLUMN closed; ALTER TABLE widgets DROP COLUMN first_at;
               ALTER TABLE widgets DROP COLUMN last_at; ALTER TABLE widgets DROP COLUMN revision; ALTER TABLE widgets DROP COLUMN outcome;
               DROP TABLE daily; DROP TABLE suggestions; PRAGMA user_version = 4;`
            : `ALTER TABLE widgets ADD COLUMN total bigint NOT NULL DEFAULT 0;
               UPDATE widgets AS w SET total = (SELECT sum(total) FROM widget_shards AS s WHERE s.widget_id = w.widget_id);
               DROP TABLE widget_shards;
               ALTER TABLE tallies DROP COLUMN shard; ALTER TABLE tallies ADD PRIMARY KEY (widget_id, bucket, key);
               ALTER TABLE widgets DROP COLUMN closed, DROP COLUMN seen, DROP COLUMN revision, DROP COLUMN outcome;
               DROP TABLE daily; DROP TABLE suggestions;
               DELETE FROM delib_migrations WHERE version >= 5;`;
        if (kind === 'sqlite') {
          const { default: Database } = await import('better-sqlite3');
          const db = new Database(join(folder, 'delib.sqlite'));
          db.exec(undo);
          db.close();
        } else {
          const { default: pg } = await import('pg');
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(undo);
          await client.end();
        }
        store = await openStore(url);
        try {
          const detail = await store.widget(widgetId, new Date('2026-12-02T12:00:00.000Z'));
          assert.equal(detail.total, 2);
          assert.equal(detail.firstAt, '2026-11-30T09:00:00.000Z');
          assert.equal(detail.lastAt, '2026-12-01T23:00:00.000Z');
          assert.equal(detail.closed, false);
          assert.deepEqual(detail.days, [
            { date: '2026-11-30', count: 1 },
            { date: '2026-12-01', count: 1 },
          ]);
          assert.deepEqual(detail.daily.slice(-3), [1, 1, 0]);
          assert.equal(detail.pendingSuggestions, 1);
          const [pending] = (await store.suggestions('pending', 10)).filter((item) => item.widgetId === widgetId);
          assert.equal(pending.id, suggestion.id);
          assert.equal(pending.text, 'A bandstand');
        } finally {
          await store.close();
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});

describe('retention (DELIB_RETENTION_DAYS)', () => {
  test('the setting: a whole number of days, else a one-line error naming it', async () => {
    const { configFromEnv } = await import('../src/config.ts');
    assert.equal(configFromEnv({}).retentionDays, undefined);
    assert.equal(configFromEnv({ DELIB_RETENTION_DAYS: '90' }).retentionDays, 90);
    for (const value of ['0', '-1', '1.5', 'ninety', '36501']) {
      assert.throws(
        () => configFromEnv({ DELIB_RETENTION_DAYS: value }),
        (error) => error.name === 'ConfigError' && /DELIB_RETENTION_DAYS/.test(error.message) && !error.message.includes('\n'),
        value,
      );
    }
  });

  for (const kind of (process.env.DELIB_TEST_STORES ?? 'sqlite,postgres').split(',')) {
    test(`on ${kind}: contact details older than the setting go (the rest of the answer stays), at start and on each run`, async () => {
      const { eraseExpiredContacts } = await import('../src/admin/retention.ts');
      const folder = mkdtempSync(join(tmpdir(), 'delib-retention-'));
      const url = kind === 'sqlite' ? `file:${join(folder, 'delib.sqlite')}` : await postgresUrlForTests();
      let clock = new Date('2026-12-02T12:00:00.000Z');
      const store = await openStore(url);
      try {
        const widgetId = `needs-${randomUUID()}`;
        const contact = { name: 'Ann', email: 'ann@example.org' };
        const answer = { needs: [{ category: 'food', detail: 'Meals' }], assets: [], area: 'Riverside', contact };
        const old = envelope({ widget: 'needs-assets', widgetId, answer });
        const recent = envelope({ widget: 'needs-assets', widgetId, answer });
        const poll = envelope({ answer: { choices: ['a'], other: 'ann@example.org' } });
        assert.equal(await store.insert(old, new Date('2026-08-01T00:00:00.000Z')), 'created');
        assert.equal(await store.insert(recent, new Date('2026-11-30T00:00:00.000Z')), 'created');
        assert.equal(await store.insert(poll, new Date('2026-01-01T00:00:00.000Z')), 'created');

        // At start: the app's first run, before it answers anything.
        const audits = [];
        const app = await buildApp({ store, logger: false, retentionDays: 90, now: () => clock });
        await app.ready();
        const rows = async () => {
          const found = new Map();
          for await (const { envelope: one } of store.responses(widgetId)) found.set(one.id, one.answer);
          return found;
        };
        let stored = await rows();
        assert.deepEqual(stored.get(old.id), { needs: [{ category: 'food', detail: 'Meals' }], assets: [], area: 'Riverside' });
        assert.deepEqual(stored.get(recent.id), answer);
        const started = (await store.auditEntries({ limit: 10 })).entries.filter((item) => item.action === 'retention-erase');
        assert.deepEqual(
          started.map((item) => [item.who, item.widgetId]),
          [['retention', widgetId]],
        );
        // Only contact details of needs-and-assets answers: other free text stays whatever it holds.
        for await (const { envelope: one } of store.responses(poll.widgetId)) assert.equal(one.answer.other, 'ann@example.org');

        // Later runs (the hourly timer calls the same function): the clock moves on.
        clock = new Date('2027-03-01T00:00:00.000Z');
        const erased = await eraseExpiredContacts(store, 90, clock, async (entry) => audits.push(entry));
        assert.deepEqual([...erased], [[widgetId, 1]]);
        assert.deepEqual(audits, [{ at: clock, who: 'retention', action: 'retention-erase', widgetId }]);
        stored = await rows();
        assert.equal(stored.get(recent.id).contact, undefined);
        assert.equal(stored.get(recent.id).area, 'Riverside');
        // Nothing left to erase: no audit entry.
        assert.equal((await eraseExpiredContacts(store, 90, clock, async (entry) => audits.push(entry))).size, 0);
        assert.equal(audits.length, 1);
        // Results are untouched.
        assert.equal((await store.results(widgetId)).total, 2);
        await app.close();
      } finally {
        await store.close().catch(() => {});
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
