import { strict as assert } from 'node:assert';
import { buildRecord } from '../../../src/core/corpus/index/record';
import { ItemTable } from '../../../src/core/corpus/search/itemTable';
import { PostingLists } from '../../../src/core/corpus/search/postingLists';
import { textItems } from '../../../src/core/corpus/search/searchItems';
import type { ArticleAnalysis } from '../../../src/core/analysis/types';

// The search index's storage (itemTable.ts, postingLists.ts): compact, and reading exactly what was put in.

describe('search storage: posting lists', () => {
  it('reads every list as posted, before and after packing, and with ids posted after a packing', () => {
    const lists = new PostingLists();
    const want: number[][] = [];
    let id = 0;
    const post = (words: number) => {
      lists.grow(words);
      while (want.length < words) want.push([]);
      // Word t gets every (t + 1)-th id: common words and rare ones, and some words with none.
      for (let k = 0; k < 200; k++, id++) {
        for (let t = 0; t < words; t++) {
          if (t % 7 !== 6 && id % (t + 1) === 0) {
            lists.push(t, id);
            want[t]!.push(id);
          }
        }
      }
    };
    const check = (what: string) => want.forEach((ids, t) => assert.deepEqual([...lists.get(t)], ids, `${what}: word ${t}`));
    post(20);
    check('before packing');
    lists.freeze();
    assert.equal(lists.pending, 0);
    check('packed');
    post(30); // ten new words, and more ids for the old ones
    assert.ok(lists.pending > 0);
    check('packed, then a tail');
    assert.equal(lists.get(3).length, want[3]!.length);
    lists.freeze();
    check('packed twice');
    assert.equal(lists.packedCount, want.reduce((n, l) => n + l.length, 0));
  });

  it('holds an id in 4 bytes once packed', () => {
    const lists = new PostingLists();
    lists.grow(1000);
    for (let id = 0; id < 100_000; id++) lists.push(id % 1000, id);
    lists.freeze();
    assert.ok(lists.bytes() <= 100_000 * 4 + 1001 * 4, `${lists.bytes()} bytes`);
  });
});

describe('search storage: item table', () => {
  const text = 'Kelmsby votes. "We will win," said Anna Berg. Berg spoke to Northfield Council on Tuesday. Voters agreed.';
  const analysis: ArticleAnalysis = {
    metadata: { title: 'Kelmsby votes.', titleDerived: false, titleSpan: { start: 0, end: 14 }, publisher: null, date: null, dateIso: null, author: null, dateline: null },
    passages: [
      { start: 0, end: 14, kind: 'headline', index: 0, sentences: [{ start: 0, end: 14 }] },
      { start: 15, end: 104, kind: 'paragraph', index: 1, sentences: [{ start: 15, end: 46 }, { start: 47, end: 89 }, { start: 90, end: 104 }] },
    ],
    furniture: [],
    quotes: [{ start: 15, end: 30, text: '"We will win,"', speaker: 'Anna Berg', speakerId: 'anna-berg', cue: 'said', passage: 1, kind: 'direct' }],
    entities: [
      { id: 'anna-berg', name: 'Anna Berg', type: 'person', mentions: [{ start: 36, end: 45, text: 'Anna Berg' }, { start: 47, end: 51, text: 'Berg' }] },
      { id: 'northfield-council', name: 'Northfield Council', type: 'organization', mentions: [{ start: 61, end: 79, text: 'Northfield Council' }] },
    ],
    otherNames: [],
    warnings: [],
  };
  const rec = buildRecord({ path: 'a.txt', text, analysis });

  it('gives back each item as textItems made it, and drops what is killed', () => {
    const table = new ItemTable();
    const made = [...textItems(rec, 7)];
    assert.deepEqual(
      made.map((m) => m.item.kind),
      ['headline', 'quote', 'entity', 'entity', 'passage', 'passage', 'passage'],
    );
    // More items than the table's first columns hold, so they grow.
    const ids: number[] = [];
    for (let round = 0; round < 400; round++) for (const m of made) ids.push(table.add(m.item, m.ref));
    assert.equal(table.length, made.length * 400);
    ids.forEach((id, k) => assert.deepEqual(table.get(id, rec), made[k % made.length]!.item, `item ${id}`));
    const annotation = { slot: 7, kind: 'annotation' as const, start: 15, end: 30, passage: 1, text: '"We will win,"', tags: ['campaign'], note: 'a promise' };
    const a = table.add(annotation);
    assert.equal(table.get(a, rec), annotation);
    assert.ok(table.isAnnotation(a) && !table.isPassage(a));
    assert.ok(table.isPassage(ids[4]!) && table.spanLength(ids[4]!) === 31);
    assert.ok(table.kill(ids[1]!));
    assert.equal(table.kill(ids[1]!), false);
    assert.equal(table.get(ids[1]!, rec), undefined);
    assert.ok(table.kill(a) && !table.isAnnotation(a));
    assert.equal(table.get(ids[2]!, undefined), undefined, 'no record: no item');
  });
});
