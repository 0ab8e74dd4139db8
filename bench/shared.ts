/** Helpers for benchmarks: where ../shared is, percentiles, memory. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** ../shared beside the checkout, or undefined (a user's clone): benchmarks then print that they skipped. */
export function sharedDir(): string | undefined {
  const p = path.resolve(__dirname, '..', '..', 'shared');
  return existsSync(p) ? p : undefined;
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
