/**
 * Context rules around the recogniser's spans, over the (normalised) words of one sentence. The recogniser
 * knows Reuters 1996 vocabulary; for names it has never seen it guesses from the word shape, and usually
 * guesses "person". What the sentence says around the name is better evidence:
 *  - span repairs: "Pieter van Doorn" (a name particle between two capitalised words is one person),
 *    "the Norwegian Coastal Fishers' Union" (a plural possessive inside an organisation name),
 *    "Scottish Pelagic Fishermen's Association" (a "miscellaneous" span ending in an organisation word);
 *  - type evidence: the agency in a dateline (`/NORDWIRE/.`), a descriptor before the name ("environmental
 *    group Clean Fjords", "the operator Fjordline Express"), an apposition after it ("Enova, the state energy
 *    agency"; "Tor Berge, the company's technical director"; "X, who …"; "X, which …"), and places:
 *    "at a yard in Hardanger", "between Stavanger and Tau" (weak: only when nothing in the article says the
 *    name is a person).
 * Every rule looks at a bounded window around the span, so the whole pass stays linear.
 */
import { lexicalScores, type TokenSpan } from './ner/perceptron';
import { isAdjectiveName, isGroupName, looksLikeDemonym } from './demonyms';
import { onModelChange } from './ner/model';
import { isCapWord } from './ner/features';
import { alignListTypes } from './nameLists';
import { MONTHS, splitAtVoteNoun } from './otherNames';
import { joinBodyAndCause, organisationsOfSomething, splitPersonOfOrganisation } from './orgBoundaries';
import { ORG_SUFFIX } from './entities';
import { dropNonNames } from './notNames';
import { isFirstName, NAME_PARTICLES } from '../people/gender';
import { isTitleHead } from './titles';
import { foreignOrganisations } from './foreignNames';
import type { EntityType } from './types';


/** Nouns that describe an organisation, before or in apposition to its name. */
const ORG_NOUNS = new Set([
  'agency', 'company', 'firm', 'group', 'operator', 'carrier', 'airline', 'insurer', 'bank', 'lender', 'retailer', 'exporter', 'importer', 'manufacturer',
  'maker', 'producer', 'supplier', 'shipper', 'union', 'party', 'charity', 'organisation', 'organization', 'association', 'federation', 'council', 'committee',
  'ministry', 'department', 'regulator', 'authority', 'watchdog', 'institute', 'university', 'broadcaster', 'newspaper', 'publisher', 'network', 'coalition',
  'alliance', 'movement', 'consortium', 'conglomerate', 'subsidiary', 'startup', 'start-up', 'business', 'utility', 'developer', 'chain', 'brand', 'website',
  'ngo', 'think-tank', 'thinktank', 'body', 'outlet', 'tabloid', 'daily', 'weekly', 'club', 'owner-operator', 'investor', 'fund', 'trust', 'foundation',
]);

/** Nouns that describe a person, before or in apposition to the name. */
const PERSON_NOUNS = new Set([
  'director', 'executive', 'chief', 'head', 'chair', 'chairman', 'chairwoman', 'chairperson', 'president', 'minister', 'secretary', 'spokesman',
  'spokeswoman', 'spokesperson', 'councillor', 'councilor', 'mayor', 'governor', 'senator', 'lawmaker', 'official', 'analyst', 'economist', 'lawyer',
  'attorney', 'professor', 'researcher', 'scientist', 'founder', 'owner', 'manager', 'editor', 'reporter', 'correspondent', 'writer', 'author', 'skipper',
  'fisherman', 'farmer', 'teacher', 'student', 'resident', 'worker', 'doctor', 'nurse', 'engineer', 'leader', 'adviser', 'advisor', 'aide', 'deputy',
  'ambassador', 'diplomat', 'captain', 'coach', 'player', 'striker', 'son', 'daughter', 'wife', 'husband', 'mother', 'father', 'widow', 'veteran', 'activist',
  'campaigner', 'commissioner', 'trader', 'consultant', 'officer', 'inspector', 'judge', 'prosecutor', 'candidate', 'pilot', 'employee', 'colleague', 'actor',
  'actress', 'singer', 'artist', 'historian', 'chancellor', 'premier', 'vice-president', 'boss', 'mp', 'mep', 'councilwoman', 'councilman', 'organiser',
]);

