/**
 * Attributing quotations to speakers. Rules over tokens, in order of reliability:
 *  1. right after the quote: `”, Mr Putin wrote` / `,” said Putin` / `,” Fyodor Lukyanov, head of ..., said`;
 *  2. right before it: `Putin said: “` / `Mr Trump tweeted that the US should “`;
 *  3. elsewhere in the same sentence: a cue verb and its subject, or `according to X`;
 *  4. a quote that continues an earlier one (several paragraphs, forgotten closing mark), or stands alone in
 *     its paragraph right after a quoted paragraph, keeps the previous speaker;
 *  5. a partial quote inside a sentence whose subject is a person or he/she.
 * Pronouns resolve to the most recent speaker or subject of a speech verb; descriptions ("the Russian
 * president") resolve to the person the article introduced with that title. No rule, no guess: null.
 */
import type { Token } from './tokenize';
import type { EntityIndex } from './entities';
import { HONORIFICS } from './entities';
import type { Entity } from './types';
import type { RawQuote } from './quotes';
import { isPostnominalForm, isTitleHead, isTitleWord, splitTitle } from './titles';
import { lexicalType, looksLikeDemonym } from './nameContext';

export interface Attribution {
  speaker: string | null;
  speakerId: string | null;
  cue: string | null;
}

const CUE_WORDS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding', 'write', 'writes', 'wrote', 'writing',
  'tweet', 'tweets', 'tweeted', 'tweeting', 'post', 'posted', 'state', 'states', 'stated', 'stating', 'note', 'notes', 'noted', 'noting',
  'elaborate', 'elaborated', 'explain', 'explains', 'explained', 'explaining', 'claim', 'claims', 'claimed', 'claiming', 'argue', 'argues', 'argued', 'arguing',
  'insist', 'insists', 'insisted', 'insisting', 'warn', 'warns', 'warned', 'warning', 'ask', 'asks', 'asked', 'asking', 'reply', 'replies', 'replied',
  'respond', 'responds', 'responded', 'recall', 'recalls', 'recalled', 'continue', 'continues', 'continued', 'declare', 'declares', 'declared',
  'announce', 'announces', 'announced', 'acknowledge', 'acknowledges', 'acknowledged', 'admit', 'admits', 'admitted', 'suggest', 'suggests', 'suggested',
  'describe', 'describes', 'described', 'describing', 'call', 'calls', 'called', 'calling', 'comment', 'commented', 'remark', 'remarked', 'predict', 'predicts', 'predicted',
  'conclude', 'concluded', 'urge', 'urges', 'urged', 'urging', 'stress', 'stresses', 'stressed', 'emphasise', 'emphasised', 'emphasize', 'emphasized',
  'maintain', 'maintains', 'maintained', 'promise', 'promised', 'vow', 'vows', 'vowed', 'concede', 'conceded', 'complain', 'complained', 'joke', 'joked',
  'quip', 'quipped', 'recount', 'recounted', 'testify', 'testified', 'report', 'reports', 'reported', 'announce', 'boast', 'boasted', 'charge', 'charged',
  'contend', 'contended', 'counter', 'countered', 'deny', 'denied', 'denies', 'exclaim', 'exclaimed', 'insist', 'observe', 'observed', 'point', 'pointed',
  'reiterate', 'reiterated', 'retort', 'retorted', 'shout', 'shouted', 'whisper', 'whispered', 'wonder', 'wondered', 'confirm', 'confirmed', 'confirms',
  'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'hope', 'hopes', 'hoped', 'accuse', 'accused', 'accuses', 'criticise', 'criticised', 'criticized',
  'blame', 'blamed', 'praise', 'praised', 'dismiss', 'dismissed', 'pledge', 'pledged', 'tout', 'touted', 'agree', 'agreed', 'agrees', 'lament', 'lamented',
  'mused', 'muse', 'sigh', 'sighed', 'read', 'reads', 'demand', 'demanded', 'demands', 'snapped', 'cautioned', 'echoed', 'opined', 'texted', 'emailed',
  'chimed', 'scoffed', 'yelled', 'screamed', 'cried', 'chanted', 'interjected', 'interrupted', 'objected', 'protested', 'pleaded', 'begged', 'bragged',
  'grumbled', 'groused', 'sniffed', 'marveled', 'marvelled', 'speculated', 'reckoned', 'confided', 'revealed', 'disclosed', 'confessed', 'threatened',
  'assured', 'advised', 'recommended', 'implored', 'cautions', 'warns', 'insists', 'explains', 'recalls', 'concedes', 'acknowledges', 'wrote', 'remarks', 'begin', 'began', 'went', 'goes', 'put', 'recalls', 'proclaim', 'proclaimed', 'assert', 'asserted', 'asserts', 'allege', 'alleged',
];
const CUES = new Set(CUE_WORDS);
/** Cues weak enough that we only accept them right next to a quote. */
const WEAK_CUES = new Set(['comment', 'remark', 'claim', 'reply', 'promise', 'charge', 'counter', 'vow', 'stress', 'read', 'reads', 'went', 'goes', 'put', 'call', 'calls', 'called', 'calling', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'hope', 'hopes', 'hoped', 'begin', 'began', 'continue', 'continues', 'continued', 'point', 'pointed', 'post', 'state', 'states', 'report', 'reports', 'agree', 'agreed', 'agrees', 'describe', 'describes', 'described', 'describing', 'praise', 'praised', 'blame', 'blamed', 'accuse', 'accused', 'accuses', 'dismiss', 'dismissed', 'warning', 'calling']);

