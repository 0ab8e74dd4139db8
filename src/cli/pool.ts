/**
 * The CLI's analysis pool (src/node/workers): worker threads that run the bundled dist/analysisWorker.js beside
 * dist/cli.js. `--workers N` caps them (default: the machine's cores). Worker crashes are reported on stderr;
 * the in-thread fallback (no worker script, e.g. when run from the sources) only with NEWS_ANNOTATOR_DEBUG set.
 */
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeArticle, type AnalyzeOptions } from '../core/analysis/index';
import type { ArticleAnalysis } from '../core/analysis/types';
import { AnalysisPool } from '../node/workers/analysisPool';
import type { Job, JobResult } from '../node/workers/jobs';

let maxWorkers: number | undefined;

/** The `--workers` option (0 or undefined: every core). */
export function setWorkerLimit(n: number | undefined): void {
  maxWorkers = n;
}

export interface CliAnalyzer {
  analyze(text: string, options: AnalyzeOptions, name: string): Promise<ArticleAnalysis>;
  /** Analyses an article and gets back what `job` makes of it (made on the worker; see jobs.ts). */
  run<J extends Job>(text: string, options: AnalyzeOptions, name: string, job: J): Promise<JobResult<J>>;
  /** How many requests to keep in flight so every worker stays busy. */
  readonly window: number;
}

/**
 * V8 optimises a function once it has run for a budget of work; with four times the default budget
 * (`--interrupt-budget`, 66 KB of bytecode run) the analysis is optimised later, from fuller type feedback, and
 * is thrown back and recompiled less often: over `bbc` a cold pass recompiled its functions for about 3 s of
 * compiler-thread time, and `extract --json` takes about 15% less CPU and 7% less wall time with the larger
 * budget (docs/architecture.md). The CLI owns its process, so it sets the flag for its threads before they
 * start; the extension never does (V8's flags are process-wide, and the extension host is shared).
 */
const INTERRUPT_BUDGET = '--interrupt-budget=270336';
let tuned = false;

/** Runs `fn` with a pool, and closes the pool (its threads) afterwards. */
export async function withAnalysisPool<T>(fn: (analyzer: CliAnalyzer) => Promise<T>): Promise<T> {
  if (!tuned) {
    v8.setFlagsFromString(INTERRUPT_BUDGET);
    tuned = true;
  }
  const pool = new AnalysisPool({
    script: path.join(__dirname, 'analysisWorker.js'),
    maxWorkers,
    inThread: analyzeArticle,
    log: (m) => {
      if (!m.startsWith('analysis runs in this thread: no worker script') || process.env.NEWS_ANNOTATOR_DEBUG) process.stderr.write(`news-annotator: ${m}\n`);
    },
  });
  try {
    return await fn({
      analyze: (text, options, name) => pool.analyze(text, options, { name }),
      run: (text, options, name, job) => pool.run(text, options, { name }, job),
      window: Math.max(8, pool.stats().size * 16),
    });
  } finally {
    await pool.dispose();
  }
}
