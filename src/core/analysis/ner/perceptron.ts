/**
 * Runtime of the named-entity recogniser: an averaged perceptron trained by scripts/train-ner.ts on
 * CoNLL-2003 (weights in ./model.json, reproducible with `npm run train-ner` / `npx tsx scripts/train-ner.ts`).
 * Greedy left-to-right decoding over BIO tags; word-only feature scores are cached per word form, so the
 * cost per token is a handful of map look-ups.
 */
import modelJson from './model.json';
import { gazetteerFlags } from './gazetteer';
import { clusterOf } from './clusters';
import { LABELS, allowed, contextFeatures, isAllCaps, isAllCapsSentence, isCapitalised, shapeOf, wordFeatures, type DocEvidence } from './features';

const NL = LABELS.length;

export interface ModelFile {
  format: string;
  labels: readonly string[];
  scale: number;
  features: Record<string, string>;
}

let weights: Map<string, Float32Array> | null = null;
let modelFile: ModelFile = modelJson as unknown as ModelFile;

/**
 * Tools only (the trainer's ablation and cross-validation): run the analysis with another model file, or
 * with the shipped one again (`null`). Clears every cache built from the weights.
 */
export function useModel(model: ModelFile | null): void {
  modelFile = model ?? (modelJson as unknown as ModelFile);
  weights = null;
  fast = null;
  tagTables = null;
  bos = null;
  eos = null;
  wordCache.clear();
  lexicalCache.clear();
  recCache.clear();
  shapeRecCache.clear();
}

