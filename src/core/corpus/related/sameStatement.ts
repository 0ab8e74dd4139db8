/**
 * `same-statement`: the same statement or fact reported in other words. Each content word weighs its
 * rarity (idf over passages, from the word keys in the shingle table), so sharing "praised", "strong" and
 * "leader", a figure or a rare name counts, and sharing "government" or "year" hardly. Passages gather the
 * weight of the source's words they hold; the strongest are compared sentence by sentence (and quotation
 * by quotation): the cosine of the two word sets, each word weighted by its idf.
 */
import { partitionPoint } from '../../util/binarySearch';
import { round } from '../../util/round';
import { entityKey } from '../index/record';
import { contentTokens, termKey } from '../tokenize';
import { sourceQuotes, type ReasonInput } from './context';
import { RANKING } from './ranking';
import { overlapsSource, spansOf, type Span, type SpanKind } from './segments';

/** A span for `same-statement`: its distinct content words, their idf, and which are plain words (not names). */
interface WeightedSpan extends Span {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  /** Per term: not taken for (part of) a name, i.e. not capitalised inside the span somewhere. */
  readonly plain: readonly boolean[];
  /** Euclidean norm of the weights. */
  readonly norm: number;
}

/** The source's side of `same-statement`, for look-ups. */
interface SourceSegment {
  readonly start: number;
  readonly end: number;
  readonly kind: SpanKind;
  readonly w: Map<string, number>;
  readonly plain: Set<string>;
  readonly norm: number;
}

/** Scratch per passage unit (summed idf and count of shared words), zero between queries; one per index. */
export class StatementScratch {
  weight = new Float64Array(0);
  count = new Uint16Array(0);

  fit(units: number): void {
    if (this.weight.length < units) {
      this.weight = new Float64Array(Math.max(units, this.weight.length * 2, 1024));
      this.count = new Uint16Array(this.weight.length);
    }
  }
}

/** `skip(slot, passage)`: a passage already related otherwise (a near-duplicate needs no restatement reason too). */
export function sameStatement(input: ReasonInput, scratch: StatementScratch, skip: (slot: number, passage: number) => boolean): void {
  const { slots, live, source, sourceUnit, add } = input;
  const idf = (t: string): number => slots.idf(t);
  // The source's segments: each distinct content word with its idf, and whether it is a plain word (not a name).
  const qsegs: SourceSegment[] = [];
  for (const b of weighSpans(live.rec.text, spansOf(live.rec, source.passage, source.kind === 'quote' ? source : undefined), idf)) {
    const w = new Map<string, number>();
    const plain = new Set<string>();
    b.terms.forEach((t, i) => {
      w.set(t, b.weights[i]!);
      if (b.plain[i]) plain.add(t);
    });
    qsegs.push({ start: b.start, end: b.end, kind: b.kind, w, plain, norm: b.norm });
  }
  if (qsegs.length === 0) return;
  // Who the source is about: its passage's entities and, for a quotation, its speaker.
  const about = new Set(live.rec.passages[source.passage]!.entities);
  for (const q of sourceQuotes(input)) if (q.speakerKey) about.add(entityKey(q.speakerKey));
  // Candidate passages: the summed idf of the source's words each holds (words in too many passages skipped),
  // damped for long passages (the comparison is sentence by sentence).
  const words = new Map<string, number>();
  for (const s of qsegs) for (const [t, x] of s.w) words.set(t, x);
  scratch.fit(slots.unitSlot.length);
  const { weight, count } = scratch;
  const touched: number[] = [];
  for (const [t, x] of words) {
    if (x <= 0) continue;
    const key = termKey(t);
    if (slots.termDf(key) > RANKING.maxTermDf) continue;
    slots.shinglePostings.forEach(key, (u) => {
      if (u === sourceUnit || !slots.unitAlive[u]) return;
      if (count[u] === 0) touched.push(u);
      count[u]!++;
      weight[u]! += x;
    });
  }
  const cands: { u: number; w: number }[] = [];
  for (const u of touched) {
    if (count[u]! >= RANKING.statementMinShared) {
      const p = slots.bySlot[slots.unitSlot[u]!]!.rec.passages[slots.unitPassage[u]!]!;
      cands.push({ u, w: weight[u]! / Math.pow(p.end - p.start + 100, 0.3) });
    }
    weight[u] = 0;
    count[u] = 0;
  }
  cands.sort((a, b) => b.w - a.w || a.u - b.u);
  for (const { u } of cands.slice(0, RANKING.statementCandidates)) {
    const slot = slots.unitSlot[u]!;
    const pi = slots.unitPassage[u]!;
    if (skip(slot, pi)) continue;
    const crec = slots.bySlot[slot]!.rec;
    const best = bestMatch(
      qsegs,
      weighSpans(crec.text, spansOf(crec, pi).filter((span) => !overlapsSource(slot, span, live.slot, source)), idf),
    );
    if (!best || best.sim < RANKING.statementMin) continue;
    // Sharing words is not enough when the two are not about the same people, places or speaker.
    let linked = crec.passages[pi]!.entities.some((e) => about.has(e));
    if (!linked) for (const q of crec.quotes) if (q.passage === pi && q.speakerKey && about.has(entityKey(q.speakerKey))) linked = true;
    if (!linked && (best.sim < RANKING.statementMinUnlinked || best.shared.length < RANKING.statementMinShared + 1)) continue;
    const from = best.from;
    const shown = [...best.shared].sort((x, y) => from.w.get(y)! - from.w.get(x)! || (x < y ? -1 : 1));
    const surface = surfaceForms(live.rec.text, from, shown.slice(0, 5));
    const pct = Math.round(best.sim * 100);
    add(slot, pi, best.seg.start, best.seg.end, best.seg.kind, {
      kind: 'same-statement',
      score: round(RANKING.sameStatement * best.sim),
      similarity: round(best.sim),
      detail: `same statement in other words, ${pct}% alike: ${surface.join(', ')}${shown.length > 5 ? ` and ${shown.length - 5} more` : ''}`,
      keys: shown,
    });
  }
}

