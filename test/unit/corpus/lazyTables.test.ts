import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CorpusIndex } from '../../../src/core/corpus';
import type { ArticleInput } from '../../../src/core/corpus/types';
import { fakeAnalysis, type KnownEntity } from './fakeAnalysis';

// The entity/speaker tables and the search index are built on first use (LazyBuild) and then kept up to date
// article by article: whenever they are built, the answers must be the same.
const FIXTURES = path.resolve(__dirname, '../../fixtures/corpus');
const KNOWN = JSON.parse(readFileSync(path.join(FIXTURES, 'entities.json'), 'utf8')) as KnownEntity[];

function inputs(): ArticleInput[] {
  return readdirSync(FIXTURES)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((f, i) => {
      const text = readFileSync(path.join(FIXTURES, f), 'utf8');
      const q = text.indexOf('"');
      const annotations = i % 2 === 0 && q >= 0 ? [{ id: 'a' + i, start: q, end: q + 12, quote: text.slice(q, q + 12), tags: ['topic/' + (i % 3)], kind: 'highlight' as const }] : [];
      return { path: f, text, analysis: fakeAnalysis(text, KNOWN, f.split('-')[0]!), annotations };
    });
}

/** Adds all, then removes and re-adds some; `when` says at which step the tables are first built. */
async function build(when: 'first' | 'middle' | 'background' | 'never'): Promise<CorpusIndex> {
  const all = inputs();
  const idx = new CorpusIndex();
  if (when === 'first') idx.prepare();
  for (const x of all) idx.upsert(x);
  if (when === 'background') {
    const ac = new AbortController();
    let slices = 0;
    const p = idx.prepareInBackground({ signal: ac.signal, sliceMs: 0, batch: 1 });
    // Stop part-way: what is built stays built, the rest is built on first use.
    setImmediate(() => {
      slices++;
      ac.abort();
    });
    await p;
    assert.ok(slices <= 1);
  }
  idx.remove(all[1]!.path);
  if (when === 'middle') idx.prepare({ related: true, search: false });
  idx.remove(all[2]!.path);
  idx.upsert(all[1]!);
  idx.updateAnnotations(all[3]!.path, [{ id: 'n', start: 0, end: 5, quote: all[3]!.text.slice(0, 5), tags: ['topic/1'], note: 'a note' }]);
  return idx;
}

function answers(idx: CorpusIndex): unknown {
  const out: unknown[] = [idx.stats()];
  for (const p of idx.paths().sort()) for (const off of [0, 200, 600]) out.push(idx.related(p, Math.min(off, idx.textOf(p)!.length - 1)));
  for (const q of ['minister', 'ministr', 'tag:topic', 'tag:topic/1', 'entity:tillerson', 'type:quote said', 'a note']) out.push(idx.search(q));
  return out;
}

describe('corpus index: tables built on first use', () => {
  it('answers the same whenever the tables and the search index are built', async () => {
    const expected = answers(await build('never'));
    for (const when of ['first', 'middle', 'background'] as const) assert.deepEqual(answers(await build(when)), expected, when);
  });
});
