/**
 * Where an organisation's name begins and ends when the recogniser got it wrong: a person and an organisation
 * read as one ("Anna Berg of the Green Party", "Ontario Liberal Party Joe Dickson"), and organisations named for
 * what they are for read as two ("Union for a Popular Movement", "Popular Front for the Liberation of
 * Palestine": reading left to right, the recogniser often stops at "for" or "of").
 */
import { ORG_SUFFIX } from './entities';
import { isCapWord } from './ner/features';
import { isFirstName, NAME_PARTICLES } from '../people/gender';
import { isTitleHead } from './titles';
import type { MakeSpan, RepairSpan } from './ner/perceptron';

/** Last words of a body's name, beyond the organisation suffixes ("… Front", "… Movement", "… Centre"). */
const BODY_HEADS = /^(?:Front|Movement|Alliance|Congress|Coalition|Center|Centre|Forum|Initiative|Campaign|Action|Institute|Union|Committee|Council|Federation|Fund|Foundation|Network|Project|Democrats|Socialists|Republicans|Citizens|Veterans|Women|Families|Friends|Doctors|Reporters|Lawyers|Physicians|Scientists|Journalists|Mothers|Parents)$/;
/** The words between a body and its cause. */
const LINKS: readonly (readonly string[])[] = [['for', 'the'], ['for', 'a'], ['for', 'an'], ['for'], ['without'], ['against', 'the'], ['against'], ['on', 'the'], ['on'], ['of', 'the'], ['of']];
/** Heads that take their subject after "on" ("Council on Foreign Relations", "Center on the US and Europe"). */
const ON_HEADS = /^(?:Center|Centre|Council|Committee|Commission|Institute|Forum|Initiative|Project|Campaign|Network|Conference|Panel|Board|Office|Bureau)$/;
/** Small words inside a cause ("Liberation of Palestine", "Science and International Affairs"). */
const CAUSE_SMALL = new Set(['of', 'and', 'the', 'for', '&']);
const MAX_CAUSE = 7;

/**
 * Joins a span ending in a body's word with the name after "for", "without", "against", "on" ("Council on Foreign
 * Relations", "Center on the US and Europe") or "of" into one
 * organisation. The name after the link runs over capitalised words and the small words between them; it
 * must hold a span the recogniser found or end where the sentence's name ends, hold no person, and be no
 * longer than seven words. "of" joins only a place or an organisation ("Liberal Party of Canada"), so "the
 * Union of Tom Smith" does not.
 */
export function joinBodyAndCause<S extends RepairSpan>(words: readonly string[], out: S[], make: MakeSpan<S>): void {
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    const head = words[a.end - 1]!;
    if (a.type === 'PER' || !BODY_HEADS.test(head)) continue;
    const link = LINKS.find((l) => l.every((w, i) => words[a.end + i] === w));
    // "on" only after an institution ("Council on Foreign Relations"; not "Democrats on Capitol Hill")
    if (!link || (link[0] === 'on' && !ON_HEADS.test(head))) continue;
    const from = a.end + link.length;
    let last = -1;
    for (let j = from; j < words.length && j - from < MAX_CAUSE; j++) {
      if (isCapWord(words[j])) last = j;
      else if (!CAUSE_SMALL.has(words[j]!)) break;
    }
    if (last < 0) continue;
    const end = last + 1;
    const inside: S[] = [];
    for (let j = k + 1; j < out.length && out[j]!.start < end; j++) inside.push(out[j]!);
    if (inside.length === 0 || inside.some((s) => s.type === 'PER' || s.end > end)) continue;
    if (link[0] === 'of' && inside.some((s) => s.type === 'MISC')) continue;
    out.splice(k, 1 + inside.length, make(a.start, end, 'ORG', leastMargin([a, ...inside])));
  }
}

/**
 * "Lieke van Brouwershaven of the Institute of Tidal Studies", "Anna Berg of the Green Party" read as one
 * organisation: a person, then the organisation. Split when the part before "of" holds no organisation
 * word ("Bank of England", "Institute of X", "Ministry of Y" stay whole) and looks like a personal name: it
 * starts with a listed first name, or a name particle or first name stands right before the span.
 */
