/** What the top of an article holds besides furniture: headline, byline, dateline, an outlet logo line, agencies. */
import { wordsOf, type Line } from './lines';

export const DATELINE = /^((?:\p{Lu}[\p{Lu}.'’-]+(?:[ -]\p{Lu}[\p{Lu}.'’-]+){0,3}|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)(?:,\s*(?:\p{Lu}\p{Ll}+\.?(?: \p{Lu}\p{Ll}+)?,?\s*)?(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8}))?)(?:\s*[.,]?\s*(\/\p{Lu}[\p{L}-]{1,12}\/|\((?:AP|AFP|Reuters|Bloomberg|\p{Lu}\p{L}{1,15})\))\.?(?:\s*[-–—]+)?|\s*[-–—]+|:(?=\s+[\p{Lu}"“]))\s+/u;

// Case-sensitive names (so "By Clara Moreau in Brussels" stops before "in"); any case for the cue word.
export const BYLINE = /^(?:[Bb][Yy]|[Ww]ritten [Bb]y|[Ww]ords [Bb]y|[Rr]eporting [Bb]y|BY|WRITTEN BY|WORDS BY|REPORTING BY)\s+([\p{Lu}][\p{L}'’.-]+(?:\s+(?:[\p{Lu}][\p{L}'’.-]+|van|von|de|der|da|al|bin|and|&)){0,6})(?:\s*(?:,|\||—|–|-|·|\bin\b|\bat\b)\s*.*)?$/u;

export const LOGO = /^([A-Z][\w.& ]{1,40}?) logo\s*\1?\s*(.*)$/;

export const AGENCIES: Record<string, string> = {
  TASS: 'TASS', AP: 'Associated Press', AFP: 'AFP', REUTERS: 'Reuters', BLOOMBERG: 'Bloomberg', XINHUA: 'Xinhua', RIA: 'RIA Novosti', PTI: 'PTI', UPI: 'UPI', IANS: 'IANS', INTERFAX: 'Interfax',
};

/**
 * `standalone`: the line is a paragraph of its own and the text after it runs longer, as a headline above a
 * story does; then a short sentence-case line ending in a period ("Green Party candidate removed from debate
 * site by police.") or in a semicolon before its subheading ("Candidates vie for vets' support;") is one too.
 */
export function looksLikeHeadline(t: string, standalone = false): boolean {
  if (t.length < 8 || t.length > 220) return false;
  const words = wordsOf(t);
  if (words.length < 3 || words.length > 30) return false;
  if (standalone && /;$/.test(t) && words.length <= 16) return true;
  if (/[.:;,]$/.test(t) && !/\.$/.test(t)) return false;
  if (/\.$/.test(t)) {
    // A headline may end with a period if it is title-cased (PolNeAR style) and a single sentence, or if it
    // stands alone above a longer paragraph and is short ("Virginian could make history. Again.").
    const sentences = /[.!?]["”’]?\s+["“‘]?[A-Z]/.test(t.slice(0, -1));
    if (standalone && words.length <= 16 && (!sentences || words.length <= 8)) return true;
    if (sentences) return false;
    let caps = 0;
    for (const w of words) if (/^[\p{Lu}\d"“‘']/u.test(w)) caps++;
    return caps / words.length >= 0.6;
  }
  if (/[.!?]["”’)]?\s+["“]?[A-Z]/.test(t) && words.length > 20) return false;
  return true;
}

/**
 * Line k is a paragraph of its own (a blank line after it, or a line that runs on as a subheading) and the
 * next text line, furniture aside, is longer: how a headline sits above its story.
 */
export function isStandalone(lines: readonly Line[], k: number, isFurn: Uint8Array): boolean {
  let j = k + 1;
  const blank = j < lines.length && !lines[j]!.text;
  while (j < lines.length && (!lines[j]!.text || isFurn[j])) j++;
  if (j >= lines.length) return false;
  const next = lines[j]!.text;
  return (blank || /;$/.test(lines[k]!.text)) && next.length > lines[k]!.text.length;
}
