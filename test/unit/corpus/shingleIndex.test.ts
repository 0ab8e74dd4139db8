import { strict as assert } from 'node:assert';
import { ShingleIndex } from '../../../src/core/corpus/index/shingleIndex';

function ids(ix: ShingleIndex, key: number): number[] {
  const out: number[] = [];
  ix.forEach(key, (id) => out.push(id));
  return out.sort((a, b) => a - b);
}

describe('corpus index: shingle postings', () => {
  it('answers the same before and after freezing, across the delta and the base', () => {
    const ix = new ShingleIndex();
    const model = new Map<number, number[]>();
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 250_000; i++) {
      const key = Math.floor(rnd() * 5000) * 977_131 >>> 0; // spread over the 32-bit range
      const id = Math.floor(rnd() * 3000);
      ix.add(key, id); // passes the freeze threshold (100k) at least once
      if (!model.has(key)) model.set(key, []);
      model.get(key)!.push(id);
    }
    for (const [key, list] of [...model].slice(0, 300)) {
      assert.equal(ix.count(key), list.length);
      assert.deepEqual(ids(ix, key), [...list].sort((a, b) => a - b));
    }
    assert.equal(ix.count(123), model.has(123) ? model.get(123)!.length : 0);
    // Remapping drops and renumbers ids.
    const frozen = ix.frozen((id) => (id % 2 === 0 ? id / 2 : -1));
    const re = new ShingleIndex(frozen);
    for (const [key, list] of [...model].slice(0, 300)) {
      assert.deepEqual(ids(re, key), list.filter((id) => id % 2 === 0).map((id) => id / 2).sort((a, b) => a - b));
    }
    assert.equal(re.postings, [...model.values()].flat().filter((id) => id % 2 === 0).length);
  });
});