const DETS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that']);

/** Words that open a clause, not a noun phrase in apposition. */
const CLAUSE_OPENERS = new Set(['but', 'and', 'or', 'so', 'yet', 'nor', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'as', 'if', 'when', 'while', 'although', 'though', 'because', 'since', 'after', 'before', 'where', 'then', 'not', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'said', 'says']);

/** Words that end an apposition's noun phrase. */
const NP_END = new Set([',', '.', ';', ':', ')', '(', '-', 'of', 'in', 'at', 'for', 'with', 'from', 'on', 'to', 'and', 'or', 'who', 'which', 'that', 'since', 'said', 'says', 'told', 'by']);

/** Prepositions after which a name with no other evidence is a place ("a yard in Hardanger"). */
const PLACE_PREPS = new Set(['in', 'at', 'near', 'from', 'outside', 'across', 'between', 'via', 'towards', 'toward', 'throughout']);

function isLowerWord(w: string | undefined): boolean {
  return !!w && /^[\p{Ll}][\p{Ll}-]*$/u.test(w);
}

/** A working span: the recogniser's type plus the evidence rules add. */
export interface CtxSpan {
  start: number;
  end: number;
  type: TokenSpan['type'];
  evidence: EntityType | undefined;
  /** Place evidence that yields to any sign in the article that the name is a person. */
  weakPlace: boolean;
  /** Organisation evidence ("a Vodafone spokesman", "Vodafone said it …") that yields to any sign of a person. */
  weakOrg: boolean;
  /** The recogniser's margin for the span (TokenSpan.margin); undefined for spans the rules made. */
  margin: number | undefined;
}

/**
 * A working span. Every one is made here, with its fields in one order, so the optimising compiler sees one
 * object shape wherever spans go (spans of several shapes made the hot functions deoptimise and recompile).
 */
export function ctxSpan(start: number, end: number, type: TokenSpan['type'], margin: number | undefined, more?: { evidence?: EntityType; weakPlace?: boolean; weakOrg?: boolean }): CtxSpan {
  return { start, end, type, evidence: more?.evidence, weakPlace: more?.weakPlace ?? false, weakOrg: more?.weakOrg ?? false, margin };
}

/** A copy of a span with other bounds (and the same evidence). */
export function withBounds(sp: CtxSpan, start: number, end: number): CtxSpan {
  return { start, end, type: sp.type, evidence: sp.evidence, weakPlace: sp.weakPlace, weakOrg: sp.weakOrg, margin: sp.margin };
}

/** People a firm or body has: "a Vodafone spokesman", "Nortel shareholders". */
const ORG_PEOPLE = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokespeople', 'shareholders', 'employees', 'staff', 'bosses', 'executives', 'board', 'workforce']);

/** Speech verbs after which "it" / "its" shows the speaker is a thing, not a person ("Vodafone said it would"). */
const SAID = new Set(['said', 'says', 'added', 'announced', 'confirmed', 'stated', 'insisted', 'denied', 'warned', 'told']);

/** Particles found in personal names only, never in a place's or a title's ("van", not "de": "Rio de Janeiro"). */
const PERSON_PARTICLES = new Set(['van', 'von', 'bin', 'ibn']);

/** A recogniser's lead this small (score units) is a tie for the repairs that settle one. */
const NEAR_TIE = 1;

