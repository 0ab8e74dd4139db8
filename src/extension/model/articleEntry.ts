/** What the catalog holds of one article, what it is given (the analysis, the memo), and how a path is shown. */
import * as vscode from 'vscode';
import type { ArticleAnalysis } from '../../core/analysis/types';
import type { FileStamp } from '../../core/corpus';
import type { RecordParts } from '../../core/corpus/index/record';
import type { IndexedAnalysis } from '../../node/workers/jobs';

/**
 * The analysis of one article, on the worker pool (see AnalysisWorkers), with its index record parts when the
 * worker made them; `priority`: ahead of the queue.
 */
export type Analyze = (text: string, uri: vscode.Uri, priority: boolean) => Promise<IndexedAnalysis | ArticleAnalysis>;

/** Where analyses of unchanged texts are remembered (see AnalysisMemo). */
export interface AnalysisStore {
  get(fingerprint: string): ArticleAnalysis | undefined;
  set(fingerprint: string, analysis: ArticleAnalysis): void;
  prune(live: Iterable<string>): void;
}

export interface ArticleEntry {
  readonly uri: vscode.Uri;
  /** URI string: the key used everywhere (maps, tree ids, the index). */
  readonly key: string;
  readonly folder: vscode.WorkspaceFolder | undefined;
  /** Workspace-relative path for display. */
  readonly relativePath: string;
  text: string;
  fingerprint: string;
  analysis: ArticleAnalysis | undefined;
  /**
   * The index record parts made with `analysis` on a worker, until the index takes them (IndexService drops them
   * then); undefined for a remembered analysis (the index derives them itself).
   */
  indexParts?: RecordParts | undefined;
  /** Why the file could not be read or analysed, when it could not. */
  error: string | undefined;
  /** Document version the analysis belongs to, when it came from an open document. */
  version: number | undefined;
  /** Size and modification time of the file when `text` was read from disk (undefined for an open document's text). */
  stamp: FileStamp | undefined;
}

/** An article as the corpus-index cache remembers it (see IndexService.snapshot). */
export interface RememberedArticle {
  readonly key: string;
  readonly text: string;
  readonly fingerprint: string;
  readonly stamp: FileStamp;
}

/** Workspace-relative path for display (with the folder name in a multi-root workspace). */
export function displayPath(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): string {
  return folder ? vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) : uri.path;
}

/** The catalog's entries by key, with their list by path kept between changes (10,000 paths take tens of ms to sort). */
export class ArticleEntries extends Map<string, ArticleEntry> {
  private byPath: ArticleEntry[] | undefined;

  override set(key: string, entry: ArticleEntry): this {
    this.byPath = undefined;
    return super.set(key, entry);
  }

  override delete(key: string): boolean {
    this.byPath = undefined;
    return super.delete(key);
  }

  override clear(): void {
    this.byPath = undefined;
    super.clear();
  }

  /** Every entry, by relative path (a copy). */
  sorted(): ArticleEntry[] {
    this.byPath ??= [...this.values()].sort((a, b) => a.relativePath.localeCompare(b.relativePath));
    return this.byPath.slice();
  }
}
