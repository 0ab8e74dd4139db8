/**
 * Quote Dashboard benchmark (`npm run bench -- dashboard`): a 10,000-article folder made from PolNeAR (the texts'
 * paragraphs recombined, each article under a real PolNeAR outlet and publication date from its metadata, 1 in
 * 20 left undated), written to a temporary folder and removed afterwards. Prints:
 *  - the core's tally of the 10,000 analyses (src/core/tally), unfiltered and with filters, and the statements
 *    behind the top speaker — the work behind every repaint;
 *  - then, in a real VS Code (code-server + headless Chromium, the `dashboard-scale` integration suite on that
 *    folder): the first chart painted after the workspace is ready, and a filter change to repaint.
 * `-- dashboard --core` skips the VS Code part.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeArticle } from '../src/core/analysis/index';
import { decodeArticleBytes } from '../src/core/text/decode';
import { selectStatements, tally, type TallyArticle } from '../src/core/tally/index';
import { percentile, rng, sharedDir } from './shared';

const ROOT = path.resolve(__dirname, '..');
const TOTAL = 10_000;
const OUTLETS: Record<string, string> = {
  breitbart: 'Breitbart',
  'huff-post': 'HuffPost',
  nyt: 'The New York Times',
  politico: 'Politico',
  'usa-today': 'USA Today',
  'wash-post': 'The Washington Post',
  'west-journal': 'Western Journal',
};

interface Source {
  readonly outlet: string;
  readonly date: string;
  readonly author: string;
  readonly paragraphs: string[];
}

function sources(polnear: string): Source[] {
  const meta = new Map<string, { date: string; author: string }>();
  for (const line of readFileSync(path.join(polnear, 'metadata.tsv'), 'utf8').split('\n').slice(1)) {
    const c = line.split('\t');
    if (c.length > 6) meta.set(c[1]!, { date: c[5]!, author: c[6]! });
  }
  const out: Source[] = [];
  for (const split of ['train', 'dev']) {
    const dir = path.join(polnear, split, 'text');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const key = f.replace(/\.txt$/, '');
      const outlet = OUTLETS[key.split('_')[0]!];
      const m = meta.get(key) ?? meta.get(key.slice(0, 33));
      const date = m?.date && /^\d{4}-\d{2}-\d{2}$/.test(m.date) ? m.date : /_(\d{4}-\d{2}-\d{2})_/.exec(f)?.[1];
      if (!outlet || !date) continue;
      const paragraphs = readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      if (paragraphs.length >= 3) out.push({ outlet, date, author: /^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}$/.test(m?.author ?? '') ? m!.author : '', paragraphs });
    }
  }
  return out;
}

/** Writes `total` articles: the headline and first paragraphs of one PolNeAR article and a few of another of the same outlet, under that outlet's masthead line and date. */
function makeFolder(dest: string, all: Source[], total: number): void {
  const rand = rng(16_016);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const byOutlet = new Map<string, Source[]>();
  for (const s of all) byOutlet.set(s.outlet, [...(byOutlet.get(s.outlet) ?? []), s]);
  for (let n = 0; n < total; n++) {
    const a = pick(all);
    const b = pick(byOutlet.get(a.outlet)!);
    const body = [...a.paragraphs.slice(1, 1 + 3 + Math.floor(rand() * 4)), ...b.paragraphs.slice(1).filter(() => rand() < 0.2).slice(0, 3)];
    const [y, m, d] = a.date.split('-');
    const dated = rand() >= 0.05;
    const masthead = `${a.outlet} logo${a.outlet} ${dated ? `${d}-${m}-${y} ` : ''}${a.author}`.trimEnd();
    const folder = path.join(dest, a.outlet.toLowerCase().replace(/[^a-z]+/g, '-'));
    if (n < Object.keys(OUTLETS).length * 2) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${String(n).padStart(5, '0')}.txt`), `${masthead}\n\n${a.paragraphs[0]}\n\n${body.join('\n\n')}\n`);
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []));
}

/** Wall-clock median and max of `runs` calls, and the median CPU time (the machine is shared: CPU time is what the work costs). */
function timeIt(runs: number, fn: () => void): { median: number; max: number; cpu: number } {
  const t: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    fn();
    const cu = process.cpuUsage(c0);
    t.push(performance.now() - t0);
    c.push((cu.user + cu.system) / 1000);
  }
  return { median: percentile(t, 50), max: Math.max(...t), cpu: percentile(c, 50) };
}

const fmtT = (x: { median: number; max: number; cpu: number }) => `${x.median.toFixed(1)} ms (max ${x.max.toFixed(0)}, CPU ${x.cpu.toFixed(1)})`;

function line(label: string, value: string, target?: string, ok?: boolean): void {
  console.log(`  ${label.padEnd(56)} ${value.padStart(34)}${target ? `   target ${target} ${ok ? 'OK' : 'MISSED'}` : ''}`);
}

function main(): void {
  const shared = sharedDir();
  if (!shared) {
    console.log('dashboard: skipped (../shared/corpora/polnear is absent)');
    return;
  }
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'na-dashboard-bench-'));
  try {
    const dest = path.join(tmp, 'polnear-10k');
    const src = sources(path.join(shared, 'corpora', 'polnear'));
    makeFolder(dest, src, TOTAL);
    const files = walk(dest);
    let bytes = 0;
    const t0 = performance.now();
    const articles: TallyArticle[] = files.map((f) => {
      const buf = readFileSync(f);
      bytes += buf.length;
      const d = decodeArticleBytes(buf);
      return { path: f, analysis: analyzeArticle(d.ok ? d.text : '') };
    });
    const analyseMs = performance.now() - t0;
    console.log(`\n${files.length.toLocaleString('en')} articles (${(bytes / 1e6).toFixed(1)} MB) from ${src.length} PolNeAR articles, ${Object.keys(OUTLETS).length} outlets; analysed in ${(analyseMs / 1000).toFixed(1)} s (not part of the figures below)`);
    const r = tally(articles);
    console.log(`  ${r.articles} articles, ${r.statements} statements, ${r.speakers.length} speakers, ${r.unattributed} unattributed, ${r.undated} undated, ${r.months.length} months, ${r.outlets.length} outlets`);
    console.log(`  top 5 speakers hold ${(r.top5Share * 100).toFixed(1)}% of statements: ${r.speakers.slice(0, 5).map((s) => `${s.key} ${s.statements}`).join(', ')}`);
    const all = timeIt(7, () => tally(articles));
    line('tally, 10,000 articles, no filter (median of 7)', fmtT(all), '≤ 200 ms', all.median <= 200);
    const filters = { outlets: ['The New York Times'], from: '2016-03-01', to: '2016-09-30', speakerTypes: ['person' as const] };
    const filtered = timeIt(7, () => tally(articles, { filters }));
    line('tally with outlet + date range + speaker type filters', fmtT(filtered), '≤ 200 ms', filtered.median <= 200);
    const top = r.speakers[0]!;
    const sel = timeIt(7, () => selectStatements(articles, {}, { by: 'speaker', id: top.id }, 500));
    line(`statements of the top speaker (${top.statements})`, fmtT(sel));
    const payload = JSON.stringify({ ...r, speakers: r.speakers.slice(0, 200) });
    line('message to the webview (200 speaker rows)', `${(payload.length / 1024).toFixed(0)} KB`);
    if (process.argv.includes('--core')) return;

    console.log('\nIn a real VS Code (the dashboard-scale suite on this folder; first open analyses every article):');
    // The production bundles (minified, as in the .vsix), with the tests.
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--tests', '--production'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
    const run = spawnSync(process.execPath, [path.join(ROOT, 'test', 'harness', 'run-code-server.mjs'), '--suite', 'dashboard-scale', '--timeout-min', '20'], {
      cwd: ROOT,
      env: { ...process.env, NEWS_ANNOTATOR_DASHBOARD_DIR: dest, NEWS_ANNOTATOR_EXPECT_ARTICLES: String(files.length) },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const l of `${run.stdout}\n${run.stderr}`.split('\n')) if (/timing:|^mocha:|failed|Error/.test(l) && !/0 failed/.test(l)) console.log(`  ${l.trim()}`);
    if (run.status !== 0) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
