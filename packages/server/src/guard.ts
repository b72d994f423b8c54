import type { Envelope } from '@delib/protocol';
import type { Store } from './store.js';
import { tallies } from './tally.js';

/**
 * Bounds how many distinct values a widget's results can hold. Anyone can post any value for a poll
 * choice or a ranking item (the endpoint does not know the page's options), and each new value would
 * add a row to the results for good; past `limit` per bucket, new values are refused with a 4xx
 * while known ones are still counted. Generous: a real question has tens of options, not thousands.
 *
 * What it knows is kept per process (loaded from the store on first use, for the `widgets` most
 * recently used), so several processes may together admit a few more than `limit`.
 */
export class ValueGuard {
  #known = new Map<string, Promise<Map<string, Set<string>>>>();

  constructor(
    private store: Store,
    readonly limit = 1000,
    private widgets = 10_000,
  ) {}

  /** The bucket this envelope would push past the limit, or undefined when it may be stored. */
  async overflow(envelope: Envelope): Promise<string | undefined> {
    const buckets = await this.#buckets(envelope.widgetId);
    const added = new Map<string, number>();
    for (const { bucket, key } of tallies(envelope)) {
      const keys = buckets.get(bucket);
      if (keys?.has(key)) continue;
      const size = (keys?.size ?? 0) + (added.get(bucket) ?? 0);
      if (size >= this.limit) return bucket;
      added.set(bucket, (added.get(bucket) ?? 0) + 1);
    }
    return undefined;
  }

  /** Notes the values of a stored envelope. */
  async record(envelope: Envelope): Promise<void> {
    const buckets = await this.#buckets(envelope.widgetId);
    for (const { bucket, key } of tallies(envelope)) {
      let keys = buckets.get(bucket);
      if (!keys) buckets.set(bucket, (keys = new Set()));
      keys.add(key);
    }
  }

  #buckets(widgetId: string): Promise<Map<string, Set<string>>> {
    let known = this.#known.get(widgetId);
    if (known) {
      // Most recently used last, so the oldest is the first to go.
      this.#known.delete(widgetId);
    } else {
      known = this.store
        .keys(widgetId)
        .then((keys) => new Map(Object.entries(keys).map(([bucket, values]) => [bucket, new Set(values)])));
      known.catch(() => this.#known.delete(widgetId));
    }
    this.#known.set(widgetId, known);
    if (this.#known.size > this.widgets) this.#known.delete(this.#known.keys().next().value!);
    return known;
  }
}
