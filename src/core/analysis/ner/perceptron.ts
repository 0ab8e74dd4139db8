/**
 * Runtime of the named-entity recogniser: an averaged perceptron trained by scripts/train-ner.ts (weights in
 * ./model.json, loaded by ./model.ts; reproducible with `npm run train-ner`). Greedy left-to-right decoding over
 * BIO tags.
 *
 * Speed: every word form gets one record, built the first time the form is seen, holding the summed rows of
 * all the features it brings in each position (as the word itself, as the previous word, as the next one, two
 * before, two after) and the pair features it can start. Scoring a token is then a handful of integer row
 * additions; the rows are whole numbers (the file's scaled weights), so sums are exact in any order.
 */
import { gazetteerFlags } from './gazetteer';
import { clusterOf, fineClusterOf } from './clusters';
import { getTables, getWeights, offsetOf, onModelChange, pairRows, rowOf, type Row, type Tables } from './model';
import { LABELS, allowed, contextFeatures, isAllCaps, isAllCapsSentence, isCapitalised, shapeOf, wordFeatures, type DocEvidence } from './features';

export { getWeights, useModel, type ModelFile } from './model';

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

/**
 * A span as the repairs after the tagger work on it (nameContext.ts's CtxSpan; orgBoundaries.ts, nameLists.ts and
 * otherNames.ts take any such shape), and how they make a new one of the caller's shape.
 */
export interface RepairSpan {
  start: number;
  end: number;
  type: NerType;
  margin?: number | undefined;
}
export type MakeSpan<S extends RepairSpan> = (start: number, end: number, type: NerType, margin: number | undefined) => S;

/** Everything the tagger needs about one word form, built once per form. */
interface WordRec {
  lower: string;
  shape: string;
  /**
   * Where the form's three summed rows start in `forms.rows`: its own features (identity, affixes, shape, word
   * lists, class) at `at`; as the previous word (p1=<lower>, ps=<shape>, pc=<class>) at `at + NL`; as the next
   * word (n1=, ns=, nc=) at `at + 2 * NL`.
   */
  at: number;
  /** p2=<lower>, n2=<lower> and cw=<lower> (in a sentence in capitals): offsets in the model's packed rows, or -1 */
  asPrev2: number;
  asNext2: number;
  asCaps: number;
  /** ap=<lower>, an=<lower>: this word before or after a capitalised form somewhere in the article (offsets, or -1) */
  asAp: number;
  asAn: number;
  /** wn=<this lower>|<next lower>, by next lower */
  wn: Map<string, Row>;
  /** pw=<this lower>|<next lower> (this word as the previous one) */
  pw: Map<string, Row>;
  /** pn=<this shape>|<next-but-one shape> (this word as the previous one) */
  pn: Map<string, Row>;
  /** tw=<previous label>|<this shape>, by previous label index */
  tw: readonly (Row | undefined)[];
  capitalised: boolean;
  /** the word holds an ASCII letter (counts as a letter in isAllCapsSentence) */
  letter: boolean;
  /** the word counts as capitals in isAllCapsSentence */
  capsWord: boolean;
}

/** The number of labels, as a local constant (hot loops; an imported binding is a property read per use). */
const NL = 9;
if (LABELS.length !== NL) throw new Error('NER: the tagger is written for 9 labels');

/** `into += row` (nothing for a missing row); local to this module so the compiler inlines it. */
function addRow(into: Int32Array | Float64Array, row: Row | undefined): void {
  if (row) for (let k = 0; k < NL; k++) into[k]! += row[k]!;
}

const MAX_CACHE = 200_000;
const recCache = new Map<string, WordRec>();

/**
 * The word forms' summed rows, one after another (3 * NL numbers per form): scoring a token reads three
 * neighbouring slices of one array rather than three small arrays scattered over the heap.
 */
const forms = { rows: new Int32Array(3 * NL * 4096), used: 0 };

function storeForm(own: Int32Array, asPrev: Int32Array, asNext: Int32Array): number {
  if (forms.used + 3 * NL > forms.rows.length) {
    const grown = new Int32Array(forms.rows.length * 2);
    grown.set(forms.rows);
    forms.rows = grown;
  }
  const at = forms.used;
  forms.rows.set(own, at);
  forms.rows.set(asPrev, at + NL);
  forms.rows.set(asNext, at + 2 * NL);
  forms.used += 3 * NL;
  return at;
}

/** Forgets every form (the cache is full, or the model changed); only between sentences, never inside one. */
function resetForms(): void {
  recCache.clear();
  forms.used = 0;
  edges = null;
}

