/**
 * The Articles view: every article with its metadata; under each, its quotes by speaker, its entities by type
 * and its annotations. Groupable by outlet, tag, speaker or entity; filterable by text.
 */
import * as vscode from 'vscode';
import type { EntityType, Quote } from '../../../core/analysis/types';
import type { GroupBy } from '../../config';
import type { ArticleEntry } from '../../model/articleCatalog';
import type { AnnotationView } from '../../model/annotationView';
import { fingerprint } from '../../../core/text/decode';
import { isStatement } from '../../editor/statements';
import { NodeTreeProvider } from '../../trees/treeBase';
import { ENTITY_TYPE_ICON, ENTITY_TYPE_LABEL, type TreeNode } from '../../trees/treeNodes';

export interface ArticlesSource {
  all(): ArticleEntry[];
  annotations(article: ArticleEntry): readonly AnnotationView[];
  /** The name a quote's speaker is shown by (the same everywhere), null when unattributed. */
  speakerName(quote: Quote): string | null;
  /** Articles whose analysis or annotations changed, and whether articles came or went; undefined: anything. */
  readonly onDidChange: vscode.Event<ArticlesChange>;
}

export type ArticlesChange = { readonly keys: readonly string[]; readonly listChanged: boolean } | undefined;

const UNATTRIBUTED = 'Unattributed';

