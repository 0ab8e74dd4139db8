/**
 * What search looks through: one item per headline, quotation, entity mention, annotation and sentence of the
 * body text, and the word
 * index over them (every search word → the items holding it), with the sorted vocabulary typo tolerance reads.
 * Built on first use (LazyBuild), then kept up to date article by article.
 */
import { LazyBuild } from '../index/lazyBuild';
import { passageAt, type ArticleRecord, type RecordParts, type SearchTerms } from '../index/record';
import type { LiveArticle, Slots } from '../index/slots';
import { searchTokens } from '../tokenize';
import type { IndexedAnnotation } from '../types';
import { ItemTable, type SearchItem } from './itemTable';
import { PostingLists, type IdList } from './postingLists';
import { foldPhrase } from './query';

export type { SearchItem } from './itemTable';

export class SearchItems {
  /** Every item ever added, by id (dropped ones read as undefined): see ItemTable. */
  private readonly table = new ItemTable();
  liveItems = 0;
  /**
   * Each search word's number: the word index is kept by number, so adding an article looks each of its distinct
   * words up once (its record's words, made on a worker), not once per sentence that holds it.
   */
  private readonly termIds = new Map<string, number>();
  /** By word number: the items holding it (headlines, statements, names, annotations), ids ascending. */
  private readonly itemLists = new PostingLists();
  /** By word number: the body sentences holding it, ids ascending (kept apart: they are many; sentenceMatch.ts). */
  private readonly sentenceLists = new PostingLists();
  /** By word number: the last item it was posted to (an item's words are posted once each). */
  private readonly lastItem: number[] = [];
  private readonly nameTokens = new Map<string, string[]>();
  private readonly foldCache = new Map<string, string>();
  private vocab: string[] = [];
  private vocabPending: string[] = [];
  readonly lazy = new LazyBuild(
    (live) => {
      this.addTextItems(live);
      for (const a of live.rec.annotations) this.addAnnotationItem(live, a);
    },
    () => this.pack(),
  );

  constructor(private readonly slots: Slots) {}

  /** Builds the items and the word index of every article not built yet. */
  ensure(): void {
    this.lazy.step(this.slots.bySlot, Infinity);
  }

  /** The item with this id, or undefined when it was dropped. */
  item(id: number): SearchItem | undefined {
    return this.table.get(id, this.slots.bySlot[this.table.alive(id) ? this.table.slotOf(id) : -1]?.rec);
  }

  /** The number of item ids given so far (dropped ones included). */
  get size(): number {
    return this.table.length;
  }

  /** True for a live body sentence (found without making its item). */
  isSentence(id: number): boolean {
    return this.table.isPassage(id);
  }

  /** A body sentence's length in characters. */
  sentenceLength(id: number): number {
    return this.table.spanLength(id);
  }

  /**
   * Packs the word lists once the ids posted since they were last packed are a quarter of them or more (after a
   * build, and as edits add up), so they stay small without packing on every edit.
   */
  private pack(): void {
    for (const lists of [this.itemLists, this.sentenceLists]) {
      if (lists.pending > 0 && lists.pending * 4 >= lists.packedCount) lists.freeze();
    }
  }

  /**
   * Search items of the article's text: headline, quotations, entities, body sentences (annotations:
   * addAnnotationItem). Their words come made ahead when the record has them (an analysis worker made them).
   */
  private addTextItems(live: LiveArticle): void {
    const { rec } = live;
    const pre = rec.searchTerms;
    rec.searchTerms = undefined; // taken now; the postings hold them from here
    const local = pre ? pre.words.split('\n').map((w) => this.termId(w)) : undefined;
    let at = 0;
    for (const { item, text, ref } of textItems(rec, live.slot)) {
      if (!pre) {
        this.add(live, item, text, undefined, ref);
        continue;
      }
      const n = pre.lists[at++]!;
      const ids: number[] = new Array<number>(n);
      for (let k = 0; k < n; k++) ids[k] = local![pre.lists[at++]!]!;
      this.add(live, item, undefined, ids, ref);
    }
  }

