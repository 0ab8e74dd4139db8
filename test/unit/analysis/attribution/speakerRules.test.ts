import { strict as assert } from 'node:assert';
import { analyzeArticle } from '../../../../src/core/analysis/index';
import { dropUnnamedOuter, type ReportedStatement } from '../../../../src/core/analysis/attribution/reported';

const who = (text: string, starts: string) => {
  const q = analyzeArticle(text).quotes.find((x) => x.text.startsWith(starts));
  assert.ok(q, `no item starting "${starts}"`);
  return q.speaker;
};

describe('attribution: speaker rules (issue 12, speaker misses)', () => {
  it('reaches the subject over adverbs between it and the cue ("has long said", "now says")', () => {
    const text = 'Cruz and the border\n\nSen. Ted Cruz spoke in Texas on Friday.\n\nCruz has long said that he qualifies as a natural-born citizen of the country.\n\nHillary Clinton now says she opposes the trade deal with Asia.';
    assert.equal(who(text, 'he qualifies'), 'Ted Cruz');
    assert.equal(who(text, 'she opposes'), 'Hillary Clinton');
  });
  it('takes a noun after a determiner for no speech verb ("his early-morning tweets …, saying")', () => {
    const text = 'Trump on tweets\n\nDonald Trump is defending his early-morning tweets attempting to shame a former Miss Universe, saying it shows he would be awake for a call.';
    assert.equal(who(text, 'it shows'), 'Donald Trump');
  });
  it('gives a quoted paragraph the subject of the paragraph before that ends with a colon', () => {
    const text = 'Jobs and the young\n\nSen. Bernie Sanders spoke in Ohio.\n\nOn July 6, 2015, Sanders made the following comment:\n\n“For young people who have left school, the unemployment rate is 33 percent.”';
    assert.equal(who(text, 'For young people'), 'Bernie Sanders');
  });
  it('gives a headline quote the person named right before the colon', () => {
    const text = "A lesson from Loretta Lynch: 'Be the voice that people hear.'\n\nAttorney General Loretta Lynch spoke to students on Monday about the law.";
    assert.equal(who(text, 'Be the voice'), 'Loretta Lynch');
  });
  it('gives words an administration speaks to it as written ("the Obama administration announced")', () => {
    const text = 'Refugees\n\nThe president spoke on Monday.\n\nLast month, the Obama administration announced it had reached its goal of accepting refugees.';
    assert.equal(who(text, 'it had reached'), 'Obama administration');
  });
  it('drops a statement with no speaker that holds the cue of one with a speaker', () => {
    const st = (start: number, end: number, cueStart: number, speaker: string | null): ReportedStatement =>
      ({ start, end, cueStart, cueEnd: cueStart + 4, cue: 'said', speaker, speakerId: null, entity: null }) as ReportedStatement;
    const outer = st(0, 100, 10, null);
    const inner = st(40, 100, 30, 'Ted Cruz');
    assert.deepEqual(dropUnnamedOuter([outer, inner]), [inner]);
    const apart = st(200, 260, 190, null);
    assert.deepEqual(dropUnnamedOuter([inner, apart]), [inner, apart], 'a statement elsewhere stays');
    const named = st(0, 100, 10, 'Ann Lee');
    assert.deepEqual(dropUnnamedOuter([named, inner]), [named, inner], 'only a statement with no speaker goes');
  });
});
