/**
 * Next/Previous Quote and Annotation (within the article), Next/Previous Mention (of the entity under the
 * cursor, across every article of the corpus). All wrap around, saying so in the status bar.
 */
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { openArticleAt } from '../../editor/openArticle';

interface Stop {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

/** The stop after (or before) `offset` in a sorted list, wrapping; `wrapped` says whether it wrapped. */
export function nextStop<T extends { start: number }>(stops: readonly T[], offset: number, direction: 1 | -1): { stop: T; wrapped: boolean } | undefined {
  if (stops.length === 0) return undefined;
  if (direction === 1) {
    const s = stops.find((x) => x.start > offset);
    return s ? { stop: s, wrapped: false } : { stop: stops[0]!, wrapped: true };
  }
  const s = [...stops].reverse().find((x) => x.start < offset);
  return s ? { stop: s, wrapped: false } : { stop: stops[stops.length - 1]!, wrapped: true };
}

function say(message: string): void {
  vscode.window.setStatusBarMessage(`News Annotator: ${message}`, 4000);
}

export function register(ctx: FeatureContext): void {
  const inArticle = (what: 'quote' | 'annotation', direction: 1 | -1) => async () => {
    const editor = vscode.window.activeTextEditor;
    const article = editor && (await ctx.catalog.current(editor.document));
    if (!editor || !article) {
      void vscode.window.showInformationMessage('Open an article first.');
      return;
    }
    // in text order (statements and their quoted words are listed by kind, not by place)
    const stops: Stop[] = (
      what === 'quote'
        ? (article.analysis?.quotes ?? []).map((q) => ({ uri: article.key, start: q.start, end: q.end }))
        : ctx.annotations
            .forArticle(article.key)
            .filter((a) => a.status !== 'orphaned')
            .map((a) => ({ uri: article.key, start: a.start, end: a.end }))
    ).sort((a, b) => a.start - b.start || b.end - a.end);
    // From inside a quote, "next" means the next one, not the rest of this one.
    // (a quotation we selected: where it starts)
    const offset = editor.document.offsetAt(editor.selection.isEmpty ? editor.selection.active : editor.selection.start);
    // (at the start of a quotation inside a statement, that quotation is the current one, not the statement)
    const current = stops.find((s) => s.start === offset) ?? stops.find((s) => offset >= s.start && offset <= s.end);
    const hit = nextStop(stops, current ? current.start : offset, direction);
    if (!hit) {
      say(`no ${what === 'quote' ? 'quotations' : 'annotations'} in this article`);
      return;
    }
    if (hit.wrapped) say(`wrapped to the ${direction === 1 ? 'first' : 'last'} ${what} of the article`);
    await openArticleAt(hit.stop.uri, hit.stop.start, hit.stop.end, { preview: false });
  };

  const mention = (direction: 1 | -1) => async () => {
    const editor = vscode.window.activeTextEditor;
    const article = editor && (await ctx.catalog.current(editor.document));
    if (!editor || !article) {
      void vscode.window.showInformationMessage('Open an article and put the cursor on a name first.');
      return;
    }
    const offset = editor.document.offsetAt(editor.selection.active);
    const at = ctx.entities.mentionAt(article, offset);
    if (!at) {
      void vscode.window.showInformationMessage('Put the cursor on the name of a person, organisation or place.');
      return;
    }
    const order = new Map(ctx.catalog.all().map((a, i) => [a.key, i]));
    const all = ctx.entities
      .mentions(at.entity.id)
      .map((m) => ({ uri: m.article.key, start: m.mention.start, end: m.mention.end, rank: order.get(m.article.key) ?? 0 }))
      .sort((a, b) => a.rank - b.rank || a.start - b.start);
    const i = all.findIndex((m) => m.uri === article.key && m.start === at.mention.start);
    const j = (i + direction + all.length) % all.length;
    const target = all[j]!;
    const wrapped = direction === 1 ? j <= i : j >= i;
    const articles = new Set(all.map((m) => m.uri)).size;
    say(`${at.entity.name}: mention ${j + 1} of ${all.length} in ${articles} article${articles === 1 ? '' : 's'}${wrapped && all.length > 1 ? ' (wrapped around)' : ''}`);
    await openArticleAt(target.uri, target.start, target.end, { preview: false });
  };

  ctx.subscriptions.push(
    vscode.commands.registerCommand(Commands.nextQuote, inArticle('quote', 1)),
    vscode.commands.registerCommand(Commands.previousQuote, inArticle('quote', -1)),
    vscode.commands.registerCommand(Commands.nextAnnotation, inArticle('annotation', 1)),
    vscode.commands.registerCommand(Commands.previousAnnotation, inArticle('annotation', -1)),
    vscode.commands.registerCommand(Commands.nextMention, mention(1)),
    vscode.commands.registerCommand(Commands.previousMention, mention(-1)),
  );
}
