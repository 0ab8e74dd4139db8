/** The corpus index: related passages and fuzzy search across articles. See docs/corpus-index.md. */
export { CorpusIndex } from './index/corpusIndex';
export { CorpusIndexError } from './index/slots';
export { RANKING } from './related/ranking';
export { segmentSimilarity } from './related/sameQuote';
export { SEARCH } from './search/tuning';
export { parseQuery, QueryError, FILTER_KEYS, TYPE_VALUES } from './search/query';
export { RelatedWalk, type WalkStop } from './related/walk';
export type * from './types';
export { buildCorpusIndex, refreshArticle, type AnalyzeFn, type AnnotationsFn, type BuildCorpusOptions, type BuildProgress, type BuildProblem, type BuildReport, type UpdateOutcome } from './build';
export { loadCorpusIndex, saveCorpusIndex, serializeCorpusIndex, deserializeCorpusIndex, CACHE_FORMAT_VERSION } from '../cache/corpusCache';
export { CacheFormatError } from '../cache/packing';
export { AnalysisCache, ANALYSIS_CACHE_KEY, ANALYSIS_CACHE_FORMAT, ANALYSIS_SCHEMA, analysisCacheKey, type AnalysisCacheStats } from '../cache/analysisCache';
export { toIndexedAnnotations } from './annotations';
