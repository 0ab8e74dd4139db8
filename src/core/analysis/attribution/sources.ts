/**
 * Candidate sources: noun phrases that can say something, parsed forward from a token (after an inverted cue,
 * "said the Russian president") or backward from a cue ("Kremlin spokesman Dmitry Peskov said"): a name (titles
 * split off), a pronoun or a description.
 */
import type { Token } from '../tokenize';
import type { EntityIndex } from '../entities';
import { HONORIFICS } from '../entities';
import { isPostnominalForm, isTitleHead, isTitleWord, splitTitle } from '../titles';
import { lexicalType } from '../nameContext';
import { looksLikeDemonym } from '../demonyms';
import * as wordsModule from './words';
// bound once: module getters are not called on every use in the hot loops
const { ADVERBS, DETERMINERS, isCap, isPunct, isTerminal, lc, NAME_PARTICLES, NOT_NAMES, PRONOUNS, SPOKES, TITLE_WORDS, WEEKDAYS } = wordsModule;

export interface NP {
  start: number; // token index
  end: number; // exclusive
  kind: 'name' | 'pronoun' | 'description';
  /** Name words (without honorific/titles) for kind name. */
  name: string;
  pronoun: string;
  words: string[]; // lower-cased words of the whole NP
  /** For a name after a possessive, the whole run ("Scottish Fishermen's Association" for "Association"). */
  fullName: string | undefined;
  /** A description made of a nationality ("the American"). */
  demonym: boolean;
  /** A source shown as written, resolved to no entity ("the west"). */
  asWritten: boolean;
}

/**
 * A noun phrase. Every one is made here, with its fields in one order, so the optimising compiler sees one
 * object shape wherever phrases go (phrases of several shapes made the hot functions deoptimise and recompile).
 */
export function makeNP(start: number, end: number, kind: NP['kind'], name: string, pronoun: string, words: string[], more?: { demonym?: boolean; asWritten?: boolean }): NP {
  return { start, end, kind, name, pronoun, words, fullName: undefined, demonym: more?.demonym ?? false, asWritten: more?.asWritten ?? false };
}

export interface SpeakerContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Token index ranges of blocks (paragraphs). */
  readonly blockOfToken: Int32Array;
  readonly entities: EntityIndex;
  /** Quote ranges (between marks, inclusive of marks) for "is this token quoted?". */
  readonly quoted: Uint8Array;
}