const SPOKES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'statement', 'official', 'officials', 'source', 'sources', 'representative', 'release']);
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'one', 'another', 'two', 'three', 'several', 'some', 'many', 'other']);
const TITLE_WORDS = new Set([
  'president', 'president-elect', 'vice', 'prime', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'leader', 'leaders',
  'chief', 'head', 'director', 'chairman', 'chairwoman', 'chair', 'senator', 'sen.', 'rep.', 'representative', 'congressman', 'congresswoman', 'governor', 'gov.', 'mayor',
  'ambassador', 'diplomat', 'analyst', 'analysts', 'expert', 'experts', 'professor', 'scientist', 'economist', 'adviser', 'advisor', 'aide', 'aides', 'general', 'gen.',
  'commander', 'candidate', 'nominee', 'campaign', 'manager', 'executive', 'ceo', 'founder', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope',
  'foreign', 'defence', 'defense', 'state', 'finance', 'interior', 'justice', 'former', 'deputy', 'acting', 'top', 'senior', 'political', 'national', 'security',
  'white', 'house', 'press', 'communications', 'strategist', 'pollster', 'lawyer', 'attorney', 'judge', 'justice', 'coach', 'captain', 'manager', 'player', 'striker',
  'police', 'officer', 'source', 'sources', 'statement', 'researcher', 'author', 'writer', 'editor', 'columnist', 'correspondent', 'reporter', 'doctor', 'dr',
  'republican', 'democrat', 'democratic', 'party', 'member', 'members', 'group', 'spokesmen', 'boss', 'ministry', 'department', 'government', 'leadership',
  'fellow', 'partner', 'founder', 'owner', 'mr', 'mrs', 'ms', 'presidential', 'russian', 'us', 'american', 'chief', 'of', 'lady', 'first', 'rep', 'gop',
]);
const HEAD_SYNONYMS: Record<string, string[]> = {
  leader: ['president', 'premier', 'prime', 'chancellor', 'leader', 'king'],
  president: ['president', 'president-elect'],
  'president-elect': ['president-elect', 'president'],
  premier: ['premier', 'prime'],
  minister: ['minister'],
  diplomat: ['diplomat', 'secretary', 'minister', 'ambassador'],
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokeswoman: ['spokeswoman', 'spokesman', 'spokesperson'],
};
const NATIONALITY: Record<string, string> = {
  russian: 'ru', russia: 'ru', "russia's": 'ru', kremlin: 'ru', moscow: 'ru',
  us: 'us', 'u.s.': 'us', american: 'us', america: 'us', "america's": 'us', washington: 'us',
  british: 'uk', uk: 'uk', britain: 'uk', ukrainian: 'ua', ukraine: 'ua', chinese: 'cn', china: 'cn', french: 'fr', france: 'fr',
  german: 'de', germany: 'de', japanese: 'jp', japan: 'jp', "japan's": 'jp', syrian: 'sy', syria: 'sy', iranian: 'ir', iran: 'ir', israeli: 'il', israel: 'il',
  turkish: 'tr', turkey: 'tr', indian: 'in', india: 'in',
};
const ADVERBS = new Set(['also', 'later', 'then', 'previously', 'again', 'earlier', 'recently', 'once', 'had', 'has', 'have', 'would', 'will', 'was', 'is', 'has', 'just', 'even', 'still', 'further', 'today', 'yesterday', 'tonight', 'only', 'simply', 'however', 'reportedly', 'apparently', 'subsequently', 'publicly', 'privately', 'repeatedly', 'pointedly', 'flatly', 'often', 'never', 'always', 'did', 'does', 'do', 'not', 'could', 'might', 'may', 'should', 'can']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'weekend', 'night', 'morning', 'afternoon', 'evening']);
const NOT_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'but', 'and', 'in', 'on', 'at', 'the', 'a', 'an', 'it', 'this', 'that', 'there', 'as', 'if', 'when', 'while', 'after', 'before', 'for', 'so', 'yet', 'or', 'nor']);
const PREPOSITIONS = new Set(['of', 'to', 'with', 'by', 'for', 'about', 'from', 'on', 'in', 'at', 'against', 'than', 'between', 'among', 'into', 'over', 'under', 'toward', 'towards', 'like', 'visited', 'met', 'and', 'or']);

/** What someone says, after "his"/"her": "Her line: “…”", "His message was: “…”". */
const STATEMENT_NOUNS = new Set(['line', 'message', 'words', 'statement', 'reply', 'response', 'answer', 'comment', 'comments', 'verdict', 'view', 'advice', 'warning', 'argument', 'explanation', 'point', 'plea', 'promise', 'pledge', 'slogan', 'mantra', 'refrain', 'conclusion', 'assessment']);

/** Words after "X said" that end an attribution rather than start what X said ("said on Tuesday", "said to reporters"). */
const ATTRIBUTION_TAIL = new Set(['to', 'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'yesterday', 'today', 'tonight', 'last', 'this', 'earlier', 'later', 'afterwards', 'recently', 'as', 'with']);

const STARTERS = new Set([
  'according', 'following', 'during', 'however', 'though', 'although', 'with', 'without', 'all', 'more', 'most', 'after', 'before', 'also', 'many', 'some',
  'other', 'others', 'while', 'when', 'where', 'since', 'because', 'if', 'as', 'but', 'and', 'yet', 'so', 'then', 'still', 'even', 'now', 'here', 'there',
  'this', 'that', 'these', 'those', 'what', 'who', 'why', 'how', 'meanwhile', 'instead', 'indeed', 'asked', 'speaking', 'writing', 'republicans', 'democrats',
  'republican', 'democratic', 'committee', 'officials', 'critics', 'supporters', 'experts', 'analysts', 'both', 'each', 'every', 'no', 'not', 'one', 'two',
  'earlier', 'later', 'recently', 'separately', 'previously', 'last', 'next', 'first', 'finally', 'currently', 'today', 'yesterday', 'tomorrow', 'elsewhere',
  'overall', 'again', 'once', 'soon', 'already', 'thus', 'hence', 'otherwise', 'nevertheless', 'nonetheless', 'besides', 'moreover', 'furthermore', 'ultimately',
]);

const TITLE_PREFIX = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Rep|Sen|Gov|Del|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Hon|Pres|Supt|Insp|Det)\.?|President|Senator|Governor|Representative|Congressman|Congresswoman|Speaker|Chairman|Chairwoman|Secretary|Minister|Mayor|Judge|Justice|General|Ambassador|Chancellor|Premier|King|Queen|Prince|Princess|Pope|Leader|Chief)\s+/;

