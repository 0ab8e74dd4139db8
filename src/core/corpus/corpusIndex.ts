/**
 * The corpus index: every article's passages, quotations, speakers, entities, tags and notes, with
 * related passages and fuzzy search. Pure (no vscode, no fs): the caller gives it texts and analyses
 * (see build.ts for the asynchronous, cancellable build over files, and cache.ts for the cache).
 *
 * Related passages are found four ways, each a `reason` on the result:
 * - `same-quote`: near-duplicate wording (the same statement reported elsewhere, with small edits, spelling
 *   or translation variants, or only part of it). Candidates come from an inverted index of word shingles
 *   (adjacent and skip-one pairs of normalised content words) over passages; each candidate is verified by
 *   comparing its quotations and sentences with the source's.
 * - `same-speaker`: other quotations by the same speaker.
 * - `shared-entities`: passages mentioning the same people, organisations and places, each weighted by rarity
 *   (inverse passage frequency), so sharing "Rex Tillerson" counts more than sharing "US".
 * - `same-tag`: annotations carrying a tag the source's annotations carry.
 */
import Fuse, { type FuseResult, type FuseResultMatch } from 'fuse.js';
import type { EntityType } from '../analysis/types';
import { ShingleIndex, type FrozenPostings } from './shingleIndex';
import { FILTER_KEYS, foldPhrase, parseQuery } from './query';
import { buildRecord, entityKey, isContentPassage, passageAt, validateAnnotations, type ArticleRecord } from './record';
import { allWords, contentTokens, foldWord, hashString, intersectSize, isStopword, searchTokens, shingles, sortedUnique, termKey } from './tokenize';
import type {
  ArticleInput,
  CorpusStats,
  FileStamp,
  IndexedAnnotation,
  ParsedQuery,
  RelatedOptions,
  RelatedReason,
  RelatedResult,
  RelatedSource,
  SearchField,
  SearchMatch,
  SearchOptions,
  SearchResult,
  SearchResultKind,
  UnitKind,
} from './types';
import { yieldToEventLoop } from './eventLoop';

/** Raised for a path the index does not hold, and similar misuse. */
export class CorpusIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusIndexError';
  }
}

/** Tunables, exported for the docs and the tests. */
export const RANKING = {
  /** Minimum wording similarity (0..1) for `same-quote`. */
  sameQuoteMin: 0.5,
  /** Segments (quotes, sentences) with fewer content words take no part in near-duplicate matching. */
  minSegmentTerms: 4,
  /**
   * The same for the candidate side: a copy of a short quotation with one word dropped ("the departure lounge
   * of life" → "the departure of life") keeps only 3 content words, and must still match its source.
   */
  minCandidateTerms: 3,
  /**
   * A source segment with fewer content words than `minSegmentTerms` (but at least this many) still takes part
   * when it has `shortQuoteMinWords` words in all: it is then compared word for word, function words included
   * (`shortQuoteSimilarity`), which tells a copy from a sentence that merely shares its few content words.
   */
  shortQuoteMinTerms: 2,
  shortQuoteMinWords: 7,
  /** Share of the short source's words a copy must hold in order (longest common subsequence), in a compact run. */
  shortQuoteMinCover: 0.75,
  /** Shingles posted under more passages than this are skipped when gathering candidates (too common to tell). */
  maxShingleDf: 4000,
  /** Candidates verified per query. */
  maxCandidates: 60,
  /** `same-statement`: score = this × similarity (idf-weighted cosine of the content words of two sentences). */
  sameStatement: 2.0,
  /** Minimum idf-weighted cosine for `same-statement`. */
  statementMin: 0.15,
  /**
   * The same when the two passages share no entity and no speaker; they must then also share one word more
   * (sharing a few words is common: "a dream come true" is not the same statement).
   */
  statementMinUnlinked: 0.35,
  /** Content words a sentence needs, and shares with the source, for `same-statement`. */
  statementMinTerms: 3,
  statementMinShared: 3,
  /** Of the shared words, how many must be other than names (a capitalised word inside a sentence is taken for a name). */
  statementMinPlain: 2,
  /** ... and the similarity those words alone give must reach this ("year-old" is no shared statement). */
  statementMinPlainSim: 0.06,
  /** Passages compared sentence by sentence for `same-statement` (the most weight of shared words first). */
  statementCandidates: 40,
  /** Words in more passages than this do not gather `same-statement` candidates (they still weigh in the cosine). */
  maxTermDf: 3000,
  sameSpeaker: 0.4,
  sharedEntities: 0.6,
  /** Accumulated rarity (sum of idf) a candidate must share before `shared-entities` counts. */
  minEntityWeight: 2.5,
  maxEntityDf: 20000,
  /** Strongest shared-entity candidates re-ranked by word overlap with the source. */
  entityRerank: 80,
  sameTag: 0.5,
  /** Factor for reasons other than same-quote when the result is in the source's own article. */
  sameArticle: 0.5,
  /** Factor for same-quote in the source's own article (a repeat there ranks after copies elsewhere). */
  sameArticleQuote: 0.85,
} as const;

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly kind: 'quote' | 'sentence' | 'passage';
  /** Content words (with repeats). */
  readonly n: number;
  readonly uni: Uint32Array;
  readonly sh: Uint32Array;
  /** Every word (`allWords`), for segments compared word for word; filled on demand. */
  words?: string[];
}

/** A span for `same-statement`: its distinct content words, their idf, and which are plain words (not names). */
interface WeightedSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: 'quote' | 'sentence' | 'passage';
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  /** Per term: not taken for (part of) a name, i.e. not capitalised inside the span somewhere. */
  readonly plain: readonly boolean[];
  /** Euclidean norm of the weights. */
  readonly norm: number;
}

/** The source's side of `same-statement`, for look-ups. */
interface SourceSegment {
  readonly start: number;
  readonly end: number;
  readonly kind: 'quote' | 'sentence' | 'passage';
  readonly w: Map<string, number>;
  readonly plain: Set<string>;
  readonly norm: number;
}

interface SearchItem {
  readonly slot: number;
  readonly kind: 'headline' | 'quote' | 'entity' | 'annotation';
  readonly start: number;
  readonly end: number;
  readonly passage: number;
  readonly text?: string;
  readonly speaker?: string;
  readonly name?: string;
  readonly etype?: EntityType;
  readonly tags?: readonly string[];
  readonly note?: string;
}

interface LiveArticle {
  readonly slot: number;
  readonly rec: ArticleRecord;
  readonly firstUnit: number;
  /** First global quote number (quoteSlot); set when the entity/speaker tables are built. */
  firstQuote: number;
  itemIds: number[];
}

interface Acc {
  slot: number;
  passage: number;
  start: number;
  end: number;
  kind: UnitKind;
  /** Lower wins when choosing which span represents the result. */
  rank: number;
  score: number;
  reasons: RelatedReason[];
}

const SPAN_RANK: Record<UnitKind, number> = { quote: 0, sentence: 1, annotation: 2, headline: 3, passage: 4 };

