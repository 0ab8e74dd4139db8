/**
 * Shapes of reported speech besides "SOURCE CUE CONTENT" and "CONTENT, SOURCE CUE" (reported.ts): "according to X",
 * a colon introduction ("PENCE: …"), a cue in a to-infinitive ("used his press conference to suggest that …"), a
 * naming with a quoted word ("called X a “dictator”"), a noun of saying ("The message from X was that …"); and
 * the helpers the decision shares: the source right before a cue, the end of an opening subordinate clause.
 */
import type { Token } from '../tokenize';
import type { SpeechCue } from './cues';
import type { SpeakerResolver } from './coref';
import * as clausesModule from './clauses';
// bound once: module getters are not called on every use in the hot loops
const { clauseStartBefore, contentEnd, contentStart, reporterClauseAt, trimEnd } = clausesModule;
import * as cuesModule from './cues';
const { speechCueAt } = cuesModule;
import { makeNP, type NP } from './sources';
import * as sourcesModule from './sources';
const { groupSubject, npBackward, npForward } = sourcesModule;
import * as wordsModule from './words';
const { isTerminal, lc, SPOKES, STATEMENT_NOUNS } = wordsModule;

/** A statement found in a sentence: its content tokens [a, b), its cue, and its source phrase (null: unnamed). */
export interface Found {
  a: number;
  b: number;
  cue: SpeechCue;
  np: NP | null;
}

/** Fewest words a reported clause has ("he was optimistic" has three). */
export const MIN_WORDS = 2;

const DETS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'who', 'which', 'whose']);
/** Verbs that name something with a quoted word: "called X a “dictator”", "rejected as “ridiculous” the claim that …". */
export const NAMING_VERBS = new Set(['called', 'calls', 'calling', 'dubbed', 'dubs', 'branded', 'brands', 'labelled', 'labeled', 'labels', 'dismissed', 'dismisses', 'rejected', 'rejects', 'denounced', 'denounces', 'condemned', 'condemns', 'hailed', 'hails', 'derided', 'derides', 'decried', 'decries', 'described', 'describes', 'praised', 'praises', 'criticised', 'criticized', 'slammed', 'mocked', 'ridiculed']);

/**
 * A naming with a quoted word: "He called Zelenskyy a “dictator”" (the object and the quoted name, which PolNeAR and
 * readers take as the statement), "he has rejected as “ridiculous” the conclusions that …" (the quoted word, then
 * the object to the clause's end). The quotation is short (a scare quote); the source the verb's subject.
 */