export class ArticlesTreeProvider extends NodeTreeProvider {
  private groupBy: GroupBy;
  private filterText = '';
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly source: ArticlesSource,
    groupBy: GroupBy,
  ) {
    super();
    this.groupBy = groupBy;
    this.sub = source.onDidChange((e) => this.onChange(e));
  }

  /**
   * Articles added or removed, the grouping or the filter changed: the tree is rebuilt. One article's analysis or
   * annotations changed: only its nodes are redrawn (their children are read from the article when drawn), as long
   * as it stays in the same groups with the same counts and on the same side of the filter; else the tree is rebuilt
   * (its groups, their counts and order depend on every article).
   */
  private onChange(e: ArticlesChange): void {
    const keys = e?.keys;
    const nodes = keys && !e.listChanged && this.built ? this.nodesInPlace(keys) : undefined;
    if (nodes) this.refreshNodes(nodes);
    else this.refresh();
  }

  /** The nodes to redraw for these articles, or undefined when the tree must be rebuilt. */
  private nodesInPlace(keys: readonly string[]): TreeNode[] | undefined {
    this.getChildren();
    const nodes: TreeNode[] = [];
    for (const key of keys) {
      const placed = this.placed.get(key);
      if (!placed) {
        if (this.filterText && !this.filteredOut.has(key)) return undefined; // a new article, or one not built yet
        if (this.filterText && !this.matchesFilter(this.filteredOut.get(key)!)) continue; // still filtered out
        return undefined;
      }
      if (this.filterText && !this.matchesFilter(placed.article)) return undefined; // now filtered out
      if (this.groupBy === 'none') {
        const node = this.articleNodes().get(key);
        if (!node) return undefined;
        nodes.push(node);
        continue;
      }
      // Grouped by speaker, groups are named by the corpus-wide name of each speaker (one article can change another
      // article's group) and ordered by statements: rebuilt.
      if (this.groupBy === 'speaker') return undefined;
      const groups = this.groupKeys(placed.article);
      if (groups.length !== placed.groups.length || groups.some((g) => !placed.groups.includes(g))) return undefined;
      for (const label of groups) {
        const g = this.groups.get(label);
        if (!g) return undefined;
        for (const n of g.kids ?? []) if (n.kind === 'article' && n.article.key === key) nodes.push(n);
      }
    }
    return nodes;
  }

  /** Each article shown, with the groups it is in (grouped view), as last built; the ones the filter left out. */
  private placed = new Map<string, { readonly article: ArticleEntry; readonly groups: readonly string[] }>();
  private filteredOut = new Map<string, ArticleEntry>();
  /** The groups as last built: their node, articles, and article nodes once drawn (kept: redrawn in place). */
  private groups = new Map<string, { readonly node: TreeNode; readonly list: readonly ArticleEntry[]; kids?: TreeNode[] }>();

  private nodeIndex: Map<string, TreeNode> | undefined;
  private indexedRoots: TreeNode[] | undefined;

  /** The top-level article nodes by key (ungrouped view). */
  private articleNodes(): Map<string, TreeNode> {
    const roots = this.getChildren();
    if (this.indexedRoots !== roots || !this.nodeIndex) {
      this.indexedRoots = roots;
      this.nodeIndex = new Map(roots.filter((r) => r.kind === 'article').map((r) => [(r as { article: ArticleEntry }).article.key, r]));
    }
    return this.nodeIndex;
  }

  get filter(): string {
    return this.filterText;
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  setGroupBy(g: GroupBy): void {
    this.groupBy = g;
    this.refresh();
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.refresh();
  }

  override dispose(): void {
    this.sub.dispose();
    super.dispose();
  }

  /** How many articles the filter lets through. */
  filteredCount(): number {
    return this.source.all().filter((a) => this.matchesFilter(a)).length;
  }

  /** The node of an article at the top level (or in its first group), for `reveal`. */
  findArticleNode(key: string): TreeNode | undefined {
    const roots = this.getChildren();
    for (const r of roots) {
      if (r.kind === 'article' && r.article.key === key) return r;
      if (r.kind === 'group') {
        const hit = this.getChildren(r).find((c) => c.kind === 'article' && c.article.key === key);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private matchesFilter(a: ArticleEntry): boolean {
    if (!this.filterText) return true;
    const needle = this.filterText.toLowerCase();
    const m = a.metadata;
    const an = a.peekAnalysis();
    const hay = [
      a.relativePath,
      m?.title,
      m?.publisher,
      m?.author,
      m?.dateline,
      ...(an?.quotes.map((q) => `${q.speaker ?? ''} ${q.text}`) ?? []),
      ...(an?.entities.map((e) => e.name) ?? []),
      ...this.source.annotations(a).flatMap((an) => [...an.tags, an.note ?? '']),
    ];
    return hay.some((h) => h?.toLowerCase().includes(needle));
  }

  /** The label of the group of articles that have none of what the view is grouped by. */
  private get other(): string {
    return this.groupBy === 'outlet' ? 'Unknown outlet' : this.groupBy === 'tag' ? 'Untagged' : this.groupBy === 'speaker' ? 'No quotes' : 'No entities';
  }

  /** The groups an article is in (grouped view). */
  private groupKeys(a: ArticleEntry): string[] {
    let keys: string[] = [];
    if (this.groupBy === 'outlet') keys = a.metadata?.publisher ? [a.metadata.publisher] : [];
    else if (this.groupBy === 'tag') keys = [...new Set(this.source.annotations(a).flatMap((an) => an.tags))];
    else if (this.groupBy === 'speaker') keys = [...new Set((a.peekAnalysis()?.quotes ?? []).filter(isStatement).map((q) => this.source.speakerName(q) ?? UNATTRIBUTED))];
    else if (this.groupBy === 'entity') keys = [...new Set((a.peekAnalysis()?.entities ?? []).map((e) => e.name))];
    return keys.length === 0 ? [this.other] : keys;
  }

  /** Grouped by speaker, a group counts its statements (what a speaker said), then the articles they are in. */
  private statements(label: string, list: readonly ArticleEntry[]): number {
    return label === this.other ? 0 : list.reduce((n, a) => n + (a.peekAnalysis()?.quotes ?? []).filter((q) => isStatement(q) && (this.source.speakerName(q) ?? UNATTRIBUTED) === label).length, 0);
  }

  private describe(label: string, list: readonly ArticleEntry[]): string {
    const articles = `${list.length} article${list.length === 1 ? '' : 's'}`;
    if (this.groupBy !== 'speaker' || label === this.other) return articles;
    const n = this.statements(label, list);
    return `${n} statement${n === 1 ? '' : 's'} in ${articles}`;
  }

  protected buildRoots(): TreeNode[] {
    this.placed = new Map();
    this.filteredOut = new Map();
    this.groups = new Map();
    const articles: ArticleEntry[] = [];
    for (const a of this.source.all()) {
      if (this.matchesFilter(a)) articles.push(a);
      else this.filteredOut.set(a.key, a);
    }
    if (this.groupBy === 'none') {
      for (const a of articles) this.placed.set(a.key, { article: a, groups: [] });
      return articles.map((a) => this.articleNode(a, undefined));
    }
    const groups = new Map<string, ArticleEntry[]>();
    for (const a of articles) {
      const keys = this.groupKeys(a);
      this.placed.set(a.key, { article: a, groups: keys });
      for (const k of keys) {
        const list = groups.get(k) ?? [];
        if (!list.includes(a)) list.push(a);
        groups.set(k, list);
      }
    }
    const icon = { outlet: 'library', tag: 'tag', speaker: 'person', entity: 'symbol-class', none: 'folder' }[this.groupBy];
    const other = this.other;
    const weight = (label: string, list: readonly ArticleEntry[]) => (this.groupBy === 'speaker' ? this.statements(label, list) : list.length);
    return [...groups.entries()]
      .sort((x, y) => (x[0] === other ? 1 : y[0] === other ? -1 : weight(y[0], y[1]) - weight(x[0], x[1]) || x[0].localeCompare(y[0])))
      .map(([label, list]) => {
        const node: TreeNode = {
          kind: 'group',
          id: `group:${this.groupBy}:${label}`,
          parent: undefined,
          label,
          description: this.describe(label, list),
          icon,
          children: () => (g.kids ??= list.map((a) => this.articleNode(a, node))),
        };
        const g: { node: TreeNode; list: readonly ArticleEntry[]; kids?: TreeNode[] } = { node, list };
        this.groups.set(label, g);
        return node;
      });
  }

  private articleNode(a: ArticleEntry, parent: TreeNode | undefined): TreeNode {
    const id = `${parent ? parent.id + '/' : ''}article:${a.key}`;
    const node: TreeNode = { kind: 'article', id, parent, article: a, children: () => this.articleChildren(a, node) };
    return node;
  }

  private articleChildren(a: ArticleEntry, parent: TreeNode): TreeNode[] {
    const out: TreeNode[] = [];
    const an = a.analysis;
    const annotations = this.source.annotations(a);
    // Statements: direct quotations, reported speech and mixed quotes (a mixed quote's fragment not again).
    const statements = an ? an.quotes.filter(isStatement) : [];
    if (statements.length > 0) {
      const quotesNode: TreeNode = {
        kind: 'group',
        id: `${parent.id}/quotes`,
        parent,
        label: 'Statements',
        description: String(statements.length),
        icon: 'quote',
        children: () => quoteGroups(a, statements, annotations, quotesNode, (q) => this.source.speakerName(q)),
      };
      out.push(quotesNode);
    }
    if (an && an.entities.length > 0) {
      const entitiesNode: TreeNode = {
        kind: 'group',
        id: `${parent.id}/entities`,
        parent,
        label: 'Entities',
        description: String(an.entities.length),
        icon: 'symbol-class',
        children: () => entityGroups(a, entitiesNode),
      };
      out.push(entitiesNode);
    }
    if (annotations.length > 0) {
      const orphans = annotations.filter((x) => x.status === 'orphaned').length;
      const annNode: TreeNode = {
        kind: 'group',
        id: `${parent.id}/annotations`,
        parent,
        label: 'Annotations',
        description: `${annotations.length}${orphans ? ` (${orphans} orphaned)` : ''}`,
        icon: 'tag',
        children: () => [...annotations].sort((x, y) => x.start - y.start).map((x) => ({ kind: 'annotation' as const, id: `${annNode.id}/${x.id}`, parent: annNode, article: a, annotation: x })),
      };
      out.push(annNode);
    }
    return out;
  }
}

function quoteGroups(a: ArticleEntry, quotes: readonly Quote[], annotations: readonly AnnotationView[], parent: TreeNode, speakerName: (q: Quote) => string | null): TreeNode[] {
  const bySpeaker = new Map<string, Quote[]>();
  for (const q of quotes) {
    const k = speakerName(q) ?? UNATTRIBUTED;
    bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), q]);
  }
  return [...bySpeaker.entries()]
    .sort((x, y) => (x[0] === UNATTRIBUTED ? 1 : y[0] === UNATTRIBUTED ? -1 : y[1].length - x[1].length || x[0].localeCompare(y[0])))
    .map(([speaker, qs]) => {
      const node: TreeNode = {
        kind: 'group',
        id: `${parent.id}/speaker:${speaker}`,
        parent,
        label: speaker,
        description: String(qs.length),
        icon: speaker === UNATTRIBUTED ? 'question' : 'person',
        children: () => {
          const seen = new Map<string, number>();
          return qs.map((q) => {
            const n = (seen.get(q.text) ?? 0) + 1;
            seen.set(q.text, n);
            const annotation = annotations.find((x) => x.status !== 'orphaned' && x.start < q.end && x.end > q.start);
            return { kind: 'quote' as const, id: `${node.id}/q:${fingerprint(q.text)}:${n}`, parent: node, article: a, quote: q, annotation, speaker: speaker === UNATTRIBUTED ? null : speaker };
          });
        },
      };
      return node;
    });
}

function entityGroups(a: ArticleEntry, parent: TreeNode): TreeNode[] {
  const types: EntityType[] = ['person', 'organization', 'place'];
  const entities = a.analysis?.entities ?? [];
  return types
    .map((t) => ({ t, list: entities.filter((e) => e.type === t) }))
    .filter((g) => g.list.length > 0)
    .map(({ t, list }) => {
      const node: TreeNode = {
        kind: 'group',
        id: `${parent.id}/${t}`,
        parent,
        label: ENTITY_TYPE_LABEL[t],
        description: String(list.length),
        icon: ENTITY_TYPE_ICON[t],
        children: () =>
          [...list]
            .sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name))
            .map((e) => ({ kind: 'entity' as const, id: `${node.id}/${e.id}`, parent: node, article: a, entity: e })),
      };
      return node;
    });
}
