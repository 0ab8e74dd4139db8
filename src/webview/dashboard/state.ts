/** The webview's side of VS Code: its saved state (kept when hidden and across reloads) and messages out. */
import type { DashboardState, FromWebview } from '../../extension/features/dashboard/protocol';
import type { StatementSelection } from '../../core/tally/types';
import type { SortState } from './tables';

interface VsCodeApi {
  postMessage(msg: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface UiState extends DashboardState {
  /** Each table's sort order. */
  readonly sorts?: Record<string, SortState>;
}

const vscode = acquireVsCodeApi();
let ui: UiState = (vscode.getState() as UiState | undefined) ?? {};

export function uiState(): UiState {
  return ui;
}

export function save(patch: Partial<UiState>): void {
  ui = { ...ui, ...patch };
  vscode.setState(ui);
}

export function post(msg: FromWebview): void {
  vscode.postMessage(msg);
}

/** Asks for the statements behind a bar, cell, point or row. */
export function select(selection: StatementSelection, label: string): void {
  post({ type: 'select', selection, label });
}
