/**
 * Outline (document symbols), Go to Symbol in Workspace and Find All References for articles.
 *
 * Outline of an article: the headline, then "Quotes" (by speaker → quotes), "Entities" (by type → entities) and
 * "Annotations" (tags + excerpt). Workspace symbols: every entity (kind by type) and every speaker, at their first
 * mention / quote. References: the cursor on an entity mention → every mention of that entity in the workspace.
 */
import * as vscode from 'vscode';
import type { EntityType, Quote } from '../../../core/analysis/types';
import { NEWS_LANGUAGE_ID } from '../../constants';
import { isStatement, kindLabel, kindOf } from '../../editor/statements';
import type { FeatureContext } from '../../featureContext';
import type { ArticleEntry } from '../../model/articleCatalog';
import { ENTITY_TYPE_LABEL, articleTitle, excerpt } from '../../trees/treeNodes';
import { sortEntities } from './entitiesTree';
import { locationIn } from '../../editor/positions';
import { plural } from '../../trees/treeBase';

export const ARTICLE_SELECTOR: vscode.DocumentSelector = [
  { language: NEWS_LANGUAGE_ID },
  { language: 'plaintext' },
];

const TYPES: readonly EntityType[] = ['person', 'organization', 'place'];
const UNATTRIBUTED = 'Unattributed';

/** The symbol kind of each entity type (its icon in Outline, breadcrumbs and Go to Symbol). */
export const ENTITY_SYMBOL_KIND: Record<EntityType, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Namespace,
};
/** Speakers in Go to Symbol (a quote's icon, so they are told apart from the person entity of the same name). */
export const SPEAKER_SYMBOL_KIND = vscode.SymbolKind.String;

/**
 * The article's catalog entry, brought up to the document's current text: the same analysis (with the folder's
 * corrections) the highlights, hovers and trees show, never a second one of its own.
 */
async function articleFor(ctx: FeatureContext, doc: vscode.TextDocument): Promise<ArticleEntry | undefined> {
  if (!ctx.catalog.isArticleUri(doc.uri)) return undefined;
  return ctx.catalog.current(doc);
}

function nonEmpty(s: string, fallback: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : fallback;
}

/**
 * Registers the Outline provider, and registers it again when annotations change: VS Code caches an outline per
 * document version, and a change of annotations (or of another article) does not change the document's version.
 * A new registration drops that cache and makes Outline and breadcrumbs ask again.
 */
export class OutlineRegistration implements vscode.Disposable {
  private registration: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly provider: ArticleSymbolProvider;

  constructor(ctx: FeatureContext) {
    this.provider = new ArticleSymbolProvider(ctx);
    this.registration = this.register();
  }

  private register(): vscode.Disposable {
    return vscode.languages.registerDocumentSymbolProvider(ARTICLE_SELECTOR, this.provider, { label: 'News Article' });
  }

  /** Re-registers (debounced), so outlines are computed afresh. */
  invalidate(delayMs = 100): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.registration.dispose();
      this.registration = this.register();
    }, delayMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.registration.dispose();
  }
}

