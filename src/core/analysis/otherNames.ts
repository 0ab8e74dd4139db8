/**
 * Other proper names of an article: what the recogniser calls MISC (products, events, works, nationalities)
 * and names the rules set apart as things ("Boxing Day", "the Gershon Report"). They are never entities:
 * `extract --json` lists them in `otherNames`, the editor may show them apart. One entry per name, keyed as
 * entities are (normKey), mentions in text order; a span that overlaps an entity mention is left out.
 */
import { normKey, ORG_SUFFIX, type EntityIndex } from './entities';
import type { OtherName, Span } from './types';
import type { MakeSpan, RepairSpan } from './ner/perceptron';

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

/** Words for a vessel or a craft, written before its name ("the ship Stella Maris", "the spacecraft Meridian"). */
const VESSEL_NOUNS = new Set(['ship', 'vessel', 'boat', 'yacht', 'ferry', 'tanker', 'trawler', 'freighter', 'liner', 'frigate', 'destroyer', 'warship', 'submarine', 'spacecraft', 'spaceship', 'probe', 'rover', 'lander', 'orbiter', 'satellite', 'rocket', 'capsule', 'telescope', 'shuttle']);
/** Words for a craft written after its name ("the Halcyon probe"); not "ferry" or "rocket" ("the Dover ferry", "the Nordspace rocket" are a place's and a firm's). */
const CRAFT_AFTER = new Set(['spacecraft', 'probe', 'rover', 'lander', 'orbiter']);
/** Prefixes of ships' names: "HMS Valiant", "USS Nordhaven". */
const SHIP_PREFIX = new Set(['HMS', 'USS', 'RMS', 'HMCS', 'HMAS', 'MV', 'SS', 'USNS', 'INS']);

/**
 * Is words[s, e) the name of a ship or a craft ("HMS Valiant", "the spacecraft Meridian", "the Halcyon
 * probe")? Such a name is another name, never a person, an organisation or a place.
 */
export function isVesselName(words: readonly string[], s: number, e: number): boolean {
  if (e - s >= 2 && SHIP_PREFIX.has(words[s]!)) return true;
  const before = s > 0 ? words[s - 1]! : '';
  if (VESSEL_NOUNS.has(before) && (s < 2 || /^(?:the|a|an|its|their|his|her)$/i.test(words[s - 2]!))) return true;
  // "the Halcyon probe", but not an agency's initials ("the NASA probe")
  const after = e < words.length ? words[e]! : '';
  return CRAFT_AFTER.has(after) && /^(?:the|a|an|its|their)$/i.test(before) && !/^[\p{Lu}\d.&-]+$/u.test(words[e - 1]!);
}

/** Words for a work, written right before its title ("the film Sideways", "Scorsese's biopic The Aviator", "the new album Speakerboxxx"). */
const WORK_NOUNS = new Set(['film', 'movie', 'album', 'song', 'documentary', 'biopic', 'sitcom', 'thriller', 'drama', 'musical']);

/**
 * Where the title of a work starts when a span starting at `s` is in one, right after a word for a work ("the
 * film Sideways", "the biopic The Aviator", "the film Million Dollar Baby": capitalised words the recogniser left
 * out before the span belong to the title); -1 when it is not. Such a title is another name.
 */
export function workTitleStart(words: readonly string[], s: number): number {
  let t = s;
  while (t > 0 && s - t < 3 && /^\p{Lu}/u.test(words[t - 1]!)) t--;
  return t > 0 && WORK_NOUNS.has(words[t - 1]!) ? t : -1;
}

/** A year as names of events and laws carry it ("the Revolution of 1848", "the Immigration Act of 1924"). */
export function isNameYear(w: string): boolean {
  return /^(?:1[5-9]|20)\d\d$/.test(w);
}

/** Last words of the name of an event: "the Iraq War", "the Suez Crisis", "the Watergate Scandal". */
const EVENT_HEADS = /^(?:War|Wars|Crisis|Recession|Depression|Election|Elections|Revolution|Rebellion|Uprising|Massacre|Scandal|Affair|Incident|Offensive|Invasion|Riots|Blockade|Revolt|Mutiny)$/;
/**
 * Last words of the names of contests, races and prizes ("Qatar Open", "London Marathon", "Norwich Union Grand
 * Prix", "Athens Olympics", "Olivier Awards"): events, only when the span holds the word (a capitalised "Open"
 * after a name may be a headline's verb).
 */
const CONTEST_HEADS = /^(?:Open|Marathon|Prix|Olympics|Paralympics|Awards|Classic|Championships)$/;

/**
 * How many words an event's name takes from words[s] ("Iraq" + "War", "Nullification Crisis"): the span
 * itself when it ends in a word for an event (or in one and "of" a year), one more when that word follows it; 0
 * when it is no event.
 * A body's name stays one ("Department of War", "Ministry of War").
 */