/** All weights by feature string (the trainer's view); used for word features and as the reference in tests. */
export function getWeights(): Map<string, Float32Array> {
  if (weights) return weights;
  const m = modelFile;
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

/**
 * The same weights indexed for speed: context features by template then value (and value pairs), so the
 * runtime looks up strings it already holds instead of building and hashing a new string per feature.
 */
interface Fast {
  single: Map<string, Map<string, Float32Array>>;
  pair: Map<string, Map<string, Map<string, Float32Array>>>;
}

const PAIR_TEMPLATES = new Set(['pn', 'wn', 'pw', 't2', 'tw']);
let fast: Fast | null = null;

function getFast(): Fast {
  if (fast) return fast;
  const single = new Map<string, Map<string, Float32Array>>();
  const pair = new Map<string, Map<string, Map<string, Float32Array>>>();
  for (const [f, v] of getWeights()) {
    const eq = f.indexOf('=');
    const tmpl = eq < 0 ? f : f.slice(0, eq);
    const value = eq < 0 ? '' : f.slice(eq + 1);
    if (PAIR_TEMPLATES.has(tmpl)) {
      const bar = value.indexOf('|');
      if (bar < 0) continue;
      const a = value.slice(0, bar);
      const b = value.slice(bar + 1);
      let m1 = pair.get(tmpl);
      if (!m1) pair.set(tmpl, (m1 = new Map()));
      let m2 = m1.get(a);
      if (!m2) m1.set(a, (m2 = new Map()));
      m2.set(b, v);
    } else {
      let m1 = single.get(tmpl);
      if (!m1) single.set(tmpl, (m1 = new Map()));
      m1.set(value, v);
    }
  }
  fast = { single, pair };
  return fast;
}

const EMPTY = new Map<string, Float32Array>();
const EMPTY2 = new Map<string, Map<string, Float32Array>>();

const wordCache = new Map<string, Float32Array>();
const MAX_CACHE = 200_000;

function wordScores(w: string): Float32Array {
  let v = wordCache.get(w);
  if (v) return v;
  v = new Float32Array(NL);
  const S = getFast().single;
  // the features of wordFeatures(w), in its order, looked up by template and value (no feature strings built)
  const look = (tmpl: string, value: string) => {
    const x = (S.get(tmpl) ?? EMPTY).get(value);
    if (x) for (let k = 0; k < NL; k++) v[k]! += x[k]!;
  };
  const lw = w.toLowerCase();
  look('b', '');
  look('w', w);
  look('l', lw);
  look('s', shapeOf(w));
  if (lw.length > 3) {
    look('x3', lw.slice(-3));
    look('p3', lw.slice(0, 3));
  }
  if (lw.length > 4) look('x4', lw.slice(-4));
  if (lw.length > 1) look('x2', lw.slice(-2));
  if (w.indexOf('-') > 0) {
    const parts = w.split('-');
    look('h1', parts[0]!.toLowerCase());
    look('hl', parts[parts.length - 1]!.toLowerCase());
  }
  const g = gazetteerFlags(w, lw);
  if (g) look('g', g);
  look('c', clusterOf(w));
  if (wordCache.size >= MAX_CACHE) wordCache.clear();
  wordCache.set(w, v);
  return v;
}

/**
 * What the training data says about a word form by itself: the weights of its identity features (`w=`,
 * `l=`) and its word-list flags (`g=`), by label index. All zeros for a word the
 * recogniser never saw. Used as a prior where the
 * sentence gives the recogniser misleading context ("Oslo rejected the offer": a capital standing for its
 * government is still a place).
 */
export function lexicalScores(w: string): Float32Array {
  let v = lexicalCache.get(w);
  if (v) return v;
  const W = getWeights();
  v = new Float32Array(NL);
  // identity, plus the word-list flags that share what identity alone used to carry ("Nick" is a first name)
  const g = gazetteerFlags(w, w.toLowerCase());
  for (const f of ['w=' + w, 'l=' + w.toLowerCase(), g ? 'g=' + g : '']) {
    const x = W.get(f);
    if (x) for (let k = 0; k < NL; k++) v[k]! += x[k]!;
  }
  if (lexicalCache.size >= MAX_CACHE) lexicalCache.clear();
  lexicalCache.set(w, v);
  return v;
}

const lexicalCache = new Map<string, Float32Array>();

/** Reference for the word-only scores (feature strings, as in training); wordScores must agree with it. */
export function wordScoresReference(w: string): Float32Array {
  const W = getWeights();
  const v = new Float32Array(NL);
  for (const f of wordFeatures(w)) {
    const x = W.get(f);
    if (x) for (let k = 0; k < NL; k++) v[k]! += x[k]!;
  }
  return v;
}

/** Scores of all the word-only features of a form (identity, affixes, shape), by label index. */
export function wordOnlyScores(w: string): Float32Array {
  return wordScores(w);
}

function add(scores: Float64Array, x: Float32Array | undefined): void {
  if (!x) return;
  // unrolled for the nine labels (the hottest loop of the analysis); same additions in the same order
  scores[0]! += x[0]!;
  scores[1]! += x[1]!;
  scores[2]! += x[2]!;
  scores[3]! += x[3]!;
  scores[4]! += x[4]!;
  scores[5]! += x[5]!;
  scores[6]! += x[6]!;
  scores[7]! += x[7]!;
  scores[8]! += x[8]!;
}
if (NL !== 9) throw new Error('NER: add() is unrolled for 9 labels');

/**
 * Scores of the context features of token i — the same sum as looking up every string of
 * contextFeatures(words, i, doc, caps), computed from the per-template indexes.
 */
function addContext(scores: Float64Array, F: Fast, lower: readonly string[], shapes: readonly string[], words: readonly string[], i: number, doc: DocEvidence | null, caps: boolean): void {
  const n = lower.length;
  const lp1 = i > 0 ? lower[i - 1]! : '<s>';
  const lp2 = i > 1 ? lower[i - 2]! : '<s>';
  const ln1 = i + 1 < n ? lower[i + 1]! : '</s>';
  const ln2 = i + 2 < n ? lower[i + 2]! : '</s>';
  const sp1 = i > 0 ? shapes[i - 1]! : SHAPE_BOS;
  const sn1 = i + 1 < n ? shapes[i + 1]! : SHAPE_EOS;
  const S = F.single;
  const P = F.pair;
  add(scores, (S.get('p1') ?? EMPTY).get(lp1));
  add(scores, (S.get('n1') ?? EMPTY).get(ln1));
  add(scores, (S.get('p2') ?? EMPTY).get(lp2));
  add(scores, (S.get('n2') ?? EMPTY).get(ln2));
  add(scores, (S.get('ps') ?? EMPTY).get(sp1));
  add(scores, (S.get('ns') ?? EMPTY).get(sn1));
  add(scores, ((P.get('pn') ?? EMPTY2).get(sp1) ?? EMPTY).get(sn1));
  const lw = lower[i]!;
  add(scores, ((P.get('wn') ?? EMPTY2).get(lw) ?? EMPTY).get(ln1));
  add(scores, ((P.get('pw') ?? EMPTY2).get(lp1) ?? EMPTY).get(lw));
  add(scores, (S.get('pc') ?? EMPTY).get(clusterOf(i > 0 ? words[i - 1]! : '<s>')));
  add(scores, (S.get('nc') ?? EMPTY).get(clusterOf(i + 1 < n ? words[i + 1]! : '</s>')));
  if (i === 0) add(scores, (S.get('first') ?? EMPTY).get(''));
  if (caps) {
    add(scores, (S.get('caps') ?? EMPTY).get(''));
    add(scores, (S.get('cw') ?? EMPTY).get(lw));
  }
  const w = words[i]!;
  if (doc && isCapitalised(w)) {
    const inLower = doc.lower.has(lw);
    const inTitle = doc.titleMid.has(lw);
    add(scores, (S.get('d') ?? EMPTY).get((inLower ? 'L' : '') + (inTitle ? 'T' : '') + (i === 0 ? '0' : '')));
  }
}

const SHAPE_BOS = shapeOf('<s>');
const SHAPE_EOS = shapeOf('</s>');

/** Reference implementation (string features, as in training); the fast path must agree with it. */
export function contextScoresReference(words: readonly string[], i: number, doc: DocEvidence | null): Float64Array {
  const W = getWeights();
  const scores = new Float64Array(NL);
  for (const f of contextFeatures(words, i, doc, isAllCapsSentence(words))) add(scores, W.get(f));
  return scores;
}

export function contextScoresFast(words: readonly string[], i: number, doc: DocEvidence | null): Float64Array {
  const scores = new Float64Array(NL);
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map((w) => shapeOf(w));
  addContext(scores, getFast(), lower, shapes, words, i, doc, isAllCapsSentence(words));
  return scores;
}

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A recognised span over token indices [start, end) of the sentence. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
  /**
   * How sure the recogniser is: over the span's tokens, the smallest lead of the chosen label's score over
   * the next best label's (score units; see UNSURE_MARGIN in ../mentions.ts).
   */
  readonly margin: number;
}

