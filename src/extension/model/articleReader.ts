/**
 * Reading article files. A `file:` URI is read with Node's fs: the extension host runs where the files are
 * (locally, or on the remote side of a remote window), and in a remote window each `vscode.workspace.fs` call
 * was a round trip over the window's connection (thousands of them on a first open, half the host thread's time
 * in code-server). Any other scheme (virtual workspaces) goes through `vscode.workspace.fs`.
 */
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';

/** A file's size and modification time (ms, whole, as `vscode.workspace.fs.stat` gives it). */
export interface ArticleStat {
  readonly size: number;
  readonly mtime: number;
}

export async function statArticle(uri: vscode.Uri): Promise<ArticleStat> {
  if (uri.scheme === 'file') {
    const st = await fsp.stat(uri.fsPath);
    return { size: st.size, mtime: Math.trunc(st.mtimeMs) };
  }
  const st = await vscode.workspace.fs.stat(uri);
  return { size: st.size, mtime: st.mtime };
}

export async function readArticle(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? fsp.readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}
