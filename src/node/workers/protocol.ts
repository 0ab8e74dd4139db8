/**
 * The messages between the analysis pool (analysisPool.ts, on the caller's thread: the extension host or the
 * CLI's main thread) and its workers (analysisWorker.ts). Every value is structured-cloned by `postMessage`.
 */
import type { AnalyzeOptions } from '../../core/analysis/index';
import type { Job } from './jobs';

/** What a worker is started with (`workerData`). */
export interface WorkerStart {
  /** Test hook: the worker ends itself (as a crash would) when asked to analyse an article of this name. */
  readonly failOn?: string;
}

/** Pool → worker: analyse one article. */
export interface AnalyseRequest {
  readonly type: 'analyse';
  readonly id: number;
  /** The article's name (a path or URI), for logs and the test hook only. */
  readonly name: string;
  readonly text: string;
  readonly options: AnalyzeOptions;
  /** What to send back (jobs.ts); the analysis itself by default. */
  readonly job: Job;
}

/** Pool → worker: set or clear the test hook (see WorkerStart.failOn). */
export interface FailOnRequest {
  readonly type: 'failOn';
  readonly name: string | undefined;
}

export type ToWorker = AnalyseRequest | FailOnRequest;

/**
 * Worker → pool: the outcome of one request (`result`: the job's, see jobs.ts); `heapUsed` is the worker's heap
 * after it (bytes), `cpuMs` its thread's CPU time so far (Linux only), for the figures.
 */
export type FromWorker =
  | { readonly type: 'ready'; readonly heapUsed: number; readonly cpuMs?: number }
  | { readonly type: 'done'; readonly id: number; readonly result: unknown; readonly heapUsed: number; readonly cpuMs?: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly heapUsed: number; readonly cpuMs?: number };
