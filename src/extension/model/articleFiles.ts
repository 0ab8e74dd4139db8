/**
 * Which files of the workspace are articles: the include/exclude settings per workspace folder, compiled once per
 * folder (every file event asks), and the search for them (the workspace search service with the flat globs, then
 * the full rules). The same matcher as the CLI (src/core/workspace/articleFiles.ts).
 */
import * as vscode from 'vscode';
import { articleMatcher, isSidecarPath } from '../../core/workspace/articleFiles';
import { config } from '../config';

export class ArticleFiles {
  private readonly matchers = new Map<string, (rel: string) => boolean>();

  /** Forget the compiled rules (the settings or the workspace folders changed). */
  reset(): void {
    this.matchers.clear();
  }

  /** True when the URI is an article by the current rules. */
  matches(uri: vscode.Uri): boolean {
    if (isSidecarPath(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = folder ? relativeTo(folder, uri) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
    return this.matcherFor(folder)(rel);
  }

  /** Every article of every workspace folder (at most `index.maxArticles` per include pattern). */
  async find(token: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    const seen = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const include = config.articleInclude(folder);
      const exclude = config.articleExclude(folder);
      const matches = this.matcherFor(folder);
      // The search service refuses nested brace groups: give it one include glob at a time and only the flat
      // exclude globs; the matcher applies the full rules to what comes back.
      const flatExclude = exclude.filter((g) => !/[{}]/.test(g));
      const excludeGlob = flatExclude.length > 0 ? `{${flatExclude.join(',')}}` : null;
      const uris: vscode.Uri[] = [];
      for (const glob of include) {
        uris.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), excludeGlob, config.maxArticles(), token)));
      }
      for (const u of uris) {
        if (!matches(relativeTo(folder, u)) || seen.has(u.toString())) continue;
        seen.add(u.toString());
        out.push(u);
      }
    }
    return out;
  }

  private matcherFor(folder: vscode.WorkspaceFolder | undefined): (rel: string) => boolean {
    const key = folder?.uri.toString() ?? '';
    let m = this.matchers.get(key);
    if (!m) {
      m = articleMatcher({ include: config.articleInclude(folder), exclude: config.articleExclude(folder) });
      this.matchers.set(key, m);
    }
    return m;
  }
}

/** The path of `uri` relative to its workspace folder, as the include/exclude rules see it. */
export function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return uri.path.startsWith(folder.uri.path + '/') ? uri.path.slice(folder.uri.path.length + 1) : uri.path;
}
