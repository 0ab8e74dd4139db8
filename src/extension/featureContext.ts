/**
 * What every feature is given: the extension context and the shared services. A feature is a function
 * `register…(ctx: FeatureContext)` that registers its providers/commands and pushes its disposables onto
 * `ctx.extension.subscriptions`; extension.ts calls them in order.
 */
import type * as vscode from 'vscode';
import type { ArticleCatalog } from './model/articleCatalog';
import type { AnnotationView, SidecarProblem } from './model/annotationView';
import type { CorpusEntities } from './model/corpusEntities';

/** The annotations of the workspace, as the editor layer sees them (implemented over the sidecar store). */
export interface AnnotationSource {
  /** Resolved annotations of an article (URI string), in document order; [] when none. */
  forArticle(uri: string): readonly AnnotationView[];
  /** Why the article's sidecar cannot be used (its annotations are then read-only), if it cannot. */
  problem(uri: string): SidecarProblem | undefined;
  /** Every tag in use across the workspace with its number of annotations, most used first. */
  tagCounts(): [tag: string, count: number][];
  /** Fires with the URI string of the article whose annotations changed. */
  readonly onDidChange: vscode.Event<string>;
}

export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly catalog: ArticleCatalog;
  readonly annotations: AnnotationSource;
  readonly entities: CorpusEntities;
}
