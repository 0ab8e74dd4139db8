/**
 * Export of articles and their annotations: `json`, `jsonl`, `csv`, `markdown` and W3C Web Annotation
 * JSON-LD (`w3c`). Pure: given the articles, returns the text to write. See each format's file for its shape.
 */
import { toCsv } from './csv';
import { toJson, toJsonLines } from './json';
import { toMarkdown } from './markdown';
import { prepareArticles } from './records';
import { ExportOptionError, type ExportArticle, type ExportOptions } from './types';
import { toW3C } from './w3c';

export * from './types';
export { csvField, csvRecord, ANNOTATION_COLUMNS, QUOTE_COLUMNS } from './csv';
export { hasTag, type AnnotationRecord, type ArticleRecord, type QuoteRecord } from './records';
export { ANNO_CONTEXT, DEFAULT_COLLECTION_ID, type W3CCollection, type W3CExportedAnnotation } from './w3c';
export { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from './json';

/** Throws ExportOptionError for an option combination without a meaning. */
export function checkExportOptions(options: ExportOptions): void {
  const what = options.what ?? 'annotations';
  if (what === 'quotes' && options.format === 'w3c') throw new ExportOptionError('the w3c format holds annotations only; use --what quotes with csv, jsonl or markdown');
  if (what === 'quotes' && options.format === 'json') throw new ExportOptionError('the json format always holds quotations and annotations; use --what quotes with csv, jsonl or markdown');
  if (options.tag !== undefined && options.tag.trim() === '') throw new ExportOptionError('the tag to filter by cannot be empty');
}

/** The export as one string (UTF-8 text; CSV with CRLF line ends, the others LF). */
export function exportArticles(articles: readonly ExportArticle[], options: ExportOptions): string {
  checkExportOptions(options);
  const what = options.what ?? 'annotations';
  const tag = options.tag?.trim().replace(/\s+/g, ' ');
  const records = prepareArticles(articles, { what, tag });
  const problems = [...(options.problems ?? [])].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  switch (options.format) {
    case 'json':
      return toJson(records, tag, problems);
    case 'jsonl':
      return toJsonLines(records, what);
    case 'csv':
      return toCsv(records, what);
    case 'markdown':
      return toMarkdown(records, what, tag, problems);
    case 'w3c':
      return toW3C(records, options.collectionId);
  }
}
