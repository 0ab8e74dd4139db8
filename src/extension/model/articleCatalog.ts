/**
 * The articles of the workspace and their analysis. Finds article files by the include/exclude settings,
 * analyses them in the background in small batches (never blocking the extension host for long, with progress
 * and cancellation), keeps open documents' analysis in step with their edits (debounced by the callers), and
 * refreshes itself when files change on disk (git pull, the CLI, another window).
 */
import * as vscode from 'vscode';
import type { FileStamp } from '../../core/corpus';
import type { RecordParts } from '../../core/corpus/index/record';
import { FileNotFoundError, sameStamp } from '../../core/io/fileOps';
import { decodeArticleBytes, fingerprint } from '../../core/text/decode';
import { isSidecarPath } from '../../core/workspace/articleFiles';
import { yieldToEventLoop } from '../../core/util/eventLoop';
import { mapOrdered } from '../../node/workers/orderedMap';
import { config } from '../config';
import { localFileOps } from '../localFileOps';
import { ArticleFiles } from './articleFiles';
import type { PackedAnalysis } from '../../core/cache/analysisRecord';
import { ArticleEntries, CatalogEntry, displayPath, type Analyze, type AnalysisStore, type ArticleEntry, type RememberedArticle } from './articleEntry';

export type { Analyze, AnalysisStore, ArticleEntry, RememberedArticle } from './articleEntry';

/** Articles read and analysed at once (the pool's queue stays short, so a priority request waits little). */
const IN_FLIGHT = 48;
/** Articles analysed again at once after a change of the corrections. */
const BATCH = 256;
/** Files whose size and modification time are checked at once (a stat is cheap: no read, no analysis). */
const STAT_BATCH = 256;
/** When a first scan first shows what it has so far (then after twice as long, and so on). */
const PROGRESSIVE_MS = 1500;

export class ArticleCatalog implements vscode.Disposable {
  private readonly entries = new ArticleEntries();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<{ readonly keys: readonly string[]; readonly listChanged: boolean }>();
  /** Fires with the keys of articles whose text or analysis changed, and whether articles were added/removed. */
  readonly onDidChange = this.changed.event;
  private scanning: Promise<void> | undefined;
  /** Restored articles being analysed (when their analysis was not remembered). */
  private restoring: Promise<void> | undefined;
  /** How many analyses were computed and came from the cache, and how many articles were read and restored (for the figures). */
  readonly counts = { analysed: 0, remembered: 0, read: 0, restored: 0 };
  /** The last re-analysis after a pause in typing: waiting for the worker, and the host applying it (ms). */
  lastUpdate: { readonly waitMs: number; readonly applyMs: number } | undefined;
  private lastApply: { readonly receivedAt: number; readonly appliedAt: number } | undefined;
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

  /** Every article, by path. */
  all(): ArticleEntry[] {
    return this.entries.sorted();
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
  async restore(remembered: Iterable<RememberedArticle>): Promise<void> {
    if (this.entries.size > 0 || this.scanning) return;
    const missing: CatalogEntry[] = [];
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    // In slices (reading the metadata of 10,000 remembered analyses), yielding to other extension-host work.
    let slice = Date.now();
    for (const r of remembered) {
      if (Date.now() - slice >= 12) {
        await yieldToEventLoop();
        slice = Date.now();
      }
      const uri = vscode.Uri.parse(r.key, true);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || !this.files.matches(uri)) continue;
      if (open.has(r.key)) continue; // read from its document by the scan
      const entry = new CatalogEntry({ uri, key: r.key, folder, relativePath: displayPath(folder, uri), text: r.text, fingerprint: r.fingerprint, stamp: r.stamp });
      const remembered = this.memo?.getPacked(r.fingerprint);
      if (remembered) {
        entry.setAnalysis(remembered);
        this.counts.remembered++;
      } else missing.push(entry);
      this.entries.set(r.key, entry);
      this.counts.restored++;
    }
    if (this.entries.size === 0) return;
    this.ready = true;
    this.changed.fire({ keys: [], listChanged: true });
    // Remembered texts whose analysis is not remembered: analysed on the pool, before the scan ends.
    if (missing.length > 0) this.restoring = this.analyseAll(missing).then((keys) => this.changed.fire({ keys, listChanged: false }));
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
    const all = [...this.entries.values()].filter((e) => !e.error || e.hasAnalysis);
    for (let i = 0; i < all.length; i += BATCH) await this.analyseAll(all.slice(i, i + BATCH));
    this.changed.fire({ keys: all.map((e) => e.key), listChanged: true });
  }