export class ArticleSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly ctx: FeatureContext) {}

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    const article = await articleFor(this.ctx, doc);
    if (!article?.analysis || token.isCancellationRequested) return undefined;
    // speakers are named by the corpus's entities: their first count runs in slices, not in one piece here
    await this.ctx.entities.whenCounted();
    if (token.isCancellationRequested) return undefined;
    const an = article.analysis;
    const range = (start: number, end: number) => new vscode.Range(doc.positionAt(start), doc.positionAt(Math.max(start, end)));
    const symbol = (name: string, detail: string, kind: vscode.SymbolKind, start: number, end: number, sel?: [number, number]) => {
      const full = range(start, end);
      const selection = sel ? range(sel[0], sel[1]) : full;
      return new vscode.DocumentSymbol(nonEmpty(name, '…'), detail, kind, full, full.contains(selection) ? selection : full);
    };
    /**
     * A group of symbols, spanning them. The top-level groups get a wider range at the end: each spans the whole
     * body (from the first of all their children to the end of the text), so that Outline's sort by position
     * keeps them in the order given (Quotes, Entities, Annotations), after the headline.
     */
    const group = (name: string, detail: string, kind: vscode.SymbolKind, children: vscode.DocumentSymbol[]) => {
      const full = children.map((c) => c.range).reduce((a, b) => a.union(b));
      const s = new vscode.DocumentSymbol(name, detail, kind, full, children[0]!.selectionRange);
      s.children = children;
      return s;
    };
    const out: vscode.DocumentSymbol[] = [];

    // The headline (or, for an article without one, its first line under the derived title).
    const m = an.metadata;
    const detail = [m.publisher, m.dateIso ?? m.date, m.author].filter(Boolean).join(' · ');
    if (m.titleSpan) {
      // From the top (masthead, furniture) to the end of the headline; the headline itself is the selection.
      out.push(symbol(m.title ?? articleTitle(article), detail, vscode.SymbolKind.File, 0, m.titleSpan.end, [m.titleSpan.start, m.titleSpan.end]));
    } else {
      const first = doc.lineAt(0).range;
      const s = new vscode.DocumentSymbol(nonEmpty(excerpt(m.title ?? articleTitle(article), 100), 'Article'), detail || 'no headline', vscode.SymbolKind.File, first, first);
      out.push(s);
    }

    // Statements by speaker (direct quotations, reported speech, mixed quotes; each marked with its kind).
    const statements = an.quotes.filter(isStatement);
    if (statements.length > 0) {
      const bySpeaker = new Map<string, Quote[]>();
      for (const q of statements) {
        const k = this.ctx.entities.speakerName(q) ?? UNATTRIBUTED;
        bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), q]);
      }
      const speakers = [...bySpeaker.entries()]
        .sort((x, y) => (x[0] === UNATTRIBUTED ? 1 : y[0] === UNATTRIBUTED ? -1 : x[1][0]!.start - y[1][0]!.start))
        .map(([speaker, qs]) =>
          group(
            speaker,
            plural(qs.length, 'statement'),
            speaker === UNATTRIBUTED ? vscode.SymbolKind.Null : ENTITY_SYMBOL_KIND.person,
            qs.map((q) => symbol(`“${excerpt(q.text, 60)}”`, [kindOf(q) === 'direct' ? '' : kindLabel(q), q.cue ?? ''].filter(Boolean).join(' · '), vscode.SymbolKind.String, q.start, q.end)),
          ),
        );
      out.push(group('Statements', String(statements.length), vscode.SymbolKind.Module, speakers));
    }

    // Entities by type, each at its first mention (Find All References lists the others).
    const types = TYPES.map((t) => ({ t, list: an.entities.filter((e) => e.type === t && e.mentions.length > 0) })).filter((g) => g.list.length > 0);
    if (types.length > 0) {
      const groups = types.map(({ t, list }) =>
        group(
          ENTITY_TYPE_LABEL[t],
          String(list.length),
          vscode.SymbolKind.Module,
          [...list]
            .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
            .map((e) => symbol(e.name, plural(e.mentions.length, 'mention'), ENTITY_SYMBOL_KIND[t], e.mentions[0]!.start, e.mentions[0]!.end)),
        ),
      );
      out.push(group('Entities', String(an.entities.length), vscode.SymbolKind.Module, groups));
    }

    // Annotations: tags (or "Note") and the annotated text.
    const annotations = [...this.ctx.annotations.forArticle(article.key)].sort((a, b) => a.start - b.start);
    if (annotations.length > 0) {
      const items = annotations.map((a) => {
        const name = a.tags.length > 0 ? a.tags.map((t) => `#${t}`).join(' ') : a.note ? 'Note' : 'Annotation';
        const state = a.status === 'orphaned' ? ' (orphaned)' : '';
        return symbol(name, `“${excerpt(a.quote, 60)}”${state}`, a.note ? vscode.SymbolKind.Event : vscode.SymbolKind.Key, a.start, a.end);
      });
      out.push(group('Annotations', String(annotations.length), vscode.SymbolKind.Module, items));
    }

    const groups = out.slice(1);
    if (groups.length > 0) {
      const inner = groups.flatMap((g) => g.children.map((c) => c.range)).reduce((a, b) => a.union(b));
      const body = new vscode.Range(inner.start, doc.lineAt(doc.lineCount - 1).range.end);
      for (const g of groups) g.range = body;
    }
    return out;
  }
}

/** Case-insensitive subsequence match ("isol" matches "Ingrid Solberg"). */
export function matchesQuery(name: string, query: string): boolean {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

const MAX_WORKSPACE_SYMBOLS = 1000;

export class EntityWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly ctx: FeatureContext) {}

  provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): vscode.SymbolInformation[] {
    const out: vscode.SymbolInformation[] = [];
    for (const e of sortEntities(this.ctx.entities.all())) {
      if (token.isCancellationRequested || out.length >= MAX_WORKSPACE_SYMBOLS) return out;
      if (!matchesQuery(e.name, query)) continue;
      const first = e.articles.find((x) => x.mentionCount > 0);
      if (!first) continue;
      const container = `${ENTITY_TYPE_LABEL[e.type]} · ${plural(e.articles.length, 'article')}`;
      out.push(new vscode.SymbolInformation(e.name, ENTITY_SYMBOL_KIND[e.type], container, locationIn(first.article, first.firstStart, first.firstEnd)));
    }
    // Speakers: the first quote of each, with how many quotes and articles.
    const speakers = new Map<string, { article: ArticleEntry; quote: Quote; quotes: number; articles: Set<string> }>();
    for (const article of this.ctx.catalog.all()) {
      for (const q of article.peekAnalysis()?.quotes ?? []) {
        const name = isStatement(q) ? this.ctx.entities.speakerName(q) : null;
        if (!name) continue;
        const s = speakers.get(name);
        if (s) {
          s.quotes++;
          s.articles.add(article.key);
        } else {
          speakers.set(name, { article, quote: q, quotes: 1, articles: new Set([article.key]) });
        }
      }
    }
    for (const [name, s] of [...speakers.entries()].sort((a, b) => b[1].quotes - a[1].quotes || a[0].localeCompare(b[0]))) {
      if (token.isCancellationRequested || out.length >= MAX_WORKSPACE_SYMBOLS) break;
      if (!matchesQuery(name, query)) continue;
      const container = `Speaker · ${plural(s.quotes, 'statement')} in ${plural(s.articles.size, 'article')}`;
      out.push(new vscode.SymbolInformation(name, SPEAKER_SYMBOL_KIND, container, locationIn(s.article, s.quote.start, s.quote.end)));
    }
    return out;
  }
}

export class EntityReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly ctx: FeatureContext) {}

  async provideReferences(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const article = await articleFor(this.ctx, doc);
    if (!article) return undefined;
    const hit = this.ctx.entities.mentionAt(article, doc.offsetAt(position));
    if (!hit) return undefined;
    // This document's mentions from the analysis of its current text; the other articles' from the corpus.
    const here = (article.analysis?.entities.find((e) => e.id === hit.entity.id)?.mentions ?? []).map(
      (m) => new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))),
    );
    const elsewhere = this.ctx.entities
      .mentions(hit.entity.id)
      .filter(({ article: a }) => a.key !== article.key)
      .map(({ article: a, mention }) => locationIn(a, mention.start, mention.end));
    return [...here, ...elsewhere];
  }
}
