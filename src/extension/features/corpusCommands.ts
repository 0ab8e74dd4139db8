/**
 * Commands over the corpus index: Go to Related Passage (a quick pick of related passages in other articles
 * with their reasons, previewed as each is focused), Next/Previous Related (walk that chain), and Search (one
 * fuzzy search over headlines, quotes, speakers, entities, tags and notes, with `tag:` `speaker:` `outlet:`
 * `entity:` `type:` filters).
 */
import * as vscode from 'vscode';
import { RelatedWalk, type RelatedResult, type SearchResult } from '../../core/corpus';
import { Commands } from '../constants';
import type { FeatureContext } from '../featureContext';
import type { IndexService } from '../model/indexService';
import { articleTitle, excerpt } from '../views/treeNodes';
import { openArticleAt } from './articleCommands';

const REASON_ICON: Record<string, string> = { 'same-quote': '$(quote)', 'same-speaker': '$(person)', 'shared-entities': '$(symbol-class)', 'same-tag': '$(tag)' };

interface ResultItem extends vscode.QuickPickItem {
  readonly result?: { path: string; start: number; end: number };
}

export function registerCorpusCommands(ctx: FeatureContext, indexService: IndexService): vscode.Disposable[] {
  let walk: RelatedWalk | undefined;
  const titleOf = (path: string) => {
    const a = ctx.catalog.get(path);
    return a ? articleTitle(a) : path;
  };

  const relatedItems = (results: readonly RelatedResult[]): ResultItem[] =>
    results.map((r) => ({
      label: `${r.reasons.map((x) => REASON_ICON[x.kind] ?? '').join('')} ${excerpt(r.text, 110)}`,
      description: titleOf(r.path),
      detail: r.reasons.map((x) => x.detail).join(' · '),
      result: r,
    }));

  const goTo = async (stop: { path: string; start: number; end: number }, preview = false) =>
    openArticleAt(stop.path, stop.start, stop.end, { preview, preserveFocus: preview });

  return [
    vscode.commands.registerCommand(Commands.goToRelated, async (args?: { pick?: number }) => {
      const editor = vscode.window.activeTextEditor;
      const article = editor && ctx.catalog.get(editor.document.uri);
      if (!editor || !article) {
        void vscode.window.showInformationMessage('Open an article and put the cursor in a passage or quotation.');
        return;
      }
      ctx.catalog.updateFromDocument(editor.document);
      const index = await indexService.ready();
      const offset = editor.document.offsetAt(editor.selection.active);
      const source = index.has(article.key) ? index.sourceAt(article.key, offset) : undefined;
      if (!source) {
        void vscode.window.showInformationMessage('No passage here to find related passages for.');
        return;
      }
      const results = index.relatedTo(source, { limit: 30, otherArticlesOnly: true });
      if (results.length === 0) {
        void vscode.window.showInformationMessage(`No related passages in other articles for “${excerpt(source.text, 60)}”.`);
        return;
      }
      walk = new RelatedWalk(source, results);
      if (typeof args?.pick === 'number') {
        const r = results[Math.max(0, Math.min(results.length - 1, args.pick))]!;
        walk.goTo(results.indexOf(r) + 1);
        await goTo(r);
        return;
      }
      const origin = { path: article.key, selection: editor.selection };
      const qp = vscode.window.createQuickPick<ResultItem>();
      qp.title = `Related to ${source.kind === 'quote' ? `“${excerpt(source.text, 60)}”${source.speaker ? ` (${source.speaker})` : ''}` : 'this passage'}`;
      qp.placeholder = 'Same quotation reported elsewhere, same speaker, shared people and places, same tags';
      qp.matchOnDescription = true;
      qp.matchOnDetail = true;
      qp.items = relatedItems(results);
      let accepted = false;
      qp.onDidChangeActive((items) => {
        const r = items[0]?.result;
        if (r) void goTo(r, true);
      });
      qp.onDidAccept(() => {
        const r = qp.selectedItems[0]?.result;
        accepted = true;
        qp.hide();
        if (r) {
          walk?.goTo(results.findIndex((x) => x === r) + 1);
          void goTo(r);
        }
      });
      qp.onDidHide(() => {
        qp.dispose();
        if (!accepted) void openArticleAt(origin.path).then((ed) => (ed.selection = origin.selection));
      });
      qp.show();
    }),
    vscode.commands.registerCommand(Commands.nextRelated, async () => {
      if (!walk || walk.length <= 1) {
        void vscode.window.showInformationMessage('Run Go to Related Passage first.');
        return;
      }
      await goTo(walk.next());
      vscode.window.setStatusBarMessage(`News Annotator: related passage ${walk.index} of ${walk.length - 1}`, 3000);
    }),
    vscode.commands.registerCommand(Commands.previousRelated, async () => {
      if (!walk || walk.length <= 1) {
        void vscode.window.showInformationMessage('Run Go to Related Passage first.');
        return;
      }
      await goTo(walk.previous());
      vscode.window.setStatusBarMessage(`News Annotator: related passage ${walk.index} of ${walk.length - 1}`, 3000);
    }),
    vscode.commands.registerCommand(Commands.search, async (args?: { query?: string; pick?: number }) => {
      const index = await indexService.ready();
      const toItems = (results: readonly SearchResult[]): ResultItem[] =>
        results.map((r) => ({
          label: `${kindIcon(r.kind)} ${excerpt(r.text, 110)}`,
          description: titleOf(r.path),
          detail: r.detail || undefined,
          alwaysShow: true, // our fuzzy ranking decides; the quick pick's own filter must not hide results
          result: r,
        }));
      if (typeof args?.query === 'string') {
        const results = index.search(args.query, { limit: 50 });
        const r = results[args.pick ?? 0];
        if (r) await goTo(r);
        return results.length;
      }
      const qp = vscode.window.createQuickPick<ResultItem>();
      qp.title = 'News Annotator: Search';
      qp.placeholder = 'Search headlines, quotes, speakers, entities, tags, notes — filters: tag: speaker: outlet: entity: type:';
      let timer: ReturnType<typeof setTimeout> | undefined;
      qp.onDidChangeValue((value) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            const results = value.trim() ? index.search(value, { limit: 50 }) : [];
            qp.items = results.length > 0 || !value.trim() ? toItems(results) : [{ label: '$(info) No matches. Filters: tag: speaker: outlet: entity: type: (quote, headline, entity, tag, note)', alwaysShow: true }];
          } catch (err) {
            // A malformed filter (e.g. `type:` with an unknown type): say why in place of results.
            qp.items = [{ label: `$(error) ${err instanceof Error ? err.message : String(err)}`, alwaysShow: true }];
          }
        }, 80);
      });
      qp.onDidAccept(() => {
        const r = qp.selectedItems[0]?.result;
        qp.hide();
        if (r) void goTo(r);
      });
      qp.onDidHide(() => qp.dispose());
      qp.show();
      return undefined;
    }),
  ];
}

function kindIcon(kind: SearchResult['kind']): string {
  return { headline: '$(note)', quote: '$(quote)', speaker: '$(person)', entity: '$(symbol-class)', tag: '$(tag)', note: '$(comment)' }[kind];
}
