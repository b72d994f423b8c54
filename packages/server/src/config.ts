import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite.js';

/** The server's settings, from the environment (CONTRACT.md section 7). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  adminToken?: string;
  corsOrigins?: string[];
  rateLimit?: number;
  trustProxy?: boolean | string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const trust = env.DELIB_TRUST_PROXY;
  return {
    port: Number(env.PORT || 8080),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || 'file:./data/delib.sqlite',
    adminToken: env.DELIB_ADMIN_TOKEN || undefined,
    corsOrigins: env.DELIB_CORS_ORIGINS?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    rateLimit: Number(env.DELIB_RATE_LIMIT) || undefined,
    trustProxy: trust === undefined || trust === '' ? undefined : trust === 'true' ? true : trust,
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
