/**
 * Wiring only: creates the services, registers each feature, and returns the test API. Each feature lives in
 * src/extension/features or src/extension/views and owns its disposables. See docs/architecture.md.
 */
import * as vscode from 'vscode';
import { analyzeArticle } from '../core/analysis';
import type { NewsAnnotatorApi } from './api';
import { config } from './config';
import { Commands, ContextKeys, NEWS_LANGUAGE_ID, Views } from './constants';
import type { FeatureContext } from './featureContext';
import { registerAnnotationCommands } from './features/annotationCommands';
import { registerArticleCommands } from './features/articleCommands';
import { registerCorpusCommands } from './features/corpusCommands';
import { registerEntityCommands } from './features/entityCommands';
import { Decorations } from './features/decorations';
import { registerHovers } from './features/hovers';
import { registerNavigation } from './features/navigation';
import { registerExportCommands } from './features/exportCommands';
import { registerTagCommands } from './features/tagCommands';
import { registerNoteEditor } from './features/noteEditor';
import { registerSurfaces } from './features/surfaces';
import { AnnotationService } from './model/annotationService';
import { ArticleCatalog } from './model/articleCatalog';
import { AnalysisMemo } from './model/analysisMemo';
import { CorpusEntities } from './model/corpusEntities';
import { EntityCorrectionsService } from './model/entityCorrections';
import { IndexService } from './model/indexService';
import { ArticlesTreeProvider } from './views/articlesTree';

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const t0 = performance.now();
  const corrections = new EntityCorrectionsService();
  const memo = new AnalysisMemo(context.globalStorageUri);
  const catalog = new ArticleCatalog((text, uri) => analyzeArticle(text, { corrections: corrections.for(uri) }), memo);
  context.subscriptions.push(memo, corrections);
  const annotations = new AnnotationService(catalog);
  const entities = new CorpusEntities(catalog);
  context.subscriptions.push(catalog, annotations, entities);
  const ctx: FeatureContext = { extension: context, catalog, annotations, entities };

  const articlesTree = new ArticlesTreeProvider(
    { all: () => catalog.all(), annotations: (a) => annotations.forArticle(a.key), onDidChange: anyOf(catalog.onDidChange, annotations.onDidChange) },
    config.groupBy(),
  );
  const articlesView = vscode.window.createTreeView(Views.articles, { treeDataProvider: articlesTree, showCollapseAll: true });
  context.subscriptions.push(
    articlesTree,
    articlesView,
    ...registerArticleCommands(catalog, articlesTree),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (config.affects(e, 'articles.groupBy') && articlesTree.grouping !== config.groupBy()) articlesTree.setGroupBy(config.groupBy());
    }),
  );

  const decorations = new Decorations({ catalog, annotations: (uri) => annotations.forArticle(uri), onDidChangeAnnotations: annotations.onDidChange });
  context.subscriptions.push(decorations);
  const surfaces = registerSurfaces(ctx);
  const indexService = new IndexService(catalog, annotations, context.globalStorageUri);
  context.subscriptions.push(
    indexService,
    ...registerAnnotationCommands(ctx, annotations),
    ...registerNoteEditor(ctx, annotations),
    ...registerNavigation(ctx),
    ...registerExportCommands(ctx, annotations),
    ...registerTagCommands(ctx, annotations),
    ...registerCorpusCommands(ctx, indexService),
    ...registerEntityCommands(ctx),
    registerHovers(ctx, indexService),
    vscode.commands.registerCommand(Commands.toggleHighlights, async () => {
      const c = vscode.workspace.getConfiguration('newsAnnotator');
      await c.update('highlights.enabled', !config.highlights().enabled, vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand(Commands.reindex, async () => {
      await catalog.rescan();
      await annotations.loadAll();
      await indexService.ready();
      const s = indexService.index.stats();
      vscode.window.setStatusBarMessage(`News Annotator: indexed ${s.articles} articles, ${s.quotes} quotes, ${s.entities} entities`, 5000);
    }),
  );

  // Context keys for menus, keybindings and the welcome view.
  const updateEditorContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', ContextKeys.isArticle, !!doc && catalog.isArticleUri(doc.uri));
  };
  // The Articles view follows the active editor (like the Explorer): reveal and select its article.
  const revealActive = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const node = doc && articlesView.visible ? articlesTree.findArticleNode(doc.uri.toString()) : undefined;
    if (node) articlesView.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => {
      updateEditorContext();
      revealActive();
    }),
    catalog.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', ContextKeys.hasArticles, catalog.all().length > 0);
      void vscode.commands.executeCommand('setContext', ContextKeys.ready, catalog.isReady);
      updateEditorContext();
    }),
  );
  updateEditorContext();

  // The `news` language (grammar) for the articles we manage, and only for them.
  const adoptLanguage = (doc: vscode.TextDocument) => {
    if (doc.languageId === 'plaintext' && config.useNewsLanguage() && catalog.isArticleUri(doc.uri)) {
      // Rejects when the document was closed meanwhile: nothing to do then.
      vscode.languages.setTextDocumentLanguage(doc, NEWS_LANGUAGE_ID).then(undefined, () => undefined);
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(adoptLanguage));
  vscode.workspace.textDocuments.forEach(adoptLanguage);

  // A reopen shows the articles the index cache remembers at once (restoredMs), then checks every file's size
  // and modification time in the background and reads only what changed (readyMs).
  const ready = corrections
    .reload()
    .then(() => Promise.all([memo.load(corrections.signature()), indexService.loadCache(corrections.signature())]))
    .then(async () => {
      catalog.restore(indexService.snapshot());
      if (catalog.counts.restored > 0) {
        // The sidecars the cache knows of now; the others (created while the workspace was closed) after the scan.
        await annotations.loadSome(indexService.annotatedPaths());
        restoredMs = performance.now() - t0;
      }
    })
    .then(() => catalog.scan())
    .then(() => {
      scanMs = performance.now() - t0;
      return memo.save();
    })
    // The sidecars not loaded yet (after a restore: those created while the workspace was closed); the ones loaded
    // at the restore were read from disk then, and later changes reach them through the file watcher.
    .then(() => annotations.loadAll({ skipLoaded: true }))
    .then(() => {
      readyMs = performance.now() - t0;
      // From now on a change of the corrections invalidates every remembered analysis.
      context.subscriptions.push(
        corrections.onDidChange(() => {
          memo.reset(corrections.signature());
          indexService.resetCache(corrections.signature());
          void catalog.reanalyzeAll();
        }),
      );
    });
  // Once the first scan is indexed, write the index cache (a reopen then starts from it); later changes are saved
  // a few seconds after they stop.
  void ready.then(() => indexService.ready()).then(() => indexService.saveCache());
  const activateMs = performance.now() - t0;
  let readyMs: number | undefined;
  let scanMs: number | undefined;
  let restoredMs: number | undefined;
  return {
    whenReady: () => ready,
    articleUris: () => catalog.all().map((a) => a.key),
    analysis: (uri) => catalog.get(uri)?.analysis,
    annotations: (uri) => annotations.forArticle(uri),
    sidecarProblem: (uri) => annotations.problem(uri),
    articlesTree: (depth) => articlesTree.snapshot(depth),
    articlesSelection: () => articlesView.selection.map((n) => n.id),
    entitiesTree: (depth) => surfaces.entitiesTree(depth),
    tagsTree: (depth) => surfaces.tagsTree(depth),
    fileBadge: (uri) => surfaces.fileBadge(uri),
    statusBar: () => surfaces.statusBar(),
    decorations: (uri) => decorations.snapshot(uri),
    timings: () => ({
      activateMs,
      firstHighlightMs: decorations.firstDraw === undefined ? undefined : decorations.firstDraw - t0,
      readyMs,
      scanMs,
      restoredMs,
      cacheLoaded: memo.loadedCount,
      analysed: catalog.counts.analysed,
      remembered: catalog.counts.remembered,
      read: catalog.counts.read,
      restored: catalog.counts.restored,
      indexCache: { ...indexService.cacheStats },
    }),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function anyOf<T, U>(a: vscode.Event<T>, b: vscode.Event<U>): vscode.Event<unknown> {
  return (listener, thisArgs, disposables) => {
    const d = vscode.Disposable.from(a(listener, thisArgs), b(listener, thisArgs));
    disposables?.push(d);
    return d;
  };
}
