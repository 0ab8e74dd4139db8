/** What the catalog holds of one article, what it is given (the analysis, the memo), and how a path is shown. */
import * as vscode from 'vscode';
import type { ArticleAnalysis, ArticleMetadata } from '../../core/analysis/types';
import { packedEntities, packedMetadata, summarizeEntity, unpackAnalysis, type EntitySummary, type PackedAnalysis } from '../../core/cache/analysisRecord';
import type { FileStamp } from '../../core/corpus';
import type { RecordParts } from '../../core/corpus/index/record';
import type { IndexedAnalysis } from '../../node/workers/jobs';

/**
 * The analysis of one article, on the worker pool (see AnalysisWorkers), with its index record parts when the
 * worker made them; `priority`: ahead of the queue.
 */
export type Analyze = (text: string, uri: vscode.Uri, priority: boolean) => Promise<IndexedAnalysis>;

/** Where analyses of unchanged texts are remembered (see AnalysisMemo), packed. */
export interface AnalysisStore {
  getPacked(fingerprint: string): PackedAnalysis | undefined;
  setPacked(fingerprint: string, packed: PackedAnalysis): void;
  prune(live: Iterable<string>): void;
}

export interface ArticleEntry {
  readonly uri: vscode.Uri;
  /** URI string: the key used everywhere (maps, tree ids, the index). */
  readonly key: string;
  readonly folder: vscode.WorkspaceFolder | undefined;
  /** Workspace-relative path for display. */
  readonly relativePath: string;
  readonly text: string;
  readonly fingerprint: string;
  /**
   * The article's analysis. Kept packed (analysisRecord.ts) and decoded when read; the last HOT_ANALYSES read stay
   * decoded (the open and visible articles), so read it where it is needed rather than holding it.
   */
  readonly analysis: ArticleAnalysis | undefined;
  /**
   * The analysis for a pass over many articles (a count, a filter, a chart): decoded when not at hand, without
   * keeping it or pushing the open articles' analyses out of the decoded ones.
   */
  peekAnalysis(): ArticleAnalysis | undefined;
  /** Its entities summarised (counts and first mentions), without decoding the rest of its analysis. */
  entitySummaries(): readonly EntitySummary[];
  /** True when the article has an analysis (without decoding it). */
  readonly hasAnalysis: boolean;
  /** The analysis' metadata (title, outlet, date), kept apart: the trees read it for every article. */
  readonly metadata: ArticleMetadata | undefined;
  /** A new number whenever the analysis is replaced, unique across entries (views that count from analyses compare it). */
  readonly analysisVersion: number;
  /**
   * The index record parts made with `analysis` on a worker, until the index takes them (IndexService drops them
   * then); undefined for a remembered analysis (the index derives them itself).
   */
  indexParts?: RecordParts | undefined;
  /** Why the file could not be read or analysed, when it could not. */
  readonly error: string | undefined;
  /** Document version the analysis belongs to, when it came from an open document. */
  version: number | undefined;
  /** Size and modification time of the file when `text` was read from disk (undefined for an open document's text). */
  readonly stamp: FileStamp | undefined;
}

/** Analyses kept decoded at most (the most recently read or given); the others are kept packed. */
export const HOT_ANALYSES = 256;

/** The next analysisVersion (one sequence for every entry, so a new entry never repeats an old one's). */
let nextVersion = 1;

/** The entries whose analysis is decoded, least recently read first. */
const hot = new Set<CatalogEntry>();

/** How many analyses are held decoded now (the figures and the tests). */
export function decodedAnalyses(): number {
  return hot.size;
}

function touch(e: CatalogEntry): void {
  hot.delete(e);
  hot.add(e);
  if (hot.size <= HOT_ANALYSES) return;
  const [oldest] = hot;
  hot.delete(oldest!);
  oldest!.cool();
}

/** An article's text as an entry holds it, with what goes with the text. */
export type TextState = Pick<ArticleEntry, 'text' | 'fingerprint' | 'error' | 'version' | 'stamp'>;

/** What an entry starts with. */
export type EntryInit = Pick<ArticleEntry, 'uri' | 'key' | 'folder' | 'relativePath' | 'text' | 'fingerprint'> & Partial<Pick<ArticleEntry, 'error' | 'version' | 'stamp'>>;

/**
 * The catalog's entry: an article's text and its analysis, kept packed as it came (from a worker or the memo; see
 * ArticleEntry.analysis); `decoded` is the analysis while it is among the HOT_ANALYSES last read.
 */
export class CatalogEntry implements ArticleEntry {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly folder: vscode.WorkspaceFolder | undefined;
  readonly relativePath: string;
  text: string;
  fingerprint: string;
  indexParts?: RecordParts | undefined;
  error: string | undefined;
  version: number | undefined;
  stamp: FileStamp | undefined;
  analysisVersion = 0;
  private decoded: ArticleAnalysis | undefined;
  private packed: PackedAnalysis | undefined;
  private meta: ArticleMetadata | undefined;

  constructor(init: EntryInit) {
    this.uri = init.uri;
    this.key = init.key;
    this.folder = init.folder;
    this.relativePath = init.relativePath;
    this.text = init.text;
    this.fingerprint = init.fingerprint;
    this.error = init.error;
    this.version = init.version;
    this.stamp = init.stamp;
  }

  /** Gives the entry a text and that text's analysis together, so readers never see an analysis of another text. */
  update(t: TextState, packed: PackedAnalysis | undefined, indexParts?: RecordParts): void {
    this.text = t.text;
    this.fingerprint = t.fingerprint;
    this.error = t.error;
    this.version = t.version;
    this.stamp = t.stamp;
    this.indexParts = indexParts;
    this.setAnalysis(packed);
  }

  get analysis(): ArticleAnalysis | undefined {
    if (!this.decoded) {
      if (!this.packed) return undefined;
      this.decoded = unpackAnalysis(this.packed);
    }
    touch(this);
    return this.decoded;
  }

  entitySummaries(): readonly EntitySummary[] {
    if (this.decoded) return this.decoded.entities.map(summarizeEntity);
    return this.packed ? packedEntities(this.packed) : [];
  }

  get hasAnalysis(): boolean {
    return this.decoded !== undefined || this.packed !== undefined;
  }

  peekAnalysis(): ArticleAnalysis | undefined {
    return this.decoded ?? (this.packed ? unpackAnalysis(this.packed) : undefined);
  }

  get metadata(): ArticleMetadata | undefined {
    return this.meta;
  }

  /** Gives the entry its analysis, packed (or none); it is decoded when first read. */
  setAnalysis(packed: PackedAnalysis | undefined): void {
    this.packed = packed;
    this.decoded = undefined;
    hot.delete(this);
    this.meta = packed ? packedMetadata(packed) : undefined;
    this.analysisVersion = nextVersion++;
  }

  /** Drops the decoded analysis (the packed one stays). */
  cool(): void {
    this.decoded = undefined;
  }

  /** Takes another entry's text and analysis (a re-read file), keeping this object (views hold it). */
  takeFrom(other: CatalogEntry): void {
    this.update(other, other.packed, other.indexParts);
    hot.delete(other);
  }
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
export class ArticleEntries extends Map<string, CatalogEntry> {
  private byPath: CatalogEntry[] | undefined;

  override set(key: string, entry: CatalogEntry): this {
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
  sorted(): CatalogEntry[] {
    this.byPath ??= [...this.values()].sort((a, b) => a.relativePath.localeCompare(b.relativePath));
    return this.byPath.slice();
  }
}
