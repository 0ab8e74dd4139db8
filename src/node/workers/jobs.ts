/**
 * What a worker sends back for an article: its analysis, or something made from it on the worker so that the
 * caller's thread neither receives (structured-clones) nor walks more than it needs. The in-thread fallback
 * makes the same thing with the same function, so a result never depends on where it was made.
 *
 * - `analysis`: the ArticleAnalysis (the default);
 * - `indexed`: the analysis packed (src/core/cache/analysisRecord.ts: a typed array and a string list, cheap to pass
 *   and kept as they are: the extension host decodes an analysis only when a view reads it) and the article's index
 *   record parts (the corpus index's derived tables, search words included: see src/core/corpus/index/parts.ts), so
 *   the extension host only posts them into its index;
 * - `extract`: the text `news-annotator extract` prints for the article (one string: cheap to pass).
 */
import type { ArticleAnalysis } from '../../core/analysis/types';
import { packAnalysis, type PackedAnalysis } from '../../core/cache/analysisRecord';
import { recordParts, type RecordParts } from '../../core/corpus/index/record';
import { textItemTerms } from '../../core/corpus/search/searchItems';
import { printArticle, type PrintedArticle } from '../extracted';

export type Job =
  | { readonly kind: 'analysis' }
  | { readonly kind: 'indexed' }
  | { readonly kind: 'extract'; readonly path: string; readonly json: boolean; readonly extraWarnings: readonly string[] };

/** An analysis, packed, with its index record parts (undefined if they could not be made: the index then makes them). */
export interface IndexedAnalysis {
  readonly packed: PackedAnalysis;
  readonly parts: RecordParts | undefined;
}

export type JobResult<J extends Job> = J extends { readonly kind: 'extract' } ? PrintedArticle : J extends { readonly kind: 'indexed' } ? IndexedAnalysis : ArticleAnalysis;

export const ANALYSIS_JOB = { kind: 'analysis' } as const satisfies Job;
export const INDEXED_JOB = { kind: 'indexed' } as const satisfies Job;

/** Makes the job's result from the article's text and analysis (on the worker, or in the fallback's thread). */
export function finishJob<J extends Job>(job: J, text: string, analysis: ArticleAnalysis, name: string): JobResult<J> {
  switch (job.kind) {
    case 'extract':
      return printArticle(job.path, analysis, job.json, job.extraWarnings) as JobResult<J>;
    case 'indexed':
      return { packed: packAnalysis(analysis), parts: indexParts(name, text, analysis) } as JobResult<J>;
    default:
      return analysis as JobResult<J>;
  }
}

function indexParts(name: string, text: string, analysis: ArticleAnalysis): RecordParts | undefined {
  try {
    const parts = recordParts(name, text, analysis);
    parts.searchTerms = textItemTerms(text, parts);
    return parts;
  } catch {
    return undefined; // the index derives them itself, and reports what is wrong
  }
}
