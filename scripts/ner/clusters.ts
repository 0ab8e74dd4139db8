/**
 * Word classes from unlabeled modern news, for the recogniser's features (Ratinov & Roth 2009 found word
 * clusters the strongest single help for names outside the training domain). The classes are those of a
 * class-based bigram model found by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
 * every word moves, in turn, to the class that most raises the likelihood of the text's bigrams, for a fixed
 * number of passes. Deterministic: words start in class (frequency rank mod K) and are visited in frequency
 * order, ties keep the lower class, so the same text gives the same classes byte for byte.
 *
 * Text: the `bbc` articles (2004-05) and the PolNeAR train texts (2016), tokenised as the analysis does;
 * words seen at least MIN_COUNT times get a class. Never the evaluation sets' text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tokenize } from '../../src/core/analysis/tokenize';
import { normWord } from '../../src/core/analysis/ner/features';
import { useClusters, type ClusterFile } from '../../src/core/analysis/ner/clusters';
import { listTextFiles } from '../../bench/shared';

const MIN_COUNT = 3;

/** Token sequences, one per paragraph (non-empty line) of each file. */
export function readUnlabeled(dirs: readonly string[]): string[][] {
  const seqs: string[][] = [];
  for (const dir of dirs)
    for (const f of listTextFiles(dir))
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        const toks = tokenize(line).map((t) => normWord(t.text));
        if (toks.length > 1) seqs.push(toks);
      }
  return seqs;
}

const F = (x: number) => (x > 0 ? x * Math.log(x) : 0);

interface Neighbours {
  ids: Int32Array;
  counts: Float64Array;
}

function neighbours(map: Map<number, number>): Neighbours {
  const ids = [...map.keys()].sort((a, b) => a - b);
  return { ids: Int32Array.from(ids), counts: Float64Array.from(ids.map((i) => map.get(i)!)) };
}

