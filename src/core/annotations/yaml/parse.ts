/**
 * Reading a sidecar safely: size and count limits, no aliases (alias bombs), no custom tags, one document,
 * unique keys, a schema check with the line of every problem (schema.ts), and a refusal of versions newer
 * than this release.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { SIDECAR_VERSION, type Annotation, type SidecarData } from '../types';
import { DEFAULT_LIMITS, SidecarError, type SidecarLimits } from './decode';
import { getNode, scalarValue } from './nodes';
import { conflictList, optString, readAnnotation, stringList } from './schema';
import { SidecarDocument } from './sidecarDocument';

export interface ParsedSidecar {
  readonly data: SidecarData;
  /** The parsed document: pass it back to `serializeSidecar` to keep comments and hand-added fields. */
  readonly doc: SidecarDocument;
}

const SAFE_TAG = /^tag:yaml\.org,2002:(str|int|float|bool|null|seq|map)$/;

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
  const sdoc = new SidecarDocument(doc);
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
      sdoc.heldBy.set(item as YAMLMap, a);
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
  return { data, doc: sdoc };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}
