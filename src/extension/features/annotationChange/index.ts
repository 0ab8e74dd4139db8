/**
 * "Show What Changed in the Annotated Passage": for an annotation re-attached fuzzily (the article's text changed
 * under it), a diff editor of the passage as annotated (left, from the sidecar) against the text it now sits on
 * (right). From the annotation's hover, its Articles/Tags tree item, or the palette (the annotation under the
 * cursor). Takes `{ uri, id }` for links and scripts.
 */
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { annotationFrom, isNode } from '../../editor/cursorTarget';
import { guard } from '../../editor/errors';
import type { FeatureContext } from '../../featureContext';

const SCHEME = 'news-annotator-change';

export function register(ctx: FeatureContext): void {
  // The two sides, by URI; kept while the diff may still be open (a handful of strings).
  const sides = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: (uri) => sides.get(uri.toString()) ?? '' };
  let n = 0;
  ctx.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(Commands.showAnnotationChange, (arg?: unknown) =>
      guard(async () => {
        const found = isNode(arg) ? await annotationFrom(ctx, arg) : (fromArgs(ctx, arg) ?? (await annotationFrom(ctx, undefined)));
        if (!found) {
          void vscode.window.showInformationMessage('Put the cursor in an annotated passage (or pick one in the Articles view) to see what changed in it.');
          return;
        }
        const { article, annotation } = found;
        const now = annotation.status === 'orphaned' ? '' : article.text.slice(annotation.start, annotation.end);
        const id = `${++n}`;
        const name = article.relativePath.split('/').pop() ?? 'article';
        const left = vscode.Uri.from({ scheme: SCHEME, path: `/${name} (as annotated).txt`, query: `${id}-a` });
        const right = vscode.Uri.from({ scheme: SCHEME, path: `/${name} (now).txt`, query: `${id}-b` });
        sides.set(left.toString(), annotation.quote + '\n');
        sides.set(right.toString(), now + '\n');
        const similarity = annotation.similarity === undefined ? '' : ` (${Math.round(annotation.similarity * 100)}% the same)`;
        await vscode.commands.executeCommand('vscode.diff', left, right, `${name}: annotated passage → now${similarity}`, { preview: true });
      }),
    ),
  );
}

function fromArgs(ctx: FeatureContext, arg: unknown): Awaited<ReturnType<typeof annotationFrom>> {
  const a = arg as { uri?: unknown; id?: unknown } | undefined;
  if (!a || typeof a.uri !== 'string' || typeof a.id !== 'string') return undefined;
  const article = ctx.catalog.get(a.uri);
  const annotation = article && ctx.annotations.forArticle(article.key).find((x) => x.id === a.id);
  return article && annotation ? { article, annotation } : undefined;
}
