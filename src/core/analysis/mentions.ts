/**
 * Raw named-entity mentions of an article: the recogniser's spans per sentence, repaired and typed from their
 * context (titles split off, honorifics, appositions, "Mr X" the recogniser missed), then revised with what the
 * whole article shows (MentionCollector). "US-Russia" split into two places: placeCompounds.ts.
 * Kept apart from analyzeArticle so that function stays small for the optimising compiler.
 */
import type { Token } from './tokenize';
import type { DocEvidence } from './ner/features';
import { tagSentence, type NerType } from './ner/perceptron';
import { HONORIFICS, isHonorificBefore, isInstitution, normKey, ORG_SUFFIX, rawMention, type RawMention } from './entities';
import { dropPluralGroups } from './demonyms';
import { tokenAt } from './attribution';
import { appositivePersons, betweenPairs, EV_PERSON, EV_WEAK_PLACE, lexicalType, prefixType, repairSpans, spanEvidence, withBounds, type CtxSpan } from './nameContext';
import { isStateTitle, isTitleHead, isTitleWord, splitTitle } from './titles';
import { isFirstName } from '../people/gender';
import { clusterOf } from './ner/clusters';
import { eventNameEnd, isHolidayName, isVesselName, voteNameRange, workTitleStart } from './otherNames';
import { BODY_AFTER_NAME, isPersonWithPlaceSurname, ORG_THING_HEADS, PLACE_HEADS, THING_HEADS, nameHead } from './nameHeads';
import type { EntityType, Span } from './types';

const TYPE_OF: Record<NerType, EntityType | null> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: null };

const PERSON_TITLES = new Set([
  'president', 'vice-president', 'senator', 'sen.', 'governor', 'gov.', 'rep.', 'representative', 'congressman', 'congresswoman', 'minister', 'chancellor',
  'premier', 'mayor', 'judge', 'justice', 'general', 'gen.', 'speaker', 'secretary', 'chairman', 'chairwoman', 'ambassador', 'commissioner', 'coach',
  'captain', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'professor', 'prof.', 'bishop', 'archbishop', 'cardinal', 'inspector', 'detective',
  'sergeant', 'officer', 'lieutenant', 'colonel', 'major', 'admiral', 'president-elect', 'del.', 'dr', 'dr.',
]);

/** Capitalised words that precede names without being first names. */
const NOT_FIRST_NAMES = new Set([
  'president', 'senator', 'governor', 'minister', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'general', 'judge', 'justice', 'mayor',
  'speaker', 'secretary', 'chairman', 'chief', 'coach', 'captain', 'leader', 'spokesman', 'ambassador', 'commissioner', 'director', 'professor', 'bishop', 'father',
  'sister', 'brother', 'saint', 'st', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'but', 'and', 'when', 'while', 'if', 'as', 'after', 'before', 'the', 'in', 'on', 'at',
  'with', 'for', 'by', 'from', 'to', 'of', 'says', 'said', 'told', 'asked', 'added', 'warned', 'under', 'against', 'than', 'like', 'about', 'since', 'until',
]);

/**
 * Below this margin (TokenSpan.margin: the recogniser's lead of its label over the next best, in score units)
 * a name the context does not settle is shown as uncertain. Set on CoNLL-2003 testa (docs/analysis.md): the
 * recogniser's spans below it (6.5% of them) are right 44% of the time, those above it 93%.
 */
export const UNSURE_MARGIN = 4;

/** Verbs right after a name that show it is a person's ("Tau said" would be a person). */
const PERSON_CUES = new Set(['said', 'says', 'told', 'added', 'wrote', 'who']);

/**
 * Collects the raw mentions of an article sentence by sentence (the recogniser's spans, repaired and typed
 * from their context), then revises them with what the whole article shows. Kept apart from analyzeArticle
 * so that function stays small for the optimising compiler.
 */
export class MentionCollector {
  readonly raw: RawMention[] = [];
  /** Other proper names (products, events, works, nationalities: the recogniser's MISC), kept out of entities. */
  readonly other: Span[] = [];
  /** Titles of works the article introduced with a word for one ("the film Sideways"), by normKey (no leading "the") */
  private readonly works = new Set<string>();
  private readonly weakPlaces: RawMention[] = [];
  private readonly weakOrgs: RawMention[] = [];
  /** Lower-cased name words the article uses of people: full names, "Mr X", "Secretary X", "X, who …". */
  private readonly namedPerson = new Set<string>();
  /** The same, plus names followed by a speech verb ("X said"), which capitals standing for governments share. */
  private readonly personEvidence = new Set<string>();
  /** Transcript labels: a word in capitals opening a sentence before a colon ("WALLACE: …"), with its count. */
  private readonly labels = new Map<string, number>();
  private readonly knownPerson = (w: string): boolean => this.namedPerson.has(w.toLowerCase());

