/**
 * From recogniser spans to entities: honorifics attached to person mentions ("Mr Putin"), mentions merged
 * under one canonical name per article ("Mr Putin", "Putin", "Vladimir Putin"; "US", "the United States",
 * "America"), one type per entity by majority, user corrections applied, and ids stable across the corpus.
 */
import type { Entity, EntityMention, EntityType } from './types';
import type { EntityCorrections } from './corrections';
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

/** Weight of one piece of context evidence against one recogniser vote. */
const EVIDENCE_WEIGHT = 3;

export interface EntityIndex {
  readonly entities: Entity[];
  /** Every mention with its entity, sorted by start. */
  readonly mentions: { readonly start: number; readonly end: number; readonly entity: Entity }[];
  /** Resolves a name as written ("Putin", "Mr Trump", "the Kremlin") to an entity of this article. */
  resolve(name: string): Entity | null;
}

export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof', 'prof.']);

export const PLACE_ALIASES: Record<string, string> = {
  us: 'United States', usa: 'United States', 'united states': 'United States', 'united states of america': 'United States', america: 'United States',
  uk: 'United Kingdom', britain: 'United Kingdom', 'great britain': 'United Kingdom', 'united kingdom': 'United Kingdom',
  'russian federation': 'Russia', ussr: 'Soviet Union', 'soviet union': 'Soviet Union', uae: 'United Arab Emirates',
  drc: 'Democratic Republic of the Congo', prc: 'China', "people's republic of china": 'China',
};

const ORG_ALIASES: Record<string, string> = {
  eu: 'European Union', 'european union': 'European Union', un: 'United Nations', 'united nations': 'United Nations',
  nato: 'NATO', fbi: 'FBI', 'federal bureau of investigation': 'FBI', cia: 'CIA', 'central intelligence agency': 'CIA',
  gop: 'Republican Party', 'republican party': 'Republican Party', 'democratic party': 'Democratic Party',
  isis: 'Islamic State', isil: 'Islamic State', 'islamic state': 'Islamic State', daesh: 'Islamic State', taliban: 'Taliban', hamas: 'Hamas', hezbollah: 'Hezbollah', 'al-qaeda': 'al-Qaeda',
  g7: 'G7', g8: 'G8', g20: 'G20', 'group of 20': 'G20', 'group-of-20': 'G20', 'group of seven': 'G7', who: 'WHO', imf: 'IMF', opec: 'OPEC',
};

/** Places whose name stands for the institution in news ("the Kremlin said"). */
const INSTITUTIONS = new Set(['kremlin', 'white house', 'pentagon', 'downing street', 'elysee', 'élysée', 'elysee palace', 'state department', 'capitol hill', 'whitehall', 'quai d’orsay', 'vatican', 'holy see', 'blue house', 'zhongnanhai']);

/** "Downing Street", "the Kremlin": a place whose name stands for an institution. */
export function isInstitution(name: string): boolean {
  return INSTITUTIONS.has(normKey(name));
}

/** Last words that make a multi-word name an organisation. */
export const ORG_SUFFIX = /^(?:Institution|Institute|Associates|Association|Council|Committee|Commission|Agency|Party|Corp\.?|Corporation|Inc\.?|Ltd\.?|Plc|LLC|Co\.|Company|University|College|Bank|Group|Foundation|Federation|Union|League|Ministry|Department|Court|Authority|Board|Bureau|Service|Office|Organisation|Organization|Trust|Fund|Society|Club|Party|Network|Times|Post|Journal|News|Press|Shipping|Express|Airlines|Airways|Cruises|Seafood|Foods|Holdings|Logistics|Energy|Motors|Telecom|Pharmaceuticals|Technologies|Industries|Enterprises|Insurance|Partners|Ventures|Capital|Media|Bancorp|Brewery|Band|Orchestra|Choir|Ensemble|Quartet|Records|Studios|Broadcasting|Academy|School)$/;

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

function canonicalOf(type: EntityType, key: string, text: string): string {
  if (type === 'place' && PLACE_ALIASES[key]) return PLACE_ALIASES[key]!;
  if (type === 'organization' && ORG_ALIASES[key]) return ORG_ALIASES[key]!;
  return text.replace(/^the\s+/i, '');
}

interface Cluster {
  type: EntityType;
  name: string;
  words: string[];
  mentions: RawMention[];
  votes: Map<EntityType, number>;
  fixedType: boolean;
}

