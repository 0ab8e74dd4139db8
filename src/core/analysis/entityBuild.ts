/**
 * Building an article's entities from its raw mentions (entities.ts has the names, keys and ids they rest on):
 * corrections first, then the type of each mention, person clusters, entities merged by id, and the index that
 * resolves a name as written. Each step is a function of its own: the optimising compiler recompiles a function
 * whenever a branch it has not seen yet turns up, and one long function cost it far more each time.
 */
import type { Entity, EntityMention, EntityType } from './types';
import type { EntityCorrections } from './corrections';
import {
  canonicalOf,
  compatibleFirst,
  entityId,
  INSTITUTIONS,
  isShouted,
  normKey,
  ORG_ALIASES,
  ORG_SUFFIX,
  PLACE_ALIASES,
  rawMention,
  stripHonorific,
  surname,
  titleCase,
  type EntityIndex,
  type RawMention,
} from './entities';

/** Weight of one piece of context evidence against one recogniser vote. */
const EVIDENCE_WEIGHT = 3;

interface Cluster {
  type: EntityType;
  name: string;
  words: string[];
  mentions: RawMention[];
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

  typeMentions(mentions, aliasMap);
  const clusters = clusterMentions(mentions, aliasMap);
  return entityIndex(mergeClusters(clusters), typedRules);
}

type AliasMap = ReadonlyMap<string, { name: string; type?: EntityType }>;

/** 2. The type of each mention: a correction's, an alias's, else the majority of its surface key's votes. */
function typeMentions(mentions: RawMention[], aliasMap: AliasMap): void {
  // Majority type per surface key (a name tagged PER twice and ORG once is a person).
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
  // Only a person's last word counts (a surname), and a name ending in an organisation word stays one: one
  // "… Party Jim Wiseman" taken for a person must not make every "… Party" of the article a person.
  const personWords = new Set<string>();
  for (const m of mentions) if (m.type === 'person' && m.words.length > 0) personWords.add(m.words[m.words.length - 1]!.toLowerCase());
  for (const m of mentions) {
    if (m.type === 'person' || m.words.length < 2 || m.words.length > 3 || evidenced.has(normKey(m.words.join(' ') || m.text))) continue;
    if (!m.words.every((w) => /^\p{Lu}[\p{Ll}'’.-]/u.test(w))) continue;
    const last = m.words[m.words.length - 1]!;
    if (ORG_SUFFIX.test(last)) continue;
    if (personWords.has(last.toLowerCase())) m.type = 'person';
  }

}

/** 3. Person clusters: multi-word names first, then single words attach to a full name by last or first word. */
function clusterMentions(mentions: RawMention[], aliasMap: AliasMap): Cluster[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const personFull: Cluster[] = [];
  const forcedCluster = (m: RawMention): Cluster | null => {
    const f = aliasMap.get(normKey(m.text)) ?? aliasMap.get(normKey(m.words.join(' ')));
    if (!f) return null;
    const key = 'forced|' + normKey(f.name);
    let c = byKey.get(key);
    if (!c) {
      c = { type: f.type ?? m.type, name: f.name, words: f.name.split(/\s+/), mentions: [], fixedType: !!f.type };
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
        c = { type: 'person', name: m.words.join(' '), words: m.words, mentions: [], fixedType: false };
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
      c = { type: m.type, name: canon, words: canon.split(' '), mentions: [], fixedType: false };
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

  return clusters;
}

interface MergedEntity {
  id: string;
  name: string;
  type: EntityType;
  mentions: EntityMention[];
  unsure: boolean;
  weight: Map<EntityType, number>;
  nameWeight: number;
}

/** 4. Entities with stable ids; clusters that end up with the same id are merged. */
function mergeClusters(clusters: readonly Cluster[]): Map<string, MergedEntity> {
  // Ids carry no type, so one name typed two ways ("North Sea" a place here, an organisation there) is one
  // entity: it takes the type of most of its mentions (a correction's type always wins).
  const byId = new Map<string, MergedEntity>();
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
  return byId;
}

/** 5. The article's entities (typed corrections applied), its mentions in order, and name resolution. */
function entityIndex(byId: ReadonlyMap<string, MergedEntity>, typedRules: EntityCorrections['suppress']): EntityIndex {
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
        extra.push(rawMention(i, i + form.length, form, type, stripHonorific(form).split(/\s+/)));
      }
    }
  }
  if (extra.length === 0) return mentions;
  return [...mentions, ...extra].sort((a, b) => a.start - b.start);
}

/** All letters capitals, with at least two of them ("TROMSØ", "SÃO PAULO"; not "Oslo", not "A"). */
