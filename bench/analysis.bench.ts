/**
 * Article analysis over the BBC corpus (2,225 articles): throughput (MB/s on one core), per-article
 * latency (median, p95, max) and memory, each beside the same run of `compromise` alone (people,
 * organisations, places) as a reference. Also a 50 MB synthetic file, to show time stays linear.
 *
 * It measures the analysis as it ships: bundled by esbuild with the options of the worker, CLI and extension
 * bundles (scripts/build.mjs --production), so one module's functions call another's directly. `--source`
 * measures the TypeScript sources as tsx loads them instead, module by module (slower: every imported
 * function is reached through a module object, and V8 optimises across fewer calls).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as os from 'node:os';
import * as path from 'node:path';
import nlp from 'compromise';
import * as esbuild from 'esbuild';
import type { analyzeArticle as AnalyzeArticle } from '../src/core/analysis/index';
import { decodeArticleBytes } from '../src/core/text/decode';
import { gc, listTextFiles, mb, percentile, sharedDir, threadCpuSeconds } from './shared';

interface Run {
  name: string;
  seconds: number;
  cpuSeconds: number;
  times: number[];
  cpuTimes: number[];
  heapDelta: number;
  rssPeak: number;
  extra: string;
  /** CPU seconds of the analysing thread alone (null where the platform does not say) */
  threadSeconds: number | null;
}

