/**
 * The entry point of an analysis worker thread (bundled by scripts/build.mjs into dist/analysisWorker.js). It
 * runs `analyzeArticle` on what the pool sends (protocol.ts) and posts back the analysis. An exception of the
 * analysis is an answer ('failed'), not a crash: the pool passes it on as the in-thread path would.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle } from '../../core/analysis/index';
import { finishJob } from './jobs';
import { threadCpuMs } from '../threadCpu';
import type { FromWorker, ToWorker, WorkerStart } from './protocol';

const port = parentPort;
if (!port) throw new Error('analysisWorker.js runs as a worker thread only');
let failOn = (workerData as WorkerStart | undefined)?.failOn;

const post = (m: FromWorker): void => port.postMessage(m);
const heap = (): number => getHeapStatistics().used_heap_size;
const cpu = (): number | undefined => threadCpuMs();

port.on('message', (m: ToWorker) => {
  if (m.type === 'failOn') {
    failOn = m.name;
    return;
  }
  if (failOn !== undefined && m.name.endsWith(failOn)) process.exit(70); // the test hook: behave like a crash
  try {
    post({ type: 'done', id: m.id, result: finishJob(m.job, m.text, analyzeArticle(m.text, m.options), m.name), heapUsed: heap(), cpuMs: cpu() });
  } catch (err) {
    post({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err), heapUsed: heap(), cpuMs: cpu() });
  }
});
post({ type: 'ready', heapUsed: heap() });
