/**
 * Child process for the fault test: saves annotations to a sidecar in a loop until killed (or until it has
 * done `count` saves), pausing up to `pause` ms between saves.
 * With `slowRename` > 0, each rename waits up to that many ms first (a slow or remote file system: it widens the
 * window between a save's last check and its rename, where two unlocked processes could lose a change).
 * With `reuse` = 1, one handle is kept for all saves (as the editor keeps one per open article), else each save
 * loads the sidecar afresh (as the CLI does).
 * Usage: node --import tsx faultChild.ts <article> <label> <count> [pause] [slowRename] [reuse]
 */
import { readFileSync } from 'node:fs';
import { SidecarStore } from '../../src/core/annotations/store';
import { nodeFileOps } from '../../src/node/nodeFileOps';
import type { FileOps } from '../../src/core/io/fileOps';

async function run(): Promise<void> {
  const [article, label, countArg, pauseArg, slowArg, reuseArg] = process.argv.slice(2) as [string, string, string, string | undefined, string | undefined, string | undefined];
  const pause = Number(pauseArg ?? 0);
  const slow = Number(slowArg ?? 0);
  const fileOps: FileOps =
    slow > 0
      ? {
          ...nodeFileOps,
          rename: async (from, to) => {
            await new Promise((res) => setTimeout(res, Math.random() * slow));
            await nodeFileOps.rename(from, to);
          },
        }
      : nodeFileOps;
  const text = readFileSync(article, 'utf8');
  const store = new SidecarStore({ fileOps });
  const count = Number(countArg);
  const reuse = reuseArg === '1';
  let kept: Awaited<ReturnType<SidecarStore['load']>> | undefined;
  process.stdout.write('ready\n');
  for (let i = 0; i < count; i++) {
    const h = reuse && kept ? kept : await store.load(article, text);
    kept = h;
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
