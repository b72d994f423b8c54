import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ClientError } from './validate.js';

/**
 * Pages send their address only to this server (`same-origin`): a plain form posted from one of them
 * (form-post.ts) comes back to it, and no other site learns where a resident was.
 */
export const pageHeaders = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' };
export const apiHeaders = {
  ...pageHeaders,
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};

/** The contract's code and a plain message for an error status that reached us without them. */
const byStatus: Record<number, [string, string]> = {
  400: ['bad_request', 'The request is not valid.'],
  401: ['unauthorized', 'Authorization is required.'],
  403: ['forbidden', 'This is not allowed.'],
  404: ['not_found', 'Nothing here.'],
  405: ['method_not_allowed', 'This method is not allowed here.'],
  408: ['timeout', 'The request did not arrive in time; send it again.'],
  413: ['too_large', 'The request is too large.'],
  415: ['unsupported_media_type', 'Send the body as application/json.'],
  429: ['rate_limited', 'Too many requests from this address: try again in a minute.'],
  431: ['headers_too_large', 'The request headers are too large.'],
};

export function errorFor(status: number, message?: string): ClientError {
  const [code, fallback] =
    byStatus[status] ??
    (status >= 500
      ? ['unavailable', 'The service is unavailable; try again later.']
      : ['bad_request', 'The request is not valid.']);
  return new ClientError(status, code, message ?? fallback);
}

/** Whether a payload is already `{ error: { code, message, field? } }` and nothing else. */
function isErrorBody(payload: unknown): boolean {
  if (typeof payload !== 'string') return false;
  try {
    const { error, ...rest } = JSON.parse(payload);
    return !Object.keys(rest).length && typeof error?.code === 'string' && typeof error.message === 'string';
  } catch {
    return false;
  }
}

/**
 * The last word on every error answer of the API: what a plugin or the framework answered in its own
 * words (a CORS preflight's "Invalid Preflight Request" in text/plain) becomes the contract's body.
 * Returns the payload to send instead, or undefined when it is fine as it is.
 */
export function contractPayload(status: number, method: string, payload: unknown): string | undefined {
  if (status < 400 || isErrorBody(payload)) return undefined;
  const message =
    method === 'OPTIONS' && status === 400
      ? 'A CORS preflight needs Origin and Access-Control-Request-Method headers.'
      : undefined;
  return JSON.stringify(errorFor(status, message).body);
}

/**
 * What Node reports before there is a request to answer (the bytes are not HTTP, the headers are too
 * large, or they or the body did not arrive within the timeouts): the contract's body and the API's
 * headers, written to the socket, which is then closed. Never when an answer was already begun.
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  this.log.debug({ code: error.code }, `client error ${status}`);
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !answering?.headersSent) {
    const body = JSON.stringify(errorFor(status, status === 400 ? 'The request is not valid HTTP.' : undefined).body);
    const headers = {
      ...apiHeaders,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
    };
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('')}\r\n${body}`,
    );
  }
  socket.destroy();
}
