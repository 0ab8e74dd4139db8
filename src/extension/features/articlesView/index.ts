/**
 * The Articles view: every article with its quotes by speaker, entities and annotations; groupable and filterable
 * (articlesTree.ts), its commands (articleCommands.ts), and following the active editor like the Explorer.
 */
import * as vscode from 'vscode';
import { config } from '../../config';
import { Views } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { articleCommands } from './articleCommands';
import { ArticlesTreeProvider } from './articlesTree';

export function register(ctx: FeatureContext): void {
  const { catalog, annotations } = ctx;
  const tree = new ArticlesTreeProvider(
    { all: () => catalog.all(), annotations: (a) => annotations.forArticle(a.key), onDidChange: anyOf(catalog.onDidChange, annotations.onDidChange) },
    config.groupBy(),
  );
  const view = vscode.window.createTreeView(Views.articles, { treeDataProvider: tree, showCollapseAll: true });
  // The view follows the active editor (like the Explorer): reveal and select its article.
  const revealActive = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const node = doc && view.visible ? tree.findArticleNode(doc.uri.toString()) : undefined;
    if (node) view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  };
  ctx.subscriptions.push(
    tree,
    view,
    ...articleCommands(catalog, tree),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (config.affects(e, 'articles.groupBy') && tree.grouping !== config.groupBy()) tree.setGroupBy(config.groupBy());
    }),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
  );
  ctx.probes.articlesTree = (depth) => tree.snapshot(depth);
  ctx.probes.articlesSelection = () => view.selection.map((n) => n.id);
}

function anyOf<T, U>(a: vscode.Event<T>, b: vscode.Event<U>): vscode.Event<unknown> {
  return (listener, thisArgs, disposables) => {
    const d = vscode.Disposable.from(a(listener, thisArgs), b(listener, thisArgs));
    disposables?.push(d);
    return d;
  };
}
