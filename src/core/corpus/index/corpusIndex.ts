/**
 * The corpus index: every article's passages, quotations, speakers, entities, tags and notes, with
 * related passages and fuzzy search. Pure (no vscode, no fs): the caller gives it texts and analyses
 * (see ../build.ts for the asynchronous, cancellable build over files, and src/core/cache for the cache).
 *
 * This class holds the pieces together; each lives in its own module:
 * - slots.ts: articles, passage units, the shingle table and word rarity;
 * - relatedTables.ts: entity, speaker and tag tables (built on first use, lazyBuild.ts);
 * - ../related/: related passages, one module per reason (same-quote, same-statement, same-speaker,
 *   shared-entities, same-tag) and their tunables (ranking.ts);
 * - ../search/: search items and word index, typo tolerance, filters, query parsing, the search itself.
 */
import { yieldToEventLoop } from '../../util/eventLoop';
import { relatedTo, sourceAt } from '../related/related';
import { StatementScratch } from '../related/sameStatement';
import { parseQuery } from '../search/query';
import { runSearch } from '../search/search';
import { SearchItems } from '../search/searchItems';
import { expandWord } from '../search/typoTolerance';
import type { ArticleInput, CorpusStats, FileStamp, IndexedAnnotation, ParsedQuery, RelatedOptions, RelatedResult, RelatedSource, SearchOptions, SearchResult } from '../types';
import { buildRecord, validateAnnotations, type ArticleRecord } from './record';
import { RelatedTables } from './relatedTables';
import type { FrozenPostings } from './shingleIndex';
import { Slots, type LiveArticle } from './slots';

export class CorpusIndex {
  private slots = new Slots();
  private tables = new RelatedTables(this.slots);
  private searchItems = new SearchItems(this.slots);
  private readonly scratch = new StatementScratch();

  get size(): number {
    return this.slots.byPath.size;
  }

  has(path: string): boolean {
    return this.slots.byPath.has(path);
  }

  paths(): string[] {
    return [...this.slots.byPath.keys()];
  }

  fingerprintOf(path: string): string | undefined {
    return this.slots.byPath.get(path)?.rec.fingerprint;
  }

  stampOf(path: string): FileStamp | undefined {
    return this.slots.byPath.get(path)?.rec.stamp ?? undefined;
  }

  /** Records the file stamp of an unchanged article (its file was touched, its text is the same). */
  setStamp(path: string, stamp: FileStamp): void {
    const live = this.slots.byPath.get(path);
    if (live) live.rec.stamp = { size: stamp.size, mtimeMs: stamp.mtimeMs };
  }

  /** The text the index holds for `path`. */
  textOf(path: string): string | undefined {
    return this.slots.byPath.get(path)?.rec.text;
  }

  annotationsOf(path: string): readonly IndexedAnnotation[] | undefined {
    return this.slots.byPath.get(path)?.rec.annotations;
  }

  /** Counts (builds the entity tables and the search index first, when they are not built yet). */
  stats(): CorpusStats {
    this.tables.ensure();
    this.searchItems.ensure();
    let passages = 0;
    let quotes = 0;
    let annotations = 0;
    for (const a of this.slots.byPath.values()) {
      passages += a.rec.passages.length;
      quotes += a.rec.quotes.length;
      annotations += a.rec.annotations.length;
    }
    return {
      articles: this.slots.byPath.size,
      passages,
      quotes,
      entities: this.tables.entityDf.size,
      annotations,
      searchItems: this.searchItems.liveItems,
      shinglePostings: this.slots.shinglePostings.postings,
    };
  }

  /** Adds an article, or replaces it when the path is already indexed. Throws RangeError on spans outside the text. */
  upsert(input: ArticleInput): void {
    const rec = buildRecord(input);
    this.remove(input.path);
    this.attach(rec);
  }

  /** Replaces the annotations of an indexed article (a sidecar changed, the text did not). */
  updateAnnotations(path: string, annotations: readonly IndexedAnnotation[]): void {
    const live = this.slots.get(path);
    const checked = validateAnnotations(path, live.rec.text, annotations);
    this.detachAnnotations(live);
    live.rec.annotations = checked;
    this.attachAnnotations(live);
  }

  /** Removes an article; returns false when it was not indexed. */
  remove(path: string): boolean {
    const live = this.slots.byPath.get(path);
    if (!live) return false;
    this.slots.free(live);
    this.tables.unpost(live);
    this.detachAnnotations(live);
    this.searchItems.detach(live);
    if (this.slots.needsCompaction()) this.compact();
    return true;
  }

  /** Rebuilds the posting tables from the live articles (drops what removed articles left behind). */
  compact(): void {
    const lives = this.slots.ordered();
    const frozen = this.frozenShingles();
    this.reset(frozen);
    for (const l of lives) this.attach(l.rec);
  }

  /** The shingle postings of the live articles, with units numbered as `records()` order will re-create them. */
  frozenShingles(): FrozenPostings {
    const ready = this.preparedShingles;
    this.preparedShingles = undefined;
    if (ready && ready.slots === this.slots && ready.version === this.slots.version) return ready.frozen;
    return this.slots.frozenShingles();
  }

  private preparedShingles: { readonly slots: Slots; readonly version: number; readonly frozen: FrozenPostings } | undefined;

