/**
 * Shingle hash → passage units, in two tiers so 10,000 articles cost tens of megabytes and restore from the
 * cache by copying arrays:
 * - a frozen base in compressed-sparse-row form (sorted distinct keys, offsets, ids; lookup by binary search);
 * - a small hash-table delta (PostingTable) for units added since the last freeze.
 * The delta is merged into the base (radix sort of all postings) when it grows past half the base.
 * Ids of removed units stay until the owner re-freezes with a remapping (see `frozen(remap)`).
 */
import { PostingTable } from './postings';

export interface FrozenPostings {
  readonly keys: Uint32Array<ArrayBufferLike>;
  /** keys.length + 1 offsets into ids. */
  readonly offsets: Uint32Array<ArrayBufferLike>;
  readonly ids: Int32Array<ArrayBufferLike>;
}

const EMPTY: FrozenPostings = { keys: new Uint32Array(0), offsets: new Uint32Array(1), ids: new Int32Array(0) };

export class ShingleIndex {
  private base: FrozenPostings = EMPTY;
  private delta = new PostingTable(1024);
  private deltaKeys: number[] = [];
  private deltaIds: number[] = [];

  constructor(frozen?: FrozenPostings) {
    if (frozen) this.base = frozen;
  }

  get postings(): number {
    return this.base.ids.length + this.deltaIds.length;
  }

  get bytes(): number {
    return this.base.keys.byteLength + this.base.offsets.byteLength + this.base.ids.byteLength + this.delta.bytes + this.deltaIds.length * 16;
  }

  add(key: number, id: number): void {
    this.delta.add(key, id);
    this.deltaKeys.push(key);
    this.deltaIds.push(id);
    if (this.deltaIds.length > 100_000 && this.deltaIds.length > this.base.ids.length / 2) this.base = this.frozen();
  }

  private find(key: number): number {
    const keys = this.base.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  count(key: number): number {
    const i = this.find(key);
    return (i >= 0 ? this.base.offsets[i + 1]! - this.base.offsets[i]! : 0) + this.delta.count(key);
  }

  forEach(key: number, fn: (id: number) => void): void {
    const i = this.find(key);
    if (i >= 0) {
      const { offsets, ids } = this.base;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) fn(ids[k]!);
    }
    this.delta.forEach(key, fn);
  }

  /**
   * All postings as a frozen base; with `remap`, ids are mapped (and dropped where it returns -1). Without
   * remap, also becomes this index's base (the delta is emptied).
   */
  frozen(remap?: (id: number) => number): FrozenPostings {
    const n = this.postings;
    let keys: Uint32Array = new Uint32Array(n);
    let ids: Int32Array = new Int32Array(n);
    let m = 0;
    const { keys: bk, offsets: bo, ids: bi } = this.base;
    for (let i = 0; i < bk.length; i++) {
      for (let k = bo[i]!; k < bo[i + 1]!; k++) {
        const id = remap ? remap(bi[k]!) : bi[k]!;
        if (id < 0) continue;
        keys[m] = bk[i]!;
        ids[m++] = id;
      }
    }
    for (let k = 0; k < this.deltaIds.length; k++) {
      const id = remap ? remap(this.deltaIds[k]!) : this.deltaIds[k]!;
      if (id < 0) continue;
      keys[m] = this.deltaKeys[k]!;
      ids[m++] = id;
    }
    keys = keys.subarray(0, m);
    ids = ids.subarray(0, m);
    const out = toCsr(keys, ids);
    if (!remap) {
      this.delta = new PostingTable(1024);
      this.deltaKeys = [];
      this.deltaIds = [];
    }
    return out;
  }
}

/** Sorts (key, id) pairs by key (LSD radix, two 16-bit passes; stable, so ids keep insertion order) into CSR. */
function toCsr(keys: Uint32Array, ids: Int32Array): FrozenPostings {
  const n = keys.length;
  let k1: Uint32Array = keys;
  let i1: Int32Array = ids;
  let k2: Uint32Array = new Uint32Array(n);
  let i2: Int32Array = new Int32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((k1[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < n; i++) {
      const pos = counts[(k1[i]! >>> shift) & 0xffff]!++;
      k2[pos] = k1[i]!;
      i2[pos] = i1[i]!;
    }
    [k1, k2] = [k2, k1];
    [i1, i2] = [i2, i1];
  }
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || k1[i] !== k1[i - 1]) distinct++;
  const outKeys = new Uint32Array(distinct);
  const offsets = new Uint32Array(distinct + 1);
  let d = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || k1[i] !== k1[i - 1]) {
      outKeys[++d] = k1[i]!;
      offsets[d] = i;
    }
  }
  offsets[distinct] = n;
  return { keys: outKeys, offsets, ids: i1.length === n && i1.buffer.byteLength === n * 4 ? i1 : i1.slice(0, n) };
}
