/** Writing values into a sidecar's YAML nodes: only what changed, new keys in the sidecar's key order, strings in a style that reads back exactly. */
import { Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, type Document, type Node } from 'yaml';
import type { Annotation, ConflictRecord } from '../types';
import { getNode, scalarValue } from './nodes';

export const TOP_ORDER = ['version', 'source', 'sourceFingerprint', 'tags', 'note', 'conflicts', 'annotations'];
const ANNOTATION_ORDER = ['id', 'kind', 'speaker', 'entity', 'tags', 'note', 'target', 'author', 'created', 'updated', 'conflicts'];
const TARGET_ORDER = ['exact', 'prefix', 'suffix', 'start', 'end'];
const CONFLICT_ORDER = ['field', 'other', 'author', 'at'];

/** Writes `a` into the annotation node; true when anything changed. */
export function writeAnnotation(d: Document, m: YAMLMap, a: Annotation): boolean {
  let c = false;
  c = setOrdered(d, m, 'id', a.id, ANNOTATION_ORDER) || c;
  c = setOrdered(d, m, 'kind', a.kind, ANNOTATION_ORDER) || c;
  c = setOrdered(d, m, 'speaker', a.speaker, ANNOTATION_ORDER) || c;
  c = setOrdered(d, m, 'entity', a.entity, ANNOTATION_ORDER) || c;
  c = setOrdered(d, m, 'tags', a.tags, ANNOTATION_ORDER) || c;
  c = setOrdered(d, m, 'note', a.note, ANNOTATION_ORDER) || c;
  let tn = getNode(m, 'target');
  if (!isMap(tn)) {
    const created = new YAMLMap();
    insertOrdered(m, 'target', created, ANNOTATION_ORDER);
    tn = created;
    c = true;
  }
  const tm = tn as YAMLMap;
  c = setOrdered(d, tm, 'exact', a.target.exact, TARGET_ORDER, 'exact') || c;
  c = setOrdered(d, tm, 'prefix', a.target.prefix, TARGET_ORDER, 'exact') || c;
  c = setOrdered(d, tm, 'suffix', a.target.suffix, TARGET_ORDER, 'exact') || c;
  c = setOrdered(d, tm, 'start', a.target.start, TARGET_ORDER) || c;
  c = setOrdered(d, tm, 'end', a.target.end, TARGET_ORDER) || c;
  c = setOrdered(d, m, 'author', a.author, ANNOTATION_ORDER) || c;
  c = setOrdered(d, m, 'created', a.created, ANNOTATION_ORDER) || c;
  c = setOrdered(d, m, 'updated', a.updated, ANNOTATION_ORDER) || c;
  c = setConflicts(d, m, a.conflicts, ANNOTATION_ORDER) || c;
  return c;
}

export function setConflicts(d: Document, m: YAMLMap, conflicts: readonly ConflictRecord[] | undefined, order: readonly string[]): boolean {
  if (!conflicts || conflicts.length === 0) return setOrdered(d, m, 'conflicts', undefined, order);
  const current = getNode(m, 'conflicts');
  const plain = conflicts.map((c) => ({ field: c.field, other: c.other, ...(c.author ? { author: c.author } : {}), ...(c.at ? { at: c.at } : {}) }));
  if (current !== undefined && JSON.stringify((current as Node).toJSON()) === JSON.stringify(plain)) return false;
  const seq = new YAMLSeq();
  for (const c of plain) {
    const cm = new YAMLMap();
    for (const k of CONFLICT_ORDER) {
      const v = (c as Record<string, unknown>)[k];
      if (v !== undefined) cm.set(k, makeNode(d, v, k === 'other' ? 'note' : 'plain'));
    }
    seq.items.push(cm);
  }
  setNode(m, 'conflicts', seq, order);
  return true;
}

type StringStyle = 'plain' | 'exact' | 'note';

function makeNode(d: Document, value: unknown, style: StringStyle = 'plain'): Node {
  if (typeof value === 'string') {
    const s = new Scalar(value);
    if (style === 'exact') {
      // Quoted text must come back byte for byte: double quotes with escapes whenever plain could lose something.
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|^\s|\s$/.test(value)) s.type = Scalar.QUOTE_DOUBLE;
    } else if (style === 'note' && value.includes('\n')) {
      // Multi-line notes as a block scalar (readable, and one line of diff per changed line) unless they hold
      // characters a block scalar cannot keep exactly.
      // eslint-disable-next-line no-control-regex
      const blockSafe = !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[ \t]\n|[ \t]$|^[ \t]*\n|^ /.test(value);
      s.type = blockSafe ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
    }
    return s;
  }
  if (Array.isArray(value)) {
    const seq = d.createNode(value) as YAMLSeq;
    seq.flow = true;
    return seq;
  }
  return d.createNode(value) as Node;
}

function styleFor(key: string, hint?: StringStyle): StringStyle {
  if (hint) return hint;
  return key === 'note' ? 'note' : 'plain';
}

/**
 * Sets `key` to `value` (undefined deletes it) unless it already holds that value; new keys go in `order`.
 * True when the map changed.
 */
export function setOrdered(d: Document, m: YAMLMap, key: string, value: unknown, order: readonly string[], hint?: StringStyle): boolean {
  const current = getNode(m, key);
  if (value === undefined) {
    if (current === undefined) return false;
    m.delete(key);
    return true;
  }
  if (current !== undefined) {
    const cur = isScalar(current) ? current.value : (current as Node).toJSON();
    if (cur === value || JSON.stringify(cur) === JSON.stringify(value)) return false;
  }
  setNode(m, key, makeNode(d, value, styleFor(key, hint)), order);
  return true;
}

function setNode(m: YAMLMap, key: string, node: Node, order: readonly string[]): void {
  const pair = m.items.find((p) => scalarValue(p.key) === key);
  if (pair) {
    // Keep the key node (and any comment on it); replace the value, keeping a comment after the old value.
    const old = pair.value as Node | null;
    if (old && (old as { comment?: string }).comment && !(node as { comment?: string }).comment) {
      (node as { comment?: string }).comment = (old as { comment?: string }).comment;
    }
    pair.value = node;
    return;
  }
  insertOrdered(m, key, node, order);
}

export function insertOrdered(m: YAMLMap, key: string, node: Node, order: readonly string[]): void {
  const rank = order.indexOf(key);
  let at = m.items.length;
  for (let i = 0; i < m.items.length; i++) {
    const k = scalarValue(m.items[i]!.key);
    const r = typeof k === 'string' ? order.indexOf(k) : -1;
    if (r > rank) {
      at = i;
      break;
    }
  }
  m.items.splice(at, 0, new Pair(new Scalar(key), node));
}
