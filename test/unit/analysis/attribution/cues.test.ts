import { strict as assert } from 'node:assert';
import { infinitiveCueAt, speechCueAt } from '../../../../src/core/analysis/attribution/cues';
import { tokenize } from '../../../../src/core/analysis/tokenize';

const cueIn = (s: string, word: string) => {
  const t = tokenize(s, 0, s.length);
  return speechCueAt(t, t.findIndex((x) => x.text === word));
};
const infinitiveIn = (s: string, word: string) => {
  const t = tokenize(s, 0, s.length);
  return infinitiveCueAt(t, t.findIndex((x) => x.text === word));
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
  it('takes phrasal cues with their particle, British spellings, and verbs of implying learnt from the data', () => {
    assert.equal(cueIn('The minister ruled out a second vote', 'ruled')?.end, 4);
    assert.equal(cueIn('The minister made it clear that', 'made')?.end, 5);
    assert.equal(cueIn('The minister made clear that', 'made')?.end, 4);
    assert.equal(cueIn('The minister made a cake', 'made'), null);
    assert.equal(cueIn('The council criticised the plan', 'criticised')?.lemma, 'criticize');
    assert.equal(cueIn('The mayor implied that fares would rise', 'implied')?.lemma, 'imply');
  });
  it('finds a cue in a to-infinitive whose subject spoke, not one put in someone else\'s mouth or refused', () => {
    assert.equal(infinitiveIn('The mayor used the meeting to suggest that', 'suggest')?.lemma, 'suggest');
    assert.equal(infinitiveIn('The pilots came out to tell reporters that', 'tell')?.lemma, 'tell');
    assert.equal(infinitiveIn('The union urged the mayor to say that', 'say'), null);
    assert.equal(infinitiveIn('The mayor refused to say whether', 'say'), null);
    assert.equal(infinitiveIn('The mayor was asked to confirm that', 'confirm'), null);
  });
});
