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
  async createExclusive(p, data) {
    // vscode.workspace.fs (1.100) has no create-only write (the `{ create, overwrite }` options exist only on
    // FileSystemProvider). Best effort: write a unique temporary file, then rename it onto `p` with
    // `overwrite: false`, which fails with FileExists when `p` exists. The check and the rename happen inside the
    // file service, so the window is far smaller than stat-then-write, but it is not an OS-level O_EXCL.
    const target = vscode.Uri.parse(p);
    if (await vscode.workspace.fs.stat(target).then(() => true, () => false)) return false;
    const tmp = vscode.Uri.parse(`${p}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    await vscode.workspace.fs.writeFile(tmp, data);
    try {
      await vscode.workspace.fs.rename(tmp, target, { overwrite: false });
      return true;
    } catch (err) {
      await Promise.resolve(vscode.workspace.fs.delete(tmp, { useTrash: false })).catch(() => undefined);
      if (err instanceof vscode.FileSystemError && err.code === 'FileExists') return false;
      throw err;
    }
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
