/**
 * The imported article file: plain text the analysis reads as it is, with the page's provenance.
 *
 *     <headline>
 *
 *     Outlet: <publisher>                        (each line optional except Retrieved)
 *     Published: <ISO 8601 date or date-time, with the page's time zone>
 *     Author: <name>, <name>
 *     URL: <canonical URL>
 *     Retrieved: <ISO 8601 UTC time of the import>
 *     Original: <path of the saved HTML, relative to this file's folder>
 *
 *     <paragraph>
 *
 *     <paragraph>
 *
 * `parseArticleHeader` recognises it (headline, one blank line, a block of these `Key: value` lines in this
 * order holding `Retrieved:`, then a blank line). Pure, and cheap on any other text: it looks at a few lines.
 */
import type { Span } from '../analysis/types';

export interface ArticleHeaderFields {
  readonly title: string;
  readonly publisher: string | null;
  /** ISO 8601 as the page gave it (`2025-03-05T06:00:00+01:00`, or `2025-03-05`). */
  readonly published: string | null;
  /** Authors joined with ", ". */
  readonly author: string | null;
  readonly url: string | null;
  /** ISO 8601 UTC. */
  readonly retrieved: string;
  /** The saved original, relative to the article's folder (forward slashes). */
  readonly original: string | null;
}

export interface ParsedArticleHeader extends ArticleHeaderFields {
  readonly titleSpan: Span;
  /** The metadata lines (`Outlet: …` to `Original: …`), as one span. */
  readonly blockSpan: Span;
  /** The publication day, `yyyy-mm-dd` (the page's own calendar day), or null. */
  readonly date: string | null;
}

const KEYS = ['Outlet', 'Published', 'Author', 'URL', 'Retrieved', 'Original'] as const;
type Key = (typeof KEYS)[number];

function oneLine(s: string): string {
  return s.replace(/[\s\u00a0\u2028\u2029]+/g, ' ').trim();
}

/** The article file's text: headline, metadata block, paragraphs separated by blank lines, final newline. */
export function formatArticle(h: ArticleHeaderFields, paragraphs: readonly string[]): string {
  const lines: string[] = [oneLine(h.title), ''];
  const add = (k: Key, v: string | null) => {
    const t = v === null ? '' : oneLine(v);
    if (t) lines.push(`${k}: ${t}`);
  };
  add('Outlet', h.publisher);
  add('Published', h.published);
  add('Author', h.author);
  add('URL', h.url);
  add('Retrieved', h.retrieved);
  add('Original', h.original);
  const body = paragraphs.map(oneLine).filter((p) => p.length > 0);
  return [...lines, '', body.join('\n\n'), ''].join('\n');
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Reads the header of an imported article, or null when `text` is not in that format. */
export function parseArticleHeader(text: string): ParsedArticleHeader | null {
  // Quick rejection: the format always holds "\nRetrieved: " near the top.
  const probe = text.indexOf('\nRetrieved: ');
  if (probe < 0 || probe > 4000) return null;
  let at = 0;
  const next = (): Span | null => {
    if (at > text.length) return null;
    let e = text.indexOf('\n', at);
    if (e < 0) e = text.length;
    const s = { start: at, end: e > at && text.charCodeAt(e - 1) === 13 ? e - 1 : e };
    at = e + 1;
    return s;
  };
  let first = next();
  if (first && text.charCodeAt(0) === 0xfeff) first = { start: 1, end: first.end };
  if (!first) return null;
  const title = text.slice(first.start, first.end).trim();
  if (!title || title.includes(': ') && KEYS.some((k) => title.startsWith(`${k}: `))) return null;
  const blank = next();
  if (!blank || blank.end !== blank.start) return null;
  const values = new Map<Key, string>();
  let blockStart = -1;
  let blockEnd = -1;
  let order = 0;
  for (;;) {
    const l = next();
    if (!l) break;
    const line = text.slice(l.start, l.end);
    if (line === '') break;
    const m = /^([A-Za-z]+): (.+)$/.exec(line);
    const k = m ? KEYS.indexOf(m[1] as Key) : -1;
    if (!m || k < order) return null; // unknown key, or out of order: not our format
    order = k + 1;
    values.set(KEYS[k]!, m[2]!.trim());
    if (blockStart < 0) blockStart = l.start;
    blockEnd = l.end;
  }
  const retrieved = values.get('Retrieved');
  if (!retrieved || !ISO_TIME.test(retrieved)) return null;
  const published = values.get('Published') ?? null;
  const day = published ? ISO_DAY.exec(published) : null;
  const titleStart = first.start + (text.slice(first.start, first.end).length - text.slice(first.start, first.end).trimStart().length);
  return {
    title,
    titleSpan: { start: titleStart, end: titleStart + title.length },
    blockSpan: { start: blockStart, end: blockEnd },
    publisher: values.get('Outlet') ?? null,
    published,
    date: day ? day[1]! : null,
    author: values.get('Author') ?? null,
    url: values.get('URL') ?? null,
    retrieved,
    original: values.get('Original') ?? null,
  };
}

/**
 * The article's file name: `<yyyy-mm-dd>-<slug>.txt`, or `undated-<slug>.txt`. The slug keeps letters and
 * digits of any script (lower-cased, accents dropped), words joined by `-`, at most 60 characters.
 */
export function articleFileName(title: string, published: string | null, suffix = 1): string {
  const day = published ? ISO_DAY.exec(published)?.[1] : undefined;
  const slug = slugify(title) || 'article';
  return `${day ?? 'undated'}-${slug}${suffix > 1 ? `-${suffix}` : ''}.txt`;
}

export function slugify(title: string): string {
  // accents dropped from Latin letters only (é → e); other scripts keep their marks (げ stays げ)
  const words = title
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w.length > 0);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if ([...next].length > 60) {
      if (!out) out = [...w].slice(0, 60).join('');
      break;
    }
    out = next;
  }
  return out;
}