/** Repairs the recogniser's spans of one sentence (see the module comment). Returns spans sorted by start. */
export function repairSpans(words: readonly string[], spans: readonly TokenSpan[]): CtxSpan[] {
  const out: CtxSpan[] = spans.map((s) => ctxSpan(s.start, s.end, s.type, s.margin));
  const n = words.length;
  const spanAt = (i: number): number => out.findIndex((s) => s.start <= i && i < s.end);
  // Each repair costs a scan of the sentence's spans; a bounded number per sentence keeps the pass linear
  // even on one endless "sentence".
  let budget = MAX_REPAIRS;
  // "the American visitor": a nationality before a common noun the recogniser could not tell from a name
  // (a tie, or nearly) is a nationality, another name
  for (const sp of out) {
    const next = words[sp.end];
    if (sp.type !== 'MISC' && sp.end - sp.start === 1 && (sp.margin ?? Infinity) < NEAR_TIE && isLowerWord(next) && !SAID.has(next) && looksLikeDemonym(words[sp.start]!)) sp.type = 'MISC';
    // "the Southern border", "Democratic rival …", "a proud Muslim", "Latinos": other names (demonyms.ts)
    else if ((sp.type === 'LOC' || sp.type === 'ORG') && isLowerWord(next) && !SAID.has(next) && isAdjectiveName(words, sp.start, sp.end)) sp.type = 'MISC';
    else if (isGroupName(words, sp.start, sp.end, sp.type)) sp.type = 'MISC';
  }
  splitAtVoteNoun(words, out, ctxSpan);
  splitPersonOfOrganisation(words, out, ctxSpan, MISC_ORG_HEAD);
  // "Pieter van Doorn", "Ursula von der Leyen": one person.
  for (let i = 1; i + 1 < n && budget > 0; i++) {
    if (!NAME_PARTICLES.has(words[i]!)) continue;
    budget--;
    let j = i + 1;
    if (NAME_PARTICLES.has(words[j]!) && j + 1 < n) j++;
    if (!isCapWord(words[i - 1]) || !isCapWord(words[j]) || words[i - 1]!.length < 2) continue;
    const a = spanAt(i - 1);
    const b = spanAt(j);
    // the recogniser saw no name here, unless the particle is one only names hold ("Lieke van Brouwershaven")
    if (a < 0 && b < 0 && !PERSON_PARTICLES.has(words[i]!)) continue;
    if (a >= 0 && a === b) continue; // already one span ("Rio de Janeiro")
    const sa = a >= 0 ? out[a]! : null;
    const sb = b >= 0 ? out[b]! : null;
    if ((sa && sa.type !== 'PER' && sa.end - sa.start > 1) || (sb && sb.type !== 'PER' && sb.end - sb.start > 1)) continue;
    const start = sa ? sa.start : i - 1;
    const end = sb ? sb.end : j + 1;
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.start < end && start < out[k]!.end) out.splice(k, 1);
    out.push(ctxSpan(start, end, 'PER', undefined));
    i = end - 1;
  }
  out.sort((x, y) => x.start - y.start);
  // "Norwegian Coastal Fishers' Union": a name before a plural possessive joins the organisation after it (or the
  // organisation word the recogniser left out after it: the article also writes "the union's").
  for (let k = 0; k < out.length && budget > 0; k++) {
    const a = out[k]!;
    if (a.type === 'PER') continue;
    const mark = words[a.end];
    const pluralPossessive = mark === "'" && /s$/.test(words[a.end - 1]!);
    const b = out[k + 1];
    if (pluralPossessive && (!b || b.start > a.end + 1) && isCapWord(words[a.end + 1]) && MISC_ORG_HEAD.test(words[a.end + 1]!)) {
      out.splice(k, 1, ctxSpan(a.start, a.end + 2, 'ORG', undefined));
      budget--;
      continue;
    }
    if (!b) continue;
    // (the organisation word alone may come out as miscellaneous: "Norwegian Coastal Fishers" + "'" + "Union")
    const headOnly = b.end - b.start === 1 && MISC_ORG_HEAD.test(words[b.start]!);
    if (b.start !== a.end + 1 || (b.type !== 'ORG' && !headOnly)) continue;
    const possessiveHead = (mark === "'s" || mark === "'") && (a.type === 'MISC' || headOnly);
    if (!pluralPossessive && !possessiveHead) continue;
    out.splice(k, 2, ctxSpan(a.start, b.end, 'ORG', undefined));
    budget--;
    k--;
  }
  // "Italian Liberal Party" read as a nationality then an organisation: the nationality is part of the name
  // (so CoNLL writes it, about seven times in eight).
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    if (a.type !== 'MISC' || a.end - a.start !== 1 || b.start !== a.end || b.type !== 'ORG' || !/^\p{Lu}\p{Ll}+$/u.test(words[a.start]!) || !looksLikeDemonym(words[a.start]!)) continue;
    // A sentence's first word is capitalised anyway ("Veteran Labour MP …"): left as it is (so after a
    // quotation mark or a bracket).
    if (a.start === 0 || !/^\p{L}/u.test(words[a.start - 1]!)) continue;
    // An initialism keeps its nationality apart ("Polish SPC", "Palestinian U.N."), and so does a person taken
    // for an organisation ("Argentine Guillermo Coria").
    const first = words[b.start]!;
    // ("Croatian Christian Democratic Union" is one name: it ends in an organisation word)
    if (/^[\p{Lu}.&]+$/u.test(first) || (b.end - b.start > 1 && isFirstName(first) && !ORG_SUFFIX.test(words[b.end - 1]!))) continue;
    out.splice(k, 2, ctxSpan(a.start, b.end, 'ORG', Math.min(a.margin ?? Infinity, b.margin ?? Infinity)));
  }
  foreignOrganisations(words, out, ctxSpan);
  joinBodyAndCause(words, out, ctxSpan);
  organisationsOfSomething(words, out, ctxSpan, (w) => lexicalType(w) === 'place');
  alignListTypes(words, out);
  for (const sp of out) {
    // "Via Harbour Wire": a credit's "Via" is not part of the name
    if (words[sp.start] === 'Via' && sp.end - sp.start > 1 && sp.type === 'ORG') sp.start++;
    // "the North Sea", "the North-East Atlantic", "the South China Sea": a compass point and a sea is a place
    // (whatever the tagger made of it; "Virgin Atlantic" starts with no compass point)
    if (sp.end - sp.start > 1 && COMPASS.test(words[sp.start]!) && SEAS.test(words[sp.end - 1]!)) sp.type = 'LOC';
  }
  // "Scottish Pelagic Fishermen's Association" tagged as miscellaneous: an organisation.
  // So is one ending in a word only organisations' names end in ("Kissinger Associates"; not League: sports
  // leagues are other names, as CoNLL writes them).
  for (const s of out) if (s.type === 'MISC' && s.end - s.start > 1 && (MISC_ORG_HEAD.test(words[s.end - 1]!) || (ORG_SUFFIX.test(words[s.end - 1]!) && words[s.end - 1] !== 'League'))) s.type = 'ORG';
  dropNonNames(words, out);
  return out;
}

