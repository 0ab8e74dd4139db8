/**
 * Corpus index benchmark (`npm run bench -- corpus`): on ../shared/corpora/bbc (2,225 articles) and on a
 * 10,000-article corpus made from it in memory (never written anywhere), prints first-index time (analysis
 * and indexing separately), reopen from the cache, memory, search and related-passages latency, incremental
 * re-index of one changed article, and whether lightly edited copies of quotations are found first. Reopen
 * = load the index cache + load the analysis cache (so no article is analysed again); the search index and
 * the entity tables are built on first use (or in the background): that first use is printed too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeArticle } from '../src/core/analysis/index';
import type { ArticleAnalysis } from '../src/core/analysis/types';
import { AnalysisCache, buildCorpusIndex, CorpusIndex, deserializeCorpusIndex, loadCorpusIndex, saveCorpusIndex, serializeCorpusIndex } from '../src/core/corpus';
import { fingerprint } from '../src/core/text/decode';
import { contentTokens } from '../src/core/corpus/tokenize';
import type { IndexedAnnotation } from '../src/core/corpus/types';
import { nodeFileOps } from '../src/node/nodeFileOps';
import { gc, mb, percentile, rng, sharedDir } from './shared';

const shared = sharedDir();
if (!shared) {
  console.log('corpus: skipped (../shared/corpora/bbc is absent)');
  process.exit(0);
}
const root = path.join(shared, 'corpora', 'bbc');

const rand = rng(20250601);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

function ms(x: number): string {
  return x >= 1000 ? (x / 1000).toFixed(2) + ' s' : x.toFixed(1) + ' ms';
}

function line(label: string, value: string, target?: string, ok?: boolean): void {
  console.log(`  ${label.padEnd(44)} ${value.padStart(12)}${target ? `   target ${target} ${ok ? 'OK' : 'MISSED'}` : ''}`);
}

interface Doc {
  path: string;
  text: string;
  analysis?: ArticleAnalysis;
  annotations: IndexedAnnotation[];
}

interface Samples {
  readonly spans: Map<string, { quotes: number[]; paras: number[] }>;
  readonly names: string[];
  readonly speakers: string[];
}

/** What the query measurements need from the analyses, so the analyses themselves can be dropped. */
function samplesOf(analyses: Map<string, ArticleAnalysis>): Samples {
  const spans = new Map<string, { quotes: number[]; paras: number[] }>();
  const names: string[] = [];
  const speakers: string[] = [];
  for (const [p, a] of analyses) {
    spans.set(p, { quotes: a.quotes.slice(0, 4).map((q) => q.start), paras: a.passages.filter((x) => x.kind === 'paragraph').slice(0, 4).map((x) => x.start) });
    for (const e of a.entities) if (names.length < 5000) names.push(e.name);
    for (const q of a.quotes) if (q.speaker && speakers.length < 5000) speakers.push(q.speaker);
  }
  return { spans, names, speakers };
}

const TAGS = ['sanctions', 'economy', 'follow-up', 'election', 'check-figures', 'human rights', 'energy', 'football'];

function annotate(d: Doc, analysis: ArticleAnalysis): void {
  if (rand() > 0.08) return;
  const paras = analysis.passages.filter((p) => p.kind === 'paragraph');
  for (let k = 0; k < 2 && paras.length > 0; k++) {
    const p = pick(paras);
    const s = p.sentences[0] ?? p;
    d.annotations.push({ id: `b${k}`, start: s.start, end: s.end, quote: d.text.slice(s.start, s.end), tags: [pick(TAGS)], ...(rand() < 0.5 ? { note: 'ask the press office about ' + pick(['figures', 'the date', 'the source', 'context']) } : {}) });
  }
}

