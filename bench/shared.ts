/** Helpers for benchmarks (and the trainer's corpus readers): where ../shared is, text files, percentiles, memory. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** ../shared beside the checkout, or undefined (a user's clone): benchmarks then print that they skipped. */
export function sharedDir(): string | undefined {
  const p = path.resolve(__dirname, '..', '..', 'shared');
  return existsSync(p) ? p : undefined;
}

/** Every `.txt` file under `dir`, at any depth, in sorted order (the same order on every machine). */
export function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTextFiles(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

export function percentile(sortedOrNot: readonly number[], p: number): number {
  const a = [...sortedOrNot].sort((x, y) => x - y);
  if (a.length === 0) return NaN;
  const i = Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1));
  return a[i]!;
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/** Deterministic PRNG (mulberry32) so every run measures the same corpus and queries. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * CPU time of the calling thread alone, in seconds (Linux: /proc/thread-self/stat, clock ticks of 10 ms), or
 * null where it cannot be read. `process.cpuUsage()` also counts V8's background threads (the optimising
 * compiler, the collector), which a cold pass keeps busy.
 */
export function threadCpuSeconds(): number | null {
  try {
    const f = readFileSync('/proc/thread-self/stat', 'utf8');
    const parts = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(parts[11]) + Number(parts[12])) / 100;
  } catch {
    return null;
  }
}

