/**
 * `same-quote`: near-duplicate wording (the same statement reported elsewhere, with small edits, spelling or
 * translation variants, or only part of it). Candidates come from the inverted index of word shingles
 * (adjacent and skip-one pairs of normalised content words) over passages; each candidate is verified by
 * comparing its quotations and sentences with the source's.
 */
import { round } from '../../util/round';
import { allWords, intersectSize, sortedUnique } from '../tokenize';
import type { ReasonInput } from './context';
import { RANKING } from './ranking';
import { overlapsSource, segmentsOf, type Segment } from './segments';

export function sameQuote({ slots, live, source, sourceUnit, add }: ReasonInput): void {
  // Source segments with fewer content words than usual take part only when they are long enough to be
  // compared word for word (a short quotation: "we were not ready for it and we knew it at the time").
  const qsegs = segmentsOf(live.rec, source.passage, source.kind === 'quote' ? source : undefined, RANKING.shortQuoteMinTerms).filter((s) => {
    if (s.n >= RANKING.minSegmentTerms) return true;
    s.words = allWords(live.rec.text, s.start, s.end);
    return s.words.length >= RANKING.shortQuoteMinWords;
  });
  if (qsegs.length === 0) return;
  // the source is words in quotation marks (a direct quotation or a fragment of a mixed statement)
  const quoted = source.kind === 'quote' && live.rec.quotes.some((q) => q.start === source.start && q.end === source.end && q.said === 'direct');
  let total = 0;
  for (const s of qsegs) total += s.sh.length;
  const all = new Uint32Array(total);
  let k = 0;
  for (const s of qsegs) {
    all.set(s.sh, k);
    k += s.sh.length;
  }
  const keys = sortedUnique(all);
  const hits = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const df = slots.shinglePostings.count(key);
    if (df === 0 || df > RANKING.maxShingleDf) continue;
    slots.shinglePostings.forEach(key, (u) => {
      if (u === sourceUnit || !slots.unitAlive[u]) return;
      hits.set(u, (hits.get(u) ?? 0) + 1);
    });
  }
  const minHits = keys.length <= 3 ? 1 : 2;
  const cands = [...hits.entries()].filter(([, h]) => h >= minHits).sort((a, b) => b[1] - a[1]).slice(0, RANKING.maxCandidates);
  const hasShort = qsegs.some((s) => s.words !== undefined);
  for (const [u] of cands) {
    const slot = slots.unitSlot[u]!;
    const pi = slots.unitPassage[u]!;
    const crec = slots.bySlot[slot]!.rec;
    const csegs = segmentsOf(crec, pi, undefined, hasShort ? 1 : RANKING.minCandidateTerms);
    let best: { sim: number; seg: Segment } | undefined;
    for (const a of qsegs) {
      for (const b of csegs) {
        if (overlapsSource(slot, b, live.slot, source)) continue;
        let sim: number;
        if (a.words) sim = shortQuoteSimilarity(a, b, () => (b.words ??= allWords(crec.text, b.start, b.end)));
        else if (b.n < RANKING.minCandidateTerms) continue;
        else sim = segmentSimilarity(a, b);
        // Prefer a quotation over the sentence holding it when they match about as well.
        const adj = sim + (b.kind === 'quote' ? 0.03 : 0);
        if (!best || adj > best.sim + (best.seg.kind === 'quote' ? 0.03 : 0)) best = { sim, seg: b };
      }
    }
    if (best && best.sim >= RANKING.sameQuoteMin) {
      const pct = Math.round(best.sim * 100);
      // quoted words found again as quoted words weigh more than the same words in a reporter's paraphrase
      const paraphrased = quoted && best.seg.paraphrase === true;
      add(slot, pi, best.seg.start, best.seg.end, best.seg.kind, {
        kind: 'same-quote',
        score: round((1 + best.sim) * (paraphrased ? RANKING.paraphraseQuote : 1)),
        similarity: round(best.sim),
        detail: pct >= 97 ? 'same wording' : `same statement, ${pct}% similar wording`,
      });
    }
  }
}

/**
 * Wording similarity of two segments in 0..1: overlap of normalised words and of word shingles, each
 * relative to the shorter segment (so a partial quote matches the whole), damped when the segments differ
 * much in length or share only a few words.
 */
export function segmentSimilarity(a: { uni: Uint32Array; sh: Uint32Array }, b: { uni: Uint32Array; sh: Uint32Array }): number {
  const minU = Math.min(a.uni.length, b.uni.length);
  const maxU = Math.max(a.uni.length, b.uni.length);
  if (minU === 0) return 0;
  const sharedU = intersectSize(a.uni, b.uni);
  const ou = sharedU / minU;
  if (ou < 0.3) return 0;
  const minS = Math.min(a.sh.length, b.sh.length);
  const os = minS === 0 ? ou : intersectSize(a.sh, b.sh) / minS;
  const ratio = minU / maxU;
  const confidence = Math.min(1, sharedU / 8);
  return (0.45 * ou + 0.55 * os) * (0.8 + 0.2 * Math.sqrt(ratio)) * (0.6 + 0.4 * confidence);
}

/**
 * Wording similarity of a short source segment (few content words, compared word for word) to a candidate:
 * the longest common subsequence of their words (function words included) relative to the source's words,
 * 0 unless it covers `RANKING.shortQuoteMinCover` of them, holds 2+ of the source's content words, and lies
 * in a run of the candidate not much longer than the source (a copy, not the same words scattered).
 */
export function shortQuoteSimilarity(a: { uni: Uint32Array; words?: string[] }, b: { uni: Uint32Array }, wordsOfB: () => string[]): number {
  const wa = a.words;
  if (!wa || wa.length === 0) return 0;
  if (intersectSize(a.uni, b.uni) < Math.min(2, a.uni.length)) return 0;
  const wb = wordsOfB();
  const n = wa.length;
  const m = wb.length;
  if (m === 0) return 0;
  // LCS table, then one traceback for the matched run in b.
  const L = new Uint16Array((n + 1) * (m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      L[i * (m + 1) + j] = wa[i - 1] === wb[j - 1] ? L[(i - 1) * (m + 1) + j - 1]! + 1 : Math.max(L[(i - 1) * (m + 1) + j]!, L[i * (m + 1) + j - 1]!);
    }
  }
  const lcs = L[n * (m + 1) + m]!;
  const cover = lcs / n;
  if (cover < RANKING.shortQuoteMinCover) return 0;
  let i = n;
  let j = m;
  let first = -1;
  let last = -1;
  while (i > 0 && j > 0) {
    if (wa[i - 1] === wb[j - 1]) {
      if (last < 0) last = j - 1;
      first = j - 1;
      i--;
      j--;
    } else if (L[(i - 1) * (m + 1) + j]! >= L[i * (m + 1) + j - 1]!) i--;
    else j--;
  }
  const run = last - first + 1;
  if (run > n + 3) return 0;
  // Words the copy inserted inside the run lower it a little.
  return cover * Math.sqrt(lcs / run);
}
