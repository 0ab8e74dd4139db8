/**
 * Annotation store and anchoring benchmark (needs ../shared: seeds and the BBC corpus; skips without them).
 *  1. Re-attachment over 1,000 random edit sessions on the seed and BBC articles: % of annotations whose
 *     passage still exists that re-attach to it, how many are anchored at a wrong place, how many are lost.
 *  2. 1,000 annotations on a 1 MB article: re-attachment after an outside edit; save time.
 *  3. Loading 2,000 sidecars (one per BBC article).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveTargets } from '../src/core/anchoring/anchor';
import { applyEdits, mapRangesThroughEdits, type TextEdit } from '../src/core/anchoring/edits';
import { seededRandom } from '../src/core/annotations/ids';
import { SidecarStore } from '../src/core/annotations/store';
import { parseSidecar, serializeStats } from '../src/core/annotations/yaml';
import { FileNotFoundError, type FileOps } from '../src/core/io/fileOps';
import { nodeFileOps } from '../src/node/nodeFileOps';
import { decodeArticleBytes } from '../src/core/text/decode';
import { gc, percentile, sharedDir } from './shared';

const shared = sharedDir();
if (!shared) {
  console.log('annotations bench: skipped (../shared not found)');
  process.exit(0);
}

function memFs(): FileOps & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    readFile: async (p) => {
      const b = files.get(p);
      if (!b) throw new FileNotFoundError(p);
      return b;
    },
    writeFile: async (p, d) => void files.set(p, d),
    createExclusive: async (p, d) => {
      if (files.has(p)) return false;
      files.set(p, d);
      return true;
    },
    rename: async (a, b) => {
      files.set(b, files.get(a)!);
      files.delete(a);
    },
    delete: async (p) => void files.delete(p),
    stat: async (p) => (files.has(p) ? { size: files.get(p)!.length, mtimeMs: 0 } : undefined),
    dirname: (p) => path.posix.dirname(p),
    basename: (p) => path.posix.basename(p),
    join: (d, n) => path.posix.join(d, n),
  };
}

function readText(p: string): string {
  const d = decodeArticleBytes(readFileSync(p));
  return d.ok ? d.text : '';
}

const bbcDir = path.join(shared, 'corpora', 'bbc');
const bbcFiles: string[] = [];
for (const topic of readdirSync(bbcDir, { withFileTypes: true })) {
  if (!topic.isDirectory()) continue;
  for (const f of readdirSync(path.join(bbcDir, topic.name)).sort()) if (f.endsWith('.txt')) bbcFiles.push(path.join(bbcDir, topic.name, f));
}
const seedFiles = readdirSync(path.join(shared, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => path.join(shared, 'seeds', f));

const WORDS = 'the minister said on Monday that government would not council plan vote new report police people year also'.split(' ');

async function reattachmentSessions(): Promise<void> {
  const rnd = seededRandom(20250314);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sessions = 1000;
  let total = 0;
  let intact = 0;
  let intactRight = 0;
  let wrongAnchored = 0;
  let wrongMoved = 0;
  let lost = 0;
  const statusCount: Record<string, number> = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const articles = [...seedFiles, ...bbcFiles.filter((_, i) => i % 4 === 0)];
  let chars = 0;
  const t0 = performance.now();
  for (let s = 0; s < sessions; s++) {
    const file = s % 5 === 0 ? seedFiles[s % seedFiles.length]! : pick(articles);
    const original = readText(file);
    if (original.length < 200) continue;
    chars += original.length;
    const fo = memFs();
    const store = new SidecarStore({ fileOps: fo, random: rnd, verifyDelayMs: -1 });
    const h = await store.load('/a/x.txt', original);
    const n = 3 + Math.floor(rnd() * 6);
    const ids: string[] = [];
    let truth: { start: number; end: number; alive: boolean }[] = [];
    for (let i = 0; i < n; i++) {
      // Word-aligned passages of 2–60 words.
      let start = Math.floor(rnd() * (original.length - 50));
      while (start > 0 && /\S/.test(original[start - 1]!)) start--;
      let end = start;
      const want = 2 + Math.floor(rnd() * 58);
      for (let w = 0; w < want && end < original.length; w++) {
        while (end < original.length && /\s/.test(original[end]!)) end++;
        while (end < original.length && /\S/.test(original[end]!)) end++;
      }
      if (end <= start) continue;
      ids.push((await h.add({ start, end })).annotation.id);
      truth.push({ start, end, alive: true });
    }
    // An edit session: 1–8 batches of insertions, deletions and rewrites, anywhere (around and inside passages).
    let text = original;
    const batches = 1 + Math.floor(rnd() * 8);
    for (let b = 0; b < batches; b++) {
      const edits: TextEdit[] = [];
      let floor = 0;
      const k = 1 + Math.floor(rnd() * 3);
      const starts = Array.from({ length: k }, () => Math.floor(rnd() * text.length)).sort((x, y) => x - y);
      for (const st of starts) {
        if (st < floor) continue;
        const kind = rnd();
        const len = kind < 0.33 ? 0 : Math.floor(rnd() * (rnd() < 0.8 ? 60 : 800));
        const end = Math.min(text.length, st + len);
        const newText = kind < 0.66 ? ' ' + words(1 + Math.floor(rnd() * 15)) + ' ' : kind < 0.85 ? '' : '\n\n' + words(30) + '.\n\n';
        edits.push({ start: st, end, newText });
        floor = end + 1;
      }
      const mapped = mapRangesThroughEdits(truth, edits);
      truth = truth.map((t, i) => ({ start: mapped[i]!.start, end: mapped[i]!.end, alive: t.alive && !mapped[i]!.touched }));
      text = applyEdits(text, edits);
    }
    const h2 = await store.load('/a/x.txt', text);
    const before = new Map(h2.list().map((r) => [r.annotation.id, r.status]));
    await h2.saveAnchors();
    const sc = fo.files.get('/a/x.txt.annotations.yaml');
    const saved = sc ? parseSidecar(new TextDecoder().decode(sc), 'x').data.annotations.length : 0;
    lost += Math.max(0, ids.length - saved);
    ids.forEach((id, i) => {
      total++;
      const r = h2.get(id);
      if (!r) return;
      statusCount[before.get(id) ?? 'orphaned']!++;
      const t = truth[i]!;
      const right = r.start === t.start && r.end === t.end;
      // A passage "still exists" when no edit touched its inside.
      if (t.alive) {
        intact++;
        if (right) intactRight++;
        else if (r.status === 'anchored') wrongAnchored++;
        else if (r.status === 'moved') wrongMoved++;
      }
    });
  }
  const ms = performance.now() - t0;
  console.log(`re-attachment: ${sessions} random edit sessions on ${seedFiles.length} seeds + ${Math.ceil(bbcFiles.length / 4)} BBC articles (${(chars / 1e6).toFixed(1)}M chars edited), ${total} annotations`);
  console.log(`  passages still intact: ${intact}; re-attached to them: ${intactRight} (${((100 * intactRight) / Math.max(1, intact)).toFixed(2)}%)`);
  console.log(`  anchored at a wrong place: ${wrongAnchored}; moved to a wrong place: ${wrongMoved}; lost: ${lost}`);
  console.log(`  statuses: ${Object.entries(statusCount).map(([k, v]) => `${k} ${v}`).join(', ')}; ${(ms / sessions).toFixed(1)} ms per session`);
}

async function bigArticle(): Promise<void> {
  let big = '';
  for (let i = 0; big.length < 1_000_000; i++) big += readText(bbcFiles[i % bbcFiles.length]!) + '\n\n';
  big = big.slice(0, 1_000_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'na-bench-'));
  try {
    const article = path.join(dir, 'big.txt');
    writeFileSync(article, big);
    const rnd = seededRandom(7);
    const store = new SidecarStore({ fileOps: nodeFileOps, random: rnd, verifyDelayMs: -1 });
    const h = await store.load(article, big);
    // 1,000 annotations: build them in memory through the store's own API, one save.
    const step = Math.floor(big.length / 1000);
    for (let i = 0; i < 1000; i++) {
      const start = i * step + Math.floor(rnd() * (step - 200));
      await h.add({ start, end: start + 40 + Math.floor(rnd() * 150), tags: ['t' + (i % 20)], note: i % 3 === 0 ? `note ${i}\nsecond line` : undefined } as never);
    }
    const sidecarBytes = readFileSync(article + '.annotations.yaml').length;
    // Outside edit: a paragraph inserted in the middle and a sentence rewritten near the start.
    const mid = big.indexOf('\n\n', 500_000);
    const text2 = big.slice(0, 1000) + 'A correction was appended here. ' + big.slice(1000, mid) + '\n\nNew paragraph inserted by an outside editor.\n' + big.slice(mid);
    const times: number[] = [];
    const targets = h.data.annotations.map((a) => a.target);
    let statuses = '';
    for (let r = 0; r < 7; r++) {
      gc();
      const t0 = performance.now();
      const anchors = resolveTargets(text2, targets);
      times.push(performance.now() - t0);
      const c: Record<string, number> = {};
      for (const a of anchors) c[a.status] = (c[a.status] ?? 0) + 1;
      statuses = Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');
    }
    const loadTimes: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      await new SidecarStore({ fileOps: nodeFileOps, verifyDelayMs: -1 }).load(article, text2);
      loadTimes.push(performance.now() - t0);
    }
    const h2 = await store.load(article, text2);
    await h2.saveAnchors();
    const saves: number[] = [];
    const ids = h2.data.annotations.map((a) => a.id);
    const stats0 = { ...serializeStats };
    for (let r = 0; r < 30; r++) {
      const t0 = performance.now();
      await h2.update(ids[(r * 31) % ids.length]!, { note: `edited ${r}` });
      saves.push(performance.now() - t0);
    }
    console.log(`1 MB article (${big.length.toLocaleString()} chars), 1,000 annotations, sidecar ${(sidecarBytes / 1024).toFixed(0)} KB:`);
    console.log(`  re-attach after an outside edit: median ${percentile(times, 50).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${statuses})`);
    console.log(`  load (read + parse + re-attach): median ${percentile(loadTimes, 50).toFixed(1)} ms`);
    console.log(
      `  save one note change (lock, re-read, merge check, write temp, rename, verify): median ${percentile(saves, 50).toFixed(1)} ms, p95 ${percentile(saves, 95).toFixed(1)} ms` +
        ` (${serializeStats.spliced - stats0.spliced} spliced, ${serializeStats.full - stats0.full} full serialisations, ${serializeStats.segments - stats0.segments} blocks re-serialised)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadMany(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'na-bench-many-'));
  try {
    const files = bbcFiles.slice(0, 2000);
    const rnd = seededRandom(11);
    // Write one sidecar per article (1–5 annotations each) through the store.
    const writer = new SidecarStore({ fileOps: nodeFileOps, random: rnd, verifyDelayMs: -1 });
    const local: string[] = [];
    for (let i = 0; i < files.length; i++) {
      const text = readText(files[i]!);
      const p = path.join(dir, `${i}.txt`);
      writeFileSync(p, text);
      local.push(p);
      const h = await writer.load(p, text);
      const n = 1 + (i % 5);
      for (let k = 0; k < n && text.length > 300; k++) {
        const start = Math.floor(rnd() * (text.length - 200));
        await h.add({ start, end: start + 100, tags: ['topic' + (k % 7)], note: 'n' });
      }
    }
    gc();
    const t0 = performance.now();
    const store = new SidecarStore({ fileOps: nodeFileOps, verifyDelayMs: -1 });
    let anns = 0;
    for (const p of local) {
      const d = decodeArticleBytes(await nodeFileOps.readFile(p));
      const h = await store.load(p, d.ok ? d.text : '');
      anns += h.list().length;
      store.forget(p);
    }
    const ms = performance.now() - t0;
    console.log(`load ${local.length} sidecars (${anns} annotations) with their articles, re-attached: ${ms.toFixed(0)} ms total (${(ms / local.length).toFixed(2)} ms each)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await reattachmentSessions();
  await bigArticle();
  await loadMany();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
