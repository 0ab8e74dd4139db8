/**
 * The Articles view: every article with its quotes by speaker, entities and annotations; groupable and filterable
 * (articlesTree.ts), its commands (articleCommands.ts), and following the active editor like the Explorer.
 */
import * as vscode from 'vscode';
import { config } from '../../config';
import { ContextKeys, Views } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { articleCommands } from './articleCommands';
import { ArticlesTreeProvider, type ArticlesChange } from './articlesTree';

export function register(ctx: FeatureContext): void {
  const { catalog, annotations } = ctx;
  const tree = new ArticlesTreeProvider(
    { all: () => catalog.all(), annotations: (a) => annotations.forArticle(a.key), speakerName: (q) => ctx.entities.speakerName(q), onDidChange: anyOf(catalog.onDidChange, annotations.onDidChange) },
    ctx.preferences.groupBy(),
  );
  tree.setFilter(ctx.preferences.filter());
  const view = vscode.window.createTreeView(Views.articles, { treeDataProvider: tree, showCollapseAll: true });
  // An active filter is always in sight: in the view's title (description) and as a message above the items,
  // and the context key shows the Clear Filter button.
  const showFilter = () => {
    const f = tree.filter;
    view.description = f ? `filter: “${f}”` : undefined;
    view.message = f ? `Showing ${tree.filteredCount()} of ${catalog.all().length} articles matching “${f}”. Clear the filter with the ✕ button in the title bar.` : undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, f.length > 0);
  };
  showFilter();
  // The view follows the active editor (like the Explorer): reveal and select its article.
  const revealActive = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const node = doc && view.visible ? tree.findArticleNode(doc.uri.toString()) : undefined;
    if (node) view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  };
  ctx.subscriptions.push(
    tree,
    view,
    ...articleCommands(ctx, tree, showFilter),
    tree.onDidChangeTreeData(() => {
      if (tree.filter) showFilter();
      // A redrawn article node loses VS Code's selection: select the active editor's article again.
      if (!view.selection.some((n) => n.kind === 'article' && n.article.key === vscode.window.activeTextEditor?.document.uri.toString())) revealActive();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The setting changed by hand (Settings editor, settings.json): apply it and remember it as the choice.
      if (config.affects(e, 'articles.groupBy') && tree.grouping !== config.groupBy()) {
        tree.setGroupBy(config.groupBy());
        void ctx.preferences.setGroupBy(config.groupBy());
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
  );
  ctx.probes.articlesTree = (depth) => tree.snapshot(depth);
  ctx.probes.articlesRefreshes = () => ({ ...tree.refreshes });
  ctx.probes.articlesSelection = () => view.selection.map((n) => n.id);
  ctx.probes.articlesView = () => ({ description: view.description, message: view.message, grouping: tree.grouping, filter: tree.filter });
}

/** The catalog's changes, and the annotations' (an article's URI, or '' for every article), as ArticlesChange. */
function anyOf(a: vscode.Event<ArticlesChange>, b: vscode.Event<string>): vscode.Event<ArticlesChange> {
  return (listener, thisArgs, disposables) => {
    const d = vscode.Disposable.from(
      a(listener, thisArgs),
      b((uri) => listener.call(thisArgs, uri ? { keys: [uri], listChanged: false } : undefined)),
    );
    disposables?.push(d);
    return d;
  };
}
