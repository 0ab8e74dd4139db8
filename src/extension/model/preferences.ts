/**
 * What the user chose in the views and dialogs, remembered per workspace in VS Code's own state
 * (ExtensionContext.workspaceState), never in a settings file inside the user's articles folder.
 *
 * The Articles view's grouping: a `newsAnnotator.articles.groupBy` value already in the settings (written there by
 * an earlier version, or set by hand) is the starting state when nothing is remembered yet; it is read, never
 * written. Changing the setting by hand still applies (and is remembered).
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { config, type GroupBy } from '../config';

const KEYS = { groupBy: 'articles.groupBy', filter: 'articles.filter', exportFolder: 'export.folder' } as const;
/** Folders features remember (Import Web Page…'s destination). */
const FOLDER_KEYS = { import: 'newsAnnotator.import.folder' } as const;

export class Preferences {
  constructor(private readonly state: vscode.Memento) {}

  groupBy(): GroupBy {
    const v = this.state.get<string>(KEYS.groupBy);
    return (['none', 'outlet', 'tag', 'speaker', 'entity'] as const).find((g) => g === v) ?? config.groupBy();
  }

  setGroupBy(g: GroupBy): Thenable<void> {
    return this.state.update(KEYS.groupBy, g);
  }

  filter(): string {
    return this.state.get<string>(KEYS.filter) ?? '';
  }

  setFilter(text: string): Thenable<void> {
    return this.state.update(KEYS.filter, text.trim() || undefined);
  }

  /**
   * Where a save dialog for an export starts: the folder of the last export, else the user's home folder (never
   * the articles folder unless the user picks it).
   */
  exportFolder(): vscode.Uri {
    const last = this.state.get<string>(KEYS.exportFolder);
    return last ? vscode.Uri.parse(last) : vscode.Uri.file(os.homedir());
  }

  setExportFolder(fileOrFolder: vscode.Uri, isFile = true): Thenable<void> {
    return this.state.update(KEYS.exportFolder, (isFile ? vscode.Uri.joinPath(fileOrFolder, '..') : fileOrFolder).toString());
  }

  /** The folder a feature asked for last (e.g. the import destination), if any. */
  folder(feature: 'import'): vscode.Uri | undefined {
    const v = this.state.get<string>(FOLDER_KEYS[feature]);
    return v ? vscode.Uri.parse(v) : undefined;
  }

  setFolder(feature: 'import', folder: vscode.Uri): Thenable<void> {
    return this.state.update(FOLDER_KEYS[feature], folder.toString());
  }
}
