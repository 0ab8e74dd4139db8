import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CorpusIndex, CorpusIndexError, segmentSimilarity } from '../../../src/core/corpus';
import { contentTokens, hashString, shingles, sortedUnique } from '../../../src/core/corpus/tokenize';
import type { IndexedAnnotation } from '../../../src/core/corpus/types';
import { RelatedWalk } from '../../../src/core/corpus/related/walk';
import { fakeAnalysis, type KnownEntity } from './fakeAnalysis';

const FIXTURES = path.resolve(__dirname, '../../fixtures/corpus');
const KNOWN = JSON.parse(readFileSync(path.join(FIXTURES, 'entities.json'), 'utf8')) as KnownEntity[];

function read(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

function ann(text: string, phrase: string, tags: string[], note?: string, id = phrase): IndexedAnnotation {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `phrase not in text: ${phrase}`);
  return { id, start, end: start + phrase.length, quote: phrase, tags, ...(note ? { note } : {}), kind: 'highlight' };
}

function buildIndex(extra: Record<string, IndexedAnnotation[]> = {}): CorpusIndex {
  const idx = new CorpusIndex();
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.txt')).sort()) {
    const text = read(f);
    idx.upsert({ path: f, text, analysis: fakeAnalysis(text, KNOWN, f.split('-')[0]!), annotations: extra[f] ?? [] });
  }
  return idx;
}

function segment(s: string) {
  const terms = contentTokens(s).map((t) => t.term);
  return { uni: sortedUnique(Uint32Array.from(terms, (t) => hashString(t))), sh: shingles(terms) };
}

describe('corpus index: tokenizer and similarity', () => {
  it('equates British and American spellings and inflections', () => {
    const a = contentTokens('normalising relations in favour of the colour').map((t) => t.term);
    const b = contentTokens('normalizing relation in favor of the color').map((t) => t.term);
    assert.deepEqual(a, b);
  });

  it('keeps offsets of content tokens in the original text', () => {
    const text = 'Mr Putin’s letter, “very nice”.';
    for (const t of contentTokens(text)) assert.ok(/\w/.test(text.slice(t.start, t.end)));
    assert.deepEqual(
      contentTokens(text).map((t) => text.slice(t.start, t.end)),
      ['Putin’s', 'letter', 'nice'],
    );
  });

  it('scores light edits and partial quotes high, unrelated sentences low', () => {
    const base = segment('We will not let another winter pass with a single crossing that closes every time the river floods');
    const edited = segment('We will not let another winter go by with a single crossing that closes each time the river floods');
    const partial = segment('another winter pass with a single crossing');
    const other = segment('The crew trained every single morning at five, rain or shine, on the river');
    assert.ok(segmentSimilarity(base, edited) > 0.6, 'light edit');
    assert.ok(segmentSimilarity(base, partial) > 0.6, 'partial');
    assert.ok(segmentSimilarity(base, other) < 0.3, 'unrelated');
    assert.equal(segmentSimilarity(base, base) > 0.99, true);
  });
});

