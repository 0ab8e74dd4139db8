/**
 * For the figures only: a CPU profile of the extension host from activation until the first open is indexed and
 * its index cache written (or 5 minutes), written as `<prefix>-<time>.cpuprofile` (open it in Chrome's DevTools
 * or VS Code). Started by the environment variable NEWS_ANNOTATOR_HOST_PROFILE=<prefix>; off otherwise.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';

export function startHostProfile(prefix: string | undefined, done: () => boolean): { dispose(): void } {
  if (!prefix) return { dispose: () => undefined };
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  let stopped = false;
  const t0 = Date.now();
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    try {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      await writeFile(`${prefix}-${Date.now()}.cpuprofile`, JSON.stringify(profile));
    } catch (err) {
      console.warn(`News Annotator: host profile not written: ${String(err)}`);
    } finally {
      session.disconnect();
    }
  };
  const timer = setInterval(() => {
    if (done() || Date.now() - t0 > 300_000) void stop();
  }, 250);
  void post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
    .then(() => post('Profiler.start'));
  return { dispose: () => void stop() };
}
