/**
 * CoNLL-2003 testa: each document rebuilt as plain text (tokens joined by spaces, one sentence per line),
 * run through analyzeArticle, and its entity mentions scored against the gold PER/ORG/LOC spans at the
 * exact-span level (MISC ignored). CoNLL leaves titles out of person names, so a leading honorific
 * ("Mr") is dropped from our person mentions before comparing; nothing else is adjusted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { analyzeArticle } from '../src/core/analysis/index';

interface Doc {
  text: string;
  gold: Set<string>;
}

export function loadConllDocs(file: string): Doc[] {
  const docs: Doc[] = [];
  let lines: string[] = [];
  let gold = new Set<string>();
  let sentence: string[] = [];
  let offset = 0;
  let entStart = -1;
  let entType = '';
  let entEnd = -1;
  let prevTag = 'O';
  const closeEnt = () => {
    if (entStart >= 0 && entType !== 'MISC') gold.add(`${entStart}:${entEnd}:${entType}`);
    entStart = -1;
  };
  const flushSentence = () => {
    closeEnt();
    prevTag = 'O';
    if (sentence.length) {
      lines.push(sentence.join(' '));
      offset += sentence.join(' ').length + 1;
    }
    sentence = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (lines.length) docs.push({ text: lines.join('\n') + '\n', gold });
    lines = [];
    gold = new Set();
    offset = 0;
  };
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (!line) {
      flushSentence();
      continue;
    }
    const parts = line.split(' ');
    const word = parts[0]!;
    const tag = parts[parts.length - 1]!;
    const start = offset + (sentence.length ? sentence.join(' ').length + 1 : 0);
    const type = tag === 'O' ? '' : tag.slice(2);
    const begins = tag !== 'O' && (tag.startsWith('B-') || prevTag === 'O' || prevTag.slice(2) !== type);
    if (tag === 'O' || begins) closeEnt();
    if (begins) {
      entStart = start;
      entType = type;
    }
    if (tag !== 'O') entEnd = start + word.length;
    sentence.push(word);
    prevTag = tag;
  }
  flushDoc();
  return docs;
}

const TYPE: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };

export function evalConll(file: string, verbose: boolean): void {
  console.log('\n## CoNLL-2003 testa: PER/ORG/LOC exact-span F1 (documents rebuilt as plain text)');
  if (!existsSync(file)) {
    console.log('  skipped: ../shared/corpora/conll2003/eng.testa.txt not found');
    return;
  }
  const docs = loadConllDocs(file);
  const per: Record<string, { tp: number; p: number; g: number }> = { PER: { tp: 0, p: 0, g: 0 }, ORG: { tp: 0, p: 0, g: 0 }, LOC: { tp: 0, p: 0, g: 0 } };
  let tokens = 0;
  for (const d of docs) {
    tokens += d.text.split(/\s+/).length;
    const a = analyzeArticle(d.text);
    const pred = new Set<string>();
    for (const e of a.entities) {
      for (const m of e.mentions) {
        let s = m.start;
        const hon = /^(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+/.exec(m.text);
        if (e.type === 'person' && hon) s += hon[0].length;
        pred.add(`${s}:${m.end}:${TYPE[e.type]}`);
      }
    }
    for (const g of d.gold) per[g.split(':')[2]!]!.g++;
    for (const p of pred) {
      const t = p.split(':')[2]!;
      per[t]!.p++;
      if (d.gold.has(p)) per[t]!.tp++;
    }
    if (verbose) {
      for (const g of d.gold) if (!pred.has(g)) console.log(`    miss ${g} ${JSON.stringify(d.text.slice(Number(g.split(':')[0]), Number(g.split(':')[1])))}`);
      for (const p of pred) if (!d.gold.has(p)) console.log(`    false ${p} ${JSON.stringify(d.text.slice(Number(p.split(':')[0]), Number(p.split(':')[1])))}`);
    }
  }
  const f1 = (x: { tp: number; p: number; g: number }) => {
    const pr = x.p ? x.tp / x.p : 0;
    const rc = x.g ? x.tp / x.g : 0;
    return { pr, rc, f: pr + rc ? (2 * pr * rc) / (pr + rc) : 0 };
  };
  const all = { tp: 0, p: 0, g: 0 };
  for (const k of Object.keys(per)) {
    const x = per[k]!;
    all.tp += x.tp;
    all.p += x.p;
    all.g += x.g;
    const r = f1(x);
    console.log(`  ${k}: precision ${r.pr.toFixed(3)} recall ${r.rc.toFixed(3)} F1 ${r.f.toFixed(3)} (${x.g} gold)`);
  }
  const r = f1(all);
  console.log(`  ${docs.length} documents, ${tokens} tokens`);
  console.log(`  PER/ORG/LOC micro: precision ${r.pr.toFixed(3)} recall ${r.rc.toFixed(3)} F1 ${r.f.toFixed(3)}   (target ≥ 0.75)`);
}