/** The offset of a row in the model's packed rows, or -1 for none. */
function at(row: Row | undefined): number {
  return row ? offsetOf(row) : -1;
}

/** `into += packed[o .. o + NL)` (nothing for -1). */
function addAt(into: Int32Array, packed: Int32Array, o: number): void {
  if (o >= 0) for (let k = 0; k < NL; k++) into[k]! += packed[o + k]!;
}
const lexicalCache = new Map<string, Float32Array>();
const wordOnlyCache = new Map<string, Float32Array>();
let edges: { bos: WordRec; eos: WordRec } | null = null;
let tagTables: TagTables | null = null;
onModelChange(() => {
  resetForms();
  shapeCache.clear();
  lexicalCache.clear();
  wordOnlyCache.clear();
  edges = null;
  tagTables = null;
});

function sumRows(rows: (Row | undefined)[]): Int32Array {
  const v = new Int32Array(NL);
  for (const r of rows) addRow(v, r);
  return v;
}

/** The rows of wordFeatures(w), in its order, looked up by template and value. */
function ownRow(T: Tables, w: string, lw: string): Int32Array {
  const rows = [rowOf(T, 'b', ''), rowOf(T, 'w', w), rowOf(T, 'l', lw), rowOf(T, 's', shapeOf(w))];
  if (lw.length > 3) rows.push(rowOf(T, 'x3', lw.slice(-3)), rowOf(T, 'p3', lw.slice(0, 3)));
  if (lw.length > 4) rows.push(rowOf(T, 'x4', lw.slice(-4)));
  if (lw.length > 1) rows.push(rowOf(T, 'x2', lw.slice(-2)));
  if (w.indexOf('-') > 0) {
    const parts = w.split('-');
    rows.push(rowOf(T, 'h1', parts[0]!.toLowerCase()), rowOf(T, 'hl', parts[parts.length - 1]!.toLowerCase()));
  }
  const g = gazetteerFlags(w, lw);
  if (g) rows.push(rowOf(T, 'g', g));
  rows.push(rowOf(T, 'c', clusterOf(w)), rowOf(T, 'f', fineClusterOf(w)));
  return sumRows(rows);
}

/** What a word's shape brings, shared by every form of that shape (there are few shapes). */
interface ShapeRec {
  asPrev: Row | undefined;
  asNext: Row | undefined;
  pn: Map<string, Row>;
  tw: readonly (Row | undefined)[];
}
const shapeCache = new Map<string, ShapeRec>();

function shapeRec(T: Tables, shape: string): ShapeRec {
  let r = shapeCache.get(shape);
  if (!r) {
    r = { asPrev: rowOf(T, 'ps', shape), asNext: rowOf(T, 'ns', shape), pn: pairRows(T, 'pn', shape), tw: LABELS.map((pl) => pairRows(T, 'tw', pl).get(shape)) };
    shapeCache.set(shape, r);
  }
  return r;
}

/** A record for a word form; `edge` for the sentence edges "<s>" / "</s>" (no own features, their own class). */
function makeRec(T: Tables, word: string, lower: string, shape: string, edge: boolean): WordRec {
  const cls = edge ? lower : clusterOf(word);
  const sr = shapeRec(T, shape);
  return {
    lower,
    shape,
    at: storeForm(edge ? new Int32Array(NL) : ownRow(T, word, lower), sumRows([rowOf(T, 'p1', lower), sr.asPrev, rowOf(T, 'pc', cls)]), sumRows([rowOf(T, 'n1', lower), sr.asNext, rowOf(T, 'nc', cls)])),
    asPrev2: at(rowOf(T, 'p2', lower)),
    asNext2: at(rowOf(T, 'n2', lower)),
    asCaps: at(rowOf(T, 'cw', lower)),
    asAp: at(rowOf(T, 'ap', lower)),
    asAn: at(rowOf(T, 'an', lower)),
    wn: pairRows(T, 'wn', lower),
    pw: pairRows(T, 'pw', lower),
    pn: sr.pn,
    tw: sr.tw,
    capitalised: isCapitalised(word),
    letter: /[A-Za-z]/.test(word),
    capsWord: isAllCaps(word) || (word.length === 1 && word >= 'A' && word <= 'Z'),
  };
}

function rec(T: Tables, word: string): WordRec {
  let r = recCache.get(word);
  if (!r) {
    r = makeRec(T, word, word.toLowerCase(), shapeOf(word), false);
    recCache.set(word, r);
  }
  return r;
}