/** The candidate span most alike one of the source's segments (idf-weighted cosine), if any passes the word tests. */
function bestMatch(qsegs: readonly SourceSegment[], candidates: readonly WeightedSpan[]): { sim: number; adj: number; seg: WeightedSpan; shared: string[]; from: SourceSegment } | undefined {
  let best: { sim: number; adj: number; seg: WeightedSpan; shared: string[]; from: SourceSegment } | undefined;
  for (const b of candidates) {
    for (const a of qsegs) {
      let dot = 0;
      let plain = 0;
      let plainDot = 0;
      let shared: string[] | undefined;
      for (let i = 0; i < b.terms.length; i++) {
        const t = b.terms[i]!;
        const x = a.w.get(t);
        if (x === undefined || x <= 0) continue;
        dot += x * x;
        (shared ??= []).push(t);
        if (b.plain[i] && a.plain.has(t)) {
          plain++;
          plainDot += x * x;
        }
      }
      if (!shared || shared.length < RANKING.statementMinShared) continue;
      const norms = a.norm * b.norm;
      // Names alone (shared entities say that already) do not make the same statement: words besides them must.
      if (plain < RANKING.statementMinPlain || plainDot / norms < RANKING.statementMinPlainSim) continue;
      const sim = dot / norms;
      // Prefer a quotation over the sentence holding it when they match about as well.
      const adj = sim + (b.kind === 'quote' ? 0.03 : 0);
      if (!best || adj > best.adj) best = { sim, adj, seg: b, shared, from: a };
    }
  }
  return best;
}

/**
 * The spans of a passage for `same-statement`, weighed: the text is tokenised once and its tokens dealt out
 * to the spans (quotations overlap sentences). A capitalised word inside a span is taken for (part of) a name,
 * the first word is not, nor any word of a span in title case (a headline).
 */
function weighSpans(text: string, spans: readonly Span[], idf: (t: string) => number): WeightedSpan[] {
  if (spans.length === 0) return [];
  let lo = spans[0]!.start;
  let hi = spans[0]!.end;
  for (const s of spans) {
    lo = Math.min(lo, s.start);
    hi = Math.max(hi, s.end);
  }
  const tokens = contentTokens(text, lo, hi);
  const out: WeightedSpan[] = [];
  const at = new Map<string, number>();
  for (const span of spans) {
    const k0 = partitionPoint(tokens.length, (i) => tokens[i]!.start < span.start);
    let k1 = k0;
    let caps = 0;
    for (; k1 < tokens.length && tokens[k1]!.end <= span.end; k1++) if (isUpper(text.charCodeAt(tokens[k1]!.start))) caps++;
    if (k1 - k0 < RANKING.statementMinTerms) continue;
    const titleCase = caps > 0.6 * (k1 - k0);
    const terms: string[] = [];
    const weights: number[] = [];
    const plain: boolean[] = [];
    let norm = 0;
    at.clear();
    for (let k = k0; k < k1; k++) {
      const tok = tokens[k]!;
      const isPlain = titleCase || k === k0 || !isUpper(text.charCodeAt(tok.start));
      const i = at.get(tok.term);
      if (i !== undefined) {
        if (isPlain) plain[i] = true;
        continue;
      }
      const x = idf(tok.term);
      at.set(tok.term, terms.length);
      terms.push(tok.term);
      weights.push(x);
      plain.push(isPlain);
      norm += x * x;
    }
    if (terms.length >= RANKING.statementMinTerms && norm > 0) out.push({ start: span.start, end: span.end, kind: span.kind, terms, weights, plain, norm: Math.sqrt(norm) });
  }
  return out;
}

/** An upper-case letter (ASCII fast path). */
function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** How each of `terms` first reads in `span` of `text` (`prais` → `praised`). */
function surfaceForms(text: string, span: { start: number; end: number }, terms: readonly string[]): string[] {
  const first = new Map<string, string>();
  for (const t of contentTokens(text, span.start, span.end)) if (!first.has(t.term)) first.set(t.term, text.slice(t.start, t.end));
  return terms.map((t) => first.get(t) ?? t);
}
