/**
 * CSV by RFC 4180: CRLF between records (and after the last), a header row, and a field quoted when it holds a
 * comma, a double quote, CR or LF (a double quote inside is doubled). Tags are joined with "; ".
 *
 * - annotations: one row per annotation; `start`/`end` are empty for an orphan.
 * - quotes: one row per statement: article, outlet, date, speaker, quote, start, end (+ headline, cue, tags, kind:
 *   direct / reported / mixed).
 */
import type { ArticleRecord } from './records';
import type { ExportSubject } from './types';

export const ANNOTATION_COLUMNS = [
  'article',
  'headline',
  'outlet',
  'date',
  'id',
  'kind',
  'status',
  'start',
  'end',
  'quote',
  'tags',
  'note',
  'speaker',
  'author',
  'created',
  'updated',
] as const;

export const QUOTE_COLUMNS = ['article', 'outlet', 'date', 'speaker', 'quote', 'start', 'end', 'headline', 'cue', 'tags', 'kind'] as const;

/** One field, quoted when needed. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export function toCsv(articles: readonly ArticleRecord[], what: ExportSubject): string {
  let out = '';
  if (what === 'quotes') {
    out += csvRecord(QUOTE_COLUMNS);
    for (const a of articles) {
      for (const q of a.quotes) {
        out += csvRecord([a.path, a.outlet, a.dateIso ?? a.date, q.speaker, q.text, q.start, q.end, a.title, q.cue, q.tags.join('; '), q.kind]);
      }
    }
    return out;
  }
  out += csvRecord(ANNOTATION_COLUMNS);
  for (const a of articles) {
    for (const n of a.annotations) {
      out += csvRecord([
        a.path,
        a.title,
        a.outlet,
        a.dateIso ?? a.date,
        n.id,
        n.kind,
        n.status,
        n.start,
        n.end,
        n.quote,
        n.tags.join('; '),
        n.note,
        n.speaker,
        n.author,
        n.created,
        n.updated,
      ]);
    }
  }
  return out;
}
