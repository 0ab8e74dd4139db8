/**
 * "News Annotator: Import Web Page…" (`newsAnnotator.importWebPage`): one or more URLs, or saved .html/.htm
 * files (file picker, or the explorer's context menu on HTML files), become clean, dated article files in a
 * destination folder asked once and remembered per workspace; the originals go under `.news-annotator/originals/`
 * at the root of the workspace folder that holds the destination. Batches show progress and can be cancelled;
 * a page already imported offers to open the existing article; the new article is opened. The work is the core's
 * (src/core/import); pages are fetched by the Node fetcher through VS Code's `http.proxy`.
 *
 * Argument object for keybindings, scripts and tests (skips the prompts):
 * `{ urls?: string[], files?: (string|Uri)[], folder?: string|Uri, onExisting?: 'open'|'skip', open?: boolean }`.
 */
import * as vscode from 'vscode';
import { importedIndex, importOne, type ImportResult } from '../../../core/import/importer';
import { decodeArticleBytes } from '../../../core/text/decode';
import { urlKey } from '../../../core/import/url';
import { HttpFetcher, proxyFromEnv } from '../../../node/httpFetcher';
import { config } from '../../config';
import { Commands } from '../../constants';
import { errorText } from '../../editor/errors';
import { openArticleAt } from '../../editor/openArticle';
import type { FeatureContext } from '../../featureContext';
import { importFileOps } from './fileOps';

export interface ImportWebPageArgs {
  readonly urls?: readonly string[];
  readonly files?: readonly (string | vscode.Uri)[];
  /** The destination folder (remembered for the next imports). */
  readonly folder?: string | vscode.Uri;
  /** What to do with a page already imported: open the existing article, or only report it (default: ask). */
  readonly onExisting?: 'open' | 'skip';
  /** Open the new article (default true). */
  readonly open?: boolean;
}

/** What the command returns (for scripts and tests). */
export interface ImportWebPageResult {
  readonly imported: { readonly source: string; readonly uri: string; readonly existing: boolean }[];
  readonly errors: { readonly source: string; readonly message: string }[];
  readonly cancelled: boolean;
}

const HTML_FILTER = { 'Web pages': ['html', 'htm', 'xhtml'] };

function isUri(v: unknown): v is vscode.Uri {
  return v instanceof vscode.Uri;
}

function toUri(v: string | vscode.Uri): vscode.Uri {
  return typeof v === 'string' ? (/^[a-z][\w+.-]*:/i.test(v) && !/^[a-z]:[\\/]/i.test(v) ? vscode.Uri.parse(v) : vscode.Uri.file(v)) : v;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** The URLs or files to import: from the explorer selection, the argument object, or the user. */
async function askSources(folderLabel: string): Promise<{ urls: string[]; files: vscode.Uri[] } | 'changeFolder' | undefined> {
  type Item = vscode.QuickPickItem & { id: 'url' | 'file' | 'folder' };
  const pick = await vscode.window.showQuickPick<Item>(
    [
      { id: 'url', label: '$(globe) Web page address(es)…', detail: 'One URL, or several separated by spaces; URLs copied one per line are offered from the clipboard' },
      { id: 'file', label: '$(file-code) Saved HTML file(s)…', detail: 'Pages saved from the browser (.html, .htm)' },
      { id: 'folder', label: '$(folder) Change the destination folder…', description: folderLabel },
    ],
    { title: 'News Annotator: Import Web Page', placeHolder: `Import into ${folderLabel}` },
  );
  if (!pick) return undefined;
  if (pick.id === 'folder') return 'changeFolder';
  if (pick.id === 'file') {
    const files = await vscode.window.showOpenDialog({ canSelectMany: true, filters: HTML_FILTER, openLabel: 'Import', title: 'Import saved web pages' });
    return files && files.length > 0 ? { urls: [], files } : undefined;
  }
  // In a browser the clipboard may need a permission the user never gives: do not wait for it long.
  const clip = (
    await Promise.race([Promise.resolve(vscode.env.clipboard.readText()).catch(() => ''), new Promise<string>((r) => setTimeout(() => r(''), 500))])
  ).trim();
  const clipUrls = clip.split(/\s+/).filter((s) => /^https?:\/\/\S+$/i.test(s));
  const value = await vscode.window.showInputBox({
    title: 'News Annotator: Import Web Page',
    prompt: 'The address of the article (several: separated by spaces)',
    placeHolder: 'https://…',
    value: clipUrls.length > 0 && clipUrls.length === clip.split(/\s+/).length ? clipUrls.join(' ') : '',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const bad = v.split(/\s+/).filter((s) => s && !/^https?:\/\/\S+$/i.test(s));
      return bad.length > 0 ? `Not an http(s) address: ${bad[0]}` : undefined;
    },
  });
  const urls = (value ?? '').split(/\s+/).filter((s) => s.length > 0);
  return urls.length > 0 ? { urls, files: [] } : undefined;
}

