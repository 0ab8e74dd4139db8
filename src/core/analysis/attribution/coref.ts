/**
 * Coreference for speakers: who "he", "she", "the Russian president" or "the mayor" is at a given place in the
 * article. Anchors are the people seen speaking (subjects of speech verbs, speakers of earlier quotes) and clause
 * subjects; titles are gathered from the words around each person's mentions; gender comes from honorifics,
 * pronouns used of a person, and first names (../../people/gender).
 */
import type { Entity } from '../types';
import { genderOfPerson, genderOfTitle, type Gender } from '../../people/gender';
import { isTitleHead } from '../titles';
import * as cuesModule from './cues';
// bound once: module getters are not called on every use in the hot loops
const { CUES, WEAK_CUES } = cuesModule;
import type { NP, SpeakerContext } from './sources';
import * as sourcesModule from './sources';
// bound once: module getters are not called on every use in the hot loops
const { npBackward, npForward } = sourcesModule;
import * as wordsModule from './words';
// bound once: module getters are not called on every use in the hot loops
const { ADVERBS, DETERMINERS, HEAD_SYNONYMS, isCap, isPunct, isTerminal, lc, lowerBound, NATIONALITY, normKeyLoose, PREPOSITIONS, SPOKES, STARTERS, stripTitles, TITLE_WORDS, tokenAt } = wordsModule;

export class SpeakerResolver {
  /** Positions of speech-verb subjects and quote speakers that are people, for pronoun resolution. */
  readonly anchors: { pos: number; entity: Entity | null; name: string }[] = [];
  /** Title words seen around each person's mentions. */
  readonly titles = new Map<Entity, Set<string>>();

  constructor(readonly ctx: SpeakerContext) {
    this.collectTitles();
    this.collectSubjects();
    this.collectCueSubjects();
  }

  collectTitles(): void {
    const toks = this.ctx.tokens;
    for (const m of this.ctx.entities.mentions) {
      if (m.entity.type !== 'person') continue;
      const set = this.titles.get(m.entity) ?? new Set<string>();
      this.titles.set(m.entity, set);
      const ti = tokenAt(toks, m.start);
      for (let k = ti - 1; k >= 0 && k >= ti - 5 && this.ctx.blockOfToken[k] === this.ctx.blockOfToken[ti]; k--) {
        const l = lc(toks[k]);
        if (TITLE_WORDS.has(l) || isTitleHead(l) || NATIONALITY[l] || /^[a-z]+-[a-z]+$/.test(l)) set.add(l);
        else break;
      }
      // appositive: "John Kerry, US secretary of state,"
      let k = tokenAt(toks, m.end);
      if (toks[k]?.text === ',') {
        k++;
        const first = lc(toks[k]);
        if (DETERMINERS.has(first) || TITLE_WORDS.has(first) || isTitleHead(first) || NATIONALITY[first] || isCap(toks[k])) {
          const app: string[] = [];
          for (let n = 0; n < 8 && k < toks.length; n++, k++) {
            const l = lc(toks[k]);
            if (l === ',' || l === '.' || l === ';' || l === 'who' || l === 'which') break;
            app.push(l);
          }
          if (app.some((w) => (TITLE_WORDS.has(w) || isTitleHead(w)) && !DETERMINERS.has(w)) && !app.includes('not')) for (const w of app) set.add(w);
        }
      }
    }
  }

  /** Person mentions that look like the subject of a clause ("Mr Trump seemed", "Sergei Markov, a ..."). */
  readonly subjects: { pos: number; entity: Entity }[] = [];

  collectSubjects(): void {
    const toks = this.ctx.tokens;
    for (const m of this.ctx.entities.mentions) {
      if (m.entity.type !== 'person') continue;
      const ti = tokenAt(toks, m.start);
      if (this.ctx.quoted[ti]) continue;
      let te = tokenAt(toks, m.end);
      const before = lc(toks[ti - 1]);
      if (PREPOSITIONS.has(before) || before === "'s" || before === 'the' || before === 'a') continue;
      if (toks[te]?.text === '(') {
        let k = te + 1;
        while (k < toks.length && k < te + 10 && toks[k]!.text !== ')') k++;
        if (toks[k]?.text === ')') te = k + 1;
      }
      while (te < toks.length && (ADVERBS.has(lc(toks[te])) || (/^[a-z]+ly$/.test(lc(toks[te])) && lc(toks[te]).length > 4))) te++;
      const next = toks[te];
      if (!next) continue;
      const nl = lc(next);
      const ok = (/^[a-z]/.test(nl) && !PREPOSITIONS.has(nl) && !DETERMINERS.has(nl) && nl !== 'and' && nl !== 'or' && nl !== 'who') || nl === ',';
      if (ok) this.subjects.push({ pos: m.start, entity: m.entity });
    }
  }

