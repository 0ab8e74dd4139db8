/**
 * The seeds' reported and mixed statements against our hand-written gold (eval/seeds-statements.json), counted as
 * attribution-metric.md counts PolNeAR: a gold statement is found when an item (any kind) covers at least half of
 * it, one to one, best coverage first; an item is right when half of it lies inside the gold statements and gold
 * direct quotations (eval/seeds-gold.json) taken together; the speaker of a found statement is right when it is one of the gold's
 * alternatives (case, punctuation and spacing ignored).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../src/core/analysis/index';

interface GoldStatement {
  start: number;
  end: number;
  kind: 'reported' | 'mixed';
  speaker: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

export function evalSeedStatements(dir: string, goldFile: string, quotesGoldFile: string, verbose: boolean): void {
  console.log('\n## Seeds: reported and mixed statements (gold in eval/seeds-statements.json)');
  if (!existsSync(dir) || !existsSync(goldFile)) {
    console.log('  skipped: seeds or gold file not found');
    return;
  }
  const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as { articles: Record<string, { statements: GoldStatement[] }> }).articles;
  const direct = existsSync(quotesGoldFile) ? (JSON.parse(readFileSync(quotesGoldFile, 'utf8')) as { articles: Record<string, { quotes: { start: number; end: number }[] }> }).articles : {};
  let total = 0;
  let found = 0;
  let items = 0;
  let right = 0;
  let speakerRight = 0;
  const notes: string[] = [];
  for (const [file, g] of Object.entries(gold)) {
    const p = path.join(dir, file);
    if (!existsSync(p)) continue;
    const text = readFileSync(p, 'utf8').replace(/^\uFEFF/, '');
    const quotes = analyzeArticle(text).quotes;
    const pairs: { g: number; q: number; cov: number }[] = [];
    g.statements.forEach((s, gi) => quotes.forEach((q, qi) => {
      const ov = overlap(s.start, s.end, q.start, q.end);
      if (ov * 2 >= s.end - s.start) pairs.push({ g: gi, q: qi, cov: ov / (s.end - s.start) });
    }));
    pairs.sort((a, b) => b.cov - a.cov || a.g - b.g || a.q - b.q);
    const gUsed = new Map<number, number>();
    const qUsed = new Set<number>();
    for (const pr of pairs) {
      if (gUsed.has(pr.g) || qUsed.has(pr.q)) continue;
      gUsed.set(pr.g, pr.q);
      qUsed.add(pr.q);
    }
    g.statements.forEach((s, gi) => {
      total++;
      const qi = gUsed.get(gi);
      if (qi === undefined) {
        notes.push(`${file}: missed ${s.start}-${s.end} (${s.kind}, ${s.speaker})`);
        return;
      }
      found++;
      const q = quotes[qi]!;
      if (q.speaker && s.speaker.split('|').some((alt) => norm(alt) === norm(q.speaker!))) speakerRight++;
      else notes.push(`${file}: ${s.start}-${s.end} speaker ${JSON.stringify(q.speaker)}, gold ${JSON.stringify(s.speaker)}`);
    });
    const spans = [...g.statements, ...(direct[file]?.quotes ?? [])];
    for (const q of quotes) {
      items++;
      // the union of the gold spans (a quotation interrupted by its attribution is two gold quotations)
      const inside = new Uint8Array(q.end - q.start);
      for (const s of spans) for (let i = Math.max(s.start, q.start); i < Math.min(s.end, q.end); i++) inside[i - q.start] = 1;
      if (inside.reduce((n, x) => n + x, 0) * 2 >= q.end - q.start) right++;
      else notes.push(`${file}: item not in the gold ${q.start}-${q.end} (${q.kind ?? 'direct'}, ${q.speaker ?? 'no speaker'})`);
    }
  }
  const r = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
  console.log(`  statements found: ${found}/${total} = ${r(found, total)}; items right (statements or direct quotations): ${right}/${items} = ${r(right, items)}; speaker right on found: ${speakerRight}/${found} = ${r(speakerRight, found)}`);
  if (verbose) for (const n of notes) console.log('    ' + n);
}
