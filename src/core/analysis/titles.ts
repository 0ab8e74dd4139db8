/**
 * Job titles around names. The recogniser often takes a title for part of a name or for a name of its own:
 * "Trade Secretary Patricia Hewitt" as one organisation, "Labour MP Diane Abbott" as one organisation,
 * "Health Secretary" or "Attorney General" as an organisation, "Chief Executive Kari Nordby" as a person
 * whose name starts with "Chief". A title is a run of title words ending in a head noun (Secretary, Minister,
 * MP, Commissioner, General after another title word …), optionally with a portfolio ("of State", "for
 * Health", "of the Exchequer"); postnominals (MP, MSP, QC) may also follow a name. This module splits a
 * span of words into what comes before the title (a party, a constituency, a country: "Labour", "EU"), the
 * title (dropped: a title is not a named entity), and the name after it (a person).
 */
import { ORG_SUFFIX } from './entities';

/** Head nouns of job titles. */
const HEADS = new Set([
  'minister', 'secretary', 'president', 'vice-president', 'president-elect', 'chancellor', 'chairman', 'chairwoman', 'chairperson', 'chair',
  'vice-chairman', 'co-chairman', 'director', 'director-general', 'officer', 'commissioner', 'governor', 'mayor', 'ambassador', 'envoy', 'consul',
  'spokesman', 'spokeswoman', 'spokesperson', 'senator', 'congressman', 'congresswoman', 'judge', 'justice', 'magistrate', 'prosecutor', 'attorney',
  'solicitor', 'counsel', 'coroner', 'sheriff', 'inspector', 'superintendent', 'constable', 'commander', 'commandant', 'admiral', 'colonel',
  'lieutenant', 'captain', 'sergeant', 'brigadier', 'chief', 'leader', 'manager', 'coach', 'boss', 'editor', 'premier', 'king', 'queen', 'prince',
  'princess', 'emperor', 'pope', 'archbishop', 'bishop', 'cardinal', 'rabbi', 'imam', 'sheikh', 'emir', 'sultan', 'treasurer', 'comptroller',
  'auditor', 'registrar', 'ombudsman', 'whip', 'speaker', 'deputy', 'adviser', 'advisor', 'professor', 'provost', 'rector', 'headteacher',
  'headmaster', 'headmistress', 'ceo', 'cfo', 'coo', 'cto', 'chief-executive', 'general', 'controller', 'administrator', 'correspondent',
  'co-founder', 'founder', 'mp', 'msp', 'mep', 'mla', 'qc', 'kc',
  // abbreviated, as US news writes them before a name ("Texas Sen. Ted Cruz", "Rep. Paul Ryan", "Lt. Gov.")
  'sen.', 'rep.', 'gov.', 'gen.', 'col.', 'sgt.', 'capt.', 'adm.', 'cmdr.', 'atty.', 'supt.', 'insp.',
]);

/** Abbreviated US titles whose prefix, when it is a place, is a state ("Texas Sen. Ted Cruz", "Ohio Lt. Gov."). */
const STATE_TITLES = new Set(['Sen.', 'Rep.', 'Gov.', 'Lt.', 'Atty.']);

/** Does a title starting with this word name a state before it ("Kelmsby Sen. Ada Brenner": Kelmsby a state)? */
export function isStateTitle(w: string | undefined): boolean {
  return !!w && STATE_TITLES.has(w);
}

/** Heads written as abbreviations, in capitals; every other title word is written in title case. */
const ABBREVIATIONS = new Set(['mp', 'msp', 'mep', 'mla', 'qc', 'kc', 'ceo', 'cfo', 'coo', 'cto']);

/** Heads that are also surnames or brand names: at the end of a span with a name before them, not a title ("Oona King", "Burger King"). */
const NAME_LIKE_HEADS = new Set([
  'king', 'queen', 'prince', 'princess', 'bishop', 'judge', 'chief', 'coach', 'captain', 'speaker', 'sheriff', 'sergeant', 'general', 'deputy', 'chair',
  'boss', 'pope', 'cardinal', 'emperor', 'sultan', 'sheikh', 'admiral', 'colonel', 'whip', 'provost', 'rector', 'constable', 'editor', 'leader', 'founder',
]);

/** Titles written after a name ("Peter Ainsworth MP", "Ken Macdonald QC"). */
const POSTNOMINALS = new Set(['mp', 'msp', 'mep', 'mla', 'am', 'td', 'qc', 'kc', 'mbe', 'obe', 'cbe', 'kbe', 'dbe']);

