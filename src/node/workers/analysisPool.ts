/**
 * A pool of worker threads that analyse articles (`analyzeArticle`, off the caller's thread). Used by the
 * extension (the extension host only sends texts and receives analyses) and by the CLI.
 *
 * - Size: the machine's cores but one, at least one (os.availableParallelism; poolSize), or the caller's setting
 *   (at most the cores); workers start on demand
 *   and, in the extension, end after a while without work.
 * - Order: first in, first out, except that `prioritize` (and `priority: true`) puts an article's request ahead
 *   of the others (the active and visible editors' articles).
 * - Failures: a worker that crashes, or runs one article past its size-proportional budget, is replaced; the
 *   article it held is retried once on a fresh worker. If that fails too, the request rejects with a
 *   `WorkerFailure` (the caller tells the user). An exception thrown by the analysis itself is not a crash: the
 *   request rejects with it at once, as the in-thread path would.
 * - Fallback: where workers cannot start (no worker_threads, no worker script, workers dying at start), the
 *   pool analyses in the caller's thread, one article per turn of the event loop, and logs it once.
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../../core/analysis/index';
import type { ArticleAnalysis } from '../../core/analysis/types';
import { yieldToEventLoop } from '../../core/util/eventLoop';
import { ANALYSIS_JOB, finishJob, type Job, type JobResult } from './jobs';
import type { FromWorker, ToWorker, WorkerStart } from './protocol';

export type InThreadAnalyze = (text: string, options: AnalyzeOptions) => ArticleAnalysis;

export interface AnalysisPoolOptions {
  /** Path of the bundled worker script (dist/analysisWorker.js); undefined or missing: in-thread only. */
  readonly script: string | undefined;
  /** Most workers (0 or absent: the machine's cores). */
  readonly maxWorkers?: number;
  /** The in-thread analysis (the fallback). */
  readonly inThread: InThreadAnalyze;
  /** Where crashes, replacements and the fallback are logged. */
  readonly log?: (message: string) => void;
  /** How long one article may take before its worker is replaced (default: 20 s + 20 ms per 1,000 characters). */
  readonly budgetMs?: (chars: number) => number;
  /** End workers after this long without work (default: never, for the CLI, which disposes the pool). */
  readonly idleMs?: number;
  /**
   * Requests each worker holds at once (default 2): the one it runs and the next, already in its message queue,
   * so it never waits for the caller's thread (busy, or not scheduled on a loaded machine) between two articles.
   */
  readonly depth?: number;
}

/** An article whose analysis crashed (or overran its budget) on two workers in a row. */
export class WorkerFailure extends Error {
  constructor(
    readonly article: string,
    readonly reason: string,
  ) {
    super(`the analysis of ${article} failed twice (${reason})`);
    this.name = 'WorkerFailure';
  }
}

export interface AnalyseRequestOptions {
  /** The article's name (a path or URI): for logs, priorities and the test hook. */
  readonly name: string;
  /** Put it ahead of the queue. */
  readonly priority?: boolean;
}

interface Task {
  readonly id: number;
  readonly name: string;
  readonly text: string;
  readonly options: AnalyzeOptions;
  readonly job: Job;
  attempts: number;
  readonly resolve: (result: unknown) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** The requests posted to the worker, in its order: the first is the one it runs. */
  readonly tasks: Task[];
  /** The budget of the first request. */
  timer: ReturnType<typeof setTimeout> | undefined;
  started: boolean;
  peakHeap: number;
  /** the worker thread's CPU time as last told (ms) */
  cpuMs: number;
  ended: boolean;
}

export interface PoolStats {
  readonly mode: 'workers' | 'in-thread';
  readonly size: number;
  readonly running: number;
  readonly queued: number;
  readonly analysed: number;
  /** Workers replaced after a crash or an overrun. */
  readonly replaced: number;
  /** Peak heap of each worker that ran (bytes), the live ones last. */
  readonly workerPeakHeaps: readonly number[];
  /** CPU time of the analysis threads, every worker's since it started, the replaced ones' included (ms; Linux only, else 0) */
  readonly workerCpuMs: number;
}

const defaultBudget = (chars: number): number => 20_000 + Math.ceil(chars / 1000) * 20;
/** Workers that die before answering anything, in a row, before the pool gives up on workers. */
const START_FAILURES = 3;

/**
 * The number of workers for a setting (0: the default). By default every core but one, and at least one: the
 * caller's thread (the extension host's, the CLI's writer) and V8's compiler and collector threads need a core
 * too, and each worker compiles the analysis again. On 2 cores, one worker opened 10,000 articles as fast as two
 * (33.4 s against 34.6 s) with 20% less CPU (44.7 s against 56.2 s). A setting above the cores is capped at them.
 */
export function poolSize(setting: number | undefined): number {
  const cores = Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  return setting && setting > 0 ? Math.min(cores, Math.floor(setting)) : Math.max(1, cores - 1);
}

