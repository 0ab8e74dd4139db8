/**
 * Three-way merge of sidecars by annotation id: `base` (what this process last read or wrote), `ours` (base plus
 * our changes), `theirs` (what is on disk now, changed by someone else in between). Nothing is ever dropped:
 *
 * - additions on either side are kept; removals are applied unless the other side edited the annotation
 *   (then it is kept, with a `removed` conflict record saying so);
 * - tags merge as sets (an addition or a removal on either side is applied);
 * - note, speaker, kind, entity: a change on one side wins; different changes on both sides keep ours as the
 *   value and record theirs in the annotation's `conflicts` (visible in the file and in the editor);
 * - the target (where it is) follows ours when we moved it, else theirs.
 */
import type { Annotation, ConflictRecord, SidecarData } from './types';

export interface MergeConflict {
  /** Annotation id, or null for the article-level note. */
  readonly id: string | null;
  readonly field: ConflictRecord['field'];
}

export interface MergeResult {
  readonly merged: SidecarData;
  /** Conflicts recorded by this merge (also stored in the merged data). */
  readonly conflicts: readonly MergeConflict[];
}

export interface MergeContext {
  /** Who is saving (recorded on conflict records). */
  readonly author?: string;
  /** ISO time now. */
  readonly now: string;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields a person edits (not the anchoring data, not timestamps). */
function userFields(a: Annotation): unknown[] {
  return [a.kind, a.tags, a.note ?? null, a.speaker ?? null, a.entity ?? null];
}

export function mergeTags(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const b = new Set(base);
  const o = new Set(ours);
  const t = new Set(theirs);
  const out: string[] = [];
  const push = (x: string): void => {
    if (!out.includes(x)) out.push(x);
  };
  for (const x of ours) if (!b.has(x) || t.has(x)) push(x); // ours-added, or kept by both
  for (const x of theirs) if (!b.has(x) && !o.has(x)) push(x); // theirs-added
  return out;
}

type FieldName = 'note' | 'speaker' | 'kind' | 'entity';

function mergeField<T>(b: T | undefined, o: T | undefined, t: T | undefined): { value: T | undefined; conflict: boolean } {
  if (same(o, t)) return { value: o, conflict: false };
  if (same(o, b)) return { value: t, conflict: false };
  if (same(t, b)) return { value: o, conflict: false };
  return { value: o, conflict: true };
}

function addConflicts(existing: readonly ConflictRecord[] | undefined, more: readonly ConflictRecord[]): ConflictRecord[] | undefined {
  const out = [...(existing ?? [])];
  for (const c of more) if (!out.some((x) => x.field === c.field && x.other === c.other)) out.push(c);
  return out.length > 0 ? out : undefined;
}

function withOptional<T extends object>(obj: T, key: string, value: unknown): T {
  const o = { ...obj } as Record<string, unknown>;
  if (value === undefined || value === null) delete o[key];
  else o[key] = value;
  return o as T;
}

function mergeAnnotation(b: Annotation | undefined, o: Annotation, t: Annotation, ctx: MergeContext, report: MergeConflict[]): Annotation {
  let out: Annotation = { ...o };
  const records: ConflictRecord[] = [];
  for (const f of ['kind', 'note', 'speaker', 'entity'] as FieldName[]) {
    const r = mergeField(b?.[f], o[f], t[f]);
    out = withOptional(out, f, r.value);
    if (r.conflict) {
      records.push({ field: f, other: (t[f] as string | undefined) ?? null, ...(t.author ? { author: t.author } : {}), at: ctx.now });
      report.push({ id: o.id, field: f });
    }
  }
  out = { ...out, tags: mergeTags(b?.tags ?? [], o.tags, t.tags) };
  out = { ...out, target: b && same(o.target, b.target) ? t.target : o.target };
  const updated = [o.updated, t.updated].filter((x): x is string => !!x).sort().pop();
  out = withOptional(out, 'updated', updated);
  out = withOptional(out, 'created', o.created ?? t.created);
  out = withOptional(out, 'author', o.author ?? t.author);
  const conflicts = addConflicts(addConflicts(o.conflicts, t.conflicts ?? []), records);
  return withOptional(out, 'conflicts', conflicts);
}

export function mergeSidecars(base: SidecarData, ours: SidecarData, theirs: SidecarData, ctx: MergeContext): MergeResult {
  const report: MergeConflict[] = [];
  const B = new Map(base.annotations.map((a) => [a.id, a]));
  const O = new Map(ours.annotations.map((a) => [a.id, a]));
  const T = new Map(theirs.annotations.map((a) => [a.id, a]));
  const ids = new Set([...O.keys(), ...T.keys()]);
  const out: Annotation[] = [];
  for (const id of ids) {
    const b = B.get(id);
    const o = O.get(id);
    const t = T.get(id);
    if (o && t) {
      out.push(mergeAnnotation(b, o, t, ctx, report));
    } else if (o) {
      if (!b) out.push(o); // we added it
      else if (!same(userFields(o), userFields(b))) {
        // Removed on disk, edited here: keep it, say so.
        out.push({ ...o, conflicts: addConflicts(o.conflicts, [{ field: 'removed', other: null, at: ctx.now }])! });
        report.push({ id, field: 'removed' });
      }
    } else if (t) {
      if (!b) out.push(t); // added on disk
      else if (!same(userFields(t), userFields(b))) {
        out.push({ ...t, conflicts: addConflicts(t.conflicts, [{ field: 'removed', other: null, ...(ctx.author ? { author: ctx.author } : {}), at: ctx.now }])! });
        report.push({ id, field: 'removed' });
      }
    }
  }
  out.sort((x, y) => x.target.start - y.target.start || x.target.end - y.target.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const note = mergeField(base.note, ours.note, theirs.note);
  const topRecords: ConflictRecord[] = [];
  if (note.conflict) {
    topRecords.push({ field: 'note', other: theirs.note ?? null, at: ctx.now });
    report.push({ id: null, field: 'note' });
  }
  let merged: SidecarData = {
    version: ours.version,
    source: ours.source || theirs.source,
    tags: mergeTags(base.tags, ours.tags, theirs.tags),
    annotations: out,
  };
  merged = withOptional(merged, 'sourceFingerprint', ours.sourceFingerprint ?? theirs.sourceFingerprint);
  merged = withOptional(merged, 'note', note.value);
  merged = withOptional(merged, 'conflicts', addConflicts(addConflicts(ours.conflicts, theirs.conflicts ?? []), topRecords));
  return { merged, conflicts: report };
}
