/**
 * Typo tolerance and word completion: which vocabulary words a query word may stand for (`expandWord`), using
 * a banded edit distance (`withinEdits`).
 */
import type { SearchItems } from './searchItems';
import { SEARCH } from './tuning';
import { partitionPoint } from '../../util/binarySearch';

/**
 * Vocabulary words a query word may stand for, best first, with the weight a match through them counts:
 * the word itself (1); words it begins (3+ letters: `bank` → `banks`, `banking`) and words 1 edit away (2 for
 * 8+ letters: typos), ranked by kind (inflections, then typos of words of 5+ letters, then other
 * completions, then typos of short words and 2-edit typos), then by how common they are. At most `SEARCH.maxExpansions` of them, and no more
 * once they reach `SEARCH.expansionPostings` items: a short word begins hundreds of words, and short-listing
 * everything they hold would only give fuse.js more to score, not better results.
 */
export function expandWord(search: SearchItems, w: string): { term: string; weight: number }[] {
  // Searching as one types expands the same words again and again: remembered until the vocabulary changes.
  const cached = search.expansionCache(w);
  if (cached) return cached;
  const out = expandUncached(search, w);
  search.rememberExpansion(w, out);
  return out;
}

function expandUncached(search: SearchItems, w: string): { term: string; weight: number }[] {
  const out: { term: string; weight: number }[] = [];
  const exact = search.hasTerm(w);
  if (exact) out.push({ term: w, weight: 1 });
  if (w.length < 3) return out;
  const vocab = search.sortedVocab();
  const k = w.length >= 8 ? 2 : w.length >= 4 ? 1 : 0;
  const cands: { term: string; cost: number; df: number }[] = [];
  // Words sharing the first letter form one run of the sorted vocabulary; words beginning with `w` a run in it.
  const first = w[0]!;
  let i = lowerBound(vocab, first);
  const endFirst = lowerBound(vocab, String.fromCharCode(first.charCodeAt(0) + 1));
  for (; i < endFirst; i++) {
    const t = vocab[i]!;
    if (t === w) continue;
    let cost = -1;
    if (t.length > w.length && t.startsWith(w)) {
      // An inflection (`bank` → `banks`, `banked`), else a completion (the user may still be typing).
      cost = t.length - w.length <= 2 ? 1 : 2;
    } else if (k > 0 && Math.abs(t.length - w.length) <= k) {
      // A typo; in a short word one edit makes another word (`coll` → `cell`): completions come first.
      if (withinEdits(w, t, 1)) cost = w.length >= 5 ? 1.5 : 2.5;
      else if (k > 1 && withinEdits(w, t, 2)) cost = 2.5;
    }
    if (cost > 0) cands.push({ term: t, cost, df: search.df(t) });
  }
  cands.sort((a, b) => a.cost - b.cost || b.df - a.df || (a.term < b.term ? -1 : 1));
  let postings = exact ? search.df(w) : 0;
  for (const c of cands) {
    if (out.length > SEARCH.maxExpansions || (postings >= SEARCH.expansionPostings && out.length > 1)) break;
    out.push({ term: c.term, weight: Math.max(SEARCH.minWeight, 1 - 0.05 * c.cost) });
    postings += c.df;
  }
  return out;
}

/** True when `a` and `b` are at most `k` edits apart (banded Levenshtein distance with early exit). */
export function withinEdits(a: string, b: string, k: number): boolean {
  const n = a.length;
  const m = b.length;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const c = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + c);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > k) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[m]! <= k;
}

function lowerBound(sorted: readonly string[], x: string): number {
  return partitionPoint(sorted.length, (i) => sorted[i]! < x);
}
