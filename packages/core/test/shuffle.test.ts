import { expect } from '@open-wc/testing';
import { personalSeed, seededOrder, seededRandom } from '../src/shuffle.js';
import { storage } from '../src/outbox.js';
import { clearDelibStorage, withStorageBlocked } from '../../../test/helpers.js';

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const same = (value: string) => value;

beforeEach(() => clearDelibStorage());

describe('seededOrder', () => {
  it('gives every seed its own order of the same items, the same each time', () => {
    const orders = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const order = seededOrder(letters, seed, same);
      expect([...order].sort(), 'the same items').to.deep.equal(letters);
      expect(seededOrder(letters, seed, same), 'repeatable').to.deep.equal(order);
      orders.add(order.join(''));
    }
    expect(orders.size, 'different seeds, different orders').to.be.greaterThan(18);
  });

  it('puts each item first about equally often across people', () => {
    const first = new Map<string, number>();
    const people = 4000;
    for (let seed = 0; seed < people; seed++) {
      const top = seededOrder(['a', 'b', 'c', 'd'], seed * 2654435761, same)[0];
      first.set(top, (first.get(top) ?? 0) + 1);
    }
    for (const value of ['a', 'b', 'c', 'd']) {
      expect(first.get(value)! / people, value).to.be.within(0.22, 0.28);
    }
  });

  it('slots in an item added later without reshuffling the others', () => {
    const before = seededOrder(letters, 42, same);
    const after = seededOrder([...letters, 'i'], 42, same);
    expect(after.filter((value) => value !== 'i')).to.deep.equal(before);
  });
});

describe('seededRandom', () => {
  it('gives the same numbers in [0, 1) for the same seed', () => {
    const first = seededRandom(7);
    const again = seededRandom(7);
    const numbers = Array.from({ length: 100 }, () => first());
    expect(Array.from({ length: 100 }, () => again())).to.deep.equal(numbers);
    expect(numbers.every((number) => number >= 0 && number < 1)).to.be.true;
    expect(new Set(numbers).size).to.equal(100);
    expect(seededRandom(8)()).not.to.equal(numbers[0]);
  });
});

describe('personalSeed', () => {
  it('is made once per widget and kept in this browser', () => {
    const seed = personalSeed('delib-poll:parks', storage());
    expect(localStorage.getItem('delib:order:v1:delib-poll:parks')).to.equal(String(seed));
    expect(personalSeed('delib-poll:parks', storage())).to.equal(seed);
    localStorage.setItem('delib:order:v1:delib-poll:parks', '12345');
    expect(personalSeed('delib-poll:parks', storage()), 'what is kept wins').to.equal(12345);
  });

  it('replaces a kept value that is not a seed', () => {
    localStorage.setItem('delib:order:v1:delib-poll:odd', '<script>');
    const seed = personalSeed('delib-poll:odd', storage());
    expect(seed).to.be.a('number');
    expect(localStorage.getItem('delib:order:v1:delib-poll:odd')).to.equal(String(seed));
  });

  it('where storage is blocked, keeps a seed for as long as the page is open', async () => {
    const seeds = await withStorageBlocked(() => [
      personalSeed('delib-poll:blocked', storage()),
      personalSeed('delib-poll:blocked', storage()),
    ]);
    expect(seeds[0]).to.be.a('number');
    expect(seeds[1]).to.equal(seeds[0]);
  });
});
