/**
 * Lists of item ids by word number (the search index's postings), kept small: a corpus of 10,000 articles posts
 * millions of ids over a hundred thousand words, most of them rare, and a JavaScript array per word costs its
 * header and spare room whatever it holds (a one-id list took about 180 bytes). So the lists are packed into one
 * typed array (`freeze`, offsets by word), and only ids posted since go to small per-word arrays ("tails") until
 * the next freeze. Ids are posted in ascending order, so a word's list is its packed part then its tail.
 */

/** A word's ids, ascending: what `get` returns (a view of the packed array, the tail, or the two joined). */
export type IdList = ArrayLike<number> & Iterable<number>;

const EMPTY: IdList = new Int32Array(0);

export class PostingLists {
  /** Word t's packed ids are `packed[offsets[t] .. offsets[t + 1])`, for t below `offsets.length - 1`. */
  private offsets = new Int32Array(1);
  private packed = new Int32Array(0);
  /** Ids posted since the last freeze, by word (undefined: none). */
  private tails: (number[] | undefined)[] = [];
  private tailCount = 0;
  private words = 0;

  /** Makes room for word numbers below `n` (a new word has no ids). */
  grow(n: number): void {
    if (n > this.words) this.words = n;
  }

  /** Appends `id` to word `t`'s list (ids must come in ascending order per word). */
  push(t: number, id: number): void {
    const tail = this.tails[t];
    if (tail) tail.push(id);
    else this.tails[t] = [id];
    this.tailCount++;
  }

  /** Word t's ids, ascending. */
  get(t: number): IdList {
    const frozen = t + 1 < this.offsets.length ? this.packed.subarray(this.offsets[t]!, this.offsets[t + 1]!) : EMPTY;
    const tail = this.tails[t];
    if (!tail) return frozen;
    if (frozen.length === 0) return tail;
    const out = new Array<number>(frozen.length + tail.length);
    for (let i = 0; i < frozen.length; i++) out[i] = frozen[i]!;
    for (let i = 0; i < tail.length; i++) out[frozen.length + i] = tail[i]!;
    return out;
  }

  /** Ids packed by the last freeze. */
  get packedCount(): number {
    return this.packed.length;
  }

  /** Ids posted since the last freeze. */
  get pending(): number {
    return this.tailCount;
  }

  /** Packs every tail into the typed array (one pass over all ids); the lists read the same afterwards. */
  freeze(): void {
    if (this.tailCount === 0 && this.offsets.length === this.words + 1) return;
    const offsets = new Int32Array(this.words + 1);
    const packed = new Int32Array(this.packed.length + this.tailCount);
    let at = 0;
    for (let t = 0; t < this.words; t++) {
      offsets[t] = at;
      if (t + 1 < this.offsets.length) {
        const from = this.offsets[t]!;
        const to = this.offsets[t + 1]!;
        packed.set(this.packed.subarray(from, to), at);
        at += to - from;
      }
      const tail = this.tails[t];
      if (tail) for (let i = 0; i < tail.length; i++) packed[at++] = tail[i]!;
    }
    offsets[this.words] = at;
    this.offsets = offsets;
    this.packed = packed;
    this.tails = [];
    this.tailCount = 0;
  }

  /** Bytes held (the packed arrays, and the tails at 8 bytes an id), for the figures. */
  bytes(): number {
    return this.offsets.byteLength + this.packed.byteLength + this.tailCount * 8;
  }
}
