/**
 * Scoring body sentences without fuse.js. A sentence is long next to a headline or a name, and fuse.js's
 * approximate matching over it was the slow part of search once every sentence became searchable; the prefilter
 * already knows which query words (or their expansions: inflections, typos) a sentence holds, so the score comes
 * from that: how much of the query it covers, and whether the words stand together in the query's order. The
 * matched words are the highlight ranges.
 */
import { foldWord } from '../tokenize';
import type { SearchMatch } from '../types';

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** For each vocabulary term a query word was expanded to: which query word, and the weight of that expansion. */
export type TermWeights = ReadonlyMap<string, { readonly word: number; readonly weight: number }>;

export interface SentenceScore {
  /** 0..1, on the scale of the fuse.js-scored results (a perfect short match scores 1). */
  readonly score: number;
  readonly match: SearchMatch;
}

/**
 * `text`: the sentence; `words`: how many query words there are. Coverage counts each query word once (its best
 * expansion); a sentence holding the query words next to each other, in order, scores above one that scatters them.
 */
export function scoreSentence(text: string, terms: TermWeights, words: number): SentenceScore {
  const best = new Array<number>(words).fill(0);
  const ranges: [number, number][] = [];
  const order: number[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const folded = foldWord(m[0]);
    const apos = folded.indexOf("'");
    const hit = terms.get(apos > 0 ? folded.slice(0, apos) : folded);
    if (!hit) {
      order.push(-1);
      continue;
    }
    order.push(hit.word);
    if (hit.weight > best[hit.word]!) best[hit.word] = hit.weight;
    ranges.push([m.index, m.index + m[0].length]);
  }
  const cover = best.reduce((a, b) => a + b, 0) / Math.max(1, words);
  // The longest run of consecutive words matching consecutive query words (1 for a one-word query).
  let run = 0;
  let longest = 0;
  for (let i = 0; i < order.length; i++) {
    run = order[i]! >= 0 && i > 0 && order[i - 1]! >= 0 && order[i]! === order[i - 1]! + 1 ? run + 1 : order[i]! >= 0 ? 1 : 0;
    if (run > longest) longest = run;
  }
  const together = words <= 1 ? 1 : (longest - 1) / (words - 1);
  const score = 0.4 * Math.min(1, cover) + 0.6 * Math.min(1, cover) * (0.75 + 0.15 * together);
  return { score, match: { field: 'text', value: text, ranges } };
}
