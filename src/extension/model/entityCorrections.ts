/**
 * The workspace's corrections, per workspace folder: entity corrections (`.news-annotator/entities.yaml` by
 * default; see docs/entity-corrections.md) and speaker corrections (`.news-annotator/speakers.yaml`, written by
 * Correct Speaker…). Read through vscode.workspace.fs, re-read when a file changes, and handed to the analysis of
 * every article in that folder. A broken file is reported (with a button to open it) and ignored until fixed;
 * the articles are analysed without it meanwhile.
 */
import * as vscode from 'vscode';
import { CORRECTIONS_FILE, NO_CORRECTIONS, NO_SPEAKER_CORRECTIONS, parseEntityCorrections, parseSpeakerCorrections, SPEAKER_CORRECTIONS_FILE, type EntityCorrections, type SpeakerCorrections } from '../../core/analysis';
import { config } from '../config';

export class EntityCorrectionsService implements vscode.Disposable {
  private readonly byFolder = new Map<string, EntityCorrections>();
  private readonly speakersByFolder = new Map<string, SpeakerCorrections>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after the corrections of any folder changed (articles must be analysed again). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Files that could not be used at the last read, with why (URI string → message). */
  private readonly broken = new Map<string, string>();

  constructor() {
    // Watch everything and filter: a file created inside a folder that was itself just created (the usual way
    // this file appears) can be missed by a narrower pattern, so the folder's own creation also triggers a read.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onFile = (uri: vscode.Uri) => {
      if (this.isCorrectionsFile(uri) || this.isCorrectionsFolder(uri)) this.scheduleReload();
    };
    this.disposables.push(
      this.emitter,
      watcher,
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affects(e, 'entities.correctionsFile')) void this.reload();
      }),
    );
  }

  /** A string that changes whenever any folder's corrections change (for cache keys). */
  signature(): string {
    const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    return JSON.stringify([sorted(this.byFolder), sorted(this.speakersByFolder)]);
  }

  /** The speaker corrections that apply to an article. */
  speakersFor(uri: vscode.Uri): SpeakerCorrections {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.speakersByFolder.get(folder.uri.toString())) ?? NO_SPEAKER_CORRECTIONS;
  }

  /** The speaker corrections file of a folder (Correct Speaker… writes it). */
  speakersFile(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...SPEAKER_CORRECTIONS_FILE.split('/'));
  }

  /** The corrections files that are broken (and ignored) now, with the message the user was shown. */
  problems(): { file: string; message: string }[] {
    return [...this.broken].map(([file, message]) => ({ file, message }));
  }

  /** The corrections that apply to an article. */
  for(uri: vscode.Uri): EntityCorrections {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.byFolder.get(folder.uri.toString())) ?? NO_CORRECTIONS;
  }

  private fileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    // In an untrusted workspace the path setting is ignored (restrictedConfigurations): the default applies.
    const rel = vscode.workspace.isTrusted ? config.correctionsFile(folder) || CORRECTIONS_FILE : CORRECTIONS_FILE;
    return vscode.Uri.joinPath(folder.uri, ...rel.split('/').filter(Boolean));
  }

  private isCorrectionsFile(uri: vscode.Uri): boolean {
    return (vscode.workspace.workspaceFolders ?? []).some((f) => this.fileOf(f).toString() === uri.toString() || this.speakersFile(f).toString() === uri.toString());
  }

  /** A folder on the way to a corrections file (created or deleted as a whole). */
  private isCorrectionsFolder(uri: vscode.Uri): boolean {
    const u = uri.toString();
    return (vscode.workspace.workspaceFolders ?? []).some((f) =>
      [this.fileOf(f), this.speakersFile(f)].some((file) => file.toString().startsWith(u + '/') && u.length > f.uri.toString().length),
    );
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Reads again shortly (editors and git write a file in several steps). */
  private scheduleReload(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, 150);
  }

  /** Reads every folder's file; fires onDidChange when anything differs from before. */
  async reload(): Promise<void> {
    let changed = false;
    const seen = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const key = folder.uri.toString();
      seen.add(key);
      const next = await this.read(this.fileOf(folder), parseEntityCorrections, NO_CORRECTIONS, 'Entities are shown without these corrections');
      const prev = this.byFolder.get(key) ?? NO_CORRECTIONS;
      if (JSON.stringify(prev) !== JSON.stringify(next)) changed = true;
      if (next === NO_CORRECTIONS) this.byFolder.delete(key);
      else this.byFolder.set(key, next);
      const speakers = await this.read(this.speakersFile(folder), parseSpeakerCorrections, NO_SPEAKER_CORRECTIONS, 'Speakers are shown without these corrections');
      const prevSpeakers = this.speakersByFolder.get(key) ?? NO_SPEAKER_CORRECTIONS;
      if (JSON.stringify(prevSpeakers) !== JSON.stringify(speakers)) changed = true;
      if (speakers === NO_SPEAKER_CORRECTIONS) this.speakersByFolder.delete(key);
      else this.speakersByFolder.set(key, speakers);
    }
    for (const map of [this.byFolder, this.speakersByFolder] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) {
        if (seen.has(key)) continue;
        map.delete(key);
        changed = true;
      }
    }
    if (changed) this.emitter.fire();
  }

  private async read<T>(file: vscode.Uri, parse: (source: string) => T, none: T, without: string): Promise<T> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      this.broken.delete(file.toString());
      return none; // no file: nothing to correct
    }
    try {
      const parsed = parse(new TextDecoder().decode(bytes));
      this.broken.delete(file.toString());
      return parsed;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.broken.set(file.toString(), message);
      void vscode.window
        .showErrorMessage(`News Annotator: ${vscode.workspace.asRelativePath(file)}: ${message}. ${without} until it is fixed.`, 'Open File')
        .then(async (choice) => {
          if (choice === 'Open File') await vscode.window.showTextDocument(file);
        });
      return none;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
