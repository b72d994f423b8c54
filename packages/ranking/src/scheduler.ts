/**
 * Which two items a person compares next in `<delib-pairwise>`.
 *
 * A round shows every pair of items exactly once, in an order that keeps every item's count of
 * appearances within one of every other's at every step, so nobody meets the same favourite over
 * and over while another item is never shown.
 *
 * - An even number of items: a round-robin tournament (the "circle method") splits the pairs into
 *   matchings in which every item appears exactly once; one matching is shown after another.
 * - An odd number: no such matchings exist, so the pairs are split into cycles through every item
 *   (Walecki's construction). A cycle v0 v1 … v(n-1) is shown as the pairs v1v2, v3v4, … (everyone
 *   but v0 once), then v0v1 (v0 catches up, v1 goes one ahead), then v2v3, …, v(n-1)v0 (everyone
 *   but v1 catches up). Each cycle leaves all counts equal again.
 *
 * Everything random comes from the `random` function given, so a seeded source gives a repeatable
 * schedule; or, with a `seed`, from a source made for each round from the seed and the round's number,
 * so that a person's rounds come out the same however often the page was reloaded in between. The
 * state is plain JSON, so a page can keep it and carry on after a reload.
 *
 * Items may arrive (or go) after pairs have been shown, as approved ideas do: the scheduler then keeps
 * the pair on screen, and first shows catch-up pairs that bring every item's count of appearances
 * within one of every other's, the least shown items first (so new items meet each other and the
 * least shown old ones), before new balanced rounds begin.
 */
import { seededHash, seededRandom } from '@delib/core';

export type Pair = [string, string];

/** Returns a number in [0, 1), as `Math.random` does. */
export type RandomSource = () => number;

/** What a scheduler needs to carry on where it left off. Plain JSON. */
export interface PairScheduleState {
  version: 1;
  /** The item ids the schedule was made for. */
  items: string[];
  /** How many rounds were started, counting the current one. */
  round: number;
  /** The pairs still to show in this round, the current one first. */
  queue: Pair[];
  /** How often each item has been in a pair the person answered (or skipped past). */
  shown?: Record<string, number>;
}

/** How many different pairs `count` items make. */
export const pairCount = (count: number) => (count * (count - 1)) / 2;

function shuffle<T>(values: readonly T[], random: RandomSource): T[] {
  const result = [...values];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}

/**
 * Every pair of `items` once, in an order that keeps appearances balanced at every step. Which item
 * is shown first in a pair is random too, so neither side of the screen is favoured.
 */
export function roundOfPairs(items: readonly string[], random: RandomSource = Math.random): Pair[] {
  if (items.length < 2) return [];
  const shuffled = shuffle(items, random);
  const orient = (a: string, b: string): Pair => (random() < 0.5 ? [a, b] : [b, a]);
  const groups = shuffled.length % 2 ? oddRound(shuffled, random) : evenRound(shuffled);
  return shuffle(groups, random).flatMap((group) => group.flatMap((part) => shuffle(part, random)).map(([a, b]) => orient(a, b)));
}

/**
 * Perfect matchings by the circle method: one item stays put, the others turn around it.
 * Each group is a single part (any order within it keeps the balance).
 */
function evenRound(items: string[]): Pair[][][] {
  const pivot = items.length - 1;
  const groups: Pair[][][] = [];
  for (let turn = 0; turn < pivot; turn++) {
    const matching: Pair[] = [[items[turn], items[pivot]]];
    for (let step = 1; step < items.length / 2; step++) {
      matching.push([items[(turn + step) % pivot], items[(turn - step + pivot) % pivot]]);
    }
    groups.push([matching]);
  }
  return groups;
}

/**
 * Walecki's Hamiltonian cycles for an odd count: one item at the hub, the others on a circle, each
 * cycle a zigzag across the circle. Each group has three parts to be shown in order (see above).
 */
function oddRound(items: string[], random: RandomSource): Pair[][][] {
  const hub = items[items.length - 1];
  const circle = items.length - 1;
  const at = (position: number) => items[((position % circle) + circle) % circle];
  const groups: Pair[][][] = [];
  for (let start = 0; start < circle / 2; start++) {
    const cycle = [hub, at(start)];
    for (let step = 1; step < circle / 2; step++) cycle.push(at(start + step), at(start - step));
    cycle.push(at(start + circle / 2));
    // Any item may play v0 and either direction will do: more variety for free.
    const offset = Math.floor(random() * cycle.length);
    const turned = [...cycle.slice(offset), ...cycle.slice(0, offset)];
    if (random() < 0.5) turned.reverse();
    const edge = (index: number): Pair => [turned[index], turned[(index + 1) % turned.length]];
    const first: Pair[] = [];
    const last: Pair[] = [];
    for (let index = 1; index < turned.length; index += 2) first.push(edge(index));
    for (let index = 2; index < turned.length; index += 2) last.push(edge(index));
    groups.push([first, [edge(0)], last]);
  }
  return groups;
}

const sameItems = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** Whether `state` is a schedule this code wrote, for any items (storage can hold anything). */
export function isScheduleShape(state: unknown): state is PairScheduleState {
  if (!state || typeof state !== 'object') return false;
  const candidate = state as Partial<PairScheduleState>;
  if (candidate.version !== 1 || !Array.isArray(candidate.items) || !Array.isArray(candidate.queue)) return false;
  if (!Number.isInteger(candidate.round) || candidate.round! < 0) return false;
  if (!candidate.items.every((item) => typeof item === 'string')) return false;
  const known = new Set(candidate.items);
  const shown = candidate.shown;
  if (
    shown !== undefined &&
    (!shown ||
      typeof shown !== 'object' ||
      Array.isArray(shown) ||
      !Object.entries(shown).every(([item, count]) => known.has(item) && Number.isInteger(count) && count >= 0))
  ) {
    return false;
  }
  return candidate.queue.every(
    (pair) => Array.isArray(pair) && pair.length === 2 && pair[0] !== pair[1] && known.has(pair[0]) && known.has(pair[1]),
  );
}

