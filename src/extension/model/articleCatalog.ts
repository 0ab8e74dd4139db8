/**
 * The articles of the workspace and their analysis. Finds article files by the include/exclude settings,
 * analyses them in the background in small batches (never blocking the extension host for long, with progress
 * and cancellation), keeps open documents' analysis in step with their edits (debounced by the callers), and
 * refreshes itself when files change on disk (git pull, the CLI, another window).
 */
import * as vscode from 'vscode';
import { yieldToEventLoop } from '../../core/util/eventLoop';
import type { ArticleAnalysis } from '../../core/analysis/types';
import type { FileStamp } from '../../core/corpus';
import { sameStamp } from '../../core/io/fileOps';
import { decodeArticleBytes, fingerprint } from '../../core/text/decode';
import { isSidecarPath } from '../../core/workspace/articleFiles';
import { config } from '../config';
import { ArticleFiles } from './articleFiles';

export type Analyze = (text: string, uri: vscode.Uri) => ArticleAnalysis;

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

/** Articles read and analysed per slice of work between yields. */
const BATCH = 48;
/** Files whose size and modification time are checked at once (a stat is cheap: no read, no analysis). */
const STAT_BATCH = 256;
/** When a first scan first shows what it has so far (then after twice as long, and so on). */
const PROGRESSIVE_MS = 1500;

export class ArticleCatalog implements vscode.Disposable {
  private readonly entries = new Map<string, ArticleEntry>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<{ readonly keys: readonly string[]; readonly listChanged: boolean }>();
  /** Fires with the keys of articles whose text or analysis changed, and whether articles were added/removed. */
  readonly onDidChange = this.changed.event;
  private scanning: Promise<void> | undefined;
  /** How many analyses were computed and came from the cache, and how many articles were read and restored (for the figures). */
  readonly counts = { analysed: 0, remembered: 0, read: 0, restored: 0 };
  private scanCts: vscode.CancellationTokenSource | undefined;
  private ready = false;
  private readonly files = new ArticleFiles();

