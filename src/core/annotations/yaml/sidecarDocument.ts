/**
 * A sidecar's YAML document together with what the splice fast path (splice.ts) knows about it: which
 * annotation data each annotation node was last written from (or read as), and the text it was last
 * serialised to, cut at annotation blocks. The state belongs to the document: nothing is kept in the module.
 */
import { Document, type YAMLMap } from 'yaml';
import type { Annotation } from '../types';

export const SIDECAR_HEADER =
  ' News Annotator: tags and notes for the article named in `source`. You may edit this file by hand;\n' +
  ' comments and extra fields are kept. Offsets are hints: the quote and its context decide where it goes.';

/** Options of every serialisation (no folding, so a quote is never split over lines). */
export const SERIALIZE_OPTIONS = { lineWidth: 0, minContentWidth: 0, indentSeq: true } as const;

/**
 * The text a document was last serialised to, cut at annotation blocks: `head` (everything up to the end of the
 * `annotations:` line), one segment per annotation node (its blank line and its lines, each segment starting with
 * a line break), and `tail` (the final line break). Valid only while the document is changed by
 * `serializeSidecar` alone, which keeps it up to date.
 */
export interface Layout {
  readonly head: string;
  readonly tail: string;
  readonly segs: Map<YAMLMap, string>;
}

export class SidecarDocument {
  /** Which annotation data each annotation node was last written from (or read as): unchanged objects skip the compare. */
  readonly heldBy = new WeakMap<YAMLMap, Annotation>();
  /** The layout of the last serialisation, while it can be spliced from. */
  layout: Layout | undefined;

  constructor(readonly yaml: Document) {}
}

/** A new, empty sidecar document with the explanatory header comment. */
export function newSidecarDocument(): SidecarDocument {
  const d = new Document({});
  d.commentBefore = SIDECAR_HEADER;
  return new SidecarDocument(d);
}

/** The full serialisation of `doc` as it is now (what `serializeSidecar` must always equal, byte for byte). */
export function fullSerialization(doc: SidecarDocument): string {
  return yamlText(doc.yaml);
}

/** The YAML document's text with the sidecar's options. */
export function yamlText(d: Document): string {
  return d.toString(SERIALIZE_OPTIONS);
}
