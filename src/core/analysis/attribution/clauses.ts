/**
 * Clause boundaries for reported speech: where the reported clause after a cue starts (past the addressee,
 * "that", and attribution tails such as "in a statement" or "on Tuesday") and where it ends (the sentence's end,
 * or earlier at a semicolon, a second attribution ", he said" / ", according to X", a participle clause of the
 * speaker's own ", adding …"); and where a clause before a cue starts ("But CONTENT, X said").
 * Works on token indices; `quoted[i]` marks tokens inside quotation marks, which never end a clause.
 */
import type { Token } from '../tokenize';
import * as cuesModule from './cues';
// bound once: module getters are not called on every use in the hot loops
const { ADDRESSEE_LEMMAS, speechCueAt } = cuesModule;
import * as wordsModule from './words';
// bound once: module getters are not called on every use in the hot loops
const { lc } = wordsModule;

/** Words that open an attribution tail after the cue rather than the reported clause. */
const TAIL_OPENERS = new Set(['of', 'in', 'on', 'at', 'during', 'after', 'before', 'to', 'with', 'via', 'through', 'yesterday', 'today', 'tonight', 'last', 'this', 'earlier', 'later', 'recently', 'again', 'also', 'previously', 'repeatedly', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'publicly', 'privately', 'flatly', 'then', 'once']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'reporters', 'journalists', 'supporters', 'voters', 'lawmakers', 'congress', 'viewers', 'listeners', 'members', 'officials', 'the', 'a', 'an', 'his', 'their', 'its', 'our']);
/** Words that show a clause has begun after the cue (its subject or its verb). */
const CLAUSE_STARTERS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'there']);
const CONTRAST = new Set(['while', 'whereas', 'but', 'although', 'though', 'and']);
const DETERMINER_ADDRESSEE = new Set(['the', 'a', 'an', 'his', 'their', 'its', 'our']);
const OPENING_CONJ = new Set(['but', 'and', 'so', 'yet', 'still', 'however', 'now', 'meanwhile', 'also', 'instead', 'indeed']);
const OPEN_MARKS = new Set(['“', '"', '‘', "'", '«']);
const CLOSE_MARKS = new Set(['”', '"', '’', "'", '»']);

function isEnd(t: Token): boolean {
  const s = t.text;
  return s === '.' || s === '!' || s === '?' || s === '…' || s === '...';
}

/**
 * First token of the reported clause after a cue ending at token `c1` (exclusive), within the sentence ending at
 * `sentEnd` (exclusive); -1 when no clause follows ("Putin said." / "said:" before a quotation).
 */
export function contentStart(toks: readonly Token[], quoted: Uint8Array, c1: number, sentEnd: number, lemma: string): number {
  let k = c1;
  if (k >= sentEnd) return -1;
  // "said that …" within a short attribution tail: "told reporters on Tuesday that …", "said in a statement that …"
  for (let j = k; j < sentEnd && j < k + 9; j++) {
    const l = lc(toks[j]);
    if (quoted[j] || isEnd(toks[j]!) || l === ';' || l === ':') break;
    // "said in a statement that accompanied the letter": a relative clause of the tail, no reported clause
    if (l === 'that') return j + 1 < sentEnd && !(j > k && MEDIUM_NOUNS.has(lc(toks[j - 1]))) ? j + 1 : -1;
    if (l === ',' && j > k && !TAIL_OPENERS.has(lc(toks[k]))) break;
    // "says it has evidence that …": a clause has begun; its "that" is not the cue's
    if (CLAUSE_STARTERS.has(l)) break;
    // "urged Mr X to say that …": an infinitive has begun
    if (ADDRESSEE_LEMMAS.has(lemma) && infinitiveAt(toks, j)) break;
  }
  // the addressee: "told reporters …", "told him …", "warned Congress …"; kept before an infinitive, which it is
  // the subject of ("urged Mr X to co-operate")
  if (ADDRESSEE_LEMMAS.has(lemma)) {
    const j = addresseeEnd(toks, k, sentEnd);
    if (!infinitiveAt(toks, j)) k = j;
  }
  // an attribution tail ending in a comma: "said on Tuesday, …", "said in a statement, …"
  if (TAIL_OPENERS.has(lc(toks[k]))) {
    let j = k;
    for (; j < sentEnd && j < k + 9; j++) {
      if (quoted[j] || isEnd(toks[j]!)) break;
      if (toks[j]!.text === ',') {
        k = j + 1;
        break;
      }
    }
    // "wrote to the council on Monday." / "said on Tuesday." : only a tail, no clause
    if (j >= sentEnd || (j < sentEnd && isEnd(toks[j]!))) return -1;
  }
  while (k < sentEnd && (toks[k]!.text === ',' || toks[k]!.text === '—' || toks[k]!.text === '–')) k++;
  if (k >= sentEnd || toks[k]!.text === ':' || isEnd(toks[k]!)) return -1;
  // "told journalists, noting that …": the clause belongs to the next cue
  if (toks[k]!.text.endsWith('ing') && speechCueAt(toks, k)) return -1;
  return k;
}

