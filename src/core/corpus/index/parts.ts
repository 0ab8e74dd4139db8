/**
 * The pieces of an article's index record (record.ts) that are derived from its text and analysis alone, and so
 * can be made on an analysis worker (src/node/workers/jobs.ts) and passed to the extension host ready to post.
 */
import type { EntityType, PassageKind, StatementKind } from '../../analysis/types';

export interface PassageRec {
  readonly start: number;
  readonly end: number;
  readonly kind: PassageKind;
  /** Flat [start0, end0, start1, end1, ...] sentence spans. */
  readonly sentences: readonly number[];
  /** Entity keys (see entityKey) mentioned in the passage (unique). */
  readonly entities: readonly string[];
}

export interface QuoteRec {
  readonly start: number;
  readonly end: number;
  /** The kind of statement (direct quotation, reported speech, mixed quote). */
  readonly said: StatementKind;
  /** A direct fragment of a mixed statement (counted with its statement, never on its own). */
  readonly fragment: boolean;
  readonly speaker: string | null;
  /** speakerId, else `name:<folded speaker>`, else null. */
  readonly speakerKey: string | null;
  readonly passage: number;
}

export interface EntityRec {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** First mention span. */
  readonly start: number;
  readonly end: number;
  readonly mentions: number;
  /** Present (true) when the recogniser was unsure of the name in this article (Entity.uncertain). */
  readonly uncertain?: true;
}

/**
 * What the index derives from an article's text and analysis alone: everything of its record but the path,
 * fingerprint, stamp and annotations. An analysis worker makes it beside the analysis (src/node/workers/jobs.ts),
 * so the extension host only posts it into the tables; `buildRecord` makes it itself when it is not given.
 */
export interface RecordParts {
  readonly title: string | null;
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly publisher: string | null;
  readonly dateIso: string | null;
  readonly passages: readonly PassageRec[];
  readonly quotes: readonly QuoteRec[];
  readonly entities: readonly EntityRec[];
  readonly shingles: readonly Uint32Array[];
  /** The search words of the article's text items, made ahead (see searchItems.ts `textItemTerms`). */
  searchTerms?: SearchTerms;
}

/**
 * The distinct search words of each text item of an article (headline, statements, entities, body sentences, in
 * the order the search index adds them): `words` once each, one per line (a word never holds a line break), `lists`
 * = for each item its count, then its word indices. One string and one typed array: cheap to pass between threads,
 * and small while they wait for the search index to take them.
 */
export interface SearchTerms {
  readonly words: string;
  readonly lists: Uint32Array;
}

