/**
 * The Quote Dashboard (issue 16): who is quoted across the corpus, in charts and tables, one click from the
 * passages. Command `newsAnnotator.openDashboard` (palette, Articles view title and item menus, Tags view items);
 * the panel is restored after a window reload by a WebviewPanelSerializer.
 */
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { DASHBOARD_VIEW_TYPE, DashboardController, type DashboardSnapshot } from './panel';
import type { DashboardState, FromWebview } from './protocol';
import { scopeFromArg } from './scope';

export type { DashboardSnapshot };

/** What the test API exposes of the dashboard. */
export interface DashboardHandle {
  snapshot(): DashboardSnapshot;
  /** Handles a message as if the webview had sent it. */
  receive(message: FromWebview): Promise<void>;
  /** Answers the next confirmations instead of the modal dialog (tests). */
  setConfirm(answer: ((message: string, detail: string) => boolean) | undefined): void;
  csv(by: 'speaker' | 'outlet' | 'month'): string;
}

export function register(ctx: FeatureContext): void {
  const controller = new DashboardController(ctx, ctx.annotations);
  const defaultConfirm = controller.confirm;
  ctx.subscriptions.push(
    controller,
    vscode.commands.registerCommand(Commands.openDashboard, (arg?: unknown) => controller.open(scopeFromArg(arg))),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        controller.restore(panel, (state ?? undefined) as DashboardState | undefined);
      },
    }),
  );
  const handle: DashboardHandle = {
    snapshot: () => controller.snapshot(),
    receive: (m) => controller.receive(m),
    setConfirm: (answer) => {
      controller.confirm = answer ? async (m, d) => answer(m, d) : defaultConfirm;
    },
    csv: (by) => controller.csv(by),
  };
  ctx.probes.dashboard = () => handle;
}
