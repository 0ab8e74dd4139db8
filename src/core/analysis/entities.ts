/**
 * The names entities rest on: honorifics ("Mr Putin"), canonical names ("US", "the United States", "America"),
 * the normal key of a name as written, and ids stable across the corpus. Building an article's entities from its
 * mentions (one canonical name per entity, one type by majority, user corrections applied) is entityBuild.ts.
 */
import type { Entity, EntityType } from './types';
import { isFirstName } from '../people/gender';

export interface RawMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Name words without honorific, for persons. */
  words: string[];
  /**
   * The type the mention's context points to ("Enova, the state energy agency"; "/NORDWIRE/" in a dateline;
   * "in Hardanger"), which outweighs the recogniser's guesses for every mention of the same name.
   */
  evidence?: EntityType;
  /**
   * A mention whose type is a guess ("Kelmsby" in "the Kelmsby MP", a party or a constituency): it takes the
   * type of the other mentions of the name, and votes only when there are none.
   */
  weak?: boolean;
  /** The recogniser was unsure of the name and nothing in its context settled it (mentions.ts UNSURE_MARGIN). */
  unsure?: boolean;
  /** The recogniser's lead of its reading over the next best (TokenSpan.margin), when it read the name itself. */
  margin?: number;
}

/**
 * A raw mention with every field set (evidence, weak, unsure and margin set later, if at all): every mention has
 * the same object shape, so the code that reads them stays fast.
 */
export function rawMention(start: number, end: number, text: string, type: EntityType, words: string[], evidence?: EntityType, margin?: number): RawMention {
  return { start, end, text, type, words, evidence, weak: false, unsure: false, margin };
}


export interface EntityIndex {
  readonly entities: Entity[];
  /** Every mention with its entity, sorted by start. */
  readonly mentions: { readonly start: number; readonly end: number; readonly entity: Entity }[];
  /** Resolves a name as written ("Putin", "Mr Trump", "the Kremlin") to an entity of this article. */
  resolve(name: string): Entity | null;
}

export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof', 'prof.']);

/** Name particles written in lower case after an honorific ("Dr de Klerk"). */
const PARTICLE_AFTER_HONORIFIC = /^(?:de|van|von|da|di|du|le|la|al|el|ter|ten)$/;

/**
 * `w` is an honorific before the name `next` ("Sir Alex", "Dr de Klerk"), not a word of a name that starts
 * like one ("Lord of the Rings").
 */
export function isHonorificBefore(w: string, next: string | undefined): boolean {
  return HONORIFICS.has(w.toLowerCase()) && (next === undefined || !/^\p{Ll}/u.test(next) || PARTICLE_AFTER_HONORIFIC.test(next));
}

export const PLACE_ALIASES: Record<string, string> = {
  us: 'United States', usa: 'United States', 'united states': 'United States', 'united states of america': 'United States', america: 'United States',
  uk: 'United Kingdom', britain: 'United Kingdom', 'great britain': 'United Kingdom', 'united kingdom': 'United Kingdom',
  'russian federation': 'Russia', ussr: 'Soviet Union', 'soviet union': 'Soviet Union', uae: 'United Arab Emirates',
  drc: 'Democratic Republic of the Congo', prc: 'China', "people's republic of china": 'China',
};

export const ORG_ALIASES: Record<string, string> = {
  eu: 'European Union', 'european union': 'European Union', un: 'United Nations', 'united nations': 'United Nations',
  nato: 'NATO', fbi: 'FBI', 'federal bureau of investigation': 'FBI', cia: 'CIA', 'central intelligence agency': 'CIA',
  gop: 'Republican Party', 'republican party': 'Republican Party', 'democratic party': 'Democratic Party',
  isis: 'Islamic State', isil: 'Islamic State', 'islamic state': 'Islamic State', daesh: 'Islamic State', taliban: 'Taliban', hamas: 'Hamas', hezbollah: 'Hezbollah', 'al-qaeda': 'al-Qaeda', 'al qaeda': 'al-Qaeda', 'al-qaida': 'al-Qaeda', 'al qaida': 'al-Qaeda',
  g7: 'G7', g8: 'G8', g20: 'G20', 'group of 20': 'G20', 'group-of-20': 'G20', 'group of seven': 'G7', who: 'WHO', imf: 'IMF', opec: 'OPEC',
};

/** Places whose name stands for the institution in news ("the Kremlin said"). */
export const INSTITUTIONS = new Set(['kremlin', 'white house', 'pentagon', 'downing street', 'elysee', 'élysée', 'elysee palace', 'state department', 'capitol hill', 'whitehall', 'quai d’orsay', 'vatican', 'holy see', 'blue house', 'zhongnanhai']);

/** "Downing Street", "the Kremlin": a place whose name stands for an institution. */
export function isInstitution(name: string): boolean {
  return INSTITUTIONS.has(normKey(name));
}

