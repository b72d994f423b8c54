import type { FastifyInstance } from 'fastify';
import type { Store } from '../store.js';

/** How often retention runs after the first run at start. */
export const retentionInterval = 60 * 60 * 1000;

/** An audit entry as the store records it (I10-API.md: `recordAudit({ at, who, action, widgetId? })`). */
export type RecordAudit = (entry: { at: Date; who: string; action: string; widgetId?: string }) => Promise<void>;

/**
 * `DELIB_RETENTION_DAYS`: erases the contact details (name, email, phone) of needs-and-assets answers
 * received more than `days` days before `now`, keeping the rest of each answer; one audit entry per
 * widget that lost any, `retention-erase` by `retention`. Returns how many answers lost them, per widget.
 */
export async function eraseExpiredContacts(
  store: Store,
  days: number,
  now: Date,
  record: RecordAudit,
): Promise<Map<string, number>> {
  const erased = await store.eraseContacts(new Date(now.getTime() - days * 86_400_000));
  for (const widgetId of erased.keys()) await record({ at: now, who: 'retention', action: 'retention-erase', widgetId });
  return erased;
}

/**
 * Runs retention once the app is ready (before it listens) and then hourly, on a timer that never keeps
 * the process alive; stopped when the app closes. A failed run is logged and tried again at the next hour.
 */
export function scheduleRetention(
  app: FastifyInstance,
  { store, days, now, record }: { store: Store; days: number; now: () => Date; record: RecordAudit },
): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = eraseExpiredContacts(store, days, now(), record).then(
      (erased) => {
        const total = [...erased.values()].reduce((sum, n) => sum + n, 0);
        if (total)
          app.log.info(`retention: erased the contact details of ${total} needs-and-assets answers older than ${days} days`);
      },
      (error) => app.log.error({ err: error }, 'retention: erasing old contact details failed; trying again in an hour'),
    );
    return running;
  };
  app.addHook('onReady', async () => {
    await run();
    timer = setInterval(run, retentionInterval);
    timer.unref();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await running;
  });
}
