/**
 * Child process for the fault test: saves annotations to a sidecar in a loop until killed (or until it has
 * done `count` saves), pausing up to `pause` ms between saves.
 * Usage: node --import tsx faultChild.ts <article> <label> <count> [pause]
 */
import { readFileSync } from 'node:fs';
import { SidecarStore } from '../../../src/core/annotations/store';
import { nodeFileOps } from '../../../src/cli/nodeFileOps';

async function run(): Promise<void> {
  const [article, label, countArg, pauseArg] = process.argv.slice(2) as [string, string, string, string | undefined];
  const pause = Number(pauseArg ?? 0);
  const text = readFileSync(article, 'utf8');
  const store = new SidecarStore({ fileOps: nodeFileOps });
  const count = Number(countArg);
  process.stdout.write('ready\n');
  for (let i = 0; i < count; i++) {
    const h = await store.load(article, text);
    const start = (i * 37) % (text.length - 40);
    const r = await h.add({ start, end: start + 30, tags: [label], note: `${label} ${i}\n`.repeat(1 + (i % 5)) });
    if (i % 3 === 0) await h.update(r.annotation.id, { addTags: ['x'], note: `edited ${label} ${i}` });
    process.stdout.write(`saved ${r.annotation.id}\n`);
    if (pause > 0) await new Promise((res) => setTimeout(res, Math.random() * pause));
  }
}

run().catch((err: unknown) => {
  process.stderr.write(String(err) + '\n');
  process.exitCode = 1;
});
