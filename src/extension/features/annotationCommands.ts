/**
 * Palette commands that change annotations: Tag Quote, Add Note, Edit Tags, Remove Annotation, Re-attach
 * Annotation, Open Sidecar, Undo Last Annotation Change. Each works on the passage under the cursor (or the
 * selection), or on the tree item it was invoked from. For keybindings and scripts each also takes an optional
 * argument object (e.g. `{ "tags": ["sanctions"] }`) that skips the prompt.
 */
import * as vscode from 'vscode';
import type { Quote } from '../../core/analysis/types';
import { sidecarPathFor } from '../../core/workspace/articleFiles';
import { Commands } from '../constants';
import type { FeatureContext } from '../featureContext';
import type { ArticleEntry } from '../model/articleCatalog';
import type { AnnotationView } from '../model/annotationView';
import { errorText, showSidecarProblem, type AnnotationService } from '../model/annotationService';
import type { TreeNode } from '../views/treeNodes';

/** `uri` + `offset`: act on that place of an open article (hover links pass where the hover was, not the cursor). */
interface AtArgs {
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

export function targetAtCursor(ctx: FeatureContext, editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): CursorTarget | undefined {
  if (!editor) return undefined;
  const article = ctx.catalog.get(editor.document.uri) ?? undefined;
  if (!article) return undefined;
  ctx.catalog.updateFromDocument(editor.document);
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
  // A quote counts from its opening mark to its closing mark.
  const quote = article.analysis?.quotes.find((q) => offset >= q.start - 1 && offset <= q.end + 1);
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
function annotationFrom(ctx: FeatureContext, node: unknown): { article: ArticleEntry; annotation: AnnotationView } | undefined {
  const n = node as TreeNode | undefined;
  if (n && typeof n === 'object' && 'kind' in n && n.kind === 'annotation') return { article: n.article, annotation: n.annotation };
  if (n && typeof n === 'object' && 'kind' in n && n.kind === 'quote' && n.annotation) return { article: n.article, annotation: n.annotation };
  const t = targetAtCursor(ctx);
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

/**
 * The tag picker: the workspace's tags, most used first, multi-select, with the current ones ticked; typing a
 * new name (or several, comma-separated) offers to create it.
 */
export async function pickTags(title: string, known: readonly [string, number][], current: readonly string[]): Promise<string[] | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.title = title;
  qp.placeholder = 'Pick tags, or type a new one (comma-separated for several) and press Enter';
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  const base: vscode.QuickPickItem[] = [...new Set([...current, ...known.map(([t]) => t)])].map((t) => ({
    label: t,
    description: (() => {
      const n = known.find(([k]) => k === t)?.[1] ?? 0;
      return n > 0 ? `${n} use${n === 1 ? '' : 's'}` : 'new';
    })(),
  }));
  qp.items = base;
  qp.selectedItems = base.filter((i) => current.includes(i.label));
  const splitNames = (value: string) => value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  qp.onDidChangeValue((value) => {
    const fresh = splitNames(value).filter((n) => !base.some((b) => b.label === n));
    const keep = qp.selectedItems.filter((k) => base.includes(k));
    const typed = fresh.map((n) => ({ label: n, description: 'create tag', alwaysShow: true }));
    qp.items = [...typed, ...base];
    qp.selectedItems = [...keep, ...typed];
  });
  return new Promise<string[] | undefined>((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      // Names typed in the box count even if the user did not tick them.
      const picked = new Set([...qp.selectedItems.map((i) => i.label), ...splitNames(qp.value)]);
      done = true;
      resolve([...picked]);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

export async function guard(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const problem = (err as { problem?: { path: string; line: number | null; message: string } }).problem;
    // Not awaited: a notification stays until the user dismisses it, and the command must not hang on it.
    if (problem) void showSidecarProblem({ sidecarUri: problem.path, line: problem.line ?? undefined, message: problem.message });
    else void vscode.window.showErrorMessage(`News Annotator: ${errorText(err)}`);
  }
}

export const NO_TARGET = 'Put the cursor in a quotation, on a name or in an annotated passage, or select the passage to annotate.';

export function registerAnnotationCommands(ctx: FeatureContext, service: AnnotationService): vscode.Disposable[] {
  const requireTarget = (node: unknown): CursorTarget | undefined => {
    const t = targetFromNode(ctx, node) ?? targetAtCursor(ctx);
    if (!t) void vscode.window.showInformationMessage(NO_TARGET);
    return t;
  };

  return [
    vscode.commands.registerCommand(Commands.tagQuote, (arg?: TagArgs | TreeNode) =>
      guard(async () => {
        if (!isNode(arg)) placeCursor(arg);
        const t = requireTarget(isNode(arg) ? arg : undefined);
        if (!t) return;
        const current = t.annotation?.tags ?? [];
        const given = !isNode(arg) && arg?.tags ? [...arg.tags] : undefined;
        const label = t.kind === 'quote' ? `Tag quote${t.quote?.speaker ? ` by ${t.quote.speaker}` : ''}` : t.kind === 'entity' ? 'Tag name' : 'Tag passage';
        const tags = given ?? (await pickTags(label, ctx.annotations.tagCounts(), current));
        if (!tags) return;
        if (t.annotation) {
          await service.update(t.article.key, t.annotation.id, given ? { addTags: tags } : { setTags: tags });
        } else {
          if (tags.length === 0) return;
          await service.add(t.article.key, { start: t.start, end: t.end, kind: t.kind, tags, speaker: t.quote?.speaker ?? undefined, entity: t.entityId });
        }
        vscode.window.setStatusBarMessage(`News Annotator: tagged ${tags.map((x) => `#${x}`).join(' ')}`, 3000);
      }),
    ),
    vscode.commands.registerCommand(Commands.addNote, (arg?: NoteArgs | TreeNode) =>
      guard(async () => {
        if (!isNode(arg)) placeCursor(arg);
        const given = !isNode(arg) && typeof arg?.note === 'string' ? arg.note : undefined;
        // Without a note given, the note is written in an editor tab (features/noteEditor.ts).
        if (given === undefined) return vscode.commands.executeCommand(Commands.editNote, isNode(arg) ? arg : undefined);
        const t = requireTarget(undefined);
        if (!t) return;
        const note = given;
        if (t.annotation) await service.update(t.article.key, t.annotation.id, { note: note.trim() ? note : null });
        else if (note.trim()) await service.add(t.article.key, { start: t.start, end: t.end, kind: t.kind, note, speaker: t.quote?.speaker ?? undefined, entity: t.entityId });
      }),
    ),
    vscode.commands.registerCommand(Commands.editTags, (arg?: TagArgs | TreeNode) =>
      guard(async () => {
        const found = annotationFrom(ctx, isNode(arg) ? arg : undefined);
        if (!found) {
          void vscode.window.showInformationMessage('There is no annotation here to edit. Use Tag Quote to create one.');
          return;
        }
        const given = !isNode(arg) && arg?.tags ? [...arg.tags] : undefined;
        const tags = given ?? (await pickTags('Edit tags', ctx.annotations.tagCounts(), found.annotation.tags));
        if (!tags) return;
        await service.update(found.article.key, found.annotation.id, { setTags: tags });
      }),
    ),
    vscode.commands.registerCommand(Commands.removeAnnotation, (arg?: TreeNode) =>
      guard(async () => {
        const found = annotationFrom(ctx, arg);
        if (!found) {
          void vscode.window.showInformationMessage('There is no annotation here to remove.');
          return;
        }
        await service.remove(found.article.key, found.annotation.id);
        void vscode.window.showInformationMessage('Annotation removed.', 'Undo').then(async (c) => {
          if (c === 'Undo') await vscode.commands.executeCommand(Commands.undoAnnotationChange);
        });
      }),
    ),
    vscode.commands.registerCommand(Commands.reattachAnnotation, (arg?: TreeNode | { id: string }) =>
      guard(async () => {
        const editor = vscode.window.activeTextEditor;
        const article = editor && ctx.catalog.get(editor.document.uri);
        if (!editor || !article || editor.selection.isEmpty) {
          void vscode.window.showInformationMessage('Select the text the annotation should now point at, then run Re-attach Annotation.');
          return;
        }
        let id = isNode(arg) && arg.kind === 'annotation' ? arg.annotation.id : (arg as { id?: string } | undefined)?.id;
        if (!id) {
          const orphans = ctx.annotations.forArticle(article.key).filter((a) => a.status === 'orphaned' || a.status === 'fuzzy');
          if (orphans.length === 0) {
            void vscode.window.showInformationMessage('This article has no orphaned or fuzzy annotations to re-attach.');
            return;
          }
          const pick = await vscode.window.showQuickPick(
            orphans.map((o) => ({ label: `“${o.quote.slice(0, 80)}”`, description: [o.status, ...o.tags.map((x) => `#${x}`)].join(' '), detail: o.note, id: o.id })),
            { title: 'Re-attach which annotation to the selection?' },
          );
          id = pick?.id;
        }
        if (!id) return;
        const start = editor.document.offsetAt(editor.selection.start);
        const end = editor.document.offsetAt(editor.selection.end);
        await service.reattach(article.key, id, start, end);
      }),
    ),
    vscode.commands.registerCommand(Commands.openSidecar, (arg?: TreeNode) =>
      guard(async () => {
        const key = isNode(arg) && 'article' in arg && arg.article ? arg.article.key : vscode.window.activeTextEditor?.document.uri.toString();
        if (!key) return;
        const sidecar = vscode.Uri.parse(sidecarPathFor(key));
        try {
          await vscode.workspace.fs.stat(sidecar);
        } catch {
          void vscode.window.showInformationMessage('This article has no annotations yet, so no sidecar file. Tag a quote to create one.');
          return;
        }
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sidecar), { preview: false, viewColumn: vscode.ViewColumn.Beside });
      }),
    ),
    vscode.commands.registerCommand(Commands.undoAnnotationChange, () =>
      guard(async () => {
        const what = await service.undo();
        vscode.window.setStatusBarMessage(what ? `News Annotator: undid ${what}` : 'News Annotator: nothing to undo', 3000);
      }),
    ),
  ];
}

export function isNode(x: unknown): x is TreeNode {
  return typeof x === 'object' && x !== null && 'kind' in x && 'id' in x;
}