/** The destination folder: the argument, the one remembered for this workspace (if it still exists), or asked. */
async function destinationFolder(ctx: FeatureContext, given: vscode.Uri | undefined, ask: boolean): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const remembered = ctx.preferences.folder('import');
  if (remembered && !ask && (await exists(remembered))) return remembered;
  const first = vscode.workspace.workspaceFolders?.[0]?.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: remembered ?? first,
    openLabel: 'Import Here',
    title: 'Folder for imported articles (remembered for this workspace)',
  });
  return chosen?.[0];
}

function fetcher(): HttpFetcher {
  const p = config.httpProxy();
  const env = proxyFromEnv();
  const proxy = p.proxy ?? { ...(env.http ? { http: env.http } : {}), ...(env.https ? { https: env.https } : {}) };
  const noProxy = p.noProxy ?? env.noProxy;
  return new HttpFetcher({ proxy, ...(noProxy ? { noProxy } : {}), insecure: !p.strictSSL });
}

/** URL key → article URI, from what the analysis read in every imported article of the workspace. */
function importedArticles(ctx: FeatureContext): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of ctx.catalog.all()) {
    const url = a.metadata?.url;
    const k = url ? urlKey(url) : null;
    if (k && !m.has(k)) m.set(k, a.key);
  }
  return m;
}

/**
 * The imported articles known to the workspace, plus those in the destination folder the catalog has not read
 * (yet, or ever: a folder outside the include settings), so an import during the first scan finds them too.
 */
async function alreadyImported(ctx: FeatureContext, folder: vscode.Uri): Promise<Map<string, string>> {
  const m = importedArticles(ctx);
  if (!(await exists(folder))) return m; // a new folder (reading it would only log an error)
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).catch((): [string, vscode.FileType][] => []);
  const unread: { path: string; text: string }[] = [];
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || !/\.(?:txt|news|text)$/i.test(name)) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    if (ctx.catalog.get(uri)?.analysis) continue;
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
    const d = bytes ? decodeArticleBytes(bytes) : undefined;
    if (d?.ok) unread.push({ path: uri.toString(), text: d.text });
  }
  for (const [k, v] of importedIndex(unread)) if (!m.has(k)) m.set(k, v);
  return m;
}

function label(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}

