import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Store } from '../store.js';
import { ClientError } from '../validate.js';

/** What each kind of account may do (CONTRACT.md §8): admin everything, moderator moderation and reading, viewer reading and export. */
export type Role = 'admin' | 'moderator' | 'viewer';
export const roles: readonly Role[] = ['admin', 'moderator', 'viewer'];

/** Who a request acts for: the account's email, or `token` for `DELIB_ADMIN_TOKEN` (which acts as an admin). */
export interface Actor {
  who: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireRole` once the request is known to come from someone allowed. */
    actor?: Actor;
  }
  interface FastifyInstance {
    /** How `requireRole` finds who a request comes from; see `decorateAccess`. */
    delibAccess: Access;
  }
  interface FastifyContextConfig {
    /** @fastify/cors reads a route's own settings here (its types do not say so): false turns it off. */
    cors?: false | { credentials?: boolean };
  }
}

/**
 * Records an audit entry for the request's actor (`request.actor`, set by `requireRole`); `subject`
 * names the account an action was about (`account-added`, `account-removed`).
 */
export type Audit = (request: FastifyRequest, action: string, widgetId?: string, subject?: string) => Promise<void>;

/** Who a request comes from, and how it proved it. */
export interface Authentication {
  actor: Actor;
  /** By the session cookie, which a browser sends by itself: state-changing requests must then be same-origin. */
  byCookie: boolean;
}

/** What the admin routes need to know about requests: who sent them, and how to audit what they did. */
export interface Access {
  authenticate(request: FastifyRequest): Promise<Authentication | undefined>;
  audit: Audit;
  /** The time: injectable, so that tests can move it. */
  now(): Date;
}

/** The same time whatever the secret's content or length: fixed-size digests are compared. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The bearer token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

export interface AccessOptions {
  store: Store;
  /** `DELIB_ADMIN_TOKEN`: bearing it acts as an admin, who = `token`. */
  adminToken?: string;
  now?: () => Date;
  /** Who a request's session cookie belongs to, if it has a live one (see sessions.ts). */
  session?: (request: FastifyRequest) => Promise<Actor | undefined>;
}

/** The access rules of the reference endpoint, made available to `requireRole` on `app`. */
export function decorateAccess(app: FastifyInstance, options: AccessOptions): Access {
  const now = options.now ?? (() => new Date());
  const access: Access = {
    now,
    async authenticate(request) {
      const token = bearerToken(request);
      if (token !== undefined) {
        // A wrong token is not rescued by a cookie: the request said who it was, and that was wrong.
        return options.adminToken && sameSecret(token, options.adminToken)
          ? { actor: { who: 'token', role: 'admin' }, byCookie: false }
          : undefined;
      }
      const actor = await options.session?.(request);
      return actor && { actor, byCookie: true };
    },
    audit: async (request, action, widgetId, subject) => {
      await options.store.recordAudit({
        at: now(),
        who: request.actor?.who ?? 'anonymous',
        action,
        ...(widgetId === undefined ? {} : { widgetId }),
        ...(subject === undefined ? {} : { subject }),
      });
    },
  };
  app.decorate('delibAccess', access);
  app.decorateRequest('actor', undefined);
  return access;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request a browser sent by itself (cookie) comes from this server's own pages: its
 * `Origin` is this server's origin (scheme and host as the request reached it, behind a trusted proxy
 * as the proxy says), or, without `Origin`, `Sec-Fetch-Site` says `same-origin`. Neither: refused.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === ownOrigin(request);
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/**
 * Whether a browser says a read was started by another site's page (an image or link on a sibling
 * subdomain carries a SameSite=Strict cookie too): such reads by cookie, an export above all, are refused.
 * Typed addresses (`none`) and the console's own requests (`same-origin`) pass; so do clients that do not
 * send the header at all.
 */
export function fromAnotherSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  return site === 'same-site' || site === 'cross-site';
}

/** This server's origin as the request reached it (`http://localhost:80` and `http://localhost` are one). */
function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return undefined;
  }
}

/**
 * A preHandler for admin routes: 401 `unauthenticated` without a live session or the admin token,
 * 403 `cross_origin` for a state-changing request by cookie from another origin, 403 `forbidden` for
 * a role not among `allowed`. Sets `request.actor`.
 */
export function requireRole(...allowed: Role[]): preHandlerAsyncHookHandler {
  return async function (request, reply) {
    const found = await request.server.delibAccess.authenticate(request);
    if (!found) {
      reply.header('WWW-Authenticate', 'Bearer');
      throw new ClientError(401, 'unauthenticated', 'Sign in first, or send Authorization: Bearer with the admin token.');
    }
    if (found.byCookie && (safeMethods.has(request.method) ? fromAnotherSite(request) : !sameOrigin(request))) {
      throw new ClientError(403, 'cross_origin', 'This request did not come from the console on this server, so it was refused.');
    }
    if (!allowed.includes(found.actor.role)) {
      throw new ClientError(403, 'forbidden', `An account with the role ${found.actor.role} may not do this.`);
    }
    request.actor = found.actor;
  };
}

/** The role names for messages: "admin, moderator or viewer". */
export const roleList = (list: readonly Role[] = roles) =>
  list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list.join('');