/** Parses a noun phrase forward from token k (within [k, lim)). */
export function npForward(ctx: SpeakerContext, k: number, lim: number): NP | null {
  const toks = ctx.tokens;
  let i = k;
  const t0 = toks[i];
  if (!t0 || i >= lim) return null;
  const l0 = lc(t0);
  if (PRONOUNS.has(l0)) return makeNP(i, i + 1, 'pronoun', '', l0, [l0]);
  const words: string[] = [];
  let lastCapRunStart = -1;
  let lastCapRunEnd = -1;
  /** Start of a run joined over a possessive ("Scottish Fishermen's Association"). */
  let possRunStart = -1;
  if (DETERMINERS.has(l0)) {
    words.push(l0);
    i++;
  }
  let n = 0;
  while (i < lim && n < 10) {
    const t = toks[i]!;
    const l = lc(t);
    if (ctx.quoted[i]) break;
    if (isCap(t) && !NOT_NAMES.has(l) && !isPunct(t)) {
      if (lastCapRunEnd !== i) {
        possRunStart = lastCapRunEnd === i - 1 && lc(toks[i - 1]) === "'s" && i - 1 > k ? lastCapRunStart : -1;
        lastCapRunStart = i;
      }
      lastCapRunEnd = i + 1;
    } else if (NAME_PARTICLES.has(l) && lastCapRunEnd === i && isCap(toks[i + 1]) && !NOT_NAMES.has(lc(toks[i + 1]))) {
      // "Pieter van Doorn", "Ursula von der Leyen"
      lastCapRunEnd = i + 1;
    } else if (l === "'s" || l === '-' || (l === "'" && lastCapRunEnd === i && /s$/.test(toks[i - 1]!.text)) || (l === 'of' && isCap(toks[i + 1]) && !NOT_NAMES.has(lc(toks[i + 1])) && lastCapRunEnd === i)) {
      // Japan's Prime Minister; Bank of England
      if (l === 'of') lastCapRunEnd = i + 1;
    } else if (TITLE_WORDS.has(l) || isTitleHead(l) || /^[a-z]+-[a-z]+$/.test(l)) {
      // title word
    } else if (l === 'and' && n > 0 && isTitleHead(lc(toks[i - 1])) && (TITLE_WORDS.has(lc(toks[i + 1])) || isTitleHead(lc(toks[i + 1])))) {
      // "Nortel president and chief executive Bill Owens"
    } else if (/^[a-z]+$/.test(l) && lastCapRunEnd === i && lastCapRunEnd - lastCapRunStart === 1 && isCap(toks[i + 1]) && !NOT_NAMES.has(lc(toks[i + 1])) && looksLikeDemonym(toks[i - 1]!.text)) {
      // "Spanish teenager Nadal", "American actress Hilary Swank": a nationality and a noun before the name
    } else if (/^[a-z]+$/.test(l) && lc(toks[i + 1]) === "'s") {
      // a possessor: "the airline's chief executive"
    } else break;
    words.push(l);
    i++;
    n++;
  }
  if (i === k || (words.length === 1 && DETERMINERS.has(words[0]!))) return null;
  if (lastCapRunEnd === i) {
    // Ends with a capitalised run: a name ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov").
    let s = lastCapRunStart;
    // keep "of" joined names (Bank of England) but drop honorifics
    while (s < i && HONORIFICS.has(lc(toks[s]))) s++;
    if (s >= i) return null;
    // "the Salford MP", "the Foreign Secretary": a title, not a name; "Trade Secretary Patricia Hewitt": the name after it
    let ne = i;
    let titled = false;
    for (let t = s; t < i && !titled; t++) titled = isTitleWord(toks[t]!.text) || isPostnominalForm(toks[t]!.text);
    if (titled) {
      const run: string[] = [];
      for (let t = s; t < i; t++) run.push(toks[t]!.text);
      const split = splitTitle(run, 0, run.length, true, () => true);
      if (split && !split.name) return makeNP(k, i, 'description', '', '', words);
      if (split && split.name) {
        s += split.name[0];
        ne = lastCapRunStart + split.name[1];
      }
    } else if (i - s === 1 && words[0] === 'the' && (looksLikeDemonym(toks[s]!.text) || lexicalType(toks[s]!.text) === 'misc') && !ctx.entities.resolve(toks[s]!.text)) {
      // "the American said", "the Briton": a nationality standing for a person the story has named
      return makeNP(k, i, 'description', '', '', words, { demonym: true });
    }
    const name = ctx.text.slice(toks[s]!.start, toks[ne - 1]!.end);
    const np: NP = makeNP(k, i, 'name', name, '', words);
    if (possRunStart >= 0 && s === lastCapRunStart) np.fullName = ctx.text.slice(toks[possRunStart]!.start, toks[i - 1]!.end);
    return np;
  }
  if (words.length > 0) return makeNP(k, i, 'description', '', '', words);
  return null;
}

