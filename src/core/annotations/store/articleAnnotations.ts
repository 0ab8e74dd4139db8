/**
 * One article's annotations: its sidecar as last read or written, and where each annotation is in the
 * article's current text (anchorTracker.ts). Every change is saved at once, through the concurrent-save
 * protocol (saveProtocol.ts), one change at a time per sidecar.
 */
import { makeTarget } from '../../anchoring/anchor';
import { resolveEntityRef, type EntityRefTarget } from '../entityRefs';
import type { TextEdit } from '../../anchoring/edits';
import type { FileOps } from '../../io/fileOps';
import { newId, type RandomSource } from '../ids';
import type { MergeConflict } from '../merge';
import { emptySidecar, type Annotation, type ResolvedAnnotation, type SidecarData, type SidecarProblem } from '../types';
import { SidecarError, type SidecarLimits } from '../yaml';
import { AnchorTracker } from './anchorTracker';
import { dedupeTags, inDocumentOrder, patchAnnotation, patchArticle, type AnnotationPatch, type ArticlePatch, type NewAnnotation } from './patches';
import { AnnotationNotFoundError, problemOf, readSidecarFile, SidecarReadOnlyError, type DiskState } from './readSidecar';
import { overwrittenSince, writeMerged, type SaveEnv, type SidecarState } from './saveProtocol';

