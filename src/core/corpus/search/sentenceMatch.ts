/**
 * Which body sentences hold enough of the query words. Sentences are by far the most numerous search items, and
 * a common word is in tens of thousands of them, so they are not counted word by word like the other items:
 * the query word with the fewest sentences drives, and each of its sentences is looked up in the other words'
 * lists (sorted id arrays, binary search). At most `cap` sentences of the driving word are looked at.
 */
import { partitionPoint } from '../../util/binarySearch';
import type { IdList } from './postingLists';
import type { SearchItems } from './searchItems';

/** Per query word, the vocabulary words it may stand for with their weights (typoTolerance.ts). */
export type Expansions = readonly (readonly { readonly term: string; readonly weight: number }[])[];

export function matchSentences(search: SearchItems, expansions: Expansions, need: number, cap: number): Map<number, number> {
  const lists = expansions.map((exps) => exps.map((e) => ({ ids: search.sentencesWith(e.term), weight: e.weight })).filter((l) => l.ids.length > 0));
  const out = new Map<number, number>();
  const reachable = lists.reduce((n, l) => n + Math.max(0, ...l.map((x) => x.weight)), 0);
  if (reachable < need) return out;
  const size = (k: number) => lists[k]!.reduce((n, l) => n + l.ids.length, 0);
  let driver = -1;
  for (let k = 0; k < lists.length; k++) if (lists[k]!.length > 0 && (driver < 0 || size(k) < size(driver))) driver = k;
  if (driver < 0) return out;
  let seen = 0;
  for (const { ids, weight } of lists[driver]!) {
    for (const id of ids) {
      if (seen++ >= cap) return out;
      if ((out.get(id) ?? 0) >= weight) continue;
      let m = weight;
      for (let k = 0; k < lists.length; k++) {
        if (k === driver) continue;
        let best = 0;
        for (const l of lists[k]!) if (l.weight > best && has(l.ids, id)) best = l.weight;
        m += best;
      }
      if (m >= need) out.set(id, Math.max(m, out.get(id) ?? 0));
    }
  }
  return out;
}

function has(sorted: IdList, id: number): boolean {
  const i = partitionPoint(sorted.length, (k) => sorted[k]! < id);
  return i < sorted.length && sorted[i] === id;
}
