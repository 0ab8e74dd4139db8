/**
 * What the export is given and what it can produce. The export is pure: the CLI and the extension gather the
 * articles (path, text, analysis, resolved annotations) and write the string it returns.
 */
import type { ArticleAnalysis } from '../analysis/types';
import type { ResolvedAnnotation } from '../annotations/types';

export const EXPORT_FORMATS = ['json', 'jsonl', 'csv', 'markdown', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What one row (csv), line (jsonl) or entry (markdown) stands for. `json` holds both; `w3c` annotations only. */
export const EXPORT_SUBJECTS = ['annotations', 'quotes'] as const;
export type ExportSubject = (typeof EXPORT_SUBJECTS)[number];

/** File name extension for each format (without the dot). */
export const FORMAT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  json: 'json',
  jsonl: 'jsonl',
  csv: 'csv',
  markdown: 'md',
  w3c: 'jsonld',
};

export interface ExportArticle {
  /** How the article is named in the export (workspace-relative in VS Code, as given on the command line). */
  readonly path: string;
  /** The article's file URI: the `source` of W3C annotations. */
  readonly uri: string;
  /** The article text the annotations were resolved against. */
  readonly text: string;
  readonly analysis: ArticleAnalysis;
  /** Annotations resolved against `text` (orphans included), in any order. */
  readonly annotations: readonly ResolvedAnnotation[];
  /** Article-level tags and note from the sidecar. */
  readonly tags?: readonly string[];
  readonly note?: string;
}

/** An article left out of the export, and why (e.g. a sidecar that could not be read). */
export interface ExportProblem {
  readonly path: string;
  readonly message: string;
}

export interface ExportOptions {
  readonly format: ExportFormat;
  /** Default `annotations`. */
  readonly what?: ExportSubject;
  /**
   * Keep only annotations carrying this tag or one of its sub-tags (`inquiry` also keeps `inquiry/schools`); in
   * quotes mode, only quotations covered by such an annotation. Articles left with nothing are left out.
   */
  readonly tag?: string;
  /** Articles that could not be exported: listed in the `json` document and the markdown report. */
  readonly problems?: readonly ExportProblem[];
  /** `id` of the W3C AnnotationCollection (default `urn:news-annotator:export`). */
  readonly collectionId?: string;
}

/** Thrown for a combination of options that has no meaning (e.g. `w3c` with `what: quotes`). */
export class ExportOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportOptionError';
  }
}
