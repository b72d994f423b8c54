import type { FastifyInstance } from 'fastify';
import { auditCursor, type Store } from '../store.js';
import { ClientError } from '../validate.js';
import { decorateAccess, requireRole, type Access } from './access.js';
import { accountRoutes, ensureFirstAdmin } from './accounts.js';
import { Sessions, sessionRoutes, type SignInLimits } from './sessions.js';

/** Entries per page of `GET /api/admin/audit`. */
export const auditPageSize = 100;

export interface AdminOptions {
  store: Store;
  /** `DELIB_ADMIN_TOKEN`: acts as an admin. */
  adminToken?: string;
  /** `DELIB_ADMIN_EMAIL` and `DELIB_ADMIN_PASSWORD`: the first admin, when there is no account. */
  firstAdmin?: { email: string; password: string };
  /** `DELIB_SESSION_HOURS`: idle expiry (8). */
  sessionHours?: number;
  signInLimits?: SignInLimits;
  now?: () => Date;
}

/**
 * Everything the console's API needs on the root, before any route: who requests come from (the
 * admin token or a session; see `requireRole`), no CORS under /api/admin, and the first admin. Returns
 * the access rules and a function that registers the routes inside the `/api` scope.
 */
export async function setUpAdmin(app: FastifyInstance, options: AdminOptions) {
  const { store } = options;
  const access = decorateAccess(app, {
    store,
    adminToken: options.adminToken,
    now: options.now,
    // Called only once requests arrive, by when `sessions` exists.
    session: (request) => sessions.actor(request),
  });
  const sessions = new Sessions(store, access, options.sessionHours);
  adminScope(app);
  if (options.firstAdmin) await ensureFirstAdmin(store, options.firstAdmin, access.now(), app.log);
  return {
    access,
    routes(api: FastifyInstance) {
      adminRoutes(api, { store, access, sessions, signInLimits: options.signInLimits });
    },
  };
}

const isAdminPath = (url: string) => url === '/api/admin' || url.startsWith('/api/admin/');

/**
 * A request's path as a router might read it: %-decoded, any case, `//` and `/./` collapsed, so that
 * `/api/%61dmin/…`, `/API/admin/…` or `/api//admin/…` count as under `/api/admin` too.
 */
function looseAdminPath(url: string): boolean {
  let path = url.split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // A broken encoding: checked as it is.
  }
  path = path
    .toLowerCase()
    .replace(/\/(\.\/)+/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/\/\.$/, '/');
  return isAdminPath(path);
}

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
    if (request.method === 'OPTIONS' && looseAdminPath(request.url)) {
      throw new ClientError(404, 'not_found', `Nothing at OPTIONS ${request.url.split('?')[0]}.`);
    }
  });
}

/**
 * The admin JSON API this file owns (accounts, sessions, the audit log), registered inside the `/api`
 * scope. Every route names the roles that may use it (`requireRole`).
 */
function adminRoutes(
  api: FastifyInstance,
  { store, access, sessions, signInLimits }: { store: Store; access: Access; sessions: Sessions; signInLimits?: SignInLimits },
): void {
  sessionRoutes(api, { store, access, sessions, signInLimits });
  accountRoutes(api, { store, access });

  api.get<{ Querystring: { before?: string } }>('/admin/audit', { preHandler: requireRole('admin') }, async (request) => {
    const { before } = request.query;
    if (before !== undefined && (typeof before !== 'string' || !auditCursor.test(before))) {
      throw new ClientError(400, 'invalid', 'before must be the next cursor of an earlier page.', 'before');
    }
    return store.auditEntries({ limit: auditPageSize, before });
  });
}
