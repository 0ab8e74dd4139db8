/**
 * The extension's own figures, measured in a real VS Code (code-server + headless Chromium, the integration
 * harness): first open and reopen of the BBC folder (2,225 articles) and of a 10,000-article folder made from
 * it (written to a temporary folder, removed afterwards). Runs the `corpus` integration suite twice per folder
 * with the same VS Code storage; between the two opens the harness changes, deletes, adds and touches an article
 * (test/harness/suites.mjs), so the reopen also shows what checking and re-reading costs.
 *
 * `npm run bench -- vscode` (a few minutes: the 10k first open analyses every article in the extension host).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rng, sharedDir } from './shared';

const ROOT = path.resolve(__dirname, '..');

/** BBC plus recombined articles (paragraphs of two stories of the same topic), up to `total`, on disk. */
function makeCorpus(bbc: string, dest: string, total: number): number {
  cpSync(bbc, dest, { recursive: true });
  const rand = rng(10_000);
  const topics = readdirSync(bbc).filter((d) => statSync(path.join(bbc, d)).isDirectory());
  const texts = new Map(topics.map((t) => [t, readdirSync(path.join(bbc, t)).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(bbc, t, f), 'utf8'))]));
  const existing = [...texts.values()].reduce((n, l) => n + l.length, 0);
  mkdirSync(path.join(dest, 'synthetic'));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  for (let n = 0; n < total - existing; n++) {
    const pool = texts.get(pick(topics))!;
    const pa = pick(pool).split(/\n\s*\n/);
    const pb = pick(pool).split(/\n\s*\n/).slice(1);
    const body: string[] = [];
    for (let i = 1; i < Math.max(pa.length, pb.length + 1); i++) {
      if (pa[i] && rand() < 0.7) body.push(pa[i]!);
      if (pb[i - 1] && rand() < 0.4) body.push(pb[i - 1]!);
    }
    writeFileSync(path.join(dest, 'synthetic', `${String(n).padStart(5, '0')}.txt`), `${pa[0] ?? 'Untitled'}\n\n${body.join('\n\n')}\n`);
  }
  return total;
}

function runSuite(label: string, dir: string | undefined, expected: number): void {
  console.log(`\n${label}`);
  const env: NodeJS.ProcessEnv = { ...process.env, NEWS_ANNOTATOR_EXPECT_ARTICLES: String(expected) };
  if (dir) env.NEWS_ANNOTATOR_CORPUS_DIR = dir;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'harness', 'run-code-server.mjs'), '--suite', 'corpus', '--timeout-min', '20'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = `${r.stdout}\n${r.stderr}`;
  for (const l of out.split('\n')) if (/timing:|^mocha:|failed|Error/.test(l) && !/0 failed/.test(l)) console.log(`  ${l.trim()}`);
  if (r.status !== 0) {
    console.log(`  the corpus suite exited with ${r.status ?? r.signal}`);
    process.exitCode = 1;
  }
}

function main(): void {
  const shared = sharedDir();
  if (!shared) {
    console.log('skipped: ../shared/corpora is not present');
    return;
  }
  const bbc = path.join(shared, 'corpora', 'bbc');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--tests'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  runSuite('BBC folder, 2,225 articles: first open, then reopen', bbc, 2225);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'na-vscode-bench-'));
  try {
    const dest = path.join(tmp, 'corpus');
    const n = makeCorpus(bbc, dest, 10_000);
    runSuite(`${n.toLocaleString('en')} articles (BBC + recombined, written to a temporary folder): first open, then reopen`, dest, n);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
