/** Sidecar bytes to text, the limits every read obeys, and the error a sidecar that cannot be used raises. */

export interface SidecarLimits {
  /** Largest sidecar read, in bytes (bigger files are refused before parsing). */
  readonly maxBytes: number;
  readonly maxAnnotations: number;
}

export const DEFAULT_LIMITS: SidecarLimits = { maxBytes: 16 * 1024 * 1024, maxAnnotations: 200_000 };

export type SidecarErrorKind = 'encoding' | 'syntax' | 'schema' | 'version' | 'limit' | 'unsafe';

/** A sidecar that cannot be used: it is never overwritten; its article's annotations are read-only. */
export class SidecarError extends Error {
  constructor(
    readonly path: string,
    readonly line: number | null,
    readonly kind: SidecarErrorKind,
    readonly detail: string,
  ) {
    super(`${path}${line !== null ? `:${line}` : ''}: ${detail}`);
    this.name = 'SidecarError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes sidecar bytes (UTF-8, BOM dropped) or throws a SidecarError naming the line of the first bad byte. */
export function decodeSidecarBytes(bytes: Uint8Array, path: string, limits: SidecarLimits = DEFAULT_LIMITS): string {
  if (bytes.length > limits.maxBytes) {
    throw new SidecarError(path, null, 'limit', `sidecar is ${bytes.length} bytes, more than the ${limits.maxBytes} allowed; refusing to read it`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    const text = utf8Lenient.decode(bytes);
    const at = text.indexOf('\uFFFD');
    const line = at < 0 ? null : countLines(text, at);
    throw new SidecarError(path, line, 'encoding', 'sidecar is not valid UTF-8 text');
  }
}

function countLines(text: string, upTo: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
