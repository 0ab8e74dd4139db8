/**
 * Notes edited in a real editor tab. "Add Note" and "Edit Note" open the note of the annotation under the cursor
 * (or of the quotation, name or selection there, with the same targeting rules as Tag Quote; the annotation is
 * created on the first save of a non-empty note) as a Markdown document served by NoteFileSystem:
 *
 *   news-annotator-note:/<article path>/<annotation id | new-<start>-<end>>/Note — “<quote start…>”.md
 *
 * so the tab reads `Note — “…”.md`. Saving writes the note into the sidecar through the AnnotationService (undo,
 * views, decorations and the index follow); an empty note removes the note, not the annotation. When the write is
 * refused (broken or read-only sidecar, untrusted workspace, annotation removed meanwhile) the save fails with a
 * clear error and VS Code keeps the text in the dirty editor. When the note changes underneath (the sidecar edited
 * on disk, the CLI, another window, Undo) the provider reports a change: VS Code reloads a clean editor and flags a
 * dirty one on save. Closing without saving writes nothing.
 */
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { saveHint } from './saveHint';
import type { FeatureContext } from '../../featureContext';
import { errorText } from '../../editor/errors';
import type { AnnotationService } from '../../model/annotationService';
import type { AnnotationView } from '../../model/annotationView';
import type { ArticleEntry } from '../../model/articleCatalog';
import { excerpt, type TreeNode } from '../../trees/treeNodes';
import { isNode, NO_TARGET, targetAtCursor, targetFromNode, type CursorTarget, type NoteArgs } from '../../editor/cursorTarget';
import { guard } from '../../editor/errors';

export const NOTE_SCHEME = 'news-annotator-note';

/** Where a note's annotation will be created on its first save (it does not exist yet). */
interface PendingTarget {
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  readonly kind: 'quote' | 'entity' | 'passage';
  readonly speaker: string | undefined;
  readonly entity: string | undefined;
}

