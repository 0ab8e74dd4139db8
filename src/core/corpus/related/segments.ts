/** The spans of a passage compared for near-duplicates and restatements, and their word sets. */
import type { ArticleRecord } from '../index/record';
import { contentTokens, hashString, shingles, sortedUnique } from '../tokenize';
import { RANKING } from './ranking';

export type SpanKind = 'quote' | 'sentence' | 'passage';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: SpanKind;
  /** A reported or mixed statement: the reporter's words, not words quoted (a paraphrase of what was said). */
  readonly paraphrase?: boolean;
}

export interface Segment extends Span {
  /** Content words (with repeats). */
  readonly n: number;
  readonly uni: Uint32Array;
  readonly sh: Uint32Array;
  /** Every word (`allWords`), for segments compared word for word; filled on demand. */
  words?: string[];
}

/** The quotations and sentences of a passage (or only `only`, as a quotation). */
export function spansOf(rec: ArticleRecord, passage: number, only?: { start: number; end: number }): Span[] {
  if (only) return [{ start: only.start, end: only.end, kind: 'quote' }];
  const p = rec.passages[passage]!;
  const spans: Span[] = [];
  for (const q of rec.quotes) if (q.passage === passage) spans.push({ start: q.start, end: q.end, kind: 'quote', paraphrase: q.said !== 'direct' });
  for (let i = 0; i + 1 < p.sentences.length; i += 2) spans.push({ start: p.sentences[i]!, end: p.sentences[i + 1]!, kind: 'sentence' });
  if (p.sentences.length <= 2) spans.push({ start: p.start, end: p.end, kind: 'passage' });
  return spans;
}

/** The spans of `spansOf` with at least `minTerms` content words, with their word hashes and shingles. */
export function segmentsOf(rec: ArticleRecord, passage: number, only?: { start: number; end: number }, minTerms: number = RANKING.minSegmentTerms): Segment[] {
  const out: Segment[] = [];
  for (const s of spansOf(rec, passage, only)) {
    const terms = contentTokens(rec.text, s.start, s.end).map((t) => t.term);
    if (terms.length < minTerms) continue;
    out.push({ ...s, n: terms.length, uni: sortedUnique(Uint32Array.from(terms, (t) => hashString(t))), sh: shingles(terms) });
  }
  return out;
}

/** True when the span overlaps the source in the source's own article (a reason never relates the source to itself). */
export function overlapsSource(slot: number, span: { start: number; end: number }, sourceSlot: number, source: { start: number; end: number }): boolean {
  return slot === sourceSlot && span.start < source.end && span.end > source.start;
}
