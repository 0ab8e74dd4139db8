/**
 * Tree nodes shared by the Articles, Entities and Tags views. A node knows its parent (so `reveal` works) and
 * has an id built from its parent's, so the same article under two groups gets two distinct, stable ids.
 */
import * as vscode from 'vscode';
import type { Entity, EntityType, Quote } from '../../core/analysis/types';
import { Commands, ItemContext } from '../constants';
import { kindLabel, kindOf } from '../editor/statements';
import type { ArticleEntry } from '../model/articleCatalog';
import type { AnnotationView } from '../model/annotationView';

export type TreeNode =
  | { readonly kind: 'group'; readonly id: string; readonly parent: TreeNode | undefined; readonly label: string; readonly description?: string; readonly icon: string; readonly children: () => TreeNode[]; readonly tooltip?: string }
  | { readonly kind: 'article'; readonly id: string; readonly parent: TreeNode | undefined; readonly article: ArticleEntry; readonly children: () => TreeNode[] }
  | { readonly kind: 'quote'; readonly id: string; readonly parent: TreeNode; readonly article: ArticleEntry; readonly quote: Quote; readonly annotation: AnnotationView | undefined; readonly speaker?: string | null }
  | { readonly kind: 'entity'; readonly id: string; readonly parent: TreeNode; readonly article: ArticleEntry | undefined; readonly entity: Entity; readonly label?: string; readonly description?: string; readonly children?: () => TreeNode[] }
  | { readonly kind: 'mention'; readonly id: string; readonly parent: TreeNode; readonly article: ArticleEntry; readonly start: number; readonly end: number; readonly label: string; readonly description?: string }
  | { readonly kind: 'annotation'; readonly id: string; readonly parent: TreeNode; readonly article: ArticleEntry; readonly annotation: AnnotationView; readonly showArticle?: boolean };

export const ENTITY_TYPE_LABEL: Record<EntityType, string> = { person: 'People', organization: 'Organisations', place: 'Places' };
export const ENTITY_TYPE_ICON: Record<EntityType, string> = { person: 'person', organization: 'organization', place: 'location' };
/** How a name the recogniser was unsure of is marked (trees, hovers). */
export const UNCERTAIN_LABEL = '(uncertain)';

export function articleTitle(a: ArticleEntry): string {
  const t = a.metadata?.title;
  if (!t) return a.relativePath;
  return t.length > 100 ? t.slice(0, 99) + '…' : t;
}

export function articleDescription(a: ArticleEntry): string {
  const m = a.metadata;
  if (!m) return a.error ? `⚠ ${a.error}` : a.relativePath;
  return [m.publisher, m.dateIso ?? m.date].filter(Boolean).join(' · ') || a.relativePath;
}

function articleTooltip(a: ArticleEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const m = a.metadata;
  md.appendMarkdown(`**${escapeMd(articleTitle(a))}**${m?.titleDerived ? ' _(no headline: title derived from the first sentence)_' : ''}\n\n`);
  const rows: [string, string | null | undefined][] = [
    ['Outlet', m?.publisher],
    ['Date', m ? (m.dateIso && m.date && m.dateIso !== m.date ? `${m.date} (${m.dateIso})` : (m.date ?? m.dateIso)) : undefined],
    ['Author', m?.author],
    ['Dateline', m?.dateline],
    ['File', a.relativePath],
  ];
  for (const [k, v] of rows) if (v) md.appendMarkdown(`${k}: ${escapeMd(v)}  \n`);
  if (a.analysis) md.appendMarkdown(`\n${a.analysis.quotes.length} quotes · ${a.analysis.entities.length} entities`);
  if (a.error) md.appendMarkdown(`\n\n⚠ ${escapeMd(a.error)}`);
  return md;
}

export function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function excerpt(s: string, max = 80): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

function openCommand(a: ArticleEntry, start?: number, end?: number): vscode.Command {
  return { command: Commands.openArticle, title: 'Open', arguments: [a.uri.toString(), start, end] };
}