/** Exchange clustering into K classes; returns word → class for every word seen MIN_COUNT times or more. */
export function clusterWords(seqs: readonly string[][], K: number, passes: number, log: (l: string) => void = () => {}): Map<string, number> {
  const freq = new Map<string, number>();
  for (const s of seqs) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const vocab = [...freq.entries()].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length + 1; // the last id stands for every rare word, in a class of its own (K)
  const UNK = V - 1;
  const right = Array.from({ length: V }, () => new Map<number, number>());
  const left = Array.from({ length: V }, () => new Map<number, number>());
  for (const s of seqs) {
    for (let i = 0; i + 1 < s.length; i++) {
      const a = id.get(s[i]!) ?? UNK;
      const b = id.get(s[i + 1]!) ?? UNK;
      right[a]!.set(b, (right[a]!.get(b) ?? 0) + 1);
      left[b]!.set(a, (left[b]!.get(a) ?? 0) + 1);
    }
  }
  const R = right.map(neighbours);
  const L = left.map(neighbours);
  const asLeft = R.map((n) => n.counts.reduce((x, y) => x + y, 0));
  const asRight = L.map((n) => n.counts.reduce((x, y) => x + y, 0));
  const KK = K + 1;
  const cls = new Int32Array(V);
  for (let w = 0; w < V - 1; w++) cls[w] = w % K;
  cls[UNK] = K;
  const N = new Float64Array(KK * KK);
  const Nl = new Float64Array(KK);
  const Nr = new Float64Array(KK);
  for (let a = 0; a < V; a++) {
    const r = R[a]!;
    for (let j = 0; j < r.ids.length; j++) N[cls[a]! * KK + cls[r.ids[j]!]!]! += r.counts[j]!;
    Nl[cls[a]!]! += asLeft[a]!;
    Nr[cls[a]!]! += asRight[a]!;
  }
  const toR = new Float64Array(KK);
  const toL = new Float64Array(KK);
  const touchedR: number[] = [];
  const touchedL: number[] = [];
  const place = (w: number, c: number, sign: number, self: number) => {
    for (const k of touchedR) N[c * KK + k]! += sign * toR[k]!;
    for (const k of touchedL) N[k * KK + c]! += sign * toL[k]!;
    N[c * KK + c]! += sign * self;
    Nl[c]! += sign * asLeft[w]!;
    Nr[c]! += sign * asRight[w]!;
  };
  for (let pass = 0; pass < passes; pass++) {
    let moved = 0;
    for (let w = 0; w < V - 1; w++) {
      // the word's bigram counts towards each class (its own bigrams with itself apart)
      for (const k of touchedR) toR[k] = 0;
      for (const k of touchedL) toL[k] = 0;
      touchedR.length = 0;
      touchedL.length = 0;
      let self = 0;
      const r = R[w]!;
      for (let j = 0; j < r.ids.length; j++) {
        const v = r.ids[j]!;
        if (v === w) {
          self = r.counts[j]!;
          continue;
        }
        const c = cls[v]!;
        if (toR[c] === 0) touchedR.push(c);
        toR[c]! += r.counts[j]!;
      }
      const l = L[w]!;
      for (let j = 0; j < l.ids.length; j++) {
        const u = l.ids[j]!;
        if (u === w) continue;
        const c = cls[u]!;
        if (toL[c] === 0) touchedL.push(c);
        toL[c]! += l.counts[j]!;
      }
      const from = cls[w]!;
      place(w, from, -1, self);
      let best = from;
      let bestGain = -Infinity;
      for (let b = 0; b < K; b++) {
        let g = 0;
        const row = b * KK;
        for (const k of touchedR) if (k !== b) g += F(N[row + k]! + toR[k]!) - F(N[row + k]!);
        for (const k of touchedL) if (k !== b) g += F(N[k * KK + b]! + toL[k]!) - F(N[k * KK + b]!);
        const diag = N[row + b]!;
        g += F(diag + toR[b]! + toL[b]! + self) - F(diag);
        g -= F(Nl[b]! + asLeft[w]!) - F(Nl[b]!) + F(Nr[b]! + asRight[w]!) - F(Nr[b]!);
        if (g > bestGain + 1e-9 || (b === from && g >= bestGain - 1e-9)) {
          bestGain = g;
          best = b;
        }
      }
      cls[w] = best;
      place(w, best, 1, self);
      if (best !== from) moved++;
    }
    log(`clusters: pass ${pass + 1}/${passes}, ${moved} of ${V - 1} words moved`);
  }
  const out = new Map<string, number>();
  vocab.forEach((w, i) => out.set(w, cls[i]!));
  return out;
}

/** The words of each class, sorted. */
function byClass(classes: Map<string, number>, K: number): string[][] {
  const out: string[][] = Array.from({ length: K }, () => []);
  for (const [w, c] of classes) out[c]!.push(w);
  for (const ws of out) ws.sort();
  return out;
}

/**
 * Builds src/core/analysis/ner/clusters.json from the unlabeled news under `dirs`: K coarse classes and
 * `fineK` fine ones over the same words (see src/core/analysis/ner/clusters.ts).
 */
export function writeClusters(dirs: readonly string[], K: number, fineK: number, passes: number, log: (l: string) => void): void {
  const seqs = readUnlabeled(dirs);
  log(`clusters: ${seqs.reduce((n, s) => n + s.length, 0)} tokens of unlabeled news`);
  const coarse = clusterWords(seqs, K, passes, log);
  const fine = clusterWords(seqs, fineK, passes, log);
  const data: ClusterFile = { format: 'news-annotator-clusters/2', classes: byClass(coarse, K), fine: byClass(fine, fineK) };
  const file = path.resolve(__dirname, '..', '..', 'src', 'core', 'analysis', 'ner', 'clusters.json');
  writeFileSync(file, JSON.stringify(data) + '\n');
  useClusters(data);
  log(`clusters: wrote ${coarse.size} words in ${K} and in ${fineK} classes to ${path.relative(process.cwd(), file)}`);
}
