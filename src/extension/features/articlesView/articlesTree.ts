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
   * Articles added or removed, a grouping or a filter in force: the tree is rebuilt. One article's analysis or
   * annotations changed in an ungrouped, unfiltered list: only its node is redrawn (its children are read from
   * the article when drawn).
   */
  private onChange(e: ArticlesChange): void {
    const keys = e?.keys;
    if (!keys || e.listChanged || this.groupBy !== 'none' || this.filterText || !this.built) {
      this.refresh();
      return;
    }
    const byKey = this.articleNodes();
    const nodes = keys.map((k) => byKey.get(k));
    if (nodes.some((n) => !n)) this.refresh();
    else this.refreshNodes(nodes as TreeNode[]);
  }

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
    const m = a.analysis?.metadata;
    const hay = [
      a.relativePath,
      m?.title,
      m?.publisher,
      m?.author,
      m?.dateline,
      ...(a.analysis?.quotes.map((q) => `${q.speaker ?? ''} ${q.text}`) ?? []),
      ...(a.analysis?.entities.map((e) => e.name) ?? []),
      ...this.source.annotations(a).flatMap((an) => [...an.tags, an.note ?? '']),
    ];
    return hay.some((h) => h?.toLowerCase().includes(needle));
  }

  protected buildRoots(): TreeNode[] {
    const articles = this.source.all().filter((a) => this.matchesFilter(a));
    if (this.groupBy === 'none') return articles.map((a) => this.articleNode(a, undefined));
    const groups = new Map<string, ArticleEntry[]>();
    const add = (g: string, a: ArticleEntry) => {
      const list = groups.get(g) ?? [];
      if (!list.includes(a)) list.push(a);
      groups.set(g, list);
    };
    const other = this.groupBy === 'outlet' ? 'Unknown outlet' : this.groupBy === 'tag' ? 'Untagged' : this.groupBy === 'speaker' ? 'No quotes' : 'No entities';
    for (const a of articles) {
      let keys: string[] = [];
      if (this.groupBy === 'outlet') keys = a.analysis?.metadata.publisher ? [a.analysis.metadata.publisher] : [];
      else if (this.groupBy === 'tag') keys = [...new Set(this.source.annotations(a).flatMap((an) => an.tags))];
      else if (this.groupBy === 'speaker') keys = [...new Set((a.analysis?.quotes ?? []).filter(isStatement).map((q) => this.source.speakerName(q) ?? UNATTRIBUTED))];
      else if (this.groupBy === 'entity') keys = [...new Set((a.analysis?.entities ?? []).map((e) => e.name))];
      if (keys.length === 0) keys = [other];
      for (const k of keys) add(k, a);
    }
    const icon = { outlet: 'library', tag: 'tag', speaker: 'person', entity: 'symbol-class', none: 'folder' }[this.groupBy];
    // Grouped by speaker, a group counts its statements (what a speaker said), then the articles they are in.
    const statements = (label: string, list: readonly ArticleEntry[]) =>
      label === other ? 0 : list.reduce((n, a) => n + (a.analysis?.quotes ?? []).filter((q) => isStatement(q) && (this.source.speakerName(q) ?? UNATTRIBUTED) === label).length, 0);
    const weight = (label: string, list: readonly ArticleEntry[]) => (this.groupBy === 'speaker' ? statements(label, list) : list.length);
    const describe = (label: string, list: readonly ArticleEntry[]) => {
      const articles = `${list.length} article${list.length === 1 ? '' : 's'}`;
      if (this.groupBy !== 'speaker' || label === other) return articles;
      const n = statements(label, list);
      return `${n} statement${n === 1 ? '' : 's'} in ${articles}`;
    };
    return [...groups.entries()]
      .sort((x, y) => (x[0] === other ? 1 : y[0] === other ? -1 : weight(y[0], y[1]) - weight(x[0], x[1]) || x[0].localeCompare(y[0])))
      .map(([label, list]) => {
        const node: TreeNode = {
          kind: 'group',
          id: `group:${this.groupBy}:${label}`,
          parent: undefined,
          label,
          description: describe(label, list),
          icon,
          children: () => list.map((a) => this.articleNode(a, node)),
        };
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
