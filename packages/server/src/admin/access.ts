// TEMPORARY stand-in for the seam that branch i10-auth commits (I10-API.md): deleted at the merge.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ClientError } from '../validate.js';

export type Role = 'admin' | 'moderator' | 'viewer';
export interface Actor {
  who: string;
  role: Role;
}
declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}
export type Audit = (request: FastifyRequest, action: string, widgetId?: string) => Promise<void>;

/** Stand-in: the bearer token only, as admin. */
export function standInRequireRole(token: string | undefined) {
  return (...roles: Role[]): preHandlerAsyncHookHandler =>
    async (request) => {
      const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const digest = (text: string) => createHash('sha256').update(text).digest();
      if (!token || given === undefined || !timingSafeEqual(digest(given), digest(token)))
        throw new ClientError(401, 'unauthenticated', 'Sign in first.');
      if (!roles.includes('admin')) throw new ClientError(403, 'forbidden', 'Not allowed.');
      request.actor = { who: 'token', role: 'admin' };
    };
}