/** Tags one sentence (normalised word forms). */
/** Everything the tagger needs about one word form, looked up once per token. */
interface WordRec {
  lower: string;
  shape: string;
  word: Float32Array;
  asP1: Float32Array | undefined;
  asN1: Float32Array | undefined;
  asP2: Float32Array | undefined;
  asN2: Float32Array | undefined;
  asCaps: Float32Array | undefined;
  /** pc=<this word's class> (this word as the previous one), nc=<class> (as the next one) */
  asPc: Float32Array | undefined;
  asNc: Float32Array | undefined;
  /** wn=<this>|<next lower> */
  wn: Map<string, Float32Array>;
  /** pw=<this>|<next lower> (this word as the previous one) */
  pw: Map<string, Float32Array>;
  shapeRec: ShapeRec;
  /** isCapitalised(word) */
  capitalised: boolean;
  /** the word holds an ASCII letter (counts as a letter in isAllCapsSentence) */
  letter: boolean;
  /** the word counts as capitals in isAllCapsSentence */
  capsWord: boolean;
}

interface ShapeRec {
  asPs: Float32Array | undefined;
  asNs: Float32Array | undefined;
  pn: Map<string, Float32Array>;
  /** tw=<previous label>|<this shape>, by previous label index */
  tw: (Float32Array | undefined)[];
}

