import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite.js';
import { ConfigError, postgresProblem, sqliteProblem } from './problems.js';
import { passwordLength, passwordProblem } from './admin/passwords.js';
import { emailProblem, normaliseEmail } from './admin/validation.js';

export { ConfigError };

/**
 * `DELIB_TRUST_PROXY`: how many proxies stand in front of the server (each appends the address it saw
 * to X-Forwarded-For, so the client is the one that many hops from the right), or their addresses
 * (`10.0.0.1`, `10.0.0.0/8`, `loopback`, comma-separated). Never "trust everyone": then a client
 * would choose its own address by writing the header, and no rate limit could hold.
 */
function trustedProxies(value: string | undefined): number | string[] | undefined {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    return family !== 0 && extra === undefined && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max));
  };
  if (entries.every(valid)) return entries;
  throw new ConfigError(
    `DELIB_TRUST_PROXY must be the number of proxies in front of the server (e.g. 1) or their addresses ` +
      `(e.g. 10.0.0.1,10.0.0.0/8), not "${text}"` +
      (/^(true|yes|on)$/i.test(text)
        ? ': trusting every address would let any client choose its own by writing X-Forwarded-For.'
        : '.'),
  );
}

/** The server's settings, from the environment (CONTRACT.md section 7). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  adminToken?: string;
  corsOrigins?: string[];
  rateLimit?: number;
  /** Proxies in front of the server: how many, or their addresses (see `DELIB_TRUST_PROXY`). */
  trustProxy?: number | string[];
  /** Milliseconds within which a request's headers and body must have arrived (`DELIB_REQUEST_TIMEOUT`, s). */
  requestTimeout: number;
  /** Milliseconds an idle kept-alive connection stays open (`DELIB_KEEP_ALIVE_TIMEOUT`, s). */
  keepAliveTimeout: number;
  /** Connections open at once; more are closed as they arrive (`DELIB_MAX_CONNECTIONS`). */
  maxConnections: number;
  /** Days after which needs-and-assets contact details are erased (`DELIB_RETENTION_DAYS`); unset: kept. */
  retentionDays?: number;
  /** The console's first admin, when it has no account (`DELIB_ADMIN_EMAIL`, `DELIB_ADMIN_PASSWORD`). */
  firstAdmin?: { email: string; password: string };
  /** Hours a console session lasts unused (`DELIB_SESSION_HOURS`, 8). */
  sessionHours?: number;
}

export const defaults = { requestTimeout: 30_000, keepAliveTimeout: 5_000, maxConnections: 1000 } as const;

/** A number from the environment, or `fallback` when unset; anything else is a `ConfigError`. */
function numberFrom(
  env: NodeJS.ProcessEnv,
  name: string,
  { fallback, whole = false, min = 0, max = Number.MAX_SAFE_INTEGER, meaning }: NumberRule,
): number | undefined {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (/^\d+(\.\d+)?$/.test(text) && (!whole || Number.isInteger(value)) && value >= min && value <= max) return value;
  throw new ConfigError(`${name} must be ${meaning}, not "${text}".`);
}

interface NumberRule {
  fallback?: number;
  whole?: boolean;
  min?: number;
  max?: number;
  /** How the error message describes a good value. */
  meaning: string;
}

const seconds = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 1000));

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  if (env.LOG_LEVEL && !logLevels.includes(env.LOG_LEVEL)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')}, not "${env.LOG_LEVEL}".`);
  }
  return {
    port: numberFrom(env, 'PORT', { fallback: 8080, whole: true, max: 65535, meaning: 'a port number, 0–65535' })!,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || 'file:./data/delib.sqlite',
    adminToken: env.DELIB_ADMIN_TOKEN || undefined,
    corsOrigins: allowedOrigins(env.DELIB_CORS_ORIGINS),
    rateLimit: numberFrom(env, 'DELIB_RATE_LIMIT', { whole: true, min: 1, meaning: 'a whole number of responses per minute' }),
    trustProxy: trustedProxies(env.DELIB_TRUST_PROXY),
    requestTimeout:
      seconds(numberFrom(env, 'DELIB_REQUEST_TIMEOUT', { min: 0.1, max: 3600, meaning: 'a number of seconds, 0.1–3600' })) ??
      defaults.requestTimeout,
    keepAliveTimeout:
      seconds(numberFrom(env, 'DELIB_KEEP_ALIVE_TIMEOUT', { min: 0.1, max: 3600, meaning: 'a number of seconds, 0.1–3600' })) ??
      defaults.keepAliveTimeout,
    maxConnections: numberFrom(env, 'DELIB_MAX_CONNECTIONS', {
      fallback: defaults.maxConnections,
      whole: true,
      min: 1,
      meaning: 'a whole number of connections, at least 1',
    })!,
    retentionDays: numberFrom(env, 'DELIB_RETENTION_DAYS', {
      whole: true,
      min: 1,
      max: 36500,
      meaning: 'a whole number of days, 1–36500, after which contact details are erased',
    }),
    firstAdmin: firstAdmin(env),
    sessionHours: numberFrom(env, 'DELIB_SESSION_HOURS', { min: 0.1, max: 24, meaning: 'a number of hours, 0.1–24' }),
  };
}

