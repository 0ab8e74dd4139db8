/**
 * Trains the named-entity recogniser (an averaged perceptron, greedy left-to-right, BIO tags) on the
 * CoNLL-2003 English training set and writes src/core/analysis/ner/model.json.
 *
 *   npx tsx scripts/train-ner.ts [path/to/eng.train.txt] [--epochs N] [--dev path/to/eng.testa.txt]
 *
 * Deterministic: a fixed-seed shuffle, so the same corpus gives the same weights. The weights file holds
 * feature strings and integer weights only, never corpus text.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { LABELS, allowed, contextFeatures, docEvidence, isAllCapsSentence, normWord, tagFeatures, wordFeatures, type DocEvidence } from '../src/core/analysis/ner/features';

interface Sentence {
  words: string[];
  gold: number[];
  doc: DocEvidence;
  caps: boolean;
}

export function readConll(file: string): { words: string[]; tags: string[] }[][] {
  const docs: { words: string[]; tags: string[] }[][] = [];
  let doc: { words: string[]; tags: string[] }[] = [];
  let cur = { words: [] as string[], tags: [] as string[] };
  const flush = () => {
    if (cur.words.length) doc.push(cur);
    cur = { words: [], tags: [] };
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (t.startsWith('-DOCSTART-')) {
      flush();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    if (!t) {
      flush();
      continue;
    }
    const parts = t.split(' ');
    cur.words.push(parts[0]!);
    cur.tags.push(parts[parts.length - 1]!);
  }
  flush();
  if (doc.length) docs.push(doc);
  return docs;
}

/** IOB1 → BIO label indices. */
function toBio(tags: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 'O') {
      out.push(0);
      continue;
    }
    const type = t.slice(2);
    const prev = i > 0 ? tags[i - 1]! : 'O';
    const begin = t.startsWith('B-') || prev === 'O' || prev.slice(2) !== type;
    out.push(LABELS.indexOf(((begin ? 'B-' : 'I-') + type) as (typeof LABELS)[number]));
  }
  return out;
}

function load(file: string): Sentence[] {
  const out: Sentence[] = [];
  for (const doc of readConll(file)) {
    const sents = doc.map((s) => s.words.map(normWord));
    const ev = docEvidence(sents);
    doc.forEach((s, k) => out.push({ words: sents[k]!, gold: toBio(s.tags), doc: ev, caps: isAllCapsSentence(sents[k]!) }));
  }
  return out;
}

const NL = LABELS.length;

class Model {
  w = new Map<string, Float64Array>();
  acc = new Map<string, Float64Array>();
  ts = new Map<string, Float64Array>();
  c = 1;
  constructor(private readonly keep: Set<string> | null) {}

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
        if (this.keep && !this.keep.has(f) && !f.startsWith('t')) continue;
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
      for (let k = 0; k < NL; k++) {
        const total = a[k]! + (this.c - t[k]!) * v[k]!;
        v[k] = total / this.c;
      }
    }
  }
}

function featsFor(s: Sentence, i: number, prev: number, prev2: number): string[] {
  return [...wordFeatures(s.words[i]!), ...contextFeatures(s.words, i, s.doc, s.caps), ...tagFeatures(LABELS[prev]!, LABELS[prev2]!, s.words[i]!)];
}

function decode(m: Model, s: Sentence, train: boolean): number[] {
  const pred: number[] = [];
  let prev = 0;
  let prev2 = 0;
  const scores = new Float64Array(NL);
  for (let i = 0; i < s.words.length; i++) {
    const f = featsFor(s, i, prev, prev2);
    scores.fill(0);
    m.score(f, scores);
    let best = -1;
    for (let k = 0; k < NL; k++) if (allowed(prev, k) && (best < 0 || scores[k]! > scores[best]!)) best = k;
    if (train) {
      const g = s.gold[i]!;
      if (best !== g) {
        m.update(f, g, 1);
        m.update(f, best, -1);
      }
      m.c++;
      // learn from the gold history (teacher forcing) for stability
      prev2 = prev;
      prev = g;
    } else {
      prev2 = prev;
      prev = best;
    }
    pred.push(best);
  }
  return pred;
}

function spans(tags: readonly number[]): string[] {
  const out: string[] = [];
  let start = -1;
  let type = '';
  const close = (end: number) => {
    if (start >= 0 && type !== 'MISC') out.push(`${start}:${end}:${type}`);
    start = -1;
  };
  tags.forEach((t, i) => {
    const l = LABELS[t]!;
    if (l === 'O') close(i);
    else if (l.startsWith('B-') || l.slice(2) !== type) {
      close(i);
      start = i;
      type = l.slice(2);
    }
  });
  close(tags.length);
  return out;
}

function evaluate(m: Model, sents: Sentence[]): number {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const s of sents) {
    const p = new Set(spans(decode(m, s, false)));
    const g = spans(s.gold);
    np += p.size;
    ng += g.length;
    for (const x of g) if (p.has(x)) tp++;
  }
  const pr = tp / np;
  const rc = tp / ng;
  return (2 * pr * rc) / (pr + rc);
}

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const shared = path.resolve(__dirname, '..', '..', 'shared', 'corpora', 'conll2003');
  const trainFile = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? path.join(shared, 'eng.train.txt');
  const ei = args.indexOf('--epochs');
  const epochs = ei >= 0 ? Number(args[ei + 1]) : 8;
  const di = args.indexOf('--dev');
  const devFile = di >= 0 ? args[di + 1]! : path.join(shared, 'eng.testa.txt');
  if (!existsSync(trainFile)) {
    console.error(`train-ner: ${trainFile} not found (the CoNLL-2003 training set lives in ../shared/corpora/conll2003)`);
    process.exit(2);
  }
  const train = load(trainFile);
  const dev = existsSync(devFile) ? load(devFile) : [];
  // Keep only features seen at least twice (smaller model, less overfitting).
  const counts = new Map<string, number>();
  for (const s of train)
    for (let i = 0; i < s.words.length; i++)
      for (const f of [...wordFeatures(s.words[i]!), ...contextFeatures(s.words, i, s.doc, s.caps)]) counts.set(f, (counts.get(f) ?? 0) + 1);
  const keep = new Set<string>();
  for (const [f, n] of counts) if (n >= 2) keep.add(f);
  console.log(`train-ner: ${train.length} sentences, ${counts.size} features, ${keep.size} kept (seen twice or more)`);
  const m = new Model(keep);
  const rand = rng(2003);
  const order = train.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) decode(m, train[k]!, true);
    console.log(`epoch ${e + 1}/${epochs}`);
  }
  m.average();
  if (dev.length) console.log(`dev (token-level, gold tokenisation) PER/ORG/LOC exact-span F1: ${evaluate(m, dev).toFixed(4)}`);
  // Write integer weights (scaled), dropping near-zero entries.
  const SCALE = 100;
  const out: Record<string, string> = {};
  let n = 0;
  for (const [f, v] of m.w) {
    const parts: string[] = [];
    for (let k = 0; k < NL; k++) {
      const q = Math.round(v[k]! * SCALE);
      if (q !== 0) parts.push(k + ':' + q);
    }
    if (parts.length) {
      out[f] = parts.join(',');
      n++;
    }
  }
  const model = { format: 'news-annotator-ner/1', labels: LABELS, scale: SCALE, epochs, features: out };
  const file = path.resolve(__dirname, '..', 'src', 'core', 'analysis', 'ner', 'model.json');
  writeFileSync(file, JSON.stringify(model));
  console.log(`train-ner: wrote ${n} features to ${path.relative(process.cwd(), file)}`);
}

main();
