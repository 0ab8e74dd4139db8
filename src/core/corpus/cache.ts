/**
 * The corpus index cache: one binary file holding every article's derived record (text, fingerprint, file
 * stamp, passages, quotes, entities, annotations and near-duplicate shingles), so reopening a workspace
 * restores the index without analysing anything. Each article is keyed by the fingerprint of its text:
 * the build (build.ts) reuses a cached article only when its file stamp or its fingerprint still matches.
 *
 * Layout: magic `NACI`, u32 byte-order mark, u32 format version, u32 JSON length, JSON (UTF-8), padding to 4
 * bytes, then the shingle hashes of all passages as u32 in the writer's byte order (the byte-order mark
 * makes a reader on the other byte order refuse the file, which then is rebuilt).
 */
import type { EntityType, PassageKind } from '../analysis/types';
import { FileNotFoundError, type FileOps } from '../io/fileOps';
import { CorpusIndex } from './corpusIndex';
import type { ArticleRecord, EntityRec, PassageRec, QuoteRec } from './record';
import type { FrozenPostings } from './shingleIndex';
import type { IndexedAnnotation } from './types';

/** Bump when the record layout, the tokenizer or the shingling changes. */
export const CACHE_FORMAT_VERSION = 3;
const MAGIC = [0x4e, 0x41, 0x43, 0x49]; // NACI
const BOM = 0x01020304;

const KINDS: readonly PassageKind[] = ['headline', 'byline', 'dateline', 'paragraph', 'furniture'];

interface ArticleJson {
  p: string;
  f: string;
  st: [number, number] | null;
  x: string;
  t: string | null;
  ts: number;
  te: number;
  pub: string | null;
  d: string | null;
  /** passages: start, end, kind index, sentences flat, entity ids */
  ps: [number, number, number, number[], string[]][];
  /** quotes: start, end, speaker, speakerKey, passage */
  q: [number, number, string | null, string | null, number][];
  /** entities: id, name, type, start, end, mentions */
  e: [string, string, EntityType, number, number, number][];
  a: IndexedAnnotation[];
}

interface CacheJson {
  v: number;
  /** Caller's key (e.g. the analyser's version): a cache written under another key is ignored. */
  key: string;
  /** Distinct shingle keys and postings in the binary part. */
  nk: number;
  np: number;
  articles: ArticleJson[];
}

export class CacheFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheFormatError';
  }
}

export function serializeCorpusIndex(index: CorpusIndex, key = ''): Uint8Array {
  const records = index.records();
  const sh = index.frozenShingles();
  const articles: ArticleJson[] = records.map((r) => ({
    p: r.path,
    f: r.fingerprint,
    st: r.stamp ? [r.stamp.size, r.stamp.mtimeMs] : null,
    x: r.text,
    t: r.title,
    ts: r.titleStart,
    te: r.titleEnd,
    pub: r.publisher,
    d: r.dateIso,
    ps: r.passages.map((p) => [p.start, p.end, KINDS.indexOf(p.kind), [...p.sentences], [...p.entities]]),
    q: r.quotes.map((q) => [q.start, q.end, q.speaker, q.speakerKey, q.passage]),
    e: r.entities.map((e) => [e.id, e.name, e.type, e.start, e.end, e.mentions]),
    a: [...r.annotations],
  }));
  const json = new TextEncoder().encode(JSON.stringify({ v: CACHE_FORMAT_VERSION, key, nk: sh.keys.length, np: sh.ids.length, articles } satisfies CacheJson));
  const headerLen = 16;
  const dataOffset = align4(headerLen + json.length);
  const dataBytes = (sh.keys.length * 2 + 1 + sh.ids.length) * 4;
  const out = new Uint8Array(dataOffset + dataBytes);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  new Uint32Array(out.buffer, 4, 1)[0] = BOM;
  view.setUint32(8, CACHE_FORMAT_VERSION, true);
  view.setUint32(12, json.length, true);
  out.set(json, headerLen);
  let at = dataOffset;
  for (const arr of [sh.keys, sh.offsets, sh.ids]) {
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), at);
    at += arr.byteLength;
  }
  return out;
}

