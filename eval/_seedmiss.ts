import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '/work/wt-speech3/src/core/analysis/index';
const dir = '/work/shared/seeds';
const gold = JSON.parse(readFileSync('/work/wt-speech3/eval/seeds-statements.json', 'utf8')).articles;
const showAll = process.argv.includes('--all');
for (const [file, g] of Object.entries<any>(gold)) {
  const text = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  const quotes = analyzeArticle(text).quotes;
  for (const s of g.statements) {
    const cov = quotes.map((q, i) => ({ i, ov: Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start)) / (s.end - s.start) })).sort((a, b) => b.ov - a.ov)[0];
    const q = cov && cov.ov >= 0.5 ? quotes[cov.i] : null;
    if (!q || showAll) {
      const sentStart = Math.max(0, text.lastIndexOf('\n', s.start));
      console.log(`\n${file} ${s.start}-${s.end} ${s.kind} [${s.speaker}] ${q ? 'FOUND ' + q.kind + ' ' + q.speaker + ' ' + JSON.stringify(text.slice(q.start,q.end)) : 'MISS'}`);
      console.log('  GOLD: ' + JSON.stringify(text.slice(s.start, s.end)));
      console.log('  CTX: ' + JSON.stringify(text.slice(Math.max(0, s.start - 150), s.end + 60)));
      const near = quotes.filter((x) => x.end > s.start - 100 && x.start < s.end + 50);
      for (const x of near) console.log(`    item ${x.start}-${x.end} ${x.kind} ${x.speaker} ${JSON.stringify(text.slice(x.start, x.end).slice(0, 100))}`);
    }
  }
}
