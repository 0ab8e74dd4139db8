/**
 * FileOps for the extension's own cache files (the analysis cache and the index cache, in its global storage).
 * Under a `file:` URI they are read and written with Node's fs: the extension host runs where its storage is, and
 * in a remote window (code-server) each `vscode.workspace.fs` call carried the whole file over the window's
 * compressed connection (tens of megabytes at 10,000 articles, inflated on the host's thread). Other schemes, and
 * the path helpers (paths are URI strings), are vscodeFileOps'.
 */
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { FileNotFoundError, type FileOps, type FileStat } from '../core/io/fileOps';
import { vscodeFileOps } from './vscodeFileOps';

const local = (p: string): string | undefined => (p.startsWith('file:') ? vscode.Uri.parse(p).fsPath : undefined);
const notFound = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'ENOENT';

export const cacheFileOps: FileOps = {
  ...vscodeFileOps,
  async readFile(p) {
    const f = local(p);
    if (!f) return vscodeFileOps.readFile(p);
    try {
      return await fsp.readFile(f);
    } catch (err) {
      if (notFound(err)) throw new FileNotFoundError(p);
      throw err;
    }
  },
  async writeFile(p, data) {
    const f = local(p);
    return f ? fsp.writeFile(f, data) : vscodeFileOps.writeFile(p, data);
  },
  async rename(from, to) {
    const a = local(from);
    const b = local(to);
    return a && b ? fsp.rename(a, b) : vscodeFileOps.rename(from, to);
  },
  async delete(p) {
    const f = local(p);
    if (!f) return vscodeFileOps.delete(p);
    await fsp.unlink(f).catch((err: unknown) => {
      if (!notFound(err)) throw err;
    });
  },
  async stat(p): Promise<FileStat | undefined> {
    const f = local(p);
    if (!f) return vscodeFileOps.stat(p);
    const s = await fsp.stat(f).catch((err: unknown) => {
      if (notFound(err)) return undefined;
      throw err;
    });
    return s && { size: s.size, mtimeMs: Math.trunc(s.mtimeMs) };
  },
  createExclusive: undefined,
};
