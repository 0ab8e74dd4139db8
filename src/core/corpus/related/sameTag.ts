/** `same-tag`: annotations carrying a tag the source's annotations carry. */
import { passageAt } from '../index/record';
import { foldPhrase } from '../search/query';
import type { ReasonInput } from './context';
import { RANKING } from './ranking';

export function sameTag({ slots, tables, live, source, add }: ReasonInput): void {
  const p = live.rec.passages[source.passage]!;
  const lo = source.kind === 'quote' ? source.start : p.start;
  const hi = source.kind === 'quote' ? source.end : p.end;
  const tags = new Set<string>();
  for (const a of live.rec.annotations) if (a.start < hi && a.end > lo) for (const t of a.tags) tags.add(foldPhrase(t));
  for (const tag of tags) {
    for (const slot of tables.tagArticles.get(tag) ?? []) {
      const l = slots.bySlot[slot];
      if (!l) continue;
      for (const a of l.rec.annotations) {
        if (!a.tags.some((t) => foldPhrase(t) === tag)) continue;
        const pi = Math.max(0, passageAt(l.rec.passages, a.start));
        add(slot, pi, a.start, a.end, 'annotation', { kind: 'same-tag', score: RANKING.sameTag, detail: `tagged ${tag}`, keys: [tag] });
      }
    }
  }
}
