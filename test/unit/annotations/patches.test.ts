import { strict as assert } from 'node:assert';
import { applyTagPatch, countTags, tallyTags } from '../../../src/core/annotations/store';
import { patchAnnotation, patchArticle } from '../../../src/core/annotations/store/patches';
import type { Annotation, SidecarData } from '../../../src/core/annotations/types';

const target = { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 };

describe('annotation patches', () => {
  it('applies tag patches one way: set, then add, then remove, normalised, without duplicates', () => {
    assert.deepEqual(applyTagPatch(['a', 'b'], {}), ['a', 'b']);
    assert.deepEqual(applyTagPatch(['a', 'b'], { setTags: [' c ', 'c', 'd'] }), ['c', 'd']);
    assert.deepEqual(applyTagPatch(['a'], { addTags: ['b', ' a', 'b'] }), ['a', 'b']);
    assert.deepEqual(applyTagPatch(['a', 'b', 'c'], { removeTags: [' b '] }), ['a', 'c']);
    assert.deepEqual(applyTagPatch(['a'], { setTags: ['x'], addTags: ['y'], removeTags: ['x'] }), ['y']);
  });

  it('patches annotation tags and article tags by the same rules', () => {
    const a: Annotation = { id: 'a1', kind: 'passage', tags: ['one', 'two'], target };
    const d: SidecarData = { version: 1, source: 'a.txt', tags: ['one', 'two'], annotations: [a] };
    for (const p of [{ addTags: ['three', 'one'] }, { removeTags: ['one'] }, { setTags: ['x ', 'x'] }, { setTags: [], addTags: ['y'] }]) {
      assert.deepEqual(patchAnnotation(a, p, 'now').tags, patchArticle(d, p).tags, JSON.stringify(p));
    }
  });

  it('leaves an annotation untouched (same object, no new time) when the patch changes nothing', () => {
    const a: Annotation = { id: 'a1', kind: 'passage', tags: ['one'], target, updated: 'then' };
    assert.equal(patchAnnotation(a, { addTags: ['one'] }, 'now'), a);
    assert.equal(patchAnnotation(a, { addTags: ['two'] }, 'now').updated, 'now');
  });

  it('clears the article conflicts when its note is edited', () => {
    const d: SidecarData = { version: 1, source: 'a.txt', tags: [], note: 'old', annotations: [], conflicts: [{ field: 'note', other: 'theirs' }] };
    const out = patchArticle(d, { note: 'new' });
    assert.equal(out.note, 'new');
    assert.equal(out.conflicts, undefined);
    assert.deepEqual(patchArticle(d, { addTags: ['t'] }).conflicts, d.conflicts);
  });
});

describe('tag counts', () => {
  it('countTags counts article and annotation tags as tallyTags counts the lists', () => {
    const d: SidecarData = {
      version: 1,
      source: 'a.txt',
      tags: ['b', 'a'],
      annotations: [
        { id: 'x', kind: 'passage', tags: ['a', 'c'], target },
        { id: 'y', kind: 'passage', tags: ['c'], target },
      ],
    };
    const expected = [
      { tag: 'a', count: 2 },
      { tag: 'c', count: 2 },
      { tag: 'b', count: 1 },
    ];
    assert.deepEqual(countTags([d]), expected);
    assert.deepEqual(tallyTags([['a', 'c'], ['b'], ['c', 'a']]), expected);
  });
});
