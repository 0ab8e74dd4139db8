import { strict as assert } from 'node:assert';
import { speechCueAt } from '../../../../src/core/analysis/attribution/cues';
import { tokenize } from '../../../../src/core/analysis/tokenize';

const cueIn = (s: string, word: string) => {
  const t = tokenize(s, 0, s.length);
  return speechCueAt(t, t.findIndex((x) => x.text === word));
};

describe('attribution: cue lexicon', () => {
  it('knows speech verbs in their inflections and phrasal forms, learnt from the data', () => {
    assert.equal(cueIn('She said it', 'said')?.lemma, 'say');
    assert.equal(cueIn('He has insisted it', 'insisted')?.lemma, 'insist');
    assert.deepEqual([cueIn('according to him', 'according')?.start, cueIn('according to him', 'according')?.end], [0, 2]);
    assert.equal(cueIn('She pointed out that', 'pointed')?.end, 3);
    assert.equal(cueIn('He went on to say that', 'went')?.end, 5);
    assert.equal(cueIn('The firm is saying that', 'saying')?.lemma, 'say', 'a progressive is a cue');
  });
  it('leaves out nouns, passives, infinitives and verbs of thinking', () => {
    assert.equal(cueIn('the report was late', 'report'), null);
    assert.equal(cueIn('He was told to go', 'told'), null);
    assert.equal(cueIn('wants to say more', 'say'), null);
    assert.equal(cueIn('She believes it', 'believes'), null);
    assert.equal(cueIn('She pointed at it', 'pointed'), null, '"point" is a cue only with "out"');
  });
});