/** A form's own row (a view: read it before the next form is made). */
function ownOf(r: WordRec): Int32Array {
  return forms.rows.subarray(r.at, r.at + NL);
}

function getEdges(T: Tables): { bos: WordRec; eos: WordRec } {
  edges ??= { bos: makeRec(T, '', '<s>', shapeOf('<s>'), true), eos: makeRec(T, '', '</s>', shapeOf('</s>'), true) };
  return edges;
}

/** Tag-feature rows by label index: t and t2 summed by (label before last, last label); d by evidence bits. */
interface TagTables {
  /** t=<prev> + t2=<prev2>|<prev>, at prev2 * NL + prev */
  TT: Int32Array[];
  /** d=<L?><T?><0?>, indexed by L*4 + T*2 + first */
  D: (Row | undefined)[];
  FIRST: Row | undefined;
  CAPS: Row | undefined;
  /** the model's packed rows (Tables.packed) */
  packed: Int32Array;
}

function getTagTables(T: Tables): TagTables {
  if (tagTables) return tagTables;
  const TT: Int32Array[] = [];
  for (let a = 0; a < NL; a++) {
    for (let b = 0; b < NL; b++) TT[a * NL + b] = sumRows([rowOf(T, 't', LABELS[b]!), pairRows(T, 't2', LABELS[a]!).get(LABELS[b]!)]);
  }
  const D: (Row | undefined)[] = [];
  for (let k = 0; k < 8; k++) D[k] = rowOf(T, 'd', (k & 4 ? 'L' : '') + (k & 2 ? 'T' : '') + (k & 1 ? '0' : ''));
  tagTables = { TT, D, FIRST: rowOf(T, 'first', ''), CAPS: rowOf(T, 'caps', ''), packed: T.packed };
  return tagTables;
}

/**
 * The label-independent score of token i (everything but the previous tags), added into `s`: the sum of the
 * rows of contextFeatures(words, i, doc, caps) and wordFeatures(words[i]).
 */
function baseScores(s: Int32Array, recs: readonly WordRec[], i: number, doc: DocEvidence | null, caps: boolean, E: { bos: WordRec; eos: WordRec }, G: TagTables): void {
  const n = recs.length;
  const r = recs[i]!;
  const p1 = i > 0 ? recs[i - 1]! : E.bos;
  const p2 = i > 1 ? recs[i - 2]! : E.bos;
  const n1 = i + 1 < n ? recs[i + 1]! : E.eos;
  const n2 = i + 2 < n ? recs[i + 2]! : E.eos;
  const F = forms.rows;
  const a = r.at;
  const b = p1.at + NL;
  const c = n1.at + 2 * NL;
  for (let k = 0; k < NL; k++) s[k] = F[a + k]! + F[b + k]! + F[c + k]!;
  const M = G.packed;
  addAt(s, M, p2.asPrev2);
  addAt(s, M, n2.asNext2);
  if (p1.pn.size > 0) addRow(s, p1.pn.get(n1.shape));
  if (r.wn.size > 0) addRow(s, r.wn.get(n1.lower));
  if (p1.pw.size > 0) addRow(s, p1.pw.get(r.lower));
  if (i === 0) addRow(s, G.FIRST);
  if (caps) {
    addRow(s, G.CAPS);
    addAt(s, M, r.asCaps);
  }
  if (doc && r.capitalised) {
    const inLower = doc.lower.has(r.lower);
    const inTitle = doc.titleMid.has(r.lower);
    addRow(s, G.D[(inLower ? 4 : 0) + (inTitle ? 2 : 0) + (i === 0 ? 1 : 0)]);
    addRow(s, aroundRow(doc, r.lower));
  }
}

/** The summed rows of a form's aggregated context features (DocEvidence.around), made once per document. */
function aroundRow(doc: DocEvidence, lower: string): Int32Array | undefined {
  const a = doc.around.get(lower);
  if (!a) return undefined;
  if (!a.row) {
    // (the words are lower-case words of the article: their records, made now or for their own sentence,
    // hold these rows' offsets)
    const T = getTables();
    const M = T.packed;
    const v = new Int32Array(NL);
    for (const x of a.before) addAt(v, M, rec(T, x).asAp);
    for (const x of a.after) addAt(v, M, rec(T, x).asAn);
    a.row = v;
  }
  return a.row;
}

function sentenceRecs(T: Tables, words: readonly string[]): { recs: WordRec[]; caps: boolean } {
  const n = words.length;
  if (recCache.size >= MAX_CACHE) resetForms();
  const recs: WordRec[] = new Array(n);
  // isAllCapsSentence(words), from the per-form flags
  let capsWords = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const r = (recs[i] = rec(T, words[i]!));
    if (r.letter) {
      letters++;
      if (r.capsWord) capsWords++;
    }
  }
  return { recs, caps: letters >= 2 && capsWords * 4 >= letters * 3 };
}

