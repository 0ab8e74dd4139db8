/**
 * "News Annotator: Rename Tag…": pick one of the tags in use (or run it on a tag in the Tags view), type the new
 * name; the tag is renamed in every sidecar of the workspace, and merged where an annotation already has the new
 * name (no duplicate). It goes through the AnnotationService, so views, decorations and the index follow, and
 * Undo Last Annotation Change puts every tag back. A broken sidecar is never written: it is reported. For
 * scripts and tests, `{ from, to }` skips the prompts.
 */
import * as vscode from 'vscode';
import { checkTagRename, renameCounts, type RenameOutcome } from '../../../core/annotations/renameTag';
import { Commands } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { errorText, showSidecarProblem } from '../../editor/errors';
import type { TreeNode } from '../../trees/treeNodes';

export interface RenameTagArgs {
  readonly from?: string;
  readonly to?: string;
}

/** The tag a Tags view item stands for (its id is `tags/tag:<name>`), if it is one. */
function tagOfNode(x: unknown): string | undefined {
  const n = x as TreeNode | undefined;
  if (!n || typeof n !== 'object' || !('kind' in n) || n.kind !== 'group' || !n.id.startsWith('tags/tag:')) return undefined;
  return n.id.slice('tags/tag:'.length);
}


export function register(ctx: FeatureContext): void {
  const service = ctx.annotations;
  ctx.subscriptions.push(
    vscode.commands.registerCommand(Commands.renameTag, async (arg?: RenameTagArgs | TreeNode): Promise<RenameOutcome | undefined> => {
      try {
        await ctx.catalog.whenReady();
        const args: RenameTagArgs = arg && typeof arg === 'object' && !('kind' in arg) ? arg : {};
        let from = args.from ?? tagOfNode(arg);
        const known = service.allTagCounts();
        if (from === undefined) {
          if (known.length === 0) {
            void vscode.window.showInformationMessage('No tags are in use yet. Tag a quote first.');
            return undefined;
          }
          const pick = await vscode.window.showQuickPick(
            known.map(([tag, n]) => ({ label: tag, description: `${n} use${n === 1 ? '' : 's'}` })),
            { title: 'Rename Tag: which tag?' },
          );
          if (!pick) return undefined;
          from = pick.label;
        }
        const old = from;
        const to =
          args.to ??
          (await vscode.window.showInputBox({
            title: `Rename tag “${old}”`,
            prompt: 'New name (a tag already in use: the two merge)',
            value: old,
            valueSelection: [0, old.length],
            ignoreFocusOut: true,
            validateInput: (v) => {
              try {
                const { to: n } = checkTagRename(old, v);
                return known.some(([t]) => t === n) ? { message: `“${n}” is in use: the two tags will merge`, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
              } catch (err) {
                return errorText(err);
              }
            },
          }));
        if (to === undefined) return undefined;
        const outcome = await service.renameTag(old, to);
        for (const p of outcome.errors) void showSidecarProblem({ sidecarUri: p.path, line: p.line ?? undefined, message: p.message });
        const n = renameCounts(outcome);
        if (n.files === 0) {
          if (outcome.errors.length === 0) void vscode.window.showInformationMessage(`News Annotator: no annotation is tagged “${old.trim()}”.`);
          return outcome;
        }
        const msg =
          `News Annotator: renamed “${old.trim()}” to “${to.trim()}” in ${n.annotations} annotation${n.annotations === 1 ? '' : 's'} of ${n.files} article${n.files === 1 ? '' : 's'}` +
          `${n.merged > 0 ? ` (${n.merged} merged)` : ''}.`;
        if (args.to === undefined) {
          void vscode.window.showInformationMessage(msg, 'Undo').then(async (c) => {
            if (c === 'Undo') await vscode.commands.executeCommand(Commands.undoAnnotationChange);
          });
        } else {
          vscode.window.setStatusBarMessage(msg, 5000);
        }
        return outcome;
      } catch (err) {
        void vscode.window.showErrorMessage(`News Annotator: could not rename the tag: ${errorText(err)}`);
        return undefined;
      }
    }),
  );
}