  /** The last person mention that reads as a clause subject between two offsets ("X met Y and said …"), if any. */
  subjectBetween(from: number, to: number): Entity | null {
    const k = lowerBound(this.subjects, to) - 1;
    const m = k >= 0 ? this.subjects[k]! : undefined;
    return m && m.pos >= from ? m.entity : null;
  }

  /** Positions of speech verbs whose subject is "he" or "she". */
  readonly pronounCues: number[] = [];

  collectCueSubjects(): void {
    const toks = this.ctx.tokens;
    for (let v = 0; v < toks.length; v++) {
      if (this.ctx.quoted[v]) continue;
      const l = lc(toks[v]);
      if (!CUES.has(l) || WEAK_CUES.has(l)) continue;
      let np = npBackward(this.ctx, v, Math.max(0, v - 12));
      if (!np && toks[v - 1]?.text === ',') np = this.appositionName(v) ?? this.clauseSubject(v);
      if (np && np.kind === 'pronoun' && (np.pronoun === 'he' || np.pronoun === 'she')) {
        // "He told the audience that …": someone spoke here; who, is resolved when a quote needs it
        this.pronounCues.push(toks[v]!.start);
        continue;
      }
      if (!np || np.kind !== 'name') continue;
      const e = this.ctx.entities.resolve(np.name);
      if (e && e.type !== 'person') continue;
      this.anchors.push({ pos: toks[v]!.start, entity: e, name: e ? e.name : stripTitles(np.name) });
    }
  }

  /** "The mayor, Jonas Dahl, said": the person named between commas right before the cue at v. */
  appositionName(v: number, floor = 0): NP | null {
    const toks = this.ctx.tokens;
    if (toks[v - 1]?.text !== ',' || v - 1 <= floor) return null;
    const app = npBackward(this.ctx, v - 1, Math.max(floor, v - 15));
    if (!app || app.kind !== 'name' || toks[app.start - 1]?.text !== ',') return null;
    const e = this.ctx.entities.resolve(app.name);
    return e && e.type === 'person' ? app : null;
  }

  /** A name NP that can be a subject: not a one-word opener ("Outside", "Asked", "Hastily") nor a shouted dateline ("ORLANDO"). */
  nameLike(np: NP): boolean {
    if (np.kind !== 'name' || /\s/.test(np.name)) return true;
    if (this.openerOrDateline(np)) return false;
    return this.ctx.entities.resolve(np.name) !== null || this.plausibleName(np.name);
  }

