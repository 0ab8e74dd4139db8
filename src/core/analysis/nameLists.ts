/**
 * Names in one list are of one kind: "Shinui, Hetz, Meretz and Ale Yarok", "Oxfam, Christian Aid and the Save
 * the Children Fund". The recogniser reads each name alone and often hesitates over the ones it never saw; the
 * list's other names, read with conviction, settle them.
 */
import { isFirstName } from '../people/gender';
import type { NerType, RepairSpan } from './ner/perceptron';

/** Words allowed between two items of a list. */
const LIST_GLUE = new Set([',', 'and', 'or', 'the', '&']);
/** How sure an item must be to speak for the list (score units, as UNSURE_MARGIN in mentions.ts). */
const SURE = 8;

/**
 * Retypes, in a list of three names or more, the hesitant ones (margin under SURE) to the type of the sure
 * ones, when at least two items are sure and all sure items agree. A full personal name (a listed first name
 * and more) is left as it is: lists mix people and their parties.
 */
export function alignListTypes<S extends RepairSpan>(words: readonly string[], spans: S[]): void {
  let i = 0;
  while (i < spans.length) {
    let j = i + 1;
    while (j < spans.length && gapIsGlue(words, spans[j - 1]!.end, spans[j]!.start)) j++;
    if (j - i >= 3) alignOne(words, spans.slice(i, j));
    i = j;
  }
}

function gapIsGlue(words: readonly string[], from: number, to: number): boolean {
  if (to <= from || to - from > 3 || words[from] !== ',' && words[from] !== 'and' && words[from] !== 'or') return false;
  for (let k = from; k < to; k++) if (!LIST_GLUE.has(words[k]!)) return false;
  return true;
}

function alignOne<S extends RepairSpan>(words: readonly string[], items: readonly S[]): void {
  let type: NerType | null = null;
  let sure = 0;
  for (const it of items) {
    if ((it.margin ?? 0) < SURE || it.type === 'MISC') continue;
    if (type && it.type !== type) return;
    type = it.type;
    sure++;
  }
  if (!type || sure < 2) return;
  for (const it of items) {
    if (it.type === type || it.type === 'MISC' || (it.margin ?? 0) >= SURE) continue;
    if (it.type === 'PER' && it.end - it.start >= 2 && isFirstName(words[it.start]!.toLowerCase())) continue;
    it.type = type;
  }
}
