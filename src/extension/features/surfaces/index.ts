/**
 * Everyday VS Code surfaces over the analysis and annotations: the Entities and Tags views, Outline, Go to
 * Symbol in Workspace, Find All References on an entity, explorer badges on annotated articles, and the
 * status-bar item. Each lives in ./surfaces/; this file wires them and owns their disposables.
 */
import * as vscode from 'vscode';
import { Views } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { AnnotationBadges } from './badges';
import { EntitiesTreeProvider } from './entitiesTree';
import type { TreeNode } from '../../trees/treeNodes';
import { AnnotationStatus } from './statusBar';
import { ARTICLE_SELECTOR, EntityReferenceProvider, EntityWorkspaceSymbolProvider, OutlineRegistration } from './symbols';
import { TagsTreeProvider } from './tagsTree';

export function register(ctx: FeatureContext): void {
  const subs = ctx.subscriptions;

  // Entities view: rebuilt when entities appear or disappear, else only the entities of the article that changed.
  const entitiesTree = new EntitiesTreeProvider(ctx.entities);
  subs.push(
    entitiesTree,
    vscode.window.createTreeView(Views.entities, {
      // Its first list waits for the corpus's entities counted in slices (a count at once held the host at 10,000 articles).
      treeDataProvider: {
        onDidChangeTreeData: entitiesTree.onDidChangeTreeData,
        getTreeItem: (n: TreeNode) => entitiesTree.getTreeItem(n),
        getChildren: async (n?: TreeNode) => {
          if (!n) await ctx.entities.whenCounted();
          return entitiesTree.getChildren(n);
        },
        getParent: (n: TreeNode) => entitiesTree.getParent(n),
        resolveTreeItem: (item: vscode.TreeItem, n: TreeNode) => entitiesTree.resolveTreeItem(item, n),
      },
      showCollapseAll: true,
    }),
    ctx.entities.onDidChange((c) => (c.structural ? entitiesTree.refresh() : entitiesTree.refreshEntities(c.ids))),
  );

  // Tags view: rebuilt when annotations change, and when articles come and go or an annotated one changes (headlines).
  const tagsTree = new TagsTreeProvider(ctx);
  subs.push(
    tagsTree,
    vscode.window.createTreeView(Views.tags, { treeDataProvider: tagsTree, showCollapseAll: true }),
    ctx.annotations.onDidChange(() => tagsTree.refresh()),
    ctx.catalog.onDidChange((e) => {
      if (e.listChanged || e.keys.some((k) => ctx.annotations.forArticle(k).length > 0)) tagsTree.refresh();
    }),
  );

  // Outline, Go to Symbol in Workspace, Find All References.
  const outline = new OutlineRegistration(ctx);
  subs.push(
    outline,
    ctx.annotations.onDidChange(() => outline.invalidate()),
    vscode.languages.registerWorkspaceSymbolProvider(new EntityWorkspaceSymbolProvider(ctx)),
    vscode.languages.registerReferenceProvider(ARTICLE_SELECTOR, new EntityReferenceProvider(ctx)),
  );

  // Explorer badges and the status-bar item.
  const badges = new AnnotationBadges(ctx);
  const status = new AnnotationStatus(ctx);
  subs.push(badges, vscode.window.registerFileDecorationProvider(badges), status);

  ctx.probes.entitiesTree = (depth) => entitiesTree.snapshot(depth);
  ctx.probes.surfacesRefreshes = () => ({ entities: { ...entitiesTree.refreshes }, tags: { ...tagsTree.refreshes } });
  ctx.probes.tagsTree = (depth) => tagsTree.snapshot(depth);
  ctx.probes.fileBadge = (uri) => badges.info(uri);
  ctx.probes.statusBar = () => status.snapshot;
}