  /**
   * Makes what `frozenShingles` gives ahead, in slices of about `sliceMs` (the cache writer asks for it in one
   * piece: renumbering the table after articles were removed held the extension host about a second at 10,000
   * articles). Kept until asked for, while no article is added or removed.
   */
  async prepareFrozenShingles(options: { signal?: AbortSignal; sliceMs?: number } = {}): Promise<void> {
    const slots = this.slots;
    const version = slots.version;
    const steps = slots.frozenShinglesSteps();
    let t0 = Date.now();
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) {
        if (this.slots === slots && slots.version === version) this.preparedShingles = { slots, version, frozen: r.value };
        return;
      }
      if (Date.now() - t0 >= (options.sliceMs ?? 12)) {
        await yieldToEventLoop();
        if (options.signal?.aborted || this.slots !== slots || slots.version !== version) return;
        t0 = Date.now();
      }
    }
  }

  /** @internal for the cache: an index from records and their frozen shingle postings. */
  static restore(records: readonly ArticleRecord[], shingles: FrozenPostings): CorpusIndex {
    const index = new CorpusIndex();
    index.reset(shingles);
    for (const r of records) index.attach(r);
    return index;
  }

  /** @internal for the cache: the records of every article. */
  records(): ArticleRecord[] {
    return this.slots.ordered().map((l) => l.rec);
  }

  private reset(shingles?: FrozenPostings): void {
    this.slots = new Slots(shingles);
    this.tables = new RelatedTables(this.slots);
    this.searchItems = new SearchItems(this.slots);
  }

  private attach(rec: ArticleRecord): void {
    const live = this.slots.add(rec);
    this.attachAnnotations(live);
    // Once built, the tables and the search index take every new article as it comes.
    this.tables.lazy.added(live);
    this.searchItems.lazy.added(live);
  }

  private attachAnnotations(live: LiveArticle): void {
    this.tables.attachTags(live);
    this.searchItems.attachAnnotations(live);
  }

  private detachAnnotations(live: LiveArticle): void {
    this.tables.detachTags(live);
    this.searchItems.detachAnnotations(live);
  }

  /**
   * Builds now what the index otherwise builds on first use: the entity and speaker tables (first `related`)
   * and the search word index (first `search`). The editor layer may call it when idle after loading the cache.
   */
  prepare(what: { related?: boolean; search?: boolean } = { related: true, search: true }): void {
    if (what.related !== false) this.tables.ensure();
    if (what.search !== false) this.searchItems.ensure();
  }

  /**
   * Like `prepare`, in slices of at most `sliceMs` milliseconds (default 12) with the event loop free between
   * them (at least `batch` articles per slice, default 8), so the editor can build them in the background
   * after loading the cache. Stops early on `signal`
   * (what is built stays built; the rest is built on first use).
   */
  async prepareInBackground(options: { signal?: AbortSignal; sliceMs?: number; batch?: number } = {}): Promise<void> {
    const sliceMs = options.sliceMs ?? 12;
    const batch = Math.max(1, options.batch ?? 8);
    // The shingle table's frozen runs merged into one (lookups get faster; the cache writer then copies nothing).
    const merge = this.slots.shinglePostings.mergeSteps();
    for (let t0 = Date.now(); !merge.next().done; ) {
      if (options.signal?.aborted) return;
      if (Date.now() - t0 >= sliceMs) {
        await yieldToEventLoop();
        t0 = Date.now();
      }
    }
    for (const which of [this.tables, this.searchItems]) {
      for (;;) {
        if (options.signal?.aborted) return;
        const t0 = Date.now();
        let done: boolean;
        do done = which.lazy.step(this.slots.bySlot, batch);
        while (!done && Date.now() - t0 < sliceMs);
        if (done) break;
        await yieldToEventLoop();
      }
    }
  }

  // ---------------------------------------------------------------- related passages

  /**
   * The passage or quotation at `offset`: the innermost quotation holding it, else the content passage holding
   * it (headline or paragraph), else the next content passage; undefined when there is none.
   */
  sourceAt(path: string, offset: number): RelatedSource | undefined {
    return sourceAt(this.slots, path, offset);
  }

  /** Related passages of the passage or quotation at `offset` in `path`, best first. */
  related(path: string, offset: number, options: RelatedOptions = {}): RelatedResult[] {
    const source = this.sourceAt(path, offset);
    if (!source) return [];
    return this.relatedTo(source, options);
  }

  /** Related passages of a source found by `sourceAt`. */
  relatedTo(source: RelatedSource, options: RelatedOptions = {}): RelatedResult[] {
    this.tables.ensure();
    return relatedTo(this.slots, this.tables, this.scratch, source, options);
  }

  // ---------------------------------------------------------------- search

  /**
   * Fuzzy search over headlines, quotations, speakers, entities, tags and notes, with filters
   * (`tag:`, `speaker:`, `outlet:`, `entity:`, `type:`; see ../search/query.ts). Throws QueryError on a malformed filter.
   */
  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult[] {
    const q = typeof query === 'string' ? parseQuery(query) : query;
    this.tables.ensure();
    this.searchItems.ensure();
    return runSearch(this.slots, this.tables, this.searchItems, q, options);
  }

  /** Vocabulary words a query word may stand for, best first, with their weights (see ../search/typoTolerance.ts). */
  expand(w: string): { term: string; weight: number }[] {
    this.searchItems.ensure();
    return expandWord(this.searchItems, w);
  }
}
