import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { parseQuery, QueryError } from '../../../src/core/corpus/query';
import type { IndexedAnnotation } from '../../../src/core/corpus/types';
import { fakeAnalysis, type KnownEntity } from './fakeAnalysis';

const FIXTURES = path.resolve(__dirname, '../../fixtures/corpus');
const KNOWN = JSON.parse(readFileSync(path.join(FIXTURES, 'entities.json'), 'utf8')) as KnownEntity[];

function build(): CorpusIndex {
  const idx = new CorpusIndex();
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(FIXTURES, f), 'utf8');
    const annotations: IndexedAnnotation[] = [];
    if (f === 'ledger-budget.txt') {
      const s = text.indexOf('dispute over school funding');
      annotations.push({ id: 'b1', start: s, end: s + 27, quote: 'dispute over school funding', tags: ['sanctions/schools', 'follow-up'], note: 'ask the finance office for the draft' });
    }
    const publisher = f.startsWith('gazette') ? 'Harbour Gazette' : f.startsWith('ledger') ? 'Northern Ledger' : null;
    idx.upsert({ path: f, text, analysis: fakeAnalysis(text, KNOWN, publisher), annotations });
  }
  return idx;
}

describe('corpus index: search', () => {
  const idx = build();

  it('finds headlines and quotations, with highlight ranges on the matched words', () => {
    const results = idx.search('bridge');
    assert.ok(results.length >= 3);
    const headline = results.find((r) => r.kind === 'headline' && r.path === 'gazette-bridge.txt')!;
    assert.ok(headline);
    const m = headline.matches.find((x) => x.field === 'text')!;
    assert.deepEqual(m.ranges.map(([s, e]) => m.value.slice(s, e)), ['bridge']);
    assert.ok(results.every((r, i) => i === 0 || results[i - 1]!.score >= r.score));
  });

  it('tolerates typos', () => {
    const results = idx.search('briddge');
    assert.ok(results.some((r) => r.text.includes('bridge')));
    assert.ok(idx.search('infrastucture').some((r) => r.kind === 'quote'));
  });

  it('finds entities and speakers by name', () => {
    const results = idx.search('Okafor');
    assert.ok(results.some((r) => r.kind === 'entity' && r.text === 'Ruth Okafor'));
    const spoke = results.filter((r) => r.kind === 'speaker');
    assert.equal(spoke.length, 2);
    assert.ok(spoke.every((r) => r.text.startsWith('a vanity project') && r.detail.includes('Ruth Okafor')));
  });

  it('finds tags and notes', () => {
    const byNote = idx.search('finance draft');
    assert.equal(byNote[0]?.kind, 'note');
    assert.equal(byNote[0]?.text, 'dispute over school funding');
    const byTag = idx.search('follow-up');
    assert.equal(byTag[0]?.kind, 'tag');
  });

  it('applies filters, alone or with text', () => {
    const okafor = idx.search('speaker:okafor');
    assert.equal(okafor.length, 2);
    assert.ok(okafor.every((r) => r.kind === 'quote'));
    assert.deepEqual(
      idx.search('type:headline alder').map((r) => r.kind),
      idx.search('type:headline alder').map(() => 'headline'),
    );
    assert.ok(idx.search('type:headline alder').length >= 2);
    const ledger = idx.search('outlet:"northern ledger" winter');
    assert.ok(ledger.length > 0 && ledger.every((r) => r.path.startsWith('ledger')));
    assert.ok(idx.search('outlet:gazette').every((r) => r.path.startsWith('gazette')));
    // A tag filter matches the tag and its sub-tags, and anything the tagged annotation covers.
    const tagged = idx.search('tag:sanctions');
    assert.ok(tagged.some((r) => r.kind === 'tag' && r.path === 'ledger-budget.txt'));
    assert.ok(tagged.every((r) => r.path === 'ledger-budget.txt'));
    assert.equal(idx.search('tag:sanction').length, 0);
    const brandt = idx.search('entity:brandt');
    assert.ok(brandt.some((r) => r.kind === 'entity' && r.text === 'Tomas Brandt'));
    assert.ok(brandt.some((r) => r.kind === 'quote' && r.detail.includes('Tomas Brandt')));
    assert.ok(idx.search('type:person').every((r) => r.kind === 'entity'));
    assert.ok(idx.search('type:place').some((r) => r.text === 'Port Alder'));
    assert.deepEqual(idx.search('speaker:okafor outlet:courrier'), []);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    assert.deepEqual(idx.search(''), []);
    assert.deepEqual(idx.search('   '), []);
    assert.equal(idx.search('type:entity', { limit: 3 }).length, 3);
  });

  it('parses filters, quoted values and free text', () => {
    assert.deepEqual(parseQuery('putin tag:"human rights" speaker:Lavrov type:quotes nuclear'), {
      text: 'putin nuclear',
      tag: ['human rights'],
      speaker: ['Lavrov'],
      outlet: [],
      entity: [],
      type: ['quote'],
    });
    assert.equal(parseQuery('note: at 10:30 "exact words"').text, 'note: at 10:30 exact words');
    assert.throws(() => parseQuery('type:video'), QueryError);
    assert.throws(() => parseQuery('tag:""'), QueryError);
  });
});
