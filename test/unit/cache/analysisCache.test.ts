import { strict as assert } from 'node:assert';
import { packAnalysis, packedEntities, packedMetadata, summarizeEntity, unpackAnalysis } from '../../../src/core/cache/analysisRecord';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../src/core/analysis/index';
import type { ArticleAnalysis } from '../../../src/core/analysis/types';
import { ANALYSIS_CACHE_KEY, AnalysisCache, analysisCacheKey } from '../../../src/core/cache/analysisCache';
import { CacheFormatError } from '../../../src/core/cache/packing';
import { fingerprint } from '../../../src/core/text/decode';
import { MemoryFileOps } from '../corpus/memoryFileOps';

const FIXTURES = path.resolve(__dirname, '../../fixtures/corpus');
const texts = readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));

/** Every optional and nullable field exercised, written by hand. */
const HANDMADE: ArticleAnalysis = {
  metadata: { title: 'A bridge, again', titleDerived: false, titleSpan: { start: 0, end: 15 }, publisher: null, date: '3 May', dateIso: null, author: 'Jo Li', dateline: null },
  passages: [
    { start: 0, end: 15, kind: 'headline', index: 0, sentences: [{ start: 0, end: 15 }] },
    { start: 17, end: 90, kind: 'paragraph', index: 1, sentences: [{ start: 17, end: 50 }, { start: 51, end: 90 }] },
    { start: 92, end: 99, kind: 'furniture', index: 2, sentences: [] },
  ],
  furniture: [{ start: 92, end: 99 }],
  quotes: [
    { start: 18, end: 40, text: 'never again, not here', speaker: 'Ruth Okafor', speakerId: 'person:ruth-okafor', cue: 'said', passage: 1, group: 0 },
    { start: 52, end: 70, text: 'and the next one…', speaker: null, speakerId: null, cue: null, passage: 1, group: 0, unclosed: true },
    { start: 71, end: 80, text: 'é “ü” 😀', speaker: 'Ruth Okafor', speakerId: null, cue: 'according to', passage: 1, unclosed: false },
  ],
  entities: [
    { id: 'person:ruth-okafor', name: 'Ruth Okafor', type: 'person', mentions: [{ start: 41, end: 52, text: 'Ruth Okafor' }, { start: 60, end: 66, text: 'Okafor' }] },
    { id: 'place:port-alder', name: 'Port Alder', type: 'place', mentions: [] },
    { id: 'organization:council', name: 'Council', type: 'organization', mentions: [{ start: 1, end: 8, text: 'Council' }], uncertain: true },
  ],
  otherNames: [{ name: 'Harbour Festival', mentions: [{ start: 81, end: 97, text: 'Harbour Festival' }] }],
  warnings: [{ message: 'text cut at 1,000,000 characters' }],
};

