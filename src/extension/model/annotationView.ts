/**
 * What the editor layer shows of an annotation: the sidecar store's annotation, resolved against the
 * article's current text. Kept small so trees, decorations and hovers do not depend on the store's internals.
 */
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
