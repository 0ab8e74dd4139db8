/**
 * Turning the bytes of an article file into the text VS Code shows: UTF-8 decoded, BOM removed.
 * Offsets everywhere in News Annotator are JavaScript string indices into this text.
 */

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly hadBom: boolean; readonly invalidBytes: number }
  | { readonly ok: false; readonly reason: string };

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Share of control bytes (other than tab, LF, CR, FF) above which a file is taken as binary. */
const BINARY_CONTROL_RATIO = 0.1;

/**
 * Decodes article bytes. Binary files (NUL bytes, or many control characters) are refused with a reason.
 * Invalid UTF-8 sequences do not refuse the file: like VS Code, they decode as U+FFFD, and `invalidBytes`
 * says how many replacement characters that introduced, so callers can warn.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  if (sample.length > 0 && controls / sample.length > BINARY_CONTROL_RATIO) {
    return { ok: false, reason: 'binary file (too many control characters)' };
  }
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: strictDecoder.decode(bytes), hadBom, invalidBytes: 0 };
  } catch {
    const text = lenientDecoder.decode(bytes);
    let invalid = 0;
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) invalid++;
    return { ok: true, text, hadBom, invalidBytes: invalid };
  }
}

/**
 * A short, stable fingerprint of a text (FNV-1a 64-bit over UTF-16 code units, hex). Used to tell when an
 * article changed since a sidecar was saved and as a cache key; not a cryptographic hash.
 */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0') + ':' + text.length.toString(36);
}
