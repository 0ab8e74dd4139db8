/**
 * Entities across the whole workspace: each entity id (stable across articles) with the articles that
 * mention it and every mention. Rebuilt lazily after the catalog changes.
 */
import * as vscode from 'vscode';
import type { Entity, EntityMention, EntityType } from '../../core/analysis/types';
import type { EntitySummary } from '../../core/cache/analysisRecord';
import { corpusEntityFacts } from '../../core/corpus/corpusEntity';
import { runInSlices, runToEnd, yieldToEventLoop } from '../../core/util/eventLoop';
import type { ArticleCatalog, ArticleEntry } from './articleCatalog';

/** The longest the entities are counted in one go before the host's other work gets a turn (ms). */
const SLICE_MS = 8;

export interface CorpusEntity {
  readonly id: string;
  /** The fullest name used across the corpus. */
  readonly name: string;
  /** The type most articles give it (ids carry no type: one entity may be typed otherwise in some article; corpusEntityFacts). */
  readonly type: EntityType;
  readonly articles: readonly ArticleEntityRef[];
  readonly mentionCount: number;
  /** Present (true) when the recogniser was unsure of the name in every article that names it. */
  readonly uncertain?: true;
}

/** A CorpusEntity as kept here: updated in place when one article changes. */
interface LiveEntity {
  readonly id: string;
  name: string;
  type: EntityType;
  uncertain?: true;
  articles: ArticleEntityRef[];
  mentionCount: number;
}

/**
 * An entity as one article names it: what the counts need (name, type, certainty, number of mentions), and the
 * article's Entity itself read from its analysis when asked for (analyses are kept packed: holding every article's
 * entities and mentions here kept tens of megabytes alive at 10,000 articles).
 */
export class ArticleEntityRef {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly uncertain: true | undefined;
  readonly mentionCount: number;
  /** Its first mention's span (-1, -1 for none). */
  readonly firstStart: number;
  readonly firstEnd: number;

  constructor(
    readonly article: ArticleEntry,
    s: EntitySummary,
    /** Its place in the article's entities when counted. */
    private readonly index: number,
  ) {
    this.id = s.id;
    this.name = s.name;
    this.type = s.type;
    this.uncertain = s.uncertain;
    this.mentionCount = s.mentionCount;
    this.firstStart = s.firstStart;
    this.firstEnd = s.firstEnd;
  }

  /** The article's Entity (its mentions), from its analysis now. */
  get entity(): Entity {
    const entities = this.article.peekAnalysis()?.entities ?? [];
    const at = entities[this.index];
    return (at?.id === this.id ? at : entities.find((e) => e.id === this.id)) ?? { id: this.id, name: this.name, type: this.type, mentions: [] };
  }
}

/**
 * Puts the last `n` articles of a list that is otherwise in order (by relative path) where they belong, as a
 * stable sort of the whole list would (after equal paths): a few binary searches, not a sort of an entity's
 * thousands of articles each time one article changes.
 */
function insertInOrder(articles: LiveEntity['articles'], n: number): void {
  if (n === 0) return;
  const tail = articles.splice(articles.length - n, n);
  tail.sort((x, y) => x.article.relativePath.localeCompare(y.article.relativePath));
  for (const item of tail) {
    const path = item.article.relativePath;
    let lo = 0;
    let hi = articles.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (articles[mid]!.article.relativePath.localeCompare(path) <= 0) lo = mid + 1;
      else hi = mid;
    }
    articles.splice(lo, 0, item);
  }
}

/** Sets the entity's type and uncertainty from the articles that name it now (the core's rule). */
function settle(e: LiveEntity): void {
  const { type, uncertain } = corpusEntityFacts(e.articles);
  e.type = type;
  if (uncertain) e.uncertain = true;
  else delete e.uncertain;
}

/** Counts one article's entities into `acc`; returns their ids. */
function addTo(acc: Map<string, LiveEntity>, article: ArticleEntry): string[] {
  const ids: string[] = [];
  const entities = article.entitySummaries();
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i]!;
    let e = acc.get(entity.id);
    if (!e) {
      e = { id: entity.id, name: entity.name, type: entity.type, articles: [], mentionCount: 0 };
      acc.set(entity.id, e);
    }
    if (entity.name.length > e.name.length) e.name = entity.name;
    e.articles.push(new ArticleEntityRef(article, entity, i));
    e.mentionCount += entity.mentionCount;
    ids.push(entity.id);
  }
  return ids;
}

