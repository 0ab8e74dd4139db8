/** The rules of a change: new annotations, patches of an annotation or of the article, tags, document order. */
import { normalizeTag, type Annotation, type AnnotationKind, type SidecarData } from '../types';

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

/** Tag changes: replace, add, remove (all normalised, no duplicates). */
export interface TagPatch {
  readonly setTags?: readonly string[];
  readonly addTags?: readonly string[];
  readonly removeTags?: readonly string[];
}

/** Changes to one annotation. `null` removes an optional field. Tags are normalised (trimmed). */
export interface AnnotationPatch extends TagPatch {
  readonly note?: string | null;
  readonly speaker?: string | null;
  readonly entity?: string | null;
  readonly kind?: AnnotationKind;
  /** Drop the conflict records (the user has looked at them). Any edit of the conflicting field also does. */
  readonly clearConflicts?: boolean;
  /** Who made the change (recorded as `author` only on new annotations; kept for the merge record). */
  readonly author?: string;
}

/** Changes to the article's own tags and note. */
export interface ArticlePatch extends TagPatch {
  readonly note?: string | null;
  readonly clearConflicts?: boolean;
}

/** `tags` after `p`: the one place tag patches are applied (annotations and articles alike). */
export function applyTagPatch(tags: readonly string[], p: TagPatch): string[] {
  let out = p.setTags ? dedupeTags(p.setTags) : [...tags];
  if (p.addTags) out = dedupeTags([...out, ...p.addTags]);
  if (p.removeTags) {
    const rm = new Set(p.removeTags.map(normalizeTag));
    out = out.filter((t) => !rm.has(t));
  }
  return out;
}

/** Tags normalised (trimmed), first occurrence kept. */
export function dedupeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const n = normalizeTag(t);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

function setOpt<T extends object>(obj: T, key: string, value: unknown): T {
  const o = { ...obj } as Record<string, unknown>;
  if (value === null || value === undefined || value === '') delete o[key];
  else o[key] = value;
  return o as T;
}

/** `a` after `p` (the same object when nothing changed; else with `updated` set to `now`). */
export function patchAnnotation(a: Annotation, p: AnnotationPatch, now: string): Annotation {
  let out: Annotation = { ...a, tags: applyTagPatch(a.tags, p) };
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

/** The sidecar after an article-level patch (tags, note; editing the note clears the conflict records). */
export function patchArticle(d: SidecarData, patch: ArticlePatch): SidecarData {
  let out: SidecarData = { ...d, tags: applyTagPatch(d.tags, patch) };
  if (patch.note !== undefined) out = setOpt(out, 'note', patch.note);
  if (patch.clearConflicts || patch.note !== undefined) out = setOpt(out, 'conflicts', null);
  return out;
}

export function byPosition(x: Annotation, y: Annotation): number {
  return x.target.start - y.target.start || x.target.end - y.target.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Annotations sorted by their stored position (as the merge sorts them), so the file is in document order. */
export function inDocumentOrder(d: SidecarData): SidecarData {
  const a = d.annotations;
  for (let i = 1; i < a.length; i++) {
    if (byPosition(a[i - 1]!, a[i]!) > 0) return { ...d, annotations: [...a].sort(byPosition) };
  }
  return d;
}
