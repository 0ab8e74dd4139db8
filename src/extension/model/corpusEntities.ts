/**
 * Entities across the whole workspace: each entity id (stable across articles) with the articles that
 * mention it and every mention. Rebuilt lazily after the catalog changes.
 */
import * as vscode from 'vscode';
import type { Entity, EntityMention, EntityType } from '../../core/analysis/types';
import { corpusEntityFacts } from '../../core/corpus/corpusEntity';
import type { ArticleCatalog, ArticleEntry } from './articleCatalog';

export interface CorpusEntity {
  readonly id: string;
  /** The fullest name used across the corpus. */
  readonly name: string;
  /** The type most articles give it (ids carry no type: one entity may be typed otherwise in some article; corpusEntityFacts). */
  readonly type: EntityType;
  readonly articles: readonly { readonly article: ArticleEntry; readonly entity: Entity }[];
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
  articles: { article: ArticleEntry; entity: Entity }[];
  mentionCount: number;
}

/** Sets the entity's type and uncertainty from the articles that name it now (the core's rule). */
function settle(e: LiveEntity): void {
  const { type, uncertain } = corpusEntityFacts(e.articles.map((x) => x.entity));
  e.type = type;
  if (uncertain) e.uncertain = true;
  else delete e.uncertain;
}

export class CorpusEntities implements vscode.Disposable {
  private cache: Map<string, LiveEntity> | undefined;
  /** The entity ids each article contributed when last counted (to take them out again when it changes). */
  private readonly contributed = new Map<string, readonly string[]>();
  private readonly sub: vscode.Disposable;
  private readonly emitter = new vscode.EventEmitter<{ readonly ids: readonly string[]; readonly structural: boolean }>();
  /**
   * Fires after the catalog changed: `structural` when entities appeared or disappeared (or everything was
   * recounted), else the ids whose articles or counts changed (their objects were updated in place).
   */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly catalog: ArticleCatalog) {
    this.sub = catalog.onDidChange((e) => {
      if (e.listChanged || !this.cache) {
        this.cache = undefined;
        this.emitter.fire({ ids: [], structural: true });
        return;
      }
      this.emitter.fire(this.update(e.keys));
    });
  }

  /** Takes the changed articles' old entities out and puts their new ones in (no pass over the corpus). */
  private update(keys: readonly string[]): { ids: string[]; structural: boolean } {
    const acc = this.cache!;
    const ids = new Set<string>();
    let structural = false;
    for (const key of keys) {
      for (const id of this.contributed.get(key) ?? []) {
        const e = acc.get(id);
        if (!e) continue;
        ids.add(id);
        e.articles = e.articles.filter((x) => x.article.key !== key);
        e.mentionCount = e.articles.reduce((n, x) => n + x.entity.mentions.length, 0);
        if (e.articles.length === 0) {
          acc.delete(id);
          structural = true;
        } else {
          e.name = e.articles.reduce((best, x) => (x.entity.name.length > best.length ? x.entity.name : best), '');
          settle(e);
        }
      }
      this.contributed.delete(key);
      const article = this.catalog.get(key);
      if (!article) continue;
      for (const id of this.add(acc, article)) {
        ids.add(id);
        const e = acc.get(id)!;
        if (e.articles.length === 1) structural = true;
        // Article order (the catalog's), as a full count gives it.
        e.articles.sort((x, y) => x.article.relativePath.localeCompare(y.article.relativePath));
        const type = e.type;
        settle(e);
        if (e.type !== type) structural = true; // it moves to another group of the Entities view
      }
    }
    return { ids: [...ids], structural };
  }

  /** Counts one article's entities into `acc`; returns their ids. */
  private add(acc: Map<string, LiveEntity>, article: ArticleEntry): string[] {
    const ids: string[] = [];
    for (const entity of article.analysis?.entities ?? []) {
      let e = acc.get(entity.id);
      if (!e) {
        e = { id: entity.id, name: entity.name, type: entity.type, articles: [], mentionCount: 0 };
        acc.set(entity.id, e);
      }
      if (entity.name.length > e.name.length) e.name = entity.name;
      e.articles.push({ article, entity });
      e.mentionCount += entity.mentions.length;
      ids.push(entity.id);
    }
    this.contributed.set(article.key, ids);
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

  private map(): Map<string, CorpusEntity> {
    if (this.cache) return this.cache;
    const acc = new Map<string, LiveEntity>();
    this.contributed.clear();
    for (const article of this.catalog.all()) this.add(acc, article);
    for (const e of acc.values()) settle(e);
    this.cache = acc;
    return acc;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
