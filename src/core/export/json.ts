/**
 * `json`: one document {"format": "news-annotator-export", "version": 1, "tag"?, "articles": [...], "skipped": [...]}
 * where each article has its metadata, quotations with speakers, entities with mentions, article tags and note,
 * and its annotations with their anchoring status (placed ones by position, then orphans).
 *
 * `jsonl`: one JSON object per line, each saying what it is in `"type"`:
 * - `--what annotations`: {"type": "annotation", "article", "headline", "outlet", "date", "id", "kind", "status",
 *   "similarity", "start", "end", "quote", "tags", "note", "speaker", "entity", "author", "created", "updated"}
 * - `--what quotes`: {"type": "quote", "article", "headline", "outlet", "date", "speaker", "cue", "kind", "quote",
 *   "start", "end", "tags"}
 * `start`/`end` are offsets (UTF-16 code units) in the current text; null for an orphaned annotation.
 */
import type { AnnotationRecord, ArticleRecord } from './records';
import type { ExportProblem, ExportSubject } from './types';

export const JSON_EXPORT_FORMAT = 'news-annotator-export';
export const JSON_EXPORT_VERSION = 1;

function annotationJson(n: AnnotationRecord): Record<string, unknown> {
  return {
    id: n.id,
    kind: n.kind,
    status: n.status,
    similarity: n.similarity,
    start: n.start,
    end: n.end,
    quote: n.quote,
    ...(n.currentText !== null && n.currentText !== n.quote ? { currentText: n.currentText } : {}),
    prefix: n.prefix,
    suffix: n.suffix,
    storedStart: n.storedStart,
    storedEnd: n.storedEnd,
    tags: n.tags,
    note: n.note,
    speaker: n.speaker,
    entity: n.entity,
    author: n.author,
    created: n.created,
    updated: n.updated,
  };
}

export function toJson(articles: readonly ArticleRecord[], tag: string | undefined, problems: readonly ExportProblem[]): string {
  const doc = {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    ...(tag !== undefined ? { tag } : {}),
    articles: articles.map((a) => ({
      path: a.path,
      uri: a.uri,
      title: a.title,
      titleDerived: a.titleDerived,
      outlet: a.outlet,
      date: a.date,
      dateIso: a.dateIso,
      author: a.author,
      dateline: a.dateline,
      tags: a.tags,
      note: a.note,
      quotes: a.quotes.map((q) => ({ text: q.text, start: q.start, end: q.end, speaker: q.speaker, cue: q.cue, kind: q.kind, tags: q.tags })),
      entities: a.entities,
      annotations: a.annotations.map(annotationJson),
    })),
    skipped: problems.map((p) => ({ path: p.path, message: p.message })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export function toJsonLines(articles: readonly ArticleRecord[], what: ExportSubject): string {
  const lines: string[] = [];
  for (const a of articles) {
    const head = { article: a.path, headline: a.title, outlet: a.outlet, date: a.dateIso ?? a.date };
    if (what === 'quotes') {
      for (const q of a.quotes) lines.push(JSON.stringify({ type: 'quote', ...head, speaker: q.speaker, cue: q.cue, kind: q.kind, quote: q.text, start: q.start, end: q.end, tags: q.tags }));
    } else {
      for (const n of a.annotations) {
        lines.push(
          JSON.stringify({
            type: 'annotation',
            ...head,
            id: n.id,
            kind: n.kind,
            status: n.status,
            similarity: n.similarity,
            start: n.start,
            end: n.end,
            quote: n.quote,
            tags: n.tags,
            note: n.note,
            speaker: n.speaker,
            entity: n.entity,
            author: n.author,
            created: n.created,
            updated: n.updated,
          }),
        );
      }
    }
  }
  return lines.map((l) => l + '\n').join('');
}
