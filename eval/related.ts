/**
 * Related-passages quality on the seed articles: `npx tsx eval/related.ts`.
 * 1. Precision and recall of the top 5 related passages against the hand-made gold pairs in
 *    eval/related-gold.json (each pair is checked in both directions).
 * 2. For every seed quotation of 8+ words, a lightly edited copy is put into a new in-memory article: is
 *    that copy the first related result of the original quotation?
 * Skips cleanly when ../shared/seeds is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../src/core/analysis/index';
import { CorpusIndex } from '../src/core/corpus';
import { decodeArticleBytes, fingerprint } from '../src/core/text/decode';

interface Gold {
  seedFingerprints: Record<string, string>;
  pairs: { a: [string, number]; b: [string, number]; why: string; added?: boolean }[];
}

const K = 5;
const seedsDir = path.resolve(__dirname, '..', '..', 'shared', 'seeds');
if (!existsSync(seedsDir)) {
  console.log('eval related: skipped (../shared/seeds is absent)');
  process.exit(0);
}
const gold = JSON.parse(readFileSync(path.join(__dirname, 'related-gold.json'), 'utf8')) as Gold;

const index = new CorpusIndex();
for (const f of readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort()) {
  const d = decodeArticleBytes(readFileSync(path.join(seedsDir, f)));
  if (!d.ok) continue;
  const fp = fingerprint(d.text);
  if (gold.seedFingerprints[f] && gold.seedFingerprints[f] !== fp) console.warn(`warning: ${f} changed since the gold list was made; its offsets may be stale`);
  index.upsert({ path: f, text: d.text, fingerprint: fp, analysis: analyzeArticle(d.text) });
}

// Gold partners per source point, as (file, passage) keys.
const passageKey = (file: string, offset: number) => {
  const s = index.sourceAt(file, offset);
  if (!s) throw new Error(`no passage at ${file}:${offset}`);
  return `${file}#${s.passage}`;
};

/** Precision and recall of the top K over `pairs` (each checked both ways), and which reasons led the hits. */
function score(pairs: Gold['pairs'], label: string): void {
  const partners = new Map<string, { file: string; offset: number; want: Set<string> }>();
  for (const p of pairs) {
    for (const [from, to] of [
      [p.a, p.b],
      [p.b, p.a],
    ] as const) {
      const key = `${from[0]}@${from[1]}`;
      if (!partners.has(key)) partners.set(key, { file: from[0], offset: from[1], want: new Set() });
      partners.get(key)!.want.add(passageKey(to[0], to[1]));
    }
  }
  let directed = 0;
  let found = 0;
  let returned = 0;
  let correct = 0;
  const misses: string[] = [];
  const via = new Map<string, number>();
  for (const [key, { file, offset, want }] of partners) {
    const top = index.related(file, offset, { limit: K });
    const got = new Set(top.map((r) => `${r.path}#${r.passage}`));
    returned += top.length;
    correct += [...got].filter((g) => want.has(g)).length;
    for (const w of want) {
      directed++;
      const hit = top.find((r) => `${r.path}#${r.passage}` === w);
      if (hit) {
        found++;
        const lead = hit.reasons[0]!.kind;
        via.set(lead, (via.get(lead) ?? 0) + 1);
      } else misses.push(`${key} → ${w}`);
    }
  }
  const precision = returned === 0 ? 0 : correct / returned;
  const recall = directed === 0 ? 0 : found / directed;
  console.log(`Related passages on the seeds (${index.size} articles, ${label}: ${pairs.length} gold pairs, ${directed} directed):`);
  console.log(`  precision@${K}: ${(precision * 100).toFixed(1)}% (${correct}/${returned}; a lower bound: the gold list is not exhaustive)`);
  console.log(`  recall@${K}:    ${(recall * 100).toFixed(1)}% (${found}/${directed}); found with, as the strongest reason: ${[...via].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (misses.length > 0) console.log(`  missed: ${misses.join('; ')}`);
}

score(gold.pairs, 'all');
if (gold.pairs.some((p) => p.added)) score(gold.pairs.filter((p) => !p.added), 'the first list');

// Lightly edited copies of quotations.
let quotes = 0;
let first = 0;
const failed: string[] = [];
for (const file of index.paths().slice()) {
  const text = index.textOf(file)!;
  const analysis = analyzeArticle(text);
  for (const q of analysis.quotes) {
    const words = q.text.split(/\s+/).filter((w) => w !== '');
    if (words.length < 8) continue;
    quotes++;
    const edited = [...words.slice(0, 3), ...words.slice(4)].join(' ').replace(/our\b/g, 'or').replace(/is(e|ed|ing)\b/g, 'iz$1');
    const copy = `Reported elsewhere\n\nA spokesman repeated the remark: “${edited}”\n`;
    index.upsert({ path: 'copy.txt', text: copy, analysis: analyzeArticle(copy) });
    const top = index.related(file, q.start + 1, { limit: 3 });
    if (top[0]?.path === 'copy.txt') first++;
    else failed.push(`${file}:${q.start} (first: ${top[0]?.path ?? 'none'})`);
    index.remove('copy.txt');
  }
}
console.log(`Lightly edited copies of seed quotations (one word dropped, spelling changed): found first ${first}/${quotes}`);
if (failed.length > 0) console.log(`  not first: ${failed.join('; ')}`);
