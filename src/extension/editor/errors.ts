/**
 * How commands report failures: a broken sidecar as an error with a button to its bad line, anything else as an
 * error message. Every command body that writes runs inside `guard`.
 */
import * as vscode from 'vscode';
import type { SidecarProblem } from '../model/annotationView';

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs a command body; a failure is shown to the user, never thrown into VS Code's command service. */
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

/** The error message for a broken sidecar, with an "Open Sidecar" button that goes to the bad line. */
export async function showSidecarProblem(p: SidecarProblem): Promise<void> {
  const name = vscode.Uri.parse(p.sidecarUri).path.split('/').pop();
  const choice = await vscode.window.showErrorMessage(
    `News Annotator: ${name}${p.line ? ` line ${p.line}` : ''}: ${p.message}. This article's annotations are read-only until the file is fixed; nothing was overwritten.`,
    'Open Sidecar',
  );
  if (choice === 'Open Sidecar') {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(p.sidecarUri));
    const line = Math.max(0, (p.line ?? 1) - 1);
    const editor = await vscode.window.showTextDocument(doc);
    const pos = new vscode.Position(Math.min(line, doc.lineCount - 1), 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  }
}
