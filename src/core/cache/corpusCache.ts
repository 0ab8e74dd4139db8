/**
 * The corpus index cache: one binary file holding every article's derived record (text, fingerprint, file
 * stamp, passages, quotes, entities, annotations and near-duplicate shingles), so reopening a workspace
 * restores the index without analysing anything. Each article is keyed by the fingerprint of its text:
 * the build (src/core/corpus/build.ts) reuses a cached article only when its file stamp or its fingerprint still matches.
 *
 * Layout: magic `NACI`, u32 byte-order mark, u32 format version, u32 JSON length, JSON (UTF-8: per article
 * path, fingerprint, stamp, headline, publisher, date, annotations; and the string table), padding to 4 bytes,
 * then the passages, quotations and entities of every article as i32 numbers (strings as numbers into the
 * string table: see packing.ts, which also writes the frame), then the frozen shingle postings of all passages as u32/i32 arrays in the writer's byte order (the
 * byte-order mark makes a reader on the other byte order refuse the file, which then is rebuilt), then the
 * texts of all articles, one after the other, as UTF-8 (decoding them is much faster than parsing them out
 * of the JSON).
 */
import { FileNotFoundError, type FileOps } from '../io/fileOps';
import { CorpusIndex } from '../corpus/index/corpusIndex';
import type { ArticleRecord, EntityRec, PassageRec, QuoteRec } from '../corpus/index/record';
import type { FrozenPostings } from '../corpus/index/shingleIndex';
import type { IndexedAnnotation } from '../corpus/types';
import { runInSlices, runToEnd } from '../util/eventLoop';
import { CacheFormatError, copyInSteps, ENTITY_TYPES as TYPES, IntReader, IntWriter, PASSAGE_KINDS as KINDS, STATEMENT_KINDS as SAID, readFrame, writeFrameSteps, type FrameKind } from './packing';

/** Bump when the record layout, the tokenizer or the shingling changes. */
export const CACHE_FORMAT_VERSION = 9;
const FRAME: FrameKind = { magic: [0x4e, 0x41, 0x43, 0x49] /* NACI */, version: CACHE_FORMAT_VERSION, notOne: 'not a corpus index cache', what: 'cache' };

interface ArticleJson {
  p: string;
  f: string;
  st: [number, number] | null;
  /** Bytes of the text (UTF-8) in the text part. */
  xb: number;
  t: string | null;
  pub: string | null;
  d: string | null;
  a: IndexedAnnotation[];
}

interface CacheJson {
  v: number;
  /** Caller's key (e.g. the analyser's version): a cache written under another key is ignored. */
  key: string;
  /** Distinct shingle keys and postings in the binary part. */
  nk: number;
  np: number;
  /** Bytes of the text part (UTF-8). */
  tb: number;
  /** Numbers in the record part (passages, quotes, entities). */
  ni: number;
  strings: string[];
  articles: ArticleJson[];
}

export function serializeCorpusIndex(index: CorpusIndex, key = ''): Uint8Array {
  return runToEnd(serializeSteps(index, key));
}

/**
 * The same bytes as `serializeCorpusIndex`, made in slices of at most about `sliceMs` between which the event loop
 * runs (the extension host stays responsive while a large index is written). The index is captured when it starts:
 * articles added, removed or re-annotated meanwhile are not mixed in.
 */
export function serializeCorpusIndexAsync(index: CorpusIndex, key = '', sliceMs = 12): Promise<Uint8Array> {
  return runInSlices(serializeSteps(index, key), sliceMs);
}

/** Records between the points where the serialiser may pause. */
const STEP_RECORDS = 64;

