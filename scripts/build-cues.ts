/**
 * Builds the speech-cue lexicon (src/core/analysis/attribution/cueLexicon.json) from the PolNeAR training split.
 *
 *   npm run build-cues [-- path/to/polnear/train]
 *
 * For every word form of a speech verb family (SPEECH_LEMMAS below: verbs of saying and writing; verbs of
 * thinking, feeling, agreeing and showing are left out on purpose: believe, agree, conclude, show, find), it counts how often the form occurs in the training
 * text and how often an annotator marked it as (the head of) an attribution Cue. Forms seen at least MIN_COUNT
 * times as a cue are kept with their cue rate (cue count / occurrences), which the runtime uses to tell strong
 * cues ("said": 0.9) from ambiguous ones ("called", "asked", "reported"). Multi-word cues that recur ("according
 * to", "said in a statement", "pointed out", "called for") are kept as phrases. Deterministic: same corpus, same
 * file. The file holds word forms and numbers only, never corpus text.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tokenize } from '../src/core/analysis/tokenize';
import { parseAnn } from '../eval/ann';

/** Verb families of saying and writing (lemmas); their forms are found in the data. */
const SPEECH_LEMMAS = [
  'say', 'tell', 'add', 'announce', 'claim', 'state', 'note', 'argue', 'insist', 'warn', 'explain', 'acknowledge', 'admit', 'deny',
  'confirm', 'declare', 'assert', 'suggest', 'predict', 'write', 'tweet', 'testify', 'reply', 'respond', 'ask', 'urge', 'vow', 'promise',
  'pledge', 'accuse', 'allege', 'charge', 'complain', 'recall', 'report', 'describe', 'estimate', 'concede', 'contend', 'maintain',
  'remark', 'comment', 'reiterate', 'stress', 'emphasise', 'emphasize', 'mention', 'point', 'call', 'boast', 'brag', 'joke', 'quip',
  'counter', 'retort', 'caution', 'observe', 'recount', 'reveal', 'disclose', 'confide', 'concur', 'speculate', 'proclaim', 'announce',
  'post', 'text', 'email', 'lament', 'criticize', 'criticise', 'praise', 'blame', 'dismiss', 'acknowledge', 'continue', 'go', 'demand',
  'threaten', 'assure', 'advise', 'shout', 'scoff',
  // verbs of saying by implication ("implied that …", "hinted that …", "questioned whether …"); verbs whose content is
  // a noun phrase (reject, denounce, condemn) are left out: the clause rules cannot find where such a content ends
  'imply', 'hint', 'indicate', 'signal', 'question',
  // phrasal only (PHRASAL below): "ruled out …", "made (it) clear that …"
  'rule', 'make',
];
/**
 * Families that are cues only with their particle ("ruled out", "made it clear"): a form is counted (occurrence and
 * cue) only where the particle follows, so its rate is the phrase's. The runtime (cues.ts) asks for the same particle.
 */
const PHRASAL: Record<string, string[][]> = { rule: [['out']], make: [['clear'], ['it', 'clear']] };
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  go: ['went'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  text: ['texted'],
  quip: ['quip', 'quips', 'quipped'],
  continue: ['continued'],
  point: ['point', 'points', 'pointed', 'pointing'],
  imply: ['imply', 'implies', 'implied', 'implying'],
  signal: ['signal', 'signals', 'signaled', 'signalled', 'signaling', 'signalling'],
  question: ['questioned', 'questioning'],
  rule: ['rule', 'rules', 'ruled', 'ruling'],
  make: ['make', 'makes', 'made', 'making'],
};

function forms(lemma: string): string[] {
  if (IRREGULAR[lemma]) return IRREGULAR[lemma]!;
  const base = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const s = /(?:s|sh|ch|x|z)$/.test(lemma) ? lemma + 'es' : lemma + 's';
  const ed = lemma.endsWith('e') ? lemma + 'd' : lemma + 'ed';
  return [lemma, s, ed, base + 'ing'];
}

const MIN_COUNT = 3;
/** Phrases (lower-cased cue texts of two to five words) kept when they recur this often as a cue. */
const MIN_PHRASE = 4;