const MAX_REPAIRS = 64;

const COMPASS = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|North-East|North-West|South-East|South-West|Northeast|Northwest|Southeast|Southwest)$/;
const SEAS = /^(?:Sea|Seas|Ocean|Atlantic|Pacific|Arctic|Gulf|Strait|Straits|Channel|Passage|Basin|Shelf)$/;


const MISC_ORG_HEAD = /^(?:Association|Union|Institute|Institution|Council|Committee|Commission|Agency|Federation|Ministry|Authority|Party|Bank|Company|Corporation|Group|Foundation|Society|Alliance|Front|Movement|Congress|Coalition|Mission|Trust|Democrats|Socialists|Liberals|Conservatives|Republicans|Greens|Administration|Directorate|Inspectorate|Secretariat)$/;

/** What a span's neighbours show of its type (one of the shared values below: one object shape). */
export type SpanEvidence = Readonly<Pick<CtxSpan, 'evidence' | 'weakPlace' | 'weakOrg'>>;

const evidenceOf = (evidence: EntityType | undefined, weakPlace: boolean, weakOrg: boolean): SpanEvidence => ({ evidence, weakPlace, weakOrg });
export const EV_NONE = evidenceOf(undefined, false, false);
export const EV_PERSON = evidenceOf('person', false, false);
const EV_ORG = evidenceOf('organization', false, false);
export const EV_WEAK_PLACE = evidenceOf(undefined, true, false);
const EV_WEAK_ORG = evidenceOf(undefined, false, true);

