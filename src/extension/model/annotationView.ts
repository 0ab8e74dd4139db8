/**
 * What the editor layer shows of an annotation: the sidecar store's annotation, resolved against the
 * article's current text. Kept small so trees, decorations and hovers do not depend on the store's internals.
 */
import type { ResolvedAnnotation } from '../../core/annotations/types';

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

export interface AnnotationView {
  readonly id: string;
  readonly kind: 'quote' | 'entity' | 'passage';
  /** Current range in the article (the last known one for an orphan). */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly tags: readonly string[];
  readonly note: string | undefined;
  readonly speaker: string | undefined;
  /** The entity an entity annotation is about (its id as the article names it now). */
  readonly entity: string | undefined;
  readonly author: string | undefined;
  readonly status: AnchorStatus;
  /** For fuzzy anchors: similarity of the text found to the text annotated, 0..1. */
  readonly similarity: number | undefined;
  readonly updated: string | undefined;
}

/** Problem reading an article's sidecar: the article's annotations are read-only until it is fixed. */
export interface SidecarProblem {
  readonly sidecarUri: string;
  readonly line: number | undefined;
  readonly message: string;
}

/** The view of one resolved annotation (the last known range for an orphan). */
export function toView(r: ResolvedAnnotation): AnnotationView {
  const a = r.annotation;
  return {
    id: a.id,
    kind: a.kind,
    start: r.start >= 0 ? r.start : a.target.start,
    end: r.end >= 0 ? r.end : a.target.end,
    quote: a.target.exact,
    tags: a.tags,
    note: a.note,
    speaker: a.speaker,
    entity: a.entity,
    author: a.author,
    status: r.status,
    similarity: r.status === 'fuzzy' ? r.similarity : undefined,
    updated: a.updated ?? a.created,
  };
}
