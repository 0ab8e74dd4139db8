/**
 * One-step edits of the entity corrections file (`.news-annotator/entities.yaml`, format in
 * docs/entity-corrections.md): retype a name, add an alias, suppress a false positive. Works on the YAML
 * text with the `yaml` Document API, so the user's comments, key order and other entries stay as written.
 * Pure: the caller reads and writes the file.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { CorrectionsError, parseEntityCorrections } from './corrections';
import { normKey } from './entities';
import type { EntityType } from './types';

export type CorrectionEdit =
  | { readonly kind: 'type'; readonly name: string; readonly type: EntityType }
  | { readonly kind: 'alias'; readonly name: string; readonly alias: string; readonly type?: EntityType }
  | { readonly kind: 'suppress'; readonly text: string; readonly type?: EntityType };

const HEADER = '# Entity corrections for News Annotator (format: docs/entity-corrections.md).\n# Edited by hand or with "Correct Entity…" in the editor.\n';

const TYPES = new Set<string>(['person', 'organization', 'place']);
/** The spellings of a type the parser accepts (docs/entity-corrections.md). */
const TYPE_OF: Record<string, EntityType> = {
  person: 'person', per: 'person', people: 'person',
  organization: 'organization', organisation: 'organization', org: 'organization',
  place: 'place', location: 'place', loc: 'place', gpe: 'place',
};

/** The same key the analysis matches names by: case, dots, spacing and a leading "the" ignored. */
const key = normKey;

function scalarText(node: unknown): string | undefined {
  if (isScalar(node) && node.value !== null && node.value !== undefined) return String(node.value).trim();
  return undefined;
}

/**
 * Applies one edit to the corrections file's text (undefined or empty: no file yet) and returns the new text.
 * Throws CorrectionsError when the source is not a valid corrections file (nothing should then be written) or
 * the edit is not possible; returns the source unchanged when the edit is already in place.
 */
export function applyCorrectionEdit(sourceText: string | undefined, edit: CorrectionEdit): string {
  checkEdit(edit);
  const source = sourceText ?? '';
  // Validates the whole file first (throws CorrectionsError with the reason).
  parseEntityCorrections(source);
  const fresh = source.trim() === '';
  const doc = fresh ? parseDocument('{}') : parseDocument(source);
  if (fresh) (doc.contents as YAMLMap).flow = false;
  if (!isMap(doc.contents)) {
    // Only comments (valid, no corrections): keep them and start a mapping below.
    const next = parseDocument(source.replace(/\s*$/, '\n') + 'entities: []\n');
    if (!isMap(next.contents)) throw new CorrectionsError('entity corrections: expected a mapping with "entities" and/or "suppress"');
    return finish(applyTo(next, edit), source, next, edit);
  }
  return finish(applyTo(doc, edit), source, doc, edit, fresh);
}

function finish(changed: boolean, source: string, doc: Document, edit: CorrectionEdit, fresh = false): string {
  if (!changed) return source;
  const indent = fresh ? 2 : indentOf(source);
  let out = doc.toString({ lineWidth: 0, indent });
  if (fresh) out = HEADER + out;
  else {
    // the merge must mean exactly what the library wrote; if it does not (or does not parse), keep the library's text
    const merged = keepUntouchedLines(source, out, indent);
    try {
      if (merged !== out && JSON.stringify(parseEntityCorrections(merged)) === JSON.stringify(parseEntityCorrections(out))) out = merged;
    } catch {
      // out is checked below
    }
  }
  // The result must itself be a valid file (it always should be; never hand back something that is not).
  try {
    parseEntityCorrections(out);
  } catch (err) {
    throw new CorrectionsError(`entity corrections: the ${edit.kind} edit would make the file invalid (${(err as Error).message}); nothing changed`);
  }
  return out;
}

/**
 * The yaml library writes the whole document again, normalising spacing (e.g. before a comment). Lines the edit
 * did not touch are given back as the user wrote them: the source, written again unedited, is compared line by
 * line with the edited output, and every line common to both is taken from the source. Only when the rewrite
 * does not keep the source's lines one for one (then the mapping is unknown) is the library's text used as is.
 */
