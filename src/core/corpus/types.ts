/**
 * Public types of the corpus index (src/core/corpus). Offsets are JavaScript string indices into the article
 * text (see src/core/analysis/types.ts); `start` inclusive, `end` exclusive.
 */
import type { ArticleAnalysis } from '../analysis/types';
import type { RecordParts } from './index/parts';

/**
 * The minimal shape of an annotation the index needs. The sidecar store maps its own records to this
 * (`quote` is the annotated text, `kind` whatever the store calls its annotation kinds: "highlight", "note"...).
 */
export interface IndexedAnnotation {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly kind?: string;
}

/** What the caller knows about the file on disk, so a reopened workspace can trust the cache without reading. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

export interface ArticleInput {
  readonly path: string;
  readonly text: string;
  /** `fingerprint(text)` from src/core/text/decode.ts; computed when absent. */
  readonly fingerprint?: string;
  /** What the index derives from the text and analysis, when made ahead (on an analysis worker); else derived here. */
  readonly parts?: RecordParts;
  /** The article's analysis; needed only when `parts` are not given (a function: read only then). */
  readonly analysis: ArticleAnalysis | (() => ArticleAnalysis);
  readonly annotations?: readonly IndexedAnnotation[];
  readonly stamp?: FileStamp;
}

export type RelatedReasonKind = 'same-quote' | 'same-statement' | 'same-speaker' | 'shared-entities' | 'same-tag';

export interface RelatedReason {
  readonly kind: RelatedReasonKind;
  /** This reason's share of the result's score. */
  readonly score: number;
  /** Human-readable, e.g. `same quotation, 92% similar wording`, `shares Rex Tillerson, ExxonMobil`. */
  readonly detail: string;
  /** `same-quote`: wording similarity in 0..1; `same-statement`: idf-weighted overlap of the content words in 0..1. */
  readonly similarity?: number;
  /**
   * `shared-entities`: the shared entity keys (ids without the type: `rex-tillerson`); `same-speaker`: the speaker
   * key; `same-tag`: the tags; `same-statement`: the shared content words (normalised: `prais`, `leader`), rarest first.
   */
  readonly keys?: readonly string[];
}

/** What a related result or a source points at. */
export type UnitKind = 'quote' | 'sentence' | 'passage' | 'headline' | 'annotation';

export interface RelatedResult {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Higher is more related. A `same-quote` reason contributes 1 + similarity, so near-duplicates rank first. */
  readonly score: number;
  readonly reasons: readonly RelatedReason[];
  readonly kind: UnitKind;
  /** Index of the passage (ArticleAnalysis.passages) holding `start`. */
  readonly passage: number;
}

/** The passage or quotation `related()` starts from. */
export interface RelatedSource {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'quote' | 'passage' | 'headline';
  readonly passage: number;
  readonly speaker: string | null;
}

export interface RelatedOptions {
  /** Maximum results (default 20). */
  readonly limit?: number;
  /** Leave out passages of the same article (default false: they are kept, at a lower score, except same-quote). */
  readonly otherArticlesOnly?: boolean;
}

/** `passage`: a sentence of the article's body text. */
export type SearchResultKind = 'headline' | 'quote' | 'speaker' | 'entity' | 'tag' | 'note' | 'passage';

export type SearchField = 'text' | 'speaker' | 'name' | 'tags' | 'note';

export interface SearchMatch {
  readonly field: SearchField;
  /** The field's value the ranges index into (for `tags`, the matched tag). */
  readonly value: string;
  /** Matched character ranges in `value`, `[start, end)`, for highlighting. */
  readonly ranges: readonly (readonly [number, number])[];
}

export interface SearchResult {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** The label to show: headline, quotation, entity name, or annotated text. */
  readonly text: string;
  readonly kind: SearchResultKind;
  /** 0..1, higher is better. */
  readonly score: number;
  /** Secondary line: speaker of a quote, entity type, tags and note of an annotation. */
  readonly detail: string;
  readonly matches: readonly SearchMatch[];
}

export interface ParsedQuery {
  /** The free text, filters removed. */
  readonly text: string;
  readonly tag: readonly string[];
  readonly speaker: readonly string[];
  readonly outlet: readonly string[];
  readonly entity: readonly string[];
  readonly type: readonly string[];
  /** `said:` values: kinds of statement (direct, reported, mixed). */
  readonly said: readonly string[];
}

export interface SearchOptions {
  /** Maximum results (default 50). */
  readonly limit?: number;
}

export interface CorpusStats {
  readonly articles: number;
  readonly passages: number;
  readonly quotes: number;
  readonly entities: number;
  readonly annotations: number;
  readonly searchItems: number;
  readonly shinglePostings: number;
}