  /** Analyses entries on the pool (each keeps its text and analysis in step); the keys whose analysis changed. */
  private async analyseAll(entries: readonly CatalogEntry[]): Promise<string[]> {
    const done = await Promise.all(entries.map(async (e) => ((await this.analyseInto(e)) ? e.key : undefined)));
    return done.filter((k): k is string => k !== undefined);
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
            const stat = await localFileOps.stat(e.key).then(undefined, () => undefined);
            if (stat && sameStamp(e.stamp, stat)) return;
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
      // The visible editors' articles first (their highlights and hovers wait for them).
      const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
      todo.sort((a, b) => Number(visible.has(b.toString())) - Number(visible.has(a.toString())));
      const work = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken) => {
        let done = 0;
        let reported = 0;
        const stop = () => cts.token.isCancellationRequested || token?.isCancellationRequested === true;
        // A window of articles read and analysed at once: the reads overlap the workers' analyses, and the pool's
        // queue stays short so a priority request (a hover, a newly visible editor) waits for little.
        for await (const entry of mapOrdered(todo, IN_FLIGHT, (u) => (stop() ? Promise.resolve(undefined) : this.load(u)))) {
          if (!entry) continue;
          done++;
          // On a first open of a large folder, show the articles analysed so far after 1.5 s, 3 s, 6 s... (the
          // trees fill in, and the index is built alongside instead of after the scan; doubling the pause keeps
          // the trees' own work small on a very large folder).
          if (!restored && Date.now() - shown > interval) {
            shown = Date.now();
            interval *= 2;
            this.changed.fire({ keys: [], listChanged: true });
          }
          // After a restore, the annotation service and the index hear of the new articles by key.
          if (restored) changedKeys.push(entry.key);
          if (done - reported >= 48 || done === todo.length) {
            progress?.report({ message: `${done} of ${todo.length} articles`, increment: ((done - reported) / todo.length) * 100 });
            reported = done;
          }
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
      await this.restoring;
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
        const stat = await localFileOps.stat(key);
        if (!stat) throw new FileNotFoundError(key);
        const decoded = decodeArticleBytes(await localFileOps.readFile(key));
        this.counts.read++;
        if (decoded.ok) {
          text = decoded.text;
          stamp = { size: stat.size, mtimeMs: stat.mtimeMs };
        } else error = decoded.reason;
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
    }
    const entry = new CatalogEntry({ uri, key, folder, relativePath: displayPath(folder, uri), text, fingerprint: fingerprint(text), error, version: doc?.version, stamp });
    // The entry replaces the previous one once analysed (its text and analysis always go together), in place, so
    // that views holding the article (tree nodes, entity lists) show the new state when redrawn.
    if (!error) await this.analyseInto(entry);
    const existing = this.entries.get(key);
    if (existing) {
      existing.takeFrom(entry);
      return existing;
    }
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
        if (doc.isClosed) return;
        // For the figures: from the end of the pause to the analysis received, and the host's time to apply it
        // (the request may have been started already, e.g. by the Outline asking for symbols).
        const t0 = performance.now();
        void this.current(doc).then(() => {
          const l = this.lastApply;
          if (l) this.lastUpdate = { waitMs: Math.max(0, l.receivedAt - t0), applyMs: l.appliedAt - l.receivedAt };
        });
      }, delay),
    );
  }

  /**
   * The article brought up to its open document's current text: analysed on the pool, ahead of the queue, when
   * the text changed (one request per text; a newer text supersedes it). The entry's text, fingerprint, version
   * and analysis change together when the analysis arrives, so readers never see an analysis of another text.
   */
  current(doc: vscode.TextDocument): Promise<ArticleEntry | undefined> {
    const key = doc.uri.toString();
    const entry = this.entries.get(key);
    if (!entry) return Promise.resolve(undefined);
    if (entry.version === doc.version && (entry.hasAnalysis || entry.error)) return Promise.resolve(entry);
    const text = doc.getText();
    const fp = fingerprint(text);
    if (fp === entry.fingerprint && (entry.hasAnalysis || entry.error)) {
      entry.version = doc.version;
      return Promise.resolve(entry);
    }
    const running = this.inflight.get(key);
    if (running?.fingerprint === fp) return running.promise;
    const version = doc.version;
    const promise: Promise<ArticleEntry | undefined> = this.analyseText(text, fp, doc.uri, true).then((r) => {
      const receivedAt = performance.now();
      const newer = this.inflight.get(key);
      if (newer && newer.promise !== promise) return newer.promise; // typed on meanwhile: the newer text wins
      this.inflight.delete(key);
      const now = this.entries.get(key);
      if (!now) return undefined;
      now.update({ text, fingerprint: fp, version, stamp: undefined, error: r.error }, r.packed, r.parts);
      // Every view updates here, synchronously (decorations drawn, tree nodes marked, the index record queued).
      this.changed.fire({ keys: [key], listChanged: false });
      this.lastApply = { receivedAt, appliedAt: performance.now() };
      return now;
    });
    this.inflight.set(key, { fingerprint: fp, promise });
    return promise;
  }

  private readonly inflight = new Map<string, { readonly fingerprint: string; readonly promise: Promise<ArticleEntry | undefined> }>();

  /** Analyses the entry's text into it (unless its text changed meanwhile); true when it has an analysis. */
  private async analyseInto(entry: CatalogEntry, priority = false): Promise<boolean> {
    const fp = entry.fingerprint;
    const r = await this.analyseText(entry.text, fp, entry.uri, priority);
    if (entry.fingerprint !== fp) return false;
    entry.update({ text: entry.text, fingerprint: fp, version: entry.version, stamp: entry.stamp, error: r.error }, r.packed, r.parts);
    return r.packed !== undefined;
  }

  /** The remembered analysis of a text, or one made on the pool (and remembered); or why it failed. */
  private async analyseText(text: string, fp: string, uri: vscode.Uri, priority: boolean): Promise<{ packed?: PackedAnalysis; parts?: RecordParts; error?: string }> {
    const remembered = this.memo?.getPacked(fp);
    if (remembered) {
      this.counts.remembered++;
      return { packed: remembered };
    }
    try {
      // Packed on the worker: kept as it came, for the memo and the entry (decoded when a view reads it).
      const { packed, parts } = await this.analyze(text, uri, priority);
      this.counts.analysed++;
      this.memo?.setPacked(fp, packed);
      return { packed, ...(parts ? { parts } : {}) };
    } catch (err) {
      return { error: `analysis failed: ${err instanceof Error ? err.message : String(err)}` };
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
