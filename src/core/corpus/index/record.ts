/**
 * The compact per-article record the corpus index keeps (and the cache stores): derived once from the
 * article's analysis, never holding the analysis itself.
 */
import type { ArticleAnalysis, PassageKind } from '../../analysis/types';
import { fingerprint as textFingerprint } from '../../text/decode';
import { contentTokens, passageKeys } from '../tokenize';
import type { ArticleInput, FileStamp, IndexedAnnotation } from '../types';
import type { EntityRec, PassageRec, QuoteRec, RecordParts, SearchTerms } from './parts';

export type { EntityRec, PassageRec, QuoteRec, RecordParts, SearchTerms } from './parts';

/** An article in the index: its record parts (title, passages, quotes, entities), where it is, and its notes. */
export interface ArticleRecord extends Omit<RecordParts, 'shingles' | 'searchTerms'> {
  readonly path: string;
  readonly text: string;
  readonly fingerprint: string;
  stamp: FileStamp | null;
  annotations: readonly IndexedAnnotation[];
  /**
   * Per passage: sorted unique shingle hashes and content-word keys (`passageKeys`; empty for passages not
   * indexed for near-duplicates). Present
   * until the index has posted them; the index then drops them (its shingle table holds them).
   */
  shingles?: readonly Uint32Array[];
  /** The search words of its text items when made ahead (RecordParts.searchTerms); dropped once the search index took them. */
  searchTerms?: SearchTerms;
}

/** Passage kinds that take part in related passages (furniture, bylines and datelines do not). */
export function isContentPassage(kind: PassageKind): boolean {
  return kind === 'paragraph' || kind === 'headline';
}

/**
 * The key the index matches entities on: the entity id, which carries no type (`rex-tillerson`), so one article
 * typing a name as an organisation and another as a person still link; an id written with its type before
 * (`person:rex-tillerson`) gives the same key.
 */
export function entityKey(id: string): string {
  const colon = id.indexOf(':');
  return colon >= 0 ? id.slice(colon + 1) : id;
}

export function speakerKeyOf(speaker: string | null, speakerId: string | null): string | null {
  if (speakerId) return speakerId;
  if (speaker && speaker.trim() !== '') return 'name:' + speaker.trim().toLowerCase().replace(/\s+/g, ' ');
  return null;
}

/** Index of the passage whose span holds `offset` (or the last passage starting before it); -1 if none. */
export function passageAt(passages: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = passages.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (passages[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export function validateAnnotations(path: string, text: string, annotations: readonly IndexedAnnotation[]): IndexedAnnotation[] {
  const out: IndexedAnnotation[] = [];
  for (const a of annotations) {
    if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end < a.start || a.end > text.length) {
      throw new RangeError(`annotation ${a.id} of ${path} has span ${a.start}..${a.end} outside the text (length ${text.length})`);
    }
    out.push({ ...a, tags: [...a.tags] });
  }
  return out;
}

/** The record parts of an article (see RecordParts); throws RangeError on spans outside the text. */
export function recordParts(path: string, text: string, analysis: ArticleAnalysis): RecordParts {
  checkAnalysis(path, text, analysis);
  const passages: PassageRec[] = analysis.passages.map((p) => ({
    start: p.start,
    end: p.end,
    kind: p.kind,
    sentences: p.sentences.flatMap((s) => [s.start, s.end]),
    entities: [] as string[],
  }));
  const entities: EntityRec[] = [];
  for (const e of analysis.entities) {
    if (e.mentions.length === 0) continue;
    let first = e.mentions[0]!;
    for (const m of e.mentions) {
      if (m.start < first.start) first = m;
      const pi = passageAt(passages, m.start);
      if (pi >= 0 && m.start < passages[pi]!.end) {
        const list = passages[pi]!.entities as string[];
        const key = entityKey(e.id);
        if (!list.includes(key)) list.push(key);
      }
    }
    entities.push({ id: e.id, name: e.name, type: e.type, start: first.start, end: first.end, mentions: e.mentions.length, ...(e.uncertain ? { uncertain: true as const } : {}) });
  }
  const quotes: QuoteRec[] = analysis.quotes.map((q) => ({
    start: q.start,
    end: q.end,
    said: q.kind ?? 'direct',
    fragment: q.partOf !== undefined,
    speaker: q.speaker,
    speakerKey: speakerKeyOf(q.speaker, q.speakerId),
    passage: q.passage >= 0 && q.passage < passages.length ? q.passage : passageAt(passages, q.start),
  }));
  const shingles = passages.map((p) => (isContentPassage(p.kind) ? passageKeys(contentTokens(text, p.start, p.end).map((t) => t.term)) : new Uint32Array(0)));
  const md = analysis.metadata;
  return {
    title: md.title,
    titleStart: md.titleSpan?.start ?? -1,
    titleEnd: md.titleSpan?.end ?? -1,
    publisher: md.publisher,
    dateIso: md.dateIso,
    passages,
    quotes,
    entities,
    shingles,
  };
}

export function buildRecord(input: ArticleInput): ArticleRecord {
  const { path, text } = input;
  const parts = input.parts ?? recordParts(path, text, typeof input.analysis === 'function' ? input.analysis() : input.analysis);
  if (input.parts) checkParts(path, text, input.parts);
  return {
    path,
    text,
    fingerprint: input.fingerprint ?? textFingerprint(text),
    stamp: input.stamp ?? null,
    title: parts.title,
    titleStart: parts.titleStart,
    titleEnd: parts.titleEnd,
    publisher: parts.publisher,
    dateIso: parts.dateIso,
    passages: parts.passages,
    quotes: parts.quotes,
    entities: parts.entities,
    annotations: validateAnnotations(path, text, input.annotations ?? []),
    shingles: parts.shingles,
    ...(parts.searchTerms ? { searchTerms: parts.searchTerms } : {}),
  };
}

/** Parts made elsewhere are for this text: the spans fit in it (as checkAnalysis checks an analysis). */
function checkParts(path: string, text: string, parts: RecordParts): void {
  const last = parts.passages[parts.passages.length - 1];
  if ((last && last.end > text.length) || parts.shingles.length !== parts.passages.length) {
    throw new RangeError(`index record of ${path} does not fit its text (length ${text.length}); was it made for another version of the file?`);
  }
}

function checkAnalysis(path: string, text: string, a: ArticleAnalysis): void {
  const bad = (what: string, s: { start: number; end: number }) => {
    if (!(s.start >= 0 && s.end >= s.start && s.end <= text.length)) {
      throw new RangeError(`analysis of ${path}: ${what} span ${s.start}..${s.end} is outside the text (length ${text.length}); was it made for another version of the file?`);
    }
  };
  for (const p of a.passages) bad('passage', p);
  for (const q of a.quotes) bad('quote', q);
  for (const e of a.entities) for (const m of e.mentions) bad('entity mention', m);
}
