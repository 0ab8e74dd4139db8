/**
 * What a command acts on: the place a hover link names, the passage under the cursor or the selection, or the
 * tree item it was invoked from. Shared by every feature that annotates (Tag Quote, notes, Correct Entity…).
 */
import * as vscode from 'vscode';
import type { Quote } from '../../core/analysis/types';
import type { FeatureContext } from '../featureContext';
import type { ArticleEntry } from '../model/articleCatalog';
import type { AnnotationView } from '../model/annotationView';
import type { TreeNode } from '../trees/treeNodes';
import { statementAt } from './statements';

/** `uri` + `offset`: act on that place of an open article (hover links pass where the hover was, not the cursor). */
export interface AtArgs {
  readonly uri?: string;
  readonly offset?: number;
}
export interface TagArgs extends AtArgs {
  readonly tags?: readonly string[];
}
export interface NoteArgs extends AtArgs {
  readonly note?: string;
}

/** Puts the cursor of the article's visible editor at `offset` when the arguments name a place (a hover link). */
export function placeCursor(arg: unknown): void {
  const a = arg as AtArgs | undefined;
  if (!a || typeof a !== 'object' || typeof a.uri !== 'string' || typeof a.offset !== 'number') return;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === a.uri);
  if (!editor) return;
  const pos = editor.document.positionAt(a.offset);
  editor.selection = new vscode.Selection(pos, pos);
}

/** What the cursor or selection points at in an article. */
export interface CursorTarget {
  readonly article: ArticleEntry;
  readonly start: number;
  readonly end: number;
  readonly kind: 'quote' | 'entity' | 'passage';
  readonly quote: Quote | undefined;
  readonly entityId: string | undefined;
  /** The annotation already on that range (or containing the cursor), if any. */
  readonly annotation: AnnotationView | undefined;
}

export async function targetAtCursor(ctx: FeatureContext, editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): Promise<CursorTarget | undefined> {
  if (!editor) return undefined;
  const article = await ctx.catalog.current(editor.document);
  if (!article) return undefined;
  const doc = editor.document;
  const sel = editor.selection;
  const anns = ctx.annotations.forArticle(article.key).filter((a) => a.status !== 'orphaned');
  if (!sel.isEmpty) {
    let start = doc.offsetAt(sel.start);
    let end = doc.offsetAt(sel.end);
    // Trim surrounding white space from a sloppy selection.
    const text = doc.getText();
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start === end) return undefined;
    const existing = anns.find((a) => a.start === start && a.end === end);
    const quote = article.analysis?.quotes.find((q) => q.start === start && q.end === end);
    return { article, start, end, kind: quote ? 'quote' : 'passage', quote, entityId: undefined, annotation: existing };
  }
  const offset = doc.offsetAt(sel.active);
  const inside = anns.filter((a) => offset >= a.start && offset <= a.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  // The innermost statement (a direct quotation counts from its opening mark to its closing mark).
  const quote = statementAt(article.analysis?.quotes ?? [], offset);
  if (quote) {
    const existing = anns.find((a) => a.start === quote.start && a.end === quote.end) ?? inside;
    return { article, start: quote.start, end: quote.end, kind: 'quote', quote, entityId: undefined, annotation: existing };
  }
  if (inside) return { article, start: inside.start, end: inside.end, kind: inside.kind, quote: undefined, entityId: undefined, annotation: inside };
  const mention = ctx.entities.mentionAt(article, offset);
  if (mention) {
    const existing = anns.find((a) => a.start === mention.mention.start && a.end === mention.mention.end);
    return { article, start: mention.mention.start, end: mention.mention.end, kind: 'entity', quote: undefined, entityId: mention.entity.id, annotation: existing };
  }
  return undefined;
}

/** The annotation a command should act on: the tree node's, else the one under the cursor. */
export async function annotationFrom(ctx: FeatureContext, node: unknown): Promise<{ article: ArticleEntry; annotation: AnnotationView } | undefined> {
  const n = node as TreeNode | undefined;
  if (n && typeof n === 'object' && 'kind' in n && n.kind === 'annotation') return { article: n.article, annotation: n.annotation };
  if (n && typeof n === 'object' && 'kind' in n && n.kind === 'quote' && n.annotation) return { article: n.article, annotation: n.annotation };
  const t = await targetAtCursor(ctx);
  return t?.annotation ? { article: t.article, annotation: t.annotation } : undefined;
}

/** A tree node for a quote as a target (context-menu "Tag Quote" on a quote in the Articles view). */
export function targetFromNode(ctx: FeatureContext, node: unknown): CursorTarget | undefined {
  const n = node as TreeNode | undefined;
  if (!n || typeof n !== 'object' || !('kind' in n)) return undefined;
  if (n.kind === 'quote') {
    const annotation = ctx.annotations.forArticle(n.article.key).find((a) => a.start === n.quote.start && a.end === n.quote.end);
    return { article: n.article, start: n.quote.start, end: n.quote.end, kind: 'quote', quote: n.quote, entityId: undefined, annotation };
  }
  if (n.kind === 'annotation') return { article: n.article, start: n.annotation.start, end: n.annotation.end, kind: n.annotation.kind, quote: undefined, entityId: undefined, annotation: n.annotation };
  return undefined;
}

export const NO_TARGET = 'Put the cursor in a quotation, on a name or in an annotated passage, or select the passage to annotate.';

export function isNode(x: unknown): x is TreeNode {
  return typeof x === 'object' && x !== null && 'kind' in x && 'id' in x;
}
