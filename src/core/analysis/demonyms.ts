/**
 * Nationalities, adjectives of regions and parties, religions and groups of people, written with a capital
 * ("Indian", "Southern", "Democratic", "North American", "Muslim", "Latinos", "South Koreans"): words the
 * recogniser may take for a name, which are other names (CoNLL's MISC), and plural group words taken for a
 * person's name, which are dropped (dropPluralGroups).
 */
import { lexicalScores, wordOnlyScores } from './ner/perceptron';
import { gazetteerFlags } from './ner/gazetteer';
import type { RawMention } from './entities';
import type { Token } from './tokenize';

/**
 * A nationality or group word ("American", "Briton", "Scottish", "Kenyan"): the recogniser's word-only
 * features (identity, suffix, shape) point to "miscellaneous" well ahead of any name type, and its training
 * data never saw the form as a person's name ("Brian" also ends like "Indian").
 */
export function looksLikeDemonym(w: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(w)) return false;
  const v = wordOnlyScores(w);
  const lex = lexicalScores(w);
  return v[7]! - Math.max(v[1]!, v[3]!, v[5]!) >= 5 && lex[1]! <= 0;
}

/** Adjectives of a region or a party, written with a capital ("Southern", "Democratic"). */
const ADJECTIVE_NAMES = /^(?:Northern|Southern|Eastern|Western|Midwestern|Northeastern|Northwestern|Southeastern|Southwestern|Democratic|Republican)$/;
const REGION_PREFIX = /^(?:North|South|East|West|Central|Latin|Northern|Southern|Eastern|Western)$/;

/** Words [s, e) are one such adjective, or a region's word and a nationality ("North American", "Eastern European"). */
export function isAdjectiveName(words: readonly string[], s: number, e: number): boolean {
  if (e - s === 1) return ADJECTIVE_NAMES.test(words[s]!);
  return e - s === 2 && REGION_PREFIX.test(words[s]!) && /(?:an|ese|ish|ic)$/.test(words[s + 1]!) && looksLikeDemonym(words[s + 1]!);
}

/** Religions and groups of people, as nouns, adjectives or plural nouns ("Islam", "Muslim", "Catholics", "Latinos"). */
const GROUP_WORDS = /^(?:Muslims?|Christians?|Jews|Jewish|Islamic|Catholics?|Protestants?|Hindus?|Sikhs?|Buddhists?|Evangelicals?|Mormons?|Latinos?|Latinas?|Hispanics?|Arabs?|Islam|Christianity|Judaism|Hinduism|Buddhism|Sikhism|Catholicism)$/;

/**
 * A one-word name that is a religion or a group of people ("a proud Muslim", "Muslim immigration", "Latinos"):
 * another name, never a person, an organisation or a place. "Christian" as a person's name stays one.
 */
export function isGroupWord(w: string, type: string): boolean {
  return GROUP_WORDS.test(w) && !(type === 'PER' && w === 'Christian');
}

/**
 * Words [s, e) of a span of the recogniser's `type` name a group of people: a religion or group word
 * (isGroupWord), or a place-typed name ending in a plural nationality that is no word of a place's name
 * ("South Koreans", "Muslim Americans", "Palestinians"; not "New Orleans", "the Philippines").
 */
export function isGroupName(words: readonly string[], s: number, e: number, type: string): boolean {
  if (e - s === 1 && isGroupWord(words[s]!, type)) return true;
  const last = words[e - 1]!;
  return type === 'LOC' && /(?:ans|ites|[^e]is)$/.test(last) && looksLikeDemonym(last) && !gazetteerFlags(last, last.toLowerCase()).includes('P');
}

/**
 * "Muslims", "Britons": removes, in place, a plural group word the recogniser took for a person's name (the article
 * also writes the singular, or the singular is a nationality: `isNationality`, nameContext.ts's lexicalType says
 * "misc"), unless the article names a person so.
 */
export function dropPluralGroups(raw: RawMention[], tokens: readonly Token[], namedPerson: ReadonlySet<string>, isNationality: (w: string) => boolean): void {
  for (let k = raw.length - 1; k >= 0; k--) {
    const m = raw[k]!;
    if (m.type !== 'person' || m.evidence || m.words.length !== 1 || m.text !== m.words[0]) continue;
    const w = m.words[0]!;
    if (!/^\p{Lu}\p{Ll}+s$/u.test(w) || namedPerson.has(w.toLowerCase())) continue;
    const sing = w.slice(0, -1);
    if (isNationality(sing) || tokens.some((t) => t.text === sing)) raw.splice(k, 1);
  }
}
