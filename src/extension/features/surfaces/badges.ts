/**
 * Explorer badges: an annotated article shows its number of annotations ("3", "9+") with a tooltip; when any of
 * them is orphaned the badge takes a warning colour.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../../featureContext';
import type { AnnotationView } from '../../model/annotationView';
import { plural } from '../../trees/treeBase';

export interface BadgeInfo {
  readonly badge: string;
  readonly tooltip: string;
  readonly orphaned: number;
}

/** The badge of an article with these annotations (undefined when it has none). */
export function badgeFor(annotations: readonly AnnotationView[]): BadgeInfo | undefined {
  const n = annotations.length;
  if (n === 0) return undefined;
  const orphaned = annotations.filter((a) => a.status === 'orphaned').length;
  const badge = n > 9 ? '9+' : String(n);
  const tooltip = `${plural(n, 'annotation')}${orphaned ? ` (${orphaned} orphaned)` : ''}`;
  return { badge, tooltip, orphaned };
}

export class AnnotationBadges implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  private readonly subs: vscode.Disposable[];

  constructor(private readonly ctx: Pick<FeatureContext, 'catalog' | 'annotations'>) {
    this.subs = [
      this.emitter,
      ctx.annotations.onDidChange((uri) => this.emitter.fire(uri ? vscode.Uri.parse(uri) : undefined)),
      ctx.catalog.onDidChange((e) => {
        if (e.listChanged) this.emitter.fire(undefined);
      }),
    ];
  }

  info(uri: vscode.Uri | string): BadgeInfo | undefined {
    const key = typeof uri === 'string' ? uri : uri.toString();
    if (!this.ctx.catalog.get(key)) return undefined;
    return badgeFor(this.ctx.annotations.forArticle(key));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const info = this.info(uri);
    if (!info) return undefined;
    const d = new vscode.FileDecoration(info.badge, `News Annotator: ${info.tooltip}`, info.orphaned ? new vscode.ThemeColor('list.warningForeground') : undefined);
    d.propagate = false;
    return d;
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
