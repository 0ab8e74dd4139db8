/**
 * Keeps the core's CorpusIndex in step with the workspace: every analysed article and its annotations, updated
 * incrementally when an article or a sidecar changes. Indexing runs in small batches that yield to the
 * extension host, so hovers and commands stay responsive while a large folder is indexed.
 *
 * The index is cached in the extension's global storage (the core's packed cache format, keyed by the package
 * version and the entity corrections in force): a reopen loads it, the catalog shows the remembered articles at
 * once (`snapshot`), and only the files whose size or modification time changed are read again.
 */
import * as vscode from 'vscode';
import { yieldToEventLoop } from '../../core/util/eventLoop';
import { analysisCacheKey, CorpusIndex, loadCorpusIndex, saveCorpusIndex, toIndexedAnnotations } from '../../core/corpus';
import type { IndexedAnnotation } from '../../core/corpus';
import { sameStamp } from '../../core/io/fileOps';
import { fingerprint } from '../../core/text/decode';
import { config } from '../config';
import type { AnnotationService } from './annotationService';
import { localFileOps } from '../localFileOps';
import type { ArticleCatalog, RememberedArticle } from './articleCatalog';
import { workspaceCacheFile } from './storageFiles';

/** The longest the index is updated in one go before the host's other work gets a turn (ms). */
const SLICE_MS = 8;
/**
 * The cache is written once the first scan is indexed, and then this long after the last change of an article's
 * text (serialising a large index takes the extension host a moment). Changes of annotations alone do not call
 * for a save: a reopen loads the sidecars anyway, and a stale cached article is noticed by its file stamp.
 */
const SAVE_DELAY_MS = 30_000;

export class IndexService implements vscode.Disposable {
  private current = new CorpusIndex();
  private readonly disposables: vscode.Disposable[] = [];
  private pending = new Set<string>();
  private full = true;
  private running: Promise<void> | undefined;
  private cacheKey: string | undefined;
  private dirty = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  /** Articles the cache held when loaded, and how long loading it took (for the figures). */
  readonly cacheStats = { articles: 0, loadMs: 0, saveMs: 0 };

  constructor(
    private readonly catalog: ArticleCatalog,
    private readonly annotations: AnnotationService,
    private readonly storage?: vscode.Uri,
  ) {
    this.disposables.push(
      catalog.onDidChange((e) => {
        if (e.listChanged) this.full = true;
        for (const k of e.keys) this.pending.add(k);
        void this.sync();
      }),
      annotations.onDidChange((uri) => {
        if (!uri) {
          this.full = true;
          void this.sync();
          return;
        }
        if (this.index.has(uri)) this.setAnnotations(uri);
      }),
    );
  }

  get index(): CorpusIndex {
    return this.current;
  }

  /** Resolves once the index reflects the catalog (call before answering a query). */
  async ready(): Promise<CorpusIndex> {
    await this.sync();
    return this.index;
  }

  private get cacheFile(): vscode.Uri | undefined {
    return this.storage && config.indexCache() ? workspaceCacheFile(this.storage, 'corpus-index') : undefined;
  }

  /**
   * Loads the cached index saved under `correctionsSignature` (a cache made by another version, under other
   * corrections, or damaged is ignored: the index is then built from the articles). Call before the first scan.
   */
  async loadCache(correctionsSignature: string): Promise<void> {
    this.cacheKey = analysisCacheKey(fingerprint(correctionsSignature));
    const file = this.cacheFile;
    if (!file || this.current.size > 0) return;
    const t0 = performance.now();
    const loaded = await loadCorpusIndex(localFileOps, file.toString(), this.cacheKey, (m) => console.warn(`News Annotator: ${m}`), { sliceMs: SLICE_MS });
    if (loaded && this.current.size === 0) {
      this.current = loaded;
      this.cacheStats.articles = loaded.size;
    }
    this.cacheStats.loadMs = performance.now() - t0;
  }

  /** The corrections changed: the cached index no longer applies (it is rewritten once the articles are re-analysed). */
  resetCache(correctionsSignature: string): void {
    this.cacheKey = analysisCacheKey(fingerprint(correctionsSignature));
    this.markDirty();
  }

  /** The articles the index holds with the file stamp they were read with (what the catalog can show before reading). */
  *snapshot(): Iterable<RememberedArticle> {
    for (const key of this.index.paths()) {
      const stamp = this.index.stampOf(key);
      const text = this.index.textOf(key);
      const fp = this.index.fingerprintOf(key);
      if (stamp && text !== undefined && fp) yield { key, text, fingerprint: fp, stamp };
    }
  }

  /** The articles the index holds annotations for (whose sidecars a reopen loads first). */
  annotatedPaths(): string[] {
    return this.index.paths().filter((p) => (this.index.annotationsOf(p)?.length ?? 0) > 0);
  }

