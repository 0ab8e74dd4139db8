/** Lines of an article with their offsets (trimmed; empty lines kept as empty text), and small helpers over them. */
import type { Span } from '../types';

export interface Line extends Span {
  readonly text: string;
}

export function splitLines(text: string, limit: number): Line[] {
  const out: Line[] = [];
  let i = 0;
  const n = Math.min(text.length, limit);
  while (i < n) {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
      j++;
    }
    // trim
    let s = i;
    let e = j;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    else out.push({ start: i, end: i, text: '' });
    if (j < n && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) j++;
    i = j + 1;
  }
  return out;
}

export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 12 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}

export function wordsOf(t: string): string[] {
  return t.split(/\s+/).filter((w) => w.length > 0);
}

export function nextNonEmpty(lines: readonly Line[], k: number): Line | undefined {
  for (let j = k + 1; j < lines.length && j < k + 4; j++) if (lines[j]!.text) return lines[j];
  return undefined;
}
