/**
 * Keeps the core's CorpusIndex in step with the workspace: every analysed article and its annotations, updated
 * incrementally when an article or a sidecar changes. Indexing runs in small batches that yield to the
 * extension host, so hovers and commands stay responsive while a large folder is indexed.
 */
import * as vscode from 'vscode';
import { CorpusIndex } from '../../core/corpus';
import type { IndexedAnnotation } from '../../core/corpus';
import type { AnnotationSource } from '../featureContext';
import type { ArticleCatalog } from './articleCatalog';

const BATCH = 64;

export class IndexService implements vscode.Disposable {
  readonly index = new CorpusIndex();
  private readonly disposables: vscode.Disposable[] = [];
  private pending = new Set<string>();
  private full = true;
  private running: Promise<void> | undefined;

  constructor(
    private readonly catalog: ArticleCatalog,
    private readonly annotations: AnnotationSource,
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
        if (this.index.has(uri)) this.index.updateAnnotations(uri, this.annotationsOf(uri));
      }),
    );
  }

  /** Resolves once the index reflects the catalog (call before answering a query). */
  async ready(): Promise<CorpusIndex> {
    await this.sync();
    return this.index;
  }

  private annotationsOf(uri: string): IndexedAnnotation[] {
    return this.annotations
      .forArticle(uri)
      .filter((a) => a.status !== 'orphaned')
      .map((a) => ({ id: a.id, start: a.start, end: a.end, quote: a.quote, tags: a.tags, note: a.note, kind: a.kind }));
  }

  private sync(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
      // Build the search and related tables in small slices now, so the first query does not pay for them.
      this.warm?.abort();
      const warm = new AbortController();
      this.warm = warm;
      this.index.prepareInBackground({ signal: warm.signal }).then(undefined, () => undefined);
    });
    return this.running;
  }

  private warm: AbortController | undefined;

  private async run(): Promise<void> {
    for (;;) {
      let keys: string[];
      if (this.full) {
        this.full = false;
        const live = new Set(this.catalog.all().map((a) => a.key));
        for (const p of this.index.paths()) if (!live.has(p)) this.index.remove(p);
        keys = [...live];
        this.pending.clear();
      } else if (this.pending.size > 0) {
        keys = [...this.pending];
        this.pending.clear();
      } else {
        return;
      }
      for (let i = 0; i < keys.length; i += BATCH) {
        for (const key of keys.slice(i, i + BATCH)) {
          const a = this.catalog.get(key);
          if (!a || !a.analysis) {
            if (this.index.has(key)) this.index.remove(key);
            continue;
          }
          if (this.index.fingerprintOf(key) === a.fingerprint) {
            this.index.updateAnnotations(key, this.annotationsOf(key));
            continue;
          }
          this.index.upsert({ path: key, text: a.text, fingerprint: a.fingerprint, analysis: a.analysis, annotations: this.annotationsOf(key) });
        }
        if (keys.length > BATCH) await new Promise((r) => setImmediate(r));
      }
    }
  }

  dispose(): void {
    this.warm?.abort();
    for (const d of this.disposables) d.dispose();
  }
}
