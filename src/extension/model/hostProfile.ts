/**
 * For the figures only: a CPU profile of the extension host from activation until the first open is indexed and
 * its index cache written (or 5 minutes), written as `<prefix>-<time>.cpuprofile` (open it in Chrome's DevTools
 * or VS Code), and beside it `<prefix>-<time>.gaps.json`: the times (ms from the profile's start) at which the
 * host's thread was held more than 60 ms in one piece, which `node scripts/profile-gaps.mjs <profile> <gaps>`
 * matches with the profile to tell what held it. Started by the environment variable
 * NEWS_ANNOTATOR_HOST_PROFILE=<prefix>; off otherwise.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { writeHeapSnapshot } from 'node:v8';

/**
 * For the figures only: a heap snapshot of the extension host once `done()` holds (the first open indexed and its
 * cache written), written to `<prefix>-<time>.heapsnapshot` (open it in Chrome's DevTools' Memory tab, or sum it
 * with `node scripts/heap-summary.mjs`). Started by NEWS_ANNOTATOR_HOST_HEAP=<prefix>; off otherwise.
 */
export function startHostHeapSnapshot(prefix: string | undefined, done: () => boolean): { dispose(): void } {
  if (!prefix) return { dispose: () => undefined };
  const timer = whenDone(done, () => {
    try {
      writeHeapSnapshot(`${prefix}-${Date.now()}.heapsnapshot`);
    } catch (err) {
      console.warn(`News Annotator: heap snapshot not written: ${String(err)}`);
    }
  });
  return { dispose: () => clearInterval(timer) };
}

/** Runs `then` once `done()` holds (looked at every 250 ms) or 5 minutes have passed; clear the timer to cancel. */
function whenDone(done: () => boolean, then: () => void): ReturnType<typeof setInterval> {
  const t0 = Date.now();
  const timer = setInterval(() => {
    if (!done() && Date.now() - t0 < 300_000) return;
    clearInterval(timer);
    then();
  }, 250);
  return timer;
}

export function startHostProfile(prefix: string | undefined, done: () => boolean): { dispose(): void } {
  if (!prefix) return { dispose: () => undefined };
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  let stopped = false;
  // A watchdog timer every 5 ms: a late tick is a long piece of work that just ended.
  let p0 = performance.now();
  const gaps: { from: number; to: number }[] = [];
  let last = performance.now();
  let dog: ReturnType<typeof setInterval> | undefined;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    try {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      if (dog) clearInterval(dog);
      const stamp = Date.now();
      // At once (not awaited): the test harness may end the window right after the cache is written.
      writeFileSync(`${prefix}-${stamp}.cpuprofile`, JSON.stringify(profile));
      writeFileSync(`${prefix}-${stamp}.gaps.json`, JSON.stringify(gaps));
    } catch (err) {
      console.warn(`News Annotator: host profile not written: ${String(err)}`);
    } finally {
      session.disconnect();
    }
  };
  const timer = whenDone(done, () => void stop());
  void post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
    .then(() => post('Profiler.start'))
    .then(() => {
      if (stopped) return;
      p0 = last = performance.now();
      dog = setInterval(() => {
        const now = performance.now();
        if (now - last > 60) gaps.push({ from: last - p0, to: now - p0 });
        last = now;
      }, 5);
    });
  return { dispose: () => void stop() };
}
