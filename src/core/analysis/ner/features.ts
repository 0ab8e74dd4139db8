/**
 * Features of the named-entity recogniser, shared by the trainer (scripts/train-ner.ts) and the runtime
 * (./perceptron.ts) so they cannot drift apart. Features come in three groups:
 *  - word features: depend only on the token's own form, so the runtime caches their summed scores per form;
 *  - context features: neighbouring words and shapes, position, document-level case evidence;
 *  - tag features: the previous predicted tags (greedy left-to-right decoding).
 */
import { gazetteerFlags } from './gazetteer';
import { clusterOf, fineClusterOf } from './clusters';

/** Normalises typographic variants so the news text looks like the Reuters training text. */
export function normWord(w: string): string {
  let out = w;
  if (out.indexOf('\u2019') >= 0 || out.indexOf('\u2018') >= 0) out = out.replace(/[\u2018\u2019]/g, "'");
  if (out.indexOf('\u201c') >= 0 || out.indexOf('\u201d') >= 0) out = out.replace(/[\u201c\u201d]/g, '"');
  if (out === '\u2014' || out === '\u2013') return '-';
  return out;
}

/** Word shape: Xxxx → "Xx", "USA" → "X", "1996" → "d", "U.S." → "X.X.", with runs collapsed. */
export function shapeOf(w: string): string {
  let s = '';
  let last = '';
  for (let i = 0; i < w.length && s.length < 8; i++) {
    const ch = w[i]!;
    let k: string;
    if (ch >= '0' && ch <= '9') k = 'd';
    else if (ch >= 'a' && ch <= 'z') k = 'x';
    else if (ch >= 'A' && ch <= 'Z') k = 'X';
    else if (ch.toLowerCase() !== ch) k = 'X';
    else if (ch.toUpperCase() !== ch) k = 'x';
    else k = ch;
    if (k !== last) s += k;
    last = k;
  }
  return s;
}

export function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  // ASCII: only A-Z changes when lower-cased (and no allocation for the common case)
  if (c < 128) return c >= 65 && c <= 90;
  const ch = w.charAt(0);
  return ch.toLowerCase() !== ch;
}

/** A capitalised word: a capital, then letters, apostrophes, dots or hyphens ("Kelmsby", "O'Neill", "U.S."). */
export function isCapWord(w: string | undefined): boolean {
  return !!w && /^\p{Lu}[\p{Ll}\p{Lu}'’.-]*$/u.test(w);
}

export function isAllCaps(w: string): boolean {
  if (w.length <= 1) return false;
  // ASCII fast path, the same answer as the general one below: upper-casing changes nothing iff there is
  // no a-z, lower-casing changes something iff there is an A-Z.
  let upper = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return w.toUpperCase() === w && w.toLowerCase() !== w;
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** Features of a word form alone (cacheable per form). */
export function wordFeatures(w: string): string[] {
  const lw = w.toLowerCase();
  const shape = shapeOf(w);
  const f = ['b', 'w=' + w, 'l=' + lw, 's=' + shape];
  if (lw.length > 3) {
    f.push('x3=' + lw.slice(-3), 'p3=' + lw.slice(0, 3));
  }
  if (lw.length > 4) f.push('x4=' + lw.slice(-4));
  if (lw.length > 1) f.push('x2=' + lw.slice(-2));
  if (w.indexOf('-') > 0) {
    const parts = w.split('-');
    f.push('h1=' + parts[0]!.toLowerCase(), 'hl=' + parts[parts.length - 1]!.toLowerCase());
  }
  const g = gazetteerFlags(w, lw);
  if (g) f.push('g=' + g);
  f.push('c=' + clusterOf(w), 'f=' + fineClusterOf(w));
  return f;
}

/** Per-document case evidence: which lower-cased forms appear in lower case, and in title case mid-sentence. */
export interface DocEvidence {
  readonly lower: Set<string>;
  readonly titleMid: Set<string>;
  /**
   * Context aggregation over the document: for a capitalised form (by its lower case), the lower-case words
   * seen right before and right after any of its occurrences (the `ap=` and `an=` features). What one mention's
   * context says ("the Caloi company") reaches every mention of the same word.
   */
  readonly around: Map<string, AroundWords>;
}

export interface AroundWords {
  readonly before: string[];
  readonly after: string[];
  /** the runtime's summed rows of these features, made the first time a token of the form is scored */
  row?: Int32Array | undefined;
}

/** At most this many aggregated words per form, both sides together (the first ones met). */
const MAX_AROUND = 12;

/** A word starting with an ASCII lower-case letter (what the document's lower-case evidence counts). */
function isLowerWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122;
}

function addAround(a: AroundWords, list: string[], w: string | undefined): void {
  if (w !== undefined && isLowerWord(w) && a.before.length + a.after.length < MAX_AROUND && !list.includes(w)) list.push(w);
}

export function docEvidence(sentences: readonly (readonly string[])[]): DocEvidence {
  const lower = new Set<string>();
  const titleMid = new Set<string>();
  const around = new Map<string, AroundWords>();
  for (const s of sentences) {
    let capsCount = 0;
    for (const w of s) if (isAllCaps(w)) capsCount++;
    const headline = capsCount * 2 > s.length;
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      if (isLowerWord(w)) {
        lower.add(w);
        continue;
      }
      if (headline || !isCapitalised(w)) continue;
      const lw = w.toLowerCase();
      if (i > 0 && !isAllCaps(w)) {
        const p = s[i - 1]!;
        if (p !== '"' && p !== '.' && p !== ':' && p !== '(') titleMid.add(lw);
      }
      let a = around.get(lw);
      if (!a) around.set(lw, (a = { before: [], after: [], row: undefined }));
      addAround(a, a.before, s[i - 1]);
      addAround(a, a.after, s[i + 1]);
    }
  }
  return { lower, titleMid, around };
}

