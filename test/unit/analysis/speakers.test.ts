import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, type Quote } from '../../../src/core/analysis/index';

/** The direct quotations (reported statements are tested in test/unit/analysis/attribution). */
const direct = (x: { quotes: readonly Quote[] }): Quote[] => x.quotes.filter((q) => (q.kind ?? 'direct') === 'direct');

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'analysis', name), 'utf8');

function speakers(text: string): [string, string | null, string | null][] {
  return direct(analyzeArticle(text)).map((q) => [q.text, q.speaker, q.cue]);
}

describe('analysis: speakers', () => {
  it('attributes "..., Mr X wrote", "said X", "X said: ..." and gives the fullest name used', () => {
    const text = [
      'Talks on the new bridge',
      '',
      'Harbour minister Anna Kowalski wrote to the council on Monday.',
      '',
      '“We hope to start soon,” Ms Kowalski wrote.',
      '',
      '“It is too expensive,” said Peter Brandt, the council leader.',
      '',
      'Brandt said: “We will vote next week.”',
      '',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['We hope to start soon,', 'Anna Kowalski', 'wrote'],
      ['It is too expensive,', 'Peter Brandt', 'said'],
      ['We will vote next week.', 'Peter Brandt', 'said'],
    ]);
  });

  it('resolves pronouns and descriptions, and continues the speaker into a following quote', () => {
    const a = analyzeArticle(fixture('wire-story.txt'));
    const got = direct(a).map((q) => q.speaker);
    assert.deepEqual(got, ['Ingrid Halvorsen', 'Ingrid Halvorsen', 'Ingrid Halvorsen', 'Tomas Berg', 'Tomas Berg', 'Tomas Berg']);
    assert.equal(direct(a)[1]!.cue, 'added', '"the mayor added" is the mayor introduced earlier');
  });

  it('handles appositives, organisations, "told reporters" and quotes over paragraphs', () => {
    const a = analyzeArticle(fixture('web-clip.txt'));
    const byText = new Map(direct(a).map((q) => [q.text, q]));
    assert.equal(byText.get('We have enough crews to keep every route open,')!.speaker, 'Jonas Eklund');
    assert.equal(byText.get('We have enough crews to keep every route open,')!.cue, 'told');
    assert.equal(byText.get('an insult')!.speaker, 'Nordic Pilots Federation');
    assert.equal(byText.get('united and ready')!.speaker, 'Sara Vik');
    assert.equal(byText.get('Now they want to talk.')!.speaker, 'Sara Vik');
    assert.equal(byText.get('The door is open.')!.speaker, 'Jonas Eklund');
    assert.equal(byText.get('rest rules')!.speaker, null, 'a scare quote with no one saying it');
  });

  it('attributes "according to" and statements', () => {
    const text = 'Storm report\n\nThe storms were “the worst in forty years”, according to the Norwegian Coastal Administration.\n\nThe plan is “a good start”, the Bergvik Fishing Association said.\n';
    const s = speakers(text);
    assert.equal(s[0]![1], 'Norwegian Coastal Administration');
    assert.equal(s[0]![2], 'according to');
    assert.equal(s[1]![1], 'Bergvik Fishing Association');
  });

  it('says null for "it said" rather than taking the previous speaker', () => {
    const text = 'Ministry replies\n\n“We were never told,” said Ola Nilsen. In a statement, it said: “The rules were followed.”\n';
    assert.deepEqual(speakers(text), [
      ['We were never told,', 'Ola Nilsen', 'said'],
      ['The rules were followed.', null, 'said'],
    ]);
  });

  it('says null rather than guessing when nobody is named', () => {
    const text = 'Market day\n\nThe so-called “quiet season” began early this year, and prices fell.\n';
    assert.deepEqual(speakers(text), [['quiet season', null, null]]);
  });

  it('gives the speaker an entity id when the speaker is a recognised entity', () => {
    const a = analyzeArticle(fixture('wire-story.txt'));
    const q = direct(a)[0]!;
    assert.equal(q.speakerId, 'ingrid-halvorsen');
    assert.ok(a.entities.some((e) => e.id === q.speakerId));
  });
});
