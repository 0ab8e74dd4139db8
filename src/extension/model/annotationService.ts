/**
 * The workspace's annotations, over the core's SidecarStore (through vscode.workspace.fs, so remote and
 * virtual workspaces work). Loads each article's sidecar, moves annotations with the text while an article is
 * edited (document change events), re-attaches them when the article or its sidecar changes on disk, saves
 * the moved anchors when the article is saved, and keeps an undo stack of the user's annotation changes.
 */
import * as vscode from 'vscode';
import { yieldToEventLoop } from '../../core/util/eventLoop';
import { renameTag, type RenameOutcome } from '../../core/annotations/renameTag';
import { countTags, SidecarStore, type AnnotationPatch, type ArticleAnnotations, type NewAnnotation } from '../../core/annotations/store';
import { isSidecarPath, SIDECAR_SUFFIX } from '../../core/workspace/articleFiles';
import { config } from '../config';
import { errorText, showSidecarProblem } from '../editor/errors';
import { localFileOps } from '../localFileOps';
import { countedFileOps } from '../../core/io/fileOps';
import type { ArticleCatalog } from './articleCatalog';
import type { ResolvedAnnotation } from '../../core/annotations/types';
import { toView, type AnnotationView, type SidecarProblem } from './annotationView';
import { AuthorName } from './author';

type UndoStep = { readonly label: string; readonly uri: string; readonly undo: () => Promise<void> };

const UNDO_LIMIT = 50;
/** File-watcher events of one sidecar closer together than this are looked at once. */
const SIDECAR_EVENT_MS = 50;

export class AnnotationService implements vscode.Disposable {
  /** The one owner of the open sidecars (handles); this service keeps only their views. */
  private readonly store: SidecarStore;
  private readonly views = new Map<string, AnnotationView[]>();
  private readonly emitter = new vscode.EventEmitter<string>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly undoStack: UndoStep[] = [];
  /** Articles whose views are out of date after edits (recomputed when read). */
  private readonly stale = new Set<string>();
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly authors = new AuthorName();
  /** The sidecar files read and written (counted for the tests: one Tag Quote is one read and one write). */
  readonly io = countedFileOps(localFileOps);
  /** Watcher events on a sidecar that were our own writes' echoes (or nothing new), per article (for the tests). */
  readonly echoes = new Map<string, number>();

