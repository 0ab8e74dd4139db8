/** The Articles view's commands: open an article at a passage, group and filter the view, refresh. */
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { GroupBy } from '../../config';
import { nodeLocation, openArticleAt } from '../../editor/openArticle';
import type { ArticlesTreeProvider } from './articlesTree';
import type { FeatureContext } from '../../featureContext';
import type { TreeNode } from '../../trees/treeNodes';

export function articleCommands(ctx: FeatureContext, tree: ArticlesTreeProvider, showFilter: () => void): vscode.Disposable[] {
  const { catalog, preferences } = ctx;
  const group = (g: GroupBy) => async () => {
    tree.setGroupBy(g);
    await preferences.setGroupBy(g);
  };
  const filter = async (value: string) => {
    tree.setFilter(value);
    showFilter();
    await preferences.setFilter(value);
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
      if (value !== undefined) await filter(value);
    }),
    vscode.commands.registerCommand(Commands.clearFilter, () => filter('')),
  ];
}
