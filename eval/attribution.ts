/**
 * PolNeAR dev, "who said what", exactly as ../shared/docs/attribution-metric.md defines it:
 *  - gold: of each article the first .ann in name order, every attribution with a Source and a Content;
 *    the content span runs from the first start to the last end of its Content fragments; a gold statement
 *    is a speech statement when its Cue holds one of the speech words (whole word) or is a colon;
 *  - predictions: every item of the article's `quotes` (any kind);
 *  - found: (gold, item) pairs where the item covers ≥ 50% of the gold content, assigned greedily by coverage,
 *    one to one; strict: character Jaccard ≥ 0.8 as well;
 *  - right: an item with ≥ 50% of its characters inside one gold content (any attribution);
 *  - speaker: for found speech statements whose Source holds a capitalised word other than a pronoun or a
 *    title, the item's speaker contains one of those words (whole word, case-insensitive);
 *  - direct: quoted segments inside gold contents found by a `direct` item covering ≥ 80% of the segment and
 *    at most 1.25 × its length + 3 characters long, and (ours, as before) their speakers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../src/core/analysis/index';
import type { Quote } from '../src/core/analysis/types';
import { parseAnn, type Ann, quotedSegments } from './ann';

const SPEECH_WORDS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding', 'according',
  'announce', 'announces', 'announced', 'announcing', 'claim', 'claims', 'claimed', 'claiming', 'state', 'states', 'stated', 'stating',
  'note', 'notes', 'noted', 'noting', 'argue', 'argues', 'argued', 'arguing', 'insist', 'insists', 'insisted', 'insisting',
  'warn', 'warns', 'warned', 'warning', 'explain', 'explains', 'explained', 'explaining', 'acknowledge', 'acknowledges', 'acknowledged',
  'admit', 'admits', 'admitted', 'admitting', 'deny', 'denies', 'denied', 'denying', 'confirm', 'confirms', 'confirmed', 'confirming',
  'declare', 'declares', 'declared', 'assert', 'asserts', 'asserted', 'asserting', 'suggest', 'suggests', 'suggested', 'suggesting',
  'predict', 'predicts', 'predicted', 'predicting', 'write', 'writes', 'wrote', 'written', 'tweet', 'tweets', 'tweeted', 'tweeting',
  'testify', 'testifies', 'testified', 'reply', 'replies', 'replied', 'respond', 'responds', 'responded', 'ask', 'asks', 'asked',
  'urge', 'urges', 'urged', 'vow', 'vows', 'vowed', 'promise', 'promises', 'promised', 'pledge', 'pledges', 'pledged',
  'accuse', 'accuses', 'accused', 'allege', 'alleges', 'alleged', 'charge', 'charges', 'charged', 'complain', 'complains', 'complained',
  'recall', 'recalls', 'recalled', 'report', 'reports', 'reported', 'describe', 'describes', 'described', 'estimate', 'estimates', 'estimated',
  'concede', 'concedes', 'conceded', 'contend', 'contends', 'contended', 'maintain', 'maintains', 'maintained', 'remark', 'remarks', 'remarked',
  'comment', 'comments', 'commented', 'reiterate', 'reiterates', 'reiterated', 'stress', 'stresses', 'stressed',
  'emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes', 'emphasized', 'mention', 'mentions', 'mentioned',
];
const SPEECH_RE = new RegExp(`\\b(?:${SPEECH_WORDS.join('|')})\\b|\\bcall(?:s|ed)? (?:on|for)\\b|\\bpoint(?:s|ed)? out\\b|\\bwent on\\b`, 'i');

/** Is a gold Cue a speech cue (metric definition)? */
export function isSpeechCue(cue: string): boolean {
  return cue.trim() === ':' || SPEECH_RE.test(cue);
}

const NOT_NAME = new Set(['the', 'a', 'an', 'in', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'president', 'but', 'and', 'former', 'according',
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'him', 'them', 'us', 'me', 'this', 'that', 'these', 'those', 'one']);

