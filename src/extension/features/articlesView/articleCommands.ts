/** The Articles view's commands: open an article at a passage, group and filter the view, refresh. */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../../constants';
import { setGroupBy, type GroupBy } from '../../config';
import type { ArticleCatalog } from '../../model/articleCatalog';
import { nodeLocation, openArticleAt } from '../../editor/openArticle';
import type { ArticlesTreeProvider } from './articlesTree';
import type { TreeNode } from '../../trees/treeNodes';

export function articleCommands(catalog: ArticleCatalog, tree: ArticlesTreeProvider): vscode.Disposable[] {
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
