/**
 * Wiring only: builds the services, registers every feature (features/index.ts), starts the workspace, and
 * returns the test API. See docs/architecture.md.
 */
import { HostLoad } from './hostLoad';
import type * as vscode from 'vscode';
import type { NewsAnnotatorApi } from './api';
import type { FeatureContext, Probes, Services } from './featureContext';
import { sidecarPathFor } from '../core/workspace/articleFiles';
import { features } from './features';
import { startHostHeapSnapshot, startHostProfile } from './model/hostProfile';
import { decodedAnalyses } from './model/articleEntry';
import { createServices, flushServices } from './model/services';
import { startWorkspace, type StartupMarks } from './model/startup';

/** The services of the running activation, for deactivate() to flush. */
let running: Services | undefined;

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const marks: StartupMarks = { t0: performance.now() };
  // The extension host's event-loop delay and CPU time, for the figures (npm run bench -- vscode).
  const load = new HostLoad();
  context.subscriptions.push(load);
  const services = createServices(context);
  running = services;
  // For the figures: NEWS_ANNOTATOR_HOST_PROFILE=<prefix> profiles the host until the first index cache is written.
  context.subscriptions.push(startHostProfile(process.env.NEWS_ANNOTATOR_HOST_PROFILE, () => services.index.cacheStats.saveMs > 0));
  const probes: Probes = {};
  const ctx: FeatureContext = { ...services, extension: context, subscriptions: context.subscriptions, probes };
  for (const register of features) register(ctx);
  const ready = startWorkspace(services, context.subscriptions, marks);
  // NEWS_ANNOTATOR_HOST_HEAP=<prefix>: a heap snapshot once the index cache is written, or 5 s after a reopen is ready.
  let readyAt = Infinity;
  void ready.then(() => (readyAt = performance.now()));
  context.subscriptions.push(startHostHeapSnapshot(process.env.NEWS_ANNOTATOR_HOST_HEAP, () => services.index.cacheStats.saveMs > 0 || performance.now() - readyAt > 5000));
  const activateMs = performance.now() - marks.t0;
  return createApi(services, probes, ready, marks, activateMs, load);
}

/** Waits (a bounded time) for the cache writes the services have pending; VS Code disposes them afterwards. */
export async function deactivate(): Promise<void> {
  const services = running;
  running = undefined;
  if (services) await flushServices(services);
}

function createApi(services: Services, probes: Probes, ready: Promise<void>, marks: StartupMarks, activateMs: number, load: HostLoad): NewsAnnotatorApi {
  const { catalog, annotations, memo, index, corrections, workers } = services;
  const probe = <K extends keyof Probes>(name: K): NonNullable<Probes[K]> => {
    const p = probes[name];
    if (!p) throw new Error(`no feature provides the "${name}" probe`);
    return p as NonNullable<Probes[K]>;
  };
  return {
    whenReady: () => ready,
    articleUris: () => catalog.all().map((a) => a.key),
    analysis: (uri) => catalog.get(uri)?.analysis,
    annotations: (uri) => annotations.forArticle(uri),
    sidecarProblem: (uri) => annotations.problem(uri),
    correctionsProblems: () => corrections.problems(),
    articlesTree: (depth) => probe('articlesTree')(depth),
    articlesSelection: () => probe('articlesSelection')(),
    articlesSelect: (id) => probe('articlesSelect')(id),
    articlesView: () => probe('articlesView')(),
    entitiesTree: (depth) => probe('entitiesTree')(depth),
    tagsTree: (depth) => probe('tagsTree')(depth),
    fileBadge: (uri) => probe('fileBadge')(uri),
    statusBar: () => probe('statusBar')(),
    decorations: (uri) => probe('decorations')(uri),
    decorationDraws: (uri) => probe('decorationDraws')(uri),
    decodedAnalyses,
    treeRefreshes: () => ({ articles: probe('articlesRefreshes')(), ...probe('surfacesRefreshes')() }),
    sidecarIo: (uri) => ({ ...annotations.io.counts(sidecarPathFor(uri)), echoes: annotations.echoes.get(uri) ?? 0 }),
    exportProposal: (format, what) => probe('exportProposal')(format, what),
    noteSaveHint: () => probe('noteSaveHint')(),
    dashboard: () => probe('dashboard')(),
    workers: () => ({
      stats: workers.stats(),
      reports: workers.reports,
      killed: workers.killed,
      failOn: (name) => workers.setFailOn(name),
      killBusyWorker: () => workers.killBusyWorker(),
    }),
    hostLoad: (reset) => load.read(reset),
    timings: () => {
      const firstDraw = probes.firstHighlightAt?.();
      return {
        activateMs,
        firstHighlightMs: firstDraw === undefined ? undefined : firstDraw - marks.t0,
        readyMs: marks.readyMs,
        scanMs: marks.scanMs,
        restoredMs: marks.restoredMs,
        cacheLoaded: memo.loadedCount,
        analysed: catalog.counts.analysed,
        remembered: catalog.counts.remembered,
        read: catalog.counts.read,
        restored: catalog.counts.restored,
        indexCache: { ...index.cacheStats },
        lastUpdate: catalog.lastUpdate,
      };
    },
  };
}