/** An entity's tooltip: its name, type, certainty and the other forms its mentions use. */
export function entityTooltip(e: Entity): string {
  const aliases = [...new Set(e.mentions.map((m) => m.text))].filter((t) => t !== e.name);
  const uncertain = e.uncertain ? `, uncertain: Correct Entity… settles it` : '';
  return `${e.name} (${e.type}${uncertain})${aliases.length ? `\nAlso: ${aliases.join(', ')}` : ''}`;
}

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
  const none = vscode.TreeItemCollapsibleState.None;
  switch (node.kind) {
    case 'group': {
      const item = new vscode.TreeItem(node.label, collapsed);
      item.id = node.id;
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = ItemContext.group;
      if (node.tooltip) item.tooltip = node.tooltip;
      return item;
    }
    case 'article': {
      const a = node.article;
      const item = new vscode.TreeItem(articleTitle(a), collapsed);
      item.id = node.id;
      item.description = articleDescription(a);
      item.tooltip = articleTooltip(a);
      item.resourceUri = a.uri;
      item.iconPath = new vscode.ThemeIcon(a.error ? 'warning' : a.metadata?.titleDerived ? 'file-text' : 'note');
      item.contextValue = ItemContext.article;
      item.command = openCommand(a);
      return item;
    }
    case 'quote': {
      const q = node.quote;
      const item = new vscode.TreeItem(`“${excerpt(q.text, 90)}”`, none);
      item.id = node.id;
      const tags = node.annotation?.tags ?? [];
      const kind = kindOf(q);
      // Each statement marked with its kind: reported speech and mixed quotes say so before their cue.
      item.description = [kind === 'direct' ? undefined : kindLabel(q), q.cue ?? undefined, tags.length > 0 ? tags.map((t) => `#${t}`).join(' ') : undefined].filter(Boolean).join(' · ');
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${escapeMd(node.speaker ?? q.speaker ?? 'Unattributed')}**${q.cue ? ` _${escapeMd(q.cue)}_` : ''} · ${kindLabel(q)}\n\n> ${escapeMd(excerpt(q.text, 400))}`);
      // The note last and as Markdown, as written (the tooltip is not trusted: no command links, no HTML).
      if (node.annotation?.note) md.appendMarkdown(`\n\n---\n\n${node.annotation.note}`);
      item.tooltip = md;
      item.iconPath = new vscode.ThemeIcon(node.annotation ? 'tag' : kind === 'reported' ? 'comment' : kind === 'mixed' ? 'comment-discussion' : 'quote');
      item.contextValue = ItemContext.quote;
      item.command = openCommand(node.article, q.start, q.end);
      return item;
    }
    case 'entity': {
      const e = node.entity;
      const item = new vscode.TreeItem(node.label ?? e.name, node.children ? collapsed : none);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon(ENTITY_TYPE_ICON[e.type]);
      item.contextValue = ItemContext.entity;
      if (node.description !== undefined) item.description = node.description;
      // One article's entity: its mentions are at hand. A corpus-wide one's (every article that names it) are read
      // only for its tooltip, when it is shown (entityTooltip, from the tree's resolveTreeItem).
      if (node.article) {
        item.description ??= `${e.uncertain ? `${UNCERTAIN_LABEL} · ` : ''}${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}`;
        item.tooltip = entityTooltip(e);
        if (!node.children) item.command = openCommand(node.article, e.mentions[0]?.start, e.mentions[0]?.end);
      }
      return item;
    }
    case 'mention': {
      const item = new vscode.TreeItem(node.label, none);
      item.id = node.id;
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon('symbol-text');
      item.contextValue = ItemContext.mention;
      item.command = openCommand(node.article, node.start, node.end);
      return item;
    }
    case 'annotation': {
      const an = node.annotation;
      const orphan = an.status === 'orphaned';
      const tags = an.tags.map((t) => `#${t}`).join(' ');
      const firstNoteLine = an.note?.split('\n')[0];
      const label = node.showArticle ? `${articleTitle(node.article)}` : tags || `“${excerpt(an.quote, 60)}”`;
      const item = new vscode.TreeItem(label, none);
      item.id = node.id;
      item.description = [
        node.showArticle ? `“${excerpt(an.quote, 50)}”` : tags ? `“${excerpt(an.quote, 50)}”` : undefined,
        firstNoteLine ? excerpt(firstNoteLine, 60) : undefined,
        an.status === 'anchored' ? undefined : an.status === 'fuzzy' ? `fuzzy ${Math.round((an.similarity ?? 0) * 100)}%` : an.status,
      ]
        .filter(Boolean)
        .join(' · ');
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`${orphan ? '⚠ **Orphaned**: its text is no longer in the article. Select the new text and run _Re-attach Annotation_.\n\n' : ''}`);
      md.appendMarkdown(`> ${escapeMd(excerpt(an.quote, 300))}\n\n`);
      if (an.tags.length) md.appendMarkdown(`Tags: ${an.tags.map((t) => `\`${t}\``).join(' ')}  \n`);
      md.appendMarkdown(`State: ${an.status}${an.author ? ` · by ${escapeMd(an.author)}` : ''}`);
      if (an.note) md.appendMarkdown(`\n\n---\n\n${an.note}`);
      item.tooltip = md;
      item.iconPath = new vscode.ThemeIcon(orphan ? 'warning' : an.note ? 'note' : 'tag');
      item.contextValue = orphan ? ItemContext.orphanedAnnotation : node.annotation.status === 'fuzzy' ? ItemContext.fuzzyAnnotation : ItemContext.annotation;
      item.command = openCommand(node.article, an.start, an.end);
      return item;
    }
  }
}
