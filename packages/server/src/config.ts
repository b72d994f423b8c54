import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite.js';

import { isIP } from 'node:net';

/** A setting that cannot work: the message is one sentence saying what to change, and holds no secret. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

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

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: numberFrom(env, 'PORT', { fallback: 8080, whole: true, max: 65535, meaning: 'a port number, 0–65535' })!,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || 'file:./data/delib.sqlite',
    adminToken: env.DELIB_ADMIN_TOKEN || undefined,
    corsOrigins: env.DELIB_CORS_ORIGINS?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
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
  };
}

/** `file:./data/delib.sqlite` (relative to the working folder), `file:///abs/path`, or `postgres://…`. */
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open(url);
  }
  if (url === ':memory:') return new SqliteStore(':memory:');
  if (url.startsWith('file://')) return new SqliteStore(fileURLToPath(url));
  if (url.startsWith('file:')) return new SqliteStore(resolve(url.slice('file:'.length)));
  throw new Error(`DATABASE_URL must be file:… (SQLite) or postgres://… (PostgreSQL), not "${url}"`);
}
