/** The sidecar schema: each field read from the YAML nodes and checked, failing with the node (for its line). */
import { isMap, isScalar, isSeq, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextTarget } from '../../anchoring/anchor';
import { ANNOTATION_KINDS, type Annotation, type AnnotationKind, type ConflictRecord } from '../types';
import { getNode, scalarValue } from './nodes';

/** Throws the schema error for `node` (its line is looked up by the caller). */
export type Fail = (node: unknown, msg: string) => never;

const CONFLICT_FIELDS = new Set(['note', 'speaker', 'kind', 'entity', 'removed']);

export function optString(map: YAMLMap, key: string, fail: Fail): string | undefined {
  const n = getNode(map, key);
  if (n === undefined) return undefined;
  const v = scalarValue(n);
  if (v === null) return undefined;
  if (typeof v !== 'string') fail(n, `\`${key}\` must be text`);
  return v as string;
}

export function stringList(map: YAMLMap, key: string, fail: Fail): string[] {
  const n = getNode(map, key);
  if (n === undefined || (isScalar(n) && n.value === null)) return [];
  if (!isSeq(n)) fail(n, `\`${key}\` must be a list of text`);
  const out: string[] = [];
  for (const it of (n as YAMLSeq).items) {
    const v = scalarValue(it);
    // A tag typed as a number or yes/no by hand is still a tag.
    if (typeof v === 'number' || typeof v === 'boolean') out.push(String((it as Scalar).source ?? v));
    else if (typeof v === 'string' && v.trim().length > 0) out.push(v);
    else fail(it, `\`${key}\` entries must be non-empty text`);
  }
  return out;
}

function nonNegInt(map: YAMLMap, key: string, fail: Fail): number {
  const n = getNode(map, key);
  if (n === undefined) fail(map, `missing \`${key}\``);
  const v = scalarValue(n);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(n, `\`${key}\` must be a whole number ≥ 0`);
  return v as number;
}

export function conflictList(map: YAMLMap, fail: Fail): ConflictRecord[] {
  const n = getNode(map, 'conflicts');
  if (n === undefined || (isScalar(n) && n.value === null)) return [];
  if (!isSeq(n)) fail(n, '`conflicts` must be a list');
  const out: ConflictRecord[] = [];
  for (const it of (n as YAMLSeq).items) {
    if (!isMap(it)) fail(it, 'each conflict must be a mapping (field, other)');
    const m = it as YAMLMap;
    const field = optString(m, 'field', fail);
    if (field === undefined || !CONFLICT_FIELDS.has(field)) fail(m, '`field` of a conflict must be one of note, speaker, kind, entity, removed');
    const other = optString(m, 'other', fail);
    const author = optString(m, 'author', fail);
    const at = optString(m, 'at', fail);
    out.push({ field: field as ConflictRecord['field'], other: other ?? null, ...(author !== undefined ? { author } : {}), ...(at !== undefined ? { at } : {}) });
  }
  return out;
}

export function readAnnotation(m: YAMLMap, fail: Fail): Annotation {
  const idNode = getNode(m, 'id');
  const idv = scalarValue(idNode);
  if (idNode === undefined) fail(m, 'annotation without an `id`');
  if (typeof idv !== 'string' && typeof idv !== 'number') fail(idNode, '`id` must be text');
  const id = String(idv);
  if (id.length === 0 || id.length > 64 || /\s/.test(id)) fail(idNode, '`id` must be 1–64 characters without spaces');
  const kindNode = getNode(m, 'kind');
  const kind = kindNode === undefined ? 'passage' : scalarValue(kindNode);
  if (typeof kind !== 'string' || !(ANNOTATION_KINDS as readonly string[]).includes(kind)) {
    fail(kindNode, `\`kind\` must be one of ${ANNOTATION_KINDS.join(', ')}`);
  }
  const tn = getNode(m, 'target');
  if (tn === undefined) fail(m, `annotation ${id} has no \`target\``);
  if (!isMap(tn)) fail(tn, '`target` must be a mapping (exact, prefix, suffix, start, end)');
  const tm = tn as YAMLMap;
  const exact = optString(tm, 'exact', fail);
  if (exact === undefined || exact.length === 0) fail(tm, '`target.exact` (the quoted text) is missing or empty');
  const start = nonNegInt(tm, 'start', fail);
  const end = nonNegInt(tm, 'end', fail);
  if (end < start) fail(getNode(tm, 'end'), '`target.end` is before `target.start`');
  const target: TextTarget = {
    exact: exact as string,
    prefix: optString(tm, 'prefix', fail) ?? '',
    suffix: optString(tm, 'suffix', fail) ?? '',
    start,
    end,
  };
  const note = optString(m, 'note', fail);
  const speaker = optString(m, 'speaker', fail);
  const entity = optString(m, 'entity', fail);
  const author = optString(m, 'author', fail);
  const created = optString(m, 'created', fail);
  const updated = optString(m, 'updated', fail);
  const conflicts = conflictList(m, fail);
  return {
    id,
    kind: kind as AnnotationKind,
    target,
    tags: stringList(m, 'tags', fail),
    ...(note !== undefined ? { note } : {}),
    ...(speaker !== undefined ? { speaker } : {}),
    ...(entity !== undefined ? { entity } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(created !== undefined ? { created } : {}),
    ...(updated !== undefined ? { updated } : {}),
    ...(conflicts.length > 0 ? { conflicts } : {}),
  };
}
