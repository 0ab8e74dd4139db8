import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CorpusIndex } from '../../../src/core/corpus/index/corpusIndex';
import { SEARCH } from '../../../src/core/corpus/search/tuning';
import { parseQuery, QueryError } from '../../../src/core/corpus/search/query';
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

  it('searches every word of the body text, in context, and answers each place once', () => {
    // Words only in a body sentence (no headline, quotation, name, tag or note holds them).
    const body = idx.search('expected to cost euros');
    const hit = body.find((r) => r.kind === 'passage' && r.path === 'gazette-bridge.txt');
    assert.ok(hit, JSON.stringify(body.slice(0, 3)));
    assert.match(hit.text, /^The project is expected to cost 240 million euros/);
    assert.match(hit.detail, /Port Alder/, 'the detail names the article');
    const m = hit.matches.find((x) => x.field === 'text')!;
    assert.ok(m.ranges.some(([a, b]) => m.value.slice(a, b).includes('expected')), 'the matched words are marked');
    // A typo in a word that is only in the body: the vocabulary holds the body's words too.
    assert.ok(idx.search('expectd euros').some((r) => r.kind === 'passage' && r.start === hit.start), 'typo tolerance reaches body words');
    // Words in a quotation: the quotation answers, not also the sentence around it.
    for (const query of ['vanity project', 'floods crossing', 'tag:follow-up', 'Okafor']) {
      const results = idx.search(query);
      const places = results.map((r) => `${r.path}:${r.start}-${r.end}`);
      assert.equal(new Set(places).size, places.length, `${query}: a place answered twice: ${places.join(', ')}`);
      for (const p of results.filter((r) => r.kind === 'passage')) {
        assert.ok(!results.some((o) => o !== p && o.kind !== 'passage' && o.path === p.path && o.start < p.end && o.end > p.start), `${query}: a sentence answered beside its quotation`);
      }
    }
    assert.ok(idx.search('vanity project').some((r) => r.kind === 'quote'));
    // A filter alone lists the things it filters, not every sentence of the articles it keeps.
    assert.ok(idx.search('outlet:gazette').every((r) => r.kind !== 'passage'));
  });

  it('takes speaker:, entity: and outlet: values fuzzily, tag: exactly but in any case', () => {
    assert.deepEqual(idx.search('speaker:Okafur').map((r) => r.start), idx.search('speaker:okafor').map((r) => r.start), 'one letter wrong in a speaker');
    assert.ok(idx.search('entity:Brant').some((r) => r.kind === 'entity' && r.text === 'Tomas Brandt'));
    const ledger = idx.search('outlet:"nothern ledger" winter');
    assert.ok(ledger.length > 0 && ledger.every((r) => r.path.startsWith('ledger')));
    assert.deepEqual(idx.search('speaker:zebra'), []);
    assert.ok(idx.search('tag:FOLLOW-UP').some((r) => r.kind === 'tag'));
    assert.equal(idx.search('tag:follow').length, 0, 'a tag is not completed or corrected');
  });

  it('returns nothing for an empty query and respects the limit', () => {
    assert.deepEqual(idx.search(''), []);
    assert.deepEqual(idx.search('   '), []);
    assert.equal(idx.search('type:entity', { limit: 3 }).length, 3);
  });

  it('said: keeps statements of a kind, and a mixed statement is found once (not also its quoted fragment)', () => {
    const text = 'Talks resume\n\nThe minister said the talks had been “quite constructive” on Monday. “We are ready,” Ana Reyes said.\n';
    const base = fakeAnalysis(text, [{ name: 'Ana Reyes', type: 'person' }] as KnownEntity[], null);
    const mixedStart = text.indexOf('the talks');
    const mixedEnd = text.indexOf(' on Monday');
    const frag = text.indexOf('quite');
    const direct = base.quotes.find((q) => q.text === 'We are ready,')!;
    const quotes = [
      { ...base.quotes.find((q) => q.start === frag)!, kind: 'direct' as const, partOf: 1, speaker: 'The minister', speakerId: null },
      { start: mixedStart, end: mixedEnd, text: text.slice(mixedStart, mixedEnd), kind: 'mixed' as const, cueStart: text.indexOf('said'), cueEnd: text.indexOf('said') + 4, speaker: 'The minister', speakerId: null, cue: 'said', passage: 1 },
      { ...direct, kind: 'direct' as const },
    ];
    const one = new CorpusIndex();
    one.upsert({ path: 'mixed.txt', text, analysis: { ...base, quotes }, annotations: [] });
    const constructive = one.search('constructive').filter((r) => r.kind === 'quote' || r.kind === 'speaker');
    assert.deepEqual(constructive.map((r) => [r.start, r.end]), [[mixedStart, mixedEnd]], 'the mixed statement, once');
    assert.match(constructive[0]!.detail, /mixed quote/);
    assert.deepEqual(one.search('said:mixed').map((r) => r.start), [mixedStart]);
    assert.deepEqual(one.search('said:direct').map((r) => r.start), [direct.start]);
    assert.deepEqual(one.search('said:reported'), []);
  });

  it('parses filters, quoted values and free text', () => {
    assert.deepEqual(parseQuery('putin tag:"human rights" speaker:Lavrov type:quotes said:reported nuclear'), {
      text: 'putin nuclear',
      tag: ['human rights'],
      speaker: ['Lavrov'],
      outlet: [],
      entity: [],
      type: ['quote'],
      said: ['reported'],
    });
    assert.throws(() => parseQuery('said:whispered'), QueryError);
    assert.equal(parseQuery('note: at 10:30 "exact words"').text, 'note: at 10:30 exact words');
    assert.throws(() => parseQuery('type:video'), QueryError);
    assert.throws(() => parseQuery('tag:""'), QueryError);
  });
});