/** Parses the noun phrase that ends right before token v (skipping adverbs and time phrases). */
export function npBackward(ctx: SpeakerContext, v: number, floor: number): NP | null {
  const toks = ctx.tokens;
  let e = v;
  // skip adverbs / auxiliaries / "on Friday" / "last week" / a parenthesis "(R-Wis.)"
  for (let guard = 0; guard < 6 && e > floor; guard++) {
    const l = lc(toks[e - 1]);
    if (l === ')') {
      let k = e - 2;
      while (k > floor && k > e - 12 && toks[k]!.text !== '(') k--;
      if (toks[k]?.text === '(' && k > floor) {
        e = k;
        continue;
      }
      break;
    }
    if ((ADVERBS.has(l) && !isCap(toks[e - 1])) || (/^[a-z]+ly$/.test(l) && l.length > 4)) {
      e--;
      continue;
    }
    if (WEEKDAYS.has(l) && e - 2 >= floor && ['on', 'last', 'this', 'on'].includes(lc(toks[e - 2]))) {
      e -= 2;
      continue;
    }
    if (WEEKDAYS.has(l) && e - 3 >= floor && lc(toks[e - 3]) === 'on') {
      e -= 3;
      continue;
    }
    break;
  }
  if (e <= floor) return null;
  let s = e;
  while (s > floor && s > e - 10) {
    const t = toks[s - 1]!;
    const l = lc(t);
    if (ctx.quoted[s - 1]) break;
    if (PRONOUNS.has(l)) {
      if (s === e) return makeNP(s - 1, e, 'pronoun', '', l, [l]);
      break;
    }
    if ((isCap(t) && !isPunct(t) && !NOT_NAMES.has(l)) || l === "'s" || (l === "'" && s < e && /s$/.test(toks[s - 2]?.text ?? '') && isCap(toks[s - 2])) || (NAME_PARTICLES.has(l) && s < e && isCap(toks[s]) && isCap(toks[s - 2])) || TITLE_WORDS.has(l) || isTitleHead(l) || DETERMINERS.has(l) || /^[a-z]+-[a-z]+$/.test(l) || (l === 'of' && s < e && isCap(toks[s]))) {
      s--;
      if (DETERMINERS.has(l)) break;
      continue;
    }
    break;
  }
  if (s === e) return null;
  // Trim leading "of"/"'s"
  while (s < e && (lc(toks[s]) === 'of' || lc(toks[s]) === "'s")) s++;
  const np = npForward(ctx, s, e);
  if (np && np.end === e) return groupOf(ctx, np, floor) ?? personBeforeOf(ctx, np, floor) ?? np;
  return null;
}

export const OF_PREPS = new Set(['of', 'in', 'at', 'from', 'for', 'with']);

/**
 * "Pieter van Doorn of the Institute of Marine Research in Bergen said": the name right before the verb is a
 * place or an organisation after a preposition; the speaker is the person the clause starts with.
 */
export function personBeforeOf(ctx: SpeakerContext, np: NP, floor: number): NP | null {
  const toks = ctx.tokens;
  if (np.kind !== 'name' || !OF_PREPS.has(lc(toks[np.start - 1]))) return null;
  const e = ctx.entities.resolve(np.name);
  if (e && e.type === 'person') return null;
  let s = np.start - 1;
  while (s > floor && np.start - s < 25 && !ctx.quoted[s - 1] && !isTerminal(toks[s - 1]!) && toks[s - 1]!.text !== ',' && toks[s - 1]!.text !== ':') s--;
  while (s < np.start && HONORIFICS.has(lc(toks[s]))) s++;
  // the capitalised run the clause starts with ("Pieter van Doorn"), right before a preposition
  let k = s;
  while (k < np.start && k - s < 5 && (isCap(toks[k]) || (NAME_PARTICLES.has(lc(toks[k])) && k > s && isCap(toks[k + 1]))) && !isPunct(toks[k]!)) k++;
  if (k === s || !OF_PREPS.has(lc(toks[k]))) return null;
  const name = ctx.text.slice(toks[s]!.start, toks[k - 1]!.end);
  const p = ctx.entities.resolve(name);
  return p && p.type === 'person' ? makeNP(s, k, 'name', name, '', []) : null;
}

/** People who speak for someone else: "advisers to Mr. Obama say" is the advisers, not Mr. Obama. */
const FOR_OTHERS = new Set(['advisers', 'advisors', 'aides', 'allies', 'officials', 'friends', 'supporters', 'lawyers', 'attorneys', 'associates', 'spokesmen', 'representatives', 'staff', 'staffers', 'people', 'members', 'critics', 'backers', 'colleagues', 'lawyer', 'attorney', 'adviser', 'advisor', 'aide', 'ally', 'friend', 'spokesman', 'spokeswoman', 'spokesperson', 'representative', 'official', 'source', 'sources', 'family', 'campaign', 'team']);