export class CorpusIndex {
  private readonly bySlot: (LiveArticle | undefined)[] = [];
  private readonly byPath = new Map<string, LiveArticle>();
  // Passage units (one per passage of every article ever added; dead ones are skipped until compaction).
  private unitSlot: number[] = [];
  private unitPassage: number[] = [];
  private unitAlive: boolean[] = [];
  private liveUnits = 0;
  private shinglePostings = new ShingleIndex();
  /**
   * Per content-word key, postings of removed passages still in the shingle table (until `compact`): the word's
   * live passage frequency is its count there minus this.
   */
  private deadTermDf = new Map<number, number>();
  private entityPostings = new Map<string, number[]>();
  private entityDf = new Map<string, number>();
  private entityNames = new Map<string, string>();
  // Quotations, for same-speaker.
  private quoteSlot: number[] = [];
  private quoteIdx: number[] = [];
  private speakerPostings = new Map<string, number[]>();
  private tagArticles = new Map<string, Set<number>>();
  // Search.
  private items: (SearchItem | undefined)[] = [];
  private liveItems = 0;
  private termPostings = new Map<string, number[]>();
  private deadPostings = 0;
  private nameTokens = new Map<string, string[]>();
  private foldCache = new Map<string, string>();
  /**
   * The entity and speaker tables (related passages) and the search items and word index are built on first
   * use, not when an article is added or the index restored from the cache (that keeps reopening fast); from
   * then on they are kept up to date article by article. See `prepare()`.
   */
  /** Slots whose tables / search items are built (-1: not started; articles are processed in slot order). */
  private tablesCursor = -1;
  private searchCursor = -1;
  private speakerNameQuotes = new Map<string, number[]>();
  /** Scratch per passage unit for same-statement (summed idf and count of shared words); zero between queries. */
  private stmtWeight = new Float64Array(0);
  private stmtCount = new Uint16Array(0);
  /** idf of content words (see `idf`); emptied whenever an article is added or removed. */
  private idfCache = new Map<string, number>();
  private vocab: string[] = [];
  private vocabPending: string[] = [];

