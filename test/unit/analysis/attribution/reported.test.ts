import { strict as assert } from 'node:assert';
import { analyzeArticle } from '../../../../src/core/analysis/index';

const statements = (body: string) =>
  analyzeArticle('Ferry news from the coast\n\n' + body + '\n')
    .quotes.filter((q) => q.partOf === undefined)
    .map((q) => [q.kind, q.text, q.speaker]);

describe('attribution: reported speech (the decision)', () => {
  it('finds SOURCE CUE CONTENT, CONTENT SOURCE CUE and according to, with their speakers', () => {
    assert.deepEqual(statements('Mayor Ingrid Dahl said the ferry would run all winter.'), [['reported', 'the ferry would run all winter', 'Ingrid Dahl']]);
    assert.deepEqual(statements('The ferry will run all winter, Mayor Ingrid Dahl said on Tuesday.'), [['reported', 'The ferry will run all winter', 'Ingrid Dahl']]);
    assert.deepEqual(statements('The ferry will run all winter, said Ingrid Dahl.'), [['reported', 'The ferry will run all winter', 'Ingrid Dahl']]);
    assert.deepEqual(statements('According to Ingrid Dahl, the ferry will run all winter.'), [['reported', 'the ferry will run all winter', 'Ingrid Dahl']]);
  });
  it('gives a statement to an organisation, and "a spokesperson for X" to X', () => {
    assert.deepEqual(statements('The Fjord Line Company said fares would rise in March.').map((s) => s[2]), ['Fjord Line Company']);
    assert.deepEqual(statements('A spokesperson for the Fjord Line Company said fares would rise in March.').map((s) => s[2]), ['Fjord Line Company']);
  });
  it('resolves he and she by gender, and leaves an unknown source null', () => {
    const s = statements('Ingrid Dahl met Tomas Berg at the quay. She said the ferry would run all winter.');
    assert.deepEqual(s.map((x) => x[2]), ['Ingrid Dahl']);
    const t = statements('Ingrid Dahl met Tomas Berg at the quay. He said the ferry would run all winter.');
    assert.deepEqual(t.map((x) => x[2]), ['Tomas Berg']);
    assert.deepEqual(statements('Someone at the quay said the ferry would run all winter.').map((x) => x[2]), [null]);
  });
  it('makes a reported clause holding a quotation mixed, its quotation a direct part of it', () => {
    const a = analyzeArticle('Ferry news from the coast\n\nMayor Ingrid Dahl said the crossing had been “quite calm” this week.\n');
    const mixed = a.quotes.findIndex((q) => q.kind === 'mixed');
    assert.ok(mixed >= 0, JSON.stringify(a.quotes));
    const frag = a.quotes.find((q) => q.kind === 'direct')!;
    assert.equal(frag.text, 'quite calm');
    assert.equal(frag.partOf, mixed);
    assert.equal(a.quotes[mixed]!.text, 'the crossing had been “quite calm” this week');
    assert.equal(a.quotes[mixed]!.speaker, 'Ingrid Dahl');
    const cue = a.quotes[mixed]!;
    assert.equal(a.metadata && cue.cueStart !== null && cue.cueStart !== undefined ? 'said' : '', 'said');
  });
  it('leaves a statement that is all one quotation to the quotation, and skips verbs of thinking', () => {
    assert.deepEqual(statements('“The ferry will run all winter,” Ingrid Dahl said.').map((s) => s[0]), ['direct']);
    assert.deepEqual(statements('Ingrid Dahl believes the ferry will run all winter.'), []);
  });
});