interface NoteEntry {
  readonly uri: vscode.Uri;
  readonly articleKey: string;
  /** The annotation's id; undefined until the first save creates it. */
  id: string | undefined;
  readonly pending: PendingTarget | undefined;
  /** The note as last served to VS Code or written by it, and when it last changed (VS Code's etag uses both). */
  note: string;
  mtime: number;
  readonly ctime: number;
  /** The note VS Code last read (its editor's text is based on it) or wrote. */
  served: string | undefined;
  /** The annotation was removed while the note was open (a Deleted event was sent). */
  missing: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** What is stored from an editor's text: LF line ends, no leading blank lines, no trailing white space. */
export function normaliseNote(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

export class NoteFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly entries = new Map<string, NoteEntry>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: FeatureContext,
    private readonly service: AnnotationService,
  ) {
    this.disposables.push(
      this.emitter,
      service.onDidChange((key) => this.onAnnotationsChanged(key)),
      // A closed note is forgotten; its URI still resolves (from its path) if VS Code opens it again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === NOTE_SCHEME) this.entries.delete(d.uri.toString());
      }),
    );
  }

  /** Opens (or brings forward) the note editor for a target. */
  async open(t: CursorTarget): Promise<vscode.TextEditor> {
    const entry = this.openEntryFor(t) ?? this.entryForTarget(t);
    const doc = await vscode.workspace.openTextDocument(entry.uri);
    if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    const beside = vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.scheme !== NOTE_SCHEME;
    return vscode.window.showTextDocument(doc, { viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preview: false });
  }

  // ---- FileSystemProvider ------------------------------------------------------------------------------

  watch(): vscode.Disposable {
    // Changes are reported for every note VS Code has read (see onAnnotationsChanged); nothing to set up.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    // The folders above a note (workspace.fs.writeFile checks the parent folder exists).
    if (!uri.path.endsWith('.md')) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const entry = await this.resolve(uri);
    const note = await this.currentNote(entry);
    this.sync(entry, note);
    return { type: vscode.FileType.File, ctime: entry.ctime, mtime: entry.mtime, size: encoder.encode(note).byteLength };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const entry = await this.resolve(uri);
    const note = await this.currentNote(entry);
    this.sync(entry, note);
    entry.served = note;
    return encoder.encode(note);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const entry = await this.resolve(uri);
    const note = normaliseNote(decoder.decode(content));
    const current = entry.id ? await this.find(entry.articleKey, entry.id) : undefined;
    if (entry.id && !current) {
      throw vscode.FileSystemError.FileNotFound(`News Annotator: this annotation was removed, so the note was not saved (Undo Last Annotation Change brings the annotation back).`);
    }
    const stored = current?.note ?? '';
    this.refuseSilentOverwrite(entry, stored, note);
    const before = { note: entry.note, mtime: entry.mtime };
    // Recorded first, so the change event of our own write is not taken for a change made elsewhere.
    this.sync(entry, note);
    try {
      if (entry.id) {
        if (stored !== note) await this.service.update(entry.articleKey, entry.id, { note: note ? note : null });
      } else if (note) {
        const at = this.locate(entry);
        const created = await this.service.add(entry.articleKey, { start: at.start, end: at.end, kind: at.kind, note, speaker: at.speaker, entity: at.entity });
        entry.id = created.id;
      }
      entry.served = note;
      entry.missing = false;
    } catch (err) {
      entry.note = before.note;
      entry.mtime = before.mtime;
      throw this.saveError(err);
    }
  }

  /**
   * VS Code refuses a save over a file changed since it was read (offering Compare / Overwrite) only when the size
   * changed too: it compares modification time and size, not content. A note rewritten elsewhere to the same
   * length would be overwritten silently, so that case is refused here, once; saving again replaces it. (When the
   * size did change, VS Code has already asked, so a write that still arrives is the user's Overwrite.)
   */
  private refuseSilentOverwrite(entry: NoteEntry, stored: string, note: string): void {
    const read = entry.served;
    if (read === undefined || stored === read || note === stored) return;
    if (encoder.encode(stored).byteLength !== encoder.encode(read).byteLength) return;
    entry.served = stored;
    throw new Error(
      'News Annotator: this note was changed elsewhere (a sidecar edit, the CLI, another window, Undo) since it was opened here, so it was not saved. Save again to replace that version with yours, or run "File: Revert File" to load it (copy your text first).',
    );
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(`${uri.path}: save an empty note to remove a note, or use Remove Annotation`);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  // ---- Entries -----------------------------------------------------------------------------------------

  /** An entry whose note has a tab open for this target (so a second Edit Note does not open a second tab). */
  private openEntryFor(t: CursorTarget): NoteEntry | undefined {
    const open = new Set<string>();
    for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === NOTE_SCHEME) open.add(tab.input.uri.toString());
    }
    for (const [key, e] of this.entries) {
      if (!open.has(key) || e.articleKey !== t.article.key) continue;
      if (t.annotation ? e.id === t.annotation.id : !e.id && e.pending?.start === t.start && e.pending.end === t.end) return e;
    }
    return undefined;
  }

  private entryForTarget(t: CursorTarget): NoteEntry {
    const quote = t.annotation?.quote ?? articleText(t.article).slice(t.start, t.end);
    const uri = noteUri(t.article, t.annotation?.id ?? `new-${t.start}-${t.end}`, quote);
    const known = this.entries.get(uri.toString());
    if (known) return known;
    const pending: PendingTarget | undefined = t.annotation
      ? undefined
      : { start: t.start, end: t.end, exact: quote, kind: t.kind, speaker: t.quote?.speaker ?? undefined, entity: t.entityId };
    return this.remember(uri, t.article.key, t.annotation, pending);
  }

  private remember(uri: vscode.Uri, articleKey: string, annotation: AnnotationView | undefined, pending: PendingTarget | undefined): NoteEntry {
    const now = Date.now();
    const entry: NoteEntry = { uri, articleKey, id: annotation?.id, pending, note: annotation?.note ?? '', mtime: now, ctime: now, served: undefined, missing: false };
    this.entries.set(uri.toString(), entry);
    return entry;
  }

  /** The entry of a note URI: remembered, or rebuilt from the path (an editor restored after a reload). */
  private async resolve(uri: vscode.Uri): Promise<NoteEntry> {
    const known = this.entries.get(uri.toString());
    if (known) return known;
    const parts = uri.path.split('/').slice(1);
    if (parts.length < 3) throw vscode.FileSystemError.FileNotFound(uri);
    const idPart = parts[parts.length - 2]!;
    const rel = parts.slice(0, -2).join('/');
    const article = await this.articleAt(rel);
    if (!article) throw vscode.FileSystemError.FileNotFound(uri);
    const m = /^new-(\d+)-(\d+)$/.exec(idPart);
    if (!m) {
      const annotation = await this.find(article.key, idPart);
      if (!annotation) throw vscode.FileSystemError.FileNotFound(uri);
      return this.entries.get(uri.toString()) ?? this.remember(uri, article.key, annotation, undefined);
    }
    const start = Number(m[1]);
    const end = Number(m[2]);
    const text = articleText(article);
    if (end > text.length || start >= end) throw vscode.FileSystemError.FileNotFound(uri);
    // Created meanwhile (a save of this very note before it was closed): bind to it instead of creating another.
    const existing = (await this.service.forArticleLoaded(article.key)).find((a) => a.start === start && a.end === end);
    const quote = article.analysis?.quotes.find((q) => q.start === start && q.end === end);
    const pending: PendingTarget = { start, end, exact: text.slice(start, end), kind: quote ? 'quote' : 'passage', speaker: quote?.speaker ?? undefined, entity: undefined };
    return this.entries.get(uri.toString()) ?? this.remember(uri, article.key, existing, existing ? undefined : pending);
  }

  /** The article at a display path, waiting for the first scan when VS Code restores a note at startup. */
  private async articleAt(rel: string): Promise<ArticleEntry | undefined> {
    const find = () => this.ctx.catalog.all().find((a) => a.relativePath.replace(/^\/+/, '') === rel);
    const found = find();
    if (found || this.ctx.catalog.isReady) return found;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 60_000);
      const sub = this.ctx.catalog.onDidChange(() => {
        if (this.ctx.catalog.isReady || find()) done();
      });
      function done() {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
    return find();
  }

  private async find(articleKey: string, id: string): Promise<AnnotationView | undefined> {
    return (await this.service.forArticleLoaded(articleKey)).find((a) => a.id === id);
  }

  /** The note as stored now ('' for a note whose annotation does not exist yet). */
  private async currentNote(entry: NoteEntry): Promise<string> {
    if (!entry.id) return '';
    const a = await this.find(entry.articleKey, entry.id);
    if (!a) throw vscode.FileSystemError.FileNotFound(entry.uri);
    return a.note ?? '';
  }

  /** Records the note VS Code now sees; a different note gets a later modification time. */
  private sync(entry: NoteEntry, note: string): boolean {
    if (note === entry.note) return false;
    entry.note = note;
    entry.mtime = Math.max(Date.now(), entry.mtime + 1);
    return true;
  }

  /** Where to create a pending note's annotation: its passage, followed if the article was edited meanwhile. */
  private locate(entry: NoteEntry): PendingTarget {
    const p = entry.pending!;
    const article = this.ctx.catalog.get(entry.articleKey);
    if (!article) throw vscode.FileSystemError.FileNotFound(`News Annotator: the article of this note is no longer in the workspace, so the note was not saved.`);
    const text = articleText(article);
    if (text.slice(p.start, p.end) === p.exact) return p;
    let best = -1;
    for (let i = text.indexOf(p.exact); i >= 0; i = text.indexOf(p.exact, i + 1)) {
      if (best < 0 || Math.abs(i - p.start) < Math.abs(best - p.start)) best = i;
    }
    if (best < 0) throw new Error(`News Annotator: the passage “${excerpt(p.exact, 40)}” is no longer in the article, so the note was not saved. Copy it, select the passage again and run Add Note.`);
    return { ...p, start: best, end: best + p.exact.length };
  }

  private saveError(err: unknown): Error {
    if (err instanceof vscode.FileSystemError) return err;
    const thrown = (err as { problem?: { path: string; line: number | null; message: string } }).problem;
    if (thrown) {
      const problem = { sidecarUri: thrown.path, line: thrown.line ?? undefined, message: thrown.message };
      const name = vscode.Uri.parse(problem.sidecarUri).path.split('/').pop();
      return vscode.FileSystemError.NoPermissions(
        `News Annotator: ${name}${problem.line ? ` line ${problem.line}` : ''}: ${problem.message}. This article's annotations are read-only until the sidecar is fixed, so the note was not saved; it is still in the editor.`,
      );
    }
    if (!vscode.workspace.isTrusted) return vscode.FileSystemError.NoPermissions(`News Annotator: ${errorText(err)}. The note was not saved; it is still in the editor.`);
    return new Error(`News Annotator could not save the note: ${errorText(err)}. It is still in the editor.`);
  }

  // ---- Changes elsewhere -------------------------------------------------------------------------------

  private onAnnotationsChanged(key: string): void {
    const events: vscode.FileChangeEvent[] = [];
    for (const entry of this.entries.values()) {
      if (!entry.id || (key && entry.articleKey !== key)) continue;
      // A sidecar that became unreadable is reported on its own; its notes keep what they show.
      if (this.service.problem(entry.articleKey)) continue;
      const a = this.service.forArticle(entry.articleKey).find((x) => x.id === entry.id);
      if (!a) {
        if (!entry.missing) events.push({ type: vscode.FileChangeType.Deleted, uri: entry.uri });
        entry.missing = true;
        continue;
      }
      const changed = this.sync(entry, a.note ?? '');
      if (entry.missing) events.push({ type: vscode.FileChangeType.Created, uri: entry.uri });
      else if (changed) events.push({ type: vscode.FileChangeType.Changed, uri: entry.uri });
      entry.missing = false;
    }
    if (events.length > 0) this.emitter.fire(events);
  }
}

