/**
 * Memory of a corpus index in a process of its own, spawned by corpus.bench.ts (not a benchmark by itself:
 * no `.bench.ts` suffix). The process holds only what the extension holds for the corpus: the CorpusIndex
 * (which keeps every article's text, its records, annotations, shingle postings) with its entity tables and
 * search index built. Nothing else of the bench (no BBC index, no bench copies of the texts, no analyses).
 *
 *   node --expose-gc --import tsx bench/corpus-memory.ts <mode> <index cache file> <analysis cache file>
 *
 * mode `reopen`: the index loaded from its cache file, then prepare() (what the extension holds after a reopen).
 * mode `built`: the index built article by article with upsert() from the texts and the cached analyses (what the
 *   extension holds after a first index); the analysis cache and the loaded index it read from are dropped
 *   before measuring, as the extension drops analyses once they are indexed (they live in the cache file).
 * Figures: heap used + array buffers (typed arrays), and rss, after two full GCs.
 */
import { AnalysisCache, CorpusIndex, loadCorpusIndex } from '../src/core/corpus';
import { fingerprint } from '../src/core/text/decode';
import { nodeFileOps } from '../src/node/nodeFileOps';
import { gc, mb } from './shared';

function line(label: string, value: string, target?: string, ok?: boolean): void {
  console.log(`  ${label.padEnd(44)} ${value.padStart(12)}${target ? `   target ${target} ${ok ? 'OK' : 'MISSED'}` : ''}`);
}

async function build(cachePath: string, analysisPath: string): Promise<CorpusIndex> {
  let loaded: CorpusIndex | undefined = await loadCorpusIndex(nodeFileOps, cachePath);
  let analyses: AnalysisCache | undefined = await AnalysisCache.load(nodeFileOps, analysisPath);
  if (!loaded) throw new Error(`corpus-memory: no index in ${cachePath}`);
  const index = new CorpusIndex();
  for (const p of loaded.paths()) {
    // A copy of the text, so the new index does not share strings with the loaded one.
    const text = (' ' + loaded.textOf(p)!).slice(1);
    const analysis = analyses.get(fingerprint(text));
    if (!analysis) throw new Error(`corpus-memory: no cached analysis for ${p}`);
    index.upsert({ path: p, text, analysis, annotations: [...(loaded.annotationsOf(p) ?? [])] });
  }
  loaded = undefined;
  analyses = undefined;
  void loaded;
  void analyses;
  return index;
}

async function main(): Promise<void> {
  const [mode, cachePath, analysisPath] = process.argv.slice(2);
  if ((mode !== 'reopen' && mode !== 'built') || !cachePath || !analysisPath) {
    console.error('usage: corpus-memory.ts reopen|built <index cache file> <analysis cache file>');
    process.exit(2);
  }
  if (!(globalThis as { gc?: unknown }).gc) {
    console.error('corpus-memory: run with --expose-gc (the figures need full collections)');
    process.exit(2);
  }
  gc();
  const before = process.memoryUsage();
  const index = mode === 'reopen' ? await loadCorpusIndex(nodeFileOps, cachePath) : await build(cachePath, analysisPath);
  if (!index) throw new Error(`corpus-memory: no index in ${cachePath}`);
  index.prepare();
  gc();
  gc();
  const mem = process.memoryUsage();
  const used = mem.heapUsed + mem.arrayBuffers;
  const st = index.stats();
  const what = mode === 'reopen' ? 'reopened from cache' : 'built with upsert';
  console.log(`  memory in a process of its own, ${st.articles.toLocaleString('en')} articles, index ${what}, tables + search index built:`);
  line(`  heap + typed arrays (${st.articles} articles)`, mb(used), '≤ 300 MB', used <= 300 * 1024 * 1024);
  line('    of which before loading (runtime, code)', mb(before.heapUsed + before.arrayBuffers));
  line(`  rss (${st.articles} articles)`, mb(mem.rss));
  // Keep the index alive up to the measure (and beyond), so it is what is counted.
  if (index.size !== st.articles) console.log('  size differs!');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
