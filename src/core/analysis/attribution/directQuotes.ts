/**
 * The decision for direct quotations: who said the words between quotation marks. Rules over tokens, in order
 * of reliability:
 *  1. right after the quote: `”, Mr Putin wrote` / `,” said Putin` / `,” Fyodor Lukyanov, head of ..., said`;
 *  2. right before it: `Putin said: “` / `Mr Trump tweeted that the US should “`;
 *  3. elsewhere in the same sentence: a cue verb and its subject, or `according to X`;
 *  4. a quote that continues an earlier one (several paragraphs, forgotten closing mark), or stands alone in
 *     its paragraph right after a quoted paragraph, keeps the previous speaker;
 *  5. a partial quote inside a sentence whose subject is a person or he/she.
 * No rule, no guess: null. This module finds the quote's sentence and a transcript label; the rules are in
 * quoteRules.ts.
 */
import type { Entity } from '../types';
import type { RawQuote } from '../quotes';
import * as cuesModule from './cues';
// bound once: module getters are not called on every use in the hot loops
const { CUES } = cuesModule;
import * as sourcesModule from './sources';
// bound once: module getters are not called on every use in the hot loops
const { npForward } = sourcesModule;
import * as wordsModule from './words';
// bound once: module getters are not called on every use in the hot loops
const { ATTRIBUTION_TAIL, isCap, isTerminal, lc, tokenAt } = wordsModule;
import type { SpeakerResolver } from './coref';
import { QuoteRules, type Attribution } from './quoteRules';

export type { Attribution } from './quoteRules';

/**
 * The speaker label that opens a transcript turn: one to three upper-case words (initials, hyphens and
 * apostrophes allowed) and a colon at the start of [start, end), title-cased ("MIKE PENCE" → "Mike Pence"),
 * or null. Upper case only: "Note: …" or "Update: …" are no speakers.
 */
export function transcriptLabel(text: string, start: number, end: number): string | null {
  const m = /^\s*((?:\p{Lu}[\p{Lu}'’.-]+)(?: \p{Lu}[\p{Lu}'’.-]*){0,2}):\s/u.exec(text.slice(start, Math.min(end, start + 60)));
  if (!m || m[1]!.length < 3 || /[.'’-]$/.test(m[1]!)) return null;
  return m[1]!.toLowerCase().replace(/(^|[\s'’.-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

export function attributeQuote(r0: SpeakerResolver, q: RawQuote, prev: { att: Attribution; entity: Entity | null; q: RawQuote } | null, headlineLike = false): { att: Attribution; entity: Entity | null } {
  const ctx = r0.ctx;
  const toks = ctx.tokens;
  const openTok = tokenAt(toks, q.open);
  const closeTok = q.unclosed ? tokenAt(toks, q.close) - 1 : tokenAt(toks, q.close);
  const block = ctx.blockOfToken[Math.min(openTok, toks.length - 1)]!;
  // 0. A transcript turn: the quoted paragraph opens with its speaker's label ("WALLACE: Let's start …").
  const label = transcriptLabel(ctx.text, q.start, q.end);
  if (label) {
    const e = ctx.entities.resolve(label);
    if (!e || e.type === 'person') return { att: { speaker: e ? e.name : label, speakerId: e ? e.id : null, cue: null }, entity: e };
    // a label a place gazetteer also knows ("WALLACE", a town too) is still the speaker, as written
    if (e.type === 'place') return { att: { speaker: label, speakerId: null, cue: null }, entity: null };
  }
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
  const rules = new QuoteRules(r0, q, prev, headlineLike, openTok, block, pre, post);
  return (
    rules.dashName() ??
    rules.rightAfter() ??
    rules.rightBefore() ??
    rules.laterInSentence() ??
    rules.possessiveBeforeColon() ??
    rules.headlineSpeaker() ??
    rules.continuationOrAlone() ??
    rules.partialQuote() ??
    rules.sameParagraph() ?? { att: { speaker: null, speakerId: null, cue: null }, entity: null }
  );
}
