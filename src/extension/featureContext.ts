/**
 * What every feature is given, and the one shape of a feature.
 *
 * A feature is a folder in src/extension/features whose index.ts exports `register(ctx: FeatureContext): void`.
 * It registers its commands, providers, views and listeners and pushes every disposable it creates onto
 * `ctx.subscriptions`. A feature whose state the integration tests read back (decorations, tree labels) fills
 * its entry of `ctx.probes`. Features never import each other (ESLint forbids it): what two features share lives
 * in src/extension/editor (editor helpers), src/extension/trees (tree nodes) or src/extension/model (services).
 */
import type * as vscode from 'vscode';
import type { NewsAnnotatorApi } from './api';
import type { AnalysisMemo } from './model/analysisMemo';
import type { AnalysisWorkers } from './model/analysisWorkers';
import type { AnnotationService } from './model/annotationService';
import type { ArticleCatalog } from './model/articleCatalog';
import type { CorpusEntities } from './model/corpusEntities';
import type { EntityCorrectionsService } from './model/entityCorrections';
import type { IndexService } from './model/indexService';
import type { Preferences } from './model/preferences';

/** The services of one activation (src/extension/model), built once by extension.ts. */
export interface Services {
  /** The folder's entity corrections (newsAnnotator.corrections file), applied by every analysis. */
  readonly corrections: EntityCorrectionsService;
  /** The analysis worker threads (every analysis runs there, off the extension host's thread). */
  readonly workers: AnalysisWorkers;
  /** Remembered analyses (global storage), so a reopen does not analyse unchanged articles again. */
  readonly memo: AnalysisMemo;
  /** The articles of the workspace, their text and analysis. */
  readonly catalog: ArticleCatalog;
  /** The sidecars: every article's annotations (the one owner of open sidecars is its SidecarStore). */
  readonly annotations: AnnotationService;
  /** Entities merged across the workspace (Entities view, hovers, references). */
  readonly entities: CorpusEntities;
  /** The core's CorpusIndex kept current (related passages, search). */
  readonly index: IndexService;
  /** What the user chose in views and dialogs, per workspace (VS Code's state, never the articles folder). */
  readonly preferences: Preferences;
}

/** The test API's entries that features provide (see api.ts). */
export type Probes = Partial<Pick<NewsAnnotatorApi, 'articlesTree' | 'articlesSelection' | 'articlesSelect' | 'articlesView' | 'entitiesTree' | 'tagsTree' | 'fileBadge' | 'statusBar' | 'decorations' | 'decorationDraws' | 'exportProposal' | 'noteSaveHint' | 'dashboard'>> & {
  /** performance.now() of the first highlight drawn, once drawn. */
  firstHighlightAt?: () => number | undefined;
  /** Whole rebuilds and single-node redraws of the Articles view, and of the Entities and Tags views. */
  articlesRefreshes?: () => { readonly whole: number; readonly nodes: number; readonly pending: boolean };
  surfacesRefreshes?: () => Record<'entities' | 'tags', { readonly whole: number; readonly nodes: number; readonly pending: boolean }>;
};

export interface FeatureContext extends Services {
  readonly extension: vscode.ExtensionContext;
  /** Where a feature pushes every disposable it creates (the extension context's subscriptions). */
  readonly subscriptions: vscode.Disposable[];
  /** State the integration tests read back through the API `activate()` returns. */
  readonly probes: Probes;
}

/** The one shape of a feature. */
export type Feature = (ctx: FeatureContext) => void;
