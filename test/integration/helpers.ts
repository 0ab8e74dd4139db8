/** Helpers for integration tests running inside VS Code's extension host. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/extension/api';

export const EXTENSION_ID = 'news-annotator.news-annotator';

export async function api(): Promise<NewsAnnotatorApi> {
  const ext = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const a = await ext.activate();
  await a.whenReady();
  return a;
}

export function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri.fsPath;
}

export function wsUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), ...parts));
}

/**
 * Polls `cond` until it returns a truthy value (or throws after `timeoutMs`, saying what it waited for). The
 * limit is generous because CI machines can be busy; a passing test never waits longer than its condition.
 */
export async function waitFor<T>(what: string, cond: () => T | Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await cond();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function openArticle(...parts: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(...parts));
  return vscode.window.showTextDocument(doc);
}

/** Places the cursor inside the first occurrence of `needle` (at `offsetInNeedle`). */
export function putCursorIn(editor: vscode.TextEditor, needle: string, offsetInNeedle = 1): number {
  const text = editor.document.getText();
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in ${editor.document.uri.fsPath}`);
  const pos = editor.document.positionAt(i + offsetInNeedle);
  editor.selection = new vscode.Selection(pos, pos);
  return i;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
