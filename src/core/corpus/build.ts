/**
 * Building and refreshing the corpus index over files without blocking the caller's event loop: articles are
 * processed in small batches, yielding between them (at least every `sliceMs` milliseconds), with progress
 * reports and cancellation through an AbortSignal. Cancelling keeps what was indexed so far.
 *
 * With an index restored from the cache, an article whose file stamp (size and mtime) is unchanged is reused
 * without reading it; otherwise it is read, and reused when the fingerprint of its text is unchanged, else
 * analysed again.
 */
import type { ArticleAnalysis } from '../analysis/types';
import { sameStamp, type FileOps } from '../io/fileOps';
import { decodeArticleBytes, fingerprint } from '../text/decode';
import { CorpusIndex } from './index/corpusIndex';
import type { IndexedAnnotation } from './types';
import { yieldToEventLoop } from '../util/eventLoop';

/** The analysis of one article: in this thread, or a promise of it (a worker pool analyses a batch at once). */
export type AnalyzeFn = (text: string, path: string) => ArticleAnalysis | Promise<ArticleAnalysis>;
export type AnnotationsFn = (path: string, text: string) => Promise<readonly IndexedAnnotation[]>;

export interface BuildProgress {
  readonly done: number;
  readonly total: number;
  readonly path: string;
}

export interface BuildProblem {
  readonly path: string;
  readonly message: string;
}

export interface BuildCorpusOptions {
  readonly fileOps: FileOps;
  /** Every article of the corpus. Indexed articles not in the list are removed (unless the build is cancelled). */
  readonly paths: readonly string[];
  readonly analyze: AnalyzeFn;
  /** The article's annotations (from its sidecar); called for every article, reused ones included. */
  readonly annotationsFor?: AnnotationsFn;
  /** An index to refresh (e.g. from loadCorpusIndex); a new one otherwise. */
  readonly index?: CorpusIndex;
  /** Reuse an article without reading it when size and mtime are unchanged (default true). */
  readonly trustStamps?: boolean;
  /** Yield to the event loop at least this often (default 12 ms) and after every `batchSize` articles (default 25). */
  readonly sliceMs?: number;
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BuildProgress) => void;
}

export interface BuildReport {
  readonly index: CorpusIndex;
  readonly analyzed: number;
  readonly reused: number;
  readonly removed: number;
  readonly failed: readonly BuildProblem[];
  readonly cancelled: boolean;
}

export type UpdateOutcome = 'added' | 'updated' | 'unchanged' | 'removed' | 'failed';


interface Fetched {
  readonly path: string;
  readonly stat?: { size: number; mtimeMs: number };
  readonly bytes?: Uint8Array;
  readonly error?: unknown;
}

type RefreshOptions = Pick<BuildCorpusOptions, 'fileOps' | 'analyze' | 'annotationsFor' | 'trustStamps'>;

/** The I/O half of a refresh: stat, and read unless the stamp says the indexed version is current. */
async function fetchArticle(index: CorpusIndex, path: string, options: RefreshOptions): Promise<Fetched> {
  try {
    const stat = await options.fileOps.stat(path);
    if (!stat) return { path };
    const old = index.stampOf(path);
    if (options.trustStamps !== false && sameStamp(old, stat) && index.has(path)) return { path, stat };
    return { path, stat, bytes: await options.fileOps.readFile(path) };
  } catch (error) {
    return { path, error };
  }
}

/**
 * The CPU half: decode, compare fingerprints and analyse (the analyses of a batch run at once, on a pool when
 * `analyze` is one); then `commit` puts the outcome into the index, in the batch's order.
 */