/** "to" and a verb at j ("to co-operate", "to say"), not "to" and a noun phrase ("to reporters", "to the council"). */
function infinitiveAt(toks: readonly Token[], j: number): boolean {
  if (lc(toks[j]) !== 'to') return false;
  const n = toks[j + 1]?.text ?? '';
  return /^[a-z]+(?:-[a-z]+)?$/.test(n) && !NOT_VERBS.has(n);
}
const NOT_VERBS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'reporters', 'journalists', 'supporters', 'him', 'them', 'us', 'me', 'you', 'some', 'all', 'both', 'what', 'whom', 'which', 'date']);

/** End of the addressee of a cue such as "told" starting at token k ("reporters", "him", "the committee", "Mr X"); k when none. */
export function addresseeEnd(toks: readonly Token[], k: number, sentEnd: number): number {
  let j = k;
  const l0 = lc(toks[j]);
  if (!(OBJECT_PRONOUNS.has(l0) || /^\p{Lu}/u.test(toks[j]?.text ?? ''))) return k;
  // "told the committee …": a determiner takes its noun; "told reporters …", "told Mr X …": one word or a name
  if (DETERMINER_ADDRESSEE.has(l0) && /^[a-z]+$/.test(lc(toks[j + 1]))) j += 2;
  else j++;
  while (j < sentEnd && j < k + 5 && (/^\p{Lu}/u.test(toks[j]!.text) || lc(toks[j]) === "'s")) j++;
  return j;
}

/**
 * End (exclusive token index) of the reported clause starting at `from`: the sentence's end, or earlier at a
 * semicolon or a second attribution (", he said", ", according to", ", adding"); trailing punctuation dropped,
 * a closing quotation mark kept when the clause opened one.
 */
export function contentEnd(toks: readonly Token[], quoted: Uint8Array, from: number, sentEnd: number): number {
  let e = sentEnd;
  for (let j = from + 1; j < sentEnd; j++) {
    const t = toks[j]!.text;
    if (quoted[j]) {
      // `… low,” Lavrov said`: the comma closing a quotation ends the clause as well
      if (t === ',' && CLOSE_MARKS.has(toks[j + 1]?.text ?? '') && !quoted[j + 2] && (attributionTailAt(toks, j + 2, sentEnd) || reporterClauseAt(toks, j + 2))) {
        e = j + 2;
        break;
      }
      continue;
    }
    if (t === ';') {
      e = j;
      break;
    }
    if (t === ',' || t === '—' || t === '–') {
      if (attributionTailAt(toks, j + 1, sentEnd) || reporterClauseAt(toks, j + 1)) {
        e = j;
        break;
      }
    } else if ((t === 'and' || t === 'but') && conjoinedCueAt(toks, j + 1)) {
      // "said A and added that B", "acknowledged A but said B": the same speaker's second statement
      e = j;
      break;
    }
  }
  return trimEnd(toks, from, e);
}

/** Auxiliaries and adverbs between "and"/"but" and a conjoined speech verb ("but did not say", "and also warned"). */
const CONJOINED_SKIP = new Set(['also', 'then', 'later', 'did', 'didn\'t', 'not', 'never', 'has', 'have', 'had', 'again', 'further', 'repeatedly', 'publicly', 'quickly', 'even']);

/** A finite speech verb after "and"/"but" at j (its subject the clause's): "and said", "but did not suggest". */
function conjoinedCueAt(toks: readonly Token[], j: number): boolean {
  let k = j;
  while (k < j + 3 && CONJOINED_SKIP.has(lc(toks[k]))) k++;
  const w = lc(toks[k]);
  if (w.endsWith('ing')) return false;
  const c = speechCueAt(toks, k);
  return c !== null && c.rate >= 0.5;
}

/** ", he said", ", Mr X said", ", according to …", ", adding …", ", said X": an attribution after a comma. */
function attributionTailAt(toks: readonly Token[], j: number, sentEnd: number): boolean {
  // ", while Russia says …", ", but the Kremlin said …": a second statement begins
  if (CONTRAST.has(lc(toks[j]))) {
    for (let k = j + 1; k < sentEnd && k < j + 7; k++) {
      if (toks[k]!.text === ',') break;
      if (speechCueAt(toks, k)) return k > j + 1;
    }
  }
  const l = lc(toks[j]);
  if (l === 'according' && lc(toks[j + 1]) === 'to') return true;
  if (/ing$/.test(l) && speechCueAt(toks, j)) return true; // ", adding that …", ", saying …"
  // a cue within five words, followed by the sentence end or a comma: ", the Kremlin said."
  for (let k = j; k < sentEnd && k < j + 6; k++) {
    const t = toks[k]!;
    if (t.text === ',' && k > j) return false;
    const c = speechCueAt(toks, k);
    if (c) {
      const after = toks[c.end];
      return c.end >= sentEnd || !after || after.text === ',' || after.text === '.' || TAIL_OPENERS.has(lc(after));
    }
  }
  return false;
}

