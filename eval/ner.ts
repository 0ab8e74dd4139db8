/**
 * Named-entity recognition through the whole analysis, as conlleval scores it: each gold document rebuilt
 * as plain text (tokens joined by spaces, one sentence per line), run through analyzeArticle, and its
 * entity mentions compared with the gold PER/ORG/LOC spans at the exact-span level, per type, with
 * precision and recall. Gold MISC spans are not scored (so a person/organisation/place predicted on one is a
 * false positive); `otherNames` are not scored; uncertain entities count like any other. CoNLL leaves
 * titles out of person names, so a leading honorific ("Mr") is dropped from our person mentions.
 */
import { existsSync } from 'node:fs';
import { analyzeArticle } from '../src/core/analysis/index';
import type { GoldDoc } from './nerCorpora';

interface Doc {
  text: string;
  gold: Set<string>;
}

export function rebuild(doc: GoldDoc): Doc {
  const lines: string[] = [];
  const gold = new Set<string>();
  let offset = 0;
  for (const s of doc) {
    let pos = offset;
    let entStart = -1;
    let entEnd = -1;
    let entType = '';
    const close = () => {
      if (entStart >= 0 && entType !== 'MISC') gold.add(`${entStart}:${entEnd}:${entType}`);
      entStart = -1;
    };
    s.words.forEach((w, i) => {
      const tag = s.tags[i]!;
      if (tag === 'O' || tag.startsWith('B-')) close();
      if (tag.startsWith('B-')) {
        entStart = pos;
        entType = tag.slice(2);
      }
      if (tag !== 'O') entEnd = pos + w.length;
      pos += w.length + 1;
    });
    close();
    const line = s.words.join(' ');
    lines.push(line);
    offset += line.length + 1;
  }
  return { text: lines.join('\n') + '\n', gold };
}

const TYPE: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };
export type Count = { tp: number; p: number; g: number };

export interface NerScore {
  perType: Record<string, Count>;
  /** PER, ORG and LOC together (micro). */
  all: Count;
  f1: number;
}

/** Precision, recall and F1 of a count (0 where undefined). */
export function prf(x: Count): { pr: number; rc: number; f: number } {
  const pr = x.p ? x.tp / x.p : 0;
  const rc = x.g ? x.tp / x.g : 0;
  return { pr, rc, f: pr + rc ? (2 * pr * rc) / (pr + rc) : 0 };
}

export function scoreNer(docs: readonly GoldDoc[], verbose: boolean): NerScore {
  const per: Record<string, Count> = { PER: { tp: 0, p: 0, g: 0 }, ORG: { tp: 0, p: 0, g: 0 }, LOC: { tp: 0, p: 0, g: 0 } };
  for (const gd of docs) {
    const d = rebuild(gd);
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
      const show = (k: string) => JSON.stringify(d.text.slice(Number(k.split(':')[0]), Number(k.split(':')[1])));
      for (const g of d.gold) if (!pred.has(g)) console.log(`    miss ${g} ${show(g)}`);
      for (const p of pred) if (!d.gold.has(p)) console.log(`    false ${p} ${show(p)}`);
    }
  }
  const all = sumCounts(Object.values(per));
  return { perType: per, all, f1: prf(all).f };
}

export function sumCounts(counts: readonly Count[]): Count {
  const all: Count = { tp: 0, p: 0, g: 0 };
  for (const x of counts) {
    all.tp += x.tp;
    all.p += x.p;
    all.g += x.g;
  }
  return all;
}

export function printNer(title: string, file: string, load: () => GoldDoc[], verbose: boolean, target: string): void {
  console.log(`\n## ${title}: PER/ORG/LOC exact-span (documents rebuilt as plain text)`);
  if (!existsSync(file)) {
    console.log(`  skipped: ${file} not found`);
    return;
  }
  const docs = load();
  const score = scoreNer(docs, verbose);
  for (const [k, x] of Object.entries(score.perType)) {
    const r = prf(x);
    console.log(`  ${k}: precision ${r.pr.toFixed(3)} recall ${r.rc.toFixed(3)} F1 ${r.f.toFixed(3)} (${x.g} gold)`);
  }
  const r = prf(score.all);
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.words.length, 0), 0);
  console.log(`  ${docs.length} documents, ${tokens} tokens`);
  console.log(`  PER/ORG/LOC micro: precision ${r.pr.toFixed(3)} recall ${r.rc.toFixed(3)} F1 ${r.f.toFixed(3)}   (${target})`);
}
