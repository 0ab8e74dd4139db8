import { strict as assert } from 'node:assert';
import { contentEnd, contentStart } from '../../../../src/core/analysis/attribution/clauses';
import { tokenize } from '../../../../src/core/analysis/tokenize';

/** The clause after the cue word `cue` in `s` (one sentence), as text. */
function clauseAfter(s: string, cue: string, lemma: string): string | null {
  const t = tokenize(s, 0, s.length);
  const quoted = new Uint8Array(t.length);
  const c = t.findIndex((x) => x.text === cue);
  const a = contentStart(t, quoted, c + 1, t.length, lemma);
  if (a < 0) return null;
  const b = contentEnd(t, quoted, a, t.length);
  return s.slice(t[a]!.start, t[b - 1]!.end);
}

describe('attribution: clause boundaries', () => {
  it('starts the reported clause past "that", the addressee and attribution tails', () => {
    assert.equal(clauseAfter('Mayor Dahl said the ferry would run.', 'said', 'say'), 'the ferry would run');
    assert.equal(clauseAfter('Mayor Dahl told reporters on Monday that the ferry would run.', 'told', 'tell'), 'the ferry would run');
    assert.equal(clauseAfter('Mayor Dahl told the council the ferry would run.', 'told', 'tell'), 'the ferry would run');
    assert.equal(clauseAfter('Mayor Dahl said in a statement, the ferry would run.', 'said', 'say'), 'the ferry would run');
  });
  it('has no clause when only a tail follows the cue', () => {
    assert.equal(clauseAfter('Mayor Dahl wrote to the council on Monday.', 'wrote', 'write'), null);
    assert.equal(clauseAfter('Mayor Dahl said.', 'said', 'say'), null);
  });
  it('ends at a semicolon or a second attribution, not only at the sentence end', () => {
    assert.equal(clauseAfter('Dahl said the ferry would run; the bridge stays shut.', 'said', 'say'), 'the ferry would run');
    assert.equal(clauseAfter('Dahl said the ferry would run, adding that fares would rise.', 'said', 'say'), 'the ferry would run');
    assert.equal(clauseAfter('Dahl said the ferry would run, the harbour office said.', 'said', 'say'), 'the ferry would run');
    assert.equal(clauseAfter('Dahl said the ferry, which is old, would run.', 'said', 'say'), 'the ferry, which is old, would run');
  });
  it('ends at a conjoined speech verb, at a quotation closed by a comma and an attribution, and before the reporter naming the remark', () => {
    assert.equal(clauseAfter('Dahl said the ferry would run and added that fares would rise.', 'said', 'say'), 'the ferry would run');
    assert.equal(clauseAfter('Dahl conceded the ferry was late but insisted that it was safe.', 'conceded', 'concede'), 'the ferry was late');
    assert.equal(clauseAfter('Dahl described the timetable as fair, her warmest words since the strike began.', 'described', 'describe'), 'the timetable as fair');
  });
  it('keeps the addressee of "urged" before an infinitive: it is who should act', () => {
    assert.equal(clauseAfter('The union urged the mayor to reopen the quay.', 'urged', 'urge'), 'the mayor to reopen the quay');
  });
});
