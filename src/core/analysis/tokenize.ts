/**
 * Word tokenisation with offsets, close to the CoNLL-2003 / Penn conventions the recogniser was trained on:
 * punctuation split off, possessive `'s` split off, abbreviations (`U.S.`, `Corp.`, `Mr.`) kept whole,
 * hyphenated words kept whole. One linear pass; no backtracking regexes.
 */

export interface Token {
  /** The token as written. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Abbreviations that keep their period only when capitalised (US states, titles): "Wash." but "wash." ends a sentence. */
const CAP_ABBREV = new Set(['del', 'ald', 'assem', 'atty', 'calif', 'fla', 'mass', 'wis', 'nev', 'ariz', 'colo', 'conn', 'ill', 'ind', 'kan', 'mich', 'minn', 'miss', 'neb', 'okla', 'ore', 'penn', 'tenn', 'wash', 'va', 'wyo', 'ala', 'ark', 'ga', 'ky', 'la', 'md', 'mo', 'mont', 'pa', 'vt', 'wis', 'tex', 'ida', 'nh', 'nj', 'nm', 'ny', 'nc', 'nd', 'sc', 'sd']);

const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj',
  'jr', 'sr', 'co', 'corp', 'inc', 'ltd', 'plc', 'bros', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mt', 'ft', 'no', 'vs', 'v', 'etc', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'messrs', 'mme',
  'ave', 'blvd', 'rd', 'dept', 'univ', 'assn', 'fig', 'approx', 'est', 'pp', 'vol', 'ed', 'cf', 'al',
]);

function isWordChar(c: number): boolean {
  // ASCII letters/digits fast path, then any letter/mark/number above 0x7f.
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0x2019 || c === 0x2018 || c === 0x201c || c === 0x201d || c === 0x2014 || c === 0x2013 || c === 0x2026) return false;
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation and spaces
  if (c === 0xa0 || c === 0xfeff || c === 0xfffd) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates (emoji etc.): treat as symbols
  return /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(c));
}

const wordCharCache = new Uint8Array(65536); // 0 unknown, 1 word, 2 not
function wordChar(c: number): boolean {
  let v = wordCharCache[c]!;
  if (v === 0) {
    v = isWordChar(c) ? 1 : 2;
    wordCharCache[c] = v;
  }
  return v === 1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xa0 || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x2002 || c === 0x2003 || c === 0xfeff || c === 0x200b;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * Tokenises `text` between `from` and `to` (defaults: the whole text). Tokens never cross `to`.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (!wordChar(c)) {
      // Possessive / contraction clitic starting with an apostrophe: 's, 'S, 're, 've, 'll, 'd, 'm
      if (isApostrophe(c) && i + 1 < to && out.length > 0 && out[out.length - 1]!.end === i) {
        let j = i + 1;
        while (j < to && j - i <= 3 && wordChar(text.charCodeAt(j))) j++;
        const clitic = text.slice(i + 1, j).toLowerCase();
        if ((clitic === 's' || clitic === 're' || clitic === 've' || clitic === 'll' || clitic === 'd' || clitic === 'm') && (j >= to || !wordChar(text.charCodeAt(j)))) {
          out.push({ text: text.slice(i, j), start: i, end: j });
          i = j;
          continue;
        }
      }
      // Runs of the same punctuation (--, ..., '') form one token.
      let j = i + 1;
      if (c === 46 || c === 45 || c === 39 || c === 96) while (j < to && text.charCodeAt(j) === c) j++;
      out.push({ text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    // A word: letters/digits, with inner connectors (- & . , ' / : ) followed by more word chars.
    let j = i + 1;
    let hasInnerDot = false;
    for (;;) {
      while (j < to && wordChar(text.charCodeAt(j))) j++;
      if (j + 1 < to) {
        const d = text.charCodeAt(j);
        const n = text.charCodeAt(j + 1);
        if (wordChar(n)) {
          if (d === 45 || d === 38 || d === 47) {
            j++;
            continue;
          }
          if (d === 46) {
            hasInnerDot = true;
            j++;
            continue;
          }
          // digits with thousands separators / decimal: 1,000 and 10:30
          if ((d === 44 || d === 58) && isDigit(text.charCodeAt(j - 1)) && isDigit(n)) {
            j++;
            continue;
          }
          if (isApostrophe(d)) {
            // O'Neill, don't (n't split below), but not clitics 's 'm 're 've 'll 'd (split off as tokens)
            let k = j + 1;
            while (k < to && k - j <= 3 && wordChar(text.charCodeAt(k))) k++;
            const cl = text.slice(j + 1, k).toLowerCase();
            const rest = (k >= to || !wordChar(text.charCodeAt(k))) && (cl === 's' || cl === 'm' || cl === 're' || cl === 've' || cl === 'll' || cl === 'd');
            if (!rest) {
              // n't: split "don't" -> "do" "n't"
              if ((n === 116 || n === 84) && (text.charCodeAt(j - 1) === 110 || text.charCodeAt(j - 1) === 78) && (j + 2 >= to || !wordChar(text.charCodeAt(j + 2)))) {
                break;
              }
              j++;
              continue;
            }
          }
        }
      }
      break;
    }
    // n't split
    if (j + 2 < to + 1 && isApostrophe(text.charCodeAt(j)) && (text.charCodeAt(j + 1) === 116 || text.charCodeAt(j + 1) === 84) && j - 1 > i && (text.charCodeAt(j - 1) === 110 || text.charCodeAt(j - 1) === 78)) {
      out.push({ text: text.slice(i, j - 1), start: i, end: j - 1 });
      out.push({ text: text.slice(j - 1, j + 2), start: j - 1, end: j + 2 });
      i = j + 2;
      continue;
    }
    // Trailing period for abbreviations: U.S. / Corp. / Mr.
    if (j < to && text.charCodeAt(j) === 46) {
      const whole = text.slice(i, j);
      const w = whole.slice(whole.lastIndexOf('-') + 1);
      const isInitial = w.length === 1 && isUpper(w.charCodeAt(0));
      if (hasInnerDot || isInitial || ABBREV.has(w.toLowerCase()) || (isUpper(w.charCodeAt(0)) && CAP_ABBREV.has(w.toLowerCase()))) {
        // keep the dot unless it's clearly the end of a sentence after an inner-dot acronym at line end
        j++;
      }
    }
    out.push({ text: text.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c));
}
