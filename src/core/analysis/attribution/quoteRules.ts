/**
 * The rules that name the speaker of one direct quotation (directQuotes.ts finds the words of its sentence before
 * and after it, then asks these in order). Each rule is a method of its own, not a branch of one long function:
 * the optimising compiler recompiles a function whenever a branch it has not seen yet turns up, and the long one
 * cost it far more each time.
 */
import type { Entity } from '../types';
import type { RawQuote } from '../quotes';
import * as cuesModule from './cues';
// bound once: module getters are not called on every use in the hot loops
const { CUES, WEAK_CUES } = cuesModule;
import type { NP } from './sources';
import * as sourcesModule from './sources';
// bound once: module getters are not called on every use in the hot loops
const { npBackward, npForward } = sourcesModule;
import * as wordsModule from './words';
// bound once: module getters are not called on every use in the hot loops
const { ADVERBS, DETERMINERS, isCap, isPunct, isTerminal, lc, NOT_NAMES, PREPOSITIONS, STATEMENT_NOUNS, tokenAt } = wordsModule;
import type { SpeakerResolver } from './coref';

export interface Attribution {
  speaker: string | null;
  speakerId: string | null;
  cue: string | null;
  /** Offsets of the cue words in the text, when a cue was found. */
  cueStart?: number | null;
  cueEnd?: number | null;
}

export type Said = { att: Attribution; entity: Entity | null };

/**
 * The rules for one quotation, over the words of its sentence before (`pre`) and after (`post`) it. Each rule is
 * a method of its own, not a branch of one long function: the optimising compiler recompiles a function
 * whenever a branch it has not seen yet turns up, and the long one cost it far more each time.
 */
export class QuoteRules {
  readonly ctx: SpeakerResolver['ctx'];
  readonly toks: SpeakerResolver['ctx']['tokens'];
  readonly postW: number[];
  readonly preW: number[];

  constructor(
    readonly r0: SpeakerResolver,
    readonly q: RawQuote,
    readonly prev: { att: Attribution; entity: Entity | null; q: RawQuote } | null,
    readonly headlineLike: boolean,
    readonly openTok: number,
    readonly block: number,
    readonly pre: number[],
    readonly post: number[],
  ) {
    this.ctx = r0.ctx;
    this.toks = r0.ctx.tokens;
    const words = (idx: number[]) => idx.filter((i) => !isPunct(this.toks[i]!));
    this.postW = words(post);
    this.preW = words(pre);
  }

  /** The cue's offsets: one token, or "according to" (two). */
  private cueAt(cueTok: number | null, cueText?: string): { cueStart: number | null; cueEnd: number | null } {
    const toks = this.toks;
    return cueTok === null ? { cueStart: null, cueEnd: null } : { cueStart: toks[cueTok]!.start, cueEnd: toks[cueText === 'according to' ? cueTok + 1 : cueTok]!.end };
  }

  /** The speaker a noun phrase before or after a cue stands for, or null. */
  done(np: NP | null, cueTok: number | null, cueText?: string): Said | null {
    const { r0, ctx, toks, pre, openTok } = this;
    const pos = this.q.start;
    if (!np) return null;
    const r = r0.resolveNP(np, pos);
    // "it said:", "they told reporters": someone speaks, but not a person we can name — say so, don't guess.
    if (!r && np.kind === 'pronoun' && (np.pronoun === 'it' || np.pronoun === 'they') && pre.length > 0) {
      // "The Security Council ... what it called “…”": the sentence's subject, when an organisation or country
      const subj = npForward(ctx, pre[0]!, openTok);
      const e = subj && subj.kind === 'name' ? ctx.entities.resolve(subj.name) : null;
      if (e && e.type !== 'person') return { att: { speaker: e.name, speakerId: e.id, cue: cueText ?? (cueTok !== null ? toks[cueTok]!.text : null), ...this.cueAt(cueTok, cueText) }, entity: e };
    }
    if (!r && np.kind === 'pronoun' && np.pronoun !== 'he' && np.pronoun !== 'she') return { att: { speaker: null, speakerId: null, cue: cueText ?? (cueTok !== null ? toks[cueTok]!.text : null), ...this.cueAt(cueTok, cueText) }, entity: null };
    if (!r) return null;
    return { att: { speaker: r.name, speakerId: r.entity ? r.entity.id : null, cue: cueText ?? (cueTok !== null ? toks[cueTok]!.text : null), ...this.cueAt(cueTok, cueText) }, entity: r.entity };
  }