function articleText(article: ArticleEntry): string {
  // The open document's text is the current one while it is being edited.
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === article.key)?.getText() ?? article.text;
}

/** news-annotator-note:/<article path>/<id>/Note — “<quote start…>”.md */
export function noteUri(article: ArticleEntry, idPart: string, quote: string): vscode.Uri {
  const title = `Note — “${excerpt(quote, 32)}”`.replace(/[/\\]/g, ' ').replace(/\s+/g, ' ');
  const rel = article.relativePath.replace(/^\/+/, '');
  return vscode.Uri.from({ scheme: NOTE_SCHEME, path: `/${rel}/${idPart}/${title}.md` });
}

export function register(ctx: FeatureContext): void {
  const service = ctx.annotations;
  const notes = new NoteFileSystem(ctx, service);
  const hint = saveHint(NOTE_SCHEME);
  ctx.probes.noteSaveHint = () => {
    const editor = vscode.window.activeTextEditor;
    return editor ? hint.hintOf(editor) : undefined;
  };
  ctx.subscriptions.push(
    notes,
    ...hint.disposables,
    vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, notes, { isCaseSensitive: true }),
    vscode.commands.registerCommand(Commands.editNote, (arg?: NoteArgs | TreeNode) =>
      guard(async () => {
        // The quick path (keybindings, scripts): set the note without an editor.
        if (!isNode(arg) && typeof arg?.note === 'string') {
          await vscode.commands.executeCommand(Commands.addNote, arg);
          return;
        }
        const t = targetFromNode(ctx, isNode(arg) ? arg : undefined) ?? (await targetAtCursor(ctx));
        if (!t) {
          if (vscode.window.activeTextEditor?.document.uri.scheme !== NOTE_SCHEME) void vscode.window.showInformationMessage(NO_TARGET);
          return;
        }
        await notes.open(t);
      }),
    ),
  );
}
