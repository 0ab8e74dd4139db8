/**
 * The analysis cache: every article's `ArticleAnalysis` (src/core/analysis/types.ts), keyed by the fingerprint
 * of its text (src/core/text/decode.ts), so reopening a workspace does not run `analyzeArticle` again for
 * articles whose text is unchanged. Pure: the file is read and written through the injected FileOps.
 *
 * File layout (one binary file): magic `NAAC`, u32 byte-order mark, u32 format version, u32 header length,
 * header JSON (UTF-8: the caller's key, the string table, the fingerprints and the offset of each article's
 * record), padding to 4 bytes, then every article's record as Int32 numbers in the writer's byte order. Strings
 * (names, ids, quotations, cue words...) are numbers into the string table, stored once per file. Loading only
 * parses the header; an article's record is decoded when it is asked for (`get`).
 *
 * A file of another format version, another key (see `ANALYSIS_CACHE_KEY`), the other byte order, truncated or
 * corrupt, is ignored: the cache then starts empty and the articles are analysed again.
 */
import { version as PACKAGE_VERSION } from '../../../package.json';
import type { AnalysisWarning, ArticleAnalysis, ArticleMetadata, Entity, EntityMention, OtherName, Passage, Quote, Span } from '../analysis/types';
import { FileNotFoundError, type FileOps } from '../io/fileOps';
import { runInSlices, runToEnd } from '../util/eventLoop';
import { CacheFormatError, copyInSteps, ENTITY_TYPES as TYPES, IntReader, IntWriter, PASSAGE_KINDS as KINDS, readFrame, STATEMENT_KINDS, writeFrameSteps, type FrameKind } from './packing';

/** Bump when the layout of a record changes. */
export const ANALYSIS_CACHE_FORMAT = 2;

/**
 * What the cached analyses were made by. src/core/analysis exports no version of its own, so the key is the
 * package version plus a schema number: bump `ANALYSIS_SCHEMA` when the analysis output changes between
 * releases (or pass an extra key, see `analysisCacheKey`).
 */
export const ANALYSIS_SCHEMA = 7;
export const ANALYSIS_CACHE_KEY = `news-annotator@${PACKAGE_VERSION}/analysis-${ANALYSIS_SCHEMA}`;

/**
 * The key to load and save under: `ANALYSIS_CACHE_KEY`, plus `extra` for whatever else changes the analysis
 * (e.g. a hash of the user's entity corrections file), so a cache made under other settings is ignored.
 */
export function analysisCacheKey(extra = ''): string {
  return extra === '' ? ANALYSIS_CACHE_KEY : `${ANALYSIS_CACHE_KEY}+${extra}`;
}

const FRAME: FrameKind = { magic: [0x4e, 0x41, 0x41, 0x43] /* NAAC */, version: ANALYSIS_CACHE_FORMAT, notOne: 'not an analysis cache', what: 'analysis cache', strictUtf8: true };

/** Record modes: the packed layout, or the analysis as a JSON string (fields this format does not know). */
const PACKED = 0;
const AS_JSON = 1;

interface Header {
  key: string;
  strings: string[];
  fps: string[];
  /** fps.length + 1 offsets into the Int32 data. */
  offs: number[];
}

type Entry = { readonly analysis: ArticleAnalysis } | { readonly data: Int32Array; readonly strings: readonly string[]; readonly start: number; readonly end: number };

export interface AnalysisCacheStats {
  readonly articles: number;
  /** Entries loaded from the file and not yet asked for (still in packed form; decoded on their first `get`). */
  readonly packed: number;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Changes since the last load or save (set, delete, prune, a damaged record dropped). */
  private changes = 0;

  private constructor(readonly key: string) {}

  /** An empty cache for `key`. */
  static empty(key: string = ANALYSIS_CACHE_KEY): AnalysisCache {
    return new AnalysisCache(key);
  }

  /**
   * Loads the cache file at `path`. Never throws for a missing, unreadable, corrupt or other-version/key file:
   * the cache is then empty (and `onProblem` hears why, except for a missing file).
   */
  static async load(fileOps: FileOps, path: string, key: string = ANALYSIS_CACHE_KEY, onProblem?: (message: string) => void): Promise<AnalysisCache> {
    let bytes: Uint8Array;
    try {
      bytes = await fileOps.readFile(path);
    } catch (err) {
      if (!(err instanceof FileNotFoundError)) onProblem?.(`cannot read the analysis cache ${path}: ${(err as Error).message}`);
      return new AnalysisCache(key);
    }
    try {
      return AnalysisCache.deserialize(bytes, key);
    } catch (err) {
      onProblem?.(`ignoring the analysis cache ${path}: ${(err as Error).message}`);
      return new AnalysisCache(key);
    }
  }