/** "Rep. Gwen Moore" → "Gwen Moore"; "House Speaker Paul Ryan" stays as the recogniser found it. */
export function stripTitles(s: string): string {
  let out = s;
  for (let i = 0; i < 4; i++) {
    const m = TITLE_PREFIX.exec(out);
    if (!m || m[0].length >= out.length) break;
    out = out.slice(m[0].length);
  }
  return out;
}

function normKeyLoose(s: string): string {
  return s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
}

function lc(t: Token | undefined): string {
  return t ? t.text.toLowerCase().replace(/’/g, "'") : '';
}

function isCap(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

function isPunct(t: Token): boolean {
  return !/[\p{L}\p{N}]/u.test(t.text);
}

interface NP {
  start: number; // token index
  end: number; // exclusive
  kind: 'name' | 'pronoun' | 'description';
  /** Name words (without honorific/titles) for kind name. */
  name: string;
  pronoun: string;
  words: string[]; // lower-cased words of the whole NP
  /** For a name after a possessive, the whole run ("Scottish Fishermen's Association" for "Association"). */
  fullName?: string;
  /** A description made of a nationality ("the American"). */
  demonym?: boolean;
}

/** Lower-case particles inside personal names. */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'del', 'della', 'dos', 'das', 'ter', 'ten', 'bin', 'al', 'ibn', 'af']);

export interface SpeakerContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Token index ranges of blocks (paragraphs). */
  readonly blockOfToken: Int32Array;
  readonly entities: EntityIndex;
  /** Quote ranges (between marks, inclusive of marks) for "is this token quoted?". */
  readonly quoted: Uint8Array;
}

/** Index of the first element (sorted by pos) whose pos is at or after p. */
function lowerBound(arr: readonly { pos: number }[], p: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]!.pos < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Of the elements (sorted by pos) with the greatest pos before p, the first one; undefined if none. */
function firstOfLast<T extends { pos: number }>(arr: readonly T[], p: number): T | undefined {
  let i = lowerBound(arr, p) - 1;
  if (i < 0) return undefined;
  while (i > 0 && arr[i - 1]!.pos === arr[i]!.pos) i--;
  return arr[i];
}

/** Token index of the first token starting at or after pos. */
export function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isTerminal(t: Token): boolean {
  return t.text === '.' || t.text === '!' || t.text === '?' || t.text === '...' || t.text === '…';
}

/** Parses a noun phrase forward from token k (within [k, lim)). */
function npForward(ctx: SpeakerContext, k: number, lim: number): NP | null {
  const toks = ctx.tokens;
  let i = k;
  const t0 = toks[i];
  if (!t0 || i >= lim) return null;
  const l0 = lc(t0);
  if (PRONOUNS.has(l0)) return { start: i, end: i + 1, kind: 'pronoun', name: '', pronoun: l0, words: [l0] };
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
    } else if (l === "'s" || l === '-' || (l === 'of' && isCap(toks[i + 1]) && !NOT_NAMES.has(lc(toks[i + 1])) && lastCapRunEnd === i)) {
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
      if (split && !split.name) return { start: k, end: i, kind: 'description', name: '', pronoun: '', words };
      if (split && split.name) {
        s += split.name[0];
        ne = lastCapRunStart + split.name[1];
      }
    } else if (i - s === 1 && words[0] === 'the' && (looksLikeDemonym(toks[s]!.text) || lexicalType(toks[s]!.text) === 'misc') && !ctx.entities.resolve(toks[s]!.text)) {
      // "the American said", "the Briton": a nationality standing for a person the story has named
      return { start: k, end: i, kind: 'description', name: '', pronoun: '', words, demonym: true };
    }
    const name = ctx.text.slice(toks[s]!.start, toks[ne - 1]!.end);
    const np: NP = { start: k, end: i, kind: 'name', name, pronoun: '', words };
    if (possRunStart >= 0 && s === lastCapRunStart) np.fullName = ctx.text.slice(toks[possRunStart]!.start, toks[i - 1]!.end);
    return np;
  }
  if (words.length > 0) return { start: k, end: i, kind: 'description', name: '', pronoun: '', words };
  return null;
}

/** Parses the noun phrase that ends right before token v (skipping adverbs and time phrases). */
function npBackward(ctx: SpeakerContext, v: number, floor: number): NP | null {
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
      if (s === e) return { start: s - 1, end: e, kind: 'pronoun', name: '', pronoun: l, words: [l] };
      break;
    }
    if ((isCap(t) && !isPunct(t) && !NOT_NAMES.has(l)) || l === "'s" || (NAME_PARTICLES.has(l) && s < e && isCap(toks[s]) && isCap(toks[s - 2])) || TITLE_WORDS.has(l) || isTitleHead(l) || DETERMINERS.has(l) || /^[a-z]+-[a-z]+$/.test(l) || (l === 'of' && s < e && isCap(toks[s]))) {
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
  if (np && np.end === e) return personBeforeOf(ctx, np, floor) ?? np;
  return null;
}

const OF_PREPS = new Set(['of', 'in', 'at', 'from', 'for', 'with']);

/**
 * "Pieter van Doorn of the Institute of Marine Research in Bergen said": the name right before the verb is a
 * place or an organisation after a preposition; the speaker is the person the clause starts with.
 */
function personBeforeOf(ctx: SpeakerContext, np: NP, floor: number): NP | null {
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
  return p && p.type === 'person' ? { start: s, end: k, kind: 'name', name, pronoun: '', words: [] } : null;
}