/** Builds the entities of one article from raw mentions (sorted by start). */
export function buildEntities(raw: RawMention[], corrections: EntityCorrections, text: string): EntityIndex {
  // 1. Corrections: suppression and alias → entity assignments.
  // Untyped rules drop a form now; typed ones ("not as an organisation") once the final type is known (below).
  const suppressed = (m: RawMention) => corrections.suppress.some((s) => !s.type && normKey(s.text) === normKey(m.text));
  const typedRules = corrections.suppress.filter((s) => s.type);
  const aliasMap = new Map<string, { name: string; type?: EntityType }>();
  for (const e of corrections.entities) {
    for (const a of [e.name, ...e.aliases]) aliasMap.set(normKey(a), e.type ? { name: e.name, type: e.type } : { name: e.name });
  }
  let mentions = raw.filter((m) => !suppressed(m));
  // Forms the user listed are found in the text even when the recogniser missed them.
  if (corrections.entities.length > 0) mentions = addListedForms(mentions, corrections, text);

  // 2. Majority type per surface key (a name tagged PER twice and ORG once is a person).
  const votes = new Map<string, Map<EntityType, number>>();
  const evidenced = new Set<string>();
  /** Context evidence alone, per key: it settles a tie of votes ("a Vodafone spokesman" against a split recogniser). */
  const evidenceVotes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    const k = normKey(m.words.join(' ') || m.text);
    if (m.weak && !m.evidence) continue;
    const v = votes.get(k) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    if (m.evidence) {
      v.set(m.evidence, (v.get(m.evidence) ?? 0) + EVIDENCE_WEIGHT);
      evidenced.add(k);
      const ev = evidenceVotes.get(k) ?? new Map<EntityType, number>();
      ev.set(m.evidence, (ev.get(m.evidence) ?? 0) + 1);
      evidenceVotes.set(k, ev);
    }
    votes.set(k, v);
  }
  for (const m of mentions) {
    if (!m.weak || m.evidence) continue;
    const k = normKey(m.words.join(' ') || m.text);
    const v = votes.get(k);
    if (!v) votes.set(k, new Map([[m.type, 1]]));
    else if (v.size === 0) v.set(m.type, 1);
  }
  for (const m of mentions) {
    const forced = aliasMap.get(normKey(m.text)) ?? aliasMap.get(normKey(m.words.join(' ')));
    if (forced?.type) {
      m.type = forced.type;
      continue;
    }
    const key = normKey(m.words.join(' ') || m.text);
    if (PLACE_ALIASES[key]) {
      m.type = 'place';
      continue;
    }
    if (!evidenced.has(key) && (ORG_ALIASES[key] || INSTITUTIONS.has(key) || (m.words.length > 1 && ORG_SUFFIX.test(m.words[m.words.length - 1]!)))) {
      m.type = 'organization';
      continue;
    }
    const v = votes.get(key)!;
    const ev = evidenceVotes.get(key);
    let best = m.type;
    for (const [t, n] of v) {
      const b = v.get(best) ?? 0;
      if (n > b || (n === b && ev && (ev.get(t) ?? 0) > (ev.get(best) ?? 0))) best = t;
    }
    m.type = best;
  }
  // "Rex Tillerson" tagged ORG once while "Tillerson" is a person ten times: a person.
  const personWords = new Set<string>();
  for (const m of mentions) if (m.type === 'person') for (const w of m.words) personWords.add(w.toLowerCase());
  for (const m of mentions) {
    if (m.type === 'person' || m.words.length < 2 || m.words.length > 3 || evidenced.has(normKey(m.words.join(' ') || m.text))) continue;
    if (!m.words.every((w) => /^\p{Lu}[\p{Ll}'’.-]/u.test(w))) continue;
    if (personWords.has(m.words[m.words.length - 1]!.toLowerCase())) m.type = 'person';
  }

  // 3. Person clusters: multi-word names first, then single words attach to a full name by last or first word.
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const personFull: Cluster[] = [];
  const forcedCluster = (m: RawMention): Cluster | null => {
    const f = aliasMap.get(normKey(m.text)) ?? aliasMap.get(normKey(m.words.join(' ')));
    if (!f) return null;
    const key = 'forced|' + normKey(f.name);
    let c = byKey.get(key);
    if (!c) {
      c = { type: f.type ?? m.type, name: f.name, words: f.name.split(/\s+/), mentions: [], votes: new Map(), fixedType: !!f.type };
      byKey.set(key, c);
      clusters.push(c);
    }
    return c;
  };
  const pending: RawMention[] = [];
  for (const m of mentions) {
    const fc = forcedCluster(m);
    if (fc) {
      fc.mentions.push(m);
      continue;
    }
    if (m.type === 'person' && m.words.length >= 2) {
      const first = m.words[0]!.toLowerCase();
      const last = surname(m.words[m.words.length - 1]!);
      let c = personFull.find((p) => surname(p.words[p.words.length - 1]!) === last && compatibleFirst(p.words[0]!, first));
      if (!c) {
        c = { type: 'person', name: m.words.join(' '), words: m.words, mentions: [], votes: new Map(), fixedType: false };
        personFull.push(c);
        clusters.push(c);
      }
      if (m.words.length > c.words.length || (m.words.length === c.words.length && m.words.join(' ').length > c.name.length)) {
        c.words = m.words;
        c.name = m.words.join(' ');
      }
      c.mentions.push(m);
    } else pending.push(m);
  }
  for (const m of pending) {
    const w = (m.words.length ? m.words : [m.text]).join(' ');
    const lw = w.toLowerCase();
    if (m.words.length === 1 || m.type === 'person') {
      // attach a single word to a person whose last (or first) name it is, even if tagged otherwise
      const cands = personFull.filter((p) => surname(p.words[p.words.length - 1]!) === surname(lw));
      const candsFirst = cands.length ? cands : personFull.filter((p) => p.words[0]!.toLowerCase() === lw && p.words.length >= 2);
      if (candsFirst.length > 0 && (m.type === 'person' || cands.length > 0)) {
        let pick = candsFirst[0]!;
        if (candsFirst.length > 1) {
          // most recent full mention before this one
          let bestPos = -1;
          for (const p of candsFirst)
            for (const pm of p.mentions)
              if (pm.start < m.start && pm.start > bestPos) {
                bestPos = pm.start;
                pick = p;
              }
        }
        pick.mentions.push(m);
        continue;
      }
    }
    const key0 = normKey(w);
    const canon = canonicalOf(m.type, key0, w);
    const key = m.type + '|' + normKey(canon);
    let c = byKey.get(key);
    if (!c) {
      c = { type: m.type, name: canon, words: canon.split(' '), mentions: [], votes: new Map(), fixedType: false };
      byKey.set(key, c);
      clusters.push(c);
    } else if (
      m.type !== 'person' &&
      !PLACE_ALIASES[key0] &&
      !ORG_ALIASES[key0] &&
      (w.replace(/^the\s+/i, '').length > c.name.length || (isShouted(c.name) && !isShouted(w))) &&
      normKey(w) === normKey(c.name)
    ) {
      c.name = w.replace(/^the\s+/i, '');
    }
    c.mentions.push(m);
  }

  // 4. Entities with stable ids; merge clusters that end up with the same id.
  // Ids carry no type, so one name typed two ways ("North Sea" a place here, an organisation there) is one
  // entity: it takes the type of most of its mentions (a correction's type always wins).
  const byId = new Map<string, { id: string; name: string; type: EntityType; mentions: EntityMention[]; unsure: boolean; weight: Map<EntityType, number>; nameWeight: number }>();
  for (const c of clusters) {
    if (c.mentions.length === 0) continue;
    // a place only ever written in capitals (a dateline's "SÃO PAULO") is named as in running text
    if (c.type === 'place' && !c.fixedType && isShouted(c.name) && c.name.replace(/[^\p{L}]/gu, '').length >= 4) c.name = titleCase(c.name);
    const id = entityId(c.type, c.name);
    let e = byId.get(id);
    // uncertain only if the recogniser hesitated over every mention and no correction fixed the entity
    const unsure = !c.fixedType && c.mentions.every((m) => m.unsure === true && !m.evidence);
    if (!e) {
      e = { id, name: c.name, type: c.type, mentions: [], unsure, weight: new Map(), nameWeight: 0 };
      byId.set(id, e);
    } else {
      // the name of the most-mentioned spelling ("PolitiFact" ten times over one "Politi’fact’"); ties: the longer
      const heavier = c.mentions.length > e.nameWeight || (c.mentions.length === e.nameWeight && c.name.length > e.name.length);
      if (heavier || c.fixedType) e.name = c.name;
      e.unsure &&= unsure;
    }
    e.nameWeight = Math.max(e.nameWeight, c.mentions.length);
    // (a tie over a one-word name goes to the place or organisation: a person the article names by one word
    // only, never in full, is the weaker reading)
    const lean = c.type !== 'person' && !/\s/.test(c.name) ? 0.5 : 0;
    e.weight.set(c.type, (e.weight.get(c.type) ?? 0) + (c.fixedType ? 1e9 : c.mentions.length + lean));
    let best = e.weight.get(e.type) ?? 0;
    for (const [t, w] of e.weight) if (w > best) {
      best = w;
      e.type = t;
    }
    for (const m of c.mentions) e.mentions.push({ start: m.start, end: m.end, text: m.text });
  }
  const typedOut = (e: { type: EntityType; name: string }, text: string) =>
    typedRules.some((r) => r.type === e.type && (normKey(r.text) === normKey(text) || normKey(r.text) === normKey(e.name)));
  const entities: Entity[] = [...byId.values()]
    .map(({ unsure, weight: _weight, nameWeight: _nameWeight, ...e }) => ({ ...e, ...(unsure ? { uncertain: true as const } : {}), mentions: e.mentions.filter((m) => !typedOut(e, m.text)).sort((a, b) => a.start - b.start) }))
    .filter((e) => e.mentions.length > 0);
  entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  const all: { start: number; end: number; entity: Entity }[] = [];
  for (const e of entities) for (const m of e.mentions) all.push({ start: m.start, end: m.end, entity: e });
  all.sort((a, b) => a.start - b.start);
  const nameIndex = new Map<string, Entity>();
  for (const e of entities) {
    nameIndex.set(normKey(e.name), e);
    for (const m of e.mentions) {
      const k = normKey(stripHonorific(m.text));
      if (!nameIndex.has(k)) nameIndex.set(k, e);
    }
  }
  return {
    entities,
    mentions: all,
    resolve(name: string): Entity | null {
      const k = normKey(stripHonorific(name).replace(/['’]s$/, ''));
      const hit = nameIndex.get(k);
      if (hit) return hit;
      const alias = PLACE_ALIASES[k] ?? ORG_ALIASES[k];
      if (alias) return nameIndex.get(normKey(alias)) ?? null;
      // last word of a person name
      const words = k.split(' ');
      const last = words[words.length - 1]!;
      for (const e of entities) if (e.type === 'person' && surname(normKey(e.name).split(' ').pop()!) === surname(last)) return e;
      return null;
    },
  };
}

export function stripHonorific(s: string): string {
  const m = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof)\.?\s+/.exec(s);
  return m ? s.slice(m[0].length) : s;
}

/** Surname key: "al-Assad" and "Assad" are one name. */
function surname(w: string): string {
  return w.toLowerCase().replace(/^(?:al|el|ad|as|ash|bin|ibn|abu|de|di|da|van|von)[-’']/, '');
}

function compatibleFirst(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x === y) return true;
  // initials: "J." vs "John"
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return true;
  return false;
}

function addListedForms(mentions: RawMention[], corrections: EntityCorrections, text: string): RawMention[] {
  const covered = (s: number, e: number) => mentions.some((m) => m.start < e && s < m.end);
  const extra: RawMention[] = [];
  for (const e of corrections.entities) {
    for (const form of [e.name, ...e.aliases]) {
      if (form.length < 2) continue;
      let from = 0;
      let count = 0;
      for (;;) {
        const i = text.indexOf(form, from);
        if (i < 0 || count++ > 10000) break;
        from = i + form.length;
        const before = i > 0 ? text[i - 1]! : ' ';
        const after = i + form.length < text.length ? text[i + form.length]! : ' ';
        if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
        if (covered(i, i + form.length) || extra.some((m) => m.start < i + form.length && i < m.end)) continue;
        const type = e.type ?? 'person';
        extra.push({ start: i, end: i + form.length, text: form, type, words: stripHonorific(form).split(/\s+/), evidence: undefined, weak: false, unsure: false, margin: undefined });
      }
    }
  }
  if (extra.length === 0) return mentions;
  return [...mentions, ...extra].sort((a, b) => a.start - b.start);
}

/** All letters capitals, with at least two of them ("TROMSØ", "SÃO PAULO"; not "Oslo", not "A"). */
function isShouted(s: string): boolean {
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

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-.'’])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}