/** Tags one sentence (normalised word forms). */
export function tagSentence(words: readonly string[], doc: DocEvidence | null): TokenSpan[] {
  const T = getTables();
  const G = getTagTables(T);
  const n = words.length;
  const { recs, caps } = sentenceRecs(T, words);
  const E = getEdges(T); // after the sentence's forms: making them may have started the forms afresh
  const base = new Int32Array(NL);
  const scores = new Int32Array(NL);
  const out: TokenSpan[] = [];
  let prev = 0;
  let prev2 = 0;
  let spanStart = -1;
  let spanType: NerType = 'PER';
  let spanMargin = Infinity;
  for (let i = 0; i < n; i++) {
    baseScores(base, recs, i, doc, caps, E, G);
    const tt = G.TT[prev2 * NL + prev]!;
    for (let k = 0; k < NL; k++) scores[k] = base[k]! + tt[k]!;
    addRow(scores, recs[i]!.tw[prev]);
    const row = prev * NL;
    let best = -1;
    for (let k = 0; k < NL; k++) if (ALLOWED[row + k] && (best < 0 || scores[k]! > scores[best]!)) best = k;
    let second = -Infinity;
    for (let k = 0; k < NL; k++) if (k !== best && ALLOWED[row + k] && scores[k]! > second) second = scores[k]!;
    const margin = (scores[best]! - second) / T.scale;
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

/**
 * What the training data says about a word form by itself: the weights of its identity features (`w=`,
 * `l=`) and its word-list flags (`g=`), by label index. All zeros for a word the recogniser never saw. Used as
 * a prior where the sentence gives the recogniser misleading context ("Oslo rejected the offer": a capital
 * standing for its government is still a place).
 */
export function lexicalScores(w: string): Float32Array {
  let v = lexicalCache.get(w);
  if (v) return v;
  const T = getTables();
  const lw = w.toLowerCase();
  // identity, plus the word-list flags that share what identity alone used to carry ("Nick" is a first name)
  const g = gazetteerFlags(w, lw);
  v = inScoreUnits(T, sumRows([rowOf(T, 'w', w), rowOf(T, 'l', lw), g ? rowOf(T, 'g', g) : undefined]));
  if (lexicalCache.size >= MAX_CACHE) lexicalCache.clear();
  lexicalCache.set(w, v);
  return v;
}

function inScoreUnits(T: Tables, row: Int32Array): Float32Array {
  return Float32Array.from(row, (x) => x / T.scale);
}

/** Scores of all the word-only features of a form (identity, affixes, shape, word lists, class), by label index. */
export function wordOnlyScores(w: string): Float32Array {
  let v = wordOnlyCache.get(w);
  if (!v) {
    const T = getTables();
    v = inScoreUnits(T, ownOf(rec(T, w)));
    if (wordOnlyCache.size >= MAX_CACHE) wordOnlyCache.clear();
    wordOnlyCache.set(w, v);
  }
  return v;
}

/** The trainer's sum of the weights of the given feature strings, into `into` (the reference scorers). */
function sumReference<A extends Float32Array | Float64Array>(features: readonly string[], into: A): A {
  const W = getWeights();
  for (const f of features) {
    const x = W.get(f);
    if (x) for (let k = 0; k < NL; k++) into[k]! += x[k]!;
  }
  return into;
}

/** Reference for the word-only scores (feature strings, as in training). */
export function wordScoresReference(w: string): Float32Array {
  return sumReference(wordFeatures(w), new Float32Array(NL));
}

/** Reference implementation of the context scores (string features, as in training). */
export function contextScoresReference(words: readonly string[], i: number, doc: DocEvidence | null): Float64Array {
  return sumReference(contextFeatures(words, i, doc, isAllCapsSentence(words)), new Float64Array(NL));
}

/** The tagger's context scores of token i, in score units (its base scores less the word's own features). */
export function contextScoresFast(words: readonly string[], i: number, doc: DocEvidence | null): Float64Array {
  const T = getTables();
  const { recs, caps } = sentenceRecs(T, words);
  const s = new Int32Array(NL);
  baseScores(s, recs, i, doc, caps, getEdges(T), getTagTables(T));
  const own = ownOf(recs[i]!);
  return Float64Array.from(s, (x, k) => (x - own[k]!) / T.scale);
}
