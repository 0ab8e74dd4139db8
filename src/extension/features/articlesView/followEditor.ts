/**
 * The Articles view follows the active editor, as the Explorer does: the active editor's article is revealed and
 * selected. A redraw of the view (an article re-analysed, a sidecar changed) can drop VS Code's selection of a
 * redrawn node, so after a redraw the article is selected again, but only while the view still follows the
 * editor: once the user selects something else in the view (another article's group, a statement, an entity),
 * that selection is theirs, and a redraw never replaces it. Opening another editor follows again.
 */
import * as vscode from 'vscode';
import type { TreeNode } from '../../trees/treeNodes';

export interface FollowState {
  /** True while the view's selection follows the active editor (false once the user selected something else). */
  readonly following: boolean;
  /** Times the active editor's article was selected again after a redraw. */
  readonly reselects: number;
  /** Redraws of the view seen. */
  readonly redraws: number;
}

export class EditorFollower implements vscode.Disposable {
  private following = true;
  private reselects = 0;
  private redraws = 0;
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly findArticleNode: (key: string) => TreeNode | undefined,
    onDidRedraw: vscode.Event<unknown>,
  ) {
    this.subs = [
      view.onDidChangeSelection((e) => {
        // A selection of the active editor's article (ours, or the user's) keeps following; anything else is the user's.
        // An empty selection (a redraw dropped it) says nothing about what the user wants.
        if (e.selection.length > 0) this.following = e.selection.some((n) => this.isActiveArticle(n));
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.following = true;
        this.reveal();
      }),
      onDidRedraw(() => {
        this.redraws++;
        if (!this.following || this.view.selection.some((n) => this.isActiveArticle(n))) return;
        this.reselects++;
        this.reveal();
      }),
    ];
  }

  get state(): FollowState {
    return { following: this.following, reselects: this.reselects, redraws: this.redraws };
  }

  /** Reveals and selects the active editor's article (without taking the keyboard focus). */
  reveal(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const node = doc && this.view.visible ? this.findArticleNode(doc.uri.toString()) : undefined;
    if (node) this.view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  }

  private isActiveArticle(n: TreeNode): boolean {
    return n.kind === 'article' && n.article.key === vscode.window.activeTextEditor?.document.uri.toString();
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
