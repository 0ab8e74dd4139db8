/**
 * The CLI's analysis pool (src/node/workers): worker threads that run the bundled dist/analysisWorker.js beside
 * dist/cli.js. `--workers N` caps them (default: the machine's cores). Worker crashes are reported on stderr;
 * the in-thread fallback (no worker script, e.g. when run from the sources) only with NEWS_ANNOTATOR_DEBUG set.
 */
import * as path from 'node:path';
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

/** Runs `fn` with a pool, and closes the pool (its threads) afterwards. */
export async function withAnalysisPool<T>(fn: (analyzer: CliAnalyzer) => Promise<T>): Promise<T> {
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
