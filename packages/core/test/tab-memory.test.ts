import { expect } from '@open-wc/testing';
import { tabMemory } from '../src/tab-memory.js';

describe('tabMemory: what a widget keeps for this tab', () => {
  const key = 'delib:test:tab-memory';
  afterEach(() => sessionStorage.removeItem(key));

  it('keeps, reads back and forgets an object, in sessionStorage only', () => {
    tabMemory.keep(key, { step: 'needs', answered: 3 });
    expect(JSON.parse(sessionStorage.getItem(key)!)).to.deep.equal({ step: 'needs', answered: 3 });
    expect(localStorage.getItem(key)).to.equal(null);
    expect(tabMemory.read<{ step: string; answered: number }>(key)).to.deep.equal({ step: 'needs', answered: 3 });
    tabMemory.forget(key);
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('reads nothing kept, damaged JSON or a value that is not an object as {}', () => {
    expect(tabMemory.read(key)).to.deep.equal({});
    for (const stored of ['{"step":', 'null', '5', '"text"', '[1,2]']) {
      sessionStorage.setItem(key, stored);
      expect(tabMemory.read(key), stored).to.deep.equal({});
    }
  });

  it('keeping something that cannot be kept (full storage) is not an error', () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(() => tabMemory.keep(key, { step: 'check' })).not.to.throw();
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(tabMemory.read(key)).to.deep.equal({});
  });
});