describe('corpus index: related passages', () => {
  it('finds the same quotation in other outlets first, with light edits, translation variants and partial quotes', () => {
    const idx = buildIndex();
    const text = read('gazette-bridge.txt');
    const related = idx.related('gazette-bridge.txt', text.indexOf('another winter pass'));
    const sameQuote = related.filter((r) => r.reasons.some((x) => x.kind === 'same-quote'));
    assert.deepEqual(sameQuote.map((r) => r.path).sort(), ['courrier-interview.txt', 'herald-partial.txt', 'ledger-crossing.txt']);
    // Near-duplicates rank above everything else.
    assert.deepEqual(related.slice(0, 3).map((r) => r.path).sort(), ['courrier-interview.txt', 'herald-partial.txt', 'ledger-crossing.txt']);
    const ledger = related.find((r) => r.path === 'ledger-crossing.txt')!;
    assert.equal(ledger.kind, 'quote');
    assert.ok(ledger.text.startsWith('We will not let another winter go by'));
    assert.equal(read('ledger-crossing.txt').slice(ledger.start, ledger.end), ledger.text);
    assert.ok(ledger.reasons[0]!.kind === 'same-quote');
  });

  it('ranks a quotation copied with light edits first', () => {
    const idx = buildIndex();
    const text = read('gazette-bridge.txt');
    const related = idx.related('gazette-bridge.txt', text.indexOf('vanity project'));
    assert.equal(related[0]?.path, 'ledger-crossing.txt');
    assert.equal(related[0]?.reasons[0]?.kind, 'same-quote');
  });

  it('finds other quotations by the same speaker', () => {
    const idx = buildIndex();
    const text = read('gazette-bridge.txt');
    const related = idx.related('gazette-bridge.txt', text.indexOf('another winter pass'));
    const budget = related.find((r) => r.path === 'ledger-budget.txt' && r.kind === 'quote');
    assert.ok(budget, 'the budget quote by the same speaker');
    assert.ok(budget.reasons.some((r) => r.kind === 'same-speaker' && r.detail.includes('Elena Varga')));
    assert.ok(!budget.reasons.some((r) => r.kind === 'same-quote'));
  });

  it('weights shared entities by rarity', () => {
    const idx = buildIndex();
    const text = read('herald-partial.txt');
    // "Lena Ruiz" (2 passages) is rarer than "Port Alder"; the rowing story shares Lena Ruiz.
    const related = idx.related('herald-partial.txt', text.indexOf('Lena Ruiz'));
    const rowing = related.find((r) => r.path === 'gazette-rowing.txt');
    assert.ok(rowing);
    const reason = rowing.reasons.find((r) => r.kind === 'shared-entities')!;
    assert.ok(reason.detail.includes('Lena Ruiz'));
    assert.deepEqual(reason.keys, ['lena-ruiz']);
  });

  it('links passages tagged alike, through the annotations', () => {
    const a = read('gazette-bridge.txt');
    const b = read('ledger-budget.txt');
    const idx = buildIndex({
      'gazette-bridge.txt': [ann(a, 'the budget was tight', ['Budget'])],
      'ledger-budget.txt': [ann(b, 'dispute over school funding', ['budget', 'schools'], 'vote moved')],
    });
    const related = idx.related('gazette-bridge.txt', a.indexOf('the budget was tight'));
    const hit = related.find((r) => r.path === 'ledger-budget.txt' && r.kind === 'annotation');
    assert.ok(hit);
    assert.equal(hit.text, 'dispute over school funding');
    assert.ok(hit.reasons.some((r) => r.kind === 'same-tag' && r.detail === 'tagged budget'));
    // Removing the tag removes the link.
    idx.updateAnnotations('ledger-budget.txt', []);
    assert.ok(!idx.related('gazette-bridge.txt', a.indexOf('the budget was tight')).some((r) => r.kind === 'annotation'));
  });

  it('leaves out the source article on request, never returns the source itself', () => {
    const idx = buildIndex();
    const text = read('gazette-bridge.txt');
    const offset = text.indexOf('another winter pass');
    const source = idx.sourceAt('gazette-bridge.txt', offset)!;
    const all = idx.related('gazette-bridge.txt', offset, { limit: 100 });
    assert.ok(all.some((r) => r.path === 'gazette-bridge.txt'));
    assert.ok(!all.some((r) => r.path === 'gazette-bridge.txt' && r.start < source.end && r.end > source.start));
    const others = idx.related('gazette-bridge.txt', offset, { limit: 100, otherArticlesOnly: true });
    assert.ok(others.length > 0 && others.every((r) => r.path !== 'gazette-bridge.txt'));
    assert.equal(idx.related('gazette-bridge.txt', offset, { limit: 2 }).length, 2);
  });

  it('picks the quotation at the offset, else the paragraph, else the next paragraph', () => {
    const idx = buildIndex();
    const text = read('gazette-bridge.txt');
    assert.equal(idx.sourceAt('gazette-bridge.txt', text.indexOf('another winter'))?.kind, 'quote');
    const p = idx.sourceAt('gazette-bridge.txt', text.indexOf('announced'))!;
    assert.equal(p.kind, 'passage');
    assert.ok(p.text.startsWith('Mayor Elena Varga announced'));
    const blank = text.indexOf('\n\n', text.indexOf('2028')) + 1;
    assert.ok(idx.sourceAt('gazette-bridge.txt', blank)!.text.startsWith('“We will not'));
    assert.equal(idx.sourceAt('gazette-bridge.txt', 0)?.kind, 'headline');
    assert.throws(() => idx.related('nope.txt', 0), CorpusIndexError);
  });

  it('updates and removes articles incrementally', () => {
    const idx = buildIndex();
    const text = read('gazette-bridge.txt');
    const offset = text.indexOf('vanity project');
    assert.equal(idx.related('gazette-bridge.txt', offset)[0]?.path, 'ledger-crossing.txt');
    idx.remove('ledger-crossing.txt');
    assert.ok(!idx.related('gazette-bridge.txt', offset).some((r) => r.path === 'ledger-crossing.txt'));
    assert.ok(!idx.search('vanity').some((r) => r.path === 'ledger-crossing.txt'));
    const changed = 'Another story\n\nSomeone said it was “a vanity project dressed up as public infrastructure” again.\n';
    idx.upsert({ path: 'new.txt', text: changed, analysis: fakeAnalysis(changed, KNOWN) });
    assert.equal(idx.related('gazette-bridge.txt', offset)[0]?.path, 'new.txt');
    // Replacing the text of an article replaces its passages.
    const replaced = 'Another story\n\nNothing to see here at all today.\n';
    idx.upsert({ path: 'new.txt', text: replaced, analysis: fakeAnalysis(replaced, KNOWN) });
    assert.ok(!idx.related('gazette-bridge.txt', offset).some((r) => r.path === 'new.txt'));
    assert.equal(idx.size, 6);
    // Compaction keeps the answers.
    const before = idx.related('gazette-bridge.txt', text.indexOf('another winter'));
    idx.compact();
    assert.deepEqual(idx.related('gazette-bridge.txt', text.indexOf('another winter')), before);
  });

  it('refuses an analysis or annotations that do not fit the text, and keeps the previous state', () => {
    const idx = buildIndex();
    const text = read('ledger-budget.txt');
    const bad = fakeAnalysis(text + ' extra words at the end to push spans', KNOWN);
    assert.throws(() => idx.upsert({ path: 'ledger-budget.txt', text: text.slice(0, 20), analysis: bad }), RangeError);
    assert.equal(idx.textOf('ledger-budget.txt'), text);
    assert.throws(() => idx.updateAnnotations('ledger-budget.txt', [{ id: 'x', start: 5, end: 10_000, quote: '', tags: [] }]), RangeError);
    assert.throws(() => idx.updateAnnotations('missing.txt', []), CorpusIndexError);
  });

  it('walks a chain of related passages with next and previous', () => {
    const idx = buildIndex();
    const text = read('gazette-bridge.txt');
    const source = idx.sourceAt('gazette-bridge.txt', text.indexOf('another winter'))!;
    const related = idx.relatedTo(source, { limit: 3 });
    const walk = new RelatedWalk(source, related);
    assert.equal(walk.length, 4);
    assert.equal(walk.current(), source);
    assert.equal(walk.next(), related[0]);
    assert.equal(walk.next(), related[1]);
    assert.equal(walk.previous(), related[0]);
    assert.equal(walk.previous(), source);
    assert.equal(walk.previous(), related[2]);
    assert.equal(walk.goTo(99), related[2]);
  });
});