  /** A one-word "name" that is a sentence opener ("Moreover", "Still", "Hastily") or a shouted dateline ("PARIS (Reuters) -"). */
  openerOrDateline(np: NP): boolean {
    if (np.kind !== 'name' || /\s/.test(np.name)) return false;
    if (np.name.length > 2 && np.name === np.name.toUpperCase() && /^[,(—–-]$/.test(this.ctx.tokens[np.end]?.text ?? '')) return true;
    return OPENERS.has(np.name.toLowerCase()) || /^\p{Lu}\p{Ll}+ly$/u.test(np.name);
  }

  /** The first noun phrase of the clause that ends with the cue at v (for "X, an appositive, said"). */
  clauseSubject(v: number): NP | null {
    const toks = this.ctx.tokens;
    let s = v - 1;
    const block = this.ctx.blockOfToken[v];
    while (s > 0 && v - s < 40 && this.ctx.blockOfToken[s - 1] === block && !isTerminal(toks[s - 1]!) && !this.ctx.quoted[s - 1]) s--;
    // skip closing quote marks and commas at clause start
    while (s < v && isPunct(toks[s]!)) s++;
    const np = npForward(this.ctx, s, v);
    if (np && toks[np.end]?.text === ',') return np;
    // "But Matt Morrison, the group's deputy director, said", "As part of his plea, Marcel Lazar, 44, said": the name
    // after an opening conjunction or an introductory phrase, its apposition running to the cue
    for (let k = s; k < v - 2; k++) {
      const start = k === s && OPENING_CONJ.has(lc(toks[k])) ? k + 1 : toks[k]!.text === ',' ? k + 1 : -1;
      if (start < 0) continue;
      const cand = npForward(this.ctx, start, v);
      if (cand && cand.kind === 'name' && toks[cand.end]?.text === ',' && cand.end < v - 1 && appositionOnly(toks, cand.end + 1, v - 1)) return cand;
    }
    return null;
  }

  addAnchor(pos: number, entity: Entity | null, name: string): void {
    // kept sorted by position, after anchors at the same position
    this.anchors.splice(lowerBound(this.anchors, pos + 1), 0, { pos, entity, name });
  }

  resolveNP(np: NP, pos: number): { name: string; entity: Entity | null } | null {
    if (np.kind === 'pronoun') {
      if (np.pronoun !== 'he' && np.pronoun !== 'she') return null;
      return this.resolvePronoun(Math.max(pos, this.ctx.tokens[np.start]!.start), np.pronoun === 'he' ? 'male' : 'female');
    }
    if (np.kind === 'name') {
      if (np.fullName) {
        const full = this.ctx.entities.resolve(np.fullName);
        if (full && normKeyLoose(full.name) === normKeyLoose(np.fullName)) return { name: full.name, entity: full };
      }
      // "Cara Diemont of IT firm Dimension Data": the person, not "… of IT"
      const of = np.name.indexOf(' of ');
      if (of > 0) {
        const p = this.ctx.entities.resolve(np.name.slice(0, of));
        if (p && p.type === 'person') return { name: p.name, entity: p };
        // "Lee Zeldin of New York" unrecognised: the name before "of", when it reads as one
        const n0 = stripTitles(np.name.slice(0, of));
        if (!p && /\s/.test(n0) && this.plausibleName(n0) && !this.ctx.entities.resolve(np.name)) return { name: n0, entity: null };
      }
      const e = this.ctx.entities.resolve(np.name);
      if (e) return { name: e.name, entity: e };
      const n = stripTitles(np.name);
      if (!this.plausibleName(n)) return null;
      const e2 = this.ctx.entities.resolve(n);
      if (e2) return { name: e2.name, entity: e2 };
      return { name: n, entity: null };
    }
    return this.resolveDescription(np.words, pos, np.demonym === true);
  }

  private lowerWords: Set<string> | null = null;
  private midCaps: Set<string> | null = null;

  /** The word is written capitalised somewhere in the middle of a sentence (a name, not a sentence opener). */
  capitalisedMidSentence(w: string): boolean {
    if (!this.midCaps) {
      this.midCaps = new Set();
      const toks = this.ctx.tokens;
      for (let i = 1; i < toks.length; i++) if (isCap(toks[i]) && /^[\p{Ll},]/u.test(toks[i - 1]!.text)) this.midCaps.add(toks[i]!.text);
    }
    return this.midCaps.has(w);
  }

  /** A name the recogniser did not find: believable if short, not shouted, and not a common word. */
  plausibleName(n: string): boolean {
    if (!/\p{L}{2}/u.test(n)) return false;
    const words = n.split(/\s+/);
    if (words.length > 4) return false;
    if (words.length > 1 && n === n.toUpperCase()) return false;
    if (STARTERS.has(words[0]!.toLowerCase())) return false;
    if (!this.lowerWords) {
      this.lowerWords = new Set();
      for (const t of this.ctx.tokens) if (/^[a-z]/.test(t.text)) this.lowerWords.add(t.text);
    }
    if (words.length === 1 && (this.lowerWords.has(n.toLowerCase()) || /(?:ing|ly|ed)$/.test(n))) return false;
    if (words.every((w) => this.lowerWords!.has(w.toLowerCase()))) return false;
    return true;
  }

  /** Person mentions outside quotes, by position (for the pronoun fallback). */
  private outside: { pos: number; entity: Entity }[] | null = null;

  /**
   * Who "he" or "she" at pos stands for: the most recent anchor (someone seen speaking) or clause subject before
   * pos, skipping people whose gender (honorific, title, first name) contradicts the pronoun's; else the most
   * recent person mentioned outside quotations. `want` is the pronoun's gender when known.
   */
  resolvePronoun(pos: number, want: Gender = 'unknown'): { name: string; entity: Entity | null } | null {
    let ai = lowerBound(this.anchors, pos) - 1;
    let si = lowerBound(this.subjects, pos) - 1;
    for (let guard = 0; guard < 12 && (ai >= 0 || si >= 0); guard++) {
      const a = ai >= 0 ? this.anchors[ai]! : null;
      const sj = si >= 0 ? this.subjects[si]! : null;
      // the later of the two; of an anchor and a subject at the same place, the anchor
      let cand: { pos: number; entity: Entity | null; name: string };
      if (a && (!sj || a.pos >= sj.pos)) {
        // of several anchors at the same position, the first recorded
        while (ai > 0 && this.anchors[ai - 1]!.pos === a.pos) ai--;
        cand = this.anchors[ai]!;
        ai--;
      } else {
        cand = { pos: sj!.pos, entity: sj!.entity, name: sj!.entity.name };
        si--;
      }
      if (pos - cand.pos >= 4000) break;
      if (want === 'unknown' || this.genderOf(cand.entity, cand.name) !== opposite(want)) return { name: cand.name, entity: cand.entity };
    }
    // most recent person mention outside quotes
    if (!this.outside) {
      this.outside = [];
      for (const x of this.ctx.entities.mentions) if (x.entity.type === 'person' && !this.ctx.quoted[tokenAt(this.ctx.tokens, x.start)]) this.outside.push({ pos: x.start, entity: x.entity });
    }
    for (let k = lowerBound(this.outside, pos) - 1, n = 0; k >= 0 && n < 12; k--, n++) {
      const m = this.outside[k]!.entity;
      if (want === 'unknown' || this.genderOf(m, m.name) !== opposite(want)) return { name: m.name, entity: m };
    }
    return null;
  }

  private readonly genders = new Map<Entity, Gender>();

  /** A person's gender from the honorifics of their mentions, their titles, then their first name. */
  genderOf(e: Entity | null, name: string): Gender {
    if (!e) return genderOfPerson(name);
    const known = this.genders.get(e);
    if (known) return known;
    let g: Gender = 'unknown';
    for (const m of e.mentions) {
      g = genderOfPerson(m.text.split(/\s+/)[0]!);
      if (g !== 'unknown') break;
    }
    if (g === 'unknown') for (const t of this.titles.get(e) ?? []) if ((g = genderOfTitle(t)) !== 'unknown') break;
    if (g === 'unknown' && e.type === 'person') g = genderOfPerson(e.name);
    this.genders.set(e, g);
    return g;
  }


  resolveDescription(words: string[], pos: number, demonym = false): { name: string; entity: Entity | null } | null {
    const content = words.filter((w) => !DETERMINERS.has(w));
    if (content.length === 0) return null;
    const head = content[content.length - 1]!;
    // "a Fifa spokesman", "a Kremlin statement": the organisation speaks.
    if (SPOKES.has(head)) {
      for (const w of content) {
        const e = this.ctx.entities.resolve(w);
        if (e && e.type === 'organization') return { name: e.name, entity: e };
      }
    }
    const indefinite = words[0] === 'a' || words[0] === 'an' || words[0] === 'one' || words[0] === 'another';
    if (indefinite) return null;
    const heads = HEAD_SYNONYMS[head] ?? [head];
    if (!(TITLE_WORDS.has(head) || isTitleHead(head) || demonym) || ['source', 'sources', 'statement', 'officials', 'analysts', 'experts', 'aides', 'leaders', 'members', 'group', 'party', 'government', 'ministry', 'department', 'campaign', 'leadership', 'spokesmen'].includes(head)) return null;
    const nat = content.map((w) => NATIONALITY[w]).find((x) => x);
    let best: Entity | null = null;
    let bestPos = -1;
    let after: Entity | null = null;
    for (const [e, set] of this.titles) {
      if (!heads.some((h) => set.has(h))) continue;
      if (nat) {
        const theirs = [...set].map((w) => NATIONALITY[w]).filter((x) => x);
        if (theirs.length > 0 && !theirs.includes(nat)) continue;
      }
      // most recent mention before pos
      let last = -1;
      for (const m of e.mentions) if (m.start < pos && m.start > last) last = m.start;
      if (last > bestPos) {
        bestPos = last;
        best = e;
      }
      if (last < 0 && !after) after = e;
    }
    const e = best ?? after;
    if (e && (!nat || best)) return { name: e.name, entity: e };
    // No one introduced with that title: a definite description as subject usually names the person the
    // story is about, as a pronoun would — unless what we know of that person's titles contradicts it.
    const p = this.resolvePronoun(pos);
    if (p && p.entity) {
      const set = this.titles.get(p.entity);
      const theirs = set ? [...set].map((w) => NATIONALITY[w]).filter((x) => x) : [];
      if (nat && theirs.length > 0 && !theirs.includes(nat)) return e ? { name: e.name, entity: e } : null;
      return p;
    }
    return e ? { name: e.name, entity: e } : null;
  }

  blockStartToken(block: number): number {
    let lo = 0;
    let hi = this.ctx.blockOfToken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ctx.blockOfToken[mid]! < block) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The speaker of the nearest finite speech verb before pre[j] in the same sentence ("said X" or "X said"),
   * for a participle cue ("calling", "adding") that continues that clause.
   */
  finiteCueSubject(pre: number[], j: number): NP | null {
    const toks = this.ctx.tokens;
    for (let m = j - 1; m >= 0 && j - m < 30; m--) {
      const v = pre[m]!;
      const l = lc(toks[v]);
      // weak cues are nouns as often as verbs ("a former state party chairman")
      if (!CUES.has(l) || WEAK_CUES.has(l) || /ing$/.test(l)) continue;
      // a noun after a determiner ("his early-morning tweets", "the reports") is no verb
      const b1 = lc(toks[v - 1]);
      if (DETERMINERS.has(b1) || (/^[a-z]+-[a-z]+$/.test(b1) && DETERMINERS.has(lc(toks[v - 2])))) continue;
      // inverted: ", said Tomas Reinholt, calling …"
      if (m === 0 || isPunct(toks[pre[m - 1]!]!) || this.ctx.quoted[v - 1]) {
        const fwd = npForward(this.ctx, v + 1, pre[j]!);
        if (fwd && fwd.kind !== 'description') return fwd;
      }
      const np = npBackward(this.ctx, v, Math.max(pre[0]!, v - 14));
      if (np) return np;
      if (toks[v - 1]?.text === ',') return this.clauseSubject(v);
      return null;
    }
    return null;
  }

  /** The subject at the start of the sentence (for "X on Wednesday denied ..., saying that “…”"). */
  sentenceSubject(pre: number[], upTo: number, descriptions = false): NP | null {
    const toks = this.ctx.tokens;
    let s = pre[0]!;
    // a dateline before the story's first sentence: "PARIS, Aug 31 (Reuters) - …"
    if (toks[s]!.text.length > 2 && /^\p{Lu}+$/u.test(toks[s]!.text)) {
      for (let i = s + 1; i < upTo && i < s + 14; i++) {
        if (/^[-—–]$/.test(toks[i]!.text)) {
          s = i + 1;
          break;
        }
      }
    }
    // skip an introductory phrase ending with a comma ("On Thursday, ", "During the campaign, ")
    // an opening prepositional phrase may run longer ("In the days following last Friday's attacks in Paris, …")
    const reach = PREPOSITIONS.has(lc(toks[s])) || STARTERS.has(lc(toks[s])) ? 16 : 8;
    for (let i = s; i < upTo && i < s + reach; i++) {
      if (toks[i]!.text === ',') {
        const np0 = npForward(this.ctx, s, upTo);
        if (!np0 || np0.kind === 'description' || STARTERS.has(lc(toks[s])) || !this.nameLike(np0)) s = i + 1;
        break;
      }
    }
    while (s < upTo && isPunct(toks[s]!)) s++;
    const np = npForward(this.ctx, s, upTo);
    // "Outside the campaign …", "Facing criticism …", "ORLANDO, Fla. (Reuters) - …": an opener, no subject
    if (np && !this.nameLike(np)) return null;
    // "Mr Trump's aides played it down, suggesting …": the aides, when the caller takes descriptions
    return np && (np.kind !== 'description' || descriptions) ? np : null;
  }
}

/** Sentence openers that the recogniser may take for a one-word name. */
const OPENERS = new Set(['moreover', 'still', 'since', 'that', 'this', 'these', 'those', 'meanwhile', 'however', 'yet', 'also', 'then', 'now', 'so', 'but', 'and', 'after', 'before', 'while', 'when', 'though', 'although', 'instead', 'indeed', 'furthermore', 'besides', 'nonetheless', 'nevertheless', 'thus', 'hence', 'overall', 'finally', 'ultimately', 'earlier', 'later', 'separately', 'asked', 'exclusive', 'links', 'outside', 'inside', 'despite', 'facing', 'speaking', 'according', 'following', 'during', 'until', 'unless', 'because', 'if', 'as', 'even', 'here', 'there', 'today', 'yesterday', 'tonight', 'next', 'last', 'first', 'second', 'third', 'update', 'related', 'watch', 'read', 'photo', 'video', 'advertisement']);
const OPENING_CONJ = new Set(['but', 'and', 'so', 'yet', 'still', 'however', 'meanwhile', 'also']);
const FINITE = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'did', 'does', 'said', 'says']);

/** Tokens [a, b) are an apposition ("the group's deputy director", "44", "a pollster who worked for X"): no finite verb before a relative pronoun. */
function appositionOnly(toks: readonly { text: string }[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const l = toks[k]!.text.toLowerCase();
    if (l === 'who' || l === 'whose' || l === 'which') return true;
    if (FINITE.has(l) || l === '.' || l === ';') return false;
  }
  return true;
}

function opposite(g: Gender): Gender {
  return g === 'male' ? 'female' : g === 'female' ? 'male' : 'unknown';
}
