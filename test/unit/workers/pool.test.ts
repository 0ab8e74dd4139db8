/**
 * The analysis worker pool (src/node/workers) in plain Node: real worker threads running the worker script built
 * by esbuild into a temporary folder (as scripts/build.mjs builds dist/analysisWorker.js).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { analyzeArticle, type AnalyzeOptions } from '../../../src/core/analysis/index';
import { AnalysisPool, poolSize, WorkerFailure } from '../../../src/node/workers/analysisPool';
import { mapOrdered } from '../../../src/node/workers/orderedMap';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'workspace');
const TEXTS = [readFileSync(path.join(FIXTURES, 'papers', 'quay-vote.txt'), 'utf8'), readFileSync(path.join(FIXTURES, 'wire', 'harbour-deal.txt'), 'utf8')];
const text = (i: number) => `${TEXTS[i % 2]}\nReport number ${i}.\n`;

describe('Analysis worker pool', function () {
  this.timeout(60_000);
  let dir: string;
  let script: string;
  const pools: AnalysisPool[] = [];
  const pool = (opts: Partial<ConstructorParameters<typeof AnalysisPool>[0]> = {}, log: string[] = []) => {
    const p = new AnalysisPool({ script, maxWorkers: 2, inThread: analyzeArticle, log: (m) => log.push(m), ...opts });
    pools.push(p);
    return p;
  };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'na-pool-test-'));
    script = path.join(dir, 'analysisWorker.js');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src/node/workers/analysisWorker.ts')], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.dispose()));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same analyses as the in-thread analysis, corrections included', async () => {
    const p = pool();
    const options = { corrections: { entities: [{ name: 'BHA', type: 'organization' as const, aliases: ['Bergen Harbour Authority'] }], suppress: [] } };
    const got = await Promise.all([0, 1, 2, 3].map((i) => p.analyze(text(i), options, { name: `a${i}` })));
    got.forEach((a, i) => assert.deepEqual(a, analyzeArticle(text(i), options)));
    assert.equal(p.stats().mode, 'workers');
    assert.ok(p.stats().workerPeakHeaps.every((h) => h > 0), 'each worker reports its heap');
    // and its thread's CPU time, where the system tells it (Linux)
    if (process.platform === 'linux') assert.ok(p.stats().workerCpuMs > 0, `the analysis threads' CPU time is counted (${p.stats().workerCpuMs} ms)`);
  });

  it('sizes itself by the cores (all but one, at least one), the setting capped at the cores', () => {
    const cores = os.availableParallelism();
    assert.equal(poolSize(0), Math.max(1, cores - 1));
    assert.equal(poolSize(undefined), Math.max(1, cores - 1));
    assert.equal(poolSize(1), 1);
    assert.equal(poolSize(cores), cores);
    assert.equal(poolSize(1000), cores);
  });

  it('puts a priority request, and prioritised articles, ahead of the queue', async () => {
    const p = pool({ maxWorkers: 1, depth: 1 });
    const order: string[] = [];
    const run = (name: string, priority = false) => p.analyze(text(0), {}, { name, priority }).then(() => order.push(name));
    const all = [run('n1'), run('n2'), run('n3'), run('n4')];
    p.prioritize(['n4']);
    all.push(run('urgent', true));
    await Promise.all(all);
    // n1 was already on the worker; then the prioritised and the priority requests, then the rest in order.
    assert.deepEqual(order, ['n1', 'n4', 'urgent', 'n2', 'n3']);
  });

  it('gives a worker its next request ahead of time (depth 2): a priority request waits behind at most that one', async () => {
    const p = pool({ maxWorkers: 1 });
    const order: string[] = [];
    const run = (name: string, priority = false) => p.analyze(text(0), {}, { name, priority }).then(() => order.push(name));
    const all = [run('n1'), run('n2'), run('n3'), run('n4')];
    all.push(run('urgent', true));
    await Promise.all(all);
    // n1 runs and n2 is already in the worker's queue; the priority request comes next.
    assert.deepEqual(order, ['n1', 'n2', 'urgent', 'n3', 'n4']);
  });

  it('retries the request a crashed worker held ahead of time without counting it as a failure', async () => {
    const log: string[] = [];
    const p = pool({ maxWorkers: 1 }, log);
    const all = [0, 1, 2].map((i) => p.analyze(text(i), {}, { name: `h${i}` }));
    await new Promise<void>((resolve) => {
      const tick = () => (p.killBusyWorker() ? resolve() : setTimeout(tick, 1));
      tick();
    });
    const done = await Promise.all(all);
    done.forEach((a, i) => assert.deepEqual(a, analyzeArticle(text(i))));
    assert.equal(p.stats().replaced, 1);
    assert.equal(log.filter((m) => /retrying/.test(m)).length, 1, 'one retry: the request the worker was running');
  });

  it('replaces a worker ended mid-analysis and retries its article once: nothing is lost', async () => {
    const log: string[] = [];
    const p = pool({}, log);
    const all = Array.from({ length: 12 }, (_, i) => p.analyze(text(i), {}, { name: `k${i}` }));
    await new Promise<void>((resolve) => {
      const tick = () => (p.killBusyWorker() ? resolve() : setTimeout(tick, 1));
      tick();
    });
    const done = await Promise.all(all);
    assert.equal(done.length, 12);
    done.forEach((a, i) => assert.deepEqual(a, analyzeArticle(text(i))));
    assert.equal(p.stats().replaced, 1);
    assert.equal(log.length, 1);
    assert.match(log[0]!, /retrying it on a new worker/);
  });

  it('rejects an article that crashes two workers with WorkerFailure; the others are analysed', async () => {
    const log: string[] = [];
    const p = pool({}, log);
    p.setFailOn('/bad.txt');
    const results = await Promise.allSettled(['a.txt', '/x/bad.txt', 'c.txt', 'd.txt'].map((n, i) => p.analyze(text(i), {}, { name: n })));
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    const err = (results[1] as PromiseRejectedResult).reason as WorkerFailure;
    assert.ok(err instanceof WorkerFailure);
    assert.equal(err.article, '/x/bad.txt');
    assert.equal(p.stats().replaced, 2, 'crashed on a worker, then on a fresh one');
    assert.match(log.join('\n'), /giving up on it/);
  });

  it('replaces a worker that runs an article past its budget', async () => {
    const p = pool({ maxWorkers: 1, budgetMs: () => 1 });
    await assert.rejects(p.analyze(text(0).repeat(40), {}, { name: 'long.txt' }), (e: unknown) => e instanceof WorkerFailure && /no answer after 1 ms/.test(e.reason));
    assert.equal(p.stats().replaced, 2);
  });

  it('passes an exception of the analysis on at once, without a retry', async () => {
    const p = pool();
    // A corrections object the analysis cannot read makes it throw (in the worker, as in this thread).
    const bad = { corrections: { entities: null, suppress: null } } as unknown as AnalyzeOptions;
    await assert.rejects(p.analyze(text(0), bad, { name: 'throws.txt' }), (e: unknown) => e instanceof Error && !(e instanceof WorkerFailure));
    assert.equal(p.stats().replaced, 0);
  });

  it('falls back to this thread when there is no worker script, and says so', async () => {
    const log: string[] = [];
    const p = pool({ script: path.join(dir, 'missing.js') }, log);
    assert.equal(p.stats().mode, 'in-thread');
    assert.match(log[0]!, /analysis runs in this thread: no worker script/);
    assert.deepEqual(await p.analyze(text(1), {}, { name: 'x' }), analyzeArticle(text(1)));
  });

  it('mapOrdered keeps at most `window` in flight and yields in order', async () => {
    let inFlight = 0;
    let most = 0;
    const out: number[] = [];
    for await (const v of mapOrdered([5, 1, 4, 2, 3, 0], 3, async (ms, i) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, ms * 3));
      inFlight--;
      return i;
    }))
      out.push(v);
    assert.deepEqual(out, [0, 1, 2, 3, 4, 5]);
    assert.equal(most, 3);
  });
});
