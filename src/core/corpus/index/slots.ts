/**
 * Slot bookkeeping of the corpus index: one slot per article ever added (removed ones stay empty until
 * compaction), one passage unit per passage of each, the near-duplicate shingle table over those units, and
 * the rarity (idf) of content words read from that table.
 */
import { contentTokens, termKey } from '../tokenize';
import type { ArticleRecord } from './record';
import { isContentPassage } from './record';
import { ShingleIndex, type FrozenPostings } from './shingleIndex';

/** Raised for a path the index does not hold, and similar misuse. */
export class CorpusIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusIndexError';
  }
}

/** An article held by the index. */
export interface LiveArticle {
  readonly slot: number;
  readonly rec: ArticleRecord;
  readonly firstUnit: number;
  /** First global quote number (`RelatedTables.quoteSlot`); set when the entity/speaker tables are built. */
  firstQuote: number;
  /** Its search items (`SearchItems.items`). */
  itemIds: number[];
}

export class Slots {
  readonly bySlot: (LiveArticle | undefined)[] = [];
  readonly byPath = new Map<string, LiveArticle>();
  // Passage units (one per passage of every article ever added; dead ones are skipped until compaction).
  readonly unitSlot: number[] = [];
  readonly unitPassage: number[] = [];
  readonly unitAlive: boolean[] = [];
  liveUnits = 0;
  readonly shinglePostings: ShingleIndex;
  /**
   * Per content-word key, postings of removed passages still in the shingle table (until compaction): the word's
   * live passage frequency is its count there minus this.
   */
  private readonly deadTermDf = new Map<number, number>();
  /** Postings (shingles, quotations, search items) left behind by removed articles; compaction drops them. */
  deadPostings = 0;
  /** idf of content words (see `idf`); emptied whenever an article is added or removed. */
  private readonly idfCache = new Map<string, number>();

  constructor(shingles?: FrozenPostings) {
    this.shinglePostings = new ShingleIndex(shingles);
  }

  /** The article at `path`; throws CorpusIndexError when it is not indexed. */
  get(path: string): LiveArticle {
    const live = this.byPath.get(path);
    if (!live) throw new CorpusIndexError(`not indexed: ${path}`);
    return live;
  }

  /** The live articles in slot order. */
  ordered(): LiveArticle[] {
    return [...this.byPath.values()].sort((a, b) => a.slot - b.slot);
  }

  /** Bumped whenever an article is added or removed (what `frozenShingles` gives changes). */
  version = 0;

  /** Gives the record the next slot and its passages units, posting its shingles. */
  add(rec: ArticleRecord): LiveArticle {
    this.version++;
    this.idfCache.clear();
    const slot = this.bySlot.length;
    const live: LiveArticle = { slot, rec, firstUnit: this.unitSlot.length, firstQuote: -1, itemIds: [] };
    this.bySlot.push(live);
    this.byPath.set(rec.path, live);
    for (let i = 0; i < rec.passages.length; i++) {
      const u = this.unitSlot.length;
      this.unitSlot.push(slot);
      this.unitPassage.push(i);
      this.unitAlive.push(true);
      this.liveUnits++;
      const sh = rec.shingles?.[i];
      if (sh) for (let k = 0; k < sh.length; k++) this.shinglePostings.add(sh[k]!, u);
    }
    rec.shingles = undefined; // posted; the table holds them from now on
    return live;
  }

  /** Empties the article's slot and marks its units dead (their postings stay until compaction). */
  free(live: LiveArticle): void {
    this.version++;
    this.idfCache.clear();
    this.byPath.delete(live.rec.path);
    this.bySlot[live.slot] = undefined;
    const { rec } = live;
    for (let i = 0; i < rec.passages.length; i++) {
      const u = live.firstUnit + i;
      if (!this.unitAlive[u]) continue;
      this.unitAlive[u] = false;
      this.liveUnits--;
      this.deadPostings += 20 + rec.passages[i]!.entities.length;
      const p = rec.passages[i]!;
      if (isContentPassage(p.kind)) {
        for (const t of new Set(contentTokens(rec.text, p.start, p.end).map((x) => x.term))) {
          const key = termKey(t);
          this.deadTermDf.set(key, (this.deadTermDf.get(key) ?? 0) + 1);
        }
      }
    }
    this.deadPostings += rec.quotes.length;
  }

  /** True when removed articles left so much behind that rebuilding the tables pays. */
  needsCompaction(): boolean {
    return this.deadPostings > 200_000 && this.deadPostings > this.shinglePostings.postings / 2;
  }

  /** The shingle postings of the live articles, with units numbered as a rebuild from `ordered()` re-creates them. */
  frozenShingles(): FrozenPostings {
    // Every unit alive: they are numbered in slot order already, and the table is its own remapping (no copy when
    // it is one run: see ShingleIndex.frozen).
    if (this.liveUnits === this.unitSlot.length) return this.shinglePostings.frozen();
    const remap = this.unitRemap();
    return this.shinglePostings.frozen((id) => remap[id]!);
  }

  /** `frozenShingles()` in steps (ShingleIndex.frozenSteps; the table is left as it is); the slots must not change meanwhile. */
  *frozenShinglesSteps(): Generator<void, FrozenPostings> {
    if (this.liveUnits === this.unitSlot.length) return yield* this.shinglePostings.frozenSteps();
    const remap = this.unitRemap();
    return yield* this.shinglePostings.frozenSteps((id) => remap[id]!);
  }

  /** Unit → its number when the live articles are rebuilt in slot order (-1: removed). */
  private unitRemap(): Int32Array {
    const remap = new Int32Array(this.unitSlot.length).fill(-1);
    let next = 0;
    for (const l of this.ordered()) {
      for (let i = 0; i < l.rec.passages.length; i++) remap[l.firstUnit + i] = next++;
    }
    return remap;
  }

  /**
   * Rarity of a content word: log((passages + 1) / (passages holding it + 0.5)), at least 0. Kept between
   * queries while the corpus does not change.
   */
  idf(term: string): number {
    let w = this.idfCache.get(term);
    if (w === undefined) {
      if (this.idfCache.size >= 200_000) this.idfCache.clear();
      w = Math.max(0, Math.log((Math.max(1, this.liveUnits) + 1) / (this.termDf(termKey(term)) + 0.5)));
      this.idfCache.set(term, w);
    }
    return w;
  }

  /** Live passages holding the content word with this key (`termKey`). */
  termDf(key: number): number {
    const n = this.shinglePostings.count(key);
    return this.deadTermDf.size === 0 ? n : n - (this.deadTermDf.get(key) ?? 0);
  }
}
