import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords, stored only as scrypt hashes (node:crypto): `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, salt
 * and hash in base64url. Each account has its own random salt, and the parameters are kept with the
 * hash, so that raising them later leaves existing hashes readable.
 */

/** 2^15 × 8 × 128 bytes = 32 MiB and about 50–100 ms per hash on a small server. */
export const defaultCost = { logN: 15, r: 8, p: 1 };
const saltBytes = 16;
const hashBytes = 32;

/** What a stored hash may ask for: a hash from elsewhere cannot make the server spend more than this. */
const bounds = { logN: [10, 20], r: [1, 32], p: [1, 4] } as const;

/** Password length, counted in characters (Unicode code points). */
export const passwordLength = { min: 12, max: 256 } as const;

/** Why a password cannot be used, or undefined. Length only: NCSC and NIST advise against composition rules. */
export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return 'password must be text.';
  const length = [...password].length;
  if (length < passwordLength.min || length > passwordLength.max) {
    return `password must be ${passwordLength.min}–${passwordLength.max} characters long.`;
  }
  return undefined;
}

function derive(password: string, salt: Buffer, { logN, r, p }: typeof defaultCost): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r * p };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, hashBytes, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, cost = defaultCost): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await derive(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether `password` is the one `stored` was made from; false for a stored value this code cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  const within = (value: number, [min, max]: readonly [number, number]) =>
    Number.isInteger(value) && value >= min && value <= max;
  if (!within(logN, bounds.logN) || !within(r, bounds.r) || !within(p, bounds.p)) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || expected.length !== hashBytes) return false;
  const actual = await derive(password, salt, { logN, r, p });
  return timingSafeEqual(actual, expected);
}
