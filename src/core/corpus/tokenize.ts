/**
 * Word normalisation for the corpus index. Two flavours:
 * - `contentTokens`: for near-duplicate detection. Lower-cased, accents folded, British spellings mapped to
 *   American (favour/favor, normalising/normalizing), a light suffix stemmer, and function words dropped, so
 *   two reports of the same statement with small edits or a different translation share most of their tokens.
 * - `searchTokens`: for the search prefilter. Lower-cased and accent-folded only (fuse.js does the fuzzy part).
 */

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** English function words and reporting words that say nothing about what a statement is about. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are aren as at be because been before being below ' +
    'between both but by can cannot could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor ' +
    'not now of off on once only or other ought our ours ourselves out over own same she should so some such than that ' +
    'the their theirs them themselves then there these they this those through to too under until up upon very was we ' +
    'were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say saying told tell according mr mrs ms dr one two us yet still even much many may might must shall ' +
    'however also already though although whether'
  ).split(' '),
);

/** Folds accents and case: `Élysée` → `elysee`, curly apostrophes → straight. */
export function foldWord(word: string): string {
  let w = word.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/’/g, "'");
  return w;
}

const OUR_EXCEPTIONS = new Set(['your', 'four', 'hour', 'pour', 'tour', 'sour', 'flour', 'devour', 'contour', 'detour', 'amour']);

/** Maps a folded word to its normal form for near-duplicate matching (spelling variants, light stemming). */
export function normalizeContent(folded: string): string {
  let w = folded;
  const apos = w.indexOf("'");
  if (apos >= 0) w = w.slice(0, apos); // possessives and contractions: putin's → putin, didn't → didn
  if (w.length > 5 && w.endsWith('our') && !OUR_EXCEPTIONS.has(w)) w = w.slice(0, -3) + 'or';
  else if (w.length > 6 && w.endsWith('ours') && !OUR_EXCEPTIONS.has(w.slice(0, -1))) w = w.slice(0, -4) + 'ors';
  w = w.replace(/^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2');
  w = w.replace(/^(\w{3,})yse(s|d)?$/, '$1yze$2');
  // Light stemmer: enough to equate inflections of the same word on both sides.
  if (w.length > 5 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function isStopword(folded: string): boolean {
  return STOPWORDS.has(folded);
}

/** A token with its span in the source text. */
export interface Token {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/** Content tokens (normalised, stopwords removed) of `text.slice(from, to)`, with offsets into `text`. */
export function contentTokens(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) {
    const term = contentTerm(m[0]);
    if (term !== '') out.push({ term, start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/** Word as written → its content term ('' for a function word); words repeat, so the answers are kept. */
const termMemo = new Map<string, string>();

function contentTerm(word: string): string {
  let term = termMemo.get(word);
  if (term !== undefined) return term;
  const folded = foldWord(word);
  const apos = folded.indexOf("'");
  if (STOPWORDS.has(folded) || (apos >= 0 && STOPWORDS.has(folded.slice(0, apos)))) term = '';
  else {
    term = normalizeContent(folded);
    if (term.length < 2 && !/\d/.test(term)) term = '';
  }
  // (Longer words may be slices holding on to the whole text they came from: not kept.)
  if (word.length <= 12) {
    if (termMemo.size >= 100_000) termMemo.clear();
    termMemo.set(word, term);
  }
  return term;
}

/** Folded words of a text, for the search prefilter; stopwords are kept (fuse.js scores the match). */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const folded = foldWord(m[0]);
    const apos = folded.indexOf("'");
    out.push(apos > 0 ? folded.slice(0, apos) : folded);
  }
  return out;
}

/** 32-bit FNV-1a of a string. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(a: number, b: number, tag: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + tag, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/**
 * Word shingles of a token sequence: adjacent pairs and skip-one pairs, hashed alike (so one substituted,
 * inserted or dropped word leaves most shingles intact), to 32 bits, sorted and de-duplicated. Sequences of one token give that
 * token's hash.
 */
export function shingles(terms: readonly string[]): Uint32Array {
  return sortedUnique(pairKeys(terms, 0));
}

/** The (unsorted) shingles of `terms`, with `extra` free slots left at the end of the array. */
function pairKeys(terms: readonly string[], extra: number): Uint32Array {
  const n = terms.length;
  if (n === 0) return new Uint32Array(extra);
  const h = terms.map((t) => hashString(t));
  if (n === 1) {
    const one = new Uint32Array(1 + extra);
    one[0] = h[0]!;
    return one.subarray(0, 1 + extra);
  }
  const out = new Uint32Array(Math.max(1, 2 * n - 3) + extra);
  let k = 0;
  for (let i = 0; i + 1 < n; i++) {
    out[k++] = mix(h[i]!, h[i + 1]!, 1);
    // The same hash as an adjacent pair: dropping the word between makes the skip pair adjacent, and it
    // must still match (and inserting one makes an adjacent pair a skip pair).
    if (i + 2 < n) out[k++] = mix(h[i]!, h[i + 2]!, 1);
  }
  return out.subarray(0, k + extra);
}

/**
 * Key of one content word in the shingle table (mixed with a tag of its own, so it never stands for a word
 * pair): its postings are the passages holding the word, and their count the word's passage frequency.
 */
export function termKey(term: string): number {
  return mix(hashString(term), 0x2545f491, 2);
}

/** What a passage posts in the shingle table: its word-pair shingles and a key per distinct content word. */
export function passageKeys(terms: readonly string[]): Uint32Array {
  const out = pairKeys(terms, terms.length);
  const k = out.length - terms.length;
  for (let i = 0; i < terms.length; i++) out[k + i] = termKey(terms[i]!);
  return sortedUnique(out);
}

/**
 * Every word of `text.slice(from, to)`, function words included, folded and normalised like content words
 * (`contentTokens`): for comparing short quotations word for word.
 */
export function allWords(text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) out.push(normalizeContent(foldWord(m[0])));
  return out;
}

export function sortedUnique(a: Uint32Array): Uint32Array {
  const s = a.slice().sort();
  let k = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[k - 1]) s[k++] = s[i]!;
  return s.subarray(0, k);
}

/** Size of the intersection of two sorted, de-duplicated arrays. */
export function intersectSize(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