  get size(): number {
    return this.byPath.size;
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  fingerprintOf(path: string): string | undefined {
    return this.byPath.get(path)?.rec.fingerprint;
  }

  stampOf(path: string): FileStamp | undefined {
    return this.byPath.get(path)?.rec.stamp ?? undefined;
  }

  /** Records the file stamp of an unchanged article (its file was touched, its text is the same). */
  setStamp(path: string, stamp: FileStamp): void {
    const live = this.byPath.get(path);
    if (live) live.rec.stamp = { size: stamp.size, mtimeMs: stamp.mtimeMs };
  }

  /** The text the index holds for `path`. */
  textOf(path: string): string | undefined {
    return this.byPath.get(path)?.rec.text;
  }

  annotationsOf(path: string): readonly IndexedAnnotation[] | undefined {
    return this.byPath.get(path)?.rec.annotations;
  }

  /** Counts (builds the entity tables and the search index first, when they are not built yet). */
  stats(): CorpusStats {
    this.ensureTables();
    this.ensureSearch();
    let passages = 0;
    let quotes = 0;
    let annotations = 0;
    for (const a of this.byPath.values()) {
      passages += a.rec.passages.length;
      quotes += a.rec.quotes.length;
      annotations += a.rec.annotations.length;
    }
    return {
      articles: this.byPath.size,
      passages,
      quotes,
      entities: this.entityDf.size,
      annotations,
      searchItems: this.liveItems,
      shinglePostings: this.shinglePostings.postings,
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
    const live = this.byPath.get(path);
    if (!live) throw new CorpusIndexError(`not indexed: ${path}`);
    const checked = validateAnnotations(path, live.rec.text, annotations);
    this.detachAnnotations(live);
    live.rec.annotations = checked;
    this.attachAnnotations(live);
  }

  /** Removes an article; returns false when it was not indexed. */
  remove(path: string): boolean {
    const live = this.byPath.get(path);
    if (!live) return false;
    this.idfCache.clear();
    this.byPath.delete(path);
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
      if (live.slot >= this.tablesCursor) continue;
      for (const e of rec.passages[i]!.entities) {
        const df = (this.entityDf.get(e) ?? 1) - 1;
        if (df <= 0) {
          this.entityDf.delete(e);
          this.entityNames.delete(e);
        } else this.entityDf.set(e, df);
      }
    }
    this.deadPostings += rec.quotes.length;
    this.detachAnnotations(live);
    for (const id of live.itemIds) this.killItem(id);
    live.itemIds = [];
    if (this.deadPostings > 200_000 && this.deadPostings > this.shinglePostings.postings / 2) this.compact();
    return true;
  }

  /** Rebuilds the posting tables from the live articles (drops what removed articles left behind). */
  compact(): void {
    const lives = [...this.byPath.values()].sort((a, b) => a.slot - b.slot);
    const frozen = this.frozenShingles();
    this.reset(frozen);
    for (const l of lives) this.attach(l.rec);
  }

  /** The shingle postings of the live articles, with units numbered as `records()` order will re-create them. */
  frozenShingles(): FrozenPostings {
    const remap = new Int32Array(this.unitSlot.length).fill(-1);
    let next = 0;
    for (const l of [...this.byPath.values()].sort((a, b) => a.slot - b.slot)) {
      for (let i = 0; i < l.rec.passages.length; i++) remap[l.firstUnit + i] = next++;
    }
    return this.shinglePostings.frozen((id) => remap[id]!);
  }

  /** @internal for the cache: an index from records and their frozen shingle postings. */
  static restore(records: readonly ArticleRecord[], shingles: FrozenPostings): CorpusIndex {
    const index = new CorpusIndex();
    index.reset(shingles);
    for (const r of records) index.attach(r);
    return index;
  }

  private reset(shingles?: FrozenPostings): void {
    this.bySlot.length = 0;
    this.byPath.clear();
    this.unitSlot = [];
    this.unitPassage = [];
    this.unitAlive = [];
    this.liveUnits = 0;
    this.shinglePostings = new ShingleIndex(shingles);
    this.deadTermDf = new Map();
    this.idfCache = new Map();
    this.entityPostings = new Map();
    this.entityDf = new Map();
    this.entityNames = new Map();
    this.quoteSlot = [];
    this.quoteIdx = [];
    this.speakerPostings = new Map();
    this.tagArticles = new Map();
    this.items = [];
    this.liveItems = 0;
    this.termPostings = new Map();
    this.deadPostings = 0;
    this.nameTokens = new Map();
    this.tablesCursor = -1;
    this.searchCursor = -1;
    this.speakerNameQuotes = new Map();
    this.vocab = [];
    this.vocabPending = [];
  }

  /** @internal for the cache: the records of every article. */
  records(): ArticleRecord[] {
    return [...this.byPath.values()].sort((a, b) => a.slot - b.slot).map((l) => l.rec);
  }

  private attach(rec: ArticleRecord): void {
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
    this.attachAnnotations(live);
    // Once built, the tables and the search index take every new article as it comes.
    if (this.tablesCursor === slot) {
      this.postTables(live);
      this.tablesCursor++;
    }
    if (this.searchCursor === slot) {
      this.addSearchItems(live);
      this.searchCursor++;
    }
  }

  /**
   * Builds now what the index otherwise builds on first use: the entity and speaker tables (first `related`)
   * and the search word index (first `search`). The editor layer may call it when idle after loading the cache.
   */
  prepare(what: { related?: boolean; search?: boolean } = { related: true, search: true }): void {
    if (what.related !== false) this.ensureTables();
    if (what.search !== false) this.ensureSearch();
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
    for (const which of ['tables', 'search'] as const) {
      for (;;) {
        if (options.signal?.aborted) return;
        const t0 = Date.now();
        let done: boolean;
        do done = which === 'tables' ? this.stepTables(batch) : this.stepSearch(batch);
        while (!done && Date.now() - t0 < sliceMs);
        if (done) break;
        await yieldToEventLoop();
      }
    }
  }

  private ensureTables(): void {
    this.stepTables(Infinity);
  }

  private ensureSearch(): void {
    this.stepSearch(Infinity);
  }

  /** Builds the tables of up to `n` more articles; true when all are built. */
  private stepTables(n: number): boolean {
    if (this.tablesCursor < 0) this.tablesCursor = 0;
    for (; n > 0 && this.tablesCursor < this.bySlot.length; n--, this.tablesCursor++) {
      const live = this.bySlot[this.tablesCursor];
      if (live) this.postTables(live);
    }
    return this.tablesCursor >= this.bySlot.length;
  }

  private stepSearch(n: number): boolean {
    if (this.searchCursor < 0) this.searchCursor = 0;
    for (; n > 0 && this.searchCursor < this.bySlot.length; n--, this.searchCursor++) {
      const live = this.bySlot[this.searchCursor];
      if (live) this.addSearchItems(live);
    }
    return this.searchCursor >= this.bySlot.length;
  }

  private addSearchItems(live: LiveArticle): void {
    this.addItems(live);
    for (const a of live.rec.annotations) this.addAnnotationItem(live, a);
  }

  /** Entity postings, rarity and names; quotations by speaker. */
  private postTables(live: LiveArticle): void {
    const { rec, slot } = live;
    for (let i = 0; i < rec.passages.length; i++) {
      const u = live.firstUnit + i;
      for (const e of rec.passages[i]!.entities) {
        let list = this.entityPostings.get(e);
        if (!list) this.entityPostings.set(e, (list = []));
        list.push(u);
        this.entityDf.set(e, (this.entityDf.get(e) ?? 0) + 1);
      }
    }
    for (const e of rec.entities) this.entityNames.set(entityKey(e.id), e.name);
    live.firstQuote = this.quoteSlot.length;
    for (let q = 0; q < rec.quotes.length; q++) {
      const gid = this.quoteSlot.length;
      this.quoteSlot.push(slot);
      this.quoteIdx.push(q);
      const key = rec.quotes[q]!.speakerKey;
      if (key) {
        let list = this.speakerPostings.get(key);
        if (!list) this.speakerPostings.set(key, (list = []));
        list.push(gid);
      }
      const name = rec.quotes[q]!.speaker;
      if (name) {
        let list = this.speakerNameQuotes.get(name);
        if (!list) this.speakerNameQuotes.set(name, (list = []));
        list.push(gid);
      }
    }
  }

  /** Search items of the article's text: headline, quotations, entities (annotations: addAnnotationItem). */
  private addItems(live: LiveArticle): void {
    const { rec, slot } = live;
    if (rec.title && rec.title.trim() !== '') {
      const start = rec.titleStart >= 0 ? rec.titleStart : 0;
      const end = rec.titleStart >= 0 ? rec.titleEnd : 0;
      this.addItem(live, { slot, kind: 'headline', start, end, passage: Math.max(0, passageAt(rec.passages, start)), text: rec.title });
    }
    for (const q of rec.quotes) {
      this.addItem(live, {
        slot,
        kind: 'quote',
        start: q.start,
        end: q.end,
        passage: q.passage,
        text: rec.text.slice(q.start, q.end),
        ...(q.speaker ? { speaker: q.speaker } : {}),
      });
    }
    for (const e of rec.entities) {
      this.addItem(live, { slot, kind: 'entity', start: e.start, end: e.end, passage: Math.max(0, passageAt(rec.passages, e.start)), name: e.name, etype: e.type });
    }
  }

  private addAnnotationItem(live: LiveArticle, a: IndexedAnnotation): void {
    this.addItem(live, {
      slot: live.slot,
      kind: 'annotation',
      start: a.start,
      end: a.end,
      passage: Math.max(0, passageAt(live.rec.passages, a.start)),
      text: a.quote,
      tags: a.tags,
      ...(a.note ? { note: a.note } : {}),
    });
  }

  private attachAnnotations(live: LiveArticle): void {
    for (const a of live.rec.annotations) {
      for (const t of a.tags) {
        const key = foldPhrase(t);
        let set = this.tagArticles.get(key);
        if (!set) this.tagArticles.set(key, (set = new Set()));
        set.add(live.slot);
      }
      if (live.slot < this.searchCursor) this.addAnnotationItem(live, a);
    }
  }

  private detachAnnotations(live: LiveArticle): void {
    for (const a of live.rec.annotations) {
      for (const t of a.tags) {
        const key = foldPhrase(t);
        const set = this.tagArticles.get(key);
        if (set) {
          set.delete(live.slot);
          if (set.size === 0) this.tagArticles.delete(key);
        }
      }
    }
    live.itemIds = live.itemIds.filter((id) => {
      if (this.items[id]?.kind === 'annotation') {
        this.killItem(id);
        return false;
      }
      return true;
    });
  }

  private addItem(live: LiveArticle, item: SearchItem): void {
    const id = this.items.length;
    this.items.push(item);
    this.liveItems++;
    live.itemIds.push(id);
    const terms = new Set<string>();
    if (item.text) for (const t of searchTokens(item.text)) terms.add(t);
    if (item.note) for (const t of searchTokens(item.note)) terms.add(t);
    // Names, speakers and tags repeat across the corpus: tokenise each once.
    for (const v of [item.speaker, item.name, ...(item.tags ?? [])]) {
      if (!v) continue;
      let toks = this.nameTokens.get(v);
      if (!toks) this.nameTokens.set(v, (toks = searchTokens(v)));
      for (const t of toks) terms.add(t);
    }
    for (const t of terms) {
      let list = this.termPostings.get(t);
      if (!list) {
        this.termPostings.set(t, (list = []));
        this.vocabPending.push(t);
      }
      list.push(id);
    }
  }

  private killItem(id: number): void {
    if (this.items[id] === undefined) return;
    this.items[id] = undefined;
    this.liveItems--;
    this.deadPostings++;
  }

  // ---------------------------------------------------------------- related passages

  /**
   * The passage or quotation at `offset`: the innermost quotation holding it, else the content passage holding
   * it (headline or paragraph), else the next content passage; undefined when there is none.
   */
  sourceAt(path: string, offset: number): RelatedSource | undefined {
    const live = this.byPath.get(path);
    if (!live) throw new CorpusIndexError(`not indexed: ${path}`);
    const { rec } = live;
    let best: { start: number; end: number; speaker: string | null; passage: number } | undefined;
    for (const q of rec.quotes) {
      if (q.start <= offset && offset <= q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
    }
    if (best) return { path, start: best.start, end: best.end, text: rec.text.slice(best.start, best.end), kind: 'quote', passage: best.passage, speaker: best.speaker };
    let pi = passageAt(rec.passages, offset);
    if (pi >= 0 && !(offset <= rec.passages[pi]!.end && isContentPassage(rec.passages[pi]!.kind))) pi++;
    while (pi >= 0 && pi < rec.passages.length && !isContentPassage(rec.passages[pi]!.kind)) pi++;
    if (pi < 0) pi = rec.passages.findIndex((p) => isContentPassage(p.kind));
    const p = rec.passages[pi];
    if (!p) return undefined;
    return { path, start: p.start, end: p.end, text: rec.text.slice(p.start, p.end), kind: p.kind === 'headline' ? 'headline' : 'passage', passage: pi, speaker: null };
  }

  /** Related passages of the passage or quotation at `offset` in `path`, best first. */
  related(path: string, offset: number, options: RelatedOptions = {}): RelatedResult[] {
    const source = this.sourceAt(path, offset);
    if (!source) return [];
    return this.relatedTo(source, options);
  }

  /** Related passages of a source found by `sourceAt`. */
  relatedTo(source: RelatedSource, options: RelatedOptions = {}): RelatedResult[] {
    const limit = options.limit ?? 20;
    this.ensureTables();
    const live = this.byPath.get(source.path);
    if (!live) throw new CorpusIndexError(`not indexed: ${source.path}`);
    const sourceUnit = live.firstUnit + source.passage;
    const acc = new Map<string, Acc>();
    const otherOnly = options.otherArticlesOnly === true;
    const add = (slot: number, passage: number, start: number, end: number, kind: UnitKind, reason: RelatedReason) => {
      if (slot === live.slot) {
        if (otherOnly) return;
        if (start < source.end && end > source.start) return; // overlaps the source itself
        reason = { ...reason, score: round(reason.score * (reason.kind === 'same-quote' ? RANKING.sameArticleQuote : RANKING.sameArticle)) };
      }
      const key = slot + ':' + passage;
      let a = acc.get(key);
      if (!a) acc.set(key, (a = { slot, passage, start, end, kind, rank: SPAN_RANK[kind], score: 0, reasons: [] }));
      const existing = a.reasons.findIndex((r) => r.kind === reason.kind);
      if (existing >= 0) {
        if (a.reasons[existing]!.score >= reason.score) return;
        a.score -= a.reasons[existing]!.score;
        a.reasons.splice(existing, 1);
      }
      a.reasons.push(reason);
      a.score += reason.score;
      const rank = reason.kind === 'same-quote' ? -2 : reason.kind === 'same-statement' ? -1 : SPAN_RANK[kind];
      if (rank < a.rank) {
        a.rank = rank;
        a.start = start;
        a.end = end;
        a.kind = kind;
      }
    };

    this.sameQuote(live, source, sourceUnit, add);
    // A passage already found as a near-duplicate needs no restatement reason too.
    this.sameStatement(live, source, sourceUnit, add, (slot, passage) => acc.get(slot + ':' + passage)?.reasons.some((r) => r.kind === 'same-quote') === true);
    this.sameSpeaker(live, source, add);
    this.sharedEntities(live, source, sourceUnit, add);
    this.sameTag(live, source, add);

    const all = [...acc.values()];
    all.sort((a, b) => b.score - a.score || a.slot - b.slot || a.start - b.start);
    return all.slice(0, limit).map((a) => {
      const r = this.bySlot[a.slot]!.rec;
      const reasons = [...a.reasons].sort((x, y) => y.score - x.score);
      return { path: r.path, start: a.start, end: a.end, text: r.text.slice(a.start, a.end), score: round(a.score), reasons, kind: a.kind, passage: a.passage };
    });
  }

  /** The spans compared for near-duplicates and restatements: the quotations and sentences of a passage (or only `only`). */
  private spansOf(rec: ArticleRecord, passage: number, only?: { start: number; end: number }): { start: number; end: number; kind: Segment['kind'] }[] {
    if (only) return [{ start: only.start, end: only.end, kind: 'quote' }];
    const p = rec.passages[passage]!;
    const spans: { start: number; end: number; kind: Segment['kind'] }[] = [];
    for (const q of rec.quotes) if (q.passage === passage) spans.push({ start: q.start, end: q.end, kind: 'quote' });
    for (let i = 0; i + 1 < p.sentences.length; i += 2) spans.push({ start: p.sentences[i]!, end: p.sentences[i + 1]!, kind: 'sentence' });
    if (p.sentences.length <= 2) spans.push({ start: p.start, end: p.end, kind: 'passage' });
    return spans;
  }

  private segmentsOf(rec: ArticleRecord, passage: number, only?: { start: number; end: number }, minTerms: number = RANKING.minSegmentTerms): Segment[] {
    const out: Segment[] = [];
    for (const s of this.spansOf(rec, passage, only)) {
      const terms = contentTokens(rec.text, s.start, s.end).map((t) => t.term);
      if (terms.length < minTerms) continue;
      out.push({ ...s, n: terms.length, uni: sortedUnique(Uint32Array.from(terms, (t) => hashString(t))), sh: shingles(terms) });
    }
    return out;
  }

  private sameQuote(live: LiveArticle, source: RelatedSource, sourceUnit: number, add: AddFn): void {
    // Source segments with fewer content words than usual take part only when they are long enough to be
    // compared word for word (a short quotation: "we were not ready for it and we knew it at the time").
    const qsegs = this.segmentsOf(live.rec, source.passage, source.kind === 'quote' ? source : undefined, RANKING.shortQuoteMinTerms).filter((s) => {
      if (s.n >= RANKING.minSegmentTerms) return true;
      s.words = allWords(live.rec.text, s.start, s.end);
      return s.words.length >= RANKING.shortQuoteMinWords;
    });
    if (qsegs.length === 0) return;
    let total = 0;
    for (const s of qsegs) total += s.sh.length;
    const all = new Uint32Array(total);
    let k = 0;
    for (const s of qsegs) {
      all.set(s.sh, k);
      k += s.sh.length;
    }
    const keys = sortedUnique(all);
    const hits = new Map<number, number>();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const df = this.shinglePostings.count(key);
      if (df === 0 || df > RANKING.maxShingleDf) continue;
      this.shinglePostings.forEach(key, (u) => {
        if (u === sourceUnit || !this.unitAlive[u]) return;
        hits.set(u, (hits.get(u) ?? 0) + 1);
      });
    }
    const minHits = keys.length <= 3 ? 1 : 2;
    const cands = [...hits.entries()].filter(([, h]) => h >= minHits).sort((a, b) => b[1] - a[1]).slice(0, RANKING.maxCandidates);
    const hasShort = qsegs.some((s) => s.words !== undefined);
    for (const [u] of cands) {
      const slot = this.unitSlot[u]!;
      const pi = this.unitPassage[u]!;
      const crec = this.bySlot[slot]!.rec;
      const csegs = this.segmentsOf(crec, pi, undefined, hasShort ? 1 : RANKING.minCandidateTerms);
      let best: { sim: number; seg: Segment } | undefined;
      for (const a of qsegs) {
        for (const b of csegs) {
          if (slot === live.slot && b.start < source.end && b.end > source.start) continue;
          let sim: number;
          if (a.words) sim = shortQuoteSimilarity(a, b, () => (b.words ??= allWords(crec.text, b.start, b.end)));
          else if (b.n < RANKING.minCandidateTerms) continue;
          else sim = segmentSimilarity(a, b);
          // Prefer a quotation over the sentence holding it when they match about as well.
          const adj = sim + (b.kind === 'quote' ? 0.03 : 0);
          if (!best || adj > best.sim + (best.seg.kind === 'quote' ? 0.03 : 0)) best = { sim, seg: b };
        }
      }
      if (best && best.sim >= RANKING.sameQuoteMin) {
        const pct = Math.round(best.sim * 100);
        add(slot, pi, best.seg.start, best.seg.end, best.seg.kind === 'passage' ? 'passage' : best.seg.kind, {
          kind: 'same-quote',
          score: round(1 + best.sim),
          similarity: round(best.sim),
          detail: pct >= 97 ? 'same wording' : `same statement, ${pct}% similar wording`,
        });
      }
    }
  }

  /**
   * `same-statement`: the same statement or fact reported in other words. Each content word weighs its
   * rarity (idf over passages, from the word keys in the shingle table), so sharing "praised", "strong" and
   * "leader", a figure or a rare name counts, and sharing "government" or "year" hardly. Passages gather the
   * weight of the source's words they hold; the strongest are compared sentence by sentence (and quotation
   * by quotation): the cosine of the two word sets, each word weighted by its idf.
   */
  private sameStatement(live: LiveArticle, source: RelatedSource, sourceUnit: number, add: AddFn, skip: (slot: number, passage: number) => boolean): void {
    const idf = (t: string): number => this.idf(t);
    // The source's segments: each distinct content word with its idf, and whether it is a plain word (not a name).
    const qsegs: SourceSegment[] = [];
    {
      const spans = this.spansOf(live.rec, source.passage, source.kind === 'quote' ? source : undefined);
      for (const b of weighSpans(live.rec.text, spans, idf)) {
        const w = new Map<string, number>();
        const plain = new Set<string>();
        b.terms.forEach((t, i) => {
          w.set(t, b.weights[i]!);
          if (b.plain[i]) plain.add(t);
        });
        qsegs.push({ start: b.start, end: b.end, kind: b.kind, w, plain, norm: b.norm });
      }
    }
    if (qsegs.length === 0) return;
    // Who the source is about: its passage's entities and, for a quotation, its speaker.
    const about = new Set(live.rec.passages[source.passage]!.entities);
    for (const q of live.rec.quotes) {
      const inSource = source.kind === 'quote' ? q.start === source.start && q.end === source.end : q.passage === source.passage;
      if (inSource && q.speakerKey) about.add(entityKey(q.speakerKey));
    }
    // Candidate passages: the summed idf of the source's words each holds (words in too many passages skipped),
    // damped for long passages (the comparison is sentence by sentence).
    const words = new Map<string, number>();
    for (const s of qsegs) for (const [t, x] of s.w) words.set(t, x);
    const units = this.unitSlot.length;
    if (this.stmtWeight.length < units) {
      this.stmtWeight = new Float64Array(Math.max(units, this.stmtWeight.length * 2, 1024));
      this.stmtCount = new Uint16Array(this.stmtWeight.length);
    }
    const weight = this.stmtWeight;
    const count = this.stmtCount;
    const touched: number[] = [];
    for (const [t, x] of words) {
      if (x <= 0) continue;
      const key = termKey(t);
      if (this.termDf(key) > RANKING.maxTermDf) continue;
      this.shinglePostings.forEach(key, (u) => {
        if (u === sourceUnit || !this.unitAlive[u]) return;
        if (count[u] === 0) touched.push(u);
        count[u]!++;
        weight[u]! += x;
      });
    }
    const cands: { u: number; w: number }[] = [];
    for (const u of touched) {
      if (count[u]! >= RANKING.statementMinShared) {
        const p = this.bySlot[this.unitSlot[u]!]!.rec.passages[this.unitPassage[u]!]!;
        cands.push({ u, w: weight[u]! / Math.pow(p.end - p.start + 100, 0.3) });
      }
      weight[u] = 0;
      count[u] = 0;
    }
    cands.sort((a, b) => b.w - a.w || a.u - b.u);
    for (const { u } of cands.slice(0, RANKING.statementCandidates)) {
      const slot = this.unitSlot[u]!;
      const pi = this.unitPassage[u]!;
      if (skip(slot, pi)) continue;
      const crec = this.bySlot[slot]!.rec;
      let best: { sim: number; adj: number; seg: WeightedSpan; shared: string[]; from: SourceSegment } | undefined;
      const spans = this.spansOf(crec, pi).filter((span) => !(slot === live.slot && span.start < source.end && span.end > source.start));
      for (const b of weighSpans(crec.text, spans, idf)) {
        for (const a of qsegs) {
          let dot = 0;
          let plain = 0;
          let plainDot = 0;
          let shared: string[] | undefined;
          for (let i = 0; i < b.terms.length; i++) {
            const t = b.terms[i]!;
            const x = a.w.get(t);
            if (x === undefined || x <= 0) continue;
            dot += x * x;
            (shared ??= []).push(t);
            if (b.plain[i] && a.plain.has(t)) {
              plain++;
              plainDot += x * x;
            }
          }
          if (!shared || shared.length < RANKING.statementMinShared) continue;
          const norms = a.norm * b.norm;
          // Names alone (shared entities say that already) do not make the same statement: words besides them must.
          if (plain < RANKING.statementMinPlain || plainDot / norms < RANKING.statementMinPlainSim) continue;
          const sim = dot / norms;
          // Prefer a quotation over the sentence holding it when they match about as well.
          const adj = sim + (b.kind === 'quote' ? 0.03 : 0);
          if (!best || adj > best.adj) best = { sim, adj, seg: b, shared, from: a };
        }
      }
      if (!best || best.sim < RANKING.statementMin) continue;
      // Sharing words is not enough when the two are not about the same people, places or speaker.
      let linked = crec.passages[pi]!.entities.some((e) => about.has(e));
      if (!linked) for (const q of crec.quotes) if (q.passage === pi && q.speakerKey && about.has(entityKey(q.speakerKey))) linked = true;
      if (!linked && (best.sim < RANKING.statementMinUnlinked || best.shared.length < RANKING.statementMinShared + 1)) continue;
      const from = best.from;
      const shown = [...best.shared].sort((x, y) => from.w.get(y)! - from.w.get(x)! || (x < y ? -1 : 1));
      const surface = surfaceForms(live.rec.text, from, shown.slice(0, 5));
      const pct = Math.round(best.sim * 100);
      add(slot, pi, best.seg.start, best.seg.end, best.seg.kind === 'passage' ? 'passage' : best.seg.kind, {
        kind: 'same-statement',
        score: round(RANKING.sameStatement * best.sim),
        similarity: round(best.sim),
        detail: `same statement in other words, ${pct}% alike: ${surface.join(', ')}${shown.length > 5 ? ` and ${shown.length - 5} more` : ''}`,
        keys: shown,
      });
    }
  }

  /**
   * Rarity of a content word: log((passages + 1) / (passages holding it + 0.5)), at least 0. Kept between
   * queries while the corpus does not change.
   */
  private idf(term: string): number {
    let w = this.idfCache.get(term);
    if (w === undefined) {
      if (this.idfCache.size >= 200_000) this.idfCache.clear();
      w = Math.max(0, Math.log((Math.max(1, this.liveUnits) + 1) / (this.termDf(termKey(term)) + 0.5)));
      this.idfCache.set(term, w);
    }
    return w;
  }

  /** Live passages holding the content word with this key (`termKey`). */
  private termDf(key: number): number {
    const n = this.shinglePostings.count(key);
    return this.deadTermDf.size === 0 ? n : n - (this.deadTermDf.get(key) ?? 0);
  }

  private sameSpeaker(live: LiveArticle, source: RelatedSource, add: AddFn): void {
    const keys = new Map<string, string>();
    for (const q of live.rec.quotes) {
      const inSource = source.kind === 'quote' ? q.start === source.start && q.end === source.end : q.passage === source.passage;
      if (inSource && q.speakerKey) keys.set(q.speakerKey, q.speaker ?? q.speakerKey);
    }
    for (const [key, name] of keys) {
      const list = this.speakerPostings.get(key) ?? [];
      let seen = 0;
      for (let i = list.length - 1; i >= 0 && seen < 5000; i--) {
        const gid = list[i]!;
        const slot = this.quoteSlot[gid]!;
        const l = this.bySlot[slot];
        if (!l || gid < l.firstQuote) continue;
        seen++;
        const q = l.rec.quotes[this.quoteIdx[gid]!]!;
        add(slot, q.passage, q.start, q.end, 'quote', { kind: 'same-speaker', score: RANKING.sameSpeaker, detail: `also quoted: ${name}`, keys: [key] });
      }
    }
  }

  private sharedEntities(live: LiveArticle, source: RelatedSource, sourceUnit: number, add: AddFn): void {
    const ents = live.rec.passages[source.passage]!.entities;
    if (ents.length === 0) return;
    const n = Math.max(1, this.liveUnits);
    const idf = (e: string) => Math.log((n + 1) / ((this.entityDf.get(e) ?? 0) + 0.5));
    let totalW = 0;
    for (const e of ents) totalW += Math.max(0, idf(e));
    if (totalW <= 0) return;
    const score = new Map<number, { w: number; ents: string[] }>();
    for (const e of ents) {
      const w = idf(e);
      if (w <= 0) continue;
      const list = this.entityPostings.get(e);
      if (!list || list.length > RANKING.maxEntityDf) continue;
      for (const u of list) {
        if (u === sourceUnit || !this.unitAlive[u]) continue;
        let s = score.get(u);
        if (!s) score.set(u, (s = { w: 0, ents: [] }));
        s.w += w;
        s.ents.push(e);
      }
    }
    const minW = Math.min(RANKING.minEntityWeight, totalW * 0.6);
    const kept = [...score].filter(([, s]) => s.w >= minW).sort((a, b) => b[1].w - a[1].w);
    // Many passages share the same few names: among the strongest, word overlap with the source breaks ties.
    const srcWords = wordSet(live.rec.text, live.rec.passages[source.passage]!);
    kept.forEach(([u, s], rank) => {
      const slot = this.unitSlot[u]!;
      const pi = this.unitPassage[u]!;
      const crec = this.bySlot[slot]!.rec;
      const p = crec.passages[pi]!;
      const share = s.w / totalW;
      let overlap = 0;
      if (rank < RANKING.entityRerank && srcWords.size > 0) {
        const cw = wordSet(crec.text, p);
        let n = 0;
        for (const w of cw) if (srcWords.has(w)) n++;
        overlap = n / Math.max(4, Math.min(srcWords.size, cw.size));
      }
      const names = s.ents
        .sort((a, b) => idf(b) - idf(a))
        .slice(0, 4)
        .map((e) => this.entityNames.get(e) ?? e);
      add(slot, pi, p.start, p.end, p.kind === 'headline' ? 'headline' : 'passage', {
        kind: 'shared-entities',
        score: round(RANKING.sharedEntities * Math.min(1, share) * Math.min(1, s.w / (RANKING.minEntityWeight * 2)) * (1 + Math.min(1, overlap))),
        detail: `shares ${names.join(', ')}${s.ents.length > 4 ? ` and ${s.ents.length - 4} more` : ''}`,
        keys: s.ents,
      });
    });
  }

  private sameTag(live: LiveArticle, source: RelatedSource, add: AddFn): void {
    const p = live.rec.passages[source.passage]!;
    const lo = source.kind === 'quote' ? source.start : p.start;
    const hi = source.kind === 'quote' ? source.end : p.end;
    const tags = new Set<string>();
    for (const a of live.rec.annotations) if (a.start < hi && a.end > lo) for (const t of a.tags) tags.add(foldPhrase(t));
    for (const tag of tags) {
      for (const slot of this.tagArticles.get(tag) ?? []) {
        const l = this.bySlot[slot];
        if (!l) continue;
        for (const a of l.rec.annotations) {
          if (!a.tags.some((t) => foldPhrase(t) === tag)) continue;
          const pi = Math.max(0, passageAt(l.rec.passages, a.start));
          add(slot, pi, a.start, a.end, 'annotation', { kind: 'same-tag', score: RANKING.sameTag, detail: `tagged ${tag}`, keys: [tag] });
        }
      }
    }
  }

  // ---------------------------------------------------------------- search

  /** foldPhrase, memoised (names, speakers, publishers and tags repeat). */
  private fold(s: string): string {
    let f = this.foldCache.get(s);
    if (f === undefined) {
      if (this.foldCache.size > 200_000) this.foldCache.clear();
      this.foldCache.set(s, (f = foldPhrase(s)));
    }
    return f;
  }

  /**
   * Fuzzy search over headlines, quotations, speakers, entities, tags and notes, with filters
   * (`tag:`, `speaker:`, `outlet:`, `entity:`, `type:`; see query.ts). Throws QueryError on a malformed filter.
   */
  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 50;
    const q = typeof query === 'string' ? parseQuery(query) : query;
    this.ensureTables();
    this.ensureSearch();
    const { accept, slots } = this.filterPlan(q);
    const words = searchTokens(q.text);
    if (words.length === 0) {
      const hasFilter = FILTER_KEYS.some((k) => q[k].length > 0);
      if (!hasFilter) return [];
      const out: SearchResult[] = [];
      const ids: number[] = [];
      if (slots) {
        // Only the articles that can hold a match (tag: and entity: filters narrow them down).
        for (const slot of slots) {
          for (const id of this.bySlot[slot]?.itemIds ?? []) {
            const it = this.items[id];
            if (it && accept(it)) ids.push(id);
          }
        }
      } else {
        for (let id = 0; id < this.items.length; id++) {
          const it = this.items[id];
          if (it && accept(it)) ids.push(id);
        }
      }
      ids.sort((a, b) => cmpItems(this.items[a]!, this.items[b]!, this.bySlot));
      for (const id of ids.slice(0, limit)) out.push(this.toResult(this.items[id]!, 1, [], q));
      return out;
    }
    // Prefilter: items holding (fuzzily) as many query words as possible.
    const content = words.filter((w) => !isStopword(w));
    const qwords = [...new Set(content.length > 0 ? content : words)].slice(0, 16);
    const matched = new Map<number, number>();
    for (const w of qwords) {
      const seen = new Set<number>();
      // Best expansions first, so an item reached by several of them counts the best one.
      for (const { term, weight } of this.expand(w)) {
        for (const id of this.termPostings.get(term) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          matched.set(id, (matched.get(id) ?? 0) + weight);
        }
      }
    }
    const need = qwords.length <= 2 ? qwords.length * SEARCH.minWeight - 0.01 : qwords.length * 0.5;
    const cand: { id: number; m: number; len: number }[] = [];
    for (const [id, m] of matched) {
      if (m < need) continue;
      const it = this.items[id];
      if (it && accept(it)) cand.push({ id, m, len: (it.text ?? it.name ?? '').length });
    }
    // fuse.js prefers short fields among equally good matches: so does the short list.
    cand.sort((a, b) => b.m - a.m || a.len - b.len || a.id - b.id);
    const shortlist = cand.slice(0, SEARCH.shortlist);
    if (shortlist.length === 0) return [];
    const docs = shortlist.map(({ id }) => {
      const it = this.items[id]!;
      return { id, text: it.text ?? '', speaker: it.speaker ?? '', name: it.name ?? '', tags: it.tags ? [...it.tags] : [], note: it.note ?? '' };
    });
    const fuse = new Fuse(docs, {
      keys: [
        { name: 'text', weight: 1 },
        { name: 'speaker', weight: 1.5 },
        { name: 'name', weight: 2 },
        { name: 'tags', weight: 2 },
        { name: 'note', weight: 1 },
      ],
      includeScore: true,
      includeMatches: true,
      ignoreLocation: true,
      ignoreDiacritics: true,
      threshold: 0.45,
      minMatchCharLength: 2,
    });
    const mById = new Map(shortlist.map((c) => [c.id, c.m]));
    const fused = fuse.search(q.text, { limit: Math.max(limit * 3, 100) }) as FuseResult<(typeof docs)[number]>[];
    const out = fused.map((r) => {
      const it = this.items[r.item.id]!;
      const cover = (mById.get(r.item.id) ?? 0) / qwords.length;
      const score = Math.max(0, Math.min(1, 0.6 * (1 - (r.score ?? 1)) + 0.4 * Math.min(1, cover)));
      return this.toResult(it, score, r.matches ?? [], q);
    });
    out.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.start - b.start);
    return out.slice(0, limit);
  }

  /** The search vocabulary, sorted (new words are merged in on demand). */
  private sortedVocab(): string[] {
    if (this.vocabPending.length > 0) {
      const add = this.vocabPending.sort();
      this.vocabPending = [];
      this.vocab = this.vocab.length === 0 ? add : mergeSorted(this.vocab, add);
    }
    return this.vocab;
  }

  /**
   * Vocabulary words a query word may stand for, best first, with the weight a match through them counts:
   * the word itself (1); words it begins (3+ letters: `bank` → `banks`, `banking`) and words 1 edit away (2 for
   * 8+ letters: typos), ranked by kind (inflections, then typos of words of 5+ letters, then other
   * completions, then typos of short words and 2-edit typos), then by how common they are. At most `SEARCH.maxExpansions` of them, and no more
   * once they reach `SEARCH.expansionPostings` items: a short word begins hundreds of words, and short-listing
   * everything they hold would only give fuse.js more to score, not better results.
   */
  expand(w: string): { term: string; weight: number }[] {
    this.ensureSearch();
    const out: { term: string; weight: number }[] = [];
    const exact = this.termPostings.get(w);
    if (exact) out.push({ term: w, weight: 1 });
    if (w.length < 3) return out;
    const vocab = this.sortedVocab();
    const k = w.length >= 8 ? 2 : w.length >= 4 ? 1 : 0;
    const cands: { term: string; cost: number; df: number }[] = [];
    // Words sharing the first letter form one run of the sorted vocabulary; words beginning with `w` a run in it.
    const first = w[0]!;
    let i = lowerBound(vocab, first);
    const endFirst = lowerBound(vocab, String.fromCharCode(first.charCodeAt(0) + 1));
    for (; i < endFirst; i++) {
      const t = vocab[i]!;
      if (t === w) continue;
      let cost = -1;
      if (t.length > w.length && t.startsWith(w)) {
        // An inflection (`bank` → `banks`, `banked`), else a completion (the user may still be typing).
        cost = t.length - w.length <= 2 ? 1 : 2;
      } else if (k > 0 && Math.abs(t.length - w.length) <= k) {
        // A typo; in a short word one edit makes another word (`coll` → `cell`): completions come first.
        if (withinEdits(w, t, 1)) cost = w.length >= 5 ? 1.5 : 2.5;
        else if (k > 1 && withinEdits(w, t, 2)) cost = 2.5;
      }
      if (cost > 0) cands.push({ term: t, cost, df: this.termPostings.get(t)!.length });
    }
    cands.sort((a, b) => a.cost - b.cost || b.df - a.df || (a.term < b.term ? -1 : 1));
    let postings = exact ? exact.length : 0;
    for (const c of cands) {
      if (out.length > SEARCH.maxExpansions || (postings >= SEARCH.expansionPostings && out.length > 1)) break;
      out.push({ term: c.term, weight: Math.max(SEARCH.minWeight, 1 - 0.05 * c.cost) });
      postings += c.df;
    }
    return out;
  }

  /** The filter as a test of one item, and (for `tag:` and `entity:` filters) the only articles that can hold a match. */
  private filterPlan(q: ParsedQuery): { accept: (it: SearchItem) => boolean; slots?: Set<number> } {
    const entIds = q.entity.map(foldPhrase).map((e) => {
      const ids = new Set<string>();
      for (const [id, name] of this.entityNames) if (this.fold(name).includes(e)) ids.add(id);
      return ids;
    });
    let slots: Set<number> | undefined;
    const narrow = (set: Set<number>) => {
      slots = slots ? new Set([...slots].filter((x) => set.has(x))) : set;
    };
    for (const t of q.tag.map(foldPhrase)) {
      const set = new Set<number>();
      for (const [key, arts] of this.tagArticles) if (key === t || key.startsWith(t + '/')) for (const x of arts) set.add(x);
      narrow(set);
    }
    entIds.forEach((ids, k) => {
      // Articles with a passage mentioning the entity, and (an entity filter keeps them too) articles with a
      // quotation whose speaker's name holds the words.
      const set = new Set<number>();
      for (const id of ids) for (const u of this.entityPostings.get(id) ?? []) if (this.unitAlive[u]) set.add(this.unitSlot[u]!);
      const e = foldPhrase(q.entity[k]!);
      for (const [name, gids] of this.speakerNameQuotes) {
        if (!this.fold(name).includes(e)) continue;
        for (const gid of gids) {
          const slot = this.quoteSlot[gid]!;
          const l = this.bySlot[slot];
          if (l && gid >= l.firstQuote) set.add(slot);
        }
      }
      narrow(set);
    });
    const sorted = slots ? new Set([...slots].sort((a, b) => a - b)) : undefined;
    return { accept: this.filterFn(q, entIds), ...(sorted ? { slots: sorted } : {}) };
  }

  private filterFn(q: ParsedQuery, entIds: readonly Set<string>[]): (it: SearchItem) => boolean {
    const tags = q.tag.map(foldPhrase);
    const speakers = q.speaker.map(foldPhrase);
    const outlets = q.outlet.map(foldPhrase);
    const ents = q.entity.map(foldPhrase);
    const types = q.type;
    const has = (value: string | undefined | null, needle: string) => value != null && this.fold(value).includes(needle);
    const tagMatch = (t: string, want: string) => {
      const f = this.fold(t);
      return f === want || f.startsWith(want + '/');
    };
    return (it) => {
      const live = this.bySlot[it.slot];
      if (!live) return false;
      const rec = live.rec;
      if (types.length > 0) {
        const ok = types.some((t) => {
          switch (t) {
            case 'headline':
              return it.kind === 'headline';
            case 'quote':
            case 'speaker':
              return it.kind === 'quote';
            case 'entity':
              return it.kind === 'entity';
            case 'person':
            case 'organization':
            case 'place':
              return it.kind === 'entity' && it.etype === t;
            case 'tag':
              return it.kind === 'annotation' && (it.tags?.length ?? 0) > 0;
            case 'note':
              return it.kind === 'annotation' && !!it.note;
            case 'annotation':
              return it.kind === 'annotation';
            default:
              return false;
          }
        });
        if (!ok) return false;
      }
      for (const s of speakers) if (!(it.kind === 'quote' && has(it.speaker, s))) return false;
      for (const o of outlets) if (!(has(rec.publisher, o) || rec.path.toLowerCase().includes(o))) return false;
      for (const t of tags) {
        if (it.kind === 'annotation' && it.tags?.some((x) => tagMatch(x, t))) continue;
        if (rec.annotations.length === 0) return false;
        if (!rec.annotations.some((a) => a.start < Math.max(it.end, it.start + 1) && a.end > it.start && a.tags.some((x) => tagMatch(x, t)))) return false;
      }
      for (let k = 0; k < ents.length; k++) {
        const e = ents[k]!;
        if (it.kind === 'entity' && has(it.name, e)) continue;
        if (it.kind === 'quote' && has(it.speaker, e)) continue;
        const p = rec.passages[it.passage];
        const ids = entIds[k]!;
        if (!p || !p.entities.some((id) => ids.has(id))) return false;
      }
      return true;
    };
  }

  private toResult(it: SearchItem, score: number, fmatches: readonly FuseResultMatch[], q: ParsedQuery): SearchResult {
    const rec = this.bySlot[it.slot]!.rec;
    const matches: SearchMatch[] = [];
    for (const m of fmatches) {
      const field = m.key as SearchField;
      if (!m.value) continue;
      matches.push({ field, value: m.value, ranges: mergeRanges(m.indices.map(([s, e]) => [s, e + 1] as const)) });
    }
    const fieldScore = (f: SearchField) => {
      const m = matches.find((x) => x.field === f);
      return m ? m.ranges.reduce((n, [s, e]) => n + e - s, 0) : 0;
    };
    let kind: SearchResultKind;
    let text: string;
    let detail: string;
    switch (it.kind) {
      case 'headline':
        kind = 'headline';
        text = it.text ?? '';
        detail = [rec.publisher, rec.dateIso].filter(Boolean).join(', ');
        break;
      case 'quote':
        kind = q.type.includes('speaker') || (fieldScore('speaker') > fieldScore('text') && q.text !== '') ? 'speaker' : 'quote';
        text = it.text ?? '';
        detail = it.speaker ? `— ${it.speaker}` : 'unattributed';
        break;
      case 'entity':
        kind = 'entity';
        text = it.name ?? '';
        detail = it.etype ?? '';
        break;
      default:
        kind = fieldScore('note') > fieldScore('tags') || (q.type.includes('note') && !q.type.includes('tag')) || (!it.tags?.length && it.note) ? 'note' : 'tag';
        text = it.text ?? '';
        detail = [(it.tags ?? []).map((t) => '#' + t).join(' '), it.note ?? ''].filter(Boolean).join(' — ');
    }
    return { path: rec.path, start: it.start, end: it.end, text, kind, score: round(score), detail, matches };
  }
}


