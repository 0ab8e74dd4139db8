/**
 * The sidecar store: loads an article's annotations from `<article>.annotations.yaml`, re-attaches them to the
 * article's current text, and saves every change at once, atomically (temporary file in the same folder, then
 * rename) and without overwriting what someone else wrote on disk meanwhile (three-way merge by id).
 *
 * Pure core: all file access goes through the injected FileOps, so the extension (vscode.workspace.fs, remote
 * and virtual workspaces included) and the CLI (node fs) share it.
 */
import type { Document, YAMLMap } from 'yaml';
import { isMap, isSeq, visit } from 'yaml';
import { makeTarget, resolveTargets, DEFAULT_CONTEXT_LENGTH, type Anchor, type TextTarget } from '../anchoring/anchor';
import { mapRangesThroughEdits, type TextEdit } from '../anchoring/edits';
import { FileNotFoundError, type FileOps } from '../io/fileOps';
import { fingerprint } from '../text/decode';
import { sidecarPathFor } from '../workspace/articleFiles';
import { defaultRandom, newId, type RandomSource } from './ids';
import { DEFAULT_LOCK_STALE_MS, withSidecarLock } from './lock';
import { mergeSidecars, type MergeConflict } from './merge';
import { DEFAULT_LIMITS, decodeSidecarBytes, newSidecarDocument, parseSidecar, serializeSidecar, SIDECAR_HEADER, SidecarError, type SidecarLimits } from './sidecarYaml';
import {
  emptySidecar,
  isEmptySidecar,
  normalizeTag,
  type Annotation,
  type AnnotationKind,
  type ResolvedAnnotation,
  type SidecarData,
  type SidecarProblem,
} from './types';

export interface StoreOptions {
  readonly fileOps: FileOps;
  /** Clock for created/updated times (inject a fixed one in tests). */
  readonly clock?: () => Date;
  readonly random?: RandomSource;
  readonly limits?: SidecarLimits;
  /** Characters of context stored each side of a quote (setting `newsAnnotator.annotations.contextLength`). */
  readonly contextLength?: number;
  /**
   * After a save, the sidecar is read again this many milliseconds later and our change restored if another
   * process overwrote it in the instant between our last check and our rename. Negative: no second look.
   */
  readonly verifyDelayMs?: number;
  /**
   * Each save holds `<sidecar>.lock` (through `FileOps.createExclusive`) so saves from several processes take
   * turns. A lock older than this (a holder killed mid-save) is broken. Default 2000 ms.
   */
  readonly lockStaleMs?: number;
}

export interface NewAnnotation {
  readonly start: number;
  readonly end: number;
  readonly kind?: AnnotationKind;
  readonly tags?: readonly string[];
  readonly note?: string;
  readonly speaker?: string;
  readonly entity?: string;
  readonly author?: string;
}

/** Changes to one annotation. `null` removes an optional field. Tags are normalised (trimmed). */
export interface AnnotationPatch {
  readonly setTags?: readonly string[];
  readonly addTags?: readonly string[];
  readonly removeTags?: readonly string[];
  readonly note?: string | null;
  readonly speaker?: string | null;
  readonly entity?: string | null;
  readonly kind?: AnnotationKind;
  /** Drop the conflict records (the user has looked at them). Any edit of the conflicting field also does. */
  readonly clearConflicts?: boolean;
  /** Who made the change (recorded as `author` only on new annotations; kept for the merge record). */
  readonly author?: string;
}

export interface ArticlePatch {
  readonly setTags?: readonly string[];
  readonly addTags?: readonly string[];
  readonly removeTags?: readonly string[];
  readonly note?: string | null;
  readonly clearConflicts?: boolean;
}

/** Thrown by a change to an article whose sidecar could not be read (it is never overwritten). */
export class SidecarReadOnlyError extends Error {
  constructor(readonly problem: SidecarProblem) {
    super(`annotations of this article are read-only until its sidecar is fixed: ${formatProblem(problem)}`);
    this.name = 'SidecarReadOnlyError';
  }
}

export class AnnotationNotFoundError extends Error {
  constructor(
    readonly path: string,
    readonly id: string,
  ) {
    super(`no annotation with id ${id} in ${path}`);
    this.name = 'AnnotationNotFoundError';
  }
}

export function formatProblem(p: SidecarProblem): string {
  return `${p.path}${p.line !== null ? `:${p.line}` : ''}: ${p.message}`;
}

