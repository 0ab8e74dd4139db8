import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildCorpusIndex, refreshArticle } from '../../../src/core/corpus/build';
import { CacheFormatError } from '../../../src/core/cache/packing';
import { deserializeCorpusIndex, loadCorpusIndex, saveCorpusIndex, serializeCorpusIndex, serializeCorpusIndexAsync } from '../../../src/core/cache/corpusCache';
import { MemoryFileOps } from './memoryFileOps';
import { countTurns } from '../util/turns';
import { fakeAnalysis, type KnownEntity } from './fakeAnalysis';

const FIXTURES = path.resolve(__dirname, '../../fixtures/corpus');
const KNOWN = JSON.parse(readFileSync(path.join(FIXTURES, 'entities.json'), 'utf8')) as KnownEntity[];

function corpus(): { fs: MemoryFileOps; paths: string[] } {
  const fs = new MemoryFileOps();
  const paths: string[] = [];
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.txt')).sort()) {
    fs.put(`/ws/${f}`, readFileSync(path.join(FIXTURES, f)));
    paths.push(`/ws/${f}`);
  }
  return { fs, paths };
}

let analyses = 0;
const analyze = (text: string) => {
  analyses++;
  return fakeAnalysis(text, KNOWN);
};

describe('corpus index: build, refresh and cache', () => {
  beforeEach(() => {
    analyses = 0;
  });

  it('builds over files with progress, and reports unreadable ones without stopping', async () => {
    const { fs, paths } = corpus();
    fs.put('/ws/binary.txt', new Uint8Array([0x41, 0, 0x42]));
    const progress: number[] = [];
    const report = await buildCorpusIndex({ fileOps: fs, paths: [...paths, '/ws/binary.txt', '/ws/gone.txt'], analyze, onProgress: (p) => progress.push(p.done), batchSize: 2 });
    assert.equal(report.analyzed, paths.length);
    assert.equal(report.index.size, paths.length);
    assert.deepEqual(report.failed.map((f) => f.path), ['/ws/binary.txt']);
    assert.match(report.failed[0]!.message, /binary/);
    assert.deepEqual(progress, Array.from({ length: paths.length + 2 }, (_, i) => i + 1));
    assert.equal(report.cancelled, false);
  });

  it('can be cancelled and keeps what it indexed', async () => {
    const { fs, paths } = corpus();
    const ac = new AbortController();
    const report = await buildCorpusIndex({ fileOps: fs, paths, analyze, signal: ac.signal, batchSize: 1, onProgress: (p) => p.done === 2 && ac.abort() });
    assert.equal(report.cancelled, true);
    assert.equal(report.index.size, 2);
  });

  it('yields to the event loop while building', async () => {
    const { fs, paths } = corpus();
    const turns = countTurns();
    try {
      await buildCorpusIndex({ fileOps: fs, paths, analyze, batchSize: 1 });
    } finally {
      turns.stop();
    }
    assert.ok(turns.count() >= 2, `timer ran ${turns.count()} times during the build`);
  });

  it('round-trips through the cache with identical answers', async () => {
    const { fs, paths } = corpus();
    const { index } = await buildCorpusIndex({ fileOps: fs, paths, analyze });
    const s = readFileSync(path.join(FIXTURES, 'gazette-bridge.txt'), 'utf8');
    index.updateAnnotations('/ws/gazette-bridge.txt', [{ id: 'n1', start: 0, end: 5, quote: 'Mayor', tags: ['people'], note: 'check title' }]);
    await saveCorpusIndex(fs, '/store/corpus.bin', index, 'analyzer-1');
    assert.ok(!fs.files.has('/store/corpus.bin.tmp'));
    const restored = await loadCorpusIndex(fs, '/store/corpus.bin', 'analyzer-1');
    assert.ok(restored);
    assert.deepEqual(restored.stats(), index.stats());
    for (const off of [s.indexOf('another winter'), s.indexOf('Tomas Brandt warned'), 0]) {
      assert.deepEqual(restored.related('/ws/gazette-bridge.txt', off), index.related('/ws/gazette-bridge.txt', off));
    }
    for (const q of ['bridge', 'speaker:okafor', 'tag:people', 'check title']) assert.deepEqual(restored.search(q), index.search(q));
    assert.deepEqual(serializeCorpusIndex(restored, 'k'), serializeCorpusIndex(index, 'k'));
    // restored in slices that yield to the event loop (as the extension loads it): the same index
    const turns = countTurns();
    const sliced = await loadCorpusIndex(fs, '/store/corpus.bin', 'analyzer-1', undefined, { sliceMs: 0 });
    turns.stop();
    assert.ok(turns.count() > 1, 'the event loop turned while the cache was restored');
    assert.ok(sliced);
    assert.deepEqual(serializeCorpusIndex(sliced, 'k'), serializeCorpusIndex(index, 'k'));
    for (const q of ['bridge', 'speaker:okafor']) assert.deepEqual(sliced.search(q), index.search(q));
    assert.equal(await loadCorpusIndex(fs, '/store/corpus.bin', 'other-key', undefined, { sliceMs: 0 }), undefined);
  });

  it('can write the cache in slices that yield to the event loop: same bytes, and changes made meanwhile are not mixed in', async () => {
    const { fs, paths } = corpus();
    const { index } = await buildCorpusIndex({ fileOps: fs, paths, analyze });
    // Enough articles for several slices: the fixtures again under other paths.
    for (let k = 0; k < 40; k++) for (const p of paths) index.upsert({ path: `${p}#${k}`, text: index.textOf(p)!, fingerprint: index.fingerprintOf(p)!, analysis: analyze(index.textOf(p)!), annotations: [] });
    const expected = serializeCorpusIndex(index, 'k');
    let turns = 0;
    let stop = false;
    const ticker = (async () => {
      while (!stop) {
        await new Promise((r) => setImmediate(r));
        turns++;
      }
    })();
    const pending = serializeCorpusIndexAsync(index, 'k', 0);
    // Changes while it runs: an article removed and one re-annotated.
    await new Promise((r) => setImmediate(r));
    index.remove(paths[0]!);
    index.updateAnnotations(paths[1]!, [{ id: 'late', start: 0, end: 3, quote: index.textOf(paths[1]!)!.slice(0, 3), tags: ['late'] }]);
    const bytes = await pending;
    stop = true;
    await ticker;
    assert.ok(turns > 3, `the event loop ran between slices (${turns} turns)`);
    assert.deepEqual(bytes, expected, 'the bytes of the index as it was when the write started');
    await saveCorpusIndex(fs, '/store/sliced.bin', index, 'k', { sliceMs: 0 });
    assert.deepEqual(fs.files.get('/store/sliced.bin')?.data, serializeCorpusIndex(index, 'k'));
  });

  it('ignores a missing, corrupt or foreign cache', async () => {
    const { fs, paths } = corpus();
    const problems: string[] = [];
    assert.equal(await loadCorpusIndex(fs, '/store/none.bin', '', (m) => problems.push(m)), undefined);
    assert.equal(problems.length, 0);
    fs.put('/store/bad.bin', 'not a cache at all');
    assert.equal(await loadCorpusIndex(fs, '/store/bad.bin', '', (m) => problems.push(m)), undefined);
    assert.match(problems[0]!, /not a corpus index cache/);
    const { index } = await buildCorpusIndex({ fileOps: fs, paths, analyze });
    const bytes = serializeCorpusIndex(index, 'v1');
    assert.throws(() => deserializeCorpusIndex(bytes, 'v2'), CacheFormatError);
    assert.throws(() => deserializeCorpusIndex(bytes.subarray(0, bytes.length - 6), 'v1'), CacheFormatError);
    const broken = bytes.slice();
    broken[20] = 0x7b;
    broken[21] = 0x7b;
    assert.throws(() => deserializeCorpusIndex(broken, 'v1'), CacheFormatError);
  });

  it('reopens from the cache without analysing, then refreshes only what changed', async () => {
    const { fs, paths } = corpus();
    const first = await buildCorpusIndex({ fileOps: fs, paths, analyze });
    await saveCorpusIndex(fs, '/store/c.bin', first.index);
    analyses = 0;
    fs.reads = 0;
    // One article edited, one touched (same text, new mtime), one deleted, one added.
    const edited = '/ws/ledger-budget.txt';
    fs.put(edited, 'Port Alder budget vote held\n\n“We will not let another winter pass with a single crossing,” Elena Varga said again.\n');
    fs.put('/ws/gazette-rowing.txt', readFileSync(path.join(FIXTURES, 'gazette-rowing.txt')));
    fs.files.delete('/ws/courrier-interview.txt');
    fs.put('/ws/new.txt', 'A new story\n\nNothing related at all in these words here.\n');
    const cached = (await loadCorpusIndex(fs, '/store/c.bin'))!;
    const readsBefore = fs.reads;
    const report = await buildCorpusIndex({ fileOps: fs, paths: [...paths.filter((p) => !p.includes('courrier')), '/ws/new.txt'], analyze, index: cached });
    assert.equal(analyses, 2); // edited + new
    assert.equal(report.analyzed, 2);
    assert.equal(report.reused, paths.length - 2);
    assert.equal(report.removed, 1);
    assert.equal(fs.reads - readsBefore, 3); // edited, touched, new: the others were trusted by stamp
    const bridge = readFileSync(path.join(FIXTURES, 'gazette-bridge.txt'), 'utf8');
    const rel = report.index.related('/ws/gazette-bridge.txt', bridge.indexOf('another winter'));
    assert.ok(rel.some((r) => r.path === edited && r.reasons.some((x) => x.kind === 'same-quote')));
    assert.ok(!rel.some((r) => r.path.includes('courrier')));
    // A single change through refreshArticle.
    fs.files.delete(edited);
    assert.equal(await refreshArticle(report.index, edited, { fileOps: fs, analyze }), 'removed');
    assert.equal(await refreshArticle(report.index, '/ws/new.txt', { fileOps: fs, analyze }), 'unchanged');
  });

  it('keeps annotations current through the annotations callback', async () => {
    const { fs, paths } = corpus();
    let tag = 'first';
    const annotationsFor = async (p: string) => (p.endsWith('gazette-bridge.txt') ? [{ id: 'a', start: 0, end: 5, quote: 'Mayor', tags: [tag] }] : []);
    const { index } = await buildCorpusIndex({ fileOps: fs, paths, analyze, annotationsFor });
    assert.equal(index.search('tag:first').length > 0, true);
    tag = 'second';
    await buildCorpusIndex({ fileOps: fs, paths, analyze, annotationsFor, index });
    assert.equal(index.search('tag:first').length, 0);
    assert.ok(index.search('tag:second').length > 0);
  });
});
