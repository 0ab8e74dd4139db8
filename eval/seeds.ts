/** Seed articles: placeholder until the gold file is written. */
import { existsSync } from 'node:fs';
export function evalSeeds(dir: string, goldFile: string, _verbose: boolean): void {
  console.log('\n## Seeds');
  if (!existsSync(dir) || !existsSync(goldFile)) console.log('  skipped');
}
