/**
 * Finding quotations. One left-to-right pass per passage with a little state carried across passages for
 * quotes that run over several paragraphs. Handles curly and straight double quotes, guillemets, single
 * quotes (curly ‘…’ anywhere outside a double quote; straight '…' in headlines and sub-heads), nested
 * quotes (kept inside the outer one), a new opening mark inside an open quote (a closing mark forgotten),
 * and unclosed quotes (closed at the end of their paragraph, never swallowing the rest of the file).
 * Never fooled by apostrophes (It’s, Russia’s), inch marks (12") or markup attributes (alt="").
 */
import type { Span } from './types';

export interface RawQuote extends Span {
  /** Index into the blocks array given to findQuotes. */
  readonly block: number;
  /** Quotes of one run (several paragraphs, or a forgotten closing mark) share a group number. */
  readonly group: number;
  /** True when the quote continues an earlier one of its group (no attribution of its own needed). */
  readonly continuation: boolean;
  readonly unclosed: boolean;
  /** Position of the opening mark and of the closing mark (or the end of the paragraph when unclosed). */
  readonly open: number;
  readonly close: number;
}

export interface QuoteBlock extends Span {
  /** Short headline-like blocks accept straight single quotes as quotation marks. */
  readonly headlineLike: boolean;
}

const enum Mark {
  None,
  Open,
  Close,
  Either,
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0xfeff || c === 0x3000;
}

/** Characters after which an opening mark may stand. */
function opensAfter(c: number): boolean {
  return isSpaceCode(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 58 || c === 0x2026;
}

function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0x2019 || c === 0x2018 || c === 0x201c || c === 0x201d) return false;
  if (c >= 0x2000 && c <= 0x206f) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

