/**
 * `shared-entities`: passages mentioning the same people, organisations and places, each weighted by rarity
 * (inverse passage frequency), so sharing "Rex Tillerson" counts more than sharing "US".
 */
import { round } from '../../util/round';
import { contentTokens } from '../tokenize';
import type { ReasonInput } from './context';
import { RANKING } from './ranking';

export function sharedEntities({ slots, tables, live, source, sourceUnit, add }: ReasonInput): void {
  const ents = live.rec.passages[source.passage]!.entities;
  if (ents.length === 0) return;
  const n = Math.max(1, slots.liveUnits);
  const idf = (e: string) => Math.log((n + 1) / ((tables.entityDf.get(e) ?? 0) + 0.5));
  let totalW = 0;
  for (const e of ents) totalW += Math.max(0, idf(e));
  if (totalW <= 0) return;
  const score = new Map<number, { w: number; ents: string[] }>();
  for (const e of ents) {
    const w = idf(e);
    if (w <= 0) continue;
    const list = tables.entityPostings.get(e);
    if (!list || list.length > RANKING.maxEntityDf) continue;
    for (const u of list) {
      if (u === sourceUnit || !slots.unitAlive[u]) continue;
      let s = score.get(u);
      if (!s) score.set(u, (s = { w: 0, ents: [] }));
      s.w += w;
      s.ents.push(e);
    }
  }
  const minW = Math.min(RANKING.minEntityWeight, totalW * 0.6);
  const kept = [...score].filter(([, s]) => s.w >= minW).sort((a, b) => b[1].w - a[1].w);
  // Many passages share the same few names: among the strongest, word overlap with the source breaks ties.
  const srcWords = wordSet(live.rec.text, live.rec.passages[source.passage]!);
  kept.forEach(([u, s], rank) => {
    const slot = slots.unitSlot[u]!;
    const pi = slots.unitPassage[u]!;
    const crec = slots.bySlot[slot]!.rec;
    const p = crec.passages[pi]!;
    const share = s.w / totalW;
    let overlap = 0;
    if (rank < RANKING.entityRerank && srcWords.size > 0) {
      const cw = wordSet(crec.text, p);
      let n = 0;
      for (const w of cw) if (srcWords.has(w)) n++;
      overlap = n / Math.max(4, Math.min(srcWords.size, cw.size));
    }
    const names = s.ents
      .sort((a, b) => idf(b) - idf(a))
      .slice(0, 4)
      .map((e) => tables.entityNames.get(e) ?? e);
    add(slot, pi, p.start, p.end, p.kind === 'headline' ? 'headline' : 'passage', {
      kind: 'shared-entities',
      score: round(RANKING.sharedEntities * Math.min(1, share) * Math.min(1, s.w / (RANKING.minEntityWeight * 2)) * (1 + Math.min(1, overlap))),
      detail: `shares ${names.join(', ')}${s.ents.length > 4 ? ` and ${s.ents.length - 4} more` : ''}`,
      keys: s.ents,
    });
  });
}

/** Content words of a passage (normalised, stopwords removed). */
function wordSet(text: string, span: { start: number; end: number }): Set<string> {
  return new Set(contentTokens(text, span.start, span.end).map((t) => t.term));
}
