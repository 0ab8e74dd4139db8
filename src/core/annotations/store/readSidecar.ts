/** Reading a sidecar file from disk, and the errors a handle raises for an unusable sidecar or an unknown id. */
import { FileNotFoundError, type FileOps, type FileStat } from '../../io/fileOps';
import type { SidecarData, SidecarProblem } from '../types';
import { DEFAULT_LIMITS, decodeSidecarBytes, parseSidecar, SidecarError, type SidecarDocument, type SidecarLimits } from '../yaml';

/** Thrown by a change to an article whose sidecar could not be read (it is never overwritten). */
export class SidecarReadOnlyError extends Error {
  constructor(readonly problem: SidecarProblem) {
    super(`annotations of this article are read-only until its sidecar is fixed: ${formatProblem(problem)}`);
    this.name = 'SidecarReadOnlyError';
  }
}

export class AnnotationNotFoundError extends Error {
  constructor(
    readonly path: string,
    readonly id: string,
  ) {
    super(`no annotation with id ${id} in ${path}`);
    this.name = 'AnnotationNotFoundError';
  }
}

export function formatProblem(p: SidecarProblem): string {
  return `${p.path}${p.line !== null ? `:${p.line}` : ''}: ${p.message}`;
}

export function problemOf(err: unknown, path: string): SidecarProblem {
  if (err instanceof SidecarError) return { path: err.path, line: err.line, message: err.detail };
  return { path, line: null, message: err instanceof Error ? err.message : String(err) };
}

export interface DiskState {
  /** True when the bytes equal the `knownRaw` given to readSidecarFile (then not parsed: data and doc are null). */
  readonly same?: boolean;
  readonly raw: Uint8Array | null;
  readonly data: SidecarData | null;
  readonly doc: SidecarDocument | null;
  /** The file's size and modification time when read (null: no file). */
  readonly stamp?: FileStat | null;
}

/** Reads and parses a sidecar. `null` data when there is none; throws SidecarError when it is unusable. */
export async function readSidecarFile(
  fileOps: FileOps,
  sidecarPath: string,
  limits: SidecarLimits = DEFAULT_LIMITS,
  knownRaw?: Uint8Array | null,
): Promise<DiskState> {
  const st = await fileOps.stat(sidecarPath);
  if (!st) return { raw: null, data: null, doc: null, stamp: null };
  if (st.size > limits.maxBytes) {
    throw new SidecarError(sidecarPath, null, 'limit', `sidecar is ${st.size} bytes, more than the ${limits.maxBytes} allowed; refusing to read it`);
  }
  let raw: Uint8Array;
  try {
    raw = await fileOps.readFile(sidecarPath);
  } catch (err) {
    if (err instanceof FileNotFoundError) return { raw: null, data: null, doc: null, stamp: null };
    throw err;
  }
  // Stat before reading: a change in between leaves a stamp older than the bytes (read again next time, never skipped).
  const stamp = { size: st.size, mtimeMs: st.mtimeMs };
  if (knownRaw && sameBytes(raw, knownRaw)) return { same: true, raw, data: null, doc: null, stamp };
  const text = decodeSidecarBytes(raw, sidecarPath, limits);
  const { data, doc } = parseSidecar(text, sidecarPath, limits);
  return { raw, data, doc, stamp };
}

/** Byte for byte equal (null: no file). */
export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