/**
 * Type evidence for the span [s, e) of a sentence from its neighbours. `type` is the recogniser's type.
 */
export function spanEvidence(words: readonly string[], s: number, e: number, type: EntityType): SpanEvidence {
  const r = contextEvidence(words, s, e, type);
  // A name the training data knows as a place keeps it against an apposition or a relative clause that may
  // belong to the next clause ("run out of London, the mayor of Frankfurt said"; "Chile, the biggest copper
  // producer"; "Russia, which …").
  if (r.evidence && r.evidence !== 'place' && words[e] === ',' && e - s === 1 && lexicalType(words[s]!) === 'place') return EV_NONE;
  return r;
}

function contextEvidence(words: readonly string[], s: number, e: number, type: EntityType): SpanEvidence {
  const prev = s > 0 ? words[s - 1]! : '';
  const lprev = prev.toLowerCase();
  // The agency in a dateline: "OSLO, March 4. /NORDWIRE/."
  if (prev === '/' && words[e] === '/') return EV_ORG;
  // A descriptor before the name: "environmental group Clean Fjords", "the operator Fjordline Express".
  // ("the firm Jones joined": a relative clause, not a descriptor)
  const relative = isLowerWord(words[e]) && /ed$/.test(words[e]!);
  if (isLowerWord(prev) && isOrgNoun(prev) && !relative) return EV_ORG;
  // … and the second of a pair after a plural one: "the ferry operators Skarvik and Nordlink"
  if (lprev === 'and' && s >= 3 && isCapWord(words[s - 2]) && isLowerWord(words[s - 3]) && words[s - 3]!.endsWith('s') && isOrgNoun(words[s - 3]!) && !relative) return EV_ORG;
  // ("official Bank of England figures": an adjective before an organisation's name)
  if (isLowerWord(prev) && PERSON_NOUNS.has(prev) && type !== 'place' && !ORG_SUFFIX.test(words[e - 1]!)) return EV_PERSON;
  // An apposition after the name: "Enova, the state energy agency", "X, the company's technical director".
  if (words[e] === ',') {
    const first = words[e + 1];
    if (first === 'who') return type === 'person' ? EV_PERSON : EV_NONE;
    if (first === 'which' && type === 'person') return EV_ORG;
    const head = appositionHead(words, e + 1);
    if (head && ORG_NOUNS.has(head)) return EV_ORG;
    if (head && PERSON_NOUNS.has(head) && type !== 'place') return EV_PERSON;
  }
  // A firm's people or a firm speaking of itself: "a Vodafone spokesman", "Vodafone said it would …"
  const c0 = words[e]?.charCodeAt(0) ?? 0;
  if (type === 'person' && e - s <= 2 && c0 >= 97 && c0 <= 122) {
    const next = words[e]!;
    // (and "Nordlink president", "Kelmsby council leader": a name right before a job title in lower case is the employer)
    if (ORG_PEOPLE.has(next) || (isTitleHead(next) && isLowerWord(words[e])) || (SAID.has(next) && (words[e + 1] === 'it' || words[e + 1] === 'its'))) return EV_WEAK_ORG;
  }
  // Places: "a yard in Hardanger", "between Stavanger and Tau", "calls to Stavanger and Ålesund".
  if (e - s === 1 && type === 'person') {
    if (PLACE_PREPS.has(lprev) && isLowerWord(prev)) return EV_WEAK_PLACE;
    // the second of a pair after a place preposition: "between Stavanger and Tau"
    if ((lprev === 'and' || lprev === 'or') && s >= 3 && isCapWord(words[s - 2]) && (PLACE_PREPS.has(words[s - 3]!) || words[s - 3] === 'to')) return EV_WEAK_PLACE;
    // the first of such a pair: "to Stavanger and Ålesund"
    if (lprev === 'to' && (words[e] === 'and' || words[e] === 'or') && isCapWord(words[e + 1]) && !isCapWord(words[e + 2])) return EV_WEAK_PLACE;
  }
  return EV_NONE;
}