/** "advisers to Mr. Obama", "a lawyer for Ms. Ek", "friends of the mayor": the group or person speaking for the name. */
function groupOf(ctx: SpeakerContext, np: NP, floor: number): NP | null {
  const toks = ctx.tokens;
  const p = lc(toks[np.start - 1]);
  if (p !== 'to' && p !== 'for' && p !== 'of') return null;
  const g = np.start - 2;
  if (g < floor || !FOR_OTHERS.has(lc(toks[g]))) return null;
  let s = g;
  while (s - 1 >= floor && s > g - 4 && /^[a-z]+$/.test(toks[s - 1]!.text) && !isTerminal(toks[s - 1]!) && !NOT_GROUP_START.has(lc(toks[s - 1]))) s--;
  const words: string[] = [];
  for (let i = s; i < np.end; i++) words.push(lc(toks[i]));
  return makeNP(s, np.end, 'description', '', '', [...words, lc(toks[g])]);
}

const NOT_GROUP_START = new Set(['and', 'or', 'but', 'said', 'says', 'that', 'which', 'who', 'as', 'to', 'of', 'for', 'in', 'on', 'at', 'by', 'with']);

/** Pronouns and quantifiers that stand for a group of speakers ("Others say", "Most said"). */
const GROUP_WORDS = new Set(['some', 'others', 'many', 'most', 'few', 'both', 'all', 'several', 'critics', 'supporters', 'opponents', 'people', 'observers', 'residents', 'voters', 'officials', 'experts', 'analysts', 'economists', 'advocates']);
/** Lower-case words ending in s that are no plural nouns. */
const NOT_PLURAL = /(?:ss|ous|is|us|ics|ws|'s|’s)$/;
const GROUP_STOP = new Set(['that', 'who', 'which', 'and', 'or', 'but', 'as', 'than', 'because', 'if', 'when', 'while', 'it', 'this', 'there', 'what', 'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'should', 'not', 'to', 'of', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'about', 'after', 'before']);

/**
 * A group of people as the subject right before a cue, which npBackward leaves out because it names no one:
 * "many economists say", "those surveyed say", "42% say", "Democratic registered voters said", or an official of
 * a body it cuts short ("a Fjordland transport ministry official"). Kind description;
 * it is shown as written when it holds a capitalised word, else the speaker stays null.
 */
export function groupSubject(ctx: SpeakerContext, v: number, floor: number): NP | null {
  const toks = ctx.tokens;
  let e = v;
  while (e > floor && (ADVERBS.has(lc(toks[e - 1])) || /^[a-z]+ly$/.test(lc(toks[e - 1])))) e--;
  if (e <= floor || ctx.quoted[e - 1]) return null;
  const head = lc(toks[e - 1]);
  // "the west said", as British papers write it: a group the article names
  if (head === 'west' && lc(toks[e - 2]) === 'the' && e - 2 >= floor) return makeNP(e - 2, e, 'name', ctx.text.slice(toks[e - 2]!.start, toks[e - 1]!.end), '', ['the', 'west'], { asWritten: true });
  const surveyed = head === 'surveyed' || head === 'polled' || head === 'questioned' || head === 'interviewed';
  if (!(GROUP_WORDS.has(head) || SPOKES.has(head) || surveyed || /%$|^percent$/.test(head) || (/^[a-z]{3,}s$/.test(head) && !NOT_PLURAL.test(head)))) return null;
  let s = e - 1;
  while (s > floor && e - s < 6) {
    const l = lc(toks[s - 1]);
    if (ctx.quoted[s - 1] || isPunct(toks[s - 1]!) && l !== '%' || GROUP_STOP.has(l) || PRONOUNS.has(l)) break;
    s--;
  }
  const words: string[] = [];
  for (let k = s; k < e; k++) words.push(lc(toks[k]));
  // a lone "those" or a verb-looking word is no subject
  if (surveyed && e - s < 2) return null;
  return makeNP(s, e, 'description', '', '', words);
}