function main(): void {
  const dir = process.argv[2] ?? path.resolve(__dirname, '..', '..', 'shared', 'corpora', 'polnear', 'train');
  const annDir = path.join(dir, 'attributions');
  const txtDir = path.join(dir, 'text');
  if (!existsSync(annDir)) {
    console.error(`build-cues: ${annDir} not found`);
    process.exit(2);
  }
  const lemmaOf = new Map<string, string>();
  for (const l of SPEECH_LEMMAS) for (const f of forms(l)) if (!lemmaOf.has(f)) lemmaOf.set(f, l);
  const occ = new Map<string, number>();
  const cue = new Map<string, number>();
  const phrases = new Map<string, number>();
  const firstAnn = new Map<string, string>();
  for (const fn of readdirSync(annDir).filter((x) => x.endsWith('.ann')).sort()) {
    const base = fn.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!firstAnn.has(base)) firstAnn.set(base, fn);
  }
  for (const [base, fn] of firstAnn) {
    const txt = path.join(txtDir, base + '.txt');
    if (!existsSync(txt)) continue;
    const text = readFileSync(txt, 'utf8');
    const toks = tokenize(text, 0, text.length);
    const cueTok = new Uint8Array(toks.length);
    const { t } = parseAnn(readFileSync(path.join(annDir, fn), 'utf8'));
    const cueSpans: [number, number][] = [];
    for (const a of t.values()) {
      if (a.type !== 'Cue') continue;
      for (const sp of a.spans) if (sp.length === 2 && Number.isFinite(sp[0]) && Number.isFinite(sp[1])) cueSpans.push(sp);
      const words = a.text.toLowerCase().replace(/[’]/g, "'").split(/\s+/).filter(Boolean);
      if (words.length >= 2 && words.length <= 5 && words.some((w) => lemmaOf.has(w.replace(/[:,]$/, '')))) {
        const p = words.map((w) => w.replace(/[:,]$/, '')).join(' ');
        phrases.set(p, (phrases.get(p) ?? 0) + 1);
      }
    }
    cueSpans.sort((a, b) => a[0] - b[0]);
    let k = 0;
    toks.forEach((tok, i) => {
      while (k < cueSpans.length && cueSpans[k]![1] <= tok.start) k++;
      for (let j = k; j < cueSpans.length && cueSpans[j]![0] < tok.end; j++) if (cueSpans[j]![1] > tok.start) cueTok[i] = 1;
    });
    toks.forEach((tok, i) => {
      const w = tok.text.toLowerCase();
      if (!lemmaOf.has(w)) return;
      const particles = PHRASAL[lemmaOf.get(w)!];
      if (particles && !particles.some((p) => p.every((x, k) => toks[i + 1 + k]?.text.toLowerCase() === x))) return;
      occ.set(w, (occ.get(w) ?? 0) + 1);
      if (cueTok[i]) cue.set(w, (cue.get(w) ?? 0) + 1);
    });
  }
  const out: Record<string, { lemma: string; rate: number; cues: number }> = {};
  for (const w of [...cue.keys()].sort()) {
    const c = cue.get(w)!;
    if (c < MIN_COUNT || PHRASAL[lemmaOf.get(w)!]) continue;
    out[w] = { lemma: lemmaOf.get(w)!, rate: Math.round((c / occ.get(w)!) * 1000) / 1000, cues: c };
  }
  // phrasal families are rare per form ("ruled out", "rules out"): their forms share the family's pooled rate
  for (const lemma of Object.keys(PHRASAL)) {
    const fs = [...occ.keys()].filter((w) => lemmaOf.get(w) === lemma).sort();
    const c = fs.reduce((n, w) => n + (cue.get(w) ?? 0), 0);
    const o = fs.reduce((n, w) => n + occ.get(w)!, 0);
    if (c < MIN_COUNT) continue;
    for (const w of fs) out[w] = { lemma, rate: Math.round((c / o) * 1000) / 1000, cues: cue.get(w) ?? 0 };
  }
  const phr = [...phrases.entries()]
    .filter(([p, n]) => n >= MIN_PHRASE && !/^(?:has|have|had|also|will|would|could|did|does|is|was|were|are|not|then|later|previously|repeatedly|publicly|never|just|once)\b/.test(p))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([p, n]) => ({ phrase: p, cues: n }));
  const file = path.resolve(__dirname, '..', 'src', 'core', 'analysis', 'attribution', 'cueLexicon.json');
  const sortedForms = Object.fromEntries(Object.entries(out).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  const body = { _about: 'Speech cues learnt from PolNeAR train by scripts/build-cues.ts (npm run build-cues): per word form, its verb family, how often annotators marked it as a cue, and that count over its occurrences (for phrasal families, "ruled out", "made clear", the family\'s pooled rate). Word forms and numbers only.', forms: sortedForms, phrases: phr };
  writeFileSync(file, JSON.stringify(body, null, 1) + '\n');
  console.log(`build-cues: ${Object.keys(out).length} forms, ${phr.length} phrases → ${path.relative(process.cwd(), file)}`);
}

main();
