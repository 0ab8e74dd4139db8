/**
 * "News Annotator: Export Annotations…": pick a format (Markdown report, CSV, JSON, JSON Lines, W3C Web
 * Annotation), then a file in a save dialog; every article of the workspace with its analysis and annotations
 * (as the editor has them, unsaved edits included) goes through the core's export (src/core/export) and is
 * written to a temporary file beside the target, then renamed over it. An article whose sidecar cannot be read is
 * left out and named in a warning. For keybindings, scripts and tests, an argument object
 * `{ format, uri, what?, tag? }` skips the prompts.
 */
import * as vscode from 'vscode';
import { exportArticles, EXPORT_FORMATS, EXPORT_SUBJECTS, FORMAT_EXTENSIONS, type ExportArticle, type ExportFormat, type ExportProblem, type ExportSubject } from '../../../core/export/index';
import { Commands } from '../../constants';
import type { FeatureContext } from '../../featureContext';
import { errorText } from '../../editor/errors';

export interface ExportArgs {
  readonly format?: ExportFormat;
  /** Where to write (URI string or Uri). */
  readonly uri?: string | vscode.Uri;
  readonly what?: ExportSubject;
  /** Only annotations with this tag (or a sub-tag), and the articles that have one. */
  readonly tag?: string;
}

/** What the command returns (for scripts and tests). */
export interface ExportResult {
  readonly uri: string;
  readonly format: ExportFormat;
  readonly articles: number;
  readonly skipped: readonly ExportProblem[];
}

interface FormatItem extends vscode.QuickPickItem {
  readonly format: ExportFormat;
  readonly what: ExportSubject;
}

const FORMAT_ITEMS: readonly FormatItem[] = [
  { label: 'Markdown report', description: '.md', detail: 'Per article: headline, outlet, date; each annotated passage with its tags and note; orphans apart', format: 'markdown', what: 'annotations' },
  { label: 'CSV: one row per annotation', description: '.csv', detail: 'article, headline, outlet, date, id, kind, status, start, end, quote, tags, note, speaker, author…', format: 'csv', what: 'annotations' },
  { label: 'CSV: one row per quotation', description: '.csv', detail: 'article, outlet, date, speaker, quote, start, end, headline, cue, tags', format: 'csv', what: 'quotes' },
  { label: 'JSON', description: '.json', detail: 'One document: articles with metadata, quotations and speakers, entities, annotations with status', format: 'json', what: 'annotations' },
  { label: 'JSON Lines: one line per annotation', description: '.jsonl', format: 'jsonl', what: 'annotations' },
  { label: 'JSON Lines: one line per quotation', description: '.jsonl', format: 'jsonl', what: 'quotes' },
  { label: 'W3C Web Annotation (JSON-LD)', description: '.jsonld', detail: 'An AnnotationCollection with TextQuote and TextPosition selectors, for Hypothesis and other annotation tools', format: 'w3c', what: 'annotations' },
];

const FILTER_NAMES: Readonly<Record<ExportFormat, string>> = { json: 'JSON', jsonl: 'JSON Lines', csv: 'CSV', markdown: 'Markdown', w3c: 'JSON-LD' };

/** The articles of the workspace as the export takes them, and those left out (with why). */
function gatherArticles(ctx: FeatureContext): { articles: ExportArticle[]; problems: ExportProblem[] } {
  const articles: ExportArticle[] = [];
  const problems: ExportProblem[] = [];
  for (const a of ctx.catalog.all()) {
    const analysis = a.peekAnalysis();
    if (!analysis) {
      if (a.error) problems.push({ path: a.relativePath, message: a.error });
      continue;
    }
    const d = ctx.annotations.exportData(a.key);
    if (d.problem) {
      problems.push({ path: a.relativePath, message: `${vscode.workspace.asRelativePath(vscode.Uri.parse(d.problem.sidecarUri))}${d.problem.line ? ` line ${d.problem.line}` : ''}: ${d.problem.message} (article not exported)` });
      continue;
    }
    articles.push({ path: a.relativePath, uri: a.key, text: a.text, analysis, annotations: d.annotations, tags: d.tags, ...(d.note ? { note: d.note } : {}) });
  }
  return { articles, problems };
}

