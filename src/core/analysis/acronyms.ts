/**
 * Initials an article defines for an organisation: "the Movement for the Left (MpS)", "Italy of Values (IdV)".
 * The initials are that organisation wherever the article writes them, even where the recogniser, which
 * never saw "MpS" or "IdV", took them for nothing or for a person. And the groupings of countries named by a
 * number ("G7", "G20", "Group-of-20", "the Group of 77"), which the recogniser reads as nothing.
 */
import { rawMention, type RawMention } from './entities';
import type { Token } from './tokenize';

/** Initials: a capital, then letters, digits or "&", at least two capitals, at most ten characters ("MpS", "PML-N", "AT&T"). */
const INITIALS = /^\p{Lu}[\p{L}\d&-]{1,9}$/u;
const capitals = (w: string): number => w.replace(/[^\p{Lu}]/gu, '').length;

/**
 * Whether [start, end) overlaps none of the mentions (as they are now), asked in increasing order of start: one
 * pass over them.
 */
function freeOfMentions(raw: readonly RawMention[]): (start: number, end: number) => boolean {
  const taken = raw.map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
  let k = 0;
  return (start, end) => {
    while (k < taken.length && taken[k]![1] <= start) k++;
    return k >= taken.length || taken[k]![0] >= end;
  };
}

/** The initials that follow an organisation of two or more words in brackets, then every mention of them. */
export function addDefinedAcronyms(raw: RawMention[], tokens: readonly Token[], text: string, limit: number): void {
  if (raw.length === 0) return;
  const defined = new Set<string>();
  let t = 0;
  for (const m of raw) {
    if (m.type !== 'organization' || m.words.length < 2 || m.end > limit) continue;
    while (t < tokens.length && tokens[t]!.start < m.end) t++;
    if (t >= tokens.length) break;
    if (tokens[t]!.text !== '(' || t + 2 >= tokens.length || tokens[t + 2]!.text !== ')') continue;
    const w = tokens[t + 1]!.text;
    if (INITIALS.test(w) && capitals(w) >= 2) defined.add(w);
  }
  if (defined.size === 0) return;
  // the recogniser's own mentions of the initials become the organisation; the ones it missed are added
  for (const m of raw) if (defined.has(m.text) && m.type !== 'organization') {
    m.type = 'organization';
    m.evidence = 'organization';
  }
  const free = freeOfMentions(raw);
  const added: RawMention[] = [];
  for (const tok of tokens) {
    if (tok.end > limit) break;
    if (!defined.has(tok.text) || !free(tok.start, tok.end)) continue;
    added.push(rawMention(tok.start, tok.end, text.slice(tok.start, tok.end), 'organization', [tok.text], 'organization'));
  }
  for (const m of added) raw.push(m);
}

/** "G7", "G20", "G77", "Group-of-20" as one word. */
const GROUPING = /^(?:G\d{1,2}|Group-of-\d{1,3})$/;

/** Groupings of countries named by a number: organisations ("the G7", "a Group-of-20 meeting", "the Group of 77"). */
export function addGroupings(raw: RawMention[], tokens: readonly Token[], text: string, limit: number): void {
  const free = freeOfMentions(raw);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.end > limit) break;
    let end = -1;
    if (GROUPING.test(tok.text)) end = i + 1;
    else if (tok.text === 'Group' && tokens[i + 1]?.text === 'of' && /^\d{1,3}$/.test(tokens[i + 2]?.text ?? '')) end = i + 3;
    if (end < 0) continue;
    const last = tokens[end - 1]!;
    if (!free(tok.start, last.end)) continue;
    raw.push(rawMention(tok.start, last.end, text.slice(tok.start, last.end), 'organization', tokens.slice(i, end).map((t) => t.text), 'organization'));
  }
}

/** "R-Ky.", "D-Ohio", "D-Newport News", "I-Vt.": a US politician's party and state, written in brackets after the name. */
const PARTY_LABEL = /^[RDI]-\p{Lu}[\p{L}.]*(?:[ -]\p{Lu}[\p{L}.]*)*$/u;

/** Drops the mentions that are a party-and-state label in brackets ("Sen. Orrin Hatch (R-Utah)"): no name of their own. */
export function dropPartyLabels(raw: RawMention[], text: string): void {
  for (let k = raw.length - 1; k >= 0; k--) {
    const m = raw[k]!;
    if (!PARTY_LABEL.test(m.text)) continue;
    let i = m.start - 1;
    while (i >= 0 && text[i] === ' ') i--;
    if (text[i] === '(') raw.splice(k, 1);
  }
}
