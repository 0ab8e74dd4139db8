/** FileOps over Node's file system: the CLI, the extension's local files (localFileOps.ts), the benchmarks and the tests. */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { FileNotFoundError, type FileOps, type FileStat } from '../core/io/fileOps';

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'ENOENT';
}

export const nodeFileOps: FileOps = {
  async readFile(p: string): Promise<Uint8Array> {
    try {
      return await fsp.readFile(p);
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFoundError(p);
      throw err;
    }
  },
  async writeFile(p: string, data: Uint8Array): Promise<void> {
    await fsp.writeFile(p, data);
  },
  async createExclusive(p: string, data: Uint8Array): Promise<boolean> {
    let fh: Awaited<ReturnType<typeof fsp.open>>;
    try {
      // O_CREAT | O_EXCL: atomic on local file systems (and NFSv3+).
      fh = await fsp.open(p, 'wx');
    } catch (err) {
      if (typeof err === 'object' && err !== null && (err as { code?: string }).code === 'EEXIST') return false;
      throw err;
    }
    try {
      await fh.writeFile(data);
    } finally {
      await fh.close();
    }
    return true;
  },
  async rename(from: string, to: string): Promise<void> {
    await fsp.rename(from, to);
  },
  async delete(p: string): Promise<void> {
    try {
      await fsp.unlink(p);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
  async stat(p: string): Promise<FileStat | undefined> {
    try {
      const s = await fsp.stat(p);
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },
  dirname: (p) => path.dirname(p),
  basename: (p) => path.basename(p),
  join: (d, n) => path.join(d, n),
};
