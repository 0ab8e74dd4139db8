/**
 * Gender of a person from what a name or a title says, for pronoun resolution ("he said" after "Angela Merkel"
 * and "Vladimir Putin") and for the dashboard's counts. One module for the whole core.
 *
 *   genderOfFirstName('Angela')              → 'female'
 *   genderOfPerson('Mr. Chris Dahl')         → 'male'    (the honorific decides before the first name)
 *   genderOfPerson('Jean Dupont')            → 'unknown' (a name used for both is never guessed)
 *   genderOfTitle('spokeswoman')             → 'female'
 *
 * First names come from the `gender-detection-from-name` package (MIT; its English list, about 32,000 names
 * from given-name statistics), with a few names it lists for one gender that news uses for both set to unknown.
 * Pure: no I/O; the list is bundled.
 */
import enNames from 'gender-detection-from-name/names/en';

export type Gender = 'male' | 'female' | 'unknown';

/** Names the list gives one gender that are common for both in news: never guessed. */
const AMBIGUOUS = new Set(['jean', 'kim', 'leslie', 'lee', 'robin', 'jordan', 'taylor', 'alexis', 'casey', 'jamie', 'jesse', 'kelly', 'morgan', 'dana', 'tracy', 'shannon', 'terry', 'carol', 'sasha', 'andrea', 'nicola', 'sam', 'alex', 'chris', 'pat', 'jody', 'lynn', 'marion', 'shelby', 'sydney', 'quinn', 'avery', 'riley', 'cameron', 'ashley', 'drew', 'kerry', 'billie', 'frankie', 'jackie', 'bobbie', 'toni', 'stacy', 'devon', 'rene', 'angel', 'ariel']);
/** A few names of people often in the news that the list lacks or gets wrong. */
const EXTRA: Record<string, Gender> = { hillary: 'female', reince: 'male', recep: 'male', huma: 'female', kellyanne: 'female', mitt: 'male', newt: 'male', rand: 'male', jeb: 'male', beto: 'male', ilhan: 'female', nikki: 'female', theresa: 'female', xi: 'male', narendra: 'male', shinzo: 'male', vladimir: 'male', sergei: 'male', sergey: 'male', dmitry: 'male', nicolas: 'male', emmanuel: 'male' };

const HONORIFIC: Record<string, Gender> = {
  mr: 'male', 'mr.': 'male', sir: 'male', lord: 'male', mister: 'male', messrs: 'male', king: 'male', prince: 'male', father: 'male', brother: 'male', monsieur: 'male', herr: 'male', senor: 'male',
  mrs: 'female', 'mrs.': 'female', ms: 'female', 'ms.': 'female', miss: 'female', dame: 'female', lady: 'female', madam: 'female', madame: 'female', queen: 'female', princess: 'female', sister: 'female', frau: 'female', senora: 'female',
};

const TITLE: Record<string, Gender> = {
  spokesman: 'male', spokeswoman: 'female', chairman: 'male', chairwoman: 'female', congressman: 'male', congresswoman: 'female', businessman: 'male', businesswoman: 'female',
  councilman: 'male', councilwoman: 'female', alderman: 'male', alderwoman: 'female', assemblyman: 'male', assemblywoman: 'female', king: 'male', queen: 'female', prince: 'male', princess: 'female',
  husband: 'male', wife: 'female', father: 'male', mother: 'female', son: 'male', daughter: 'female', brother: 'male', sister: 'female', uncle: 'male', aunt: 'female', man: 'male', woman: 'female',
  boy: 'male', girl: 'female', widow: 'female', widower: 'male', actor: 'male', actress: 'female', duke: 'male', duchess: 'female', emperor: 'male', empress: 'female', nephew: 'male', niece: 'female',
  grandfather: 'male', grandmother: 'female', gentleman: 'male', lady: 'female', sportsman: 'male', sportswoman: 'female', anchorman: 'male', anchorwoman: 'female', policeman: 'male', policewoman: 'female',
};

/** The gender a first name is given for, or unknown (not listed, or used for both). Case-insensitive. */
export function genderOfFirstName(name: string): Gender {
  const n = name.trim().toLowerCase().replace(/[.’']+$/, '');
  if (!n) return 'unknown';
  const extra = EXTRA[n];
  if (extra) return extra;
  if (AMBIGUOUS.has(n)) return 'unknown';
  const g = enNames.get(n);
  return g === 'male' || g === 'female' ? g : 'unknown';
}

/** Is this word a listed first name (of either gender, or both)? Case-insensitive. */
export function isFirstName(name: string): boolean {
  const n = name.toLowerCase();
  return enNames.has(n) || n in EXTRA;
}

/** The gender an honorific or a gendered title word tells ("Mrs", "spokeswoman", "congressman"), or unknown. */
export function genderOfTitle(word: string): Gender {
  const w = word.trim().toLowerCase();
  return HONORIFIC[w] ?? HONORIFIC[w.replace(/\.$/, '')] ?? TITLE[w] ?? 'unknown';
}

/**
 * The gender of a person named by a full name, possibly with an honorific or title ("Mrs Clinton", "Sen. Elizabeth
 * Warren", "Vladimir Putin"): the honorific decides, else the first given name; unknown when neither tells.
 */
export function genderOfPerson(fullName: string): Gender {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const t = genderOfTitle(words[i]!);
    if (t !== 'unknown') return t;
    // a first name is a capitalised word of two letters or more, not an initial, before another name word
    const w = words[i]!;
    if (/^\p{Lu}\p{Ll}+$/u.test(w) && i + 1 < words.length) {
      const g = genderOfFirstName(w);
      if (g !== 'unknown') return g;
      if (!/^(?:Sen|Rep|Gov|Dr|Prof|Gen|President|Senator|Governor|Secretary|Minister|Judge|Justice|Mayor|Chancellor|Premier|Speaker|Leader|Chief|Former|Vice|Prime|Attorney|General|House|State|Foreign|Rev)\.?$/.test(w)) return 'unknown';
    }
  }
  return 'unknown';
}

/** Lower-case particles inside personal names ("van", "von der", "bin"). */
export const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'ter', 'ten', 'bin', 'ibn']);
