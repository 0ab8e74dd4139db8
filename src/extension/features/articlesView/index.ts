/**
 * The Articles view: every article with its quotes by speaker, entities and annotations; groupable and filterable
 * (articlesTree.ts), its commands (articleCommands.ts), and following the active editor like the Explorer.
 */
import * as vscode from 'vscode';
import { config } from '../../config';
import { ContextKeys, Views } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { articleCommands } from './articleCommands';
import { EditorFollower } from './followEditor';
import type { TreeNode } from '../../trees/treeNodes';
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
  // The view follows the active editor (like the Explorer), without ever replacing a selection the user made.
  const follower = new EditorFollower(view, (key) => tree.findArticleNode(key), tree.onDidChangeTreeData);
  ctx.subscriptions.push(
    tree,
    view,
    follower,
    ...articleCommands(ctx, tree, showFilter),
    tree.onDidChangeTreeData(() => {
      if (tree.filter) showFilter();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The setting changed by hand (Settings editor, settings.json): apply it and remember it as the choice.
      if (config.affects(e, 'articles.groupBy') && tree.grouping !== config.groupBy()) {
        tree.setGroupBy(config.groupBy());
        void ctx.preferences.setGroupBy(config.groupBy());
      }
    }),
  );
  ctx.probes.articlesTree = (depth) => tree.snapshot(depth);
  ctx.probes.articlesRefreshes = () => ({ ...tree.refreshes });
  ctx.probes.articlesSelection = () => view.selection.map((n) => n.id);
  ctx.probes.articlesSelect = async (id) => {
    const find = (nodes: readonly TreeNode[], depth: number): TreeNode | undefined => {
      for (const n of nodes) {
        if (n.id === id) return n;
        const hit = depth > 1 ? find(tree.getChildren(n), depth - 1) : undefined;
        if (hit) return hit;
      }
      return undefined;
    };
    const node = find(tree.getChildren(), 3);
    if (!node) return false;
    await view.reveal(node, { select: true, focus: true });
    return true;
  };
  ctx.probes.articlesView = () => ({ description: view.description, message: view.message, grouping: tree.grouping, filter: tree.filter, ...follower.state });
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