const recCache = new Map<string, WordRec>();
const shapeRecCache = new Map<string, ShapeRec>();

function shapeRec(F: Fast, sh: string): ShapeRec {
  let r = shapeRecCache.get(sh);
  if (!r) {
    const TW = F.pair.get('tw') ?? EMPTY2;
    r = {
      asPs: (F.single.get('ps') ?? EMPTY).get(sh),
      asNs: (F.single.get('ns') ?? EMPTY).get(sh),
      pn: (F.pair.get('pn') ?? EMPTY2).get(sh) ?? EMPTY,
      tw: LABELS.map((pl) => (TW.get(pl) ?? EMPTY).get(sh)),
    };
    shapeRecCache.set(sh, r);
  }
  return r;
}

function lowerRec(F: Fast, word: string, lower: string, sh: string): WordRec {
  const S = F.single;
  const P = F.pair;
  return {
    lower,
    shape: sh,
    word: word === '' ? new Float32Array(NL) : wordScores(word),
    asP1: (S.get('p1') ?? EMPTY).get(lower),
    asN1: (S.get('n1') ?? EMPTY).get(lower),
    asP2: (S.get('p2') ?? EMPTY).get(lower),
    asN2: (S.get('n2') ?? EMPTY).get(lower),
    asCaps: (S.get('cw') ?? EMPTY).get(lower),
    asPc: (S.get('pc') ?? EMPTY).get(word === '' ? lower : clusterOf(word)),
    asNc: (S.get('nc') ?? EMPTY).get(word === '' ? lower : clusterOf(word)),
    wn: (P.get('wn') ?? EMPTY2).get(lower) ?? EMPTY,
    pw: (P.get('pw') ?? EMPTY2).get(lower) ?? EMPTY,
    shapeRec: shapeRec(F, sh),
    capitalised: isCapitalised(word),
    letter: /[A-Za-z]/.test(word),
    capsWord: isAllCaps(word) || (word.length === 1 && word >= 'A' && word <= 'Z'),
  };
}

function rec(F: Fast, word: string): WordRec {
  let r = recCache.get(word);
  if (!r) {
    r = lowerRec(F, word, word.toLowerCase(), shapeOf(word));
    if (recCache.size >= MAX_CACHE) recCache.clear();
    recCache.set(word, r);
  }
  return r;
}

/** Tag-feature weights by label index: t by previous label, t2 by (label before that, previous label), d by evidence bits. */
interface TagTables {
  T: (Float32Array | undefined)[];
  T2: (Float32Array | undefined)[];
  /** d=<L?><T?><0?>, indexed by L*4 + T*2 + first */
  D: (Float32Array | undefined)[];
}
let tagTables: TagTables | null = null;

function getTagTables(F: Fast): TagTables {
  if (tagTables) return tagTables;
  const t = F.single.get('t') ?? EMPTY;
  const t2 = F.pair.get('t2') ?? EMPTY2;
  const d = F.single.get('d') ?? EMPTY;
  const T2: (Float32Array | undefined)[] = [];
  for (let a = 0; a < NL; a++) for (let b = 0; b < NL; b++) T2[a * NL + b] = (t2.get(LABELS[a]!) ?? EMPTY).get(LABELS[b]!);
  const D: (Float32Array | undefined)[] = [];
  for (let k = 0; k < 8; k++) D[k] = d.get((k & 4 ? 'L' : '') + (k & 2 ? 'T' : '') + (k & 1 ? '0' : ''));
  tagTables = { T: LABELS.map((l) => t.get(l)), T2, D };
  return tagTables;
}

let bos: WordRec | null = null;
let eos: WordRec | null = null;

