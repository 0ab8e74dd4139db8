/**
 * Palette commands that change annotations: Tag Quote, Add Note, Edit Tags, Remove Annotation, Re-attach
 * Annotation, Open Sidecar, Undo Last Annotation Change. Each works on the passage under the cursor (or the
 * selection), or on the tree item it was invoked from. For keybindings and scripts each also takes an optional
 * argument object (e.g. `{ "tags": ["sanctions"] }`) that skips the prompt.
 */
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../../core/workspace/articleFiles';
import { Commands } from '../../constants';
import { annotationFrom, isNode, NO_TARGET, placeCursor, targetAtCursor, targetFromNode, type CursorTarget, type NoteArgs, type TagArgs } from '../../editor/cursorTarget';
import { guard } from '../../editor/errors';
import { pickTags } from '../../editor/tagPicker';
import type { FeatureContext } from '../../featureContext';
import type { TreeNode } from '../../trees/treeNodes';

export function register(ctx: FeatureContext): void {
  const service = ctx.annotations;
  const requireTarget = async (node: unknown): Promise<CursorTarget | undefined> => {
    const t = targetFromNode(ctx, node) ?? (await targetAtCursor(ctx));
    if (!t) void vscode.window.showInformationMessage(NO_TARGET);
    return t;
  };

  ctx.subscriptions.push(
    vscode.commands.registerCommand(Commands.tagQuote, (arg?: TagArgs | TreeNode) =>
      guard(async () => {
        if (!isNode(arg)) placeCursor(arg);
        const t = await requireTarget(isNode(arg) ? arg : undefined);
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
        const t = await requireTarget(undefined);
        if (!t) return;
        const note = given;
        if (t.annotation) await service.update(t.article.key, t.annotation.id, { note: note.trim() ? note : null });
        else if (note.trim()) await service.add(t.article.key, { start: t.start, end: t.end, kind: t.kind, note, speaker: t.quote?.speaker ?? undefined, entity: t.entityId });
      }),
    ),
    vscode.commands.registerCommand(Commands.editTags, (arg?: TagArgs | TreeNode) =>
      guard(async () => {
        const found = await annotationFrom(ctx, isNode(arg) ? arg : undefined);
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
        const found = await annotationFrom(ctx, arg);
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
  );
}

