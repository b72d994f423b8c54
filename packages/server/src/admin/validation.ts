import type { FastifyRequest } from 'fastify';
import { ClientError } from '../validate.js';

/** An email address as accounts are named: at most 254 characters (RFC 5321's path limit). */
export const emailLength = { max: 254 } as const;

/** Accounts are named by their email in lower case, without surrounding spaces. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Why a (normalised) email cannot name an account, or undefined. Deliberately loose, as addresses are:
 * something@something, with no spaces, control characters or second @.
 */
export function emailProblem(email: unknown): string | undefined {
  const rule = `email must be an email address (name@example.org) of at most ${emailLength.max} characters.`;
  if (typeof email !== 'string' || email.length > emailLength.max) return rule;
  return /^[^\s@\p{C}]+@[^\s@\p{C}]+$/u.test(email) ? undefined : rule;
}

/** Before the body is read: anything but JSON is refused, whatever a parser would make of it. */
export async function jsonOnly(request: FastifyRequest): Promise<void> {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json') throw new ClientError(415, 'unsupported_media_type', 'Send the body as application/json.');
}