/** Words that make a head noun into a particular title ("Chief Financial Officer", "Shadow Health Secretary", "Chief Executive"). */
const MODIFIERS = new Set([
  'chief', 'deputy', 'vice', 'executive', 'managing', 'financial', 'operating', 'technical', 'technology', 'information', 'general', 'senior',
  'junior', 'acting', 'interim', 'prime', 'first', 'assistant', 'associate', 'principal', 'lead', 'shadow', 'permanent', 'former', 'foreign',
  'home', 'health', 'defence', 'defense', 'finance', 'trade', 'industry', 'justice', 'interior', 'education', 'environment', 'energy',
  'transport', 'culture', 'media', 'sport', 'sports', 'work', 'pensions', 'housing', 'treasury', 'economic', 'economy', 'agriculture',
  'fisheries', 'immigration', 'business', 'digital', 'security', 'national', 'state', 'cabinet', 'press', 'communications', 'public', 'social',
  'development', 'international', 'constitutional', 'local', 'regional', 'staff', 'joint', 'supreme', 'high', 'crown', 'parliamentary',
  'attorney', 'solicitor', 'surgeon', 'inspector', 'postmaster', 'auditor', 'director', 'secretary', 'lord', 'commercial', 'marketing',
  'creative', 'artistic', 'editorial', 'news', 'political', 'diplomatic', 'legal', 'medical', 'scientific', 'women', "women's", 'equality',
  'equalities', 'children', "children's", 'family', 'families', 'veteran', 'veterans', 'policy', 'research', 'humanitarian', 'aid', 'affairs',
  'relations', 'care', 'safety', 'consumer', 'competition', 'transportation', 'homeland', 'commerce', 'labor', 'opposition', 'majority',
  'minority', 'overseas', 'rural', 'urban', 'planning', 'science', 'skills', 'universities', 'schools', 'tourism', 'arts', 'heritage',
  'communities', 'regions', 'armed', 'forces', 'intelligence', 'counter-terrorism', 'presidential', 'mayoral', 'president', 'minister',
  'chancellor', 'governor', 'commissioner', 'officer', 'head', 'co', 'lt.',
]);

/** Lower-case words joining a title to its portfolio ("Secretary of State", "Minister for Europe"). */
const JOINERS = new Set(['of', 'for', 'the', 'and', '&']);

/** Last words of organisation names: a run holding one of them is not a personal name. */
const ORG_WORDS = /^(?:Institution|Institute|Association|Council|Committee|Commission|Agency|Party|Corporation|Company|University|College|Bank|Group|Foundation|Federation|Union|League|Ministry|Department|Court|Authority|Board|Bureau|Service|Office|Organisation|Organization|Trust|Fund|Society|Club|Network|Action|Alliance|Campaign|Forum|Centre|Center|Unit|Team|Force|Police|Assembly|Parliament|Government|Cabinet|Executive)$/;

const NAME_PARTICLE = /^(?:van|von|der|den|de|da|di|du|del|della|dos|das|ter|ten|bin|ibn|al|el|le|la)$/;

function lower(w: string): string {
  const l = w.toLowerCase();
  return l.indexOf('’') < 0 ? l : l.replace(/’/g, "'");
}

/** A capitalised word or an all-caps abbreviation ("MP", "QC"). */
function isCap(w: string | undefined): boolean {
  return !!w && /^\p{Lu}/u.test(w);
}

