/** Articles for the export tests, written for them (hand-made analysis, so the tests do not depend on it). */
import type { ArticleAnalysis, Quote } from '../../../src/core/analysis/types';
import { makeTarget } from '../../../src/core/anchoring/anchor';
import type { Annotation, ResolvedAnnotation } from '../../../src/core/annotations/types';
import type { ExportArticle } from '../../../src/core/export/index';

export const FERRY_TEXT = [
  'Ferry fares to rise, "a blow" for islanders',
  '',
  'The Sound Gazette',
  '12 May 2025',
  '',
  'The operator said fares would rise by 9%, "a blow, frankly," said Ruth Okonkwo, who chairs the islanders\' group.',
  '"We ran at a loss all winter," said Tomas Lee, the operator\'s director.',
].join('\n');

export const MILL_TEXT = [
  'Mill reopens after flood',
  '',
  'The Valley Courier',
  'June 2, 2025',
  '',
  'Workers returned to the mill on Monday. "It is like a second birth," said Ana Ruiz.',
].join('\n');

function quote(text: string, inner: string, speaker: string | null, cue: string | null): Quote {
  const start = text.indexOf(inner);
  if (start < 0) throw new Error(`not in text: ${inner}`);
  return { text: inner, start, end: start + inner.length, speaker, speakerId: null, cue, passage: 0 };
}

export function analysisOf(text: string, title: string, publisher: string, date: string, dateIso: string, quotes: Quote[]): ArticleAnalysis {
  return {
    metadata: { title, titleDerived: false, titleSpan: { start: 0, end: title.length }, publisher, date, dateIso, author: null, dateline: null },
    passages: [],
    furniture: [],
    quotes,
    entities: [
      ...quotes
        .filter((q) => q.speaker)
        .map((q) => {
          const at = text.indexOf(q.speaker!);
          return { id: `person:${q.speaker!.toLowerCase().replace(/\s+/g, '-')}`, name: q.speaker!, type: 'person' as const, mentions: [{ start: at, end: at + q.speaker!.length, text: q.speaker! }] };
        }),
    ],
    otherNames: [],
    warnings: [],
  };
}

/** An annotation on the first occurrence of `exact`, resolved there (or orphaned, with a stored target). */
export function annotated(text: string, id: string, exact: string, extra: Partial<Annotation> = {}, orphan = false): ResolvedAnnotation {
  if (orphan) {
    const annotation: Annotation = { id, kind: 'passage', tags: [], target: { exact, prefix: 'gone before ', suffix: ' gone after', start: 10, end: 10 + exact.length }, ...extra };
    return { annotation, status: 'orphaned', start: -1, end: -1, similarity: 0 };
  }
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in text: ${exact}`);
  const annotation: Annotation = { id, kind: 'passage', tags: [], target: makeTarget(text, start, start + exact.length), ...extra };
  return { annotation, status: 'anchored', start, end: start + exact.length, similarity: 1 };
}

export function ferryArticle(): ExportArticle {
  const t = FERRY_TEXT;
  return {
    path: 'islands/ferry.txt',
    uri: 'file:///news/islands/ferry.txt',
    text: t,
    analysis: analysisOf(t, 'Ferry fares to rise, "a blow" for islanders', 'The Sound Gazette', '12 May 2025', '2025-05-12', [
      quote(t, 'a blow', null, null),
      quote(t, 'a blow, frankly,', 'Ruth Okonkwo', 'said'),
      quote(t, 'We ran at a loss all winter,', 'Tomas Lee', 'said'),
    ]),
    annotations: [
      // Deliberately out of order: the export sorts by position, orphans last.
      annotated(t, 'zz000002', 'We ran at a loss all winter', { kind: 'quote', speaker: 'Tomas Lee', tags: ['fares/claims', 'to-verify'], note: 'Ask for the accounts,\nand the "audited" figures.' }),
      annotated(t, 'orph0001', 'subsidy was cut in March', { tags: ['fares'], note: 'Was in the first version.' }, true),
      annotated(t, 'aa000001', 'fares would rise by 9%', { tags: ['fares'], author: 'Jane Doe', created: '2025-05-12T08:00:00.000Z', updated: '2025-05-12T09:00:00.000Z' }),
    ],
    tags: ['transport'],
  };
}

export function millArticle(): ExportArticle {
  const t = MILL_TEXT;
  return {
    path: 'valley/mill.txt',
    uri: 'file:///news/valley/mill.txt',
    text: t,
    analysis: analysisOf(t, 'Mill reopens after flood', 'The Valley Courier', 'June 2, 2025', '2025-06-02', [quote(t, 'It is like a second birth,', 'Ana Ruiz', 'said')]),
    // Same id as an annotation in ferry.txt: ids are unique only within a sidecar.
    annotations: [annotated(t, 'aa000001', 'Workers returned to the mill', { tags: ['recovery', 'to-verify'] })],
  };
}

/** RFC 4180 parser for the tests: records of fields; throws on malformed input. */
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < s.length) {
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (s[i] === '"') {
        i++;
        for (;;) {
          if (i >= s.length) throw new Error('unterminated quoted field');
          if (s[i] === '"') {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += s[i++];
        }
      } else {
        while (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
          if (s[i] === '"') throw new Error(`bare quote at ${i}`);
          field += s[i++];
        }
      }
      row.push(field);
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected CRLF at ${i}, found ${JSON.stringify(s.slice(i, i + 5))}`);
    }
    rows.push(row);
  }
  return rows;
}
