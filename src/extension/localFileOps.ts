/**
 * FileOps for files under `file:` URIs read with Node's fs (nodeFileOps), any other scheme through
 * vscodeFileOps; paths are URI strings, as vscodeFileOps takes them. The extension host runs where the files
 * are (locally, or on the remote side of a remote window), and in a remote window (code-server) each
 * `vscode.workspace.fs` call was a round trip over the window's compressed connection: thousands of article reads
 * on a first open, and the whole analysis and index caches (tens of megabytes at 10,000 articles) inflated on the
 * host's thread. Used for the articles (ArticleCatalog), the caches and the sidecars (AnnotationService: a Tag
 * Quote's read, write and rename were three round trips).
 */
import * as vscode from 'vscode';
import type { FileOps, FileStat } from '../core/io/fileOps';
import { nodeFileOps } from '../node/nodeFileOps';
import { vscodeFileOps } from './vscodeFileOps';

/** The file system path of a `file:` URI string, else undefined. */
const local = (p: string): string | undefined => (p.startsWith('file:') ? vscode.Uri.parse(p).fsPath : undefined);

export const localFileOps: FileOps = {
  ...vscodeFileOps,
  readFile: (p) => {
    const f = local(p);
    return f ? nodeFileOps.readFile(f) : vscodeFileOps.readFile(p);
  },
  writeFile: (p, data) => {
    const f = local(p);
    return f ? nodeFileOps.writeFile(f, data) : vscodeFileOps.writeFile(p, data);
  },
  createExclusive: (p, data) => {
    const f = local(p);
    return f ? nodeFileOps.createExclusive!(f, data) : vscodeFileOps.createExclusive!(p, data);
  },
  rename: (from, to) => {
    const a = local(from);
    const b = local(to);
    return a && b ? nodeFileOps.rename(a, b) : vscodeFileOps.rename(from, to);
  },
  delete: (p) => {
    const f = local(p);
    return f ? nodeFileOps.delete(f) : vscodeFileOps.delete(p);
  },
  // Modification times in whole milliseconds, as vscode.workspace.fs gives them (file stamps compare equal across both).
  stat: async (p): Promise<FileStat | undefined> => {
    const f = local(p);
    if (!f) return vscodeFileOps.stat(p);
    const s = await nodeFileOps.stat(f);
    return s && { size: s.size, mtimeMs: Math.trunc(s.mtimeMs) };
  },
};
