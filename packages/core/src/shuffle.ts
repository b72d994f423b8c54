/**
 * `shuffle`: a widget's items in a random order of each person's own, against order effects (the
 * first options of a list are chosen more often). The order is drawn from a seed kept per widget in
 * this browser, so a reload, a second tab or a return visit shows the same order rather than
 * reshuffling what the person was reading.
 */

const prefix = 'delib:order:v1:';

/** Seeds made while storage is blocked: the order then holds for as long as the page is open. */
const pageSeeds = new Map<string, number>();

/**
 * This person's seed for `key` (`<tag>:<widget-id>`), made and kept on first use in `store` (the widget's
 * `remember`: localStorage by default; none keeps it for the page's life).
 */
export function personalSeed(key: string, store: Storage | undefined): number {
  try {
    const kept = store?.getItem(prefix + key);
    if (kept && /^\d{1,10}$/.test(kept)) return Number(kept) >>> 0;
  } catch {
    // Unreadable: a seed of the page's own below.
  }
  let seed = pageSeeds.get(key);
  if (seed === undefined) {
    seed = crypto.getRandomValues(new Uint32Array(1))[0];
    pageSeeds.set(key, seed);
  }
  try {
    store?.setItem(prefix + key, String(seed));
  } catch {
    // Full or blocked: the page's seed still holds until it is closed.
  }
  return seed;
}

/** A 32-bit hash of `text` under `seed` (FNV-1a, then MurmurHash3's finaliser to spread the bits). */
export function seededHash(seed: number, text: string): number {
  let hash = (seed ^ 0x811c9dc5) >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Numbers in [0, 1), as `Math.random` gives, repeatable from `seed` (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `items` in the order `seed` gives them. Each item's place comes from the seed and its own key
 * alone, so an item added later slots in without reshuffling the others.
 */
export function seededOrder<T>(items: readonly T[], seed: number, key: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, rank: seededHash(seed, key(item)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.item);
}

interface Shuffles {
  localName: string;
  widgetId: string;
  shuffle: boolean;
  memory: Storage | undefined;
}

/** The seed of a widget's person: one per widget kind and id. */
export const seedOf = (host: Shuffles) => personalSeed(`${host.localName}:${host.widgetId}`, host.memory);

const shown = new WeakMap<Shuffles, { from: readonly { value: string }[]; key: string; items: unknown[] }>();

/**
 * The items in the order a widget shows them: as the page lists them, or with `shuffle` in this
 * person's own order. Worked out once per change of the items, not on every render.
 */
export function shownOrder<T extends { value: string }>(host: Shuffles, items: readonly T[]): readonly T[] {
  if (!host.shuffle) return items;
  const key = `${host.localName}:${host.widgetId}`;
  const cached = shown.get(host);
  if (cached?.from === items && cached.key === key) return cached.items as T[];
  const ordered = seededOrder(items, seedOf(host), (item) => item.value);
  shown.set(host, { from: items, key, items: ordered });
  return ordered;
}