function* serializeSteps(index: CorpusIndex, key: string): Generator<void, Uint8Array> {
  const records = index.records();
  const sh = index.frozenShingles();
  const articles: ArticleJson[] = records.map((r) => ({
    p: r.path,
    f: r.fingerprint,
    st: r.stamp ? [r.stamp.size, r.stamp.mtimeMs] : null,
    xb: 0,
    t: r.title,
    pub: r.publisher,
    d: r.dateIso,
    a: [...r.annotations],
  }));
  yield;
  const w = new IntWriter();
  for (let i = 0; i < records.length; i++) {
    writeParts(w, records[i]!);
    if (i % STEP_RECORDS === STEP_RECORDS - 1) yield;
  }
  const ints = w.ints();
  const encoder = new TextEncoder();
  const encoded: Uint8Array[] = [];
  for (let i = 0; i < records.length; i++) {
    const b = encoder.encode(records[i]!.text);
    articles[i]!.xb = b.length;
    encoded.push(b);
    if (i % STEP_RECORDS === STEP_RECORDS - 1) yield;
  }
  yield;
  const textBytes = encoded.reduce((n, b) => n + b.length, 0);
  const dataBytes = (ints.length + sh.keys.length * 2 + 1 + sh.ids.length) * 4;
  const header: CacheJson = { v: CACHE_FORMAT_VERSION, key, nk: sh.keys.length, np: sh.ids.length, tb: textBytes, ni: ints.length, strings: w.strings, articles };
  const { out, dataOffset } = yield* writeFrameSteps(FRAME, header, dataBytes + textBytes);
  yield;
  // The large copies in 4 MB steps, the texts a few records at a time (the thread is never held long).
  let at = dataOffset;
  for (const arr of [ints, sh.keys, sh.offsets, sh.ids]) at = yield* copyInSteps(out, arr, at);
  for (let i = 0; i < encoded.length; i++) {
    out.set(encoded[i]!, at);
    at += encoded[i]!.length;
    if (i % STEP_RECORDS === STEP_RECORDS - 1) yield;
  }
  return out;
}

/** Restores an index; throws CacheFormatError when the bytes are not a cache of this format and key. */
export function deserializeCorpusIndex(bytes: Uint8Array, key = ''): CorpusIndex {
  return runToEnd(deserializeSteps(bytes, key));
}

/**
 * deserializeCorpusIndex as steps (a few records each), so the extension can restore 10,000 articles in slices
 * (loadCorpusIndex with `sliceMs`): in one piece it held the host's thread about 250 ms.
 */
function* deserializeSteps(bytes: Uint8Array, key: string): Generator<void, CorpusIndex> {
  const { aligned, header: parsed, dataOffset } = readFrame<CacheJson>(FRAME, bytes);
  if (parsed.key !== key) throw new CacheFormatError(`cache key ${JSON.stringify(parsed.key)} differs from ${JSON.stringify(key)}`);
  const { nk, np, tb, ni } = parsed;
  const dataBytes = (ni + nk * 2 + 1 + np) * 4;
  if (![nk, np, tb, ni].every((x) => Number.isInteger(x) && x >= 0) || !Array.isArray(parsed.strings) || !Array.isArray(parsed.articles) || aligned.length - dataOffset !== dataBytes + tb) {
    throw new CacheFormatError('truncated cache');
  }
  yield;
  const ints = new Int32Array(aligned.buffer, aligned.byteOffset + dataOffset, ni);
  const data = aligned.buffer.slice(aligned.byteOffset + dataOffset + ni * 4, aligned.byteOffset + dataOffset + dataBytes);
  const textBytes = aligned.subarray(dataOffset + dataBytes);
  const decoder = new TextDecoder();
  let textAt = 0;
  const shingles: FrozenPostings = {
    keys: new Uint32Array(data, 0, nk),
    offsets: new Uint32Array(data, nk * 4, nk + 1),
    ids: new Int32Array(data, (2 * nk + 1) * 4, np),
  };
  yield;
  let units = 0;
  const reader = new IntReader(ints, 0, ni, parsed.strings);
  const records: ArticleRecord[] = [];
  for (const a of parsed.articles) {
    if (!Number.isInteger(a.xb) || a.xb < 0 || textAt + a.xb > textBytes.length) throw new CacheFormatError('corrupt cache: texts do not add up');
    const text = decoder.decode(textBytes.subarray(textAt, (textAt += a.xb)));
    const { titleStart, titleEnd, passages, quotes, entities } = readParts(reader);
    units += passages.length;
    records.push({
      path: a.p,
      text,
      fingerprint: a.f,
      stamp: a.st ? { size: a.st[0], mtimeMs: a.st[1] } : null,
      title: a.t,
      titleStart,
      titleEnd,
      publisher: a.pub,
      dateIso: a.d,
      passages,
      quotes,
      entities,
      annotations: a.a,
    });
    if (records.length % STEP_RECORDS === 0) yield;
  }
  if (!reader.done) throw new CacheFormatError('corrupt cache: records do not add up');
  if (textAt !== textBytes.length) throw new CacheFormatError('corrupt cache: texts do not add up');
  for (let i = 0; i < np; i++) {
    const id = shingles.ids[i]!;
    if (id < 0 || id >= units) throw new CacheFormatError('corrupt cache: shingle posting out of range');
    if (i % 1_000_000 === 999_999) yield;
  }
  yield;
  return CorpusIndex.restore(records, shingles);
}