/** Last words that make a multi-word name an organisation. */
export const ORG_SUFFIX = /^(?:Institution|Institute|Associates|Association|Council|Committee|Commission|Agency|Party|Corp\.?|Corporation|Inc\.?|Ltd\.?|Plc|LLC|Co\.|Company|University|College|Bank|Group|Foundation|Federation|Union|League|Ministry|Department|Court|Authority|Board|Bureau|Service|Office|Organisation|Organization|Trust|Fund|Society|Club|Party|Network|Times|Post|Journal|News|Press|Shipping|Express|Airlines|Airways|Cruises|Seafood|Foods|Holdings|Logistics|Energy|Motors|Telecom|Pharmaceuticals|Technologies|Industries|Enterprises|Insurance|Partners|Ventures|Capital|Media|Bancorp|Brewery|Band|Orchestra|Choir|Ensemble|Quartet|Records|Studios|Pictures|Images|Photos|Research|Broadcasting|Academy|School|Brothers|Bros\.)$/;

/** Normalised key of a surface form: lower case, no dots, no leading "the", straight apostrophes. */
export function normKey(s: string): string {
  // Pure and called many times per article with the same few forms: remembered (bounded).
  let k = normKeyMemo.get(s);
  if (k === undefined) {
    k = normKeyOf(s);
    if (normKeyMemo.size >= MEMO_MAX) normKeyMemo.clear();
    normKeyMemo.set(s, k);
  }
  return k;
}

const MEMO_MAX = 100_000;
const normKeyMemo = new Map<string, string>();
const slugMemo = new Map<string, string>();

function normKeyOf(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

export function slug(s: string): string {
  let k = slugMemo.get(s);
  if (k === undefined) {
    k = slugOf(s);
    if (slugMemo.size >= MEMO_MAX) slugMemo.clear();
    slugMemo.set(s, k);
  }
  return k;
}

function slugOf(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9\u00c0-\uffff]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * An entity's id: the same in every article and for every type the name is given, so that retyping an entity
 * (by the recogniser or by Correct Entity…) or a change of its canonical form that only touches case, accents,
 * punctuation, a leading "the", an honorific or a middle initial never changes it (`vladimir-putin`, `sao-paulo`,
 * `kremlin`). A personal name of three or more capitalised words starting with a listed first name keeps its first
 * and last words (`Anna Maria Kowal` and `Anna Kowal`: `anna-kowal`), whatever its type. `type` is not part of the
 * id: it is accepted so every caller says what it names. Ids written before with their type (`person:anna-kowal`)
 * are read through migrateEntityRef (src/core/annotations/entityRefs.ts).
 */
export function entityId(type: EntityType, name: string): string {
  void type;
  const words = name.replace(/^the\s+/i, '').split(/\s+/).filter((w) => w !== '');
  while (words.length > 1 && HONORIFICS.has(words[0]!.toLowerCase())) words.shift();
  let w = words.filter((x, i) => i === 0 || i === words.length - 1 || !/^\p{Lu}\.?$/u.test(x));
  if (
    w.length >= 3 &&
    w.every((x) => /^\p{Lu}[\p{L}'’-]*$/u.test(x)) &&
    isFirstName(w[0]!) &&
    !ORG_SUFFIX.test(w[w.length - 1]!) &&
    !/^(?:Airport|Square|Street|Park|Road|Avenue|Bridge|Centre|Center|Hospital|School|Station|Stadium|Hall|Museum|Island|Islands|River|Lake|Bay|County|City|Port|Harbour|Harbor)$/.test(w[w.length - 1]!)
  ) {
    w = [w[0]!, w[w.length - 1]!];
  }
  return slug(w.join(' ')) || 'unnamed';
}

export function canonicalOf(type: EntityType, key: string, text: string): string {
  if (type === 'place' && PLACE_ALIASES[key]) return PLACE_ALIASES[key]!;
  if (type === 'organization' && ORG_ALIASES[key]) return ORG_ALIASES[key]!;
  return text.replace(/^the\s+/i, '');
}

/** "Sir Alex Ferguson" → "Alex Ferguson", "Dr de Klerk" → "de Klerk"; "Lord of the Rings" keeps its "Lord". */
export function stripHonorific(s: string): string {
  const m = /^(\S+)\s+(\S+)/.exec(s);
  return m && isHonorificBefore(m[1]!, m[2]) ? s.slice(m[1]!.length).trimStart() : s;
}

/** Surname key: "al-Assad" and "Assad" are one name. */
export function surname(w: string): string {
  return w.toLowerCase().replace(/^(?:al|el|ad|as|ash|bin|ibn|abu|de|di|da|van|von)[-’']/, '');
}

export function compatibleFirst(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x === y) return true;
  // initials: "J." vs "John"
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return true;
  return false;
}

export function isShouted(s: string): boolean {
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 128) {
      const ch = s.charAt(i);
      if (ch.toUpperCase() !== ch) return false;
      if (ch.toLowerCase() !== ch) upper++;
    }
  }
  return upper >= 2;
}

export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-.'’])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}