function problemOf(err: unknown, path: string): SidecarProblem {
  if (err instanceof SidecarError) return { path: err.path, line: err.line, message: err.detail };
  return { path, line: null, message: err instanceof Error ? err.message : String(err) };
}

interface DiskState {
  /** True when the bytes equal the `knownRaw` given to readSidecarFile (then not parsed: data and doc are null). */
  readonly same?: boolean;
  readonly raw: Uint8Array | null;
  readonly data: SidecarData | null;
  readonly doc: Document | null;
}

/** Reads and parses a sidecar. `null` data when there is none; throws SidecarError when it is unusable. */
export async function readSidecarFile(
  fileOps: FileOps,
  sidecarPath: string,
  limits: SidecarLimits = DEFAULT_LIMITS,
  knownRaw?: Uint8Array | null,
): Promise<DiskState> {
  const st = await fileOps.stat(sidecarPath);
  if (!st) return { raw: null, data: null, doc: null };
  if (st.size > limits.maxBytes) {
    throw new SidecarError(sidecarPath, null, 'limit', `sidecar is ${st.size} bytes, more than the ${limits.maxBytes} allowed; refusing to read it`);
  }
  let raw: Uint8Array;
  try {
    raw = await fileOps.readFile(sidecarPath);
  } catch (err) {
    if (err instanceof FileNotFoundError) return { raw: null, data: null, doc: null };
    throw err;
  }
  if (knownRaw && sameBytes(raw, knownRaw)) return { same: true, raw, data: null, doc: null };
  const text = decodeSidecarBytes(raw, sidecarPath, limits);
  const { data, doc } = parseSidecar(text, sidecarPath, limits);
  return { raw, data, doc };
}

