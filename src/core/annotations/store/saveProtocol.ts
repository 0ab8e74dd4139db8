/**
 * The concurrent-save protocol: a change is merged with whatever another writer (another window, the CLI, git)
 * put on disk since the sidecar was read (three-way merge by id, merge.ts), written to a temporary file beside
 * the sidecar and renamed over it only when the file is still as last read; then read back, and merged and
 * written again when another process renamed its version over ours in the instant between. A sidecar left with
 * nothing in it (and nothing a person added by hand) is deleted.
 */
import type { YAMLMap } from 'yaml';
import { isMap, isSeq, visit } from 'yaml';
import { FileNotFoundError, sameStamp, type FileOps, type FileStat } from '../../io/fileOps';
import { newId, type RandomSource } from '../ids';
import { mergeSidecars, type MergeConflict } from '../merge';
import { emptySidecar, isEmptySidecar, type Annotation, type SidecarData, type SidecarProblem } from '../types';
import { newSidecarDocument, parseSidecar, serializeSidecar, SIDECAR_HEADER, SidecarError, type SidecarDocument, type SidecarLimits } from '../yaml';
import { TOP_ORDER } from '../yaml/writeNodes';
import { problemOf, readSidecarFile, sameBytes, SidecarReadOnlyError, type DiskState } from './readSidecar';

/** What a save works with: the files, the limits, ids and the clock. */
export interface SaveEnv {
  readonly fileOps: FileOps;
  readonly limits: SidecarLimits;
  readonly random: RandomSource;
  readonly articlePath: string;
  readonly sidecarPath: string;
  /**
   * The caller watches the sidecar and hands every change event to `ArticleAnnotations.onDiskChange` (the
   * extension). A save then tells whether the file changed since it was last read or written by its stamp (size
   * and modification time) instead of reading it, and does not read it back after the rename: the watcher's echo
   * of the write is compared by content (one read), and a different content is merged as another writer's.
   */
  readonly watched?: boolean;
  now(): string;
}

/** A sidecar as last read or written by this process (`problem`: it cannot be used, and is never written). */
export interface SidecarState {
  base: SidecarData;
  raw: Uint8Array | null;
  doc: SidecarDocument | null;
  problem: SidecarProblem | null;
  /** The file's stamp when last read or written (null: no file; undefined: not known). */
  stamp?: FileStat | null;
}

/**
 * Writes `ours`, merged with whatever is on disk if it changed since `state.base` was read; `state` then holds
 * what was written. Returns the conflicts the merge had to record. A sidecar broken on disk meanwhile sets
 * `state.problem` and throws SidecarReadOnlyError.
 */