function keepUntouchedLines(source: string, edited: string, indent: number): string {
  const src = source.split('\n');
  const before = parseDocument(source).toString({ lineWidth: 0, indent }).split('\n');
  const after = edited.split('\n');
  // toString always ends with one newline; a source without one has one line fewer
  if (src.length === before.length - 1 && before[before.length - 1] === '') src.push('');
  if (src.length !== before.length || before.length * after.length > 4_000_000) return edited;
  // longest common subsequence of lines, before → after
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (j < m) {
    if (i < n && before[i] === after[j]) {
      out.push(src[i]!);
      i++;
      j++;
    } else if (i < n && lcs[i]![j]! === lcs[i + 1]![j + 1]! && lead(before[i]!) === lead(after[j]!)) {
      // a line changed in place ("type: place" → "type: person"): at the user's indentation
      out.push(lead(src[i]!) + after[j]!.slice(lead(after[j]!).length));
      i++;
      j++;
    } else if (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else out.push(after[j++]!);
  }
  return out.join('\n');
}

function lead(line: string): string {
  return /^ */.exec(line)![0];
}

/** The indentation the file uses (that of its first indented line), so added lines line up with the user's. */
function indentOf(source: string): number {
  const m = /^( +)[^ #\n]/m.exec(source);
  const n = m ? m[1]!.length : 2;
  return n >= 1 && n <= 8 ? n : 2;
}

function checkEdit(edit: CorrectionEdit): void {
  const need = (v: unknown, what: string) => {
    if (typeof v !== 'string' || !v.trim()) throw new CorrectionsError(`entity corrections: ${what} is required`);
  };
  if (edit.kind === 'suppress') need(edit.text, 'the text to suppress');
  else need(edit.name, 'a name');
  if (edit.kind === 'alias') need(edit.alias, 'an alias');
  const type = edit.type;
  if (type !== undefined && !TYPES.has(type)) throw new CorrectionsError(`entity corrections: unknown type "${String(type)}" (use person, organization or place)`);
  if (edit.kind === 'type' && type === undefined) throw new CorrectionsError('entity corrections: a type is required');
}

/** The list under `entities`/`suppress`, created (block style) when missing or null. */
function list(doc: Document, name: 'entities' | 'suppress'): YAMLSeq {
  const map = doc.contents as YAMLMap;
  const cur = map.get(name, true);
  if (isSeq(cur)) {
    if (cur.flow && cur.items.length === 0) cur.flow = false;
    return cur;
  }
  const seq = doc.createNode([]) as YAMLSeq;
  seq.flow = false;
  map.set(name, seq);
  return seq;
}

interface EntryRef {
  readonly index: number;
  readonly node: unknown;
  readonly name: string;
  readonly aliases: readonly string[];
}

function entries(seq: YAMLSeq): EntryRef[] {
  return seq.items.map((node, index) => {
    const bare = scalarText(node);
    if (bare !== undefined) return { index, node, name: bare, aliases: [] };
    const m = node as YAMLMap;
    const al = m.get('aliases', true);
    const aliases = isSeq(al) ? al.items.map(scalarText).filter((x): x is string => !!x) : scalarText(al) ? [scalarText(al)!] : [];
    return { index, node, name: scalarText(m.get('name', true)) ?? '', aliases };
  });
}

/** A bare-string entry turned into a mapping (keeping its comment), so keys can be added. */
function asMap(doc: Document, seq: YAMLSeq, ref: EntryRef): YAMLMap {
  if (isMap(ref.node)) return ref.node;
  const m = doc.createNode({ name: ref.name }) as YAMLMap;
  m.flow = false;
  if (isScalar(ref.node)) {
    m.commentBefore = ref.node.commentBefore;
    m.comment = ref.node.comment;
  }
  seq.items[ref.index] = m;
  return m;
}

function applyTo(doc: Document, edit: CorrectionEdit): boolean {
  if (edit.kind === 'suppress') return suppress(doc, edit.text.trim(), edit.type);
  const seq = list(doc, 'entities');
  const refs = entries(seq);
  const name = edit.name.trim();
  const byName = refs.find((r) => key(r.name) === key(name));
  if (edit.kind === 'type') {
    const ref = byName ?? refs.find((r) => r.aliases.some((a) => key(a) === key(name)));
    if (!ref) {
      seq.add(doc.createNode({ name, type: edit.type }));
      return true;
    }
    const m = isMap(ref.node) ? ref.node : undefined;
    const cur = m ? scalarText(m.get('type', true)) : undefined;
    if (cur !== undefined && TYPE_OF[cur.toLowerCase()] === edit.type) return false;
    const target = asMap(doc, seq, ref);
    const t = target.get('type', true);
    if (isScalar(t)) t.value = edit.type;
    else target.set('type', edit.type);
    return true;
  }
  // alias
  const alias = edit.alias.trim();
  if (key(alias) === key(name)) throw new CorrectionsError(`entity corrections: "${alias}" cannot be an alias of itself`);
  const own = refs.find((r) => r !== byName && key(r.name) === key(alias));
  if (own) throw new CorrectionsError(`entity corrections: "${alias}" has its own entry (entities[${own.index}]); merge the two entries by hand`);
  const elsewhere = refs.find((r) => r !== byName && r.aliases.some((a) => key(a) === key(alias)));
  if (elsewhere) throw new CorrectionsError(`entity corrections: "${alias}" is already an alias of "${elsewhere.name}" (entities[${elsewhere.index}])`);
  if (!byName) {
    const node: Record<string, unknown> = { name };
    if (edit.type) node['type'] = edit.type;
    node['aliases'] = [alias];
    const created = doc.createNode(node) as YAMLMap;
    const al = created.get('aliases', true);
    if (isSeq(al)) al.flow = true;
    seq.add(created);
    return true;
  }
  if (byName.aliases.some((a) => key(a) === key(alias))) return false;
  const target = asMap(doc, seq, byName);
  if (edit.type && target.get('type') === undefined) {
    // keep the key order readable: type before aliases when both are new
    target.set('type', edit.type);
  }
  const al = target.get('aliases', true);
  if (isSeq(al)) al.add(doc.createNode(alias));
  else if (isScalar(al) && scalarText(al)) {
    const seqNode = doc.createNode([scalarText(al)!, alias]) as YAMLSeq;
    seqNode.flow = true;
    target.set('aliases', seqNode);
  } else {
    const seqNode = doc.createNode([alias]) as YAMLSeq;
    seqNode.flow = true;
    target.set('aliases', seqNode);
  }
  return true;
}

function suppress(doc: Document, text: string, type: EntityType | undefined): boolean {
  // A form listed under entities is searched for in the text again, so suppressing it would not work.
  const ents = doc.get('entities', true);
  if (isSeq(ents)) {
    const listed = entries(ents).find((r) => key(r.name) === key(text) || r.aliases.some((a) => key(a) === key(text)));
    if (listed) throw new CorrectionsError(`entity corrections: "${text}" is listed under entities[${listed.index}] ("${listed.name}"); remove it there to suppress it`);
  }
  const seq = list(doc, 'suppress');
  const current = parseEntityCorrections(doc.toString()).suppress;
  if (current.some((s) => key(s.text) === key(text) && (!s.type || s.type === type))) return false;
  seq.add(type ? doc.createNode({ text, type }) : doc.createNode(text));
  return true;
}