  constructor(private readonly catalog: ArticleCatalog) {
    // Watched: the file watcher below hands every sidecar change to its handle, which recognises our own writes
    // by content (one read per save, no reload, no second redraw).
    this.store = new SidecarStore({ fileOps: this.io.fileOps, contextLength: config.contextLength(), watched: true });
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.disposables.push(
      this.emitter,
      watcher,
      watcher.onDidCreate((u) => this.onSidecarEvent(u)),
      watcher.onDidChange((u) => this.onSidecarEvent(u)),
      watcher.onDidDelete((u) => this.onSidecarEvent(u)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChange(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onDocumentSave(d)),
      catalog.onDidChange((e) => void this.onCatalogChange(e.keys)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affects(e, 'annotations.contextLength')) this.store.setContextLength(config.contextLength());
      }),
      // The author's name (git's user.name, read from git's config files) is looked up once an article is shown,
      // not when the first Tag Quote waits for it.
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && catalog.isArticleUri(e.document.uri)) void this.authors.get();
      }),
    );
  }

  // ---- Reading ----------------------------------------------------------------------------------------

  forArticle(uri: string): readonly AnnotationView[] {
    if (this.stale.has(uri)) this.refreshView(uri, false);
    return this.views.get(uri) ?? [];
  }

  problem(uri: string): SidecarProblem | undefined {
    const p = this.store.get(uri)?.error;
    return p ? { sidecarUri: p.path, line: p.line ?? undefined, message: p.message } : undefined;
  }

  /** Tags of annotations across the workspace with how many annotations carry each, most used first. */
  tagCounts(): [string, number][] {
    return this.countTags(false);
  }

  /** Like forArticle, but loads the article's sidecar first when it is not loaded yet (e.g. a note editor restored at startup). */
  async forArticleLoaded(uri: string): Promise<readonly AnnotationView[]> {
    await this.handleFor(uri);
    return this.forArticle(uri);
  }

  // ---- Loading ----------------------------------------------------------------------------------------

  /**
   * Loads the sidecars that exist (found with one workspace search rather than one look-up per article), in
   * small batches. An article without a sidecar gets its handle when it is first annotated.
   */
  async loadAll(options: { skipLoaded?: boolean } = {}): Promise<void> {
    const existing = new Set((await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`)).map((u) => u.toString().slice(0, -SIDECAR_SUFFIX.length)));
    const loaded = (key: string) => this.store.get(key) !== undefined;
    const keys = this.catalog.all().filter((a) => (options.skipLoaded ? existing.has(a.key) && !loaded(a.key) : existing.has(a.key) || loaded(a.key)));
    await this.loadSome(keys.map((a) => a.key));
  }

  /** Loads the sidecars of these articles (e.g. those the index cache remembers as annotated), in small batches. */
  async loadSome(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 32) {
      await Promise.all(keys.slice(i, i + 32).map((k) => this.load(k, false)));
      await yieldToEventLoop();
    }
    this.emitter.fire('');
  }

  private async load(uri: string, fire = true): Promise<ArticleAnnotations | undefined> {
    const entry = this.catalog.get(uri);
    if (!entry || entry.error) return undefined;
    const h = await this.store.load(uri, entry.text);
    this.refreshView(uri, fire);
    if (h.error && fire) this.reportProblem(uri);
    return h;
  }

  /**
   * Rebuilds an article's annotation views; tells the listeners unless the article had none and still has none
   * (an article without a sidecar loaded or edited: no tree, badge or index record changes).
   */
  private refreshView(uri: string, fire = true): void {
    this.stale.delete(uri);
    const h = this.store.get(uri);
    if (h) this.resolveEntityRefs(uri, h);
    const list = h ? h.list().map(toView) : [];
    const hadViews = this.views.delete(uri);
    const had = this.withProblem.delete(uri) || hadViews;
    if (list.length > 0) this.views.set(uri, list);
    if (h?.error) this.withProblem.add(uri);
    if (fire && (had || list.length > 0 || h?.error)) this.emitter.fire(uri);
  }

  /** Articles whose sidecar could not be read, as last told (their problem going away is a change too). */
  private readonly withProblem = new Set<string>();

  private async handleFor(uri: string): Promise<ArticleAnnotations> {
    const h = this.store.get(uri) ?? (await this.load(uri, false));
    if (!h) throw new Error('this file is not an article News Annotator can read');
    return h;
  }

  // ---- Changes ----------------------------------------------------------------------------------------

  async add(uri: string, input: NewAnnotation): Promise<AnnotationView> {
    const h = await this.handleFor(uri);
    const author = input.author ?? (await this.author());
    const r = await this.write(uri, () => h.add({ ...input, author }));
    const created = toView(r);
    this.pushUndo(`add annotation on “${created.quote.slice(0, 40)}”`, uri, async () => {
      await h.remove(created.id);
    });
    return created;
  }

  async update(uri: string, id: string, patch: AnnotationPatch): Promise<AnnotationView> {
    const h = await this.handleFor(uri);
    const before = h.get(id);
    const r = await this.write(uri, () => h.update(id, patch));
    if (before) {
      const prev = before.annotation;
      this.pushUndo('edit annotation', uri, async () => {
        await h.update(id, { setTags: prev.tags, note: prev.note ?? null });
      });
    }
    return toView(r);
  }

  async remove(uri: string, id: string): Promise<void> {
    const h = await this.handleFor(uri);
    const before = h.get(id);
    await this.write(uri, () => h.remove(id));
    if (before && before.start >= 0) {
      const a = before.annotation;
      this.pushUndo('remove annotation', uri, async () => {
        await h.add({ start: before.start, end: before.end, kind: a.kind, tags: a.tags, note: a.note, speaker: a.speaker, entity: a.entity, author: a.author });
      });
    }
  }

  async reattach(uri: string, id: string, start: number, end: number): Promise<AnnotationView> {
    const h = await this.handleFor(uri);
    const r = await this.write(uri, () => h.reattach(id, start, end));
    return toView(r);
  }

  // ---- Export and tag rename (features/exportCommands.ts, features/tagCommands.ts) -------------------------

  /** An article's resolved annotations (orphans included) and article-level tags and note, for export. */
  exportData(uri: string): { annotations: readonly ResolvedAnnotation[]; tags: readonly string[]; note: string | undefined; problem: SidecarProblem | undefined } {
    const h = this.store.get(uri);
    if (!h || h.error) return { annotations: [], tags: [], note: undefined, problem: this.problem(uri) };
    return { annotations: h.list(), tags: h.data.tags, note: h.data.note, problem: undefined };
  }

  /** Tags of annotations and of articles across the workspace, with how often each is used, most used first. */
  allTagCounts(): [string, number][] {
    return this.countTags(true);
  }

  /** The core's countTags over the loaded sidecars (broken ones left out), with or without article-level tags. */
  private countTags(articleTags: boolean): [string, number][] {
    const data = [...this.store.handles()].filter((h) => !h.error).map((h) => (articleTags ? h.data : { ...h.data, tags: [] }));
    return countTags(data).map((c) => [c.tag, c.count]);
  }

  /**
   * Renames a tag, or merges it into an existing one, in every sidecar of the workspace (annotation and article
   * tags), as one undoable step. A broken sidecar is not touched: it is in the outcome's `errors`.
   */
  async renameTag(from: string, to: string): Promise<RenameOutcome> {
    if (!vscode.workspace.isTrusted) {
      throw new Error('this workspace is not trusted, so News Annotator does not write sidecar files here (trust the workspace to annotate)');
    }
    const outcome = await renameTag([...this.store.handles()], from, to);
    for (const s of outcome.renamed) this.refreshView(s.articlePath);
    const done = outcome.renamed;
    if (done.length > 0) {
      this.pushUndo(`rename of tag “${from.trim()}” to “${to.trim()}”`, done[0]!.articlePath, async () => {
        for (const s of done) {
          const h = this.store.get(s.articlePath);
          if (!h) continue;
          try {
            for (const c of s.changes) {
              if (c.id === null) await h.updateArticle({ setTags: c.before });
              else if (h.get(c.id)) await h.update(c.id, { setTags: c.before });
            }
          } finally {
            this.refreshView(s.articlePath);
          }
        }
      });
    }
    return outcome;
  }

  /**
   * Adds `tags` to every listed passage (an existing annotation on exactly that range gets the tags added, else a
   * new one is created), across articles, as one undoable step. Articles whose sidecar cannot be written (broken)
   * are skipped and returned in `failed`; the others are written.
   */
  async tagMany(
    items: readonly { readonly uri: string; readonly start: number; readonly end: number; readonly kind: NewAnnotation['kind']; readonly speaker?: string }[],
    tags: readonly string[],
  ): Promise<{ annotations: number; articles: number; failed: { uri: string; message: string }[] }> {
    if (!vscode.workspace.isTrusted) {
      throw new Error('this workspace is not trusted, so News Annotator does not write sidecar files here (trust the workspace to annotate)');
    }
    const author = await this.author();
    const byArticle = new Map<string, typeof items>();
    for (const it of items) byArticle.set(it.uri, [...(byArticle.get(it.uri) ?? []), it]);
    const undo: (() => Promise<void>)[] = [];
    const failed: { uri: string; message: string }[] = [];
    let annotations = 0;
    let articles = 0;
    for (const [uri, list] of byArticle) {
      try {
        const h = await this.handleFor(uri);
        if (h.error) throw new Error(h.error.message);
        for (const it of list) {
          const existing = h.list().find((r) => r.start === it.start && r.end === it.end);
          if (existing) {
            const prev = existing.annotation.tags;
            await h.update(existing.annotation.id, { addTags: tags });
            undo.push(async () => {
              if (h.get(existing.annotation.id)) await h.update(existing.annotation.id, { setTags: prev });
            });
          } else {
            const r = await h.add({ start: it.start, end: it.end, kind: it.kind, tags, speaker: it.speaker, author });
            undo.push(async () => {
              if (h.get(r.annotation.id)) await h.remove(r.annotation.id);
            });
          }
          annotations++;
        }
        articles++;
      } catch (err) {
        failed.push({ uri, message: errorText(err) });
      } finally {
        this.refreshView(uri);
      }
    }
    if (undo.length > 0) {
      const uris = [...byArticle.keys()];
      this.pushUndo(`tagging of ${annotations} statement${annotations === 1 ? '' : 's'} with ${tags.map((t) => `#${t}`).join(' ')}`, uris[0]!, async () => {
        try {
          for (const u of undo.reverse()) await u();
        } finally {
          for (const u of uris) this.refreshView(u);
        }
      });
    }
    return { annotations, articles, failed };
  }

  /** Undoes the last annotation change; returns what was undone, or undefined when there is nothing to undo. */
  async undo(): Promise<string | undefined> {
    const step = this.undoStack.pop();
    if (!step) return undefined;
    await step.undo();
    this.refreshView(step.uri);
    return step.label;
  }

  private pushUndo(label: string, uri: string, undo: () => Promise<void>): void {
    this.undoStack.push({ label, uri, undo });
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
  }

  private async write<T>(uri: string, fn: () => Promise<T>): Promise<T> {
    if (!vscode.workspace.isTrusted) {
      throw new Error('this workspace is not trusted, so News Annotator does not write sidecar files here (trust the workspace to annotate)');
    }
    try {
      return await fn();
    } finally {
      this.refreshView(uri);
    }
  }

  /** The author recorded on new annotations (see author.ts). */
  author(): Promise<string> {
    return this.authors.get();
  }

  // ---- Events -----------------------------------------------------------------------------------------

  private onDocumentChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const uri = e.document.uri.toString();
    const h = this.store.get(uri);
    if (!h) return;
    if (!e.document.isDirty) {
      // A change that leaves the document clean is VS Code reloading it after it changed on disk (or an undo
      // back to the saved text): re-attach by quote and context rather than mapping a whole-text replacement.
      h.setText(e.document.getText());
    } else {
      const edits = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text }));
      h.applyEdits(edits, e.document.getText());
    }
    // The handle is current at once (commands read it through forArticle); trees, decorations and the index
    // hear about it after a pause in typing rather than on every keystroke (VS Code moves the decorations).
    this.stale.add(uri);
    const prev = this.typing.get(uri);
    if (prev) clearTimeout(prev);
    this.typing.set(
      uri,
      setTimeout(() => {
        this.typing.delete(uri);
        this.refreshView(uri);
      }, config.highlights().debounceMs),
    );
  }

  private async onDocumentSave(doc: vscode.TextDocument): Promise<void> {
    const uri = doc.uri.toString();
    const h = this.store.get(uri);
    if (!h || h.readOnly || h.list().length === 0 || !vscode.workspace.isTrusted) return;
    try {
      await h.saveAnchors();
    } catch (err) {
      void vscode.window.showErrorMessage(`News Annotator could not save the annotations of ${vscode.workspace.asRelativePath(doc.uri)}: ${errorText(err)}`);
    }
  }

  private async onCatalogChange(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const entry = this.catalog.get(key);
      const h = this.store.get(key);
      if (!entry) {
        this.views.delete(key);
        this.withProblem.delete(key);
        this.store.forget(key);
        this.emitter.fire(key);
        continue;
      }
      // Changed on disk (a document with unsaved edits keeps its handle current through its change events).
      const dirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty);
      if (h && !dirty && h.text !== entry.text) {
        h.setText(entry.text);
        this.refreshView(key);
      } else if (!h) {
        await this.load(key);
      } else if (this.resolveEntityRefs(key, h)) {
        this.refreshView(key);
      }
    }
  }

  /**
   * Points the entity references of an article's annotations at its entities as analysed now (an old-style
   * `person:…` id, an entity renamed by a correction: see core/annotations/entityRefs.ts); shown at once, written
   * with the next save. True when a reference now reads otherwise.
   */
  private resolveEntityRefs(uri: string, h: ArticleAnnotations): boolean {
    const entry = this.catalog.get(uri);
    if (!entry?.hasAnalysis || entry.text !== h.text || h.list().length === 0) return false;
    const refs = () => h.list().map((r) => r.annotation.entity ?? '').join('\n');
    const before = refs();
    h.resolveEntityRefs(entry.peekAnalysis()!.entities);
    return refs() !== before;
  }

  private readonly diskEvents = new Map<string, ReturnType<typeof setTimeout>>();

  /** Looks at a changed sidecar once its events stop for a moment (a rename raises create and change together). */
  private onSidecarEvent(sidecar: vscode.Uri): void {
    const key = sidecar.toString();
    clearTimeout(this.diskEvents.get(key));
    this.diskEvents.set(
      key,
      setTimeout(() => {
        this.diskEvents.delete(key);
        void this.onSidecarDiskChange(sidecar);
      }, SIDECAR_EVENT_MS),
    );
  }

  private async onSidecarDiskChange(sidecar: vscode.Uri): Promise<void> {
    if (!isSidecarPath(sidecar.path)) return;
    // Every event is looked at (by content, never by timing, which could miss a real change made right after a save).
    const articleUri = sidecar.toString().slice(0, -SIDECAR_SUFFIX.length);
    const h = this.store.get(articleUri);
    if (h) {
      // Our own save's echo (the same bytes as written) changes nothing: no reload, no redraw.
      if ((await h.onDiskChange()) === 'same') {
        this.echoes.set(articleUri, (this.echoes.get(articleUri) ?? 0) + 1);
        return;
      }
      this.refreshView(articleUri);
      if (h.error) this.reportProblem(articleUri);
    } else {
      await this.load(articleUri);
    }
  }

  /** Shows a sidecar problem once, with a button that opens the sidecar at the bad line. */
  private readonly reported = new Set<string>();
  reportProblem(uri: string): void {
    const p = this.problem(uri);
    if (!p) {
      this.reported.delete(uri);
      return;
    }
    const key = `${uri}\n${p.message}\n${p.line}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    void showSidecarProblem(p);
  }

  dispose(): void {
    for (const t of this.typing.values()) clearTimeout(t);
    for (const t of this.diskEvents.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
