import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store.js';
import { ClientError } from '../validate.js';
import { sameOrigin, type Access, type Actor } from './access.js';
import { hashPassword, passwordLength, verifyPassword } from './passwords.js';
import { emailLength, jsonOnly, normaliseEmail } from './validation.js';

export const cookieName = 'delib_session';

/** Idle expiry by default (`DELIB_SESSION_HOURS`), and the absolute limit whatever the use. */
export const defaultSessionHours = 8;
const absoluteHours = 24;
/** A session's last use is written at most this often: every request would be a write otherwise. */
const touchEvery = 60_000;

/** Failed sign-ins counted per account and per address over a sliding window. */
export interface SignInLimits {
  account: number;
  address: number;
  windowMinutes: number;
}
export const defaultSignInLimits: SignInLimits = { account: 10, address: 30, windowMinutes: 15 };

/** Password checks running at once, and waiting: each holds 32 MiB and 50–100 ms of a core. */
const hashing = { running: 2, waiting: 32 };

const hour = 3_600_000;

export interface SessionOptions {
  store: Store;
  access: Access;
  /** Idle expiry in hours (at most 24, the absolute limit). */
  sessionHours?: number;
  signInLimits?: SignInLimits;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** The session token a request's cookie carries, if it has a well-formed one. */
function cookieToken(request: FastifyRequest): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = pair.split('=', 2).map((part) => part?.trim());
    if (name === cookieName && /^[A-Za-z0-9_-]{43}$/.test(value ?? '')) return value;
  }
  return undefined;
}

