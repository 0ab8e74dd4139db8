/**
 * What the analysis of one article produces. This is the contract between the analysis (src/core/analysis),
 * the corpus index (src/core/corpus), the CLI (`extract --json`) and the editor layer. All offsets are
 * JavaScript string indices (UTF-16 code units) into the article text as VS Code shows it (UTF-8 decoded,
 * BOM removed). `start` is inclusive, `end` exclusive.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface ArticleMetadata {
  /** Headline; when the article has none, a derived title (see `titleDerived`). */
  readonly title: string | null;
  /** True when `title` was derived (e.g. from the first sentence) rather than found as a headline. */
  readonly titleDerived: boolean;
  /** Span of the headline in the text, when found (not for a derived title). */
  readonly titleSpan: Span | null;
  readonly publisher: string | null;
  /** Date as written in the article. */
  readonly date: string | null;
  /** ISO 8601 (YYYY-MM-DD, or YYYY-MM when the day is unknown) when the date could be read; else null. */
  readonly dateIso: string | null;
  readonly author: string | null;
  /** e.g. `TOKYO, December 13. /TASS/.` */
  readonly dateline: string | null;
  /** Imported articles only (src/core/import/articleFormat.ts): the page's canonical URL, or null if unknown. */
  readonly url?: string | null;
  /** Imported articles only: when the page was retrieved (ISO 8601 UTC). */
  readonly retrieved?: string;
}

export type PassageKind = 'headline' | 'byline' | 'dateline' | 'paragraph' | 'furniture';

export interface Passage extends Span {
  readonly kind: PassageKind;
  /** Index among all passages, in document order. */
  readonly index: number;
  readonly sentences: readonly Span[];
}

/**
 * What kind of statement a `Quote` is:
 *  - `direct`: words inside quotation marks (as before this field existed);
 *  - `reported`: reported speech with no quotation marks ("Putin said Russia was ready …"): `start..end` is the
 *    reported (content) clause, `cueStart..cueEnd` the cue words ("said", "according to");
 *  - `mixed`: reported speech that quotes some of the words ("said the talks had been “quite constructive”"):
 *    `start..end` is the whole reported clause; the quoted fragment is also a `direct` item whose `partOf` is the
 *    index of this item in `quotes`. Anything that counts statements counts the mixed item, not its fragment.
 */
export type StatementKind = 'direct' | 'reported' | 'mixed';

export interface Quote extends Span {
  /**
   * Direct: the words inside the quotation marks (text.slice(start, end)). Reported and mixed: the reported
   * clause (text.slice(start, end)).
   */
  readonly text: string;
  /** The kind of statement; absent means `direct` (analyses made before reported speech was found). */
  readonly kind?: StatementKind;
  /** Offsets of the cue words ("said", "told reporters", "according to") in the text; null when none was found. */
  readonly cueStart?: number | null;
  readonly cueEnd?: number | null;
  /** On a direct fragment of a mixed statement only: the index in `quotes` of its `mixed` item. */
  readonly partOf?: number;
  /** Set when the speaker comes from a user's speaker correction (see speakerCorrections.ts). */
  readonly corrected?: boolean;
  /** Canonical name of the speaker (the fullest form the article uses), or null when not identifiable. */
  readonly speaker: string | null;
  /** Id of the speaker's entity (see Entity.id) when the speaker is a recognised entity. */
  readonly speakerId: string | null;
  /** Cue verb or phrase ("said", "told reporters", "according to"), or null. */
  readonly cue: string | null;
  /** Index of the passage holding the start of the quote. */
  readonly passage: number;
  /** Quotes of one run (a quote over several paragraphs) share a group number; added by the analysis. */
  readonly group?: number;
  /** True when the closing mark is missing (the quote was closed at the end of its paragraph). */
  readonly unclosed?: boolean;
}

export interface EntityMention extends Span {
  readonly text: string;
}

export interface Entity {
  /**
   * Stable across the corpus: derived from the canonical name only, never the type (e.g. `vladimir-putin`; see
   * entityId), so the same person in two articles, or one name typed otherwise, has the same id.
   */
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: readonly EntityMention[];
  /** Present (true) when the recogniser was unsure of the name and nothing in the article settled it. */
  readonly uncertain?: true;
}

/** A proper name that is no person, organisation or place (a product, event, work or nationality). */
export interface OtherName {
  readonly name: string;
  readonly mentions: readonly EntityMention[];
}

export interface AnalysisWarning {
  readonly message: string;
}

export interface ArticleAnalysis {
  readonly metadata: ArticleMetadata;
  /** Paragraph-level passages in document order (furniture included, marked as such). */
  readonly passages: readonly Passage[];
  /** Page furniture (browser warnings, ALSO READ links, data: images, ...) kept out of extraction. */
  readonly furniture: readonly Span[];
  readonly quotes: readonly Quote[];
  readonly entities: readonly Entity[];
  /** Other proper names (products, events, works, ...), never in `entities`. */
  readonly otherNames: readonly OtherName[];
  readonly warnings: readonly AnalysisWarning[];
}