export function naming(r: SpeakerResolver, v: number, s: number, e: number): Found | null {
  const ctx = r.ctx;
  const toks = ctx.tokens;
  const q = ctx.quoted;
  const a = v + 1;
  let b = -1;
  if (lc(toks[a]) === 'as' && q[a + 1]) {
    // "rejected as “ridiculous” the conclusions …"
    let k = a + 1;
    while (k < e && q[k]) k++;
    if (k - (a + 1) > 8 || k >= e || !/^[a-z]/.test(toks[k]!.text)) return null;
    b = contentEnd(toks, q, k, e);
  } else {
    // "called Zelenskyy a “dictator”": a short object, then the quoted name
    let k = a;
    while (k < e && k < a + 7 && !q[k] && /^[\p{L}\p{N}'’.-]+$/u.test(toks[k]!.text)) k++;
    if (k === a || k >= e || !q[k] || DETS.has(lc(toks[k - 1])) && k - 1 === a) return null;
    let m = k;
    while (m < e && q[m]) m++;
    if (m - k > 8) return null;
    b = m;
  }
  if (b - a < MIN_WORDS) return null;
  let np = sourceBefore(ctx, v, s);
  const before = lc(toks[v - 1]);
  if (!np && (before === 'and' || before === 'but')) np = r.finiteCueSubject(rangeOf(s, v + 1), v - s) ?? r.sentenceSubject(rangeOf(s, v), v, true);
  if (!np) return null;
  return { a, b, cue: { start: v, end: v + 1, lemma: lc(toks[v]), rate: 1 }, np };
}

/**
 * "The message from Moscow was that CONTENT", "Mr X's view is that CONTENT", "His answer was that CONTENT": a noun
 * of saying (words.ts) whose owner is the source; `v` is the "was"/"is" before "that".
 */
export function messageWas(r: SpeakerResolver, v: number, s: number, e: number): Found | null {
  const ctx = r.ctx;
  const toks = ctx.tokens;
  let np: NP | null = null;
  let noun = -1;
  if (STATEMENT_NOUNS.has(lc(toks[v - 1]))) {
    noun = v - 1;
    const p = lc(toks[v - 2]);
    if (p === "'s") np = npBackward(ctx, v - 2, Math.max(s, v - 12));
    else if (p === 'his' || p === 'her') np = makeNP(v - 2, v - 1, 'pronoun', '', p === 'his' ? 'he' : 'she', [p]);
  } else {
    np = npBackward(ctx, v, Math.max(s, v - 10));
    const p = np ? lc(toks[np.start - 1]) : '';
    if (np && (p === 'from' || p === 'of') && STATEMENT_NOUNS.has(lc(toks[np.start - 2]))) noun = np.start - 2;
    else np = null;
  }
  if (!np || noun < 0 || np.kind === 'description') return null;
  const a = v + 2;
  const b = contentEnd(toks, ctx.quoted, a, e);
  if (b - a < MIN_WORDS + 1) return null;
  return { a, b, cue: { start: noun, end: noun + 1, lemma: lc(toks[noun]), rate: 1 }, np };
}

const DETS_GROUP = new Set(['the', 'some', 'many', 'most', 'several', 'other', 'these', 'those', 'both', 'all']);

/** Words that open a clause: the subject of a to-infinitive cue is looked for after the last of them. */
const CLAUSE_OPENERS = new Set([',', ';', ':', '—', '–', '(', 'before', 'after', 'when', 'while', 'as', 'because', 'since', 'until', 'and', 'but', 'that', 'who', 'which', 'if', 'although', 'though', 'where', 'once', 'whereas']);

/**
 * "Mr Putin used his press conference to suggest that CONTENT", "the diplomats emerged to tell reporters that
 * CONTENT": a cue in a to-infinitive (cues.ts decides which) whose reported clause opens with "that"; the source
 * is the subject of the clause the infinitive depends on.
 */
export function infinitive(r: SpeakerResolver, cue: SpeechCue, s: number, e: number, out: Found[]): boolean {
  const ctx = r.ctx;
  const toks = ctx.tokens;
  const to = cue.start - 1;
  const a = contentStart(toks, ctx.quoted, cue.end, e, cue.lemma);
  if (a < 0 || lc(toks[a - 1]) !== 'that') return false;
  let k = to;
  while (k > s && !CLAUSE_OPENERS.has(lc(toks[k - 1])) && !ctx.quoted[k - 1]) k--;
  // an introductory phrase of the sentence is no subject ("In the end, …" is cut at its comma above)
  let np = npForward(ctx, k, to);
  // "the diplomats emerged to tell …": a group the clause starts with
  for (let p = k + 1; !np && p < to && p < k + 6; p++) {
    const g = groupSubject(ctx, p, k);
    if (g && g.start === k || g && g.start === k + 1 && DETS_GROUP.has(lc(toks[k]))) np = g;
  }
  // the subject, then the verb the infinitive depends on ("emerged", "used his press conference")
  if (!np || np.end >= to - 0 || np.kind === 'description' && !SPOKES.has(np.words[np.words.length - 1] ?? '') && !/^[a-z]+s$/.test(np.words[np.words.length - 1] ?? '')) return false;
  const v = lc(toks[np.end]);
  if (!/^[a-z]+$/.test(v) || v === 'to') return false;
  const b = contentEnd(toks, ctx.quoted, a, e);
  if (b - a < MIN_WORDS) return false;
  out.push({ a, b, cue, np });
  return true;
}

const SUBORDINATORS = new Set(['while', 'whereas', 'although', 'though', 'if', 'because', 'since', 'when', 'after', 'before', 'unless', 'as']);

/** The comma closing a subordinate clause that opens the sentence ("While X says A, B …"); -1 when none. */
export function subordinateEnd(toks: readonly Token[], quoted: Uint8Array, s: number, e: number): number {
  let k = s;
  while (k < e && !/[\p{L}\p{N}]/u.test(toks[k]!.text)) k++;
  if (lc(toks[k]) === 'but' || lc(toks[k]) === 'and') k++;
  if (!SUBORDINATORS.has(lc(toks[k]))) return -1;
  for (let j = k + 2; j < e; j++) if (toks[j]!.text === ',' && !quoted[j]) return j;
  return -1;
}

/** The source right before token v: a name, pronoun or description, or a group ("Florida election officials") npBackward cuts short. */
export function sourceBefore(ctx: SpeakerResolver['ctx'], v: number, s: number): NP | null {
  const np = npBackward(ctx, v, Math.max(s, v - 14));
  if (np && np.kind !== 'description') return np;
  const g = groupSubject(ctx, v, Math.max(s, v - 8));
  return g && (!np || g.start < np.start) ? g : np;
}

export function rangeOf(s: number, e: number): number[] {
  const out: number[] = [];
  for (let i = s; i < e; i++) out.push(i);
  return out;
}

/** "according to X, CONTENT" / "CONTENT, according to X". */
export function according(r: SpeakerResolver, cue: SpeechCue, s: number, e: number, out: Found[]): void {
  const toks = r.ctx.tokens;
  const np = npForward(r.ctx, cue.end, Math.min(e, cue.end + 12));
  let srcEnd = np ? np.end : cue.end;
  // "according to a spokesperson for the Kremlin"
  if ((lc(toks[srcEnd]) === 'for' || lc(toks[srcEnd]) === 'of') && npForward(r.ctx, srcEnd + 1, Math.min(e, srcEnd + 8))) srcEnd = npForward(r.ctx, srcEnd + 1, Math.min(e, srcEnd + 8))!.end;
  const before = clauseStartBefore(toks, s, cue.start);
  if (cue.start - before >= MIN_WORDS + 1 && (toks[cue.start - 1]?.text === ',' || toks[cue.start - 1]?.text === '—')) {
    // "CONTENT, according to X." / "CONTENT, according to X, CONTENT": the attribution may interrupt the clause
    let b = trimEnd(toks, before, cue.start - 1);
    let k = srcEnd;
    while (k < e && k < srcEnd + 12 && toks[k]!.text !== ',' && !isTerminal(toks[k]!)) k++;
    if (toks[k]?.text === ',' && k + 1 < e && !r.ctx.quoted[k + 1] && !reporterClauseAt(toks, k + 1) && !speechCueAt(toks, k + 1)) {
      const b2 = contentEnd(toks, r.ctx.quoted, k + 1, e);
      if (b2 - (k + 1) >= MIN_WORDS) b = b2;
    }
    if (b - before >= MIN_WORDS && !r.ctx.quoted[before]) out.push({ a: before, b, cue, np });
    return;
  }
  // "According to X, CONTENT."
  let a = srcEnd;
  while (a < e && a < srcEnd + 12 && toks[a]!.text !== ',') a++;
  if (toks[a]?.text !== ',') return;
  a++;
  const b = contentEnd(toks, r.ctx.quoted, a, e);
  if (b - a >= MIN_WORDS) out.push({ a, b, cue, np });
}

const COLON_CUE: SpeechCue = { start: 0, end: 0, lemma: ':', rate: 1 };

/**
 * "Pence: Gennifer Flowers won't be at the debate" (a headline), "PENCE: Well, look, …" (a transcript): a paragraph
 * opening with a name and a colon; the content runs to the paragraph's end.
 */
export function colonIntroduction(r: SpeakerResolver, s: number, out: Found[]): void {
  const toks = r.ctx.tokens;
  const block = r.ctx.blockOfToken[s];
  let c = s;
  while (c < toks.length && c < s + 5 && toks[c]!.text !== ':' && /^\p{Lu}/u.test(toks[c]!.text)) c++;
  if (c === s || toks[c]?.text !== ':' || r.ctx.quoted[c + 1]) return;
  const np = npForward(r.ctx, s, c);
  if (!np || np.kind !== 'name' || np.end !== c) return;
  // "Moscow: President Trump says …" is a dateline
  if (r.ctx.entities.resolve(np.name)?.type === 'place') return;
  let b = c + 1;
  while (b < toks.length && r.ctx.blockOfToken[b] === block) b++;
  b = trimEnd(toks, c + 1, b);
  if (b - (c + 1) < MIN_WORDS + 1) return;
  out.push({ a: c + 1, b, cue: { ...COLON_CUE, start: c, end: c + 1 }, np });
}
