/**
 * Index record parts made ahead (as an analysis worker makes them, src/node/workers/jobs.ts) give the same index as
 * the parts the index derives itself: the same search results, related passages and counts.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../src/core/analysis/index';
import { CorpusIndex } from '../../../src/core/corpus';
import { recordParts } from '../../../src/core/corpus/index/record';
import { textItemTerms } from '../../../src/core/corpus/search/searchItems';
import { unpackAnalysis } from '../../../src/core/cache/analysisRecord';
import { finishJob, INDEXED_JOB } from '../../../src/node/workers/jobs';
import { fakeAnalysis, type KnownEntity } from './fakeAnalysis';

const FIXTURES = path.resolve(__dirname, '../../fixtures/corpus');
const KNOWN = JSON.parse(readFileSync(path.join(FIXTURES, 'entities.json'), 'utf8')) as KnownEntity[];
const ARTICLES = readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((f) => ({ path: `/ws/${f}`, text: readFileSync(path.join(FIXTURES, f), 'utf8') }));

function build(ahead: boolean, analyse: (text: string) => ReturnType<typeof analyzeArticle>): CorpusIndex {
  const index = new CorpusIndex();
  for (const a of ARTICLES) {
    const analysis = analyse(a.text);
    if (!ahead) {
      index.upsert({ ...a, analysis });
      continue;
    }
    const parts = recordParts(a.path, a.text, analysis);
    parts.searchTerms = textItemTerms(a.text, parts);
    index.upsert({ ...a, analysis, parts });
  }
  return index;
}

const QUERIES = ['minister', 'speaker:Lavrov', 'harbour wall', 'said:reported talks', 'outlet:TASS', 'entity:Putin', 'sanctions economy', 'the'];

describe('corpus index: record parts made ahead', () => {
  for (const [name, analyse] of [
    ['fake analyses', (t: string) => fakeAnalysis(t, KNOWN)],
    ['the real analysis', (t: string) => analyzeArticle(t)],
  ] as const) {
    it(`give the same index as parts derived by the index (${name})`, () => {
      const here = build(false, analyse);
      const ahead = build(true, analyse);
      for (const q of QUERIES) assert.deepEqual(ahead.search(q), here.search(q), q);
      for (const a of ARTICLES) {
        for (const offset of [0, Math.floor(a.text.length / 3), Math.floor(a.text.length / 2)]) {
          assert.deepEqual(ahead.related(a.path, offset), here.related(a.path, offset), `${a.path}@${offset}`);
        }
      }
      assert.deepEqual(ahead.stats(), here.stats());
      assert.deepEqual(ahead.expand('minster'), here.expand('minster'));
    });
  }

  it('the worker job gives the analysis (packed) and its parts; parts are left out, not thrown, when they cannot be made', () => {
    const { text } = ARTICLES[0]!;
    const r = finishJob(INDEXED_JOB, text, analyzeArticle(text), 'a.txt');
    assert.deepEqual(unpackAnalysis(r.packed), analyzeArticle(text));
    assert.ok(r.parts && r.parts.searchTerms && r.parts.shingles.length === r.parts.passages.length);
    const wrong = finishJob(INDEXED_JOB, text.slice(0, 10), analyzeArticle(text), 'b.txt');
    assert.equal(wrong.parts, undefined);
  });

  it('refuses parts made for another text', () => {
    const { path: p, text } = ARTICLES[0]!;
    const analysis = analyzeArticle(text);
    const parts = recordParts(p, text, analysis);
    assert.throws(() => new CorpusIndex().upsert({ path: p, text: text.slice(0, 20), analysis, parts }), RangeError);
  });
});

describe('corpus index: the shingle table made ahead for the cache writer', () => {
  it('is what the writer would get in one piece, after removals; dropped when an article comes or goes meanwhile', async () => {
    const index = build(false, (t) => fakeAnalysis(t, KNOWN));
    index.remove(ARTICLES[1]!.path);
    index.remove(ARTICLES[3]!.path);
    const direct = index.frozenShingles();
    await index.prepareFrozenShingles({ sliceMs: 0 });
    assert.deepEqual(index.frozenShingles(), direct);
    // Made ahead, then an article is added: the writer gets the table as it is now.
    await index.prepareFrozenShingles({ sliceMs: 0 });
    index.upsert({ ...ARTICLES[1]!, analysis: fakeAnalysis(ARTICLES[1]!.text, KNOWN) });
    const now = index.frozenShingles();
    assert.ok(now.ids.length > direct.ids.length);
    assert.deepEqual(index.frozenShingles(), now);
  });
});
