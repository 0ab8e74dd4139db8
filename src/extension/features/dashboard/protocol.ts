/**
 * The messages between the Quote Dashboard's webview (src/webview/dashboard) and the extension. Types only:
 * the webview bundle imports this file for its types and nothing else.
 */
import type { StatementKind, StatementSelection, TallyBy, TallyFilters, TallyResult } from '../../../core/tally/types';

/** A scope the dashboard can show: the whole workspace, a folder, an outlet, a tag, an article, or a set of articles. */
export interface ScopeRef {
  readonly kind: 'workspace' | 'folder' | 'outlet' | 'tag' | 'article' | 'articles';
  /** Folder or article URI, outlet name, tag; for `articles`, the article URIs joined by newlines. */
  readonly value?: string;
  readonly label: string;
}

/** What the webview keeps with getState/setState, and what the serializer restores after a reload. */
export interface DashboardState {
  readonly scope?: ScopeRef;
  readonly filters?: TallyFilters;
  readonly selection?: StatementSelection;
  readonly selectionLabel?: string;
  readonly gender?: boolean;
}

export interface DashboardData {
  readonly type: 'data';
  /** Increases with every data message (the webview echoes it when painted). */
  readonly seq: number;
  readonly scope: ScopeRef;
  /** Scopes offered in the scope picker (the current one included). */
  readonly scopes: readonly ScopeRef[];
  readonly filters: TallyFilters;
  /** Outlets and the date range of the articles in scope, for the filter controls. */
  readonly outlets: readonly string[];
  readonly minDate: string | null;
  readonly maxDate: string | null;
  /** Articles in the scope before filters, and in the whole workspace. */
  readonly scopeArticles: number;
  readonly workspaceArticles: number;
  /** The tally, its speaker rows cut to `MAX_ROWS` (speakerCount says how many there are). */
  readonly tally: TallyResult;
  readonly speakerCount: number;
  readonly readOnly: boolean;
  readonly gender: boolean;
  /** Still reading or analysing the workspace. */
  readonly loading: boolean;
}

export interface StatementItem {
  readonly uri: string;
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: StatementKind;
  readonly speaker: string | null;
  readonly title: string;
  readonly outlet: string | null;
  readonly date: string | null;
}

export interface StatementsMessage {
  readonly type: 'statements';
  readonly selection: StatementSelection;
  readonly label: string;
  readonly total: number;
  readonly items: readonly StatementItem[];
}

export type ToWebview = DashboardData | StatementsMessage | { readonly type: 'exported'; readonly path: string } | { readonly type: 'selectionCleared' };

export type FromWebview =
  | { readonly type: 'ready'; readonly state?: DashboardState }
  | { readonly type: 'setFilters'; readonly filters: TallyFilters }
  | { readonly type: 'setScope'; readonly scope: ScopeRef }
  | { readonly type: 'setGender'; readonly on: boolean }
  | { readonly type: 'select'; readonly selection: StatementSelection; readonly label: string }
  | { readonly type: 'open'; readonly uri: string; readonly start: number; readonly end: number }
  | { readonly type: 'tagAll'; readonly tags?: readonly string[] }
  | { readonly type: 'exportCsv'; readonly by: TallyBy }
  | { readonly type: 'exportImage'; readonly format: 'svg' | 'png'; readonly name: string; readonly data: string }
  | { readonly type: 'painted'; readonly seq: number; readonly ms: number };

/** Speaker rows sent to the webview (the CSV export and the CLI list them all). */
export const MAX_ROWS = 200;
/** Statements listed under a selection (the count says how many there are). */
export const MAX_STATEMENTS = 500;
