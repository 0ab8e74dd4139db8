/**
 * What the Entities and Tags views share: a TreeDataProvider over the shared TreeNode type (stable ids built
 * from the parent's, `getParent` for reveal), per-node item tweaks on top of `toTreeItem`, a debounced refresh
 * and a label snapshot like ArticlesTreeProvider.snapshot (for the integration tests).
 */
import * as vscode from 'vscode';
import { entityTooltip, toTreeItem, type TreeNode } from './treeNodes';

/** Changes a view makes to the item `toTreeItem` builds for one of its nodes. */
export type ItemTweak = (item: vscode.TreeItem) => void;

export abstract class NodeTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: TreeNode[] | undefined;
  private readonly tweaks = new WeakMap<TreeNode, ItemTweak>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** @param debounceMs delay before the view is told to redraw (the data is dropped at once). */
  constructor(private readonly debounceMs = 150) {}

  protected abstract buildRoots(): TreeNode[];

  /** Registers how a node's item differs from what `toTreeItem` makes of it. */
  protected tweak<N extends TreeNode>(node: N, fn: ItemTweak): N {
    this.tweaks.set(node, fn);
    return node;
  }

  /** True when the top level was built (and not dropped since). */
  protected get built(): boolean {
    return this.roots !== undefined;
  }

  private readonly dirtyNodes = new Set<TreeNode>();
  private whole = false;

  /** Rebuilds the whole tree (articles came or went, the grouping changed). */
  refresh(): void {
    this.roots = undefined;
    this.whole = true;
    this.schedule();
  }

  /**
   * Redraws these nodes and their subtrees only (one article's analysis changed; the nodes read it when drawn).
   * Counts `refreshes` for the tests.
   */
  protected refreshNodes(nodes: Iterable<TreeNode>): void {
    for (const n of nodes) this.dirtyNodes.add(n);
    this.schedule();
  }

  /** Whole-tree rebuilds and node redraws told to VS Code (for the tests: a single-article change is no rebuild). */
  private readonly counted = { whole: 0, nodes: 0 };

  /** The counts, and whether a redraw is waiting to be told (a test reads the counts once nothing is pending). */
  get refreshes(): { readonly whole: number; readonly nodes: number; readonly pending: boolean } {
    return { ...this.counted, pending: this.timer !== undefined };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.whole) {
        this.whole = false;
        this.dirtyNodes.clear();
        this.counted.whole++;
        this.emitter.fire(undefined);
        return;
      }
      for (const n of this.dirtyNodes) {
        this.counted.nodes++;
        this.emitter.fire(n);
      }
      this.dirtyNodes.clear();
    }, this.debounceMs);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = toTreeItem(node);
    this.tweaks.get(node)?.(item);
    return item;
  }

  /** Fills what is costly to make for every item when one is shown: a corpus-wide entity's tooltip (its forms). */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'entity' && item.tooltip === undefined) item.tooltip = entityTooltip(node.entity);
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      this.roots ??= this.buildRoots();
      return this.roots;
    }
    return 'children' in node && node.children ? node.children() : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Labels (and descriptions) of the tree down to `depth` levels, indented two spaces a level. */
  snapshot(depth = 2): string[] {
    const out: string[] = [];
    const walk = (nodes: TreeNode[], level: number) => {
      for (const n of nodes) {
        const item = this.getTreeItem(n);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        out.push(`${'  '.repeat(level)}${label}${item.description ? ` — ${String(item.description)}` : ''}`);
        if (level + 1 < depth) walk(this.getChildren(n), level + 1);
      }
    };
    walk(this.getChildren(), 0);
    return out;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
