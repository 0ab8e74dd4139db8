/**
 * File operations the pure core is given, never imports. The extension passes an implementation over
 * `vscode.workspace.fs` (so remote and virtual workspaces work); the CLI and the unit tests pass one over
 * Node's `fs` (src/cli/nodeFileOps.ts). Paths are opaque strings in the caller's own form: a file-system
 * path for the CLI, a URI string for the extension. `dirname`/`basename`/`join` are part of the interface
 * for that reason.
 */
export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Whether a file is unchanged since `known` was taken (same size and modification time): the one rule every
 * cache uses to skip reading a file again (the extension's catalog and index, the CLI's index build).
 */
export function sameStamp(known: FileStat | undefined, now: FileStat | undefined): boolean {
  return !!known && !!now && known.size === now.size && known.mtimeMs === now.mtimeMs;
}

export interface FileOps {
  readFile(path: string): Promise<Uint8Array>;
  /** Writes the whole file (creating or truncating it). Not atomic by itself: see `rename`. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Renames `from` over `to`, replacing it; atomic on one file system. */
  rename(from: string, to: string): Promise<void>;
  delete(path: string): Promise<void>;
  /**
   * Creates `path` holding `data` only if it does not exist yet: `true` when this call created it, `false` when
   * the file was already there (nothing written). Used for the short-lived lock file beside a sidecar. Optional
   * so a minimal FileOps still compiles; every FileOps in this product implements it (without it, saves are
   * not locked across processes and rely on the re-read/verify checks alone).
   */
  createExclusive?(path: string, data: Uint8Array): Promise<boolean>;
  /** `undefined` when the file does not exist. */
  stat(path: string): Promise<FileStat | undefined>;
  dirname(path: string): string;
  basename(path: string): string;
  join(dir: string, name: string): string;
}

/** Error raised by FileOps implementations for a missing file, so callers need not parse messages. */
export class FileNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`File not found: ${path}`);
    this.name = 'FileNotFoundError';
  }
}

/** How many times each file was read, and written (a direct write or a rename onto it: an atomic write counts once). */
export interface FileOpsCounts {
  readonly fileOps: FileOps;
  counts(path: string): { readonly reads: number; readonly writes: number };
}

/** A FileOps that counts reads and writes per path (the tests read the counts back; the cost is a map update). */
export function countedFileOps(inner: FileOps): FileOpsCounts {
  const reads = new Map<string, number>();
  const writes = new Map<string, number>();
  const bump = (m: Map<string, number>, p: string) => m.set(p, (m.get(p) ?? 0) + 1);
  const fileOps: FileOps = {
    ...inner,
    readFile: (p) => {
      bump(reads, p);
      return inner.readFile(p);
    },
    writeFile: (p, data) => {
      bump(writes, p);
      return inner.writeFile(p, data);
    },
    rename: (from, to) => {
      bump(writes, to);
      return inner.rename(from, to);
    },
  };
  return { fileOps, counts: (p) => ({ reads: reads.get(p) ?? 0, writes: writes.get(p) ?? 0 }) };
}
