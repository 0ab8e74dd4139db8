/**
 * Highlights in articles (decorations.ts) and the Toggle Highlights command.
 */
import * as vscode from 'vscode';
import { config } from '../../config';
import { Commands } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { Decorations } from './decorations';

export function register(ctx: FeatureContext): void {
  const decorations = new Decorations({ catalog: ctx.catalog, annotations: (uri) => ctx.annotations.forArticle(uri), onDidChangeAnnotations: ctx.annotations.onDidChange });
  ctx.subscriptions.push(
    decorations,
    vscode.commands.registerCommand(Commands.toggleHighlights, async () => {
      const c = vscode.workspace.getConfiguration('newsAnnotator');
      await c.update('highlights.enabled', !config.highlights().enabled, vscode.ConfigurationTarget.Global);
    }),
  );
  ctx.probes.decorations = (uri) => decorations.snapshot(uri);
  ctx.probes.decorationDraws = (uri) => decorations.drawCount(uri);
  ctx.probes.firstHighlightAt = () => decorations.firstDraw;
}
