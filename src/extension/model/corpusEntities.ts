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

export class CorpusEntities implements vscode.Disposable {
  private cache: Map<string, CorpusEntity> | undefined;
  private readonly sub: vscode.Disposable;

  constructor(private readonly catalog: ArticleCatalog) {
    this.sub = catalog.onDidChange(() => {
      this.cache = undefined;
    });
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
    const acc = new Map<string, { id: string; name: string; articles: { article: ArticleEntry; entity: Entity }[]; mentionCount: number }>();
    for (const article of this.catalog.all()) {
      for (const entity of article.analysis?.entities ?? []) {
        let e = acc.get(entity.id);
        if (!e) {
          e = { id: entity.id, name: entity.name, articles: [], mentionCount: 0 };
          acc.set(entity.id, e);
        }
        if (entity.name.length > e.name.length) e.name = entity.name;
        e.articles.push({ article, entity });
        e.mentionCount += entity.mentions.length;
      }
    }
    const out = new Map<string, CorpusEntity>();
    for (const [id, e] of acc) {
      const { type, uncertain } = corpusEntityFacts(e.articles.map((x) => x.entity));
      out.set(id, { ...e, type, ...(uncertain ? { uncertain: true as const } : {}) });
    }
    this.cache = out;
    return out;
  }

  dispose(): void {
    this.sub.dispose();
  }
}
