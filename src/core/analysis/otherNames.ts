/**
 * Other proper names of an article: what the recogniser calls MISC (products, events, works, nationalities)
 * and names the rules set apart as things ("Boxing Day", "the Gershon Report"). They are never entities:
 * `extract --json` lists them in `otherNames`, the editor may show them apart. One entry per name, keyed as
 * entities are (normKey), mentions in text order; a span that overlaps an entity mention is left out.
 */
import { normKey, type EntityIndex } from './entities';
import type { OtherName, Span } from './types';

export function collectOtherNames(spans: readonly Span[], entities: EntityIndex, text: string, limit: number): OtherName[] {
  const taken = entities.mentions;
  const byKey = new Map<string, { name: string; mentions: { start: number; end: number; text: string }[] }>();
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let j = 0;
  for (const s of sorted) {
    if (s.end > limit) continue;
    while (j < taken.length && taken[j]!.end <= s.start) j++;
    let overlaps = false;
    for (let k = j; k < taken.length && taken[k]!.start < s.end; k++) if (taken[k]!.end > s.start) overlaps = true;
    if (overlaps) continue;
    const t = text.slice(s.start, s.end);
    const key = normKey(t.replace(/^the\s+/i, ''));
    if (!key) continue;
    let o = byKey.get(key);
    if (!o) byKey.set(key, (o = { name: t.replace(/^the\s+/i, ''), mentions: [] }));
    if (!o.mentions.some((m) => m.start === s.start)) o.mentions.push({ start: s.start, end: s.end, text: t });
  }
  return [...byKey.values()];
}
