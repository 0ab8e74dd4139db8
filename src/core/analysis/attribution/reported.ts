/**
 * The decision for reported speech: statements without quotation marks (or with only some words quoted), found
 * sentence by sentence around the speech cues of the learnt lexicon (cues.ts), in these shapes:
 *  - "SOURCE CUE (that) CONTENT": "Putin said Russia was ready …", "Mr Trump told reporters he was optimistic",
 *    "X, who …, said CONTENT", "X said in an interview with Y that CONTENT", "X has denied CONTENT";
 *  - "CONTENT, SOURCE CUE." / "CONTENT, CUE SOURCE.": "The talks went well, the Kremlin said.";
 *  - "according to X, CONTENT" / "CONTENT, according to X(, CONTENT)", and the other shapes of shapes.ts (a cue in
 *    a to-infinitive, a naming with a quoted word, a noun of saying, a colon introduction).
 * The source is parsed around the cue (sources.ts) and named (speakerNames.ts, coref.ts); the content is a clause
 * (clauses.ts). A content that is all one direct quotation is left to the quotation; one that holds a quotation is a
 * `mixed` statement. No source found, no statement (a strong cue excepted: its statement stays, speaker null).
 */
import type { Token } from '../tokenize';
import type { Entity } from '../types';
import type { SpeechCue } from './cues';
import * as cuesModule from './cues';
// bound once: module getters are not called on every use in the hot loops
const { ADDRESSEE_LEMMAS, infinitiveCueAt, speechCueAt, STRONG_RATE } = cuesModule;
import * as clausesModule from './clauses';
// bound once: module getters are not called on every use in the hot loops
const { addresseeEnd, clauseStartBefore, contentEnd, mediumBefore, contentStart, reporterClauseAt, trimEnd } = clausesModule;
import { makeNP, type NP } from './sources';
import * as sourcesModule from './sources';
// bound once: module getters are not called on every use in the hot loops
const { groupSubject, npForward } = sourcesModule;
import type { SpeakerResolver } from './coref';
import type { Found } from './shapes';
import * as shapesModule from './shapes';
// bound once: module getters are not called on every use in the hot loops
const { according, colonIntroduction, infinitive, messageWas, MIN_WORDS, naming, NAMING_VERBS, rangeOf, sourceBefore, subordinateEnd } = shapesModule;
import * as speakerNamesModule from './speakerNames';
const { resolveSource } = speakerNamesModule;
import * as wordsModule from './words';
// bound once: module getters are not called on every use in the hot loops
const { isTerminal, lc } = wordsModule;

export interface ReportedStatement {
  /** Character offsets of the content clause. */
  readonly start: number;
  readonly end: number;
  readonly cueStart: number;
  readonly cueEnd: number;
  readonly cue: string;
  readonly speaker: string | null;
  readonly speakerId: string | null;
  readonly entity: Entity | null;
}