  /** Restores a cache from bytes made by `serialize`; throws CacheFormatError when they are not such a cache for `key`. */
  static deserialize(bytes: Uint8Array, key: string = ANALYSIS_CACHE_KEY): AnalysisCache {
    const { aligned, header, dataOffset } = readFrame<Header | null>(FRAME, bytes);
    if (!header || typeof header !== 'object' || header.key !== key) {
      throw new CacheFormatError(`analysis cache key ${JSON.stringify(header?.key)} differs from ${JSON.stringify(key)}`);
    }
    const { strings, fps, offs } = header;
    if (!Array.isArray(strings) || !Array.isArray(fps) || !Array.isArray(offs) || offs.length !== fps.length + 1) throw new CacheFormatError('corrupt analysis cache: bad header');
    const n = (aligned.length - dataOffset) / 4;
    if (!Number.isInteger(n) || offs[fps.length] !== n) throw new CacheFormatError('truncated analysis cache');
    const data = new Int32Array(aligned.buffer.slice(aligned.byteOffset + dataOffset, aligned.byteOffset + aligned.length));
    const cache = new AnalysisCache(key);
    for (let i = 0; i < fps.length; i++) {
      const start = offs[i]!;
      const end = offs[i + 1]!;
      if (typeof fps[i] !== 'string' || !Number.isInteger(start) || !(start >= 0 && start <= end && end <= n)) throw new CacheFormatError('corrupt analysis cache: bad offsets');
      cache.entries.set(fps[i]!, { data, strings, start, end });
    }
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  /** True when the cache changed since it was loaded or saved (set, delete or prune did something). */
  get dirty(): boolean {
    return this.changes > 0;
  }

  has(fingerprint: string): boolean {
    return this.entries.has(fingerprint);
  }

  fingerprints(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The cached analysis of the text with this fingerprint, or undefined. An entry loaded from the file is decoded
   * on its first call and kept decoded (the same object afterwards: the caller keeps it anyway, and once every
   * entry is decoded the file's packed data is freed; a reopen of 10,000 articles held both). An entry that cannot
   * be decoded (a corrupt file that passed the checks) is dropped and reported as absent.
   */
  get(fingerprint: string): ArticleAnalysis | undefined {
    const e = this.entries.get(fingerprint);
    if (!e) return undefined;
    if ('analysis' in e) return e.analysis;
    try {
      const analysis = decodeRecord(e.data, e.start, e.end, e.strings);
      this.entries.set(fingerprint, { analysis });
      return analysis;
    } catch {
      this.entries.delete(fingerprint);
      this.changes++;
      return undefined;
    }
  }

  /** Stores (or replaces) the analysis of the text with this fingerprint. The object is kept as given: do not mutate it afterwards. */
  set(fingerprint: string, analysis: ArticleAnalysis): void {
    this.entries.set(fingerprint, { analysis });
    this.changes++;
  }

  delete(fingerprint: string): boolean {
    const had = this.entries.delete(fingerprint);
    if (had) this.changes++;
    return had;
  }

  /** Drops every entry whose fingerprint is not in `live` (articles deleted or edited since). Returns how many. */
  prune(live: Iterable<string>): number {
    const keep = live instanceof Set ? (live as Set<string>) : new Set(live);
    let n = 0;
    for (const fp of [...this.entries.keys()]) {
      if (!keep.has(fp)) {
        this.entries.delete(fp);
        n++;
      }
    }
    if (n > 0) this.changes++;
    return n;
  }

  stats(): AnalysisCacheStats {
    let packed = 0;
    for (const e of this.entries.values()) if (!('analysis' in e)) packed++;
    return { articles: this.entries.size, packed };
  }

  serialize(): Uint8Array {
    return runToEnd(this.serializeSteps());
  }

  /** The same bytes as `serialize`, made in slices of about `sliceMs` between which the event loop runs. */
  serializeAsync(sliceMs: number): Promise<Uint8Array> {
    return runInSlices(this.serializeSteps(), sliceMs);
  }

  /** The serialiser, pausing every 64 records. The entries are captured when it starts. */
  private *serializeSteps(): Generator<void, Uint8Array> {
    const w = new Writer();
    const fps: string[] = [];
    const offs: number[] = [];
    let n = 0;
    for (const [fp, e] of [...this.entries]) {
      const analysis = 'analysis' in e ? e.analysis : this.get(fp);
      if (!analysis) continue;
      fps.push(fp);
      offs.push(w.length);
      encodeRecord(w, analysis);
      if (++n % 64 === 0) yield;
    }
    offs.push(w.length);
    const { out, dataOffset } = yield* writeFrameSteps(FRAME, { key: this.key, strings: w.strings, fps, offs } satisfies Header, w.length * 4);
    yield;
    yield* copyInSteps(out, w.ints(), dataOffset);
    return out;
  }

  /**
   * Writes the cache atomically (a temporary file renamed over `path`). Afterwards it is not `dirty`, unless it
   * changed while the file was being written.
   */
  async save(fileOps: FileOps, path: string, options: { sliceMs?: number } = {}): Promise<void> {
    const tmp = path + '.tmp';
    const changes = this.changes;
    await fileOps.writeFile(tmp, options.sliceMs === undefined ? this.serialize() : await this.serializeAsync(options.sliceMs));
    await fileOps.rename(tmp, path);
    this.changes -= changes;
  }
}

// ---------------------------------------------------------------- records

class Writer extends IntWriter {
  span(s: Span | null): void {
    if (s === null) {
      this.int(-1);
      this.int(-1);
    } else {
      this.int(s.start);
      this.int(s.end);
    }
  }
}

const META_KEYS = new Set(['title', 'titleDerived', 'titleSpan', 'publisher', 'date', 'dateIso', 'author', 'dateline']);
const PASSAGE_KEYS = new Set(['start', 'end', 'kind', 'index', 'sentences']);
const SPAN_KEYS = new Set(['start', 'end']);
const QUOTE_KEYS = new Set(['start', 'end', 'text', 'speaker', 'speakerId', 'cue', 'passage', 'group', 'unclosed', 'kind', 'cueStart', 'cueEnd', 'partOf', 'corrected']);
const ENTITY_KEYS = new Set(['id', 'name', 'type', 'mentions', 'uncertain']);
const OTHER_KEYS = new Set(['name', 'mentions']);
const MENTION_KEYS = new Set(['start', 'end', 'text']);
const WARNING_KEYS = new Set(['message']);
const TOP_KEYS = new Set(['metadata', 'passages', 'furniture', 'quotes', 'entities', 'otherNames', 'warnings']);

function only(o: object, keys: ReadonlySet<string>): boolean {
  for (const k in o) if (!keys.has(k)) return false;
  return true;
}

/** True when the packed layout holds every field of the analysis (else it is stored as JSON, losing nothing). */
function packable(a: ArticleAnalysis): boolean {
  if (!only(a, TOP_KEYS) || !only(a.metadata, META_KEYS) || (a.metadata.titleSpan && !only(a.metadata.titleSpan, SPAN_KEYS))) return false;
  if (!a.passages.every((p) => only(p, PASSAGE_KEYS) && KINDS.includes(p.kind) && p.sentences.every((s) => only(s, SPAN_KEYS)))) return false;
  if (!a.furniture.every((s) => only(s, SPAN_KEYS))) return false;
  if (!a.quotes.every((q) => only(q, QUOTE_KEYS) && (q.group === undefined || Number.isInteger(q.group)) && (q.unclosed === undefined || typeof q.unclosed === 'boolean') && (q.kind === undefined || STATEMENT_KINDS.includes(q.kind)) && (q.cueStart === undefined) === (q.cueEnd === undefined) && (q.partOf === undefined || Number.isInteger(q.partOf)) && (q.corrected === undefined || typeof q.corrected === 'boolean'))) return false;
  if (!a.entities.every((e) => only(e, ENTITY_KEYS) && TYPES.includes(e.type) && (e.uncertain === undefined || e.uncertain === true) && e.mentions.every((m) => only(m, MENTION_KEYS)))) return false;
  if (!a.otherNames.every((o) => only(o, OTHER_KEYS) && o.mentions.every((m) => only(m, MENTION_KEYS)))) return false;
  return a.warnings.every((w) => only(w, WARNING_KEYS));
}

function encodeRecord(w: Writer, a: ArticleAnalysis): void {
  const at = w.length;
  if (packable(a)) {
    try {
      encodePacked(w, a);
      return;
    } catch {
      w.truncate(at); // a number the layout cannot hold (not an integer, out of range): keep it as JSON
    }
  }
  w.int(AS_JSON);
  w.str(JSON.stringify(a));
}

function encodePacked(w: Writer, a: ArticleAnalysis): void {
  w.int(PACKED);
  const m = a.metadata;
  w.str(m.title);
  w.int(m.titleDerived ? 1 : 0);
  w.int(m.titleSpan ? 1 : 0);
  w.span(m.titleSpan);
  w.str(m.publisher);
  w.str(m.date);
  w.str(m.dateIso);
  w.str(m.author);
  w.str(m.dateline);
  w.int(a.passages.length);
  for (const p of a.passages) {
    w.int(p.start);
    w.int(p.end);
    w.int(KINDS.indexOf(p.kind));
    w.int(p.index);
    w.int(p.sentences.length);
    for (const s of p.sentences) w.span(s);
  }
  w.int(a.furniture.length);
  for (const s of a.furniture) w.span(s);
  w.int(a.quotes.length);
  for (const q of a.quotes) {
    w.int(q.start);
    w.int(q.end);
    w.str(q.text);
    w.str(q.speaker);
    w.str(q.speakerId);
    w.str(q.cue);
    w.int(q.passage);
    w.int((q.group !== undefined ? 1 : 0) | (q.unclosed !== undefined ? 2 : 0) | (q.unclosed === true ? 4 : 0) | (q.kind !== undefined ? 8 : 0) | (q.cueStart !== undefined ? 16 : 0) | (q.partOf !== undefined ? 32 : 0) | (q.corrected !== undefined ? 64 : 0) | (q.corrected === true ? 128 : 0));
    w.int(q.group ?? 0);
    if (q.kind !== undefined) w.int(STATEMENT_KINDS.indexOf(q.kind));
    if (q.cueStart !== undefined) {
      w.int(q.cueStart ?? -1);
      w.int(q.cueEnd ?? -1);
    }
    if (q.partOf !== undefined) w.int(q.partOf);
  }
  w.int(a.entities.length);
  for (const e of a.entities) {
    w.str(e.id);
    w.str(e.name);
    w.int(TYPES.indexOf(e.type) | (e.uncertain ? UNCERTAIN : 0));
    writeMentions(w, e.mentions);
  }
  w.int(a.otherNames.length);
  for (const o of a.otherNames) {
    w.str(o.name);
    writeMentions(w, o.mentions);
  }
  w.int(a.warnings.length);
  for (const x of a.warnings) w.str(x.message);
}

const UNCERTAIN = 8;

function writeMentions(w: Writer, mentions: readonly EntityMention[]): void {
  w.int(mentions.length);
  for (const x of mentions) {
    w.int(x.start);
    w.int(x.end);
    w.str(x.text);
  }
}

function decodeRecord(d: Int32Array, start: number, end: number, strings: readonly string[]): ArticleAnalysis {
  const r = new IntReader(d, start, end, strings, 'analysis cache');
  const int = () => r.int();
  const str = () => r.str();
  const text = () => r.text();
  const span = (): Span => ({ start: int(), end: int() });
  const list = <T>(make: () => T): T[] => r.list(make);
  const mentionList = () => list((): EntityMention => ({ start: int(), end: int(), text: text() }));
  const mode = int();
  if (mode === AS_JSON) return JSON.parse(text()) as ArticleAnalysis;
  if (mode !== PACKED) throw new CacheFormatError('corrupt analysis cache: bad record mode');
  const title = str();
  const titleDerived = int() === 1;
  const hasSpan = int() === 1;
  const ts = span();
  const metadata: ArticleMetadata = {
    title,
    titleDerived,
    titleSpan: hasSpan ? ts : null,
    publisher: str(),
    date: str(),
    dateIso: str(),
    author: str(),
    dateline: str(),
  };
  const passages = list((): Passage => {
    const ps = int();
    const pe = int();
    const kind = KINDS[int()];
    if (!kind) throw new CacheFormatError('corrupt analysis cache: bad passage kind');
    const index = int();
    return { start: ps, end: pe, kind, index, sentences: list(span) };
  });
  const furniture = list(span);
  const quotes = list((): Quote => {
    const qs = int();
    const qe = int();
    const qt = text();
    const speaker = str();
    const speakerId = str();
    const cue = str();
    const passage = int();
    const flags = int();
    const group = int();
    const kind = flags & 8 ? STATEMENT_KINDS[int()] : undefined;
    const cs = flags & 16 ? int() : 0;
    const ce = flags & 16 ? int() : 0;
    const partOf = flags & 32 ? int() : 0;
    return {
      start: qs,
      end: qe,
      text: qt,
      speaker,
      speakerId,
      cue,
      passage,
      ...(flags & 1 ? { group } : {}),
      ...(flags & 2 ? { unclosed: (flags & 4) !== 0 } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(flags & 16 ? { cueStart: cs < 0 ? null : cs, cueEnd: ce < 0 ? null : ce } : {}),
      ...(flags & 32 ? { partOf } : {}),
      ...(flags & 64 ? { corrected: (flags & 128) !== 0 } : {}),
    };
  });
  const entities = list((): Entity => {
    const id = text();
    const name = text();
    const t = int();
    const type = TYPES[t & ~UNCERTAIN];
    if (!type) throw new CacheFormatError('corrupt analysis cache: bad entity type');
    const mentions = mentionList();
    return t & UNCERTAIN ? { id, name, type, mentions, uncertain: true } : { id, name, type, mentions };
  });
  const otherNames = list((): OtherName => {
    const name = text();
    return { name, mentions: mentionList() };
  });
  const warnings = list((): AnalysisWarning => ({ message: text() }));
  if (!r.done) throw new CacheFormatError('corrupt analysis cache: record length');
  return { metadata, passages, furniture, quotes, entities, otherNames, warnings };
}