/** A few password checks at a time; more wait in turn, and beyond a short queue are turned away. */
class Gate {
  #running = 0;
  #waiting: (() => void)[] = [];

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= hashing.running) {
      if (this.#waiting.length >= hashing.waiting) throw new Busy();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else this.#running++;
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}

class Busy extends Error {}

/**
 * Sessions of the console (I10-API.md): random 32-byte tokens in an `HttpOnly; SameSite=Strict`
 * cookie, stored only as their SHA-256 in the database (so several processes share them), expiring
 * after `sessionHours` unused and 24 hours after sign-in whatever the use.
 */
export class Sessions {
  readonly idle: number;
  readonly absolute = absoluteHours * hour;
  #store: Store;
  #access: Access;

  constructor(store: Store, access: Access, sessionHours = defaultSessionHours) {
    this.#store = store;
    this.#access = access;
    this.idle = Math.min(sessionHours, absoluteHours) * hour;
  }

  /** Who the request's session belongs to, if it is live; an expired one is deleted. */
  async actor(request: FastifyRequest): Promise<Actor | undefined> {
    const token = cookieToken(request);
    if (!token) return undefined;
    const tokenHash = hashOf(token);
    const session = await this.#store.session(tokenHash);
    if (!session) return undefined;
    const now = this.#access.now().getTime();
    if (now - session.lastSeenAt.getTime() >= this.idle || now - session.createdAt.getTime() >= this.absolute) {
      await this.#store.deleteSession(tokenHash);
      return undefined;
    }
    if (now - session.lastSeenAt.getTime() >= touchEvery) await this.#store.touchSession(tokenHash, new Date(now));
    return { who: session.email, role: session.role };
  }

  /** Starts a session for `email` and sets its cookie; false (and no cookie) if the account is gone. */
  async start(email: string, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const now = this.#access.now();
    await this.#store.pruneSessions({
      idleBefore: new Date(now.getTime() - this.idle),
      createdBefore: new Date(now.getTime() - this.absolute),
    });
    // A session the browser held before signing in again ends: one browser, one live session.
    const previous = cookieToken(request);
    if (previous) await this.#store.deleteSession(hashOf(previous));
    const token = randomBytes(32).toString('base64url');
    if (!(await this.#store.createSession(hashOf(token), { email, at: now }))) return false;
    reply.header('Set-Cookie', this.#cookie(request, token, this.absolute / 1000));
    return true;
  }

  /** Ends the request's session, if any, and clears its cookie; says whose it was when it was live. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<Actor | undefined> {
    const actor = await this.actor(request);
    const token = cookieToken(request);
    if (token) await this.#store.deleteSession(hashOf(token));
    reply.header('Set-Cookie', this.#cookie(request, '', 0));
    return actor;
  }

  #cookie(request: FastifyRequest, value: string, maxAge: number): string {
    const secure = request.protocol === 'https' ? '; Secure' : '';
    return `${cookieName}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
  }
}

/** A state-changing request a browser may send by itself must come from this server's own pages. */
function refuseCrossOrigin(request: FastifyRequest): void {
  if (!sameOrigin(request)) {
    throw new ClientError(403, 'cross_origin', 'This request did not come from the console on this server, so it was refused.');
  }
}

/** `POST`, `GET` and `DELETE /api/admin/session`: sign in, who is signed in, sign out. */
export function sessionRoutes(api: FastifyInstance, options: SessionOptions & { sessions: Sessions }): void {
  const { store, access, sessions } = options;
  const limits = options.signInLimits ?? defaultSignInLimits;
  const gate = new Gate();
  // Unknown emails are checked against this, so that they take as long as known ones.
  const decoy = hashPassword(randomBytes(16).toString('hex'));
  decoy.catch(() => {});

  api.post<{ Body: unknown }>('/admin/session', { onRequest: jsonOnly }, async (request, reply) => {
    refuseCrossOrigin(request);
    const { email, password } = signInBody(request.body);
    const now = access.now();
    const accountKey = hashOf(`account\u0000${email}`);
    const attempt = randomUUID();
    const outcome = await store.attemptSignIn({
      attempt,
      at: now,
      since: new Date(now.getTime() - limits.windowMinutes * 60_000),
      limits: [
        { key: accountKey, limit: limits.account },
        { key: hashOf(`address\u0000${request.ip}`), limit: limits.address },
      ],
    });
    if (!outcome.allowed) {
      const seconds = Math.max(1, Math.ceil((outcome.retryAt.getTime() - now.getTime()) / 1000));
      reply.header('Retry-After', String(seconds));
      throw new ClientError(
        429,
        'too_many_attempts',
        `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
      );
    }
    const account = await store.account(email);
    const check = async () => {
      if (account) return verifyPassword(password, account.passwordHash);
      // An unknown email costs the same work as a wrong password: a decoy hash.
      await verifyPassword(password, await decoy);
      return false;
    };
    let matches: boolean;
    try {
      matches = await gate.run(check);
    } catch (error) {
      if (!(error instanceof Busy)) throw error;
      reply.header('Retry-After', '5');
      throw new ClientError(503, 'unavailable', 'The server is busy checking other sign-ins; try again in a few seconds.');
    }
    if (!account || !matches) {
      await store.recordAudit({ at: now, who: account ? account.email : 'unknown account', action: 'sign-in-failed' });
      throw new ClientError(401, 'invalid_credentials', 'The email address or password is not right.');
    }
    await store.signedIn(attempt, accountKey);
    // The account may have been removed while its password was checked: then there is nobody to sign in.
    if (!(await sessions.start(account.email, request, reply)))
      throw new ClientError(401, 'invalid_credentials', 'The email address or password is not right.');
    request.actor = { who: account.email, role: account.role };
    await access.audit(request, 'sign-in');
    return { email: account.email, role: account.role };
  });

  api.get('/admin/session', async (request) => {
    const actor = await sessions.actor(request);
    if (!actor) throw new ClientError(401, 'unauthenticated', 'Not signed in, or the session has ended.');
    return { email: actor.who, role: actor.role };
  });

  api.delete('/admin/session', async (request, reply) => {
    if (request.headers.cookie) refuseCrossOrigin(request);
    const actor = await sessions.end(request, reply);
    if (actor) {
      request.actor = actor;
      await access.audit(request, 'sign-out');
    }
    return reply.code(204).send();
  });
}

/** `{ "email", "password" }`, bounded; the email lower-cased. */
function signInBody(body: unknown): { email: string; password: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ClientError(400, 'invalid', 'Send { "email", "password" }.');
  }
  const { email, password } = body as Record<string, unknown>;
  if (typeof email !== 'string' || !email.trim() || email.length > emailLength.max) {
    throw new ClientError(400, 'invalid', `email must be an email address of at most ${emailLength.max} characters.`, 'email');
  }
  if (typeof password !== 'string' || !password || [...password].length > passwordLength.max) {
    throw new ClientError(400, 'invalid', `password must be 1–${passwordLength.max} characters.`, 'password');
  }
  return { email: normaliseEmail(email), password };
}