/** Reported statements of one sentence (token range [s, e)). */
function sentenceStatements(r: SpeakerResolver, s: number, e: number, out: Found[]): void {
  const ctx = r.ctx;
  const toks = ctx.tokens;
  const quoted = ctx.quoted;
  const sub = subordinateEnd(toks, quoted, s, e);
  for (let i = s; i < e; i++) {
    if (quoted[i]) continue;
    const c0 = toks[i]!.text.charCodeAt(0);
    // cue forms all start with a lower-case letter (a, c, d, ... w); skip capitals and punctuation fast
    if ((c0 < 97 || c0 > 122) && toks[i]!.text !== 'According') continue;
    const cue = speechCueAt(toks, i);
    if (!cue && (toks[i]!.text === 'was' || toks[i]!.text === 'is') && lc(toks[i + 1]) === 'that') {
      const m = messageWas(r, i, s, e);
      if (m) {
        out.push(m);
        i = m.b - 1;
      }
      continue;
    }
    if (!cue && NAMING_VERBS.has(toks[i]!.text)) {
      const n = naming(r, i, s, e);
      if (n) {
        out.push(n);
        i = n.b - 1;
        continue;
      }
    }
    if (!cue) {
      const inf = i > s + 2 && toks[i - 1]!.text === 'to' ? infinitiveCueAt(toks, i) : null;
      if (inf && infinitive(r, inf, s, e, out)) i = inf.end - 1;
      continue;
    }
    const strong = cue.rate >= STRONG_RATE;
    if (cue.lemma === 'according') {
      according(r, cue, s, e, out);
      i = cue.end - 1;
      continue;
    }
    // "CONTENT, SOURCE CUE." / "CONTENT, CUE SOURCE."
    const back = contentBefore(r, cue, s, e);
    if (back) {
      out.push(back);
      i = cue.end - 1;
      continue;
    }
    // "SOURCE CUE (that) CONTENT"
    // "Mr X, who …, in his speech implied that …": the subject before a medium phrase
    const v = mediumBefore(toks, cue.start, s);
    let np = sourceBefore(ctx, v, s);
    // "the campaign chief, Paul Manafort, bluntly suggested": an adverb between the apposition and the cue
    let w = v;
    while (w > s + 1 && /^[a-z]+ly$/.test(toks[w - 1]!.text) && toks[w - 2]!.text === ',') w--;
    if (!np && toks[w - 1]?.text === ',') np = r.appositionName(w, s) ?? r.clauseSubject(w);
    const before = lc(toks[cue.start - 1]);
    const participle = toks[cue.start]!.text.endsWith('ing');
    // "X denied it, saying that …", "and warned that …": the subject of the sentence (or of the speech verb before)
    if (!np && participle && cue.start > s) np = r.finiteCueSubject(rangeOf(s, cue.start + 1), cue.start - s) ?? r.sentenceSubject(rangeOf(s, cue.start), cue.start, true);
    if (!np && (before === 'and' || before === 'but') && strong) {
      np = r.finiteCueSubject(rangeOf(s, cue.start + 1), cue.start - s) ?? r.sentenceSubject(rangeOf(s, cue.start), cue.start, true);
      // the person the sentence has as a clause subject before "and said", when its start did not parse
      const p = np ? null : r.subjectBetween(toks[s]!.start, toks[cue.start]!.start);
      if (p) np = makeNP(cue.start - 1, cue.start - 1, 'name', p.name, '', []);
    }
    // "Many economists say …", "42% say …": a group, named or not
    if (!np && !participle) np = groupSubject(ctx, cue.start, Math.max(s, cue.start - 8));
    // "Someone at the quay said …", "the report said …": a source we cannot name; the statement stays, speaker null
    const unnamed = !np && strong && cue.start > s && /^[a-z]+$/.test(toks[cue.start - 1]!.text) && !PARTICLES_BEFORE.has(before);
    if (!np && !unnamed) continue;
    // "While the west accuses Russia of …, Moscow criticises …": the opening subordinate clause ends at its comma
    const ce = cue.start < sub ? sub : e;
    const a = contentStart(toks, quoted, cue.end, ce, cue.lemma);
    if (a < 0) continue;
    // a weak form ("say", "claim") needs "that", or a subject right before it ("Many lawmakers say …")
    if (!strong && lc(toks[a - 1]) !== 'that' && !(np && cue.rate >= 0.4 && np.end >= cue.start - 2)) continue;
    const b = contentEnd(toks, quoted, a, ce);
    if (b - a < MIN_WORDS) continue;
    out.push({ a, b, cue, np });
    i = cue.end - 1;
  }
}

