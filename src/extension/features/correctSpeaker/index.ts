/**
 * Correct Speaker…: set, change or clear the speaker of a statement (a quotation, reported speech or a mixed
 * quote), mark it "not a statement", or forget an earlier correction; from the editor, a statement's hover or its
 * tree item. Writes the speaker corrections file of the article's folder (`.news-annotator/speakers.yaml`, beside
 * the entity corrections, with the same safety rules: comments kept, a broken file refused); the corrections
 * service's live reload then re-analyses, so every view shows the corrected speaker. Keyed by the statement's words
 * and cue, so a correction survives re-analysis and small edits.
 * Args for keybindings and tests: `{ action: "speaker", speaker }`, `{ action: "clear" }`,
 * `{ action: "notAStatement" }`, `{ action: "remove" }`, optionally with `uri` + `offset` (the statement's place).
 */
import * as vscode from 'vscode';
import { applySpeakerCorrectionEdit, statementKey, type Quote, type SpeakerCorrectionEdit } from '../../../core/analysis';
import { Commands } from '../../constants';
import { editCorrectionsFile } from '../../editor/correctionsFile';
import { kindLabel, statementAt } from '../../editor/statements';
import type { FeatureContext } from '../../featureContext';
import type { ArticleEntry } from '../../model/articleCatalog';
import type { TreeNode } from '../../trees/treeNodes';

export interface CorrectSpeakerArgs {
  readonly action: 'speaker' | 'clear' | 'notAStatement' | 'remove';
  readonly speaker?: string;
  readonly uri?: string;
  readonly offset?: number;
}

function isArgs(x: unknown): x is CorrectSpeakerArgs {
  return !!x && typeof x === 'object' && 'action' in x && !('kind' in x);
}

function isQuoteNode(x: unknown): x is Extract<TreeNode, { kind: 'quote' }> {
  return !!x && typeof x === 'object' && 'kind' in x && (x as TreeNode).kind === 'quote';
}

export function register(ctx: FeatureContext): void {
  /** The statement the command is about: a tree item's, the place given (a hover link), or the cursor's. */
  const subject = async (arg: unknown): Promise<{ quote: Quote; article: ArticleEntry } | undefined> => {
    if (isQuoteNode(arg)) return { quote: arg.quote, article: arg.article };
    const at = arg as { uri?: unknown; offset?: unknown } | undefined;
    if (at && typeof at.uri === 'string' && typeof at.offset === 'number') {
      const article = ctx.catalog.get(at.uri);
      const quote = article?.analysis && statementAt(article.analysis.quotes, at.offset);
      return article && quote ? { quote, article } : undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const article = editor && (await ctx.catalog.current(editor.document));
    const quote = article?.analysis && statementAt(article.analysis.quotes, editor!.document.offsetAt(editor!.selection.active));
    return article && quote ? { quote, article } : undefined;
  };

  /** The people and organisations of the article, then of the workspace, as speakers to pick. */
  const candidates = (article: ArticleEntry): string[] => {
    const names = new Set<string>();
    for (const e of article.analysis?.entities ?? []) if (e.type !== 'place') names.add(ctx.entities.get(e.id)?.name ?? e.name);
    for (const e of ctx.entities.all().sort((a, b) => b.mentionCount - a.mentionCount)) if (e.type !== 'place' && names.size < 60) names.add(e.name);
    return [...names];
  };

  const ask = async (quote: Quote, article: ArticleEntry): Promise<CorrectSpeakerArgs | undefined> => {
    type Item = vscode.QuickPickItem & { args?: CorrectSpeakerArgs; type?: true };
    const current = ctx.entities.speakerName(quote);
    const items: Item[] = candidates(article).map((name) => ({ label: name, description: name === current ? '(current speaker)' : undefined, args: { action: 'speaker', speaker: name } }));
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: '$(edit) Another name…', description: 'type the speaker', type: true });
    items.push({ label: '$(circle-slash) Nobody named', description: 'the statement has no identified speaker', args: { action: 'clear' } });
    items.push({ label: '$(close) Not a statement', description: 'a scare quote, a title: leave it out', args: { action: 'notAStatement' } });
    if (quote.corrected) items.push({ label: '$(discard) Forget my correction', description: 'show the analysis\'s own speaker again', args: { action: 'remove' } });
    const pick = await vscode.window.showQuickPick(items, {
      title: `Speaker of “${quote.text.length > 60 ? quote.text.slice(0, 59) + '…' : quote.text}” (${kindLabel(quote)})`,
      placeHolder: current ? `Now: ${current}` : 'Now: unattributed',
      matchOnDescription: true,
    });
    if (!pick) return undefined;
    if (pick.type) {
      const name = await vscode.window.showInputBox({ title: 'Speaker', prompt: 'The name of the person or organisation who said it', value: current ?? '' });
      return name?.trim() ? { action: 'speaker', speaker: name.trim() } : undefined;
    }
    return pick.args;
  };

  ctx.subscriptions.push(
    vscode.commands.registerCommand(Commands.correctSpeaker, async (arg?: unknown): Promise<boolean> => {
      const s = await subject(isArgs(arg) && arg.uri === undefined ? undefined : arg);
      if (!s) {
        void vscode.window.showInformationMessage('Put the cursor in a quotation or a reported statement (or pick one in the Articles view) to correct its speaker.');
        return false;
      }
      const folder = s.article.folder;
      if (!folder) {
        void vscode.window.showErrorMessage('News Annotator: this article is outside the workspace folders; there is no corrections file for it.');
        return false;
      }
      const args = isArgs(arg) ? arg : await ask(s.quote, s.article);
      if (!args) return false;
      const statement = statementKey(s.quote);
      let edit: SpeakerCorrectionEdit;
      switch (args.action) {
        case 'speaker':
          if (!args.speaker?.trim()) {
            void vscode.window.showErrorMessage('News Annotator: Correct Speaker: a speaker name is needed.');
            return false;
          }
          edit = { kind: 'speaker', statement, speaker: args.speaker.trim() };
          break;
        case 'clear':
          edit = { kind: 'speaker', statement, speaker: null };
          break;
        case 'notAStatement':
          edit = { kind: 'notAStatement', statement };
          break;
        case 'remove':
          edit = { kind: 'remove', statement };
          break;
        default:
          void vscode.window.showErrorMessage(`News Annotator: Correct Speaker: unknown action "${String((args as { action: unknown }).action)}".`);
          return false;
      }
      return editCorrectionsFile(ctx.corrections.speakersFile(folder), (source) => applySpeakerCorrectionEdit(source, edit));
    }),
  );
}
