import { strict as assert } from 'node:assert';
import { runInSlices, yieldToEventLoop } from '../../../src/core/util/eventLoop';
import { countTurns } from './turns';

describe('yieldToEventLoop', () => {
  it('resumes one waiting job per turn of the event loop, in turn', async () => {
    const turns = countTurns();
    const seen: { job: string; turn: number }[] = [];
    const job = async (name: string) => {
      for (let i = 0; i < 4; i++) {
        await yieldToEventLoop();
        seen.push({ job: name, turn: turns.count() });
      }
    };
    await Promise.all([job('a'), job('b'), job('c')]);
    turns.stop();
    assert.equal(seen.length, 12);
    // never two jobs resumed in one turn (each calling setImmediate itself, all three ran in one)
    const resumedAt = seen.map((s) => s.turn);
    assert.equal(new Set(resumedAt).size, resumedAt.length, JSON.stringify(seen));
    assert.deepEqual(seen.slice(0, 6).map((s) => s.job), ['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('runInSlices gives the same result as running the steps in one go', async () => {
    function* steps(): Generator<number, number> {
      let sum = 0;
      for (let i = 0; i < 1000; i++) {
        sum += i;
        yield i;
      }
      return sum;
    }
    assert.equal(await runInSlices(steps(), 0), 499500);
  });
});
