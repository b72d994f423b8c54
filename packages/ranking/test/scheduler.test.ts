import { expect } from '@open-wc/testing';
import { seededRandom } from '@delib/core';
import { PairScheduler, isScheduleState, pairCount, roundOfPairs, type RandomSource } from '../src/scheduler.js';

/** A small seeded generator (mulberry32), so that a failing case can be replayed from its seed. */
const seeded: (seed: number) => RandomSource = seededRandom;

const itemsOf = (count: number) => Array.from({ length: count }, (_, index) => `item-${index}`);
const keyOf = (pair: readonly string[]) => [...pair].sort().join('|');

describe('pair scheduler', () => {
  it('keeps appearances within one of each other at every step, and shows every pair once per round (property)', () => {
    const pick = seeded(20261129);
    for (let trial = 0; trial < 200; trial++) {
      const count = 2 + Math.floor(pick() * 29);
      const seed = Math.floor(pick() * 2 ** 32);
      const items = itemsOf(count);
      const scheduler = new PairScheduler(items, { random: seeded(seed) });
      const pairsPerRound = pairCount(count);
      const votes = 2 * pairsPerRound + Math.floor(pick() * pairsPerRound);
      const appearances = new Map(items.map((item) => [item, 0]));
      let seenThisRound = new Set<string>();
      const context = `${count} items, seed ${seed}`;
      // Plain checks in this loop of some 80,000 steps: an assertion library call per step made the
      // test take longer than its time limit on a busy machine.
      const fail = (message: string) => expect.fail(`${context}: ${message}`);
      const known = new Set(items);
      for (let vote = 0; vote < votes; vote++) {
        const pair = scheduler.current;
        if (!pair || pair.length !== 2 || pair[0] === pair[1] || !known.has(pair[0]) || !known.has(pair[1]))
          fail(`not a pair of two different items at vote ${vote}: ${pair}`);
        const key = keyOf(pair!);
        if (seenThisRound.has(key)) fail(`${key} repeated within a round at vote ${vote}`);
        seenThisRound.add(key);
        for (const item of pair!) appearances.set(item, appearances.get(item)! + 1);
        const counts = [...appearances.values()];
        const spread = Math.max(...counts) - Math.min(...counts);
        if (spread > 1) fail(`appearances ${counts.join(',')} after vote ${vote}`);
        if (seenThisRound.size === pairsPerRound) {
          // The round is complete: every pair once, and so every item equally often.
          expect(new Set(counts).size, context).to.equal(1);
          seenThisRound = new Set();
        }
        scheduler.advance();
      }
    }
  });

  it('is repeatable from the same random source and carries on after a round trip through JSON', () => {
    const items = itemsOf(7);
    const first = new PairScheduler(items, { random: seeded(42) });
    const second = new PairScheduler(items, { random: seeded(42) });
    const a: string[] = [];
    const b: string[] = [];
    for (let index = 0; index < 30; index++) {
      a.push(keyOf(first.current!));
      b.push(keyOf(second.current!));
      first.advance();
      second.advance();
    }
    expect(a).to.deep.equal(b);

    const original = new PairScheduler(items, { random: seeded(7) });
    for (let index = 0; index < 5; index++) original.advance();
    const stored = JSON.parse(JSON.stringify(original));
    const restored = new PairScheduler(items, { state: stored, random: seeded(999) });
    expect(restored.round).to.equal(1);
    // What is left of the round is the same pairs in the same order.
    for (let index = 5; index < pairCount(7); index++) {
      expect(restored.current).to.deep.equal(original.current);
      original.advance();
      restored.advance();
    }
    expect(restored.round).to.equal(2);
  });

  it('with a seed, gives the same rounds however often it was stored and carried on in between', () => {
    const items = itemsOf(5);
    const pairsOf = (scheduler: PairScheduler, count: number) =>
      Array.from({ length: count }, () => {
        const pair = scheduler.current!;
        scheduler.advance();
        return pair;
      });
    const straight = pairsOf(new PairScheduler(items, { seed: 11 }), 35);
    // Reloaded twice mid-round: each page starts a new random source, the seed gives the same rounds.
    const first = new PairScheduler(items, { seed: 11 });
    const seen = pairsOf(first, 7);
    const second = new PairScheduler(items, { seed: 11, state: JSON.parse(JSON.stringify(first)) });
    seen.push(...pairsOf(second, 16));
    const third = new PairScheduler(items, { seed: 11, state: JSON.parse(JSON.stringify(second)) });
    seen.push(...pairsOf(third, 12));
    expect(seen).to.deep.equal(straight);
    expect(pairsOf(new PairScheduler(items, { seed: 12 }), 35), 'another seed').not.to.deep.equal(straight);
  });

  it('starts afresh when the stored state is not a schedule at all, and carries on (keeping the pair on screen) when it is for other items', () => {
    const stored = new PairScheduler(['a', 'b', 'c'], { random: seeded(1) }).toJSON();
    expect(isScheduleState(stored, ['c', 'b', 'a'])).to.be.true;
    expect(isScheduleState(stored, ['a', 'b', 'c', 'd'])).to.be.false;
    expect(isScheduleState({ ...stored, queue: [['a', 'a']] }, ['a', 'b', 'c'])).to.be.false;
    expect(isScheduleState({ ...stored, shown: { z: 1 } }, ['a', 'b', 'c']), 'counts for an unknown item').to.be.false;
    expect(isScheduleState({ ...stored, shown: { a: -1 } }, ['a', 'b', 'c']), 'a negative count').to.be.false;
    expect(isScheduleState('nonsense', ['a', 'b', 'c'])).to.be.false;
    for (const nonsense of ['nonsense', { ...stored, queue: [['a', 'a']] }, { ...stored, shown: [] }]) {
      const fresh = new PairScheduler(['a', 'b', 'c', 'd'], { state: nonsense, random: seeded(2) });
      expect(fresh.toJSON().queue).to.have.length(6);
      expect(fresh.round).to.equal(1);
    }
    const grown = new PairScheduler(['a', 'b', 'c', 'd'], { state: stored, random: seeded(2) });
    expect(grown.current, 'the pair on screen stays').to.deep.equal(stored.queue[0]);
    const shrunk = new PairScheduler(['a', 'b'], { state: stored, random: seeded(2) });
    expect(keyOf(shrunk.current!)).to.equal('a|b');
  });

  it('gives items that arrive after pairs were shown their share of appearances soon (statistical)', () => {
    const pick = seeded(20261202);
    const runs = 300;
    /** Per new item: its share of the appearances in the pairs after it arrived, times the item count (1 = an equal share). */
    const shares: number[] = [];
    const firstSeenAt: number[] = [];
    for (let run = 0; run < runs; run++) {
      const before = 4 + Math.floor(pick() * 6); // 4–9 items on the page
      const added = 1 + Math.floor(pick() * 3); // 1–3 approved ideas arrive
      const shownBefore = 1 + Math.floor(pick() * 2 * before); // after 1 to 2n pairs
      const seed = Math.floor(pick() * 2 ** 32);
      const context = `${before}+${added} items after ${shownBefore} pairs, seed ${seed}`;
      const oldItems = itemsOf(before);
      const newItems = Array.from({ length: added }, (_, index) => `new-${index}`);
      let scheduler = new PairScheduler(oldItems, { random: seeded(seed) });
      const appearances = new Map<string, number>(oldItems.map((item) => [item, 0]));
      const show = () => {
        for (const item of scheduler.current!) appearances.set(item, (appearances.get(item) ?? 0) + 1);
        scheduler.advance();
      };
      for (let vote = 0; vote < shownBefore; vote++) show();
      const onScreen = scheduler.current!;
      scheduler = scheduler.withItems([...oldItems, ...newItems]);
      expect(scheduler.current, `${context}: the pair on screen is kept`).to.deep.equal(onScreen);
      const all = [...oldItems, ...newItems];
      // Every new item is shown within the first few pairs after it arrives...
      const firstSeen = new Map<string, number>();
      const window = 2 * all.length;
      for (let vote = 1; vote <= window; vote++) {
        for (const item of scheduler.current!) if (item.startsWith('new-') && !firstSeen.has(item)) firstSeen.set(item, vote);
        show();
      }
      for (const item of newItems) {
        expect(firstSeen.get(item), `${context}: ${item} first shown`).to.be.at.most(all.length);
        firstSeenAt.push(firstSeen.get(item)!);
        shares.push((appearances.get(item)! / (2 * window)) * all.length);
      }
      // ...and by then has caught up: every item's appearances within two of every other's.
      const counts = all.map((item) => appearances.get(item) ?? 0);
      expect(Math.max(...counts) - Math.min(...counts), `${context}: appearances ${counts}`).to.be.at.most(2);
      // And the schedule goes on balanced from there.
      for (let vote = 0; vote < 3 * pairCount(all.length); vote++) show();
      const later = all.map((item) => appearances.get(item) ?? 0);
      expect(Math.max(...later) - Math.min(...later), `${context}: later ${later}`).to.be.at.most(2);
    }
    // On average a new item gets more than an equal share of the pairs just after it arrives (it has
    // ground to make up), and is first shown within the first few of them.
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(shares), 'mean share of a new item, 1 = equal').to.be.greaterThan(1.15);
    expect(mean(firstSeenAt), 'mean pairs until a new item is first shown').to.be.lessThan(3);
  });

  it('never shows the same two items twice running, across rounds and after new items catch up (property)', () => {
    const pick = seeded(20261203);
    for (let run = 0; run < 200; run++) {
      const count = 3 + Math.floor(pick() * 4); // 3–6 items
      const seed = Math.floor(pick() * 2 ** 32);
      const options = run % 2 ? { seed } : { random: seeded(seed) };
      let scheduler = new PairScheduler(itemsOf(count), options);
      let previous = '';
      for (let vote = 0; vote < 4 * pairCount(count + 1); vote++) {
        // Half the runs get a new item part-way, as an approved idea arrives.
        if (run % 4 < 2 && vote === count) scheduler = scheduler.withItems([...itemsOf(count), 'new']);
        const now = [...scheduler.current!].sort().join('|');
        expect(now, `${count} items, seed ${seed}, pair ${vote + 1}`).not.to.equal(previous);
        previous = now;
        scheduler.advance();
      }
    }
  });

  it('has no pairs for fewer than two items, and one pair per round for two', () => {
    expect(new PairScheduler([]).current).to.be.undefined;
    expect(new PairScheduler(['only']).current).to.be.undefined;
    expect(roundOfPairs(['a', 'b'], seeded(3)).map(keyOf)).to.deep.equal(['a|b']);
    const two = new PairScheduler(['a', 'b'], { random: seeded(4) });
    two.advance();
    expect(two.round).to.equal(2);
  });
});
