/**
 * The Tags view: every tag in use with its number of annotations, most used first → the annotations that carry
 * it (article headline + quote excerpt; clicking opens the article at the annotation). Annotations without a tag
 * (notes only) are listed last under "Untagged". Annotation items keep the contextValue of the Articles view's,
 * so the same context menus (edit tags, add note, remove, re-attach) apply.
 */
import { ItemContext } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import type { ArticleEntry } from '../../model/articleCatalog';
import type { AnnotationView } from '../../model/annotationView';
import type { TreeNode } from '../../trees/treeNodes';
import { NodeTreeProvider, plural } from '../../trees/treeBase';

type Tagged = { readonly article: ArticleEntry; readonly annotation: AnnotationView };

export class TagsTreeProvider extends NodeTreeProvider {
  constructor(private readonly ctx: Pick<FeatureContext, 'catalog' | 'annotations'>) {
    super();
  }

  protected buildRoots(): TreeNode[] {
    // Annotations of every article, in article then document order.
    const all: Tagged[] = [];
    for (const article of this.ctx.catalog.all()) {
      const list = [...this.ctx.annotations.forArticle(article.key)].sort((a, b) => a.start - b.start);
      for (const annotation of list) all.push({ article, annotation });
    }
    const counts = [...this.ctx.annotations.tagCounts()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const roots: TreeNode[] = counts.map(([tag, count]) => {
      const node: TreeNode = {
        kind: 'group',
        id: `tags/tag:${tag}`,
        parent: undefined,
        label: tag,
        description: String(count),
        icon: 'tag',
        tooltip: `#${tag}: ${plural(count, 'annotation')}`,
        children: () => all.filter((x) => x.annotation.tags.includes(tag)).map((x) => this.annotationNode(x, node)),
      };
      return this.tweak(node, (item) => {
        item.contextValue = ItemContext.tag;
      });
    });
    const untagged = all.filter((x) => x.annotation.tags.length === 0);
    if (untagged.length > 0) {
      const node: TreeNode = {
        kind: 'group',
        id: 'tags/untagged',
        parent: undefined,
        label: 'Untagged',
        description: String(untagged.length),
        icon: 'note',
        tooltip: `${plural(untagged.length, 'annotation')} without a tag`,
        children: () => untagged.map((x) => this.annotationNode(x, node)),
      };
      roots.push(node);
    }
    return roots;
  }

  private annotationNode(x: Tagged, parent: TreeNode): TreeNode {
    return { kind: 'annotation', id: `${parent.id}/${x.article.key}#${x.annotation.id}`, parent, article: x.article, annotation: x.annotation, showArticle: true };
  }
}
