/**
 * Commands over the corpus index: Go to Related Passage (a quick pick of related passages in other articles
 * with their reasons, previewed as each is focused), Next/Previous Related (walk that chain), and Search (one
 * fuzzy search over every word of the articles, headlines, quotes, speakers, entities, tags and notes, with `tag:` `speaker:` `outlet:`
 * `entity:` `type:` filters), and Reindex (rescan the folder, reload sidecars, rebuild the index).
 */
import * as vscode from 'vscode';
import { RelatedWalk, type RelatedReasonKind, type RelatedResult, type SearchResult } from '../../../core/corpus';
import { Commands } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { articleTitle, excerpt } from '../../trees/treeNodes';
import { placeCursor } from '../../editor/cursorTarget';
import { openArticleAt } from '../../editor/openArticle';

const REASON_ICON: Record<RelatedReasonKind, string> = {
  'same-quote': '$(quote)',
  'same-statement': '$(comment-discussion)',
  'same-speaker': '$(person)',
  'shared-entities': '$(symbol-class)',
  'same-tag': '$(tag)',
};

interface ResultItem extends vscode.QuickPickItem {
  readonly result?: { path: string; start: number; end: number };
}

export function register(ctx: FeatureContext): void {
  let walk: RelatedWalk | undefined;
  const titleOf = (path: string) => {
    const a = ctx.catalog.get(path);
    return a ? articleTitle(a) : path;
  };

  const relatedItems = (results: readonly RelatedResult[]): ResultItem[] =>
    results.map((r) => ({
      label: `${r.reasons.map((x) => REASON_ICON[x.kind]).join('')} ${excerpt(r.text, 110)}`,
      description: titleOf(r.path),
      detail: r.reasons.map((x) => x.detail).join(' · '),
      result: r,
    }));

  const goTo = async (stop: { path: string; start: number; end: number }, preview = false) =>
    openArticleAt(stop.path, stop.start, stop.end, { preview, preserveFocus: preview });

  ctx.subscriptions.push(
    vscode.commands.registerCommand(Commands.reindex, async () => {
      await ctx.catalog.rescan();
      await ctx.annotations.loadAll();
      await ctx.index.ready();
      const s = ctx.index.index.stats();
      vscode.window.setStatusBarMessage(`News Annotator: indexed ${s.articles} articles, ${s.quotes} quotes, ${s.entities} entities`, 5000);
    }),
    vscode.commands.registerCommand(Commands.goToRelated, async (args?: { pick?: number; uri?: string; offset?: number }) => {
      placeCursor(args);
      const editor = vscode.window.activeTextEditor;
      const article = editor && (await ctx.catalog.current(editor.document));
      if (!editor || !article) {
        void vscode.window.showInformationMessage('Open an article and put the cursor in a passage or quotation.');
        return;
      }
      const index = await ctx.index.ready();
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
      qp.placeholder = 'Same quotation or statement reported elsewhere, same speaker, shared people and places, same tags';
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
    vscode.commands.registerCommand(Commands.search, async (args?: { query?: string; pick?: number; items?: boolean }) => {
      const index = await ctx.index.ready();
      const toItems = (results: readonly SearchResult[]): ResultItem[] =>
        results.map((r) => ({
          label: `${kindIcon(r.kind)} ${matchExcerpt(r, 110)}`,
          description: titleOf(r.path),
          detail: [r.detail, matchedWords(r)].filter(Boolean).join('  ·  ') || undefined,
          alwaysShow: true, // our fuzzy ranking decides; the quick pick's own filter must not hide results
          result: r,
        }));
      if (typeof args?.query === 'string') {
        const results = index.search(args.query, { limit: 50 });
        // Scripts and tests can ask for the items the quick pick would show.
        if (args.items) return toItems(results).map(({ label, description, detail }) => ({ label, description, detail }));
        const r = results[args.pick ?? 0];
        if (r) await goTo(r);
        return results.length;
      }
      const qp = vscode.window.createQuickPick<ResultItem>();
      qp.title = 'News Annotator: Search';
      qp.placeholder = 'Search every word of the articles, their quotes, speakers, names, tags and notes — filters: tag: speaker: outlet: entity: type:';
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
  );
}

/**
 * The result's text, cut to `max` characters around its first match (VS Code's quick pick can only highlight
 * what its own filter matches, and the typed query holds filters, so the matched words must at least be in view).
 */
function matchExcerpt(r: SearchResult, max: number): string {
  const one = r.text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const m = r.matches.find((x) => x.field === 'text' && x.value === r.text && x.ranges.length > 0);
  const at = m ? m.ranges[0]![0] : 0;
  // The same offset in the whitespace-collapsed text: count what collapsing removed before it.
  const before = r.text.slice(0, at).replace(/\s+/g, ' ').replace(/^\s+/, '').length;
  if (before < max * 0.6) return excerpt(one, max);
  let from = Math.max(0, before - Math.floor(max * 0.3));
  const space = one.indexOf(' ', from);
  if (space > 0 && space < before) from = space + 1;
  const rest = one.slice(from);
  return '…' + (rest.length > max - 1 ? rest.slice(0, max - 2) + '…' : rest);
}

/** What matched the query, word by word and field by field: "matched: deal · speaker: Reinholt". */
function matchedWords(r: SearchResult): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of r.matches) {
    for (const [a, b] of m.ranges) {
      const word = m.value.slice(a, b).trim();
      if (word.length < 2) continue;
      const label = m.field === 'text' || m.field === 'name' ? word : `${m.field === 'tags' ? 'tag' : m.field}: ${word}`;
      if (seen.has(label.toLowerCase())) continue;
      seen.add(label.toLowerCase());
      parts.push(label);
      if (parts.length >= 6) break;
    }
  }
  return parts.length > 0 ? `matched: ${parts.join(', ')}` : '';
}

function kindIcon(kind: SearchResult['kind']): string {
  return { headline: '$(note)', quote: '$(quote)', speaker: '$(person)', entity: '$(symbol-class)', tag: '$(tag)', note: '$(comment)', passage: '$(whitespace)' }[kind];
}