/** "CONTENT, SOURCE CUE." or "CONTENT, CUE SOURCE." with the cue clause closing the sentence. */
function contentBefore(r: SpeakerResolver, cue: SpeechCue, s: number, e: number): Found | null {
  const ctx = r.ctx;
  const toks = ctx.tokens;
  // the cue clause runs to the sentence end, or to a comma and a participle (", adding …")
  let np: NP | null = null;
  let comma = -1;
  const ends = (k: number) => k >= e || isTerminal(toks[k]!) || toks[k]!.text === ',' || toks[k]!.text === ';';
  // "…, Peskov told reporters on a conference call Thursday.": the addressee before the tail
  let cueEnd = cue.end;
  if (ADDRESSEE_LEMMAS.has(cue.lemma) && !ends(cueEnd)) {
    const obj = addresseeEnd(toks, cueEnd, e);
    if (obj > cueEnd && ends(tailEnd(toks, obj, e))) cueEnd = obj;
  }
  const afterCue = toks[cueEnd];
  if (afterCue && !ends(tailEnd(toks, cueEnd, e))) {
    // inverted: ", said the Russian president."
    if (toks[cue.start - 1]?.text !== ',' && !/^[”"’']$/.test(toks[cue.start - 1]?.text ?? '')) return null;
    const fwd = npForward(ctx, cue.end, Math.min(e, cue.end + 14));
    if (!fwd || !ends(tailEnd(toks, fwd.end, e))) return null;
    np = fwd;
    comma = cue.start - 1;
  } else {
    np = sourceBefore(ctx, cue.start, s);
    if (np) comma = np.start - 1;
    else if (toks[cue.start - 1]?.text === ',') {
      np = r.appositionName(cue.start, s);
      if (np) comma = np.start - 1;
    }
    if (!np) return null;
  }
  // the comma (or closing quotation mark and comma) before the source
  while (comma > s && /^[”"’']$/.test(toks[comma]!.text)) comma--;
  if (comma <= s || (toks[comma]!.text !== ',' && toks[comma]!.text !== '—')) return null;
  let b = comma;
  while (b > s && /^[,—–]$/.test(toks[b - 1]!.text)) b--;
  const a = clauseStartBefore(toks, s, b);
  let bb = trimEnd(toks, a, b);
  if (bb - a < MIN_WORDS) return null;
  // "But to prevent problems, he said, local officials should be vigilant": the attribution interrupts the clause
  const k = tailEnd(toks, Math.max(cueEnd, np.end), e);
  const apposition = toks[k]?.text === ',' && isApposition(toks, k + 1, e);
  // "“A,” said X, a fellow at …": a whole quotation before the attribution is not continued by what follows it
  const wholeQuote = OPEN_QUOTE.test(toks[a]!.text) && ctx.quoted[bb - 1] === 1 && /^[”"’']$/.test(toks[comma + 1]?.text ?? toks[comma]!.text);
  if (toks[k]?.text === ',' && k + 1 < e && !apposition && !wholeQuote && !speechCueAt(toks, k + 1) && !reporterClauseAt(toks, k + 1) && !ctx.quoted[k + 1] && !/^(?:who|which|adding|saying|according)$/.test(lc(toks[k + 1])) && !((lc(toks[k + 1]) === 'and' || lc(toks[k + 1]) === 'but') && cueWithin(toks, k + 2, 4))) {
    const b2 = contentEnd(toks, ctx.quoted, k + 1, e);
    if (b2 - (k + 1) >= MIN_WORDS) bb = b2;
  }
  return { a, b: bb, cue, np };
}

const OPEN_QUOTE = /^[“"‘']$/;

/** Words right before a cue that show no subject precedes it ("and said", "to say", "who said"). */
const PARTICLES_BEFORE = new Set(['and', 'or', 'but', 'to', 'who', 'which', 'that', 'also', 'then', 'as', 'not', 'never', 'has', 'have', 'had', 'would', 'will', 'could', 'did', 'does', 'do']);

const FINITE = new Set(['is', 'was', 'are', 'were', 'will', 'would', 'has', 'have', 'had', 'should', 'could', 'can', 'must', 'did', 'does', 'do', 'may', 'might', "'s", "n't", 'not']);
const DETS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'who', 'which', 'whose']);

/** ", the county engineer." / ", a former aide to X, …": a short phrase describing the source, not a clause. */
function isApposition(toks: readonly Token[], k: number, e: number): boolean {
  const first = toks[k];
  if (!first || !(DETS.has(lc(first)) || /^\p{Lu}/u.test(first.text))) return false;
  if (lc(first) === 'who' || lc(first) === 'which' || lc(first) === 'whose') return true;
  let j = k;
  for (; j < e && toks[j]!.text !== ',' && !isTerminal(toks[j]!); j++) {
    // "a managing director at X who previously served on …": a relative clause belongs to the apposition
    if (lc(toks[j]) === 'who' || lc(toks[j]) === 'whose') return true;
    if (FINITE.has(lc(toks[j])) || /ed$/.test(lc(toks[j]))) return false;
  }
  return j - k <= 24;
}

/** A speech cue among the `n` tokens from k (", and added that …"). */
function cueWithin(toks: readonly Token[], k: number, n: number): boolean {
  for (let i = k; i < k + n && i < toks.length; i++) if (speechCueAt(toks, i)) return true;
  return false;
}

/** Skips a short attribution tail after an inverted source ("said Mr X on Tuesday", "said X in a statement"). */
function tailEnd(toks: readonly Token[], k: number, e: number): number {
  const l = lc(toks[k]);
  if (l === 'in' || l === 'on' || l === 'at' || l === 'during' || l === 'to' || l === 'late' || l === 'earlier' || l === 'last' || l === 'this') {
    let j = k;
    while (j < e && j < k + 12 && !isTerminal(toks[j]!) && toks[j]!.text !== ',') j++;
    return j;
  }
  return k;
}

/**
 * Finds the reported statements of an article. `sentences` are token ranges; `directQuotes` the character spans
 * of the direct quotations (a content that is all one quotation is the quotation's, not a reported statement).
 */
export function findReported(r: SpeakerResolver, sentences: readonly (readonly [number, number])[], directQuotes: readonly { start: number; end: number }[]): ReportedStatement[] {
  const toks = r.ctx.tokens;
  const found: Found[] = [];
  for (const [s, e] of sentences) {
    let any = false;
    for (let i = s; i < e && !any; i++) {
      const c = toks[i]!.text.charCodeAt(0);
      if (c >= 97 && c <= 122 && !r.ctx.quoted[i]) any = true;
    }
    if (any) sentenceStatements(r, s, e, found);
    if (s === 0 || r.ctx.blockOfToken[s - 1] !== r.ctx.blockOfToken[s]) colonIntroduction(r, s, found);
  }
  const out: ReportedStatement[] = [];
  let qi = 0;
  const seen = new Set<string>();
  for (const f of found) {
    const start = toks[f.a]!.start;
    const end = toks[f.b - 1]!.end;
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    // all (or nearly all) one direct quotation: the quotation is the statement
    while (qi > 0 && directQuotes[qi - 1]!.end > start) qi--;
    while (qi < directQuotes.length && directQuotes[qi]!.end <= start) qi++;
    let covered = 0;
    for (let k = qi; k < directQuotes.length && directQuotes[k]!.start < end; k++) covered += Math.max(0, Math.min(end, directQuotes[k]!.end) - Math.max(start, directQuotes[k]!.start));
    if (covered >= 0.8 * (end - start)) continue;
    seen.add(key);
    const who = f.np ? resolveSource(r, f.np, start) : null;
    out.push({
      start,
      end,
      cueStart: toks[f.cue.start]!.start,
      cueEnd: toks[f.cue.end - 1]!.end,
      cue: r.ctx.text.slice(toks[f.cue.start]!.start, toks[f.cue.end - 1]!.end),
      speaker: who ? who.name : null,
      speakerId: who?.entity ? who.entity.id : null,
      entity: who ? who.entity : null,
    });
  }
  out.sort((x, y) => x.start - y.start || x.end - y.end);
  return dropNearDuplicates(dropUnnamedOuter(out));
}

/**
 * A statement with no speaker whose words hold the cue of a statement with one ("In a message posted Friday,
 * Cruz said he …", "May said the country would declare … and suggested that …") is a clause misread as an
 * attribution around a real one: the one with the speaker stays.
 */
export function dropUnnamedOuter(items: ReportedStatement[]): ReportedStatement[] {
  let gone: Set<number> | null = null;
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    if (a.speaker !== null) continue;
    for (const b of items) {
      if (b !== a && b.speaker !== null && b.cueStart >= a.start && b.cueEnd <= a.end) {
        (gone ??= new Set()).add(i);
        break;
      }
    }
  }
  return gone === null ? items : items.filter((_, k) => !gone.has(k));
}

/** Of two statements of one speaker where one holds the other and is barely longer, the shorter one stays. */
function dropNearDuplicates(items: ReportedStatement[]): ReportedStatement[] {
  const gone = new Set<number>();
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length && items[j]!.start < items[i]!.end; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.speaker !== b.speaker) continue;
      // b starts inside a (sorted by start); a holds b, or both start together and b holds a
      if (b.end <= a.end) {
        if (b.end - b.start >= 0.85 * (a.end - a.start)) gone.add(i);
      } else if (a.start === b.start && a.end - a.start >= 0.85 * (b.end - b.start)) gone.add(j);
    }
  }
  return gone.size === 0 ? items : items.filter((_, k) => !gone.has(k));
}