/** A common noun for an organisation, or its plural ("operator", "operators"). */
function isOrgNoun(w: string): boolean {
  return ORG_NOUNS.has(w) || (w.endsWith('s') && ORG_NOUNS.has(w.slice(0, -1)));
}

/** Head noun of an apposition starting at word k ("the state energy agency" → "agency"), or null. */
function appositionHead(words: readonly string[], k: number): string | null {
  let i = k;
  const w0 = words[i];
  if (!w0) return null;
  // must open like a noun phrase: a determiner, a possessor ("Norway's", "the company's"), or a lower-case noun
  // (not a clause: "playing for Wales, but it never enters your head …")
  if (!DETS.has(w0) && !(isCapWord(w0) && words[i + 1] === "'s") && !isLowerWord(w0)) return null;
  if (CLAUSE_OPENERS.has(w0)) return null;
  let head: string | null = null;
  for (let n = 0; n < 8 && i < words.length; n++, i++) {
    const w = words[i]!;
    if (NP_END.has(w)) break;
    if (w === "'s" || w === "'") {
      head = null; // "the company's technical director": the possessor is not the head
      continue;
    }
    if (DETS.has(w) && n === 0) continue;
    if (isLowerWord(w)) head = w;
    else if (/^\d/.test(w) || isCapWord(w)) head = null;
    else return null;
  }
  return head;
}

/**
 * Two capitalised words the recogniser left untagged (or called one miscellaneous name), followed by an
 * apposition that describes a person ("Theresa May, shadow secretary for the family, told …": "May" is a month
 * and a verb, so the recogniser said nothing, or only "Theresa"). `covered[i]` marks words inside the recogniser's `spans`. Returns person
 * spans, which replace the spans they overlap.
 */
