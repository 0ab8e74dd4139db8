// `node scripts/profile-gaps.mjs <prefix>-<time>.cpuprofile <prefix>-<time>.gaps.json [N]`: for the N longest
// pieces of work that held the extension host's thread (the gaps NEWS_ANNOTATOR_HOST_PROFILE's watchdog saw, see
// src/extension/model/hostProfile.ts), what the CPU profile sampled meanwhile: the extension's functions on the
// stack (outermost > … innermost), with their sample counts. A figures tool: it never runs in the tests.
import { readFileSync } from 'node:fs';

const [profileFile, gapsFile, most = '5'] = process.argv.slice(2);
if (!profileFile || !gapsFile) {
  console.error('usage: node scripts/profile-gaps.mjs <profile.cpuprofile> <gaps.json> [N]');
  process.exit(2);
}
const prof = JSON.parse(readFileSync(profileFile, 'utf8'));
const gaps = JSON.parse(readFileSync(gapsFile, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// each sample's time in ms from the profile's start
const times = [];
let t = 0;
for (const d of prof.timeDeltas) times.push((t += d) / 1000);
const ours = (cf) => /extension\.js$/.test(cf.url);
for (const g of [...gaps].sort((a, b) => b.to - b.from - (a.to - a.from)).slice(0, Number(most))) {
  const counts = new Map();
  let n = 0;
  for (let i = 0; i < times.length; i++) {
    if (times[i] < g.from || times[i] > g.to) continue;
    n++;
    const frames = [];
    for (let k = prof.samples[i]; k !== undefined; k = parent.get(k)) {
      const cf = byId.get(k).callFrame;
      if (ours(cf)) frames.push(`${cf.functionName || '(anonymous)'}:${cf.lineNumber + 1}`);
    }
    const self = byId.get(prof.samples[i]).callFrame;
    const key = frames.length ? `${frames.slice(-3).reverse().join(' > ')} … ${frames[0]}` : `${self.functionName || '(anonymous)'} ${self.url.split('/').pop()}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  console.log(`${(g.to - g.from).toFixed(0)} ms held, ${g.from.toFixed(0)}–${g.to.toFixed(0)} ms from the profile's start (${n} samples):`);
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${String(v).padStart(4)}  ${k}`);
}