type AddFn = (slot: number, passage: number, start: number, end: number, kind: UnitKind, reason: RelatedReason) => void;

/**
 * Wording similarity of two segments in 0..1: overlap of normalised words and of word shingles, each
 * relative to the shorter segment (so a partial quote matches the whole), damped when the segments differ
 * much in length or share only a few words.
 */
export function segmentSimilarity(a: { uni: Uint32Array; sh: Uint32Array }, b: { uni: Uint32Array; sh: Uint32Array }): number {
  const minU = Math.min(a.uni.length, b.uni.length);
  const maxU = Math.max(a.uni.length, b.uni.length);
  if (minU === 0) return 0;
  const sharedU = intersectSize(a.uni, b.uni);
  const ou = sharedU / minU;
  if (ou < 0.3) return 0;
  const minS = Math.min(a.sh.length, b.sh.length);
  const os = minS === 0 ? ou : intersectSize(a.sh, b.sh) / minS;
  const ratio = minU / maxU;
  const confidence = Math.min(1, sharedU / 8);
  return (0.45 * ou + 0.55 * os) * (0.8 + 0.2 * Math.sqrt(ratio)) * (0.6 + 0.4 * confidence);
}

/**
 * Wording similarity of a short source segment (few content words, compared word for word) to a candidate:
 * the longest common subsequence of their words (function words included) relative to the source's words,
 * 0 unless it covers `RANKING.shortQuoteMinCover` of them, holds 2+ of the source's content words, and lies
 * in a run of the candidate not much longer than the source (a copy, not the same words scattered).
 */