export function tagSentence(words: readonly string[], doc: DocEvidence | null): TokenSpan[] {
  const F = getFast();
  if (!bos || !eos) {
    bos = lowerRec(F, '', '<s>', SHAPE_BOS);
    eos = lowerRec(F, '', '</s>', SHAPE_EOS);
  }
  const n = words.length;
  const recs: WordRec[] = new Array(n);
  // isAllCapsSentence(words), from the per-form flags
  let capsWords = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const r = (recs[i] = rec(F, words[i]!));
    if (r.letter) {
      letters++;
      if (r.capsWord) capsWords++;
    }
  }
  const caps = letters >= 2 && capsWords * 4 >= letters * 3;
  const scores = new Float64Array(NL);
  const out: TokenSpan[] = [];
  const { T, T2, D } = getTagTables(F);
  const FIRST = (F.single.get('first') ?? EMPTY).get('');
  const CAPS = (F.single.get('caps') ?? EMPTY).get('');
  let prev = 0;
  let prev2 = 0;
  let spanStart = -1;
  let spanType: NerType = 'PER';
  let spanMargin = Infinity;
  for (let i = 0; i < n; i++) {
    const r = recs[i]!;
    const p1 = i > 0 ? recs[i - 1]! : bos;
    const p2 = i > 1 ? recs[i - 2]! : bos;
    const n1 = i + 1 < n ? recs[i + 1]! : eos;
    const n2 = i + 2 < n ? recs[i + 2]! : eos;
    const ws = r.word;
    scores[0] = ws[0]!;
    scores[1] = ws[1]!;
    scores[2] = ws[2]!;
    scores[3] = ws[3]!;
    scores[4] = ws[4]!;
    scores[5] = ws[5]!;
    scores[6] = ws[6]!;
    scores[7] = ws[7]!;
    scores[8] = ws[8]!;
    add(scores, p1.asP1);
    add(scores, n1.asN1);
    add(scores, p2.asP2);
    add(scores, n2.asN2);
    add(scores, p1.shapeRec.asPs);
    add(scores, n1.shapeRec.asNs);
    add(scores, p1.shapeRec.pn.get(n1.shape));
    add(scores, r.wn.get(n1.lower));
    add(scores, p1.pw.get(r.lower));
    add(scores, p1.asPc);
    add(scores, n1.asNc);
    if (i === 0) add(scores, FIRST);
    if (caps) {
      add(scores, CAPS);
      add(scores, r.asCaps);
    }
    if (doc && r.capitalised) {
      const inLower = doc.lower.has(r.lower);
      const inTitle = doc.titleMid.has(r.lower);
      add(scores, D[(inLower ? 4 : 0) + (inTitle ? 2 : 0) + (i === 0 ? 1 : 0)]);
    }
    add(scores, T[prev]);
    add(scores, T2[prev2 * NL + prev]);
    add(scores, r.shapeRec.tw[prev]);
    let best = -1;
    for (let k = 0; k < NL; k++) if (ALLOWED[prev * NL + k] && (best < 0 || scores[k]! > scores[best]!)) best = k;
    let second = -Infinity;
    for (let k = 0; k < NL; k++) if (k !== best && ALLOWED[prev * NL + k] && scores[k]! > second) second = scores[k]!;
    const margin = scores[best]! - second;
    // O closes the open span; B- closes it and opens one; I- continues it
    const begins = LABEL_TYPE[best];
    if (begins !== undefined || best === O_INDEX) {
      if (spanStart >= 0) out.push({ start: spanStart, end: i, type: spanType, margin: spanMargin });
      spanStart = -1;
      if (begins !== undefined) {
        spanStart = i;
        spanType = begins;
        spanMargin = margin;
      }
    } else if (margin < spanMargin) spanMargin = margin;
    prev2 = prev;
    prev = best;
  }
  if (spanStart >= 0) out.push({ start: spanStart, end: n, type: spanType, margin: spanMargin });
  return out;
}

/** By label index: the type a B- label opens (undefined for O and I- labels). */
const LABEL_TYPE: (NerType | undefined)[] = LABELS.map((l) => (l.startsWith('B-') ? (l.slice(2) as NerType) : undefined));
const O_INDEX = LABELS.indexOf('O');

const ALLOWED = new Uint8Array(NL * NL);
for (let a = 0; a < NL; a++) for (let b = 0; b < NL; b++) ALLOWED[a * NL + b] = allowed(a, b) ? 1 : 0;