/** What a handle is given by its store (SidecarStore). */
export interface StoreServices {
  readonly fileOps: FileOps;
  readonly limits: SidecarLimits;
  readonly contextLength: number;
  readonly random: RandomSource;
  readonly verifyDelayMs: number;
  /** See StoreOptions.watched. */
  readonly watched: boolean;
  now(): string;
  /** Serialises changes to one sidecar within this process. */
  runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` holding the sidecar's lock file (across processes). */
  withLock<T>(sidecarPath: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * One article's annotations: its sidecar as last read or written, and where each annotation is in the
 * article's current text. Obtain it from `SidecarStore.load`. Every change is saved at once.
 */
export class ArticleAnnotations {
  private readonly state: SidecarState;
  private readonly anchors: AnchorTracker;
  private readonly env: SaveEnv;
  private conflictsFromLastSave: readonly MergeConflict[] = [];
  private commitCount = 0;
  /** The article's entities as last given to resolveEntityRefs (null: not given yet). */
  private entities: readonly EntityRefTarget[] | null = null;
  /** Annotation id → its entity reference as it reads now, where that differs from the stored one (written with the next save). */
  private entityRefs = new Map<string, string>();

  /** @internal Use SidecarStore.load. */
  constructor(
    private readonly store: StoreServices,
    readonly articlePath: string,
    readonly sidecarPath: string,
    text: string,
    disk: DiskState | { problem: SidecarProblem },
  ) {
    this.anchors = new AnchorTracker(text);
    const empty = () => emptySidecar(store.fileOps.basename(articlePath));
    this.state =
      'problem' in disk
        ? { base: empty(), raw: null, doc: null, problem: disk.problem }
        : { base: disk.data ?? empty(), raw: disk.raw, doc: disk.doc, problem: null, stamp: disk.stamp };
    this.env = {
      fileOps: store.fileOps,
      limits: store.limits,
      random: store.random,
      articlePath,
      sidecarPath,
      watched: store.watched,
      now: () => store.now(),
    };
    this.anchors.resolveAll(this.state.base.annotations);
    this.refreshEntityRefs();
  }

  /** The reason the sidecar cannot be used, or null. When set, every change throws SidecarReadOnlyError. */
  get error(): SidecarProblem | null {
    return this.state.problem;
  }

  get readOnly(): boolean {
    return this.state.problem !== null;
  }

  /** The sidecar content as last read or written (targets as stored). */
  get data(): SidecarData {
    return this.state.base;
  }

  get text(): string {
    return this.anchors.text;
  }

  /** True when the article text differs from the one the sidecar was last saved against. */
  get sourceChanged(): boolean {
    const fp = this.state.base.sourceFingerprint;
    return fp !== undefined && fp !== this.anchors.fingerprint();
  }

  /** Conflicts the last save had to record (both sides changed the same field). */
  get lastConflicts(): readonly MergeConflict[] {
    return this.conflictsFromLastSave;
  }

  /** All annotations, in document order, with their range and status in the current text. */
  list(): ResolvedAnnotation[] {
    const out = this.state.base.annotations.map((a) => this.anchors.resolved(this.withEntityRef(a)));
    return out.sort((x, y) => (x.start < 0 ? x.annotation.target.start : x.start) - (y.start < 0 ? y.annotation.target.start : y.start));
  }

  get(id: string): ResolvedAnnotation | undefined {
    const a = this.state.base.annotations.find((x) => x.id === id);
    return a ? this.anchors.resolved(this.withEntityRef(a)) : undefined;
  }

  /**
   * Re-resolves the entity references against the article's entities (see entityRefs.ts): an old-style id is read
   * in the current form, and a reference whose entity is gone takes the entity named on the annotation's passage.
   * Shown at once by list/get; written with the next save. Returns the number of references that now read otherwise
   * than stored.
   */
  resolveEntityRefs(entities: readonly EntityRefTarget[]): number {
    this.entities = entities;
    this.refreshEntityRefs();
    return this.entityRefs.size;
  }

  private refreshEntityRefs(): void {
    const next = new Map<string, string>();
    for (const a of this.state.base.annotations) {
      if (a.entity === undefined) continue;
      const r = this.anchors.resolved(a);
      const ref = resolveEntityRef(a.entity, r.status === 'orphaned' ? null : r, this.entities ?? []);
      if (ref !== a.entity) next.set(a.id, ref);
    }
    this.entityRefs = next;
  }

  private withEntityRef<T extends Annotation>(a: T): T {
    const ref = this.entityRefs.get(a.id);
    return ref === undefined ? a : { ...a, entity: ref };
  }

  /**
   * The article changed outside the editor (git pull, another program): re-attach everything to `text`.
   * Nothing is saved (call `saveAnchors` to record the new positions).
   */
  setText(text: string): ResolvedAnnotation[] {
    this.anchors.setText(text, this.state.base.annotations);
    return this.list();
  }

  /**
   * The article is being edited: move annotations with the text. `edits` are one change event's edits, all
   * against the text before the event; `newText` is the text after it. Annotations whose whole passage was
   * deleted become orphaned (their stored quote is kept, so they can be re-attached). Nothing is saved: call
   * `saveAnchors` (e.g. when the document is saved).
   */
  applyEdits(edits: readonly TextEdit[], newText: string): ResolvedAnnotation[] {
    this.anchors.applyEdits(edits, newText);
    return this.list();
  }

  /** Writes the current positions (after edits or re-attachment) to the sidecar, if any changed. */
  async saveAnchors(): Promise<void> {
    if (this.readOnly) return;
    const withAnchors = this.anchors.withAnchors(this.state.base, this.store.contextLength);
    if (withAnchors === this.state.base && this.entityRefs.size === 0) return;
    await this.commit((d) => d);
  }

  /** Adds an annotation on `text[start, end)` of the current text and saves. */
  async add(input: NewAnnotation): Promise<ResolvedAnnotation> {
    const { start, end } = input;
    const text = this.anchors.text;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
      throw new RangeError(`cannot annotate [${start}, ${end}): the article has ${text.length} characters and the range must not be empty`);
    }
    const now = this.store.now();
    let id = '';
    await this.commit((d) => {
      id = newId((x) => d.annotations.some((a) => a.id === x), this.store.random);
      const a: Annotation = {
        id,
        kind: input.kind ?? 'passage',
        ...(input.speaker ? { speaker: input.speaker } : {}),
        ...(input.entity ? { entity: input.entity } : {}),
        tags: dedupeTags(input.tags ?? []),
        ...(input.note ? { note: input.note } : {}),
        target: makeTarget(text, start, end, this.store.contextLength),
        ...(input.author ? { author: input.author } : {}),
        created: now,
        updated: now,
      };
      return { ...d, annotations: [...d.annotations, a] };
    });
    return this.get(id)!;
  }

  /** Edits one annotation (tags, note, speaker, kind, entity) and saves. */
  async update(id: string, patch: AnnotationPatch): Promise<ResolvedAnnotation> {
    this.require(id);
    const now = this.store.now();
    await this.commit((d) => ({
      ...d,
      annotations: d.annotations.map((a) => (a.id === id ? patchAnnotation(a, patch, now) : a)),
    }));
    return this.require(id);
  }

  /** Removes one annotation and saves (the sidecar is deleted when nothing else is left in it). */
  async remove(id: string): Promise<void> {
    this.require(id);
    await this.commit((d) => ({ ...d, annotations: d.annotations.filter((a) => a.id !== id) }));
  }

  /** Attaches an annotation (typically an orphan) to `text[start, end)` of the current text and saves. */
  async reattach(id: string, start: number, end: number): Promise<ResolvedAnnotation> {
    this.require(id);
    const text = this.anchors.text;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
      throw new RangeError(`cannot re-attach to [${start}, ${end}): the article has ${text.length} characters`);
    }
    const now = this.store.now();
    const target = makeTarget(text, start, end, this.store.contextLength);
    await this.commit((d) => ({
      ...d,
      annotations: d.annotations.map((a) => (a.id === id ? { ...a, target, updated: now } : a)),
    }));
    // Set the anchor explicitly: the user chose this place.
    this.anchors.place(id, start, end);
    return this.require(id);
  }

  /** Edits the article-level tags and note and saves. */
  async updateArticle(patch: ArticlePatch): Promise<SidecarData> {
    await this.commit((d) => patchArticle(d, patch));
    return this.state.base;
  }

  /** Re-reads the sidecar from disk (after a file-watcher event); a now-broken sidecar makes the store read-only. */
  async reload(): Promise<void> {
    await this.locked(async () => {
      try {
        const disk = await readSidecarFile(this.store.fileOps, this.sidecarPath, this.store.limits);
        this.state.base = disk.data ?? emptySidecar(this.store.fileOps.basename(this.articlePath));
        this.state.raw = disk.raw;
        this.state.doc = disk.doc;
        this.state.stamp = disk.stamp;
        this.state.problem = null;
      } catch (err) {
        if (!(err instanceof SidecarError)) throw err;
        this.state.problem = problemOf(err, this.sidecarPath);
      }
      this.anchors.resolveAll(this.state.base.annotations);
      this.refreshEntityRefs();
    });
  }

  /**
   * The file watcher saw the sidecar change. Reads it once: the same bytes as last written or read are our own
   * save's echo (or nothing new), and nothing happens ('same'); otherwise, if it is another writer's version made
   * without seeing our last save, our change is merged back in and written, and the sidecar is taken as it now is
   * ('reloaded').
   */
  async onDiskChange(): Promise<'same' | 'reloaded'> {
    // Events that arrive while a look is waiting its turn share it (a rename can raise two events).
    this.diskCheck ??= this.locked(async () => {
      this.diskCheck = undefined;
      return this.lookAtDisk();
    });
    return this.diskCheck;
  }

  private diskCheck: Promise<'same' | 'reloaded'> | undefined;

  private async lookAtDisk(): Promise<'same' | 'reloaded'> {
    let disk: DiskState;
    try {
      disk = await readSidecarFile(this.store.fileOps, this.sidecarPath, this.store.limits, this.state.raw);
    } catch (err) {
      if (!(err instanceof SidecarError)) throw err;
      this.state.problem = problemOf(err, this.sidecarPath);
      this.anchors.resolveAll(this.state.base.annotations);
      this.refreshEntityRefs();
      return 'reloaded';
    }
    // Our last save is on disk (or was looked at): later changes are other writers' own and stand.
    const last = this.lastCommit;
    this.lastCommit = undefined;
    if (disk.same || (disk.raw === null && this.state.raw === null)) {
      this.state.stamp = disk.stamp;
      return 'same';
    }
    if (last && !this.state.problem && disk.data) {
      const restored = await this.store.withLock(this.sidecarPath, async () => {
        if (!(await overwrittenSince(this.env, this.state, last.prevBase, last.ours))) return false;
        this.state.base = last.prevBase;
        this.state.raw = new Uint8Array(0);
        this.state.doc = null;
        this.state.stamp = undefined;
        await this.write(last.ours);
        return true;
      });
      if (restored) return 'reloaded';
    }
    this.state.base = disk.data ?? emptySidecar(this.store.fileOps.basename(this.articlePath));
    this.state.raw = disk.raw;
    this.state.doc = disk.doc;
    this.state.stamp = disk.stamp;
    this.state.problem = null;
    this.anchors.resolveAll(this.state.base.annotations);
    this.refreshEntityRefs();
    return 'reloaded';
  }

  private lastCommit: { readonly prevBase: SidecarData; readonly ours: SidecarData } | undefined;

  private require(id: string): ResolvedAnnotation {
    const r = this.get(id);
    if (!r) throw new AnnotationNotFoundError(this.articlePath, id);
    return r;
  }

  /** Runs `fn` after every other change to the same sidecar in this process (all handles share the queue). */
  private locked<T>(fn: () => Promise<T>): Promise<T> {
    return this.store.runExclusive(this.sidecarPath, fn);
  }

  /**
   * Applies `mutate` to the current data (with current positions) and saves: re-reads the sidecar, merges with
   * whatever changed on disk since it was read, writes a temporary file beside it and renames it over.
   */
  private commit(mutate: (d: SidecarData) => SidecarData): Promise<void> {
    return this.locked(async () => {
      if (this.state.problem) throw new SidecarReadOnlyError(this.state.problem);
      const basename = this.store.fileOps.basename(this.articlePath);
      const anchored = this.anchors.withAnchors(this.state.base, this.store.contextLength);
      const prepared = this.entityRefs.size === 0 ? anchored : { ...anchored, annotations: anchored.annotations.map((a) => this.withEntityRef(a)) };
      const ours0 = mutate(prepared);
      const ours: SidecarData = inDocumentOrder({ ...ours0, source: basename, version: ours0.version, sourceFingerprint: this.anchors.fingerprint() });
      const prevBase = this.state.base;
      await this.store.withLock(this.sidecarPath, () => this.write(ours));
      this.lastCommit = { prevBase, ours };
      const n = ++this.commitCount;
      // Another process may rename its version over ours just after we checked: look again a little later and
      // restore our change if it is missing (merging from the same base, so neither side's change is lost).
      if (this.store.verifyDelayMs >= 0) {
        setTimeout(() => {
          this.locked(() => this.verifyLater(n, prevBase, ours)).catch(() => undefined);
        }, this.store.verifyDelayMs);
      }
    });
  }

  private async verifyLater(n: number, prevBase: SidecarData, ours: SidecarData): Promise<void> {
    if (n !== this.commitCount || this.state.problem) return;
    await this.store.withLock(this.sidecarPath, async () => {
      if (!(await overwrittenSince(this.env, this.state, prevBase, ours))) return;
      this.state.base = prevBase;
      this.state.raw = new Uint8Array(0);
      this.state.doc = null;
      await this.write(ours);
    });
  }

  /** Writes `ours` (merged with the disk), then re-resolves the anchors against what was written. */
  private async write(ours: SidecarData): Promise<void> {
    this.conflictsFromLastSave = await writeMerged(this.env, this.state, ours);
    this.anchors.resolveAll(this.state.base.annotations);
    // Positions just written are now the stored ones.
    this.anchors.settle();
    this.refreshEntityRefs();
  }
}
