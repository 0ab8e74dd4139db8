/**
 * `w3c`: the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: one
 * AnnotationCollection whose first (and only) AnnotationPage holds every annotation. Each annotation's target is
 * the article's file URI (`source`) with a TextQuoteSelector (exact text and context) and, when the annotation
 * is placed, a TextPositionSelector (offsets in the current text, in UTF-16 code units as stored); an orphaned
 * annotation has only its stored TextQuoteSelector (its text is no longer in the article). Tags are `tagging`
 * bodies, the note a `commenting` TextualBody, the speaker a `describing` one. An annotation's id is the URI of
 * its sidecar with the annotation id as fragment.
 */
import { makeTarget, DEFAULT_CONTEXT_LENGTH } from '../anchoring/anchor';
import { SIDECAR_SUFFIX } from '../workspace/articleFiles';
import type { AnnotationRecord, ArticleRecord } from './records';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DEFAULT_COLLECTION_ID = 'urn:news-annotator:export';

export interface W3CTextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}
export interface W3CTextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}
export interface W3CTextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'commenting' | 'describing';
  readonly value: string;
  readonly format: 'text/plain';
}
export interface W3CExportedAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'commenting' | 'tagging' | 'highlighting';
  readonly created?: string;
  readonly modified?: string;
  readonly creator?: { readonly type: 'Person'; readonly name: string };
  readonly body?: readonly W3CTextualBody[];
  readonly target: {
    readonly type: 'SpecificResource';
    readonly source: string;
    readonly selector: readonly (W3CTextQuoteSelector | W3CTextPositionSelector)[];
  };
}
export interface W3CCollection {
  readonly '@context': typeof ANNO_CONTEXT;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: { readonly id: string; readonly type: 'AnnotationPage'; readonly startIndex: 0; readonly items: readonly W3CExportedAnnotation[] };
}

function selectors(n: AnnotationRecord, text: string): (W3CTextQuoteSelector | W3CTextPositionSelector)[] {
  if (n.start === null || n.end === null || n.end <= n.start) {
    return [{ type: 'TextQuoteSelector', exact: n.quote, prefix: n.prefix, suffix: n.suffix }];
  }
  // Where it is now: the quote selector agrees with the position selector (they are alternatives for one place).
  const t = makeTarget(text, n.start, n.end, DEFAULT_CONTEXT_LENGTH);
  return [
    { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
    { type: 'TextPositionSelector', start: t.start, end: t.end },
  ];
}

export function toW3CAnnotationOf(article: ArticleRecord, n: AnnotationRecord): W3CExportedAnnotation {
  const body: W3CTextualBody[] = n.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t, format: 'text/plain' }));
  if (n.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: n.note, format: 'text/plain' });
  if (n.speaker) body.push({ type: 'TextualBody', purpose: 'describing', value: `speaker: ${n.speaker}`, format: 'text/plain' });
  return {
    id: `${article.uri}${SIDECAR_SUFFIX}#${encodeURIComponent(n.id)}`,
    type: 'Annotation',
    motivation: n.note ? 'commenting' : n.tags.length > 0 ? 'tagging' : 'highlighting',
    ...(n.created ? { created: n.created } : {}),
    ...(n.updated ? { modified: n.updated } : {}),
    ...(n.author ? { creator: { type: 'Person' as const, name: n.author } } : {}),
    ...(body.length > 0 ? { body } : {}),
    target: { type: 'SpecificResource', source: article.uri, selector: selectors(n, article.text) },
  };
}

export function toW3C(articles: readonly ArticleRecord[], collectionId = DEFAULT_COLLECTION_ID, label = 'News Annotator annotations'): string {
  const items = articles.flatMap((a) => a.annotations.map((n) => toW3CAnnotationOf(a, n)));
  const doc: W3CCollection = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `${collectionId}${collectionId.includes('#') ? '-' : '#'}page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