function run(name: string, texts: string[], fn: (t: string) => number): Run {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let rssPeak = process.memoryUsage().rss;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let count = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const th0 = threadCpuSeconds();
  for (let i = 0; i < texts.length; i++) {
    const s = process.hrtime.bigint();
    const c = process.cpuUsage();
    count += fn(texts[i]!);
    const cu = process.cpuUsage(c);
    cpuTimes.push((cu.user + cu.system) / 1000);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (i % 200 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const th1 = threadCpuSeconds();
  const cu = process.cpuUsage(c0);
  const cpuSeconds = (cu.user + cu.system) / 1e6;
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const heapDelta = process.memoryUsage().heapUsed - heap0;
  const threadSeconds = th0 !== null && th1 !== null ? th1 - th0 : null;
  return { name, seconds, cpuSeconds, times, cpuTimes, heapDelta, rssPeak, extra: `${count} items found`, threadSeconds };
}

function report(r: Run, bytes: number): void {
  const MB = bytes / 1024 / 1024;
  console.log(`  ${r.name}  (${r.extra})`);
  console.log(
    `    wall: ${(MB / r.seconds).toFixed(2)} MB/s (${r.seconds.toFixed(2)} s), per article median ${percentile(r.times, 50).toFixed(2)} ms, p95 ${percentile(r.times, 95).toFixed(2)} ms, max ${percentile(r.times, 100).toFixed(1)} ms`,
  );
  console.log(
    `    cpu:  ${(MB / r.cpuSeconds).toFixed(2)} MB/s (${r.cpuSeconds.toFixed(2)} s), per article median ${percentile(r.cpuTimes, 50).toFixed(2)} ms, p95 ${percentile(r.cpuTimes, 95).toFixed(2)} ms, max ${percentile(r.cpuTimes, 100).toFixed(1)} ms`,
  );
  if (r.threadSeconds) {
    console.log(`    cpu of the analysing thread alone: ${(MB / r.threadSeconds).toFixed(2)} MB/s (${r.threadSeconds.toFixed(2)} s; the rest of the process CPU above is V8's compiler and collector threads)`);
  }
  console.log(`    memory: heap +${mb(Math.max(0, r.heapDelta))} after the run, rss peak ${mb(r.rssPeak)}`);
}

const fromSource = process.argv.includes('--source');

/** analyzeArticle as shipped (a production bundle of src/core/analysis), or from the sources with `--source`. */
async function loadAnalysis(): Promise<typeof AnalyzeArticle> {
  const root = path.join(__dirname, '..');
  if (fromSource) return ((await import(pathToFileURL(path.join(root, 'src', 'core', 'analysis', 'index.ts')).href)) as { analyzeArticle: typeof AnalyzeArticle }).analyzeArticle;
  const outfile = path.join(root, 'out', 'bench', 'analysis.cjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  esbuild.buildSync({ entryPoints: [path.join(root, 'src', 'core', 'analysis', 'index.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning' });
  const mod = (await import(pathToFileURL(outfile).href)) as { analyzeArticle?: typeof AnalyzeArticle; default?: { analyzeArticle: typeof AnalyzeArticle } };
  return mod.analyzeArticle ?? mod.default!.analyzeArticle;
}

async function main(): Promise<void> {
  const analyzeArticle = await loadAnalysis();
  const shared = sharedDir();
  if (!shared) {
    console.log('analysis bench: ../shared not found, skipped');
    return;
  }
  const dir = path.join(shared, 'corpora', 'bbc');
  const files = listTextFiles(dir);
  const texts: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    const d = decodeArticleBytes(b);
    if (d.ok) texts.push(d.text);
  }
  console.log(`analysis bench: BBC corpus, ${texts.length} articles, ${mb(bytes)} (${bytes} bytes), one core, Node ${process.version}, ${fromSource ? 'the TypeScript sources under tsx (--source)' : 'the analysis bundled as shipped'}`);
  // Warm-up (JIT, model load) on a few articles, not counted.
  for (const t of texts.slice(0, 50)) analyzeArticle(t);
  for (const t of texts.slice(0, 20)) nlp(t).people().out('array');

  const ours = run('analyzeArticle', texts, (t) => {
    const a = analyzeArticle(t);
    return a.quotes.length + a.entities.length;
  });
  const ref = run('compromise alone', texts, (t) => {
    const doc = nlp(t);
    return doc.people().out('array').length + doc.organizations().out('array').length + doc.places().out('array').length;
  });
  // The same texts again: every word form and code path seen once (what a long-running worker reaches).
  const warm = run('analyzeArticle, second pass', texts, (t) => {
    const a = analyzeArticle(t);
    return a.quotes.length + a.entities.length;
  });
  ours.extra = `${ours.extra}: quotes + entities`;
  ref.extra = `${ref.extra}: people + organisations + places, no quotes`;
  report(ours, bytes);
  report(warm, bytes);
  report(ref, bytes);
  const mbps = bytes / 1024 / 1024 / ours.cpuSeconds;
  const p95 = percentile(ours.cpuTimes, 95);
  console.log(`  targets (CPU time of the one analysing thread; wall time above also counts other processes sharing the machine):`);
  console.log(`    ≥ 3 MB/s per core (issue 15) → ${mbps >= 3 ? 'met' : 'NOT met'} (${mbps.toFixed(2)} MB/s process CPU, first pass${ours.threadSeconds ? `; ${(bytes / 1024 / 1024 / ours.threadSeconds).toFixed(2)} MB/s of the analysing thread` : ''}); not below 1.3 MB/s (issue 14) → ${mbps >= 1.3 ? 'met' : 'NOT met'}; p95 ≤ 3 ms → ${p95 <= 3 ? 'met' : 'NOT met'} (${p95.toFixed(2)} ms)`);
  console.log(`    machine load average while running: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} on ${os.cpus().length} cores`);

  // Large input: 50 MB of article text, analysed with the default limit (quotes/entities on the first 1M chars).
  const big: string[] = [];
  let size = 0;
  for (let i = 0; size < 50 * 1024 * 1024; i++) {
    const t = texts[i % texts.length]!;
    big.push(t);
    size += t.length + 2;
  }
  const bigText = big.join('\n\n');
  gc();
  const t0 = Date.now();
  const a = analyzeArticle(bigText);
  console.log(`  50 MB file (${bigText.length} chars): ${((Date.now() - t0) / 1000).toFixed(2)} s, ${a.passages.length} passages, ${a.quotes.length} quotes, ${a.entities.length} entities; warning: ${a.warnings.map((w) => w.message).join('; ')}`);
}

void main();
