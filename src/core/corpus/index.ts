/** The corpus index: related passages and fuzzy search across articles. See docs/corpus-index.md. */
export { CorpusIndex, CorpusIndexError, RANKING, segmentSimilarity } from './corpusIndex';
export { parseQuery, QueryError, FILTER_KEYS, TYPE_VALUES } from './query';
export { RelatedWalk, type WalkStop } from './walk';
export type * from './types';