export class SpeakerResolver {
  /** Positions of speech-verb subjects and quote speakers that are people, for pronoun resolution. */
  private readonly anchors: { pos: number; entity: Entity | null; name: string }[] = [];
  /** Title words seen around each person's mentions. */
  private readonly titles = new Map<Entity, Set<string>>();

  constructor(private readonly ctx: SpeakerContext) {
    this.collectTitles();
    this.collectSubjects();
    this.collectCueSubjects();
  }

  private collectTitles(): void {
    const toks = this.ctx.tokens;
    for (const m of this.ctx.entities.mentions) {
      if (m.entity.type !== 'person') continue;
      const set = this.titles.get(m.entity) ?? new Set<string>();
      this.titles.set(m.entity, set);
      const ti = tokenAt(toks, m.start);
      for (let k = ti - 1; k >= 0 && k >= ti - 5 && this.ctx.blockOfToken[k] === this.ctx.blockOfToken[ti]; k--) {
        const l = lc(toks[k]);
        if (TITLE_WORDS.has(l) || isTitleHead(l) || NATIONALITY[l] || /^[a-z]+-[a-z]+$/.test(l)) set.add(l);
        else break;
      }
      // appositive: "John Kerry, US secretary of state,"
      let k = tokenAt(toks, m.end);
      if (toks[k]?.text === ',') {
        k++;
        const first = lc(toks[k]);
        if (DETERMINERS.has(first) || TITLE_WORDS.has(first) || isTitleHead(first) || NATIONALITY[first] || isCap(toks[k])) {
          const app: string[] = [];
          for (let n = 0; n < 8 && k < toks.length; n++, k++) {
            const l = lc(toks[k]);
            if (l === ',' || l === '.' || l === ';' || l === 'who' || l === 'which') break;
            app.push(l);
          }
          if (app.some((w) => (TITLE_WORDS.has(w) || isTitleHead(w)) && !DETERMINERS.has(w)) && !app.includes('not')) for (const w of app) set.add(w);
        }
      }
    }
  }

  /** Person mentions that look like the subject of a clause ("Mr Trump seemed", "Sergei Markov, a ..."). */
  private readonly subjects: { pos: number; entity: Entity }[] = [];

  private collectSubjects(): void {
    const toks = this.ctx.tokens;
    for (const m of this.ctx.entities.mentions) {
      if (m.entity.type !== 'person') continue;
      const ti = tokenAt(toks, m.start);
      if (this.ctx.quoted[ti]) continue;
      let te = tokenAt(toks, m.end);
      const before = lc(toks[ti - 1]);
      if (PREPOSITIONS.has(before) || before === "'s" || before === 'the' || before === 'a') continue;
      if (toks[te]?.text === '(') {
        let k = te + 1;
        while (k < toks.length && k < te + 10 && toks[k]!.text !== ')') k++;
        if (toks[k]?.text === ')') te = k + 1;
      }
      while (te < toks.length && (ADVERBS.has(lc(toks[te])) || (/^[a-z]+ly$/.test(lc(toks[te])) && lc(toks[te]).length > 4))) te++;
      const next = toks[te];
      if (!next) continue;
      const nl = lc(next);
      const ok = (/^[a-z]/.test(nl) && !PREPOSITIONS.has(nl) && !DETERMINERS.has(nl) && nl !== 'and' && nl !== 'or' && nl !== 'who') || nl === ',';
      if (ok) this.subjects.push({ pos: m.start, entity: m.entity });
    }
  }

  /** Positions of speech verbs whose subject is "he" or "she". */
  private readonly pronounCues: number[] = [];

  private collectCueSubjects(): void {
    const toks = this.ctx.tokens;
    for (let v = 0; v < toks.length; v++) {
      if (this.ctx.quoted[v]) continue;
      const l = lc(toks[v]);
      if (!CUES.has(l) || WEAK_CUES.has(l)) continue;
      let np = npBackward(this.ctx, v, Math.max(0, v - 12));
      if (!np && toks[v - 1]?.text === ',') np = this.appositionName(v) ?? this.clauseSubject(v);
      if (np && np.kind === 'pronoun' && (np.pronoun === 'he' || np.pronoun === 'she')) {
        // "He told the audience that …": someone spoke here; who, is resolved when a quote needs it
        this.pronounCues.push(toks[v]!.start);
        continue;
      }
      if (!np || np.kind !== 'name') continue;
      const e = this.ctx.entities.resolve(np.name);
      if (e && e.type !== 'person') continue;
      this.anchors.push({ pos: toks[v]!.start, entity: e, name: e ? e.name : stripTitles(np.name) });
    }
  }

  /** "The mayor, Jonas Dahl, said": the person named between commas right before the cue at v. */
  private appositionName(v: number, floor = 0): NP | null {
    const toks = this.ctx.tokens;
    if (toks[v - 1]?.text !== ',' || v - 1 <= floor) return null;
    const app = npBackward(this.ctx, v - 1, Math.max(floor, v - 15));
    if (!app || app.kind !== 'name' || toks[app.start - 1]?.text !== ',') return null;
    const e = this.ctx.entities.resolve(app.name);
    return e && e.type === 'person' ? app : null;
  }

  /** The first noun phrase of the clause that ends with the cue at v (for "X, an appositive, said"). */
  private clauseSubject(v: number): NP | null {
    const toks = this.ctx.tokens;
    let s = v - 1;
    const block = this.ctx.blockOfToken[v];
    while (s > 0 && v - s < 40 && this.ctx.blockOfToken[s - 1] === block && !isTerminal(toks[s - 1]!) && !this.ctx.quoted[s - 1]) s--;
    // skip closing quote marks and commas at clause start
    while (s < v && isPunct(toks[s]!)) s++;
    const np = npForward(this.ctx, s, v);
    if (np && toks[np.end]?.text === ',') return np;
    return null;
  }