/**
 * Loads the cache at `cachePath` (e.g. in the extension's global storage). Returns undefined when there is
 * none, or when it cannot be used (other format or key, corrupt): the caller then builds from scratch, and
 * `onProblem` hears why. With `sliceMs` it is restored in slices (deserializeSteps).
 */
export async function loadCorpusIndex(
  fileOps: FileOps,
  cachePath: string,
  key = '',
  onProblem?: (message: string) => void,
  options: { sliceMs?: number } = {},
): Promise<CorpusIndex | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await fileOps.readFile(cachePath);
  } catch (err) {
    if (err instanceof FileNotFoundError) return undefined;
    onProblem?.(`cannot read the corpus cache ${cachePath}: ${(err as Error).message}`);
    return undefined;
  }
  try {
    // with sliceMs, restored in slices that give the event loop a turn (the extension's host thread)
    return options.sliceMs === undefined ? deserializeCorpusIndex(bytes, key) : await runInSlices(deserializeSteps(bytes, key), options.sliceMs);
  } catch (err) {
    onProblem?.(`ignoring the corpus cache ${cachePath}: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * Writes the cache atomically (temporary file, then rename over the old one). With `sliceMs`, the bytes are made
 * in slices that yield to the event loop (see serializeCorpusIndexAsync).
 */
export async function saveCorpusIndex(fileOps: FileOps, cachePath: string, index: CorpusIndex, key = '', options: { sliceMs?: number } = {}): Promise<void> {
  const tmp = cachePath + '.tmp';
  await fileOps.writeFile(tmp, options.sliceMs === undefined ? serializeCorpusIndex(index, key) : await serializeCorpusIndexAsync(index, key, options.sliceMs));
  await fileOps.rename(tmp, cachePath);
}

/** Title span, passages, quotations and entities of a record, as numbers. */
function writeParts(w: IntWriter, r: ArticleRecord): void {
  w.int(r.titleStart);
  w.int(r.titleEnd);
  w.int(r.passages.length);
  for (const p of r.passages) {
    w.int(p.start);
    w.int(p.end);
    w.int(KINDS.indexOf(p.kind));
    w.int(p.sentences.length);
    for (const x of p.sentences) w.int(x);
    w.int(p.entities.length);
    for (const e of p.entities) w.str(e);
  }
  w.int(r.quotes.length);
  for (const q of r.quotes) {
    w.int(q.start);
    w.int(q.end);
    w.int(SAID.indexOf(q.said) + (q.fragment ? SAID.length : 0));
    w.str(q.speaker);
    w.str(q.speakerKey);
    w.int(q.passage);
  }
  w.int(r.entities.length);
  for (const e of r.entities) {
    w.str(e.id);
    w.str(e.name);
    // the type, plus TYPES.length when the entity is uncertain
    w.int(TYPES.indexOf(e.type) + (e.uncertain ? TYPES.length : 0));
    w.int(e.start);
    w.int(e.end);
    w.int(e.mentions);
  }
}

function readParts(r: IntReader): { titleStart: number; titleEnd: number; passages: PassageRec[]; quotes: QuoteRec[]; entities: EntityRec[] } {
  const titleStart = r.int();
  const titleEnd = r.int();
  const passages = r.list((): PassageRec => {
    const start = r.int();
    const end = r.int();
    const kind = KINDS[r.int()];
    if (!kind) throw new CacheFormatError('corrupt cache: bad passage kind');
    const sentences = r.list(() => r.int());
    return { start, end, kind, sentences, entities: r.list(() => r.text()) };
  }, 5);
  const quotes = r.list((): QuoteRec => {
    const start = r.int();
    const end = r.int();
    const k = r.int();
    const said = SAID[k % SAID.length];
    if (said === undefined || k < 0 || k >= 2 * SAID.length) throw new CacheFormatError(`unknown statement kind ${k}`);
    return { start, end, said, fragment: k >= SAID.length, speaker: r.str(), speakerKey: r.str(), passage: r.int() };
  }, 6);
  const entities = r.list((): EntityRec => {
    const id = r.text();
    const name = r.text();
    const t = r.int();
    const type = TYPES[t % TYPES.length];
    if (!type || t < 0 || t >= 2 * TYPES.length) throw new CacheFormatError('corrupt cache: bad entity type');
    return { id, name, type, start: r.int(), end: r.int(), mentions: r.int(), ...(t >= TYPES.length ? { uncertain: true as const } : {}) };
  }, 6);
  return { titleStart, titleEnd, passages, quotes, entities };
}