/** What an article contributed when last counted: its entity ids, and the version of the analysis they came from. */
interface Contribution {
  readonly ids: readonly string[];
  readonly version: number;
}

/** A finished count: the entities, and what each article contributed. */
interface Counted {
  readonly acc: Map<string, LiveEntity>;
  readonly contributed: ReadonlyMap<string, Contribution>;
}

export class CorpusEntities implements vscode.Disposable {
  private cache: Map<string, LiveEntity> | undefined;
  /**
   * The entity ids each article contributed when last counted (to take them out again when it changes), and the
   * analysis they came from (an article whose analysis version is another one has changed).
   */
  private readonly contributed = new Map<string, Contribution>();
  private readonly sub: vscode.Disposable;
  private readonly emitter = new vscode.EventEmitter<{ readonly ids: readonly string[]; readonly structural: boolean }>();
  /**
   * Fires after the catalog changed: `structural` when entities appeared or disappeared (or everything was
   * recounted), else the ids whose articles or counts changed (their objects were updated in place).
   */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly catalog: ArticleCatalog) {
    this.sub = catalog.onDidChange((e) => {
      if (!this.cache) {
        this.emitter.fire({ ids: [], structural: true });
        return;
      }
      if (!e.listChanged) {
        this.emitter.fire(this.update(e.keys));
        return;
      }
      // Articles came or went (a scan's progress, a file created or deleted): the articles whose analysis is not
      // the one counted are counted again, not the whole corpus (a recount of 10,000 articles held the host ~0.7 s),
      // in slices; a reader meanwhile gets them counted at once.
      for (const key of this.changedSinceCount()) this.pending.add(key);
      void this.drain();
    });
  }

  /** Articles to count again (see drain). */
  private readonly pending = new Set<string>();
  private draining = false;

  /** Counts the pending articles again in slices of about SLICE_MS, then tells what changed (once). */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    const ids = new Set<string>();
    let structural = false;
    try {
      while (this.pending.size > 0 && this.cache) {
        const t0 = performance.now();
        const batch: string[] = [];
        for (const key of this.pending) {
          batch.push(key);
          if (batch.length >= 64) break;
        }
        for (const key of batch) this.pending.delete(key);
        const r = this.update(batch);
        for (const id of r.ids) ids.add(id);
        structural ||= r.structural;
        if (performance.now() - t0 < SLICE_MS && this.pending.size > 0) continue;
        await yieldToEventLoop();
      }
    } finally {
      this.draining = false;
    }
    if (ids.size > 0 || structural) this.emitter.fire({ ids: [...ids], structural });
  }

  /** The articles added, removed or re-analysed since they were counted. */
  private changedSinceCount(): string[] {
    const keys: string[] = [];
    const live = new Set<string>();
    for (const a of this.catalog.all()) {
      live.add(a.key);
      if (this.contributed.get(a.key)?.version !== a.analysisVersion) keys.push(a.key);
    }
    for (const key of this.contributed.keys()) if (!live.has(key)) keys.push(key);
    return keys;
  }

  /** Takes the changed articles' old entities out and puts their new ones in (no pass over the corpus). */
  private update(keys: readonly string[]): { ids: string[]; structural: boolean } {
    const acc = this.cache!;
    const touched = new Map<string, EntityType | undefined>();
    let structural = false;
    const changed = new Set(keys);
    for (const key of changed) {
      for (const id of this.contributed.get(key)?.ids ?? []) {
        const e = acc.get(id);
        if (!e) continue;
        if (!touched.has(id)) touched.set(id, e.type);
        e.articles = e.articles.filter((x) => x.article.key !== key);
      }
      this.contributed.delete(key);
    }
    /** How many articles each entity got at the end of its list here (its list is in order before them). */
    const appended = new Map<string, number>();
    for (const key of changed) {
      const article = this.catalog.get(key);
      if (!article) continue;
      for (const id of this.add(acc, article)) {
        if (!touched.has(id)) touched.set(id, acc.get(id)!.articles.length === 1 ? undefined : acc.get(id)!.type);
        appended.set(id, (appended.get(id) ?? 0) + 1);
      }
    }
    // Each entity touched is settled once, as a full count makes it: its articles in the catalog's order, the fullest
    // name (the first in that order), its mentions, its type and certainty.
    for (const [id, before] of touched) {
      const e = acc.get(id)!;
      if (e.articles.length === 0) {
        acc.delete(id);
        structural = true;
        continue;
      }
      insertInOrder(e.articles, appended.get(id) ?? 0);
      e.mentionCount = e.articles.reduce((n, x) => n + x.mentionCount, 0);
      e.name = e.articles.reduce((best, x) => (x.name.length > best.length ? x.name : best), '');
      settle(e);
      // A new entity, or one that moves to another group of the Entities view.
      if (before === undefined || e.type !== before) structural = true;
    }
    return { ids: [...touched.keys()], structural };
  }

  /** Counts one article's entities into `acc`; returns their ids. */
  private add(acc: Map<string, LiveEntity>, article: ArticleEntry): string[] {
    const ids = addTo(acc, article);
    this.contributed.set(article.key, { ids, version: article.analysisVersion });
    return ids;
  }

  all(): CorpusEntity[] {
    return [...this.map().values()];
  }

  get(id: string): CorpusEntity | undefined {
    return this.map().get(id);
  }

  /**
   * The name a quote's speaker is shown by everywhere (hovers, trees, Outline): the canonical name of the speaker's
   * entity across the workspace (the fullest form any article uses), the same as the name's own hover; the
   * analysis's speaker name when the speaker is not a recognised entity; null when unattributed.
   */
  speakerName(quote: { readonly speaker: string | null; readonly speakerId: string | null }): string | null {
    if (!quote.speakerId) return quote.speaker;
    return this.get(quote.speakerId)?.name ?? quote.speaker;
  }

  /** The entity mention at `offset` in an article, if any. */
  mentionAt(article: ArticleEntry, offset: number): { entity: Entity; mention: EntityMention } | undefined {
    for (const entity of article.analysis?.entities ?? []) {
      for (const mention of entity.mentions) if (offset >= mention.start && offset <= mention.end) return { entity, mention };
    }
    return undefined;
  }

  /** Every mention of an entity across the corpus, in article order then text order. */
  mentions(id: string): { article: ArticleEntry; mention: EntityMention }[] {
    const e = this.get(id);
    if (!e) return [];
    return e.articles.flatMap(({ article, entity }) => entity.mentions.map((mention) => ({ article, mention })));
  }

  /** The first count, in slices (see whenCounted). */
  private counting: Promise<void> | undefined;

  /**
   * Resolves once the corpus's entities are counted, counting them in slices of about SLICE_MS if they are not
   * yet: the first count of a 10,000-article folder held the host about 100 ms in one piece. Callers that may
   * wait (the Outline, trees) await this before their first read; a synchronous reader meanwhile counts the rest
   * at once, as before.
   */
  whenCounted(): Promise<void> {
    if (this.cache) return Promise.resolve();
    this.counting ??= this.countInSlices().finally(() => (this.counting = undefined));
    return this.counting;
  }

  private async countInSlices(): Promise<void> {
    const counted = await runInSlices(this.countSteps(), SLICE_MS);
    if (!counted || this.cache) return; // a synchronous reader counted everything meanwhile
    this.install(counted);
    // articles that changed while they were counted are counted again (drain, in slices)
    for (const key of this.changedSinceCount()) this.pending.add(key);
    if (this.pending.size > 0) void this.drain();
  }

  /**
   * The whole count as steps, one per article and one per entity settled (map() runs them at once, whenCounted in
   * slices); undefined when a count was installed meanwhile.
   */
  private *countSteps(): Generator<void, Counted | undefined> {
    const acc = new Map<string, LiveEntity>();
    const contributed = new Map<string, Contribution>();
    for (const article of [...this.catalog.all()]) {
      contributed.set(article.key, { ids: addTo(acc, article), version: article.analysisVersion });
      yield;
      if (this.cache) return undefined;
    }
    for (const e of acc.values()) {
      settle(e);
      yield;
      if (this.cache) return undefined;
    }
    return { acc, contributed };
  }

  private install({ acc, contributed }: Counted): Map<string, LiveEntity> {
    this.contributed.clear();
    for (const [k, v] of contributed) this.contributed.set(k, v);
    this.cache = acc;
    return acc;
  }

  private map(): Map<string, CorpusEntity> {
    if (this.cache && this.pending.size > 0) {
      const keys = [...this.pending];
      this.pending.clear();
      const r = this.update(keys);
      this.emitter.fire(r);
    }
    if (this.cache) return this.cache;
    this.pending.clear();
    // (no count is installed while the steps run at once, so they always finish)
    return this.install(runToEnd(this.countSteps())!);
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