/** A title word written as in a title: "Secretary", "Vice-President", "MP" (not "CAPTAIN" in a shouted headline). */
function isTitleForm(w: string | undefined): boolean {
  if (!w || !isTitleWord(w)) return false;
  return ABBREVIATIONS.has(lower(w)) ? w === w.toUpperCase() : /^\p{Lu}[\p{Ll}'’-]/u.test(w);
}

/** A head noun of a job title ("secretary", "MP", "archbishop"), in any case. */
export function isTitleHead(w: string): boolean {
  return HEADS.has(lower(w));
}

/** Any word that can be part of a capitalised job title. */
export function isTitleWord(w: string): boolean {
  // called for most capitalised words: remembered per form (bounded)
  let t = titleWordMemo.get(w);
  if (t === undefined) {
    const l = lower(w);
    t = HEADS.has(l) || MODIFIERS.has(l);
    if (titleWordMemo.size >= 50_000) titleWordMemo.clear();
    titleWordMemo.set(w, t);
  }
  return t;
}

const titleWordMemo = new Map<string, boolean>();

function isHead(words: readonly string[], i: number, s: number): boolean {
  const l = lower(words[i]!);
  if (!HEADS.has(l)) return false;
  // "Attorney General", "Secretary General": only after another title word ("Dollar General" is a shop)
  if (l === 'general') return i > s && isTitleWord(words[i - 1]!);
  return true;
}

/** A title written after a name, in capitals ("MP", "MSP", "QC"). */
export function isPostnominalForm(w: string): boolean {
  return w.length <= 3 && w === w.toUpperCase() && POSTNOMINALS.has(w.toLowerCase());
}

/** How a span splits around a job title (token index ranges into the sentence's words). */
export interface TitleSplit {
  /** Before the title: "Labour" in "Labour MP Diane Abbott", "EU" in "EU Trade Commissioner Peter Mandelson". */
  readonly prefix: readonly [number, number] | null;
  /** After the title: the person's name. */
  readonly name: readonly [number, number] | null;
}

/**
 * Finds a job title in the span [s, e) of `words` (the recogniser's span). Returns null when there is none
 * (the span stays as it is); else the parts around the title, which itself is dropped. `personSpan`: the
 * recogniser called the span a person, so a one-word name after the title is believed ("Chancellor
 * Falconer"); otherwise a one-word name must be known as a person's in the article (`knownPerson`).
 * `free(i)`: word i after the span is in no other span, so a one-word name may take it as its surname.
 */
export function splitTitle(
  words: readonly string[],
  s: number,
  e: number,
  personSpan: boolean,
  knownPerson: (w: string) => boolean,
  free: (i: number) => boolean = () => false,
): TitleSplit | null {
  // most spans hold no title word at all
  let any = false;
  for (let i = s; i <= e && i < words.length && !any; i++) any = isTitleWord(words[i]!) || isPostnominalForm(words[i]!);
  if (!any) return null;
  let end = e;
  // postnominals after a full name: "Tom McCabe MSP" ("MP", "Labour MP", "Salford MP" are title runs below)
  let post = false;
  while (
    end - s > 2 &&
    POSTNOMINALS.has(lower(words[end - 1]!)) &&
    words[end - 1] === words[end - 1]!.toUpperCase() &&
    !isTitleWord(words[end - 2]!) &&
    isCap(words[end - 2])
  ) {
    end--;
    post = true;
  }
  // the last run of capitalised title words that holds a head
  let a = -1;
  let b = -1;
  for (let i = end - 1; i >= s; i--) {
    if (!isTitleForm(words[i])) continue;
    let j = i;
    let head = false;
    while (j >= s && isTitleForm(words[j])) {
      if (isHead(words, j, s)) head = true;
      j--;
    }
    if (head) {
      a = j + 1;
      b = i + 1;
      break;
    }
    i = j;
  }
  if (a < 0) {
    if (post) {
      // "Environmental Audit Committee Peter Ainsworth MP": an organisation before the name
      for (let i = end - 1; i >= s; i--) if (ORG_WORDS.test(words[i]!)) return { prefix: [s, i + 1], name: i + 1 < end ? [i + 1, end] : null };
      return { prefix: null, name: [s, end] };
    }
    // only modifiers, the rest of the title after the span: "Managing" + "Director", "Shadow Education" + "Secretary"
    let allMods = true;
    for (let i = s; i < e && allMods; i++) allMods = isTitleForm(words[i]) && MODIFIERS.has(lower(words[i]!));
    if (allMods && isTitleForm(words[e])) return { prefix: null, name: null };
    return null;
  }
  // "Association of Chief Police Officers", "Office of the Deputy Prime Minister", "King's College": a name
  if (a > s && (JOINERS.has(lower(words[a - 1]!)) || /^['’]s?$/.test(words[a - 1]!))) return null;
  // the portfolio: "of State", "of the Exchequer", "for Europe", "to the Treasury"
  let c = b;
  if (c < end && (lower(words[c]!) === 'of' || lower(words[c]!) === 'for' || lower(words[c]!) === 'to')) {
    let k = c + 1;
    if (k < end && lower(words[k]!) === 'the') k++;
    let n = 0;
    while (k < end && n < 3 && isCap(words[k]) && (n === 0 || isTitleForm(words[k]) || JOINERS.has(lower(words[k - 1]!)))) {
      k++;
      n++;
    }
    if (n === 0) return null;
    c = k;
  }
  // a surname or a brand that looks like a title ("Oona King", "Burger King"), or a lone word that may be
  // either ("King said", "Queen of the South"): left as the recogniser found it
  if (c === end && (a > s || b - a === 1) && NAME_LIKE_HEADS.has(lower(words[b - 1]!))) return null;
  // the name after the title
  let name: [number, number] | null = null;
  if (c < end) {
    for (let i = c; i < end; i++) {
      const w = words[i]!;
      if (!isCap(w) && !NAME_PARTICLE.test(w)) return null;
      if (isTitleForm(w) || ORG_WORDS.test(w) || ORG_SUFFIX.test(w)) return null;
    }
    name = [c, end];
    // a surname the recogniser left out, often a word it also knows otherwise ("Labour MSP Christine" + "May")
    if (end - c === 1 && end === e && free(e) && /^\p{Lu}\p{Ll}+$/u.test(words[e] ?? '') && !isTitleWord(words[e]!)) name = [c, e + 1];
    else if (end - c === 1 && !personSpan && !knownPerson(words[c]!)) return null;
  }
  // the part before the title, without words that only qualify it ("Veteran Labour MP" → "Labour")
  let p = s;
  while (p < a && MODIFIERS.has(lower(words[p]!))) p++;
  return { prefix: p < a ? [p, a] : null, name };
}