/**
 * `DELIB_ADMIN_EMAIL` and `DELIB_ADMIN_PASSWORD`, both or neither. The password is never quoted in a
 * message, nor anything about it but its length rule.
 */
function firstAdmin(env: NodeJS.ProcessEnv): Config['firstAdmin'] {
  const email = env.DELIB_ADMIN_EMAIL?.trim() || undefined;
  const password = env.DELIB_ADMIN_PASSWORD || undefined;
  if (!email && !password) return undefined;
  if (!email) throw new ConfigError('DELIB_ADMIN_PASSWORD is set but DELIB_ADMIN_EMAIL is not: set both, or neither.');
  if (!password) throw new ConfigError('DELIB_ADMIN_EMAIL is set but DELIB_ADMIN_PASSWORD is not: set both, or neither.');
  if (emailProblem(normaliseEmail(email))) {
    throw new ConfigError('DELIB_ADMIN_EMAIL must be an email address (name@example.org) of at most 254 characters.');
  }
  if (passwordProblem(password)) {
    throw new ConfigError(`DELIB_ADMIN_PASSWORD must be ${passwordLength.min}–${passwordLength.max} characters long.`);
  }
  return { email, password };
}

/**
 * `DELIB_CORS_ORIGINS`, as written (comma-separated; `normaliseOrigins` reads each as the origin a
 * browser sends). Set but with no entry that could ever match, it is refused: the server would
 * otherwise take no site's widgets, which nobody means.
 */
function allowedOrigins(value: string | undefined): string[] | undefined {
  const entries = value
    ?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (!entries?.length) return undefined;
  if (!normaliseOrigins(entries).origins.length) {
    throw new ConfigError(
      `DELIB_CORS_ORIGINS has no entry that can match a site: write each as scheme://host[:port], e.g. https://council.example, separated by commas.`,
    );
  }
  return entries;
}

/**
 * Each entry as the `Origin` a browser sends: scheme, host in lower case and a port other than the
 * scheme's own, nothing more (a trailing slash or a path is dropped, with a note). Entries that can
 * never match (no scheme, not http or https) are left out, with a note saying why.
 */
export function normaliseOrigins(entries: string[]): { origins: string[]; notes: string[] } {
  const origins: string[] = [];
  const notes: string[] = [];
  const example = 'an origin is scheme://host[:port], e.g. https://council.example';
  for (const entry of entries) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
      notes.push(`DELIB_CORS_ORIGINS entry "${entry}" can never match, so it is ignored: ${example}.`);
      continue;
    }
    const rest = entry.slice(entry.toLowerCase().indexOf(url.host.toLowerCase()) + url.host.length);
    const extra = rest.replace(/^:\d+/, '');
    if (extra !== '' && extra !== '/') {
      notes.push(`DELIB_CORS_ORIGINS entry "${entry}" is read as ${url.origin}: browsers send only the origin, never a path.`);
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return { origins, notes };
}

/** `file:./data/delib.sqlite` (relative to the working folder), `file:///abs/path`, or `postgres://…`. */
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      // Never quoted: the URL holds the password.
      throw new ConfigError(
        'DATABASE_URL is not a valid postgres:// URL: check its host and port, and percent-encode any @ : / # ? in the user name or password.',
      );
    }
    const { PostgresStore } = await import('./postgres.js');
    try {
      return await PostgresStore.open(url);
    } catch (error) {
      throw postgresProblem(error, parsed);
    }
  }
  if (url === ':memory:') return new SqliteStore(':memory:');
  if (url.startsWith('file:')) {
    const path = url.startsWith('file://') ? fileURLToPath(url) : resolve(url.slice('file:'.length));
    try {
      return new SqliteStore(path);
    } catch (error) {
      throw sqliteProblem(error, path);
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]{0,15}):/i.exec(url)?.[1];
  throw new ConfigError(
    `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL)${scheme ? `, not ${scheme}:` : ''}.`,
  );
}