  /** Adds the article's annotations as items, when its items are built (else the build adds them). */
  attachAnnotations(live: LiveArticle): void {
    if (!this.lazy.covers(live.slot)) return;
    for (const a of live.rec.annotations) this.addAnnotationItem(live, a);
  }

  /** Drops the article's annotation items. */
  detachAnnotations(live: LiveArticle): void {
    live.itemIds = live.itemIds.filter((id) => {
      if (this.table.isAnnotation(id)) {
        this.kill(id);
        return false;
      }
      return true;
    });
  }

  /** Drops every item of a removed article. */
  detach(live: LiveArticle): void {
    for (const id of live.itemIds) this.kill(id);
    live.itemIds = [];
  }

  private addAnnotationItem(live: LiveArticle, a: IndexedAnnotation): void {
    this.add(live, {
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

  /**
   * `text`: the words to index when the item does not keep its text (body sentences); `termIds`: the numbers of the
   * words of its text, made ahead (textItemTerms), instead.
   */
  private add(live: LiveArticle, item: SearchItem, text = item.text, termIds?: readonly number[], ref = -1): void {
    const id = this.table.add(item, ref);
    this.liveItems++;
    live.itemIds.push(id);
    const lists = item.kind === 'passage' ? this.sentenceLists : this.itemLists;
    if (termIds) for (const t of termIds) this.post(lists, t, id);
    else if (text) for (const w of searchTokens(text)) this.post(lists, this.termId(w), id);
    if (item.note) for (const w of searchTokens(item.note)) this.post(lists, this.termId(w), id);
    // Names, speakers and tags repeat across the corpus: tokenise each once.
    for (const v of [item.speaker, item.name, ...(item.tags ?? [])]) {
      if (!v) continue;
      let toks = this.nameTokens.get(v);
      if (!toks) this.nameTokens.set(v, (toks = searchTokens(v)));
      for (const w of toks) this.post(lists, this.termId(w), id);
    }
  }

  /** The number of a search word (a new word gets the next one, and joins the vocabulary). */
  private termId(w: string): number {
    let t = this.termIds.get(w);
    if (t === undefined) {
      t = this.lastItem.length;
      this.termIds.set(w, t);
      this.itemLists.grow(t + 1);
      this.sentenceLists.grow(t + 1);
      this.lastItem.push(-1);
      this.vocabPending.push(w);
    }
    return t;
  }

  /** Posts item `id` to word `t`'s list, once. */
  private post(lists: PostingLists, t: number, id: number): void {
    if (this.lastItem[t] === id) return;
    this.lastItem[t] = id;
    lists.push(t, id);
  }

  /** The items (headlines, statements, names, annotations) holding the word, ids ascending. */
  itemsWith(term: string): IdList {
    const t = this.termIds.get(term);
    return t === undefined ? NONE : this.itemLists.get(t);
  }

  /** The body sentences holding the word, ids ascending. */
  sentencesWith(term: string): IdList {
    const t = this.termIds.get(term);
    return t === undefined ? NONE : this.sentenceLists.get(t);
  }

  private kill(id: number): void {
    if (!this.table.kill(id)) return;
    this.liveItems--;
    this.slots.deadPostings++;
  }

  private expansions = new Map<string, { term: string; weight: number }[]>();

  /** A query word's expansions (typoTolerance.ts) as last computed, while the vocabulary has not changed. */
  expansionCache(w: string): { term: string; weight: number }[] | undefined {
    if (this.vocabPending.length > 0) this.expansions.clear();
    return this.expansions.get(w);
  }

  rememberExpansion(w: string, out: { term: string; weight: number }[]): void {
    if (this.expansions.size > 5000) this.expansions.clear();
    this.expansions.set(w, out);
  }

  /** True when some item (or sentence) holds the word. */
  hasTerm(term: string): boolean {
    return this.termIds.has(term);
  }

  /** How many items and sentences hold the word. */
  df(term: string): number {
    return this.itemsWith(term).length + this.sentencesWith(term).length;
  }

  /** The search vocabulary, sorted (new words are merged in on demand). */
  sortedVocab(): string[] {
    if (this.vocabPending.length > 0) {
      const add = this.vocabPending.sort();
      this.vocabPending = [];
      this.vocab = this.vocab.length === 0 ? add : mergeSorted(this.vocab, add);
    }
    return this.vocab;
  }

  /** foldPhrase, memoised (names, speakers, publishers and tags repeat). */
  fold(s: string): string {
    let f = this.foldCache.get(s);
    if (f === undefined) {
      if (this.foldCache.size > 200_000) this.foldCache.clear();
      this.foldCache.set(s, (f = foldPhrase(s)));
    }
    return f;
  }
}

const NONE: IdList = [];

type TextItemSource = Pick<ArticleRecord, 'text' | 'title' | 'titleStart' | 'titleEnd' | 'passages' | 'quotes' | 'entities'>;

/**
 * The search items of an article's text, in the order they are added: its headline, statements (a mixed quote's
 * direct fragment is found through its statement), entities, and every sentence of its body paragraphs (a
 * paragraph without sentences as one); `text` is the text whose words index the item.
 */
export function* textItems(rec: TextItemSource, slot: number): Generator<{ item: SearchItem; text: string | undefined; ref: number }> {
  if (rec.title && rec.title.trim() !== '') {
    const start = rec.titleStart >= 0 ? rec.titleStart : 0;
    const end = rec.titleStart >= 0 ? rec.titleEnd : 0;
    yield { item: { slot, kind: 'headline', start, end, passage: Math.max(0, passageAt(rec.passages, start)), text: rec.title }, text: rec.title, ref: -1 };
  }
  for (let i = 0; i < rec.quotes.length; i++) {
    const q = rec.quotes[i]!;
    if (q.fragment) continue;
    const text = rec.text.slice(q.start, q.end);
    yield { item: { slot, kind: 'quote', start: q.start, end: q.end, said: q.said, passage: q.passage, text, ...(q.speaker ? { speaker: q.speaker } : {}) }, text, ref: i };
  }
  for (let i = 0; i < rec.entities.length; i++) {
    const e = rec.entities[i]!;
    yield { item: { slot, kind: 'entity', start: e.start, end: e.end, passage: Math.max(0, passageAt(rec.passages, e.start)), name: e.name, etype: e.type }, text: undefined, ref: i };
  }
  for (let passage = 0; passage < rec.passages.length; passage++) {
    const p = rec.passages[passage]!;
    if (p.kind !== 'paragraph') continue;
    const bounds = p.sentences.length >= 2 ? p.sentences : [p.start, p.end];
    for (let i = 0; i + 1 < bounds.length; i += 2) {
      const start = bounds[i]!;
      const end = bounds[i + 1]!;
      if (end > start) yield { item: { slot, kind: 'passage', start, end, passage }, text: rec.text.slice(start, end), ref: -1 };
    }
  }
}

/** The distinct search words of each text item of an article (see SearchTerms), made ahead of the index. */
export function textItemTerms(text: string, parts: RecordParts): SearchTerms {
  const index = new Map<string, number>();
  const words: string[] = [];
  /** By word number, the last item that listed it (an item lists each of its words once, in first-seen order). */
  const lastItem: number[] = [];
  const lists: number[] = [];
  let item = 0;
  for (const { text: t } of textItems({ text, ...parts }, 0)) {
    const countAt = lists.push(0) - 1;
    if (t) {
      for (const w of searchTokens(t)) {
        let i = index.get(w);
        if (i === undefined) {
          index.set(w, (i = words.length));
          words.push(w);
          lastItem.push(-1);
        }
        if (lastItem[i] === item) continue;
        lastItem[i] = item;
        lists.push(i);
      }
    }
    lists[countAt] = lists.length - countAt - 1;
    item++;
  }
  return { words: words.join('\n'), lists: Uint32Array.from(lists) };
}

/** The text an item stands for (a body sentence's is read from its article). */
export function itemText(slots: Slots, it: SearchItem): string {
  return it.text ?? (it.kind === 'passage' ? (slots.bySlot[it.slot]?.rec.text.slice(it.start, it.end) ?? '') : '');
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