async function run(ctx: FeatureContext, args: ImportWebPageArgs, explorer: vscode.Uri[]): Promise<ImportWebPageResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('News Annotator: importing writes article files into the folder; trust this workspace first.');
    return undefined;
  }
  let urls = [...(args.urls ?? [])];
  let files = [...(args.files ?? []).map(toUri), ...explorer];
  const given = args.folder ? toUri(args.folder) : undefined;
  if (urls.length === 0 && files.length === 0) {
    for (;;) {
      const remembered = ctx.preferences.folder('import');
      const answer = await askSources(remembered ? label(remembered) : 'a folder you choose next');
      if (!answer) return undefined;
      if (answer === 'changeFolder') {
        const f = await destinationFolder(ctx, undefined, true);
        if (f) await ctx.preferences.setFolder('import', f);
        continue;
      }
      urls = answer.urls;
      files = answer.files;
      break;
    }
  }
  const folder = await destinationFolder(ctx, given, false);
  if (!folder) return undefined;
  await ctx.preferences.setFolder('import', folder);
  const root = vscode.workspace.getWorkspaceFolder(folder)?.uri ?? folder;
  const dest = { dir: folder.toString(), root: root.toString(), imported: await alreadyImported(ctx, folder) };
  const sources = [...urls, ...files.map((f) => f.toString())];
  const results: ImportResult[] = [];
  const pageFetcher = fetcher();
  let cancelled = false;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'News Annotator: importing', cancellable: sources.length > 1 || urls.length > 0 },
    async (progress, token) => {
      const ac = new AbortController();
      const sub = token.onCancellationRequested(() => ac.abort());
      try {
        for (const [i, source] of sources.entries()) {
          if (token.isCancellationRequested) {
            cancelled = true;
            break;
          }
          const shown = /^https?:/i.test(source) ? source : label(vscode.Uri.parse(source));
          progress.report({ message: `${sources.length > 1 ? `${i + 1}/${sources.length}: ` : ''}${shown}`, increment: i === 0 ? 0 : 100 / sources.length });
          results.push(await importOne(source, dest, { fs: importFileOps, fetcher: pageFetcher, signal: ac.signal }));
        }
        if (token.isCancellationRequested) cancelled = true;
      } finally {
        sub.dispose();
      }
    },
  );
  const display = (s: string) => (/^https?:/i.test(s) ? s : label(vscode.Uri.parse(s)));
  const result: ImportWebPageResult = {
    imported: results.filter((r) => r.ok).map((r) => ({ source: display(r.source), uri: r.path, existing: r.existing })),
    errors: results.filter((r) => !r.ok).map((r) => ({ source: display(r.source), message: r.message })),
    cancelled,
  };
  await report(result, args);
  return result;
}

async function report(r: ImportWebPageResult, args: ImportWebPageArgs): Promise<void> {
  const fresh = r.imported.filter((i) => !i.existing);
  const existing = r.imported.filter((i) => i.existing);
  for (const e of r.errors) if (!(r.cancelled && e.message === 'cancelled')) void vscode.window.showErrorMessage(`News Annotator: could not import ${e.source}: ${e.message}`);
  if (fresh.length > 0 && args.open !== false) {
    await openArticleAt(fresh[0]!.uri, undefined, undefined, { preview: false });
  }
  if (fresh.length > 1 || r.cancelled) {
    void vscode.window.showInformationMessage(`News Annotator: imported ${fresh.length} article(s)${existing.length ? `, ${existing.length} already there` : ''}${r.errors.length ? `, ${r.errors.length} failed` : ''}${r.cancelled ? ' (cancelled)' : ''}.`);
  }
  for (const e of existing) {
    const name = label(vscode.Uri.parse(e.uri));
    if (args.onExisting === 'open') await openArticleAt(e.uri, undefined, undefined, { preview: false });
    else if (args.onExisting !== 'skip') {
      // not awaited: the command ends; the button opens the article whenever it is clicked
      void vscode.window.showInformationMessage(`News Annotator: ${e.source} was already imported as ${name}.`, 'Open Existing Article').then((choice) => {
        if (choice) return openArticleAt(e.uri, undefined, undefined, { preview: false }).then(undefined, (err: unknown) => void vscode.window.showErrorMessage(`News Annotator: ${errorText(err)}`));
        return undefined;
      });
    }
  }
}

export function register(ctx: FeatureContext): void {
  ctx.subscriptions.push(
    vscode.commands.registerCommand(Commands.importWebPage, async (arg?: unknown, selection?: unknown): Promise<ImportWebPageResult | undefined> => {
      try {
        // From the explorer: (clicked Uri, selected Uris); from scripts: an argument object.
        const explorer = isUri(arg) ? (Array.isArray(selection) && selection.every(isUri) ? (selection as vscode.Uri[]) : [arg]) : [];
        const args = !isUri(arg) && typeof arg === 'object' && arg !== null ? (arg as ImportWebPageArgs) : {};
        return await run(ctx, args, explorer.filter((u) => /\.x?html?$/i.test(u.path)));
      } catch (err) {
        void vscode.window.showErrorMessage(`News Annotator: ${errorText(err)}`);
        return undefined;
      }
    }),
  );
}
