/**
 * Shingle hash → passage units, in tiers so 10,000 articles cost tens of megabytes and restore from the cache by
 * copying arrays:
 * - frozen runs in compressed-sparse-row form (sorted distinct keys, offsets, ids; lookup by binary search), in
 *   the order their postings were added;
 * - a small hash-table delta (PostingTable) for units added since the last freeze.
 * The delta is frozen into a new run of its own when it grows (work in proportion to the delta, never to the whole
 * table: freezing everything at once held the extension host for half a second at 10,000 articles); the runs are
 * merged into one in slices (`mergeSteps`, when the index is idle) and when the whole table is asked for (`frozen`).
 * Ids come out of every run in insertion order, so one run or several answer exactly alike.
 * Ids of removed units stay until the owner re-freezes with a remapping (see `frozen(remap)`).
 */
import { runToEnd } from '../../util/eventLoop';
import { PostingTable } from './postings';

export interface FrozenPostings {
  readonly keys: Uint32Array<ArrayBufferLike>;
  /** keys.length + 1 offsets into ids. */
  readonly offsets: Uint32Array<ArrayBufferLike>;
  readonly ids: Int32Array<ArrayBufferLike>;
}

/**
 * The delta is frozen into a run once it holds this many postings, or an eighth of the runs' if more (so runs stay
 * few), but never more than FREEZE_MOST: a freeze is one piece of work inside an article's upsert, and at 10,000
 * articles an eighth (440,000 postings, and the delta's hash table grown to hold them) held the host over 100 ms.
 * The runs are merged into one in the background (`mergeSteps`).
 */
const FREEZE_AT = 131_072;
const FREEZE_MOST = 262_144;
/** Postings merged per step of `mergeSteps`. */
const MERGE_STEP = 65_536;

export class ShingleIndex {
  private runs: FrozenPostings[] = [];
  private runPostings = 0;
  private delta = new PostingTable(1024);
  private deltaKeys: number[] = [];
  private deltaIds: number[] = [];

  constructor(frozen?: FrozenPostings) {
    if (frozen && frozen.ids.length > 0) this.setRuns([frozen]);
  }

  get postings(): number {
    return this.runPostings + this.deltaIds.length;
  }

  /** Frozen runs (for the tests: the table answers the same whatever their number). */
  get runCount(): number {
    return this.runs.length;
  }

  get bytes(): number {
    let b = this.delta.bytes + this.deltaIds.length * 16;
    for (const r of this.runs) b += r.keys.byteLength + r.offsets.byteLength + r.ids.byteLength;
    return b;
  }

  add(key: number, id: number): void {
    this.delta.add(key, id);
    this.deltaKeys.push(key);
    this.deltaIds.push(id);
    const n = this.deltaIds.length;
    if (n >= FREEZE_AT && (n * 8 >= this.runPostings || n >= FREEZE_MOST)) this.freezeDelta();
  }

  count(key: number): number {
    let n = this.delta.count(key);
    for (const r of this.runs) {
      const i = find(r.keys, key);
      if (i >= 0) n += r.offsets[i + 1]! - r.offsets[i]!;
    }
    return n;
  }

  forEach(key: number, fn: (id: number) => void): void {
    for (const r of this.runs) {
      const i = find(r.keys, key);
      if (i < 0) continue;
      const { offsets, ids } = r;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) fn(ids[k]!);
    }
    this.delta.forEach(key, fn);
  }

  /**
   * All postings as one frozen table; with `remap`, ids are mapped (and dropped where it returns -1). Without
   * remap, also becomes this index's only run (the delta is emptied); when it is one already, it is returned as is.
   */
  frozen(remap?: (id: number) => number): FrozenPostings {
    const out = runToEnd(this.frozenSteps(remap));
    if (!remap) {
      this.setRuns([out]);
      this.clearDelta();
    }
    return out;
  }

  /**
   * Merges the frozen runs into one, a step of about MERGE_STEP postings at a time (the caller gives the event
   * loop a turn between steps). Postings added meanwhile go to the delta and later runs, untouched by the merge.
   */
  *mergeSteps(): Generator<void, void> {
    if (this.runs.length < 2) return;
    const merging = this.runs.slice();
    const merged = yield* mergeRuns(merging);
    // Runs frozen while merging came after the merged ones: they stay after the merged run.
    if (this.runs.slice(0, merging.length).every((r, i) => r === merging[i])) this.setRuns([merged, ...this.runs.slice(merging.length)]);
  }

  /**
   * `frozen(remap)` in steps (the caller gives the event loop a turn between them), without making the result this
   * index's only run; the table must not change meanwhile (the caller checks). The same postings in the same
   * order: each run remapped, the delta sorted into a run of its own, then all merged (for one key, the runs' ids
   * in the runs' order, the delta's last).
   */
  *frozenSteps(remap?: (id: number) => number): Generator<void, FrozenPostings> {
    if (!remap && this.runs.length === 1 && this.deltaIds.length === 0) return this.runs[0]!;
    const parts: FrozenPostings[] = [];
    for (const run of this.runs) parts.push(remap ? yield* remapRun(run, remap) : run);
    const dk = new Uint32Array(this.deltaIds.length);
    const di = new Int32Array(this.deltaIds.length);
    let m = 0;
    for (let k = 0; k < this.deltaIds.length; k++) {
      const id = remap ? remap(this.deltaIds[k]!) : this.deltaIds[k]!;
      if (id < 0) continue;
      dk[m] = this.deltaKeys[k]!;
      di[m++] = id;
      if (m % MERGE_STEP === 0) yield;
    }
    if (m > 0) parts.push(yield* toCsrSteps(dk.subarray(0, m), di.subarray(0, m)));
    if (parts.length === 0) return { keys: new Uint32Array(0), offsets: new Uint32Array(1), ids: new Int32Array(0) };
    return parts.length === 1 ? parts[0]! : yield* mergeRuns(parts);
  }

  private freezeDelta(): void {
    const keys = Uint32Array.from(this.deltaKeys);
    const ids = Int32Array.from(this.deltaIds);
    this.setRuns([...this.runs, toCsr(keys, ids)]);
    this.clearDelta();
  }

  private setRuns(runs: FrozenPostings[]): void {
    this.runs = runs;
    this.runPostings = runs.reduce((n, r) => n + r.ids.length, 0);
  }

  private clearDelta(): void {
    this.delta = new PostingTable(1024);
    this.deltaKeys = [];
    this.deltaIds = [];
  }
}

