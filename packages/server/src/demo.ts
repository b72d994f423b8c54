import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Envelope } from '@delib/protocol';
import type { Store } from './store.js';
import { ClientError } from './validate.js';

/**
 * For `npm start` only: made-up votes so the demo's closed poll and always-visible results have
 * something to show (written once, when those widgets have none), and a switch that makes
 * `POST /api/responses` answer 503 so that the demo pages can show the widgets' offline queue. The
 * switch answers only the loopback address. A real deployment runs without `--demo` and has neither
 * (nor the demo pages).
 */
const seedVotes: Record<string, Record<string, number>> = {
  'dog-control-2026': { leads: 412, zones: 268, 'no-change': 131 },
  'transport-assemblies-2026': { binding: 38, advisory: 71, no: 24, unsure: 12 },
};

export async function seedDemo(store: Store): Promise<void> {
  for (const [widgetId, counts] of Object.entries(seedVotes)) {
    if (await store.count(widgetId)) continue;
    const inserts = Object.entries(counts).flatMap(([value, count]) =>
      Array.from({ length: count }, () => {
        const envelope: Envelope = {
          id: randomUUID(),
          widget: 'poll',
          widgetId,
          submittedAt: '2026-09-15T12:00:00.000Z',
          locale: 'en',
          page: '',
          answer: { choices: [value] },
        };
        return store.insert(envelope, new Date('2026-09-15T12:00:00.000Z'));
      }),
    );
    await Promise.all(inserts);
  }
}

/** 127.0.0.0/8 (also IPv4-mapped, as a dual-stack socket gives it) and ::1, as Node writes them. */
function isLoopback(address = ''): boolean {
  const ipv4 = address.replace(/^::ffff:/i, '');
  return isIP(ipv4) === 4 ? ipv4.startsWith('127.') : address === '::1';
}

/**
 * Whether a request may use the outage switch: it came over a socket from this machine (the socket's
 * own address: forwarded headers are anyone's to write), and not from another site's page open here.
 */
function fromThisMachine(request: FastifyRequest): boolean {
  if (!isLoopback(request.socket.remoteAddress)) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function demoOutageSwitch(app: FastifyInstance, initiallyDown = false): void {
  let down = initiallyDown;
  const refuse = (request: FastifyRequest) => {
    if (fromThisMachine(request)) return;
    throw new ClientError(
      403,
      'forbidden',
      "The demo's outage switch answers only pages of this server opened on the machine it runs on.",
    );
  };
  app.addHook('onRequest', async (request, reply) => {
    if (down && request.method === 'POST' && request.url.split('?')[0] === '/api/responses') {
      return reply
        .code(503)
        .header('Retry-After', '5')
        .send({ error: { code: 'unavailable', message: 'Simulated outage (demo): try again shortly.' } });
    }
  });
  app.get('/api/_outage', async (request) => {
    refuse(request);
    return { down };
  });
  app.post<{ Body: { down?: unknown } }>('/api/_outage', async (request) => {
    refuse(request);
    down = request.body?.down === true;
    return { down };
  });
}