/** Whether `state` is a schedule this code wrote for exactly these items. */
export function isScheduleState(state: unknown, items: readonly string[]): state is PairScheduleState {
  return isScheduleShape(state) && sameItems(state.items, items);
}

/** Hands out pairs one at a time, round after round. */
export class PairScheduler {
  readonly items: readonly string[];
  #random: RandomSource;
  #seed?: number;
  #round: number;
  #queue: Pair[];
  #shown = new Map<string, number>();

  /**
   * `state` from an earlier `toJSON()` carries on from there, unless it was made for other items.
   * `seed` makes every round repeatable (and wins over `random`).
   */
  constructor(items: readonly string[], options: { random?: RandomSource; seed?: number; state?: unknown } = {}) {
    this.items = [...new Set(items)];
    this.#random = options.random ?? Math.random;
    this.#seed = options.seed;
    const state = options.state;
    if (isScheduleShape(state)) {
      for (const item of this.items) this.#shown.set(item, state.shown?.[item] ?? 0);
      this.#round = state.round;
      if (sameItems(state.items, this.items)) {
        this.#queue = state.queue.map(([a, b]) => [a, b]);
      } else {
        // Other items than when it was made: keep the pair on screen if it still can be, then catch up.
        const known = new Set(this.items);
        const current = state.queue[0];
        this.#queue = current && known.has(current[0]) && known.has(current[1]) ? [[current[0], current[1]]] : [];
        this.#catchUp();
      }
    } else {
      this.#round = 0;
      this.#queue = [];
    }
    this.#refill();
  }

  /** The pair to show now; undefined with fewer than two items. */
  get current(): Pair | undefined {
    const pair = this.#queue[0];
    return pair && [pair[0], pair[1]];
  }

  /** How many rounds were started, counting the current one (1 for the first). */
  get round(): number {
    return this.#round;
  }

  /** Moves on to the next pair and returns it. */
  advance(): Pair | undefined {
    const shown = this.#queue.shift();
    for (const item of shown ?? []) this.#shown.set(item, (this.#shown.get(item) ?? 0) + 1);
    this.#refill(shown);
    return this.current;
  }

  toJSON(): PairScheduleState {
    return {
      version: 1,
      items: [...this.items],
      round: this.#round,
      queue: this.#queue.map(([a, b]) => [a, b]),
      shown: Object.fromEntries(this.#shown),
    };
  }

  /** How often each item has been in an answered pair. */
  get shown(): ReadonlyMap<string, number> {
    return this.#shown;
  }

  /** A scheduler for `items` that carries on from this one (see the class's note on items that arrive). */
  withItems(items: readonly string[]): PairScheduler {
    return new PairScheduler(items, { random: this.#random, seed: this.#seed, state: this.toJSON() });
  }

  /**
   * Appends pairs that bring every item's appearances (counting the pairs queued) within one of each
   * other's: each pairs the least shown item with the other whose appearances plus meetings with it
   * here are fewest (never the pair just before, where there is another), so that new items meet the
   * least shown old items as well as each other, and no pair comes round again and again.
   */
  #catchUp(): void {
    if (this.items.length < 2) return;
    const random = this.#seed === undefined ? this.#random : seededRandom(seededHash(this.#seed, `catch-up ${this.#round}`));
    const counts = new Map(this.#shown);
    const met = new Map<string, number>();
    const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
    const meet = (a: string, b: string) => {
      counts.set(a, counts.get(a)! + 1);
      counts.set(b, counts.get(b)! + 1);
      met.set(key(a, b), (met.get(key(a, b)) ?? 0) + 1);
    };
    for (const [a, b] of this.#queue) meet(a, b);
    let last = this.#queue.at(-1);
    // Each pair raises the least shown item by one: the gap closes within (items × gap) pairs.
    const spread = () => Math.max(...counts.values()) - Math.min(...counts.values());
    for (let guard = this.items.length * spread(); guard > 0 && spread() > 1; guard--) {
      // Random order first, so that ties are broken at random by the stable sorts.
      const ranked = shuffle(this.items, random).sort((a, b) => counts.get(a)! - counts.get(b)!);
      const low = ranked[0];
      const others = ranked
        .filter((item) => item !== low)
        .sort((a, b) => counts.get(a)! + (met.get(key(low, a)) ?? 0) - counts.get(b)! - (met.get(key(low, b)) ?? 0));
      const other = others.find((item) => !last || key(low, item) !== key(last[0], last[1])) ?? others[0];
      meet(low, other);
      last = random() < 0.5 ? [low, other] : [other, low];
      this.#queue.push(last);
    }
  }

  /** Starts the next round once the queue is empty; `previous` is the pair just shown. */
  #refill(previous?: Pair): void {
    if (this.#queue.length || this.items.length < 2) return;
    this.#round++;
    const random = this.#seed === undefined ? this.#random : seededRandom(seededHash(this.#seed, `round ${this.#round}`));
    // A round may begin with the pair that ended the one before (by chance, or after catching up with
    // new items): the same two buttons again look as if the choice did nothing. Drawn again, from the
    // same source, so a seeded schedule stays repeatable; with two items there is no other pair.
    const repeats = (pair?: Pair) => !!previous && !!pair && pair.includes(previous[0]) && pair.includes(previous[1]);
    for (let draw = 0; draw < 16; draw++) {
      this.#queue = roundOfPairs(this.items, random);
      if (this.items.length < 3 || !repeats(this.#queue[0])) break;
    }
  }
}
