/**
 * Related passages of a source (a quotation, or a content passage): every reason adds what it finds, the
 * reasons of one passage are summed, and the results are ranked. The reasons, one module each:
 * sameQuote.ts, sameStatement.ts, sameSpeaker.ts, sharedEntities.ts, sameTag.ts.
 */
import { round } from '../../util/round';
import { isContentPassage, passageAt } from '../index/record';
import type { RelatedTables } from '../index/relatedTables';
import type { Slots } from '../index/slots';
import type { RelatedOptions, RelatedReason, RelatedResult, RelatedSource, UnitKind } from '../types';
import type { AddFn, ReasonInput } from './context';
import { RANKING } from './ranking';
import { sameQuote } from './sameQuote';
import { sameSpeaker } from './sameSpeaker';
import { sameStatement, type StatementScratch } from './sameStatement';
import { sameTag } from './sameTag';
import { sharedEntities } from './sharedEntities';

interface Acc {
  slot: number;
  passage: number;
  start: number;
  end: number;
  kind: UnitKind;
  /** Lower wins when choosing which span represents the result. */
  rank: number;
  score: number;
  reasons: RelatedReason[];
}

const SPAN_RANK: Record<UnitKind, number> = { quote: 0, sentence: 1, annotation: 2, headline: 3, passage: 4 };

/**
 * The passage or quotation at `offset`: the innermost quotation holding it, else the content passage holding
 * it (headline or paragraph), else the next content passage; undefined when there is none.
 */
export function sourceAt(slots: Slots, path: string, offset: number): RelatedSource | undefined {
  const { rec } = slots.get(path);
  let best: { start: number; end: number; speaker: string | null; passage: number; fragment?: boolean } | undefined;
  for (const q of rec.quotes) {
    if (q.start <= offset && offset <= q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
  }
  // a short quoted fragment of a mixed statement ("“western elites” were intent on …") stands for its statement:
  // a word or two match nothing
  if (best && best.fragment && rec.text.slice(best.start, best.end).split(/\s+/).length < RANKING.shortQuoteMinWords) {
    const frag = best;
    let holder: typeof best | undefined;
    for (const q of rec.quotes) if (!q.fragment && q.start <= frag.start && frag.end <= q.end && (!holder || q.end - q.start < holder.end - holder.start)) holder = q;
    if (holder) best = holder;
  }
  if (best) return { path, start: best.start, end: best.end, text: rec.text.slice(best.start, best.end), kind: 'quote', passage: best.passage, speaker: best.speaker };
  let pi = passageAt(rec.passages, offset);
  if (pi >= 0 && !(offset <= rec.passages[pi]!.end && isContentPassage(rec.passages[pi]!.kind))) pi++;
  while (pi >= 0 && pi < rec.passages.length && !isContentPassage(rec.passages[pi]!.kind)) pi++;
  if (pi < 0) pi = rec.passages.findIndex((p) => isContentPassage(p.kind));
  const p = rec.passages[pi];
  if (!p) return undefined;
  return { path, start: p.start, end: p.end, text: rec.text.slice(p.start, p.end), kind: p.kind === 'headline' ? 'headline' : 'passage', passage: pi, speaker: null };
}

/** Related passages of a source found by `sourceAt`, best first (the tables must be built). */
export function relatedTo(slots: Slots, tables: RelatedTables, scratch: StatementScratch, source: RelatedSource, options: RelatedOptions): RelatedResult[] {
  const limit = options.limit ?? 20;
  const live = slots.get(source.path);
  const acc = new Map<string, Acc>();
  const otherOnly = options.otherArticlesOnly === true;
  const add: AddFn = (slot, passage, start, end, kind, reason) => {
    if (slot === live.slot) {
      if (otherOnly) return;
      if (start < source.end && end > source.start) return; // overlaps the source itself
      reason = { ...reason, score: round(reason.score * (reason.kind === 'same-quote' ? RANKING.sameArticleQuote : RANKING.sameArticle)) };
    }
    const key = slot + ':' + passage;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { slot, passage, start, end, kind, rank: SPAN_RANK[kind], score: 0, reasons: [] }));
    const existing = a.reasons.findIndex((r) => r.kind === reason.kind);
    if (existing >= 0) {
      if (a.reasons[existing]!.score >= reason.score) return;
      a.score -= a.reasons[existing]!.score;
      a.reasons.splice(existing, 1);
    }
    a.reasons.push(reason);
    a.score += reason.score;
    const rank = reason.kind === 'same-quote' ? -2 : reason.kind === 'same-statement' ? -1 : SPAN_RANK[kind];
    if (rank < a.rank) {
      a.rank = rank;
      a.start = start;
      a.end = end;
      a.kind = kind;
    }
  };
  const input: ReasonInput = { slots, tables, live, source, sourceUnit: live.firstUnit + source.passage, add };

  sameQuote(input);
  // A passage already found as a near-duplicate needs no restatement reason too.
  sameStatement(input, scratch, (slot, passage) => acc.get(slot + ':' + passage)?.reasons.some((r) => r.kind === 'same-quote') === true);
  sameSpeaker(input);
  sharedEntities(input);
  sameTag(input);

  const all = [...acc.values()];
  all.sort((a, b) => b.score - a.score || a.slot - b.slot || a.start - b.start);
  return all.slice(0, limit).map((a) => {
    const r = slots.bySlot[a.slot]!.rec;
    const reasons = [...a.reasons].sort((x, y) => y.score - x.score);
    return { path: r.path, start: a.start, end: a.end, text: r.text.slice(a.start, a.end), score: round(a.score), reasons, kind: a.kind, passage: a.passage };
  });
}
