/** Tunables of the search, exported for the docs and the tests. */
export const SEARCH = {
  /** Vocabulary words one query word may expand to (besides itself). */
  maxExpansions: 16,
  /** Stop expanding once the expansions reach this many items. */
  expansionPostings: 8000,
  /** Sentences of the query word found in the fewest looked at for a match (sentenceMatch.ts). */
  sentenceCap: 4000,
  /** Body sentences scored (sentenceScore.ts), the best short-listed first. */
  sentences: 150,
  /** Items handed to fuse.js for scoring, the best short-listed first (by the words they hold). */
  shortlist: 150,
  /** Weight of a match through the farthest expansion (the word itself counts 1). */
  minWeight: 0.85,
} as const;
