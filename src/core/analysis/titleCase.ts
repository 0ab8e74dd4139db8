/**
 * Headlines written in title case, as US outlets write them ("Elizabeth Warren Hammers Wells Fargo CEO", "Wealthy
 * Voters Abandon Republican Party for Hillary Clinton"): every word has a capital, so the recogniser, which leans
 * on capitals, makes one long name of them. There the rest of the article decides: a name found in title case
 * keeps only the names the article's other sentences write ("Elizabeth Warren", "Wells Fargo"), and a name they
 * never write stays only when its context settles it, or when it has two words at most and the recogniser was
 * sure of it. (Only headlines: a sentence of names, a results table or a list of parties looks like title case
 * too.)
 */
import { normKey, rawMention, type RawMention } from './entities';
import { tokenAt } from './attribution';
import type { Token } from './tokenize';
import type { EntityType } from './types';

/** The fewest words of four letters or more a sentence needs to be judged title case, and the share capitalised. */
const MIN_LONG_WORDS = 3;
const TITLE_SHARE = 0.8;
/** How sure the recogniser must be of a name that only title case shows (score units, as UNSURE_MARGIN). */
const SURE_IN_TITLE = 8;

/**
 * Is this sentence (its words) written in title case: most words of four letters or more capitalised (`share` of
 * them; all of them for a first line the layout did not call a headline), not all in capitals?
 */
export function isTitleCase(words: readonly string[], share = TITLE_SHARE): boolean {
  let long = 0;
  let capitalised = 0;
  let shouted = 0;
  for (const w of words) {
    if (w.length < 4 || !/^\p{L}{4}/u.test(w)) continue;
    long++;
    if (/^\p{Lu}\p{Ll}/u.test(w)) capitalised++;
    else if (/^\p{Lu}+$/u.test(w)) shouted++;
  }
  return long >= MIN_LONG_WORDS && capitalised >= share * long && shouted < long / 2;
}

/**
 * Revises the mentions inside title-case ranges ([start, end) offsets) against the names the rest of the article
 * writes. Leaves everything as it is when the article has no other sentence to go by.
 */
export function reviseTitleCase(raw: RawMention[], ranges: readonly (readonly [number, number])[], tokens: readonly Token[], text: string): void {
  if (ranges.length === 0) return;
  const inTitle = (m: RawMention) => ranges.some(([s, e]) => m.start >= s && m.end <= e);
  const known = new Map<string, EntityType>();
  for (const m of raw) {
    if (inTitle(m)) continue;
    known.set(normKey(m.words.join(' ') || m.text), m.type);
    // a person's surname alone ("Trump" in a headline, "Donald Trump" below)
    if (m.type === 'person' && m.words.length > 1) known.set(normKey(m.words[m.words.length - 1]!), 'person');
  }
  if (known.size === 0) return;
  const out: RawMention[] = [];
  for (const m of raw) {
    if (!inTitle(m)) {
      out.push(m);
      continue;
    }
    const whole = known.get(normKey(m.words.join(' ') || m.text));
    if (whole) {
      out.push(m);
      continue;
    }
    const parts = knownParts(m, tokens, text, known);
    if (parts.length > 0) out.push(...parts);
    else if (m.evidence !== undefined || (m.words.length <= 2 && (m.margin ?? 0) >= SURE_IN_TITLE)) out.push(m);
  }
  raw.length = 0;
  for (const m of out) raw.push(m);
}

/** The longest runs of the mention's tokens that name something the article writes elsewhere, left to right. */
function knownParts(m: RawMention, tokens: readonly Token[], text: string, known: ReadonlyMap<string, EntityType>): RawMention[] {
  const a = tokenAt(tokens, m.start);
  let b = a;
  while (b < tokens.length && tokens[b]!.end <= m.end) b++;
  const parts: RawMention[] = [];
  for (let i = a; i < b; ) {
    let hit = -1;
    let type: EntityType | undefined;
    for (let j = b; j > i; j--) {
      type = known.get(normKey(tokens.slice(i, j).map((t) => t.text).join(' ')));
      if (type) {
        hit = j;
        break;
      }
    }
    if (hit < 0) {
      i++;
      continue;
    }
    const start = tokens[i]!.start;
    const end = tokens[hit - 1]!.end;
    parts.push(rawMention(start, end, text.slice(start, end), type!, tokens.slice(i, hit).map((t) => t.text), undefined, m.margin));
    i = hit;
  }
  return parts;
}
