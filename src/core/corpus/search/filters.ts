/**
 * Search filters (`tag:`, `speaker:`, `outlet:`, `entity:`, `type:`; parsed by query.ts): a test of one
 * search item, and for `tag:` and `entity:` the only articles that can hold a match.
 */
import type { RelatedTables } from '../index/relatedTables';
import type { Slots } from '../index/slots';
import type { ParsedQuery } from '../types';
import { foldPhrase } from './query';
import type { SearchItem, SearchItems } from './searchItems';

export interface FilterPlan {
  readonly accept: (it: SearchItem) => boolean;
  /** The slots of the only articles that can hold a match, in slot order; absent: any article. */
  readonly slots?: Set<number>;
}

export function filterPlan(slots: Slots, tables: RelatedTables, search: SearchItems, q: ParsedQuery): FilterPlan {
  const entIds = q.entity.map(foldPhrase).map((e) => {
    const ids = new Set<string>();
    for (const [id, name] of tables.entityNames) if (search.fold(name).includes(e)) ids.add(id);
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
    const e = foldPhrase(q.entity[k]!);
    for (const [name, gids] of tables.speakerNameQuotes) {
      if (!search.fold(name).includes(e)) continue;
      for (const gid of gids) {
        const l = tables.quoteArticle(gid);
        if (l) set.add(l.slot);
      }
    }
    narrow(set);
  });
  const sorted = only ? new Set([...(only as Set<number>)].sort((a, b) => a - b)) : undefined;
  return { accept: filterFn(slots, search, q, entIds), ...(sorted ? { slots: sorted } : {}) };
}

function filterFn(slots: Slots, search: SearchItems, q: ParsedQuery, entIds: readonly Set<string>[]): (it: SearchItem) => boolean {
  const tags = q.tag.map(foldPhrase);
  const speakers = q.speaker.map(foldPhrase);
  const outlets = q.outlet.map(foldPhrase);
  const ents = q.entity.map(foldPhrase);
  const types = q.type;
  const has = (value: string | undefined | null, needle: string) => value != null && search.fold(value).includes(needle);
  const tagMatch = (t: string, want: string) => {
    const f = search.fold(t);
    return f === want || f.startsWith(want + '/');
  };
  return (it) => {
    const live = slots.bySlot[it.slot];
    if (!live) return false;
    const rec = live.rec;
    if (types.length > 0 && !types.some((t) => isOfType(it, t))) return false;
    for (const s of speakers) if (!(it.kind === 'quote' && has(it.speaker, s))) return false;
    for (const o of outlets) if (!(has(rec.publisher, o) || rec.path.toLowerCase().includes(o))) return false;
    for (const t of tags) {
      if (it.kind === 'annotation' && it.tags?.some((x) => tagMatch(x, t))) continue;
      if (rec.annotations.length === 0) return false;
      if (!rec.annotations.some((a) => a.start < Math.max(it.end, it.start + 1) && a.end > it.start && a.tags.some((x) => tagMatch(x, t)))) return false;
    }
    for (let k = 0; k < ents.length; k++) {
      const e = ents[k]!;
      if (it.kind === 'entity' && has(it.name, e)) continue;
      if (it.kind === 'quote' && has(it.speaker, e)) continue;
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
