/**
 * The sidecar data model: what `<article>.annotations.yaml` holds, as plain immutable objects.
 * See docs/sidecar-format.md for the file format.
 */
import type { AnchorStatus, TextTarget } from '../anchoring/anchor';

/** Schema version this release reads and writes. A sidecar with a higher version is never overwritten. */
export const SIDECAR_VERSION = 1;

export const ANNOTATION_KINDS = ['quote', 'entity', 'passage'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/**
 * The other side's value of a field both sides changed differently (kept next to ours so nothing is lost;
 * the user resolves it by editing the annotation, which clears the record). `field: 'removed'` records that
 * the annotation was removed on the other side while it was edited on this one (it was kept).
 */
export interface ConflictRecord {
  readonly field: 'note' | 'speaker' | 'kind' | 'entity' | 'removed';
  /** The other side's value (`null` for "absent"). */
  readonly other: string | null;
  readonly author?: string;
  /** ISO time the conflict was recorded. */
  readonly at?: string;
}

export interface Annotation {
  /** Short, stable, unique within the sidecar (see ids.ts). */
  readonly id: string;
  readonly kind: AnnotationKind;
  /** Where it is: exact quote, context and offsets at the last save (offsets are a hint). */
  readonly target: TextTarget;
  readonly tags: readonly string[];
  readonly note?: string;
  /** Who said it, for a quote. */
  readonly speaker?: string;
  /** Entity id (e.g. `vladimir-putin`; an old `person:…` form is read through entityRefs.ts), for an entity annotation. */
  readonly entity?: string;
  readonly author?: string;
  /** ISO 8601 times. */
  readonly created?: string;
  readonly updated?: string;
  readonly conflicts?: readonly ConflictRecord[];
}

export interface SidecarData {
  readonly version: number;
  /** File name of the article (not a path): the sidecar sits beside it. */
  readonly source: string;
  /** `fingerprint()` of the article text at the last save (tells when the article changed since). */
  readonly sourceFingerprint?: string;
  /** Article-level tags and note. */
  readonly tags: readonly string[];
  readonly note?: string;
  /** In document order. */
  readonly annotations: readonly Annotation[];
  /** Article-level conflicts (the article note changed on both sides). */
  readonly conflicts?: readonly ConflictRecord[];
}

/** An annotation with where it is in the current text. */
export interface ResolvedAnnotation {
  readonly annotation: Annotation;
  readonly status: AnchorStatus;
  /** Range in the current text; -1/-1 for an orphan. */
  readonly start: number;
  readonly end: number;
  /** 1 for anchored/moved; 1 − edit distance / quote length for fuzzy; 0 for orphaned. */
  readonly similarity: number;
}

/** A problem with one sidecar, shown to the user: file, 1-based line when known, and what is wrong. */
export interface SidecarProblem {
  readonly path: string;
  readonly line: number | null;
  readonly message: string;
}

export function emptySidecar(source: string): SidecarData {
  return { version: SIDECAR_VERSION, source, tags: [], annotations: [] };
}

/** True when the sidecar holds nothing a user made (no annotation, no article tag or note, no conflict). */
export function isEmptySidecar(d: SidecarData): boolean {
  return d.annotations.length === 0 && d.tags.length === 0 && !d.note && !(d.conflicts && d.conflicts.length > 0);
}

/** Normalises a tag as typed by a user: trimmed, inner whitespace collapsed. Empty → error. */
export function normalizeTag(tag: string): string {
  const t = tag.trim().replace(/\s+/g, ' ');
  if (t.length === 0) throw new RangeError('a tag cannot be empty');
  if (t.length > 200) throw new RangeError('a tag cannot be longer than 200 characters');
  return t;
}