function classifyDouble(text: string, i: number, from: number, to: number): Mark {
  const c = text.charCodeAt(i);
  const prev = i > from ? text.charCodeAt(i - 1) : 32;
  const next = i + 1 < to ? text.charCodeAt(i + 1) : 32;
  const nextSpace = i + 1 >= to || isSpaceCode(next);
  if (prev === 61) return Mark.None; // markup attribute: alt=""
  // Right after another quotation mark (nested quotes: ,'" or "'): decided by what follows.
  if (prev === 0x201c || prev === 0x2018 || prev === 34 || prev === 39 || prev === 0x2019 || prev === 0x201d) {
    return nextSpace || !isLetterOrDigit(next) ? Mark.Close : Mark.Open;
  }
  const prevOpen = i === from || opensAfter(prev);
  if (c === 0x201c || c === 0xab || c === 0x201e) {
    if (!prevOpen && nextSpace) return Mark.Close; // misused ” written as “
    return Mark.Open;
  }
  if (c === 0x201d || c === 0xbb) {
    if (prevOpen && !nextSpace && i > from && isSpaceCode(prev)) return Mark.Open; // misused “ written as ”
    return Mark.Close;
  }
  // straight "
  if (prevOpen && !nextSpace) return Mark.Open;
  if (!prevOpen && (nextSpace || !isLetterOrDigit(next))) return Mark.Close;
  if (prevOpen && nextSpace) return Mark.None; // a lone mark between spaces
  return Mark.Either;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

function hasWord(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (isLetterOrDigit(text.charCodeAt(k))) return true;
  return false;
}

const MAX_SINGLE = 300;

/**
 * Looks for the closing single mark of a quote opened at i; -1 when none.
 * A closing mark has no space before it and no letter after it (so It’s and Russia’s never close).
 */
function findSingleClose(text: string, i: number, to: number, straight: boolean): number {
  const lim = Math.min(to, i + MAX_SINGLE);
  for (let j = i + 2; j < lim; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return -1;
    if (c === 0x201c || c === 0x201d || c === 34) return -1; // don't cross a double quote
    const isMark = straight ? c === 39 : c === 0x2019;
    if (!isMark) continue;
    const prev = text.charCodeAt(j - 1);
    const next = j + 1 < to ? text.charCodeAt(j + 1) : 32;
    if (isSpaceCode(prev)) continue;
    if (isLetterOrDigit(next)) continue;
    return j;
  }
  return -1;
}

/** Finds quotations in the given blocks (passages in document order; furniture already excluded). */
export function findQuotes(text: string, blocks: readonly QuoteBlock[]): RawQuote[] {
  const out: RawQuote[] = [];
  let group = 0;
  // A double quote left open at the end of the previous block, continued if this block starts with an opening mark.
  let carry: { group: number } | null = null;
  for (let b = 0; b < blocks.length; b++) {
    const blk = blocks[b]!;
    const from = blk.start;
    const to = blk.end;
    let openAt = -1; // position after the opening mark
    let openMark = -1;
    let openFamily = 0; // 1 curly/guillemet, 2 straight
    let curGroup = -1;
    let continuation = false;
    let nested = 0;
    let nestedOther = 0;
    let firstMark = true;
    const startQuote = (i: number, family: number, grp: number, cont: boolean) => {
      openAt = i + 1;
      openMark = i;
      openFamily = family;
      curGroup = grp;
      continuation = cont;
      nested = 0;
      nestedOther = 0;
    };
    const emit = (endPos: number, closePos: number, unclosed: boolean) => {
      const [s, e] = trimSpan(text, openAt, endPos);
      if (e > s && hasWord(text, s, e)) {
        out.push({ start: s, end: e, block: b, group: curGroup, continuation, unclosed, open: openMark, close: closePos });
      }
      openAt = -1;
    };
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const isDouble = c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e;
      if (isDouble) {
        const family = c === 34 ? 2 : 1;
        const mark = classifyDouble(text, i, from, to);
        if (mark === Mark.None) continue;
        if (openAt < 0) {
          if (mark === Mark.Open || mark === Mark.Either) {
            const cont = firstMark && carry !== null && i === from;
            startQuote(i, family, cont ? carry!.group : ++group, cont);
          } else if (c === 34 && i > from && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) {
            // inch mark: ignore
          }
          firstMark = false;
          continue;
        }
        firstMark = false;
        if (family !== openFamily) {
          // A mark of the other family inside an open quote: a nested quote, or a mixed pair (“…").
          if (mark === Mark.Open) nestedOther++;
          else if (nestedOther > 0) nestedOther--;
          else if (mark === Mark.Close) emit(i, i, false);
          continue;
        }
        if (mark === Mark.Close || mark === Mark.Either) {
          if (nested > 0 && mark === Mark.Either) {
            nested--;
            continue;
          }
          emit(i, i, false);
          continue;
        }
        // An opening mark inside an open quote of the same family.
        const before = prevNonSpace(text, i, openAt);
        if (before >= 0 && /[.!?,…:;—–-]/.test(text[before]!)) {
          // A new quoted sentence: the closing mark of the previous one was forgotten (BBC style).
          const g = curGroup;
          let end = i;
          if (text[before] === ':') {
            // '... a Muslim. He added: "The ...': the words before the colon are narration, not quotation.
            for (let k = before - 1; k > openAt && k > before - 80; k--) {
              if (/[.!?]/.test(text[k]!)) {
                end = k + 1;
                break;
              }
            }
          }
          emit(end, end, false);
          startQuote(i, family, g, true);
        } else {
          nested++;
        }
        continue;
      }
      if (openAt >= 0) continue; // single marks inside a double quote are nested quotes or apostrophes
      // Single quotes outside double quotes.
      if (c === 0x2018 || (c === 39 && blk.headlineLike)) {
        const prev = i > from ? text.charCodeAt(i - 1) : 32;
        const next = i + 1 < to ? text.charCodeAt(i + 1) : 32;
        if (!(i === from || opensAfter(prev))) continue;
        if (!isLetterOrDigit(next) && next !== 0x2026 && next !== 46) continue;
        // ’90s, ’em: a digit-run followed by s, or a known elision
        if (next >= 48 && next <= 57) {
          let k = i + 1;
          while (k < to && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
          if (k < to && (text.charCodeAt(k) === 115 || isSpaceCode(text.charCodeAt(k)))) continue;
        }
        const j = findSingleClose(text, i, to, c === 39);
        if (j < 0) continue;
        const [s, e] = trimSpan(text, i + 1, j);
        if (e > s && hasWord(text, s, e)) {
          out.push({ start: s, end: e, block: b, group: ++group, continuation: false, unclosed: false, open: i, close: j });
        }
        i = j;
      }
    }
    carry = null;
    if (openAt >= 0) {
      // Still open at the end of the paragraph: a multi-paragraph quote if the next block opens with a mark.
      const nb = blocks[b + 1];
      const nextOpens = nb !== undefined && /^["“«]/.test(text.slice(nb.start, nb.start + 1));
      const g = curGroup;
      emit(to, to, !nextOpens);
      if (nextOpens) carry = { group: g };
    }
  }
  return out;
}

function prevNonSpace(text: string, i: number, floor: number): number {
  for (let k = i - 1; k >= floor; k--) if (!isSpaceCode(text.charCodeAt(k))) return k;
  return -1;
}
