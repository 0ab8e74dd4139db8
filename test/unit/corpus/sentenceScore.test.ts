import { strict as assert } from 'node:assert';
import { scoreSentence, type TermWeights } from '../../../src/core/corpus/search/sentenceScore';

describe('body sentences scored from the prefilter words', () => {
  const terms: TermWeights = new Map([
    ['nuclear', { word: 0, weight: 1 }],
    ['arsenal', { word: 1, weight: 1 }],
    ['arsenals', { word: 1, weight: 0.9 }],
  ]);

  it('marks every matched word, inflections included', () => {
    const text = 'Both men talked about the need to strengthen their nations’ nuclear arsenals.';
    const { match } = scoreSentence(text, terms, 2);
    assert.deepEqual(match.ranges.map(([a, b]) => text.slice(a, b)), ['nuclear', 'arsenals']);
    assert.equal(match.field, 'text');
  });

  it('ranks the query words standing together above the same words scattered, and full cover above half', () => {
    const together = scoreSentence('They spoke of the nuclear arsenal on Friday.', terms, 2).score;
    const apart = scoreSentence('The arsenal of arguments was not nuclear at all.', terms, 2).score;
    const half = scoreSentence('A nuclear plant was closed.', terms, 2).score;
    assert.ok(together > apart, `${together} > ${apart}`);
    assert.ok(apart > half, `${apart} > ${half}`);
    assert.ok(together <= 1 && half > 0);
  });
});