/**
 * Start of a medium phrase ending right before token v ("in his speech", "in a statement on Friday", "on Twitter"),
 * which sits between a subject and its cue: "Mr X, who …, in his speech implied that …"; v when none.
 */
export function mediumBefore(toks: readonly Token[], v: number, floor: number): number {
  for (let k = v - 1; k >= floor && k >= v - 6; k--) {
    const l = lc(toks[k]);
    if (l === 'in' || l === 'on' || l === 'at' || l === 'during') {
      for (let j = k + 1; j < v; j++) if (MEDIUM_NOUNS.has(lc(toks[j])) || lc(toks[j]) === 'twitter') return k;
      return v;
    }
    if (!/^[\p{L}\p{N}'’-]+$/u.test(toks[k]!.text)) return v;
  }
  return v;
}

/** Nouns of the medium a statement was made in ("in a statement", "in an interview"). */
const MEDIUM_NOUNS = new Set(['statement', 'interview', 'letter', 'speech', 'post', 'tweet', 'video', 'message', 'note', 'conference', 'briefing', 'release', 'email', 'report', 'comments', 'remarks', 'op-ed', 'column', 'appearance', 'address']);
/** Participles that open the reporter's own clause after the statement (", leaving experts to debate …"). */
const REPORTER_PARTICIPLES = new Set(['leaving', 'prompting', 'sparking', 'raising', 'drawing', 'citing', 'following', 'according', 'echoing', 'referring', 'speaking', 'reflecting', 'underscoring', 'highlighting']);
/** Nouns the reporter uses to name the statement just reported (", his most positive remarks since …", ", a swipe at …"). */
const COMMENT_NOUNS = new Set(['remarks', 'remark', 'comments', 'comment', 'statement', 'claim', 'assertion', 'swipe', 'jab', 'dig', 'reference', 'allusion', 'nod', 'rebuke', 'criticism', 'warning', 'message', 'signal', 'sign', 'charge', 'allegation', 'accusation', 'words', 'admission', 'concession', 'boast', 'pledge', 'promise', 'threat', 'suggestion', 'argument', 'line', 'echo']);
const COMMENT_OPENERS = new Set(['a', 'an', 'his', 'her', 'their', 'its', 'the', 'in', 'something', 'what', 'one', 'another']);

/** ", in comments that …", ", leaving experts to …", ", his most positive remarks …": the reporter's words after the reported clause. */
export function reporterClauseAt(toks: readonly Token[], j: number): boolean {
  const l = lc(toks[j]);
  if (REPORTER_PARTICIPLES.has(l)) return true;
  if (COMMENT_OPENERS.has(l)) {
    if ((l === 'something' || l === 'what') && lc(toks[j + 1]) === 'that') return true;
    for (let k = j + 1; k < j + 5; k++) {
      const w = lc(toks[k]);
      if (COMMENT_NOUNS.has(w)) return lc(toks[k + 1]) !== 'that' || l !== 'the';
      if (!/^[a-z-]+$/.test(w) || w === 'that' || w === 'and') break;
    }
  }
  if (l === 'in' || l === 'during' || l === 'at') {
    for (let k = j + 1; k < j + 4; k++) if (MEDIUM_NOUNS.has(lc(toks[k]))) return true;
  }
  return false;
}

/** Drops trailing punctuation (keeping a closing quotation mark when the clause holds its opening mark). */
export function trimEnd(toks: readonly Token[], from: number, e: number): number {
  while (e > from) {
    const t = toks[e - 1]!.text;
    if (CLOSE_MARKS.has(t)) {
      let open = false;
      for (let j = from; j < e - 1; j++) if (OPEN_MARKS.has(toks[j]!.text)) open = true;
      if (open) break;
      e--;
      continue;
    }
    if (/^[\p{L}\p{N}%$)\]]/u.test(t) || /[\p{L}\p{N}]/u.test(t)) break;
    e--;
  }
  return e;
}

/** First token of a clause that ends before a cue, from the sentence start: leading conjunctions and marks skipped. */
export function clauseStartBefore(toks: readonly Token[], sentStart: number, end: number): number {
  let k = sentStart;
  while (k < end && !/[\p{L}\p{N}“"‘«]/u.test(toks[k]!.text)) k++;
  if (k < end && OPENING_CONJ.has(lc(toks[k])) && toks[k + 1]?.text !== ',') k++;
  else if (k < end && OPENING_CONJ.has(lc(toks[k])) && toks[k + 1]?.text === ',') k += 2;
  return k;
}
