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

  it('starts afresh when the stored state is for other items or is not a schedule at all', () => {
    const stored = new PairScheduler(['a', 'b', 'c'], { random: seeded(1) }).toJSON();
    expect(isScheduleState(stored, ['c', 'b', 'a'])).to.be.true;
    expect(isScheduleState(stored, ['a', 'b', 'c', 'd'])).to.be.false;
    expect(isScheduleState({ ...stored, queue: [['a', 'a']] }, ['a', 'b', 'c'])).to.be.false;
    expect(isScheduleState('nonsense', ['a', 'b', 'c'])).to.be.false;
    const fresh = new PairScheduler(['a', 'b', 'c', 'd'], { state: stored, random: seeded(2) });
    expect(fresh.toJSON().queue).to.have.length(6);
    expect(fresh.round).to.equal(1);
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
