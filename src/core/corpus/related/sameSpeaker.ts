/** `same-speaker`: other quotations by the speaker of the source (or of its passage's quotations). */
import { sourceQuotes, type ReasonInput } from './context';
import { RANKING } from './ranking';

export function sameSpeaker(input: ReasonInput): void {
  const { tables, add } = input;
  const keys = new Map<string, string>();
  for (const q of sourceQuotes(input)) if (q.speakerKey) keys.set(q.speakerKey, q.speaker ?? q.speakerKey);
  for (const [key, name] of keys) {
    const list = tables.speakerPostings.get(key) ?? [];
    let seen = 0;
    for (let i = list.length - 1; i >= 0 && seen < 5000; i--) {
      const gid = list[i]!;
      const l = tables.quoteArticle(gid);
      if (!l) continue;
      seen++;
      const q = l.rec.quotes[tables.quoteIdx[gid]!]!;
      add(l.slot, q.passage, q.start, q.end, 'quote', { kind: 'same-speaker', score: RANKING.sameSpeaker, detail: `also quoted: ${name}`, keys: [key] });
    }
  }
}
