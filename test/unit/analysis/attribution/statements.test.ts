import { strict as assert } from 'node:assert';
import { analyzeArticle } from '../../../../src/core/analysis/index';

const HEAD = 'Harbour news from the coast\n\n';

describe('attribution: statements (kinds, partOf, split quotations)', () => {
  it('keeps statements in document order, a mixed statement before its quotation, partOf pointing at it', () => {
    const text = HEAD + 'Ola Brenna said the pier was “beyond repair” after the storm. “We will rebuild it,” said Lena Fisk.\n';
    const q = analyzeArticle(text).quotes;
    assert.deepEqual(q.map((x) => x.kind), ['mixed', 'direct', 'direct']);
    assert.equal(q[1]!.partOf, 0);
    assert.equal(q[2]!.partOf, undefined);
    for (const x of q) assert.equal(text.slice(x.start, x.end), x.text);
    assert.equal(text.slice(q[0]!.cueStart!, q[0]!.cueEnd!), 'said');
    assert.equal(q[2]!.speaker, 'Lena Fisk');
    assert.equal(text.slice(q[2]!.cueStart!, q[2]!.cueEnd!), 'said', 'a quotation has its cue offsets too');
    const acc = analyzeArticle(HEAD + 'The pier is “beyond repair”, according to Ola Brenna.\n').quotes.find((x) => x.kind === 'direct')!;
    assert.equal(acc.cue, 'according to');
    assert.equal((HEAD + 'The pier is “beyond repair”, according to Ola Brenna.\n').slice(acc.cueStart!, acc.cueEnd!), 'according to');
  });

  it('makes a quotation interrupted by its attribution one statement, and not after "He added:"', () => {
    const one = analyzeArticle(HEAD + '“The pier is gone,” Ola Brenna said. “We start again in May.”\n').quotes;
    const mixed = one.filter((x) => x.kind === 'mixed');
    assert.equal(mixed.length, 1);
    assert.equal(mixed[0]!.speaker, 'Ola Brenna');
    assert.equal(one.filter((x) => x.partOf !== undefined).length, 2);
    const two = analyzeArticle(HEAD + '“The pier is gone.” He added: “We start again in May.”\n').quotes;
    assert.ok(two.every((x) => x.kind === 'direct'));
  });

  it('gives words a group says for someone to the group, not to the someone', () => {
    const text = HEAD + 'Mayor Ola Brenna visited the pier. Advisers to Mayor Brenna say the repairs will cost more than planned.\n';
    const r = analyzeArticle(text).quotes.find((x) => x.kind === 'reported')!;
    assert.equal(r.text, 'the repairs will cost more than planned');
    assert.notEqual(r.speaker, 'Ola Brenna');
    assert.match(r.speaker ?? '', /Advisers to Mayor Brenna/);
  });

  it('leaves a shouted heading and an unnamed source without a speaker', () => {
    const r = analyzeArticle(HEAD + 'Someone on the quay said the ferry would be late.\n').quotes;
    assert.deepEqual(r.map((x) => [x.kind, x.speaker]), [['reported', null]]);
  });
});
