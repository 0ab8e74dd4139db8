/**
 * A small, predictable stand-in for analyzeArticle in the corpus tests: the first line is the headline,
 * blank lines separate paragraphs, sentences end at . ! ?, quotations are “...” or "...", and entities are
 * the names the test lists (any alias counts). A quote's speaker is the first listed person named within
 * 80 characters after the quotation (or, failing that, before it in the same paragraph).
 */
import type { ArticleAnalysis, Entity, EntityType, Passage, Quote, Span } from '../../../src/core/analysis/types';

export interface KnownEntity {
  readonly name: string;
  readonly type: EntityType;
  readonly aliases?: readonly string[];
}

export function entityId(e: KnownEntity): string {
  return `${e.type}:${e.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export function fakeAnalysis(text: string, known: readonly KnownEntity[] = [], publisher: string | null = null): ArticleAnalysis {
  const passages: Passage[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    const sentences: Span[] = [];
    const sre = /[^.!?]+(?:[.!?]+["”’]?|$)/g;
    const body = m[0];
    for (let s = sre.exec(body); s; s = sre.exec(body)) {
      const lead = s[0].length - s[0].trimStart().length;
      const st = start + s.index + lead;
      const en = start + s.index + s[0].trimEnd().length;
      if (en > st) sentences.push({ start: st, end: en });
      if (s[0].length === 0) break;
    }
    passages.push({ start, end, kind: passages.length === 0 ? 'headline' : 'paragraph', index: passages.length, sentences });
  }
  const entities: Entity[] = [];
  for (const k of known) {
    const mentions: { start: number; end: number; text: string }[] = [];
    for (const form of [k.name, ...(k.aliases ?? [])]) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
        if (!mentions.some((x) => i < x.end && i + form.length > x.start)) mentions.push({ start: i, end: i + form.length, text: form });
      }
    }
    if (mentions.length > 0) entities.push({ id: entityId(k), name: k.name, type: k.type, mentions: mentions.sort((a, b) => a.start - b.start) });
  }
  const quotes: Quote[] = [];
  const qre = /[“"]([^”"]+)[”"]/g;
  for (let m = qre.exec(text); m; m = qre.exec(text)) {
    const start = m.index + 1;
    const end = start + m[1]!.length;
    const pIndex = passages.findIndex((p) => p.start <= start && start < p.end);
    const p = passages[pIndex]!;
    let speaker: Entity | undefined;
    let bestDist = Infinity;
    for (const e of entities) {
      if (e.type !== 'person') continue;
      for (const mm of e.mentions) {
        if (mm.start >= end && mm.start - end < 80 && mm.start < p.end && mm.start - end < bestDist) {
          bestDist = mm.start - end;
          speaker = e;
        }
      }
    }
    if (!speaker) {
      for (const e of entities) {
        if (e.type === 'person' && e.mentions.some((mm) => mm.end <= start && mm.start >= p.start)) speaker = e;
      }
    }
    quotes.push({ start, end, text: m[1]!, speaker: speaker?.name ?? null, speakerId: speaker?.id ?? null, cue: speaker ? 'said' : null, passage: pIndex });
  }
  const head = passages[0];
  return {
    metadata: {
      title: head ? text.slice(head.start, head.end) : null,
      titleDerived: false,
      titleSpan: head ? { start: head.start, end: head.end } : null,
      publisher,
      date: null,
      dateIso: null,
      author: null,
      dateline: null,
    },
    passages,
    furniture: [],
    quotes,
    entities,
    otherNames: [],
    warnings: [],
  };
}