export async function writeMerged(env: SaveEnv, state: SidecarState, ours: SidecarData): Promise<readonly MergeConflict[]> {
  const fo = env.fileOps;
  const basename = fo.basename(env.articlePath);
  const baseNodes = annotationNodes(state.doc);
  const readDisk = async (knownRaw: Uint8Array | null): Promise<DiskState> => {
    try {
      return await readSidecarFile(fo, env.sidecarPath, env.limits, knownRaw);
    } catch (err) {
      if (!(err instanceof SidecarError)) throw err;
      // Someone broke the file on disk since we read it: never overwrite it.
      state.problem = problemOf(err, env.sidecarPath);
      throw new SidecarReadOnlyError(state.problem);
    }
  };
  /** Watched: the file as last read or written, when its stamp says it is unchanged (no read needed). */
  const unchanged = async (known: FileStat | null | undefined): Promise<FileStat | null | undefined> => {
    if (!env.watched || known === undefined) return undefined;
    const st = (await fo.stat(env.sidecarPath)) ?? null;
    if (st === null ? known === null : known !== null && sameStamp(known, st)) return st;
    return undefined;
  };
  let pending: DiskState | undefined;
  let conflicts: readonly MergeConflict[] = [];
  let merged: SidecarData = ours;
  let written: Uint8Array | null = null;
  let finalDoc: SidecarDocument | null = null;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 20) throw new Error(`${env.sidecarPath}: could not save: the file keeps changing on disk`);
    const known = pending ? undefined : await unchanged(state.stamp);
    const disk: DiskState = pending ?? (known !== undefined ? { same: true, raw: state.raw, data: null, doc: null, stamp: known } : await readDisk(state.raw));
    pending = undefined;
    let doc: SidecarDocument | null;
    if (sameBytes(disk.raw, state.raw)) {
      merged = ours;
      doc = state.doc;
    } else {
      const theirs = disk.data ?? emptySidecar(basename);
      const r = mergeSidecars(state.base, ours, theirs, { now: env.now() });
      merged = r.merged;
      if (r.conflicts.length > 0) conflicts = r.conflicts;
      doc = disk.doc;
      if (disk.data && sameData(merged, disk.data)) {
        // What is on disk already holds our change (another writer merged it): adopt it, write nothing.
        written = disk.raw;
        finalDoc = disk.doc;
        if (env.watched) state.stamp = disk.stamp;
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
        const again = await fo.readFile(env.sidecarPath).catch(() => null);
        if (!sameBytes(again, disk.raw)) continue;
        await fo.delete(env.sidecarPath);
      }
      break;
    }
    written = encoder.encode(yamlText);
    finalDoc = workDoc;
    const tmp = fo.join(fo.dirname(env.sidecarPath), `.${fo.basename(env.sidecarPath)}.${newId(() => false, env.random)}.tmp`);
    await fo.writeFile(tmp, written);
    try {
      // Last check that nobody wrote meanwhile (watched: by the stamp); if someone did, merge again.
      const stillSame = env.watched
        ? (await unchanged(disk.stamp)) !== undefined
        : sameBytes(
            await fo.readFile(env.sidecarPath).catch((e: unknown) => {
              if (e instanceof FileNotFoundError) return null;
              throw e;
            }),
            disk.raw,
          );
      if (!stillSame) {
        await fo.delete(tmp);
        continue;
      }
      await fo.rename(tmp, env.sidecarPath);
    } catch (err) {
      await fo.delete(tmp).catch(() => undefined);
      if (workDoc === state.doc) state.doc = state.raw ? parseSidecar(new TextDecoder().decode(state.raw), env.sidecarPath, env.limits).doc : null;
      throw err;
    }
    if (env.watched) {
      // The watcher's echo of this write is compared with `written` (ArticleAnnotations.onDiskChange).
      state.stamp = (await fo.stat(env.sidecarPath)) ?? null;
      break;
    }
    // Verify: another process may have renamed its own version over ours in the instant between our check
    // and our rename. If what is there now lacks our change, merge again (from the same base) and rewrite.
    const after = await readDisk(written);
    if (sameBytes(after.raw, written)) break;
    pending = after;
  }
  if (!env.watched) state.stamp = undefined;
  else if (written === null) state.stamp = null;
  state.base = merged;
  state.raw = written;
  state.doc = written ? finalDoc : null;
  return conflicts;
}

/**
 * After a save, looks at the sidecar again: true when another process renamed a version made without seeing our
 * save over it (ours must then be merged in and written again, from `prevBase`).
 */
export async function overwrittenSince(env: SaveEnv, state: SidecarState, prevBase: SidecarData, ours: SidecarData): Promise<boolean> {
  let disk: DiskState;
  try {
    disk = await readSidecarFile(env.fileOps, env.sidecarPath, env.limits, state.raw);
  } catch {
    return false;
  }
  if (disk.same || sameBytes(disk.raw, state.raw) || !disk.data) return false;
  // Only a version made without seeing our save shows none of our change; one that shows any of it was made on
  // top of ours, and its own changes (a tag removed, a note rewritten) must stand.
  if (!showsNoneOf(prevBase, ours, disk.data)) return false;
  const r = mergeSidecars(prevBase, ours, disk.data, { now: env.now() });
  return !sameData(r.merged, disk.data);
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

const encoder = new TextEncoder();
const KNOWN_TOP = new Set(TOP_ORDER);

/** True when the document holds nothing a person could have added by hand (no comment, no unknown key). */
function docIsBare(sdoc: SidecarDocument | null, header: string | null): boolean {
  if (!sdoc) return true;
  const doc = sdoc.yaml;
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

function annotationNodes(doc: SidecarDocument | null): Map<string, YAMLMap> {
  const out = new Map<string, YAMLMap>();
  if (!doc || !isMap(doc.yaml.contents)) return out;
  const seq = doc.yaml.contents.get('annotations', true);
  if (!isSeq(seq)) return out;
  for (const it of seq.items) {
    if (isMap(it)) {
      const id = (it.get('id', true) as { value?: unknown } | undefined)?.value;
      if (id !== undefined && id !== null) out.set(String(id), it);
    }
  }
  return out;
}
