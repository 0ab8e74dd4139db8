/**
 * What the recogniser takes for a name and no reader would (a repair of nameContext.ts's repairSpans, on the
 * sentence's words): a social handle or a hashtag ("@ShaneGoldmacher", "#FLforMarco"), a number's "No." ("the
 * No. 2 spot"), and a lower-case prefix the tagger ran into a name ("the anti-Trump National Review": the name is
 * "National Review"), and a party word before a person ("Republican Donald Trump": the person, the party word
 * another name, as CoNLL writes them; "Democrat Hillary" read as an organisation is the person too), and a
 * lower-case tail the tagger ran on into ("Downing Street of putting words …", "the State Department of the 55,000
 * pages", "the GOP field": the name ends at its last capitalised word; "Channel 4", "Group of 77" keep theirs).
 */
import type { RepairSpan } from './ner/perceptron';
import { isFirstName } from '../people/gender';

/** Party words written before a person's name ("Republican Donald Trump", "Democrat Hillary Clinton"). */
const PARTY_WORDS = new Set(['Republican', 'Democrat', 'Democratic', 'GOP', 'Tory', 'Labour', 'Conservative', 'Liberal', 'Socialist', 'Green']);

/** Removes or trims, in place, the spans of `out` that are no names or start with a word that is not one. */
export function dropNonNames(words: readonly string[], out: RepairSpan[]): void {
  for (let k = out.length - 1; k >= 0; k--) {
    const sp = out[k]!;
    const before = words[sp.start - 1];
    const first = words[sp.start]!;
    if (before === '@' || before === '#') out.splice(k, 1);
    else if (first === 'No.' && sp.end - sp.start === 1 && /^\d/.test(words[sp.end] ?? '')) out.splice(k, 1);
    else if (sp.end - sp.start > 1 && /^(?:anti|pro|non|post|pre|neo)-/.test(first)) sp.start++;
    else if (sp.end - sp.start > 1 && PARTY_WORDS.has(first) && (sp.type === 'PER' || isFirstName(words[sp.start + 1]!.toLowerCase()))) {
      sp.start++;
      sp.type = 'PER';
    }
    const end = nameEnd(words, sp.start, sp.end);
    if (end < sp.end) sp.end = end;
  }
}

/** A word of lower-case letters only ("of", "putting"; not "eBay", "iPhone"). */
const LOWER_WORD = /^\p{Ll}[\p{Ll}'’-]*$/u;

/**
 * Where a name over words [start, end) really ends: before a tail of words that are not capitalised when the
 * tail holds a lower-case word, except "of" and a number ("Group of 77"); else `end`.
 */
function nameEnd(words: readonly string[], start: number, end: number): number {
  let j = end;
  while (j - 1 > start && !/^\p{Lu}/u.test(words[j - 1]!)) j--;
  if (j === end || (end - j === 2 && words[j] === 'of' && /^\d+$/.test(words[j + 1]!))) return end;
  for (let k = j; k < end; k++) if (LOWER_WORD.test(words[k]!)) return j;
  return end;
}
