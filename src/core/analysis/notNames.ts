/**
 * What the recogniser takes for a name and no reader would (a repair of nameContext.ts's repairSpans, on the
 * sentence's words):
 *  - no name at all: a social handle or a hashtag ("@ShaneGoldmacher", "#FLforMarco"), a number's "No." ("the
 *    No. 2 spot"), a month ("between July and September"), a lone initial taken for a person ("X."), a quantity or
 *    a time ("40GB", "757", "2000 GMT", "9AM EST", "Eastern Standard Time"), a common noun written in initials
 *    ("a PC", "on TV", "ID cards", "MPs"), "OK";
 *  - a word before the name that is no part of it: a lower-case prefix ("the anti-Trump National Review": the name
 *    is "National Review"), a party word before a person ("Republican Donald Trump", "Lib Dem Norman Baker": the
 *    person, the party word another name, as CoNLL writes them; "Democrat Hillary" read as an organisation is the
 *    person too), a number ("the 2000 Sydney Olympics");
 *  - a lower-case tail the tagger ran on into ("Downing Street of putting words …", "the State Department of the
 *    55,000 pages", "the GOP field": the name ends at its last capitalised word; "Channel 4", "Group of 77" keep theirs);
 *  - a party's one-word name taken for a person or a place ("Blair rejects Tory terror offer"): the party.
 */
import type { RepairSpan } from './ner/perceptron';
import { isFirstName } from '../people/gender';
import { MONTHS } from './otherNames';

/** Party words written before a person's name ("Republican Donald Trump", "Democrat Hillary Clinton"). */
const PARTY_WORDS = new Set(['Republican', 'Democrat', 'Democratic', 'GOP', 'Tory', 'Labour', 'Conservative', 'Liberal', 'Socialist', 'Green']);
const PARTY_PAIRS = new Set(['Lib Dem', 'Liberal Democrat']);
/** One-word names of parties that are no surname or place ("Green", "Liberal" may be). */
const PARTY_NAMES = new Set(['Tory', 'Tories', 'Labour', 'GOP', 'Conservatives', 'Republican', 'Democrat']);

/** Removes, trims or retypes, in place, the spans of `out` that are no names or not all name (see the module comment). */
export function dropNonNames(words: readonly string[], out: RepairSpan[]): void {
  for (let k = out.length - 1; k >= 0; k--) {
    const sp = out[k]!;
    if (isNoName(words, sp)) {
      out.splice(k, 1);
      continue;
    }
    const first = words[sp.start]!;
    if (sp.end - sp.start > 1 && /^(?:anti|pro|non|post|pre|neo)-/.test(first)) sp.start++;
    else {
      const party = partyWords(words, sp);
      if (party > 0 && (sp.type === 'PER' || isFirstName(words[sp.start + party]!.toLowerCase()))) {
        sp.start += party;
        sp.type = 'PER';
      }
    }
    // a party's one-word name is never a person or a place ("Tory" in "Blair rejects Tory terror offer", "the Tories")
    if (sp.end - sp.start === 1 && (sp.type === 'PER' || sp.type === 'LOC') && PARTY_NAMES.has(words[sp.start]!)) sp.type = 'ORG';
    sp.end = nameEnd(words, sp.start, sp.end);
    // "the 2000 Sydney Olympics", "65 Canadian": a number before a name is no part of it
    while (sp.end - sp.start > 1 && NUMBER.test(words[sp.start]!) && /^\p{Lu}/u.test(words[sp.start + 1]!) && !TIME_ZONE.test(words[sp.start + 1]!)) sp.start++;
  }
}

/** How many words of a party's name open the span before more of it ("Lib Dem Norman Baker": 2), or 0. */
function partyWords(words: readonly string[], sp: RepairSpan): number {
  const first = words[sp.start]!;
  if (sp.end - sp.start > 2 && PARTY_PAIRS.has(first + ' ' + words[sp.start + 1]!)) return 2;
  return sp.end - sp.start > 1 && PARTY_WORDS.has(first) ? 1 : 0;
}

/** A handle or a hashtag, a number's "No.", "OK" and common nouns in initials ("PC", "TV"), a month taken for a place, a lone initial taken for a person, a quantity ("40GB", "757") or a time ("2000 GMT", "9AM EST", "Eastern Standard Time"). */
function isNoName(words: readonly string[], sp: RepairSpan): boolean {
  const before = words[sp.start - 1];
  if (before === '@' || before === '#') return true;
  if (words[sp.start] === 'No.' && sp.end - sp.start === 1 && /^\d/.test(words[sp.end] ?? '')) return true;
  // "OK" ("This is all I got, OK?"), a common noun written in initials ("a PC", "on TV", "ID cards", "MPs"); a
  // time zone written out ("all times are Eastern Standard Time")
  if (sp.end - sp.start === 1 && COMMON_INITIALISMS.test(words[sp.start]!)) return true;
  if (sp.end - sp.start >= 2 && words[sp.end - 1] === 'Time' && /^(?:Standard|Daylight|Summer)$/.test(words[sp.end - 2]!)) return true;
  // a month read as a place ("between July and September")
  if (sp.type !== 'PER' && sp.end - sp.start === 1 && MONTHS.test(words[sp.start]!)) return true;
  // a lone initial read as a person ("X." on a line of its own: a share button's remains)
  if (sp.type === 'PER' && sp.end - sp.start === 1 && /^\p{Lu}\.?$/u.test(words[sp.start]!)) return true;
  for (let i = sp.start; i < sp.end; i++) if (!NUMBER.test(words[i]!) && !QUANTITY.test(words[i]!) && !TIME_ZONE.test(words[i]!)) return false;
  return true;
}

/** Common nouns written in initials, and "OK": never a name by themselves. */
const COMMON_INITIALISMS = /^(?:OK|TV|TVs|PC|PCs|DVD|DVDs|CD|CDs|ID|IDs|MP|MPs|MEP|MEPs|MSP|MSPs|CEO|CEOs|GDP|SMS|GPS|DNA|UFO|MP3|MP3s)$/;
const NUMBER = /^\d[\d,.]*$/;
/** A number with a unit or a time of day written as one word. */
const QUANTITY = /^\d[\d,.]*(?:[KMGT]B|[KMG]Hz|[km]bps|mm|cm|km|kg|mph|bn|am|pm)$/i;
const TIME_ZONE = /^(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$/;

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
