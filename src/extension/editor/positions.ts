/**
 * Offsets of the analysis (UTF-16 indices into the article text) as VS Code positions, for articles that are
 * not open in an editor. Line breaks are counted as VS Code counts them (\n, \r\n and a lone \r).
 */
import * as vscode from 'vscode';
import type { ArticleEntry } from '../model/articleCatalog';

const cache = new WeakMap<ArticleEntry, { fingerprint: string; lineStarts: number[] }>();

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function startsOf(article: ArticleEntry): number[] {
  const hit = cache.get(article);
  if (hit && hit.fingerprint === article.fingerprint) return hit.lineStarts;
  const starts = lineStarts(article.text);
  cache.set(article, { fingerprint: article.fingerprint, lineStarts: starts });
  return starts;
}

/** The position of `offset` in the article's text (clamped to the text). */
export function positionIn(article: ArticleEntry, offset: number): vscode.Position {
  const starts = startsOf(article);
  const o = Math.max(0, Math.min(offset, article.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, o - starts[lo]!);
}

export function rangeIn(article: ArticleEntry, start: number, end: number): vscode.Range {
  return new vscode.Range(positionIn(article, start), positionIn(article, Math.max(start, end)));
}

export function locationIn(article: ArticleEntry, start: number, end: number): vscode.Location {
  return new vscode.Location(article.uri, rangeIn(article, start, end));
}

/**
 * The text of the line holding [start, end), cut to about `width` characters around the span (with … where cut),
 * and where the span is in the result (for TreeItemLabel highlights).
 */
export function lineAround(text: string, start: number, end: number, width = 72): { text: string; highlight: [number, number] } {
  let ls = start;
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
  let le = end;
  while (le < text.length && text[le] !== '\n' && text[le] !== '\r') le++;
  const spanLen = Math.max(0, end - start);
  const room = Math.max(0, width - spanLen);
  let from = Math.max(ls, start - Math.floor(room / 3));
  let to = Math.min(le, end + (room - (start - from)));
  // Give unused room on the right back to the left.
  from = Math.max(ls, Math.min(from, start - (width - spanLen - (to - end))));
  // Cut at word boundaries when we cut at all.
  if (from > ls) {
    const sp = text.indexOf(' ', from);
    if (sp >= 0 && sp < start) from = sp + 1;
  }
  if (to < le) {
    const sp = text.lastIndexOf(' ', to);
    if (sp >= end) to = sp;
  }
  const pre = from > ls ? '…' : '';
  const post = to < le ? '…' : '';
  // Collapse whitespace runs but keep the highlight aligned: tabs and the like become single spaces.
  const before = text.slice(from, start).replace(/\s+/g, ' ').replace(/^\s+/, '');
  const span = text.slice(start, end).replace(/\s+/g, ' ');
  const after = text.slice(end, to).replace(/\s+/g, ' ').replace(/\s+$/, '');
  const out = pre + before + span + after + post;
  const hs = pre.length + before.length;
  return { text: out, highlight: [hs, hs + span.length] };
}