/**
 * Where the save dialog starts: the folder of the last export in this workspace, else the user's home folder;
 * never the articles folder unless the user picked it before.
 */
function proposedTarget(ctx: FeatureContext, format: ExportFormat, what: ExportSubject): vscode.Uri {
  return vscode.Uri.joinPath(ctx.preferences.exportFolder(), `${what === 'quotes' ? 'quotations' : 'annotations'}.${FORMAT_EXTENSIONS[format]}`);
}

/** Writes `text` to `target` through a temporary file in the same folder, renamed over it. */
async function writeAtomically(target: vscode.Uri, text: string): Promise<void> {
  const name = target.path.split('/').pop() ?? 'export';
  const tmp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (err) {
    await Promise.resolve(vscode.workspace.fs.delete(tmp, { useTrash: false })).catch(() => undefined);
    throw err;
  }
}

export function register(ctx: FeatureContext): void {
  ctx.probes.exportProposal = (format, what) => proposedTarget(ctx, format as ExportFormat, what as ExportSubject).toString();
  ctx.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportAnnotations, async (arg?: ExportArgs): Promise<ExportResult | undefined> => {
      const args = arg && typeof arg === 'object' && !('kind' in arg) ? arg : {};
      try {
        if (args.format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(args.format)) throw new Error(`unknown export format ${JSON.stringify(args.format)} (${EXPORT_FORMATS.join(', ')})`);
        if (args.what !== undefined && !(EXPORT_SUBJECTS as readonly string[]).includes(args.what)) throw new Error(`unknown export subject ${JSON.stringify(args.what)} (${EXPORT_SUBJECTS.join(', ')})`);
        let format = args.format;
        let what = args.what;
        if (!format) {
          const pick = await vscode.window.showQuickPick(FORMAT_ITEMS, { title: 'Export Annotations: format', matchOnDescription: true, matchOnDetail: true });
          if (!pick) return undefined;
          format = pick.format;
          what ??= pick.what;
        }
        what ??= 'annotations';
        let target = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
        if (!target) {
          target = await vscode.window.showSaveDialog({
            title: 'Export Annotations',
            saveLabel: 'Export',
            defaultUri: proposedTarget(ctx, format, what),
            filters: { [FILTER_NAMES[format]]: [FORMAT_EXTENSIONS[format]], 'All files': ['*'] },
          });
          if (!target) return undefined;
        }
        const out = target;
        return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Annotator: exporting' }, async () => {
          await ctx.catalog.whenReady();
          const { articles, problems } = gatherArticles(ctx);
          const text = exportArticles(articles, { format: format!, what, ...(args.tag !== undefined ? { tag: args.tag } : {}), problems });
          await writeAtomically(out, text);
          await ctx.preferences.setExportFolder(out);
          const where = vscode.workspace.asRelativePath(out);
          if (problems.length > 0) {
            void vscode.window.showWarningMessage(
              `News Annotator: exported to ${where}, without ${problems.length === 1 ? 'this article' : `these ${problems.length} articles`}: ${problems.map((p) => `${p.path} (${p.message})`).join('; ')}`,
            );
          } else if (!args.uri) {
            void vscode.window.showInformationMessage(`News Annotator: exported ${articles.length} article${articles.length === 1 ? '' : 's'} to ${where}.`, 'Open').then(async (c) => {
              if (c === 'Open') await vscode.window.showTextDocument(out);
            });
          }
          return { uri: out.toString(), format: format!, articles: articles.length, skipped: problems };
        });
      } catch (err) {
        void vscode.window.showErrorMessage(`News Annotator: could not export: ${errorText(err)}`);
        return undefined;
      }
    }),
  );
}
