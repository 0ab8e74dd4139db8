/**
 * What `activate()` returns. VS Code has no API to read decorations or tree items back, so the integration
 * tests (and the screenshot script) query the extension's state through this small interface.
 */
import type { ArticleAnalysis } from '../core/analysis/types';
import type { PoolStats } from '../node/workers/analysisPool';
import type { HostLoadFigures } from './hostLoad';
import type { DashboardHandle } from './features/dashboard';
import type { AnnotationView, SidecarProblem } from './model/annotationView';

export interface DecorationSnapshot {
  /** Decoration kind → ranges as [startOffset, endOffset] in the document. */
  readonly [kind: string]: readonly (readonly [number, number])[];
}

export interface NewsAnnotatorApi {
  /** Resolves when the first scan of the workspace is done. */
  whenReady(): Promise<void>;
  /** URI strings of the articles found. */
  articleUris(): string[];
  analysis(uri: string): ArticleAnalysis | undefined;
  annotations(uri: string): readonly AnnotationView[];
  sidecarProblem(uri: string): SidecarProblem | undefined;
  /** The entity corrections files that are broken (reported to the user and ignored), with the message shown. */
  correctionsProblems(): { readonly file: string; readonly message: string }[];
  /** Labels (and descriptions) of the Articles view, expanded to `depth` levels. */
  articlesTree(depth?: number): string[];
  /**
   * The Articles view's title description and message (an active filter shows there), grouping and filter; whether
   * its selection follows the active editor, how often it selected the editor's article again after a redraw, and
   * how many redraws it saw.
   */
  articlesView(): {
    readonly description: string | undefined;
    readonly message: string | undefined;
    readonly grouping: string;
    readonly filter: string;
    readonly following: boolean;
    readonly reselects: number;
    readonly redraws: number;
  };
  /** Ids of the items selected in the Articles view. */
  articlesSelection(): string[];
  /**
   * Test hook: selects the Articles view item with this id (looked for three levels down) as a click would: VS Code
   * selects it in the view and tells the extension. False when no such item is shown.
   */
  articlesSelect(id: string): Promise<boolean>;
  entitiesTree(depth?: number): string[];
  tagsTree(depth?: number): string[];
  /** The explorer badge of an article (undefined when it has none). */
  fileBadge(uri: string): { readonly badge: string; readonly tooltip: string; readonly orphaned: number } | undefined;
  /** The status-bar item for the active editor. */
  statusBar(): { readonly visible: boolean; readonly text: string; readonly tooltip: string; readonly warning: boolean };
  /** The file Export Annotations… would propose in its save dialog for this format and subject (URI string). */
  exportProposal(format: string, what: string): string;
  /** The save hint shown in the active note tab ("Save (Ctrl+S / ⌘S) writes this note into …"), if it is one. */
  noteSaveHint(): string | undefined;
  /** The decorations last applied to the editor of this document. */
  decorations(uri: string): DecorationSnapshot;
  /** How many times the editors of this document were decorated since activation. */
  decorationDraws(uri: string): number;
  /** How many times the article's sidecar was read and written (an atomic write, temp file + rename, counts once). */
  sidecarIo(articleUri: string): { readonly reads: number; readonly writes: number; readonly echoes: number };
  /** The Quote Dashboard: what its webview last received and reported, and a way to send it the webview's messages. */
  dashboard(): DashboardHandle;
  /**
   * The analysis worker threads: their state (mode, size, replaced workers, peak heap of each), how many times the
   * user was told of failed articles, and test hooks (crash on an article whose URI ends with `name`; end a busy worker).
   */
  workers(): {
    readonly stats: PoolStats;
    /** The failure messages shown to the user, each as the files it named. */
    readonly reports: readonly (readonly string[])[];
    /** Workers ended by the test hook NEWS_ANNOTATOR_TEST_WORKER_KILL_AFTER. */
    readonly killed: number;
    failOn(name: string | undefined): void;
    killBusyWorker(): boolean;
  };
  /** How many articles' analyses are held decoded now (the others are kept packed; at most 256). */
  decodedAnalyses(): number;
  /** How many times each view was rebuilt whole, and how many of its nodes were redrawn alone. */
  treeRefreshes(): Record<'articles' | 'entities' | 'tags', { readonly whole: number; readonly nodes: number; readonly pending: boolean }>;
  /**
   * The extension host's event loop since activation or the last reset (perf_hooks.monitorEventLoopDelay, ms), and
   * its heap now (bytes), and the CPU time of its thread (Linux only) and of the whole process (the workers, the
   * compiler's and the garbage collector's threads and any other extension's work included). `reset` starts a new
   * measurement.
   */
  hostLoad(reset?: boolean): HostLoadFigures;
  /** Milliseconds from activation start to the end of activate(), and to the first highlight drawn. */
  timings(): {
    readonly activateMs: number;
    readonly firstHighlightMs: number | undefined;
    /** From activation start to the end of the first scan (articles found, analysed or read from the cache, sidecars loaded). */
    readonly readyMs: number | undefined;
    /** From activation start to the end of the scan (articles found and analysed), before sidecars are loaded. */
    readonly scanMs: number | undefined;
    /** On a reopen: from activation start to the articles shown from the index cache (with their sidecars), before any file is read. */
    readonly restoredMs: number | undefined;
    /** Analyses found in the cache when the workspace opened. */
    readonly cacheLoaded: number;
    readonly analysed: number;
    readonly remembered: number;
    /** Article files read from disk, and articles shown from the index cache without reading them. */
    readonly read: number;
    readonly restored: number;
    /** The corpus-index cache: articles it held when loaded, and the last load and save times. */
    readonly indexCache: { readonly articles: number; readonly loadMs: number; readonly saveMs: number };
    /** The last re-analysis after a pause in typing: from the pause's end to the analysis back, and the host applying it. */
    readonly lastUpdate: { readonly waitMs: number; readonly applyMs: number } | undefined;
  };
}
