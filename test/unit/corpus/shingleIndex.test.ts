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

describe('corpus index: shingle postings in runs', () => {
  it('answers alike with one run or many, before and after merging them in steps, with postings added meanwhile', () => {
    let seed = 11;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pairs = Array.from({ length: 600_000 }, () => [(Math.floor(rnd() * 20_000) * 2_654_435_761) >>> 0, Math.floor(rnd() * 50_000)] as const);
    const many = new ShingleIndex();
    for (const [k, id] of pairs.slice(0, 500_000)) many.add(k, id);
    assert.ok(many.runCount >= 3, `frozen in runs (${many.runCount})`);
    // The reference: everything in one frozen table (frozen tables keep the insertion order per key).
    const one = new ShingleIndex();
    for (const [k, id] of pairs) one.add(k, id);
    one.frozen();
    const inOrder = (ix: ShingleIndex, key: number) => ids(ix, key);
    const steps = many.mergeSteps();
    let n = 0;
    for (const [k, id] of pairs.slice(500_000)) {
      many.add(k, id); // added while merging: kept after the merged run
      if (n++ % 1000 === 0) steps.next();
    }
    while (!steps.next().done);
    assert.ok(many.runCount <= 2, `merged (${many.runCount})`);
    for (const [key] of pairs.slice(0, 2000)) {
      assert.deepEqual(inOrder(many, key), inOrder(one, key));
      assert.equal(many.count(key), one.count(key));
    }
    // Renumbered (removed ids dropped) in steps, as in one piece.
    const remap = (id: number) => (id % 3 === 0 ? -1 : id + 1);
    const inSteps = many.frozenSteps(remap);
    let r = inSteps.next();
    while (!r.done) r = inSteps.next();
    assert.deepEqual(r.value, many.frozen(remap));
    assert.deepEqual(many.frozen(), one.frozen());
    assert.equal(many.frozen(), many.frozen(), 'one run: returned as it is');
  });
});

describe('corpus index: the whole shingle table in steps', () => {
  /** The frozen table by hand: keys ascending, each key's ids in the order they were added (dropped where -1). */
  function reference(pairs: readonly (readonly [number, number])[], remap: (id: number) => number) {
    const byKey = new Map<number, number[]>();
    for (const [k, id] of pairs) {
      const to = remap(id);
      if (to < 0) continue;
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(to);
    }
    const keys = [...byKey.keys()].sort((a, b) => a - b);
    const offsets = [0];
    const ids: number[] = [];
    for (const k of keys) offsets.push(ids.push(...byKey.get(k)!));
    return { keys: Uint32Array.from(keys), offsets: Uint32Array.from(offsets), ids: Int32Array.from(ids) };
  }

  for (const [what, remap] of [
    ['as they are', undefined],
    ['renumbered', (id: number) => (id % 5 === 0 ? -1 : id * 2)],
  ] as const) {
    it(`gives runs and a large delta as one table ${what}, in many steps, leaving the table as it was`, () => {
      let seed = 5;
      const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
      const pairs = Array.from({ length: 400_000 }, () => [(Math.floor(rnd() * 30_000) * 2_654_435_761) >>> 0, Math.floor(rnd() * 40_000)] as const);
      const ix = new ShingleIndex();
      for (const [k, id] of pairs) ix.add(k, id);
      const runs = ix.runCount;
      assert.ok(runs >= 2 && ix.postings === pairs.length, `runs and a delta (${runs} runs)`);
      const steps = ix.frozenSteps(remap);
      let pauses = 0;
      let r = steps.next();
      for (; !r.done; r = steps.next()) pauses++;
      assert.ok(pauses >= 4, `${pauses} pauses`);
      const want = reference(pairs, remap ?? ((id) => id));
      assert.deepEqual([...r.value.keys], [...want.keys]);
      assert.deepEqual([...r.value.offsets], [...want.offsets]);
      assert.deepEqual([...r.value.ids], [...want.ids]);
      assert.equal(ix.runCount, runs, 'the table is left as it was');
    });
  }
});
