/**
 * The tables behind related passages (other than the shingle table in Slots): entity postings, rarity and
 * names; quotations by speaker key and by speaker name; articles by tag. The tag table is kept from the start;
 * the others are built on first use (LazyBuild).
 */
import { foldPhrase } from '../search/query';
import { entityKey } from './record';
import { LazyBuild } from './lazyBuild';
import type { LiveArticle, Slots } from './slots';

export class RelatedTables {
  readonly entityPostings = new Map<string, number[]>();
  readonly entityDf = new Map<string, number>();
  readonly entityNames = new Map<string, string>();
  // Quotations, numbered across the corpus (for same-speaker and the entity filter).
  readonly quoteSlot: number[] = [];
  readonly quoteIdx: number[] = [];
  readonly speakerPostings = new Map<string, number[]>();
  readonly speakerNameQuotes = new Map<string, number[]>();
  readonly tagArticles = new Map<string, Set<number>>();
  readonly lazy = new LazyBuild((live) => this.post(live));

  constructor(private readonly slots: Slots) {}

  /** Builds every table not built yet. */
  ensure(): void {
    this.lazy.step(this.slots.bySlot, Infinity);
  }

  /** Entity postings, rarity and names; quotations by speaker. */
  private post(live: LiveArticle): void {
    const { rec, slot } = live;
    for (let i = 0; i < rec.passages.length; i++) {
      const u = live.firstUnit + i;
      for (const e of rec.passages[i]!.entities) {
        push(this.entityPostings, e, u);
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
      if (key) push(this.speakerPostings, key, gid);
      const name = rec.quotes[q]!.speaker;
      if (name) push(this.speakerNameQuotes, name, gid);
    }
  }

  /** Takes a removed article out of the entity rarity (postings of dead units are skipped where read). */
  unpost(live: LiveArticle): void {
    if (!this.lazy.covers(live.slot)) return;
    for (const p of live.rec.passages) {
      for (const e of p.entities) {
        const df = (this.entityDf.get(e) ?? 1) - 1;
        if (df <= 0) {
          this.entityDf.delete(e);
          this.entityNames.delete(e);
        } else this.entityDf.set(e, df);
      }
    }
  }

  /** The live article holding quotation `gid`, or undefined when it was removed or re-added since. */
  quoteArticle(gid: number): LiveArticle | undefined {
    const l = this.slots.bySlot[this.quoteSlot[gid]!];
    return l && gid >= l.firstQuote ? l : undefined;
  }

  attachTags(live: LiveArticle): void {
    for (const a of live.rec.annotations) {
      for (const t of a.tags) {
        const key = foldPhrase(t);
        let set = this.tagArticles.get(key);
        if (!set) this.tagArticles.set(key, (set = new Set()));
        set.add(live.slot);
      }
    }
  }

  detachTags(live: LiveArticle): void {
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
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(value);
}
