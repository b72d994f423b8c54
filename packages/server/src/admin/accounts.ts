import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Store } from '../store.js';
import { ClientError } from '../validate.js';
import { requireRole, roleList, roles, type Access, type Role } from './access.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { emailProblem, jsonOnly, normaliseEmail } from './validation.js';

/** `GET`, `POST /api/admin/accounts` and `DELETE /api/admin/accounts/{email}`: admins only. */
export function accountRoutes(api: FastifyInstance, { store, access }: { store: Store; access: Access }): void {
  const admin = requireRole('admin');

  api.get('/admin/accounts', { preHandler: admin }, async () => ({ accounts: await store.accounts() }));

  api.post<{ Body: unknown }>('/admin/accounts', { onRequest: jsonOnly, preHandler: admin }, async (request, reply) => {
    const { email, password, role } = newAccount(request.body);
    const createdAt = access.now().toISOString();
    const outcome = await store.addAccount({ email, role, createdAt, passwordHash: await hashPassword(password) });
    if (outcome === 'exists') throw new ClientError(409, 'exists', `There is already an account for ${email}.`, 'email');
    if (outcome !== 'created')
      throw new ClientError(409, 'too_many_accounts', 'This server has as many accounts as it can hold.');
    await access.audit(request, 'account-added', undefined, email);
    return reply.code(201).send({ email, role, createdAt });
  });

  api.delete<{ Params: { email: string } }>('/admin/accounts/:email', { preHandler: admin }, async (request, reply) => {
    const email = normaliseEmail(request.params.email);
    const problem = emailProblem(email);
    if (problem) throw new ClientError(400, 'invalid', problem, 'email');
    if (email === request.actor?.who) {
      throw new ClientError(409, 'own_account', 'You cannot remove your own account: another admin can.', 'email');
    }
    const outcome = await store.removeAccount(email);
    if (outcome === 'not_found') throw new ClientError(404, 'not_found', `There is no account for ${email}.`, 'email');
    if (outcome === 'last_admin') {
      throw new ClientError(409, 'last_admin', `${email} is the last admin: add another admin before removing it.`, 'email');
    }
    await access.audit(request, 'account-removed', undefined, email);
    return reply.code(204).send();
  });
}

/** `{ "email", "password", "role" }`, each checked, the email lower-cased. */
function newAccount(body: unknown): { email: string; password: string; role: Role } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ClientError(400, 'invalid', 'Send { "email", "password", "role" }.');
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((name) => !['email', 'password', 'role'].includes(name));
  if (unknown) throw new ClientError(400, 'invalid', `Unknown field ${unknown.slice(0, 40)}.`, unknown.slice(0, 40));
  const email = typeof fields.email === 'string' ? normaliseEmail(fields.email) : fields.email;
  const emailIssue = emailProblem(email);
  if (emailIssue) throw new ClientError(400, 'invalid', emailIssue, 'email');
  const passwordIssue = passwordProblem(fields.password);
  if (passwordIssue) throw new ClientError(400, 'invalid', passwordIssue, 'password');
  if (!roles.includes(fields.role as Role)) throw new ClientError(400, 'invalid', `role must be ${roleList()}.`, 'role');
  return { email: email as string, password: fields.password as string, role: fields.role as Role };
}

/**
 * The first administrator, from `DELIB_ADMIN_EMAIL` and `DELIB_ADMIN_PASSWORD`, when the store has no
 * account at all (checked in the same transaction that adds it, so processes starting together add it
 * once). Never logs the password.
 */
export async function ensureFirstAdmin(
  store: Store,
  first: { email: string; password: string },
  now: Date,
  log: FastifyBaseLogger,
): Promise<void> {
  if ((await store.accounts()).length) {
    log.info('the console has accounts already: DELIB_ADMIN_EMAIL and DELIB_ADMIN_PASSWORD are not used');
    return;
  }
  const email = normaliseEmail(first.email);
  const outcome = await store.addAccount(
    { email, role: 'admin', createdAt: now.toISOString(), passwordHash: await hashPassword(first.password) },
    { onlyFirst: true },
  );
  if (outcome === 'created') {
    await store.recordAudit({ at: now, who: 'configuration', action: 'account-added', subject: email });
    log.info(`created the first admin account, ${email}, from DELIB_ADMIN_EMAIL and DELIB_ADMIN_PASSWORD`);
  }
}