/** The capitalised words of a gold Source that name someone (pronouns and titles left out). */
export function sourceNameWords(src: string): string[] {
  return (src.match(/\p{Lu}[\p{L}\p{N}'’.-]*/gu) ?? [])
    .map((w) => w.replace(/['’]s?$/, '').replace(/\.+$/, ''))
    .filter((w) => w.length > 0 && !NOT_NAME.has(w.toLowerCase()));
}

function speakerHas(speaker: string | null, words: string[]): boolean {
  if (!speaker) return false;
  const sw = new Set(speaker.toLowerCase().split(/[^\p{L}\p{N}'’.-]+/u).map((w) => w.replace(/['’]s?$/, '').replace(/\.+$/, '')));
  return words.some((w) => sw.has(w.toLowerCase()));
}

interface Gold {
  start: number;
  end: number;
  speech: boolean;
  source: string;
  cue: string;
}

function goldOf(t: Map<string, Ann>, e: Map<string, string>[]): Gold[] {
  const out: Gold[] = [];
  for (const rel of e) {
    const c = t.get(rel.get('Content') ?? '');
    const s = t.get(rel.get('Source') ?? '');
    if (!c || !s || c.spans.length === 0) continue;
    const cue = t.get(rel.get('Cue') ?? '')?.text ?? '';
    const start = Math.min(...c.spans.map((x) => x[0]));
    const end = Math.max(...c.spans.map((x) => x[1]));
    if (!(end > start)) continue;
    out.push({ start, end, speech: isSpeechCue(cue), source: s.text, cue });
  }
  return out;
}

const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

export interface AttributionFigures {
  speech: number;
  found: number;
  strict: number;
  items: number;
  right: number;
  named: number;
  namedRight: number;
  direct: number;
  directFound: number;
  directNamed: number;
  directNamedRight: number;
}

export function scoreArticle(text: string, gold: Gold[], quotes: readonly Quote[], f: AttributionFigures, notes?: string[]): void {
  // one-to-one greedy matching by coverage
  const pairs: { g: number; q: number; cov: number }[] = [];
  gold.forEach((g, gi) => {
    const len = g.end - g.start;
    quotes.forEach((q, qi) => {
      const ov = overlap(g.start, g.end, q.start, q.end);
      if (ov * 2 >= len) pairs.push({ g: gi, q: qi, cov: ov / len });
    });
  });
  pairs.sort((a, b) => b.cov - a.cov || a.g - b.g || a.q - b.q);
  const gUsed = new Map<number, number>();
  const qUsed = new Set<number>();
  for (const p of pairs) {
    if (gUsed.has(p.g) || qUsed.has(p.q)) continue;
    gUsed.set(p.g, p.q);
    qUsed.add(p.q);
  }
  gold.forEach((g, gi) => {
    if (!g.speech) return;
    f.speech++;
    const qi = gUsed.get(gi);
    if (qi === undefined) {
      notes?.push(`missed ${g.start}-${g.end} [${g.cue}] ${g.source}: ${JSON.stringify(text.slice(g.start, Math.min(g.end, g.start + 100)))}`);
      return;
    }
    f.found++;
    const q = quotes[qi]!;
    const ov = overlap(g.start, g.end, q.start, q.end);
    if (ov / (g.end - g.start + q.end - q.start - ov) >= 0.8) f.strict++;
    const words = sourceNameWords(g.source);
    if (words.length === 0) return;
    f.named++;
    if (speakerHas(q.speaker, words)) f.namedRight++;
    else notes?.push(`speaker ${JSON.stringify(q.speaker)} for gold "${g.source}" (${q.kind ?? 'direct'}) ${JSON.stringify(text.slice(q.start, Math.min(q.end, q.start + 80)))}`);
  });
  for (const q of quotes) {
    f.items++;
    const len = q.end - q.start;
    if (gold.some((g) => overlap(g.start, g.end, q.start, q.end) * 2 >= len)) f.right++;
    else notes?.push(`wrong item ${q.start}-${q.end} (${q.kind ?? 'direct'}) ${JSON.stringify(text.slice(q.start, Math.min(q.end, q.start + 100)))}`);
  }
  // direct quotations
  const seen = new Set<string>();
  const direct = quotes.filter((q) => (q.kind ?? 'direct') === 'direct');
  for (const g of gold) {
    for (const [a, b] of quotedSegments(text, g.start, g.end)) {
      const key = `${a}:${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      f.direct++;
      const len = b - a;
      const q = direct.find((d) => overlap(a, b, d.start, d.end) >= 0.8 * len && d.end - d.start <= 1.25 * len + 3);
      if (q) f.directFound++;
      const words = sourceNameWords(g.source);
      if (words.length === 0) continue;
      f.directNamed++;
      if (q && speakerHas(q.speaker, words)) f.directNamedRight++;
    }
  }
}

export function newFigures(): AttributionFigures {
  return { speech: 0, found: 0, strict: 0, items: 0, right: 0, named: 0, namedRight: 0, direct: 0, directFound: 0, directNamed: 0, directNamedRight: 0 };
}

export function evalAttribution(dir: string, verbose: boolean): AttributionFigures | null {
  console.log(`\n## PolNeAR ${path.basename(dir)}: who said what (../shared/docs/attribution-metric.md)`);
  const annDir = path.join(dir, 'attributions');
  const txtDir = path.join(dir, 'text');
  if (!existsSync(annDir) || !existsSync(txtDir)) {
    console.log('  skipped: ../shared/corpora/polnear/dev not found');
    return null;
  }
  const first = new Map<string, string>();
  for (const fn of readdirSync(annDir).filter((x) => x.endsWith('.ann')).sort()) {
    const base = fn.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!first.has(base)) first.set(base, fn);
  }
  const f = newFigures();
  const notes: string[] = [];
  for (const [base, fn] of first) {
    const txt = path.join(txtDir, base + '.txt');
    if (!existsSync(txt)) continue;
    const text = readFileSync(txt, 'utf8');
    const { t, e } = parseAnn(readFileSync(path.join(annDir, fn), 'utf8'));
    const a = analyzeArticle(text);
    const n: string[] = [];
    scoreArticle(text, goldOf(t, e), a.quotes, f, verbose ? n : undefined);
    for (const x of n) notes.push(`${base}: ${x}`);
  }
  const r = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
  console.log(`  ${first.size} articles; ${f.speech} gold speech statements; ${f.items} items predicted`);
  console.log(`  speech statements found: ${f.found}/${f.speech} = ${r(f.found, f.speech)}   (target ≥ 0.85); strict (Jaccard ≥ 0.8): ${r(f.strict, f.speech)}`);
  console.log(`  items right: ${f.right}/${f.items} = ${r(f.right, f.items)}   (target ≥ 0.88)`);
  console.log(`  speaker right on found statements whose Source names someone: ${f.namedRight}/${f.named} = ${r(f.namedRight, f.named)}   (target ≥ 0.92)`);
  console.log(`  direct quotations found: ${f.directFound}/${f.direct} = ${r(f.directFound, f.direct)}   (target ≥ 0.97); their speakers (Source names someone): ${f.directNamedRight}/${f.directNamed} = ${r(f.directNamedRight, f.directNamed)}`);
  if (verbose) for (const x of notes) console.log('    ' + x);
  return f;
}

export { goldOf };

// `npx tsx eval/attribution.ts [dir] [--verbose]`: the same figures on another split, e.g. PolNeAR train, where
// rules are checked before dev is looked at (dev stays the figure we report).
if (require.main === module) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.resolve(__dirname, '..', '..', 'shared', 'corpora', 'polnear', 'train');
  evalAttribution(dir, process.argv.includes('--verbose'));
}