describe('analysis cache', () => {
  it('round-trips real analyses and a hand-made one exactly, through a file', async () => {
    const fs = new MemoryFileOps();
    const cache = AnalysisCache.empty();
    const originals = new Map<string, ArticleAnalysis>();
    for (const t of texts) {
      const a = analyzeArticle(t);
      originals.set(fingerprint(t), a);
      cache.set(fingerprint(t), a);
    }
    originals.set('handmade', HANDMADE);
    cache.set('handmade', HANDMADE);
    assert.equal(cache.dirty, true);
    await cache.save(fs, '/store/analysis.bin');
    assert.equal(cache.dirty, false);
    assert.deepEqual([...fs.files.keys()], ['/store/analysis.bin'], 'written to a temporary file, then renamed');
    const loaded = await AnalysisCache.load(fs, '/store/analysis.bin', ANALYSIS_CACHE_KEY);
    assert.equal(loaded.size, originals.size);
    assert.equal(loaded.stats().packed, originals.size, 'records are decoded on demand');
    for (const [fp, a] of originals) assert.deepStrictEqual(loaded.get(fp), a, fp);
    // Packed: a view of the file's data, and stored packed, the same analyses.
    const [first] = originals.keys();
    const packed = loaded.getPacked(first!)!;
    assert.deepStrictEqual(unpackAnalysis(packed), originals.get(first!));
    const other = AnalysisCache.empty();
    for (const [fp, a] of originals) other.setPacked(fp, packAnalysis(a));
    assert.equal(other.stats().packed, originals.size);
    for (const [fp, a] of originals) assert.deepStrictEqual(other.get(fp), a, fp);
    assert.deepEqual(other.serialize(), cache.serialize(), 'the same file whether stored packed or as objects');
    assert.deepStrictEqual(unpackAnalysis(cache.getPacked('handmade')!), HANDMADE);
    assert.equal(loaded.get('missing'), undefined);
    // Saved again without being asked for, records survive unchanged.
    await loaded.save(fs, '/store/analysis.bin');
    const again = await AnalysisCache.load(fs, '/store/analysis.bin');
    for (const [fp, a] of originals) assert.deepStrictEqual(again.get(fp), a, fp);
  });

  it('is compact: strings are stored once, numbers as 32-bit integers', () => {
    const cache = AnalysisCache.empty();
    for (const t of texts) cache.set(fingerprint(t), analyzeArticle(t));
    const bytes = cache.serialize();
    const json = texts.reduce((n, t) => n + JSON.stringify(analyzeArticle(t)).length, 0);
    assert.ok(bytes.length < json * 0.6, `${bytes.length} bytes vs ${json} of JSON`);
  });

  it('makes the same bytes in slices that yield to the event loop (the extension saves it so)', async () => {
    const cache = AnalysisCache.empty();
    for (const t of texts) cache.set(fingerprint(t), analyzeArticle(t));
    assert.deepEqual(await cache.serializeAsync(0), cache.serialize());
  });

  it('keeps fields it does not know, as JSON', () => {
    const extra = { ...HANDMADE, quotes: [{ ...HANDMADE.quotes[0]!, confidence: 0.75 }] } as unknown as ArticleAnalysis;
    const offsets = { ...HANDMADE, furniture: [{ start: 1.5, end: 2 }] } as ArticleAnalysis;
    const cache = AnalysisCache.empty();
    cache.set('extra', extra);
    cache.set('offsets', offsets);
    const back = AnalysisCache.deserialize(cache.serialize());
    assert.deepStrictEqual(back.get('extra'), extra);
    assert.deepStrictEqual(back.get('offsets'), offsets);
  });

  it('ignores a corrupt, truncated, other-key or other-format file: empty cache, the problem reported', async () => {
    const fs = new MemoryFileOps();
    const cache = AnalysisCache.empty();
    cache.set('a', HANDMADE);
    const good = cache.serialize();
    const cases: [string, Uint8Array][] = [
      ['garbage', new TextEncoder().encode('not a cache at all, just text')],
      ['empty', new Uint8Array(0)],
      ['truncated', good.slice(0, good.length - 8)],
      ['other format', (() => {
        const b = good.slice();
        new DataView(b.buffer).setUint32(8, 999, true);
        return b;
      })()],
      ['header bytes flipped', (() => {
        const b = good.slice();
        for (let i = 20; i < 40; i++) b[i] = 0xff;
        return b;
      })()],
    ];
    for (const [name, bytes] of cases) {
      fs.put('/c.bin', bytes);
      const problems: string[] = [];
      const loaded = await AnalysisCache.load(fs, '/c.bin', ANALYSIS_CACHE_KEY, (m) => problems.push(m));
      assert.equal(loaded.size, 0, name);
      assert.equal(problems.length, 1, name);
      assert.throws(() => AnalysisCache.deserialize(bytes), CacheFormatError, name);
    }
    fs.put('/c.bin', good);
    const problems: string[] = [];
    assert.equal((await AnalysisCache.load(fs, '/c.bin', analysisCacheKey('corrections:abc'), (m) => problems.push(m))).size, 0);
    assert.match(problems[0]!, /key/);
    // A missing file is no problem: just an empty cache.
    const none: string[] = [];
    assert.equal((await AnalysisCache.load(fs, '/nothing.bin', ANALYSIS_CACHE_KEY, (m) => none.push(m))).size, 0);
    assert.deepEqual(none, []);
  });

  it('drops a record whose numbers are damaged instead of returning a wrong analysis', () => {
    const cache = AnalysisCache.empty();
    cache.set('a', HANDMADE);
    const bytes = cache.serialize();
    // Damage the last Int32 of the data (the warning's string number) to point past the string table.
    new DataView(bytes.buffer).setInt32(bytes.length - 4, 123456, true);
    const loaded = AnalysisCache.deserialize(bytes);
    assert.equal(loaded.has('a'), true);
    assert.equal(loaded.get('a'), undefined);
    assert.equal(loaded.has('a'), false);
  });

  it('prunes entries that no live article has, and tracks changes', () => {
    const cache = AnalysisCache.deserialize((() => {
      const c = AnalysisCache.empty();
      c.set('a', HANDMADE);
      c.set('b', HANDMADE);
      c.set('c', HANDMADE);
      return c.serialize();
    })());
    assert.equal(cache.dirty, false);
    assert.equal(cache.prune(['a', 'c', 'z']), 1);
    assert.deepEqual(cache.fingerprints().sort(), ['a', 'c']);
    assert.equal(cache.dirty, true);
    assert.equal(cache.prune(new Set(['a', 'c'])), 0);
    assert.equal(cache.delete('a'), true);
    assert.equal(cache.delete('a'), false);
    assert.deepStrictEqual(cache.get('c'), HANDMADE);
  });

  it('stays dirty when changed while being saved', async () => {
    const fs = new MemoryFileOps();
    const cache = AnalysisCache.empty();
    cache.set('a', HANDMADE);
    const saving = cache.save(fs, '/a.bin');
    cache.set('b', HANDMADE);
    await saving;
    assert.equal(cache.dirty, true);
    await cache.save(fs, '/a.bin');
    assert.equal(cache.dirty, false);
    assert.equal((await AnalysisCache.load(fs, '/a.bin')).size, 2);
  });

  it('has a key naming the package version and schema', () => {
    assert.match(ANALYSIS_CACHE_KEY, /^news-annotator@\d+\.\d+\.\d+.*\/analysis-\d+$/);
    assert.equal(analysisCacheKey(), ANALYSIS_CACHE_KEY);
    assert.notEqual(analysisCacheKey('x'), ANALYSIS_CACHE_KEY);
  });
});

describe('packed analyses (analysisRecord.ts)', () => {
  const analyses = [...texts.map((t) => analyzeArticle(t)), HANDMADE, { ...HANDMADE, metadata: { ...HANDMADE.metadata, url: 'https://example.org/a' } }];

  it('reads the metadata and the entities of a packed analysis as the whole decoded one has them', () => {
    assert.ok(analyses.some((a) => a.quotes.some((q) => q.kind !== undefined && q.cueStart !== undefined)), 'statements with cues among them');
    for (const a of analyses) {
      const p = packAnalysis(a);
      assert.deepStrictEqual(unpackAnalysis(p), a);
      assert.deepStrictEqual(packedMetadata(p), a.metadata);
      assert.deepStrictEqual(packedEntities(p), a.entities.map(summarizeEntity));
    }
  });

  it('is a few times smaller than the analysis as JSON', () => {
    const a = analyzeArticle(texts[0]!);
    const p = packAnalysis(a);
    const bytes = p.data.byteLength + p.strings.reduce((n, x) => n + x.length, 0);
    assert.ok(bytes * 2 < JSON.stringify(a).length, `${bytes} bytes packed, ${JSON.stringify(a).length} as JSON`);
  });
});
