/**
 * The named-entity recogniser's weights (./model.json, written by `npm run train-ner`), loaded two ways:
 *  - `getWeights()`: every feature string → its scores by label (the trainer's view, used by the reference
 *    scorers in ./perceptron.ts and the tests);
 *  - `getTables()`: the same weights as whole numbers (the file stores them scaled by `scale`), indexed by
 *    template and value, so the tagger sums integers exactly, in any order, and never builds a feature string.
 */
import modelJson from './model.json';
import { LABELS } from './features';

const NL = LABELS.length;

export interface ModelFile {
  format: string;
  labels: readonly string[];
  scale: number;
  features: Record<string, string>;
}

/** Scores of one feature by label index, in the file's whole-number units. */
export type Row = Int32Array;

export interface Tables {
  /** one-value templates: template → value → row (`b`, `first`, `caps` have the value "") */
  single: Map<string, Map<string, Row>>;
  /** two-value templates (`pn`, `wn`, `pw`, `t2`, `tw`): template → first value → second value → row */
  pair: Map<string, Map<string, Map<string, Row>>>;
  /** divide a sum of rows by this to get the trainer's score units */
  scale: number;
  /** every row above, one after another: a row is a view of NL numbers at `offsetOf(row)` here */
  packed: Int32Array;
}

/** Where a row of the tables starts in `packed`. */
export function offsetOf(row: Row): number {
  return row.byteOffset >> 2;
}

const PAIR_TEMPLATES = new Set(['pn', 'wn', 'pw', 't2', 'tw']);

let modelFile: ModelFile = modelJson as unknown as ModelFile;
let weights: Map<string, Float32Array> | null = null;
let tables: Tables | null = null;
const resets: (() => void)[] = [];

/** Registers a cache built from the weights, cleared whenever the model changes. */
export function onModelChange(reset: () => void): void {
  resets.push(reset);
}

/**
 * Tools only (the trainer's ablation and cross-validation): run the analysis with another model file, or
 * with the shipped one again (`null`). Clears every cache built from the weights.
 */
export function useModel(model: ModelFile | null): void {
  modelFile = model ?? (modelJson as unknown as ModelFile);
  weights = null;
  tables = null;
  for (const r of resets) r();
}

function checkFormat(m: ModelFile): void {
  if (m.format !== 'news-annotator-ner/1' || m.labels.join() !== LABELS.join()) throw new Error('NER model file has an unexpected format');
}

/** One feature's scores as the file writes them ("0:1964,1:-1798,…": label index, whole number), into `row`. */
function parseRow(spec: string, row: Row = new Int32Array(NL)): Row {
  for (const part of spec.split(',')) {
    const c = part.indexOf(':');
    row[Number(part.slice(0, c))] = Number(part.slice(c + 1));
  }
  return row;
}

/** All weights by feature string, in score units (the trainer's view); the reference the tables must agree with. */
export function getWeights(): Map<string, Float32Array> {
  if (weights) return weights;
  const m = modelFile;
  checkFormat(m);
  const w = new Map<string, Float32Array>();
  for (const f of Object.keys(m.features)) w.set(f, Float32Array.from(parseRow(m.features[f]!), (x) => x / m.scale));
  weights = w;
  return w;
}

/** The weights as whole-number rows by template and value (see Tables). */
export function getTables(): Tables {
  if (tables) return tables;
  const m = modelFile;
  checkFormat(m);
  const single = new Map<string, Map<string, Row>>();
  const pair = new Map<string, Map<string, Map<string, Row>>>();
  const names = Object.keys(m.features);
  const packed = new Int32Array(names.length * NL);
  let at = 0;
  for (const f of names) {
    const row = parseRow(m.features[f]!, packed.subarray(at, at + NL));
    at += NL;
    const eq = f.indexOf('=');
    const tmpl = eq < 0 ? f : f.slice(0, eq);
    const value = eq < 0 ? '' : f.slice(eq + 1);
    if (PAIR_TEMPLATES.has(tmpl)) {
      const bar = value.indexOf('|');
      if (bar < 0) continue;
      const a = value.slice(0, bar);
      let m1 = pair.get(tmpl);
      if (!m1) pair.set(tmpl, (m1 = new Map()));
      let m2 = m1.get(a);
      if (!m2) m1.set(a, (m2 = new Map()));
      m2.set(value.slice(bar + 1), row);
    } else {
      let m1 = single.get(tmpl);
      if (!m1) single.set(tmpl, (m1 = new Map()));
      m1.set(value, row);
    }
  }
  tables = { single, pair, scale: m.scale, packed };
  return tables;
}

const NO_ROWS = new Map<string, Row>();
const NO_PAIRS = new Map<string, Map<string, Row>>();

/** The row of a one-value feature, or undefined when the model has none. */
export function rowOf(t: Tables, tmpl: string, value: string): Row | undefined {
  return (t.single.get(tmpl) ?? NO_ROWS).get(value);
}

/** Every row of a two-value template whose first value is `a`, by second value (an empty map when none). */
export function pairRows(t: Tables, tmpl: string, a: string): Map<string, Row> {
  return (t.pair.get(tmpl) ?? NO_PAIRS).get(a) ?? NO_ROWS;
}