describe('corpus index: search word expansion', () => {
  // Headlines written for this test: "bank" begins many words, some common, some rare.
  const words = ['bank', 'banks', 'banker', 'bankers', 'banking', 'bankrupt', 'bankruptcy', 'bankside', 'banknote', 'bankroll', 'bankable'];
  const rare = Array.from({ length: 40 }, (_, i) => 'bankx' + String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26)) + 'q');
  const idx = new CorpusIndex();
  let n = 0;
  const add = (headline: string) => {
    const text = `${headline}\n\nA paragraph about nothing in particular.\n`;
    idx.upsert({ path: `h${n++}.txt`, text, analysis: fakeAnalysis(text) });
  };
  for (const w of words) for (let k = 0; k < (w === 'banks' ? 30 : w === 'bankrupt' ? 12 : 3); k++) add(`Headline ${w} story`);
  for (const w of rare) add(`Headline ${w} story`);
  add('Headline tank story');

  it('ranks the word itself, then inflections, then common completions, and caps the rest', () => {
    const exp = idx.expand('bank');
    assert.equal(exp[0]?.term, 'bank');
    assert.equal(exp[0]?.weight, 1);
    assert.ok(exp.length <= SEARCH.maxExpansions + 1, `${exp.length} expansions`);
    const terms = exp.map((e) => e.term);
    // Inflections first, the most common first among them; then the common completion before rare ones.
    assert.deepEqual(terms.slice(1, 3), ['banks', 'banker']);
    assert.ok(terms.indexOf('bankrupt') < terms.findIndex((t) => t.startsWith('bankx')));
    assert.ok(rare.some((r) => !terms.includes(r)), 'rare completions beyond the cap are left out');
    assert.ok(exp.every((e, i) => i === 0 || e.weight <= exp[i - 1]!.weight));
    // A short word's one-edit neighbour comes after its completions; a longer word's typo is found.
    assert.ok(!terms.includes('tank') || terms.indexOf('tank') > terms.indexOf('bankrupt'));
    assert.ok(idx.expand('bankrupcy').some((e) => e.term === 'bankruptcy'));
  });

  it('still finds what was typed (completions, typos) through the capped expansion', () => {
    assert.ok(idx.search('bankrup').some((r) => r.text.includes('bankruptcy')));
    assert.ok(idx.search('bankrupcy').some((r) => r.text.includes('bankruptcy')));
    assert.ok(idx.search('banks').some((r) => r.text === 'Headline banks story'));
  });

  it('keeps the vocabulary current as articles are added', () => {
    assert.deepEqual(idx.expand('zeppelinx'), []);
    add('Headline zeppelinx story');
    assert.equal(idx.expand('zeppelinx')[0]?.term, 'zeppelinx');
    assert.ok(idx.search('zeppelin').some((r) => r.text.includes('zeppelinx')));
  });
});

describe('corpus index: lazily built tables and search index', () => {
  const queries = ['bridge', 'Okafor', 'finance draft', 'tag:sanctions', 'entity:brandt', 'speaker:okafor', 'type:headline alder', 'entity:okafor type:quote'];
  const answers = (idx: CorpusIndex) => ({
    search: queries.map((q) => idx.search(q)),
    related: idx.paths().sort().map((p) => idx.related(p, 5)),
    stats: idx.stats(),
  });

  it('answers the same whether built on first use, in the background, or interleaved with changes', async () => {
    const eager = build();
    eager.prepare();
    const expected = answers(eager);
    assert.ok(expected.search.every((r) => r.length > 0));
    assert.deepEqual(answers(build()), expected);
    const bg = build();
    await bg.prepareInBackground({ sliceMs: 0 });
    assert.deepEqual(answers(bg), expected);

    // Changes at every point of the background build (tables part built; tables built and search part built).
    for (let ticks = 0; ticks <= 14; ticks++) {
      const mixed = build();
      const ref = build();
      const running = mixed.prepareInBackground({ sliceMs: 0, batch: 1 });
      for (let t = 0; t < ticks; t++) await new Promise<void>((resolve) => setImmediate(resolve));
      const budget = 'ledger-budget.txt';
      const gazette = 'gazette-rowing.txt';
      for (const idx of [mixed, ref]) {
        idx.updateAnnotations(budget, [{ id: 'z', start: 0, end: 10, quote: idx.textOf(budget)!.slice(0, 10), tags: ['sanctions'], note: 'zebra crossing' }]);
        const text = idx.textOf(gazette)! + '\n“The zebra crossing stays where it is,” Ruth Okafor said.\n';
        idx.upsert({ path: gazette, text, analysis: fakeAnalysis(text, KNOWN, 'Harbour Gazette') });
        idx.remove('herald-partial.txt');
      }
      await running;
      ref.prepare();
      assert.deepEqual(answers(mixed), answers(ref), `changes after ${ticks} ticks`);
      assert.deepEqual(mixed.search('zebra').map((r) => r.kind).sort(), ['note', 'quote']);
      assert.equal(mixed.search('speaker:okafor zebra').length, 1);
    }
  });

  it('stops a background build on abort, and builds the rest on first use', async () => {
    const idx = build();
    const ac = new AbortController();
    ac.abort();
    await idx.prepareInBackground({ signal: ac.signal });
    const eager = build();
    eager.prepare();
    assert.deepEqual(answers(idx), answers(eager));
  });
});