/** A run with its ids mapped (dropped where `remap` gives -1), keys still sorted; in steps. */
function* remapRun(run: FrozenPostings, remap: (id: number) => number): Generator<void, FrozenPostings> {
  // Typed arrays of the largest size, cut at the end (a copy of millions of numbers from a JS array held the host).
  const keys = new Uint32Array(run.keys.length);
  const offsets = new Uint32Array(run.keys.length + 1);
  const ids = new Int32Array(run.ids.length);
  let m = 0;
  let n = 0;
  let sinceYield = 0;
  for (let i = 0; i < run.keys.length; i++) {
    const start = m;
    for (let k = run.offsets[i]!; k < run.offsets[i + 1]!; k++) {
      const id = remap(run.ids[k]!);
      if (id >= 0) ids[m++] = id;
    }
    if (m > start) {
      keys[n] = run.keys[i]!;
      offsets[n++] = start;
    }
    if (run.offsets[i + 1]! - sinceYield >= MERGE_STEP) {
      sinceYield = run.offsets[i + 1]!;
      yield;
    }
  }
  offsets[n] = m;
  return { keys: keys.slice(0, n), offsets: offsets.slice(0, n + 1), ids: ids.slice(0, m) };
}

/** A k-way merge by key of runs whose keys are sorted; for one key, the runs' ids in the runs' order. In steps. */
function* mergeRuns(runs: readonly FrozenPostings[]): Generator<void, FrozenPostings> {
  const total = runs.reduce((sum, r) => sum + r.ids.length, 0);
  const keyBound = runs.reduce((sum, r) => sum + r.keys.length, 0);
  const outKeys = new Uint32Array(keyBound);
  const offsets = new Uint32Array(keyBound + 1);
  const ids = new Int32Array(total);
  const at = runs.map(() => 0);
  let m = 0;
  let n = 0;
  let sinceYield = 0;
  for (;;) {
    let key = -1;
    for (let r = 0; r < runs.length; r++) {
      const k = at[r]! < runs[r]!.keys.length ? runs[r]!.keys[at[r]!]! : -1;
      if (k >= 0 && (key < 0 || k < key)) key = k;
    }
    if (key < 0) break;
    outKeys[n] = key;
    offsets[n++] = m;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const i = at[r]!;
      if (i >= run.keys.length || run.keys[i] !== key) continue;
      for (let k = run.offsets[i]!; k < run.offsets[i + 1]!; k++) ids[m++] = run.ids[k]!;
      at[r] = i + 1;
    }
    if (m - sinceYield >= MERGE_STEP) {
      sinceYield = m;
      yield;
    }
  }
  offsets[n] = m;
  return { keys: outKeys.slice(0, n), offsets: offsets.slice(0, n + 1), ids };
}

function find(keys: Uint32Array<ArrayBufferLike>, key: number): number {
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

/** Sorts (key, id) pairs by key (LSD radix, two 16-bit passes; stable, so ids keep insertion order) into CSR. */
function toCsr(keys: Uint32Array, ids: Int32Array): FrozenPostings {
  return runToEnd(toCsrSteps(keys, ids));
}

/** `toCsr` in steps of about MERGE_STEP pairs. */
function* toCsrSteps(keys: Uint32Array, ids: Int32Array): Generator<void, FrozenPostings> {
  const n = keys.length;
  let k1: Uint32Array = keys;
  let i1: Int32Array = ids;
  let k2: Uint32Array = new Uint32Array(n);
  let i2: Int32Array = new Int32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      counts[((k1[i]! >>> shift) & 0xffff) + 1]!++;
      if (i % MERGE_STEP === MERGE_STEP - 1) yield;
    }
    for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < n; i++) {
      const pos = counts[(k1[i]! >>> shift) & 0xffff]!++;
      k2[pos] = k1[i]!;
      i2[pos] = i1[i]!;
      if (i % MERGE_STEP === MERGE_STEP - 1) yield;
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
