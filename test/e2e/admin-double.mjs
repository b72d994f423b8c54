/**
 * A stand-in for the part of issue 10's admin API still to come from branch i10-auth: the session
 * routes and accounts (I10-API.md, CONTRACT.md §8), for the console's browser tests until that branch is
 * merged. Sessions live in memory and plug into the real access rules (`app.delibAccess`), so every other
 * route the console uses (widgets, moderation, outcome, audit, export) is the real server's. Once
 * i10-auth's sessions are in, the tests sign in against them and this file goes.
 *
 * Registered through `buildApp({ register })`. `state` is returned so a test can look inside (expire a
 * session, count failures).
 */
import { randomBytes } from 'node:crypto';
import { requireRole } from '../../packages/server/src/admin/access.ts';

const error = (reply, status, code, message, field) =>
  reply.code(status).send({ error: { code, message, ...(field ? { field } : {}) } });

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ store: import('../../packages/server/src/store.ts').Store,
 *   accounts: {email: string, password: string, role: string}[] }} seed
 */
export function adminDouble(app, seed) {
  const state = {
    accounts: new Map(seed.accounts.map((account) => [account.email, { ...account, createdAt: new Date().toISOString() }])),
    sessions: new Map(),
    failures: new Map(),
  };
  const record = (who, action) => seed.store.recordAudit({ at: new Date(), who, action });
  const tokenOf = (request) => /(?:^|;\s*)delib_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];

  // The real access rules learn who a session cookie belongs to, as i10-auth's sessions will tell them.
  app.addHook('onReady', async () => {
    const authenticate = app.delibAccess.authenticate;
    app.delibAccess.authenticate = async (request) => {
      const found = await authenticate(request);
      if (found || request.headers.authorization) return found;
      const email = state.sessions.get(tokenOf(request));
      const account = email && state.accounts.get(email);
      return account ? { actor: { who: account.email, role: account.role }, byCookie: true } : undefined;
    };
  });

  app.register(
    async (admin) => {
      const everyone = requireRole('admin', 'moderator', 'viewer');
      const guard = (...roles) => requireRole(...roles);

      admin.post('/session', async (request, reply) => {
        const { email, password } = request.body ?? {};
        if (typeof email !== 'string' || typeof password !== 'string')
          return error(reply, 400, 'invalid', 'Send email and password.');
        const failures = state.failures.get(email) ?? 0;
        if (failures >= 5)
          return reply.header('Retry-After', '900') && error(reply, 429, 'too_many_attempts', 'Too many attempts.');
        const account = state.accounts.get(email);
        if (!account || account.password !== password) {
          state.failures.set(email, failures + 1);
          await record(email, 'sign-in-failed');
          return error(reply, 401, 'invalid_credentials', 'Wrong email or password.');
        }
        state.failures.delete(email);
        const token = randomBytes(32).toString('base64url');
        state.sessions.set(token, email);
        await record(email, 'sign-in');
        reply.header('Set-Cookie', `delib_session=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=28800`);
        return { email, role: account.role };
      });
      admin.get('/session', { preHandler: everyone }, async (request) => ({
        email: request.actor.who,
        role: request.actor.role,
      }));
      admin.delete('/session', { preHandler: everyone }, async (request, reply) => {
        state.sessions.delete(tokenOf(request));
        await record(request.actor.who, 'sign-out');
        return reply.code(204).header('Set-Cookie', 'delib_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0').send();
      });

      admin.get('/accounts', { preHandler: guard('admin') }, async () => ({
        accounts: [...state.accounts.values()].map(({ email, role, createdAt }) => ({ email, role, createdAt })),
      }));
      admin.post('/accounts', { preHandler: guard('admin') }, async (request, reply) => {
        const { email, password, role } = request.body ?? {};
        if (state.accounts.has(email))
          return error(reply, 409, 'exists', 'There is already an account with this email address.', 'email');
        state.accounts.set(email, { email, password, role, createdAt: new Date().toISOString() });
        await record(request.actor.who, 'account-added');
        return reply.code(201).send({ email, role });
      });
      admin.delete('/accounts/:email', { preHandler: guard('admin') }, async (request, reply) => {
        if (!state.accounts.delete(request.params.email)) return error(reply, 404, 'not_found', 'No such account.');
        for (const [token, email] of state.sessions) if (email === request.params.email) state.sessions.delete(token);
        await record(request.actor.who, 'account-removed');
        return reply.code(204).send();
      });
    },
    { prefix: '/api/admin' },
  );
  return state;
}
