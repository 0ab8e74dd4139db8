/** The author recorded on new annotations: the setting, else git's user.name (read once), else the OS user. */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { gitUserName } from '../../node/gitUserName';
import { config } from '../config';

export class AuthorName {
  private gitAuthor: Promise<string | undefined> | undefined;

  async get(): Promise<string> {
    const fromSetting = config.author();
    if (fromSetting) return fromSetting;
    // read from git's config files, not by starting git (forking the extension host held its thread ~70 ms)
    this.gitAuthor ??= gitUserName(vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath).catch(() => undefined);
    const git = await this.gitAuthor;
    if (git) return git;
    try {
      return os.userInfo().username;
    } catch {
      return 'unknown';
    }
  }
}