  addAnchor(pos: number, entity: Entity | null, name: string): void {
    // kept sorted by position, after anchors at the same position
    this.anchors.splice(lowerBound(this.anchors, pos + 1), 0, { pos, entity, name });
  }

  resolveNP(np: NP, pos: number): { name: string; entity: Entity | null } | null {
    if (np.kind === 'pronoun') {
      if (np.pronoun !== 'he' && np.pronoun !== 'she') return null;
      return this.resolvePronoun(Math.max(pos, this.ctx.tokens[np.start]!.start));
    }
    if (np.kind === 'name') {
      if (np.fullName) {
        const full = this.ctx.entities.resolve(np.fullName);
        if (full && normKeyLoose(full.name) === normKeyLoose(np.fullName)) return { name: full.name, entity: full };
      }
      // "Cara Diemont of IT firm Dimension Data": the person, not "… of IT"
      const of = np.name.indexOf(' of ');
      if (of > 0) {
        const p = this.ctx.entities.resolve(np.name.slice(0, of));
        if (p && p.type === 'person') return { name: p.name, entity: p };
      }
      const e = this.ctx.entities.resolve(np.name);
      if (e) return { name: e.name, entity: e };
      const n = stripTitles(np.name);
      if (!this.plausibleName(n)) return null;
      const e2 = this.ctx.entities.resolve(n);
      if (e2) return { name: e2.name, entity: e2 };
      return { name: n, entity: null };
    }
    return this.resolveDescription(np.words, pos, np.demonym === true);
  }

  private lowerWords: Set<string> | null = null;
  private midCaps: Set<string> | null = null;

  /** The word is written capitalised somewhere in the middle of a sentence (a name, not a sentence opener). */
  private capitalisedMidSentence(w: string): boolean {
    if (!this.midCaps) {
      this.midCaps = new Set();
      const toks = this.ctx.tokens;
      for (let i = 1; i < toks.length; i++) if (isCap(toks[i]) && /^[\p{Ll},]/u.test(toks[i - 1]!.text)) this.midCaps.add(toks[i]!.text);
    }
    return this.midCaps.has(w);
  }

  /** A name the recogniser did not find: believable if short, not shouted, and not a common word. */
  private plausibleName(n: string): boolean {
    if (!/\p{L}{2}/u.test(n)) return false;
    const words = n.split(/\s+/);
    if (words.length > 4) return false;
    if (words.length > 1 && n === n.toUpperCase()) return false;
    if (STARTERS.has(words[0]!.toLowerCase())) return false;
    if (!this.lowerWords) {
      this.lowerWords = new Set();
      for (const t of this.ctx.tokens) if (/^[a-z]/.test(t.text)) this.lowerWords.add(t.text);
    }
    if (words.length === 1 && (this.lowerWords.has(n.toLowerCase()) || /(?:ing|ly|ed)$/.test(n))) return false;
    if (words.every((w) => this.lowerWords!.has(w.toLowerCase()))) return false;
    return true;
  }

  /** Person mentions outside quotes, by position (for the pronoun fallback). */
  private outside: { pos: number; entity: Entity }[] | null = null;

  resolvePronoun(pos: number): { name: string; entity: Entity | null } | null {
    // the most recent anchor or clause subject before pos (anchors and subjects are kept sorted by position;
    // of several at the same position, the first recorded)
    let best: { pos: number; entity: Entity | null; name: string } | null = null;
    const a = firstOfLast(this.anchors, pos);
    if (a && pos - a.pos < 4000) best = a;
    const sj = firstOfLast(this.subjects, pos);
    if (sj && pos - sj.pos < 4000 && (!best || sj.pos > best.pos)) best = { pos: sj.pos, entity: sj.entity, name: sj.entity.name };
    if (best) return { name: best.name, entity: best.entity };
    // most recent person mention outside quotes
    if (!this.outside) {
      this.outside = [];
      for (const x of this.ctx.entities.mentions) if (x.entity.type === 'person' && !this.ctx.quoted[tokenAt(this.ctx.tokens, x.start)]) this.outside.push({ pos: x.start, entity: x.entity });
    }
    const k = lowerBound(this.outside, pos) - 1;
    const m = k >= 0 ? this.outside[k]!.entity : null;
    return m ? { name: m.name, entity: m } : null;
  }

  resolveDescription(words: string[], pos: number, demonym = false): { name: string; entity: Entity | null } | null {
    const content = words.filter((w) => !DETERMINERS.has(w));
    if (content.length === 0) return null;
    const head = content[content.length - 1]!;
    // "a Fifa spokesman", "a Kremlin statement": the organisation speaks.
    if (SPOKES.has(head)) {
      for (const w of content) {
        const e = this.ctx.entities.resolve(w);
        if (e && e.type === 'organization') return { name: e.name, entity: e };
      }
    }
    const indefinite = words[0] === 'a' || words[0] === 'an' || words[0] === 'one' || words[0] === 'another';
    if (indefinite) return null;
    const heads = HEAD_SYNONYMS[head] ?? [head];
    if (!(TITLE_WORDS.has(head) || isTitleHead(head) || demonym) || ['source', 'sources', 'statement', 'officials', 'analysts', 'experts', 'aides', 'leaders', 'members', 'group', 'party', 'government', 'ministry', 'department', 'campaign', 'leadership', 'spokesmen'].includes(head)) return null;
    const nat = content.map((w) => NATIONALITY[w]).find((x) => x);
    let best: Entity | null = null;
    let bestPos = -1;
    let after: Entity | null = null;
    for (const [e, set] of this.titles) {
      if (!heads.some((h) => set.has(h))) continue;
      if (nat) {
        const theirs = [...set].map((w) => NATIONALITY[w]).filter((x) => x);
        if (theirs.length > 0 && !theirs.includes(nat)) continue;
      }
      // most recent mention before pos
      let last = -1;
      for (const m of e.mentions) if (m.start < pos && m.start > last) last = m.start;
      if (last > bestPos) {
        bestPos = last;
        best = e;
      }
      if (last < 0 && !after) after = e;
    }
    const e = best ?? after;
    if (e && (!nat || best)) return { name: e.name, entity: e };
    // No one introduced with that title: a definite description as subject usually names the person the
    // story is about, as a pronoun would — unless what we know of that person's titles contradicts it.
    const p = this.resolvePronoun(pos);
    if (p && p.entity) {
      const set = this.titles.get(p.entity);
      const theirs = set ? [...set].map((w) => NATIONALITY[w]).filter((x) => x) : [];
      if (nat && theirs.length > 0 && !theirs.includes(nat)) return e ? { name: e.name, entity: e } : null;
      return p;
    }
    return e ? { name: e.name, entity: e } : null;
  }

