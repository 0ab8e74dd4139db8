import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The fictional fixture article (written for these tests). */
export const ARTICLE = readFileSync(path.join(__dirname, '../../fixtures/annotations/harbour.txt'), 'utf8');
export const ARTICLE_PATH = '/news/harbour.txt';
export const SIDECAR_PATH = '/news/harbour.txt.annotations.yaml';

/** A clock that advances one second per call, from a fixed start. */
export function fixedClock(startIso = '2025-03-14T09:00:00.000Z'): () => Date {
  let t = Date.parse(startIso);
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}

export function rangeOf(text: string, quote: string, occurrence = 1): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fixture: ${quote} not found`);
  }
  return { start: at, end: at + quote.length };
}