export function shortQuoteSimilarity(a: { uni: Uint32Array; words?: string[] }, b: { uni: Uint32Array }, wordsOfB: () => string[]): number {
  const wa = a.words;
  if (!wa || wa.length === 0) return 0;
  if (intersectSize(a.uni, b.uni) < Math.min(2, a.uni.length)) return 0;
  const wb = wordsOfB();
  const n = wa.length;
  const m = wb.length;
  if (m === 0) return 0;
  // LCS table, then one traceback for the matched run in b.
  const L = new Uint16Array((n + 1) * (m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      L[i * (m + 1) + j] = wa[i - 1] === wb[j - 1] ? L[(i - 1) * (m + 1) + j - 1]! + 1 : Math.max(L[(i - 1) * (m + 1) + j]!, L[i * (m + 1) + j - 1]!);
    }
  }
  const lcs = L[n * (m + 1) + m]!;
  const cover = lcs / n;
  if (cover < RANKING.shortQuoteMinCover) return 0;
  let i = n;
  let j = m;
  let first = -1;
  let last = -1;
  while (i > 0 && j > 0) {
    if (wa[i - 1] === wb[j - 1]) {
      if (last < 0) last = j - 1;
      first = j - 1;
      i--;
      j--;
    } else if (L[(i - 1) * (m + 1) + j]! >= L[i * (m + 1) + j - 1]!) i--;
    else j--;
  }
  const run = last - first + 1;
  if (run > n + 3) return 0;
  // Words the copy inserted inside the run lower it a little.
  return cover * Math.sqrt(lcs / run);
}

