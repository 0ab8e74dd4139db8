/** The corpus index: related passages and fuzzy search across articles. See docs/corpus-index.md. */
export { CorpusIndex, CorpusIndexError, RANKING, SEARCH, segmentSimilarity } from './corpusIndex';
export { parseQuery, QueryError, FILTER_KEYS, TYPE_VALUES } from './query';
export { RelatedWalk, type WalkStop } from './walk';
export type * from './types';
export { buildCorpusIndex, refreshArticle, type AnalyzeFn, type AnnotationsFn, type BuildCorpusOptions, type BuildProgress, type BuildProblem, type BuildReport, type UpdateOutcome } from './build';
export { loadCorpusIndex, saveCorpusIndex, serializeCorpusIndex, deserializeCorpusIndex, CacheFormatError, CACHE_FORMAT_VERSION } from './cache';
export { AnalysisCache, ANALYSIS_CACHE_KEY, ANALYSIS_CACHE_FORMAT, ANALYSIS_SCHEMA, analysisCacheKey, type AnalysisCacheStats } from './analysisCache';
export { toIndexedAnnotations } from './annotations';
