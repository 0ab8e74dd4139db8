/**
 * Conversion to the W3C Web Annotation data model (https://www.w3.org/TR/annotation-model/): each annotation's
 * target becomes a TextQuoteSelector plus a TextPositionSelector on the article; tags become `tagging` bodies
 * and the note a `commenting` TextualBody. For export and interchange (Hypothesis and others read this model).
 */
import type { TextTarget } from '../anchoring/anchor';
import type { Annotation } from './types';

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface W3CAnnotation {
  readonly '@context': 'http://www.w3.org/ns/anno.jsonld';
  readonly id: string;
  readonly type: 'Annotation';
  readonly created?: string;
  readonly modified?: string;
  readonly creator?: { readonly type: 'Person'; readonly name: string };
  readonly body: readonly { readonly type: 'TextualBody'; readonly purpose: 'tagging' | 'commenting' | 'describing'; readonly value: string }[];
  readonly target: { readonly source: string; readonly selector: readonly [TextQuoteSelector, TextPositionSelector] };
}

export function toSelectors(t: TextTarget): [TextQuoteSelector, TextPositionSelector] {
  return [
    { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
    { type: 'TextPositionSelector', start: t.start, end: t.end },
  ];
}

export function fromSelectors(selectors: readonly (TextQuoteSelector | TextPositionSelector)[]): TextTarget | undefined {
  const q = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!q || q.exact.length === 0) return undefined;
  const p = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  return { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '', start: p?.start ?? 0, end: p?.end ?? q.exact.length };
}

/** `sourceUri` identifies the article (a file URI or workspace-relative path); `idBase` prefixes the id. */
export function toW3CAnnotation(a: Annotation, sourceUri: string, idBase = 'urn:news-annotator:'): W3CAnnotation {
  const body: W3CAnnotation['body'][number][] = a.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t }));
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
  if (a.speaker) body.push({ type: 'TextualBody', purpose: 'describing', value: `speaker: ${a.speaker}` });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: idBase + a.id,
    type: 'Annotation',
    ...(a.created ? { created: a.created } : {}),
    ...(a.updated ? { modified: a.updated } : {}),
    ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
    body,
    target: { source: sourceUri, selector: toSelectors(a.target) },
  };
}