export function appositivePersons(words: readonly string[], covered: Uint8Array, spans: readonly CtxSpan[], lowerForms: ReadonlySet<string>): CtxSpan[] {
  const out: CtxSpan[] = [];
  for (let i = 0; i + 3 < words.length && out.length < MAX_REPAIRS; i++) {
    if (words[i + 2] !== ',') continue;
    // or the two words are one name the recogniser called miscellaneous, as it does now and then for a name
    // it does not know that opens a clause ("…,” Fyodor Lukyanov, head of the council, said)
    const misc = spans.some((sp) => sp.start === i && sp.end === i + 2 && sp.type === 'MISC');
    if (covered[i + 1] && !misc) continue;
    // the first name alone may be the recogniser's ("Theresa" tagged, "May" not)
    if (covered[i] && !misc && !spans.some((sp) => sp.start === i && sp.end === i + 1 && sp.type === 'PER')) continue;
    const a = words[i]!;
    const b = words[i + 1]!;
    if (!/^\p{Lu}\p{Ll}+$/u.test(a) || !/^\p{Lu}[\p{Ll}'’-]+$/u.test(b) || isCapWord(words[i - 1]) || lowerForms.has(a.toLowerCase())) continue;
    const head = appositionHead(words, i + 3);
    // (the apposition itself gives the person evidence later, in spanEvidence)
    if (head && PERSON_NOUNS.has(head)) out.push(ctxSpan(i, i + 2, 'PER', undefined));
  }
  return out;
}

/**
 * Capitalised one-word names in a pair after "between" that the recogniser left out or called miscellaneous
 * ("between Stavanger and Tau", not "between July and September"): token index ranges, as weak places.
 */
export function betweenPairs(words: readonly string[], spans: readonly CtxSpan[]): CtxSpan[] {
  const out: CtxSpan[] = [];
  for (let i = 0; i + 4 <= words.length && out.length < MAX_REPAIRS; i++) {
    if (words[i] !== 'between' || (words[i + 2] !== 'and' && words[i + 2] !== 'or')) continue;
    for (const k of [i + 1, i + 3]) {
      if (!isCapWord(words[k]) || isCapWord(words[k + 1]) || words[k + 1] === "'s" || MONTHS.test(words[k]!)) continue;
      const sp = spans.find((s) => s.start <= k && k < s.end);
      if (sp && sp.type !== 'MISC') continue;
      if (sp && sp.end - sp.start !== 1) continue;
      out.push(ctxSpan(k, k + 1, 'LOC', undefined, { weakPlace: true }));
    }
  }
  return out;
}

/** How far the training data's view of a word must lead the next type to count (in perceptron score units). */
const LEXICAL_MARGIN = 1.5;

/**
 * The type the recogniser's training data gives a word form on its own (its identity features, no context),
 * when one type clearly leads: "Oslo" and "Moscow" are places, "Labour" an organisation. Null for a word it
 * never saw or has no clear view of. `misc` is a nationality, an event, a language ("Briton", "German").
 */
export function lexicalType(w: string): EntityType | 'misc' | null {
  let t = lexicalMemo.get(w);
  if (t === undefined) {
    const l = lexicalScores(w);
    let best = -1;
    let top = -Infinity;
    let second = -Infinity;
    for (let k = 0; k < 4; k++) {
      const v = l[LEXICAL_LABELS[k]!]!;
      if (v > top) {
        second = top;
        top = v;
        best = k;
      } else if (v > second) second = v;
    }
    t = top - second >= LEXICAL_MARGIN && top > 0 ? LEXICAL_TYPES[best]! : null;
    if (lexicalMemo.size >= 100_000) lexicalMemo.clear();
    lexicalMemo.set(w, t);
  }
  return t;
}

/** B- label indices of PER, ORG, LOC, MISC in the recogniser's label list, and what they mean here. */
const LEXICAL_LABELS = [1, 3, 5, 7];
const LEXICAL_TYPES: (EntityType | 'misc')[] = ['person', 'organization', 'place', 'misc'];
const lexicalMemo = new Map<string, EntityType | 'misc' | null>();
// (what a word's type is depends on the model: the trainer scores several in one process)
onModelChange(() => lexicalMemo.clear());

/**
 * The type of the words before a job title ("Labour" in "Labour MP Diane Abbott", "New York" in "New York
 * Attorney General …", "Salford" in "Salford MP"), or null when they are not a name: words the article also
 * writes in lower case ("Police Chief"), a nationality ("Scottish Secretary"), "Ex-Labour". `spanType` is the
 * recogniser's type of the whole span; a person's type never passes to what stands before the title.
 */
export function prefixType(words: readonly string[], spanType: EntityType, lowerForms: ReadonlySet<string>): EntityType | null {
  if (words.length === 0 || words.every((w) => lowerForms.has(w.toLowerCase()) || !/\p{Lu}/u.test(w))) return null;
  if (/^ex-/i.test(words[0]!)) return null;
  const last = words[words.length - 1]!;
  if (looksLikeDemonym(last)) return null;
  const lex = lexicalType(last);
  if (lex === 'place' || lex === 'organization') return lex;
  if (lex === 'misc') return null;
  return spanType === 'person' ? null : spanType;
}
