/** The author recorded on new annotations: the setting, else git's user.name (asked once), else the OS user. */
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { config } from '../config';

export class AuthorName {
  private gitAuthor: Promise<string | undefined> | undefined;

  async get(): Promise<string> {
    const fromSetting = config.author();
    if (fromSetting) return fromSetting;
    this.gitAuthor ??= new Promise((resolve) => {
      const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
      execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
    });
    const git = await this.gitAuthor;
    if (git) return git;
    try {
      return os.userInfo().username;
    } catch {
      return 'unknown';
    }
  }
}
