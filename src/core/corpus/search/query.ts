/**
 * The search syntax: free text plus filters `tag:`, `speaker:`, `outlet:`, `entity:`, `type:`, `said:` (the kind
 * of statement: direct, reported, mixed). Filter values
 * may be quoted (`speaker:"Vladimir Putin"`); several filters combine with AND; a filter given twice accepts
 * either value (`type:quote type:headline`). Unknown `word:` prefixes stay part of the free text.
 */
import type { ParsedQuery } from '../types';
import { foldWord } from '../tokenize';

export const FILTER_KEYS = ['tag', 'speaker', 'outlet', 'entity', 'type', 'said'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Values `said:` accepts (the kind of statement). */
export const SAID_VALUES = ['direct', 'reported', 'mixed'] as const;

/** Values `type:` accepts. */
export const TYPE_VALUES = ['headline', 'quote', 'speaker', 'entity', 'person', 'organization', 'place', 'tag', 'note', 'annotation'] as const;

const TOKEN_RE = /(\w+):(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)/g;

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

export function parseQuery(query: string): ParsedQuery {
  const filters: Record<FilterKey, string[]> = { tag: [], speaker: [], outlet: [], entity: [], type: [], said: [] };
  const free: string[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(query); m; m = TOKEN_RE.exec(query)) {
    const key = m[1]?.toLowerCase();
    if (key !== undefined && (FILTER_KEYS as readonly string[]).includes(key)) {
      const value = (m[2] ?? m[3] ?? '').trim();
      if (value === '') throw new QueryError(`empty value for ${key}: (write ${key}:word or ${key}:"two words")`);
      if (key === 'type') {
        const v = value.toLowerCase();
        const known = TYPE_VALUES.find((t) => t === v || t + 's' === v || (v === 'organisation' && t === 'organization'));
        if (!known) throw new QueryError(`unknown type:${value} (one of ${TYPE_VALUES.join(', ')})`);
        filters.type.push(known);
      } else if (key === 'said') {
        const v = value.toLowerCase();
        const known = SAID_VALUES.find((t) => t === v || (v === 'quoted' && t === 'direct') || (v === 'indirect' && t === 'reported'));
        if (!known) throw new QueryError(`unknown said:${value} (one of ${SAID_VALUES.join(', ')})`);
        filters.said.push(known);
      } else {
        filters[key as FilterKey].push(value);
      }
    } else if (m[4] !== undefined) {
      free.push(m[4]);
    } else {
      free.push(m[0]);
    }
  }
  return { text: free.join(' ').trim(), ...filters };
}

/** Folded form used to compare filter values with names: lower-case, accents removed, spaces collapsed. */
export function foldPhrase(s: string): string {
  return s
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(foldWord)
    .join(' ');
}
