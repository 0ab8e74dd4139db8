/**
 * Runtime of the named-entity recogniser: an averaged perceptron trained by scripts/train-ner.ts on
 * CoNLL-2003 (weights in ./model.json, reproducible with `npm run train-ner` / `npx tsx scripts/train-ner.ts`).
 * Greedy left-to-right decoding over BIO tags; word-only feature scores are cached per word form, so the
 * cost per token is a handful of map look-ups.
 */
import modelJson from './model.json';
import { LABELS, allowed, contextFeatures, isAllCapsSentence, tagFeatures, wordFeatures, type DocEvidence } from './features';

const NL = LABELS.length;

interface ModelFile {
  format: string;
  labels: readonly string[];
  scale: number;
  features: Record<string, string>;
}

let weights: Map<string, Float32Array> | null = null;

function getWeights(): Map<string, Float32Array> {
  if (weights) return weights;
  const m = modelJson as unknown as ModelFile;
  if (m.format !== 'news-annotator-ner/1' || m.labels.join() !== LABELS.join()) throw new Error('NER model file has an unexpected format');
  const w = new Map<string, Float32Array>();
  for (const f of Object.keys(m.features)) {
    const v = new Float32Array(NL);
    for (const part of m.features[f]!.split(',')) {
      const c = part.indexOf(':');
      v[Number(part.slice(0, c))] = Number(part.slice(c + 1)) / m.scale;
    }
    w.set(f, v);
  }
  weights = w;
  return w;
}

const wordCache = new Map<string, Float32Array>();
const MAX_CACHE = 200_000;

function wordScores(w: string, W: Map<string, Float32Array>): Float32Array {
  let v = wordCache.get(w);
  if (v) return v;
  v = new Float32Array(NL);
  for (const f of wordFeatures(w)) {
    const x = W.get(f);
    if (x) for (let k = 0; k < NL; k++) v[k]! += x[k]!;
  }
  if (wordCache.size >= MAX_CACHE) wordCache.clear();
  wordCache.set(w, v);
  return v;
}

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A recognised span over token indices [start, end) of the sentence. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
}

/** Tags one sentence (normalised word forms). */
export function tagSentence(words: readonly string[], doc: DocEvidence | null): TokenSpan[] {
  const W = getWeights();
  const caps = isAllCapsSentence(words);
  const scores = new Float64Array(NL);
  const out: TokenSpan[] = [];
  let prev = 0;
  let prev2 = 0;
  let spanStart = -1;
  let spanType = '';
  const close = (end: number) => {
    if (spanStart >= 0) out.push({ start: spanStart, end, type: spanType as NerType });
    spanStart = -1;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const ws = wordScores(w, W);
    for (let k = 0; k < NL; k++) scores[k] = ws[k]!;
    for (const f of contextFeatures(words, i, doc, caps)) {
      const x = W.get(f);
      if (x) for (let k = 0; k < NL; k++) scores[k]! += x[k]!;
    }
    for (const f of tagFeatures(LABELS[prev]!, LABELS[prev2]!, w)) {
      const x = W.get(f);
      if (x) for (let k = 0; k < NL; k++) scores[k]! += x[k]!;
    }
    let best = -1;
    for (let k = 0; k < NL; k++) if (allowed(prev, k) && (best < 0 || scores[k]! > scores[best]!)) best = k;
    const label = LABELS[best]!;
    if (label === 'O') close(i);
    else if (label.startsWith('B-')) {
      close(i);
      spanStart = i;
      spanType = label.slice(2);
    }
    prev2 = prev;
    prev = best;
  }
  close(words.length);
  return out;
}
