/**
 * Who said what: direct quotations and reported speech, with their speakers. A folder of small modules:
 *  - cues.ts: the cue lexicon (hand-kept list beside quotation marks; speech lexicon learnt from PolNeAR train);
 *  - clauses.ts: where a reported clause starts and ends (clause and sentence boundaries);
 *  - sources.ts: candidate sources (noun phrases before or after a cue);
 *  - coref.ts: who a pronoun or a description stands for (anchors, titles, gender);
 *  - directQuotes.ts (rules in quoteRules.ts): the decision for quotations; reported.ts: the decision for reported speech;
 *  - words.ts: shared word lists and token helpers.
 */
export { SpeakerResolver } from './coref';
export { attributeQuote, type Attribution } from './directQuotes';
export { tokenAt } from './words';
export { findReported, type ReportedStatement } from './reported';
export { mergeStatements, splitQuotations } from './statements';
export { CUES } from './cues';
