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
  it('finds a cue in a to-infinitive, after a medium phrase, and a conjoined second statement', () => {
    assert.deepEqual(statements('Mayor Ingrid Dahl used her weekly briefing to suggest that the ferry would run all winter.'), [['reported', 'the ferry would run all winter', 'Ingrid Dahl']]);
    assert.deepEqual(statements('Mayor Ingrid Dahl, who chairs the board, in her speech implied that the ferry would run all winter.'), [['reported', 'the ferry would run all winter', 'Ingrid Dahl']]);
    assert.deepEqual(statements('Mayor Ingrid Dahl said the ferry was late and added that fares would rise.').map((x) => x[1]), ['the ferry was late', 'fares would rise']);
  });
  it('finds groups as sources, shown as written when they name something', () => {
    assert.deepEqual(statements('Many economists say the ferry fares are too high.'), [['reported', 'the ferry fares are too high', null]]);
    assert.deepEqual(statements('Fjordland harbour pilots said the quay would close.').map((x) => x[2]), ['Fjordland harbour pilots']);
    assert.deepEqual(statements('A Fjordland transport ministry official said the quay would close.').map((x) => x[2]), ['Fjordland transport ministry']);
  });
  it('ends an opening subordinate clause at its comma, and spans a clause an attribution interrupts', () => {
    assert.deepEqual(statements('While Tomas Berg accuses the council of waste, Ingrid Dahl says the budget is sound.').map((x) => [x[1], x[2]]), [['the council of waste', 'Tomas Berg'], ['the budget is sound', 'Ingrid Dahl']]);
    assert.deepEqual(statements('The ferry, according to Ingrid Dahl, will run all winter.').map((x) => x[1]), ['The ferry, according to Ingrid Dahl, will run all winter']);
  });
  it('finds namings with a quoted word and nouns of saying', () => {
    const a = analyzeArticle('Ferry news from the coast\n\nMayor Ingrid Dahl met the board. She called the timetable a “disgrace” on Monday.\n');
    const mixed = a.quotes.find((q) => q.kind === 'mixed');
    assert.equal(mixed?.text, 'the timetable a “disgrace”');
    assert.equal(mixed?.speaker, 'Ingrid Dahl');
    assert.deepEqual(statements('The message from Ingrid Dahl was that the ferry would run all winter.'), [['reported', 'the ferry would run all winter', 'Ingrid Dahl']]);
  });
});
