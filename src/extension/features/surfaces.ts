/**
 * Everyday VS Code surfaces over the analysis and annotations: the Entities and Tags views, Outline, Go to
 * Symbol in Workspace, Find All References on an entity, explorer badges on annotated articles, and the
 * status-bar item. Each lives in ./surfaces/; this file wires them and owns their disposables.
 */
import * as vscode from 'vscode';
import { Views } from '../constants';
import type { FeatureContext } from '../featureContext';
import { AnnotationBadges, type BadgeInfo } from './surfaces/badges';
import { EntitiesTreeProvider } from './surfaces/entitiesTree';
import { AnnotationStatus, type StatusSnapshot } from './surfaces/statusBar';
import { ARTICLE_SELECTOR, EntityReferenceProvider, EntityWorkspaceSymbolProvider, OutlineRegistration } from './surfaces/symbols';
import { TagsTreeProvider } from './surfaces/tagsTree';

export type { BadgeInfo, StatusSnapshot };

export interface SurfacesApi {
  /** Labels (and descriptions) of the Entities view, expanded to `depth` levels (like ArticlesTreeProvider.snapshot). */
  entitiesTree(depth?: number): string[];
  /** Labels (and descriptions) of the Tags view, expanded to `depth` levels. */
  tagsTree(depth?: number): string[];
  /** The explorer badge of a file (URI string), if it has one. */
  fileBadge(uri: string): BadgeInfo | undefined;
  /** The status-bar item as last drawn. */
  statusBar(): StatusSnapshot;
}

export function registerSurfaces(ctx: FeatureContext): SurfacesApi {
  const subs = ctx.extension.subscriptions;

  // Entities view: rebuilt when any article's analysis changes.
  const entitiesTree = new EntitiesTreeProvider(ctx.entities);
  subs.push(
    entitiesTree,
    vscode.window.createTreeView(Views.entities, { treeDataProvider: entitiesTree, showCollapseAll: true }),
    ctx.catalog.onDidChange(() => entitiesTree.refresh()),
  );

  // Tags view: rebuilt when annotations change, and when articles come and go or change (headlines).
  const tagsTree = new TagsTreeProvider(ctx);
  subs.push(
    tagsTree,
    vscode.window.createTreeView(Views.tags, { treeDataProvider: tagsTree, showCollapseAll: true }),
    ctx.annotations.onDidChange(() => tagsTree.refresh()),
    ctx.catalog.onDidChange(() => tagsTree.refresh()),
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

  return {
    entitiesTree: (depth) => entitiesTree.snapshot(depth),
    tagsTree: (depth) => tagsTree.snapshot(depth),
    fileBadge: (uri) => badges.info(uri),
    statusBar: () => status.snapshot,
  };
}
