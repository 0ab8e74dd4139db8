/**
 * The one binary packer of the cache files (corpusCache.ts, analysisCache.ts): records as 32-bit integers with
 * a string table, so numbers stay numbers (no JSON to parse on load) and each distinct string (entity ids and
 * names, speakers, cue words) is stored once per file; and the frame both files share: magic, u32 byte-order
 * mark, u32 format version, u32 header length, header JSON (UTF-8), padding to 4 bytes, then the data.
 */
import type { EntityType, PassageKind, StatementKind } from '../analysis/types';

/** A cache file that is not one, of another format, key or byte order, truncated or corrupt. */
export class CacheFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheFormatError';
  }
}

/** Passage kinds and entity types, stored as their index here. */
export const PASSAGE_KINDS: readonly PassageKind[] = ['headline', 'byline', 'dateline', 'paragraph', 'furniture'];
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];
export const STATEMENT_KINDS: readonly StatementKind[] = ['direct', 'reported', 'mixed'];

const BOM = 0x01020304;
const FRAME_HEAD = 16;

/** What a frame is: its magic, format version, and the words its errors use. */
export interface FrameKind {
  readonly magic: readonly number[];
  readonly version: number;
  /** The error for bytes without the magic ("not a corpus index cache"). */
  readonly notOne: string;
  /** The file's name in errors ("cache", "analysis cache"). */
  readonly what: string;
  /** Reject a header that is not valid UTF-8 (else it is decoded with replacement characters). */
  readonly strictUtf8?: boolean;
}

/** Array elements turned into JSON between two pauses of `writeFrameSteps`. */
const JSON_STEP = 8192;

/**
 * A file of `header` (JSON-encoded) followed by `dataBytes` bytes of data (4-byte aligned, at `dataOffset`), for
 * the caller to fill in; in steps (run them with runToEnd or runInSlices). A header's string table holds every
 * distinct string of 10,000 articles, and turning it into JSON and bytes in one piece held the extension host over
 * 100 ms: its top-level arrays are written a few thousand elements at a time. The bytes are those of
 * `JSON.stringify(header)`.
 */
export function* writeFrameSteps(kind: FrameKind, header: object, dataBytes: number): Generator<void, { out: Uint8Array; dataOffset: number }> {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let text = '{';
  let first = true;
  for (const [key, value] of Object.entries(header)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue; // as JSON.stringify
    text += (first ? '' : ',') + JSON.stringify(key) + ':';
    first = false;
    if (!Array.isArray(value)) {
      text += JSON.stringify(value);
      continue;
    }
    text += '[';
    for (let i = 0; i < value.length; i += JSON_STEP) {
      const part = value.slice(i, i + JSON_STEP).map((x: unknown) => JSON.stringify(x) ?? 'null');
      text += (i > 0 ? ',' : '') + part.join(',');
      pieces.push(encoder.encode(text));
      text = '';
      yield;
    }
    text += ']';
  }
  pieces.push(encoder.encode(text + '}'));
  const jsonLength = pieces.reduce((n, p) => n + p.length, 0);
  const dataOffset = align4(FRAME_HEAD + jsonLength);
  const out = new Uint8Array(dataOffset + dataBytes);
  out.set(kind.magic, 0);
  new Uint32Array(out.buffer, 4, 1)[0] = BOM;
  const view = new DataView(out.buffer);
  view.setUint32(8, kind.version, true);
  view.setUint32(12, jsonLength, true);
  let at = FRAME_HEAD;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return { out, dataOffset };
}

/** Bytes copied between two pauses of a sliced serialiser (`copyInSteps`). */
const COPY_STEP = 4 << 20;

/**
 * Copies `src` into `out` at `at`, pausing (yield) after every 4 MB: a sliced serialiser's large copies (tens of
 * megabytes at 10,000 articles) would otherwise hold the thread in one piece. Returns the offset after the copy.
 */
export function* copyInSteps(out: Uint8Array, src: ArrayBufferView, at: number): Generator<void, number> {
  const bytes = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  for (let k = 0; k < bytes.length; k += COPY_STEP) {
    out.set(bytes.subarray(k, Math.min(bytes.length, k + COPY_STEP)), at + k);
    if (k + COPY_STEP < bytes.length) yield;
  }
  return at + bytes.length;
}

/**
 * Checks the frame of `bytes` and parses its header (`T` is not checked: the caller checks its fields).
 * `aligned` holds the bytes at a 4-byte aligned offset (a copy when `bytes` was not); the data starts at `dataOffset`.
 */
export function readFrame<T>(kind: FrameKind, bytes: Uint8Array): { aligned: Uint8Array; header: T; dataOffset: number } {
  if (bytes.length < FRAME_HEAD || kind.magic.some((b, i) => bytes[i] !== b)) throw new CacheFormatError(kind.notOne);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (new Uint32Array(aligned.buffer, aligned.byteOffset + 4, 1)[0] !== BOM) throw new CacheFormatError('cache written on a machine of the other byte order');
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  const version = view.getUint32(8, true);
  if (version !== kind.version) throw new CacheFormatError(`${kind.what} format ${version}, expected ${kind.version}`);
  const headerLen = view.getUint32(12, true);
  if (FRAME_HEAD + headerLen > aligned.length) throw new CacheFormatError(`truncated ${kind.what}`);
  let header: T;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: kind.strictUtf8 === true }).decode(aligned.subarray(FRAME_HEAD, FRAME_HEAD + headerLen))) as T;
  } catch (err) {
    throw new CacheFormatError(`corrupt ${kind.what}: ${(err as Error).message}`);
  }
  return { aligned, header, dataOffset: align4(FRAME_HEAD + headerLen) };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

export class IntWriter {
  data = new Int32Array(4096);
  length = 0;
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  int(x: number): void {
    if (!Number.isInteger(x) || x < -0x80000000 || x > 0x7fffffff) throw new RangeError(`not a 32-bit integer: ${x}`);
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  /** A string (or null: -1) as its number in the string table. */
  str(s: string | null): void {
    if (s === null) return this.int(-1);
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    this.int(id);
  }

  truncate(to: number): void {
    this.length = to;
  }

  ints(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Reads what IntWriter wrote, checking every count and string number (a corrupt file throws CacheFormatError). */
export class IntReader {
  constructor(
    private readonly d: Int32Array,
    public at: number,
    private readonly end: number,
    private readonly strings: readonly string[],
    private readonly what = 'cache',
  ) {}

  int(): number {
    if (this.at >= this.end) throw new CacheFormatError(`corrupt ${this.what}: record overruns`);
    return this.d[this.at++]!;
  }

  /** A count of items of at least `width` numbers each that must fit in what is left. */
  count(width = 1): number {
    const n = this.int();
    if (n < 0 || n * width > this.end - this.at) throw new CacheFormatError(`corrupt ${this.what}: bad count`);
    return n;
  }

  /**
   * A count, then that many elements made by `make`, in an array of exactly that size (pushed one by one, each
   * list took room for 17 elements: 10,000 reopened articles held tens of megabytes of such room).
   */
  list<T>(make: () => T, width = 1): T[] {
    const out = new Array<T>(this.count(width));
    for (let k = 0; k < out.length; k++) out[k] = make();
    return out;
  }

  str(): string | null {
    const k = this.int();
    if (k === -1) return null;
    const s = this.strings[k];
    if (typeof s !== 'string') throw new CacheFormatError(`corrupt ${this.what}: bad string number`);
    return s;
  }

  text(): string {
    return this.str() ?? '';
  }

  get done(): boolean {
    return this.at === this.end;
  }
}
