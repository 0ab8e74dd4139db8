/**
 * "US-Russia relations": a hyphenated compound of known places names both places (after the article's mentions
 * are collected, mentions.ts).
 */
import { normKey, PLACE_ALIASES, rawMention, type RawMention } from './entities';
import type { Token } from './tokenize';

const PLACE_ALIAS_KEYS = new Set<string>(Object.keys(PLACE_ALIASES));

/** "US-Russia relations": a hyphenated compound of known places names both places. */
export function splitPlaceCompounds(raw: RawMention[], tokens: readonly Token[], text: string): void {
  const places = new Set<string>();
  for (const m of raw) if (m.type === 'place') places.add(normKey(m.text));
  for (const t of tokens) {
    if (t.text.indexOf('-') <= 0) continue;
    const parts = t.text.split('-');
    if (parts.length > 3 || !parts.every((p) => /^\p{Lu}/u.test(p) && (PLACE_ALIAS_KEYS.has(normKey(p)) || places.has(normKey(p))))) continue;
    for (let k = raw.length - 1; k >= 0; k--) if (raw[k]!.start < t.end && t.start < raw[k]!.end) raw.splice(k, 1);
    let at = t.start;
    for (const p of parts) {
      raw.push(rawMention(at, at + p.length, text.slice(at, at + p.length), 'place', [p]));
      at += p.length + 1;
    }
  }
}
