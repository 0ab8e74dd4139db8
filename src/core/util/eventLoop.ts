/**
 * Giving the event loop a turn during long work (the extension host, the CLI): the one place in the core that
 * does it (the corpus build, the cache writer, the index's background preparation all call this).
 *
 * Jobs that yield take turns: one waiting job is resumed per turn of the event loop, in the order they yielded.
 * Node runs every immediate queued before its check phase in that one phase, so with each job calling
 * setImmediate itself, four jobs in slices of 12 ms (the index, the entity count, a cache writer, a scan) held the
 * thread 50 ms and more at a time, whatever their slices. setImmediate where the host has it (Node, the
 * extension host): setTimeout(0) is clamped to 1 ms or more.
 */
const waiting: (() => void)[] = [];
let scheduled = false;

function resumeOne(): void {
  scheduled = false;
  const next = waiting.shift();
  if (waiting.length > 0) schedule();
  next?.();
}

function schedule(): void {
  scheduled = true;
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') g.setImmediate(resumeOne);
  else setTimeout(resumeOne, 0);
}

export const yieldToEventLoop = (): Promise<void> =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!scheduled) schedule();
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

/** Runs a generator of steps to its end at once and returns its result (the one-go twin of runInSlices). */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
