/**
 * Search filters (`tag:`, `speaker:`, `outlet:`, `entity:`, `type:`, `said:`; parsed by query.ts): a test of one
 * search item, and for `tag:` and `entity:` the only articles that can hold a match. `speaker:`, `outlet:` and
 * `entity:` values are fuzzy like the search words (`speaker:Lavrof` finds Lavrov: a word of 5+ letters may be
 * one edit away, of 8+ two, and a word may be the start of a name's word); `tag:` is exact (tags are the user's
 * own identifiers) but case-insensitive, and takes sub-tags (`tag:claims` finds `claims/economy`).
 */
import type { RelatedTables } from '../index/relatedTables';
import type { Slots } from '../index/slots';
import type { ParsedQuery } from '../types';
import { foldPhrase } from './query';
import { withinEdits } from './typoTolerance';
import type { SearchItem, SearchItems } from './searchItems';

export interface FilterPlan {
  readonly accept: (it: SearchItem) => boolean;
  /** The slots of the only articles that can hold a match, in slot order; absent: any article. */
  readonly slots?: Set<number>;
}

/** A filter value's test of a name (speaker, outlet, entity), fuzzy as the search words are; memoised per name. */
export function nameMatcher(search: SearchItems, value: string): (name: string | null | undefined) => boolean {
  const needle = foldPhrase(value);
  const parts = needle.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const memo = new Map<string, boolean>();
  const wordMatches = (n: string, w: string) => {
    if (w.startsWith(n)) return true;
    const k = n.length >= 8 ? 2 : n.length >= 5 ? 1 : 0;
    return k > 0 && Math.abs(w.length - n.length) <= k && withinEdits(n, w, k);
  };
  return (name) => {
    if (name == null) return false;
    let hit = memo.get(name);
    if (hit === undefined) {
      const folded = search.fold(name);
      if (folded.includes(needle)) hit = true;
      else {
        const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        hit = parts.length > 0 && parts.every((n) => words.some((w) => wordMatches(n, w)));
      }
      memo.set(name, hit);
    }
    return hit;
  };
}

export function filterPlan(slots: Slots, tables: RelatedTables, search: SearchItems, q: ParsedQuery): FilterPlan {
  const entityNames = q.entity.map((e) => nameMatcher(search, e));
  const entIds = entityNames.map((matches) => {
    const ids = new Set<string>();
    for (const [id, name] of tables.entityNames) if (matches(name)) ids.add(id);
    return ids;
  });
  let only: Set<number> | undefined;
  const narrow = (set: Set<number>) => {
    only = only ? new Set([...only].filter((x) => set.has(x))) : set;
  };
  for (const t of q.tag.map(foldPhrase)) {
    const set = new Set<number>();
    for (const [key, arts] of tables.tagArticles) if (key === t || key.startsWith(t + '/')) for (const x of arts) set.add(x);
    narrow(set);
  }
  entIds.forEach((ids, k) => {
    // Articles with a passage mentioning the entity, and (an entity filter keeps them too) articles with a
    // quotation whose speaker's name holds the words.
    const set = new Set<number>();
    for (const id of ids) for (const u of tables.entityPostings.get(id) ?? []) if (slots.unitAlive[u]) set.add(slots.unitSlot[u]!);
    for (const [name, gids] of tables.speakerNameQuotes) {
      if (!entityNames[k]!(name)) continue;
      for (const gid of gids) {
        const l = tables.quoteArticle(gid);
        if (l) set.add(l.slot);
      }
    }
    narrow(set);
  });
  const sorted = only ? new Set([...(only as Set<number>)].sort((a, b) => a - b)) : undefined;
  return { accept: filterFn(slots, search, q, entIds, entityNames), ...(sorted ? { slots: sorted } : {}) };
}

function filterFn(slots: Slots, search: SearchItems, q: ParsedQuery, entIds: readonly Set<string>[], entityNames: readonly ((name: string | null | undefined) => boolean)[]): (it: SearchItem) => boolean {
  const tags = q.tag.map(foldPhrase);
  const speakers = q.speaker.map((v) => nameMatcher(search, v));
  const outlets = q.outlet.map((v) => ({ matches: nameMatcher(search, v), folded: foldPhrase(v) }));
  const types = q.type;
  const said = q.said;
  const tagMatch = (t: string, want: string) => {
    const f = search.fold(t);
    return f === want || f.startsWith(want + '/');
  };
  return (it) => {
    const live = slots.bySlot[it.slot];
    if (!live) return false;
    const rec = live.rec;
    if (types.length > 0 && !types.some((t) => isOfType(it, t))) return false;
    // said: keeps the statements of those kinds (any of the values given).
    if (said.length > 0 && !(it.kind === 'quote' && said.includes(it.said ?? 'direct'))) return false;
    for (const s of speakers) if (!(it.kind === 'quote' && s(it.speaker))) return false;
    for (const o of outlets) if (!(o.matches(rec.publisher) || rec.path.toLowerCase().includes(o.folded))) return false;
    for (const t of tags) {
      if (it.kind === 'annotation' && it.tags?.some((x) => tagMatch(x, t))) continue;
      if (rec.annotations.length === 0) return false;
      if (!rec.annotations.some((a) => a.start < Math.max(it.end, it.start + 1) && a.end > it.start && a.tags.some((x) => tagMatch(x, t)))) return false;
    }
    for (let k = 0; k < entityNames.length; k++) {
      const named = entityNames[k]!;
      if (it.kind === 'entity' && named(it.name)) continue;
      if (it.kind === 'quote' && named(it.speaker)) continue;
      const p = rec.passages[it.passage];
      const ids = entIds[k]!;
      if (!p || !p.entities.some((id) => ids.has(id))) return false;
    }
    return true;
  };
}

/** `type:` filter values. */
function isOfType(it: SearchItem, t: ParsedQuery['type'][number]): boolean {
  switch (t) {
    case 'headline':
      return it.kind === 'headline';
    case 'quote':
    case 'speaker':
      return it.kind === 'quote';
    case 'entity':
      return it.kind === 'entity';
    case 'person':
    case 'organization':
    case 'place':
      return it.kind === 'entity' && it.etype === t;
    case 'tag':
      return it.kind === 'annotation' && (it.tags?.length ?? 0) > 0;
    case 'note':
      return it.kind === 'annotation' && !!it.note;
    case 'annotation':
      return it.kind === 'annotation';
    default:
      return false;
  }
}
