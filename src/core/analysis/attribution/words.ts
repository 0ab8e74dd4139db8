/**
 * Word lists and token helpers shared by the attribution modules: pronouns, determiners, title words, adverbs that
 * sit between a subject and its verb, nationalities, and small helpers over tokens (lower-case text, capitalised,
 * punctuation, sentence end, binary searches by position).
 */
import type { Token } from '../tokenize';

export const SPOKES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'statement', 'official', 'officials', 'source', 'sources', 'representative', 'release']);
export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'one', 'another', 'two', 'three', 'several', 'some', 'many', 'other']);
export const TITLE_WORDS = new Set([
  'president', 'president-elect', 'vice', 'prime', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'leader', 'leaders',
  'chief', 'head', 'director', 'chairman', 'chairwoman', 'chair', 'senator', 'sen.', 'rep.', 'representative', 'congressman', 'congresswoman', 'governor', 'gov.', 'mayor',
  'ambassador', 'diplomat', 'analyst', 'analysts', 'expert', 'experts', 'professor', 'scientist', 'economist', 'adviser', 'advisor', 'aide', 'aides', 'general', 'gen.',
  'commander', 'candidate', 'nominee', 'campaign', 'manager', 'executive', 'ceo', 'founder', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope',
  'foreign', 'defence', 'defense', 'state', 'finance', 'interior', 'justice', 'former', 'deputy', 'acting', 'top', 'senior', 'political', 'national', 'security',
  'white', 'house', 'press', 'communications', 'strategist', 'pollster', 'lawyer', 'attorney', 'judge', 'justice', 'coach', 'captain', 'manager', 'player', 'striker',
  'police', 'officer', 'source', 'sources', 'statement', 'researcher', 'author', 'writer', 'editor', 'columnist', 'correspondent', 'reporter', 'doctor', 'dr',
  'republican', 'democrat', 'democratic', 'party', 'member', 'members', 'group', 'spokesmen', 'boss', 'ministry', 'department', 'government', 'leadership', 'administration',
  'fellow', 'partner', 'founder', 'owner', 'mr', 'mrs', 'ms', 'presidential', 'russian', 'us', 'american', 'chief', 'of', 'lady', 'first', 'rep', 'gop',
]);
export const HEAD_SYNONYMS: Record<string, string[]> = {
  leader: ['president', 'premier', 'prime', 'chancellor', 'leader', 'king'],
  president: ['president', 'president-elect'],
  'president-elect': ['president-elect', 'president'],
  premier: ['premier', 'prime'],
  minister: ['minister'],
  diplomat: ['diplomat', 'secretary', 'minister', 'ambassador'],
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokeswoman: ['spokeswoman', 'spokesman', 'spokesperson'],
};
export const NATIONALITY: Record<string, string> = {
  russian: 'ru', russia: 'ru', "russia's": 'ru', kremlin: 'ru', moscow: 'ru',
  us: 'us', 'u.s.': 'us', american: 'us', america: 'us', "america's": 'us', washington: 'us',
  british: 'uk', uk: 'uk', britain: 'uk', ukrainian: 'ua', ukraine: 'ua', chinese: 'cn', china: 'cn', french: 'fr', france: 'fr',
  german: 'de', germany: 'de', japanese: 'jp', japan: 'jp', "japan's": 'jp', syrian: 'sy', syria: 'sy', iranian: 'ir', iran: 'ir', israeli: 'il', israel: 'il',
  turkish: 'tr', turkey: 'tr', indian: 'in', india: 'in',
};
export const ADVERBS = new Set(['also', 'later', 'then', 'previously', 'again', 'earlier', 'recently', 'once', 'had', 'has', 'have', 'would', 'will', 'was', 'is', 'has', 'just', 'even', 'still', 'further', 'today', 'yesterday', 'tonight', 'only', 'simply', 'however', 'reportedly', 'apparently', 'subsequently', 'publicly', 'privately', 'repeatedly', 'pointedly', 'flatly', 'often', 'never', 'always', 'did', 'does', 'do', 'not', 'could', 'might', 'may', 'should', 'can', 'now', 'long', 'already', 'first', 'since', 'soon', 'been', 'must']);
export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'weekend', 'night', 'morning', 'afternoon', 'evening']);
export const NOT_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'but', 'and', 'in', 'on', 'at', 'the', 'a', 'an', 'it', 'this', 'that', 'there', 'as', 'if', 'when', 'while', 'after', 'before', 'for', 'so', 'yet', 'or', 'nor']);
export const PREPOSITIONS = new Set(['of', 'to', 'with', 'by', 'for', 'about', 'from', 'on', 'in', 'at', 'against', 'than', 'between', 'among', 'into', 'over', 'under', 'toward', 'towards', 'like', 'visited', 'met', 'and', 'or']);