describe('corpus index: copies of short quotations with a word dropped', () => {
  it('hashes a skip pair like the adjacent pair it becomes when the word between is dropped', () => {
    const full = shingles(['company', 'departure', 'lounge', 'life']);
    const dropped = shingles(['company', 'departure', 'life']);
    // The copy's company-departure and departure-life (now adjacent; a skip pair in the original) both match.
    assert.equal(dropped.length, 3);
    assert.equal(dropped.filter((h) => full.includes(h)).length, 2);
  });

  it('finds a copy left with only 3 content words first', () => {
    const idx = new CorpusIndex();
    const people: KnownEntity[] = [{ name: 'Jean Raymond', type: 'person' }];
    const add = (p: string, text: string) => idx.upsert({ path: p, text, analysis: fakeAnalysis(text, people) });
    add('source.txt', 'Airline shares slide\n\n“This is a company in the departure lounge of life,” Jean Raymond said of the carrier.\n');
    add('copy.txt', 'Carrier in trouble\n\nAs one analyst put it, “This is a company in the departure of life.”\n');
    add('other.txt', 'Holiday traffic\n\nThe departure lounge was full of life on Friday, the company said.\n');
    const src = idx.textOf('source.txt')!;
    const rel = idx.related('source.txt', src.indexOf('departure'));
    assert.equal(rel[0]?.path, 'copy.txt');
    assert.equal(rel[0]?.reasons[0]?.kind, 'same-quote');
    assert.equal(rel[0]?.kind, 'quote');
    const simOf = (p: string) => rel.find((r) => r.path === p)?.reasons.find((x) => x.kind === 'same-quote')?.similarity ?? 0;
    assert.ok(simOf('copy.txt') > simOf('other.txt'), 'the copy is more alike than the same words in another sentence');
  });
});