/**
 * The spans of a passage for `same-statement`, weighed: the text is tokenised once and its tokens dealt out
 * to the spans (quotations overlap sentences). A capitalised word inside a span is taken for (part of) a name,
 * the first word is not, nor any word of a span in title case (a headline).
 */
function weighSpans(text: string, spans: readonly { start: number; end: number; kind: 'quote' | 'sentence' | 'passage' }[], idf: (t: string) => number): WeightedSpan[] {
  if (spans.length === 0) return [];
  let lo = spans[0]!.start;
  let hi = spans[0]!.end;
  for (const s of spans) {
    lo = Math.min(lo, s.start);
    hi = Math.max(hi, s.end);
  }
  const tokens = contentTokens(text, lo, hi);
  const out: WeightedSpan[] = [];
  const at = new Map<string, number>();
  for (const span of spans) {
    const k0 = lowerBoundBy(tokens, span.start);
    let k1 = k0;
    let caps = 0;
    for (; k1 < tokens.length && tokens[k1]!.end <= span.end; k1++) if (isUpper(text.charCodeAt(tokens[k1]!.start))) caps++;
    if (k1 - k0 < RANKING.statementMinTerms) continue;
    const titleCase = caps > 0.6 * (k1 - k0);
    const terms: string[] = [];
    const weights: number[] = [];
    const plain: boolean[] = [];
    let norm = 0;
    at.clear();
    for (let k = k0; k < k1; k++) {
      const tok = tokens[k]!;
      const isPlain = titleCase || k === k0 || !isUpper(text.charCodeAt(tok.start));
      const i = at.get(tok.term);
      if (i !== undefined) {
        if (isPlain) plain[i] = true;
        continue;
      }
      const x = idf(tok.term);
      at.set(tok.term, terms.length);
      terms.push(tok.term);
      weights.push(x);
      plain.push(isPlain);
      norm += x * x;
    }
    if (terms.length >= RANKING.statementMinTerms && norm > 0) out.push({ start: span.start, end: span.end, kind: span.kind, terms, weights, plain, norm: Math.sqrt(norm) });
  }
  return out;
}