/** Restores an index; throws CacheFormatError when the bytes are not a cache of this format and key. */
export function deserializeCorpusIndex(bytes: Uint8Array, key = ''): CorpusIndex {
  if (bytes.length < 16 || MAGIC.some((b, i) => bytes[i] !== b)) throw new CacheFormatError('not a corpus index cache');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (new Uint32Array(aligned.buffer, aligned.byteOffset + 4, 1)[0] !== BOM) throw new CacheFormatError('cache written on a machine of the other byte order');
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  const version = view.getUint32(8, true);
  if (version !== CACHE_FORMAT_VERSION) throw new CacheFormatError(`cache format ${version}, expected ${CACHE_FORMAT_VERSION}`);
  const jsonLen = view.getUint32(12, true);
  if (16 + jsonLen > aligned.length) throw new CacheFormatError('truncated cache');
  let parsed: CacheJson;
  try {
    parsed = JSON.parse(new TextDecoder().decode(aligned.subarray(16, 16 + jsonLen))) as CacheJson;
  } catch (err) {
    throw new CacheFormatError(`corrupt cache: ${(err as Error).message}`);
  }
  if (parsed.key !== key) throw new CacheFormatError(`cache key ${JSON.stringify(parsed.key)} differs from ${JSON.stringify(key)}`);
  const dataOffset = align4(16 + jsonLen);
  const { nk, np } = parsed;
  if (!Number.isInteger(nk) || !Number.isInteger(np) || aligned.length - dataOffset !== (nk * 2 + 1 + np) * 4) throw new CacheFormatError('truncated cache');
  const data = aligned.buffer.slice(aligned.byteOffset + dataOffset, aligned.byteOffset + aligned.length);
  const shingles: FrozenPostings = {
    keys: new Uint32Array(data, 0, nk),
    offsets: new Uint32Array(data, nk * 4, nk + 1),
    ids: new Int32Array(data, (2 * nk + 1) * 4, np),
  };
  let units = 0;
  const records: ArticleRecord[] = parsed.articles.map((a) => {
    const passages: PassageRec[] = a.ps.map(([start, end, kind, sentences, entities]) => ({ start, end, kind: KINDS[kind] ?? 'paragraph', sentences, entities }));
    units += passages.length;
    const quotes: QuoteRec[] = a.q.map(([start, end, speaker, speakerKey, passage]) => ({ start, end, speaker, speakerKey, passage }));
    const entities: EntityRec[] = a.e.map(([id, name, type, start, end, mentions]) => ({ id, name, type, start, end, mentions }));
    return {
      path: a.p,
      text: a.x,
      fingerprint: a.f,
      stamp: a.st ? { size: a.st[0], mtimeMs: a.st[1] } : null,
      title: a.t,
      titleStart: a.ts,
      titleEnd: a.te,
      publisher: a.pub,
      dateIso: a.d,
      passages,
      quotes,
      entities,
      annotations: a.a,
    };
  });
  for (let i = 0; i < np; i++) {
    const id = shingles.ids[i]!;
    if (id < 0 || id >= units) throw new CacheFormatError('corrupt cache: shingle posting out of range');
  }
  return CorpusIndex.restore(records, shingles);
}

/**
 * Loads the cache at `cachePath` (e.g. in the extension's global storage). Returns undefined when there is
 * none, or when it cannot be used (other format or key, corrupt): the caller then builds from scratch, and
 * `onProblem` hears why.
 */
export async function loadCorpusIndex(fileOps: FileOps, cachePath: string, key = '', onProblem?: (message: string) => void): Promise<CorpusIndex | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await fileOps.readFile(cachePath);
  } catch (err) {
    if (err instanceof FileNotFoundError) return undefined;
    onProblem?.(`cannot read the corpus cache ${cachePath}: ${(err as Error).message}`);
    return undefined;
  }
  try {
    return deserializeCorpusIndex(bytes, key);
  } catch (err) {
    onProblem?.(`ignoring the corpus cache ${cachePath}: ${(err as Error).message}`);
    return undefined;
  }
}

/** Writes the cache atomically (temporary file, then rename over the old one). */
export async function saveCorpusIndex(fileOps: FileOps, cachePath: string, index: CorpusIndex, key = ''): Promise<void> {
  const tmp = cachePath + '.tmp';
  await fileOps.writeFile(tmp, serializeCorpusIndex(index, key));
  await fileOps.rename(tmp, cachePath);
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
