/**
 * The status-bar item of the active article: "$(tag) 3 annotations" (+ " · 1 orphaned" on a warning background);
 * hidden for other files; a click shows the Articles view. Also keeps the `newsAnnotator.hasOrphans` context key
 * (the active article has orphaned annotations) for the Re-attach menu item.
 */
import * as vscode from 'vscode';
import { ContextKeys, Views } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { plural } from '../../trees/treeBase';

export interface StatusSnapshot {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly warning: boolean;
}

export class AnnotationStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subs: vscode.Disposable[];
  private hasOrphans: boolean | undefined;
  private state: StatusSnapshot = { visible: false, text: '', tooltip: '', warning: false };

  constructor(private readonly ctx: Pick<FeatureContext, 'catalog' | 'annotations'>) {
    this.item = vscode.window.createStatusBarItem('newsAnnotator.annotations', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'News Annotator: Annotations';
    this.item.command = { command: `${Views.articles}.focus`, title: 'Show the Articles View' };
    this.subs = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      ctx.annotations.onDidChange(() => this.update()),
      ctx.catalog.onDidChange(() => this.update()),
    ];
    this.update();
  }

  get snapshot(): StatusSnapshot {
    return this.state;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.ctx.catalog.isArticleUri(doc.uri)) {
      this.state = { visible: false, text: '', tooltip: '', warning: false };
      this.item.hide();
      this.setHasOrphans(false);
      return;
    }
    const list = this.ctx.annotations.forArticle(doc.uri.toString());
    const orphaned = list.filter((a) => a.status === 'orphaned').length;
    const text = `$(tag) ${list.length === 0 ? 'No annotations' : plural(list.length, 'annotation')}${orphaned ? ` · ${orphaned} orphaned` : ''}`;
    const tags = [...new Set(list.flatMap((a) => a.tags))];
    const tooltip = [
      list.length === 0 ? 'No annotations in this article yet.' : `${plural(list.length, 'annotation')} in this article`,
      tags.length ? `Tags: ${tags.map((t) => `#${t}`).join(' ')}` : undefined,
      orphaned ? `${orphaned} orphaned: their text is no longer in the article. Select the new text and run Re-attach Annotation.` : undefined,
      'Click to show the Articles view.',
    ]
      .filter(Boolean)
      .join('\n');
    this.state = { visible: true, text, tooltip, warning: orphaned > 0 };
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = orphaned > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.setHasOrphans(orphaned > 0);
  }

  private setHasOrphans(value: boolean): void {
    if (this.hasOrphans === value) return;
    this.hasOrphans = value;
    void vscode.commands.executeCommand('setContext', ContextKeys.hasOrphans, value);
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
