/**
 * A stand-in for the admin API of issue 10 (I10-API.md: session routes, accounts and audit from branch
 * i10-auth; widgets, moderation and outcome from i10-admin), for the console's browser tests until
 * those branches are merged. It answers exactly the shapes I10-API.md and CONTRACT.md §8 give, keeps
 * its state in memory, and sits beside the real server's own routes (responses, results, export), which
 * the console also uses. Once the real API is in, the tests run against it and this file goes.
 *
 * Registered through `buildApp({ register })`. `state` is returned so a test can look inside (expire a
 * session, count audit entries).
 */
import { randomBytes } from 'node:crypto';

const error = (reply, status, code, message, field) =>
  reply.code(status).send({ error: { code, message, ...(field ? { field } : {}) } });

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ adminToken: string, accounts: {email: string, password: string, role: string}[],
 *   widgets: {widgetId: string, widget: string, total: number, firstAt: string, lastAt: string, daily: number[]}[],
 *   suggestions: {id: string, widgetId: string, text: string, submittedAt: string}[],
 *   freeText: Record<string, {id: string, submittedAt: string, field: string, text: string}[]> }} seed
 */
export function adminDouble(app, seed) {
  const state = {
    accounts: new Map(seed.accounts.map((account) => [account.email, { ...account, createdAt: new Date().toISOString() }])),
    sessions: new Map(),
    failures: new Map(),
    widgets: new Map(seed.widgets.map((widget) => [widget.widgetId, { closed: false, outcome: undefined, ...widget }])),
    suggestions: seed.suggestions.map((suggestion) => ({ ...suggestion, status: 'pending' })),
    freeText: seed.freeText ?? {},
    audit: [],
    origin: undefined,
  };
  const record = (who, action, widgetId) => state.audit.unshift({ at: new Date().toISOString(), who, action, ...(widgetId ? { widgetId } : {}) });
  const tokenOf = (request) => /(?:^|;\s*)delib_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  const actorOf = (request) => {
    const token = tokenOf(request);
    const email = token && state.sessions.get(token);
    const account = email && state.accounts.get(email);
    if (account) return { who: account.email, role: account.role, cookie: true };
    if (request.headers.authorization === `Bearer ${seed.adminToken}`) return { who: 'token', role: 'admin', cookie: false };
    return undefined;
  };

  // The real export route takes the admin token only until i10-admin lets the session in: a signed-in
  // person's download is passed on to it with the token, as the merged server will accept the cookie.
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/export/') && actorOf(request)?.cookie) {
      request.headers.authorization = `Bearer ${seed.adminToken}`;
      const widgetId = decodeURIComponent(request.url.split('/')[3].split('?')[0]);
      record(actorOf(request).who, 'export', widgetId);
    }
  });

  app.register(
    async (admin) => {
      const guard =
        (...roles) =>
        async (request, reply) => {
          const actor = actorOf(request);
          if (!actor) return error(reply, 401, 'unauthenticated', 'Sign in first.');
          if (actor.cookie && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
            const origin = request.headers.origin;
            const expected = `http://${request.headers.host}`;
            if (origin ? origin !== expected : request.headers['sec-fetch-site'] !== 'same-origin')
              return error(reply, 403, 'cross_origin', 'This request must come from the console.');
          }
          if (roles.length && !roles.includes(actor.role)) return error(reply, 403, 'forbidden', 'Your role may not do this.');
          request.actor = actor;
        };
      const everyone = guard();

      admin.post('/session', async (request, reply) => {
        const { email, password } = request.body ?? {};
        if (typeof email !== 'string' || typeof password !== 'string') return error(reply, 400, 'invalid', 'Send email and password.');
        const failures = state.failures.get(email) ?? 0;
        if (failures >= 5) return reply.header('Retry-After', '900') && error(reply, 429, 'too_many_attempts', 'Too many attempts.');
        const account = state.accounts.get(email);
        if (!account || account.password !== password) {
          state.failures.set(email, failures + 1);
          record(email, 'sign-in-failed');
          return error(reply, 401, 'invalid_credentials', 'Wrong email or password.');
        }
        state.failures.delete(email);
        const token = randomBytes(32).toString('base64url');
        state.sessions.set(token, email);
        record(email, 'sign-in');
        reply.header('Set-Cookie', `delib_session=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=28800`);
        return { email, role: account.role };
      });
      admin.get('/session', { preHandler: everyone }, async (request) => ({ email: request.actor.who, role: request.actor.role }));
      admin.delete('/session', { preHandler: everyone }, async (request, reply) => {
        state.sessions.delete(tokenOf(request));
        record(request.actor.who, 'sign-out');
        return reply.code(204).header('Set-Cookie', 'delib_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0').send();
      });

      const entry = ({ outcome: _outcome, ...widget }) => ({ ...widget, daily: [...widget.daily] });
      admin.get('/widgets', { preHandler: everyone }, async () => ({
        widgets: [...state.widgets.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt)).map(entry),
      }));
      const widgetOr404 = (request, reply) => {
        const widget = state.widgets.get(request.params.widgetId);
        if (!widget) error(reply, 404, 'not_found', 'No such widget.', 'widgetId');
        return widget;
      };
      admin.get('/widgets/:widgetId', { preHandler: everyone }, async (request, reply) => {
        const widget = widgetOr404(request, reply);
        if (!widget) return reply;
        const today = new Date();
        const days = widget.daily
          .map((count, index) => ({ date: new Date(today.getTime() - (widget.daily.length - 1 - index) * 86_400_000).toISOString().slice(0, 10), count }))
          .filter((day) => day.count);
        return {
          ...entry(widget),
          days,
          ...(widget.outcome ? { outcome: widget.outcome } : {}),
          pendingSuggestions: state.suggestions.filter((each) => each.widgetId === widget.widgetId && each.status === 'pending').length,
        };
      });
      admin.get('/widgets/:widgetId/text', { preHandler: everyone }, async (request) => {
        const all = state.freeText[request.params.widgetId] ?? [];
        const start = Number(request.query.before ?? 0);
        const entries = all.slice(start, start + 50);
        return { entries, ...(start + 50 < all.length ? { next: String(start + 50) } : {}) };
      });
      for (const action of ['close', 'reopen']) {
        admin.post(`/widgets/:widgetId/${action}`, { preHandler: guard('admin', 'moderator') }, async (request, reply) => {
          const widget = widgetOr404(request, reply);
          if (!widget) return reply;
          widget.closed = action === 'close';
          record(request.actor.who, action, widget.widgetId);
          return entry(widget);
        });
      }
      admin.delete('/widgets/:widgetId/responses', { preHandler: guard('admin') }, async (request, reply) => {
        const widget = widgetOr404(request, reply);
        if (!widget) return reply;
        const erased = widget.total;
        Object.assign(widget, { total: 0, daily: widget.daily.map(() => 0) });
        record(request.actor.who, 'erase', widget.widgetId);
        return { erased };
      });
      admin.put('/widgets/:widgetId/outcome', { preHandler: guard('admin', 'moderator') }, async (request, reply) => {
        const widget = widgetOr404(request, reply);
        if (!widget) return reply;
        const text = request.body?.text;
        if (!text || typeof text.en !== 'string' || !text.en.trim()) return error(reply, 400, 'invalid', 'Enter the English text.', 'text.en');
        widget.outcome = { text, publishedAt: new Date().toISOString() };
        record(request.actor.who, 'outcome-published', widget.widgetId);
        return widget.outcome;
      });
      admin.delete('/widgets/:widgetId/outcome', { preHandler: guard('admin', 'moderator') }, async (request, reply) => {
        const widget = widgetOr404(request, reply);
        if (!widget) return reply;
        widget.outcome = undefined;
        record(request.actor.who, 'outcome-withdrawn', widget.widgetId);
        return reply.code(204).send();
      });

      admin.get('/moderation', { preHandler: guard('admin', 'moderator') }, async (request, reply) => {
        const status = request.query.status ?? 'pending';
        if (!['pending', 'approved', 'rejected'].includes(status)) return error(reply, 400, 'invalid', 'Unknown status.', 'status');
        return { items: state.suggestions.filter((each) => each.status === status) };
      });
      admin.post('/moderation/:id', { preHandler: guard('admin', 'moderator') }, async (request, reply) => {
        const item = state.suggestions.find((each) => each.id === request.params.id);
        if (!item) return error(reply, 404, 'not_found', 'No such suggestion.');
        const { decision, label } = request.body ?? {};
        if (decision !== 'approve' && decision !== 'reject') return error(reply, 400, 'invalid', 'Approve or reject.', 'decision');
        item.status = decision === 'approve' ? 'approved' : 'rejected';
        if (decision === 'approve' && label) item.label = label;
        record(request.actor.who, decision, item.widgetId);
        return item;
      });

      admin.get('/accounts', { preHandler: guard('admin') }, async () => ({
        accounts: [...state.accounts.values()].map(({ email, role, createdAt }) => ({ email, role, createdAt })),
      }));
      admin.post('/accounts', { preHandler: guard('admin') }, async (request, reply) => {
        const { email, password, role } = request.body ?? {};
        if (state.accounts.has(email)) return error(reply, 409, 'exists', 'There is already an account with this email address.', 'email');
        state.accounts.set(email, { email, password, role, createdAt: new Date().toISOString() });
        record(request.actor.who, 'account-added');
        return reply.code(201).send({ email, role });
      });
      admin.delete('/accounts/:email', { preHandler: guard('admin') }, async (request, reply) => {
        if (!state.accounts.delete(request.params.email)) return error(reply, 404, 'not_found', 'No such account.');
        for (const [token, email] of state.sessions) if (email === request.params.email) state.sessions.delete(token);
        record(request.actor.who, 'account-removed');
        return reply.code(204).send();
      });

      admin.get('/audit', { preHandler: guard('admin') }, async (request) => {
        const start = Number(request.query.before ?? 0);
        const entries = state.audit.slice(start, start + 100);
        return { entries, ...(start + 100 < state.audit.length ? { next: String(start + 100) } : {}) };
      });
    },
    { prefix: '/api/admin' },
  );
  return state;
}
