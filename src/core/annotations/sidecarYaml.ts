/**
 * Reading and writing sidecar YAML with the `yaml` package's Document API, so that comments, key order and
 * fields a person added by hand survive a save, and a save changes only the lines of what changed.
 *
 * Reading is defensive: size and count limits, no aliases (alias bombs), no custom tags, one document, unique
 * keys, a schema check with the line of every problem, and a refusal of versions newer than this release.
 */
import { Document, isMap, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { TextTarget } from '../anchoring/anchor';
import {
  ANNOTATION_KINDS,
  SIDECAR_VERSION,
  type Annotation,
  type AnnotationKind,
  type ConflictRecord,
  type SidecarData,
} from './types';

export interface SidecarLimits {
  /** Largest sidecar read, in bytes (bigger files are refused before parsing). */
  readonly maxBytes: number;
  readonly maxAnnotations: number;
}

export const DEFAULT_LIMITS: SidecarLimits = { maxBytes: 16 * 1024 * 1024, maxAnnotations: 200_000 };

export type SidecarErrorKind = 'encoding' | 'syntax' | 'schema' | 'version' | 'limit' | 'unsafe';

/** A sidecar that cannot be used: it is never overwritten; its article's annotations are read-only. */
export class SidecarError extends Error {
  constructor(
    readonly path: string,
    readonly line: number | null,
    readonly kind: SidecarErrorKind,
    readonly detail: string,
  ) {
    super(`${path}${line !== null ? `:${line}` : ''}: ${detail}`);
    this.name = 'SidecarError';
  }
}

export interface ParsedSidecar {
  readonly data: SidecarData;
  /** The parsed document: pass it back to `serializeSidecar` to keep comments and hand-added fields. */
  readonly doc: Document;
}

const TOP_ORDER = ['version', 'source', 'sourceFingerprint', 'tags', 'note', 'conflicts', 'annotations'];
const ANNOTATION_ORDER = ['id', 'kind', 'speaker', 'entity', 'tags', 'note', 'target', 'author', 'created', 'updated', 'conflicts'];
const TARGET_ORDER = ['exact', 'prefix', 'suffix', 'start', 'end'];
const CONFLICT_ORDER = ['field', 'other', 'author', 'at'];
const CONFLICT_FIELDS = new Set(['note', 'speaker', 'kind', 'entity', 'removed']);
const SAFE_TAG = /^tag:yaml\.org,2002:(str|int|float|bool|null|seq|map)$/;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes sidecar bytes (UTF-8, BOM dropped) or throws a SidecarError naming the line of the first bad byte. */
export function decodeSidecarBytes(bytes: Uint8Array, path: string, limits: SidecarLimits = DEFAULT_LIMITS): string {
  if (bytes.length > limits.maxBytes) {
    throw new SidecarError(path, null, 'limit', `sidecar is ${bytes.length} bytes, more than the ${limits.maxBytes} allowed; refusing to read it`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    const text = utf8Lenient.decode(bytes);
    const at = text.indexOf('\uFFFD');
    const line = at < 0 ? null : countLines(text, at);
    throw new SidecarError(path, line, 'encoding', 'sidecar is not valid UTF-8 text');
  }
}

function countLines(text: string, upTo: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Parses and checks sidecar text. Throws SidecarError (with a line when it can) for anything it will not use. */
export function parseSidecar(text: string, path: string, limits: SidecarLimits = DEFAULT_LIMITS): ParsedSidecar {
  if (text.length > limits.maxBytes) {
    throw new SidecarError(path, null, 'limit', `sidecar is larger than the ${limits.maxBytes} bytes allowed; refusing to read it`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lc = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false });
  } catch (err) {
    // The parser recurses: absurd nesting overflows the stack. Refuse it like any syntax error.
    throw new SidecarError(path, null, 'unsafe', `sidecar could not be parsed (${err instanceof RangeError ? 'nested too deeply' : String(err)})`);
  }
  const lineAt = (offset: number | undefined): number | null => (offset === undefined ? null : lc.linePos(offset).line);
  const lineOf = (node: unknown): number | null => lineAt((node as { range?: [number, number, number] } | null)?.range?.[0]);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    if (/call stack/i.test(e.message)) throw new SidecarError(path, null, 'unsafe', 'sidecar is nested too deeply to be read');
    throw new SidecarError(path, e.linePos?.[0].line ?? lineAt(e.pos[0]), 'syntax', `YAML syntax error: ${firstLine(e.message)}`);
  }
  // Aliases (alias bombs) and custom tags are refused before anything is built from the document.
  let unsafe: SidecarError | undefined;
  visit(doc, {
    Alias(_k, node) {
      unsafe = new SidecarError(path, lineOf(node), 'unsafe', 'YAML aliases (*name) are not allowed in a sidecar');
      return visit.BREAK;
    },
    Node(_k, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag !== undefined && !SAFE_TAG.test(tag)) {
        unsafe = new SidecarError(path, lineOf(node), 'unsafe', `YAML tag ${tag} is not allowed in a sidecar`);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (unsafe) throw unsafe;
  if (doc.warnings.length > 0) {
    const w = doc.warnings[0]!;
    throw new SidecarError(path, w.linePos?.[0].line ?? lineAt(w.pos[0]), 'unsafe', firstLine(w.message));
  }

  const fail = (node: unknown, msg: string): never => {
    throw new SidecarError(path, lineOf(node), 'schema', msg);
  };
  const root = doc.contents;
  if (!isMap(root)) fail(root, root === null ? 'sidecar is empty' : 'sidecar must be a YAML mapping (key: value lines)');
  const top = root as YAMLMap;

  const versionNode = getNode(top, 'version');
  if (versionNode === undefined) fail(top, 'missing `version`');
  const version = scalarValue(versionNode);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail(versionNode, '`version` must be a positive whole number');
  if ((version as number) > SIDECAR_VERSION) {
    throw new SidecarError(
      path,
      lineOf(versionNode),
      'version',
      `sidecar version ${version as number} was written by a newer release of News Annotator (this one reads version ${SIDECAR_VERSION}); it is read-only here`,
    );
  }
  const source = optString(top, 'source', fail) ?? '';
  const sourceFingerprint = optString(top, 'sourceFingerprint', fail);
  const tags = stringList(top, 'tags', fail);
  const note = optString(top, 'note', fail);
  const conflicts = conflictList(top, fail);

  const annsNode = getNode(top, 'annotations');
  const annotations: Annotation[] = [];
  if (annsNode !== undefined && !(isScalar(annsNode) && annsNode.value === null)) {
    if (!isSeq(annsNode)) fail(annsNode, '`annotations` must be a list');
    const seq = annsNode as YAMLSeq;
    if (seq.items.length > limits.maxAnnotations) {
      throw new SidecarError(path, lineOf(seq), 'limit', `sidecar has ${seq.items.length} annotations, more than the ${limits.maxAnnotations} allowed`);
    }
    const ids = new Set<string>();
    for (const item of seq.items) {
      if (!isMap(item)) fail(item, 'each annotation must be a mapping (id, kind, target, ...)');
      const a = readAnnotation(item as YAMLMap, fail);
      heldBy.set(item as YAMLMap, a);
      if (ids.has(a.id)) fail((item as YAMLMap).get('id', true), `duplicate annotation id ${a.id}`);
      ids.add(a.id);
      annotations.push(a);
    }
  }
  const data: SidecarData = {
    version: version as number,
    source,
    ...(sourceFingerprint !== undefined ? { sourceFingerprint } : {}),
    tags,
    ...(note !== undefined ? { note } : {}),
    annotations,
    ...(conflicts.length > 0 ? { conflicts } : {}),
  };
  return { data, doc };
}

type Fail = (node: unknown, msg: string) => never;

function getNode(m: YAMLMap, key: string): unknown {
  return m.get(key, true) as unknown;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function optString(map: YAMLMap, key: string, fail: Fail): string | undefined {
  const n = getNode(map, key);
  if (n === undefined) return undefined;
  const v = scalarValue(n);
  if (v === null) return undefined;
  if (typeof v !== 'string') fail(n, `\`${key}\` must be text`);
  return v as string;
}

function stringList(map: YAMLMap, key: string, fail: Fail): string[] {
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

function conflictList(map: YAMLMap, fail: Fail): ConflictRecord[] {
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

function readAnnotation(m: YAMLMap, fail: Fail): Annotation {
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

// ---------------------------------------------------------------------------------------------------------
// Writing

export const SIDECAR_HEADER =
  ' News Annotator: tags and notes for the article named in `source`. You may edit this file by hand;\n' +
  ' comments and extra fields are kept. Offsets are hints: the quote and its context decide where it goes.';

/** A new, empty sidecar document with the explanatory header comment. */
export function newSidecarDocument(): Document {
  const d = new Document({});
  d.commentBefore = SIDECAR_HEADER;
  return d;
}

/** Options of every serialisation (no folding, so a quote is never split over lines). */
export const SERIALIZE_OPTIONS = { lineWidth: 0, minContentWidth: 0, indentSeq: true } as const;

/** The full serialisation of `doc` as it is now (what `serializeSidecar` must always equal, byte for byte). */
export function fullSerialization(doc: Document): string {
  return doc.toString(SERIALIZE_OPTIONS);
}

/** Which annotation data each annotation node was last written from (or read as): unchanged objects skip the compare. */
const heldBy = new WeakMap<YAMLMap, Annotation>();

/**
 * The text a document was last serialised to, cut at annotation blocks: `head` (everything up to the end of the
 * `annotations:` line), one segment per annotation node (its blank line and its lines, each segment starting with
 * a line break), and `tail` (the final line break). Valid only while the document is changed by
 * `serializeSidecar` alone, which keeps it up to date.
 */
interface Layout {
  readonly head: string;
  readonly tail: string;
  readonly segs: Map<YAMLMap, string>;
}
const layouts = new WeakMap<Document, Layout>();

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
export function serializeSidecar(data: SidecarData, doc?: Document, fallbackNodes?: ReadonlyMap<string, YAMLMap>): string {
  const d = doc ?? newSidecarDocument();
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
    if (heldBy.get(node) !== a) {
      if (writeAnnotation(d, node, a)) changed = true;
      heldBy.set(node, a);
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
  const prev = layouts.get(d);
  layouts.delete(d);
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
      layouts.set(d, { head: prev.head, tail: prev.tail, segs });
      return parts.join('');
    }
  }
  const text = fullSerialization(d);
  serializeStats.full++;
  const layout = scanLayout(text, d, top, aseq);
  if (layout) layouts.set(d, layout);
  return text;
}

const BLOCK_START = '\n  - ';
/** A keep-chomping block scalar header (`|+`, `>2+`, with or without a comment) at the end of a line. */
const KEEP_CHOMP = /[|>][1-9]?\+(?:[ \t]+#[^\n]*)?\n/;

/** True when the annotation blocks' text cannot depend on anything outside their own node. */
function spliceable(d: Document, top: YAMLMap, seq: YAMLSeq): boolean {
  if (d.comment || d.directives?.docEnd || top.comment || seq.comment || seq.flow || seq.anchor || seq.tag) return false;
  const last = top.items[top.items.length - 1];
  if (!last || scalarValue(last.key) !== 'annotations' || last.value !== seq) return false;
  for (const it of seq.items) {
    if (!isMap(it) || it.commentBefore || it.comment) return false;
  }
  return true;
}

/** One annotation block as it is written in the list (after a blank line when `spaceBefore`), or undefined. */
function segmentOf(d: Document, node: YAMLMap): string | undefined {
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
    out = fullSerialization(d);
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
function scanLayout(text: string, d: Document, top: YAMLMap, seq: YAMLSeq): Layout | undefined {
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

/** Writes `a` into the annotation node; true when anything changed. */
function writeAnnotation(d: Document, m: YAMLMap, a: Annotation): boolean {
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

function setConflicts(d: Document, m: YAMLMap, conflicts: readonly ConflictRecord[] | undefined, order: readonly string[]): boolean {
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
function setOrdered(d: Document, m: YAMLMap, key: string, value: unknown, order: readonly string[], hint?: StringStyle): boolean {
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

function insertOrdered(m: YAMLMap, key: string, node: Node, order: readonly string[]): void {
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
