/**
 * Counts the turns of the event loop: a ticker that runs once per check phase (an immediate queued from an
 * immediate waits for the next turn). The tests use it to see that long work gives the event loop a turn.
 */
export function countTurns(): { readonly count: () => number; stop(): void } {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    count: () => turns,
    stop: () => {
      running = false;
    },
  };
}
