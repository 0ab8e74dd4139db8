/**
 * `npm run bench [-- <name>...]`: runs every bench/<name>.bench.ts (or the named ones), each in its own
 * Node process so memory figures are not mixed, and prints their reports. A benchmark that needs
 * ../shared/corpora prints that it skipped when the folder is absent (a user's fresh clone).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const dir = __dirname;
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
/** Options (`--core`) are passed to every benchmark run. */
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark(s) ${unknown.join(', ')}; available: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(dir, `${name}.bench.ts`), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench: ${name} exited with ${r.status ?? r.signal}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
