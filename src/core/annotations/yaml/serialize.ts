/**
 * Writing sidecar YAML with the `yaml` package's Document API, so that comments, key order and fields a person
 * added by hand survive a save, and a save changes only the lines of what changed (writeNodes.ts); annotation
 * blocks alone changed are spliced into the previous text (splice.ts).
 */
import { YAMLMap, YAMLSeq, isMap, isSeq } from 'yaml';
import type { SidecarData } from '../types';
import { getNode, scalarValue } from './nodes';
import { newSidecarDocument, yamlText, type SidecarDocument } from './sidecarDocument';
import { scanLayout, segmentOf, spliceable } from './splice';
import { insertOrdered, setConflicts, setOrdered, TOP_ORDER, writeAnnotation } from './writeNodes';

/** Statistics for tests and the benchmark: how the last serialisations were made. */
export const serializeStats = { full: 0, spliced: 0, segments: 0 };

/**
 * Writes `data` into `doc` (the document last read from disk, so its comments and unknown fields stay; or a new
 * one) and returns the YAML text (LF line ends). Only nodes whose value changed are replaced.
 *
 * Annotation blocks are separated by a blank line (so git sees the blocks of neighbouring annotations as separate
 * hunks). When the same document was serialised before and only annotation blocks changed (added, removed,
 * edited, reordered), the new text is spliced from the previous one: unchanged blocks are copied, changed ones
 * re-serialised alone. The result is byte for byte the full serialisation (`fullSerialization(doc)`); anything
 * that could make the two differ (a top-level change, comments on the annotation list or between blocks, a
 * keep-chomping `|+` block, a trailing comment) takes the full path instead.
 */
export function serializeSidecar(data: SidecarData, doc?: SidecarDocument, fallbackNodes?: ReadonlyMap<string, YAMLMap>): string {
  const sdoc = doc ?? newSidecarDocument();
  const d = sdoc.yaml;
  let topChanged = false;
  if (!isMap(d.contents)) {
    d.contents = new YAMLMap() as unknown as typeof d.contents;
    topChanged = true;
  }
  const top = d.contents as unknown as YAMLMap;
  if (setOrdered(d, top, 'version', data.version, TOP_ORDER)) topChanged = true;
  if (setOrdered(d, top, 'source', data.source, TOP_ORDER)) topChanged = true;
  if (setOrdered(d, top, 'sourceFingerprint', data.sourceFingerprint, TOP_ORDER)) topChanged = true;
  if (setOrdered(d, top, 'tags', data.tags.length > 0 ? data.tags : undefined, TOP_ORDER)) topChanged = true;
  if (setOrdered(d, top, 'note', data.note, TOP_ORDER)) topChanged = true;
  if (setConflicts(d, top, data.conflicts, TOP_ORDER)) topChanged = true;

  let seq = getNode(top, 'annotations');
  if (!isSeq(seq)) {
    const created = new YAMLSeq();
    insertOrdered(top, 'annotations', created, TOP_ORDER);
    seq = created;
    topChanged = true;
  }
  const aseq = seq as YAMLSeq;
  const existing = new Map<string, YAMLMap>();
  for (const it of aseq.items) {
    if (isMap(it)) {
      const id = scalarValue(getNode(it, 'id'));
      if (id !== undefined && id !== null) existing.set(String(id), it);
    }
  }
  const dirty = new Set<YAMLMap>();
  aseq.items = data.annotations.map((a, i) => {
    let node = existing.get(a.id);
    let changed = false;
    if (!node) {
      node = (fallbackNodes?.get(a.id)?.clone() as YAMLMap | undefined) ?? new YAMLMap();
      changed = true;
    }
    if (sdoc.heldBy.get(node) !== a) {
      if (writeAnnotation(d, node, a)) changed = true;
      sdoc.heldBy.set(node, a);
    }
    // A blank line between annotation blocks, none before the first.
    const blank = i > 0;
    if (Boolean(node.spaceBefore) !== blank) {
      node.spaceBefore = blank;
      changed = true;
    }
    if (changed) dirty.add(node);
    return node;
  });
  const flow = aseq.items.length === 0;
  if (Boolean(aseq.flow) !== flow) {
    aseq.flow = flow;
    topChanged = true;
  }

  const items = aseq.items as YAMLMap[];
  const prev = sdoc.layout;
  sdoc.layout = undefined;
  if (prev && !topChanged && spliceable(d, top, aseq)) {
    const segs = new Map<YAMLMap, string>();
    const parts: string[] = [prev.head];
    let ok = true;
    for (const node of items) {
      let seg = dirty.has(node) ? undefined : prev.segs.get(node);
      if (seg === undefined) {
        seg = segmentOf(d, node);
        serializeStats.segments++;
        if (seg === undefined) {
          ok = false;
          break;
        }
      }
      segs.set(node, seg);
      parts.push(seg);
    }
    if (ok) {
      parts.push(prev.tail);
      serializeStats.spliced++;
      sdoc.layout = { head: prev.head, tail: prev.tail, segs };
      return parts.join('');
    }
  }
  const text = yamlText(d);
  serializeStats.full++;
  sdoc.layout = scanLayout(text, d, top, aseq);
  return text;
}
