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
import type { ArticleAnalysis } from '../analysis/types';
import { FileNotFoundError, type FileOps } from '../io/fileOps';
import { runInSlices, runToEnd } from '../util/eventLoop';
import { decodeRecord, encodeRecord, packAnalysis, Writer, type PackedAnalysis } from './analysisRecord';
import { CacheFormatError, copyInSteps, readFrame, writeFrameSteps, type FrameKind } from './packing';

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
  /** Entries held packed (loaded from the file, or stored with `setPacked`), decoded anew by each `get`. */
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
   * The cached analysis of the text with this fingerprint (a new object on every call for a packed entry: one
   * loaded from the file or stored packed), or undefined. An entry that cannot be decoded (a corrupt file that
   * passed the checks) is dropped and reported as absent.
   */
  get(fingerprint: string): ArticleAnalysis | undefined {
    const e = this.entries.get(fingerprint);
    if (!e) return undefined;
    if ('analysis' in e) return e.analysis;
    try {
      return decodeRecord(e.data, e.start, e.end, e.strings);
    } catch {
      this.entries.delete(fingerprint);
      this.changes++;
      return undefined;
    }
  }

  /**
   * The analysis in packed form (see analysisRecord.ts), without decoding it: a view of the file's data for an
   * entry loaded from it. An entry stored as an object is packed now and kept packed.
   */
  getPacked(fingerprint: string): PackedAnalysis | undefined {
    const e = this.entries.get(fingerprint);
    if (!e) return undefined;
    if (!('analysis' in e)) return { data: e.data.subarray(e.start, e.end), strings: e.strings };
    const p = packAnalysis(e.analysis);
    this.entries.set(fingerprint, { data: p.data, strings: p.strings, start: 0, end: p.data.length });
    return p;
  }

  /** Stores (or replaces) an analysis in packed form (the extension keeps its analyses packed: see ArticleEntries). */
  setPacked(fingerprint: string, packed: PackedAnalysis): void {
    this.entries.set(fingerprint, { data: packed.data, strings: packed.strings, start: 0, end: packed.data.length });
    this.changes++;
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
