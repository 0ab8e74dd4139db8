/**
 * A compact multimap from 32-bit keys to integer ids (shingle hash → passage unit), in typed arrays so that
 * millions of postings at 10,000 articles cost tens of megabytes rather than hundreds. Open addressing for
 * the keys, singly linked lists of postings per key. Removal is by the caller ignoring dead ids; `count`
 * still includes them until the owner rebuilds the table (see CorpusIndex compaction).
 */
export class PostingTable {
  private keys: Uint32Array;
  private heads: Int32Array;
  private counts: Int32Array;
  private mask: number;
  private size = 0;
  private next: Int32Array;
  private ids: Int32Array;
  private nodes = 0;

  constructor(expectedKeys = 1024) {
    let cap = 16;
    while (cap < expectedKeys * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
    this.counts = new Int32Array(cap);
    this.mask = cap - 1;
    this.next = new Int32Array(Math.max(16, expectedKeys));
    this.ids = new Int32Array(Math.max(16, expectedKeys));
  }

  get postings(): number {
    return this.nodes;
  }

  get distinctKeys(): number {
    return this.size;
  }

  /** Approximate bytes held by the typed arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.heads.byteLength + this.counts.byteLength + this.next.byteLength + this.ids.byteLength;
  }

  /** Grows the tables ahead of a bulk load of about `postings` postings over `keys` distinct keys. */
  reserve(keys: number, postings: number): void {
    while (keys * 2 > this.keys.length) this.growKeys();
    if (postings > this.ids.length) {
      const ids = new Int32Array(postings);
      ids.set(this.ids.subarray(0, this.nodes));
      const next = new Int32Array(postings);
      next.set(this.next.subarray(0, this.nodes));
      this.ids = ids;
      this.next = next;
    }
  }

  private slotOf(key: number): number {
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    let slot = h & this.mask;
    while (this.heads[slot] !== -1 && this.keys[slot] !== key) {
      h++;
      slot = h & this.mask;
    }
    return slot;
  }

  add(key: number, id: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.growKeys();
    if (this.nodes >= this.ids.length) this.growNodes();
    const slot = this.slotOf(key);
    if (this.heads[slot] === -1) {
      this.keys[slot] = key;
      this.size++;
    }
    const node = this.nodes++;
    this.ids[node] = id;
    this.next[node] = this.heads[slot]!;
    this.heads[slot] = node;
    this.counts[slot]!++;
  }

  /** Number of postings for `key` (dead ids included). */
  count(key: number): number {
    const slot = this.slotOf(key);
    return this.heads[slot] === -1 ? 0 : this.counts[slot]!;
  }

  /** Calls `fn` for every id posted under `key`, newest first. */
  forEach(key: number, fn: (id: number) => void): void {
    const slot = this.slotOf(key);
    for (let node = this.heads[slot]!; node !== -1; node = this.next[node]!) fn(this.ids[node]!);
  }

  private growKeys(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    const oldCounts = this.counts;
    const cap = oldKeys.length * 2;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
    this.counts = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] === -1) continue;
      const slot = this.slotOf(oldKeys[i]!);
      this.keys[slot] = oldKeys[i]!;
      this.heads[slot] = oldHeads[i]!;
      this.counts[slot] = oldCounts[i]!;
    }
  }

  private growNodes(): void {
    const cap = this.ids.length * 2;
    const ids = new Int32Array(cap);
    ids.set(this.ids);
    const next = new Int32Array(cap);
    next.set(this.next);
    this.ids = ids;
    this.next = next;
  }
}