export function splitPersonOfOrganisation<S extends RepairSpan>(words: readonly string[], out: S[], make: MakeSpan<S>, miscOrgHead: RegExp): void {
  for (let k = 0; k < out.length; k++) {
    const sp = out[k]!;
    if (sp.type !== 'ORG' || sp.end - sp.start < 3) continue;
    let of = -1;
    for (let i = sp.start + 1; i < sp.end - 1; i++) if (words[i] === 'of') {
      of = i;
      break;
    }
    if (of < 0) continue;
    const head = words.slice(sp.start, of);
    if (head.some((w) => ORG_SUFFIX.test(w) || miscOrgHead.test(w) || isTitleHead(w) || !isCapWord(w))) continue;
    const before = sp.start > 0 ? words[sp.start - 1]! : '';
    const named = (isFirstName(head[0]!) && head.length >= 2) || NAME_PARTICLES.has(before) || (isCapWord(before) && isFirstName(before));
    if (!named) continue;
    let orgStart = of + 1;
    if (words[orgStart] === 'the') orgStart++;
    if (orgStart >= sp.end || !isCapWord(words[orgStart])) continue;
    out.splice(k, 1, make(sp.start, of, 'PER', sp.margin), make(orgStart, sp.end, 'ORG', sp.margin));
    k++;
  }
  // The other way round: "University of Kelmsby Marta Kowalczyk", an organisation that swallowed the person
  // after it. Split before a listed first name that follows the name after "of" and starts the last two or
  // three words, right after a capitalised word ("Queens of the Stone Age" stays whole).
  for (let k = 0; k < out.length; k++) {
    const sp = out[k]!;
    if (sp.type !== 'ORG' || sp.end - sp.start < 4) continue;
    // (or the name's organisation word: "Ontario Liberal Party Joe Dickson")
    let of = words.indexOf('of', sp.start + 1);
    if (of < 0 || of >= sp.end - 3) {
      of = -1;
      for (let i = sp.start + 1; i < sp.end - 2; i++) if (ORG_SUFFIX.test(words[i]!)) of = i - 1;
      if (of < 0) continue;
    }
    for (let f = Math.max(of + 2, sp.end - 3); f <= sp.end - 2; f++) {
      const w = words[f]!;
      if (!isCapWord(w) || !isFirstName(w) || !isCapWord(words[f - 1]) || !words.slice(f, sp.end).every((x) => isCapWord(x) && !ORG_SUFFIX.test(x))) continue;
      out.splice(k, 1, make(sp.start, f, 'ORG', sp.margin), make(f, sp.end, 'PER', sp.margin));
      k++;
      break;
    }
  }
}

/**
 * "the Institute of Marine Research", "the Ministry of Fisheries and Coastal Affairs": a body named by its head
 * word, "of", and what it is of. The recogniser often stops early ("Institute of Marine") or finds only a word of
 * it ("Marine"). An organisation span holding "<head> of …" runs on over the capitalised words right after it;
 * a head word no span holds, after "the", with "of" and capitalised words after it, makes one organisation over
 * them (spans inside it that are not people are taken in). Never over a person.
 */
export function organisationsOfSomething<S extends RepairSpan>(
  words: readonly string[],
  out: S[],
  make: MakeSpan<S>,
  isPlaceWord: (w: string) => boolean,
): void {
  const isHead = (w: string | undefined) => !!w && (ORG_SUFFIX.test(w) || BODY_HEADS.test(w));
  const spanAt = (i: number) => out.findIndex((s) => s.start <= i && i < s.end);
  for (let k = 0; k < out.length; k++) {
    const sp = out[k]!;
    // a name that ends in a place is whole ("Liberal Party of Canada", "University of Oslo")
    if (sp.type !== 'ORG' || isPlaceWord(words[sp.end - 1]!)) continue;
    let headOf = false;
    for (let i = sp.start; i + 1 < sp.end; i++) if (isHead(words[i]) && words[i + 1] === 'of') headOf = true;
    if (!headOf) continue;
    // never onto a title or another body ("… of Canada MP", "… of Australia Coalition")
    const end = capitalRun(words, sp.end, (j) => spanAt(j) < 0 && !isTitleHead(words[j]!) && !isHead(words[j]));
    if (end > sp.end) out.splice(k, 1, make(sp.start, end, 'ORG', sp.margin));
  }
  for (let i = 1; i + 2 < words.length; i++) {
    if (!isHead(words[i]) || (words[i - 1] !== 'the' && words[i - 1] !== 'The') || words[i + 1] !== 'of' || spanAt(i) >= 0) continue;
    const from = words[i + 2] === 'the' ? i + 3 : i + 2;
    const end = capitalRun(words, from, (j) => {
      const k = spanAt(j);
      return k < 0 || out[k]!.type !== 'PER';
    });
    if (end <= from) continue;
    // the spans inside are taken in; one that runs past the name keeps it as it is
    if (out.some((s) => s.start < end && s.end > end)) continue;
    const margin = leastMargin(out.filter((s) => s.start >= i && s.end <= end));
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.start >= i && out[k]!.end <= end) out.splice(k, 1);
    out.push(make(i, end, 'ORG', margin));
    out.sort((x, y) => x.start - y.start);
    i = end - 1;
  }
}

/** The end of a run of capitalised words from `from` (with "and", "&" or "of" between two of them), at most four words. */
function capitalRun(words: readonly string[], from: number, allowed: (j: number) => boolean): number {
  let end = from;
  for (let j = from; j < words.length && j - from < 6; j++) {
    if (isCapWord(words[j]) && allowed(j)) {
      end = j + 1;
      if (end - from >= 4) break;
    } else if (!((words[j] === 'and' || words[j] === '&' || words[j] === 'of') && isCapWord(words[j + 1]))) break;
  }
  return end;
}

/** The least margin of the spans made into one name (undefined when none has one). */
function leastMargin(spans: readonly RepairSpan[]): number | undefined {
  const m = Math.min(...spans.map((s) => s.margin ?? Infinity));
  return Number.isFinite(m) ? m : undefined;
}
