/**
 * Re-attaching annotations to an article that may have changed since they were saved, in the manner of the
 * Hypothesis web annotator: the stored offsets are a hint, never the truth. For each target (exact quote,
 * prefix and suffix context, start/end offsets):
 *
 *   1. the stored offsets, if the quote and its context are still there        → `anchored`
 *   2. the quote with its context elsewhere (exact search, context scored)       → `moved`
 *   3. an approximate match of the quote, scored with its context, above a floor → `fuzzy` (with a similarity)
 *   4. otherwise                                                                 → `orphaned` (never deleted)
 *
 * Pure and synchronous; no editor or file types.
 */
// @ts-expect-error -- TS1479: approx-string-match is ESM-only; Node >= 20.19 (require(esm)), tsx and the esbuild bundles load it fine.
import approxSearch from 'approx-string-match';
import { similarity } from './similarity';

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

/** What is stored to find a passage again (W3C TextQuoteSelector + TextPositionSelector in one). */
export interface TextTarget {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

export interface Anchor {
  readonly status: AnchorStatus;
  /** Resolved range in the current text; for an orphan, -1/-1. */
  readonly start: number;
  readonly end: number;
  /**
   * How much the text at the resolved range resembles the stored quote, in [0, 1]: 1 for anchored and moved,
   * 1 − edit distance / quote length for fuzzy, 0 for orphaned.
   */
  readonly similarity: number;
}

export const DEFAULT_CONTEXT_LENGTH = 32;

export interface ResolveOptions {
  /** Offset shift to try first (the shift the previous annotation in the document needed). */
  readonly hintDelta?: number;
}

/** Builds the target of `text[start, end)` with `contextLength` characters of context on each side. */
export function makeTarget(text: string, start: number, end: number, contextLength = DEFAULT_CONTEXT_LENGTH): TextTarget {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`makeTarget: invalid range [${start}, ${end}) for a text of ${text.length} characters`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - contextLength), start),
    suffix: text.slice(end, end + contextLength),
    start,
    end,
  };
}

const ORPHAN: Anchor = { status: 'orphaned', start: -1, end: -1, similarity: 0 };
/** Most exact occurrences examined for one quote (a very short quote in a huge text). */
const MAX_OCCURRENCES = 2000;
/** Minimum quote similarity for a fuzzy match. */
const MIN_QUOTE_SIMILARITY = 0.5;

function contextExact(text: string, s: number, e: number, t: TextTarget): boolean {
  if (s < t.prefix.length) return false;
  if (t.prefix.length > 0 && !text.startsWith(t.prefix, s - t.prefix.length)) return false;
  // A prefix shorter than the context length was cut by the start of the text: it must still be.
  if (t.suffix.length > 0 && !text.startsWith(t.suffix, e)) return false;
  return true;
}

function prefixSimilarity(text: string, s: number, t: TextTarget): number {
  if (t.prefix.length === 0) return s === 0 ? 1 : 0.5;
  return similarity(t.prefix, text.slice(Math.max(0, s - t.prefix.length), s));
}

function suffixSimilarity(text: string, e: number, t: TextTarget): number {
  if (t.suffix.length === 0) return e === text.length ? 1 : 0.5;
  return similarity(t.suffix, text.slice(e, e + t.suffix.length));
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly quoteSim: number;
  readonly ctx: number;
  readonly score: number;
}

function scoreCandidate(text: string, s: number, e: number, quoteSim: number, t: TextTarget, expected: number): Candidate {
  const p = prefixSimilarity(text, s, t);
  const q = suffixSimilarity(text, e, t);
  const proximity = 1 - Math.min(1, Math.abs(s - expected) / Math.max(1, text.length));
  return { start: s, end: e, quoteSim, ctx: (p + q) / 2, score: 50 * quoteSim + 20 * p + 20 * q + 2 * proximity };
}

