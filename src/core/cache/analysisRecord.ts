/**
 * One article's analysis as 32-bit integers and a string table (the analysis cache's record, analysisCache.ts), and
 * the same on its own (`packAnalysis`): a few kilobytes where the objects took tens, so the extension keeps every
 * article's analysis packed and decodes one when a view asks for it.
 */
import type { AnalysisWarning, ArticleAnalysis, ArticleMetadata, Entity, EntityMention, OtherName, Passage, Quote, Span } from '../analysis/types';
import { CacheFormatError, ENTITY_TYPES as TYPES, IntReader, IntWriter, PASSAGE_KINDS as KINDS, STATEMENT_KINDS } from './packing';

/** Record modes: the packed layout, or the analysis as a JSON string (fields this format does not know). */
const PACKED = 0;
const AS_JSON = 1;

/** An analysis packed on its own: its record and the strings it names. */
export interface PackedAnalysis {
  readonly data: Int32Array;
  readonly strings: readonly string[];
}

/** Packs one analysis (nothing is lost: fields the layout does not know are kept as JSON). */
export function packAnalysis(a: ArticleAnalysis): PackedAnalysis {
  const w = new Writer();
  encodeRecord(w, a);
  return { data: w.ints().slice(), strings: w.strings };
}

/** The analysis `packAnalysis` packed (a new object each time). */
export function unpackAnalysis(p: PackedAnalysis): ArticleAnalysis {
  return decodeRecord(p.data, 0, p.data.length, p.strings);
}


export class Writer extends IntWriter {
  span(s: Span | null): void {
    if (s === null) {
      this.int(-1);
      this.int(-1);
    } else {
      this.int(s.start);
      this.int(s.end);
    }
  }
}

const META_KEYS = new Set(['title', 'titleDerived', 'titleSpan', 'publisher', 'date', 'dateIso', 'author', 'dateline']);
const PASSAGE_KEYS = new Set(['start', 'end', 'kind', 'index', 'sentences']);
const SPAN_KEYS = new Set(['start', 'end']);
const QUOTE_KEYS = new Set(['start', 'end', 'text', 'speaker', 'speakerId', 'cue', 'passage', 'group', 'unclosed', 'kind', 'cueStart', 'cueEnd', 'partOf', 'corrected']);
const ENTITY_KEYS = new Set(['id', 'name', 'type', 'mentions', 'uncertain']);
const OTHER_KEYS = new Set(['name', 'mentions']);
const MENTION_KEYS = new Set(['start', 'end', 'text']);
const WARNING_KEYS = new Set(['message']);
const TOP_KEYS = new Set(['metadata', 'passages', 'furniture', 'quotes', 'entities', 'otherNames', 'warnings']);

function only(o: object, keys: ReadonlySet<string>): boolean {
  for (const k in o) if (!keys.has(k)) return false;
  return true;
}

/** True when the packed layout holds every field of the analysis (else it is stored as JSON, losing nothing). */
function packable(a: ArticleAnalysis): boolean {
  if (!only(a, TOP_KEYS) || !only(a.metadata, META_KEYS) || (a.metadata.titleSpan && !only(a.metadata.titleSpan, SPAN_KEYS))) return false;
  if (!a.passages.every((p) => only(p, PASSAGE_KEYS) && KINDS.includes(p.kind) && p.sentences.every((s) => only(s, SPAN_KEYS)))) return false;
  if (!a.furniture.every((s) => only(s, SPAN_KEYS))) return false;
  if (!a.quotes.every((q) => only(q, QUOTE_KEYS) && (q.group === undefined || Number.isInteger(q.group)) && (q.unclosed === undefined || typeof q.unclosed === 'boolean') && (q.kind === undefined || STATEMENT_KINDS.includes(q.kind)) && (q.cueStart === undefined) === (q.cueEnd === undefined) && (q.partOf === undefined || Number.isInteger(q.partOf)) && (q.corrected === undefined || typeof q.corrected === 'boolean'))) return false;
  if (!a.entities.every((e) => only(e, ENTITY_KEYS) && TYPES.includes(e.type) && (e.uncertain === undefined || e.uncertain === true) && e.mentions.every((m) => only(m, MENTION_KEYS)))) return false;
  if (!a.otherNames.every((o) => only(o, OTHER_KEYS) && o.mentions.every((m) => only(m, MENTION_KEYS)))) return false;
  return a.warnings.every((w) => only(w, WARNING_KEYS));
}