  constructor(
    private readonly analyze: Analyze,
    private readonly memo?: AnalysisStore,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.onDiskChange(uri, 'create')),
      watcher.onDidChange((uri) => void this.onDiskChange(uri, 'change')),
      watcher.onDidDelete((uri) => void this.onDiskChange(uri, 'delete')),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.files.reset();
        void this.rescan();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.entries.has(e.document.uri.toString())) this.scheduleUpdate(e.document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affects(e, 'articles.include', 'articles.exclude')) {
          this.files.reset();
          void this.rescan();
        }
      }),
      this.changed,
    );
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Resolves once the first scan of the workspace has finished (at once when it has). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => {
      const sub = this.onDidChange(() => {
        if (this.ready) {
          sub.dispose();
          resolve();
        }
      });
    });
  }

  all(): ArticleEntry[] {
    return [...this.entries.values()].sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  }

  get(uri: vscode.Uri | string): ArticleEntry | undefined {
    return this.entries.get(typeof uri === 'string' ? uri : uri.toString());
  }

  /** True when the URI is an article by the current include/exclude rules (whether or not scanned yet). */
  isArticleUri(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString()) || this.files.matches(uri);
  }

  /**
   * Shows the articles the corpus-index cache remembers straight away, without reading their files: their text
   * comes from the cache and their analysis from the analysis cache. Open documents use their own text. The next
   * `scan()` checks each file's size and modification time against what was remembered and reads only the files
   * that changed (and the new ones), so a reopen is instant and still ends up exact.
   */
  restore(remembered: Iterable<RememberedArticle>): void {
    if (this.entries.size > 0 || this.scanning) return;
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const r of remembered) {
      const uri = vscode.Uri.parse(r.key, true);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || !this.files.matches(uri)) continue;
      if (open.has(r.key)) continue; // read from its document by the scan
      const entry: ArticleEntry = {
        uri,
        key: r.key,
        folder,
        relativePath: displayPath(folder, uri),
        text: r.text,
        fingerprint: r.fingerprint,
        analysis: undefined,
        error: undefined,
        version: undefined,
        stamp: r.stamp,
      };
      this.analyseInto(entry);
      this.entries.set(r.key, entry);
      this.counts.restored++;
    }
    if (this.entries.size === 0) return;
    this.ready = true;
    this.changed.fire({ keys: [], listChanged: true });
  }

  /** Finds and analyses every article. Resolves when done; concurrent calls share the running scan. */
  scan(): Promise<void> {
    this.scanning ??= this.runScan().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  /** Analyses every article again (the entity corrections changed), in batches, then says the list changed. */
  async reanalyzeAll(): Promise<void> {
    const all = [...this.entries.values()];
    for (let i = 0; i < all.length; i += BATCH) {
      for (const e of all.slice(i, i + BATCH)) if (!e.error || e.analysis) this.analyseInto(e);
      await yieldToEventLoop();
    }
    this.changed.fire({ keys: all.map((e) => e.key), listChanged: true });
  }

  /** Cancels a running scan and starts again (settings or folders changed). */
  async rescan(): Promise<void> {
    this.scanCts?.cancel();
    await this.scanning?.catch(() => undefined);
    this.entries.clear();
    await this.scan();
  }

  private async runScan(): Promise<void> {
    const cts = new vscode.CancellationTokenSource();
    this.scanCts = cts;
    const restored = this.entries.size > 0;
    let listChanged = !restored;
    const changedKeys: string[] = [];
    try {
      const uris = await this.files.find(cts.token);
      const todo: vscode.Uri[] = [];
      const check: ArticleEntry[] = [];
      for (const u of uris) {
        const e = this.entries.get(u.toString());
        if (!e) todo.push(u);
        else if (e.stamp) check.push(e);
      }
      // Articles shown from the cache: read again only those whose file changed since.
      for (let i = 0; i < check.length && !cts.token.isCancellationRequested; i += STAT_BATCH) {
        await Promise.all(
          check.slice(i, i + STAT_BATCH).map(async (e) => {
            const stat = await vscode.workspace.fs.stat(e.uri).then(undefined, () => undefined);
            if (stat && sameStamp(e.stamp, { size: stat.size, mtimeMs: stat.mtime })) return;
            if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === e.key && d.isDirty)) return;
            const before = e.fingerprint;
            const after = await this.load(e.uri, true);
            if (after.fingerprint !== before || after.error) changedKeys.push(e.key);
          }),
        );
      }
      if (todo.length > 0) listChanged = true;
      let shown = Date.now();
      let interval = PROGRESSIVE_MS;
      const work = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken) => {
        for (let i = 0; i < todo.length; i += BATCH) {
          // On a first open of a large folder, show the articles analysed so far after 1.5 s, 3 s, 6 s... (the
          // trees fill in, and the index is built alongside instead of after the scan; doubling the pause keeps
          // the trees' own work small on a very large folder).
          if (!restored && Date.now() - shown > interval) {
            shown = Date.now();
            interval *= 2;
            this.changed.fire({ keys: [], listChanged: true });
          }
          if (cts.token.isCancellationRequested || token?.isCancellationRequested) break;
          const batch = todo.slice(i, i + BATCH);
          await Promise.all(batch.map((u) => this.load(u)));
          // After a restore, the annotation service and the index hear of the new articles by key.
          if (restored) changedKeys.push(...batch.map((u) => u.toString()));
          progress?.report({ message: `${Math.min(i + BATCH, todo.length)} of ${todo.length} articles`, increment: (batch.length / todo.length) * 100 });
          // Yield so other extension-host work (hovers, commands, typing-driven redraws) runs between batches.
          await yieldToEventLoop();
        }
      };
      if (todo.length > 200) {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'News Annotator: analysing articles', cancellable: true },
          (progress, token) => work(progress, token),
        );
      } else {
        await vscode.window.withProgress({ location: { viewId: 'newsAnnotator.articles' } }, () => work());
      }
      // Articles that are gone from disk since the last scan (or since the cache was written).
      if (!cts.token.isCancellationRequested) {
        const found = new Set(uris.map((u) => u.toString()));
        for (const key of [...this.entries.keys()]) {
          if (!found.has(key)) {
            this.entries.delete(key);
            listChanged = true;
          }
        }
        this.memo?.prune([...this.entries.values()].map((e) => e.fingerprint));
      }
    } finally {
      cts.dispose();
      if (this.scanCts === cts) this.scanCts = undefined;
      this.ready = true;
      if (listChanged || changedKeys.length > 0) this.changed.fire({ keys: changedKeys, listChanged });
    }
  }

  /** (Re)reads one article from its open document or from disk and analyses it. */
  async load(uri: vscode.Uri, fromDisk = false): Promise<ArticleEntry> {
    const key = uri.toString();
    const doc = fromDisk ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    let text = '';
    let error: string | undefined;
    let stamp: FileStamp | undefined;
    if (doc) {
      text = doc.getText();
    } else {
      try {
        // Stat before reading: if the file changes in between, the stamp is older than the text, and the next
        // reopen reads it again rather than trusting a stamp newer than what was read.
        const stat = await vscode.workspace.fs.stat(uri);
        const decoded = decodeArticleBytes(await vscode.workspace.fs.readFile(uri));
        this.counts.read++;
        if (decoded.ok) {
          text = decoded.text;
          stamp = { size: stat.size, mtimeMs: stat.mtime };
        } else error = decoded.reason;
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
    }
    const entry: ArticleEntry = {
      uri,
      key,
      folder,
      relativePath: displayPath(folder, uri),
      text,
      fingerprint: fingerprint(text),
      analysis: undefined,
      error,
      version: doc?.version,
      stamp,
    };
    if (!error) this.analyseInto(entry);
    this.entries.set(key, entry);
    return entry;
  }

  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * Re-analyses an edited document after a pause in typing: the `highlights.debounceMs` setting, longer for
   * large articles (about 1 ms per KB) so that typing in a 1 MB article is not followed by analysis after
   * every keystroke.
   */
  private scheduleUpdate(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const prev = this.timers.get(key);
    if (prev) clearTimeout(prev);
    const delay = config.highlights().debounceMs + Math.floor((this.entries.get(key)?.text.length ?? 0) / 1024);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed) this.updateFromDocument(doc);
      }, delay),
    );
  }

  /** Re-analyses an open document's current text now (commands call this so they act on what is on screen). */
  updateFromDocument(doc: vscode.TextDocument): ArticleEntry | undefined {
    const entry = this.entries.get(doc.uri.toString());
    if (!entry) return undefined;
    if (entry.version === doc.version && entry.analysis) return entry;
    const text = doc.getText();
    const fp = fingerprint(text);
    entry.version = doc.version;
    if (fp !== entry.fingerprint || !entry.analysis) {
      entry.text = text;
      entry.fingerprint = fp;
      entry.stamp = undefined;
      entry.error = undefined;
      this.analyseInto(entry);
      this.changed.fire({ keys: [entry.key], listChanged: false });
    }
    return entry;
  }

  private analyseInto(entry: ArticleEntry): void {
    try {
      const remembered = this.memo?.get(entry.fingerprint);
      entry.analysis = remembered ?? this.analyze(entry.text, entry.uri);
      if (remembered) this.counts.remembered++;
      else {
        this.counts.analysed++;
        this.memo?.set(entry.fingerprint, entry.analysis);
      }
      entry.error = undefined;
    } catch (err) {
      entry.analysis = undefined;
      entry.error = `analysis failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  private async onDiskChange(uri: vscode.Uri, kind: 'create' | 'change' | 'delete'): Promise<void> {
    if (isSidecarPath(uri.path)) return; // sidecars are the annotation service's business
    const key = uri.toString();
    if (kind === 'delete') {
      if (this.entries.delete(key)) this.changed.fire({ keys: [key], listChanged: true });
      return;
    }
    if (!this.isArticleUri(uri)) return;
    // A document with unsaved edits is the truth while it is open; otherwise the file on disk is (VS Code may
    // or may not have reloaded a clean document whose editor was closed).
    if (kind === 'change' && vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty)) return;
    const existed = this.entries.has(key);
    await this.load(uri, true);
    this.changed.fire({ keys: [key], listChanged: !existed });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.scanCts?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

/** Workspace-relative path for display (with the folder name in a multi-root workspace). */
function displayPath(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): string {
  return folder ? vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) : uri.path;
}
