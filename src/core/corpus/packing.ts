/**
 * Packing records into 32-bit integers with a string table, for the cache files (cache.ts, analysisCache.ts):
 * numbers stay numbers (no JSON to parse on load), and each distinct string (entity ids and names, speakers,
 * cue words) is stored once per file.
 */
import { CacheFormatError } from './cache';

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