  /** Attributes one quote. `prev` is the attribution of the previous quote and whether it is adjacent. */
  private blockStartToken(block: number): number {
    let lo = 0;
    let hi = this.ctx.blockOfToken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ctx.blockOfToken[mid]! < block) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  attribute(q: RawQuote, prev: { att: Attribution; entity: Entity | null; q: RawQuote } | null, headlineLike = false): { att: Attribution; entity: Entity | null } {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const openTok = tokenAt(toks, q.open);
    const closeTok = q.unclosed ? tokenAt(toks, q.close) - 1 : tokenAt(toks, q.close);
    const block = ctx.blockOfToken[Math.min(openTok, toks.length - 1)]!;
    // Post window: after the closing mark to the end of the sentence (other quotes skipped over).
    const post: number[] = [];
    let k = closeTok + 1;
    while (k < toks.length && ctx.blockOfToken[k] === block && post.length < 50) {
      const t = toks[k]!;
      if (!ctx.quoted[k]) {
        if (isTerminal(t) && !(post.length === 0 && t.text !== '.')) break;
        if (isTerminal(t)) break;
        post.push(k);
      }
      k++;
    }
    // "… of “fanatic recklessness.” South Korean President Park Geun-hye said Kim's …": the quote ended its
    // sentence, and the next sentence is about something else unless it only attributes ("Putin said.").
    if (!q.unclosed && post.length > 0 && post[0] === closeTok + 1 && toks[closeTok - 1]?.text === '.' && isCap(toks[post[0]!])) {
      const np = npForward(ctx, post[0]!, post[0]! + 14);
      const c = np ? np.end : -1;
      const after = c >= 0 ? lc(toks[c + 1]) : '';
      const attributionOnly = c >= 0 && CUES.has(lc(toks[c])) && (c + 1 > post[post.length - 1]! || after === ',' || ATTRIBUTION_TAIL.has(after));
      if (!attributionOnly) post.length = 0;
    }
    // Pre window: from the start of the sentence to the opening mark.
    const pre: number[] = [];
    k = openTok - 1;
    while (k >= 0 && ctx.blockOfToken[k] === block && pre.length < 50) {
      const t = toks[k]!;
      if (!ctx.quoted[k]) {
        if (isTerminal(t)) break;
        pre.unshift(k);
      }
      k--;
    }
    const pos = q.start;
    const done = (np: NP | null, cueTok: number | null, cueText?: string): { att: Attribution; entity: Entity | null } | null => {
      if (!np) return null;
      const r = this.resolveNP(np, pos);
      // "it said:", "they told reporters": someone speaks, but not a person we can name — say so, don't guess.
      if (!r && np.kind === 'pronoun' && (np.pronoun === 'it' || np.pronoun === 'they') && pre.length > 0) {
        // "The Security Council ... what it called “…”": the sentence's subject, when an organisation or country
        const subj = npForward(ctx, pre[0]!, openTok);
        const e = subj && subj.kind === 'name' ? ctx.entities.resolve(subj.name) : null;
        if (e && e.type !== 'person') return { att: { speaker: e.name, speakerId: e.id, cue: cueText ?? (cueTok !== null ? toks[cueTok]!.text : null) }, entity: e };
      }
      if (!r && np.kind === 'pronoun' && np.pronoun !== 'he' && np.pronoun !== 'she') return { att: { speaker: null, speakerId: null, cue: cueText ?? (cueTok !== null ? toks[cueTok]!.text : null) }, entity: null };
      if (!r) return null;
      return { att: { speaker: r.name, speakerId: r.entity ? r.entity.id : null, cue: cueText ?? (cueTok !== null ? toks[cueTok]!.text : null) }, entity: r.entity };
    };
    const words = (idx: number[]) => idx.filter((i) => !isPunct(toks[i]!));
    const postW = words(post);
    const preW = words(pre);

    // 0. "” ― Sonya Herridge": a dash and a name after the quote.
    if (post.length >= 2 && /^[―—–-]+$/.test(toks[post[0]!]!.text)) {
      const np = npForward(ctx, post[0]! + 1, post[0]! + 8);
      if (np && np.kind === 'name') {
        const r = done(np, null);
        if (r) return r;
      }
    }
    // 1. Right after the quote.
    if (postW.length > 0 && post[0] === postW[0] || (postW.length > 0 && post.slice(0, post.indexOf(postW[0]!)).every((i) => /^[,”’"'\u2014\u2013)-]+$/.test(toks[i]!.text)))) {
      const f = postW[0]!;
      const l = lc(toks[f]);
      if (l === 'according' && lc(toks[f + 1]) === 'to') {
        const r = done(npForward(ctx, f + 2, f + 12), null, 'according to');
        if (r) return r;
      }
      if (CUES.has(l)) {
        // inverted: said Putin / said the Russian president / said 9/11 widow Terry Strada
        let np = npForward(ctx, f + 1, f + 14);
        if (!np || (np.kind !== 'name' && !np.demonym)) {
          for (let k = f + 1; k < f + 6 && k < toks.length; k++) {
            const t = toks[k]!;
            if (isPunct(t) && t.text !== '/') break;
            if (isCap(t) && !NOT_NAMES.has(lc(t))) {
              const named = npForward(ctx, k, k + 8);
              if (named && named.kind === 'name') np = named;
              break;
            }
          }
        }
        const r = done(np, f);
        if (r) return r;
      } else {
        const np = npForward(ctx, f, f + 14);
        if (np) {
          let c = np.end;
          if (toks[c]?.text === '(') {
            let k = c + 1;
            while (k < toks.length && k < c + 12 && toks[k]!.text !== ')') k++;
            if (toks[k]?.text === ')') c = k + 1;
          }
          // adverbs between subject and verb
          while (c < toks.length && (ADVERBS.has(lc(toks[c])) || (/^[a-z]+ly$/.test(lc(toks[c])) && lc(toks[c]).length > 4))) c++;
          if (CUES.has(lc(toks[c]))) {
            const r = done(np, c);
            if (r) return r;
          } else if (toks[c]?.text === ',') {
            // "the airline's chief executive, Jonas Eklund, told reporters": the name in apposition
            if (np.kind === 'description') {
              const named = npForward(ctx, c + 1, c + 10);
              if (named && named.kind === 'name' && toks[named.end]?.text === ',' && CUES.has(lc(toks[named.end + 1]))) {
                const r = done(named, named.end + 1);
                if (r) return r;
              }
            }
            // appositive then the cue: "Fyodor Lukyanov, head of ..., said"
            for (const i of post) {
              if (i <= c) continue;
              if (CUES.has(lc(toks[i])) && !WEAK_CUES.has(lc(toks[i])) && toks[i - 1]?.text === ',') {
                const r = done(np, i);
                if (r) return r;
                break;
              }
            }
          }
        }
      }
    }
    // 2. Right before the quote: "Putin said:" / "X told reporters," / "X said that ... “partial”".
    for (let j = pre.length - 1; j >= 0; j--) {
      const i = pre[j]!;
      const l = lc(toks[i]);
      if (l === 'according' && lc(toks[i + 1]) === 'to') {
        const r = done(npForward(ctx, i + 2, i + 12), null, 'according to');
        if (r) return r;
        continue;
      }
      if (!CUES.has(l)) continue;
      if (WEAK_CUES.has(l) && j < pre.length - 4) continue;
      let np = npBackward(ctx, i, Math.max(pre[0]!, i - 14));
      const before = lc(toks[i - 1]);
      // "X said on Tuesday, calling the offer “…”" / "“…,” Mr X said, adding that … “…”": the participle
      // continues the clause of the finite speech verb before it, so it has that verb's speaker.
      if (!np && before === ',' && /ing$/.test(l)) np = this.finiteCueSubject(pre, j);
      // "Radio 1's controller, Andy Parfitt, said:": the name in apposition right before the cue
      if (!np && before === ',' && !/ing$/.test(l) && i - 1 > pre[0]!) np = this.appositionName(i, pre[0]!);
      if (!np && (before === ',' || before === 'and' || before === 'but' || /ing$/.test(l))) np = this.sentenceSubject(pre, i);
      if (!np && CUES.has(l) && i + 1 < toks.length) {
        // "said Putin:" before the quote
        const fwd = npForward(ctx, i + 1, openTok);
        const after = toks[fwd ? fwd.end : 0]?.text;
        if (fwd && fwd.kind === 'name' && (after === ':' || after === ',' || fwd.end >= openTok)) np = fwd;
      }
      const r = done(np, i);
      if (r) return r;
    }
    // 3. Anywhere later in the sentence: "... “sad state” of relations, Kremlin spokesman Dmitry Peskov told reporters".
    for (let j = 0; j < post.length; j++) {
      const i = post[j]!;
      const l = lc(toks[i]);
      if (l === 'according' && lc(toks[i + 1]) === 'to') {
        const r = done(npForward(ctx, i + 2, i + 12), null, 'according to');
        if (r) return r;
      }
      if (!CUES.has(l) || WEAK_CUES.has(l)) continue;
      let np = npBackward(ctx, i, Math.max(post[0]!, i - 14));
      if (!np && toks[i - 1]?.text === ',') np = this.clauseSubject(i);
      const r = done(np, i);
      if (r) return r;
    }
    // "Her line, repeated in Oslo: “…”", "His message to the chancellor was: “…”": the person the possessive
    // stands for, when the quote follows a colon
    if (pre.length > 1 && toks[pre[pre.length - 1]!]!.text === ':') {
      for (let j = 0; j < pre.length - 1 && j < 4; j++) {
        const l = lc(toks[pre[j]!]);
        if ((l === 'his' || l === 'her') && (STATEMENT_NOUNS.has(lc(toks[pre[j]! + 1])) || STATEMENT_NOUNS.has(lc(toks[pre[j]! + 2])))) {
          const r = this.resolvePronoun(toks[pre[j]!]!.start);
          if (r) return { att: { speaker: r.name, speakerId: r.entity ? r.entity.id : null, cue: null }, entity: r.entity };
        }
      }
    }
    // A headline that opens with the speaker and a colon: "Sanders: Clinton needs to 'get away from …'".
    if (headlineLike) {
      const first = this.blockStartToken(block);
      const np = npForward(ctx, first, Math.min(openTok, first + 6));
      if (np && np.kind === 'name' && toks[np.end]?.text === ':' && np.end < openTok) {
        const e = ctx.entities.resolve(np.name);
        if (e && e.type === 'person') return { att: { speaker: e.name, speakerId: e.id, cue: null }, entity: e };
      }
    }
    // 4. Continuation of the previous quote.
    if (prev && (q.continuation && prev.q.group === q.group)) return { att: { ...prev.att }, entity: prev.entity };
    const alone = preW.length === 0 && postW.length === 0 && !headlineLike;
    if (alone) {
      // "Putin said that ... stronger than any aggressor. “What is an aggressor? ...”"
      let a: { pos: number; entity: Entity | null; name: string } | null = null;
      const blockStart = toks[this.blockStartToken(block)]!.start;
      for (const x of this.anchors) if (x.pos >= blockStart && x.pos < q.open && (!a || x.pos > a.pos)) a = x;
      for (const x of this.subjects) if (x.pos >= blockStart && x.pos < q.open && (!a || x.pos > a.pos)) a = { pos: x.pos, entity: x.entity, name: x.entity.name };
      const pb = prev ? ctx.blockOfToken[tokenAt(toks, prev.q.open)]! : -1;
      // the previous quote's speaker goes on, unless someone was named speaking since ("X said he had …")
      let spoke: { pos: number; entity: Entity | null; name: string } | null = null;
      if (prev) for (const x of this.anchors) if (x.pos > prev.q.close && x.pos < q.open && (!spoke || x.pos > spoke.pos)) spoke = x;
      if (prev) {
        for (const p of this.pronounCues) {
          if (p <= prev.q.close || p >= q.open || (spoke && p < spoke.pos)) continue;
          const r = this.resolvePronoun(p);
          if (r && r.entity) spoke = { pos: p, entity: r.entity, name: r.name };
        }
      }
      if (prev && (pb === block || pb === block - 1) && prev.att.speaker) {
        if (!spoke || spoke.name === prev.att.speaker) return { att: { ...prev.att }, entity: prev.entity };
        return { att: { speaker: spoke.name, speakerId: spoke.entity ? spoke.entity.id : null, cue: null }, entity: spoke.entity };
      }
      if (a) return { att: { speaker: a.name, speakerId: a.entity ? a.entity.id : null, cue: null }, entity: a.entity };
    }
    // 5. Partial quote: the subject of the sentence when it is a person or he/she.
    if (pre.length > 0 && !headlineLike) {
      const np = this.sentenceSubject(pre, openTok);
      if (np) {
        const r = this.resolveNP(np, toks[np.start]!.start);
        // with no cue verb, a capitalised word the recogniser did not take for a name ("Despite …", "Plans
        // include …") is no speaker; a full name or a recognised person is
        const believable = r && (r.entity ? r.entity.type === 'person' : np.kind !== 'name' || /\s/.test(r.name) || this.capitalisedMidSentence(r.name));
        if (r && believable) return { att: { speaker: r.name, speakerId: r.entity ? r.entity.id : null, cue: null }, entity: r.entity };
      }
    }
    for (let j = pre.length - 1; j >= 0; j--) {
      const i = pre[j]!;
      const t = toks[i]!;
      const l = lc(t);
      const prevL = j > 0 ? lc(toks[pre[j - 1]!]) : '';
      const nextL = lc(toks[i + 1]);
      if (PREPOSITIONS.has(prevL)) continue;
      if ((l === 'he' || l === 'she') && /^[a-z]/.test(nextL) && !PREPOSITIONS.has(nextL)) {
        const r = this.resolvePronoun(t.start);
        if (r) return { att: { speaker: r.name, speakerId: r.entity?.id ?? null, cue: null }, entity: r.entity };
      }
      if (isCap(t) && /^[a-z]/.test(nextL) && !PREPOSITIONS.has(nextL) && !DETERMINERS.has(nextL)) {
        const e = ctx.entities.mentions.find((m) => m.start <= t.start && t.end <= m.end);
        if (e && e.entity.type === 'person') return { att: { speaker: e.entity.name, speakerId: e.entity.id, cue: null }, entity: e.entity };
      }
    }
    // 6. Another quote earlier in the same paragraph: usually the same speaker goes on.
    if (prev && prev.att.speaker && !headlineLike && ctx.blockOfToken[tokenAt(toks, prev.q.open)] === block) {
      return { att: { ...prev.att, cue: null }, entity: prev.entity };
    }
    return { att: { speaker: null, speakerId: null, cue: null }, entity: null };
  }

  /**
   * The speaker of the nearest finite speech verb before pre[j] in the same sentence ("said X" or "X said"),
   * for a participle cue ("calling", "adding") that continues that clause.
   */
  private finiteCueSubject(pre: number[], j: number): NP | null {
    const toks = this.ctx.tokens;
    for (let m = j - 1; m >= 0 && j - m < 30; m--) {
      const v = pre[m]!;
      const l = lc(toks[v]);
      if (!CUES.has(l) || /ing$/.test(l)) continue;
      // inverted: ", said Tomas Reinholt, calling …"
      if (m === 0 || isPunct(toks[pre[m - 1]!]!) || this.ctx.quoted[v - 1]) {
        const fwd = npForward(this.ctx, v + 1, pre[j]!);
        if (fwd && fwd.kind !== 'description') return fwd;
      }
      const np = npBackward(this.ctx, v, Math.max(pre[0]!, v - 14));
      if (np) return np;
      if (toks[v - 1]?.text === ',') return this.clauseSubject(v);
      return null;
    }
    return null;
  }

  /** The subject at the start of the sentence (for "X on Wednesday denied ..., saying that “…”"). */
  private sentenceSubject(pre: number[], upTo: number): NP | null {
    const toks = this.ctx.tokens;
    let s = pre[0]!;
    // skip an introductory phrase ending with a comma ("On Thursday, ")
    for (let i = s; i < upTo && i < s + 8; i++) {
      if (toks[i]!.text === ',') {
        const np0 = npForward(this.ctx, s, upTo);
        if (!np0 || np0.kind === 'description') s = i + 1;
        break;
      }
    }
    while (s < upTo && isPunct(toks[s]!)) s++;
    const np = npForward(this.ctx, s, upTo);
    return np && np.kind !== 'description' ? np : null;
  }
}