  /** The article's annotations as the index keeps them (the core's rule: orphans left out, quote from the text). */
  private annotationsOf(uri: string): IndexedAnnotation[] {
    return toIndexedAnnotations(this.annotations.exportData(uri).annotations, this.catalog.get(uri)?.text);
  }

  private setAnnotations(uri: string): void {
    const next = this.annotationsOf(uri);
    const prev = this.index.annotationsOf(uri) ?? [];
    if (sameAnnotations(prev, next)) return;
    this.index.updateAnnotations(uri, next);
    this.markDirty(false);
  }

  private sync(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
      // Build the search and related tables in small slices now, so the first query does not pay for them.
      this.warm?.abort();
      const warm = new AbortController();
      this.warm = warm;
      this.warming = this.index.prepareInBackground({ signal: warm.signal }).then(undefined, () => undefined);
    });
    return this.running;
  }

  private warm: AbortController | undefined;
  /** The background preparation running (the cache is written after it: its shingle table is then one piece). */
  private warming: Promise<void> | undefined;

  private async run(): Promise<void> {
    for (;;) {
      let keys: string[];
      if (this.full) {
        this.full = false;
        const live = new Set(this.catalog.all().map((a) => a.key));
        for (const p of this.index.paths()) {
          if (!live.has(p)) {
            this.index.remove(p);
            this.markDirty();
          }
        }
        keys = [...live];
        this.pending.clear();
      } else if (this.pending.size > 0) {
        keys = [...this.pending];
        this.pending.clear();
      } else {
        return;
      }
      // In slices of about SLICE_MS (a batch of a fixed size held the host for hundreds of ms on a loaded machine).
      let slice = performance.now();
      for (const key of keys) {
        this.syncOne(key);
        if (performance.now() - slice >= SLICE_MS) {
          await yieldToEventLoop();
          slice = performance.now();
        }
      }
    }
  }

  private syncOne(key: string): void {
    const a = this.catalog.get(key);
    // The record parts the worker made with the analysis: taken once (posted as they are, or not needed).
    const parts = a?.indexParts;
    if (a) a.indexParts = undefined;
    if (!a || !a.hasAnalysis) {
      if (this.index.remove(key)) this.markDirty();
      return;
    }
    if (this.index.fingerprintOf(key) === a.fingerprint) {
      if (a.stamp && !sameStamp(this.index.stampOf(key), a.stamp)) {
        this.index.setStamp(key, a.stamp);
        this.markDirty();
      }
      this.setAnnotations(key);
      return;
    }
    this.index.upsert({ path: key, text: a.text, fingerprint: a.fingerprint, analysis: () => a.peekAnalysis()!, ...(parts ? { parts } : {}), annotations: this.annotationsOf(key), stamp: a.stamp });
    this.markDirty();
  }

  private markDirty(textChanged = true): void {
    this.dirty = true;
    if (!textChanged || !this.cacheFile) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCache(), SAVE_DELAY_MS);
  }

  /** Writes the index to the cache when it changed since it was loaded or last saved (atomic: temp file + rename). */
  async saveCache(): Promise<void> {
    const file = this.cacheFile;
    if (!file || !this.dirty || this.cacheKey === undefined) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.saving;
    // Never save a half-synchronised index: wait for the running sync (a change after it schedules another save),
    // and for the background preparation, which merges the shingle table in slices (else the writer does it at once).
    await this.running;
    await this.warming;
    this.dirty = false;
    const key = this.cacheKey;
    this.saving = (async () => {
      try {
        const t0 = performance.now();
        await vscode.workspace.fs.createDirectory(this.storage!);
        // In slices, so hovers and commands keep running while a large index is written (its shingle table first).
        await this.index.prepareFrozenShingles({ sliceMs: 12 });
        await saveCorpusIndex(localFileOps, file.toString(), this.index, key, { sliceMs: 12 });
        this.cacheStats.saveMs = performance.now() - t0;
      } catch (err) {
        this.dirty = true;
        console.warn(`News Annotator: could not save the corpus index cache: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
    await this.saving;
  }

  dispose(): void {
    this.warm?.abort();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    void this.saveCache();
    for (const d of this.disposables) d.dispose();
  }
}

function sameAnnotations(a: readonly IndexedAnnotation[], b: readonly IndexedAnnotation[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return (
      x.id === y.id &&
      x.start === y.start &&
      x.end === y.end &&
      x.quote === y.quote &&
      (x.note ?? '') === (y.note ?? '') &&
      (x.kind ?? '') === (y.kind ?? '') &&
      x.tags.length === y.tags.length &&
      x.tags.every((t, k) => t === y.tags[k])
    );
  });
}