/** Same content, whatever the key order. */
function sameData(a: SidecarData, b: SidecarData): boolean {
  const norm = (d: SidecarData): string =>
    JSON.stringify(d, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
  return norm(a) === norm(b);
}

/**
 * True when `disk` has every item our save changed (annotations added or removed; their tags, note, kind, speaker
 * or entity edited; the article's tags and note) exactly as it was before the save: the signature of a writer that
 * renamed an older version over ours. (Anchoring data is left out: any writer may have moved the anchors.)
 */
function showsNoneOf(before: SidecarData, ours: SidecarData, disk: SidecarData): boolean {
  const key = (a: Annotation | undefined): string => (a ? JSON.stringify([a.kind, a.tags, a.note ?? null, a.speaker ?? null, a.entity ?? null]) : '');
  const byId = (d: SidecarData) => new Map(d.annotations.map((a) => [a.id, a]));
  const b = byId(before);
  const o = byId(ours);
  const t = byId(disk);
  let changed = 0;
  for (const id of new Set([...b.keys(), ...o.keys()])) {
    const was = key(b.get(id));
    if (was === key(o.get(id))) continue;
    changed++;
    if (key(t.get(id)) !== was) return false;
  }
  const article = (d: SidecarData) => JSON.stringify([d.tags, d.note ?? null]);
  if (article(before) !== article(ours)) {
    changed++;
    if (article(disk) !== article(before)) return false;
  }
  return changed > 0;
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const encoder = new TextEncoder();
const KNOWN_TOP = new Set(['version', 'source', 'sourceFingerprint', 'tags', 'note', 'conflicts', 'annotations']);

/** True when the document holds nothing a person could have added by hand (no comment, no unknown key). */
function docIsBare(doc: Document | null, header: string | null): boolean {
  if (!doc) return true;
  if (doc.comment) return false;
  if (doc.commentBefore && doc.commentBefore !== header) return false;
  if (!isMap(doc.contents)) return true;
  for (const p of doc.contents.items) {
    const k = (p.key as { value?: unknown } | null)?.value ?? p.key;
    if (typeof k !== 'string' || !KNOWN_TOP.has(k)) return false;
  }
  let commented = false;
  visit(doc, {
    Node(_k, n) {
      if ((n as { comment?: string }).comment || (n as { commentBefore?: string }).commentBefore) {
        commented = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return !commented;
}

interface Slot {
  target: TextTarget;
  anchor: Anchor;
}

/**
 * One article's annotations: its sidecar as last read or written, and where each annotation is in the
 * article's current text. Obtain it from `SidecarStore.load`. Every change is saved at once.
 */
export class ArticleAnnotations {
  private base: SidecarData;
  private baseRaw: Uint8Array | null;
  private baseDoc: Document | null;
  private problem: SidecarProblem | null;
  private currentText: string;
  private slots = new Map<string, Slot>();
  private conflictsFromLastSave: readonly MergeConflict[] = [];

  /** @internal Use SidecarStore.load. */
  constructor(
    private readonly store: SidecarStore,
    readonly articlePath: string,
    readonly sidecarPath: string,
    text: string,
    disk: DiskState | { problem: SidecarProblem },
  ) {
    this.currentText = text;
    if ('problem' in disk) {
      this.problem = disk.problem;
      this.base = emptySidecar(store.fileOps.basename(articlePath));
      this.baseRaw = null;
      this.baseDoc = null;
    } else {
      this.problem = null;
      this.base = disk.data ?? emptySidecar(store.fileOps.basename(articlePath));
      this.baseRaw = disk.raw;
      this.baseDoc = disk.doc;
    }
    this.resolveAll();
  }

  /** The reason the sidecar cannot be used, or null. When set, every change throws SidecarReadOnlyError. */
  get error(): SidecarProblem | null {
    return this.problem;
  }

  get readOnly(): boolean {
    return this.problem !== null;
  }

  /** The sidecar content as last read or written (targets as stored). */
  get data(): SidecarData {
    return this.base;
  }

  get text(): string {
    return this.currentText;
  }

  /** True when the article text differs from the one the sidecar was last saved against. */
  get sourceChanged(): boolean {
    return this.base.sourceFingerprint !== undefined && this.base.sourceFingerprint !== this.textFingerprint();
  }

  private fpOf: string | null = null;
  private fpValue = '';

  /** `fingerprint(this.currentText)`, computed once per text (a 1 MB article takes a few ms). */
  private textFingerprint(): string {
    if (this.fpOf !== this.currentText) {
      this.fpValue = fingerprint(this.currentText);
      this.fpOf = this.currentText;
    }
    return this.fpValue;
  }

  /** Conflicts the last save had to record (both sides changed the same field). */
  get lastConflicts(): readonly MergeConflict[] {
    return this.conflictsFromLastSave;
  }

  /** All annotations, in document order, with their range and status in the current text. */
  list(): ResolvedAnnotation[] {
    const out = this.base.annotations.map((a) => this.resolved(a));
    return out.sort((x, y) => (x.start < 0 ? x.annotation.target.start : x.start) - (y.start < 0 ? y.annotation.target.start : y.start));
  }

  get(id: string): ResolvedAnnotation | undefined {
    const a = this.base.annotations.find((x) => x.id === id);
    return a ? this.resolved(a) : undefined;
  }

  private resolved(a: Annotation): ResolvedAnnotation {
    const anchor = this.slots.get(a.id)?.anchor ?? { status: 'orphaned', start: -1, end: -1, similarity: 0 };
    return { annotation: a, status: anchor.status, start: anchor.start, end: anchor.end, similarity: anchor.similarity };
  }

  /** Re-resolves the annotations whose stored target changed (or all) against the current text. */
  private resolveAll(force = false): void {
    const todo: Annotation[] = [];
    const next = new Map<string, Slot>();
    for (const a of this.base.annotations) {
      const s = this.slots.get(a.id);
      if (!force && s && s.target === a.target) next.set(a.id, s);
      else todo.push(a);
    }
    const anchors = resolveTargets(
      this.currentText,
      todo.map((a) => a.target),
    );
    todo.forEach((a, i) => next.set(a.id, { target: a.target, anchor: anchors[i]! }));
    this.slots = next;
  }

  /**
   * The article changed outside the editor (git pull, another program): re-attach everything to `text`.
   * Nothing is saved (call `saveAnchors` to record the new positions).
   */
  setText(text: string): ResolvedAnnotation[] {
    this.currentText = text;
    this.resolveAll(true);
    return this.list();
  }

  /**
   * The article is being edited: move annotations with the text. `edits` are one change event's edits, all
   * against the text before the event; `newText` is the text after it. Annotations whose whole passage was
   * deleted become orphaned (their stored quote is kept, so they can be re-attached). Nothing is saved: call
   * `saveAnchors` (e.g. when the document is saved).
   */
  applyEdits(edits: readonly TextEdit[], newText: string): ResolvedAnnotation[] {
    const ids: string[] = [];
    const ranges: { start: number; end: number }[] = [];
    for (const [id, s] of this.slots) {
      if (s.anchor.status === 'orphaned') continue;
      ids.push(id);
      ranges.push({ start: s.anchor.start, end: s.anchor.end });
    }
    const mapped = mapRangesThroughEdits(ranges, edits);
    ids.forEach((id, i) => {
      const s = this.slots.get(id)!;
      const m = mapped[i]!;
      s.anchor = m.collapsed
        ? { status: 'orphaned', start: -1, end: -1, similarity: 0 }
        : { status: s.anchor.status, start: m.start, end: m.end, similarity: s.anchor.similarity };
    });
    this.currentText = newText;
    return this.list();
  }

  /** Writes the current positions (after edits or re-attachment) to the sidecar, if any changed. */
  async saveAnchors(): Promise<void> {
    if (this.readOnly) return;
    const withAnchors = this.withAnchors(this.base);
    if (withAnchors === this.base) return;
    await this.commit((d) => d);
  }

  /** Adds an annotation on `text[start, end)` of the current text and saves. */
  async add(input: NewAnnotation): Promise<ResolvedAnnotation> {
    const { start, end } = input;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > this.currentText.length || start >= end) {
      throw new RangeError(`cannot annotate [${start}, ${end}): the article has ${this.currentText.length} characters and the range must not be empty`);
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
        target: makeTarget(this.currentText, start, end, this.store.contextLength),
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
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > this.currentText.length || start >= end) {
      throw new RangeError(`cannot re-attach to [${start}, ${end}): the article has ${this.currentText.length} characters`);
    }
    const now = this.store.now();
    const target = makeTarget(this.currentText, start, end, this.store.contextLength);
    await this.commit((d) => ({
      ...d,
      annotations: d.annotations.map((a) => (a.id === id ? { ...a, target, updated: now } : a)),
    }));
    // Set the anchor explicitly: the user chose this place.
    const s = this.slots.get(id);
    if (s) s.anchor = { status: 'anchored', start, end, similarity: 1 };
    return this.require(id);
  }

  /** Edits the article-level tags and note and saves. */
  async updateArticle(patch: ArticlePatch): Promise<SidecarData> {
    await this.commit((d) => {
      let tags = patch.setTags ? dedupeTags(patch.setTags) : [...d.tags];
      if (patch.addTags) tags = dedupeTags([...tags, ...patch.addTags]);
      if (patch.removeTags) {
        const rm = new Set(patch.removeTags.map(normalizeTag));
        tags = tags.filter((t) => !rm.has(t));
      }
      let out: SidecarData = { ...d, tags };
      if (patch.note !== undefined) out = setOpt(out, 'note', patch.note);
      if (patch.clearConflicts || patch.note !== undefined) out = setOpt(out, 'conflicts', null);
      return out;
    });
    return this.base;
  }

  /** Re-reads the sidecar from disk (after a file-watcher event); a now-broken sidecar makes the store read-only. */
  async reload(): Promise<void> {
    await this.locked(async () => {
      try {
        const disk = await readSidecarFile(this.store.fileOps, this.sidecarPath, this.store.limits);
        this.base = disk.data ?? emptySidecar(this.store.fileOps.basename(this.articlePath));
        this.baseRaw = disk.raw;
        this.baseDoc = disk.doc;
        this.problem = null;
      } catch (err) {
        if (!(err instanceof SidecarError)) throw err;
        this.problem = problemOf(err, this.sidecarPath);
      }
      this.resolveAll();
    });
  }

  private require(id: string): ResolvedAnnotation {
    const r = this.get(id);
    if (!r) throw new AnnotationNotFoundError(this.articlePath, id);
    return r;
  }

  /** Writes current positions into targets where the annotation was moved (anchors found or tracked). */
  private withAnchors(d: SidecarData): SidecarData {
    const fp = this.textFingerprint();
    let changed = d.sourceFingerprint !== fp;
    const anns = d.annotations.map((a) => {
      const s = this.slots.get(a.id);
      if (!s || (s.anchor.status !== 'anchored' && s.anchor.status !== 'moved')) return a;
      const { start, end } = s.anchor;
      const t = a.target;
      const text = this.currentText;
      const intact =
        t.start === start &&
        t.end === end &&
        text.startsWith(t.exact, start) &&
        start + t.exact.length === end &&
        start >= t.prefix.length &&
        text.startsWith(t.prefix, start - t.prefix.length) &&
        text.startsWith(t.suffix, end);
      if (intact) return a;
      changed = true;
      const target = makeTarget(text, start, end, this.store.contextLength);
      s.target = target;
      return { ...a, target };
    });
    if (!changed) return d;
    return { ...d, sourceFingerprint: fp, annotations: anns.sort(byPosition) };
  }

  /** Runs `fn` after every other change to the same sidecar in this process (all handles share the queue). */
  private locked<T>(fn: () => Promise<T>): Promise<T> {
    return this.store.runExclusive(this.sidecarPath, fn);
  }

  /**
   * Applies `mutate` to the current data (with current positions) and saves: re-reads the sidecar, merges with
   * whatever changed on disk since it was read, writes a temporary file beside it and renames it over.
   */
  private commitCount = 0;

  private commit(mutate: (d: SidecarData) => SidecarData): Promise<void> {
    return this.locked(async () => {
      if (this.problem) throw new SidecarReadOnlyError(this.problem);
      const basename = this.store.fileOps.basename(this.articlePath);
      const prepared = this.withAnchors(this.base);
      const ours0 = mutate(prepared);
      const ours: SidecarData = inDocumentOrder({ ...ours0, source: basename, version: ours0.version, sourceFingerprint: this.textFingerprint() });
      const prevBase = this.base;
      await this.store.withLock(this.sidecarPath, () => this.writeMerged(ours));
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
    if (n !== this.commitCount || this.problem) return;
    await this.store.withLock(this.sidecarPath, () => this.verifyLaterLocked(prevBase, ours));
  }

  private async verifyLaterLocked(prevBase: SidecarData, ours: SidecarData): Promise<void> {
    let disk: DiskState;
    try {
      disk = await readSidecarFile(this.store.fileOps, this.sidecarPath, this.store.limits, this.baseRaw);
    } catch {
      return;
    }
    if (disk.same || sameBytes(disk.raw, this.baseRaw) || !disk.data) return;
    // Only a version made without seeing our save shows none of our change; one that shows any of it was made on
    // top of ours, and its own changes (a tag removed, a note rewritten) must stand.
    if (!showsNoneOf(prevBase, ours, disk.data)) return;
    const r = mergeSidecars(prevBase, ours, disk.data, { now: this.store.now() });
    if (sameData(r.merged, disk.data)) return;
    this.base = prevBase;
    this.baseRaw = new Uint8Array(0);
    this.baseDoc = null;
    await this.writeMerged(ours);
  }

  /** Writes `ours`, merged with whatever is on disk if it changed since `this.base` was read. */
  private async writeMerged(ours: SidecarData): Promise<void> {
    {
      const fo = this.store.fileOps;
      const basename = fo.basename(this.articlePath);
      const baseNodes = this.annotationNodes(this.baseDoc);
      const readDisk = async (knownRaw: Uint8Array | null): Promise<DiskState> => {
        try {
          return await readSidecarFile(fo, this.sidecarPath, this.store.limits, knownRaw);
        } catch (err) {
          if (!(err instanceof SidecarError)) throw err;
          // Someone broke the file on disk since we read it: never overwrite it.
          this.problem = problemOf(err, this.sidecarPath);
          throw new SidecarReadOnlyError(this.problem);
        }
      };
      let pending: DiskState | undefined;
      let conflicts: readonly MergeConflict[] = [];
      let merged: SidecarData = ours;
      let written: Uint8Array | null = null;
      let finalDoc: Document | null = null;
      for (let attempt = 0; ; attempt++) {
        if (attempt > 20) throw new Error(`${this.sidecarPath}: could not save: the file keeps changing on disk`);
        const disk = pending ?? (await readDisk(this.baseRaw));
        pending = undefined;
        let doc: Document | null;
        if (sameBytes(disk.raw, this.baseRaw)) {
          merged = ours;
          doc = this.baseDoc;
        } else {
          const theirs = disk.data ?? emptySidecar(basename);
          const r = mergeSidecars(this.base, ours, theirs, { now: this.store.now() });
          merged = r.merged;
          if (r.conflicts.length > 0) conflicts = r.conflicts;
          doc = disk.doc;
          if (disk.data && sameData(merged, disk.data)) {
            // What is on disk already holds our change (another writer merged it): adopt it, write nothing.
            written = disk.raw;
            finalDoc = disk.doc;
            break;
          }
        }
        // Build the YAML on a copy so a failed write leaves our base document untouched.
        // Written into in place (a document is cheap to keep, costly to copy); restored from the bytes if the
        // write fails below.
        const workDoc = doc ?? newSidecarDocument();
        const yamlText = serializeSidecar(merged, workDoc, baseNodes);
        const deleteIt = isEmptySidecar(merged) && docIsBare(workDoc, SIDECAR_HEADER);
        if (deleteIt) {
          written = null;
          finalDoc = null;
          if (disk.raw !== null) {
            const again = await fo.readFile(this.sidecarPath).catch(() => null);
            if (!sameBytes(again, disk.raw)) continue;
            await fo.delete(this.sidecarPath);
          }
          break;
        }
        written = encoder.encode(yamlText);
        finalDoc = workDoc;
        const tmp = fo.join(fo.dirname(this.sidecarPath), `.${fo.basename(this.sidecarPath)}.${newId(() => false, this.store.random)}.tmp`);
        await fo.writeFile(tmp, written);
        try {
          // Last check that nobody wrote meanwhile; if someone did, merge again.
          const again = await fo.readFile(this.sidecarPath).catch((e: unknown) => {
            if (e instanceof FileNotFoundError) return null;
            throw e;
          });
          if (!sameBytes(again, disk.raw)) {
            await fo.delete(tmp);
            continue;
          }
          await fo.rename(tmp, this.sidecarPath);
        } catch (err) {
          await fo.delete(tmp).catch(() => undefined);
          if (workDoc === this.baseDoc) this.baseDoc = this.baseRaw ? parseSidecar(new TextDecoder().decode(this.baseRaw), this.sidecarPath, this.store.limits).doc : null;
          throw err;
        }
        // Verify: another process may have renamed its own version over ours in the instant between our check
        // and our rename. If what is there now lacks our change, merge again (from the same base) and rewrite.
        const after = await readDisk(written);
        if (sameBytes(after.raw, written)) break;
        pending = after;
      }
      this.base = merged;
      this.baseRaw = written;
      this.baseDoc = written ? finalDoc : null;
      this.conflictsFromLastSave = conflicts;
      this.resolveAll();
      // Positions just written are now the stored ones.
      for (const s of this.slots.values()) {
        if (s.anchor.status === 'moved' && s.anchor.start === s.target.start && s.anchor.end === s.target.end) {
          s.anchor = { ...s.anchor, status: 'anchored' };
        }
      }
    }
  }

  private annotationNodes(doc: Document | null): Map<string, YAMLMap> {
    const out = new Map<string, YAMLMap>();
    if (!doc || !isMap(doc.contents)) return out;
    const seq = doc.contents.get('annotations', true);
    if (!isSeq(seq)) return out;
    for (const it of seq.items) {
      if (isMap(it)) {
        const id = (it.get('id', true) as { value?: unknown } | undefined)?.value;
        if (id !== undefined && id !== null) out.set(String(id), it);
      }
    }
    return out;
  }
}

function byPosition(x: Annotation, y: Annotation): number {
  return x.target.start - y.target.start || x.target.end - y.target.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Annotations sorted by their stored position (as the merge sorts them), so the file is in document order. */
function inDocumentOrder(d: SidecarData): SidecarData {
  const a = d.annotations;
  for (let i = 1; i < a.length; i++) {
    if (byPosition(a[i - 1]!, a[i]!) > 0) return { ...d, annotations: [...a].sort(byPosition) };
  }
  return d;
}

function setOpt<T extends object>(obj: T, key: string, value: unknown): T {
  const o = { ...obj } as Record<string, unknown>;
  if (value === null || value === undefined || value === '') delete o[key];
  else o[key] = value;
  return o as T;
}

function dedupeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const n = normalizeTag(t);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

function patchAnnotation(a: Annotation, p: AnnotationPatch, now: string): Annotation {
  let tags = p.setTags ? dedupeTags(p.setTags) : [...a.tags];
  if (p.addTags) tags = dedupeTags([...tags, ...p.addTags]);
  if (p.removeTags) {
    const rm = new Set(p.removeTags.map(normalizeTag));
    tags = tags.filter((t) => !rm.has(t));
  }
  let out: Annotation = { ...a, tags };
  if (p.note !== undefined) out = setOpt(out, 'note', p.note);
  if (p.speaker !== undefined) out = setOpt(out, 'speaker', p.speaker);
  if (p.entity !== undefined) out = setOpt(out, 'entity', p.entity);
  if (p.kind !== undefined) out = { ...out, kind: p.kind };
  if (out.conflicts) {
    const touched = new Set<string>();
    if (p.note !== undefined) touched.add('note');
    if (p.speaker !== undefined) touched.add('speaker');
    if (p.entity !== undefined) touched.add('entity');
    if (p.kind !== undefined) touched.add('kind');
    const left = p.clearConflicts ? [] : out.conflicts.filter((c) => !touched.has(c.field));
    out = setOpt(out, 'conflicts', left.length > 0 ? left : null);
  }
  if (JSON.stringify(out) === JSON.stringify(a)) return a;
  return { ...out, updated: now };
}

/**
 * Loads and keeps article annotation handles. One store per workspace (extension) or per run (CLI).
 */
export class SidecarStore {
  readonly fileOps: FileOps;
  readonly limits: SidecarLimits;
  readonly contextLength: number;
  readonly random: RandomSource;
  readonly verifyDelayMs: number;
  readonly lockStaleMs: number;
  private readonly clock: () => Date;
  private readonly open = new Map<string, ArticleAnnotations>();

  constructor(options: StoreOptions) {
    this.fileOps = options.fileOps;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.contextLength = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
    this.random = options.random ?? defaultRandom;
    this.verifyDelayMs = options.verifyDelayMs ?? 25;
    this.lockStaleMs = options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS;
    this.clock = options.clock ?? (() => new Date());
  }

  private readonly queues = new Map<string, Promise<unknown>>();

  /** @internal Serialises changes to one sidecar within this process. */
  runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /** @internal Runs `fn` holding the sidecar's lock file (across processes). */
  withLock<T>(sidecarPath: string, fn: () => Promise<T>): Promise<T> {
    return withSidecarLock(this.fileOps, sidecarPath, { staleMs: this.lockStaleMs, timeoutMs: Math.max(10_000, this.lockStaleMs * 5) }, fn);
  }

  /** @internal */
  now(): string {
    return this.clock().toISOString();
  }

  /**
   * Reads the article's sidecar (if any) and re-attaches its annotations to `text`. Never throws for a bad
   * sidecar: the handle then has `error` set and is read-only. Replaces any handle already open for the path.
   */
  async load(articlePath: string, text: string): Promise<ArticleAnnotations> {
    const sidecarPath = sidecarPathFor(articlePath);
    let h: ArticleAnnotations;
    try {
      const disk = await readSidecarFile(this.fileOps, sidecarPath, this.limits);
      h = new ArticleAnnotations(this, articlePath, sidecarPath, text, disk);
    } catch (err) {
      if (!(err instanceof SidecarError)) throw err;
      h = new ArticleAnnotations(this, articlePath, sidecarPath, text, { problem: problemOf(err, sidecarPath) });
    }
    this.open.set(articlePath, h);
    return h;
  }

  /** The handle last loaded for `articlePath`, if any. */
  get(articlePath: string): ArticleAnnotations | undefined {
    return this.open.get(articlePath);
  }

  /** Forgets a handle (article closed or deleted). */
  forget(articlePath: string): void {
    this.open.delete(articlePath);
  }
}

export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/** Counts tags over sidecars (annotation tags and article tags), most used first, then by name. */
export function countTags(sidecars: Iterable<SidecarData>): TagCount[] {
  const counts = new Map<string, number>();
  for (const d of sidecars) {
    for (const t of d.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const a of d.annotations) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

/** Reads the sidecars of `articlePaths` (those that exist) and counts their tags; unusable sidecars are listed. */
export async function readTagCounts(
  fileOps: FileOps,
  articlePaths: readonly string[],
  limits: SidecarLimits = DEFAULT_LIMITS,
): Promise<{ tags: TagCount[]; errors: SidecarProblem[] }> {
  const datas: SidecarData[] = [];
  const errors: SidecarProblem[] = [];
  for (const p of articlePaths) {
    const sp = sidecarPathFor(p);
    try {
      const d = await readSidecarFile(fileOps, sp, limits);
      if (d.data) datas.push(d.data);
    } catch (err) {
      if (!(err instanceof SidecarError)) throw err;
      errors.push(problemOf(err, sp));
    }
  }
  return { tags: countTags(datas), errors };
}
