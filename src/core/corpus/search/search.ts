/**
 * Fuzzy search over headlines, quotations, speakers, entities, tags, notes and every sentence of the body text:
 * query words expanded through
 * the vocabulary (typoTolerance.ts) short-list items from the word index, filters (filters.ts) narrow them,
 * and fuse.js scores the short list. Each place is answered once: a body sentence is left out where a quotation,
 * annotation or headline result covers the same words, and one range found as both a quote and its annotation
 * is one result.
 */
import Fuse, { type FuseResult, type FuseResultMatch } from 'fuse.js';
import type { RelatedTables } from '../index/relatedTables';
import type { LiveArticle, Slots } from '../index/slots';
import { round } from '../../util/round';
import { isStopword, searchTokens } from '../tokenize';
import type { ParsedQuery, SearchField, SearchMatch, SearchOptions, SearchResult, SearchResultKind } from '../types';
import { filterPlan } from './filters';
import { FILTER_KEYS } from './query';
import { itemText, type SearchItem, type SearchItems } from './searchItems';
import { matchSentences } from './sentenceMatch';
import { scoreSentence } from './sentenceScore';
import { expandWord } from './typoTolerance';
import { SEARCH } from './tuning';

export function runSearch(slots: Slots, tables: RelatedTables, search: SearchItems, q: ParsedQuery, options: SearchOptions): SearchResult[] {
  const limit = options.limit ?? 50;
  const { accept, slots: only } = filterPlan(slots, tables, search, q);
  const item = (id: number): SearchItem => search.item(id)!;
  const words = searchTokens(q.text);
  if (words.length === 0) {
    const hasFilter = FILTER_KEYS.some((k) => q[k].length > 0);
    if (!hasFilter) return [];
    const out: SearchResult[] = [];
    const ids: number[] = [];
    if (only) {
      // Only the articles that can hold a match (tag: and entity: filters narrow them down).
      for (const slot of only) {
        for (const id of slots.bySlot[slot]?.itemIds ?? []) {
          if (search.isSentence(id)) continue;
          const it = search.item(id);
          if (it && accept(it)) ids.push(id);
        }
      }
    } else {
      for (let id = 0; id < search.size; id++) {
        if (search.isSentence(id)) continue;
        const it = search.item(id);
        if (it && accept(it)) ids.push(id);
      }
    }
    const found = new Map(ids.map((id) => [id, item(id)]));
    ids.sort((a, b) => cmpItems(found.get(a)!, found.get(b)!, slots.bySlot));
    for (const id of ids) {
      out.push(toResult(slots, found.get(id)!, 1, [], q));
      if (out.length >= limit * 2) break;
    }
    return onePerPlace(out).slice(0, limit);
  }
  // Prefilter: items holding (fuzzily) as many query words as possible.
  const content = words.filter((w) => !isStopword(w));
  const qwords = [...new Set(content.length > 0 ? content : words)].slice(0, 16);
  const matched = new Map<number, number>();
  const termWeights = new Map<string, { word: number; weight: number }>();
  const expansions = qwords.map((w) => expandWord(search, w));
  expansions.forEach((exps, wi) => {
    const seen = new Set<number>();
    // Best expansions first, so an item reached by several of them counts the best one.
    for (const { term, weight } of exps) {
      const known = termWeights.get(term);
      if (!known || known.weight < weight) termWeights.set(term, { word: wi, weight });
      for (const id of search.itemsWith(term)) {
        if (seen.has(id)) continue;
        seen.add(id);
        matched.set(id, (matched.get(id) ?? 0) + weight);
      }
    }
  });
  const need = qwords.length <= 2 ? qwords.length * SEARCH.minWeight - 0.01 : qwords.length * 0.5;
  // Body sentences: matched apart (sentenceMatch.ts), then short-listed with the rest.
  for (const [id, m] of matchSentences(search, expansions, need, SEARCH.sentenceCap)) matched.set(id, m);
  type Cand = { id: number; m: number; len: number };
  const sentenceCands: Cand[] = [];
  const otherCands: Cand[] = [];
  for (const [id, m] of matched) {
    if (m < need) continue;
    const it = search.item(id);
    if (!it || !accept(it)) continue;
    if (it.kind === 'passage') sentenceCands.push({ id, m, len: it.end - it.start });
    else otherCands.push({ id, m, len: (it.text ?? it.name ?? '').length });
  }
  // fuse.js prefers short fields among equally good matches: so does the short list.
  const order = (a: Cand, b: Cand) => b.m - a.m || a.len - b.len || a.id - b.id;
  // Body sentences are scored from the words the prefilter found (sentenceScore.ts), the rest by fuse.js.
  const sentences: SearchResult[] = bestOf(sentenceCands, SEARCH.sentences, order).map((c) => {
    const it = item(c.id);
    const { score, match } = scoreSentence(itemText(slots, it), termWeights, qwords.length);
    return { ...toResult(slots, it, score, [], q), matches: [match] };
  });
  const others = bestOf(otherCands, SEARCH.shortlist, order);
  const shortlist = others;
  if (shortlist.length === 0 && sentences.length === 0) return [];
  const docs = shortlist.map(({ id }) => {
    const it = item(id);
    return { id, text: itemText(slots, it), speaker: it.speaker ?? '', name: it.name ?? '', tags: it.tags ? [...it.tags] : [], note: it.note ?? '' };
  });
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'text', weight: 1 },
      { name: 'speaker', weight: 1.5 },
      { name: 'name', weight: 2 },
      { name: 'tags', weight: 2 },
      { name: 'note', weight: 1 },
    ],
    includeScore: true,
    includeMatches: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.45,
    minMatchCharLength: 2,
  });
  const mById = new Map(shortlist.map((c) => [c.id, c.m]));
  const fused = fuse.search(q.text, { limit: Math.max(limit * 3, 100) }) as FuseResult<(typeof docs)[number]>[];
  const out = fused.map((r): SearchResult => {
    const it = item(r.item.id);
    const cover = (mById.get(r.item.id) ?? 0) / qwords.length;
    const score = Math.max(0, Math.min(1, 0.6 * (1 - (r.score ?? 1)) + 0.4 * Math.min(1, cover)));
    return toResult(slots, it, score, r.matches ?? [], q);
  });
  out.push(...sentences);
  out.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.start - b.start);
  return onePerPlace(out).slice(0, limit);
}

