import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Envelope } from '@delib/protocol';
import type { Store } from './store.js';

/**
 * For `npm start` only: made-up votes so the demo's closed poll and always-visible results have
 * something to show (written once, when those widgets have none), and a switch that makes
 * `POST /api/responses` answer 503 so that the demo pages can show the widgets' offline queue.
 * A real deployment runs without `--demo` and has neither.
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

export function demoOutageSwitch(app: FastifyInstance, initiallyDown = false): void {
  let down = initiallyDown;
  app.addHook('onRequest', async (request, reply) => {
    if (down && request.method === 'POST' && request.url.split('?')[0] === '/api/responses') {
      return reply
        .code(503)
        .header('Retry-After', '5')
        .send({ error: { code: 'unavailable', message: 'Simulated outage (demo): try again shortly.' } });
    }
  });
  app.get('/api/_outage', async () => ({ down }));
  app.post<{ Body: { down?: unknown } }>('/api/_outage', async (request) => {
    down = request.body?.down === true;
    return { down };
  });
}