export function eventNameEnd(words: readonly string[], s: number, e: number): number {
  // (a contest keeps its sponsor's or its body's name: "Norwich Union Grand Prix", "Academy Awards")
  if (e - s >= 2 && CONTEST_HEADS.test(words[e - 1]!)) return e;
  // "the Kelmsby Crisis of 1832", "the Revolution of 1848": the year is part of the event's name
  const dated = e - s >= 3 && words[e - 2] === 'of' && isNameYear(words[e - 1]!) && EVENT_HEADS.test(words[e - 3]!);
  const end = dated || (EVENT_HEADS.test(words[e - 1]!) && e - s >= 2) ? e : e < words.length && EVENT_HEADS.test(words[e]!) ? e + 1 : 0;
  if (end === 0) return 0;
  for (let i = s; i < end; i++) if (ORG_SUFFIX.test(words[i]!) || words[i] === 'Secretary' || words[i] === 'Minister') return 0;
  return end;
}


/** The words that end the name of a vote: "the 1997 United Kingdom general election". */
const VOTE_NOUNS = /^(?:election|elections|by-election|by-elections|referendum|plebiscite|primary|primaries|caucus|caucuses)$/;
/** Lower-case words between a place and the vote it names ("general", "presidential", "local", …). */
const VOTE_MODIFIERS = /^(?:general|presidential|parliamentary|legislative|local|state|federal|municipal|provincial|regional|mayoral|gubernatorial|congressional|midterm|senate|assembly|council|national|snap|special|leadership|independence|constitutional)$/;
const YEAR = /^(?:1[89]|20)\d\d$/;
export const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * The name of a vote a span is part of, as [first word, end): a year (and its month), capitalised words, the kind
 * of vote in lower case and its noun ("February 1974 United Kingdom general election", "2011 Hong Kong local
 * elections"). Such a name is an event, another name, so the place inside it is not a place mention of its
 * own. A place before a vote with no year ("the UK general election") stays a place. Null when no vote.
 */
export function voteNameRange(words: readonly string[], s: number, e: number): [number, number] | null {
  let y = YEAR.test(words[s]!) ? s : s - 1;
  while (y >= 0 && y >= s - 3 && /^\p{Lu}/u.test(words[y]!) && !/^\d/.test(words[y]!)) y--;
  if (y < 0 || !YEAR.test(words[y]!)) return null;
  const first = y > 0 && MONTHS.test(words[y - 1]!) ? y - 1 : y;
  if (VOTE_NOUNS.test(words[e - 1]!)) return [first, e];
  let i = e;
  while (i < words.length && i - e < 4 && (/^\p{Lu}/u.test(words[i]!) || VOTE_MODIFIERS.test(words[i]!)) && !VOTE_NOUNS.test(words[i]!)) i++;
  return i < words.length && VOTE_NOUNS.test(words[i]!) ? [first, i + 1] : null;
}

/**
 * A span that runs past the end of a vote's name ("2001 Kelmsby general election the Greens": the tagger, trained
 * on election names with lower-case words inside, reads on) is cut after the vote's noun: the vote stays a span of
 * its own (another name, see voteNameRange), and the capitalised words after it another span of the tagger's type.
 */
export function splitAtVoteNoun<S extends RepairSpan>(words: readonly string[], out: S[], make: MakeSpan<S>): void {
  for (let k = 0; k < out.length; k++) {
    const sp = out[k]!;
    let v = -1;
    for (let i = sp.start + 1; i < sp.end - 1; i++) if (VOTE_NOUNS.test(words[i]!)) v = i;
    if (v < 0) continue;
    let rest = v + 1;
    while (rest < sp.end && !/^\p{Lu}/u.test(words[rest]!)) rest++;
    const parts = [make(sp.start, v + 1, 'MISC', sp.margin)];
    if (rest < sp.end) parts.push(make(rest, sp.end, sp.type, sp.margin));
    out.splice(k, 1, ...parts);
    k += parts.length - 1;
  }
}

/** Feasts and holidays ("Christmas", "Ramadan", "Thanksgiving"): days, never places or people. */
const HOLIDAYS = new Set(['christmas', 'easter', 'ramadan', 'eid', 'thanksgiving', 'hanukkah', 'chanukah', 'passover', 'diwali', 'halloween', 'lent', 'advent', 'pentecost', 'yom kippur', 'rosh hashanah', 'new year', 'new year’s', "new year's", 'christmas eve', 'christmas day', 'easter sunday', 'good friday', 'boxing day', 'hogmanay', 'nowruz', 'vesak', 'holi', 'kwanzaa']);

/** Is words[s, e) the name of a feast or a holiday? */
export function isHolidayName(words: readonly string[], s: number, e: number): boolean {
  return e - s <= 3 && HOLIDAYS.has(words.slice(s, e).join(' ').toLowerCase());
}
