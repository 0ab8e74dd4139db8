/**
 * The Entities view: People / Organisations / Places (with counts) → each entity across the corpus (canonical
 * name, "N articles · M mentions") → the articles that mention it → each mention (its line, the name highlighted;
 * clicking opens the article there).
 */
import type { Entity, EntityType } from '../../../core/analysis/types';
import { Commands } from '../../constants';
import type { ArticleEntry } from '../../model/articleCatalog';
import type { ArticleEntityRef, CorpusEntities, CorpusEntity } from '../../model/corpusEntities';
import { ENTITY_TYPE_ICON, ENTITY_TYPE_LABEL, UNCERTAIN_LABEL, articleTitle, type TreeNode } from '../../trees/treeNodes';
import { lineAround, positionIn } from '../../editor/positions';
import { NodeTreeProvider, plural } from '../../trees/treeBase';

const TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export class EntitiesTreeProvider extends NodeTreeProvider {
  constructor(private readonly entities: CorpusEntities) {
    super();
  }

  protected buildRoots(): TreeNode[] {
    const all = this.entities.all();
    return TYPES.map((t) => ({ t, list: all.filter((e) => e.type === t) }))
      .filter((g) => g.list.length > 0)
      .map(({ t, list }) => {
        const node: TreeNode = {
          kind: 'group',
          id: `entities/${t}`,
          parent: undefined,
          label: ENTITY_TYPE_LABEL[t],
          description: String(list.length),
          icon: ENTITY_TYPE_ICON[t],
          tooltip: `${list.length} ${ENTITY_TYPE_LABEL[t].toLowerCase()} named in the workspace's articles`,
          children: () => sortEntities(list).map((e) => this.entityNode(e, node)),
        };
        return node;
      });
  }

  private readonly entityNodes = new Map<string, TreeNode>();

  /** One article changed: redraws the entities it named or names now (their objects were updated in place). */
  refreshEntities(ids: readonly string[]): void {
    const nodes = ids.map((id) => this.entityNodes.get(id)).filter((n): n is TreeNode => n !== undefined);
    if (nodes.length > 0) this.refreshNodes(nodes);
  }

  override refresh(): void {
    this.entityNodes.clear();
    super.refresh();
  }

  private entityNode(e: CorpusEntity, parent: TreeNode): TreeNode {
    // A corpus-wide Entity: every mention of every article, so the tooltip lists all the forms used. Read from
    // the live CorpusEntity when drawn, so a redraw of this node alone shows one article's change.
    const merged: Entity = {
      id: e.id,
      get type() {
        return e.type;
      },
      get name() {
        return e.name;
      },
      get mentions() {
        return e.articles.flatMap((x) => x.entity.mentions);
      },
      get uncertain() {
        return e.uncertain;
      },
    };
    const node: TreeNode = {
      kind: 'entity',
      id: `${parent.id}/${e.id}`,
      parent,
      article: undefined,
      entity: merged,
      label: e.name,
      children: () => e.articles.map((ref) => this.articleNode(ref, node)),
    };
    this.entityNodes.set(e.id, node);
    return this.tweak(node, (item) => {
      item.label = e.name;
      item.description = `${e.uncertain ? `${UNCERTAIN_LABEL} · ` : ''}${plural(e.articles.length, 'article')} · ${plural(e.mentionCount, 'mention')}`;
    });
  }

  /** An article under a corpus entity: counts and first mention from the count; the mentions read when expanded. */
  private articleNode(ref: ArticleEntityRef, parent: TreeNode): TreeNode {
    const { article } = ref;
    const node: TreeNode = {
      kind: 'article',
      id: `${parent.id}/article:${article.key}`,
      parent,
      article,
      children: () => ref.entity.mentions.map((m, i) => this.mentionNode(article, m.start, m.end, i, node)),
    };
    return this.tweak(node, (item) => {
      item.description = plural(ref.mentionCount, 'mention');
      if (ref.firstStart >= 0) item.command = { command: Commands.openArticle, title: 'Open', arguments: [article.key, ref.firstStart, ref.firstEnd] };
    });
  }

  private mentionNode(article: ArticleEntry, start: number, end: number, index: number, parent: TreeNode): TreeNode {
    const around = lineAround(article.text, start, end);
    const node: TreeNode = {
      kind: 'mention',
      id: `${parent.id}/m:${index}`,
      parent,
      article,
      start,
      end,
      label: around.text,
      description: `line ${positionIn(article, start).line + 1}`,
    };
    return this.tweak(node, (item) => {
      item.label = { label: around.text, highlights: [around.highlight] };
      item.tooltip = `${articleTitle(article)}\n${article.relativePath}:${positionIn(article, start).line + 1}`;
    });
  }
}

export function sortEntities(list: readonly CorpusEntity[]): CorpusEntity[] {
  return [...list].sort((x, y) => y.articles.length - x.articles.length || y.mentionCount - x.mentionCount || x.name.localeCompare(y.name));
}
