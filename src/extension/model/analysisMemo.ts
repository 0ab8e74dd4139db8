/**
 * Remembers each article's analysis by the fingerprint of its text, in the workspace's storage (the core's
 * AnalysisCache), so reopening a workspace does not analyse unchanged articles again. The key includes the
 * entity corrections in force: a change to them starts a new cache.
 */
import * as vscode from 'vscode';
import type { PackedAnalysis } from '../../core/cache/analysisRecord';
import { AnalysisCache, analysisCacheKey } from '../../core/corpus';
import { fingerprint } from '../../core/text/decode';
import { config } from '../config';
import { localFileOps } from '../localFileOps';
import { workspaceCacheFile } from './storageFiles';

const SAVE_DELAY_MS = 3000;

export class AnalysisMemo implements vscode.Disposable {
  private cache: AnalysisCache;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  /** Number of analyses the cache held when loaded. */
  loadedCount = 0;

  constructor(private readonly storage: vscode.Uri | undefined) {
    this.cache = AnalysisCache.empty();
  }

  private get file(): vscode.Uri | undefined {
    return this.storage && workspaceCacheFile(this.storage, 'analysis-cache');
  }

  /** Loads the cache saved under `correctionsSignature` (anything else is ignored and replaced on save). */
  async load(correctionsSignature: string): Promise<void> {
    const key = analysisCacheKey(fingerprint(correctionsSignature));
    const file = this.file;
    if (!file || !config.indexCache()) {
      this.cache = AnalysisCache.empty(key);
      return;
    }
    this.cache = await AnalysisCache.load(localFileOps, file.toString(), key);
    this.loadedCount = this.cache.stats().articles;
  }

  /** The corrections changed: forget every analysis. */
  reset(correctionsSignature: string): void {
    this.cache = AnalysisCache.empty(analysisCacheKey(fingerprint(correctionsSignature)));
    this.dirty = true;
    this.scheduleSave();
  }

  getPacked(fp: string): PackedAnalysis | undefined {
    return this.cache.getPacked(fp);
  }

  setPacked(fp: string, packed: PackedAnalysis): void {
    this.cache.setPacked(fp, packed);
    this.dirty = true;
    this.scheduleSave();
  }

  /** Drops the analyses of texts no longer in the workspace (after a full scan). */
  prune(live: Iterable<string>): void {
    if (this.cache.prune(live) > 0) {
      this.dirty = true;
      this.scheduleSave();
    }
  }

  private scheduleSave(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  async save(): Promise<void> {
    const file = this.file;
    if (!file || !this.dirty || !config.indexCache()) return;
    await this.saving;
    this.dirty = false;
    this.saving = (async () => {
      try {
        await vscode.workspace.fs.createDirectory(this.storage!);
        // In slices, so hovers and commands keep running while 10,000 analyses are packed.
        await this.cache.save(localFileOps, file.toString(), { sliceMs: 12 });
      } catch (err) {
        this.dirty = true;
        console.warn(`News Annotator: could not save the analysis cache: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
    await this.saving;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    void this.save();
  }
}
