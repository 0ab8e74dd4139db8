/**
 * The named-entity recogniser's trainer: an averaged perceptron, greedy left-to-right over BIO tags, with
 * the features of src/core/analysis/ner/features.ts (the runtime shares them, so they cannot drift apart).
 * Deterministic: a fixed-seed shuffle, so the same sentences give the same weights byte for byte. The
 * model holds feature strings and integer weights only, never corpus text.
 */
import { LABELS, allowed, contextFeatures, docEvidence, isAllCapsSentence, normWord, tagFeatures, wordFeatures, type DocEvidence } from '../../src/core/analysis/ner/features';
import type { ModelFile } from '../../src/core/analysis/ner/perceptron';
import type { GoldDoc } from '../../eval/nerCorpora';
import { seededRandom } from '../../src/core/annotations/ids';

export interface TrainSentence {
  words: string[];
  gold: number[];
  doc: DocEvidence;
  caps: boolean;
}

const NL = LABELS.length;

/** Gold documents (IOB2 tags) → training sentences with their document's case evidence. */
export function toSentences(docs: readonly GoldDoc[]): TrainSentence[] {
  const out: TrainSentence[] = [];
  for (const doc of docs) {
    const sents = doc.map((s) => s.words.map(normWord));
    const ev = docEvidence(sents);
    doc.forEach((s, k) => {
      const gold = s.tags.map((t) => LABELS.indexOf(t as (typeof LABELS)[number]));
      if (gold.some((g) => g < 0)) throw new Error(`train-ner: unknown tag in ${s.tags.join(' ')}`);
      out.push({ words: sents[k]!, gold, doc: ev, caps: isAllCapsSentence(sents[k]!) });
    });
  }
  return out;
}

class Model {
  w = new Map<string, Float64Array>();
  acc = new Map<string, Float64Array>();
  ts = new Map<string, Float64Array>();
  c = 1;
  constructor(private readonly keep: Set<string>) {}

  score(feats: readonly string[], out: Float64Array): void {
    for (const f of feats) {
      const v = this.w.get(f);
      if (v) for (let k = 0; k < NL; k++) out[k]! += v[k]!;
    }
  }

  update(feats: readonly string[], label: number, delta: number): void {
    for (const f of feats) {
      let v = this.w.get(f);
      if (!v) {
        if (!this.keep.has(f) && !f.startsWith('t')) continue;
        v = new Float64Array(NL);
        this.w.set(f, v);
        this.acc.set(f, new Float64Array(NL));
        this.ts.set(f, new Float64Array(NL));
      }
      const a = this.acc.get(f)!;
      const t = this.ts.get(f)!;
      a[label]! += (this.c - t[label]!) * v[label]!;
      t[label] = this.c;
      v[label]! += delta;
    }
  }

  average(): void {
    for (const [f, v] of this.w) {
      const a = this.acc.get(f)!;
      const t = this.ts.get(f)!;
      for (let k = 0; k < NL; k++) v[k] = (a[k]! + (this.c - t[k]!) * v[k]!) / this.c;
    }
  }
}

function featsFor(s: TrainSentence, i: number, prev: number, prev2: number): string[] {
  return [...wordFeatures(s.words[i]!), ...contextFeatures(s.words, i, s.doc, s.caps), ...tagFeatures(LABELS[prev]!, LABELS[prev2]!, s.words[i]!)];
}

function learn(m: Model, s: TrainSentence): void {
  let prev = 0;
  let prev2 = 0;
  const scores = new Float64Array(NL);
  for (let i = 0; i < s.words.length; i++) {
    const f = featsFor(s, i, prev, prev2);
    scores.fill(0);
    m.score(f, scores);
    let best = -1;
    for (let k = 0; k < NL; k++) if (allowed(prev, k) && (best < 0 || scores[k]! > scores[best]!)) best = k;
    const g = s.gold[i]!;
    if (best !== g) {
      m.update(f, g, 1);
      m.update(f, best, -1);
    }
    m.c++;
    // learn from the gold history (teacher forcing): tried against the tagger's own history, which scored
    // worse on both development sets (CrossNER politics 0.677 against 0.725)
    prev2 = prev;
    prev = g;
  }
}

/**
 * How many perceptrons the model mixes (parameter mixing; one each over its own shuffle). Measured with the
 * document context features: 4 against 1, CoNLL testa 0.9089 → 0.9084, CrossNER dev 0.7635 → 0.7672, WikiGold
 * cross-validated over its training folds 0.671 → 0.676; the runtime is the same (one linear model).
 */
export const MIXES = 4;

/** Trains on the sentences and returns the model file (features seen at least twice; weights ×100, integers). */
export function trainModel(train: readonly TrainSentence[], epochs: number, log: (line: string) => void = () => {}): ModelFile & { epochs: number } {
  const counts = new Map<string, number>();
  for (const s of train)
    for (let i = 0; i < s.words.length; i++)
      for (const f of [...wordFeatures(s.words[i]!), ...contextFeatures(s.words, i, s.doc, s.caps)]) counts.set(f, (counts.get(f) ?? 0) + 1);
  const keep = new Set<string>();
  for (const [f, n] of counts) if (n >= 2) keep.add(f);
  log(`train-ner: ${train.length} sentences, ${counts.size} features, ${keep.size} kept (seen twice or more)`);
  // parameter mixing: several perceptrons, each over its own fixed-seed shuffle, their averaged weights
  // summed (one linear model scoring as the mean of their scores, without the variance of one shuffle)
  const sum = new Map<string, Float64Array>();
  for (let r = 0; r < MIXES; r++) {
    const m = new Model(keep);
    const rand = seededRandom(2003 + r);
    const order = train.map((_, i) => i);
    for (let e = 0; e < epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const k of order) learn(m, train[k]!);
      log(`model ${r + 1}/${MIXES}: epoch ${e + 1}/${epochs}`);
    }
    m.average();
    for (const [f, v] of m.w) {
      let t = sum.get(f);
      if (!t) sum.set(f, (t = new Float64Array(NL)));
      for (let k = 0; k < NL; k++) t[k]! += v[k]! / MIXES;
    }
  }
  const SCALE = 100;
  const features: Record<string, string> = {};
  for (const [f, v] of sum) {
    const parts: string[] = [];
    for (let k = 0; k < NL; k++) {
      const q = Math.round(v[k]! * SCALE);
      if (q !== 0) parts.push(k + ':' + q);
    }
    if (parts.length) features[f] = parts.join(',');
  }
  return { format: 'news-annotator-ner/1', labels: LABELS, scale: SCALE, epochs, features };
}
