/**
 * The 5 seed articles against our hand-written gold (eval/seeds-gold.json):
 *  - quotations: every gold quote found with exact boundaries, and no predicted quote that is not in the gold;
 *  - speakers: of the gold quotes with a speaker, how many get that speaker (same canonical name; a
 *    surname-only match is counted apart);
 *  - entities: the people, organisations and places a careful reader would list, matched by name
 *    (alternatives allowed), with the type checked separately.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../src/core/analysis/index';

interface GoldArticle {
  quotes: { start: number; end: number; speaker: string | null }[];
  entities: { person: string[]; organization: string[]; place: string[]; optional?: string[] };
}

const norm = (s: string) => s.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();

export function evalSeeds(dir: string, goldFile: string, verbose: boolean): void {
  console.log('\n## Seeds (../shared/seeds, gold in eval/seeds-gold.json)');
  if (!existsSync(dir) || !existsSync(goldFile)) {
    console.log('  skipped: seeds or gold file not found');
    return;
  }
  const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as { articles: Record<string, GoldArticle> }).articles;
  let gq = 0;
  let found = 0;
  let falseQ = 0;
  let attributed = 0;
  let right = 0;
  let surnameOnly = 0;
  let nullGiven = 0;
  let nullGold = 0;
  let ge = 0;
  let eFound = 0;
  let eTyped = 0;
  let pe = 0;
  let peFalse = 0;
  const notes: string[] = [];
  for (const [file, g] of Object.entries(gold)) {
    const p = path.join(dir, file);
    if (!existsSync(p)) continue;
    const a = analyzeArticle(readFileSync(p, 'utf8').replace(/^\uFEFF/, ''));
    const direct = a.quotes.filter((q) => (q.kind ?? 'direct') === 'direct');
    const byPos = new Map(direct.map((q) => [`${q.start}:${q.end}`, q]));
    const goldPos = new Set(g.quotes.map((q) => `${q.start}:${q.end}`));
    for (const q of direct) {
      if (!goldPos.has(`${q.start}:${q.end}`)) {
        falseQ++;
        notes.push(`${file}: false quote ${q.start}-${q.end}`);
      }
    }
    for (const q of g.quotes) {
      gq++;
      const pq = byPos.get(`${q.start}:${q.end}`);
      if (pq) found++;
      else notes.push(`${file}: missed quote ${q.start}-${q.end}`);
      if (q.speaker === null) {
        nullGold++;
        if (pq?.speaker) nullGiven++;
        continue;
      }
      attributed++;
      if (pq?.speaker && norm(pq.speaker) === norm(q.speaker)) right++;
      else if (pq?.speaker && norm(pq.speaker).split(' ').pop() === norm(q.speaker).split(' ').pop()) surnameOnly++;
      else notes.push(`${file}: quote ${q.start}-${q.end} speaker ${JSON.stringify(pq?.speaker ?? null)}, gold ${JSON.stringify(q.speaker)}`);
    }
    const goldNames: { alts: string[]; type: string }[] = [];
    for (const type of ['person', 'organization', 'place'] as const) for (const n of g.entities[type]) goldNames.push({ alts: n.split('|').map(norm), type });
    const optional = new Set((g.entities.optional ?? []).map(norm));
    const predicted = a.entities.map((e) => ({ names: [e.name, ...e.mentions.map((m) => m.text)].map(norm), type: e.type, name: e.name }));
    for (const gn of goldNames) {
      ge++;
      const hit = predicted.find((pn) => pn.names.some((n) => gn.alts.includes(n)));
      if (hit) {
        eFound++;
        if (hit.type === gn.type) eTyped++;
        else notes.push(`${file}: entity ${gn.alts[0]} typed ${hit.type}, gold ${gn.type}`);
      } else notes.push(`${file}: entity missed: ${gn.alts[0]}`);
    }
    for (const pn of predicted) {
      pe++;
      const ok = goldNames.some((gn) => pn.names.some((n) => gn.alts.includes(n))) || pn.names.some((n) => optional.has(n));
      if (!ok) {
        peFalse++;
        notes.push(`${file}: entity not in gold: ${pn.name} (${pn.type})`);
      }
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');
  console.log(`  quotations: ${found}/${gq} gold quotes found with exact boundaries (${pct(found, gq)}), ${falseQ} false quote(s)`);
  console.log(`  speakers: ${right}/${attributed} attributed quotes with the right speaker (${pct(right, attributed)})${surnameOnly ? `, ${surnameOnly} more right by surname only` : ''}; ${nullGiven} of ${nullGold} quotes with no speaker in the gold were given one`);
  const prec = pe ? (pe - peFalse) / pe : 0;
  const rec = ge ? eFound / ge : 0;
  console.log(`  entities: recall ${eFound}/${ge} (${pct(eFound, ge)}), precision ${pe - peFalse}/${pe} (${pct(pe - peFalse, pe)}), F1 ${prec + rec ? ((2 * prec * rec) / (prec + rec)).toFixed(3) : '0'}; type right for ${eTyped}/${eFound} found`);
  if (verbose) for (const n of notes) console.log('    ' + n);
}
