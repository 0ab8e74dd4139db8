/**
 * FileOps over `vscode.workspace.fs`, so the core's store works in remote and virtual workspaces.
 * Paths are URI strings (`file:///…`, `vscode-vfs://…`).
 */
import * as vscode from 'vscode';
import { FileNotFoundError, type FileOps, type FileStat } from '../core/io/fileOps';

function isNotFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound');
}

export const vscodeFileOps: FileOps = {
  async readFile(p) {
    try {
      return await vscode.workspace.fs.readFile(vscode.Uri.parse(p));
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFoundError(p);
      throw err;
    }
  },
  async writeFile(p, data) {
    await vscode.workspace.fs.writeFile(vscode.Uri.parse(p), data);
  },
  async rename(from, to) {
    await vscode.workspace.fs.rename(vscode.Uri.parse(from), vscode.Uri.parse(to), { overwrite: true });
  },
  async delete(p) {
    try {
      await vscode.workspace.fs.delete(vscode.Uri.parse(p), { useTrash: false });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
  async stat(p): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(vscode.Uri.parse(p));
      return { size: s.size, mtimeMs: s.mtime };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },
  dirname: (p) => vscode.Uri.joinPath(vscode.Uri.parse(p), '..').toString(),
  basename: (p) => {
    const path = vscode.Uri.parse(p).path;
    return path.slice(path.lastIndexOf('/') + 1);
  },
  join: (d, n) => vscode.Uri.joinPath(vscode.Uri.parse(d), n).toString(),
};
