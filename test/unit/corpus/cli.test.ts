import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../support/runCli';
import { toIndexedAnnotations } from '../../../src/core/corpus/annotations';
import type { ResolvedAnnotation } from '../../../src/core/annotations/types';

const FIXTURES = path.resolve(__dirname, '../../fixtures/corpus');

const run = runCli;

describe('corpus CLI: related and search (real analysis)', () => {
  const bridge = path.join(FIXTURES, 'gazette-bridge.txt');
  const text = readFileSync(bridge, 'utf8');

  it('related --json lists the same quotation in other articles first, with reasons', async () => {
    const r = await run(['related', '--json', bridge, '--offset', String(text.indexOf('another winter'))]);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { source: { kind: string }; related: { path: string; start: number; end: number; text: string; score: number; reasons: { kind: string }[] }[] };
    assert.equal(json.source.kind, 'quote');
    assert.ok(json.related.length > 0);
    const top = json.related[0]!;
    assert.ok(['ledger-crossing.txt', 'herald-partial.txt', 'courrier-interview.txt'].includes(path.basename(top.path)), top.path);
    assert.equal(top.reasons[0]!.kind, 'same-quote');
    assert.equal(readFileSync(top.path, 'utf8').slice(top.start, top.end), top.text);
    assert.ok(json.related.some((x) => path.basename(x.path) === 'ledger-crossing.txt' && x.reasons.some((y) => y.kind === 'same-quote')));
  });

  it('search --json finds quotations by speaker filter and text', async () => {
    const r = await run(['search', '--json', 'vanity speaker:okafor', FIXTURES]);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { results: { path: string; start: number; end: number; text: string; kind: string; score: number }[] };
    assert.equal(json.results.length, 2);
    for (const x of json.results) {
      assert.equal(x.kind, 'quote');
      assert.equal(readFileSync(x.path, 'utf8').slice(x.start, x.end), x.text);
    }
  });

  it('writes and reuses a cache file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'na-corpus-'));
    try {
      const cache = path.join(dir, 'corpus.bin');
      const a = await run(['search', '--json', '--cache', cache, 'bridge', FIXTURES]);
      assert.ok(existsSync(cache));
      const b = await run(['search', '--json', '--cache', cache, 'bridge', FIXTURES]);
      assert.equal(a.out, b.out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports bad input clearly', async () => {
    assert.equal((await run(['related', bridge, '--offset', '-3'])).code, 2);
    const past = await run(['related', bridge, '--offset', '999999']);
    assert.equal(past.code, 2);
    assert.match(past.err, /past the end/);
    const missing = await run(['search', 'x', path.join(FIXTURES, 'missing-folder')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or folder/);
    const badType = await run(['search', 'type:video', FIXTURES]);
    assert.equal(badType.code, 2);
    assert.match(badType.err, /unknown type:video/);
  });

  it('search and related index the annotations made by annotate (tags, notes), and leave orphans out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'na-corpus-ann-'));
    try {
      cpSync(FIXTURES, dir, { recursive: true });
      const budget = path.join(dir, 'ledger-budget.txt');
      const crossing = path.join(dir, 'ledger-crossing.txt');
      const cache = path.join(dir, 'corpus.bin');
      // Nothing tagged yet (and a cache written without annotations).
      const before = await run(['search', '--json', '--cache', cache, 'tag:zz-inquiry', dir]);
      assert.equal(before.code, 0, before.err);
      assert.deepEqual((JSON.parse(before.out) as { results: unknown[] }).results, []);

      const a = await run(['annotate', budget, '--quote', 'dispute over school funding', '--tag', 'zz-inquiry/schools', '--tag', 'zz-inquiry', '--note', 'call the finance office']);
      assert.equal(a.code, 0, a.err);
      const crossingText = readFileSync(crossing, 'utf8');
      const quote = crossingText.split('\n').find((l) => l.length > 40)!.slice(0, 30);
      const b = await run(['annotate', crossing, '--quote', quote, '--tag', 'zz-inquiry']);
      assert.equal(b.code, 0, b.err);

      for (const withCache of [false, true]) {
        const args = withCache ? ['--cache', cache] : [];
        const r = await run(['search', '--json', ...args, 'tag:zz-inquiry', dir]);
        assert.equal(r.code, 0, r.err);
        const json = JSON.parse(r.out) as { results: { path: string; start: number; end: number; text: string; kind: string; detail: string }[] };
        const tags = json.results.filter((x) => x.kind === 'tag' || x.kind === 'note');
        assert.deepEqual(tags.map((x) => [path.basename(x.path), x.text]).sort(), [['ledger-budget.txt', 'dispute over school funding'], ['ledger-crossing.txt', quote]]);
        for (const x of tags) assert.equal(readFileSync(x.path, 'utf8').slice(x.start, x.end), x.text);
        // Sub-tags match their parent; the note is searchable.
        assert.equal(JSON.parse((await run(['search', '--json', ...args, 'tag:zz-inquiry/schools', dir])).out).results.length >= 1, true);
        const note = JSON.parse((await run(['search', '--json', ...args, 'finance office', dir])).out) as { results: { kind: string; path: string }[] };
        assert.ok(note.results.some((x) => x.kind === 'note' && path.basename(x.path) === 'ledger-budget.txt'));
      }
      // related: the passage annotated in one article lists the one tagged alike in the other.
      const budgetText = readFileSync(budget, 'utf8');
      const rel = await run(['related', '--json', budget, '--offset', String(budgetText.indexOf('dispute over school funding')), '--corpus', dir]);
      assert.equal(rel.code, 0, rel.err);
      const relJson = JSON.parse(rel.out) as { related: { path: string; text: string; reasons: { kind: string }[] }[] };
      assert.ok(relJson.related.some((x) => path.basename(x.path) === 'ledger-crossing.txt' && x.text === quote && x.reasons.some((y) => y.kind === 'same-tag')));

      // A broken sidecar: a warning, the article still indexed, its annotations left out.
      writeFileSync(crossing + '.annotations.yaml', 'annotations: [unclosed\n');
      const broken = await run(['search', '--json', 'tag:zz-inquiry', dir]);
      assert.equal(broken.code, 0, broken.err);
      assert.match(broken.err, /annotations of .*ledger-crossing\.txt left out/);
      const left = (JSON.parse(broken.out) as { results: { path: string }[] }).results;
      assert.ok(left.length > 0 && left.every((x) => path.basename(x.path) === 'ledger-budget.txt'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps resolved annotations to indexed ones, leaving orphans out', () => {
    const text = 'The mayor said the bridge will open.';
    const ann = (id: string, status: ResolvedAnnotation['status'], start: number, end: number): ResolvedAnnotation => ({
      annotation: { id, kind: 'passage', target: { exact: 'the bridge', prefix: '', suffix: '', start: 15, end: 25 }, tags: ['roads'], note: id === 'a' ? 'check' : '' },
      status,
      start,
      end,
      similarity: status === 'orphaned' ? 0 : 1,
    });
    assert.deepEqual(toIndexedAnnotations([ann('a', 'anchored', 15, 25), ann('b', 'orphaned', -1, -1), ann('c', 'fuzzy', 4, 9)], text), [
      { id: 'a', start: 15, end: 25, quote: 'the bridge', tags: ['roads'], note: 'check', kind: 'passage' },
      { id: 'c', start: 4, end: 9, quote: 'mayor', tags: ['roads'], kind: 'passage' },
    ]);
    assert.equal(toIndexedAnnotations([ann('a', 'anchored', 15, 25)])[0]!.quote, 'the bridge');
  });
});