/** Context features of token i (everything but the word's own form and the previous tags). */
export function contextFeatures(s: readonly string[], i: number, doc: DocEvidence | null, allCapsSentence: boolean): string[] {
  const w = s[i]!;
  const p1 = i > 0 ? s[i - 1]! : '<s>';
  const p2 = i > 1 ? s[i - 2]! : '<s>';
  const n1 = i + 1 < s.length ? s[i + 1]! : '</s>';
  const n2 = i + 2 < s.length ? s[i + 2]! : '</s>';
  const lp1 = p1.toLowerCase();
  const ln1 = n1.toLowerCase();
  const f = [
    'p1=' + lp1,
    'n1=' + ln1,
    'p2=' + p2.toLowerCase(),
    'n2=' + n2.toLowerCase(),
    'ps=' + shapeOf(p1),
    'ns=' + shapeOf(n1),
    'pn=' + shapeOf(p1) + '|' + shapeOf(n1),
    'wn=' + w.toLowerCase() + '|' + ln1,
    'pw=' + lp1 + '|' + w.toLowerCase(),
    'pc=' + clusterOf(p1),
    'nc=' + clusterOf(n1),
  ];
  if (i === 0) f.push('first');
  if (allCapsSentence) f.push('caps', 'cw=' + w.toLowerCase());
  if (doc && isCapitalised(w)) {
    const lw = w.toLowerCase();
    const inLower = doc.lower.has(lw);
    const inTitle = doc.titleMid.has(lw);
    f.push('d=' + (inLower ? 'L' : '') + (inTitle ? 'T' : '') + (i === 0 ? '0' : ''));
    const a = doc.around.get(lw);
    if (a) for (const x of a.before) f.push('ap=' + x);
    if (a) for (const x of a.after) f.push('an=' + x);
  }
  return f;
}

export function isAllCapsSentence(s: readonly string[]): boolean {
  let caps = 0;
  let letters = 0;
  for (const w of s) {
    if (/[A-Za-z]/.test(w)) {
      letters++;
      if (isAllCaps(w) || (w.length === 1 && w >= 'A' && w <= 'Z')) caps++;
    }
  }
  return letters >= 2 && caps * 4 >= letters * 3;
}

/** Features that depend on the previously predicted tags. */
export function tagFeatures(prev: string, prev2: string, w: string): string[] {
  return ['t=' + prev, 't2=' + prev2 + '|' + prev, 'tw=' + prev + '|' + shapeOf(w)];
}

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];

/** May label `to` follow label `from`? (An I- tag only continues its own type.) */
export function allowed(from: number, to: number): boolean {
  const t = LABELS[to]!;
  if (t.startsWith('I-')) {
    const f = LABELS[from] ?? 'O';
    return f !== 'O' && f.slice(2) === t.slice(2);
  }
  return true;
}
