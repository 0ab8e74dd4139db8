/** The sidecar store: loads and keeps the annotation handles of articles (one store per workspace or CLI run). */
import { DEFAULT_CONTEXT_LENGTH } from '../../anchoring/anchor';
import type { FileOps } from '../../io/fileOps';
import { sidecarPathFor } from '../../workspace/articleFiles';
import { defaultRandom, type RandomSource } from '../ids';
import { DEFAULT_LOCK_STALE_MS, withSidecarLock } from '../lock';
import { DEFAULT_LIMITS, SidecarError, type SidecarLimits } from '../yaml';
import { ArticleAnnotations, type StoreServices } from './articleAnnotations';
import { problemOf, readSidecarFile } from './readSidecar';

export interface StoreOptions {
  readonly fileOps: FileOps;
  /** Clock for created/updated times (inject a fixed one in tests). */
  readonly clock?: () => Date;
  readonly random?: RandomSource;
  readonly limits?: SidecarLimits;
  /** Characters of context stored each side of a quote (setting `newsAnnotator.annotations.contextLength`). */
  readonly contextLength?: number;
  /**
   * After a save, the sidecar is read again this many milliseconds later and our change restored if another
   * process overwrote it in the instant between our last check and our rename. Negative: no second look.
   */
  readonly verifyDelayMs?: number;
  /**
   * Each save holds `<sidecar>.lock` (through `FileOps.createExclusive`) so saves from several processes take
   * turns. A lock older than this (a holder killed mid-save) is broken. Default 2000 ms.
   */
  readonly lockStaleMs?: number;
  /**
   * The caller watches the sidecars and hands each change event to `ArticleAnnotations.onDiskChange` (the
   * extension's file watcher): saves then check the file by its stamp rather than reading it, and the echo of a
   * save is recognised by its content (see SaveEnv.watched). No second look after a save (`verifyDelayMs` < 0).
   */
  readonly watched?: boolean;
}

/**
 * Loads and keeps article annotation handles. One store per workspace (extension) or per run (CLI).
 */
export class SidecarStore implements StoreServices {
  readonly fileOps: FileOps;
  readonly limits: SidecarLimits;
  private context: number;
  readonly random: RandomSource;
  readonly verifyDelayMs: number;
  readonly lockStaleMs: number;
  readonly watched: boolean;
  private readonly clock: () => Date;
  private readonly open = new Map<string, ArticleAnnotations>();

  constructor(options: StoreOptions) {
    this.fileOps = options.fileOps;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.context = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
    this.random = options.random ?? defaultRandom;
    this.watched = options.watched ?? false;
    this.verifyDelayMs = this.watched ? -1 : (options.verifyDelayMs ?? 25);
    this.lockStaleMs = options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Characters of context stored each side of a quote by new and re-attached annotations. */
  get contextLength(): number {
    return this.context;
  }

  /** Changes the context length for what is written from now on (open handles keep working: they ask the store). */
  setContextLength(n: number): void {
    this.context = n;
  }

  private readonly queues = new Map<string, Promise<unknown>>();

  /** @internal Serialises changes to one sidecar within this process. */
  runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /** @internal Runs `fn` holding the sidecar's lock file (across processes). */
  withLock<T>(sidecarPath: string, fn: () => Promise<T>): Promise<T> {
    return withSidecarLock(this.fileOps, sidecarPath, { staleMs: this.lockStaleMs, timeoutMs: Math.max(10_000, this.lockStaleMs * 5) }, fn);
  }

  /** @internal */
  now(): string {
    return this.clock().toISOString();
  }

  /**
   * Reads the article's sidecar (if any) and re-attaches its annotations to `text`. Never throws for a bad
   * sidecar: the handle then has `error` set and is read-only. Replaces any handle already open for the path.
   */
  async load(articlePath: string, text: string): Promise<ArticleAnnotations> {
    const sidecarPath = sidecarPathFor(articlePath);
    let h: ArticleAnnotations;
    try {
      const disk = await readSidecarFile(this.fileOps, sidecarPath, this.limits);
      h = new ArticleAnnotations(this, articlePath, sidecarPath, text, disk);
    } catch (err) {
      if (!(err instanceof SidecarError)) throw err;
      h = new ArticleAnnotations(this, articlePath, sidecarPath, text, { problem: problemOf(err, sidecarPath) });
    }
    this.open.set(articlePath, h);
    return h;
  }

  /** The handle last loaded for `articlePath`, if any. */
  get(articlePath: string): ArticleAnnotations | undefined {
    return this.open.get(articlePath);
  }

  /** Every open handle (the store is their one owner). */
  handles(): IterableIterator<ArticleAnnotations> {
    return this.open.values();
  }

  /** Forgets a handle (article closed or deleted). */
  forget(articlePath: string): void {
    this.open.delete(articlePath);
  }
}