/**
 * The `k` best of `list` by `order` (sorted), without sorting all of it: a common word short-lists tens of
 * thousands of items, and only the best few hundred are scored. Their coverage `m` decides first, so the k-th best
 * coverage is found on the numbers alone and only the items at or above it are sorted.
 */
function bestOf<T extends { m: number }>(list: T[], k: number, order: (a: T, b: T) => number): T[] {
  if (list.length > 4 * k) {
    const ms = Float64Array.from(list, (c) => c.m).sort();
    const kth = ms[ms.length - k]!;
    list = list.filter((c) => c.m >= kth);
  }
  return list.sort(order).slice(0, k);
}

/**
 * Each place once, best first: a range found twice (a quotation and the annotation on it) is one result, and a
 * body sentence is dropped where another result of the same article overlaps it (the quotation, the annotation
 * or the headline says more about the place than the sentence around it).
 */
function onePerPlace(results: readonly SearchResult[]): SearchResult[] {
  const seen = new Set<string>();
  const covered = new Map<string, [number, number][]>();
  for (const r of results) {
    if (r.kind === 'passage') continue;
    const list = covered.get(r.path) ?? [];
    list.push([r.start, r.end]);
    covered.set(r.path, list);
  }
  const out: SearchResult[] = [];
  for (const r of results) {
    const key = `${r.path}\u0000${r.start}\u0000${r.end}`;
    if (seen.has(key)) continue;
    if (r.kind === 'passage' && (covered.get(r.path) ?? []).some(([s, e]) => s < r.end && e > r.start)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

function toResult(slots: Slots, it: SearchItem, score: number, fmatches: readonly FuseResultMatch[], q: ParsedQuery): SearchResult {
  const rec = slots.bySlot[it.slot]!.rec;
  const matches: SearchMatch[] = [];
  for (const m of fmatches) {
    const field = m.key as SearchField;
    if (!m.value) continue;
    matches.push({ field, value: m.value, ranges: mergeRanges(m.indices.map(([s, e]) => [s, e + 1] as const)) });
  }
  const fieldScore = (f: SearchField) => {
    const m = matches.find((x) => x.field === f);
    return m ? m.ranges.reduce((n, [s, e]) => n + e - s, 0) : 0;
  };
  let kind: SearchResultKind;
  let text: string;
  let detail: string;
  switch (it.kind) {
    case 'headline':
      kind = 'headline';
      text = it.text ?? '';
      detail = [rec.publisher, rec.dateIso].filter(Boolean).join(', ');
      break;
    case 'quote':
      kind = q.type.includes('speaker') || (fieldScore('speaker') > fieldScore('text') && q.text !== '') ? 'speaker' : 'quote';
      text = it.text ?? '';
      detail = `${it.speaker ? `— ${it.speaker}` : 'unattributed'}${it.said === 'reported' ? ' (reported speech)' : it.said === 'mixed' ? ' (mixed quote)' : ''}`;
      break;
    case 'entity':
      kind = 'entity';
      text = it.name ?? '';
      detail = it.etype ?? '';
      break;
    case 'passage':
      kind = 'passage';
      text = itemText(slots, it);
      detail = [rec.title, rec.publisher].filter(Boolean).join(' — ');
      break;
    default:
      kind = fieldScore('note') > fieldScore('tags') || (q.type.includes('note') && !q.type.includes('tag')) || (!it.tags?.length && it.note) ? 'note' : 'tag';
      text = it.text ?? '';
      detail = [(it.tags ?? []).map((t) => '#' + t).join(' '), it.note ?? ''].filter(Boolean).join(' — ');
  }
  return { path: rec.path, start: it.start, end: it.end, text, kind, score: round(score), detail, matches };
}

function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const s = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of s) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function cmpItems(a: SearchItem, b: SearchItem, bySlot: readonly (LiveArticle | undefined)[]): number {
  const pa = bySlot[a.slot]!.rec.path;
  const pb = bySlot[b.slot]!.rec.path;
  return pa < pb ? -1 : pa > pb ? 1 : a.start - b.start;
}
