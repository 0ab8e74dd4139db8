/**
 * The speaker a source phrase of reported speech stands for: a person or organisation resolved (coref.ts), "a
 * spokesperson for X" → X, "a US state department official" → the body as written, a group as written when it
 * names something ("Florida election officials", "Sanders’ aides"), "the diplomats" as written; openers and
 * datelines read as names ("Moreover", "PARIS (Reuters) -") are nobody.
 */
import type { Entity } from '../types';
import type { SpeakerResolver } from './coref';
import type { NP } from './sources';
import * as sourcesModule from './sources';
// bound once: module getters are not called on every use in the hot loops
const { npForward } = sourcesModule;
import * as wordsModule from './words';
const { lc, SPOKES } = wordsModule;
/** The speaker a source phrase stands for; "a spokesperson for X" → X; a pronoun or description resolved. */
export function resolveSource(r: SpeakerResolver, np: NP, pos: number): { name: string; entity: Entity | null } | null {
  const toks = r.ctx.tokens;
  if (np.asWritten) return { name: np.name, entity: null };
  if (np.kind === 'description' && SPOKES.has(np.words[np.words.length - 1] ?? '')) {
    const nx = lc(toks[np.end]);
    if (nx === 'for' || nx === 'of' || nx === 'at') {
      const org = npForward(r.ctx, np.end + 1, np.end + 8);
      if (org && org.kind === 'name') {
        const e = r.ctx.entities.resolve(org.name);
        if (e) return { name: e.name, entity: e };
        return { name: org.name, entity: null };
      }
    }
  }
  if (np.kind === 'pronoun') return r.resolveNP(np, pos);
  // "Moreover, …", "Still, …", "PARIS (Reuters) - …": an opener or a dateline read as a name
  if (r.openerOrDateline(np)) return null;
  const body = spokesBody(r, np);
  if (body) return body;
  // "the Obama administration", "the Clinton campaign": the body speaks, not the person it is named after
  if (np.end - np.start >= 2 && LEADER_BODIES.has(lc(toks[np.end - 1]))) {
    const phrase = sourcePhrase(r, np);
    if (phrase && /\p{Lu}/u.test(phrase)) return { name: phrase, entity: r.ctx.entities.resolve(phrase) };
  }
  const resolved = r.resolveNP(np, pos);
  // a shouted heading ("CONGRESS HAS INVESTIGATED HIM") is nobody
  if (resolved && /\s/.test(resolved.name) && resolved.name === resolved.name.toUpperCase()) return null;
  if (resolved) return resolved;
  // "a Homeland Security Department official": the organisation the official speaks for
  const phrase = sourcePhrase(r, np);
  if (!phrase) return null;
  if (np.kind === 'description' && SPOKES.has(np.words[np.words.length - 1] ?? '')) {
    const run = /(?:\p{Lu}[\p{L}.&'’-]*\s+)*\p{Lu}[\p{L}.&'’-]*/u.exec(phrase);
    if (run) {
      const e = r.ctx.entities.resolve(run[0]);
      return e ? { name: e.name, entity: e } : { name: run[0], entity: null };
    }
  }
  // "Democrats said", "Tulsa police said", "The Clinton campaign said": a group or body the article names as it is;
  // shown as written (no entity), never a person guessed from it
  return { name: phrase, entity: null };
}

/** Bodies named after the person who leads them, written after the name ("the Obama administration"). */
const LEADER_BODIES = new Set(['administration', 'campaign', 'government', 'camp', 'cabinet']);

const ORG_NOUNS = new Set(['department', 'ministry', 'office', 'agency', 'council', 'committee', 'commission', 'service', 'bureau', 'embassy', 'administration', 'government', 'campaign', 'party', 'police', 'army', 'military', 'court']);

/** "A US state department official" → "US state department": the body the official speaks for, as written. */
function spokesBody(r: SpeakerResolver, np: NP): { name: string; entity: Entity | null } | null {
  if (np.kind !== 'description' || !SPOKES.has(np.words[np.words.length - 1] ?? '')) return null;
  const toks = r.ctx.tokens;
  let a = np.start;
  while (a < np.end - 1 && (!/^\p{Lu}/u.test(toks[a]!.text) || LEADING.has(lc(toks[a])))) a++;
  const b = np.end - 1;
  if (a >= b || b - a > 5 || !ORG_NOUNS.has(lc(toks[b - 1]))) return null;
  for (let k = a; k < b; k++) if (!/^[\p{L}.'’-]+$/u.test(toks[k]!.text)) return null;
  const name = r.ctx.text.slice(toks[a]!.start, toks[b - 1]!.end);
  const e = r.ctx.entities.resolve(name);
  return e ? { name: e.name, entity: e } : { name, entity: null };
}

const LEADING = new Set(['the', 'a', 'an', 'some', 'one', 'several', 'many', 'most', 'two', 'three', 'both', 'other', 'all', 'few', 'his', 'her', 'their', 'its', 'our']);

/** The source phrase as written, leading determiners dropped, when it names something (holds a capitalised word). */
function sourcePhrase(r: SpeakerResolver, np: NP): string | null {
  const toks = r.ctx.tokens;
  let a = np.start;
  while (a < np.end && LEADING.has(lc(toks[a]))) a++;
  let b = np.end;
  while (b > a && (toks[b - 1]!.text === "'s" || toks[b - 1]!.text === '’s' || !/[\p{L}\p{N}]/u.test(toks[b - 1]!.text))) b--;
  if (b <= a || b - a > 6) return null;
  const text = r.ctx.text.slice(toks[a]!.start, toks[b - 1]!.end);
  if (/\n/.test(text)) return null;
  if (!/\p{Lu}/u.test(text)) {
    // "the diplomats", "the two leaders": people the story has just named, shown as the article calls them
    const head = lc(toks[b - 1]);
    return lc(toks[np.start]) === 'the' && b - a <= 2 && PEOPLE_PLURALS.has(head) ? r.ctx.text.slice(toks[np.start]!.start, toks[b - 1]!.end) : null;
  }
  return text;
}

const PEOPLE_PLURALS = new Set(['diplomats', 'leaders', 'ministers', 'men', 'women', 'officials', 'presidents', 'senators', 'lawmakers', 'candidates', 'negotiators', 'envoys', 'delegates', 'generals', 'judges', 'prosecutors', 'investigators', 'authorities', 'governors', 'mayors', 'chiefs', 'executives']);
