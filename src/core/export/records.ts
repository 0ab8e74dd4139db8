/**
 * The common ground of every format: articles in a fixed order (by path), each with its metadata, quotations
 * and annotations in a fixed order (by position, orphans last), after the tag filter. Whatever order the
 * caller gathered things in, the same input gives the same export.
 */
import type { AnchorStatus } from '../anchoring/anchor';
import type { ResolvedAnnotation } from '../annotations/types';
import type { ExportArticle, ExportOptions, ExportSubject } from './types';

export interface AnnotationRecord {
  readonly id: string;
  readonly kind: string;
  readonly status: AnchorStatus;
  /** 1 for anchored/moved, below 1 for fuzzy, 0 for orphaned. */
  readonly similarity: number;
  /** Range in the current text; null for an orphan. */
  readonly start: number | null;
  readonly end: number | null;
  /** The passage as annotated (the stored quote). */
  readonly quote: string;
  /** The text at `start..end` now (differs from `quote` only for a fuzzy anchor); null for an orphan. */
  readonly currentText: string | null;
  /** Stored context and offsets (what re-attachment works from). */
  readonly prefix: string;
  readonly suffix: string;
  readonly storedStart: number;
  readonly storedEnd: number;
  readonly tags: readonly string[];
  readonly note: string | null;
  readonly speaker: string | null;
  readonly entity: string | null;
  readonly author: string | null;
  readonly created: string | null;
  readonly updated: string | null;
}

export interface QuoteRecord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly cue: string | null;
  /** direct (words in quotation marks), reported (reported speech) or mixed (reported speech quoting some words). */
  readonly kind: 'direct' | 'reported' | 'mixed';
  /** Tags of the (placed) annotations that overlap the quotation. */
  readonly tags: readonly string[];
}

export interface EntityRecord {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Present (true) when the recogniser was unsure of the name (as in `extract --json`). */
  readonly uncertain?: true;
  readonly mentions: readonly { readonly start: number; readonly end: number; readonly text: string }[];
}

export interface ArticleRecord {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  readonly title: string | null;
  readonly titleDerived: boolean;
  readonly outlet: string | null;
  /** As written in the article. */
  readonly date: string | null;
  readonly dateIso: string | null;
  readonly author: string | null;
  readonly dateline: string | null;
  readonly tags: readonly string[];
  readonly note: string | null;
  readonly quotes: readonly QuoteRecord[];
  readonly entities: readonly EntityRecord[];
  /** Placed annotations by position, then orphans by their stored position. */
  readonly annotations: readonly AnnotationRecord[];
}

/** Plain code-unit order (not locale order: the same on every machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `tags` holds `tag` or a sub-tag of it (`tag/...`). */
export function hasTag(tags: readonly string[], tag: string): boolean {
  return tags.some((t) => t === tag || t.startsWith(tag + '/'));
}

function toRecord(r: ResolvedAnnotation, text: string): AnnotationRecord {
  const a = r.annotation;
  const placed = r.status !== 'orphaned' && r.start >= 0 && r.end >= r.start;
  return {
    id: a.id,
    kind: a.kind,
    status: placed ? r.status : 'orphaned',
    similarity: placed ? r.similarity : 0,
    start: placed ? r.start : null,
    end: placed ? r.end : null,
    quote: a.target.exact,
    currentText: placed ? text.slice(r.start, r.end) : null,
    prefix: a.target.prefix,
    suffix: a.target.suffix,
    storedStart: a.target.start,
    storedEnd: a.target.end,
    tags: [...a.tags],
    note: a.note ?? null,
    speaker: a.speaker ?? null,
    entity: a.entity ?? null,
    author: a.author ?? null,
    created: a.created ?? null,
    updated: a.updated ?? null,
  };
}

function byPosition(x: AnnotationRecord, y: AnnotationRecord): number {
  if (x.start === null || y.start === null) {
    if (x.start !== null) return -1;
    if (y.start !== null) return 1;
    return x.storedStart - y.storedStart || x.storedEnd - y.storedEnd || compareStrings(x.id, y.id);
  }
  return x.start - y.start || x.end! - y.end! || compareStrings(x.id, y.id);
}

/**
 * The articles to export, sorted and filtered. With a tag: only annotations carrying it and (quotes mode) only
 * quotations they cover; articles left with nothing to show are dropped.
 */
export function prepareArticles(articles: readonly ExportArticle[], options: Pick<ExportOptions, 'tag' | 'what'>): ArticleRecord[] {
  const what: ExportSubject = options.what ?? 'annotations';
  const tag = options.tag;
  const out: ArticleRecord[] = [];
  const sorted = [...articles].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.uri, b.uri));
  for (const art of sorted) {
    const m = art.analysis.metadata;
    const all = art.annotations.map((r) => toRecord(r, art.text)).sort(byPosition);
    const annotations = tag === undefined ? all : all.filter((a) => hasTag(a.tags, tag));
    const placed = all.filter((a) => a.start !== null);
    const quotes: QuoteRecord[] = [...art.analysis.quotes]
      .sort((x, y) => x.start - y.start || x.end - y.end)
      .map((q) => {
        const tags: string[] = [];
        for (const a of placed) {
          if (a.start! < q.end && q.start < a.end!) for (const t of a.tags) if (!tags.includes(t)) tags.push(t);
        }
        return { text: q.text, start: q.start, end: q.end, speaker: q.speaker, cue: q.cue, kind: q.kind ?? 'direct', tags };
      });
    const keptQuotes = tag !== undefined && what === 'quotes' ? quotes.filter((q) => hasTag(q.tags, tag)) : quotes;
    if (tag !== undefined && (what === 'quotes' ? keptQuotes.length === 0 : annotations.length === 0)) continue;
    out.push({
      path: art.path,
      uri: art.uri,
      text: art.text,
      title: m.title,
      titleDerived: m.titleDerived,
      outlet: m.publisher,
      date: m.date,
      dateIso: m.dateIso,
      author: m.author,
      dateline: m.dateline,
      tags: [...(art.tags ?? [])],
      note: art.note ?? null,
      quotes: keptQuotes,
      entities: art.analysis.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, ...(e.uncertain ? { uncertain: true as const } : {}), mentions: e.mentions.map((x) => ({ start: x.start, end: x.end, text: x.text })) })),
      annotations,
    });
  }
  return out;
}