/** Resolves one target against `text`. */
export function resolveTarget(text: string, t: TextTarget, options: ResolveOptions = {}): Anchor {
  const L = t.exact.length;
  if (L === 0) return ORPHAN;
  const delta = options.hintDelta ?? 0;
  // 1. Stored offsets, quote and context intact.
  if (t.start >= 0 && text.startsWith(t.exact, t.start) && contextExact(text, t.start, t.start + L, t)) {
    return { status: 'anchored', start: t.start, end: t.start + L, similarity: 1 };
  }
  // 1b. Shifted by the same amount as the previous annotation, quote and context intact.
  if (delta !== 0) {
    const p = t.start + delta;
    if (p >= 0 && text.startsWith(t.exact, p) && contextExact(text, p, p + L, t)) {
      return { status: 'moved', start: p, end: p + L, similarity: 1 };
    }
  }
  const expected = t.start + delta;
  // 2. Every exact occurrence, scored by its context.
  const exact = bestExact(text, t, expected);
  if (exact) {
    return { status: exact.start === t.start ? 'anchored' : 'moved', start: exact.start, end: exact.end, similarity: 1 };
  }
  // 3. Approximate: near where it should be first, then everywhere.
  const fuzzy = bestApproximate(text, t, expected);
  if (fuzzy) return { status: 'fuzzy', start: fuzzy.start, end: fuzzy.end, similarity: round3(fuzzy.quoteSim) };
  return ORPHAN;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function bestExact(text: string, t: TextTarget, expected: number): Candidate | undefined {
  const L = t.exact.length;
  const found: Candidate[] = [];
  for (let i = text.indexOf(t.exact); i >= 0 && found.length < MAX_OCCURRENCES; i = text.indexOf(t.exact, i + 1)) {
    found.push(scoreCandidate(text, i, i + L, 1, t, expected));
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => b.score - a.score || Math.abs(a.start - expected) - Math.abs(b.start - expected));
  const best = found[0]!;
  // A short quote needs some of its context to agree: "yes" found somewhere else is not the same "yes".
  const minCtx = L >= 24 ? 0.25 : L >= 12 ? 0.4 : 0.6;
  if (best.ctx < minCtx) return undefined;
  if (found.length > 1) {
    const second = found[1]!;
    // Several equally good places and no context to choose between them: take the stored one if it is among
    // them, else refuse to guess (approximate matching then decides, or the annotation is orphaned).
    if (second.ctx >= best.ctx - 1e-9 && best.ctx < 0.5) {
      const atStored = found.find((c) => c.start === t.start && c.ctx >= best.ctx - 1e-9);
      return atStored;
    }
  }
  return best;
}

function approxCandidates(text: string, t: TextTarget, from: number, to: number, maxErrors: number, expected: number): Candidate[] {
  const L = t.exact.length;
  const hay = text.slice(from, to);
  const matches = approxSearch(hay, t.exact, maxErrors) as { start: number; end: number; errors: number }[];
  if (matches.length === 0) return [];
  matches.sort((a, b) => a.errors - b.errors || Math.abs(a.start + from - expected) - Math.abs(b.start + from - expected));
  const out: Candidate[] = [];
  const seen = new Set<number>();
  for (const m of matches) {
    if (out.length >= 40) break;
    if (seen.has(m.start)) continue;
    seen.add(m.start);
    if (m.end <= m.start) continue;
    out.push(scoreCandidate(text, m.start + from, m.end + from, 1 - m.errors / L, t, expected));
  }
  return out;
}

function acceptable(c: Candidate, L: number): boolean {
  if (c.quoteSim < MIN_QUOTE_SIMILARITY) return false;
  if (L < 16) return c.ctx >= 0.6 && c.quoteSim >= 0.7;
  if (c.quoteSim >= 0.8) return c.ctx >= 0.2;
  return c.ctx >= 0.5;
}

function bestApproximate(text: string, t: TextTarget, expected: number): Candidate | undefined {
  const L = t.exact.length;
  const maxErrors = Math.min(256, Math.floor(L / 2));
  if (maxErrors === 0) return undefined;
  const pick = (cs: Candidate[]): Candidate | undefined => {
    let best: Candidate | undefined;
    for (const c of cs) if (acceptable(c, L) && (!best || c.score > best.score)) best = c;
    return best;
  };
  const window = Math.max(512, 2 * L);
  const from = Math.max(0, Math.min(text.length, expected) - window);
  const to = Math.min(text.length, Math.max(0, expected) + L + window);
  const near = pick(approxCandidates(text, t, from, to, maxErrors, expected));
  if (near && near.quoteSim >= 0.9) return near;
  if (from === 0 && to === text.length) return near;
  // Whole text, with a tighter error budget for short quotes (a 10-character quote with 5 errors matches anywhere).
  const far = pick(approxCandidates(text, t, 0, text.length, L < 40 ? Math.floor(L / 4) : maxErrors, expected));
  if (!near) return far;
  if (!far) return near;
  return far.score > near.score ? far : near;
}

/**
 * Resolves many targets against one text. Targets are visited in document order of their stored offsets, and
 * the shift found for one is tried first for the next (one outside edit usually shifts everything after it by
 * the same amount), so re-attaching a thousand annotations after one edit costs little more than checking them.
 * Results are in the order of `targets`.
 */
export function resolveTargets(text: string, targets: readonly TextTarget[]): Anchor[] {
  const order = targets.map((_, i) => i).sort((a, b) => targets[a]!.start - targets[b]!.start || a - b);
  const out: Anchor[] = new Array<Anchor>(targets.length);
  let delta = 0;
  for (const i of order) {
    const t = targets[i]!;
    const a = resolveTarget(text, t, { hintDelta: delta });
    out[i] = a;
    if (a.status === 'anchored' || a.status === 'moved') delta = a.start - t.start;
  }
  return out;
}
