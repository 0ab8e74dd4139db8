/**
 * The splice fast path of `serializeSidecar`: when only annotation blocks changed since a document was last
 * serialised, its new text is made from the previous one (its Layout) with only the changed blocks
 * re-serialised. These functions say when that is safe and cut a text into blocks.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, isMap, type Document } from 'yaml';
import { scalarValue } from './nodes';
import { yamlText, type Layout } from './sidecarDocument';

const BLOCK_START = '\n  - ';
/** A keep-chomping block scalar header (`|+`, `>2+`, with or without a comment) at the end of a line. */
const KEEP_CHOMP = /[|>][1-9]?\+(?:[ \t]+#[^\n]*)?\n/;

/** True when the annotation blocks' text cannot depend on anything outside their own node. */
export function spliceable(d: Document, top: YAMLMap, seq: YAMLSeq): boolean {
  if (d.comment || d.directives?.docEnd || top.comment || seq.comment || seq.flow || seq.anchor || seq.tag) return false;
  const last = top.items[top.items.length - 1];
  if (!last || scalarValue(last.key) !== 'annotations' || last.value !== seq) return false;
  for (const it of seq.items) {
    if (!isMap(it) || it.commentBefore || it.comment) return false;
  }
  return true;
}

/** One annotation block as it is written in the list (after a blank line when `spaceBefore`), or undefined. */
export function segmentOf(d: Document, node: YAMLMap): string | undefined {
  const contents = d.contents;
  const commentBefore = d.commentBefore;
  const sentinel = new YAMLSeq();
  sentinel.items = [new Scalar(0), node];
  const m = new YAMLMap();
  m.items = [new Pair(new Scalar('annotations'), sentinel)];
  let out: string;
  try {
    d.contents = m as unknown as typeof d.contents;
    d.commentBefore = null;
    out = yamlText(d);
  } finally {
    d.contents = contents;
    d.commentBefore = commentBefore;
  }
  const marker = 'annotations:\n  - 0';
  const at = out.indexOf(marker);
  if (at < 0 || !out.endsWith('\n')) return undefined;
  const seg = out.slice(at + marker.length, -1);
  return checkSegment(seg, node) ? seg : undefined;
}

function checkSegment(seg: string, node: YAMLMap): boolean {
  const lead = node.spaceBefore ? 1 : 0;
  if (!seg.startsWith(BLOCK_START, lead) || (lead === 1 && seg[0] !== '\n')) return false;
  // Exactly one block start in it, and no keep-chomping block scalar (it would swallow the next blank line).
  return seg.indexOf(BLOCK_START, lead + 1) < 0 && !KEEP_CHOMP.test(seg + '\n');
}

/** Cuts a full serialisation into head, one segment per annotation node, and tail; undefined if unsure. */
export function scanLayout(text: string, d: Document, top: YAMLMap, seq: YAMLSeq): Layout | undefined {
  if (!spliceable(d, top, seq) || !text.endsWith('\n')) return undefined;
  const items = seq.items as YAMLMap[];
  if (items.length === 0) return undefined;
  const key = text.startsWith('annotations:') ? 0 : text.lastIndexOf('\nannotations:') + 1;
  if (key === 0 && !text.startsWith('annotations:')) return undefined;
  let cursor = text.indexOf('\n', key);
  if (cursor < 0) return undefined;
  const head = text.slice(0, cursor);
  const segs = new Map<YAMLMap, string>();
  for (let i = 0; i < items.length; i++) {
    const next = items[i + 1];
    let end: number;
    if (next === undefined) end = text.length - 1;
    else {
      const pattern = next.spaceBefore ? '\n' + BLOCK_START : BLOCK_START;
      end = text.indexOf(pattern, cursor + 1);
      if (end < 0) return undefined;
    }
    const seg = text.slice(cursor, end);
    if (!checkSegment(seg, items[i]!)) return undefined;
    segs.set(items[i]!, seg);
    cursor = end;
  }
  return { head, tail: '\n', segs };
}