  /** 0. "” ― Sonya Herridge": a dash and a name after the quote. */
  dashName(): Said | null {
    const { ctx, toks, post } = this;
    // 0. "” ― Sonya Herridge": a dash and a name after the quote.
    if (post.length >= 2 && /^[―—–-]+$/.test(toks[post[0]!]!.text)) {
      const np = npForward(ctx, post[0]! + 1, post[0]! + 8);
      if (np && np.kind === 'name') {
        const r = this.done(np, null);
        if (r) return r;
      }
    }
    return null;
  }

  /** 1. Right after the quote. */
  rightAfter(): Said | null {
    const { ctx, toks, post } = this;
    // 1. Right after the quote.
    const postW = this.postW;
    if (postW.length > 0 && post[0] === postW[0] || (postW.length > 0 && post.slice(0, post.indexOf(postW[0]!)).every((i) => /^[,”’"'\u2014\u2013)-]+$/.test(toks[i]!.text)))) {
      const f = postW[0]!;
      const l = lc(toks[f]);
      if (l === 'according' && lc(toks[f + 1]) === 'to') {
        const r = this.done(npForward(ctx, f + 2, f + 12), f, 'according to');
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
        const r = this.done(np, f);
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
            const r = this.done(np, c);
            if (r) return r;
          } else if (toks[c]?.text === ',') {
            // "the airline's chief executive, Jonas Eklund, told reporters": the name in apposition
            if (np.kind === 'description') {
              const named = npForward(ctx, c + 1, c + 10);
              if (named && named.kind === 'name' && toks[named.end]?.text === ',' && CUES.has(lc(toks[named.end + 1]))) {
                const r = this.done(named, named.end + 1);
                if (r) return r;
              }
            }
            // appositive then the cue: "Fyodor Lukyanov, head of ..., said"
            for (const i of post) {
              if (i <= c) continue;
              if (CUES.has(lc(toks[i])) && !WEAK_CUES.has(lc(toks[i])) && toks[i - 1]?.text === ',') {
                const r = this.done(np, i);
                if (r) return r;
                break;
              }
            }
          }
        }
      }
    }
    return null;
  }

  /** 2. Right before the quote. */
  rightBefore(): Said | null {
    const { r0, ctx, toks, pre, openTok } = this;
    // 2. Right before the quote: "Putin said:" / "X told reporters," / "X said that ... “partial”".
    for (let j = pre.length - 1; j >= 0; j--) {
      const i = pre[j]!;
      const l = lc(toks[i]);
      if (l === 'according' && lc(toks[i + 1]) === 'to') {
        const r = this.done(npForward(ctx, i + 2, i + 12), i, 'according to');
        if (r) return r;
        continue;
      }
      if (!CUES.has(l)) continue;
      if (WEAK_CUES.has(l) && j < pre.length - 4) continue;
      let np = npBackward(ctx, i, Math.max(pre[0]!, i - 14));
      const before = lc(toks[i - 1]);
      // "X said on Tuesday, calling the offer “…”" / "“…,” Mr X said, adding that … “…”": the participle
      // continues the clause of the finite speech verb before it, so it has that verb's speaker.
      if (!np && before === ',' && /ing$/.test(l)) np = r0.finiteCueSubject(pre, j);
      // "Radio 1's controller, Andy Parfitt, said:": the name in apposition right before the cue
      if (!np && before === ',' && !/ing$/.test(l) && i - 1 > pre[0]!) np = r0.appositionName(i, pre[0]!);
      if (!np && (before === ',' || before === 'and' || before === 'but' || /ing$/.test(l))) np = r0.sentenceSubject(pre, i);
      if (!np && CUES.has(l) && i + 1 < toks.length) {
        // "said Putin:" before the quote
        const fwd = npForward(ctx, i + 1, openTok);
        const after = toks[fwd ? fwd.end : 0]?.text;
        if (fwd && fwd.kind === 'name' && (after === ':' || after === ',' || fwd.end >= openTok)) np = fwd;
      }
      const r = this.done(np, i);
      if (r) return r;
    }
    return null;
  }

  /** 3. Anywhere later in the sentence. */
  laterInSentence(): Said | null {
    const { r0, ctx, toks, post } = this;
    // 3. Anywhere later in the sentence: "... “sad state” of relations, Kremlin spokesman Dmitry Peskov told reporters".
    for (let j = 0; j < post.length; j++) {
      const i = post[j]!;
      const l = lc(toks[i]);
      if (l === 'according' && lc(toks[i + 1]) === 'to') {
        const r = this.done(npForward(ctx, i + 2, i + 12), i, 'according to');
        if (r) return r;
      }
      if (!CUES.has(l) || WEAK_CUES.has(l)) continue;
      let np = npBackward(ctx, i, Math.max(post[0]!, i - 14));
      if (!np && toks[i - 1]?.text === ',') np = r0.clauseSubject(i);
      const r = this.done(np, i);
      if (r) return r;
    }
    return null;
  }

  /** "Her line, repeated in Oslo: “…”": the person a possessive stands for. */
  possessiveBeforeColon(): Said | null {
    const { r0, toks, pre } = this;
    // "Her line, repeated in Oslo: “…”", "His message to the chancellor was: “…”": the person the possessive
    // stands for, when the quote follows a colon
    if (pre.length > 1 && toks[pre[pre.length - 1]!]!.text === ':') {
      for (let j = 0; j < pre.length - 1 && j < 4; j++) {
        const l = lc(toks[pre[j]!]);
        if ((l === 'his' || l === 'her') && (STATEMENT_NOUNS.has(lc(toks[pre[j]! + 1])) || STATEMENT_NOUNS.has(lc(toks[pre[j]! + 2])))) {
          const r = r0.resolvePronoun(toks[pre[j]!]!.start);
          if (r) return { att: { speaker: r.name, speakerId: r.entity ? r.entity.id : null, cue: null }, entity: r.entity };
        }
      }
    }
    return null;
  }

  /** A headline that opens with the speaker and a colon. */
  headlineSpeaker(): Said | null {
    const { r0, ctx, toks, pre, openTok, block, headlineLike } = this;
    // A headline that opens with the speaker and a colon: "Sanders: Clinton needs to 'get away from …'".
    if (headlineLike) {
      // "A lesson from Loretta Lynch: 'Be the voice …'": a person named right before the colon
      if (pre.length > 1 && toks[pre[pre.length - 1]!]!.text === ':') {
        const np = npBackward(ctx, pre[pre.length - 1]!, pre[0]!);
        const e = np && np.kind === 'name' ? ctx.entities.resolve(np.name) : null;
        if (e && e.type === 'person') return { att: { speaker: e.name, speakerId: e.id, cue: null }, entity: e };
      }
      const first = r0.blockStartToken(block);
      const np = npForward(ctx, first, Math.min(openTok, first + 6));
      if (np && np.kind === 'name' && toks[np.end]?.text === ':' && np.end < openTok) {
        const e = ctx.entities.resolve(np.name);
        if (e && e.type === 'person') return { att: { speaker: e.name, speakerId: e.id, cue: null }, entity: e };
      }
    }
    return null;
  }

  /** 4. A continuation of the previous quote, or a quote alone in its paragraph. */
  continuationOrAlone(): Said | null {
    const { r0, ctx, toks, q, openTok, block, prev, headlineLike } = this;
    // 4. Continuation of the previous quote.
    if (prev && (q.continuation && prev.q.group === q.group)) return { att: { ...prev.att }, entity: prev.entity };
    const alone = this.preW.length === 0 && this.postW.length === 0 && !headlineLike;
    if (alone) {
      // "Sanders made the following comment:" closing the paragraph before a quoted one
      const intro = colonIntroSpeaker(r0, openTok, block);
      if (intro) return { att: { speaker: intro.name, speakerId: intro.id, cue: null }, entity: intro };
      // "Putin said that ... stronger than any aggressor. “What is an aggressor? ...”"
      let a: { pos: number; entity: Entity | null; name: string } | null = null;
      const blockStart = toks[r0.blockStartToken(block)]!.start;
      for (const x of r0.anchors) if (x.pos >= blockStart && x.pos < q.open && (!a || x.pos > a.pos)) a = x;
      for (const x of r0.subjects) if (x.pos >= blockStart && x.pos < q.open && (!a || x.pos > a.pos)) a = { pos: x.pos, entity: x.entity, name: x.entity.name };
      const pb = prev ? ctx.blockOfToken[tokenAt(toks, prev.q.open)]! : -1;
      // the previous quote's speaker goes on, unless someone was named speaking since ("X said he had …")
      let spoke: { pos: number; entity: Entity | null; name: string } | null = null;
      if (prev) for (const x of r0.anchors) if (x.pos > prev.q.close && x.pos < q.open && (!spoke || x.pos > spoke.pos)) spoke = x;
      if (prev) {
        for (const p of r0.pronounCues) {
          if (p <= prev.q.close || p >= q.open || (spoke && p < spoke.pos)) continue;
          const r = r0.resolvePronoun(p);
          if (r && r.entity) spoke = { pos: p, entity: r.entity, name: r.name };
        }
      }
      if (prev && (pb === block || pb === block - 1) && prev.att.speaker) {
        if (!spoke || spoke.name === prev.att.speaker) return { att: { ...prev.att }, entity: prev.entity };
        return { att: { speaker: spoke.name, speakerId: spoke.entity ? spoke.entity.id : null, cue: null }, entity: spoke.entity };
      }
      if (a) return { att: { speaker: a.name, speakerId: a.entity ? a.entity.id : null, cue: null }, entity: a.entity };
    }
    return null;
  }

  /** 5. A partial quote: the subject of the sentence, a person or he/she. */
  partialQuote(): Said | null {
    const { r0, ctx, toks, pre, openTok, headlineLike } = this;
    // 5. Partial quote: the subject of the sentence when it is a person or he/she.
    if (pre.length > 0 && !headlineLike) {
      const np = r0.sentenceSubject(pre, openTok);
      if (np) {
        const r = r0.resolveNP(np, toks[np.start]!.start);
        // with no cue verb, a capitalised word the recogniser did not take for a name ("Despite …", "Plans
        // include …") is no speaker; a full name or a recognised person is
        const believable = r && (r.entity ? r.entity.type === 'person' : np.kind !== 'name' || /\s/.test(r.name) || r0.capitalisedMidSentence(r.name));
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
        const r = r0.resolvePronoun(t.start);
        if (r) return { att: { speaker: r.name, speakerId: r.entity?.id ?? null, cue: null }, entity: r.entity };
      }
      if (isCap(t) && /^[a-z]/.test(nextL) && !PREPOSITIONS.has(nextL) && !DETERMINERS.has(nextL)) {
        const e = ctx.entities.mentions.find((m) => m.start <= t.start && t.end <= m.end);
        if (e && e.entity.type === 'person') return { att: { speaker: e.entity.name, speakerId: e.entity.id, cue: null }, entity: e.entity };
      }
    }
    return null;
  }

  /** 6. Another quote earlier in the same paragraph: usually the same speaker goes on. */
  sameParagraph(): Said | null {
    const { ctx, toks, block, prev, headlineLike } = this;
    // 6. Another quote earlier in the same paragraph: usually the same speaker goes on.
    if (prev && prev.att.speaker && !headlineLike && ctx.blockOfToken[tokenAt(toks, prev.q.open)] === block) {
      return { att: { ...prev.att, cue: null, cueStart: null, cueEnd: null }, entity: prev.entity };
    }
    return null;
  }
}

/**
 * The person who is the subject of the sentence that closes the paragraph before a quote with a colon
 * ("On July 6, 2015, Sanders made the following comment:"), when the quote opens its own paragraph:
 * the first person named in that sentence and followed by a lower-case word (the verb).
 */
function colonIntroSpeaker(r0: SpeakerResolver, openTok: number, block: number): Entity | null {
  const ctx = r0.ctx;
  const toks = ctx.tokens;
  const colon = openTok - 1;
  if (block === 0 || colon < 1 || toks[colon]!.text !== ':' || ctx.blockOfToken[colon] !== block - 1) return null;
  let s = colon - 1;
  while (s > 0 && ctx.blockOfToken[s - 1] === block - 1 && !isTerminal(toks[s - 1]!) && colon - s < 40) s--;
  for (let i = s; i < colon; i++) {
    if (ctx.quoted[i]) return null;
    const t = toks[i]!;
    if (!isCap(t) || !/^[a-z]/.test(toks[i + 1]?.text ?? '')) continue;
    const m = ctx.entities.mentions.find((x) => x.start <= t.start && t.end <= x.end);
    if (m) return m.entity.type === 'person' ? m.entity : null;
  }
  return null;
}
