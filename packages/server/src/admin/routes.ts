import type { FastifyInstance } from 'fastify';
import { auditCursor, type Store } from '../store.js';
import { ClientError } from '../validate.js';
import { requireRole } from './access.js';

/** Entries per page of `GET /api/admin/audit`. */
export const auditPageSize = 100;

export interface AdminRouteOptions {
  store: Store;
}

const isAdminPath = (url: string) => url === '/api/admin' || url.startsWith('/api/admin/');

/**
 * No CORS on `/api/admin/*`, ever (I10-API.md): the console is served by this server, and no other
 * site's pages may read or drive it. Installed on the root before any route: routes under the path get
 * the CORS plugin's per-route switch turned off, and preflights there (which the plugin answers for
 * every path) are refused before it sees them.
 */
export function adminScope(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (isAdminPath(route.url)) route.config = { ...(route.config as object), cors: false };
  });
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS' && isAdminPath(request.url.split('?')[0])) {
      throw new ClientError(404, 'not_found', `Nothing at OPTIONS ${request.url.split('?')[0]}.`);
    }
  });
}

/**
 * The admin JSON API this file owns (accounts, sessions, the audit log), registered inside the `/api`
 * scope. Every route names the roles that may use it (`requireRole`).
 */
export function adminRoutes(api: FastifyInstance, { store }: AdminRouteOptions): void {
  api.get<{ Querystring: { before?: string } }>('/admin/audit', { preHandler: requireRole('admin') }, async (request) => {
    const { before } = request.query;
    if (before !== undefined && (typeof before !== 'string' || !auditCursor.test(before))) {
      throw new ClientError(400, 'invalid', 'before must be the next cursor of an earlier page.', 'before');
    }
    return store.auditEntries({ limit: auditPageSize, before });
  });
}
