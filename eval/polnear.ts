/**
 * PolNeAR dev: direct quotations are the parts of gold Content spans that stand between quotation marks.
 * A gold quote is found when one predicted quote covers at least half of its characters (and exactly when
 * the boundaries agree after trimming spaces and punctuation). Its speaker is right when the predicted
 * speaker shares a name word with the gold Source text; only gold Sources that name someone (see
 * namesSomeone: a part of the Source phrase ends with a proper name) are counted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../src/core/analysis/index';
import { parseAnn, quotedSegments } from './ann';

const NOT_NAMING = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'one', 'some', 'this', 'that', 'these', 'those', 'republican', 'republicans', 'democrat', 'democrats', 'democratic', 'american', 'americans', 'gop', 'many', 'most', 'other', 'others', 'both', 'several', 'two', 'three', 'in', 'on', 'at', 'but', 'and', 'according', 'white', 'house']);

/**
 * Does a gold Source name someone? When one of its comma/parenthesis-separated parts ends with a proper
 * name ("House Speaker Paul D. Ryan (R-Wis.)", "Scott's niece, state Del. Marcia Price"), not when its head
 * is a common noun ("the Vermont senator", "Obama's former campaign strategist") or a pronoun.
 */
function namesSomeone(src: string): boolean {
  for (const part of src.split(/[,()]/)) {
    const words = part
      .trim()
      .replace(/["“”]/g, '')
      .split(/\s+/)
      .filter(Boolean);
    if (words.length === 0) continue;
    const last = words[words.length - 1]!.replace(/['’]s?$/, '').replace(/\.$/, '');
    if (/^\p{Lu}/u.test(last) && !NOT_NAMING.has(last.toLowerCase()) && !/^[A-Z]-[A-Z]/.test(last)) return true;
  }
  return false;
}

function nameWords(s: string): string[] {
  return (s.match(/\p{Lu}[\p{L}.'’-]+/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, '').replace(/\.$/, ''))
    .filter((w) => w.length >= 2 && !NOT_NAMING.has(w.toLowerCase()));
}

function trimPunct(text: string, a: number, b: number): string {
  return text
    .slice(a, b)
    .replace(/^[\s,.;:!?…'"“”‘’—–-]+|[\s,.;:!?…'"“”‘’—–-]+$/g, '')
    .trim();
}

export function evalPolnear(dir: string, verbose: boolean): void {
  console.log('\n## PolNeAR dev: direct quotations and speakers');
  const annDir = path.join(dir, 'attributions');
  const txtDir = path.join(dir, 'text');
  if (!existsSync(annDir) || !existsSync(txtDir)) {
    console.log('  skipped: ../shared/corpora/polnear/dev not found');
    return;
  }
  let gold = 0;
  let found = 0;
  let exact = 0;
  let named = 0;
  let namedRight = 0;
  let predicted = 0;
  let predictedMatched = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  const files = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  for (const f of files) {
    const base = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    const txtFile = path.join(txtDir, base + '.txt');
    if (!existsSync(txtFile)) continue;
    const text = readFileSync(txtFile, 'utf8');
    const { t, e } = parseAnn(readFileSync(path.join(annDir, f), 'utf8'));
    const analysis = analyzeArticle(text);
    const quotes = analysis.quotes.filter((q) => (q.kind ?? 'direct') === 'direct');
    predicted += quotes.length;
    const matchedPred = new Set<number>();
    const seen = new Set<string>();
    for (const rel of e) {
      const content = t.get(rel.get('Content') ?? '');
      if (!content) continue;
      const source = t.get(rel.get('Source') ?? '');
      for (const [s, en] of content.spans) {
        for (const [a, b] of quotedSegments(text, s, en)) {
          const key = `${a}:${b}`;
          if (seen.has(key)) continue;
          seen.add(key);
          gold++;
          let best = -1;
          let bestOverlap = 0;
          quotes.forEach((q, qi) => {
            const ov = Math.min(q.end, b) - Math.max(q.start, a);
            if (ov > bestOverlap) {
              bestOverlap = ov;
              best = qi;
            }
          });
          const q = best >= 0 && bestOverlap * 2 >= b - a ? quotes[best]! : null;
          if (q) {
            found++;
            matchedPred.add(best);
            if (trimPunct(text, q.start, q.end) === trimPunct(text, a, b)) exact++;
          } else if (verbose) misses.push(`${base} ${a}-${b}: ${JSON.stringify(text.slice(Math.max(0, a - 30), b + 10).slice(0, 160))}`);
          const srcText = source ? source.text : '';
          const gw = nameWords(srcText);
          if (gw.length === 0 || !namesSomeone(srcText)) continue;
          named++;
          const pw = q?.speaker ? nameWords(q.speaker).map((w) => w.toLowerCase()) : [];
          if (pw.some((w) => gw.some((g) => g.toLowerCase() === w))) namedRight++;
          else if (verbose) wrong.push(`${base} ${a}: gold "${srcText}" predicted ${q ? JSON.stringify(q.speaker) : '(quote not found)'} | ${JSON.stringify(text.slice(a, Math.min(b, a + 60)))}`);
        }
      }
    }
    predictedMatched += matchedPred.size;
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');
  console.log(`  ${files.length} annotation files; ${gold} gold direct quotations; ${predicted} predicted quotes`);
  console.log(`  quotes found (≥50% overlap): ${found}/${gold} = ${pct(found, gold)}   (target ≥ 97%)`);
  console.log(`  quotes found with exact boundaries: ${exact}/${gold} = ${pct(exact, gold)}`);
  console.log(`  predicted quotes matching a gold direct quotation: ${predictedMatched}/${predicted} = ${pct(predictedMatched, predicted)} (PolNeAR leaves some quoted phrases unannotated, so this is a floor on precision)`);
  console.log(`  speaker right where the gold Source names someone: ${namedRight}/${named} = ${pct(namedRight, named)}   (target ≥ 85%)`);
  if (verbose) {
    console.log('  --- missed quotes');
    for (const m of misses) console.log('   ', m);
    console.log('  --- wrong speakers');
    for (const w of wrong) console.log('   ', w);
  }
}
