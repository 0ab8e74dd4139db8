/**
 * What a worker sends back for an article: its analysis, or something made from it on the worker so that the
 * caller's thread neither receives (structured-clones) nor walks the whole analysis. The in-thread fallback
 * makes the same thing with the same function, so a result never depends on where it was made.
 *
 * - `analysis`: the ArticleAnalysis (the default);
 * - `extract`: the text `news-annotator extract` prints for the article (one string: cheap to pass).
 */
import type { ArticleAnalysis } from '../../core/analysis/types';
import { printArticle, type PrintedArticle } from '../extracted';

export type Job = { readonly kind: 'analysis' } | { readonly kind: 'extract'; readonly path: string; readonly json: boolean; readonly extraWarnings: readonly string[] };

export type JobResult<J extends Job> = J extends { readonly kind: 'extract' } ? PrintedArticle : ArticleAnalysis;

export const ANALYSIS_JOB: Job = { kind: 'analysis' };

/** Makes the job's result from the article's analysis (on the worker, or in the fallback's thread). */
export function finishJob<J extends Job>(job: J, analysis: ArticleAnalysis): JobResult<J> {
  switch (job.kind) {
    case 'extract':
      return printArticle(job.path, analysis, job.json, job.extraWarnings) as JobResult<J>;
    default:
      return analysis as JobResult<J>;
  }
}
