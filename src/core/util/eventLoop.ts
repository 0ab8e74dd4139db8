/**
 * Giving the event loop a turn during long work (the extension host, the CLI): the one place in the core that
 * does it (the corpus build, the cache writer, the index's background preparation all call this).
 * setImmediate where the host has it (Node, the extension host): setTimeout(0) is clamped to 1 ms or more.
 */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise<void>((resolve) => {
    const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
    if (typeof g.setImmediate === 'function') g.setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/**
 * Runs a generator of steps to its end, giving the event loop a turn whenever about `sliceMs` has passed, and
 * returns its result (the cache writers make the same bytes as their one-go versions, in slices).
 */
export async function runInSlices<T>(steps: Generator<unknown, T>, sliceMs: number): Promise<T> {
  let sliceStart = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = Date.now();
    }
  }
}