  constructor(
    private readonly tokens: readonly Token[],
    private readonly masked: string,
    private readonly ev: DocEvidence,
  ) {}

  /**
   * The mentions of one sentence: its normalised words, starting at token index `base`. (Its steps are methods of
   * their own: the optimising compiler recompiles a function whenever a branch it has not seen turns up.)
   */
  sentence(words: readonly string[], base: number): void {
    const { spans, covered } = this.sentenceSpans(words);
    const free = (i: number): boolean => i < words.length && !covered[i];
    for (const sp0 of spans) this.spanMention(words, base, sp0, spans, covered, free);
    this.missedOrganisations(words, base, covered);
    this.missedHonorifics(words, base, covered);
  }

  /** The recogniser's spans of a sentence, repaired, with the words they cover (and transcript labels noted). */
  private sentenceSpans(words: readonly string[]): { spans: CtxSpan[]; covered: Uint8Array } {
    const repaired = repairSpans(words, tagSentence(words, this.ev));
    const pairs = betweenPairs(words, repaired);
    let spans = pairs.length === 0 ? repaired : [...repaired.filter((r) => !pairs.some((p) => p.start === r.start)), ...pairs].sort((a, b) => a.start - b.start);
    const covered = new Uint8Array(words.length);
    for (const sp of spans) covered.fill(1, sp.start, sp.end);
    // "Theresa May, shadow secretary for the family, …": a name the recogniser missed, shown by its apposition
    const appositives = words.indexOf(',', 2) > 0 ? appositivePersons(words, covered, spans, this.ev.lower) : NO_SPANS;
    if (appositives.length > 0) {
      for (const sp of appositives) covered.fill(1, sp.start, sp.end);
      spans = [...spans.filter((r) => !appositives.some((p) => p.start < r.end && r.start < p.end)), ...appositives].sort((a, b) => a.start - b.start);
    }
    const l0 = words[0] === '"' ? 1 : 0;
    if (words[l0 + 1] === ':' && /^\p{Lu}{2,}$/u.test(words[l0]!)) this.labels.set(words[l0]!, (this.labels.get(words[l0]!) ?? 0) + 1);
    return { spans, covered };
  }