/** An upper-case letter (ASCII fast path). */
function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** How each of `terms` first reads in `span` of `text` (`prais` → `praised`). */
function surfaceForms(text: string, span: { start: number; end: number }, terms: readonly string[]): string[] {
  const first = new Map<string, string>();
  for (const t of contentTokens(text, span.start, span.end)) if (!first.has(t.term)) first.set(t.term, text.slice(t.start, t.end));
  return terms.map((t) => first.get(t) ?? t);
}

/** Content words of a passage (normalised, stopwords removed). */
function wordSet(text: string, span: { start: number; end: number }): Set<string> {
  return new Set(contentTokens(text, span.start, span.end).map((t) => t.term));
}

/** Tunables of the search, exported for the docs and the tests. */
export const SEARCH = {
  /** Vocabulary words one query word may expand to (besides itself). */
  maxExpansions: 16,
  /** Stop expanding once the expansions reach this many items. */
  expansionPostings: 8000,
  /** Items handed to fuse.js for scoring, the best short-listed first. */
  shortlist: 500,
  /** Weight of a match through the farthest expansion (the word itself counts 1). */
  minWeight: 0.85,
} as const;

/** Index of the first token starting at or after `start` (tokens sorted by offset). */
function lowerBoundBy(tokens: readonly { start: number; end: number }[], start: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

function withinEdits(a: string, b: string, k: number): boolean {
  // Banded Levenshtein distance with early exit.
  const n = a.length;
  const m = b.length;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const c = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + c);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > k) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[m]! <= k;
}

function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const s = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of s) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function cmpItems(a: SearchItem, b: SearchItem, bySlot: readonly (LiveArticle | undefined)[]): number {
  const pa = bySlot[a.slot]!.rec.path;
  const pb = bySlot[b.slot]!.rec.path;
  return pa < pb ? -1 : pa > pb ? 1 : a.start - b.start;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Convenience: `foldWord` re-exported for callers that compare names the way the index does. */
export { foldWord };