async function prepareArticle(index: CorpusIndex, f: Fetched, options: RefreshOptions): Promise<() => Promise<UpdateOutcome>> {
  if (f.error !== undefined) throw f.error;
  const { path, stat } = f;
  if (!stat) return async () => (index.remove(path) ? 'removed' : 'unchanged');
  const had = index.has(path);
  if (!f.bytes) {
    return async () => {
      if (options.annotationsFor) await refreshAnnotations(index, path, index.textOf(path)!, options.annotationsFor);
      return 'unchanged';
    };
  }
  const decoded = decodeArticleBytes(f.bytes);
  if (!decoded.ok) throw new Error(`${path}: ${decoded.reason}`);
  const text = decoded.text;
  const fp = fingerprint(text);
  if (had && index.fingerprintOf(path) === fp) {
    return async () => {
      index.setStamp(path, stat);
      if (options.annotationsFor) await refreshAnnotations(index, path, text, options.annotationsFor);
      return 'unchanged';
    };
  }
  const analysis = await options.analyze(text, path);
  return async () => {
    // Sidecars are read in the batch's order, one after another (their warnings come out in that order).
    const annotations = options.annotationsFor ? await options.annotationsFor(path, text) : [];
    index.upsert({ path, text, fingerprint: fp, analysis, annotations, stamp: { size: stat.size, mtimeMs: stat.mtimeMs } });
    return had ? 'updated' : 'added';
  };
}

async function applyArticle(index: CorpusIndex, f: Fetched, options: RefreshOptions): Promise<UpdateOutcome> {
  return (await prepareArticle(index, f, options))();
}

export async function buildCorpusIndex(options: BuildCorpusOptions): Promise<BuildReport> {
  const index = options.index ?? new CorpusIndex();
  const { paths, signal } = options;
  const sliceMs = options.sliceMs ?? 12;
  const batchSize = Math.max(1, options.batchSize ?? 25);
  const failed: BuildProblem[] = [];
  let analyzed = 0;
  let reused = 0;
  let sliceStart = Date.now();
  const fetchBatch = (from: number) => Promise.all(paths.slice(from, from + batchSize).map((p) => fetchArticle(index, p, options)));
  // Reads of the next batch overlap with the analysis of this one.
  let pending = paths.length > 0 ? fetchBatch(0) : Promise.resolve([] as Fetched[]);
  for (let from = 0; from < paths.length; from += batchSize) {
    const batch = await pending;
    if (from + batchSize < paths.length) pending = fetchBatch(from + batchSize);
    if (signal?.aborted) {
      void pending.catch(() => undefined);
      return { index, analyzed, reused, removed: 0, failed, cancelled: true };
    }
    const prepared = await Promise.all(batch.map((f) => prepareArticle(index, f, options).then((commit) => ({ commit }), (error: unknown) => ({ error }))));
    for (let k = 0; k < batch.length; k++) {
      if (signal?.aborted) {
        void pending.catch(() => undefined);
        return { index, analyzed, reused, removed: 0, failed, cancelled: true };
      }
      const f = batch[k]!;
      const p = prepared[k]!;
      try {
        if ('error' in p) throw p.error;
        const outcome = await p.commit();
        if (outcome === 'unchanged') reused++;
        else if (outcome === 'added' || outcome === 'updated') analyzed++;
      } catch (err) {
        failed.push({ path: f.path, message: err instanceof Error ? err.message : String(err) });
        index.remove(f.path);
      }
      options.onProgress?.({ done: from + k + 1, total: paths.length, path: f.path });
      if (Date.now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }
    await yieldToEventLoop();
    sliceStart = Date.now();
  }
  if (signal?.aborted) return { index, analyzed, reused, removed: 0, failed, cancelled: true };
  const wanted = new Set(paths);
  let removed = 0;
  for (const p of index.paths()) {
    if (!wanted.has(p)) {
      index.remove(p);
      removed++;
    }
  }
  return { index, analyzed, reused, removed, failed, cancelled: false };
}

/**
 * Brings one article up to date after its file changed (or was created or deleted): reads it, and re-analyses
 * it when its text changed. Throws on an unreadable or binary file (the index then keeps the previous version).
 */
export async function refreshArticle(index: CorpusIndex, path: string, options: RefreshOptions): Promise<UpdateOutcome> {
  return applyArticle(index, await fetchArticle(index, path, options), options);
}

async function refreshAnnotations(index: CorpusIndex, path: string, text: string, annotationsFor: AnnotationsFn): Promise<void> {
  const next = await annotationsFor(path, text);
  const prev = index.annotationsOf(path) ?? [];
  if (JSON.stringify(next) !== JSON.stringify(prev)) index.updateAnnotations(path, next);
}