export function encodeRecord(w: Writer, a: ArticleAnalysis): void {
  const at = w.length;
  if (packable(a)) {
    try {
      encodePacked(w, a);
      return;
    } catch {
      w.truncate(at); // a number the layout cannot hold (not an integer, out of range): keep it as JSON
    }
  }
  w.int(AS_JSON);
  w.str(JSON.stringify(a));
}

function encodePacked(w: Writer, a: ArticleAnalysis): void {
  w.int(PACKED);
  const m = a.metadata;
  w.str(m.title);
  w.int(m.titleDerived ? 1 : 0);
  w.int(m.titleSpan ? 1 : 0);
  w.span(m.titleSpan);
  w.str(m.publisher);
  w.str(m.date);
  w.str(m.dateIso);
  w.str(m.author);
  w.str(m.dateline);
  w.int(a.passages.length);
  for (const p of a.passages) {
    w.int(p.start);
    w.int(p.end);
    w.int(KINDS.indexOf(p.kind));
    w.int(p.index);
    w.int(p.sentences.length);
    for (const s of p.sentences) w.span(s);
  }
  w.int(a.furniture.length);
  for (const s of a.furniture) w.span(s);
  w.int(a.quotes.length);
  for (const q of a.quotes) {
    w.int(q.start);
    w.int(q.end);
    w.str(q.text);
    w.str(q.speaker);
    w.str(q.speakerId);
    w.str(q.cue);
    w.int(q.passage);
    w.int((q.group !== undefined ? 1 : 0) | (q.unclosed !== undefined ? 2 : 0) | (q.unclosed === true ? 4 : 0) | (q.kind !== undefined ? 8 : 0) | (q.cueStart !== undefined ? 16 : 0) | (q.partOf !== undefined ? 32 : 0) | (q.corrected !== undefined ? 64 : 0) | (q.corrected === true ? 128 : 0));
    w.int(q.group ?? 0);
    if (q.kind !== undefined) w.int(STATEMENT_KINDS.indexOf(q.kind));
    if (q.cueStart !== undefined) {
      w.int(q.cueStart ?? -1);
      w.int(q.cueEnd ?? -1);
    }
    if (q.partOf !== undefined) w.int(q.partOf);
  }
  w.int(a.entities.length);
  for (const e of a.entities) {
    w.str(e.id);
    w.str(e.name);
    w.int(TYPES.indexOf(e.type) | (e.uncertain ? UNCERTAIN : 0));
    writeMentions(w, e.mentions);
  }
  w.int(a.otherNames.length);
  for (const o of a.otherNames) {
    w.str(o.name);
    writeMentions(w, o.mentions);
  }
  w.int(a.warnings.length);
  for (const x of a.warnings) w.str(x.message);
}

const UNCERTAIN = 8;

function writeMentions(w: Writer, mentions: readonly EntityMention[]): void {
  w.int(mentions.length);
  for (const x of mentions) {
    w.int(x.start);
    w.int(x.end);
    w.str(x.text);
  }
}

/** The metadata of a packed analysis, without decoding the rest. */
export function packedMetadata(p: PackedAnalysis): ArticleMetadata {
  const r = new IntReader(p.data, 0, p.data.length, p.strings, 'analysis cache');
  const mode = r.int();
  if (mode === AS_JSON) return (JSON.parse(r.text()) as ArticleAnalysis).metadata;
  if (mode !== PACKED) throw new CacheFormatError('corrupt analysis cache: bad record mode');
  return readMetadata(r);
}

function readMetadata(r: IntReader): ArticleMetadata {
  const title = r.str();
  const titleDerived = r.int() === 1;
  const hasSpan = r.int() === 1;
  const ts = { start: r.int(), end: r.int() };
  return { title, titleDerived, titleSpan: hasSpan ? ts : null, publisher: r.str(), date: r.str(), dateIso: r.str(), author: r.str(), dateline: r.str() };
}

/** What a count of entities across articles needs of one article's entity (without its mentions). */
export interface EntitySummary {
  readonly id: string;
  readonly name: string;
  readonly type: Entity['type'];
  readonly uncertain: true | undefined;
  readonly mentionCount: number;
  /** The first mention's span (-1, -1 when it has none). */
  readonly firstStart: number;
  readonly firstEnd: number;
}

/** The summary of an entity of a decoded analysis. */
export function summarizeEntity(e: Entity): EntitySummary {
  const first = e.mentions[0];
  return { id: e.id, name: e.name, type: e.type, uncertain: e.uncertain, mentionCount: e.mentions.length, firstStart: first?.start ?? -1, firstEnd: first?.end ?? -1 };
}

/**
 * The entities of a packed analysis, summarised, reading past the rest without making its objects (a count over
 * 10,000 articles decoded every analysis whole).
 */