async function main(): Promise<void> {
  const paths: string[] = [];
  for (const topic of readdirSync(root).sort()) {
    const dir = path.join(root, topic);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) paths.push(path.join(dir, f));
  }

  // ---------------------------------------------------------------- BBC, through files (the real first open)
  console.log(`\nBBC corpus: ${paths.length} articles (../shared/corpora/bbc)`);
  gc();
  let analysisMs = 0;
  const analyses = new Map<string, ArticleAnalysis>();
  const t0 = performance.now();
  const first = await buildCorpusIndex({
    fileOps: nodeFileOps,
    paths,
    analyze: (text, p) => {
      const a0 = performance.now();
      const a = analyzeArticle(text);
      analysisMs += performance.now() - a0;
      analyses.set(p, a);
      return a;
    },
  });
  const firstMs = performance.now() - t0;
  const bbc = first.index;
  const pb0 = performance.now();
  bbc.prepare();
  const prepareMs = performance.now() - pb0;
  line('first index, total (read+analyse+index)', ms(firstMs), '≤ 5 s', firstMs <= 5000);
  line('  of which analyzeArticle', ms(analysisMs));
  line('  of which index (read, decode, index)', ms(firstMs - analysisMs), '≤ 5 s', firstMs - analysisMs <= 5000);
  line('  then entity tables + search index (prepare)', ms(prepareMs));
  if (first.failed.length > 0) line('  articles skipped', String(first.failed.length));
  const st = bbc.stats();
  console.log(`  indexed: ${st.articles} articles, ${st.passages} passages, ${st.quotes} quotes, ${st.entities} entities, ${st.shinglePostings} shingle postings`);

  // In a function of its own, so nothing it loads stays alive in this (suspended) function's frame.
  await measureReopen(bbc, analyses, paths);
  measureQueries(bbc, paths.map((p) => ({ path: p, text: bbc.textOf(p) ?? '', annotations: [] })), samplesOf(analyses), 'BBC');

  // ---------------------------------------------------------------- 10,000 articles made from BBC, in memory
  const base: Doc[] = paths.filter((p) => bbc.has(p)).map((p) => ({ path: p, text: bbc.textOf(p)!, annotations: [] }));
  const docs: Doc[] = [...base];
  const byTopic = new Map<string, Doc[]>();
  base.forEach((d, i) => {
    // Even-numbered originals feed the synthetic articles; odd ones stay unique (for the planted-copy check).
    if (i % 2 !== 0) return;
    const topic = path.basename(path.dirname(d.path));
    if (!byTopic.has(topic)) byTopic.set(topic, []);
    byTopic.get(topic)!.push(d);
  });
  const topics = [...byTopic.keys()];
  const topicOf = new Map<string, string>(base.map((d) => [d.path, path.basename(path.dirname(d.path))]));
  let n = 0;
  while (docs.length < 10_000) {
    const topic = pick(topics);
    const pool = byTopic.get(topic)!;
    const a = pick(pool);
    const b = pick(pool);
    const pa = a.text.split(/\n\s*\n/);
    const pb = b.text.split(/\n\s*\n/).slice(1);
    const body: string[] = [];
    for (let i = 1; i < Math.max(pa.length, pb.length + 1); i++) {
      if (pa[i] && rand() < 0.7) body.push(perturb(pa[i]!));
      if (pb[i - 1] && rand() < 0.4) body.push(perturb(pb[i - 1]!));
    }
    const text = `${perturb(pa[0] ?? 'Untitled')}\n\n${body.join('\n\n')}\n`;
    docs.push({ path: `synthetic/${String(n++).padStart(5, '0')}.txt`, text, annotations: [] });
    topicOf.set(docs[docs.length - 1]!.path, topic);
  }
  // Plant lightly edited copies of quotations from odd originals into synthetic articles. The quotation must
  // appear nowhere else: the BBC corpus holds duplicate articles, and a verbatim copy rightly ranks before an
  // edited one (those sources are counted and skipped).
  const planted: { source: Doc; start: number; copyPath: string }[] = [];
  const odd = base.filter((_, i) => i % 2 === 1);
  let withCopies = 0;
  for (let tries = 0; planted.length < 60 && tries < 5000; tries++) {
    const src = pick(odd);
    const a = analyses.get(src.path);
    const q = a ? pick(a.quotes.length > 0 ? a.quotes : [undefined]) : undefined;
    if (!q || q.text.split(/\s+/).length < 10 || planted.some((p) => p.source === src)) continue;
    const probes = [q.text.slice(0, 30), q.text.slice(-30)];
    const topic = topicOf.get(src.path);
    if (docs.some((d) => d !== src && topicOf.get(d.path) === topic && probes.some((x) => d.text.includes(x)))) {
      withCopies++;
      continue;
    }
    const target = docs[base.length + Math.floor(rand() * (docs.length - base.length))]!;
    if (planted.some((p) => p.copyPath === target.path)) continue;
    const edited = lightEdit(q.text);
    target.text = target.text.replace(/\n\n/, `\n\nAs one official put it, "${edited}"\n\n`);
    planted.push({ source: src, start: q.start, copyPath: target.path });
  }
  // Short quotations (2 or 3 content words, 7+ words: "we were not ready for it and we knew it at the time") are
  // compared word for word: plant copies of up to 20 of them too, chosen with a generator of their own so the
  // corpus above stays the same.
  const plantedShort: { source: Doc; start: number; copyPath: string }[] = [];
  {
    const r2 = rng(4242);
    const pick2 = <T>(a: readonly T[]): T => a[Math.floor(r2() * a.length)]!;
    const shorts: { src: Doc; start: number; text: string }[] = [];
    for (const src of odd) {
      for (const q of analyses.get(src.path)?.quotes ?? []) {
        const terms = contentTokens(q.text).length;
        if (terms >= 2 && terms <= 3 && (q.text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0) >= 7) shorts.push({ src, start: q.start, text: q.text });
      }
    }
    for (let tries = 0; plantedShort.length < 20 && tries < 2000 && shorts.length > 0; tries++) {
      const s = pick2(shorts);
      if (plantedShort.some((p) => p.source === s.src) || planted.some((p) => p.source === s.src)) continue;
      const probe = s.text.slice(0, 24);
      const topic = topicOf.get(s.src.path);
      if (docs.some((d) => d !== s.src && topicOf.get(d.path) === topic && d.text.includes(probe))) continue;
      const target = docs[base.length + Math.floor(r2() * (docs.length - base.length))]!;
      if (planted.some((p) => p.copyPath === target.path) || plantedShort.some((p) => p.copyPath === target.path)) continue;
      // One word dropped (not the first), British → American spelling.
      const words = s.text.split(' ');
      words.splice(1 + Math.floor(r2() * (words.length - 1)), 1);
      const edited = words.join(' ').replace(/isation/g, 'ization').replace(/our\b/g, 'or');
      target.text = target.text.replace(/\n\n/, `\n\nA spokesman said: "${edited}"\n\n`);
      plantedShort.push({ source: s.src, start: s.start, copyPath: target.path });
    }
  }

  console.log(`\n10,000-article corpus: ${docs.length} articles (${base.length} BBC + ${docs.length - base.length} recombined and perturbed in memory)`);
  let synthAnalysisMs = 0;
  const analyses10 = new Map<string, ArticleAnalysis>();
  for (const d of docs) {
    let a = d.path.startsWith('synthetic/') ? undefined : analyses.get(d.path);
    if (!a) {
      const a0 = performance.now();
      a = analyzeArticle(d.text);
      synthAnalysisMs += performance.now() - a0;
    }
    analyses10.set(d.path, a);
    annotate(d, a);
  }
  const samples10 = samplesOf(analyses10);
  gc();
  const i0 = performance.now();
  let built: CorpusIndex | undefined = new CorpusIndex();
  for (const d of docs) built.upsert({ path: d.path, text: d.text, analysis: analyses10.get(d.path)!, annotations: d.annotations });
  const indexMs = performance.now() - i0;
  // The analysis cache of the 10k corpus goes to a file (for the reopen measure), then the analyses are dropped,
  // so memory shows what the index holds.
  const tmp10 = mkdtempSync(path.join(os.tmpdir(), 'na-corpus-bench-'));
  const analysisPath10 = path.join(tmp10, 'analysis.bin');
  const cachePath10 = path.join(tmp10, 'corpus.bin');
  {
    // (`let` and cleared: a suspended async function may keep a dead block variable, and with it the analyses.)
    let toSave: AnalysisCache | undefined = AnalysisCache.empty();
    for (const d of docs) toSave.set(fingerprint(d.text), analyses10.get(d.path)!);
    const w0 = performance.now();
    await toSave.save(nodeFileOps, analysisPath10);
    toSave = undefined;
    line('analysis cache write', ms(performance.now() - w0));
    line('analysis cache size', mb(statSync(analysisPath10).size));
  }
  analyses10.clear();
  analyses.clear();
  const analysisAllMs = analysisMs + synthAnalysisMs * 1;
  const p0 = performance.now();
  built.prepare();
  const prepMs = performance.now() - p0;
  line('first index: index only (analyses given)', ms(indexMs), '≤ 15 s', indexMs <= 15000);
  line('  then entity tables + search index (prepare)', ms(prepMs));
  line('first index: analyse all + index (est.)', ms(analysisAllMs + indexMs), '≤ 15 s', analysisAllMs + indexMs <= 15000);
  gc();
  gc();
  const mem = process.memoryUsage();
  const st10 = built.stats();
  console.log(`  indexed: ${st10.articles} articles, ${st10.passages} passages, ${st10.quotes} quotes, ${st10.entities} entities, ${st10.annotations} annotations, ${st10.shinglePostings} shingle postings`);
  const used = mem.heapUsed + mem.arrayBuffers;
  // Not the extension's figure (that one is measured in a process of its own, below): this process also holds
  // the BBC index, the bench's own copies of the texts and the query samples.
  line('memory of this bench process: heap + typed arrays', mb(used));
  line('  (also holds the BBC index and the bench texts)', '');
  line('  rss', mb(mem.rss));

  const c0 = performance.now();
  const bytes = serializeCorpusIndex(built);
  line('cache serialise', ms(performance.now() - c0));
  line('cache size', mb(bytes.length));
  const builtSize = built.size;
  built = undefined;
  gc();
  gc();
  const without = process.memoryUsage();
  // `used` was measured before the cache bytes existed; they are still held here, so leave them out.
  const indexOnly = used - (without.heapUsed + without.arrayBuffers - bytes.byteLength);
  line('  of which the 10k index itself', mb(indexOnly), '≤ 300 MB', indexOnly <= 300 * 1024 * 1024);
  const d0 = performance.now();
  let restored: CorpusIndex | undefined = deserializeCorpusIndex(bytes);
  const restoreMs = performance.now() - d0;
  line('reopen: restore from cache bytes', ms(restoreMs), '≤ 0.5 s', restoreMs <= 500);
  if (restored.size !== builtSize) console.log('  restored size differs!');
  restored = undefined;
  // The real reopen: both cache files read from disk.
  writeFileSync(cachePath10, bytes);
  gc();
  const f0 = performance.now();
  const big = (await loadCorpusIndex(nodeFileOps, cachePath10))!;
  const fileMs = performance.now() - f0;
  const fa0 = performance.now();
  const ac10 = await AnalysisCache.load(nodeFileOps, analysisPath10);
  const acMs = performance.now() - fa0;
  line('reopen: load index cache file', ms(fileMs), '≤ 0.5 s', fileMs <= 500);
  line('reopen: load analysis cache file', ms(acMs));
  line('reopen: both', ms(fileMs + acMs), '≤ 0.5 s', fileMs + acMs <= 500);
  if (ac10.size !== new Set(docs.map((d) => fingerprint(d.text))).size) console.log(`  analysis cache entries differ: ${ac10.size}`);
  firstUse(big, ac10, docs.map((d) => d.path), '10k');
  // The memory the extension would need for this corpus, each in a process of its own (bench/corpus-memory.ts):
  // only the index (with its texts, tables and search index), nothing of this bench.
  for (const mode of ['built', 'reopen']) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'corpus-memory.ts'), mode, cachePath10, analysisPath10], { stdio: 'inherit' });
    if (r.status !== 0) console.log(`  corpus-memory ${mode} exited with ${r.status ?? r.signal}`);
  }
  rmSync(tmp10, { recursive: true, force: true });

  measureQueries(big, docs, samples10, '10k');

  // Planted copies: is the lightly edited copy the first result?
  let top1 = 0;
  let found = 0;
  for (const p of planted) {
    const text = big.textOf(p.source.path)!;
    const rel = big.related(p.source.path, p.start + 1, { limit: 10 });
    if (rel[0]?.path === p.copyPath) top1++;
    else {
      const at = rel.findIndex((r) => r.path === p.copyPath);
      const top = rel[0];
      console.log(`    miss: ${path.basename(p.source.path)}@${p.start} copy ranked ${at < 0 ? '>10' : at + 1}; first ${top ? `${top.path} ${top.reasons.map((x) => `${x.kind} ${x.score}`).join(', ')}` : 'none'}`);
    }
    if (rel.some((r) => r.path === p.copyPath && r.reasons.some((x) => x.kind === 'same-quote'))) found++;
    void text;
  }
  line('lightly edited quote copies found first', `${top1}/${planted.length}`, '= all', top1 === planted.length);
  line('  (sources skipped: quotation already copied elsewhere)', String(withCopies));
  line('  found as same-quote in top 10', `${found}/${planted.length}`);
  let shortFirst = 0;
  for (const p of plantedShort) {
    const rel = big.related(p.source.path, p.start + 1, { limit: 10 });
    if (rel[0]?.path === p.copyPath) shortFirst++;
    else {
      const at = rel.findIndex((r) => r.path === p.copyPath);
      console.log(`    short miss: ${path.basename(p.source.path)}@${p.start} copy ranked ${at < 0 ? '>10' : at + 1}; first ${rel[0] ? `${rel[0].path} ${rel[0].reasons.map((x) => `${x.kind} ${x.score}`).join(', ')}` : 'none'}`);
    }
  }
  line('short quotation copies (2-3 content words) found first', `${shortFirst}/${plantedShort.length}`);
  // What the related lists are made of (the first 5 of each sampled passage): how often each reason appears.
  const kinds = new Map<string, number>();
  let sampled = 0;
  [...samples10.spans].forEach(([p, s], i) => {
    if (i % 50 !== 0) return;
    for (const start of [...s.quotes.slice(0, 1), ...s.paras.slice(0, 1)]) {
      sampled++;
      for (const r of big.related(p, start + 1, { limit: 5 })) for (const x of r.reasons) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
    }
  });
  console.log(`  reasons in the top 5 related of ${sampled} passages: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

/** BBC: write both caches, then reopen from them: load times, first related/search, analyses from the cache. */
async function measureReopen(bbc: CorpusIndex, analyses: ReadonlyMap<string, ArticleAnalysis>, paths: readonly string[]): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'na-corpus-bench-'));
  try {
    const cachePath = path.join(tmp, 'corpus.bin');
    const analysisPath = path.join(tmp, 'analysis.bin');
    const s0 = performance.now();
    await saveCorpusIndex(nodeFileOps, cachePath, bbc);
    line('cache write', ms(performance.now() - s0));
    line('cache size', mb(statSync(cachePath).size));
    let ac: AnalysisCache | undefined = AnalysisCache.empty();
    for (const [p, a] of analyses) ac.set(fingerprint(bbc.textOf(p)!), a);
    const w0 = performance.now();
    await ac.save(nodeFileOps, analysisPath);
    ac = undefined;
    line('analysis cache write', ms(performance.now() - w0));
    line('analysis cache size', mb(statSync(analysisPath).size));
    gc();
    const r0 = performance.now();
    const cached = (await loadCorpusIndex(nodeFileOps, cachePath))!;
    const loadMs = performance.now() - r0;
    const a0 = performance.now();
    const acLoaded = await AnalysisCache.load(nodeFileOps, analysisPath);
    const acMs = performance.now() - a0;
    const refreshed = await buildCorpusIndex({ fileOps: nodeFileOps, paths, analyze: (t) => analyzeArticle(t), index: cached });
    const reopenMs = performance.now() - r0;
    line('reopen: load index cache', ms(loadMs), '≤ 0.5 s', loadMs <= 500);
    line('reopen: load analysis cache', ms(acMs));
    line('reopen: both + check every file stamp', ms(reopenMs), '≤ 0.5 s', reopenMs <= 500);
    if (refreshed.analyzed > 0) line('  re-analysed on reopen (should be 0)', String(refreshed.analyzed));
    const distinct = new Set(paths.filter((p) => bbc.has(p)).map((p) => fingerprint(bbc.textOf(p)!))).size;
    if (acLoaded.size !== distinct) line('  analysis cache entries differ!', `${acLoaded.size}/${distinct}`);
    firstUse(cached, acLoaded, paths, 'BBC');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** After a reopen: the first related and first search (each builds what it needs), and analyses from the cache. */
function firstUse(index: CorpusIndex, ac: AnalysisCache, paths: readonly string[], label: string): void {
  const p = paths.find((x) => index.has(x))!;
  const t0 = performance.now();
  index.related(p, 10, { limit: 20 });
  const t1 = performance.now();
  index.search('minister', { limit: 50 });
  const t2 = performance.now();
  line(`${label}: first related after reopen (builds entity tables)`, ms(t1 - t0));
  line(`${label}: first search after reopen (builds search index)`, ms(t2 - t1));
  const g0 = performance.now();
  let n = 0;
  for (const x of paths) {
    const text = index.textOf(x);
    if (text !== undefined && ac.get(fingerprint(text))) n++;
  }
  const g = performance.now() - g0;
  line(`${label}: analyses from the cache (get, all ${n})`, `${ms(g)} (${((g / Math.max(1, n)) * 1000).toFixed(0)} µs each)`);
}

function measureQueries(index: CorpusIndex, docs: readonly Doc[], samples: Samples, label: string): void {
  const r = rng(7);
  const pk = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  // Search: words from headlines, entity names, typos, filters.
  const queries: string[] = [];
  const { names, speakers } = samples;
  for (let i = 0; i < 200; i++) {
    const d = pk(docs);
    const head = d.text.split('\n')[0]!.split(/\s+/).filter((w) => w.length > 3);
    const w = head.length > 0 ? pk(head).replace(/[^\p{L}\p{N}-]/gu, '') : 'market';
    switch (i % 8) {
      case 0:
        queries.push(w);
        break;
      case 1:
        queries.push(w.length > 4 ? w.slice(0, 2) + w.slice(3) : w); // typo: dropped letter
        break;
      case 2:
        queries.push(pk(names));
        break;
      case 3:
        queries.push(`speaker:"${pk(speakers)}" ${w}`);
        break;
      case 4:
        queries.push(`type:headline ${w}`);
        break;
      case 5:
        queries.push(`tag:${pk(TAGS).split(' ')[0]}`);
        break;
      case 6:
        queries.push(`entity:"${pk(names)}" type:quote`);
        break;
      default:
        queries.push(head.slice(0, 3).join(' ') || w);
    }
  }
  const st: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const res = index.search(q, { limit: 50 });
    st.push(performance.now() - t0);
    if (res.length > 0) hits++;
  }
  line(`${label}: search p50 / p95 (${queries.length} queries)`, `${ms(percentile(st, 50))} / ${ms(percentile(st, 95))}`, '≤ 20 ms', percentile(st, 95) <= 20);
  line(`${label}:   queries with results`, `${hits}/${queries.length}`);

  // Related: offsets inside quotes and paragraphs.
  const rt: number[] = [];
  let withResults = 0;
  for (let i = 0; i < 300; i++) {
    const d = pk(docs);
    const a = samples.spans.get(d.path);
    if (!a) continue;
    const start = i % 2 === 0 && a.quotes.length > 0 ? pk(a.quotes) : a.paras.length > 0 ? pk(a.paras) : undefined;
    if (start === undefined) continue;
    const t0 = performance.now();
    const res = index.related(d.path, start + 1, { limit: 20 });
    rt.push(performance.now() - t0);
    if (res.length > 0) withResults++;
  }
  line(`${label}: related p50 / p95 (${rt.length} passages)`, `${ms(percentile(rt, 50))} / ${ms(percentile(rt, 95))}`, '≤ 50 ms', percentile(rt, 95) <= 50);
  line(`${label}:   passages with related results`, `${withResults}/${rt.length}`);

  // An article change re-indexed: analyse the new text + replace the article.
  const ut: number[] = [];
  const it: number[] = [];
  for (let i = 0; i < 40; i++) {
    const d = pk(docs);
    const text = index.textOf(d.path);
    if (!text) continue;
    const changed = text.replace(/\n\n/, '\n\nA sentence added while editing, said the editor.\n\n');
    const t0 = performance.now();
    const analysis = analyzeArticle(changed);
    const t1 = performance.now();
    index.upsert({ path: d.path, text: changed, analysis, annotations: [] });
    const t2 = performance.now();
    ut.push(t2 - t0);
    it.push(t2 - t1);
    index.upsert({ path: d.path, text, analysis: analyzeArticle(text), annotations: d.annotations });
  }
  line(`${label}: article change re-indexed p95 (analyse+index)`, ms(percentile(ut, 95)), '≤ 50 ms', percentile(ut, 95) <= 50);
  line(`${label}:   of which index update p95`, ms(percentile(it, 95)));
}

const SWAPS: Record<string, string> = { said: 'says', will: 'would', but: 'however', big: 'large', also: 'too', percent: '%', rise: 'increase', company: 'firm' };

/** Light edits: a few words swapped for near-synonyms, an occasional word dropped. */
function perturb(p: string): string {
  return p
    .split(' ')
    .filter(() => rand() > 0.02)
    .map((w) => (SWAPS[w] && rand() < 0.5 ? SWAPS[w] : w))
    .join(' ');
}

/** The kind of edit a copying outlet makes: one word changed, one dropped, British → American spelling. */
function lightEdit(q: string): string {
  const words = q.split(' ');
  const i = 1 + Math.floor(rand() * (words.length - 2));
  words.splice(i, 1);
  const j = Math.floor(rand() * words.length);
  words[j] = SWAPS[words[j]!] ?? words[j]!;
  return words.join(' ').replace(/isation/g, 'ization').replace(/our\b/g, 'or');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
