/**
 * What changed between the passage an annotation stored (its quote) and the text it is attached to now, word
 * by word (the `diff` library's word diff): for a fuzzy re-attachment, so the user sees what "98% the same" means.
 */
import { diffWords } from 'diff';

export interface ChangePart {
  readonly text: string;
  /** In the current text only. */
  readonly added?: boolean;
  /** In the stored quote only. */
  readonly removed?: boolean;
}

export interface PassageChange {
  readonly parts: readonly ChangePart[];
  /** Words removed from and added to the stored quote (white space ignored). */
  readonly removedWords: number;
  readonly addedWords: number;
}

export function passageChange(stored: string, current: string): PassageChange {
  const parts: ChangePart[] = diffWords(stored, current).map((c) => ({ text: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  return {
    parts,
    removedWords: parts.filter((p) => p.removed).reduce((n, p) => n + words(p.text), 0),
    addedWords: parts.filter((p) => p.added).reduce((n, p) => n + words(p.text), 0),
  };
}

/** The change as one line of text: removed words in [-…-], added ones in {+…+} (as `git diff --word-diff`). */
export function changeAsText(change: PassageChange): string {
  return change.parts.map((p) => (p.removed ? `[-${p.text}-]` : p.added ? `{+${p.text}+}` : p.text)).join('');
}