export function packedEntities(p: PackedAnalysis): EntitySummary[] {
  const r = new IntReader(p.data, 0, p.data.length, p.strings, 'analysis cache');
  const mode = r.int();
  if (mode === AS_JSON) return (JSON.parse(r.text()) as ArticleAnalysis).entities.map(summarizeEntity);
  if (mode !== PACKED) throw new CacheFormatError('corrupt analysis cache: bad record mode');
  readMetadata(r);
  for (let n = r.count(); n > 0; n--) {
    r.int(); // start, end, kind, index
    r.int();
    r.int();
    r.int();
    for (let k = r.count() * 2; k > 0; k--) r.int();
  }
  for (let k = r.count() * 2; k > 0; k--) r.int();
  for (let n = r.count(); n > 0; n--) {
    for (let k = 0; k < 7; k++) r.int(); // start, end, text, speaker, speakerId, cue, passage
    const flags = r.int();
    r.int(); // group
    if (flags & 8) r.int();
    if (flags & 16) {
      r.int();
      r.int();
    }
    if (flags & 32) r.int();
  }
  return r.list((): EntitySummary => {
    const id = r.text();
    const name = r.text();
    const t = r.int();
    const type = TYPES[t & ~UNCERTAIN];
    if (!type) throw new CacheFormatError('corrupt analysis cache: bad entity type');
    const mentionCount = r.count(3);
    let firstStart = -1;
    let firstEnd = -1;
    for (let k = 0; k < mentionCount; k++) {
      const start = r.int();
      const end = r.int();
      r.int(); // text
      if (k === 0) {
        firstStart = start;
        firstEnd = end;
      }
    }
    return { id, name, type, uncertain: t & UNCERTAIN ? true : undefined, mentionCount, firstStart, firstEnd };
  });
}

export function decodeRecord(d: Int32Array, start: number, end: number, strings: readonly string[]): ArticleAnalysis {
  const r = new IntReader(d, start, end, strings, 'analysis cache');
  const int = () => r.int();
  const str = () => r.str();
  const text = () => r.text();
  const span = (): Span => ({ start: int(), end: int() });
  const list = <T>(make: () => T): T[] => r.list(make);
  const mentionList = () => list((): EntityMention => ({ start: int(), end: int(), text: text() }));
  const mode = int();
  if (mode === AS_JSON) return JSON.parse(text()) as ArticleAnalysis;
  if (mode !== PACKED) throw new CacheFormatError('corrupt analysis cache: bad record mode');
  const metadata = readMetadata(r);
  const passages = list((): Passage => {
    const ps = int();
    const pe = int();
    const kind = KINDS[int()];
    if (!kind) throw new CacheFormatError('corrupt analysis cache: bad passage kind');
    const index = int();
    return { start: ps, end: pe, kind, index, sentences: list(span) };
  });
  const furniture = list(span);
  const quotes = list((): Quote => {
    const qs = int();
    const qe = int();
    const qt = text();
    const speaker = str();
    const speakerId = str();
    const cue = str();
    const passage = int();
    const flags = int();
    const group = int();
    const kind = flags & 8 ? STATEMENT_KINDS[int()] : undefined;
    const cs = flags & 16 ? int() : 0;
    const ce = flags & 16 ? int() : 0;
    const partOf = flags & 32 ? int() : 0;
    return {
      start: qs,
      end: qe,
      text: qt,
      speaker,
      speakerId,
      cue,
      passage,
      ...(flags & 1 ? { group } : {}),
      ...(flags & 2 ? { unclosed: (flags & 4) !== 0 } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(flags & 16 ? { cueStart: cs < 0 ? null : cs, cueEnd: ce < 0 ? null : ce } : {}),
      ...(flags & 32 ? { partOf } : {}),
      ...(flags & 64 ? { corrected: (flags & 128) !== 0 } : {}),
    };
  });
  const entities = list((): Entity => {
    const id = text();
    const name = text();
    const t = int();
    const type = TYPES[t & ~UNCERTAIN];
    if (!type) throw new CacheFormatError('corrupt analysis cache: bad entity type');
    const mentions = mentionList();
    return t & UNCERTAIN ? { id, name, type, mentions, uncertain: true } : { id, name, type, mentions };
  });
  const otherNames = list((): OtherName => {
    const name = text();
    return { name, mentions: mentionList() };
  });
  const warnings = list((): AnalysisWarning => ({ message: text() }));
  if (!r.done) throw new CacheFormatError('corrupt analysis cache: record length');
  return { metadata, passages, furniture, quotes, entities, otherNames, warnings };
}
