/**
 * Builds the services of one activation (see featureContext.ts for what each holds), and flushes what they keep
 * in memory when the extension stops.
 */
import type * as vscode from 'vscode';
import type { Services } from '../featureContext';
import { AnalysisMemo } from './analysisMemo';
import { AnalysisWorkers } from './analysisWorkers';
import { AnnotationService } from './annotationService';
import { ArticleCatalog } from './articleCatalog';
import { CorpusEntities } from './corpusEntities';
import { EntityCorrectionsService } from './entityCorrections';
import { IndexService } from './indexService';
import { Preferences } from './preferences';

/** How long `flushServices` waits for pending cache writes before giving up (VS Code allows deactivate ~5 s). */
export const FLUSH_LIMIT_MS = 3000;

/** Creates the services; every one of them is pushed onto `subscriptions` (disposed with the extension). */
export function createServices(context: vscode.ExtensionContext): Services {
  const corrections = new EntityCorrectionsService();
  const memo = new AnalysisMemo(context.globalStorageUri);
  const workers = new AnalysisWorkers();
  const catalog = new ArticleCatalog((text, uri, priority) => workers.analyzeIndexed(text, { corrections: corrections.for(uri), speakerCorrections: corrections.speakersFor(uri) }, uri, priority), memo);
  const annotations = new AnnotationService(catalog);
  const entities = new CorpusEntities(catalog);
  const index = new IndexService(catalog, annotations, context.globalStorageUri);
  context.subscriptions.push(workers, memo, corrections, catalog, annotations, entities, index);
  return { corrections, workers, memo, catalog, annotations, entities, index, preferences: new Preferences(context.workspaceState) };
}

/**
 * Writes the caches that have changes (the analysis memo and the corpus index) and waits for them, and for any
 * save already running, at most `limitMs`. Sidecar writes are never deferred (each change is written when made),
 * so there is nothing of the user's to flush; the caches only spare the next open some work.
 */
export async function flushServices(services: Services, limitMs = FLUSH_LIMIT_MS): Promise<'done' | 'timed out'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), limitMs)));
  const saves = Promise.allSettled([services.memo.save(), services.index.saveCache()]).then(() => 'done' as const);
  try {
    return await Promise.race([saves, limit]);
  } finally {
    clearTimeout(timer);
  }
}
