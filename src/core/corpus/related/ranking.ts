/** How related passages are ranked: the tunables of every reason, exported for the docs and the tests (see docs/corpus-index.md). */
export const RANKING = {
  /** Minimum wording similarity (0..1) for `same-quote`. */
  sameQuoteMin: 0.5,
  /** Segments (quotes, sentences) with fewer content words take no part in near-duplicate matching. */
  minSegmentTerms: 4,
  /**
   * The same for the candidate side: a copy of a short quotation with one word dropped ("the departure lounge
   * of life" → "the departure of life") keeps only 3 content words, and must still match its source.
   */
  minCandidateTerms: 3,
  /**
   * A source segment with fewer content words than `minSegmentTerms` (but at least this many) still takes part
   * when it has `shortQuoteMinWords` words in all: it is then compared word for word, function words included
   * (`shortQuoteSimilarity`), which tells a copy from a sentence that merely shares its few content words.
   */
  shortQuoteMinTerms: 2,
  shortQuoteMinWords: 7,
  /** Share of the short source's words a copy must hold in order (longest common subsequence), in a compact run. */
  shortQuoteMinCover: 0.75,
  /** Shingles posted under more passages than this are skipped when gathering candidates (too common to tell). */
  maxShingleDf: 4000,
  /** Candidates verified per query. */
  maxCandidates: 60,
  /** `same-statement`: score = this × similarity (idf-weighted cosine of the content words of two sentences). */
  sameStatement: 2.0,
  /** Minimum idf-weighted cosine for `same-statement`. */
  statementMin: 0.15,
  /**
   * The same when the two passages share no entity and no speaker; they must then also share one word more
   * (sharing a few words is common: "a dream come true" is not the same statement).
   */
  statementMinUnlinked: 0.35,
  /** Content words a sentence needs, and shares with the source, for `same-statement`. */
  statementMinTerms: 3,
  statementMinShared: 3,
  /** Of the shared words, how many must be other than names (a capitalised word inside a sentence is taken for a name). */
  statementMinPlain: 2,
  /** ... and the similarity those words alone give must reach this ("year-old" is no shared statement). */
  statementMinPlainSim: 0.06,
  /** Passages compared sentence by sentence for `same-statement` (the most weight of shared words first). */
  statementCandidates: 40,
  /** Words in more passages than this do not gather `same-statement` candidates (they still weigh in the cosine). */
  maxTermDf: 3000,
  sameSpeaker: 0.4,
  sharedEntities: 0.6,
  /** Accumulated rarity (sum of idf) a candidate must share before `shared-entities` counts. */
  minEntityWeight: 2.5,
  maxEntityDf: 20000,
  /** Strongest shared-entity candidates re-ranked by word overlap with the source. */
  entityRerank: 80,
  sameTag: 0.5,
  /** Factor for reasons other than same-quote when the result is in the source's own article. */
  sameArticle: 0.5,
  /**
   * Factor for same-quote when the source is a direct quotation and the match a reported or mixed statement: the
   * same words quoted again are a copy, the same words in a paraphrase a restatement (found, ranked after copies).
   */
  paraphraseQuote: 0.8,
  /** Factor for same-quote in the source's own article (a repeat there ranks after copies elsewhere). */
  sameArticleQuote: 0.85,
} as const;
