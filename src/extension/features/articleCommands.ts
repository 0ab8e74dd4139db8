/** Opening articles at a passage, grouping and filtering the Articles view, refreshing. */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../constants';
import { setGroupBy, type GroupBy } from '../config';
import type { ArticleCatalog } from '../model/articleCatalog';
import type { ArticlesTreeProvider } from '../views/articlesTree';
import type { TreeNode } from '../views/treeNodes';

/** Opens an article (URI string) and selects `start..end` when given; reveals it in the centre. */
export async function openArticleAt(uri: string, start?: number, end?: number, options: { preview?: boolean; preserveFocus?: boolean } = {}): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { preview: options.preview ?? true, preserveFocus: options.preserveFocus ?? false });
  if (typeof start === 'number' && start >= 0) {
    const s = doc.positionAt(start);
    const e = doc.positionAt(typeof end === 'number' && end >= start ? end : start);
    editor.selection = new vscode.Selection(s, e);
    editor.revealRange(new vscode.Range(s, e), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}

/** Where a tree node points in its article, if anywhere. */
export function nodeLocation(node: TreeNode): { uri: string; start?: number; end?: number } | undefined {
  switch (node.kind) {
    case 'article':
      return { uri: node.article.key };
    case 'quote':
      return { uri: node.article.key, start: node.quote.start, end: node.quote.end };
    case 'annotation':
      return { uri: node.article.key, start: node.annotation.start, end: node.annotation.end };
    case 'mention':
      return { uri: node.article.key, start: node.start, end: node.end };
    case 'entity':
      return node.article ? { uri: node.article.key, start: node.entity.mentions[0]?.start, end: node.entity.mentions[0]?.end } : undefined;
    default:
      return undefined;
  }
}

export function registerArticleCommands(catalog: ArticleCatalog, tree: ArticlesTreeProvider): vscode.Disposable[] {
  const group = (g: GroupBy) => async () => {
    tree.setGroupBy(g);
    await setGroupBy(g);
  };
  return [
    vscode.commands.registerCommand(Commands.openArticle, (uri: string, start?: number, end?: number) => openArticleAt(uri, start, end)),
    vscode.commands.registerCommand(Commands.revealInEditor, async (node?: TreeNode) => {
      const loc = node && nodeLocation(node);
      if (loc) await openArticleAt(loc.uri, loc.start, loc.end, { preview: false });
    }),
    vscode.commands.registerCommand(Commands.refresh, async () => {
      await catalog.rescan();
    }),
    vscode.commands.registerCommand(Commands.groupByNone, group('none')),
    vscode.commands.registerCommand(Commands.groupByOutlet, group('outlet')),
    vscode.commands.registerCommand(Commands.groupByTag, group('tag')),
    vscode.commands.registerCommand(Commands.groupBySpeaker, group('speaker')),
    vscode.commands.registerCommand(Commands.groupByEntity, group('entity')),
    vscode.commands.registerCommand(Commands.filterArticles, async (text?: string) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: 'Filter Articles',
              prompt: 'Show the articles whose headline, outlet, author, quotes, speakers, entities, tags or notes contain this text',
              value: tree.filter,
            });
      if (value === undefined) return;
      tree.setFilter(value);
      await vscode.commands.executeCommand('setContext', ContextKeys.filtered, value.trim().length > 0);
    }),
    vscode.commands.registerCommand(Commands.clearFilter, async () => {
      tree.setFilter('');
      await vscode.commands.executeCommand('setContext', ContextKeys.filtered, false);
    }),
  ];
}