/** What someone says, after "his"/"her": "Her line: “…”", "His message was: “…”". */
export const STATEMENT_NOUNS = new Set(['line', 'message', 'words', 'statement', 'reply', 'response', 'answer', 'comment', 'comments', 'verdict', 'view', 'advice', 'warning', 'argument', 'explanation', 'point', 'plea', 'promise', 'pledge', 'slogan', 'mantra', 'refrain', 'conclusion', 'assessment']);

/** Words after "X said" that end an attribution rather than start what X said ("said on Tuesday", "said to reporters"). */
export const ATTRIBUTION_TAIL = new Set(['to', 'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'yesterday', 'today', 'tonight', 'last', 'this', 'earlier', 'later', 'afterwards', 'recently', 'as', 'with']);

export const STARTERS = new Set([
  'according', 'following', 'during', 'however', 'though', 'although', 'with', 'without', 'all', 'more', 'most', 'after', 'before', 'also', 'many', 'some',
  'other', 'others', 'while', 'when', 'where', 'since', 'because', 'if', 'as', 'but', 'and', 'yet', 'so', 'then', 'still', 'even', 'now', 'here', 'there',
  'this', 'that', 'these', 'those', 'what', 'who', 'why', 'how', 'meanwhile', 'instead', 'indeed', 'asked', 'speaking', 'writing', 'republicans', 'democrats',
  'republican', 'democratic', 'committee', 'officials', 'critics', 'supporters', 'experts', 'analysts', 'both', 'each', 'every', 'no', 'not', 'one', 'two',
  'earlier', 'later', 'recently', 'separately', 'previously', 'last', 'next', 'first', 'finally', 'currently', 'today', 'yesterday', 'tomorrow', 'elsewhere',
  'overall', 'again', 'once', 'soon', 'already', 'thus', 'hence', 'otherwise', 'nevertheless', 'nonetheless', 'besides', 'moreover', 'furthermore', 'ultimately',
]);

export const TITLE_PREFIX = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Rep|Sen|Gov|Del|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Hon|Pres|Supt|Insp|Det)\.?|President|Senator|Governor|Representative|Congressman|Congresswoman|Speaker|Chairman|Chairwoman|Secretary|Minister|Mayor|Judge|Justice|General|Ambassador|Chancellor|Premier|King|Queen|Prince|Princess|Pope|Leader|Chief)\s+/;

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

export function normKeyLoose(s: string): string {
  return s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
}

export function lc(t: Token | undefined): string {
  if (!t) return '';
  const l = t.text.toLowerCase();
  return l.indexOf('’') < 0 ? l : l.replace(/’/g, "'");
}

export function isCap(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

export function isPunct(t: Token): boolean {
  return !/[\p{L}\p{N}]/u.test(t.text);
}

/** Lower-case particles inside personal names. */
export const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'del', 'della', 'dos', 'das', 'ter', 'ten', 'bin', 'al', 'ibn', 'af']);

/** Index of the first element (sorted by pos) whose pos is at or after p. */
export function lowerBound(arr: readonly { pos: number }[], p: number): number {
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
export function firstOfLast<T extends { pos: number }>(arr: readonly T[], p: number): T | undefined {
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

export function isTerminal(t: Token): boolean {
  return t.text === '.' || t.text === '!' || t.text === '?' || t.text === '...' || t.text === '…';
}