export class AnalysisPool {
  private readonly high: Task[] = [];
  private readonly normal: Task[] = [];
  private readonly slots = new Set<Slot>();
  private readonly retired: number[] = [];
  private retiredCpuMs = 0;
  private size: number;
  private readonly budget: (chars: number) => number;
  private readonly depth: number;
  private nextId = 1;
  private mode: 'workers' | 'in-thread' = 'workers';
  private startFailures = 0;
  private failOn: string | undefined;
  private analysed = 0;
  private replaced = 0;
  private draining = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly opts: AnalysisPoolOptions) {
    this.size = poolSize(opts.maxWorkers);
    this.budget = opts.budgetMs ?? defaultBudget;
    this.depth = Math.max(1, opts.depth ?? 2);
    if (!opts.script || !existsSync(opts.script)) this.fallBack(`no worker script${opts.script ? ` at ${opts.script}` : ''}`);
  }

  /** Analyses one article on a worker (or in this thread in the fallback). */
  analyze(text: string, options: AnalyzeOptions, req: AnalyseRequestOptions): Promise<ArticleAnalysis> {
    return this.run(text, options, req, ANALYSIS_JOB);
  }

  /** Analyses one article and sends back what `job` makes of the analysis (jobs.ts), made on the worker. */
  run<J extends Job>(text: string, options: AnalyzeOptions, req: AnalyseRequestOptions, job: J): Promise<JobResult<J>> {
    if (this.disposed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise<JobResult<J>>((resolve, reject) => {
      const task: Task = { id: this.nextId++, name: req.name, text, options, job, attempts: 0, resolve: resolve as (r: unknown) => void, reject };
      (req.priority ? this.high : this.normal).push(task);
      this.pump();
    });
  }

  /** Changes the most workers (a setting changed): more start when there is work, extra ones end when idle. */
  setMaxWorkers(max: number | undefined): void {
    this.size = poolSize(max);
    this.pump();
  }

  /** Moves the queued requests of these articles ahead of the others. */
  prioritize(names: Iterable<string>): void {
    const wanted = new Set(names);
    if (wanted.size === 0) return;
    const moved: Task[] = [];
    for (let i = this.normal.length - 1; i >= 0; i--) {
      if (wanted.has(this.normal[i]!.name)) moved.push(...this.normal.splice(i, 1));
    }
    this.high.push(...moved.reverse());
  }

  stats(): PoolStats {
    const running = [...this.slots].filter((s) => s.tasks.length > 0).length;
    return {
      mode: this.mode,
      size: this.mode === 'workers' ? this.size : 0,
      running,
      queued: this.high.length + this.normal.length,
      analysed: this.analysed,
      replaced: this.replaced,
      workerPeakHeaps: [...this.retired, ...[...this.slots].map((s) => s.peakHeap)],
      workerCpuMs: this.retiredCpuMs + [...this.slots].reduce((t, s) => t + s.cpuMs, 0),
    };
  }

  /** Test hook: every worker crashes on an article whose name ends with `name` (undefined: none). */
  setFailOn(name: string | undefined): void {
    this.failOn = name;
    for (const s of this.slots) s.worker.postMessage({ type: 'failOn', name } satisfies ToWorker);
  }

  /** Test hook: ends a worker that is analysing an article, as a crash would. True when one was busy. */
  killBusyWorker(): boolean {
    const slot = [...this.slots].find((s) => s.tasks.length > 0 && s.started);
    if (!slot) return false;
    void slot.worker.terminate();
    return true;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const closed = new Error('the analysis pool is closed');
    for (const t of [...this.high.splice(0), ...this.normal.splice(0)]) t.reject(closed);
    const slots = [...this.slots];
    this.slots.clear();
    for (const s of slots) {
      s.ended = true;
      if (s.timer) clearTimeout(s.timer);
      for (const t of s.tasks.splice(0)) t.reject(closed);
    }
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
  }

  private take(): Task | undefined {
    return this.high.shift() ?? this.normal.shift();
  }

  private pump(): void {
    if (this.disposed) return;
    if (this.mode === 'in-thread') {
      void this.drainInThread();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    // An idle worker first, then a new one, and only then a second request for a busy one.
    for (const s of this.slots) {
      if (s.tasks.length === 0 && !s.ended) this.give(s, 1);
    }
    while (this.slots.size < this.size && this.high.length + this.normal.length > 0 && this.mode === 'workers') {
      const slot = this.spawn();
      if (!slot) break;
      this.give(slot, 1);
    }
    for (const s of this.slots) {
      if (!s.ended) this.give(s, this.depth);
    }
    this.armIdle();
  }

  /** Posts queued requests to the worker until it holds `upTo` (an idle worker beyond the size ends). */
  private give(slot: Slot, upTo: number): void {
    if (this.slots.size > this.size && slot.tasks.length === 0) {
      this.end(slot);
      return;
    }
    while (slot.tasks.length < upTo && this.mode === 'workers') {
      const task = this.take();
      if (!task) return;
      slot.tasks.push(task);
      slot.worker.postMessage({ type: 'analyse', id: task.id, name: task.name, text: task.text, options: task.options, job: task.job } satisfies ToWorker);
      if (slot.tasks.length === 1) this.armBudget(slot);
    }
  }

  /** The first request's budget runs from now (when the worker starts it). */
  private armBudget(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    const task = slot.tasks[0];
    if (!task) return;
    const ms = this.budget(task.text.length);
    slot.timer = setTimeout(() => this.replace(slot, `no answer after ${ms} ms`), ms);
  }

  private spawn(): Slot | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.opts.script!, { workerData: { failOn: this.failOn } satisfies WorkerStart });
    } catch (err) {
      this.fallBack(`workers cannot start: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    const slot: Slot = { worker, tasks: [], timer: undefined, started: false, peakHeap: 0, cpuMs: 0, ended: false };
    this.slots.add(slot);
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (err) => this.replace(slot, `crashed: ${err.message}`));
    worker.on('exit', (code) => this.replace(slot, `exited with code ${code}`));
    return slot;
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    slot.started = true;
    this.startFailures = 0;
    slot.peakHeap = Math.max(slot.peakHeap, m.heapUsed);
    if (m.cpuMs !== undefined) slot.cpuMs = m.cpuMs;
    if (m.type === 'ready') return;
    const task = slot.tasks[0];
    if (!task || task.id !== m.id) return;
    slot.tasks.shift();
    this.armBudget(slot);
    if (m.type === 'done') {
      this.analysed++;
      task.resolve(m.result);
    } else task.reject(new Error(m.message));
    if (!slot.ended) this.give(slot, this.depth);
    this.armIdle();
  }

  /** A worker crashed, exited or overran: drop it, retry its article once, start another. */
  private replace(slot: Slot, why: string): void {
    if (slot.ended) return;
    slot.ended = true;
    this.slots.delete(slot);
    this.retire(slot);
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate().catch(() => 0);
    if (this.disposed) return;
    const [task, ...waiting] = slot.tasks.splice(0);
    // The requests behind the first one never started: back to the front of the queue, in their order.
    this.high.unshift(...waiting);
    if (!slot.started && ++this.startFailures >= START_FAILURES) {
      if (task) this.high.unshift(task);
      this.fallBack(`workers stop before answering (${why})`);
      return;
    }
    if (!task) {
      this.opts.log?.(`an idle analysis worker ${why}; another starts when there is work`);
      this.pump();
      return;
    }
    this.replaced++;
    task.attempts++;
    this.opts.log?.(`analysis worker ${why} while analysing ${task.name}; ${task.attempts < 2 ? 'retrying it on a new worker' : 'giving up on it'}`);
    if (task.attempts < 2) this.high.unshift(task);
    else task.reject(new WorkerFailure(task.name, why));
    this.pump();
  }

  private fallBack(why: string): void {
    if (this.mode === 'in-thread') return;
    this.mode = 'in-thread';
    this.opts.log?.(`analysis runs in this thread: ${why}`);
    for (const s of [...this.slots]) {
      this.high.unshift(...s.tasks.splice(0));
      this.replace(s, 'no longer used');
    }
    this.pump();
  }

  private async drainInThread(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let task = this.take(); task && !this.disposed; task = this.take()) {
        try {
          const result = finishJob(task.job, task.text, this.opts.inThread(task.text, task.options), task.name);
          this.analysed++;
          task.resolve(result);
        } catch (err) {
          task.reject(err instanceof Error ? err : new Error(String(err)));
        }
        await yieldToEventLoop();
      }
    } finally {
      this.draining = false;
    }
  }

  /** Ends an idle worker on purpose (not a crash). */
  private end(slot: Slot): void {
    slot.ended = true;
    this.slots.delete(slot);
    this.retire(slot);
    void slot.worker.terminate().catch(() => 0);
  }

  /** Remembers an ended worker's peak heap (the last 16). */
  private retire(slot: Slot): void {
    this.retiredCpuMs += slot.cpuMs;
    this.retired.push(slot.peakHeap);
    if (this.retired.length > 16) this.retired.shift();
  }

  private armIdle(): void {
    const idleMs = this.opts.idleMs;
    if (!idleMs || this.idleTimer || this.high.length + this.normal.length > 0 || [...this.slots].some((s) => s.tasks.length > 0)) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.high.length + this.normal.length > 0 || [...this.slots].some((s) => s.tasks.length > 0)) return;
      for (const s of [...this.slots]) this.end(s);
    }, idleMs);
    this.idleTimer.unref?.();
  }
}
