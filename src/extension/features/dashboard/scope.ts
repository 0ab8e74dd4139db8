/**
 * What part of the workspace the dashboard counts: the whole workspace, a folder, an outlet, a tag, one article,
 * or the articles of an Articles-view group. Scopes are values (kept in the webview's state and restored after a
 * reload), resolved against the catalog each time the numbers are computed, so they follow changes.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../../featureContext';
import type { ArticleEntry } from '../../model/articleCatalog';
import type { ScopeRef } from './protocol';

export const WORKSPACE_SCOPE: ScopeRef = { kind: 'workspace', label: 'Whole workspace' };

function hasTag(tags: readonly string[], tag: string): boolean {
  return tags.some((t) => t === tag || t.startsWith(tag + '/'));
}

export function articlesIn(ctx: FeatureContext, scope: ScopeRef): ArticleEntry[] {
  const all = ctx.catalog.all();
  const v = scope.value ?? '';
  switch (scope.kind) {
    case 'workspace':
      return all;
    case 'folder':
      return all.filter((a) => a.folder?.uri.toString() === v);
    case 'outlet':
      return all.filter((a) => (a.metadata?.publisher?.trim() ?? '') === v);
    case 'tag':
      return all.filter((a) => ctx.annotations.forArticle(a.key).some((x) => hasTag(x.tags, v)));
    case 'article':
      return all.filter((a) => a.key === v);
    case 'articles': {
      const keys = new Set(v.split('\n'));
      return all.filter((a) => keys.has(a.key));
    }
  }
}

/** The scopes the picker offers: the workspace, each folder of a multi-root workspace, the last article edited, the most used tags. */
export function offeredScopes(ctx: FeatureContext, current: ScopeRef, lastArticle: string | undefined): ScopeRef[] {
  const out: ScopeRef[] = [WORKSPACE_SCOPE];
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length > 1) for (const f of folders) out.push({ kind: 'folder', value: f.uri.toString(), label: `Folder: ${f.name}` });
  // The article of the last text editor (while the dashboard has the focus there is no active text editor).
  const active = lastArticle ? ctx.catalog.get(lastArticle) : undefined;
  if (active) out.push({ kind: 'article', value: active.key, label: `This article: ${active.metadata?.title ?? active.relativePath}` });
  for (const [tag] of ctx.annotations.tagCounts().slice(0, 15)) out.push({ kind: 'tag', value: tag, label: `Tag: #${tag}` });
  if (!out.some((s) => s.kind === current.kind && (s.value ?? '') === (current.value ?? ''))) out.push(current);
  return out;
}

/** The scope a command was invoked on: an Articles-view item (article, outlet or tag group, other group), a Tags-view tag. */
export function scopeFromArg(arg: unknown): ScopeRef | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as { kind?: unknown; id?: unknown; label?: unknown; article?: ArticleEntry; children?: () => unknown[]; scope?: ScopeRef };
  if (a.scope && typeof a.scope === 'object' && typeof a.scope.kind === 'string') return a.scope;
  if (a.kind === 'article' && a.article) return { kind: 'article', value: a.article.key, label: `Article: ${a.article.metadata?.title ?? a.article.relativePath}` };
  if (a.kind !== 'group' || typeof a.id !== 'string' || typeof a.label !== 'string') return undefined;
  const outlet = /^group:outlet:(.*)$/.exec(a.id);
  if (outlet) return outlet[1] === 'Unknown outlet' ? articlesScope(a, `Unknown outlet`) : { kind: 'outlet', value: outlet[1]!, label: `Outlet: ${outlet[1]}` };
  const tag = /^(?:group:tag:|tags\/tag:)(.*)$/.exec(a.id);
  if (tag && tag[1] !== 'Untagged') return { kind: 'tag', value: tag[1]!, label: `Tag: #${tag[1]}` };
  return articlesScope(a, a.label);
}

/** A group of the Articles view (by speaker, entity...): the articles listed under it, or the article it belongs to. */
function articlesScope(node: { children?: () => unknown[]; id?: unknown }, label: string): ScopeRef | undefined {
  const kids = typeof node.children === 'function' ? node.children() : [];
  const keys = kids.flatMap((k) => (typeof k === 'object' && k !== null && (k as { kind?: unknown }).kind === 'article' ? [(k as { article: ArticleEntry }).article.key] : []));
  if (keys.length > 0) return { kind: 'articles', value: keys.join('\n'), label: `Group: ${label} (${keys.length} article${keys.length === 1 ? '' : 's'})` };
  // A group inside an article (its Quotes, Entities...): that article.
  const m = typeof node.id === 'string' ? /article:(.*?)\/(?:quotes|entities|annotations)(?:\/|$)/.exec(node.id) : null;
  return m ? { kind: 'article', value: m[1]!, label: `Article: ${m[1]!.split('/').pop()}` } : undefined;
}