  /** The mention a span makes, if any, with its evidence. */
  private spanMention(words: readonly string[], base: number, sp0: CtxSpan, spans: readonly CtxSpan[], covered: Uint8Array, free: (i: number) => boolean): void {
    let sp: CtxSpan = sp0;
    // A first name the recogniser left out ("Fyodor Lukyanov" tagged as "Lukyanov"): a capitalised word
    // right before a one-word person, not a title, never written in lower case in this article.
    if (sp.type === 'PER' && sp.end - sp.start === 1 && sp.start > 0 && !covered[sp.start - 1]) {
      const w = words[sp.start - 1]!;
      // At a sentence's start any word has a capital: a word news writes in lower case ("Apparently Hitzig",
      // "What Hitzig") is no first name (the word classes hold the words seen often in unlabeled news).
      const lw = w.toLowerCase();
      const opening = sp.start - 1 === 0 || !/^\p{L}/u.test(words[sp.start - 2]!);
      const commonWord = opening && !isFirstName(lw) && clusterOf(lw) !== 'u';
      if (!commonWord && /^\p{Lu}\p{Ll}+$/u.test(w) && !this.ev.lower.has(lw) && !HONORIFICS.has(lw) && !NOT_FIRST_NAMES.has(lw) && !isTitleWord(w)) {
        sp = withBounds(sp, sp.start - 1, sp.end);
        covered[sp.start] = 1;
      }
    }
    let type = TYPE_OF[sp.type];
    let s = sp.start;
    let e = sp.end;
    // Drop a trailing possessive / punctuation.
    while (e > s && (/^['’]s$/i.test(words[e - 1]!) || !/[\p{L}\p{N}]/u.test(words[e - 1]!))) e--;
    while (s < e && !/[\p{L}\p{N}]/u.test(words[s]!)) s++;
    if (e <= s) return;
    // "Tiananmen Square", "Heathrow Airport" taken for a work or an event: a landmark is a place
    if (!type && e - s >= 2 && PLACE_HEADS.test(words[e - 1]!)) type = 'place';
    // ships, craft and events are other names ("HMS Valiant", "the Iraq War")
    const eventEnd = eventNameEnd(words, s, e);
    // "the 1997 United Kingdom general election": the vote is an event, the place in it no mention of its own
    const vote = voteNameRange(words, s, e);
    if (vote) {
      const start = this.tokens[base + vote[0]]!.start;
      if (this.other.length === 0 || this.other[this.other.length - 1]!.start !== start) this.other.push({ start, end: this.tokens[base + vote[1] - 1]!.end });
      return;
    }
    const work = workTitleStart(words, s);
    if (work >= 0) this.works.add(normKey(words.slice(work, Math.max(e, eventEnd)).join(' ')));
    if (!type || eventEnd > 0 || work >= 0 || isVesselName(words, s, e) || isHolidayName(words, s, e)) {
      this.other.push({ start: this.tokens[base + (work >= 0 ? work : s)]!.start, end: this.tokens[base + Math.max(e, eventEnd) - 1]!.end });
      return;
    }
    // "Sir Digby", "Mr Castellow": a name after an honorific is a person's, whatever the recogniser guessed
    if (type !== 'person' && e - s <= 3) {
      const hon = s > 0 && HONORIFICS.has(words[s - 1]!.toLowerCase()) ? words[s - 1]! : e - s >= 2 && isHonorificBefore(words[s]!, words[s + 1]) ? words[s]! : '';
      if (/^\p{Lu}\p{Ll}/u.test(hon)) type = 'person';
    }
    // Job titles are not names: "Trade Secretary Patricia Hewitt" is a person, "Labour MP" the party
    // Labour, "Health Secretary" nobody ("Mr"/"Sir" before the span: a name, whatever it looks like).
    let titled = false;
    const split = s > 0 && HONORIFICS.has(words[s - 1]!.toLowerCase()) ? null : splitTitle(words, s, e, type === 'person', this.knownPerson, free);
    if (split) {
      if (split.prefix) {
        const [ps, pe] = split.prefix;
        // (before an abbreviated US title, a name the training data does not know is a state: "Kelmsby Sen. X")
        const pt = prefixType(words.slice(ps, pe), isStateTitle(words[pe]) ? 'place' : type, this.ev.lower);
        if (pt) {
          const pm = pushMention(this.raw, this.masked, this.tokens, base + ps, base + pe, pt);
          if (pm) pm.weak = true;
        }
      }
      if (!split.name) return;
      s = split.name[0];
      if (split.name[1] > e) covered.fill(1, e, split.name[1]);
      e = split.name[1];
      type = 'person';
      titled = true;
    }
    // Titles are not part of a name: "Mayor Ingrid Halvorsen" → "Ingrid Halvorsen".
    while (type === 'person' && e - s > 1 && PERSON_TITLES.has(words[s]!.toLowerCase())) s++;
    if (e <= s) return;
    const nameWords = words.slice(s, e).filter((w, i) => !isHonorificBefore(w, words[s + i + 1]));
    if (!nameWords.some((w) => /\p{Lu}/u.test(w))) return;
    const honorific = type === 'person' && s > 0 && HONORIFICS.has(words[s - 1]!.toLowerCase());
    if (honorific) s--;
    const m = pushMention(this.raw, this.masked, this.tokens, base + s, base + e, type);
    if (!m) return;
    if (sp.margin !== undefined) m.margin = sp.margin;
    // "Mr Castellow" and "Secretary Castellow" are people whatever the recogniser makes of "Castellow" elsewhere
    const ctx = honorific || titled ? EV_PERSON : sp.weakPlace ? EV_WEAK_PLACE : spanEvidence(words, s, e, type);
    if (ctx.evidence) m.evidence = ctx.evidence;
    // "called Vorenko a 'dictator' and blamed him": a one-word name the training data never saw, followed soon in
    // its sentence by a personal pronoun and no other person, is that person
    else if (type !== 'person' && e - s === 1 && lexicalType(words[s]!) === null && pronounFollows(words, e, spans)) m.evidence = 'person';
    // "the Kelmsby MP", "Nordlink president …": a name right before a title is a place or an employer, a guess
    // that takes the type of the name's other mentions
    else if (type !== 'person' && e - s <= 2 && e < words.length && isTitleHead(words[e]!)) m.weak = true;
    // the recogniser hesitated and nothing around the name settles it
    else if (sp.margin !== undefined && sp.margin < UNSURE_MARGIN) m.unsure = true;
    if (ctx.weakPlace) this.weakPlaces.push(m);
    if (ctx.weakOrg) this.weakOrgs.push(m);
    if (type === 'person' && (e - s > 1 || (s > 0 && (HONORIFICS.has(words[s - 1]!.toLowerCase()) || PERSON_TITLES.has(words[s - 1]!.toLowerCase()))))) {
      for (const w of m.words) this.namedPerson.add(w.toLowerCase());
    }
    if (ctx.evidence === 'person') for (const w of m.words) this.namedPerson.add(w.toLowerCase());
    if (type === 'person' && PERSON_CUES.has(words[e] ?? '')) for (const w of m.words) this.personEvidence.add(w.toLowerCase());
  }

  private missedOrganisations(words: readonly string[], base: number, covered: Uint8Array): void {
    // "at the Brookings Institution" the recogniser missed: capitalised words ending in an organisation word
    for (let i = 1; i < words.length; i++) {
      const c0 = words[i]!.charCodeAt(0);
      if (covered[i] || c0 < 65 || c0 > 90 || !ORG_SUFFIX.test(words[i]!)) continue;
      let s = i;
      while (s > 0 && i - s < 4 && !covered[s - 1] && /^\p{Lu}\p{Ll}/u.test(words[s - 1]!) && !HONORIFICS.has(words[s - 1]!.toLowerCase())) s--;
      if (s === i || s === 0 || words[s - 1] !== 'the') continue;
      const m = pushMention(this.raw, this.masked, this.tokens, base + s, base + i + 1, 'organization');
      if (m) m.evidence = 'organization';
      covered.fill(1, s, i + 1);
    }
  }

  private missedHonorifics(words: readonly string[], base: number, covered: Uint8Array): void {
    // "Mr X" the recogniser missed.
    for (let i = 0; i + 1 < words.length; i++) {
      const w0 = words[i]!;
      const c0 = w0.charCodeAt(0);
      // honorifics all start with one of D L M P S (Dr, Lord, Lady, Mr, Mrs, Ms, Miss, Prof, Sir)
      if (c0 !== 68 && c0 !== 76 && c0 !== 77 && c0 !== 80 && c0 !== 83) continue;
      if (w0.length > 5 || !HONORIFICS.has(w0.toLowerCase()) || covered[i + 1]) continue;
      let e = i + 1;
      while (e < words.length && /^\p{Lu}[\p{L}'’-]+$/u.test(words[e]!) && !covered[e] && e < i + 4) e++;
      if (e > i + 1) {
        const m = pushMention(this.raw, this.masked, this.tokens, base + i, base + e, 'person');
        if (m) {
          m.evidence = 'person';
          for (const w of m.words) this.namedPerson.add(w.toLowerCase());
        }
      }
    }
  }

  /** Moves raw[k] from the entity mentions to the other names. */
  private setApart(raw: RawMention[], k: number): void {
    const [m] = raw.splice(k, 1);
    this.other.push({ start: m!.start, end: m!.end });
  }

  /** Revisions over the whole article; returns the mentions. */
  finish(dateline: readonly [place: Span | null, agency: Span | null], limit: number): RawMention[] {
    const raw = this.raw;
    const tokens = this.tokens;
    for (const w of this.namedPerson) this.personEvidence.add(w);
    // "PolitiFact", "WikiLeaks", "SoundCloud": a capital inside a word after three small letters is a brand's,
    // never a person's ("McDonald", "DeSantis", "MacArthur" have fewer)
    for (const m of raw) if (m.type === 'person' && !m.evidence && m.words.length === 1 && /^\p{Lu}\p{Ll}{3,}\p{Lu}\p{Ll}/u.test(m.words[0]!)) m.evidence = 'organization';
    // "“Beautiful Lie”", "“Shark Tank”": a name in a short quotation written as a title is one (a song, a book, a
    // show), not a person or a place
    for (let k = raw.length - 1; k >= 0; k--) {
      const m = raw[k]!;
      if ((m.type === 'person' || m.type === 'place') && !m.evidence && isInTitleQuote(this.masked, m.start, m.end)) this.setApart(raw, k);
    }
    // An interview transcript: the same name in capitals opens several paragraphs before a colon ("PENCE: …").
    for (const m of raw) if (!m.evidence && (this.labels.get(m.text) ?? 0) >= 2) m.evidence = 'person';
    // "in Hardanger", "between Stavanger and Tau": places, unless the article shows the name is a person's.
    // (A name the training data knows as an organisation stays one: "from Nato's actions".)
    for (const m of this.weakPlaces) if (m.words.length === 1 && !this.personEvidence.has(m.words[0]!.toLowerCase()) && lexicalType(m.words[0]!) !== 'organization') m.evidence = 'place';
    // "a Vodafone spokesman", "Vodafone said it would": an organisation, unless the article names a person so.
    for (const m of this.weakOrgs) if (!m.words.some((w) => this.namedPerson.has(w.toLowerCase())) && lexicalType(m.words[m.words.length - 1]!) !== 'place') m.evidence = 'organization';
    // "Oslo rejected the offer", "Moscow said": a capital standing for its government. The recogniser hesitantly
    // reads a person into the verb; a one-word name that its training data knows as a place, which the article
    // never uses as a person's name (no first name, honorific or title), is the place. A first name the
    // recogniser is sure is a person stays one ("Carlos said", "Stan believes": also words of place names).
    // The same for a capital the recogniser hesitantly took for an organisation ("officials said Helsinki agreed").
    for (const m of raw) {
      if ((m.type !== 'person' && !(m.type === 'organization' && m.unsure)) || m.evidence || m.words.length !== 1 || m.text !== m.words[0]) continue;
      const w = m.words[0]!;
      if (m.type === 'person' && (m.margin ?? 0) >= UNSURE_MARGIN && isFirstName(w.toLowerCase())) continue;
      if (!this.namedPerson.has(w.toLowerCase()) && lexicalType(w) === 'place') m.evidence = 'place';
    }
    // "the New York property mogul", "a Hong Kong tycoon": a place's name of two or three words, each a word of
    // place names, that the recogniser took without conviction for an organisation before a common noun.
    for (const m of raw) {
      if (m.type !== 'organization' || m.evidence || m.words.length < 2 || m.words.length > 3 || (m.margin ?? Infinity) >= 2 * UNSURE_MARGIN) continue;
      const at = tokenAt(tokens, m.start);
      const next = tokens[tokenAt(tokens, m.end)];
      if (!next || !/^\p{Ll}/u.test(next.text) || next.start - m.end > 1) continue;
      // after an article or a possessive: "the New York property mogul", "her New York victory speech", not a club in
      // sports copy ("Los Angeles pitcher")
      if (at === 0 || !/^(?:the|a|an|his|her|their|its|our|my|among)$/i.test(tokens[at - 1]!.text)) continue;
      if (m.words.every((x) => lexicalType(x) === 'place')) m.evidence = 'place';
    }
    dropPluralGroups(raw, tokens, this.namedPerson, (w) => lexicalType(w) === 'misc');
    // "the film Sideways … Sideways star Paul Giamatti": a title the article introduced as a work's is one everywhere
    for (let k = raw.length - 1; k >= 0; k--) if (this.works.has(normKey(raw[k]!.text))) this.setApart(raw, k);
    // "Edinburgh Airport", "Hyde Park", "Boxing Day", "the Gershon Report": a name ending in a word for a place
    // or a thing is no person, unless it is a first name the training data knows and a surname ("Nick Park").
    for (let k = raw.length - 1; k >= 0; k--) {
      const m = raw[k]!;
      const last = nameHead(m.words);
      if (m.type === 'organization' && !m.evidence && m.words.length >= 2 && ORG_THING_HEADS.test(last) && !isInstitution(m.text)) {
        // "the Halvorsen Report", "the Paris Agreement": a document or an event, not the body behind it
        this.setApart(raw, k);
        continue;
      }
      // "the Custody Reporting Act" taken for a place is a document too
      if (m.type === 'place' && !m.evidence && m.words.length >= 2 && THING_HEADS.test(last)) {
        this.setApart(raw, k);
        continue;
      }
      if (m.type !== 'person' || m.evidence === 'person' || m.words.length < 2) continue;
      // "George W. Bush Presidential Center": named after a person, a body (longer than a name and one more word)
      if (m.words.length >= 4 && BODY_AFTER_NAME.test(last)) m.evidence = 'organization';
      const place = PLACE_HEADS.test(last);
      if (!place && !THING_HEADS.test(last)) continue;
      if (isPersonWithPlaceSurname(m.words, place) || isInstitution(m.text)) continue;
      if (place) m.evidence = 'place';
      else this.setApart(raw, k);
    }
    // The dateline names a place and its agency an organisation ("TROMSØ (Reuters) —", "WASHINGTON (AP) —"),
    // whatever the recogniser made of their capitals.
    pinSpan(raw, this.masked, tokens, dateline[0], 'place', limit);
    pinSpan(raw, this.masked, tokens, dateline[1], 'organization', limit);
    return raw;
  }
}

/** Makes the words of `span` one mention of `type`, in place of whatever mentions overlap it. */
function pinSpan(raw: RawMention[], masked: string, tokens: readonly Token[], span: Span | null, type: EntityType, limit: number): void {
  if (!span || span.end > limit) return;
  for (let k = raw.length - 1; k >= 0; k--) if (raw[k]!.start < span.end && span.start < raw[k]!.end) raw.splice(k, 1);
  const i0 = tokenAt(tokens, span.start);
  let i1 = i0;
  while (i1 < tokens.length && tokens[i1]!.end <= span.end) i1++;
  if (i1 > i0) {
    const m = pushMention(raw, masked, tokens, i0, i1, type);
    if (m) m.evidence = type;
  }
}

const PERSONAL = new Set(['him', 'himself', 'herself']);

/** Does a personal pronoun follow within eight words of `from`, before any other person's name or a clause break? */
function pronounFollows(words: readonly string[], from: number, spans: readonly CtxSpan[]): boolean {
  for (let i = from; i < words.length && i < from + 8; i++) {
    const w = words[i]!;
    if (w === ';' || w === ':' || w === '.') return false;
    if (spans.some((sp) => sp.type === 'PER' && sp.start === i)) return false;
    if (PERSONAL.has(w)) return true;
  }
  return false;
}

const OPENING = new Set(['"', '“', '‘']);
const CLOSING = new Set(['"', '”', '’']);

/** A quotation mark (straight or curly) or a sentence stop: where the title-quotation scan ends. */
function isQuoteOrStop(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 46 || c === 33 || c === 63 || c === 10;
}

const SMALL_TITLE_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'on', 'to', 'for', 'at', 'by', 'or', 'with', 'from']);

/**
 * Is text[start, end) inside a short quotation that reads as a title: at most six words, every one capitalised
 * but small function words ("“Cold Harbour Nights”", "“A Beautiful Lie”")?
 */
function isInTitleQuote(text: string, start: number, end: number): boolean {
  // (char codes: most names are nowhere near a quotation, and this runs for every person and place mention)
  let a = start - 1;
  while (a >= 0 && a > start - 60 && !isQuoteOrStop(text.charCodeAt(a))) a--;
  if (a < 0 || !OPENING.has(text[a]!)) return false;
  let b = end;
  while (b < text.length && b < end + 60 && !isQuoteOrStop(text.charCodeAt(b))) b++;
  if (!CLOSING.has(text[b] ?? '')) return false;
  if (a > 0 && !/[\s([]/.test(text[a - 1]!)) return false;
  const words = text.slice(a + 1, b).trim().split(/\s+/);
  if (words.length > 6) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SMALL_TITLE_WORDS.has(w)) || /^[^\p{L}\p{N}]+$/u.test(w));
}


const NO_SPANS: CtxSpan[] = [];

function pushMention(out: RawMention[], text: string, tokens: readonly Token[], s: number, e: number, type: EntityType): RawMention | null {
  const start = tokens[s]!.start;
  const end = tokens[e - 1]!.end;
  // A span across page furniture (masked out) is not one name.
  for (let i = s + 1; i < e; i++) if (tokens[i]!.start - tokens[i - 1]!.end > 3) return null;
  const words: string[] = [];
  for (let i = s; i < e; i++) {
    const w = tokens[i]!.text;
    if (isHonorificBefore(w, tokens[i + 1]?.text)) continue;
    if (/^['’]s?$/i.test(w)) {
      // "Fishermen's Association", "Fishers' Union": the possessive stays on its word
      if (words.length > 0 && i > s && tokens[i - 1]!.end === tokens[i]!.start && i + 1 < e) words[words.length - 1] += w;
      continue;
    }
    words.push(w);
  }
  const m = rawMention(start, end, text.slice(start, end), type, words);
  out.push(m);
  return m;
}
