/**
 * The start-up sequence of a workspace. A reopen shows the articles the index cache remembers at once
 * (restoredMs), then checks every file's size and modification time in the background and reads only what
 * changed (scanMs); then the sidecars not loaded yet (readyMs). Once the first scan is indexed, the index cache
 * is written, so the next open starts from it.
 */
import type * as vscode from 'vscode';
import type { Services } from '../featureContext';

export interface StartupMarks {
  /** performance.now() when activation started. */
  readonly t0: number;
  restoredMs?: number;
  scanMs?: number;
  readyMs?: number;
}

export function startWorkspace(services: Services, subscriptions: vscode.Disposable[], marks: StartupMarks): Promise<void> {
  const { corrections, memo, catalog, annotations, index } = services;
  const ready = corrections
    .reload()
    .then(() => Promise.all([memo.load(corrections.signature()), index.loadCache(corrections.signature())]))
    .then(async () => {
      await catalog.restore([...index.snapshot()]);
      if (catalog.counts.restored > 0) {
        // The sidecars the cache knows of now; the others (created while the workspace was closed) after the scan.
        await annotations.loadSome(index.annotatedPaths());
        marks.restoredMs = performance.now() - marks.t0;
      }
    })
    .then(() => catalog.scan())
    .then(() => {
      marks.scanMs = performance.now() - marks.t0;
      return memo.save();
    })
    // The sidecars not loaded yet (after a restore: those created while the workspace was closed); the ones loaded
    // at the restore were read from disk then, and later changes reach them through the file watcher.
    .then(() => annotations.loadAll({ skipLoaded: true }))
    .then(() => {
      marks.readyMs = performance.now() - marks.t0;
      // From now on a change of the corrections invalidates every remembered analysis.
      subscriptions.push(
        corrections.onDidChange(() => {
          memo.reset(corrections.signature());
          index.resetCache(corrections.signature());
          void catalog.reanalyzeAll();
        }),
      );
    });
  void ready.then(() => index.ready()).then(() => index.saveCache());
  return ready;
}
