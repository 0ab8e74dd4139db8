/**
 * Runs an async function over items with at most `window` of them in flight, yielding the results in the
 * items' order. Memory holds at most `window` results, whatever the number of items (the CLI streams with it).
 */
export async function* mapOrdered<T, R>(items: readonly T[], window: number, fn: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && inFlight.length < window) {
      const i = next++;
      const p = fn(items[i]!, i);
      p.catch(() => undefined); // awaited in order below; never an unhandled rejection meanwhile
      inFlight.push(p);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const r = await inFlight.shift()!;
    fill();
    yield r;
  }
}
